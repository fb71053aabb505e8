"""`harmtrace serve --workers N` as a user runs it: processes, sockets, a port in use."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from harmtrace.web.workers import can_spread

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not can_spread(), reason="needs SO_REUSEPORT (Linux)")]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _listeners(port: int) -> set[int]:
    """Inodes of the sockets listening on `port` (state 0A in /proc/net/tcp)."""
    found = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if int(fields[1].split(":")[1], 16) == port and fields[3] == "0A":
            found.add(int(fields[9]))
    return found


def _pids_holding(inodes: set[int]) -> set[int]:
    pids = set()
    for fd in Path("/proc").glob("[0-9]*/fd/*"):
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:[") and int(target[8:-1]) in inodes:
            pids.add(int(fd.parts[2]))
    return pids


def _wait_for(condition, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)


@pytest.fixture
def served(web_db: str):
    port = _free_port()
    command = [sys.executable, "-c", "from harmtrace.cli import main; main()", "serve",
               "--db", web_db, "--port", str(port), "--workers", "2"]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True)
    try:
        _wait_for(lambda: len(_listeners(port)) == 2)
        yield port, server
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(30)


def test_each_worker_listens_on_its_own_socket_and_answers(served):
    port, _ = served
    assert len(_pids_holding(_listeners(port))) == 2
    for _ in range(6):
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/incidents?limit=1") as r:
            assert r.status == 200


def test_a_worker_that_dies_is_replaced(served):
    port, _ = served
    victim = min(_pids_holding(_listeners(port)))
    os.kill(victim, signal.SIGKILL)
    _wait_for(lambda: len(_listeners(port)) == 2 and victim not in _pids_holding(
        _listeners(port)))
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/incidents") as response:
        assert response.status == 200


def test_a_second_server_on_a_port_in_use_is_refused(served, web_db):
    port, _ = served
    done = subprocess.run([sys.executable, "-c", "from harmtrace.cli import main; main()",
                           "serve", "--db", web_db, "--port", str(port), "--workers", "2"],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode != 0
    assert f"cannot serve on 127.0.0.1:{port}" in done.stderr + done.stdout
    assert len(_listeners(port)) == 2


def test_ctrl_c_stops_every_worker(served):
    port, server = served
    workers = _pids_holding(_listeners(port))
    server.send_signal(signal.SIGINT)
    server.wait(30)
    assert server.returncode == 0
    _wait_for(lambda: not _listeners(port), 15)
    assert all(not Path(f"/proc/{pid}").exists() or
               "zombie" in Path(f"/proc/{pid}/status").read_text() for pid in workers)
