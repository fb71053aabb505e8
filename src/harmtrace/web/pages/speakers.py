"""Speakers: who is quoted how often, and what one speaker said across reports."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from harmtrace import store
from harmtrace.store.web import list_statements
from harmtrace.web.deps import SessionDep
from harmtrace.web.pages.render import page

router = APIRouter()


@router.get("/speakers", response_class=HTMLResponse)
def speakers(request: Request, session: SessionDep, speaker: str | None = None
             ) -> HTMLResponse:
    said = list_statements(session, speaker=speaker, limit=500) if speaker else []
    return page(request, "speakers.html", speakers=store.speakers(session), speaker=speaker,
                statements=said)
