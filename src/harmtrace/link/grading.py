"""A grade per incident, by written rules; the first rule that holds decides.

In the spirit of civilian-harm monitors' scales (a belligerent's admission
first, then corroboration by independent sources, then single-source claims,
with contested and denied incidents marked as such):

1. `acknowledged`: a claimer on the side of the actor its claim blames admits
   harm to people other than combatants: its claim is not a denial and is about
   civilians or a mix, or gives a toll of unspecified victims (claiming an attack
   on an oil plant, with no one said to be hurt, is not an admission of harm);
2. `contested`: claims blame actors on two or more different sides;
3. `denied`: a claimer on the side of the actor its claim blames denies it;
4. `corroborated`: two or more independent sources (`independence.py`) give
   claims that agree on time and place: dates at most a week wide and at most
   a day apart, the same place, one within the other, or within reach;
5. `reported`: two or more independent sources, but none that agree on both
   time and place (a month-only date, a province only);
6. `single_source`: one independent source.

The grade names the rule that fired and says why, so an analyst can check it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from harmtrace import aliases
from harmtrace.link import settings
from harmtrace.link.entries import ClaimRef, Entry, make_entry
from harmtrace.link.independence import independent_sources
from harmtrace.link.scoring import place_part
from harmtrace.link.sides import same_side
from harmtrace.records import IncidentClaim

GRADES: tuple[str, ...] = (
    "acknowledged", "contested", "denied", "corroborated", "reported", "single_source",
)
RULE_VERSION = 1
NOT_BELLIGERENTS = frozenset({"ngo", "international_org", "media", "person", "source"})
AGREE_MAX_DAYS = 7
AGREE_MAX_GAP = 1


@dataclass(frozen=True, slots=True)
class Grade:
    grade: str
    rule: str
    reason: str

    def to_json(self) -> dict[str, str]:
        return {"grade": self.grade, "rule": self.rule, "reason": self.reason}


def _grade(name: str, reason: str) -> Grade:
    return Grade(name, f"grade.{name}/{RULE_VERSION}", reason)


def grade(refs: Sequence[ClaimRef]) -> Grade:
    """The incident's grade: the first of the module's rules that holds."""
    claims = [ref.claim for ref in refs]
    for rule in (_acknowledged, _contested, _denied):
        found = rule(claims)
        if found:
            return found
    return _by_sources(refs)


def _speaks_for_blamed(claim: IncidentClaim) -> bool:
    """Whether the claimer speaks for the actor its claim blames (which must be one
    that can attack: not a monitor, a newspaper or an international body)."""
    blamed = claim.perpetrator
    if blamed.casefold() == "unknown" or aliases.actor_kind(blamed) in NOT_BELLIGERENTS:
        return False
    return same_side(claim.claimed_by, blamed)


def _acknowledged(claims: Sequence[IncidentClaim]) -> Grade | None:
    for c in claims:
        if _speaks_for_blamed(c) and not c.negated and _admits_harm(c):
            return _grade("acknowledged", f"{c.claimed_by} acknowledges for {c.perpetrator}")
    return None


def _admits_harm(claim: IncidentClaim) -> bool:
    if claim.victims in ("civilians", "mixed"):
        return True
    figures = (claim.killed_low, claim.killed_high, claim.injured_low, claim.injured_high)
    return claim.victims == "unspecified" and any(f for f in figures)


def _contested(claims: Sequence[IncidentClaim]) -> Grade | None:
    blamed: dict[str, str] = {}
    for c in claims:
        known = c.perpetrator.casefold() != "unknown" and not c.negated
        if known and not any(same_side(c.perpetrator, other) for other in blamed):
            blamed[c.perpetrator] = c.claimed_by
    if len(blamed) < 2:
        return None
    reason = "; ".join(f"{by} blames {actor}" for actor, by in blamed.items())
    return _grade("contested", reason)


def _denied(claims: Sequence[IncidentClaim]) -> Grade | None:
    for c in claims:
        if c.negated and _speaks_for_blamed(c):
            return _grade("denied", f"{c.claimed_by} denies for {c.perpetrator}")
    return None


def _by_sources(refs: Sequence[ClaimRef]) -> Grade:
    groups = independent_sources(refs)
    if len(groups) < 2:
        return _grade("single_source", "one independent source")
    entries = [make_entry(ref) for ref in refs]
    group_of = {i: g for g, members in enumerate(groups) for i in members}
    for i, j in combinations(range(len(refs)), 2):
        if group_of[i] != group_of[j] and agree(entries[i], entries[j]):
            return _grade("corroborated", f"{len(groups)} independent sources; "
                          f"{refs[i].claim.claimed_by} and {refs[j].claim.claimed_by} "
                          "agree on time and place")
    return _grade("reported", f"{len(groups)} independent sources, none agreeing on both "
                  "time and place")


def agree(a: Entry, b: Entry) -> bool:
    """Whether two claims agree on time (within a day, both at most a week wide) and place."""
    if a.lo is None or b.lo is None or a.hi is None or b.hi is None or a.imputed or b.imputed:
        return False
    if max(a.hi - a.lo, b.hi - b.lo) >= AGREE_MAX_DAYS:
        return False
    if max(a.lo - b.hi, b.lo - a.hi, 0) > AGREE_MAX_GAP:
        return False
    place = place_part(a, b)
    return place is not None and place >= settings.PLACE_WITHIN_REACH
