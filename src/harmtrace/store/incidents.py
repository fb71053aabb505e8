"""Linked incidents: the claims linking reads and the incidents it writes.

Linking reads the current claims (`reviews.in_view(..., "current")`) that are
in no incident yet, and the linked claims a new claim could join; it writes new
incidents, their members with the score that linked each, and the refreshed
summary of every incident it touched, all in one transaction. Listings read
the columns `incidents` repeats from the summary; an incident's claims are read
with their reports for the side-by-side view and for export.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Hashable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, delete, exists, func, insert, or_, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from harmtrace.errors import StoreError
from harmtrace.records import IncidentClaim
from harmtrace.store.convert import to_record
from harmtrace.store.db import WRITE_OPTION, reason, refresh_statistics
from harmtrace.store.queries import IDS_PER_QUERY, STREAM_ROWS
from harmtrace.store.reviews import in_view
from harmtrace.store.schema import (
    IncidentClaimRow,
    IncidentMemberRow,
    IncidentPerpetratorRow,
    IncidentRow,
    OutletRow,
    ReportRow,
    utc_now,
)


@dataclass(frozen=True, slots=True)
class StoredClaim:
    """A stored incident claim with the details of its report that linking weighs."""

    claim_id: int
    report_id: str
    outlet: str | None
    url: str | None
    published: str | None
    copy_of: str | None
    title: str | None
    claim: IncidentClaim


@dataclass(frozen=True, slots=True)
class IncidentWrite:
    """An incident's state after linking; `key` is its id, or a label for a new one."""

    key: Hashable
    summary: dict[str, Any]
    grade: str | None
    grade_rule: str | None
    country: str | None
    date_start: str | None
    date_end: str | None
    perpetrators: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MemberWrite:
    """A claim placed in an incident (an id, or a new incident's label) and why."""

    claim_id: int
    incident: Hashable
    score: dict[str, Any] | None


INCIDENT_TABLES = ("incidents", "incident_perpetrators", "incident_members")
"""The tables linking writes, whose statistics are refreshed after it wrote."""


@dataclass(frozen=True, slots=True)
class IncidentListing:
    """One line of an incident listing."""

    id: int
    grade: str | None
    grade_rule: str | None
    country: str | None
    date_start: str | None
    date_end: str | None
    summary: dict[str, Any]


@dataclass(frozen=True, slots=True)
class IncidentMember:
    claim: StoredClaim
    score: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class StoredIncident:
    """An incident with its current claims, in the order they were linked."""

    incident: IncidentListing
    members: tuple[IncidentMember, ...]


def unlinked_claims(session: Session) -> list[StoredClaim]:
    """Current claims in no incident yet, oldest first."""
    linked = exists().where(IncidentMemberRow.claim_id == IncidentClaimRow.id)
    statement = _claims_query().where(~linked).order_by(IncidentClaimRow.id)
    return [_stored(*row) for row in session.execute(statement)]


def linked_claims(
    session: Session, *, countries: Collection[str], since: str | None, until: str | None,
) -> list[tuple[StoredClaim, int]]:
    """Linked current claims a new claim in `countries` between the dates could join.

    A wide net: claims of those countries or of none, dated from the year of `since`
    to `until` or not dated, with their incident ids. Blocking narrows it.
    """
    statement = (
        _claims_query()
        .add_columns(IncidentMemberRow.incident_id)
        .join(IncidentMemberRow, IncidentMemberRow.claim_id == IncidentClaimRow.id)
        .where(or_(IncidentClaimRow.country.in_(list(countries)),
                   IncidentClaimRow.country.is_(None)))
        .order_by(IncidentMemberRow.id)
    )
    if since:
        end = func.coalesce(IncidentClaimRow.date_end, IncidentClaimRow.date_start,
                            ReportRow.published)
        statement = statement.where(or_(end.is_(None), end >= since[:4]))
    if until:
        start = func.coalesce(IncidentClaimRow.date_start, ReportRow.published)
        statement = statement.where(or_(start.is_(None), start <= until))
    return [(_stored(*row[:-1]), row[-1]) for row in session.execute(statement)]


