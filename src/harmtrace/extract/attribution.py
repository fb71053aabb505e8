"""An attribution: words, a cue and the phrase naming the speaker, before resolution.

Direct and reported speech are found apart (direct.py, reported.py) and resolved
together in text order (statements.py), so that "he" or "the group" refers to
whoever spoke last. The helpers here cut a content span to the words said.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from harmtrace.records import StatementKind

# Tokens that open or close a content span without belonging to it.
EDGE_PUNCT = ",;:—–-\"'“”‘’«»()"
LEADING_WORDS = ("that", "whether")
MIN_CONTENT_WORDS = 2
DATELINE_TOKENS = 10
# A verb in these relations describes a noun ('the Britain-based monitor') rather
# than making a clause.
MODIFIER_DEPS = ("amod", "compound", "acl", "nmod", "npadvmod")
SUBJECT_DEPS = ("nsubj", "nsubjpass")
RELATIVES = ("which", "who", "that")
# "said on Tuesday", "said at a news conference in Geneva": how many words may stand
# between a cue and the end of its clause, or between a cue and its "that".
ADJUNCT_WORDS = 7


@dataclass(frozen=True, slots=True)
class Attribution:
    kind: StatementKind
    start: int
    end: int
    cue: str
    anchor: int
    subject: Span | None
    rule: str
    confidence: float
    continues: bool = False
    context: Span | None = None


def indirect(content: Span, cue: str, subject: Span | None, rule: str, confidence: float,
             context: Span | None = None, verb: Token | None = None) -> Attribution:
    """Reported words, anchored where the speaker is named; in a relative clause ('40
    survivors, several of whom said ...') where the clause starts."""
    anchor = subject if subject is not None else context
    at = anchor.start_char if anchor is not None else content.start_char
    if verb is not None and verb.dep_ == "relcl":
        at = max(at, verb.left_edge.idx)
    return Attribution(kind="indirect", start=content.start_char, end=content.end_char,
                       cue=cue, anchor=at, subject=subject, rule=rule,
                       confidence=confidence, context=context)


def phrase(token: Token) -> Span:
    """A token's whole phrase."""
    return token.doc[token.left_edge.i:token.right_edge.i + 1]


def trim(span: Span, keep_lead: tuple[str, ...] = ("whether",)) -> Span:
    """The words without edge punctuation or a leading 'that'."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].text in EDGE_PUNCT or doc[start].is_space or (
            doc[start].lower_ in LEADING_WORDS and doc[start].lower_ not in keep_lead
            and doc[start].pos_ == "SCONJ")):
        start += 1
    while end > start and (doc[end - 1].text in EDGE_PUNCT or doc[end - 1].is_space
                           or doc[end - 1].text in ".!?"):
        end -= 1
    return doc[start:end]


def is_clause(span: Span) -> bool:
    """Enough words, one of them a verb: a clause rather than an adverbial."""
    words = [t for t in span if not t.is_punct]
    return len(words) >= MIN_CONTENT_WORDS + 1 and any(
        t.pos_ in ("VERB", "AUX") and t.dep_ not in MODIFIER_DEPS for t in words)


def _sentence(token: Token) -> tuple[int, int]:
    """A token's sentence, joined to the one before when the parser split it at a comma
    ('An alliance that bombs children cannot investigate itself | , he said.')."""
    sent = token.sent
    start = _after_dateline(sent)
    doc = token.doc
    if start == sent.start and start > 0 and (doc[start].text == "," or doc[start - 1].text == ","):
        start = _after_dateline(doc[start - 1].sent)
    return start, sent.end


def region(token: Token) -> tuple[int, int]:
    """Token bounds of the clause run holding a token: its sentence, cut at ';', at a
    colon (not inside quotation marks) and at a line break, after any dateline."""
    start, end = _sentence(token)
    doc = token.doc
    for tok in doc[start:end]:
        breaks = tok.text in (";", ":") and not _quoted(doc, tok.i)
        if breaks or (tok.is_space and "\n" in tok.text):
            if tok.i < token.i:
                start = tok.i + 1
            elif tok.i > token.i:
                end = tok.i
                break
    return start, end


def _after_dateline(sent: Span) -> int:
    """Past 'WASHINGTON, May 25 –' or '(Beirut, August 3, 2006) –'."""
    first = sent[0]
    if not (first.text == "(" or (first.is_upper and len(first.text) > 1)):
        return sent.start
    for tok in sent[:DATELINE_TOKENS]:
        if tok.text in ("–", "—", "-") and tok.i > sent.start:
            return tok.i + 1
    return sent.start


def _quoted(doc: Doc, i: int) -> bool:
    marks = [t for t in doc[doc[i].sent.start:i] if t.is_quote]
    return len(marks) % 2 == 1
