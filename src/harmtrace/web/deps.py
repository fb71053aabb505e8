"""What request handlers share: a store session per request and the parsed filters."""

from __future__ import annotations

import base64
import json
from collections.abc import AsyncIterator, Callable, Hashable
from dataclasses import asdict
from typing import Annotated, TypeVar

from fastapi import Depends, HTTPException, Query, Request
from sqlalchemy.orm import Session

from harmtrace.store.web import (
    SORTS,
    IncidentCount,
    IncidentFilter,
    Keyset,
    incident_count,
    incidents_version,
)

MAX_PAGE = 500
Value = TypeVar("Value")


async def get_session(request: Request) -> AsyncIterator[Session]:
    """A session for the request's handler (run in a worker thread) to use.

    Opened and closed on the event loop: making a session touches no database until the
    handler's first query, and closing it only hands the connection back, so neither is
    worth the two trips through the thread pool a plain generator would cost.
    """
    with request.app.state.sessions() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


async def incident_filter(
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


def encode_keyset(end: Keyset) -> str:
    return base64.urlsafe_b64encode(json.dumps([end.date_start, end.id]).encode()).decode()


def decode_keyset(cursor: str | None) -> Keyset | None:
    """Where the incidents page a cursor stands for starts; a cursor not ours is refused."""
    if not cursor:
        return None
    try:
        date_start, incident_id = json.loads(base64.urlsafe_b64decode(cursor.encode()))
    except (ValueError, TypeError, UnicodeDecodeError) as exc:
        raise HTTPException(422, "invalid cursor") from exc
    if not isinstance(incident_id, int) or not isinstance(date_start, str | None):
        raise HTTPException(422, "invalid cursor")
    return Keyset(date_start, incident_id)


def kept(request: Request, session: Session, key: Hashable, make: Callable[[], Value]) -> Value:
    """`make()`, kept under `key` until the store's incidents change."""
    value: Value = request.app.state.cache.get(key, make, lambda: incidents_version(session))
    return value


def kept_count(request: Request, session: Session, where: IncidentFilter) -> IncidentCount:
    """How many incidents match `where`, counted once per filters until the incidents change."""
    return kept(request, session, ("count", where), lambda: incident_count(session, where))


def filter_params(where: IncidentFilter) -> dict[str, str]:
    """The filters that are set, under their query-string names, to build links with."""
    names = {"text": "q"}
    return {names.get(k, k): v for k, v in asdict(where).items() if v}
