"""Quotation spans: straight, curly, guillemet and single-quote pairs, nesting aware.

Quotation marks open and close within a paragraph; a quotation left open at the end
of its paragraph runs to the paragraph's end, as when a quotation continues over
several paragraphs (each reopened, only the last closed). Only the outermost
quotation counts: marks inside it are the speaker's own.

Whether a quotation is speech depends on its words and its setting: a single
quoted word ("categorically", their "smart bombs") is emphasis or a label, and so
is a short quoted phrase after a label marker ("the so-called "magic wands""),
after a possessive ("their "smart bombs""), or one that is a proper name
("White Helmets").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from harmtrace.extract.lexicon import lexicon

PAIRS = {"“": "”", "«": "»", "„": "“", "‘": "’", "‹": "›"}
QUOTE_MARKS = "\"'“”«»„‘’‹›"
MIN_WORDS = 2
# A possessive or proper-name quotation this short is a label ("their "smart bombs"").
LABEL_WORDS = 3
POSSESSIVES = ("their", "its", "his", "her", "our", "your", "my")
NAME_JOINERS = ("of", "the", "for", "and", "de", "al", "el", "du", "la", "le")
_PARAGRAPH = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class Quote:
    start: int
    end: int
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())


def _paragraphs(text: str) -> Iterator[tuple[int, str]]:
    for match in _PARAGRAPH.finditer(text):
        yield match.start(), match.group()


def _is_apostrophe(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before.isalnum() and after.isalnum()


def _balanced(paragraph: str, opener: str, closer: str) -> list[tuple[int, int]]:
    """Outermost pairs of one kind of mark; an unclosed opener runs to the end."""
    spans, stack = [], []
    for i, ch in enumerate(paragraph):
        if ch == closer and stack and not (closer == "’" and _is_apostrophe(paragraph, i)):
            start = stack.pop()
            if not stack:
                spans.append((start + 1, i))
        elif ch == opener and not (opener == "‘" and _is_apostrophe(paragraph, i)):
            stack.append(i)
    if stack:
        spans.append((stack[0] + 1, len(paragraph)))
    return spans


def _straight(paragraph: str) -> list[tuple[int, int]]:
    marks = [m.start() for m in re.finditer('"', paragraph)]
    spans = [(a + 1, b) for a, b in zip(marks[::2], marks[1::2], strict=False)]
    if len(marks) % 2:
        spans.append((marks[-1] + 1, len(paragraph)))
    return spans


def _single_opener(paragraph: str, i: int) -> bool:
    before = paragraph[i - 1] if i > 0 else " "
    after = paragraph[i + 1] if i + 1 < len(paragraph) else " "
    return (before.isspace() or before in "([—–-:") and after.isalnum()


def _single_closer(paragraph: str, i: int) -> bool:
    before = paragraph[i - 1]
    after = paragraph[i + 1] if i + 1 < len(paragraph) else " "
    return not before.isspace() and (after.isspace() or after in ",.;:!?)—–")


def _straight_single(paragraph: str) -> list[tuple[int, int]]:
    """'...' used as quotation marks; a plural possessive (the soldiers' guns) closes
    only when nothing better follows, and never opens."""
    spans: list[tuple[int, int]] = []
    at = 0
    while (i := paragraph.find("'", at)) != -1:
        at = i + 1
        if not _single_opener(paragraph, i):
            continue
        closers = [j for j in range(i + 2, len(paragraph))
                   if paragraph[j] == "'" and _single_closer(paragraph, j)]
        if not closers:
            continue
        firm = [j for j in closers if paragraph[j - 1] in ",.!?" or paragraph[j - 1] != "s"]
        end = (firm or closers)[0]
        spans.append((i + 1, end))
        at = end + 1
    return spans


def _spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for base, paragraph in _paragraphs(text):
        found = _straight(paragraph)
        for opener, closer in PAIRS.items():
            found += _balanced(paragraph, opener, closer)
        if "'" in paragraph:
            found += _straight_single(paragraph)
        spans += [(base + a, base + b) for a, b in found]
    return sorted(spans, key=lambda s: (s[0], -s[1]))


def _outermost(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    outer: list[tuple[int, int]] = []
    for start, end in spans:
        if outer and start < outer[-1][1]:
            continue
        outer.append((start, end))
    return outer


def find_quotes(text: str) -> list[Quote]:
    """Outermost quotations in text order, content without the marks or edge spaces."""
    quotes = []
    for start, end in _outermost(_spans(text)):
        content = text[start:end]
        stripped = content.strip()
        if not stripped:
            continue
        lead = len(content) - len(content.lstrip())
        quotes.append(Quote(start + lead, start + lead + len(stripped), stripped))
    return quotes


@cache
def _label_markers() -> tuple[str, ...]:
    return tuple(lexicon("cues")["label_markers"])


def _ends_sentence(content: str) -> bool:
    return content.rstrip(" ,”’\"'").endswith((".", "?", "!"))


def _is_name(content: str) -> bool:
    """'White Helmets', 'Mothers of Aleppo': capitalised words, small joining words
    between them."""
    words = re.findall(r"[^\W\d_][\w'’-]*", content)
    return (bool(words) and len(words) <= LABEL_WORDS + 1 and words[0][0].isupper()
            and all(w[0].isupper() or w.lower() in NAME_JOINERS for w in words))


def is_label(text: str, quote: Quote) -> bool:
    """Emphasis, a label or a name in quotation marks rather than someone's words."""
    if _ends_sentence(quote.text):
        return False
    if quote.words < MIN_WORDS:
        return True
    before = " " + " ".join(text[max(0, quote.start - 30):quote.start]
                            .rstrip(QUOTE_MARKS + " ").lower().split())
    if before.endswith(tuple(f" {m}" for m in _label_markers())):
        return True
    short = quote.words <= LABEL_WORDS
    return short and (before.endswith(tuple(f" {p}" for p in POSSESSIVES))
                      or _is_name(quote.text))


def speech_quotes(text: str) -> list[Quote]:
    """The quotations that can carry someone's words."""
    return [q for q in find_quotes(text) if not is_label(text, q)]
