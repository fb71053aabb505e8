"""The web load benchmark runs from the source checkout and reports every target."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "web_load.py"


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk is not installed")
def test_benchmark_loads_every_target_without_errors():
    done = subprocess.run([sys.executable, str(SCRIPT), "--incidents", "3000", "--seconds", "1",
                           "--warm-up", "1", "--rounds", "1", "--concurrency", "4"],
                          capture_output=True, text=True, check=False, timeout=300)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    rows = [line.split() for line in lines if line.startswith("/")]
    assert [(r[0], r[2]) for r in rows] == [
        (target, run) for target in ("/api/v1/incidents", "/incidents", "/incidents/timeline",
                                     "/incidents/points") for run in ("w", "1")]
    assert all(int(r[3]) > 0 and r[-1] == "0" for r in rows)
    assert lines[-1].startswith("worst measured p95") and "0 errors" in lines[-1]
