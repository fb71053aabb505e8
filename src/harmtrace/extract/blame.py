"""Who a report says did the harm, and where a speaker denies, blames or admits it.

The perpetrator is an actor named as the doer: before an attack word ("coalition
air strike", "Islamic State gunmen shot dead", "American forces had struck"), after
"by" an attack word ("carried out by Russian warplanes"), a nationality before one
("an Israeli air strike"), the object of an accusation ("accused Iran of"), or the
speaker itself ("its aircraft had struck", "claimed responsibility"). The army or
"government forces" with no country are the forces of the country the report is
about. A denial is a negation bound to an attack or a death ("had carried out no
strikes", "no civilians were killed", "rejected any role").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from harmtrace.aliases import lookup
from harmtrace.extract.actors import (
    BLAMEABLE,
    ReportActors,
    forces_of,
    is_air,
    national_forces,
    own_side,
)
from harmtrace.extract.lexicon import lexicon, phrases_pattern
from harmtrace.extract.nationality import country_demonyms, demonyms

AGENT_REACH = 70
ACCUSED = re.compile(r"\b(?:accused|accuses|blamed|blames)\s+"
                     r"(?P<x>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)\s+(?:of|for)\b")
FLAGS = re.IGNORECASE


@dataclass(frozen=True, slots=True)
class Agent:
    name: str
    start: int
    end: int


@cache
def _data() -> dict[str, list[str]]:
    return lexicon("stances")


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    data = _data()
    verbs = phrases_pattern(data["attack_verbs"])
    weapons = phrases_pattern(data["weapon_words"])
    adverb = r"(?:\w+ly\s+)?"
    filler = r"(?:(?!said|says|told|reported|added)[\w-]+\s+)"
    return {
        "after": re.compile(
            rf"^(?:['’]s)?\s+{filler}{{0,3}}?(?:(?:{weapons})\b|"
            rf"(?:had\s+|has\s+|have\s+)?{adverb}(?:{verbs})\b)", FLAGS),
        "weapon_after": re.compile(rf"^\s+(?:{weapons})\b", FLAGS),
        "linked": re.compile(r"^\s+(?:were|was|are|is|been)\s+(?:\w+\s+)?(?:linked\s+to|"
                             r"responsible\s+for|behind|to\s+blame)\b", FLAGS),
        "passive": re.compile(rf"^\s+(?:[\w-]+\s+){{0,2}}?(?:was|were|been|being|be)\s+{adverb}"
                              rf"(?:{verbs})\b(?!\s+by)", FLAGS),
        "origin": re.compile(
            rf"\b(?:fired|launched|shot)\s+(?:[\w-]+\s+){{0,3}}?from\s+(?:the\s+)?"
            rf"(?:territory\s+of\s+)?(?P<country>{phrases_pattern(list(country_demonyms()))})\b"),
        "by": re.compile(rf"\b(?:{verbs}|{weapons}|caused|claimed)\s+(?:[\w-]+\s+){{0,2}}?"
                         rf"(?:by|from)\s+(?:the\s+)?(?:(?:warplanes|aircraft|jets|forces|"
                         rf"fighters|troops)\s+of\s+(?:the\s+)?)?$", FLAGS),
        "weapon_of": re.compile(rf"\b(?:{weapons})\s+of\s+(?:the\s+)?$", FLAGS),
        "accused": re.compile(r"\b(?:accus\w*|blam\w*|blame\s+on|blamed\s+on|pin\w*\s+the\s+"
                              r"blame\s+on|held|holds)\s+(?:the\s+)?$", FLAGS),
        "weapon": re.compile(rf"\b(?:{weapons})\b", FLAGS),
        "demonym": re.compile(
            rf"\b(?P<d>{phrases_pattern([*demonyms(), 'American', 'U.S.', 'US'])})\s+"
            rf"(?:[\w-]+\s+){{0,2}}?(?P<w>{weapons}|forces|troops|soldiers|bomb)\b"),
        "pronoun": re.compile(
            rf"\b(?:(?:it|we|they)\s+(?:had\s+|has\s+|have\s+)?{adverb}(?:{verbs})\b|"
            rf"(?:its|our|their)\s+(?:own\s+)?(?:[\w-]+\s+){{0,3}}?(?:{weapons}|forces|troops)\b)",
            FLAGS),
        "generic": re.compile(rf"\b(?:{phrases_pattern(data['generic_state_forces'])})\b", FLAGS),
        "unknown": re.compile(rf"\b(?:{phrases_pattern(data['unknown_perpetrator'])})", FLAGS),
    }


def _blameable(name: str) -> bool:
    actor = lookup(name)
    return actor is not None and actor.kind in BLAMEABLE


def _agentive(text: str, start: int, end: int, window_start: int) -> bool:
    p = _patterns()
    after = text[end:end + AGENT_REACH]
    before = text[max(window_start, start - 60):start]
    if p["weapon"].search(text[start:end]):
        return True
    if p["linked"].match(after):
        return True
    if p["passive"].match(after):
        return False
    return bool(p["after"].match(after) or p["by"].search(before) or p["accused"].search(before)
                or p["weapon_of"].search(before))


def named_agents(text: str, start: int, end: int, actors: ReportActors,
                 country: str | None) -> list[Agent]:
    """Actors the span names as doing harm, in order of mention."""
    found = [Agent(forces_of(m.name), m.start, m.end) for m in actors.within(start, end)
             if m.kind in BLAMEABLE and _agentive(text, m.start, m.end, start)]
    span = text[start:end]
    p = _patterns()
    for m in p["demonym"].finditer(span):
        name = national_forces(m["d"], is_air(m.group()))
        if name and not any(a.start <= start + m.start() < a.end for a in found):
            found.append(Agent(name, start + m.start(), start + m.end()))
    for m in p["origin"].finditer(span):
        name = national_forces(country_demonyms()[m["country"]], False)
        if name:
            found.append(Agent(name, start + m.start(), start + m.end()))
    national = _national(country)
    if national:
        for m in p["generic"].finditer(span):
            if _agentive(text, start + m.start(), start + m.end(), start):
                found.append(Agent(national, start + m.start(), start + m.end()))
    return sorted(found, key=lambda a: a.start)


def _national(country: str | None) -> str | None:
    if country is None:
        return None
    for demonym, code in demonyms().items():
        if code == country:
            return national_forces(demonym, False)
    return None


def speaker_agent(text: str, speaker: str | None) -> str | None:
    """"its aircraft had struck", "it had hit a legitimate target": the speaker's own side."""
    if speaker is None or not _blameable(speaker) or not _patterns()["pronoun"].search(text):
        return None
    return own_side(speaker, is_air(text))


