"""Who asserts a claim: the speaker whose words carry it, a cited source, local media,
or the reporter.

Statements (extract_statements) give speakers as written; a claimer is named the
way the actor table names it. A speaker given by a common noun or pronoun ("the
ministry", "the monitor", "it") is the last actor named before it that fits ("the
Houthi-run health ministry"), else the last claimer. A source cited inside the
claim ("citing local and security sources") owns it rather than the outlet relaying
it.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Span, Token

from harmtrace.aliases import actor_kind, canonical, find_actors, lookup
from harmtrace.extract.actors import ReportActors
from harmtrace.extract.doctext import doc_text
from harmtrace.extract.lexicon import lexicon, phrases_pattern
from harmtrace.extract.nationality import demonyms, last_country
from harmtrace.records import Statement

REPORTER, LOCAL_MEDIA = "reporter", "local media"
MEDIA = re.compile(r"\b(?:media|television|news (?:websites?|sites?|pages|outlets|agency)|"
                   r"outlets|channels|newspapers?|broadcasters?)\b", re.IGNORECASE)
SOURCE_CHAR = r"(?:[^,.;]|(?<=\b[A-Z])\.)"
SOURCE_END = r"(?=[,;]|\.(?<!\b[A-Z]\.)|$)"
"""A cited source's name runs to the end of its clause, but the full stops of an
initialism ("according to the U.N. official") are part of the name."""
CITING = re.compile(rf"\b(?:citing|quoting)\s+(?P<src>(?:the\s+)?{SOURCE_CHAR}{{3,60}}?)"
                    rf"{SOURCE_END}|\bquoted\s+(?P<quoted>{SOURCE_CHAR}{{3,80}}?)\s+as\s+saying\b",
                    re.IGNORECASE)
OWN_COUNT = re.compile(r"(?P<owner>\b[\w-]+(?:\s+[\w-]+){0,4}?)['’]s?\s+(?:own\s+)?"
                       r"(?:count|tally|toll|figures?|estimate)\b", re.IGNORECASE)
ACCORDING = re.compile(rf"\baccording to\s+(?P<src>{SOURCE_CHAR}{{3,80}}?){SOURCE_END}",
                       re.IGNORECASE)
WORDS = lexicon("claimers")
GENERIC = frozenset(WORDS["generic_heads"])
PRONOUNS = frozenset(WORDS["pronouns"])
REPORTING_LEMMAS = frozenset(WORDS["reporting_lemmas"])
TITLE_WORDS = frozenset(WORDS["title_words"])
ORGANISATIONS = ("ngo", "international_org", "government", "media", "state_forces", "coalition",
                 "armed_group")
ORG_REACH = 1500
# A statement that starts this close before a pronoun is the sentence the pronoun is in.
SAME_SENTENCE = 250
PERSON_WORD = re.compile(r"(?:(?:al|el|bin|ibn|abu|de|van|von|le|la)-?)?[A-Z][\w'’.-]*"
                         r"|al|el|bin|ibn|de|van|von|da|di")
DETERMINERS = re.compile(rf"^(?:(?:{phrases_pattern(WORDS['determiners'])})\s+)+", re.IGNORECASE)


@cache
def national(word: str, country: str | None) -> str | None:
    """"police" in a report about Iraq -> Iraqi police, when the actor table has it."""
    if country is None:
        return None
    for demonym, code in demonyms().items():
        if code == country:
            actor = lookup(f"{demonym} {word}")
            return actor.canonical if actor is not None else None
    return None


def reporter_of(outlet: str | None) -> str:
    """An organisation publishing its own report (a press release) asserts its own voice."""
    if not outlet:
        return REPORTER
    name = re.sub(r"\s*\(.*?\)\s*", " ", outlet).strip()
    actor = lookup(name)
    return actor.canonical if actor is not None and actor.kind not in ("media", "source") \
        else REPORTER


class Claimers:
    """Resolves claimers within one report, remembering the ones already named."""

    def __init__(self, doc: Doc, statements: list[Statement], actors: ReportActors,
                 country: str | None = None, reporter: str = REPORTER) -> None:
        self.doc = doc
        self.actors = actors
        self.country = country
        self.reporter = reporter
        self.statements = sorted(statements, key=lambda s: s.start)
        self.history: list[tuple[int, str]] = []

    def at(self, start: int, unit: Span) -> str:
        """The claimer of words starting at `start` in the unit."""
        cited = self._cited(unit)
        if cited:
            return self._remember(start, cited)
        statement = self._statement(start)
        if statement is not None:
            return self._remember(start, self.speaker(statement))
        owner = OWN_COUNT.search(unit.text)
        if owner is not None:
            return self._remember(start, self.name(owner["owner"], unit.start_char + owner.start()))
        subject = self._reporting_subject(start, unit)
        if subject:
            return self._remember(start, self.name(subject, start))
        if MEDIA.search(unit.text):
            return LOCAL_MEDIA
        return self.reporter

    def speaker(self, statement: Statement) -> str:
        """A statement's speaker as a claimer; "the coalition" as the one the report names."""
        text = statement.speaker_text or statement.speaker
        settled = self.actors.settle(_head_phrase(text))
        if settled != _head_phrase(text) and lookup(settled) is not None:
            return settled
        return self.name(statement.speaker, statement.start)

    def _remember(self, start: int, name: str) -> str:
        if name not in (REPORTER, LOCAL_MEDIA):
            self.history.append((start, name))
        return name

    def _statement(self, start: int) -> Statement | None:
        covering = [s for s in self.statements if s.start <= start < s.end]
        return min(covering, key=lambda s: s.end - s.start) if covering else None

    def _cited(self, unit: Span) -> str | None:
        for pattern in (CITING, ACCORDING):
            m = pattern.search(unit.text)
            if m is not None:
                source = m.groupdict().get("quoted") or m["src"]
                name = self.name(source, unit.start_char + m.start())
                if name not in (REPORTER,):
                    return name
        return None

    def _reporting_subject(self, start: int, unit: Span) -> str | None:
        """"..., the ministry said": the subject of a reporting verb the claim hangs from."""
        span = self.doc.char_span(start, min(start + 1, unit.end_char), alignment_mode="expand")
        token: Token | None = span[0] if span is not None and len(span) else None
        seen = 0
        while token is not None and seen < 12:
            between = doc_text(self.doc)[min(start, token.idx):max(start, token.idx)]
            if ";" in between:
                break
            if token.lemma_.lower() in REPORTING_LEMMAS and token.pos_ in ("VERB", "AUX"):
                subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
                if subjects:
                    subject = subjects[0]
                    return self.doc[subject.left_edge.i:subject.right_edge.i + 1].text
            if token.head is token:
                break
            token, seen = token.head, seen + 1
        return None

    def name(self, raw: str, position: int) -> str:
        """A speaker as the actor table names it, resolving common nouns and pronouns."""
        raw = _head_phrase(raw)
        lowered = raw.lower().removeprefix("the ")
        if not lowered:
            return REPORTER
        person = _person(raw) or self._colleague(raw, position)
        if person:
            return person
        actor = lookup(raw)
        if actor is not None:
            return self._settled(raw, actor.canonical)
        owned = self._possessed(lowered, position)
        if owned:
            return owned
        mentions = find_actors(raw)
        if mentions:
            start, end, name = mentions[0]
            return self._settled(raw[start:end], name)
        bare = DETERMINERS.sub("", lowered)
        containing = [m for m in self.actors.mentions if m.start < position
                      and len(bare) > 3 and bare in m.name.lower()]
        if containing and lowered not in PRONOUNS:
            return containing[-1].name
        institution = self._institution(lowered)
        if institution:
            return institution
        if lowered in PRONOUNS or lowered.split()[-1] in GENERIC or lowered in _titles():
            return self._refer_back(lowered, position) or raw
        if MEDIA.search(raw):
            return LOCAL_MEDIA
        return canonical(raw)

    def _colleague(self, raw: str, position: int) -> str | None:
        """"The U.N. official" after Mark Cutts of the UN spoke: the last person who spoke
        for the organisation a definite "the <organisation> <title>" names."""
        words = raw.split()
        if len(words) < 3 or words[0].lower() != "the" or words[-1].lower() not in _titles():
            return None
        named = find_actors(" ".join(words[1:-1]))
        if not named:
            return None
        org = named[0][2]
        people = [s for s in self.statements if s.start < position and s.speaker_org == org
                  and _person(s.speaker)]
        return _person(people[-1].speaker) if people else None

    def _settled(self, text: str, name: str) -> str:
        """A shared word ("the coalition") as the report's explicit actor, else `name`."""
        settled = self.actors.settle(text)
        return settled if settled != text else name

    def _possessed(self, lowered: str, position: int) -> str | None:
        """"Its Defence Ministry" after a sentence about Russia: the Russian one."""
        m = re.match(r"(?:its|their)\s+(.+)$", lowered)
        if m is None:
            return None
        country = last_country(doc_text(self.doc)[max(0, position - 400):position])
        if country is None:
            return None
        actor = lookup(f"{country} {m.group(1)}")
        return actor.canonical if actor is not None else None

    def _institution(self, lowered: str) -> str | None:
        """"police", "the army's general command", "prosecutors": the report's country's."""
        bare = DETERMINERS.sub("", lowered)
        for phrase, institution in sorted(WORDS["institutions"].items(),
                                          key=lambda item: -len(item[0])):
            if re.search(rf"\b{re.escape(phrase)}\b", bare):
                return national(institution, self.country)
        return None

    def _refer_back(self, lowered: str, position: int) -> str | None:
        """The last actor named before `position` that a common noun or pronoun can mean:
        "it" and "the monitor" an organisation, "he" or "the general" a person."""
        head = lowered.split()[-1] if lowered else ""
        before = [m for m in self.actors.mentions if m.start < position]
        bare = DETERMINERS.sub("", lowered)
        containing = [m for m in before if bare in m.name.lower()]
        if containing and head not in PRONOUNS:
            return containing[-1].name
        if head not in PRONOUNS and head not in _titles():
            fitting = [m for m in before if head in m.name.lower()]
            if fitting:
                return fitting[-1].name
        recent = [name for at, name in self.history if at < position and position - at < ORG_REACH
                  and actor_kind(name) in ORGANISATIONS]
        speaking = [self.speaker(s) for s in self.statements
                    if s.start < position and position - s.start < SAME_SENTENCE
                    and actor_kind(self.speaker(s)) in ORGANISATIONS]
        if head in ("it", "its") and (speaking or recent):
            return (speaking or recent)[-1]
        if head in ("it", "its") or (head not in PRONOUNS and head not in _titles()):
            organisations = [m for m in before if actor_kind(m.name) in ORGANISATIONS
                             and position - m.start < ORG_REACH]
            if organisations:
                return organisations[-1].name
        people = [s for s in self.statements if s.start < position and _person(s.speaker)]
        if people and (head in ("he", "she", "his", "her") or head in _titles()):
            return _person(people[-1].speaker)
        earlier = [name for at, name in self.history if at < position]
        return earlier[-1] if earlier else None


@cache
def _titles() -> frozenset[str]:
    return frozenset(lexicon("roles")["titles"])


def _head_phrase(raw: str) -> str:
    """The speaker phrase without a relative clause or trailing description."""
    raw = " ".join(raw.split()).strip(" ,.;:\"'“”")
    raw = re.split(r",?\s+(?:which|who|whose|that)\s+", raw)[0]
    return raw.strip(" ,")


def _person(raw: str) -> str | None:
    """A person's name inside a speaker phrase ("the UN humanitarian chief, Mark Lowcock",
    "Army Brigadier General Paul Bontrager, deputy director ..."), without titles."""
    for part in raw.split(","):
        words = [w for w in part.split() if w.strip(".").lower() not in _titles()]
        while words and (words[0][:1].islower() or words[0].strip(".") in TITLE_WORDS):
            words.pop(0)
        if not 2 <= len(words) <= 4:
            continue
        name = " ".join(words)
        if all(PERSON_WORD.fullmatch(w) for w in words) and not find_actors(name) \
                and lookup(name) is None:
            return name
    return None
