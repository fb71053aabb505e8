"""Reporting cues: the words that introduce speech, read from `data/lang/en/cues.json`.

Two kinds of verb report speech. Clause verbs take what was said as a clause
("said that ...", "denied using ..."); object verbs carry it in their object
("accused the army of ...", "urged both sides to ...", "put the toll at 40").
The cue as stored is the verb with its auxiliaries, particle and short object
("has since acknowledged", "told reporters", "called on").
"""

from __future__ import annotations

from functools import cache
from typing import Any

from spacy.tokens import Span, Token

from harmtrace.extract.lexicon import lexicon

VERB_TAGS = ("VERB", "AUX")
# "told reporters at a news conference in Geneva": a cue takes at most this many
# adjunct tokens after the verb, enough for "in a statement on Sunday".
ADJUNCT_TOKENS = 6
OBJECT_TOKENS = 7
# At most this many words between a cue and its content belong to the cue
# ('described these tactics as').
BRIDGE_TOKENS = 4


@cache
def cue_data() -> dict[str, Any]:
    return lexicon("cues")


@cache
def _clause_lemmas() -> frozenset[str]:
    return frozenset(cue_data()["verbs"])


@cache
def _adjunct_nouns() -> frozenset[str]:
    return frozenset(cue_data()["cue_adjuncts"])


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _has_particle(token: Token) -> bool:
    """'point' and 'go' report speech only as 'point out' and 'go on'."""
    particle = cue_data()["particles"].get(_lemma(token))
    return particle is None or any(c.dep_ == "prt" and c.lower_ == particle
                                   for c in token.children)


def is_clause_verb(token: Token) -> bool:
    return (token.pos_ in VERB_TAGS and _lemma(token) in _clause_lemmas()
            and _has_particle(token))


def object_spec(token: Token) -> dict[str, Any] | None:
    """How an object verb carries its content, or None if the token is not one."""
    if token.pos_ not in VERB_TAGS:
        return None
    spec: dict[str, Any] | None = cue_data()["object_verbs"].get(_lemma(token))
    return spec


def needed_objects(token: Token) -> frozenset[str] | None:
    """Object nouns a verb needs to report speech ('expressed surprise that')."""
    words = cue_data()["needs_object"].get(_lemma(token))
    return frozenset(words) if words is not None else None


def is_cue(token: Token) -> bool:
    return is_clause_verb(token) or object_spec(token) is not None


def is_negated(token: Token) -> bool:
    """'did not say', 'has not confirmed': no statement."""
    return any(c.dep_ == "neg" for c in token.children)


@cache
def _modals() -> frozenset[str]:
    return frozenset(cue_data()["modals"])


def is_event(token: Token) -> bool:
    """A cue that reports something said: not 'did not say', 'would recommend', a
    passive ('residents had been warned', whose subject heard it), or a participle
    used as an adjective ('its declared stockpile')."""
    if token.dep_ in ("amod", "compound", "nmod") or is_negated(token):
        return False
    if any(c.dep_ == "auxpass" for c in token.children):
        return False
    return not any(c.dep_ == "aux" and c.lower_ in _modals() for c in token.children)


def relay_word(token: Token) -> str | None:
    """'citing' or 'quoted ... as saying': the speaker is the one cited."""
    relays: dict[str, str] = cue_data()["relays"]
    return relays.get(_lemma(token))


def _left_edge(verb: Token) -> int:
    """Auxiliaries and adverbs that belong to the cue: 'has since acknowledged'."""
    start = verb.i
    while start > verb.sent.start:
        prev = verb.doc[start - 1]
        if prev.head != verb or prev.dep_ not in ("aux", "advmod", "neg"):
            break
        if prev.dep_ == "advmod" and prev.lower_ not in cue_data()["cue_adverbs"] and not any(
                t.dep_ == "aux" and t.head == verb for t in verb.doc[verb.sent.start:prev.i]):
            break
        start -= 1
    return start


def _object_end(verb: Token) -> int:
    """After the verb's particle and short object ('told a news conference', 'called on')."""
    end = verb.i + 1
    for child in verb.rights:
        if child.left_edge.i != end:
            break
        if child.dep_ == "prt":
            end = child.i + 1
        elif child.dep_ in ("dobj", "dative") and _reporting_object(verb, child):
            last = child.i if needed_objects(verb) is not None else child.right_edge.i
            if last - end >= OBJECT_TOKENS:
                break
            end = last + 1
        else:
            break
    return end


def addressed(verb: Token) -> bool:
    """'tell', 'inform': verbs whose object is the one spoken to."""
    return _lemma(verb) in cue_data()["addressee_verbs"]


def _reporting_object(verb: Token, obj: Token) -> bool:
    """The addressee of 'tell' and the noun of 'express surprise' belong to the cue;
    the object of an object verb is the content, and quoted words are never cue."""
    if any(t.is_quote for t in obj.subtree):
        return False
    needed = needed_objects(verb)
    if needed is not None:
        return _lemma(obj) in needed
    return _lemma(verb) in cue_data()["addressee_verbs"]


def _adjunct_end(verb: Token, end: int) -> int:
    """A medium adjunct right after the cue: 'said in a statement', 'wrote on Twitter'."""
    for child in verb.rights:
        if child.i < end:
            continue
        if child.i != end or child.dep_ != "prep" or child.right_edge.i - end > ADJUNCT_TOKENS:
            break
        nouns = {t.lower_ for t in child.subtree}
        if not nouns & _adjunct_nouns():
            break
        end = child.right_edge.i + 1
    return end


def cue_span(verb: Token) -> Span:
    """The verb with its auxiliaries, particle, reporting object and medium adjunct."""
    end = _adjunct_end(verb, _object_end(verb))
    return verb.doc[_left_edge(verb):end]


def cue_text(verb: Token, subject: Span | None = None, content: Span | None = None,
             trailing: bool = False) -> str:
    """The cue as the report words it. A pronoun, surname or 'the General' next to the
    verb is part of it where the cue follows the words ('..., he said', '...,
    said the General'); so are the words between an object verb and its content
    ('described these tactics as', 'put the toll at')."""
    span = cue_span(verb)
    if trailing and subject is not None and _short_subject(subject) and subject.end == span.start:
        return verb.doc[subject.start:span.end].text
    end = span.end
    if content is not None and end < content.start <= end + BRIDGE_TOKENS:
        between = verb.doc[end:content.start]
        if not any(t.ent_type_ in ("DATE", "TIME") or t.is_punct for t in between):
            end = content.start
    if subject is not None and _short_subject(subject) and subject.start == end:
        return verb.doc[span.start:subject.end].text
    return verb.doc[span.start:end].text


def _short_subject(subject: Span) -> bool:
    words = [t for t in subject if not t.is_punct]
    if len(words) == 1:
        return words[0].pos_ in ("PRON", "PROPN")
    return len(words) == 2 and words[0].lower_ == "the"
