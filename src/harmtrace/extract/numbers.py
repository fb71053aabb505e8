"""Casualty figures as low/high pairs, following the corpus conventions.

"about 200" -> (200, 200); "at least 396" -> (396, None); "more than 100" -> (101, None);
"up to 40" -> (None, 40); "between 100 and 240" -> (100, 240); "dozens" -> (24, None).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from harmtrace.extract.lexicon import lexicon, phrases_pattern


@dataclass(frozen=True, slots=True)
class Figure:
    low: int | None
    high: int | None
    start: int
    end: int
    text: str


@cache
def _words() -> dict[str, int]:
    data = lexicon("numbers")
    return {**data["units"], **data["tens"]}


@cache
def figure_regex() -> re.Pattern[str]:
    """One regex for a figure with its qualifier, built from the number lexicon."""
    data = lexicon("numbers")
    unit_words = [w for w in data["units"] if w not in ("a", "an")]
    word = phrases_pattern(unit_words + list(data["tens"]))
    scale = phrases_pattern(list(data["scales"]))
    digits = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?(?:\s+(?:" + scale + r"))?"
    words = rf"(?:{word})(?:[-\s](?:{word}))?(?:\s+(?:{scale})(?:\s+(?:and\s+)?(?:{word}))?)?"
    number = rf"(?:{digits}|{words})"
    quals = [q for group in data["qualifiers"].values() for q in group]
    vague = phrases_pattern(list(data["vague"]))
    family = phrases_pattern(data["families"])
    return re.compile(
        rf"\b(?:(?P<between>between\s+(?P<b1>{number})\s+and\s+(?P<b2>{number}))"
        rf"|(?P<range>(?P<r1>\d+)\s*(?:-|–|to)\s*(?P<r2>\d+))(?![\d-])"
        rf"|(?P<family>(?:{family})\s+(?P<fam>{number}))"
        rf"|(?:(?P<qual>{phrases_pattern(quals)})\s+)?(?P<num>{number})"
        rf"|(?P<vague>{vague}))\b",
        re.IGNORECASE,
    )


def parse_number(text: str) -> int | None:
    """'1,200' -> 1200, 'twenty-three' -> 23, 'two hundred' -> 200, '3 million' -> 3000000."""
    cleaned = text.lower().replace(",", "").strip()
    if re.fullmatch(r"\d+", cleaned):
        return int(cleaned)
    scales = lexicon("numbers")["scales"]
    total, current = 0, 0
    for part in re.split(r"[-\s]+", cleaned):
        if part == "and":
            continue
        if re.fullmatch(r"\d+(?:\.\d+)?", part):
            current += float(part)
        elif part in _words():
            current += _words()[part]
        elif part in scales:
            current = max(current, 1) * scales[part]
            if scales[part] >= 1000:
                total, current = total + current, 0
        else:
            return None
    value = int(total + current)
    return value


def _qualified(qualifier: str | None, value: int) -> tuple[int | None, int | None]:
    if not qualifier:
        return value, value
    q = " ".join(qualifier.lower().split())
    groups = lexicon("numbers")["qualifiers"]
    if q in groups["at_least"]:
        return value, None
    if q in groups["more_than"]:
        return value + 1, None
    if q in groups["at_most"]:
        return None, value
    return value, value


def _from_match(m: re.Match[str]) -> tuple[int | None, int | None] | None:
    if m.group("between"):
        return parse_number(m.group("b1")), parse_number(m.group("b2"))
    if m.group("range"):
        low, high = int(m.group("r1")), int(m.group("r2"))
        return (low, high) if low <= high else None
    if m.group("family"):
        value = parse_number(m.group("fam"))
        return (value, value) if value is not None else None
    if m.group("vague"):
        low, high = lexicon("numbers")["vague"][" ".join(m.group("vague").lower().split())]
        return (low, high) if low is not None or high is not None else None
    value = parse_number(m.group("num"))
    return _qualified(m.group("qual"), value) if value is not None else None


def find_figures(text: str, offset: int = 0) -> list[Figure]:
    """Every figure in `text`, with offsets shifted by `offset`."""
    found = []
    for m in figure_regex().finditer(text):
        parsed = _from_match(m)
        if parsed is None:
            continue
        found.append(Figure(parsed[0], parsed[1], offset + m.start(), offset + m.end(), m.group()))
    return found


def parse_figure(text: str) -> tuple[int | None, int | None] | None:
    """The low/high of a phrase that is exactly one figure ('at least 396')."""
    m = figure_regex().fullmatch(text.strip())
    return _from_match(m) if m else None
