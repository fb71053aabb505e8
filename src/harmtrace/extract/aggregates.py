"""Period totals: a toll over a stretch of time rather than one event.

"at least 396 civilians in the years 2014-2017", "since the fighting began",
"between August 2014 and the end of March 2017", "in May" across a country: a toll
with a period phrase, and no day of its own outside it, is an aggregate. An open
period ("since 2014") runs to the publication date; "the same period" is the one
named last; "since the fighting began" is the day the report says it began. The
area is the countries named with the total, or the report's country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from spacy.tokens import Span

from harmtrace.extract.dates import DateMention, DateRange, find_dates
from harmtrace.extract.doctext import doc_text
from harmtrace.extract.lexicon import lexicon, phrases_pattern
from harmtrace.extract.nationality import demonyms
from harmtrace.extract.places import PlaceMention

FLAGS = re.IGNORECASE
YEAR_RANGE = re.compile(r"\b(?P<a>(?:19|20)\d{2})\s*(?:-|–|to|and)\s*(?P<b>(?:19|20)\d{2})\b")
VICTIM_NATIONALITY = re.compile(r"\b(?P<demonym>[A-Z][a-z]+)\s+(?:civilians|children|people|"
                                r"citizens|nationals|soldiers|residents)\b")
SINCE_YEAR = re.compile(r"\bsince\s+(?:\w+\s+){0,6}?(?:in\s+)?(?P<y>(?:19|20)\d{2})\b", FLAGS)


@dataclass(frozen=True, slots=True)
class Period:
    start: str | None
    end: str | None


@cache
def _data() -> dict[str, list[str]]:
    return lexicon("periods")


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    data = _data()
    return {
        "open": re.compile(
            rf"\b(?:(?:{phrases_pattern(data['open_start'])})\s+(?=the\b|its\b|their\b|a\b|an\b|"
            rf"late\b|early\b|mid\b|last\b|\d|(?-i:[A-Z]))|so far|to date)", FLAGS),
        "closed": re.compile(rf"\b(?:{phrases_pattern(data['closed'])})\b", FLAGS),
        "between": re.compile(r"\bbetween\s+(?!\d+\s+and\s+\d)", FLAGS),
        "same": re.compile(rf"\b(?:{phrases_pattern(data['same_period'])})\b", FLAGS),
        "superlative": re.compile(
            rf"\b(?:{phrases_pattern(data['superlative'])})\b[^.;]{{0,60}}\bsince\b", FLAGS),
        "war_start": re.compile(rf"\b(?:{phrases_pattern(data['war_start'])})\b", FLAGS),
        "year_start": re.compile(rf"\bsince\s+(?:{phrases_pattern(data['year_start'])})\b",
                                 FLAGS),
        "attacks": re.compile(r"\b\d[\d,]*\s+(?:attacks|strikes|raids|incidents)\b", FLAGS),
        "one_event": re.compile(r"\b(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:strike|attack|raid|"
                                r"operation|bombing|massacre|assault|blast|explosion)\b", FLAGS),
        "many_events": re.compile(r"\b(?:strikes|attacks|raids|operations|bombings|shelling|"
                                  r"fire|violence|offensive|campaign|war|fighting)\b", FLAGS),
    }


def iso(day: date, precision: str) -> str:
    if precision == "year":
        return f"{day.year}"
    if precision == "month":
        return f"{day.year}-{day.month:02d}"
    return day.isoformat()


def is_period_total(unit: Span, dates: list[DateMention]) -> bool:
    """A toll sentence that speaks of a period and names no single day outside it."""
    text = unit.text
    p = _patterns()
    periodic = bool(p["open"].search(text) or p["closed"].search(text) or YEAR_RANGE.search(text)
                    or p["attacks"].search(text)
                    or (p["between"].search(text) and any(
                        d.when and d.when.start != d.when.end for d in dates)))
    if not periodic or p["superlative"].search(text):
        return False
    if p["one_event"].search(text) and not p["many_events"].search(text) \
            and not p["open"].search(text):
        return False
    return not any(_single_day(unit, d) for d in dates)


def _single_day(unit: Span, mention: DateMention) -> bool:
    if mention.when is None or mention.when.precision != "day" \
            or mention.when.start != mention.when.end:
        return False
    before = doc_text(unit.doc)[max(unit.start_char, mention.start - 40):mention.start].lower()
    return not re.search(r"\b(?:since|between|from|began|launched|erupted|entered|started)\b",
                         before)


def period(unit: Span, dates: list[DateMention], published: date | None,
           previous: Period | None, war_start: DateRange | None) -> Period:
    """The period of a total: a year range, "the same period" as the last total, a range
    of dates, or an open period from a start to publication."""
    text = unit.text
    p = _patterns()
    years = YEAR_RANGE.search(text)
    if years:
        return Period(years["a"], years["b"])
    if p["same"].search(text) and previous is not None:
        return previous
    opened = bool(p["open"].search(text))
    ranged = [d.when for d in dates if d.when and d.when.start != d.when.end
              and d.when.precision in ("day", "month")]
    if ranged and not opened:
        return Period(iso(ranged[0].start, ranged[0].precision),
                      iso(ranged[0].end, ranged[0].precision))
    end = published.isoformat() if published and opened else None
    start = _opening(text, dates, published, war_start)
    if start is None:
        return Period(None, end)
    return Period(iso(start.start, start.precision),
                  end if opened else iso(start.end, start.precision))


def _opening(text: str, dates: list[DateMention], published: date | None,
             war_start: DateRange | None) -> DateRange | None:
    """When a period begins: the year's start, the war's start, a date or a year named."""
    p = _patterns()
    if p["year_start"].search(text) and published:
        return DateRange(date(published.year, 1, 1), date(published.year, 1, 1), "day")
    dated = next((d.when for d in dates if d.when is not None), None)
    if p["war_start"].search(text) or re.search(r"\bsince\s+the\s+(?:fighting|war)\b", text):
        return dated or war_start
    if dated is not None:
        return dated
    since = SINCE_YEAR.search(text)
    if since:
        year = int(since["y"])
        return DateRange(date(year, 1, 1), date(year, 12, 31), "year")
    return None


def war_start(text: str, published: date | None) -> DateRange | None:
    """When the report says the fighting began ("since the fighting erupted on September 27")."""
    for m in _patterns()["war_start"].finditer(text):
        found = find_dates(text[m.end():m.end() + 40], published)
        if found and found[0].when is not None:
            return found[0].when
    return None


def area(unit: Span, places: list[PlaceMention], previous: tuple[str, ...],
         country: str | None) -> tuple[str, ...]:
    """Countries named with the total: places, nationality words ("Iraqi civilians")."""
    found = [p.country for p in places if p.country]
    for m in VICTIM_NATIONALITY.finditer(unit.text):
        code = demonyms().get(m["demonym"])
        if code:
            found.append(code)
    if re.search(r"\b(?:the two countries|both countries)\b", unit.text) and previous:
        return previous
    codes = tuple(dict.fromkeys(c for c in found if c))
    return codes or ((country,) if country else ())
