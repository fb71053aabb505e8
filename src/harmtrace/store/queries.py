"""Every read of the store; results are plain values, never ORM rows.

"Current" records are a reviewed report's latest review, and of other reports
the records no reviewer has superseded (`reviews.in_view`); counts per report
and speaker tallies read only those, exports read the view they are asked for.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from harmtrace.errors import StoreError
from harmtrace.records import Extraction, Report
from harmtrace.store.convert import RECORD_KINDS, Record, to_record, to_report
from harmtrace.store.reviews import in_view
from harmtrace.store.schema import (
    MACHINE,
    IncidentRow,
    OutletRow,
    RecordRow,
    ReportRow,
    StatementRow,
)

MIN_PREFIX = 6
"""Shortest id prefix looked up: short enough to type, long enough to rarely collide."""
IDS_PER_QUERY = 500
"""Ids bound per IN (...) list, well under SQLite's and PostgreSQL's parameter limits."""
STREAM_ROWS = 500


@dataclass(frozen=True, slots=True)
class ReportSummary:
    """One line of a report listing."""

    id: str
    title: str | None
    outlet: str | None
    published: str | None
    language: str | None
    copy_of: str | None
    statements: int
    incidents: int
    aggregates: int


@dataclass(frozen=True, slots=True)
class StoredReport:
    """A stored report with the machine extraction made of it."""

    report: Report
    extraction: Extraction
    copy_of: str | None
    ingested_at: datetime


class SpeakerCount(NamedTuple):
    speaker: str
    org: str | None
    count: int


def report_ids_present(session: Session, *, ids: Iterable[str]) -> set[str]:
    """Which of `ids` are stored already."""
    wanted = list(dict.fromkeys(ids))
    present: set[str] = set()
    for start in range(0, len(wanted), IDS_PER_QUERY):
        chunk = wanted[start : start + IDS_PER_QUERY]
        present.update(session.scalars(select(ReportRow.id).where(ReportRow.id.in_(chunk))))
    return present


def minhash_signatures(session: Session) -> Iterator[tuple[str, bytes]]:
    """Signatures of stored originals, the reports a new one may be a near-copy of."""
    statement = (
        select(ReportRow.id, ReportRow.minhash)
        .where(ReportRow.copy_of.is_(None), ReportRow.minhash.is_not(None))
        .order_by(ReportRow.id)
        .execution_options(yield_per=STREAM_ROWS)
    )
    for report_id, minhash in session.execute(statement):
        yield report_id, bytes(minhash)


def list_reports(
    session: Session, *, limit: int = 100, offset: int = 0, outlet: str | None = None
) -> list[ReportSummary]:
    """Reports newest first, with how many current records each holds."""
    statement = (
        select(
            ReportRow.id, ReportRow.title, OutletRow.name, ReportRow.published,
            ReportRow.language, ReportRow.copy_of,
            *(_count_per_report(kind) for kind in RECORD_KINDS),
        )
        .outerjoin(OutletRow, ReportRow.outlet_id == OutletRow.id)
        .order_by(ReportRow.published.desc().nulls_last(), ReportRow.id)
        .limit(limit)
        .offset(offset)
    )
    if outlet is not None:
        statement = statement.where(OutletRow.name == outlet)
    return [ReportSummary(*row) for row in session.execute(statement)]


def get_report(session: Session, *, report_id: str) -> StoredReport | None:
    """A report by id, or by an unambiguous prefix of at least `MIN_PREFIX` characters.

    The extraction holds the machine records of the report's extractor, as saved,
    whatever reviewers did since; None when no report matches.
    """
    row = _find_report(session, report_id)
    if row is None:
        return None
    report_row, outlet = row
    extraction = Extraction(
        report_id=report_row.id,
        extractor=report_row.extractor,
        **{
            kind: tuple(_machine_records(session, report_row, kind))
            for kind in RECORD_KINDS
        },
    )
    return StoredReport(
        report=to_report(report_row, outlet),
        extraction=extraction,
        copy_of=report_row.copy_of,
        ingested_at=report_row.ingested_at,
    )


def iter_records(
    session: Session,
    *,
    kind: str,
    view: str = "current",
    outlet: str | None = None,
    published_from: str | None = None,
    published_to: str | None = None,
) -> Iterator[dict[str, Any]]:
    """Records of one kind in `view` with their report's details, for export.

    `published_from` and `published_to` are ISO days, both ends included; a date
    filter leaves out reports with no publication date.
    """
    record_class, row_class = _kind(kind)
    statement = (
        select(
            row_class, ReportRow.url, ReportRow.title, ReportRow.published,
            ReportRow.copy_of, OutletRow.name,
        )
        .join(ReportRow, row_class.report_id == ReportRow.id)
        .outerjoin(OutletRow, ReportRow.outlet_id == OutletRow.id)
        .where(in_view(row_class, view),
               *report_filters(outlet, published_from, published_to))
        .order_by(row_class.report_id, row_class.seq, row_class.id)
        .execution_options(yield_per=STREAM_ROWS)
    )
    for row, url, title, published, copy_of, outlet in session.execute(statement):
        yield {
            "record_id": row.id,
            "report_id": row.report_id,
            "outlet": outlet,
            "published": published,
            "url": url,
            "title": title,
            "copy_of": copy_of,
            **to_record(row, record_class).to_dict(),
            "extractor": row.extractor,
            "origin": row.origin,
        }


def speakers(session: Session) -> list[SpeakerCount]:
    """Who is quoted how often; statements in near-copies repeat an original, so not counted."""
    count = func.count(StatementRow.id)
    statement = (
        select(StatementRow.speaker, StatementRow.speaker_org, count)
        .join(ReportRow, StatementRow.report_id == ReportRow.id)
        .where(in_view(StatementRow, "current"), ReportRow.copy_of.is_(None))
        .group_by(StatementRow.speaker, StatementRow.speaker_org)
        .order_by(count.desc(), StatementRow.speaker, StatementRow.speaker_org.nulls_first())
    )
    return [SpeakerCount(*row) for row in session.execute(statement)]


def counts(session: Session) -> dict[str, int]:
    """How many of each thing the store holds, records counted in every version."""
    totals = {
        "reports": select(func.count()).select_from(ReportRow),
        "near_copies": select(func.count()).where(ReportRow.copy_of.is_not(None)),
        "outlets": select(func.count()).select_from(OutletRow),
        **{
            kind: select(func.count()).select_from(row_class)
            for kind, (_, row_class) in RECORD_KINDS.items()
        },
        "linked_incidents": select(func.count()).select_from(IncidentRow),
    }
    return {name: session.scalar(statement) or 0 for name, statement in totals.items()}


def report_filters(outlet: str | None, published_from: str | None,
                   published_to: str | None) -> list[Any]:
    """Conditions on reports (joined with their outlet) for the filters that are given."""
    conditions: list[Any] = []
    if outlet is not None:
        conditions.append(OutletRow.name == outlet)
    if published_from is not None:
        conditions.append(ReportRow.published >= published_from)
    if published_to is not None:
        conditions.append(ReportRow.published <= published_to)
    return conditions


def _kind(kind: str) -> tuple[type[Record], type[RecordRow]]:
    if kind not in RECORD_KINDS:
        raise StoreError(f"unknown record kind {kind!r}; expected one of {', '.join(RECORD_KINDS)}")
    return RECORD_KINDS[kind]


def _count_per_report(kind: str) -> Any:
    row_class = RECORD_KINDS[kind][1]
    return (
        select(func.count(row_class.id))
        .where(row_class.report_id == ReportRow.id, in_view(row_class, "current"))
        .scalar_subquery()
    )


def _find_report(session: Session, report_id: str) -> tuple[ReportRow, str | None] | None:
    exact = session.execute(_report_query().where(ReportRow.id == report_id)).first()
    if exact is not None or len(report_id) < MIN_PREFIX:
        return exact
    candidates = session.execute(
        _report_query()
        .where(ReportRow.id.startswith(report_id, autoescape=True))
        .order_by(ReportRow.id)
        .limit(10)
    )
    matches = [row for row in candidates if row[0].id.startswith(report_id)]
    if len(matches) > 1:
        shown = ", ".join(row[0].id for row in matches)
        raise StoreError(f"report id prefix {report_id!r} is ambiguous: {shown}")
    return matches[0] if matches else None


def _report_query() -> Select[tuple[ReportRow, str | None]]:
    return select(ReportRow, OutletRow.name).outerjoin(
        OutletRow, ReportRow.outlet_id == OutletRow.id
    )


def _machine_records(session: Session, report: ReportRow, kind: str) -> Iterator[Record]:
    """The report's records as its extractor made them, in extraction order."""
    record_class, row_class = RECORD_KINDS[kind]
    rows = session.scalars(
        select(row_class)
        .where(
            row_class.report_id == report.id,
            row_class.extractor == report.extractor,
            row_class.origin == MACHINE,
        )
        .order_by(row_class.seq)
    )
    return (to_record(row, record_class) for row in rows)
