"""Link synthetic claims of several sizes; print time, peak memory and quality for each.

    python benchmarks/link_bench.py --sizes 10000 100000 1000000

Each size runs in a fresh process, so its peak resident memory is its own
(generating the claims included). Time is the linker's alone: blocking,
scoring and clustering of every claim from nothing (`harmtrace.link.link`).
Quality is pairwise precision, recall and F1, and B-cubed F1, against the
incidents the generator made (`synthetic.py`). Growth can be read off the
claims-per-second column: near-linear linking keeps it roughly flat.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from synthetic import generate

from harmtrace.evaluate.metrics import link_scores
from harmtrace.link import link

WIDTH = 9
COLUMNS = ("claims", "true incidents", "incidents", "generate s", "link s", "claims/s",
           "peak MiB", "pair P", "pair R", "pair F1", "B3 F1")


def run_one(size: int, seed: int) -> dict[str, float]:
    """Generate and link `size` claims in this process; the measurements as a dict."""
    started = time.perf_counter()
    refs, truth = generate(size, seed)
    generated = time.perf_counter()
    decisions = link(refs)
    linked = time.perf_counter()
    incident_of = {d.key: d.incident for d in decisions}
    scores = link_scores({ref.key: f"t{t}" for ref, t in zip(refs, truth, strict=True)},
                         incident_of)
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "claims": len(refs), "true incidents": len(set(truth)),
        "incidents": len(set(incident_of.values())),
        "generate s": generated - started, "link s": linked - generated,
        "claims/s": len(refs) / max(linked - generated, 1e-9), "peak MiB": peak_kib / 1024,
        "pair P": scores.pairwise.precision, "pair R": scores.pairwise.recall,
        "pair F1": scores.pairwise.f1, "B3 F1": scores.bcubed_f1,
    }


def _cell(value: float) -> str:
    if isinstance(value, int) or float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:.3f}" if value < 10 else f"{value:,.1f}"


def _line(values: list[str]) -> str:
    return "  ".join(v.rjust(max(len(c), WIDTH)) for v, c in zip(values, COLUMNS, strict=True))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one, args.seed)))
        return 0
    header = _line(list(COLUMNS))
    print(header, "-" * len(header), sep="\n", flush=True)
    for size in args.sizes:
        child = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "--one", str(size),
             "--seed", str(args.seed)],
            capture_output=True, text=True, check=False,
        )
        if child.returncode:
            sys.stderr.write(child.stderr)
            return child.returncode
        row = json.loads(child.stdout.strip().splitlines()[-1])
        print(_line([_cell(row[c]) for c in COLUMNS]), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
