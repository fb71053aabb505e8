"""Incidents: death tolls and places as columns, and the indexes listings sort and filter on.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26

`incidents` gains `killed_low`/`killed_high` (the reconciled death toll, so the
timeline sums a column instead of reading every summary) and `latitude`/
`longitude` (so the map asks for a box and the heaviest first), filled here from
the summaries already stored. Listings page by keyset on (date_start, id): the
indexes below let them walk the date order (whole, or within a country, a grade
or both), test the date range and sum the toll without reading the rows. They
replace 0003's (country, date_start).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None

NEW_COLUMNS = (
    ("killed_low", sa.Integer()),
    ("killed_high", sa.Integer()),
    ("latitude", sa.Double()),
    ("longitude", sa.Double()),
)

INDEXES = (
    ("ix_incidents_date_start_date_end_killed_low", ("date_start", "date_end", "killed_low")),
    ("ix_incidents_country_date_start_killed_low", ("country", "date_start", "killed_low")),
    ("ix_incidents_grade_date_start_killed_low", ("grade", "date_start", "killed_low")),
    ("ix_incidents_country_grade_date_start_killed_low",
     ("country", "grade", "date_start", "killed_low")),
)
"""Each leads with what a listing narrows by, then walks the date order; the toll
rides along so the timeline sums it from the index alone."""

def upgrade() -> None:
    with op.batch_alter_table("incidents") as batch:
        for name, column_type in NEW_COLUMNS:
            batch.add_column(sa.Column(name, column_type, nullable=True))
    incidents = sa.table("incidents", sa.column("summary", sa.JSON()),
                         *(sa.column(name, column_type) for name, column_type in NEW_COLUMNS))
    summary, killed = incidents.c.summary, incidents.c.summary["killed"]
    op.execute(incidents.update().values(
        killed_low=killed["low"].as_integer(), killed_high=killed["high"].as_integer(),
        latitude=summary["latitude"].as_float(), longitude=summary["longitude"].as_float()))
    op.drop_index("ix_incidents_country_date_start", table_name="incidents")
    for name, columns in INDEXES:
        op.create_index(name, "incidents", list(columns))
    op.create_index(op.f("ix_incidents_date_end"), "incidents", ["date_end"])
    op.create_index("ix_incidents_longitude_latitude", "incidents", ["longitude", "latitude"])
    op.create_index("ix_incident_perpetrators_perpetrator_incident_id", "incident_perpetrators",
                    ["perpetrator", "incident_id"])


def downgrade() -> None:
    op.drop_index("ix_incident_perpetrators_perpetrator_incident_id",
                  table_name="incident_perpetrators")
    op.drop_index("ix_incidents_longitude_latitude", table_name="incidents")
    op.drop_index(op.f("ix_incidents_date_end"), table_name="incidents")
    for name, _ in reversed(INDEXES):
        op.drop_index(name, table_name="incidents")
    op.create_index("ix_incidents_country_date_start", "incidents", ["country", "date_start"])
    with op.batch_alter_table("incidents") as batch:
        for name, _ in reversed(NEW_COLUMNS):
            batch.drop_column(name)
