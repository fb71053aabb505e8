"""The records every stage passes on.

read yields `Report`s; extract turns one `Report` into an `Extraction` holding
`Statement`s, `IncidentClaim`s and `Aggregate`s. Offsets are character offsets
into `Report.text`, so every record can be traced to the exact words it came
from. Records are frozen: a correction is a new record, never an edit.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

EventType = Literal["airstrike", "drone_strike", "shelling", "bombing", "ground_attack", "other"]
DatePrecision = Literal["day", "week", "month", "year", "unknown"]
Victims = Literal["civilians", "combatants", "mixed", "unspecified"]
StatementKind = Literal["direct", "indirect"]

EVENT_TYPES: tuple[str, ...] = (
    "airstrike", "drone_strike", "shelling", "bombing", "ground_attack", "other",
)
DATE_PRECISIONS: tuple[str, ...] = ("day", "week", "month", "year", "unknown")
VICTIM_KINDS: tuple[str, ...] = ("civilians", "combatants", "mixed", "unspecified")
STATEMENT_KINDS: tuple[str, ...] = ("direct", "indirect")


@dataclass(frozen=True, slots=True)
class Report:
    """One news report as read, before extraction.

    `id` is derived from the normalised text, so the same text read twice (from
    a file, a feed or a WARC) is the same report.
    """

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str | None = None
    source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Statement:
    """An attributed utterance: who said what, with the words' offsets."""

    speaker: str
    kind: StatementKind
    content: str
    cue: str
    start: int
    end: int
    speaker_text: str | None = None
    speaker_role: str | None = None
    speaker_org: str | None = None
    confidence: float = 0.5
    rule: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class IncidentClaim:
    """One harmful event as told by one claimer in one report."""

    event_type: EventType
    evidence: str
    start: int
    end: int
    location: str | None = None
    admin: str | None = None
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: str | None = None
    date_start: str | None = None
    date_end: str | None = None
    date_precision: DatePrecision = "unknown"
    perpetrator: str = "unknown"
    killed_low: int | None = None
    killed_high: int | None = None
    injured_low: int | None = None
    injured_high: int | None = None
    victims: Victims = "unspecified"
    claimed_by: str = "reporter"
    negated: bool = False
    confidence: float = 0.5
    rule: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Aggregate:
    """A period total ("at least 396 civilians in 2014-2017")."""

    evidence: str
    start: int
    end: int
    actor: str = "unknown"
    killed_low: int | None = None
    killed_high: int | None = None
    period_start: str | None = None
    period_end: str | None = None
    area: tuple[str, ...] = ()
    claimed_by: str = "reporter"
    confidence: float = 0.5
    rule: str = ""

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["area"] = list(self.area)
        return d


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one report, and the extractor that made it."""

    report_id: str
    statements: tuple[Statement, ...] = ()
    incidents: tuple[IncidentClaim, ...] = ()
    aggregates: tuple[Aggregate, ...] = ()
    extractor: str = ""

    def counts(self) -> dict[str, int]:
        return {
            "statements": len(self.statements),
            "incidents": len(self.incidents),
            "aggregates": len(self.aggregates),
        }


@dataclass(frozen=True, slots=True)
class ReadProblem:
    """An input that could not be read: where it was and why."""

    source: str
    reason: str


@dataclass(slots=True)
class IngestSummary:
    """What one ingest run did, for the user and for the exit status."""

    reports_read: int = 0
    reports_new: int = 0
    exact_copies: int = 0
    near_copies: int = 0
    statements: int = 0
    incidents: int = 0
    aggregates: int = 0
    problems: list[ReadProblem] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return bool(self.problems)
