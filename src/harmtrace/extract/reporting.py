"""Words that belong to the act of reporting rather than to the event reported.

"the army said in a statement on Sunday", "told reporters at the Pentagon", "At a
news conference in Riyadh the next day", "an official in the operations room in
Beirut told reporters": the dates and places there say when and where someone
spoke, not when and where people were harmed. A dateline ("BEIRUT, March 17 –")
is the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from harmtrace.extract.lexicon import lexicon

WORDS = lexicon("reporting")
SPEECH_LEMMAS = frozenset(WORDS["speech_lemmas"])
FIGURE_LEMMAS = frozenset(WORDS["figure_lemmas"])
TIME_PREPS = frozenset(WORDS["time_preps"])
EVENT_NOUNS = frozenset(WORDS["event_nouns"])
SPEAKER_DEPS = ("nsubj", "nsubjpass", "agent", "dative")
ADJUNCT_DEPS = ("prep", "npadvmod", "advmod")
DATELINE = re.compile(
    r"^\(?[A-Z][A-Za-z.]*(?:[ /-][A-Z][A-Za-z.]*)*(?:,\s*[A-Z][a-z]{2,}\.?\s+\d{1,2}"
    r"(?:,\s*\d{4})?)?\)?\s+[–—-]\s")


@dataclass(frozen=True, slots=True)
class Skips:
    """Token indices whose places, and whose dates, are not the event's."""

    places: frozenset[int]
    dates: frozenset[int]


REPORTING_VERBS = frozenset(WORDS["verbs"])
REPORTING_NOUNS = frozenset(w for w in WORDS["nouns"] if " " not in w)


CLAUSE_DEPS = ("ccomp", "xcomp", "pcomp", "acl", "relcl", "advcl", "conj", "parataxis")


def _subtree(token: Token) -> set[int]:
    """The token's phrase, without the clauses hanging from it ("in a statement issued on
    Sunday" but not "as saying that terrorists fired ... on Sunday")."""
    found = {token.i}
    for child in token.children:
        if child.dep_ not in CLAUSE_DEPS or child.tag_ == "VBN":
            found |= _subtree(child)
    return found


def _verb_skips(verb: Token) -> tuple[set[int], set[int]]:
    places: set[int] = set()
    dates: set[int] = set()
    speech = verb.lemma_.lower() in SPEECH_LEMMAS
    for child in verb.children:
        if child.dep_ in SPEAKER_DEPS and not _tells_event(child):
            places |= _subtree(child)
            dates |= _subtree(child)
        elif child.dep_ in ADJUNCT_DEPS and not _tells_event(child):
            tree = _subtree(child)
            if speech or (verb.lemma_.lower() in FIGURE_LEMMAS and child.lower_ in TIME_PREPS):
                dates |= tree
            if speech:
                places |= tree
    return places, dates


def _tells_event(subject: Token) -> bool:
    """A "speaker" the parser found that is really the event ("An air strike ... killed 42
    people, ... the Observatory said" parsed with the strike as the speaker)."""
    return any(t.lemma_.lower() in EVENT_NOUNS for t in subject.subtree)


def _noun_skips(noun: Token) -> set[int]:
    """`In a statement issued on April 8`, `At a briefing on Sunday evening`."""
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
        return set()
    return _subtree(noun.head)


def _according_to(token: Token) -> set[int]:
    if token.lower_ == "according" and token.i + 1 < len(token.doc) \
            and token.doc[token.i + 1].lower_ == "to":
        return _subtree(token)
    return set()


def dateline_end(sent: Span) -> int:
    """Character offset where a dateline opening the sentence ends (its start if none)."""
    m = DATELINE.match(sent.text)
    return sent.start_char + m.end() if m else sent.start_char


def reporting_skips(sent: Span) -> Skips:
    places: set[int] = set()
    dates: set[int] = set()
    for token in sent:
        if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in REPORTING_VERBS:
            verb_places, verb_dates = _verb_skips(token)
            places |= verb_places
            dates |= verb_dates
        elif token.pos_ in ("NOUN", "PROPN") and token.lower_ in REPORTING_NOUNS:
            tree = _noun_skips(token)
            places |= tree
            dates |= tree
        places |= _according_to(token)
    stop = dateline_end(sent)
    head = {t.i for t in sent if t.idx < stop}
    return Skips(frozenset(places | head), frozenset(dates | head))
