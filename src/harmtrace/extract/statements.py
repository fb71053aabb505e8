"""Attributed statements: direct quotations and reported speech, with their speakers.

Direct (direct.py) and reported (reported.py) attributions are resolved together in
text order (speakers.py), so a pronoun or "the group" refers to whoever was named
or spoke last. Then the FORMAT.md conventions settle overlaps:

- nested attribution ("He recalled that a spokesman told reporters that ..."): the
  inner speaker owns the inner words; the outer statement keeps only words of its
  own before them, or goes;
- a reported clause that is mostly a quotation yields the quotation only; one that
  asserts more outside the marks keeps a record of its own;
- the same words found twice for one speaker are one statement.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from harmtrace.extract.according import RULE_ACCORDING
from harmtrace.extract.attribution import RELATIVES, Attribution, is_clause, trim
from harmtrace.extract.direct import RULE_ACCORDING as DIRECT_ACCORDING
from harmtrace.extract.direct import direct_attributions
from harmtrace.extract.quotes import Quote, speech_quotes
from harmtrace.extract.reported import RULE_FORWARD, RULE_OBJECT, reported_attributions
from harmtrace.extract.speakers import Resolver, Speaker
from harmtrace.records import Statement

# A reported clause at least this much quotation is the quotation's record alone.
QUOTED_SHARE = 0.5
# A reported clause with fewer words than this outside a quotation it holds only frames
# the quotation ('... was "not a blank check"').
FRAME_WORDS = 8
# Two records of one speaker sharing this much of the shorter are the same words.
SAME_WORDS = 0.5
# An outer statement keeps its own words before an inner speaker if it has this many.
OWN_WORDS = 4
# Inner attributions that take the words from an outer speaker.
NESTING_RULES = (RULE_FORWARD, RULE_ACCORDING, DIRECT_ACCORDING)


def _paragraph_start(text: str, at: int) -> int:
    return text.rfind("\n", 0, at) + 1


def _continues(text: str, previous: Statement, at: int) -> bool:
    """A quotation opening a sentence continues the turn of the statement just before it,
    in the same paragraph or the one before."""
    here = _paragraph_start(text, at)
    last = here - 1
    while last >= 0 and text[last].isspace():
        last -= 1
    return previous.end >= (_paragraph_start(text, last) if last >= 0 else 0)


def _statement(text: str, attribution: Attribution, speaker: Speaker, cue: str) -> Statement:
    return Statement(
        speaker=speaker.name, kind=attribution.kind,
        content=text[attribution.start:attribution.end], cue=cue,
        start=attribution.start, end=attribution.end, speaker_text=speaker.text,
        speaker_role=speaker.role, speaker_org=speaker.org,
        confidence=attribution.confidence, rule=attribution.rule,
    )


def _continued(text: str, attribution: Attribution, statements: list[Statement]
               ) -> Statement | None:
    """A quotation without a cue of its own, in the turn of the statement before it."""
    previous = max(statements, key=lambda s: s.end, default=None)
    if previous is None or previous.end > attribution.start or not _continues(
            text, previous, attribution.start):
        return None
    speaker = Speaker(previous.speaker, previous.speaker_text or previous.speaker,
                      previous.speaker_role, previous.speaker_org)
    return _statement(text, attribution, speaker, previous.cue)


def _speaker(resolver: Resolver, attribution: Attribution) -> Speaker | None:
    subject = attribution.subject
    speaker = (resolver.resolve(subject, (attribution.start, attribution.end))
               if subject is not None else None)
    if speaker is None and attribution.context is not None:
        speaker = resolver.first_named(attribution.context)
    if speaker is not None and subject is not None:
        speaker = resolver.ahead(subject, speaker) or speaker
    return speaker


def _resolve(doc: Doc, text: str, attributions: list[Attribution]
             ) -> list[tuple[Statement, int]]:
    """Statements in text order of their speakers, each with where its speaker is named."""
    resolver = Resolver(doc, [(a.start, a.end) for a in attributions], text)
    found: list[tuple[Statement, int]] = []
    for attribution in sorted(attributions, key=lambda a: (a.anchor, a.start)):
        if attribution.continues:
            statement = _continued(text, attribution, [s for s, _ in found])
        else:
            speaker = _speaker(resolver, attribution)
            if speaker is not None:
                resolver.remember(attribution.anchor, speaker)
            statement = (_statement(text, attribution, speaker, attribution.cue)
                         if speaker is not None else None)
        if statement is not None:
            found.append((statement, attribution.anchor))
    return found


def _quoted_share(statement: Statement, quotes: list[Quote]) -> float:
    shared = sum(max(0, min(q.end, statement.end) - max(q.start, statement.start))
                 for q in quotes)
    return shared / max(1, statement.end - statement.start)


def _unquoted_words(statement: Statement, quotes: list[Quote], text: str) -> int:
    """Words of a reported clause outside its quotation marks."""
    kept = text[statement.start:statement.end]
    for q in quotes:
        if statement.start <= q.start and q.end <= statement.end:
            kept = kept.replace(text[q.start:q.end], " ")
    return len(re.findall(r"\w+", kept))


def _quotation_record(statement: Statement, quotes: list[Quote], text: str) -> bool:
    """A reported clause that the quoted words carry: mostly quotation, or a short frame
    around it ('said the coalition "probably had a role" in the deaths')."""
    share = _quoted_share(statement, quotes)
    if not share:
        return False
    return (share >= QUOTED_SHARE or statement.rule == RULE_OBJECT
            or _unquoted_words(statement, quotes, text) < FRAME_WORDS)


def _nested_cut(doc: Doc, statement: Statement, inner: list[tuple[Statement, int]],
                ) -> Statement | None:
    """The outer statement's own words before an inner speaker's attribution."""
    cut = min((at for other, at in inner if other.speaker != statement.speaker
               and statement.start <= at < statement.end), default=None)
    if cut is None:
        return statement
    span = doc.char_span(statement.start, cut, alignment_mode="contract")
    if span is None:
        return None
    while len(span) and span[-1].lower_ in (*RELATIVES, "whom", "and", "but"):
        span = span[:-1]
    own = trim(span)
    if not is_clause(own) or len(own.text.split()) < OWN_WORDS or not any(
            t.dep_ in ("nsubj", "nsubjpass", "expl") for t in own):
        return None
    return replace(statement, content=own.text, start=own.start_char, end=own.end_char)


def _overlap(a: Statement, b: Statement) -> float:
    shared = min(a.end, b.end) - max(a.start, b.start)
    return shared / max(1, min(a.end - a.start, b.end - b.start))


def _dedupe(statements: list[Statement]) -> list[Statement]:
    """One record for the same words of one speaker; the same speaker's words inside
    a longer statement of theirs ('from which, it said, ...') are part of it."""
    kept: list[Statement] = []
    ranked = sorted(statements, key=lambda s: (-s.confidence, -(s.end - s.start)))
    for statement in ranked:
        if any(k.kind == statement.kind and k.speaker == statement.speaker
               and _overlap(k, statement) >= SAME_WORDS for k in kept):
            continue
        kept.append(statement)
    return sorted(kept, key=lambda s: s.start)


def _weak_inside(statement: Statement, at: int, others: list[Statement]) -> bool:
    """An object-verb record ('had recorded 400 deaths') named inside someone else's
    reported words is part of those words."""
    return statement.rule == RULE_OBJECT and any(
        o is not statement and o.rule != RULE_OBJECT and o.start <= at < o.end for o in others)


def _settle(doc: Doc, text: str, found: list[tuple[Statement, int]], quotes: list[Quote]
            ) -> list[Statement]:
    statements = [s for s, _ in found]
    settled = [s for s in statements if s.kind == "direct"]
    inner = [(s, at) for s, at in found if s.rule in NESTING_RULES]
    for statement, at in found:
        if statement.kind == "direct" or _weak_inside(statement, at, statements):
            continue
        if _quotation_record(statement, quotes, text):
            continue
        cut = _nested_cut(doc, statement, inner)
        if cut is not None:
            settled.append(cut)
    return _dedupe(settled)


def extract_statements(doc: Doc) -> list[Statement]:
    """Every attributed statement of one parsed report, in text order."""
    text = doc.text
    quotes = speech_quotes(text)
    attributions = direct_attributions(doc, quotes, text) + reported_attributions(doc, quotes)
    return _settle(doc, text, _resolve(doc, text, attributions), quotes)
