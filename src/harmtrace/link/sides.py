"""Which belligerent an actor speaks for, so blame and admissions compare by side.

A CENTCOM statement speaks for the US-led coalition it commands; a ministry
spokesman for his government's forces. Sides are data (`data/link/sides.jsonl`,
one side a line: canonical actor names, and name prefixes such as "Iraqi
Ministry of "); a person counts for the organisation the alias table gives him.
An actor on no listed side is a side of its own.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

from harmtrace import aliases


@dataclass(frozen=True, slots=True)
class _Sides:
    by_actor: dict[str, str]
    prefixes: tuple[tuple[str, str], ...]


@cache
def _sides() -> _Sides:
    by_actor: dict[str, str] = {}
    prefixes: list[tuple[str, str]] = []
    text = (files("harmtrace") / "data" / "link" / "sides.jsonl").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        by_actor.update(dict.fromkeys(row.get("actors", []), row["side"]))
        prefixes.extend((prefix, row["side"]) for prefix in row.get("prefixes", []))
    return _Sides(by_actor, tuple(prefixes))


@lru_cache(maxsize=16384)
def actor_key(name: str) -> str:
    """The canonical name of an actor as written in a claim."""
    return aliases.canonical(name)


@lru_cache(maxsize=16384)
def side_of(name: str) -> str:
    """The side an actor (or a person, through their organisation) speaks for."""
    canonical = actor_key(name)
    found = _listed_side(canonical)
    if found:
        return found
    entry = aliases.lookup(canonical)
    if entry is not None and entry.org:
        return _listed_side(actor_key(entry.org)) or actor_key(entry.org)
    return canonical


def _listed_side(canonical: str) -> str | None:
    sides = _sides()
    if canonical in sides.by_actor:
        return sides.by_actor[canonical]
    return next((side for prefix, side in sides.prefixes if canonical.startswith(prefix)), None)


def same_side(a: str, b: str) -> bool:
    return side_of(a) == side_of(b)
