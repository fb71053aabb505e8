"""Rows back into the records of records.py.

Record tables name their columns after the record's fields, so a record's
`to_dict()` is its row's values and the way back is generic; the one shape
change is that tuples (an aggregate's `area`) are JSON lists in the store.
"""

from __future__ import annotations

from dataclasses import fields

from harmtrace.records import Aggregate, IncidentClaim, Report, Statement
from harmtrace.store.schema import (
    AggregateRow,
    IncidentClaimRow,
    RecordRow,
    ReportRow,
    StatementRow,
)

Record = Statement | IncidentClaim | Aggregate

RECORD_KINDS: dict[str, tuple[type[Record], type[RecordRow]]] = {
    "statements": (Statement, StatementRow),
    "incidents": (IncidentClaim, IncidentClaimRow),
    "aggregates": (Aggregate, AggregateRow),
}
"""Record kind (as in `Extraction`'s attributes) -> record class and its table."""


def to_record(row: RecordRow, record_class: type[Record]) -> Record:
    """The record a row holds, equal to the one that was saved."""
    values = {f.name: getattr(row, f.name) for f in fields(record_class)}
    return record_class(**{k: tuple(v) if isinstance(v, list) else v for k, v in values.items()})


def to_report(row: ReportRow, outlet: str | None) -> Report:
    """The report a `reports` row holds; the outlet name comes from its join."""
    return Report(
        id=row.id,
        text=row.text,
        title=row.title,
        url=row.url,
        outlet=outlet,
        published=row.published,
        language=row.language,
        source=row.source,
    )