def incident_claims(
    session: Session, *, incident_ids: Collection[int]
) -> dict[int, list[StoredClaim]]:
    """The current claims of each incident, in the order they were linked."""
    found: dict[int, list[StoredClaim]] = defaultdict(list)
    wanted = sorted(set(incident_ids))
    for start in range(0, len(wanted), IDS_PER_QUERY):
        chunk = wanted[start: start + IDS_PER_QUERY]
        statement = (
            _claims_query()
            .add_columns(IncidentMemberRow.incident_id)
            .join(IncidentMemberRow, IncidentMemberRow.claim_id == IncidentClaimRow.id)
            .where(IncidentMemberRow.incident_id.in_(chunk))
            .order_by(IncidentMemberRow.id)
        )
        for row in session.execute(statement):
            found[row[-1]].append(_stored(*row[:-1]))
    return dict(found)


def save_links(
    session: Session, *, incidents: Sequence[IncidentWrite], members: Sequence[MemberWrite]
) -> dict[Hashable, int]:
    """Write linking's decisions in one transaction; returns each incident key's id.

    The session must have no transaction open. A claim another linker placed
    meanwhile makes the whole write fail (claims belong to one incident only).
    """
    if session.in_transaction():
        raise StoreError("save_links needs a session with no open transaction; commit it first")
    try:
        with session.begin():
            session.connection(execution_options={WRITE_OPTION: True})
            ids = _write_incidents(session, incidents)
            _write_members(session, members, ids)
    except SQLAlchemyError as exc:
        raise StoreError(f"links for {len(members)} claims were not stored: {reason(exc)}") \
            from exc
    refresh_statistics(session, INCIDENT_TABLES)
    return ids


