"""Analysts' reviews: whole-report corrections stored beside the machine's records.

A review version is a `reviews` row plus record rows of origin 'reviewed' whose
`extractor` is the review's label (`review/v2`). Saving a review never changes a
machine row's values: the rows it replaces point to their counterparts through
`superseded_by` (the caller says which correspond), the previous version is
superseded as a set, and the change is logged in audit_log in the same
transaction. Saving records equal to the latest version changes nothing.

Which records a read sees is a *view* (`VIEWS`):

- `current`: the latest review's records where a report has one, else the records
  no one has superseded (the machine's, and single reviewed corrections);
- `machine`: the machine's records as extracted, whatever reviewers did since;
- `reviewed`: the current records an analyst made;
- `all`: the machine's and the reviewed records side by side.

A correction made after a review is saved as the next review version.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, func, insert, or_, select, true
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from harmtrace.errors import StoreError
from harmtrace.store.convert import RECORD_KINDS, Record, to_record
from harmtrace.store.db import WRITE_OPTION, reason
from harmtrace.store.schema import MACHINE, REVIEWED, RecordRow, ReportRow, ReviewRow, utc_now
from harmtrace.store.writes import record_audit

VIEWS: tuple[str, ...] = ("current", "machine", "reviewed", "all")
REVIEW_RULE = "review"
"""The `rule` of every reviewed record: an analyst, not a rule, made it."""
REVIEW_CONFIDENCE = 1.0
PROVENANCE = frozenset(
    {"start", "end", "confidence", "rule", "speaker_text", "latitude", "longitude",
     "geo_precision"}
)
"""Fields that say how a record was made, not what it claims; left out when
deciding whether an analyst confirmed a machine record unchanged."""

Pairing = Callable[[str, list[dict[str, Any]], list[dict[str, Any]], str],
                   Sequence[tuple[int, int]]]
"""(kind, replaced records, new records, report text) -> (replaced index, new index) pairs."""


@dataclass(frozen=True, slots=True)
class Review:
    """The latest review of one report."""

    report_id: str
    version: int
    extractor: str
    created_at: datetime
    actor: str
    source: str | None


@dataclass(frozen=True, slots=True)
class ReviewResult:
    """What saving a review did: a new version, or nothing because it was already stored."""

    report_id: str
    version: int
    changed: bool
    counts: dict[str, int]


@dataclass(frozen=True, slots=True)
class RecordStatus:
    """Where one record stands after review.

    `status` is `unreviewed` (no review of the report yet), `confirmed` (the analyst
    kept the machine's record as it was), `corrected` (kept it with changes),
    `rejected` (a machine record the analyst dropped) or `added` (a reviewed record
    with no machine record behind it). `machine_id` and `reviewed_id` name the two
    ends of a confirmed or corrected pair.
    """

    kind: str
    record_id: int
    origin: str
    status: str
    machine_id: int | None = None
    reviewed_id: int | None = None


def review_label(version: int) -> str:
    """The `extractor` that the records of a review version carry."""
    return f"review/v{version}"


def in_view(row_class: type[RecordRow], view: str) -> ColumnElement[bool]:
    """SQL condition: the record row belongs to `view` (see the module docstring)."""
    if view not in VIEWS:
        raise StoreError(f"unknown view {view!r}; expected one of {', '.join(VIEWS)}")
    machine = row_class.origin == MACHINE
    in_latest_review = exists().where(
        ReviewRow.report_id == row_class.report_id,
        ReviewRow.extractor == row_class.extractor,
        ReviewRow.superseded_by.is_(None),
    )
    current = and_(row_class.superseded_by.is_(None),
                   or_(in_latest_review, ~has_review(row_class.report_id)))
    reviewed = and_(row_class.origin == REVIEWED, current)
    return {"current": current, "machine": machine, "reviewed": reviewed,
            "all": or_(machine, reviewed)}[view]


def has_review(report_id: Any) -> ColumnElement[bool]:
    """SQL condition: the report whose id is `report_id` (a column) has been reviewed."""
    return exists().where(ReviewRow.report_id == report_id, ReviewRow.superseded_by.is_(None))


def report_in_view(view: str) -> ColumnElement[bool]:
    """SQL condition on reports: only reviewed reports have records in the `reviewed` view."""
    return has_review(ReportRow.id) if view == "reviewed" else true()


def save_review(
    session: Session,
    *,
    report_id: str,
    records: Mapping[str, Sequence[Record]],
    actor: str,
    source: str | None = None,
    pair: Pairing | None = None,
) -> ReviewResult:
    """Store an analyst's records of a stored report as its next review version, atomically.

    `records` maps kinds (as in `Extraction`) to records; a kind left out means the
    analyst found none. `pair` says which of the replaced records (the latest
    review's, else the machine's) each new record corrects. The session must have
    no transaction open.
    """
    if session.in_transaction():
        raise StoreError("save_review needs a session with no open transaction; commit it first")
    try:
        with session.begin():
            session.connection(execution_options={WRITE_OPTION: True})
            return _write_review(session, report_id, records, actor, source, pair)
    except SQLAlchemyError as exc:
        raise StoreError(f"review of report {report_id} was not stored: {reason(exc)}") from exc


def latest_reviews(session: Session, *, report_ids: Iterable[str] | None = None
                   ) -> dict[str, Review]:
    """The latest review of each reviewed report (of `report_ids`, when given)."""
    statement = select(ReviewRow).where(ReviewRow.superseded_by.is_(None))
    if report_ids is not None:
        statement = statement.where(ReviewRow.report_id.in_(list(report_ids)))
    return {row.report_id: _review(row) for row in session.scalars(statement)}


def review_status(session: Session, *, report_id: str) -> list[RecordStatus]:
    """Each machine record and latest-review record of a report, with where it stands."""
    latest = _latest_review(session, report_id)
    return [status for kind in RECORD_KINDS
            for status in _kind_status(session, report_id, kind, latest)]


def _write_review(session: Session, report_id: str, records: Mapping[str, Sequence[Record]],
                  actor: str, source: str | None, pair: Pairing | None) -> ReviewResult:
    report = session.get(ReportRow, report_id)
    if report is None:
        raise StoreError(f"report {report_id} is not stored")
    unknown = set(records) - set(RECORD_KINDS)
    if unknown:
        raise StoreError(f"unknown record kinds {sorted(unknown)}")
    latest = _latest_review(session, report_id)
    replaced = {kind: _replaced_rows(session, report, latest, kind) for kind in RECORD_KINDS}
    wanted = {kind: [r.to_dict() for r in records.get(kind, ())] for kind in RECORD_KINDS}
    counts = {kind: len(wanted[kind]) for kind in RECORD_KINDS}
    if latest is not None and all(
        [_as_dict(row) for row in replaced[kind]] == wanted[kind] for kind in RECORD_KINDS
    ):
        return ReviewResult(report_id, latest.version, False, counts)
    review = _add_review(session, report_id, latest, actor, source)
    for kind in RECORD_KINDS:
        new_ids = _insert_records(session, kind, report_id, review.extractor, wanted[kind])
        if pair is not None:
            olds = [_as_dict(row) for row in replaced[kind]]
            for old, new in pair(kind, olds, wanted[kind], report.text):
                replaced[kind][old].superseded_by = new_ids[new]
    record_audit(session, actor=actor, action="review", table="reviews", row_id=review.id,
                 detail={"report_id": report_id, "version": review.version, "source": source,
                         "replaces": latest.version if latest else None, "counts": counts})
    return ReviewResult(report_id, review.version, True, counts)


def _add_review(session: Session, report_id: str, latest: ReviewRow | None, actor: str,
                source: str | None) -> ReviewRow:
    newest = session.scalar(
        select(func.max(ReviewRow.version)).where(ReviewRow.report_id == report_id)
    )
    version = (newest or 0) + 1
    review = ReviewRow(report_id=report_id, version=version, extractor=review_label(version),
                       actor=actor, source=source)
    session.add(review)
    session.flush()
    if latest is not None:
        latest.superseded_by = review.id
    return review


def _insert_records(session: Session, kind: str, report_id: str, extractor: str,
                    values: list[dict[str, Any]]) -> list[int]:
    """Insert one kind of reviewed record in the analyst's order; returns the new row ids."""
    table = RECORD_KINDS[kind][1].__table__
    now = utc_now()
    return [
        session.execute(
            insert(table).values(**record, report_id=report_id, seq=seq, extractor=extractor,
                                 origin=REVIEWED, created_at=now).returning(table.c.id)
        ).scalar_one()
        for seq, record in enumerate(values)
    ]


def _latest_review(session: Session, report_id: str) -> ReviewRow | None:
    return session.scalars(
        select(ReviewRow).where(ReviewRow.report_id == report_id,
                                ReviewRow.superseded_by.is_(None))
    ).one_or_none()


def _replaced_rows(session: Session, report: ReportRow, latest: ReviewRow | None,
                   kind: str) -> list[RecordRow]:
    """The rows a new review replaces: the latest review's, else the report's current ones."""
    row_class = RECORD_KINDS[kind][1]
    if latest is not None:
        condition = and_(row_class.origin == REVIEWED, row_class.extractor == latest.extractor)
    else:
        condition = row_class.superseded_by.is_(None)
    return list(session.scalars(
        select(row_class).where(row_class.report_id == report.id, condition)
        .order_by(row_class.seq)
    ))


def _as_dict(row: RecordRow) -> dict[str, Any]:
    return to_record(row, _record_class(row)).to_dict()


def _record_class(row: RecordRow) -> type[Record]:
    return next(record for record, table in RECORD_KINDS.values() if isinstance(row, table))


def _claims(row: RecordRow) -> dict[str, Any]:
    """What a record asserts, without how it was made."""
    return {k: v for k, v in _as_dict(row).items() if k not in PROVENANCE}


def _review(row: ReviewRow) -> Review:
    return Review(row.report_id, row.version, row.extractor, row.created_at, row.actor,
                  row.source)


def _kind_status(session: Session, report_id: str, kind: str,
                 latest: ReviewRow | None) -> list[RecordStatus]:
    row_class = RECORD_KINDS[kind][1]
    rows = list(session.scalars(
        select(row_class).where(row_class.report_id == report_id).order_by(row_class.id)
    ))
    by_id = {row.id: row for row in rows}
    current = {row.id for row in rows if latest is not None and row.origin == REVIEWED
               and row.extractor == latest.extractor}
    statuses = [_machine_status(kind, row, by_id, current, latest is not None)
                for row in rows if row.origin == MACHINE]
    before = {row.superseded_by: row for row in rows if row.superseded_by is not None}
    statuses += [_reviewed_status(kind, by_id[i], before) for i in sorted(current)]
    return statuses


def _machine_status(kind: str, row: RecordRow, by_id: dict[int, RecordRow],
                    current: set[int], reviewed: bool) -> RecordStatus:
    if not reviewed:
        return RecordStatus(kind, row.id, MACHINE, "unreviewed")
    end = row
    while end.superseded_by is not None and end.superseded_by in by_id:
        end = by_id[end.superseded_by]
    if end.id not in current:
        return RecordStatus(kind, row.id, MACHINE, "rejected")
    status = "confirmed" if _claims(row) == _claims(end) else "corrected"
    return RecordStatus(kind, row.id, MACHINE, status, row.id, end.id)


def _reviewed_status(kind: str, row: RecordRow, before: dict[int, RecordRow]) -> RecordStatus:
    root = row
    while root.id in before:
        root = before[root.id]
    if root.origin != MACHINE:
        return RecordStatus(kind, row.id, REVIEWED, "added", None, row.id)
    status = "confirmed" if _claims(root) == _claims(row) else "corrected"
    return RecordStatus(kind, row.id, REVIEWED, status, root.id, row.id)
