"""How alike two claims are: five parts in [0, 1] and their weighted mean.

- place: the same name (after folding spellings) 1; one named as the other's
  wider area, or lying within the reach of a place of a higher tier (a
  neighbourhood in a city, a village in a province), less; two different
  places of one tier (two neighbourhoods of a city, two nearby villages)
  little; a claim placed only by country weakly. Different countries, or places further apart than
  both reaches together, rule the pair out.
- date: how close the two date ranges are (overlapping, one, two or three days
  apart), weighted by how specific the wider one is (a day, a week, a month,
  a year). Ranges more than three days apart rule the pair out.
- event type: 1 for the same type, less for types sources confuse
  (`data/link/event_types.json`).
- perpetrator: the same side 1, one unknown 0.5, different sides 0.2: sources
  often blame different actors for one strike, so this only tips the balance.
- figures: the ratio of the two death tolls (smaller + 1) / (larger + 1), or
  0.5 when either gives none or they count different victim groups.

The total is the weighted geometric mean of the parts (each floored at
`PART_FLOOR`), so one part that strongly disagrees (two different named places)
pulls the total down however well the rest agree. Weights and cut-offs are in
`settings.py`.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from harmtrace.link import settings
from harmtrace.link.entries import Entry
from harmtrace.link.sides import side_of

KM_PER_DEGREE = 111.2
GENERIC_VICTIMS = frozenset({"unspecified", "mixed"})


@dataclass(frozen=True, slots=True)
class Score:
    """A pair's score and its parts, kept so an analyst can check the decision."""

    total: float
    place: float
    date: float
    event_type: float
    perpetrator: float
    figures: float

    def parts(self) -> dict[str, float]:
        return {
            "total": round(self.total, 3), "place": round(self.place, 3),
            "date": round(self.date, 3), "event_type": round(self.event_type, 3),
            "perpetrator": round(self.perpetrator, 3), "figures": round(self.figures, 3),
        }


def score(a: Entry, b: Entry) -> Score | None:
    """The pair's score, or None when place or date rule it out."""
    when = date_part(a, b)
    if when is None:
        return None
    place = place_part(a, b)
    if place is None:
        return None
    kind = type_part(a.event_type, b.event_type)
    blame = perpetrator_part(a.perpetrator, b.perpetrator)
    figures = figures_part(a, b)
    return Score(combine(place, when, kind, blame, figures), place, when, kind, blame, figures)


def combine(place: float, when: float, kind: float, blame: float, figures: float) -> float:
    """Weighted geometric mean: one part that strongly disagrees sinks the total."""
    w = settings.WEIGHTS
    return math.exp(
        w["place"] * math.log(max(place, settings.PART_FLOOR))
        + w["date"] * math.log(max(when, settings.PART_FLOOR))
        + w["event_type"] * math.log(max(kind, settings.PART_FLOOR))
        + w["perpetrator"] * math.log(max(blame, settings.PART_FLOOR))
        + w["figures"] * math.log(max(figures, settings.PART_FLOOR))
    )


def distance_km(a: Entry, b: Entry) -> float:
    """Equirectangular distance: exact enough within the few hundred km compared."""
    assert a.lat is not None and b.lat is not None and a.lon is not None and b.lon is not None
    dlat = a.lat - b.lat
    dlon = (a.lon - b.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    return KM_PER_DEGREE * math.hypot(dlat, dlon)


def place_part(a: Entry, b: Entry) -> float | None:
    if a.country and b.country and a.country != b.country:
        return None
    both_placed = a.placed and b.placed
    distance = distance_km(a, b) if both_placed else None
    if distance is not None and distance > max(a.reach + b.reach, settings.SAME_PLACE_KM):
        return None
    if a.loc and a.loc == b.loc:
        if distance is not None and distance > settings.SAME_NAME_MAX_KM:
            return None
        return settings.PLACE_SAME_NAME
    if (a.loc and a.loc == b.admin) or (b.loc and b.loc == a.admin):
        return settings.PLACE_CONTAINED
    if a.loc and b.loc and a.admin and a.admin == b.admin:
        return settings.PLACE_DISTINCT
    if distance is not None:
        return _by_distance(a, b, distance)
    if a.loc and b.loc:
        return settings.PLACE_NAMES_DIFFER
    if a.loc or b.loc or a.country or b.country:
        return settings.PLACE_COUNTRY_ONLY
    return settings.PLACE_UNPLACED


def _by_distance(a: Entry, b: Entry, distance: float) -> float:
    if a.tier != b.tier:
        return settings.PLACE_WITHIN_REACH
    if distance <= settings.SAME_PLACE_KM and not (a.admin and b.admin):
        return settings.PLACE_NEAR_SAME
    return settings.PLACE_DISTINCT


def date_part(a: Entry, b: Entry) -> float | None:
    same_report = a.ref.original == b.ref.original
    if a.lo is None or b.lo is None or a.hi is None or b.hi is None:
        return settings.UNDATED_WITHIN_REPORT if same_report else None
    if same_report and (a.imputed or b.imputed):
        return settings.UNDATED_WITHIN_REPORT
    gap = max(a.lo - b.hi, b.lo - a.hi, 0)
    if gap > settings.MAX_GAP_DAYS:
        return None
    closeness = settings.DATE_GAP_SCORE[gap]
    if a.imputed or b.imputed:
        return closeness * settings.UNDATED_SPECIFICITY
    return closeness * specificity(max(a.hi - a.lo, b.hi - b.lo) + 1)


def specificity(days: int) -> float:
    for longest, weight in settings.SPECIFICITY:
        if days <= longest:
            return weight
    return settings.COARSEST_SPECIFICITY


@cache
def _type_table() -> tuple[float, float, dict[frozenset[str], float]]:
    data = json.loads((files("harmtrace") / "data" / "link" / "event_types.json")
                      .read_text("utf-8"))
    pairs = {frozenset((a, b)): float(value) for a, b, value in data["pairs"]}
    return float(data["same"]), float(data["other"]), pairs


def type_part(a: str, b: str) -> float:
    same, other, pairs = _type_table()
    if a == b:
        return same
    if a == "other" or b == "other":
        return other
    return pairs.get(frozenset((a, b)), 0.0)


def perpetrator_part(a: str | None, b: str | None) -> float:
    if a is None or b is None:
        return settings.PERPETRATOR_UNKNOWN
    if a == b or side_of(a) == side_of(b):
        return settings.PERPETRATOR_SAME
    return settings.PERPETRATOR_DIFFERENT


def figures_part(a: Entry, b: Entry) -> float:
    if a.killed is None or b.killed is None:
        return settings.FIGURES_UNKNOWN
    if a.victims != b.victims and not {a.victims, b.victims} & GENERIC_VICTIMS:
        return settings.FIGURES_UNKNOWN
    low, high = sorted((a.killed, b.killed))
    return (low + 1) / (high + 1)
