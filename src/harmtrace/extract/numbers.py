"""Casualty figures as low/high pairs, following the corpus conventions.

"about 200" -> (200, 200); "at least 396" -> (396, None); "more than 100" -> (101, None);
"up to 40" -> (None, 40); "between 100 and 240" -> (100, 240); "dozens" -> (24, None);
"two dozen" -> (24, 24); "30 or so" -> (30, 30). The words are data
(data/lang/en/numbers.json); this module only combines them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from harmtrace.extract.lexicon import lexicon, phrases_pattern

Bounds = tuple[int | None, int | None]


@dataclass(frozen=True, slots=True)
class Figure:
    low: int | None
    high: int | None
    start: int
    end: int
    text: str
    vague: bool = False


@cache
def _words() -> dict[str, int]:
    data = lexicon("numbers")
    return {**data["units"], **data["tens"]}


@cache
def _qualifier_kinds() -> dict[str, str]:
    data = lexicon("numbers")
    kinds = {q: kind for kind, group in data["qualifiers"].items() for q in group}
    kinds.update({f"suffix:{s}": kind for kind, group in data["suffixes"].items() for s in group})
    return kinds


@cache
def figure_regex() -> re.Pattern[str]:
    """One regex for a figure with its qualifier, built from the number lexicon."""
    data = lexicon("numbers")
    unit_words = [w for w in data["units"] if w not in ("a", "an")]
    word = phrases_pattern(unit_words + list(data["tens"]))
    scale = phrases_pattern(list(data["scales"]))
    multiple = phrases_pattern(list(data["multiples"]))
    digits = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?(?:\s+(?:" + scale + r"))?"
    words = (rf"(?:{word})(?:[-\s](?:{word}))?(?:\s+(?:{scale})(?:\s+(?:and\s+)?(?:{word})"
             rf"(?:[-\s](?:{word}))?)?)?")
    number = rf"(?:{digits}|{words})(?:\s+(?:{multiple})\b(?!s))?"
    quals = [q for group in data["qualifiers"].values() for q in group]
    suffixes = [s for group in data["suffixes"].values() for s in group]
    vague = phrases_pattern(list(data["vague"]))
    family = phrases_pattern(data["families"])
    qual = phrases_pattern(quals)
    return re.compile(
        rf"\b(?:(?P<between>between\s+(?P<b1>{number})\s+and\s+(?P<b2>{number}))"
        rf"|(?P<range>(?P<r1>\d+)\s*(?:-|–|to)\s*(?P<r2>\d+))(?![\d-])"
        rf"|(?P<family>(?:{family})\s+(?P<fam>{number}))"
        rf"|(?:(?P<qual>{qual})\s+)?(?P<num>{number})"
        rf"(?:\s+(?P<suffix>{phrases_pattern(suffixes)}))?"
        rf"|(?:(?P<vqual>{qual})\s+)?(?P<vague>{vague}))\b",
        re.IGNORECASE,
    )


def parse_number(text: str) -> int | None:
    """'1,200' -> 1200, 'twenty-three' -> 23, 'two hundred' -> 200, 'two dozen' -> 24."""
    cleaned = text.lower().replace(",", "").strip()
    if cleaned.isdigit():
        return int(cleaned)
    data = lexicon("numbers")
    scales = {**data["scales"], **data["multiples"]}
    total, current = 0.0, 0.0
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
    return int(total + current)


def qualified(kind: str | None, value: int) -> Bounds:
    """Low/high of a value under a qualifier kind (exact, at_least, more_than, ...)."""
    if kind == "at_least":
        return value, None
    if kind == "more_than":
        return value + 1, None
    if kind == "at_most":
        return None, value
    if kind == "less_than":
        return None, max(value - 1, 0)
    return value, value


def _qualifier(m: re.Match[str]) -> str | None:
    kinds = _qualifier_kinds()
    if m.group("suffix"):
        return kinds.get("suffix:" + " ".join(m.group("suffix").lower().split()))
    if m.group("qual"):
        return kinds.get(" ".join(m.group("qual").lower().split()))
    return None


def _vague(m: re.Match[str]) -> Bounds | None:
    low, high = lexicon("numbers")["vague"][" ".join(m.group("vague").lower().split())]
    if low is None and high is None:
        return None
    if m.group("vqual") and _qualifier_kinds().get(m.group("vqual").lower()) == "exact":
        return low, low
    return low, high


def _from_match(m: re.Match[str]) -> Bounds | None:
    if m.group("between"):
        return parse_number(m.group("b1")), parse_number(m.group("b2"))
    if m.group("range"):
        low, high = int(m.group("r1")), int(m.group("r2"))
        return (low, high) if low <= high else None
    if m.group("family"):
        value = parse_number(m.group("fam"))
        return (value, value) if value is not None else None
    if m.group("vague"):
        return _vague(m)
    value = parse_number(m.group("num"))
    return qualified(_qualifier(m), value) if value is not None else None


def find_figures(text: str, offset: int = 0) -> list[Figure]:
    """Every figure in `text`, with offsets shifted by `offset`."""
    found = []
    for m in figure_regex().finditer(text):
        parsed = _from_match(m)
        if parsed is None:
            continue
        found.append(Figure(parsed[0], parsed[1], offset + m.start(), offset + m.end(),
                            m.group(), vague=m.group("vague") is not None))
    return found


def parse_figure(text: str) -> Bounds | None:
    """The low/high of a phrase that is exactly one figure ('at least 396')."""
    m = figure_regex().fullmatch(text.strip())
    return _from_match(m) if m else None
