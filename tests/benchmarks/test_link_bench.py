"""The linking benchmark runs from the source checkout and reports every column."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "link_bench.py"


def test_benchmark_prints_one_row_per_size():
    done = subprocess.run([sys.executable, str(SCRIPT), "--sizes", "300", "600"],
                          capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    header, rule, *rows = done.stdout.strip().splitlines()
    assert "peak MiB" in header and "pair F1" in header and set(rule) == {"-"}
    assert [row.split()[0] for row in rows] == ["300", "600"]
    f1 = float(rows[-1].split()[-2])
    assert 0.5 < f1 <= 1.0
