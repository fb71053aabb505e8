"""Event dates resolved against the report's publication date, with a precision.

"on Thursday" is the latest Thursday on or before publication ("last Thursday" the
one before that day); "March 17" without a year is the latest March 17 on or before
publication; "last week" is the Monday-to-Sunday week before the current one;
"the night of April 6 to 7" and "from late on Friday into Saturday" are two-day
ranges. "the following day" or "that night" say nothing on their own: they are
kept as a shift of days from whatever date the surrounding text has set.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from harmtrace.extract.lexicon import lexicon, phrases_pattern

PRECISION_ORDER = ("day", "week", "month", "year")


@dataclass(frozen=True, slots=True)
class DateRange:
    start: date
    end: date
    precision: str

    @property
    def iso(self) -> tuple[str, str]:
        return self.start.isoformat(), self.end.isoformat()

    def overlaps(self, other: DateRange, slack: int = 0) -> bool:
        return (self.start - timedelta(days=slack) <= other.end
                and other.start <= self.end + timedelta(days=slack))

    def shifted(self, days: int) -> DateRange:
        return DateRange(self.start + timedelta(days=days), self.end + timedelta(days=days),
                         self.precision)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression in text: an absolute range, or a shift from an anchor date."""

    start: int
    end: int
    when: DateRange | None = None
    shift: int | None = None


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
    month = rf"(?:{phrases_pattern(list(data['months']))})\.?"
    weekday = phrases_pattern(list(data["weekdays"]))
    md = rf"{month}\s+\d{{1,2}}(?:st|nd|rd|th)?(?!\d|:)"
    dm = rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{month}"
    day = rf"(?:{md}|{dm})"
    year = r"(?:,?\s+(?P<y>(?:19|20)\d{2}))?"
    last_year = rf"(?P<ly>\s+(?:{phrases_pattern(data['year_before'])}))?"
    part = r"(?:\s+(?:morning|afternoon|evening|night))?"
    relative = phrases_pattern([*data["relative_days"], *data["relative_weeks"],
                                *data["relative_months"]])
    flags = re.IGNORECASE
    return {
        "iso": re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"),
        "day_range": re.compile(
            rf"\b(?:(?P<between>between)|from|night\s+of|nights?\s+from)?\s*(?:the\s+)?"
            rf"(?P<a>{day}|\d{{1,2}})\s+(?:to|into|until|till|through|and|-|–)\s+"
            rf"(?:the\s+)?(?P<b>{day}|\d{{1,2}}(?!\d|\s*(?:km|p\.?m|a\.?m|%)))\b{year}", flags),
        "month_range": re.compile(
            rf"\b(?:between|from)\s+(?P<a>{month})(?:\s+(?P<ya>(?:19|20)\d{{2}}))?\s+"
            rf"(?:and|to|until|through)\s+(?:the\s+end\s+of\s+|mid-?|early\s+|late\s+)?"
            rf"(?P<b>{month})(?:\s+(?P<y>(?:19|20)\d{{2}}))?", flags),
        "weekday_range": re.compile(
            rf"\b(?:overnight\s+)?(?:from|between)\s+(?:late\s+|early\s+)?(?:on\s+)?(?P<a>{weekday}){part}\s+"
            rf"(?:into|to|and|until)\s+(?:early\s+)?(?:on\s+)?(?P<b>{weekday}){part}", flags),
        "day": re.compile(rf"\b(?:(?:{weekday}),?\s+)?(?P<day>{day})\b{year}{last_year}", flags),
        "month_year": re.compile(rf"\b(?P<m>{month}),?\s+(?P<y>(?:19|20)\d{{2}})\b", flags),
        "month_last_year": re.compile(
            rf"\b(?P<m>{month})\s+(?:{phrases_pattern(data['year_before'])})\b", flags),
        "month": re.compile(
            rf"\b(?:in|during|early|late|mid-?|end\s+of|since|until|by|of)\s+(?:early\s+|late\s+|"
            rf"mid-?)?(?P<m>{month})(?![\w-])", flags),
        "weekday": re.compile(rf"\b(?P<last>last\s+)?(?P<w>{weekday})\b", flags),
        "relative": re.compile(rf"\b(?P<r>{relative})\b", flags),
        "anchored": re.compile(rf"\b(?P<r>{phrases_pattern(list(data['anchored_days']))})\b",
                               flags),
        "year": re.compile(r"\b(?:in|during|of|the)\s+(?P<y>(?:19|20)\d{2})\b(?!\s*-)", flags),
    }


