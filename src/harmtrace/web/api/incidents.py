"""Linked incidents: filtered pages with a cursor, one incident with its claims, exports."""

from __future__ import annotations

import io
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import Response

from harmtrace import store
from harmtrace.export import EXPORTERS
from harmtrace.store.web import export_rows, incident_page, incident_points
from harmtrace.web.deps import (
    MAX_PAGE,
    FilterDep,
    SessionDep,
    check_sort,
    decode_cursor,
    encode_cursor,
)
from harmtrace.web.exports import MEDIA_TYPES
from harmtrace.web.models import Claim, Incident, IncidentDetail, IncidentPage

router = APIRouter(prefix="/incidents", tags=["incidents"])


@router.get("", response_model=IncidentPage)
def list_incidents(
    session: SessionDep, where: FilterDep, sort: str = "date_desc",
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50, cursor: str | None = None,
) -> IncidentPage:
    """Incidents matching every filter given; follow `next_cursor` for the next page."""
    offset = decode_cursor(cursor)
    items, total = incident_page(session, where, sort=check_sort(sort), limit=limit,
                                 offset=offset)
    more = offset + len(items) < total
    return IncidentPage(items=[Incident.of(i) for i in items], total=total,
                        next_cursor=encode_cursor(offset + len(items)) if more else None)


@router.get("/export")
def export_incidents(
    session: SessionDep, where: FilterDep,
    format: Annotated[str, Query(description=", ".join(MEDIA_TYPES))] = "csv",
) -> Response:
    """The filtered incidents, whole (reconciled summary and claims), in an export format."""
    if format not in MEDIA_TYPES:
        raise HTTPException(422, f"format must be one of {', '.join(MEDIA_TYPES)}")
    out = io.StringIO()
    EXPORTERS[format](export_rows(session, list(incident_points(session, where))), out)
    extension = "csv" if format.endswith("csv") else format
    return Response(out.getvalue(), media_type=MEDIA_TYPES[format], headers={
        "Content-Disposition": f'attachment; filename="incidents.{extension}"'})


@router.get("/{incident_id}", response_model=IncidentDetail)
def get_incident(session: SessionDep, incident_id: int) -> IncidentDetail:
    found = store.get_incident(session, incident_id=incident_id)
    if found is None:
        raise HTTPException(404, f"no incident {incident_id}")
    return IncidentDetail(incident=Incident.of(found.incident),
                          claims=[Claim.of(m.claim, m.score) for m in found.members])
