"""The Jinja environment: autoescaping always on, since report text comes from the web."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

TEMPLATES = Jinja2Templates(env=Environment(
    loader=FileSystemLoader(Path(__file__).parent.parent / "templates"), autoescape=True,
    auto_reload=False))


def query(**params: Any) -> str:
    """A query string of the parameters that have a value."""
    return urlencode({k: v for k, v in params.items() if v not in (None, "")})


def figure_range(figure: dict[str, Any] | None) -> str:
    """A reconciled figure as people write it: "12", "12–20", "?–20", or "–" when unknown."""
    low, high = (figure or {}).get("low"), (figure or {}).get("high")
    if low is None and high is None:
        return "–"
    if high is None or low == high:
        return str(low)
    return f"{'?' if low is None else low}–{high}"


TEMPLATES.env.globals["query"] = query
TEMPLATES.env.filters["figure_range"] = figure_range


def page(request: Request, name: str, **context: Any) -> HTMLResponse:
    return TEMPLATES.TemplateResponse(request, name, context)


def fragment(name: str, **context: Any) -> str:
    """A template rendered to text, for a part of a page that is kept and sent again."""
    return TEMPLATES.get_template(name).render(**context)


def is_htmx(request: Request) -> bool:
    return request.headers.get("HX-Request") == "true"
