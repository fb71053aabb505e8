"""Run the web app with uvicorn; loopback unless the user names another address.

With several workers, uvicorn starts each in its own process and builds its app
there, so the store and tile URL travel to them in the environment; the store is
migrated once, here, before they start.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable

import uvicorn
from fastapi import FastAPI

from harmtrace.config import Settings
from harmtrace.store import migrate
from harmtrace.web.app import create_app
from harmtrace.web.workers import can_spread, check_free, run_workers

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DB_ENV = "HARMTRACE_SERVE_DB"
TILE_ENV = "HARMTRACE_SERVE_TILE_URL"


def serve(settings: Settings, *, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
          workers: int = 1, announce: Callable[[str], None] = print) -> None:
    """Serve the store of `settings` until interrupted, after printing the URL to open."""
    shown = f"[{host}]" if ":" in host else host
    if workers <= 1:
        app = settled(create_app(settings.db, tile_url=settings.tile_url))
        announce(f"harmtrace is serving {settings.db} at http://{shown}:{port}/  "
                 "(Ctrl+C stops it)")
        uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
        return
    migrate(settings.db)
    os.environ[DB_ENV] = settings.db
    os.environ.pop(TILE_ENV, None)
    if settings.tile_url:
        os.environ[TILE_ENV] = settings.tile_url
    spread = can_spread()
    if spread:
        check_free(host, port)
    announce(f"harmtrace is serving {settings.db} at http://{shown}:{port}/ with {workers} "
             "workers  (Ctrl+C stops it)")
    if spread:
        run_workers(workers, host, port, worker_config)
    else:
        uvicorn.run(f"{__name__}:app_from_environment", factory=True, workers=workers,
                    host=host, port=port, log_level="warning", access_log=False)


def worker_config() -> uvicorn.Config:
    """How each worker process runs: the app of `app_from_environment`, quietly."""
    return uvicorn.Config(app_from_environment, factory=True, log_level="warning",
                          access_log=False)


def app_from_environment() -> FastAPI:
    """The app a worker process serves: the store `serve` named in the environment."""
    return settled(create_app(os.environ[DB_ENV], tile_url=os.environ.get(TILE_ENV)))


def settled(app: FastAPI) -> FastAPI:
    """`app`, with everything made so far (modules, templates, the app) set aside from the
    garbage collector: it lives as long as the process, and scanning it again on every
    full collection would pause requests for nothing."""
    gc.collect()
    gc.freeze()
    return app
