"""The JSON API under /api/v1: one router per resource."""

from fastapi import APIRouter

from harmtrace.web.api import incidents, reports, search, speakers, statements

router = APIRouter(prefix="/api/v1")
for module in (incidents, reports, statements, speakers, search):
    router.include_router(module.router)

__all__ = ["router"]
