"""One incident's claims reconciled: the range of tolls, the dates, who is blamed.

Every claim keeps its own figure; the reconciled range only brackets them, by
a rule written here and stored with the range (`RANGE_RULE`):

- a figure counts when its claim is not a denial; civilian harm is counted from
  claims about civilians, a mix, or unspecified victims, and claims that count
  only combatants get a range of their own;
- low is the lowest low any such claim gives (its "at least", or its exact
  figure): the floor that every source's own count stays at or above;
- high is the highest figure any such claim gives: its upper bound, or its low
  when it gives none (a source saying "at least 150" claims 150, not fewer);
- no figure, no range (null low and high).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from harmtrace.link.entries import ClaimRef, date_range, reach_km
from harmtrace.link.independence import independent_sources
from harmtrace.link.sides import actor_key
from harmtrace.records import IncidentClaim

RANGE_RULE = "range.lowest_low_highest_figure/1"
COMBATANTS = "combatants"


@dataclass(frozen=True, slots=True)
class Range:
    low: int | None
    high: int | None
    claims: int

    def to_json(self) -> dict[str, Any]:
        return {"low": self.low, "high": self.high, "claims": self.claims, "rule": RANGE_RULE}


def figure_range(pairs: Iterable[tuple[int | None, int | None]]) -> Range:
    """The reconciled range of (low, high) figures, per the module's rule."""
    given = [(low, high) for low, high in pairs if low is not None or high is not None]
    lows = [low for low, _ in given if low is not None]
    highs = [high if high is not None else low for low, high in given]
    return Range(min(lows) if lows else None,
                 max(h for h in highs if h is not None) if given else None, len(given))


def killed_range(claims: Iterable[IncidentClaim], *, combatants: bool = False) -> Range:
    return figure_range((c.killed_low, c.killed_high) for c in _counted(claims, combatants))


def injured_range(claims: Iterable[IncidentClaim]) -> Range:
    return figure_range((c.injured_low, c.injured_high) for c in _counted(claims, False))


def _counted(claims: Iterable[IncidentClaim], combatants: bool) -> list[IncidentClaim]:
    return [c for c in claims if not c.negated and (c.victims == COMBATANTS) == combatants]


def date_span(refs: Sequence[ClaimRef]) -> tuple[str | None, str | None]:
    """Earliest date any claim gives and latest; claims without a date are left out."""
    days = [date_range(ref.claim, None) for ref in refs]
    los = [lo for lo, _, _ in days if lo is not None]
    his = [hi for _, hi, _ in days if hi is not None]
    first = date.fromordinal(min(los)).isoformat() if los else None
    last = date.fromordinal(max(his)).isoformat() if his else None
    return first, last


def perpetrators(claims: Iterable[IncidentClaim]) -> list[dict[str, Any]]:
    """Each actor blamed, with who blames it; a denial does not count as blame."""
    blamed: dict[str, list[str]] = {}
    for claim in claims:
        if claim.negated or claim.perpetrator.casefold() == "unknown":
            continue
        claimers = blamed.setdefault(actor_key(claim.perpetrator), [])
        if claim.claimed_by not in claimers:
            claimers.append(claim.claimed_by)
    return [{"actor": actor, "claimed_by": by} for actor, by in sorted(blamed.items())]


def main_place(claims: Sequence[IncidentClaim]) -> dict[str, Any]:
    """The country most claims give, and the most precisely placed claim's place."""
    countries = [c.country for c in claims if c.country]
    country = max(sorted(set(countries)), key=countries.count) if countries else None
    placed = [c for c in claims if c.latitude is not None and c.longitude is not None]
    best = min(placed, key=lambda c: reach_km(c.geo_precision), default=None)
    return {
        "country": country,
        "location": best.location if best else next((c.location for c in claims if c.location),
                                                    None),
        "latitude": best.latitude if best else None,
        "longitude": best.longitude if best else None,
    }


def reconcile(refs: Sequence[ClaimRef]) -> dict[str, Any]:
    """Everything an incident says across its claims, as JSON-ready values."""
    claims = [ref.claim for ref in refs]
    first, last = date_span(refs)
    return {
        "claims": len(refs),
        "reports": len({ref.original for ref in refs}),
        "sources": len(independent_sources(refs)),
        "killed": killed_range(claims).to_json(),
        "injured": injured_range(claims).to_json(),
        "combatants_killed": killed_range(claims, combatants=True).to_json(),
        "date_start": first,
        "date_end": last,
        "perpetrators": perpetrators(claims),
        "denied_by": sorted({c.claimed_by for c in claims if c.negated}),
        "event_types": sorted({c.event_type for c in claims}),
        "locations": sorted({c.location for c in claims if c.location}),
        **main_place(claims),
    }
