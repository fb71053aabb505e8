"""Nationality words (Syrian, Israeli, Burkinabe) and the countries they name.

Read from the actor table rather than listed again: each "Government of X" entry
writes its demonym first in its "<Demonym> government" alias. They tell a
nationality adjective from a place name, give an aggregate its country ("Iraqi
civilians"), and turn "an Israeli air strike" into the Israeli forces.
"""

from __future__ import annotations

from functools import cache

from harmtrace.aliases import actors
from harmtrace.extract.gazetteer import geocode

GOVERNMENT = "Government of "
SUFFIX = " government"


@cache
def demonyms() -> dict[str, str]:
    """Demonym -> ISO country code, e.g. "Syrian" -> "SY"."""
    found: dict[str, str] = {}
    for actor in actors():
        if not actor.canonical.startswith(GOVERNMENT) or not actor.lookup_aliases:
            continue
        place = geocode(actor.lookup_aliases[0])
        if place is None or place.country is None:
            continue
        for alias in actor.aliases:
            if alias.endswith(SUFFIX) and alias[0].isupper():
                found.setdefault(alias[:-len(SUFFIX)], place.country)
                break
    return found


@cache
def country_demonyms() -> dict[str, str]:
    """Country name -> demonym ("Russia" -> "Russian"), from the same entries."""
    found: dict[str, str] = {}
    for actor in actors():
        if not actor.canonical.startswith(GOVERNMENT):
            continue
        demonym = next((a[:-len(SUFFIX)] for a in actor.aliases
                        if a.endswith(SUFFIX) and a[0].isupper()), None)
        if demonym:
            for name in (*actor.lookup_aliases, actor.canonical[len(GOVERNMENT):]):
                found.setdefault(name.removeprefix("the "), demonym)
    return found


def last_country(text: str) -> str | None:
    """The demonym of the last country named in `text` ("Russia ... Its" -> "Russian")."""
    best: tuple[int, str] | None = None
    for name, demonym in country_demonyms().items():
        at = text.rfind(name)
        if at != -1 and (best is None or at > best[0]):
            best = (at, demonym)
    return best[1] if best else None


@cache
def country_codes() -> dict[str, str]:
    """Country name -> ISO code ("Yemen" -> "YE"), for the countries with a government entry."""
    found: dict[str, str] = {}
    for name, demonym in country_demonyms().items():
        code = demonyms().get(demonym)
        if code:
            found[name] = code
    return found
