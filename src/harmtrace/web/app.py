"""The web application: JSON API, server-rendered pages, bundled assets, strict CSP."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import urlsplit

import anyio
import anyio.to_thread
from fastapi import FastAPI, Response
from fastapi.responses import RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from harmtrace.store import open_store
from harmtrace.web import api, pages
from harmtrace.web.cache import StoreCache

STATIC = Path(__file__).with_name("static")


REQUEST_THREADS = 2
"""Requests a process works on at once. Handlers are Python under one lock (the GIL)
but for their queries, so two threads keep a core busy while one waits on the
database; more only take turns, each request finishing later (with 16 requests
spread over 2 processes, p95 fell from about 120 ms with 40 threads to 60-90 ms)."""


EXPORT_THREADS = 2
"""Exports running at once, in threads of their own: an export of a large store takes
seconds, and must not hold the threads requests are answered in."""


@asynccontextmanager
async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
    anyio.to_thread.current_default_thread_limiter().total_tokens = REQUEST_THREADS
    yield


def create_app(db_url: str, *, tile_url: str | None = None) -> FastAPI:
    """An app reading the store at `db_url` (migrated first); `tile_url` is an online basemap."""
    app = FastAPI(title="harmtrace", version="1", docs_url=None,
                  openapi_url="/api/v1/openapi.json", redoc_url=None, lifespan=lifespan)
    app.state.sessions = open_store(db_url)
    app.state.tile_url = tile_url
    app.state.cache = StoreCache()
    app.state.export_threads = anyio.CapacityLimiter(EXPORT_THREADS)
    app.add_middleware(SecurityHeaders, policy=content_security_policy(tile_url))
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def home() -> RedirectResponse:
        return RedirectResponse("/incidents")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    return app


def content_security_policy(tile_url: str | None) -> str:
    """Only our own scripts and styles; images also from the tile server when one is set."""
    images = "'self' data:"
    if tile_url:
        parts = urlsplit(tile_url.replace("{s}", "a"))
        host = parts.netloc.replace("a.", "*.", 1) if "{s}" in tile_url else parts.netloc
        images += f" {parts.scheme}://{host}"
    return ("default-src 'none'; script-src 'self'; style-src 'self'; "
            f"img-src {images}; connect-src 'self'; font-src 'self'; base-uri 'none'; "
            "form-action 'self'; frame-ancestors 'none'")


class SecurityHeaders:
    """Every response, pages, API, assets and errors alike, carries the policy.

    Plain ASGI rather than Starlette's BaseHTTPMiddleware, which costs every request
    an extra task and a streamed copy of the body.
    """

    def __init__(self, app: ASGIApp, policy: str) -> None:
        self.app = app
        self.headers = [
            (b"content-security-policy", policy.encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"no-referrer"),
        ]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *self.headers]
            await send(message)

        await self.app(scope, receive, send_with_headers)
