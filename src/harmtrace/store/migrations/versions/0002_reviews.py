"""Reviews: one row per version of an analyst's review of a report.

Revision ID: 0002
Revises: 0001
Create Date: 2025-01-02

Only a new table, so SQLite needs no table rebuild and stores with linked
incidents migrate in place.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.String(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("extractor", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("superseded_by", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reviews")),
        sa.UniqueConstraint("report_id", "version", name=op.f("uq_reviews_report_id_version")),
        sa.ForeignKeyConstraint(
            ["report_id"], ["reports.id"], name=op.f("fk_reviews_report_id_reports")
        ),
        sa.ForeignKeyConstraint(
            ["superseded_by"], ["reviews.id"], name=op.f("fk_reviews_superseded_by_reviews")
        ),
    )


def downgrade() -> None:
    op.drop_table("reviews")
