"""The annotation format (corpus/FORMAT.md) as an export: one JSON file per report.

A document holds the report's text and metadata and its records under FORMAT.md's
field names (`evaluate.validate.FIELDS`), each evidence or content an exact
substring of the text, plus what harmtrace knows of the record
(`evaluate.validate.EXTRAS`): the confidence and rule that made it, its origin,
its offsets and, for an incident claim, the linked incident. An analyst corrects
such a file and imports it back (`harmtrace import-gold`); another tool's output
in this form can be scored (`harmtrace eval --predictions`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from harmtrace.errors import HarmtraceError
from harmtrace.evaluate.validate import EXTRAS, FIELDS, KINDS
from harmtrace.records import Report

REPORT_KEYS: tuple[str, ...] = ("id", "url", "outlet", "published", "language", "title", "text")
OPTIONAL_UNLESS_GIVEN = frozenset({"note"})
"""FORMAT.md fields written only when the record has them; the others are always
written (null when unknown), so an analyst sees every slot to fill."""
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def report_document(report: Report,
                    records: Mapping[str, Iterable[Mapping[str, Any]]]) -> dict[str, Any]:
    """One report and its records (dicts with records.py field names) in the annotation format."""
    doc: dict[str, Any] = {key: getattr(report, key) for key in REPORT_KEYS}
    for kind in KINDS:
        doc[kind] = [record_document(kind, record) for record in records.get(kind, ())]
    return doc


def record_document(kind: str, record: Mapping[str, Any]) -> dict[str, Any]:
    """A record's FORMAT.md fields in FORMAT.md's order, then the extras it has."""
    doc = {name: _plain(record.get(name)) for name in FIELDS[kind]
           if name in record or name not in OPTIONAL_UNLESS_GIVEN}
    doc.update({name: _plain(record[name]) for name in EXTRAS[kind] if name in record})
    return doc


def file_name(report_id: str) -> str:
    """The file a report's document is written to: its id, made safe for any file system."""
    return f"{_UNSAFE.sub('_', report_id).strip('.') or '_'}.json"


def write_corpus(documents: Iterable[Mapping[str, Any]], folder: Path) -> int:
    """Write each document to FOLDER/<id>.json (made if missing); returns the files written.

    Files already in the folder under other names are left alone.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise HarmtraceError(f"{folder}: cannot create the folder: {exc.strerror}") from exc
    written: dict[str, str] = {}
    for doc in documents:
        name = file_name(doc["id"])
        if name in written:
            raise HarmtraceError(
                f"{folder / name}: reports {written[name]!r} and {doc['id']!r} share a file name"
            )
        written[name] = doc["id"]
        _write(folder / name, doc)
    return len(written)


def _write(path: Path, doc: Mapping[str, Any]) -> None:
    body = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    try:
        path.write_text(body, encoding="utf-8")
    except OSError as exc:
        raise HarmtraceError(f"{path}: cannot write: {exc.strerror}") from exc


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value