def says_unknown(text: str) -> bool:
    """The claimer says it cannot tell who did it."""
    return bool(_patterns()["unknown"].search(text))


def title_agent(title: str, actors: ReportActors) -> str | None:
    """The doer a headline names by its weapons ("Coalition air strike on bus ..."), not by
    an accusation it relays."""
    p = _patterns()
    for m in actors.within(0, len(title)):
        if m.kind in BLAMEABLE and (p["weapon"].search(title[m.start:m.end])
                                    or p["weapon_after"].match(title[m.end:])):
            return forces_of(m.name)
    m = p["demonym"].search(title)
    return national_forces(m["d"], is_air(m.group())) if m else None


def agent_in(text: str, start: int, end: int, actors: ReportActors, country: str | None,
             speaker: str | None = None) -> str | None:
    """The first doer the span names, else the speaker's own side if it owns the attack."""
    agents = named_agents(text, start, end, actors, country)
    if agents:
        return agents[0].name
    return speaker_agent(text[start:end], speaker)


def accused(text: str) -> str | None:
    """The object of "accused X of" / "blamed X for" given as a bare name ("Iran")."""
    m = ACCUSED.search(text)
    if m is None:
        return None
    actor = lookup(m["x"])
    return actor.canonical if actor is not None and actor.kind in BLAMEABLE else None
