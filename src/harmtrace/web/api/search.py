"""Search across reports, statements and incidents."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from harmtrace.store.web import search as search_store
from harmtrace.web.deps import SessionDep
from harmtrace.web.models import Hit

router = APIRouter(prefix="/search", tags=["search"])


@router.get("", response_model=list[Hit])
def search(session: SessionDep, q: Annotated[str, Query(min_length=1, max_length=200)]
           ) -> list[Hit]:
    """Every word of `q` must appear (case-insensitive)."""
    return [Hit.of(hit) for hit in search_store(session, q)]
