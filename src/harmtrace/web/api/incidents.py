"""Linked incidents: filtered pages with a cursor, one incident with its claims, exports."""

from __future__ import annotations

import io
from typing import Annotated

import anyio.to_thread
from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response

from harmtrace import store
from harmtrace.export import EXPORTERS
from harmtrace.store.web import export_rows, incident_page, incident_points, page_end
from harmtrace.web.deps import (
    MAX_PAGE,
    FilterDep,
    SessionDep,
    check_sort,
    decode_keyset,
    encode_keyset,
    kept_count,
)
from harmtrace.web.exports import MEDIA_TYPES
from harmtrace.web.models import Claim, Incident, IncidentDetail, IncidentPage

router = APIRouter(prefix="/incidents", tags=["incidents"])


@router.get("", response_model=IncidentPage)
def list_incidents(
    request: Request, session: SessionDep, where: FilterDep, sort: str = "date_desc",
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50, cursor: str | None = None,
) -> IncidentPage:
    """Incidents matching every filter given; follow `next_cursor` for the next page.

    `total` may lag what linking wrote in the last second; the items never do.
    """
    sort = check_sort(sort)
    items, total = incident_page(session, where, sort=sort, limit=limit + 1,
                                 after=decode_keyset(cursor),
                                 counted=kept_count(request, session, where))
    end = page_end(items[:limit], sort) if len(items) > limit else None
    return IncidentPage(items=[Incident.of(i) for i in items[:limit]], total=total,
                        next_cursor=encode_keyset(end) if end else None)


@router.get("/export")
async def export_incidents(
    request: Request, where: FilterDep,
    format: Annotated[str, Query(description=", ".join(MEDIA_TYPES))] = "csv",
) -> Response:
    """The filtered incidents, whole (reconciled summary and claims), in an export format."""
    if format not in MEDIA_TYPES:
        raise HTTPException(422, f"format must be one of {', '.join(MEDIA_TYPES)}")

    def export() -> str:
        out = io.StringIO()
        with request.app.state.sessions() as session:
            rows = export_rows(session, list(incident_points(session, where)))
            EXPORTERS[format](rows, out)
        return out.getvalue()

    body = await anyio.to_thread.run_sync(export, limiter=request.app.state.export_threads)
    extension = "csv" if format.endswith("csv") else format
    return Response(body, media_type=MEDIA_TYPES[format], headers={
        "Content-Disposition": f'attachment; filename="incidents.{extension}"'})


@router.get("/{incident_id}", response_model=IncidentDetail)
def get_incident(session: SessionDep, incident_id: int) -> IncidentDetail:
    found = store.get_incident(session, incident_id=incident_id)
    if found is None:
        raise HTTPException(404, f"no incident {incident_id}")
    return IncidentDetail(incident=Incident.of(found.incident),
                          claims=[Claim.of(m.claim, m.score) for m in found.members])
