"""A report's text cut into pieces, each knowing which statements and claims cover it.

The template prints each piece escaped inside a span whose classes say what it
is; the first piece of a record carries its anchor, so an evidence link lands there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

PALETTE_SIZE = 8


@dataclass(frozen=True, slots=True)
class Mark:
    kind: str
    id: int
    start: int
    end: int
    label: str
    colour: int = 0


@dataclass(slots=True)
class Piece:
    text: str
    marks: list[Mark] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)

    @property
    def classes(self) -> str:
        names = {f"mark-{m.kind}" for m in self.marks}
        names.update(f"spk-{m.colour}" for m in self.marks if m.kind == "statement")
        return " ".join(sorted(names))

    @property
    def records(self) -> str:
        return " ".join(f"{m.kind[0]}{m.id}" for m in self.marks)

    @property
    def title(self) -> str:
        return "\n".join(m.label for m in self.marks)


def speaker_colours(speakers: list[str]) -> dict[str, int]:
    """A palette slot per speaker, in order of first appearance in the report."""
    colours: dict[str, int] = {}
    for speaker in speakers:
        colours.setdefault(speaker, len(colours) % PALETTE_SIZE)
    return colours


def pieces(text: str, marks: list[Mark]) -> list[Piece]:
    """Cut `text` at every mark's ends; spans out of the text's bounds are ignored.

    Claims come first among a piece's marks, so an evidence link's anchor is the piece itself.
    """
    valid = sorted((m for m in marks if 0 <= m.start < m.end <= len(text)),
                   key=lambda m: m.kind != "claim")
    cuts = sorted({0, len(text), *(m.start for m in valid), *(m.end for m in valid)})
    out: list[Piece] = []
    for start, end in pairwise(cuts):
        covering = [m for m in valid if m.start <= start and end <= m.end]
        anchors = [f"{m.kind[0]}{m.id}" for m in covering if m.start == start]
        out.append(Piece(text[start:end], covering, anchors))
    return out


def claim_label(row: Any) -> str:
    killed = row.killed_low if row.killed_high in (None, row.killed_low) else (
        f"{row.killed_low}–{row.killed_high}")
    return (f"claim: {row.event_type}, killed {killed if killed is not None else '?'}, "
            f"by {row.perpetrator}, per {row.claimed_by}")
