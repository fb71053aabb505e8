"""Load benchmark of the web app: 100k synthetic incidents, concurrent requests on loopback.

    python benchmarks/web_load.py [--incidents 100000] [--concurrency 16] [--seconds 10]
                                  [--rounds 3] [--warm-up 15] [--workers 2] [--keep load.db]

Fills a fresh SQLite store through the store's own write (`save_links`) with
incidents spread over countries, weeks, grades and blamed actors, serves it with
`harmtrace serve --workers N` in a child process on a free loopback port, and loads
the incidents API, the incidents page, and the timeline and map points the page
then fetches, each request with one of a few hundred random filters. The load comes
from wrk (Debian's `wrk` package), a separate compiled process, so the figures are
the server's rather than a Python client's. Each target gets a warm-up run, in which
each worker meets most filters for the first time and counts them (the app keeps
sums per filter until linking writes), then `--rounds` measured runs; p50/p95/p99/
max latency and errors are printed for every run, the warm-up's included. Target:
p95 under 150 ms in the measured runs, zero errors in all.
"""

from __future__ import annotations

import argparse
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlencode

from harmtrace import store
from harmtrace.link.grading import GRADES
from harmtrace.store import open_store

COUNTRIES = {"SY": (35.0, 38.0), "IQ": (33.3, 44.4), "YE": (15.4, 44.2), "UA": (48.5, 35.0),
             "SD": (15.5, 32.5), "AF": (34.5, 69.2)}
ACTORS = ["state forces", "armed group", "coalition", "unknown militants", "rebels"]
EVENTS = ["airstrike", "shelling", "bombing", "ground_attack", "drone_strike"]
FIRST_DAY = date(2015, 1, 1)
DAYS = 3650
CHUNK = 5000
TARGETS = ("/api/v1/incidents", "/incidents", "/incidents/timeline", "/incidents/points")
PATHS_PER_TARGET = 2000
TARGET_P95_MS = 150.0
SCRIPT = Path(__file__).with_name("web_load.lua")


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


def write_paths(folder: Path, target: str, seed: int) -> Path:
    """The requests one run sends: `target` with random filters, one per line."""
    rng = random.Random(seed)
    lines = []
    for _ in range(PATHS_PER_TARGET):
        query = urlencode(random_query(rng))
        lines.append(f"{target}?{query}" if query else target)
    path = folder / f"paths{target.replace('/', '_')}.txt"
    path.write_text("\n".join(lines) + "\n")
    return path


@dataclass(frozen=True, slots=True)
class Run:
    requests: int
    p50: float
    p95: float
    p99: float
    max: float
    socket_errors: int
    http_errors: int


def load(base: str, paths: Path, concurrency: int, seconds: int) -> Run:
    """One wrk run: `concurrency` keep-alive connections for `seconds`, one wrk thread."""
    done = subprocess.run(
        ["wrk", "-t1", f"-c{concurrency}", f"-d{seconds}s", "--timeout", "10s",
         "-s", str(SCRIPT), base, "--", str(paths)],
        capture_output=True, text=True, check=True)
    line = next(x for x in done.stdout.splitlines() if x.startswith("RESULT "))
    requests, p50, p95, p99, longest, socket_errors, http_errors = line.split()[1:]
    return Run(int(requests), float(p50), float(p95), float(p99), float(longest),
               int(socket_errors), int(http_errors))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(url: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-c", "from harmtrace.cli import main; main()", "serve",
               "--db", url, "--port", str(port), "--workers", str(workers)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/incidents?limit=1",
                                        timeout=2):
                return server
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[16],
                        help="Open connections; several values run one after another.")
    parser.add_argument("--seconds", type=int, default=10, help="Length of a measured run.")
    parser.add_argument("--rounds", type=int, default=3, help="Measured runs per target.")
    parser.add_argument("--warm-up", type=int, default=15,
                        help="Seconds of load per target before the measured runs.")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, default=2, help="Server processes.")
    parser.add_argument("--keep", type=Path, help="SQLite file to fill once and reuse.")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("web_load needs wrk, the HTTP load generator: apt-get install wrk")
    with tempfile.TemporaryDirectory() as folder:
        path = args.keep or Path(folder) / "load.db"
        url = f"sqlite:///{path}"
        if path.exists():
            print(f"reusing {path}")
        else:
            print(f"filling {args.incidents} incidents: "
                  f"{fill(url, args.incidents, args.seed):.1f} s", flush=True)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = serve(url, port, args.workers)
        worst = 0.0
        errors = 0
        try:
            print(f"{args.workers} server workers; wrk, 1 thread, {args.seconds} s per run, "
                  f"after a {args.warm_up} s warm-up run (w) per target", flush=True)
            print(f"{'target':<22}{'conc.':>6}{'run':>4}{'requests':>9}{'req/s':>8}"
                  f"{'p50 ms':>8}{'p95 ms':>8}{'p99 ms':>8}{'max ms':>8}{'errors':>7}")
            for concurrency in args.concurrency:
                for target in TARGETS:
                    paths = write_paths(Path(folder), target, args.seed)
                    for n in range(args.rounds + 1):
                        seconds = args.seconds if n else args.warm_up
                        run = load(base, paths, concurrency, seconds)
                        failed = run.socket_errors + run.http_errors
                        errors += failed
                        if n:
                            worst = max(worst, run.p95)
                        print(f"{target:<22}{concurrency:>6}{n or 'w':>4}{run.requests:>9}"
                              f"{run.requests / seconds:>8.0f}{run.p50:>8.1f}"
                              f"{run.p95:>8.1f}{run.p99:>8.1f}{run.max:>8.1f}{failed:>7}",
                              flush=True)
        finally:
            server.terminate()
            server.wait(10)
        met = worst < TARGET_P95_MS and errors == 0
        print(f"worst measured p95 {worst:.1f} ms, {errors} errors in all runs: target "
              f"(p95 < {TARGET_P95_MS:.0f} ms, no errors) {'met' if met else 'NOT met'}")


if __name__ == "__main__":
    main()
