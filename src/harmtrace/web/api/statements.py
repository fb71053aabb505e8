"""Statements: who said what, filterable by speaker and report."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from harmtrace.store.web import list_statements
from harmtrace.web.deps import MAX_PAGE, SessionDep, decode_cursor, encode_cursor
from harmtrace.web.models import Statement

router = APIRouter(prefix="/statements", tags=["statements"])


@router.get("", response_model=dict[str, list[Statement] | str | None])
def statements(
    session: SessionDep, speaker: str | None = None, report_id: str | None = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100, cursor: str | None = None,
) -> dict[str, list[Statement] | str | None]:
    offset = decode_cursor(cursor)
    found = list_statements(session, speaker=speaker or None, report_id=report_id or None,
                            limit=limit + 1, offset=offset)
    more = len(found) > limit
    return {"items": [Statement.of(s) for s in found[:limit]],
            "next_cursor": encode_cursor(offset + limit) if more else None}
