"""Read an annotated corpus folder (corpus/FORMAT.md): one report and its gold records a file.

A malformed file is reported as a CorpusError naming the file and the field, and
the other files still load, so one bad annotation does not hide the scores of
the rest.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from harmtrace.errors import CorpusError
from harmtrace.evaluate.fields import date_bounds
from harmtrace.records import (
    EVENT_TYPES,
    STATEMENT_KINDS,
    Aggregate,
    Extraction,
    IncidentClaim,
    Report,
    Statement,
)

KINDS: tuple[str, ...] = ("incidents", "statements", "aggregates")

Check = tuple[str, Callable[[Any, str], bool], str]


@dataclass(frozen=True, slots=True)
class GoldReport:
    """One annotated report: the report as extraction sees it and its gold records."""

    report: Report
    incidents: tuple[dict[str, Any], ...]
    statements: tuple[dict[str, Any], ...]
    aggregates: tuple[dict[str, Any], ...]

    def records(self, kind: str) -> tuple[dict[str, Any], ...]:
        return getattr(self, kind)


def _in_text(value: Any, text: str) -> bool:
    return isinstance(value, str) and bool(value) and value in text


def _count(value: Any, _text: str) -> bool:
    return value is None or (isinstance(value, int) and not isinstance(value, bool))


def _date(value: Any, _text: str) -> bool:
    return value is None or date_bounds(value) is not None


def _name(value: Any, _text: str) -> bool:
    return isinstance(value, str) and bool(value.strip())


NUMBER_CHECKS: tuple[Check, ...] = tuple(
    (key, _count, "must be a whole number or null")
    for key in ("killed_low", "killed_high", "injured_low", "injured_high"))

CHECKS: dict[str, tuple[Check, ...]] = {
    "incidents": (
        ("event_type", lambda v, _: v in EVENT_TYPES, f"must be one of {', '.join(EVENT_TYPES)}"),
        ("location", _name, "must be a non-empty string"),
        ("date_start", _date, "must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD) or null"),
        ("date_end", _date, "must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD) or null"),
        ("evidence", _in_text, "must be an exact substring of text"),
        *NUMBER_CHECKS,
    ),
    "statements": (
        ("speaker", _name, "must be a non-empty string"),
        ("kind", lambda v, _: v in STATEMENT_KINDS, f"must be one of {', '.join(STATEMENT_KINDS)}"),
        ("content", _in_text, "must be an exact substring of text"),
        ("cue", _name, "must be a non-empty string"),
    ),
    "aggregates": (
        ("evidence", _in_text, "must be an exact substring of text"),
        ("area", lambda v, _: isinstance(v, list), "must be a list of country codes"),
        *NUMBER_CHECKS[:2],
    ),
}


def _check_records(doc: Mapping[str, Any], kind: str, path: str) -> tuple[dict[str, Any], ...]:
    records = doc.get(kind)
    if not isinstance(records, list):
        raise CorpusError(path, f"{kind}: must be a list")
    for i, record in enumerate(records):
        if not isinstance(record, dict):
            raise CorpusError(path, f"{kind}[{i}]: must be an object")
        for key, valid, reason in CHECKS[kind]:
            if not valid(record.get(key), doc["text"]):
                raise CorpusError(path, f"{kind}[{i}].{key}: {reason} (got {record.get(key)!r})")
    return tuple(records)


def _report(doc: Mapping[str, Any], path: str) -> Report:
    for key in ("id", "text"):
        if not isinstance(doc.get(key), str) or not doc[key].strip():
            raise CorpusError(path, f"{key}: must be a non-empty string")
    optional = {k: doc.get(k) for k in ("title", "url", "outlet", "published", "language")}
    for key, value in optional.items():
        if value is not None and not isinstance(value, str):
            raise CorpusError(path, f"{key}: must be a string or null")
    return Report(id=doc["id"], text=doc["text"], source=path, **optional)


def load_gold_report(path: Path) -> GoldReport:
    """One annotated file; CorpusError(path, "field: reason") if it is not well formed."""
    where = str(path)
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise CorpusError(where, f"not readable as JSON: {exc}") from exc
    if not isinstance(doc, dict):
        raise CorpusError(where, "top level: must be an object")
    report = _report(doc, where)
    return GoldReport(report, *(_check_records(doc, kind, where) for kind in KINDS))


def load_corpus(directory: Path | str) -> tuple[list[GoldReport], list[CorpusError]]:
    """Every `*.json` file in the folder, sorted by name, and the problems of those that failed.

    Raises CorpusError when the folder does not exist or holds no `*.json` file.
    """
    folder = Path(directory)
    if not folder.is_dir():
        raise CorpusError(str(folder), "not a directory")
    paths = sorted(folder.glob("*.json"))
    if not paths:
        raise CorpusError(str(folder), "no *.json files")
    reports: list[GoldReport] = []
    problems: list[CorpusError] = []
    for path in paths:
        try:
            reports.append(load_gold_report(path))
        except CorpusError as exc:
            problems.append(exc)
    return reports, problems


def _build(cls: type, record: Mapping[str, Any], text: str, key: str) -> Any:
    """A records.py object from a gold dict, its offsets found where its words first occur."""
    names = {f.name for f in fields(cls)} - {"start", "end"}
    values = {k: v for k, v in record.items() if k in names and v is not None}
    start = text.find(record[key])
    if "area" in values:
        values["area"] = tuple(values["area"])
    return cls(**values, start=start, end=start + len(record[key]))


def gold_extraction(gold: GoldReport, extractor: str = "gold") -> Extraction:
    """The gold records as an Extraction: a perfect extractor, for tests and link checks."""
    text = gold.report.text
    return Extraction(
        report_id=gold.report.id,
        incidents=tuple(_build(IncidentClaim, r, text, "evidence") for r in gold.incidents),
        statements=tuple(_build(Statement, r, text, "content") for r in gold.statements),
        aggregates=tuple(_build(Aggregate, r, text, "evidence") for r in gold.aggregates),
        extractor=extractor,
    )
