"""export: stored records out, one writer per format, chosen by name in EXPORTERS."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TextIO

from harmtrace.export.writers import write_csv, write_jsonl

KINDS = ("incidents", "statements", "aggregates")

Writer = Callable[[Iterable[dict[str, Any]], TextIO], int]

EXPORTERS: dict[str, Writer] = {
    "jsonl": write_jsonl,
    "csv": write_csv,
}

__all__ = ["EXPORTERS", "KINDS", "Writer"]