def _month(name: str) -> int:
    return lexicon("dates")["months"][name.lower().rstrip(".")]


def _day_month(text: str) -> tuple[int, int]:
    """(month, day) of "March 17", "17th of March" or "Sept. 19"."""
    digits = re.search(r"\d{1,2}", text)
    name = re.search(r"[A-Za-z]{3,}\.?", re.sub(r"\b(?:st|nd|rd|th|of)\b", " ", text))
    assert digits and name
    return _month(name.group()), int(digits.group())


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


def _month_range(year: int, month: int, last: int | None = None) -> DateRange:
    end = calendar.monthrange(year, last or month)[1]
    return DateRange(date(year, month, 1), date(year, last or month, end), "month")


def _month_year(month: int, year: int | None, published: date | None) -> int | None:
    if year:
        return year
    if not published:
        return None
    return published.year if month <= published.month else published.year - 1


def _on_iso(m: re.Match[str], _published: date | None) -> DateRange | None:
    try:
        day = date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    return DateRange(day, day, "day")


def _on_day(m: re.Match[str], published: date | None) -> DateRange | None:
    month, day = _day_month(m["day"])
    year = int(m["y"]) if m["y"] else None
    if m["ly"] and published:
        year = published.year - 1
    found = _day_in_past(month, day, year, published)
    return DateRange(found, found, "day") if found else None


def _on_day_range(m: re.Match[str], published: date | None) -> DateRange | None:
    if " and " in m.group().lower() and not m["between"]:
        return None
    a_month, a_day = _day_month(m["a"]) if not m["a"].isdigit() else (None, int(m["a"]))
    b_month, b_day = _day_month(m["b"]) if not m["b"].isdigit() else (a_month, int(m["b"]))
    a_month = a_month or b_month
    if a_month is None or b_month is None:
        return None
    year = int(m["y"]) if m["y"] else None
    end = _day_in_past(b_month, b_day, year, published)
    if end is None:
        return None
    start = _day_in_past(a_month, a_day, end.year, None)
    if start is None or start > end:
        return None
    return DateRange(start, end, "day")


def _on_month_range(m: re.Match[str], published: date | None) -> DateRange | None:
    a, b = _month(m["a"]), _month(m["b"])
    end_year = _month_year(b, int(m["y"]) if m["y"] else None, published)
    if end_year is None:
        return None
    start_year = int(m["ya"]) if m["ya"] else (end_year if a <= b else end_year - 1)
    start = date(start_year, a, 1)
    end = date(end_year, b, calendar.monthrange(end_year, b)[1])
    return DateRange(start, end, "month") if start <= end else None


def _weekday_back(published: date, weekday: int, strictly_before: bool) -> date:
    back = (published.weekday() - weekday) % 7
    if strictly_before and back == 0:
        back = 7
    return published - timedelta(days=back)


def _on_weekday_range(m: re.Match[str], published: date | None) -> DateRange | None:
    if not published:
        return None
    days = lexicon("dates")["weekdays"]
    end = _weekday_back(published, days[m["b"].lower()], False)
    start = end - timedelta(days=(days[m["b"].lower()] - days[m["a"].lower()]) % 7)
    return DateRange(start, end, "day")


def _on_month_year(m: re.Match[str], _published: date | None) -> DateRange | None:
    return _month_range(int(m["y"]), _month(m["m"]))


