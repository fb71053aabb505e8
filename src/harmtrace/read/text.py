"""Plain-text reports, with the headline taken off when the file starts with one.

A headline is recognised conservatively, because taking a body line for a
title would drop it from extraction: the first non-empty line must be short
but more than a label, must not end like a sentence, and must be followed
either by a blank line and more text, or directly by a line that reads as a
paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from harmtrace.read.items import Item, one_report
from harmtrace.read.normalise import make_report, normalise_text
from harmtrace.records import Report

# The dev corpus titles run from 6 to 24 words and up to 141 characters;
# 200 leaves room for longer wire headlines while a paragraph rarely fits.
MAX_TITLE_CHARS = 200
# Shorter lines are kickers ("ANALYSIS") or captions ("Igor Konashenkov"), not headlines.
MIN_TITLE_WORDS = 3
# A line this long that ends like a sentence is a paragraph, not a subtitle.
MIN_PARAGRAPH_CHARS = 80

# Sentence punctuation, then any closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?\u2026:;,][\"'\u201d\u2019\u00bb)\]]*$")


def read_text(text: str, source: str) -> Iterator[Item]:
    """One report from a plain-text file."""
    yield from one_report(lambda: _text_report(text, source))


def _text_report(text: str, source: str) -> Report:
    title, body = split_title(text)
    return make_report(body, title=title, source=source)


def split_title(text: str) -> tuple[str | None, str]:
    """(title, body) of the normalised text; title None unless it opens with a headline."""
    text = normalise_text(text)
    first, _, rest = text.partition("\n")
    if not _is_headline(first) or not rest.strip():
        return None, text
    if rest.startswith("\n") or _is_paragraph(rest.partition("\n")[0]):
        return first.strip(), rest.strip()
    return None, text


def _is_headline(line: str) -> bool:
    line = line.strip()
    short = len(line) < MAX_TITLE_CHARS and len(line.split()) >= MIN_TITLE_WORDS
    return short and not _SENTENCE_END.search(line)


def _is_paragraph(line: str) -> bool:
    line = line.strip()
    return len(line) >= MIN_PARAGRAPH_CHARS and bool(_SENTENCE_END.search(line))
