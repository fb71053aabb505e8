"""Every write to the store.

`save_batch` stores reports with their extractions in one transaction: all of
the batch or none of it. A report whose id is already stored (the same text
read again) is skipped with its records untouched, so re-ingesting changes
nothing; the check is the database's own (INSERT ... ON CONFLICT DO NOTHING),
so two writers racing on one report cannot both store it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import Insert, Table, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from harmtrace.errors import StoreError
from harmtrace.records import Extraction, Report
from harmtrace.store.convert import RECORD_KINDS
from harmtrace.store.db import WRITE_OPTION, reason
from harmtrace.store.schema import AuditRow, OutletRow, ReportRow, utc_now

DIALECT_INSERTS = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}


@dataclass(frozen=True, slots=True)
class StoredItem:
    """A report to store, its extraction, and what deduplication found."""

    report: Report
    extraction: Extraction
    minhash: bytes | None = None
    copy_of: str | None = None


@dataclass(frozen=True, slots=True)
class BatchResult:
    """What one batch wrote; `saved` lists the reports new to the store, in order."""

    reports_new: int = 0
    exact_copies: int = 0
    near_copies: int = 0
    statements: int = 0
    incidents: int = 0
    aggregates: int = 0
    saved: tuple[str, ...] = ()


def save_batch(session: Session, *, items: Sequence[StoredItem]) -> BatchResult:
    """Store a batch in one transaction; any failure rolls all of it back.

    The session must have no transaction open: end earlier reads with
    `session.commit()` (or use a fresh session), since this commits.
    """
    _check_items(items)
    if session.in_transaction():
        raise StoreError("save_batch needs a session with no open transaction; commit it first")
    try:
        with session.begin():
            session.connection(execution_options={WRITE_OPTION: True})
            return _write_batch(session, items)
    except SQLAlchemyError as exc:
        first = items[0].report.id if items else "-"
        raise StoreError(
            f"batch of {len(items)} reports (first {first}) was not stored: {reason(exc)}"
        ) from exc


def record_audit(
    session: Session,
    *,
    actor: str,
    action: str,
    table: str,
    row_id: str | int,
    detail: Mapping[str, Any],
) -> int:
    """Log a change in the caller's transaction, so the change and its log commit together."""
    statement = insert(AuditRow).values(
        actor=actor, action=action, table_name=table, row_id=str(row_id), detail=dict(detail)
    )
    return session.execute(statement.returning(AuditRow.id)).scalar_one()


def _check_items(items: Sequence[StoredItem]) -> None:
    for item in items:
        if item.extraction.report_id != item.report.id:
            raise StoreError(
                f"report {item.report.id}: extraction belongs to {item.extraction.report_id}"
            )


def _write_batch(session: Session, items: Sequence[StoredItem]) -> BatchResult:
    now = utc_now()
    distinct = _first_of_each_report(items)
    outlet_ids = _outlet_ids(session, [item.report for item in distinct])
    saved = _insert_reports(session, distinct, outlet_ids, now)
    new = [item for item in distinct if item.report.id in saved]
    counts = {kind: _insert_records(session, kind, new, now) for kind in RECORD_KINDS}
    return BatchResult(
        reports_new=len(new),
        exact_copies=len(items) - len(new),
        near_copies=sum(item.copy_of is not None for item in new),
        saved=tuple(item.report.id for item in new),
        **counts,
    )


def _first_of_each_report(items: Sequence[StoredItem]) -> list[StoredItem]:
    """The batch in order, a report repeated within it kept once (later ones are copies)."""
    first: dict[str, StoredItem] = {}
    for item in items:
        first.setdefault(item.report.id, item)
    return list(first.values())


def _insert_ignoring(session: Session, table: Table, key: str) -> Insert:
    """INSERT that skips rows whose `key` is already stored (both backends have it)."""
    dialect = session.get_bind().dialect.name
    return DIALECT_INSERTS[dialect](table).on_conflict_do_nothing(index_elements=[key])


def _outlet_ids(session: Session, reports: Sequence[Report]) -> dict[str, int]:
    """Get or create the batch's outlets; sorted so concurrent writers lock in one order."""
    domains: dict[str, str | None] = {}
    for report in reports:
        if report.outlet and not domains.get(report.outlet):
            domains[report.outlet] = _domain(report.url)
    if not domains:
        return {}
    rows = [{"name": name, "domain": domains[name]} for name in sorted(domains)]
    session.execute(_insert_ignoring(session, OutletRow.__table__, "name"), rows)
    found = session.execute(select(OutletRow.name, OutletRow.id).where(OutletRow.name.in_(domains)))
    return {name: outlet_id for name, outlet_id in found}


def _domain(url: str | None) -> str | None:
    """The outlet's web host from a report URL; a malformed URL just gives none."""
    try:
        host = urlsplit(url).hostname if url else None
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def _insert_reports(
    session: Session, items: Sequence[StoredItem], outlet_ids: dict[str, int], now: datetime
) -> set[str]:
    """Insert the reports not yet stored, in batch order; returns the ids inserted."""
    rows = [_report_values(item, outlet_ids, now) for item in items]
    if not rows:
        return set()
    statement = _insert_ignoring(session, ReportRow.__table__, "id").returning(ReportRow.id)
    return set(session.execute(statement, rows).scalars())


def _report_values(
    item: StoredItem, outlet_ids: dict[str, int], now: datetime
) -> dict[str, Any]:
    report = item.report
    return {
        "id": report.id,
        "text": report.text,
        "title": report.title,
        "url": report.url,
        "outlet_id": outlet_ids.get(report.outlet) if report.outlet else None,
        "published": report.published,
        "language": report.language,
        "source": report.source,
        "ingested_at": now,
        "copy_of": item.copy_of,
        "minhash": item.minhash,
        "extractor": item.extraction.extractor,
    }


def _insert_records(
    session: Session, kind: str, items: Sequence[StoredItem], now: datetime
) -> int:
    """Insert one kind of record for the new reports; `seq` keeps extraction order."""
    rows = [
        {
            **record.to_dict(),
            "report_id": item.report.id,
            "seq": seq,
            "extractor": item.extraction.extractor,
            "created_at": now,
        }
        for item in items
        for seq, record in enumerate(getattr(item.extraction, kind))
    ]
    if rows:
        session.execute(insert(RECORD_KINDS[kind][1].__table__), rows)
    return len(rows)
