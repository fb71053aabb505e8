"""Quotation spans: straight, curly, guillemet and single-quote pairs, nesting aware.

A span with fewer than three words that does not end a sentence is a label or scare
quote ("smart bombs"), not speech.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PAIRS = {"“": "”", "«": "»", "„": "“", "‘": "’"}
MIN_WORDS = 3


@dataclass(frozen=True, slots=True)
class Quote:
    start: int
    end: int
    text: str


def _balanced(text: str, opener: str, closer: str) -> list[tuple[int, int]]:
    spans, stack = [], []
    for i, ch in enumerate(text):
        if ch == opener and not (opener == "‘" and _is_apostrophe(text, i)):
            stack.append(i)
        elif ch == closer and stack and not (closer == "’" and _is_apostrophe(text, i)):
            start = stack.pop()
            if not stack:
                spans.append((start + 1, i))
    return spans


def _is_apostrophe(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before.isalnum() and after.isalnum()


def _straight(text: str) -> list[tuple[int, int]]:
    spans = []
    for paragraph in re.finditer(r"[^\n]+", text):
        marks = [m.start() for m in re.finditer('"', paragraph.group())]
        base = paragraph.start()
        spans += [(base + a + 1, base + b) for a, b in zip(marks[::2], marks[1::2], strict=False)]
        if len(marks) % 2:
            spans.append((base + marks[-1] + 1, paragraph.end()))
    return spans


def is_speech(content: str) -> bool:
    words = content.split()
    return len(words) >= MIN_WORDS or content.rstrip().endswith((".", "?", "!"))


def find_quotes(text: str) -> list[Quote]:
    """Outermost quotations in text order; an unclosed straight quote runs to the
    paragraph's end, as in a quotation continued over several paragraphs."""
    spans = _straight(text)
    for opener, closer in PAIRS.items():
        spans += _balanced(text, opener, closer)
    spans.sort()
    outer: list[tuple[int, int]] = []
    for start, end in spans:
        if outer and start < outer[-1][1]:
            continue
        outer.append((start, end))
    quotes = []
    for start, end in outer:
        content = text[start:end]
        stripped = content.strip()
        if not is_speech(stripped):
            continue
        lead = len(content) - len(content.lstrip())
        quotes.append(Quote(start + lead, start + lead + len(stripped), stripped))
    return quotes
