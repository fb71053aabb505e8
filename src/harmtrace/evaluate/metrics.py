"""Counts and scores: precision/recall/F1, field accuracy, linking scores.

Zero division: a ratio with nothing to count is 1.0 when there was nothing to
find and nothing was predicted (the system agrees with the annotator that there
is nothing), and 0.0 otherwise; F1 is 0.0 when precision and recall are both 0.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from harmtrace.evaluate.fields import Comparison, Record


def _ratio(part: int, whole: int, other_misses: int) -> float:
    if whole:
        return part / whole
    return 1.0 if other_misses == 0 else 0.0


def _f1(precision: float, recall: float) -> float:
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


@dataclass(frozen=True, slots=True)
class PRF:
    """True positives, false positives and false negatives, with the scores they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp, self.fn)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn, self.fp)

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)

    @classmethod
    def from_counts(cls, *, matched: int, predicted: int, gold: int) -> PRF:
        return cls(tp=matched, fp=predicted - matched, fn=gold - matched)

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_json(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass(slots=True)
class FieldTally:
    """Correct and compared counts per field ("incidents.date"), over matched pairs."""

    counts: dict[str, list[int]] = field(default_factory=dict)

    def declare(self, kind: str, table: Mapping[str, Comparison]) -> None:
        """Name the fields up front, so a field with no pairs still shows, as None."""
        for name in table:
            self.counts.setdefault(f"{kind}.{name}", [0, 0])

    def add(self, kind: str, table: Mapping[str, Comparison], pred: Record,
            gold: Record) -> None:
        for name, compare in table.items():
            tally = self.counts.setdefault(f"{kind}.{name}", [0, 0])
            tally[0] += compare(pred, gold)
            tally[1] += 1

    def accuracies(self) -> dict[str, float | None]:
        return {name: (right / total if total else None)
                for name, (right, total) in self.counts.items()}


@dataclass(frozen=True, slots=True)
class LinkScores:
    """Linking over the matched gold claims: pairwise decisions and B-cubed."""

    claims: int
    pairwise: PRF
    bcubed_precision: float
    bcubed_recall: float

    @property
    def bcubed_f1(self) -> float:
        return _f1(self.bcubed_precision, self.bcubed_recall)

    def to_json(self) -> dict[str, Any]:
        """Scores are None when no gold claim was matched: there was nothing to link."""
        empty = self.claims == 0
        prf = self.pairwise
        return {
            "claims": self.claims,
            "pairwise": {"tp": prf.tp, "fp": prf.fp, "fn": prf.fn,
                         **{k: None if empty else getattr(prf, k)
                            for k in ("precision", "recall", "f1")}},
            "bcubed": {"precision": None if empty else self.bcubed_precision,
                       "recall": None if empty else self.bcubed_recall,
                       "f1": None if empty else self.bcubed_f1},
        }


def _pairs(sizes: Iterable[int]) -> int:
    return sum(n * (n - 1) // 2 for n in sizes)


def link_scores(gold_keys_by_matched_claim: Mapping[Hashable, str | None],
                predicted_incident_by_claim: Mapping[Hashable, Hashable]) -> LinkScores:
    """Score linking per FORMAT.md over the gold claims extraction matched.

    `gold_keys_by_matched_claim` maps each matched gold claim to its incident_key;
    `predicted_incident_by_claim` maps it to the incident the system put its
    matched prediction in. A claim with no key, or no predicted incident, stands
    alone. Two claims belong together when their keys are equal; the system links
    them when it gives them the same incident.
    """
    claims = list(gold_keys_by_matched_claim)
    gold = {c: ("key", gold_keys_by_matched_claim[c]) if gold_keys_by_matched_claim[c]
            else ("alone", c) for c in claims}
    system = {c: ("incident", predicted_incident_by_claim[c])
              if c in predicted_incident_by_claim else ("alone", c) for c in claims}
    both = Counter((gold[c], system[c]) for c in claims)
    gold_sizes, system_sizes = Counter(gold.values()), Counter(system.values())
    linked = _pairs(both.values())
    pairwise = PRF(tp=linked, fp=_pairs(system_sizes.values()) - linked,
                   fn=_pairs(gold_sizes.values()) - linked)
    if not claims:
        return LinkScores(0, pairwise, 0.0, 0.0)
    precision = sum(both[(gold[c], system[c])] / system_sizes[system[c]] for c in claims)
    recall = sum(both[(gold[c], system[c])] / gold_sizes[gold[c]] for c in claims)
    return LinkScores(len(claims), pairwise, precision / len(claims), recall / len(claims))
