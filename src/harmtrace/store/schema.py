"""Tables of the store, portable between SQLite and PostgreSQL.

Record tables hold one row per record of `records.py`, with the record's
fields as columns of the same names, plus provenance: the report, the
position (`seq`) in that report's extraction, the extractor, and `origin`.
A reviewer's correction is a new row (`origin='reviewed'`) that the old row
points to through `superseded_by`; extracted rows are never overwritten. An
analyst's review of a whole report is a `reviews` row, one per version: its
records are the reviewed rows whose `extractor` is the review's label
(`review/v2`), and a newer version supersedes the older one as a set, so a
record the analyst dropped is retired with its version.

`migrations/versions/` must create exactly these tables; a test compares them.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    CheckConstraint,
    DateTime,
    Double,
    ForeignKey,
    Index,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from harmtrace.records import DATE_PRECISIONS, EVENT_TYPES, STATEMENT_KINDS, VICTIM_KINDS

MACHINE = "machine"
REVIEWED = "reviewed"
ORIGINS: tuple[str, ...] = (MACHINE, REVIEWED)

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utc_now() -> datetime:
    return datetime.now(UTC)


def one_of(column: str, values: tuple[str, ...]) -> CheckConstraint:
    """A named CHECK that `column` holds one of `values` (portable, unlike ENUM)."""
    listed = ", ".join(f"'{value}'" for value in values)
    return CheckConstraint(f"{column} IN ({listed})", name=column)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        str: String(),
        float: Double(),
        datetime: DateTime(timezone=True),
        bytes: LargeBinary(),
        dict[str, Any]: JSON(),
        list[str]: JSON(),
    }


class OutletRow(Base):
    __tablename__ = "outlets"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(unique=True)
    domain: Mapped[str | None]


class ReportRow(Base):
    __tablename__ = "reports"

    id: Mapped[str] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    outlet_id: Mapped[int | None] = mapped_column(ForeignKey("outlets.id"), index=True)
    published: Mapped[str | None] = mapped_column(index=True)
    language: Mapped[str | None]
    source: Mapped[str | None] = mapped_column(Text)
    ingested_at: Mapped[datetime] = mapped_column(default=utc_now)
    copy_of: Mapped[str | None] = mapped_column(ForeignKey("reports.id"))
    minhash: Mapped[bytes | None]
    extractor: Mapped[str]


class RecordRow:
    """Columns every record table shares: where the record came from and its version."""

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True, sort_order=-1)
    report_id: Mapped[str] = mapped_column(ForeignKey("reports.id"), index=True, sort_order=-1)
    seq: Mapped[int] = mapped_column(sort_order=-1)
    extractor: Mapped[str] = mapped_column(sort_order=-1)
    created_at: Mapped[datetime] = mapped_column(default=utc_now, sort_order=-1)
    origin: Mapped[str] = mapped_column(
        default=MACHINE, server_default=MACHINE, sort_order=-1
    )

    @declared_attr
    def superseded_by(cls) -> Mapped[int | None]:
        table = cls.__tablename__  # type: ignore[attr-defined]
        return mapped_column(ForeignKey(f"{table}.id"), sort_order=-1)


def record_constraints(*checks: CheckConstraint) -> tuple[Any, ...]:
    """Constraints of a record table: one version per origin at each position."""
    return (
        UniqueConstraint("report_id", "extractor", "seq", "origin"),
        one_of("origin", ORIGINS),
        *checks,
    )


class StatementRow(RecordRow, Base):
    __tablename__ = "statements"
    __table_args__ = record_constraints(one_of("kind", STATEMENT_KINDS))

    speaker: Mapped[str] = mapped_column(Text)
    kind: Mapped[str]
    content: Mapped[str] = mapped_column(Text)
    cue: Mapped[str]
    start: Mapped[int]
    end: Mapped[int]
    speaker_text: Mapped[str | None] = mapped_column(Text)
    speaker_role: Mapped[str | None] = mapped_column(Text)
    speaker_org: Mapped[str | None] = mapped_column(Text)
    confidence: Mapped[float]
    rule: Mapped[str]


class IncidentClaimRow(RecordRow, Base):
    __tablename__ = "incident_claims"
    __table_args__ = (
        *record_constraints(
            one_of("event_type", EVENT_TYPES),
            one_of("date_precision", DATE_PRECISIONS),
            one_of("victims", VICTIM_KINDS),
        ),
        Index("ix_incident_claims_country_date_start", "country", "date_start"),
    )

    event_type: Mapped[str]
    evidence: Mapped[str] = mapped_column(Text)
    start: Mapped[int]
    end: Mapped[int]
    location: Mapped[str | None] = mapped_column(Text)
    admin: Mapped[str | None] = mapped_column(Text)
    country: Mapped[str | None]
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]
    geo_precision: Mapped[str | None]
    date_start: Mapped[str | None]
    date_end: Mapped[str | None]
    date_precision: Mapped[str]
    perpetrator: Mapped[str] = mapped_column(Text)
    killed_low: Mapped[int | None]
    killed_high: Mapped[int | None]
    injured_low: Mapped[int | None]
    injured_high: Mapped[int | None]
    victims: Mapped[str]
    claimed_by: Mapped[str] = mapped_column(Text)
    negated: Mapped[bool]
    confidence: Mapped[float]
    rule: Mapped[str]


class AggregateRow(RecordRow, Base):
    __tablename__ = "aggregates"
    __table_args__ = record_constraints()

    evidence: Mapped[str] = mapped_column(Text)
    start: Mapped[int]
    end: Mapped[int]
    actor: Mapped[str] = mapped_column(Text)
    killed_low: Mapped[int | None]
    killed_high: Mapped[int | None]
    period_start: Mapped[str | None]
    period_end: Mapped[str | None]
    area: Mapped[list[str]]
    claimed_by: Mapped[str] = mapped_column(Text)
    confidence: Mapped[float]
    rule: Mapped[str]


class IncidentRow(Base):
    """A real-world incident that linking made of claims from several reports.

    `summary` holds the reconciled values (ranges, dates, perpetrators, places,
    the grade's reason); the columns after it repeat what listings filter, sort
    and sum on (the death toll, for the timeline; the place, for the map).
    """

    __tablename__ = "incidents"
    __table_args__ = (
        Index("ix_incidents_date_start_date_end_killed_low", "date_start", "date_end",
              "killed_low"),
        Index("ix_incidents_country_date_start_killed_low", "country", "date_start",
              "killed_low"),
        Index("ix_incidents_grade_date_start_killed_low", "grade", "date_start", "killed_low"),
        Index("ix_incidents_country_grade_date_start_killed_low", "country", "grade",
              "date_start", "killed_low"),
        Index("ix_incidents_longitude_latitude", "longitude", "latitude"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    summary: Mapped[dict[str, Any]] = mapped_column(default=dict)
    grade: Mapped[str | None] = mapped_column(index=True)
    grade_rule: Mapped[str | None]
    country: Mapped[str | None]
    date_start: Mapped[str | None]
    date_end: Mapped[str | None] = mapped_column(index=True)
    updated_at: Mapped[datetime | None] = mapped_column(index=True)
    killed_low: Mapped[int | None]
    killed_high: Mapped[int | None]
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]
    location: Mapped[str | None] = mapped_column(Text)


class IncidentPerpetratorRow(Base):
    """An actor that at least one claim of the incident blames (canonical name)."""

    __tablename__ = "incident_perpetrators"
    __table_args__ = (Index("ix_incident_perpetrators_perpetrator_incident_id",
                            "perpetrator", "incident_id"),)

    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), primary_key=True)
    perpetrator: Mapped[str] = mapped_column(Text, primary_key=True, index=True)


class IncidentMemberRow(Base):
    """A claim's place in an incident; a claim belongs to at most one."""

    __tablename__ = "incident_members"

    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), index=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("incident_claims.id"), unique=True)
    score: Mapped[dict[str, Any] | None]


class ReviewRow(Base):
    """One version of an analyst's review of a report; the latest is the one not superseded."""

    __tablename__ = "reviews"
    __table_args__ = (UniqueConstraint("report_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[str] = mapped_column(ForeignKey("reports.id"))
    version: Mapped[int]
    extractor: Mapped[str]
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    actor: Mapped[str]
    source: Mapped[str | None] = mapped_column(Text)
    superseded_by: Mapped[int | None] = mapped_column(ForeignKey("reviews.id"))


class AuditRow(Base):
    """Who changed what and when, for reviewers' corrections and other edits."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utc_now)
    actor: Mapped[str]
    action: Mapped[str]
    table_name: Mapped[str]
    row_id: Mapped[str]
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)
