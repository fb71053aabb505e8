"""The incidents page (filters, sort, pages, map, timeline) and one incident's page.

The listing comes with the page; the timeline and the map markers are fetched by
the page right after (htmx and map.js), so a large store never holds the listing up.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse

from harmtrace import store
from harmtrace.store.web import (
    SORTS,
    Box,
    filter_choices,
    incident_page,
    map_points,
    weekly_counts,
)
from harmtrace.web.deps import FilterDep, SessionDep, check_sort, filter_params, kept_count
from harmtrace.web.pages.render import is_htmx, page, query
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
    choices = request.app.state.cache.get("choices", lambda: filter_choices(session))
    return page(request, "incidents.html", choices=choices,
                tile_url=request.app.state.tile_url, **context)


@router.get("/incidents/timeline", response_class=HTMLResponse)
def timeline(request: Request, session: SessionDep, where: FilterDep) -> HTMLResponse:
    """Incidents and deaths per week as SVG, for the filters; kept a while per filters."""
    drawn = request.app.state.cache.get(("timeline", where),
                                        lambda: bars(weekly_counts(session, where)))
    return page(request, "_timeline.html", bars=drawn, width=WIDTH, height=HEIGHT)


@router.get("/incidents/points")
def points(session: SessionDep, where: FilterDep, bbox: Annotated[str | None, Query(
        description="west,south,east,north in degrees: only incidents in this view.")] = None
           ) -> JSONResponse:
    """Map markers: where the filtered incidents are and their reconciled toll.

    At most `MAP_POINTS`, heaviest tolls first; `truncated` says some were left out
    (zooming in, with `bbox`, shows them).
    """
    found, truncated = map_points(session, where, box=parse_box(bbox))
    features = [{
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [i.summary["longitude"],
                                                      i.summary["latitude"]]},
        "properties": {"id": i.id, "killed": (i.summary.get("killed") or {}).get("high") or 0,
                       "place": i.summary.get("location") or i.country or "",
                       "date": i.date_start or "", "grade": i.grade or ""},
    } for i in found]
    return JSONResponse({"type": "FeatureCollection", "features": features,
                         "truncated": truncated})


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
