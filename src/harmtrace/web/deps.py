"""What request handlers share: a store session per request and the parsed filters."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from dataclasses import asdict
from typing import Annotated

from fastapi import Depends, HTTPException, Query, Request
from sqlalchemy.orm import Session

from harmtrace.store.web import SORTS, IncidentFilter

MAX_PAGE = 500


def get_session(request: Request) -> Iterator[Session]:
    with request.app.state.sessions() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


def incident_filter(
    country: str | None = None, since: str | None = None, until: str | None = None,
    perpetrator: str | None = None, event_type: str | None = None, grade: str | None = None,
    q: Annotated[str | None, Query(description="Words in the claims' evidence or places.")]
    = None,
) -> IncidentFilter:
    """Empty form fields (htmx sends them) mean no condition."""
    return IncidentFilter(country or None, since or None, until or None, perpetrator or None,
                          event_type or None, grade or None, q or None)


FilterDep = Annotated[IncidentFilter, Depends(incident_filter)]


def check_sort(sort: str) -> str:
    if sort not in SORTS:
        raise HTTPException(422, f"sort must be one of {', '.join(SORTS)}")
    return sort


def encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"o:{offset}".encode()).decode()


def decode_cursor(cursor: str | None) -> int:
    """The offset a cursor stands for; a cursor the server did not make is refused."""
    if not cursor:
        return 0
    try:
        kind, value = base64.urlsafe_b64decode(cursor.encode()).decode().split(":", 1)
        offset = int(value)
    except (ValueError, UnicodeDecodeError) as exc:
        raise HTTPException(422, "invalid cursor") from exc
    if kind != "o" or offset < 0:
        raise HTTPException(422, "invalid cursor")
    return offset


def filter_params(where: IncidentFilter) -> dict[str, str]:
    """The filters that are set, under their query-string names, to build links with."""
    names = {"text": "q"}
    return {names.get(k, k): v for k, v in asdict(where).items() if v}
