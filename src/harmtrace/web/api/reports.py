"""Reports: the listing and one report with its text and current records."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from harmtrace import store
from harmtrace.errors import StoreError
from harmtrace.store.web import current_claims, list_statements
from harmtrace.web.deps import MAX_PAGE, SessionDep, decode_cursor, encode_cursor
from harmtrace.web.models import Report, ReportDetail, Statement

router = APIRouter(prefix="/reports", tags=["reports"])


@router.get("", response_model=dict[str, list[Report] | str | None])
def list_reports(
    session: SessionDep, outlet: str | None = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50, cursor: str | None = None,
) -> dict[str, list[Report] | str | None]:
    offset = decode_cursor(cursor)
    found = store.list_reports(session, limit=limit + 1, offset=offset, outlet=outlet or None)
    more = len(found) > limit
    return {"items": [Report.of(r) for r in found[:limit]],
            "next_cursor": encode_cursor(offset + limit) if more else None}


@router.get("/{report_id}", response_model=ReportDetail)
def get_report(session: SessionDep, report_id: str) -> ReportDetail:
    try:
        found = store.get_report(session, report_id=report_id)
    except StoreError as exc:
        raise HTTPException(404, str(exc)) from exc
    if found is None:
        raise HTTPException(404, f"no report {report_id}")
    report = found.report
    statements = list_statements(session, report_id=report.id, limit=10_000)
    claims = [{"claim_id": row.id, "incident_id": incident, "evidence": row.evidence,
               "start": row.start, "end": row.end, "event_type": row.event_type,
               "killed_low": row.killed_low, "killed_high": row.killed_high,
               "perpetrator": row.perpetrator, "claimed_by": row.claimed_by}
              for row, incident in current_claims(session, report_id=report.id)]
    return ReportDetail(id=report.id, title=report.title, outlet=report.outlet, url=report.url,
                        published=report.published, text=report.text,
                        statements=[Statement.of(s) for s in statements], claims=claims)
