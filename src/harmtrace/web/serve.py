"""Run the web app with uvicorn; loopback unless the user names another address."""

from __future__ import annotations

from collections.abc import Callable

import uvicorn

from harmtrace.config import Settings
from harmtrace.web.app import create_app

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def serve(settings: Settings, *, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
          announce: Callable[[str], None] = print) -> None:
    """Serve the store of `settings` until interrupted, after printing the URL to open."""
    app = create_app(settings.db, tile_url=settings.tile_url)
    shown = f"[{host}]" if ":" in host else host
    announce(f"harmtrace is serving {settings.db} at http://{shown}:{port}/  (Ctrl+C stops it)")
    uvicorn.run(app, host=host, port=port, log_level="warning")
