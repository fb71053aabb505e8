"""Actors named in one report, with names that fit several actors settled by the report.

"the coalition" is the US-led coalition in a report on Mosul and the Saudi-led one
in a report on Yemen: a mention made only of such a shared word ("coalition
aircraft", "the coalition") takes the actor the report names explicitly elsewhere.
A nationality adjective before an attack word ("an Israeli air strike", "Azerbaijani
artillery fire") names that country's forces; a government named as doing harm
("Assad's government") is its country's forces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from harmtrace.aliases import actor_candidates, actor_kind, find_actors, lookup
from harmtrace.extract.lexicon import lexicon
from harmtrace.extract.nationality import country_codes, demonyms

WORDS = lexicon("actor_words")
GENERIC_WORDS = frozenset(WORDS["generic_words"])
AIR_WORDS = tuple(WORDS["air_words"])
BLAMEABLE = ("state_forces", "armed_group", "coalition", "government")
_WORD = re.compile(r"[\w'’.-]+")
DEFENCE = re.compile(r"\b(?:Defen[cs]e|Armed Forces|Military)\b")


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    name: str
    kind: str | None


@cache
def _shared_words() -> dict[str, tuple[str, ...]]:
    """Single words that several actors go by ("coalition")."""
    words: dict[str, tuple[str, ...]] = {}
    for word in WORDS["shared_words"]:
        candidates = actor_candidates(word)
        if len(candidates) > 1:
            words[word] = candidates
    return words


def _shared_word(text: str) -> str | None:
    """The shared word a mention is made of, if it has no distinguishing word."""
    words = [re.sub(r"['’]s$", "", w.lower()).strip("'’.") for w in _WORD.findall(text)]
    shared = [w for w in words if w in _shared_words()]
    if len(shared) == 1 and all(w in GENERIC_WORDS or w in _shared_words() for w in words):
        return shared[0]
    return None


class ReportActors:
    """Every actor mention of a report, ambiguous ones settled by the report's explicit ones."""

    def __init__(self, text: str, country: str | None = None) -> None:
        self.text = text
        self.country = country
        raw = find_actors(text)
        self.explicit = {name for s, e, name in raw if _shared_word(text[s:e]) is None}
        self.mentions = [Mention(s, e, self._choose(text[s:e], name), None) for s, e, name in raw]
        self.mentions = [Mention(m.start, m.end, m.name, actor_kind(m.name))
                         for m in self.mentions]

    def _choose(self, text: str, name: str) -> str:
        """The actor a shared word means here: the one the report names explicitly, else
        the one whose names mention the report's country."""
        word = _shared_word(text)
        if word is None:
            return name
        candidates = _shared_words()[word]
        chosen = [c for c in candidates if c in self.explicit]
        if len(chosen) == 1:
            return chosen[0]
        local = [c for c in candidates if self.country and self.country in _countries_of(c)]
        return local[0] if len(local) == 1 else name

    def within(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions if start <= m.start and m.end <= end]

    def settle(self, name: str) -> str:
        """A name given on its own (a speaker, a claimer) settled the same way; the name
        itself when it is no shared word."""
        if _shared_word(name) is None:
            return name
        chosen = self._choose(name, name)
        return chosen


@cache
def _countries_of(name: str) -> frozenset[str]:
    """Countries an actor's names mention ("Coalition to Restore Legitimacy in Yemen")."""
    actor = lookup(name)
    if actor is None:
        return frozenset()
    found = set()
    for alias in (actor.canonical, *actor.aliases):
        for country, code in country_codes().items():
            if re.search(rf"\b{re.escape(country)}\b", alias):
                found.add(code)
    return frozenset(found)


def forces_of(name: str, air: bool = False) -> str:
    """The armed forces a government actor stands for when it is said to do harm: a
    country's government or its defence ministry stands for its forces."""
    actor = lookup(name)
    if actor is None or actor.kind != "government":
        return name
    if DEFENCE.search(actor.canonical):
        first = actor.canonical.split()[0]
        return national_forces(first, air) or name
    if not actor.canonical.startswith("Government of"):
        return name
    for alias in actor.aliases:
        if alias.endswith(" government"):
            forces = lookup(alias.removesuffix(" government") + " forces")
            if forces is not None:
                return forces.canonical
            break
    return name


def own_side(name: str, air: bool = False) -> str:
    """The forces a speaker belongs to: a command or ministry of a country stands for that
    country's forces ("US Central Command" -> US military)."""
    actor = lookup(name)
    if actor is None:
        return name
    if actor.kind == "state_forces":
        first = actor.canonical.split()[0]
        return national_forces(first, air) or actor.canonical
    return forces_of(name, air)


def national_forces(demonym: str, air: bool) -> str | None:
    """"Israeli" -> Israel Defense Forces; "Russian" with an air word -> the air force."""
    if demonym not in demonyms() and demonym not in ("American", "US", "U.S."):
        return None
    tries = ([f"{demonym} air force", f"{demonym} aircraft"] if air else []) + [
        f"{demonym} forces", f"{demonym} military", f"{demonym} army"]
    for name in tries:
        actor = lookup(name)
        if actor is not None and actor.kind in ("state_forces", "coalition"):
            return actor.canonical
    return None


def is_air(text: str) -> bool:
    lowered = text.lower()
    return any(word in lowered for word in AIR_WORDS)