def list_incidents(
    session: Session,
    *,
    country: str | None = None,
    since: str | None = None,
    until: str | None = None,
    perpetrator: str | None = None,
    grade: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[IncidentListing]:
    """Incidents, latest first, filtered by country, claimed dates, blamed actor and grade.

    An incident counts as within [since, until] when its claimed dates overlap it.
    """
    statement = select(IncidentRow).order_by(
        IncidentRow.date_start.desc().nulls_last(), IncidentRow.id
    )
    if country:
        statement = statement.where(IncidentRow.country == country.upper())
    if since:
        statement = statement.where(func.coalesce(IncidentRow.date_end, "") >= since)
    if until:
        statement = statement.where(IncidentRow.date_start <= until)
    if grade:
        statement = statement.where(IncidentRow.grade == grade)
    if perpetrator:
        statement = statement.where(exists().where(
            IncidentPerpetratorRow.incident_id == IncidentRow.id,
            IncidentPerpetratorRow.perpetrator == perpetrator,
        ))
    rows = session.scalars(statement.limit(limit).offset(offset))
    return [listing_of(row) for row in rows]


def get_incident(session: Session, *, incident_id: int) -> StoredIncident | None:
    """An incident with its current claims and the score that linked each; None if absent."""
    row = session.get(IncidentRow, incident_id)
    if row is None:
        return None
    statement = (
        _claims_query()
        .add_columns(IncidentMemberRow.score)
        .join(IncidentMemberRow, IncidentMemberRow.claim_id == IncidentClaimRow.id)
        .where(IncidentMemberRow.incident_id == incident_id)
        .order_by(IncidentMemberRow.id)
    )
    members = tuple(IncidentMember(_stored(*r[:-1]), r[-1]) for r in session.execute(statement))
    return StoredIncident(listing_of(row), members)


def iter_incidents(session: Session) -> Iterator[dict[str, Any]]:
    """Every incident with its summary and its claims, for export."""
    statement = select(IncidentRow.id).order_by(IncidentRow.id).execution_options(
        yield_per=STREAM_ROWS
    )
    ids = list(session.scalars(statement))
    for start in range(0, len(ids), IDS_PER_QUERY):
        chunk = ids[start: start + IDS_PER_QUERY]
        claims = incident_claims(session, incident_ids=chunk)
        rows = session.scalars(select(IncidentRow).where(IncidentRow.id.in_(chunk))
                               .order_by(IncidentRow.id))
        for row in rows:
            yield {
                "incident_id": row.id, "grade": row.grade, "grade_rule": row.grade_rule,
                "country": row.country, "date_start": row.date_start,
                "date_end": row.date_end, "summary": row.summary,
                "claims": [claim_json(c) for c in claims.get(row.id, [])],
            }


def claim_json(stored: StoredClaim) -> dict[str, Any]:
    return {
        "record_id": stored.claim_id, "report_id": stored.report_id, "outlet": stored.outlet,
        "published": stored.published, "url": stored.url, "copy_of": stored.copy_of,
        **stored.claim.to_dict(),
    }


def _claims_query() -> Select[Any]:
    return (
        select(IncidentClaimRow, ReportRow.id, OutletRow.name, ReportRow.url,
               ReportRow.published, ReportRow.copy_of, ReportRow.title)
        .join(ReportRow, IncidentClaimRow.report_id == ReportRow.id)
        .outerjoin(OutletRow, ReportRow.outlet_id == OutletRow.id)
        .where(in_view(IncidentClaimRow, "current"))
    )


def _stored(row: IncidentClaimRow, report_id: str, outlet: str | None, url: str | None,
            published: str | None, copy_of: str | None, title: str | None) -> StoredClaim:
    claim = to_record(row, IncidentClaim)
    assert isinstance(claim, IncidentClaim)
    return StoredClaim(row.id, report_id, outlet, url, published, copy_of, title, claim)


def listing_of(row: IncidentRow) -> IncidentListing:
    return IncidentListing(row.id, row.grade, row.grade_rule, row.country, row.date_start,
                           row.date_end, dict(row.summary or {}))


def _values(write: IncidentWrite) -> dict[str, Any]:
    killed = write.summary.get("killed") or {}
    return {
        "summary": write.summary, "grade": write.grade, "grade_rule": write.grade_rule,
        "country": write.country, "date_start": write.date_start, "date_end": write.date_end,
        "killed_low": killed.get("low"), "killed_high": killed.get("high"),
        "latitude": write.summary.get("latitude"), "longitude": write.summary.get("longitude"),
        "location": write.summary.get("location"),
        "updated_at": utc_now(),
    }


def _write_incidents(session: Session, incidents: Sequence[IncidentWrite]) -> dict[Hashable, int]:
    """Update known incidents one by one; insert new ones in one statement, with their actors."""
    ids: dict[Hashable, int] = {}
    new = [write for write in incidents if not isinstance(write.key, int)]
    for write in incidents:
        if isinstance(write.key, int):
            session.execute(update(IncidentRow).where(IncidentRow.id == write.key)
                            .values(**_values(write)))
            ids[write.key] = write.key
            _write_perpetrators(session, write.key, write.perpetrators)
    if new:
        statement = insert(IncidentRow).returning(IncidentRow.id, sort_by_parameter_order=True)
        made = session.scalars(statement, [{"created_at": utc_now(), **_values(w)} for w in new])
        ids.update(zip((w.key for w in new), made, strict=True))
        rows = [{"incident_id": ids[w.key], "perpetrator": actor}
                for w in new for actor in sorted(set(w.perpetrators))]
        if rows:
            session.execute(insert(IncidentPerpetratorRow), rows)
    return ids


def _write_perpetrators(session: Session, incident_id: int, actors: Sequence[str]) -> None:
    session.execute(delete(IncidentPerpetratorRow)
                    .where(IncidentPerpetratorRow.incident_id == incident_id))
    rows = [{"incident_id": incident_id, "perpetrator": a} for a in sorted(set(actors))]
    if rows:
        session.execute(insert(IncidentPerpetratorRow), rows)


def _write_members(session: Session, members: Sequence[MemberWrite],
                   ids: dict[Hashable, int]) -> None:
    rows = [{"claim_id": m.claim_id, "incident_id": ids.get(m.incident, m.incident),
             "score": m.score} for m in members]
    if rows:
        session.execute(insert(IncidentMemberRow), rows)
