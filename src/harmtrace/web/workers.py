"""Several server processes on one port, each listening on a socket of its own.

With one socket shared by every worker, the kernel hands new connections to
whichever worker wakes first, and that worker accepts every connection waiting:
a burst of keep-alive connections (a browser's, a proxy's, a load test's) can
land on one process while the others idle, and stay there. With SO_REUSEPORT
each worker binds the port itself and the kernel spreads connections over the
workers by their addresses. Where the system has no SO_REUSEPORT, uvicorn's own
shared-socket workers are used instead.
"""

from __future__ import annotations

import multiprocessing
import signal
import socket
import sys
from collections.abc import Callable
from multiprocessing.connection import wait
from types import FrameType

import uvicorn

from harmtrace.errors import HarmtraceError

STOP_SECONDS = 10


def can_spread() -> bool:
    """Whether the kernel balances connections over sockets bound to one port (Linux)."""
    return hasattr(socket, "SO_REUSEPORT") and sys.platform.startswith("linux")


def listening_socket(host: str, port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    return sock


def check_free(host: str, port: int) -> None:
    """Refuse a port something already listens on: SO_REUSEPORT would otherwise let this
    server share it with another server of the same user, each answering some requests."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET,
                       socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise HarmtraceError(f"cannot serve on {host}:{port}: {exc.strerror}") from exc


def run_workers(count: int, host: str, port: int, config: Callable[[], uvicorn.Config]) -> None:
    """Run `count` processes serving `config()` on `host:port` (checked free with
    `check_free`) until interrupted; a worker that dies is replaced. `config` must be
    importable by name, since workers are spawned."""
    context = multiprocessing.get_context("spawn")
    stopping = False

    def stop(_signal: int, _frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = True

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    workers = [_start(context, config, host, port) for _ in range(count)]
    try:
        while not stopping:
            wait([w.sentinel for w in workers], timeout=0.5)
            workers = [w if w.is_alive() or stopping else _start(context, config, host, port)
                       for w in workers]
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.join(STOP_SECONDS)
            if worker.is_alive():
                worker.kill()
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _start(context: multiprocessing.context.SpawnContext, config: Callable[[], uvicorn.Config],
           host: str, port: int) -> multiprocessing.process.BaseProcess:
    worker = context.Process(target=_serve, args=(config, host, port), daemon=True)
    worker.start()
    return worker


def _serve(config: Callable[[], uvicorn.Config], host: str, port: int) -> None:
    uvicorn.Server(config()).run(sockets=[listening_socket(host, port)])
