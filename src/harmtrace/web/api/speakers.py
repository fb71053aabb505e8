"""Speakers: who is quoted, how often, across reports."""

from __future__ import annotations

from fastapi import APIRouter

from harmtrace import store
from harmtrace.web.deps import SessionDep
from harmtrace.web.models import Speaker

router = APIRouter(prefix="/speakers", tags=["speakers"])


@router.get("", response_model=list[Speaker])
def speakers(session: SessionDep) -> list[Speaker]:
    return [Speaker(speaker=s.speaker, org=s.org, statements=s.count)
            for s in store.speakers(session)]
