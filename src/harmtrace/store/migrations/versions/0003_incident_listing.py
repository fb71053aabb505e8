"""Incidents: the columns listings filter on, and the actors each incident blames.

Revision ID: 0003
Revises: 0002
Create Date: 2025-01-03

`incidents` gains the grade's rule, the main country, the earliest and latest
claimed dates and when linking last updated it; `incident_perpetrators` holds
one row per actor an incident's claims blame, so listings filter by actor.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None

NEW_COLUMNS = (
    ("grade_rule", sa.String()),
    ("country", sa.String()),
    ("date_start", sa.String()),
    ("date_end", sa.String()),
    ("updated_at", sa.DateTime(timezone=True)),
)


def upgrade() -> None:
    with op.batch_alter_table("incidents") as batch:
        for name, column_type in NEW_COLUMNS:
            batch.add_column(sa.Column(name, column_type, nullable=True))
    op.create_index(op.f("ix_incidents_grade"), "incidents", ["grade"])
    op.create_index("ix_incidents_country_date_start", "incidents", ["country", "date_start"])
    op.create_table(
        "incident_perpetrators",
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("perpetrator", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("incident_id", "perpetrator",
                                name=op.f("pk_incident_perpetrators")),
        sa.ForeignKeyConstraint(
            ["incident_id"], ["incidents.id"],
            name=op.f("fk_incident_perpetrators_incident_id_incidents"),
        ),
    )
    op.create_index(
        op.f("ix_incident_perpetrators_perpetrator"), "incident_perpetrators", ["perpetrator"]
    )


def downgrade() -> None:
    op.drop_table("incident_perpetrators")
    op.drop_index("ix_incidents_country_date_start", table_name="incidents")
    op.drop_index(op.f("ix_incidents_grade"), table_name="incidents")
    with op.batch_alter_table("incidents") as batch:
        for name, _ in reversed(NEW_COLUMNS):
            batch.drop_column(name)
