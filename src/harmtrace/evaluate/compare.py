"""Two prediction folders scored against the same gold: what changed, measure by measure.

Every number of `EvalResult.to_json()` is a measure ("incidents.f1",
"fields.incidents.date", "links.bcubed.f1"); the difference is B minus A. `won`
lists the gold records B found and A did not, `lost` the reverse, so an analyst
sees what a change gained and what it broke.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from harmtrace.evaluate.predictions import score_predictions
from harmtrace.evaluate.runner import KEY_FIELDS, EvalResult
from harmtrace.evaluate.validate import KINDS

Number = int | float
LOWER_IS_BETTER = ("fp", "fn")


@dataclass(frozen=True, slots=True)
class Comparison:
    """Scores of A and B over the same gold reports (files in the same order)."""

    a: EvalResult
    b: EvalResult

    def measures(self) -> list[tuple[str, Number | None, Number | None]]:
        """(measure, A's value, B's value) for every measure either side has."""
        a, b = dict(flatten(self.a.to_json())), dict(flatten(self.b.to_json()))
        names = list(a) + [name for name in b if name not in a]
        return [(name, a.get(name), b.get(name)) for name in names]

    def difference(self) -> dict[str, Number | None]:
        """B minus A per measure; None where either side has no value."""
        return {name: difference(x, y) for name, x, y in self.measures()}

    def won(self, kind: str) -> list[dict[str, Any]]:
        """Gold records B matched and A did not."""
        return self._found_by_one(kind, self.b, self.a)

    def lost(self, kind: str) -> list[dict[str, Any]]:
        """Gold records A matched and B did not."""
        return self._found_by_one(kind, self.a, self.b)

    def to_json(self) -> dict[str, Any]:
        return {
            "a": self.a.to_json(),
            "b": self.b.to_json(),
            "difference": self.difference(),
            "won": {kind: self.won(kind) for kind in KINDS},
            "lost": {kind: self.lost(kind) for kind in KINDS},
        }

    def _found_by_one(self, kind: str, yes: EvalResult, no: EvalResult) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        for mine, theirs in zip(yes.files, no.files, strict=True):
            matched = {g for _, g in mine.matches[kind]} - {g for _, g in theirs.matches[kind]}
            records = mine.gold.records(kind)
            found += [{"report": mine.gold.report.id,
                       **{key: records[g].get(key) for key in KEY_FIELDS[kind]}}
                      for g in sorted(matched)]
        return found


def compare_predictions(corpus_dir: Path | str, dir_a: Path | str, dir_b: Path | str
                        ) -> Comparison:
    """Score two prediction folders against one corpus and set them side by side."""
    return Comparison(score_predictions(corpus_dir, dir_a), score_predictions(corpus_dir, dir_b))


def flatten(scores: Mapping[str, Any], prefix: str = "") -> Iterator[tuple[str, Number | None]]:
    """Numeric leaves (and None) of nested scores, named by their dotted path."""
    for key, value in scores.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            yield from flatten(value, f"{name}.")
        elif value is None or (isinstance(value, (int, float)) and not isinstance(value, bool)):
            yield name, value


def difference(a: Number | None, b: Number | None) -> Number | None:
    if a is None or b is None:
        return None
    return round(b - a, 4) if isinstance(a, float) or isinstance(b, float) else b - a


def better(name: str, change: Number | None) -> bool | None:
    """Whether a change of a measure is an improvement (None: no change or no value)."""
    if not change:
        return None
    return (change < 0) if name.rsplit(".", 1)[-1] in LOWER_IS_BETTER else (change > 0)
