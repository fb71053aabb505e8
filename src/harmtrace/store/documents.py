"""Reads for the annotation-format export: each report with its records of one view.

Reports come in id order, a page at a time, with their records in extraction
order (machine records before reviewed ones in the `all` view). An incident
claim carries `incident_id`, the linked incident it belongs to (from
`incident_members`), or None while it is not linked.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from harmtrace.records import Report
from harmtrace.store.convert import RECORD_KINDS, to_record, to_report
from harmtrace.store.queries import report_filters
from harmtrace.store.reviews import in_view, report_in_view
from harmtrace.store.schema import IncidentClaimRow, IncidentMemberRow, OutletRow, ReportRow

REPORTS_PER_PAGE = 200


@dataclass(frozen=True, slots=True)
class ReportRecords:
    """A stored report and its records as dicts: the record's fields plus `record_id`,
    `origin`, `extractor` and, for incidents, `incident_id`."""

    report: Report
    records: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def iter_report_records(
    session: Session,
    *,
    view: str = "current",
    outlet: str | None = None,
    published_from: str | None = None,
    published_to: str | None = None,
) -> Iterator[ReportRecords]:
    """Every report the filters let through, with its records in `view`.

    In the `reviewed` view only reviewed reports are given (a review may hold no
    records: the analyst found none); in the others every report is, records or not.
    """
    after = ""
    while True:
        page = session.execute(
            select(ReportRow, OutletRow.name)
            .outerjoin(OutletRow, ReportRow.outlet_id == OutletRow.id)
            .where(ReportRow.id > after, report_in_view(view),
                   *report_filters(outlet, published_from, published_to))
            .order_by(ReportRow.id)
            .limit(REPORTS_PER_PAGE)
        ).all()
        if not page:
            return
        yield from _with_records(session, page, view)
        after = page[-1][0].id


def _with_records(session: Session, page: Sequence[Any], view: str) -> Iterator[ReportRecords]:
    ids = [row.id for row, _ in page]
    found = {report_id: {kind: [] for kind in RECORD_KINDS} for report_id in ids}
    for kind in RECORD_KINDS:
        for report_id, record in _records(session, kind, ids, view):
            found[report_id][kind].append(record)
    for row, outlet in page:
        yield ReportRecords(to_report(row, outlet), found[row.id])


def _records(session: Session, kind: str, report_ids: list[str],
             view: str) -> Iterator[tuple[str, dict[str, Any]]]:
    record_class, row_class = RECORD_KINDS[kind]
    statement = select(row_class).where(row_class.report_id.in_(report_ids),
                                        in_view(row_class, view))
    if row_class is IncidentClaimRow:
        statement = statement.add_columns(IncidentMemberRow.incident_id).outerjoin(
            IncidentMemberRow, IncidentMemberRow.claim_id == IncidentClaimRow.id
        )
    statement = statement.order_by(row_class.report_id, row_class.origin, row_class.seq,
                                   row_class.id)
    for row, *incident in session.execute(statement):
        record = {**to_record(row, record_class).to_dict(), "record_id": row.id,
                  "origin": row.origin, "extractor": row.extractor}
        if incident:
            record["incident_id"] = incident[0]
        yield row.report_id, record
