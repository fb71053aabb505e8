"""Incidents: indexes for asking whether linking wrote, and for the map.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26

The web app keeps costly sums (how many incidents match, the weekly timeline, the
filter menus, the map's points) until the incidents change; the newest
`updated_at` and the highest id tell it so, each read from an index's end.

The map shows the heaviest tolls first. `incidents` gains `location` (the place
name, so far only in the summary), filled here from the summaries stored, and
the map's index walks (killed_high descending, unknown tolls last, id) carrying
every column a marker shows or the common filters test, so a map is read from
the index alone and stops after the points it shows instead of sorting every
incident. SQLite puts NULLs last in a descending index by itself and does not
accept NULLS LAST there; PostgreSQL needs it said.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | None = None
depends_on: str | None = None

TOLL_ORDER = {"sqlite": "killed_high DESC", "postgresql": "killed_high DESC NULLS LAST"}
MAP_COLUMNS = ("id", "latitude", "longitude", "country", "grade", "date_start", "date_end",
               "location")


def upgrade() -> None:
    with op.batch_alter_table("incidents") as batch:
        batch.add_column(sa.Column("location", sa.Text(), nullable=True))
    incidents = sa.table("incidents", sa.column("summary", sa.JSON()),
                         sa.column("location", sa.Text()))
    op.execute(incidents.update().values(location=incidents.c.summary["location"].as_string()))
    op.create_index(op.f("ix_incidents_updated_at"), "incidents", ["updated_at"])
    order = TOLL_ORDER[op.get_bind().dialect.name]
    op.create_index("ix_incidents_map", "incidents", [sa.text(order), *MAP_COLUMNS])


def downgrade() -> None:
    op.drop_index("ix_incidents_map", table_name="incidents")
    op.drop_index(op.f("ix_incidents_updated_at"), table_name="incidents")
    with op.batch_alter_table("incidents") as batch:
        batch.drop_column("location")
