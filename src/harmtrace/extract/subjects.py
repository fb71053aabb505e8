"""Whose words a cue reports: its subject phrase, wherever the parser put it.

A participle or conjoined cue ("saying", "and urged", "insisting that") shares the
speaker of the cue before it in the sentence; a relative pronoun ("the monitor,
which had reported ...") stands for the noun it hangs from; "citing X" and "quoted
X as saying" hand the words to the one cited; and where the parser found no subject
at all, the words before the cue in its clause are kept so the first name in them
can stand in.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from harmtrace.extract.attribution import RELATIVES, SUBJECT_DEPS, phrase, region, trim
from harmtrace.extract.cues import is_cue, relay_word

# Relations through which a cue without a subject of its own takes its head's.
INHERITS = ("conj", "advcl", "xcomp", "pcomp", "prep", "acl")
MAX_CLIMB = 4
# '..., citing X': a relay right after the cue, wherever the parser hangs it.
RELAY_GAP = 3


def subject_of(verb: Token, depth: int = 0) -> Span | None:
    """The subject phrase of a cue verb, or None."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if subjects:
        relative = any(t.lower_ in (*RELATIVES, "whom") for s in subjects for t in s.subtree)
        if relative and verb.dep_ == "relcl":
            return _antecedent(verb)
        start = max(min(c.left_edge.i for c in subjects), region(verb)[0])
        end = max(c.right_edge.i for c in subjects) + 1
        return _one_line(verb.doc[start:end])
    if verb.dep_ in INHERITS and verb.head != verb and depth < MAX_CLIMB:
        governing = _governing_cue(verb)
        if governing is not None:
            return subject_of(governing, depth + 1)
        if verb.head.pos_ in ("VERB", "AUX", "ADP"):
            return subject_of(verb.head, depth + 1)
    return None


def _one_line(span: Span) -> Span:
    """A subject never runs back over a line break (a byline or heading above)."""
    breaks = [t.i for t in span if t.is_space and "\n" in t.text]
    return span.doc[breaks[-1] + 1:span.end] if breaks else span


def _antecedent(relative_verb: Token) -> Span:
    """The noun phrase a relative clause hangs from: 'The Syrian Observatory for Human
    Rights, which ...', even when the parser hangs it from 'Rights'."""
    noun = relative_verb.head
    while noun.dep_ in ("pobj", "compound") and noun.head.dep_ in ("prep", "compound"):
        noun = noun.head.head if noun.dep_ == "pobj" else noun.head
    end = min(relative_verb.left_edge.i, noun.right_edge.i + 1)
    return trim(relative_verb.doc[noun.left_edge.i:end])


def _governing_cue(verb: Token) -> Token | None:
    """The cue before a conjoined or participle cue in its sentence, wherever the
    parser hangs it: 'said that snipers had opened fire, and accused the group of
    ...', 'an account the military rejected, insisting that ...'."""
    if verb.dep_ not in ("conj", "advcl") or not is_cue(verb):
        return None
    for tok in reversed(verb.doc[verb.sent.start:verb.i]):
        if is_cue(tok) and any(c.dep_ in SUBJECT_DEPS for c in tok.children):
            return tok
    return None


def relayed(verb: Token) -> tuple[Span, str] | None:
    """The one cited and the relaying cue: '..., citing local sources', 'the media,
    citing X, reported', 'quoted a police source as saying that ...'."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    near = verb.doc[verb.i + 1:min(verb.i + RELAY_GAP, verb.sent.end)]
    for child in [*verb.children, *(g for s in subjects for g in s.children), *near]:
        objects = [c for c in child.children if c.dep_ == "dobj"]
        if relay_word(child) == "citing" and objects:
            return phrase(objects[0]), child.text
    head = verb.head
    quoted = relay_word(head) == "as saying" or (
        head.lower_ == "as" and relay_word(head.head) == "as saying")
    if verb.lemma_ == "say" and quoted:
        quoter = head if relay_word(head) else head.head
        objects = [c for c in quoter.children if c.dep_ == "dobj"]
        if objects:
            return phrase(objects[0]), f"as {verb.text}"
    return None


def context(verb: Token) -> Span:
    """The words before a cue in its clause, where a subject the parser missed is named
    ('On Thursday Amnesty International, which ..., said')."""
    lo, _ = region(verb)
    return verb.doc[lo:verb.i]
