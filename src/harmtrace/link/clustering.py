"""Claims into incidents, one claim at a time, so linking is incremental.

Each new claim is scored against the candidates blocking finds among the claims
already linked (and the new ones placed before it). The candidates are grouped
by incident, and an incident's support is the claim's mean score over its
candidates there (a pair that place or date rules out counts 0): the claim
joins the incident with the highest support when that reaches the threshold,
and otherwise founds an incident of its own. Taking the mean rather than the
best pair keeps one look-alike claim from pulling a claim into an incident the
rest of whose claims disagree with it, which matters most where many incidents
happen in one town within days.

Incidents are never merged or split afterwards: a decision once stored stays,
so re-running changes nothing and a new report only adds to what an analyst
has seen. New claims are taken best-defined first (narrowest date range, finest
place, with a figure), so a vague claim ("in March, in Syria") joins the
incident a precise one founded rather than founding one that precise claims
then join.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

from harmtrace.link import settings
from harmtrace.link.blocking import BlockIndex
from harmtrace.link.entries import Entry
from harmtrace.link.scoring import Score, score


@dataclass(frozen=True, slots=True, order=True)
class NewIncident:
    """An incident founded in this run, numbered in founding order until stored."""

    number: int


@dataclass(frozen=True, slots=True)
class Decision:
    """Where one claim went and why: the incident's support, and the best-scoring
    claim there with that pair's score (none for a claim that founded it)."""

    key: Hashable
    incident: Hashable
    matched: Hashable | None = None
    score: Score | None = None
    support: float | None = None

    @property
    def founded(self) -> bool:
        return self.matched is None


def cluster(
    new: Sequence[Entry],
    existing: Iterable[Entry] = (),
    *,
    threshold: float = settings.LINK_THRESHOLD,
) -> list[Decision]:
    """Place each new claim; `existing` entries carry the incident they are in."""
    index = BlockIndex()
    for entry in existing:
        index.add(entry)
    decisions = []
    founded = 0
    for entry in sorted(new, key=Entry.order):
        decision = _best_incident(entry, index.candidates(entry), threshold)
        if decision is None:
            decision = Decision(entry.ref.key, NewIncident(founded))
            founded += 1
        entry.incident = decision.incident
        index.add(entry)
        decisions.append(decision)
    return decisions


def _best_incident(entry: Entry, candidates: Iterable[Entry],
                   threshold: float) -> Decision | None:
    by_incident: dict[Hashable, list[tuple[Score | None, Entry]]] = {}
    for other in candidates:
        if other.incident is not None:
            by_incident.setdefault(other.incident, []).append((score(entry, other), other))
    best: Decision | None = None
    for incident, pairs in by_incident.items():
        support = sum(pair.total for pair, _ in pairs if pair is not None) / len(pairs)
        if support < threshold or (best is not None and support <= (best.support or 0.0)):
            continue
        pair, other = max(((p, o) for p, o in pairs if p is not None),
                          key=lambda found: found[0].total)
        best = Decision(entry.ref.key, incident, other.ref.key, pair, support)
    return best
