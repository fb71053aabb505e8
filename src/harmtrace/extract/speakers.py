"""Who a statement belongs to: names resolved within one report.

A light report-level resolution: every person the parser finds is indexed with
the role and organisation in the words around the name ("a spokesman for the
coalition Joseph Scrocca", "Isler, the general who led the inquiry"); a bare
surname, a pronoun or a title ("the General", "the spokesman") then refers back to
the last person named before it that fits.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from harmtrace.aliases import canonical, find_actors
from harmtrace.extract.lexicon import lexicon

PRONOUNS = {"he", "she", "him", "her"}
MEDIA_WORDS = ("media", "television", "news websites", "news outlets", "outlets", "newspaper")
CONTEXT_TOKENS = 12


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str
    text: str
    role: str | None = None
    org: str | None = None


@cache
def _titles() -> frozenset[str]:
    return frozenset(lexicon("roles")["titles"])


def role_and_org(context: str) -> tuple[str | None, str | None]:
    """Role and organisation named in a title phrase around a name."""
    words = [w.strip(".,").lower() for w in context.split()]
    role_words = [w for w in words if w in _titles()]
    actors = find_actors(context)
    return (" ".join(role_words) or None), (actors[0][2] if actors else None)


def _left_context(ent: Span) -> Span:
    doc = ent.doc
    start = ent.start
    while start > max(ent.sent.start, ent.start - CONTEXT_TOKENS):
        prev = doc[start - 1]
        clause_verb = prev.pos_ in ("VERB", "AUX") and prev.dep_ != "amod"
        if clause_verb or prev.text in ',;:"“”(' or prev.lower_ in ("and", "that"):
            break
        start -= 1
    return doc[start:ent.start]


def _right_apposition(ent: Span) -> Span:
    doc = ent.doc
    if ent.end >= ent.sent.end or doc[ent.end].text != ",":
        return doc[ent.end:ent.end]
    end = ent.end + 1
    while end < ent.sent.end and doc[end].text not in ',;."“”' and doc[end].pos_ != "VERB":
        end += 1
    span = doc[ent.end + 1:end]
    return span if any(t.lower_ in _titles() for t in span) else doc[ent.end:ent.end]


def _mentions(doc: Doc) -> list[Span]:
    """Every mention of a full name the parser found somewhere, including the
    places where it missed the entity (names glued to a title in translated copy)."""
    names = {e.text for e in doc.ents if e.label_ == "PERSON" and len(e.text.split()) > 1}
    spans = {(e.start_char, e.end_char): e for e in doc.ents if e.label_ == "PERSON"}
    for name in names:
        at = doc.text.find(name)
        while at != -1:
            span = doc.char_span(at, at + len(name))
            if span is not None and not any(s <= at < e for s, e in spans):
                spans[(at, at + len(name))] = span
            at = doc.text.find(name, at + 1)
    return [spans[k] for k in sorted(spans)]


class SpeakerIndex:
    """People named in one report, by position."""

    def __init__(self, doc: Doc) -> None:
        self.people: list[tuple[int, Speaker]] = []
        for ent in _mentions(doc):
            context = f"{_left_context(ent).text} {_right_apposition(ent).text}"
            role, org = role_and_org(context)
            earlier = self.lookup(ent.text, ent.start_char)
            if earlier:
                role, org = role or earlier.role, org or earlier.org
            name = earlier.name if earlier else ent.text
            self.people.append((ent.start_char, Speaker(name, ent.text, role, org)))
        self._share_titles()

    def _share_titles(self) -> None:
        """A person keeps one role and organisation through a report, wherever the
        title was given (often only at the second mention, after a bare byline)."""
        roles: dict[str, str] = {}
        orgs: dict[str, str] = {}
        for _, person in self.people:
            if person.role:
                roles.setdefault(person.name, person.role)
            if person.org:
                orgs.setdefault(person.name, person.org)
        self.people = [
            (pos, Speaker(p.name, p.text, roles.get(p.name), orgs.get(p.name)))
            for pos, p in self.people
        ]

    def lookup(self, name: str, before: int) -> Speaker | None:
        """A full name, or the surname of someone named earlier."""
        single = len(name.split()) == 1
        for pos, person in reversed(self.people):
            if pos > before:
                continue
            if person.name == name or (single and person.name.split()[-1] == name):
                return person
        for pos, person in self.people:
            if person.name == name and pos > before:
                return person
        return None

    def last(self, before: int, title: str | None = None) -> Speaker | None:
        for pos, person in reversed(self.people):
            if pos < before and (title is None or (person.role and title in person.role)):
                return person
        return None


def _organisation_head(subject: Span) -> bool:
    return subject.root.lower_ in lexicon("roles")["organisations"]


def _org_speaker(subject: Span) -> Speaker | None:
    if any(w in subject.text.lower() for w in MEDIA_WORDS):
        return Speaker("local media", subject.text)
    actors = find_actors(subject.text)
    if actors:
        org = actors[0][2]
    elif any(ent.label_ in ("ORG", "NORP") for ent in subject.ents) or _organisation_head(subject):
        org = canonical(subject.text)
    else:
        return None
    role, _ = role_and_org(subject.text)
    return Speaker(org, subject.text, role, org)


def resolve(subject: Span, index: SpeakerIndex) -> Speaker | None:
    """The speaker a subject phrase refers to."""
    text = subject.text.strip()
    at = subject.start_char
    if text.lower() in PRONOUNS:
        return index.last(at)
    for ent in subject.ents:
        if ent.label_ == "PERSON":
            found = index.lookup(ent.text, ent.start_char)
            return Speaker(found.name, text, found.role, found.org) if found else None
    titles = [t.lower_.strip(".") for t in subject if t.lower_.strip(".") in _titles()]
    if subject[0].lower_ == "the" and titles and not find_actors(subject.text):
        found = index.last(at, titles[-1]) or index.last(at)
        if found:
            return Speaker(found.name, text, found.role, found.org)
    if len(subject) == 1 and subject[0].pos_ == "PROPN":
        found = index.lookup(text, at)
        if found:
            return Speaker(found.name, text, found.role, found.org)
    return _org_speaker(subject)
