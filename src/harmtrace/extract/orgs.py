"""Organisations named in one report, and what "the ministry" or "its" refers back to.

Every actor of the alias table and every organisation the parser finds is indexed
by position; a definite description ("the group", "the Britain-based monitor",
"the ministry") or a possessive ("its spokesman") then refers to the last one
named before it whose name holds the noun, or whose kind fits it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc

from harmtrace.aliases import (
    actor_candidates,
    actor_kind,
    actors,
    canonical,
    find_actors,
    normalise_name,
)
from harmtrace.extract.lexicon import lexicon

# "residents", "local media": named groups that speak, never what "the group" means.
GROUPS = ("source",)


@dataclass(frozen=True, slots=True)
class OrgMention:
    start: int
    end: int
    name: str
    kind: str | None


@cache
def _names_by_canonical() -> dict[str, frozenset[str]]:
    """Every word of an actor's names, for matching 'the Observatory' or 'the ministry'."""
    words: dict[str, frozenset[str]] = {}
    for actor in actors():
        names = (actor.canonical, *actor.aliases, *actor.lookup_aliases)
        words[actor.canonical] = frozenset(w.casefold().strip(".,'’") for n in names
                                           for w in n.replace("-", " ").split())
    return words


@cache
def _kinds_for(noun: str) -> frozenset[str]:
    kinds: dict[str, list[str]] = lexicon("speakers")["anaphor_kinds"]
    return frozenset(kinds.get(noun, ()))


def _name_words(name: str) -> frozenset[str]:
    words = _names_by_canonical().get(name)
    return words if words is not None else frozenset(name.casefold().replace("-", " ").split())


def fits(name: str, kind: str | None, noun: str) -> bool:
    """Whether "the <noun>" can refer to this organisation."""
    return noun in _name_words(name) or (kind is not None and kind in _kinds_for(noun))


def _words(written: str) -> list[str]:
    return normalise_name(written).replace("-", " ").split()


def _generic(written: str) -> bool:
    """'the coalition', 'coalition aircraft': a name made of common words only."""
    words = _words(written)
    return bool(words) and all(w in _generic_words() for w in words)


def _in_context(mentions: list[OrgMention], text: str) -> list[OrgMention]:
    """A name made of common words ('the coalition', 'coalition jets') is the
    organisation named plainly before it with that word in its name; an ambiguous
    name is the candidate the report names plainly, nearest before it, else after."""
    settled: list[OrgMention] = []
    plain = [m for m in mentions if not _generic(text[m.start:m.end])
             and len(actor_candidates(text[m.start:m.end])) <= 1]
    for mention in mentions:
        written = text[mention.start:mention.end]
        before = [m for m in plain if m.end <= mention.start]
        name = mention.name
        if _generic(written):
            words = set(_words(written)) & _one_word_names()
            name = next((m.name for m in reversed(before)
                         if words & set(m.name.casefold().replace("-", " ").split())), name)
        candidates = actor_candidates(written)
        if name == mention.name and len(candidates) > 1:
            near = [*reversed(before), *(m for m in plain if m.start >= mention.end)]
            name = next((m.name for m in near if m.name in candidates), name)
        settled.append(OrgMention(mention.start, mention.end, name, actor_kind(name)))
    return settled


@cache
def _one_word_names() -> frozenset[str]:
    return frozenset(lexicon("speakers")["org_anaphors"])


@cache
def _generic_words() -> frozenset[str]:
    return _one_word_names() | frozenset(lexicon("speakers")["generic_words"])


class Orgs:
    """Organisation mentions of one report, in text order."""

    def __init__(self, doc: Doc, text: str) -> None:
        found = [OrgMention(s, e, name, actor_kind(name)) for s, e, name in find_actors(text)]
        found = _in_context([m for m in found if m.kind != "person"], text)
        taken = [(m.start, m.end) for m in found]
        for ent in doc.ents:
            if ent.label_ == "ORG" and not any(s < ent.end_char and ent.start_char < e
                                               for s, e in taken):
                found.append(OrgMention(ent.start_char, ent.end_char, canonical(ent.text), None))
        self.mentions = sorted(found, key=lambda m: m.start)

    def drop_names(self, spans: list[tuple[int, int]]) -> None:
        """Forget what only the parser took for an organisation inside a person's name."""
        self.mentions = [m for m in self.mentions if m.kind is not None or not any(
            s < m.end and m.start < e for s, e in spans)]

    def within(self, start: int, end: int) -> list[OrgMention]:
        return [m for m in self.mentions if start <= m.start and m.end <= end]

    def earlier(self, before: int, after: int = 0) -> list[OrgMention]:
        """Organisations (not groups of people) named in [after, before), latest first."""
        return [m for m in reversed(self.mentions)
                if after <= m.start and m.end <= before and m.kind not in GROUPS]

    def antecedent(self, before: int, noun: str | None = None) -> str | None:
        """The last organisation named before an offset; with a noun, the last one
        whose name holds it or whose kind fits it ("the group", "the ministry")."""
        for mention in self.earlier(before):
            if noun is None or fits(mention.name, mention.kind, noun):
                return mention.name
        return None

    def named_by(self, words: list[str], before: int) -> list[OrgMention]:
        """Organisations named before an offset whose names hold all these words
        ('the civil defence'), latest first."""
        wanted = {w.casefold() for w in words}
        return [m for m in self.earlier(before) if wanted <= _name_words(m.name)]
