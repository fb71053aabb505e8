"""Where a record's words sit in the report text, and how much two records' words overlap.

Predicted records carry character offsets (`start`, `end`); gold records carry
only the exact words, which may occur more than once, so a gold record stands for
every place its words occur and two records overlap as much as their closest
occurrences do.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

Span = tuple[int, int]


def occurrences(text: str, words: str) -> list[Span]:
    """Every place `words` occur in `text`, overlapping ones included."""
    found: list[Span] = []
    start = text.find(words) if words else -1
    while start >= 0:
        found.append((start, start + len(words)))
        start = text.find(words, start + 1)
    return found


def record_spans(record: Mapping[str, Any], text: str, key: str) -> list[Span]:
    """The record's own offsets when it has valid ones, else where its `key` words occur."""
    start, end = record.get("start"), record.get("end")
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
        return [(start, end)]
    words = record.get(key)
    return occurrences(text, words) if isinstance(words, str) else []


def _shared(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def closest(a: list[Span], b: list[Span]) -> tuple[Span, Span] | None:
    """The pair of occurrences sharing the most characters, or None if none share any."""
    pairs = [(x, y) for x in a for y in b if _shared(x, y)]
    return max(pairs, key=lambda pair: _shared(*pair)) if pairs else None


def half_overlap(a: Span, b: Span) -> bool:
    """FORMAT.md: the spans overlap by at least half of the shorter one."""
    return 2 * _shared(a, b) >= min(a[1] - a[0], b[1] - b[0]) > 0


def jaccard(a: Span, b: Span) -> float:
    """Shared characters over covered characters: 1.0 only for the same span."""
    shared = _shared(a, b)
    return shared / (max(a[1], b[1]) - min(a[0], b[0]) or 1)
