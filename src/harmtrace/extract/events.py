"""Event types from a report's words (data/lang/en/events.json).

A strong cue names the kind of attack outright ("air strike", "mortar rounds",
"car bomb", "opened fire", "sarin"); a weak one only suggests it ("strike",
"blast", "attack"). Where a sentence holds several strong cues the more telling
kind wins: a chemical attack is `other` whatever delivered it, a bomb planted on
the ground is a bombing even if aircraft are mentioned, a drone strike is not a
plain air strike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from harmtrace.extract.lexicon import lexicon, phrases_pattern

STRONG_ORDER = ("other", "bombing", "drone_strike", "airstrike", "shelling", "ground_attack")
WEAK_ORDER = ("drone_strike", "airstrike", "shelling", "bombing", "ground_attack")


@dataclass(frozen=True, slots=True)
class Cue:
    kind: str
    strong: bool
    start: int
    end: int


@cache
def _patterns() -> tuple[tuple[str, bool, re.Pattern[str]], ...]:
    data = lexicon("events")
    found = []
    for strength, order in (("strong", STRONG_ORDER), ("weak", WEAK_ORDER)):
        for kind in order:
            words = data[strength].get(kind, [])
            if words:
                found.append((kind, strength == "strong",
                              re.compile(rf"\b(?:{phrases_pattern(words)})\b", re.IGNORECASE)))
    return tuple(found)


def find_cues(text: str, offset: int = 0) -> list[Cue]:
    """Every cue in the text; where a strong and a weak cue overlap, the strong one."""
    cues: list[Cue] = []
    for kind, strong, pattern in _patterns():
        for m in pattern.finditer(text):
            start, end = offset + m.start(), offset + m.end()
            if not any(c.start < end and start < c.end and c.strong for c in cues):
                cues.append(Cue(kind, strong, start, end))
    return cues


def kind_of(cues: list[Cue], strong: bool) -> str | None:
    """The most telling kind among the strong (or the weak) cues."""
    order = STRONG_ORDER if strong else WEAK_ORDER
    kinds = {c.kind for c in cues if c.strong is strong}
    return next((k for k in order if k in kinds), None)


ANOTHER = re.compile(r"\b(?:a\s+(?:second|third|fourth|separate|further)|another)\s+"
                     r"(?:[\w-]+,?\s+)?(?:[\w-]+\s+)?"
                     r"(?:bomb|bomber|blast|strike|attack|explosion|raid|shell)s?\b", re.IGNORECASE)


def marks_another(text: str) -> bool:
    """"A second, smaller bomb exploded", "another strike": a new event, whatever its place."""
    return bool(ANOTHER.search(text))
