"""Load benchmark of the web app: 100k synthetic incidents, concurrent requests on loopback.

    python benchmarks/web_load.py [--incidents 100000] [--requests 400] [--concurrency 16]
                                  [--workers 2] [--keep load.db]

Fills a fresh SQLite store through the store's own write (`save_links`) with
incidents spread over countries, weeks, grades and blamed actors, serves it with
`harmtrace serve --workers N` in a child process on a free loopback port, then sends concurrent GETs
to the incidents API, to the incidents page and to the timeline the page then
fetches, each with a random filter, and prints p50/p95 latency and the errors.
Target: p95 under 150 ms, zero errors.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import httpx

from harmtrace import store
from harmtrace.link.grading import GRADES
from harmtrace.pipeline import open_store

COUNTRIES = {"SY": (35.0, 38.0), "IQ": (33.3, 44.4), "YE": (15.4, 44.2), "UA": (48.5, 35.0),
             "SD": (15.5, 32.5), "AF": (34.5, 69.2)}
ACTORS = ["state forces", "armed group", "coalition", "unknown militants", "rebels"]
EVENTS = ["airstrike", "shelling", "bombing", "ground_attack", "drone_strike"]
FIRST_DAY = date(2015, 1, 1)
DAYS = 3650
CHUNK = 5000


def incident(rng: random.Random, n: int) -> store.IncidentWrite:
    country = rng.choice(list(COUNTRIES))
    lat, lon = COUNTRIES[country]
    day = (FIRST_DAY + timedelta(days=rng.randrange(DAYS))).isoformat()
    low = rng.choice([None, rng.randint(1, 60)])
    grade = rng.choice(GRADES)
    actors = tuple(rng.sample(ACTORS, rng.randint(0, 2)))
    summary = {
        "claims": rng.randint(1, 6),
        "killed": {"low": low, "high": low and low + rng.randint(0, 9)},
        "injured": {"low": None, "high": None}, "date_start": day, "date_end": day,
        "perpetrators": [{"actor": a, "claimed_by": ["reporter"]} for a in actors],
        "event_types": [rng.choice(EVENTS)], "country": country, "location": f"Town {n % 997}",
        "latitude": round(lat + rng.uniform(-2, 2), 3),
        "longitude": round(lon + rng.uniform(-2, 2), 3),
        "grade": {"grade": grade, "rule": f"grade.{grade}/1", "reason": "synthetic"},
    }
    return store.IncidentWrite(key=f"n{n}", summary=summary, grade=grade,
                               grade_rule=f"grade.{grade}/1", country=country, date_start=day,
                               date_end=day, perpetrators=actors)


def fill(url: str, count: int, seed: int) -> float:
    rng = random.Random(seed)
    sessions = open_store(url)
    started = time.perf_counter()
    for first in range(0, count, CHUNK):
        writes = [incident(rng, n) for n in range(first, min(first + CHUNK, count))]
        with sessions() as session:
            store.save_links(session, incidents=writes, members=[])
    return time.perf_counter() - started


def random_query(rng: random.Random) -> dict[str, str]:
    choices = [
        {},
        {"country": rng.choice(list(COUNTRIES))},
        {"grade": rng.choice(GRADES)},
        {"perpetrator": rng.choice(ACTORS)},
        {"since": f"{rng.randint(2015, 2023)}-01-01", "until": f"{rng.randint(2016, 2024)}-06-30"},
        {"country": rng.choice(list(COUNTRIES)), "grade": rng.choice(GRADES),
         "sort": "date_asc"},
    ]
    return rng.choice(choices)


async def hammer(base: str, path: str, requests: int, concurrency: int,
                 seed: int) -> tuple[list[float], int]:
    rng = random.Random(seed)
    queue = [random_query(rng) for _ in range(requests)]
    latencies: list[float] = []
    errors = 0

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal errors
        while queue:
            params = queue.pop()
            started = time.perf_counter()
            try:
                response = await client.get(path, params=params)
                ok = response.status_code == 200
            except httpx.HTTPError:
                ok = False
            latencies.append((time.perf_counter() - started) * 1000)
            errors += not ok

    limits = httpx.Limits(max_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
    return latencies, errors


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(url: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-c", "from harmtrace.cli import main; main()", "serve",
               "--db", url, "--port", str(port), "--workers", str(workers)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/v1/incidents?limit=1", timeout=2)
            return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, default=2, help="Server processes.")
    parser.add_argument("--keep", type=Path, help="SQLite file to fill once and reuse.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = args.keep or Path(folder) / "load.db"
        url = f"sqlite:///{path}"
        if path.exists():
            print(f"reusing {path}")
        else:
            print(f"filling {args.incidents} incidents: "
                  f"{fill(url, args.incidents, args.seed):.1f} s", flush=True)
        port = free_port()
        server = serve(url, port, args.workers)
        try:
            print(f"{'target':<22}{'requests':>9}{'conc.':>7}{'p50 ms':>9}{'p95 ms':>9}"
                  f"{'max ms':>9}{'errors':>8}")
            for path in ("/api/v1/incidents", "/incidents", "/incidents/timeline"):
                latencies, errors = asyncio.run(hammer(f"http://127.0.0.1:{port}", path,
                                                       args.requests, args.concurrency,
                                                       args.seed))
                cuts = statistics.quantiles(latencies, n=100)
                print(f"{path:<22}{len(latencies):>9}{args.concurrency:>7}{cuts[49]:>9.1f}"
                      f"{cuts[94]:>9.1f}{max(latencies):>9.1f}{errors:>8}")
        finally:
            server.terminate()
            server.wait(10)


if __name__ == "__main__":
    main()
