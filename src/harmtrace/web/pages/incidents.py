"""The incidents page (filters, sort, pages, map, timeline) and one incident's page.

The listing comes with the page; the timeline and the map markers are fetched by
the page right after (htmx and map.js), so a large store never holds the listing up.
"""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from harmtrace import store
from harmtrace.store.web import (
    SORTS,
    Box,
    IncidentFilter,
    filter_choices,
    incident_page,
    map_points,
    weekly_counts,
)
from harmtrace.web.deps import (
    FilterDep,
    SessionDep,
    check_sort,
    filter_params,
    kept,
    kept_count,
)
from harmtrace.web.pages.render import fragment, is_htmx, page, query
from harmtrace.web.timeline import HEIGHT, WIDTH, bars

router = APIRouter()
PAGE_SIZE = 50


@router.get("/incidents", response_class=HTMLResponse)
def incidents(request: Request, session: SessionDep, where: FilterDep,
              sort: str = "date_desc", page_no: int = 1) -> HTMLResponse:
    sort = check_sort(sort)
    page_no = max(page_no, 1)
    items, total = incident_page(session, where, sort=sort, limit=PAGE_SIZE,
                                 offset=(page_no - 1) * PAGE_SIZE,
                                 counted=kept_count(request, session, where))
    filters = filter_params(where)
    context = {
        "items": items, "total": total, "page_no": page_no, "sort": sort, "sorts": SORTS,
        "pages": max((total + PAGE_SIZE - 1) // PAGE_SIZE, 1), "filters": filters,
        "filter_query": query(**filters),
    }
    if is_htmx(request):
        return page(request, "_results.html", **context)
    choices = kept(request, session, "choices", lambda: filter_choices(session))
    return page(request, "incidents.html", choices=choices,
                tile_url=request.app.state.tile_url, **context)


@router.get("/incidents/timeline", response_class=HTMLResponse)
def timeline(request: Request, session: SessionDep, where: FilterDep) -> HTMLResponse:
    """Incidents and deaths per week as SVG, for the filters; kept drawn until they change."""
    drawn = kept(request, session, ("timeline", where), lambda: fragment(
        "_timeline.html", bars=bars(weekly_counts(session, where)), width=WIDTH, height=HEIGHT))
    return HTMLResponse(drawn)


@router.get("/incidents/points")
def points(request: Request, session: SessionDep, where: FilterDep,
           bbox: Annotated[str | None, Query(
               description="west,south,east,north in degrees: only incidents in this view.")]
           = None) -> Response:
    """Map markers (GeoJSON): where the filtered incidents are and their reconciled toll.

    At most `MAP_POINTS`, heaviest tolls first; `truncated` says some were left out
    (zooming in, with `bbox`, shows them). The whole map of a filter, which every page
    view asks for, is kept until the incidents change; views of a box are read each time.
    """
    box = parse_box(bbox)
    if box is None:
        body = kept(request, session, ("points", where), lambda: points_json(session, where))
    else:
        body = points_json(session, where, box)
    return Response(body, media_type="application/json")


def points_json(session: Session, where: IncidentFilter, box: Box | None = None) -> str:
    found, truncated = map_points(session, where, box=box)
    features = [{
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [p.longitude, p.latitude]},
        "properties": {"id": p.id, "killed": p.killed or 0, "place": p.place or p.country or "",
                       "date": p.date_start or "", "grade": p.grade or ""},
    } for p in found]
    return json.dumps({"type": "FeatureCollection", "features": features,
                       "truncated": truncated}, ensure_ascii=False, separators=(",", ":"))


def parse_box(bbox: str | None) -> Box | None:
    if not bbox:
        return None
    try:
        west, south, east, north = (float(part) for part in bbox.split(","))
    except ValueError as exc:
        raise HTTPException(422, "bbox must be west,south,east,north in degrees") from exc
    if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
        raise HTTPException(422, "bbox must be west,south,east,north with west <= east "
                                 "and south <= north, in degrees")
    return Box(west, south, east, north)


@router.get("/incidents/{incident_id}", response_class=HTMLResponse)
def incident(request: Request, session: SessionDep, incident_id: int) -> HTMLResponse:
    found = store.get_incident(session, incident_id=incident_id)
    if found is None:
        raise HTTPException(404, f"no incident {incident_id}")
    return page(request, "incident.html", incident=found.incident, members=found.members)
