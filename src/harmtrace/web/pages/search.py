"""Search across reports, statements and incidents."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from harmtrace.store.web import search as search_store
from harmtrace.web.deps import SessionDep
from harmtrace.web.pages.render import is_htmx, page

router = APIRouter()


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, session: SessionDep, q: str = "") -> HTMLResponse:
    hits = search_store(session, q[:200]) if q.strip() else []
    name = "_hits.html" if is_htmx(request) else "search.html"
    return page(request, name, q=q, hits=hits)
