"""`harmtrace export --format geojson|conflict-csv` on the sample store."""

from __future__ import annotations

import csv
import io
import json

from typer.testing import CliRunner

from harmtrace.cli import app
from harmtrace.export.geo import CONFLICT_COLUMNS


def test_geojson_of_linked_incidents(web_db, client):
    result = CliRunner().invoke(app, ["export", "--format", "geojson", "--kind", "linked",
                                      "--db", web_db])
    assert result.exit_code == 0, result.output
    features = json.loads(result.stdout)["features"]
    assert len(features) == client.get("/api/v1/incidents").json()["total"]
    saraqib = next(f for f in features if f["properties"]["incident_id"]
                   and f["geometry"] and f["geometry"]["coordinates"] == [36.81, 35.86])
    assert saraqib["properties"]["grade"]


def test_conflict_csv_of_claims(web_db):
    result = CliRunner().invoke(app, ["export", "--format", "conflict-csv", "--db", web_db])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert tuple(rows[0]) == CONFLICT_COLUMNS
    school = next(r for r in rows if r["source"] == "Idlib Voice")
    assert (school["location"], school["fatalities"]) == ("Saraqib", "7")
