"""Tolls: the figures one sentence gives for one event, its dead and its hurt together.

A sentence's casualty figures (counts.py) make one toll unless the sentence tells
them apart: by clause ("... killed seven pupils, and that more than 130 children had
been killed since September"), by place ("31 dead in Kourakou and 13 in Tondobi"),
or by victim group (civilians and fighters). Parts of one toll add up ("22 children
and four women were killed"); of several figures for the same dead the revised one
stands ("initially 42 ... later at least 49").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import pairwise

from spacy.tokens import Span

from harmtrace.extract.counts import EARLIER, INJURED, KILLED, Count, find_counts
from harmtrace.extract.doctext import doc_text
from harmtrace.extract.lexicon import lexicon

CLAUSE_BREAK = re.compile(r";\s|,?\s+and\s+that\s|,\s+while\s|,\s+whereas\s")
ADDED = tuple(lexicon("casualties")["added"])
Key = tuple[str | None, str]


@dataclass(frozen=True, slots=True)
class Toll:
    """The figures one claimer gives for one event and victim group in one sentence."""

    killed: Count | None
    injured: Count | None
    group: str
    place: str | None = None
    clause: tuple[int, int] | None = None

    @property
    def start(self) -> int:
        return min(c.start for c in (self.killed, self.injured) if c)

    @property
    def rank(self) -> tuple[int, bool, bool]:
        """Which of two tolls for the same event and claimer stands: the revised one, a
        whole count before a part, an exact figure before a vague one."""
        main = self.killed or self.injured
        assert main is not None
        return (main.revision, not main.subset, not main.vague)


def _best(counts: list[Count]) -> Count:
    return max(counts, key=lambda c: (c.revision, not c.subset, not c.vague,
                                      c.high or c.low or 0))


def _summed(counts: list[Count], sent: Span) -> Count | None:
    """"22 children and four women were killed", "101 died inside and four others next
    door": parts of one toll add up, unless a date between them makes them two events."""
    if len(counts) != 2 or counts[0].subset or counts[1].subset:
        return None
    first, second = counts
    text = doc_text(sent.doc)
    between = text[first.end:second.start]
    added = text[second.end:second.end + 8].split()[:1] in ([w] for w in ADDED)
    listed = re.fullmatch(r"\s+[\w-]+(?:\s+[\w-]+)?\s+and\s+", between) is not None \
        and first.group == second.group
    gap = sent.doc.char_span(first.end, second.start, alignment_mode="contract")
    dated = gap is not None and any(t.ent_type_ == "DATE" for t in gap)
    if not (listed or (added and " and " in between)) or first.place or first.high is None \
            or second.high is None or dated:
        return None
    return replace(first, low=(first.low or 0) + (second.low or 0), high=first.high + second.high,
                   end=second.end)


def _by(counts: list[Count], key: Callable[[Count], Key]) -> dict[Key, list[Count]]:
    grouped: dict[Key, list[Count]] = {}
    for c in counts:
        grouped.setdefault(key(c), []).append(c)
    return grouped


def _split(killed: list[Count]) -> dict[Key, list[Count]]:
    """Killed counts by (place, group) when the sentence separates them, else one group."""
    whole = [c for c in killed if not c.subset] or killed
    if not whole:
        return {}
    places = {c.place for c in whole if c.place}
    groups = {c.group for c in whole} - {"unspecified"}
    if len(places) > 1:
        return _by(whole, lambda c: (c.place, "unspecified"))
    if len(groups) > 1 and "mixed" not in groups and all(c.revision != EARLIER for c in whole):
        return _by(whole, lambda c: (None, c.group))
    return {(whole[0].place, "unspecified"): whole}


def _clause_tolls(sent: Span, counts: list[Count], clause: tuple[int, int]) -> list[Toll]:
    killed = [c for c in counts if c.role == KILLED]
    injured = [c for c in counts if c.role == INJURED and not c.subset]
    summed = _summed(killed, sent)
    split = _split([summed] if summed is not None else killed)
    if not split:
        return [Toll(None, _best(injured), injured[0].group, clause=clause)] if injured else []
    found = []
    for n, ((place, group), members) in enumerate(split.items()):
        main = _best(members)
        hurt = _best(injured) if injured and n == 0 else None
        found.append(Toll(main, hurt, main.group if main.group != "unspecified" else group,
                          place, clause))
    return found


def _clauses(sent: Span) -> list[tuple[int, int]]:
    cuts = [sent.start_char + m.start() for m in CLAUSE_BREAK.finditer(sent.text)]
    return list(pairwise([sent.start_char, *cuts, sent.end_char]))


def tolls(sent: Span) -> list[Toll]:
    """The tolls of a sentence: one per clause, place or victim group it separates."""
    counts = find_counts(sent)
    found = []
    for start, end in _clauses(sent):
        found += _clause_tolls(sent, [c for c in counts if start <= c.start < end], (start, end))
    return found
