"""Event dates resolved against the report's publication date, with a precision.

"on Thursday" is the latest Thursday on or before publication; "March 17" without a
year is the latest March 17 on or before publication; "last week" is the seven days
before the current week. Expressions that say nothing about when give None.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

import dateparser

from harmtrace.extract.lexicon import lexicon, phrases_pattern


@dataclass(frozen=True, slots=True)
class DateRange:
    start: date
    end: date
    precision: str

    @property
    def iso(self) -> tuple[str, str]:
        return self.start.isoformat(), self.end.isoformat()


def parse_published(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    data = lexicon("dates")
    month = phrases_pattern(list(data["months"]))
    weekday = phrases_pattern(list(data["weekdays"]))
    flags = re.IGNORECASE
    return {
        "day_month": re.compile(
            rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{month})\.?(?:,?\s+(?P<y>\d{{4}}))?\b",
            flags,
        ),
        "month_day": re.compile(
            rf"\b(?P<m>{month})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?!:)(?:,?\s+(?P<y>\d{{4}}))?",
            flags,
        ),
        "iso": re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"),
        "month_year": re.compile(rf"\b(?P<m>{month})\.?,?\s+(?P<y>\d{{4}})\b", flags),
        "month": re.compile(rf"\b(?:in|during|since|early|late|mid-?)\s+(?P<m>{month})\b", flags),
        "weekday": re.compile(rf"\b(?P<w>{weekday})\b", flags),
        "year": re.compile(r"\b(?:in|during|of)\s+(?P<y>(?:19|20)\d{2})\b", flags),
        **{
            kind: re.compile(rf"\b(?P<r>{phrases_pattern(list(data[key]))})\b", flags)
            for kind, key in (("relative_day", "relative_days"),
                              ("relative_week", "relative_weeks"),
                              ("relative_month", "relative_months"))
        },
    }


def _month(name: str) -> int:
    return lexicon("dates")["months"][name.lower().rstrip(".")]


def _day_in_past(month: int, day: int, year: int | None, published: date | None) -> date | None:
    base_year = year or (published.year if published else None)
    if base_year is None:
        return None
    try:
        found = date(base_year, month, day)
    except ValueError:
        return None
    if year is None and published and found > published:
        found = found.replace(year=found.year - 1)
    return found


def _month_range(year: int, month: int) -> DateRange:
    last = calendar.monthrange(year, month)[1]
    return DateRange(date(year, month, 1), date(year, month, last), "month")


def _resolve_relative(kind: str, phrase: str, published: date) -> DateRange:
    data = lexicon("dates")
    key = " ".join(phrase.lower().split())
    if kind == "relative_day":
        day = published - timedelta(days=data["relative_days"][key])
        return DateRange(day, day, "day")
    if kind == "relative_week":
        monday = published - timedelta(days=published.weekday())
        start = monday - timedelta(weeks=data["relative_weeks"][key])
        end = min(start + timedelta(days=6), published)
        return DateRange(start, end, "week")
    back = data["relative_months"][key]
    year, month = published.year, published.month - back
    if month < 1:
        year, month = year - 1, month + 12
    return _month_range(year, month)


def resolve(expression: str, published: date | None) -> DateRange | None:
    """The most specific date `expression` gives, or None."""
    p = _patterns()
    for name in ("iso", "day_month", "month_day"):
        m = p[name].search(expression)
        if m:
            month = int(m["m"]) if name == "iso" else _month(m["m"])
            year = int(m["y"]) if m["y"] else None
            day = _day_in_past(month, int(m["d"]), year, published)
            if day:
                return DateRange(day, day, "day")
    m = p["month_year"].search(expression)
    if m:
        return _month_range(int(m["y"]), _month(m["m"]))
    if published:
        m = p["weekday"].search(expression)
        if m:
            back = (published.weekday() - lexicon("dates")["weekdays"][m["w"].lower()]) % 7
            day = published - timedelta(days=back)
            return DateRange(day, day, "day")
        for kind in ("relative_day", "relative_week", "relative_month"):
            m = p[kind].search(expression)
            if m:
                return _resolve_relative(kind, m["r"], published)
        m = p["month"].search(expression)
        if m:
            month = _month(m["m"])
            year = published.year if month <= published.month else published.year - 1
            return _month_range(year, month)
    m = p["year"].search(expression)
    if m:
        year = int(m["y"])
        return DateRange(date(year, 1, 1), date(year, 12, 31), "year")
    return None


def resolve_with_dateparser(expression: str, published: date | None) -> DateRange | None:
    """Fallback for numeric and foreign forms the patterns do not cover."""
    settings = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month"]}
    if published:
        settings["RELATIVE_BASE"] = published.isoformat()
    parsed = dateparser.parse(expression, languages=["en"], settings=settings)
    if parsed is None:
        return None
    return DateRange(parsed.date(), parsed.date(), "day")
