"""Direct speech: a quotation and the cue that attributes it.

The cue is looked for, in order: an "according to X" earlier in the sentence (the
source owns the quoted words, whoever relays them); right after the quotation
('," said X', '— the General said', '," he told reporters'); right before it ('X
said in a statement: "'); then up the parse from the quoted words to the verb that
governs them ('called the strike "a legitimate military action"', 'told reporters
that the coalition "probably had a role"'). A quotation with no cue of its own
that opens a sentence continues the turn of whoever spoke just before.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from harmtrace.extract.according import according_source, opening
from harmtrace.extract.attribution import Attribution
from harmtrace.extract.cues import cue_span, cue_text, is_cue, is_event
from harmtrace.extract.quotes import QUOTE_MARKS, Quote
from harmtrace.extract.roles import is_rank
from harmtrace.extract.subjects import subject_of

RULE_AFTER = "statements.direct.after/2"
RULE_BEFORE = "statements.direct.before/2"
RULE_GOVERNED = "statements.direct.governed/2"
RULE_ACCORDING = "statements.direct.according_to/2"
RULE_CONTINUED = "statements.direct.continued/2"
WINDOW_TOKENS = 14
SUBJECT_TOKENS = 12
LEAD_TOKENS = 8
CLIMB = 8
STOPS = (".", "!", "?", ";")
SKIP = (",", "—", "–", "-", "...", "…")


def _tokens(doc: Doc, quote: Quote) -> Span | None:
    return doc.char_span(quote.start, quote.end, alignment_mode="expand")


def _window_after(doc: Doc, quote: Quote, span: Span) -> list[Token]:
    """Tokens after the closing mark, up to the end of the sentence or the next quotation."""
    i = span.end
    while i < len(doc) and (doc[i].is_quote or doc[i].text in SKIP or doc[i].is_space):
        if "\n" in doc[i].text:
            return []
        i += 1
    window: list[Token] = []
    while i < len(doc) and len(window) < WINDOW_TOKENS:
        tok = doc[i]
        ends = tok.text in STOPS and not (window and _abbreviation(window[-1]))
        if ends or tok.is_quote or (tok.is_space and "\n" in tok.text):
            break
        window.append(tok)
        i += 1
    return window


def _abbreviation(token: Token) -> bool:
    """'Maj.', 'Gen.', 'J.': a dot after these does not end the sentence."""
    return is_rank(token) or (len(token.text) == 1 and token.text.isupper())


def _subject_around(verb: Token, before: list[Token], window: list[Token]) -> Span | None:
    """The phrase between the quotation and its cue, or the one after an inverted cue
    ('said Maj. Gen. Joseph Martin, commander of ...')."""
    doc = verb.doc
    words = [t for t in before if not t.is_punct]
    if words:
        return doc[words[0].i:words[-1].i + 1]
    end = cue_span(verb).end
    after = [t for t in window if t.i >= end]
    stop = next((n for n, t in enumerate(after) if t.text in (",", "(")), len(after))
    name = [t for t in after[:stop] if not t.is_punct]
    return doc[name[0].i:name[-1].i + 1] if name else None


def _after(doc: Doc, quote: Quote, span: Span) -> tuple[Token, Span] | None:
    window = _window_after(doc, quote, span)
    for n, tok in enumerate(window[:SUBJECT_TOKENS + 1]):
        if is_cue(tok) and is_event(tok):
            subject = _subject_around(tok, window[:n], window)
            return (tok, subject) if subject is not None else None
        if tok.pos_ == "VERB" and tok.dep_ not in ("acl", "relcl", "amod"):
            return None
    return None


def _before(doc: Doc, quote: Quote, span: Span) -> tuple[Token, Span] | None:
    """'X said in a statement: "...' or 'X told reporters, "...'."""
    lead = [t for t in doc[max(span.sent.start, span.start - LEAD_TOKENS - 1):span.start]
            if not t.is_quote]
    if not lead or lead[-1].text not in (":", ","):
        return None
    for tok in reversed(lead):
        if is_cue(tok) and is_event(tok):
            subject = subject_of(tok)
            return (tok, subject) if subject is not None else None
    return None


def _governed(doc: Doc, quote: Quote, span: Span) -> tuple[Token, Span] | None:
    """The cue verb the quoted words hang from."""
    for tok in span:
        if span.start <= tok.head.i < span.end:
            continue
        head = tok.head
        for _ in range(CLIMB):
            if is_cue(head) and is_event(head) and not span.start <= head.i < span.end:
                subject = subject_of(head)
                return (head, subject) if subject is not None else None
            if head.head == head:
                break
            head = head.head
    return None


def _according(doc: Doc, span: Span) -> Span | None:
    """The source of an 'according to X' earlier in the quotation's sentence."""
    for tok in doc[span.sent.start:span.start]:
        to = opening(tok)
        if to is not None:
            return according_source(to)
    return None


def _opens_clause(doc: Doc, span: Span) -> bool:
    """Nothing but a cue and its subject before the quotation in its sentence: the
    quotation is a whole utterance, not a phrase inside the report's sentence."""
    lead = [t for t in doc[span.sent.start:span.start] if not t.is_quote and not t.is_space]
    if not lead:
        return True
    return lead[-1].text in (":", ",") and any(is_cue(t) for t in lead[-LEAD_TOKENS:])


def _opens_sentence(text: str, quote: Quote) -> bool:
    before = text[:quote.start].rstrip(QUOTE_MARKS + " \t")
    return not before or before[-1] in ".!?:\n"


def _attribution(doc: Doc, quote: Quote, text: str) -> Attribution | None:
    span = _tokens(doc, quote)
    if span is None:
        return None
    source = _according(doc, span)
    if source is not None:
        return _make(quote, "according to", source, RULE_ACCORDING)
    finders = [(RULE_AFTER, _after), (RULE_BEFORE, _before), (RULE_GOVERNED, _governed)]
    if not _opens_clause(doc, span):
        finders.insert(0, finders.pop())
    for rule, finder in finders:
        found = finder(doc, quote, span)
        if found is not None:
            verb, subject = found
            cue = cue_text(verb, subject, trailing=rule == RULE_AFTER)
            return _make(quote, cue, subject, rule)
    if _opens_sentence(text, quote):
        return Attribution(kind="direct", start=quote.start, end=quote.end, cue="",
                           anchor=quote.start, subject=None, rule=RULE_CONTINUED,
                           confidence=0.6, continues=True)
    return None


def _make(quote: Quote, cue: str, subject: Span, rule: str) -> Attribution:
    return Attribution(kind="direct", start=quote.start, end=quote.end, cue=cue,
                       anchor=subject.start_char, subject=subject, rule=rule, confidence=0.8)


def _runs_on(text: str, quote: Quote, following: Quote) -> bool:
    """A quotation left open at the end of its paragraph, reopened at the start of the
    next: one quotation over two paragraphs, attributed at its end."""
    rest = text[quote.end:following.start]
    return rest.lstrip(" \t")[:1] == "\n" and not rest.strip(QUOTE_MARKS + " \t\n")


def direct_attributions(doc: Doc, quotes: list[Quote], text: str) -> list[Attribution]:
    """An attribution for every quotation that has a cue or continues a turn."""
    found = [_attribution(doc, q, text) for q in quotes]
    for n in range(len(quotes) - 2, -1, -1):
        here, following = found[n], found[n + 1]
        unattributed = here is None or here.continues
        if unattributed and following is not None and _runs_on(text, quotes[n], quotes[n + 1]):
            found[n] = replace(following, start=quotes[n].start, end=quotes[n].end)
    return [a for a in found if a is not None]
