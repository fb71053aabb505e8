"""Initial store: reports, outlets, extracted records, incidents, audit log.

Revision ID: 0001
Revises:
Create Date: 2025-01-01

The value lists in the CHECK constraints are a snapshot of records.py at this
revision; a later revision that changes them must alter the constraints.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None

ORIGINS = "origin IN ('machine', 'reviewed')"


def upgrade() -> None:
    _create_outlets()
    _create_reports()
    _create_statements()
    _create_incident_claims()
    _create_aggregates()
    _create_incidents()
    _create_audit_log()


def downgrade() -> None:
    for table in (
        "audit_log", "incident_members", "incidents",
        "aggregates", "incident_claims", "statements", "reports", "outlets",
    ):
        op.drop_table(table)


def _create_outlets() -> None:
    op.create_table(
        "outlets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("domain", sa.String(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outlets")),
        sa.UniqueConstraint("name", name=op.f("uq_outlets_name")),
    )


def _create_reports() -> None:
    op.create_table(
        "reports",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("outlet_id", sa.Integer(), nullable=True),
        sa.Column("published", sa.String(), nullable=True),
        sa.Column("language", sa.String(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("copy_of", sa.String(), nullable=True),
        sa.Column("minhash", sa.LargeBinary(), nullable=True),
        sa.Column("extractor", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reports")),
        sa.ForeignKeyConstraint(
            ["outlet_id"], ["outlets.id"], name=op.f("fk_reports_outlet_id_outlets")
        ),
        sa.ForeignKeyConstraint(
            ["copy_of"], ["reports.id"], name=op.f("fk_reports_copy_of_reports")
        ),
    )
    op.create_index(op.f("ix_reports_outlet_id"), "reports", ["outlet_id"])
    op.create_index(op.f("ix_reports_published"), "reports", ["published"])


def _record_columns(table: str) -> list[sa.SchemaItem]:
    """Provenance columns and constraints shared by the three record tables."""
    return [
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("report_id", sa.String(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("extractor", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("origin", sa.String(), server_default="machine", nullable=False),
        sa.Column("superseded_by", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
        sa.UniqueConstraint(
            "report_id", "extractor", "seq", "origin",
            name=op.f(f"uq_{table}_report_id_extractor_seq_origin"),
        ),
        sa.CheckConstraint(ORIGINS, name=op.f(f"ck_{table}_origin")),
        sa.ForeignKeyConstraint(
            ["report_id"], ["reports.id"], name=op.f(f"fk_{table}_report_id_reports")
        ),
        sa.ForeignKeyConstraint(
            ["superseded_by"], [f"{table}.id"], name=op.f(f"fk_{table}_superseded_by_{table}")
        ),
    ]


def _create_statements() -> None:
    op.create_table(
        "statements",
        *_record_columns("statements"),
        sa.Column("speaker", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("cue", sa.String(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("speaker_text", sa.Text(), nullable=True),
        sa.Column("speaker_role", sa.Text(), nullable=True),
        sa.Column("speaker_org", sa.Text(), nullable=True),
        sa.Column("confidence", sa.Double(), nullable=False),
        sa.Column("rule", sa.String(), nullable=False),
        sa.CheckConstraint("kind IN ('direct', 'indirect')", name=op.f("ck_statements_kind")),
    )
    op.create_index(op.f("ix_statements_report_id"), "statements", ["report_id"])


def _create_incident_claims() -> None:
    op.create_table(
        "incident_claims",
        *_record_columns("incident_claims"),
        sa.Column("event_type", sa.String(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("location", sa.Text(), nullable=True),
        sa.Column("admin", sa.Text(), nullable=True),
        sa.Column("country", sa.String(), nullable=True),
        sa.Column("latitude", sa.Double(), nullable=True),
        sa.Column("longitude", sa.Double(), nullable=True),
        sa.Column("geo_precision", sa.String(), nullable=True),
        sa.Column("date_start", sa.String(), nullable=True),
        sa.Column("date_end", sa.String(), nullable=True),
        sa.Column("date_precision", sa.String(), nullable=False),
        sa.Column("perpetrator", sa.Text(), nullable=False),
        sa.Column("killed_low", sa.Integer(), nullable=True),
        sa.Column("killed_high", sa.Integer(), nullable=True),
        sa.Column("injured_low", sa.Integer(), nullable=True),
        sa.Column("injured_high", sa.Integer(), nullable=True),
        sa.Column("victims", sa.String(), nullable=False),
        sa.Column("claimed_by", sa.Text(), nullable=False),
        sa.Column("negated", sa.Boolean(), nullable=False),
        sa.Column("confidence", sa.Double(), nullable=False),
        sa.Column("rule", sa.String(), nullable=False),
        sa.CheckConstraint(
            "event_type IN ('airstrike', 'drone_strike', 'shelling', 'bombing',"
            " 'ground_attack', 'other')",
            name=op.f("ck_incident_claims_event_type"),
        ),
        sa.CheckConstraint(
            "date_precision IN ('day', 'week', 'month', 'year', 'unknown')",
            name=op.f("ck_incident_claims_date_precision"),
        ),
        sa.CheckConstraint(
            "victims IN ('civilians', 'combatants', 'mixed', 'unspecified')",
            name=op.f("ck_incident_claims_victims"),
        ),
    )
    op.create_index(op.f("ix_incident_claims_report_id"), "incident_claims", ["report_id"])
    op.create_index(
        "ix_incident_claims_country_date_start", "incident_claims", ["country", "date_start"]
    )


def _create_aggregates() -> None:
    op.create_table(
        "aggregates",
        *_record_columns("aggregates"),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("killed_low", sa.Integer(), nullable=True),
        sa.Column("killed_high", sa.Integer(), nullable=True),
        sa.Column("period_start", sa.String(), nullable=True),
        sa.Column("period_end", sa.String(), nullable=True),
        sa.Column("area", sa.JSON(), nullable=False),
        sa.Column("claimed_by", sa.Text(), nullable=False),
        sa.Column("confidence", sa.Double(), nullable=False),
        sa.Column("rule", sa.String(), nullable=False),
    )
    op.create_index(op.f("ix_aggregates_report_id"), "aggregates", ["report_id"])


def _create_incidents() -> None:
    op.create_table(
        "incidents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("summary", sa.JSON(), nullable=False),
        sa.Column("grade", sa.String(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incidents")),
    )
    op.create_table(
        "incident_members",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("score", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident_members")),
        sa.UniqueConstraint("claim_id", name=op.f("uq_incident_members_claim_id")),
        sa.ForeignKeyConstraint(
            ["incident_id"], ["incidents.id"],
            name=op.f("fk_incident_members_incident_id_incidents"),
        ),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["incident_claims.id"],
            name=op.f("fk_incident_members_claim_id_incident_claims"),
        ),
    )
    op.create_index(
        op.f("ix_incident_members_incident_id"), "incident_members", ["incident_id"]
    )


def _create_audit_log() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("table_name", sa.String(), nullable=False),
        sa.Column("row_id", sa.String(), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
