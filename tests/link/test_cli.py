"""`harmtrace link`, `incidents`, `incident ID` and the linked export, end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from harmtrace import store
from harmtrace.cli import app
from harmtrace.config import database_url
from harmtrace.records import Extraction, Report
from harmtrace.store import open_store

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path, make_claim) -> str:
    """A store with two reports of the Mosul strike and one of a Raqqa strike, unlinked."""
    path = str(tmp_path / "cli.db")
    reports = {
        "wire-report": ("Example Wire", [make_claim(claimed_by="Airwars")]),
        "coalition-release": ("CENTCOM", [make_claim(claimed_by="US-led coalition",
                                                     killed_low=105, killed_high=105)]),
        "raqqa-report": ("Example Wire", [make_claim(
            location="Raqqa", admin=None, country="SY", geo_precision="city",
            latitude=35.95, longitude=39.01, date_start="2017-09-25", date_end="2017-09-25",
            perpetrator="unknown", killed_low=32, killed_high=32)]),
    }
    items = [store.StoredItem(Report(id=rid, text=f"{rid}.", outlet=outlet,
                                     published="2017-09-30"),
                              Extraction(report_id=rid, incidents=tuple(claims),
                                         extractor="test/1"))
             for rid, (outlet, claims) in reports.items()]
    with open_store(database_url(path))() as session:
        store.save_batch(session, items=items)
    return path


def invoke(*args: str) -> str:
    result = runner.invoke(app, [*args], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    return result.output


def test_link_then_list_show_and_export(db):
    assert "3 claims linked: 1 joined an incident, 2 founded one" in invoke("link", "--db", db)
    assert "0 claims linked" in invoke("link", "--db", db)

    listing = invoke("incidents", "--db", db)
    assert "Incidents (2)" in listing
    assert "acknowledged" in listing and "single_source" in listing
    assert "100–105" in listing

    assert "Incidents (1)" in invoke("incidents", "--db", db, "--country", "SY")
    assert "Incidents (1)" in invoke("incidents", "--db", db, "--perpetrator", "coalition")
    assert "Incidents (1)" in invoke("incidents", "--db", db, "--since", "2017-09")
    assert "Incidents (0)" in invoke("incidents", "--db", db, "--grade", "denied")

    with open_store(database_url(db))() as session:
        mosul = next(row for row in store.list_incidents(session) if row.country == "IQ")
    shown = invoke("incident", str(mosul.id), "--db", db)
    assert "grade acknowledged (grade.acknowledged/1)" in shown
    assert "US-led coalition acknowledges" in shown
    for words in ("wire-repor", "CENTCOM", "Airwars", "founded the incident", "support"):
        assert words in shown

    exported = invoke("export", "--db", db, "--format", "jsonl", "--kind", "linked")
    rows = [json.loads(line) for line in exported.splitlines() if line.startswith("{")]
    assert sorted(len(row["claims"]) for row in rows) == [1, 2]
    assert {row["kind"] for row in rows} == {"linked"}


def test_bad_options_are_refused(db):
    result = runner.invoke(app, ["incidents", "--db", db, "--grade", "probable"])
    assert result.exit_code != 0
    result = runner.invoke(app, ["incident", "999", "--db", db])
    assert result.exit_code != 0
