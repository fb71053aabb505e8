"""Server-rendered pages; htmx asks for the `_*.html` partials when filters change."""

from fastapi import APIRouter

from harmtrace.web.pages import incidents, reports, search, speakers

router = APIRouter(include_in_schema=False)
for module in (incidents, reports, speakers, search):
    router.include_router(module.router)

__all__ = ["router"]