def _on_month_last_year(m: re.Match[str], published: date | None) -> DateRange | None:
    return _month_range(published.year - 1, _month(m["m"])) if published else None


def _on_month(m: re.Match[str], published: date | None) -> DateRange | None:
    month = _month(m["m"])
    year = _month_year(month, None, published)
    return _month_range(year, month) if year else None


def _on_weekday(m: re.Match[str], published: date | None) -> DateRange | None:
    if not published:
        return None
    day = _weekday_back(published, lexicon("dates")["weekdays"][m["w"].lower()], bool(m["last"]))
    return DateRange(day, day, "day")


def _on_relative(m: re.Match[str], published: date | None) -> DateRange | None:
    if not published:
        return None
    data = lexicon("dates")
    key = " ".join(m["r"].lower().split())
    if key in data["relative_days"]:
        day = published - timedelta(days=data["relative_days"][key])
        return DateRange(day, day, "day")
    if key in data["relative_weeks"]:
        monday = published - timedelta(days=published.weekday())
        start = monday - timedelta(weeks=data["relative_weeks"][key])
        return DateRange(start, min(start + timedelta(days=6), published), "week")
    year, month = published.year, published.month - data["relative_months"][key]
    if month < 1:
        year, month = year - 1, month + 12
    return _month_range(year, month)


def _on_year(m: re.Match[str], _published: date | None) -> DateRange | None:
    year = int(m["y"])
    return DateRange(date(year, 1, 1), date(year, 12, 31), "year")


Resolver = Callable[[re.Match[str], date | None], DateRange | None]

NEEDS_PUBLICATION = ("weekday_range", "weekday", "relative")
YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
RESOLVERS: tuple[tuple[str, Resolver], ...] = (
    ("iso", _on_iso), ("day_range", _on_day_range), ("month_range", _on_month_range),
    ("weekday_range", _on_weekday_range), ("day", _on_day), ("month_year", _on_month_year),
    ("month_last_year", _on_month_last_year), ("month", _on_month), ("weekday", _on_weekday),
    ("relative", _on_relative), ("year", _on_year),
)


def _free(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return all(end <= s or e <= start for s, e in taken)


def latest_year(text: str) -> int | None:
    """The latest year a text names: with no publication date, "March 17" is taken in it."""
    years = [int(y) for y in YEAR.findall(text)]
    return max(years) if years else None


def find_dates(text: str, published: date | None, offset: int = 0,
               year: int | None = None) -> list[DateMention]:
    """Every date expression in `text`, the more specific pattern first where two overlap.

    Without a publication date, `year` (see latest_year) places dates given without one;
    weekdays and "yesterday" then stay unresolved."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    patterns = _patterns()
    anchor = published or (date(year, 12, 31) if year else None)
    for name, resolver in RESOLVERS:
        if published is None and name in NEEDS_PUBLICATION:
            continue
        for m in patterns[name].finditer(text):
            if not _free(taken, m.start(), m.end()):
                continue
            when = resolver(m, anchor)
            if when is not None:
                taken.append((m.start(), m.end()))
                found.append(DateMention(offset + m.start(), offset + m.end(), when))
    shifts = lexicon("dates")["anchored_days"]
    for m in patterns["anchored"].finditer(text):
        if _free(taken, m.start(), m.end()):
            shift = shifts[" ".join(m["r"].lower().split())]
            found.append(DateMention(offset + m.start(), offset + m.end(), shift=shift))
    return sorted(found, key=lambda d: d.start)


def most_specific(mentions: list[DateMention]) -> DateRange | None:
    """The finest absolute date among mentions, the earliest of equally fine ones."""
    dated = [d.when for d in mentions if d.when is not None]
    if not dated:
        return None
    return min(dated, key=lambda w: PRECISION_ORDER.index(w.precision))


def resolve(expression: str, published: date | None) -> DateRange | None:
    """The most specific date `expression` gives, or None."""
    return most_specific(find_dates(expression, published))
