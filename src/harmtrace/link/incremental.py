"""Linking a store: its claims in no incident yet, against the incidents it holds.

Reads the unlinked claims and the linked claims they could join (one country
set and date window), decides with the pure core, summarises every incident the
decisions touch, and writes it all in one transaction. With nothing unlinked it
writes nothing, so running it again changes nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from harmtrace import store
from harmtrace.link import settings
from harmtrace.link.clustering import Decision, NewIncident, cluster
from harmtrace.link.entries import ClaimRef, Entry, make_entry
from harmtrace.link.summary import summarise
from harmtrace.store.incidents import IncidentWrite, MemberWrite, StoredClaim


@dataclass(frozen=True, slots=True)
class LinkRun:
    """What one linking run did."""

    claims: int = 0
    joined: int = 0
    founded: int = 0
    incidents_updated: int = 0


def claim_ref(stored: StoredClaim) -> ClaimRef:
    return ClaimRef(key=stored.claim_id, claim=stored.claim, report_id=stored.report_id,
                    outlet=stored.outlet, url=stored.url, published=stored.published,
                    copy_of=stored.copy_of)


def link_store(sessions: sessionmaker[Session], *,
               threshold: float = settings.LINK_THRESHOLD) -> LinkRun:
    """Link every current claim of the store that is in no incident yet."""
    with sessions() as session:
        new = [make_entry(claim_ref(c)) for c in store.unlinked_claims(session)]
        if not new:
            return LinkRun()
        existing = _linked_near(session, new)
    decisions = cluster(new, existing, threshold=threshold)
    members = _members_after(sessions, decisions, new)
    writes = [_incident_write(key, refs) for key, refs in members.items()]
    with sessions() as session:
        store.save_links(session, incidents=writes,
                         members=[_member(d, threshold) for d in decisions])
    founded = sum(d.founded for d in decisions)
    return LinkRun(claims=len(decisions), joined=len(decisions) - founded, founded=founded,
                   incidents_updated=sum(isinstance(k, int) for k in members))


def _linked_near(session: Session, new: Sequence[Entry]) -> list[Entry]:
    """The linked claims the new ones could join, with their incident ids."""
    countries = {e.country for e in new if e.country}
    los = [e.lo for e in new if e.lo is not None]
    his = [e.hi for e in new if e.hi is not None]
    gap = settings.MAX_GAP_DAYS
    since = date.fromordinal(min(los) - gap).isoformat() if los else None
    until = date.fromordinal(max(his) + gap).isoformat() if his else None
    entries = []
    for stored, incident_id in store.linked_claims(session, countries=countries, since=since,
                                                   until=until):
        entry = make_entry(claim_ref(stored))
        entry.incident = incident_id
        entries.append(entry)
    return entries


def _members_after(sessions: sessionmaker[Session], decisions: Sequence[Decision],
                   new: Sequence[Entry]) -> dict[Hashable, list[ClaimRef]]:
    """Every claim of every touched incident: the ones it had and the ones joining."""
    ref_of = {e.ref.key: e.ref for e in new}
    touched_ids = {d.incident for d in decisions if isinstance(d.incident, int)}
    with sessions() as session:
        before = store.incident_claims(session, incident_ids=touched_ids)
    members: dict[Hashable, list[ClaimRef]] = defaultdict(list)
    for incident_id, claims in before.items():
        members[incident_id].extend(claim_ref(c) for c in claims)
    for decision in decisions:
        members[decision.incident].append(ref_of[decision.key])
    return members


def _incident_write(key: Hashable, refs: Sequence[ClaimRef]) -> IncidentWrite:
    summary = summarise(refs)
    values = summary.values
    return IncidentWrite(
        key=key, summary=summary.to_json(), grade=summary.grade.grade,
        grade_rule=summary.grade.rule, country=values["country"],
        date_start=values["date_start"], date_end=values["date_end"],
        perpetrators=summary.perpetrators,
    )


def _member(decision: Decision, threshold: float) -> MemberWrite:
    assert isinstance(decision.key, int)
    return MemberWrite(decision.key, decision.incident, score_json(decision, threshold))


def score_json(decision: Decision, threshold: float) -> dict[str, Any]:
    """Why a claim is where it is: the claim it matched and the score's parts."""
    if decision.score is None:
        return {"founded": True, "threshold": threshold}
    return {"matched_claim": decision.matched, "threshold": threshold,
            "support": round(decision.support or 0.0, 3), **decision.score.parts()}


__all__ = ["LinkRun", "NewIncident", "link_store"]
