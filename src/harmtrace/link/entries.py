"""A claim as linking sees it: the claim, its report's provenance, and the values
blocking and scoring compare, worked out once per claim.

`ClaimRef` is what callers hand in (from the store, from an evaluation run, or
made up by the benchmark); `Entry` is the linker's own view of it. Dates become
day numbers, places a folded name key, a country, coordinates and a reach in km,
actors canonical names.
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Hashable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from harmtrace.link import settings
from harmtrace.link.names import place_key
from harmtrace.link.sides import actor_key
from harmtrace.records import IncidentClaim

UNKNOWN_ACTORS = frozenset({"", "unknown"})


@dataclass(frozen=True, slots=True)
class ClaimRef:
    """A claim and what linking needs of the report it came from."""

    key: Hashable
    claim: IncidentClaim
    report_id: str
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    copy_of: str | None = None

    @property
    def original(self) -> str:
        """The report this one copies, or itself: a copy tells its original's events."""
        return self.copy_of or self.report_id


@dataclass(slots=True)
class Entry:
    """The comparable values of one claim; `incident` is set once it is linked."""

    ref: ClaimRef
    event_type: str
    lo: int | None
    hi: int | None
    imputed: bool
    country: str | None
    lat: float | None
    lon: float | None
    reach: float
    tier: int
    loc: str | None
    admin: str | None
    perpetrator: str | None
    killed: int | None
    victims: str
    incident: Hashable = None

    @property
    def span(self) -> int:
        return (self.hi - self.lo + 1) if self.lo is not None and self.hi is not None else 0

    @property
    def placed(self) -> bool:
        return self.lat is not None

    def order(self) -> tuple[int, float, int, str]:
        """Seeding order: the best dated and placed claims found incidents first."""
        span = self.span if self.lo is not None and not self.imputed else 10**6
        return (span, self.reach, 0 if self.killed is not None else 1, str(self.ref.key))


def make_entry(ref: ClaimRef) -> Entry:
    claim = ref.claim
    lo, hi, imputed = date_range(claim, ref.published)
    named = claim.geo_precision != "country"
    has_coords = named and claim.latitude is not None and claim.longitude is not None
    return Entry(
        ref=ref,
        event_type=claim.event_type,
        lo=lo,
        hi=hi,
        imputed=imputed,
        country=(claim.country or "").upper() or None,
        lat=claim.latitude if has_coords else None,
        lon=claim.longitude if has_coords else None,
        reach=reach_km(claim.geo_precision) if has_coords else math.inf,
        tier=settings.TIERS.get((claim.geo_precision or "").casefold(), settings.DEFAULT_TIER),
        loc=place_key(claim.location) if named else None,
        admin=place_key(claim.admin) if named else None,
        perpetrator=None if claim.perpetrator.casefold() in UNKNOWN_ACTORS
        else actor_key(claim.perpetrator),
        killed=claim.killed_low if claim.killed_low is not None else claim.killed_high,
        victims=claim.victims,
    )


def reach_km(precision: str | None) -> float:
    """How far a place of this geo precision reaches from its coordinates."""
    return settings.RADIUS_KM.get((precision or "").casefold(), settings.DEFAULT_RADIUS_KM)


def date_range(claim: IncidentClaim, published: str | None) -> tuple[int | None, int | None, bool]:
    """Day numbers of the claimed range; a claim with no date gets the week before
    its report was published, marked as assumed."""
    lo = _bound(claim.date_start, first=True)
    hi = _bound(claim.date_end or claim.date_start, first=False)
    if lo is not None and hi is not None:
        return min(lo, hi), max(lo, hi), False
    if lo is not None or hi is not None:
        day = lo if lo is not None else hi
        return day, day, False
    published_day = _bound(published, first=False)
    if published_day is None:
        return None, None, True
    return published_day - settings.UNDATED_LOOKBACK_DAYS, published_day, True


@lru_cache(maxsize=65536)
def _bound(value: str | None, *, first: bool) -> int | None:
    """First or last day number of an ISO date, month ("2017-03") or year ("2017")."""
    if not value:
        return None
    try:
        parts = [int(p) for p in value[:10].split("-")]
        year = parts[0]
        if len(parts) == 1:
            return date(year, 1, 1).toordinal() if first else date(year, 12, 31).toordinal()
        month = parts[1]
        if len(parts) == 2:
            last = calendar.monthrange(year, month)[1]
            return date(year, month, 1 if first else last).toordinal()
        return date(year, month, parts[2]).toordinal()
    except (ValueError, IndexError):
        return None
