"""How two values of one field compare, for matching and for field accuracy.

Each record kind has one table, field name -> comparison of a predicted and a
gold record. Matching uses the tables to prefer the closest of several candidate
pairs; metrics use them to count correct fields over matched pairs. Names compare
as actors (aliases.same_actor), places through aliases.normalise_name, numbers and
dates exactly.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from harmtrace.aliases import normalise_name, same_actor

Record = Mapping[str, Any]
Comparison = Callable[[Record, Record], bool]

# FORMAT.md: date ranges match when they "overlap or lie within one day".
DATE_SLACK_DAYS = 1

_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def date_bounds(value: object) -> tuple[date, date] | None:
    """First and last day a full or partial ISO date covers: "2017-03" is March 1 to 31."""
    match = _ISO_DATE.fullmatch(value.strip()) if isinstance(value, str) else None
    if match is None:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if month is None:
            return date(year, 1, 1), date(year, 12, 31)
        if day is None:
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        return date(year, month, day), date(year, month, day)
    except ValueError:
        return None


def date_range(record: Record) -> tuple[date, date] | None:
    """The days a record's date_start..date_end covers; one given bound stands for both."""
    bounds = [b for b in (date_bounds(record.get("date_start")),
                          date_bounds(record.get("date_end"))) if b]
    if not bounds:
        return None
    days = [day for bound in bounds for day in bound]
    return min(days), max(days)


def dates_agree(pred: Record, gold: Record) -> bool:
    """Ranges overlap or lie within DATE_SLACK_DAYS; a missing date agrees only with another.

    A report that gives no date clue has a null gold date; a system that fills one in
    asserts something the report does not say, and one that leaves a given date out
    has not pinned down which event it means (digests report the same place and
    event type on several days). Either way the claim is not the same, so a null
    date matches only a null date.
    """
    a, b = date_range(pred), date_range(gold)
    if a is None or b is None:
        return a is None and b is None
    return (max(a[0], b[0]) - min(a[1], b[1])).days <= DATE_SLACK_DAYS


def _place(record: Record, key: str) -> str | None:
    value = record.get(key)
    return (normalise_name(value) or None) if isinstance(value, str) else None


def places_agree(pred: Record, gold: Record) -> bool:
    """The locations agree, or one side's location is the other's admin area.

    Two admin areas alone do not agree: two villages of one province are different
    places.
    """
    p_loc, p_admin = _place(pred, "location"), _place(pred, "admin")
    g_loc, g_admin = _place(gold, "location"), _place(gold, "admin")
    pairs = ((p_loc, g_loc), (p_loc, g_admin), (p_admin, g_loc))
    return any(a is not None and a == b for a, b in pairs)


def _text(value: object) -> str | None:
    return (normalise_name(value) or None) if isinstance(value, str) else None


def _equal(key: str) -> Comparison:
    return lambda p, g: p.get(key) == g.get(key)


def _same_text(key: str) -> Comparison:
    return lambda p, g: _text(p.get(key)) == _text(g.get(key))


def _same_name(key: str, default: str | None = None) -> Comparison:
    return lambda p, g: same_actor(p.get(key) or default, g.get(key) or default)


def _same_date(p: Record, g: Record) -> bool:
    return all(_text(p.get(k)) == _text(g.get(k)) for k in ("date_start", "date_end"))


def _same_location(p: Record, g: Record) -> bool:
    """Strict: matching already lets a place agree with the admin area around it, so
    accuracy asks whether the most specific place named is the annotator's."""
    return _place(p, "location") == _place(g, "location")


def _same_flag(key: str) -> Comparison:
    return lambda p, g: bool(p.get(key)) == bool(g.get(key))


def _same_victims(p: Record, g: Record) -> bool:
    return (p.get("victims") or "unspecified") == (g.get("victims") or "unspecified")


def _same_area(p: Record, g: Record) -> bool:
    def codes(r: Record) -> frozenset[str]:
        return frozenset(str(c).casefold() for c in r.get("area") or ())
    return codes(p) == codes(g)


INCIDENT_FIELDS: dict[str, Comparison] = {
    "date": _same_date,
    "location": _same_location,
    "killed_low": _equal("killed_low"),
    "killed_high": _equal("killed_high"),
    "injured_low": _equal("injured_low"),
    "injured_high": _equal("injured_high"),
    "perpetrator": _same_name("perpetrator", "unknown"),
    "event_type": _equal("event_type"),
    "victims": _same_victims,
    "claimed_by": _same_name("claimed_by", "reporter"),
    "negated": _same_flag("negated"),
    "country": _same_text("country"),
}

STATEMENT_FIELDS: dict[str, Comparison] = {
    "speaker": _same_name("speaker"),
    "kind": _equal("kind"),
    "speaker_role": _same_text("speaker_role"),
    "speaker_org": _same_name("speaker_org"),
    "cue": _same_text("cue"),
}

AGGREGATE_FIELDS: dict[str, Comparison] = {
    "actor": _same_name("actor", "unknown"),
    "killed_low": _equal("killed_low"),
    "killed_high": _equal("killed_high"),
    "period_start": _same_text("period_start"),
    "period_end": _same_text("period_end"),
    "area": _same_area,
    "claimed_by": _same_name("claimed_by", "reporter"),
}

FIELDS: dict[str, dict[str, Comparison]] = {
    "incidents": INCIDENT_FIELDS,
    "statements": STATEMENT_FIELDS,
    "aggregates": AGGREGATE_FIELDS,
}


def agreement(pred: Record, gold: Record, table: Mapping[str, Comparison]) -> float:
    """The share of a kind's fields on which two records agree."""
    return sum(compare(pred, gold) for compare in table.values()) / len(table)
