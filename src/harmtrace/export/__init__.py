"""export: stored records out, one writer per format, chosen by name.

The formats are declared here and nowhere else: `EXPORTERS` write record rows to
one stream, `FOLDER_EXPORTERS` write one file per report (documents) into a folder.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, TextIO

from harmtrace.export.corpus import write_corpus
from harmtrace.export.geo import write_conflict_csv, write_geojson
from harmtrace.export.writers import write_csv, write_jsonl

KINDS = ("incidents", "statements", "aggregates")
LINKED = "linked"
"""The kind exported only when asked for: incidents linked across reports, one row
each, with the reconciled summary, the grade and the claims nested."""
EXPORT_KINDS = (*KINDS, LINKED)

Writer = Callable[[Iterable[dict[str, Any]], TextIO], int]
FolderWriter = Callable[[Iterable[Mapping[str, Any]], Path], int]

EXPORTERS: dict[str, Writer] = {
    "jsonl": write_jsonl,
    "csv": write_csv,
    "geojson": write_geojson,
    "conflict-csv": write_conflict_csv,
}

FOLDER_EXPORTERS: dict[str, FolderWriter] = {
    "corpus": write_corpus,
}

FORMATS: tuple[str, ...] = (*EXPORTERS, *FOLDER_EXPORTERS)

__all__ = [
    "EXPORTERS",
    "EXPORT_KINDS",
    "FOLDER_EXPORTERS",
    "FORMATS",
    "KINDS",
    "LINKED",
    "FolderWriter",
    "Writer",
]
