"""GeoJSON and conflict-event CSV from export rows, checked field by field."""

from __future__ import annotations

import csv
import io
import json

from harmtrace.export import EXPORTERS
from harmtrace.export.geo import CONFLICT_COLUMNS, conflict_row

CLAIM = {
    "record_id": 3, "report_id": "r1", "outlet": "Idlib Voice", "event_type": "shelling",
    "evidence": "shells killed seven", "location": "Saraqib", "admin": "Idlib",
    "country": "SY", "latitude": 35.86, "longitude": 36.81, "geo_precision": "town",
    "date_start": "2019-11-06", "perpetrator": "Syrian government forces",
    "killed_low": 7, "killed_high": 9,
}
LINKED = {
    "incident_id": 4, "grade": "contested", "country": "SY", "date_start": "2019-11-04",
    "summary": {"event_types": ["airstrike"], "date_start": "2019-11-04", "country": "SY",
                "location": "Ariha", "latitude": 35.81, "longitude": 36.61,
                "perpetrators": [{"actor": "Russian Aerospace Forces"}],
                "killed": {"low": 11, "high": 15}, "grade": {"reason": "a party denies it"}},
    "claims": [{"outlet": "Wire", "admin": "Idlib", "geo_precision": "town"},
               {"outlet": "Ministry", "admin": "Idlib", "geo_precision": "town"}],
}


def test_a_claim_in_conflict_event_columns():
    assert conflict_row(CLAIM) == {
        "event_date": "2019-11-06", "event_type": "Explosions/Remote violence",
        "sub_event_type": "Shelling/artillery/missile attack",
        "actor1": "Syrian government forces", "country": "SY", "admin1": "Idlib",
        "location": "Saraqib", "latitude": 35.86, "longitude": 36.81, "geo_precision": "town",
        "source": "Idlib Voice", "notes": "shells killed seven", "fatalities": 7,
    }


def test_a_linked_incident_in_conflict_event_columns():
    row = conflict_row(LINKED)
    assert row["event_type"] == "Explosions/Remote violence"
    assert row["sub_event_type"] == "Air/drone strike"
    assert row["actor1"] == "Russian Aerospace Forces"
    assert row["source"] == "Ministry; Wire"
    assert row["fatalities"] == 11
    assert row["notes"] == "a party denies it"


def test_conflict_csv_writes_the_header_then_a_row_each():
    out = io.StringIO()
    assert EXPORTERS["conflict-csv"]([CLAIM, LINKED], out) == 2
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == CONFLICT_COLUMNS
    assert rows[2][CONFLICT_COLUMNS.index("location")] == "Ariha"


def test_geojson_places_claims_and_incidents_and_keeps_unplaced_ones():
    out = io.StringIO()
    unplaced = {**CLAIM, "latitude": None, "longitude": None}
    assert EXPORTERS["geojson"]([CLAIM, LINKED, unplaced], out) == 3
    collection = json.loads(out.getvalue())
    features = collection["features"]
    assert collection["type"] == "FeatureCollection"
    assert features[0]["geometry"] == {"type": "Point", "coordinates": [36.81, 35.86]}
    assert features[1]["geometry"]["coordinates"] == [36.61, 35.81]
    assert features[2]["geometry"] is None
    assert features[0]["properties"]["outlet"] == "Idlib Voice"
    assert "summary" not in features[1]["properties"]
