"""From drafts to incident claims: one record per claimer, event and kind of claim.

A draft is what one sentence says for one claimer: a toll, a denial, an accusation
or an admission, with the frame of the event it belongs to. Drafts of one claimer
about one event merge; the figure that stands is the revised one ("the toll had
risen to 37"), a whole count before a part, an exact figure before "dozens", the
larger before the smaller, the earlier before the later. A denial stays its own
record, as does a separate count of fighters and a denier's accusation of another
actor. Place, date and kind are read from the frames once the whole report is read,
so a detail given late reaches every claim about the event.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from harmtrace.extract.counts import group_named
from harmtrace.extract.frames import Frame
from harmtrace.extract.gazetteer import Place, geocode, place_key
from harmtrace.extract.places import PlaceMention
from harmtrace.extract.tolls import Toll
from harmtrace.records import IncidentClaim

RULE_TOLL = "claims.toll/2"
RULE_STANCE = "claims.stance/1"
# A chemical attack is coded `other` whatever a claim says delivered it.
CHEMICAL = "other"


@dataclass
class Draft:
    """One claimer's claim about one event, before claims of the same voice merge."""

    frame: Frame
    claimer: str
    start: int
    end: int
    toll: Toll | None = None
    negated: bool = False
    perpetrator: str | None = None
    kind: str | None = None
    place: PlaceMention | None = None
    own_side: str | None = None


@dataclass
class ReportView:
    """What writing a claim needs to know of the whole report."""

    text: str
    frames: list[Frame]
    country: str | None = None
    title_kind: str | None = None
    main_place: PlaceMention | None = None
    unknown: set[tuple[int, str]] = field(default_factory=set)


def _group_key(draft: Draft) -> str:
    toll = draft.toll
    return "combatants" if toll is not None and toll.group == "combatants" else "others"


def merge(drafts: list[Draft]) -> list[list[Draft]]:
    """Drafts of one claimer about one event, split by denial, victim group and, for a
    denier's counter-accusation, by the actor blamed."""
    denied = {(id(d.frame), d.claimer): d.perpetrator for d in drafts if d.negated}
    groups: dict[tuple[object, ...], list[Draft]] = {}
    for d in drafts:
        frame_id = id(d.frame) if d.place is None else (id(d.frame), place_key(d.place.name))
        counter = None
        if not d.negated and (id(d.frame), d.claimer) in denied and d.perpetrator \
                and d.perpetrator != denied[(id(d.frame), d.claimer)]:
            counter = d.perpetrator
        key = (frame_id, d.claimer.lower(), d.negated, _group_key(d), counter)
        groups.setdefault(key, []).append(d)
    return list(groups.values())


def _value(toll: Toll) -> int:
    main = toll.killed or toll.injured
    return (main.high or main.low or 0) if main else 0


def _best_toll(group: list[Draft]) -> Draft | None:
    with_toll = [(d, d.toll) for d in group if d.toll is not None]
    if not with_toll:
        return None
    return max(with_toll, key=lambda pair: (*pair[1].rank, _value(pair[1]), -pair[0].start))[0]


def _frame_of(draft: Draft, view: ReportView) -> Frame:
    """The draft's frame, or the report's frame for the place its own words name."""
    place = draft.place
    if place is None or (draft.frame.place is not None
                         and place_key(draft.frame.place.name) == place_key(place.name)):
        return draft.frame
    key = place_key(place.name)
    known = [f for f in view.frames if f.place is not None and place_key(f.place.name) == key]
    return known[0] if known else draft.frame


def _perpetrator(group: list[Draft], frame: Frame, view: ReportView) -> str:
    """Who the claimer blames: its own words (an accusation before a toll sentence's doer),
    else the report's account of the event, else, for a denial, the denier's side."""
    first = group[0]
    ordered = sorted(group, key=lambda d: d.toll is not None)
    found = next((d.perpetrator for d in ordered if d.perpetrator), None)
    if found is None and (id(frame), first.claimer) not in view.unknown:
        found = frame.perpetrator
    if found is None and first.negated:
        found = first.own_side
    return found or "unknown"


def _kind(group: list[Draft], frame: Frame, view: ReportView) -> str:
    own = next((d.kind for d in group if d.kind), None)
    if frame.kind == CHEMICAL:
        return CHEMICAL
    return own or frame.kind or view.title_kind or "other"


def _located(place: PlaceMention | None) -> Place | None:
    """Where the place is on the map: its own entry, or for an unknown village the entry of
    the area named with it, so its coordinates carry that area's precision."""
    if place is None:
        return None
    if place.place is not None:
        return place.place
    return geocode(place.admin) if place.admin else None


def write_claim(group: list[Draft], view: ReportView) -> IncidentClaim:
    """The record of one merged group, reading its frame as it stands at the end."""
    first = group[0]
    chosen = _best_toll(group) or first
    frame = _frame_of(first, view)
    place = chosen.place or frame.place or view.main_place
    found = _located(place)
    when = frame.when
    toll = chosen.toll
    killed = toll.killed if toll else None
    injured = toll.injured if toll else None
    return IncidentClaim(
        event_type=_kind(group, frame, view),  # type: ignore[arg-type]
        evidence=view.text[chosen.start:chosen.end].strip(),
        start=chosen.start, end=chosen.end,
        location=place.name if place else None, admin=place.admin if place else None,
        country=(found.country if found else None) or view.country,
        latitude=found.latitude if found else None, longitude=found.longitude if found else None,
        geo_precision=found.precision if found else None,
        date_start=when.iso[0] if when else None, date_end=when.iso[1] if when else None,
        date_precision=when.precision if when else "unknown",  # type: ignore[arg-type]
        perpetrator=_perpetrator(group, frame, view),
        killed_low=killed.low if killed else None, killed_high=killed.high if killed else None,
        injured_low=injured.low if injured else None,
        injured_high=injured.high if injured else None,
        victims=toll.group if toll else group_named(view.text[chosen.start:chosen.end]),  # type: ignore[arg-type]
        claimed_by=first.claimer, negated=first.negated, confidence=0.5,
        rule=RULE_TOLL if toll else RULE_STANCE)
