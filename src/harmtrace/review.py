"""import-gold: analysts' corrected annotation files into the store as reviewed records.

Each file is checked first (`evaluate.validate`); a file with problems is not
imported and its problems are reported by file, record and field. A report not
yet stored is ingested from the file as `ingest` reads a .json report, machine
extraction included, so the machine's records sit beside the analyst's; if the
extractor refuses it, the report is stored without machine records. The file's
records then become the report's next review version (`store.save_review`),
paired with the records they replace by the words they cover, so the store can
tell which machine records an analyst confirmed, corrected or dropped.
Importing a file whose records already are the latest review changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from harmtrace import store
from harmtrace.config import Settings
from harmtrace.evaluate.fields import AGGREGATE_FIELDS, INCIDENT_FIELDS, STATEMENT_FIELDS
from harmtrace.evaluate.matching import match_spans
from harmtrace.evaluate.spans import occurrences
from harmtrace.evaluate.validate import (
    KINDS,
    SPAN_FIELDS,
    Problem,
    annotation_files,
    check_document,
    load_document,
    records_of,
)
from harmtrace.pipeline import ingest
from harmtrace.read.jsonl import record_report
from harmtrace.read.normalise import report_id
from harmtrace.records import Aggregate, Extraction, IncidentClaim, Statement
from harmtrace.store import open_store
from harmtrace.store.convert import Record

RECORD_CLASSES: dict[str, type[Record]] = {
    "incidents": IncidentClaim, "statements": Statement, "aggregates": Aggregate,
}
CORRESPONDENCE: dict[str, Mapping[str, Any]] = {
    "incidents": INCIDENT_FIELDS, "statements": STATEMENT_FIELDS, "aggregates": AGGREGATE_FIELDS,
}
"""Fields that break ties when several replaced records cover the same words."""
NOT_FROM_FILE = frozenset({"start", "end", "confidence", "rule"})


@dataclass(frozen=True, slots=True)
class ImportedFile:
    file: str
    report_id: str
    version: int
    changed: bool


@dataclass(slots=True)
class ImportSummary:
    """What one import did; files with problems were not imported."""

    files: int = 0
    reports_stored: int = 0
    imported: list[ImportedFile] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def new_versions(self) -> int:
        return sum(item.changed for item in self.imported)

    @property
    def unchanged(self) -> int:
        return sum(not item.changed for item in self.imported)

    @property
    def failed(self) -> bool:
        return bool(self.problems)


def import_gold(paths: Iterable[Path], *, settings: Settings, actor: str) -> ImportSummary:
    """Import the annotation files under `paths` as reviews by `actor`."""
    summary = ImportSummary()
    documents = _checked_documents(paths, summary)
    sessions = open_store(settings.db)
    _store_missing_reports(documents, sessions, settings, summary)
    for path, doc in documents:
        _import_document(path, doc, sessions, actor, summary)
    return summary


def correspond(kind: str, replaced: list[dict[str, Any]], new: list[dict[str, Any]],
               text: str) -> list[tuple[int, int]]:
    """Which replaced record each new record corrects: the one covering the same words."""
    key = SPAN_FIELDS[kind]
    return match_spans(replaced, new, text, key, CORRESPONDENCE[kind])


def review_records(doc: Mapping[str, Any], text: str, file: str
                   ) -> tuple[dict[str, list[Record]], list[Problem]]:
    """The document's records as reviewed records of the stored report whose text is `text`."""
    records: dict[str, list[Record]] = {kind: [] for kind in KINDS}
    problems: list[Problem] = []
    for kind in KINDS:
        for i, values in enumerate(records_of(doc, kind)):
            span = _span(values, SPAN_FIELDS[kind], text)
            if span is None:
                problems.append(Problem(file, f"{kind}[{i}]", SPAN_FIELDS[kind],
                                        "not found in the stored text of the report"))
                continue
            records[kind].append(_record(kind, values, span))
    return records, problems


def _checked_documents(paths: Iterable[Path], summary: ImportSummary
                       ) -> list[tuple[Path, dict[str, Any]]]:
    documents: list[tuple[Path, dict[str, Any]]] = []
    for item in annotation_files(paths):
        if isinstance(item, Problem):
            summary.problems.append(item)
            continue
        summary.files += 1
        doc, problems = load_document(item)
        problems = problems or check_document(doc, str(item))
        summary.problems += problems
        if not problems:
            documents.append((item, doc))
    return documents


def _store_missing_reports(documents: list[tuple[Path, dict[str, Any]]],
                           sessions: sessionmaker[Session], settings: Settings,
                           summary: ImportSummary) -> None:
    """Ingest the reports not stored yet; store any the extractor refused without records."""
    missing = _not_stored(documents, sessions)
    if not missing:
        return
    ingested = ingest([str(path) for path, _ in missing], settings=settings)
    summary.warnings += [f"{p.source}: {p.reason}" for p in ingested.problems]
    still = _not_stored(missing, sessions)
    bare = [_bare_item(path, doc) for path, doc in still]
    if bare:
        with sessions() as session:
            store.save_batch(session, items=bare)
    summary.reports_stored += ingested.reports_new + len(bare)


def _not_stored(documents: list[tuple[Path, dict[str, Any]]],
                sessions: sessionmaker[Session]) -> list[tuple[Path, dict[str, Any]]]:
    with sessions() as session:
        present = store.report_ids_present(
            session, ids=[report_id(doc["text"]) for _, doc in documents])
    return [(path, doc) for path, doc in documents if report_id(doc["text"]) not in present]


def _bare_item(path: Path, doc: dict[str, Any]) -> store.StoredItem:
    report = record_report(doc, str(path))
    return store.StoredItem(report, Extraction(report_id=report.id))


def _import_document(path: Path, doc: dict[str, Any], sessions: sessionmaker[Session],
                     actor: str, summary: ImportSummary) -> None:
    file = str(path)
    stored_id = report_id(doc["text"])
    with sessions() as session:
        found = store.get_report(session, report_id=stored_id)
    if found is None:
        summary.problems.append(Problem(file, None, "text", "the report could not be stored"))
        return
    records, problems = review_records(doc, found.report.text, file)
    if problems:
        summary.problems += problems
        return
    with sessions() as session:
        result = store.save_review(session, report_id=stored_id, records=records, actor=actor,
                                   source=file, pair=correspond)
    summary.imported.append(ImportedFile(file, stored_id, result.version, result.changed))


def _span(values: Mapping[str, Any], key: str, text: str) -> tuple[int, int] | None:
    """Where the record's words are: the occurrence nearest its `start`, else the first."""
    found = occurrences(text, values[key])
    if not found:
        return None
    start = values.get("start")
    if isinstance(start, int) and not isinstance(start, bool):
        return min(found, key=lambda span: abs(span[0] - start))
    return found[0]


def _record(kind: str, values: Mapping[str, Any], span: tuple[int, int]) -> Record:
    record_class = RECORD_CLASSES[kind]
    names = {f.name for f in fields(record_class)} - NOT_FROM_FILE
    given = {k: v for k, v in values.items() if k in names and v is not None}
    if "area" in given:
        given["area"] = tuple(given["area"])
    return record_class(**given, start=span[0], end=span[1],
                        confidence=store.REVIEW_CONFIDENCE, rule=store.REVIEW_RULE)
