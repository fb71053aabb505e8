"""ingest: read -> extract -> store, one transaction per batch, then link the new claims.

Every input is accounted for: a report is new, an exact copy of a stored one, a
near-copy (stored and marked), or a problem naming the input and the reason.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TextIO

from sqlalchemy.orm import Session, sessionmaker

from harmtrace import store
from harmtrace.config import Settings
from harmtrace.errors import ExtractionError, StoreError
from harmtrace.extract import extract
from harmtrace.link import link_store
from harmtrace.read import read_paths
from harmtrace.read.copies import CopyIndex, from_bytes, signature, to_bytes
from harmtrace.records import IngestSummary, ReadProblem, Report

Progress = Callable[[str], None]


@dataclass(slots=True)
class _Run:
    sessions: sessionmaker[Session]
    copies: CopyIndex
    summary: IngestSummary = field(default_factory=IngestSummary)
    batch: list[store.StoredItem] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)


def _load_copies(sessions: sessionmaker[Session], threshold: float) -> CopyIndex:
    index = CopyIndex(threshold)
    with sessions() as session:
        for report_id, data in store.minhash_signatures(session):
            index.add(report_id, from_bytes(data))
    return index


def ingest(
    paths: Iterable[str],
    *,
    settings: Settings,
    stdin: TextIO | None = None,
    progress: Progress | None = None,
) -> IngestSummary:
    sessions = store.open_store(settings.db)
    run = _Run(sessions, _load_copies(sessions, settings.near_copy_threshold))
    for item in read_paths(paths, max_bytes=settings.max_file_bytes, stdin=stdin):
        if isinstance(item, ReadProblem):
            run.summary.problems.append(item)
        else:
            _take(run, item)
        if len(run.batch) >= settings.batch_size:
            _flush(run)
        if progress:
            progress(item.source or "")
    _flush(run)
    _link(run)
    return run.summary


def _link(run: _Run) -> None:
    """Link the claims no incident holds yet (the new reports'), as `harmtrace link` does."""
    try:
        link_store(run.sessions)
    except StoreError as exc:
        run.summary.problems.append(ReadProblem("link", f"claims not linked: {exc}"))


def _take(run: _Run, report: Report) -> None:
    run.summary.reports_read += 1
    if report.id in run.seen or _stored(run, report.id):
        run.summary.exact_copies += 1
        return
    run.seen.add(report.id)
    try:
        extraction = extract(report)
    except ExtractionError as exc:
        run.summary.problems.append(ReadProblem(report.source or report.id, str(exc)))
        return
    minhash = signature(report.text)
    copy_of = run.copies.find(minhash)
    if copy_of:
        run.summary.near_copies += 1
    else:
        run.copies.add(report.id, minhash)
    run.batch.append(store.StoredItem(report, extraction, to_bytes(minhash), copy_of))
    counts = extraction.counts()
    run.summary.reports_new += 1
    run.summary.statements += counts["statements"]
    run.summary.incidents += counts["incidents"]
    run.summary.aggregates += counts["aggregates"]


def _stored(run: _Run, report_id: str) -> bool:
    with run.sessions() as session:
        return bool(store.report_ids_present(session, ids=[report_id]))


def _flush(run: _Run) -> None:
    if not run.batch:
        return
    try:
        with run.sessions() as session:
            store.save_batch(session, items=run.batch)
    except StoreError as exc:
        for item in run.batch:
            run.summary.problems.append(
                ReadProblem(item.report.source or item.report.id, f"not stored: {exc}")
            )
        run.summary.reports_new -= len(run.batch)
    run.batch = []
