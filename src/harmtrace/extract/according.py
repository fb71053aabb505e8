"""'According to X, <words>' and '<words>, according to X' (the phrases in cues.json).

The source is X, or the body behind a document ('according to figures released by
the UN mission' -> the UN mission). The words are the rest of the clause on the
side that makes one, stopping where a quotation hands over to its own cue ('...,"
said X').
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Span, Token

from harmtrace.extract.attribution import Attribution, is_clause, phrase, region, trim
from harmtrace.extract.cues import cue_data, is_clause_verb

RULE_ACCORDING = "statements.reported.according_to/2"
# A closing quotation mark followed within this many words by a cue ends the clause.
QUOTE_CUE_WORDS = 3


@cache
def _nominal() -> frozenset[str]:
    return frozenset(cue_data()["nominal"])


def according_source(to: Token) -> Span | None:
    """The source of 'according to X': X, or the body behind 'figures released by X'."""
    objects = [c for c in to.children if c.dep_ == "pobj"]
    if not objects:
        return None
    head = objects[0]
    if head.lemma_.lower() in _nominal():
        for tok in head.subtree:
            if tok.dep_ == "poss" and tok.head == head:
                return phrase(tok)
            inner = [c for c in tok.children if c.dep_ == "pobj"]
            if tok.lower_ in ("by", "from", "of") and tok.dep_ in ("agent", "prep") and inner:
                return phrase(inner[0])
    return phrase(head)


def _before_attribution(doc: Doc, lo: int, hi: int) -> int:
    """Where a quotation closes before its own cue ('..." — said X'), else hi."""
    for tok in doc[lo:hi]:
        if tok.is_quote and tok.i > lo and not tok.is_left_punct:
            rest = [t for t in doc[tok.i + 1:min(hi, tok.i + QUOTE_CUE_WORDS + 1)]
                    if not t.is_punct]
            if any(is_clause_verb(t) for t in rest[:2]):
                return tok.i + 1
    return hi


def opening(token: Token) -> Token | None:
    """The last word of a prepositional cue ('according to') starting at a token."""
    doc = token.doc
    for phrase_text in cue_data()["prepositional"]:
        words = phrase_text.split()
        end = token.i + len(words)
        if end <= len(doc) and [t.lower_ for t in doc[token.i:end]] == words:
            return doc[end - 1]
    return None


def according_to(token: Token) -> Attribution | None:
    """The attribution a prepositional cue ('according to') opens, or None."""
    doc = token.doc
    to = opening(token)
    if to is None:
        return None
    source = according_source(to)
    objects = [c for c in to.children if c.dep_ == "pobj"]
    if source is None or not objects:
        return None
    lo, hi = region(token)
    before = trim(doc[lo:token.i])
    after = trim(doc[objects[0].right_edge.i + 1:_before_attribution(doc, token.i, hi)])
    content = before if is_clause(before) and not is_clause(after) else after
    if not is_clause(content):
        return None
    return Attribution(kind="indirect", start=content.start_char, end=content.end_char,
                       cue=doc[token.i:to.i + 1].text, anchor=source.start_char,
                       subject=source, rule=RULE_ACCORDING, confidence=0.5)
