"""What an incident says as a whole: its reconciled values and its grade."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from harmtrace.link.entries import ClaimRef
from harmtrace.link.grading import Grade, grade
from harmtrace.link.reconcile import reconcile


@dataclass(frozen=True, slots=True)
class IncidentSummary:
    values: dict[str, Any]
    grade: Grade

    @property
    def perpetrators(self) -> tuple[str, ...]:
        return tuple(p["actor"] for p in self.values["perpetrators"])

    def to_json(self) -> dict[str, Any]:
        return {**self.values, "grade": self.grade.to_json()}


def summarise(refs: Sequence[ClaimRef]) -> IncidentSummary:
    """Reconcile the claims of one incident and grade it."""
    return IncidentSummary(reconcile(refs), grade(refs))
