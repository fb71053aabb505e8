"""Reports: the list, and one report's text with its statements and claims highlighted."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from harmtrace import store
from harmtrace.errors import StoreError
from harmtrace.store.web import current_claims, list_statements
from harmtrace.web.deps import SessionDep
from harmtrace.web.highlight import Mark, claim_label, pieces, speaker_colours
from harmtrace.web.pages.render import page

router = APIRouter()
PAGE_SIZE = 100


@router.get("/reports", response_class=HTMLResponse)
def reports(request: Request, session: SessionDep, page_no: int = 1) -> HTMLResponse:
    page_no = max(page_no, 1)
    found = store.list_reports(session, limit=PAGE_SIZE + 1, offset=(page_no - 1) * PAGE_SIZE)
    return page(request, "reports.html", reports=found[:PAGE_SIZE], page_no=page_no,
                more=len(found) > PAGE_SIZE)


@router.get("/reports/{report_id}", response_class=HTMLResponse)
def report(request: Request, session: SessionDep, report_id: str) -> HTMLResponse:
    try:
        found = store.get_report(session, report_id=report_id)
    except StoreError as exc:
        raise HTTPException(404, str(exc)) from exc
    if found is None:
        raise HTTPException(404, f"no report {report_id}")
    text = found.report.text
    statements = list_statements(session, report_id=found.report.id, limit=10_000)
    claims = current_claims(session, report_id=found.report.id)
    colours = speaker_colours([s.speaker for s in sorted(statements, key=lambda s: s.start)])
    marks = [Mark("statement", s.id, s.start, s.end, f"{s.speaker}: {s.kind} statement",
                  colours[s.speaker]) for s in statements]
    marks += [Mark("claim", row.id, row.start, row.end, claim_label(row)) for row, _ in claims]
    return page(request, "report.html", report=found.report, pieces=pieces(text, marks),
                statements=statements, claims=claims, colours=colours)
