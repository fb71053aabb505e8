"""Reported words before their cue: '<words>, <subject> said <adjuncts>.'

The parser often misreads these long sentences (the subject hung from the first
noun, the cue from nothing), so they are read from the surface: the cue ends its
clause but for a few words of adjunct ('said on Tuesday', 'told reporters by
telephone'), the subject runs back to a comma (taking in a name before an
apposition: 'Hunan Tadevosyan, a spokesman for the service, said'), and the words
run back from there to the start of the clause. An inverted cue ('..., concluded
the General') has its subject after it. A cue inside the clause ('The bomb
exploded, he said, but set off ...') attributes the words on both sides.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from harmtrace.extract.attribution import (
    ADJUNCT_WORDS,
    RELATIVES,
    SUBJECT_DEPS,
    is_clause,
    region,
    trim,
)
from harmtrace.extract.cues import cue_span, is_clause_verb

BOUNDARIES = (",", ";", ":", "—", "–", "(", ")")
FINITE = ("VBD", "VBZ", "VBP", "MD")
MAX_SUBJECT_TOKENS = 16
MAX_INVERTED_TOKENS = 6
# Auxiliaries and adverbs between a subject and its cue ("the group had also said").
BETWEEN = ("aux", "auxpass", "advmod", "neg")
# Words that make the clause before a cue a relative clause the words go on from
# ('an aerial photograph that, it said, showed ...').
OPEN_ENDS = (*RELATIVES, "where", "whom")


def _subject_end(verb: Token, lo: int) -> int:
    """Where the subject ends before the cue: past 'had', 'also', 'later'."""
    doc = verb.doc
    i = verb.i
    while i > lo and doc[i - 1].dep_ in BETWEEN and doc[i - 1].head == verb:
        i -= 1
    return i


def _boundary(doc: Doc, lo: int, hi: int) -> int:
    """The last boundary token before hi, or lo - 1."""
    for i in range(hi - 1, lo - 1, -1):
        if doc[i].text in BOUNDARIES or doc[i].is_quote:
            return i
    return lo - 1


def _with_apposition(doc: Doc, lo: int, comma: int, start: int) -> tuple[int, int]:
    """'Hunan Tadevosyan, a spokesman for the service, said': the name before the
    apposition belongs to the subject."""
    if comma < lo or doc[comma].text != "," or doc[start].lower_ not in ("a", "an", "the"):
        return comma, start
    name_start = comma
    while name_start > lo and doc[name_start - 1].pos_ == "PROPN":
        name_start -= 1
    if comma - name_start >= 2 and (name_start == lo or doc[name_start - 1].text in BOUNDARIES):
        return name_start - 1, name_start
    return comma, start


def _after_cue(verb: Token, hi: int) -> int | None:
    """Where the adjuncts after a cue that ends its clause stop ('said on Tuesday,');
    None if a clause follows the cue instead."""
    doc = verb.doc
    start = i = cue_span(verb).end
    while i < hi and doc[i].text not in BOUNDARIES and not doc[i].is_quote:
        tok = doc[i]
        if tok.dep_ == "mark" or (tok.pos_ in ("VERB", "AUX") and tok.dep_ not in (
                "acl", "amod", "auxpass", "aux", "pcomp")):
            return None
        i += 1
    words = [t for t in doc[start:i] if not t.is_punct]
    return i if len(words) <= ADJUNCT_WORDS else None


def _inverted(verb: Token, stop: int) -> Span | None:
    """', concluded the General.': the subject follows the cue."""
    span = trim(verb.doc[cue_span(verb).end:stop])
    nouns = [t for t in span if t.pos_ in ("NOUN", "PROPN", "PRON")]
    return span if nouns and len(span) <= MAX_INVERTED_TOKENS else None


def _words_before(span: Span) -> bool:
    """A clause, not a participle phrase ('Comparing the actions of ...'); a gerund
    may open it ('Shelling by the militia killed 40 people')."""
    return is_clause(span) and (span[0].tag_ != "VBG" or any(_finite_clause(t) for t in span))


def _finite_clause(verb: Token) -> bool:
    """A verb with a subject and a tense: 'Shelling ... has displaced 40,000 people'."""
    tensed = verb.tag_ in FINITE or any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE
                                       for c in verb.children)
    return tensed and any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def _words_after(span: Span, cue: Token) -> bool:
    """A clause of its own or one going on from the words before ('..., he said, but
    set off ...'), not the narrator's participle ('making it the deadliest ...'), a
    subordinate clause ('as Baku accused ...'), a further cue, or something the
    speaker did ('..., the command said, and offered its condolences')."""
    if not is_clause(span):
        return False
    first = span[0]
    if first.tag_ == "VBG" or first.pos_ in ("ADP", "SCONJ", "ADV") or is_clause_verb(first):
        return False
    root = span.root
    if root.dep_ == "conj" and root.head == cue:
        return False
    return first.pos_ == "CCONJ" or any(c.dep_ in SUBJECT_DEPS for c in root.children)


def _closed_apposition(verb: Token, lo: int, end: int) -> tuple[int, Span] | None:
    """'..., Hunan Tadevosyan, a spokesman for the service, said.': the comma before
    the cue closes an apposition; the subject is the parser's, back to the comma
    before it."""
    doc = verb.doc
    for child in verb.children:
        first = child.left_edge.i
        if child.dep_ in SUBJECT_DEPS and child.right_edge.i >= end - 2 and first - 1 >= lo \
                and doc[first - 1].text == ",":
            return first - 1, trim(doc[first:end])
    return None


def _subject(verb: Token, lo: int, stop: int) -> tuple[int, Span] | None:
    """The comma before the subject, and the subject (before or after the cue)."""
    doc = verb.doc
    end = _subject_end(verb, lo)
    comma = _boundary(doc, lo, end)
    if comma == end - 1 and doc[comma].text == ",":
        closed = _closed_apposition(verb, lo, end)
        if closed is not None:
            return closed
    if comma < lo or doc[comma].is_quote or doc[comma - 1].is_quote:
        return None
    if end - comma - 1 > MAX_SUBJECT_TOKENS:
        return None
    comma, start = _with_apposition(doc, lo, comma, comma + 1)
    subject = doc[start:end] if start < end else _inverted(verb, stop)
    if subject is None or subject[0].lower_ in RELATIVES:
        return None
    return comma, subject


def trailing(verb: Token) -> tuple[Span, list[Span]] | None:
    """The subject and the reported words of a cue that follows them."""
    if verb.dep_ in ("relcl", "acl"):
        return None
    lo, hi = region(verb)
    stop = _after_cue(verb, hi)
    found = _subject(verb, lo, stop) if stop is not None else None
    if stop is None or found is None:
        return None
    comma, subject = found
    doc = verb.doc
    before = trim(doc[lo:comma])
    after = trim(doc[stop + 1:hi]) if stop < hi and doc[stop].text == "," else None
    if len(before) and before[-1].lower_ in OPEN_ENDS and after is not None:
        parts = [after] if is_clause(after) else []
    else:
        parts = [before] if _words_before(before) else []
        parts += [after] if after is not None and _words_after(after, verb) else []
    return (subject, parts) if parts else None
