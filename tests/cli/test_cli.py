"""The commands end to end, through Typer's runner and, for the entry point, a real process."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
from typer.testing import CliRunner

from harmtrace import store
from harmtrace.cli import app
from harmtrace.config import database_url
from harmtrace.store import open_store

SAMPLE = str(resources.files("harmtrace") / "data" / "sample")
runner = CliRunner()


@pytest.fixture
def db(tmp_path) -> str:
    return str(tmp_path / "cli.db")


@pytest.fixture
def filled(db) -> str:
    result = runner.invoke(app, ["ingest", SAMPLE, "--db", db, "--quiet"])
    assert result.exit_code == 0, result.output
    return db


def test_ingest_prints_a_summary(db):
    result = runner.invoke(app, ["ingest", SAMPLE, "--db", db, "--quiet"])
    assert result.exit_code == 0
    assert "new reports stored" in result.output
    assert "near-copies" in result.output


def test_ingest_exit_status_says_something_failed(db, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "A mortar round killed two farmers near Kharkiv on Sunday."}\n[\n')
    result = runner.invoke(app, ["ingest", str(bad), "--db", db, "--quiet"])
    assert result.exit_code == 1
    assert "bad.jsonl:2" in result.output


def test_ingest_reads_stdin(db):
    text = "Shelling of a bus stop in Donetsk killed five civilians on Friday, officials said.\n"
    result = runner.invoke(app, ["ingest", "-", "--db", db, "--quiet"], input=text)
    assert result.exit_code == 0, result.output
    with open_store(database_url(db))() as session:
        (stored,) = store.list_reports(session)
    assert stored.incidents == 1


def test_reports_and_show(filled):
    listing = runner.invoke(app, ["reports", "--db", filled])
    assert listing.exit_code == 0
    assert "Saraqib" in listing.output
    with open_store(database_url(filled))() as session:
        report_id = next(r.id for r in store.list_reports(session)
                         if r.title and "Saraqib school" in r.title)
    shown = runner.invoke(app, ["show", report_id[:8], "--db", filled], terminal_width=200)
    assert shown.exit_code == 0, shown.output
    assert "Samer Khalil" in shown.output
    assert "Saraqib" in shown.output


def test_show_unknown_id_is_an_error(filled):
    result = runner.invoke(app, ["show", "ffffffffff", "--db", filled])
    assert result.exit_code != 0


def test_export_jsonl_has_every_kind(filled, tmp_path):
    out = tmp_path / "records.jsonl"
    result = runner.invoke(app, ["export", "--format", "jsonl", "--out", str(out), "--db", filled])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    kinds = {row["kind"] for row in rows}
    assert {"incidents", "statements"} <= kinds
    text_of = {row["report_id"]: row for row in rows}
    assert all(row["report_id"] in text_of for row in rows)


def test_export_csv_of_statements(filled):
    result = runner.invoke(app, ["export", "--format", "csv", "--kind", "statements",
                                 "--db", filled])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and {"speaker", "content", "cue", "report_id"} <= set(rows[0])


def test_export_rejects_unknown_format(filled):
    result = runner.invoke(app, ["export", "--format", "xml", "--db", filled])
    assert result.exit_code != 0


def test_demo_uses_its_own_store(tmp_path):
    db = tmp_path / "demo.db"
    result = runner.invoke(app, ["demo", "--db", str(db)], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert db.exists()
    assert "Incident claims" in result.output


def test_entry_point_reports_errors_without_a_traceback(tmp_path):
    store = tmp_path / "empty.db"
    process = subprocess.run(
        [sys.executable, "-c", "from harmtrace.cli import main; main()", "show", "abcdef123",
         "--db", str(store)],
        capture_output=True, text=True, check=False,
    )
    assert process.returncode == 2
    assert "no stored report" in process.stderr
    assert "Traceback" not in process.stderr


@pytest.mark.slow
def test_eval_json_on_the_dev_corpus(dev_corpus: Path):
    result = runner.invoke(app, ["eval", str(dev_corpus), "--json"])
    assert result.exit_code == 0
    scores = json.loads(result.stdout)
    assert scores["reports"] == len(list(dev_corpus.glob("*.json")))
    for kind in ("incidents", "statements", "aggregates"):
        assert set(scores[kind]) == {"tp", "fp", "fn", "precision", "recall", "f1"}
    assert "incidents.date" in scores["fields"] and "statements.speaker" in scores["fields"]


def test_speakers_lists_who_is_quoted_with_counts(filled):
    result = runner.invoke(app, ["speakers", "--db", filled], terminal_width=200)
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if "Omar Haddad" in line]
    assert lines, result.output
    assert " 2 " in lines[0]
