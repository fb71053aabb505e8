"""What a speaker phrase refers to within one report: the report's discourse so far.

A light report-level coreference of our own (no model). The discourse remembers who
spoke, and who stood as a clause subject, in text order; from that:

- "he", "she" are the last person, "it" the last organisation, "they" the last group;
- "the General", "the medic", "the U.N. official" are the last person given that
  title or of that organisation;
- "the group", "the ministry" are an organisation named earlier in the paragraph
  that fits the noun, else the one that has spoken most and fits it;
- "the civil defence" is an organisation named earlier with those words;
- "Its Defence Ministry", "the country's prosecutor's office" are a body of a
  country named before, through the alias table;
- "the statement", "that investigation" belong to whoever issued the document;
- in a report's opening paragraph, "a senior UN official" or "an investigative
  body" is whoever the next paragraph names (wire copy names them there).

Names inside someone's reported words are not what the report itself refers back
to, so the discourse is told where the reported words are.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from spacy.tokens import Doc, Span, Token

from harmtrace.aliases import actor_kind, canonical, lookup
from harmtrace.extract.lexicon import lexicon
from harmtrace.extract.orgs import GROUPS, Orgs, fits
from harmtrace.extract.people import SUBJECT_DEPS, People, Person
from harmtrace.extract.roles import is_rank, is_title

SpeakerKind = Literal["person", "org", "group"]
DEFINITE = ("the", "this", "that")
MAX_PLACES = 12
# A report's opening paragraph has at least this many words (headings have fewer).
LEDE_WORDS = 12


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str
    text: str
    role: str | None = None
    org: str | None = None
    kind: SpeakerKind = "org"


@cache
def speaker_data() -> dict[str, Any]:
    return lexicon("speakers")


@cache
def pronoun_kinds() -> dict[str, SpeakerKind]:
    return {word: kind for kind, words in speaker_data()["pronouns"].items() for word in words}


@cache
def unnamed_people() -> frozenset[str]:
    return frozenset(speaker_data()["unnamed_people"])


@cache
def org_anaphors() -> frozenset[str]:
    return frozenset(speaker_data()["org_anaphors"])


@cache
def documents() -> frozenset[str]:
    return frozenset(speaker_data()["documents"])


def person_speaker(person: Person, text: str) -> Speaker:
    return Speaker(person.name, text, person.role, person.org, "person")


def org_speaker(name: str, text: str) -> Speaker:
    """An organisation speaking; a body within a larger one (a UN mission, a
    coalition's inquiry team) is filed under the larger one."""
    actor = lookup(name)
    parent = actor.org if actor is not None and actor.kind != "person" else None
    return Speaker(name, text, None, parent or name, "org")


def as_written(found: Speaker, text: str) -> Speaker:
    """A speaker found earlier, as this phrase writes them."""
    if found.kind == "org" and found.role is None:
        return org_speaker(found.name, text)
    return Speaker(found.name, text, found.role, found.org, found.kind)


def words_of(span: Span) -> list[Token]:
    return [t for t in span if not t.is_punct]


def head_of(subject: Span) -> Token:
    """The head noun: 'volunteers' in 'one of its volunteers'."""
    root = subject.root
    if root.lower_ == "one":
        for prep in (c for c in root.children if c.lower_ == "of"):
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return root


def group_name(head: Token) -> str:
    """'local residents', 'aid workers', 'security sources'."""
    keep = set(speaker_data()["group_modifiers"])
    mods = [c.lower_ for c in head.lefts if c.dep_ in ("amod", "compound") and c.lower_ in keep]
    return canonical(" ".join([*mods, head.lower_]))


def _lede(text: str) -> tuple[int, int]:
    """The first paragraph long enough to be the report's opening."""
    at = 0
    for paragraph in text.split("\n"):
        if len(paragraph.split()) >= LEDE_WORDS:
            return at, at + len(paragraph)
        at += len(paragraph) + 1
    return 0, 0


class Discourse:
    """Who has been named and who has spoken so far in one report."""

    def __init__(self, doc: Doc, reported: list[tuple[int, int]], text: str) -> None:
        self.doc = doc
        self.text = text
        self.reported = reported
        self.own = (0, 0)
        self.lede = _lede(text)
        self.orgs = Orgs(doc, text)
        self.people = People(doc, self.orgs, self.in_words)
        self.orgs.drop_names([(p.start, p.end) for p in self.people.mentions])
        self.history: list[tuple[int, Speaker]] = []
        self.subjects = [(at, s) for at, s in self._subject_mentions() if not self.in_words(at)]

    def in_words(self, at: int) -> bool:
        """Whether an offset lies inside someone's reported words."""
        return any(a <= at < b for a, b in self.reported)

    def in_own(self, at: int) -> bool:
        """Whether an offset lies inside the words being attributed now: what someone
        says never names the one saying it."""
        return self.own[0] <= at < self.own[1]

    def _subject_mentions(self) -> list[tuple[int, Speaker]]:
        """People, organisations and groups standing as a clause subject: what a later
        pronoun most likely refers to."""
        found = [(p.start, person_speaker(p, p.name)) for p in self.people.mentions
                 if p.subject]
        for tok in self.doc:
            if tok.dep_ not in SUBJECT_DEPS:
                continue
            orgs = [m for m in self.orgs.mentions if m.start <= tok.idx < m.end]
            if orgs:
                kind: SpeakerKind = "group" if orgs[0].kind in GROUPS else "org"
                found.append((tok.idx, Speaker(orgs[0].name, tok.text, kind=kind)))
            elif tok.tag_ == "NNS" and tok.lemma_.lower() in unnamed_people():
                found.append((tok.idx, Speaker(group_name(tok), tok.text, kind="group")))
        return sorted(found, key=lambda item: item[0])

    def remember(self, at: int, speaker: Speaker) -> None:
        self.history.append((at, speaker))

    def last(self, at: int, *kinds: SpeakerKind) -> Speaker | None:
        """The last speaker, or clause subject, of one of these kinds before an offset."""
        found = [(pos, s) for pos, s in [*self.history, *self.subjects]
                 if pos < at and (not kinds or s.kind in kinds)]
        return max(found, key=lambda item: item[0])[1] if found else None

    def spoken(self, at: int) -> list[Speaker]:
        return [s for pos, s in self.history if pos < at]

    def org_for(self, noun: str, at: int) -> str | None:
        """The organisation 'its' or 'the <noun>' stands for."""
        if noun in ("its", "their"):
            found = self.last(at, "org")
            return found.name if found else self.orgs.antecedent(at)
        return self.anaphor(noun, at)

    def anaphor(self, noun: str, at: int) -> str | None:
        """'the group', 'the ministry': one named earlier in the paragraph that fits the
        noun (not in anyone's words); else the one that has spoken most so far and
        fits it; else the last one named that fits."""
        paragraph = self.text.rfind("\n", 0, at) + 1
        for mention in self.orgs.earlier(at, paragraph):
            if not self.in_words(mention.start) and fits(mention.name, mention.kind, noun):
                return mention.name
        spoken = [s for s in self.spoken(at) if s.kind == "org"
                  and fits(s.name, actor_kind(s.name), noun)]
        if spoken:
            counts = Counter(s.name for s in spoken)
            best = max(counts.values())
            return next(s.name for s in reversed(spoken) if counts[s.name] == best)
        for mention in self.orgs.earlier(at):
            if not self.in_own(mention.start) and fits(mention.name, mention.kind, noun):
                return mention.name
        return None

    def partial_name(self, subject: Span, at: int) -> str | None:
        """'the civil defence', 'the Observatory': an organisation named earlier whose
        name holds these words."""
        words = [t.lower_ for t in words_of(subject) if t.lower_ not in DEFINITE]
        if not words:
            return None
        found = [m for m in self.orgs.named_by(words, at) if not self.in_own(m.start)]
        return found[0].name if found else None

    def country_org(self, head: Token) -> str | None:
        """'Its Defence Ministry', 'the country's prosecutor general's office': a body of
        a country named before, found through the alias table under its name."""
        country_words = speaker_data()["country_words"]
        possessor = next((t for t in head.subtree if t.i < head.i and t.dep_ == "poss" and (
            t.tag_ == "PRP$" or t.lemma_.lower() in country_words)), None)
        if possessor is None:
            return None
        words = [t for t in head.subtree if possessor.right_edge.i < t.i <= head.i]
        rest = "".join(t.text_with_ws for t in words).strip()
        for place in self._names_before(possessor.i):
            for name in (f"{place} {rest}", f"{place}'s {rest}", f"{rest} of {place}"):
                actor = lookup(name)
                if actor is not None and actor.kind != "person":
                    return actor.canonical
        return None

    def _names_before(self, i: int) -> list[str]:
        """Place names and nationalities before a token, latest first, each once."""
        seen: list[str] = []
        for tok in reversed(self.doc[:i]):
            place = tok.pos_ == "PROPN" or tok.ent_type_ in ("GPE", "NORP")
            if place and tok.text[:1].isupper() and tok.text not in seen:
                seen.append(tok.text)
                if len(seen) == MAX_PLACES:
                    break
        return seen

    def document(self, head: Token, text: str, at: int) -> Speaker | None:
        """'the statement', 'that investigation': the body whose document was named last
        ('a Pentagon investigation', 'the coalition's statement'), else the last
        organisation to speak."""
        for tok in reversed(self.doc[:head.i]):
            if tok.lemma_.lower() not in documents():
                continue
            for mod in (c for c in tok.lefts if c.dep_ in ("compound", "poss", "amod")):
                found = self.orgs.within(mod.left_edge.idx, mod.idx + len(mod.text))
                if found:
                    return org_speaker(found[0].name, text)
        spoken = [s for s in self.spoken(at) if s.kind == "org"]
        found = spoken[-1] if spoken else self.last(at, "org")
        return org_speaker(found.name, text) if found else None

    def titled_person(self, subject: Span, noun: str, text: str, at: int) -> Speaker | None:
        """'the General', 'the medic', 'the U.N. official': the last person with that
        title, or of that organisation."""
        orgs = {m.name for m in self.orgs.within(subject.start_char, subject.end_char)
                if m.kind not in GROUPS}
        for pos, speaker in reversed(self.history):
            words = f"{speaker.name} {speaker.role or ''}".lower().split()
            if pos < at and speaker.kind == "person" and (noun in words or speaker.org in orgs):
                return as_written(speaker, text)
        person = self.people.last(at, noun)
        if person is not None:
            return person_speaker(person, text)
        found = None if orgs else self.last(at, "person")
        return None if found is None else as_written(found, text)

    def first_named(self, context: Span) -> Speaker | None:
        """The first person or organisation named in the words before a cue whose
        subject the parser missed ('On Thursday Amnesty International, which ..., said')."""
        people = self.people.inside(context.start_char, context.end_char)
        orgs = [m for m in self.orgs.within(context.start_char, context.end_char)
                if m.kind not in GROUPS]
        text = context.text.strip(" ,")
        first_person = min(people, key=lambda p: p.start, default=None)
        first_org = min(orgs, key=lambda m: m.start, default=None)
        if first_person is not None and (first_org is None or first_person.start < first_org.start):
            return person_speaker(first_person, text)
        return org_speaker(first_org.name, text) if first_org is not None else None

    def ahead(self, subject: Span, speaker: Speaker, described: Callable[[Span], bool]
              ) -> Speaker | None:
        """Wire copy opens with 'a senior UN official said' or 'an investigative body
        said' and names them in the next paragraph: in the opening paragraph, a speaker
        described but not named is the first person named after it with that title or
        organisation, or the first organisation of that sort."""
        if not self._in_lede(subject) or not described(subject):
            return None
        head = head_of(subject)
        noun = head.lemma_.lower()
        end = self._next_paragraph_end(subject.end_char)
        if (is_title(head) or is_rank(head)) and head.tag_ in ("NN", "NNP"):
            for person in self.people.mentions:
                if subject.end_char <= person.start < end and (
                        noun in person.words or (speaker.org and person.org == speaker.org)):
                    return person_speaker(person, speaker.text)
            return None
        if noun not in speaker_data()["cataphora_nouns"]:
            return None
        for mention in self.orgs.mentions:
            if (subject.end_char <= mention.start < end and not self.in_own(mention.start)
                    and mention.name != speaker.name and mention.kind not in GROUPS
                    and fits(mention.name, mention.kind, noun)):
                return org_speaker(mention.name, speaker.text)
        return None

    def _in_lede(self, subject: Span) -> bool:
        return self.lede[0] <= subject.start_char < self.lede[1]

    def _next_paragraph_end(self, at: int) -> int:
        text = self.text
        here = text.find("\n", at)
        if here == -1:
            return len(text)
        while here < len(text) and text[here].isspace():
            here += 1
        following = text.find("\n", here)
        return len(text) if following == -1 else following
