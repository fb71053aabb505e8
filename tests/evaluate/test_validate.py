"""Annotation files checked field by field, each problem naming file, record and field."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from harmtrace.evaluate.validate import check_document, validate_paths


def where(problems) -> set[tuple[str | None, str | None]]:
    return {(p.record, p.field) for p in problems}


def test_a_well_formed_file_has_no_problem(doc: dict[str, Any]) -> None:
    assert check_document(doc, "a.json") == []


@pytest.mark.parametrize(("kind", "index", "name", "value", "words"), [
    ("incidents", 0, "event_type", "air strike", "must be one of airstrike"),
    ("incidents", 0, "date_precision", "days", "must be one of day"),
    ("incidents", 1, "victims", "civilian", "must be one of civilians"),
    ("incidents", 0, "date_start", "2017-02-30", "ISO date"),
    ("incidents", 0, "date_end", "March 17", "ISO date"),
    ("incidents", 0, "location", None, "non-empty string"),
    ("incidents", 0, "country", "Iraq", "alpha-2"),
    ("incidents", 0, "killed_low", -1, "whole number"),
    ("incidents", 0, "killed_high", "12", "whole number"),
    ("incidents", 0, "negated", "no", "true or false"),
    ("incidents", 0, "evidence", "An air strike on a house in Jadida", "exact substring"),
    ("statements", 0, "kind", "quote", "must be one of direct"),
    ("statements", 1, "speaker", " ", "non-empty string"),
    ("statements", 0, "content", "We never targeted civilians", "exact substring"),
    ("statements", 0, "cue", "stated", "must occur in text"),
    ("aggregates", 0, "area", "IQ", "list of ISO"),
    ("aggregates", 0, "area", ["iq"], "list of ISO"),
    ("aggregates", 0, "period_end", "2017-13", "ISO date"),
    ("incidents", 0, "confidence", 1.5, "from 0 to 1"),
    ("incidents", 0, "origin", "human", "must be one of machine, reviewed"),
])
def test_each_bad_value_is_named_by_record_and_field(doc: dict[str, Any], kind: str,
                                                     index: int, name: str, value: Any,
                                                     words: str) -> None:
    doc[kind][index][name] = value
    (problem,) = check_document(doc, "a.json")
    assert (problem.file, problem.record, problem.field) == ("a.json", f"{kind}[{index}]", name)
    assert words in problem.message
    assert str(problem).startswith(f"a.json: {kind}[{index}].{name}: ")


def test_unknown_and_missing_fields(doc: dict[str, Any]) -> None:
    doc["incidents"][0]["killed_hgih"] = 12
    del doc["statements"][1]["cue"]
    doc["reporter"] = "someone"
    del doc["aggregates"]
    problems = check_document(doc, "a.json")
    assert where(problems) == {("incidents[0]", "killed_hgih"), ("statements[1]", "cue"),
                               (None, "reporter"), (None, "aggregates")}
    messages = {p.field: p.message for p in problems}
    assert messages["killed_hgih"] == "unknown field"
    assert messages["cue"] == "missing"


@pytest.mark.parametrize(("kind", "low", "high", "values"), [
    ("incidents", "killed_low", "killed_high", (12, 10)),
    ("incidents", "injured_low", "injured_high", (5, 4)),
    ("incidents", "date_start", "date_end", ("2017-03-18", "2017-03-17")),
    ("aggregates", "period_start", "period_end", ("2017", "2016-12")),
])
def test_low_may_not_exceed_high(doc: dict[str, Any], kind: str, low: str, high: str,
                                 values: tuple[Any, Any]) -> None:
    doc[kind][0][low], doc[kind][0][high] = values
    (problem,) = check_document(doc, "a.json")
    assert (problem.record, problem.field) == (f"{kind}[0]", low)
    assert f"must not be after {high}" in problem.message


def test_a_month_may_end_a_range_that_starts_inside_it(doc: dict[str, Any]) -> None:
    doc["aggregates"][0].update(period_start="2017-03-05", period_end="2017-03")
    assert check_document(doc, "a.json") == []


def test_offsets_must_cover_the_words(doc: dict[str, Any]) -> None:
    text, claim = doc["text"], doc["incidents"][0]
    start = text.index(claim["evidence"])
    claim.update(start=start, end=start + len(claim["evidence"]) + 1)  # and the space after
    assert check_document(doc, "a.json") == []
    claim.update(start=0, end=10)
    (problem,) = check_document(doc, "a.json")
    assert (problem.record, problem.field) == ("incidents[0]", "start")
    del claim["end"]
    (problem,) = check_document(doc, "a.json")
    assert problem.message == "start and end must be given together"


def test_a_prediction_is_checked_against_the_gold_text(doc: dict[str, Any]) -> None:
    gold_text = doc.pop("text")
    assert check_document(doc, "p.json", gold_text=gold_text) == []
    assert where(check_document(doc, "p.json")) == {(None, "text")}
    doc["statements"][0]["content"] = "words nobody wrote"
    (problem,) = check_document(doc, "p.json", gold_text=gold_text)
    assert (problem.record, problem.field) == ("statements[0]", "content")


def test_records_that_are_not_objects_and_files_that_are_not_reports(doc: dict[str, Any]
                                                                     ) -> None:
    doc["incidents"].append("a claim")
    doc["statements"] = {"speaker": "x"}
    assert where(check_document(doc, "a.json")) == {("incidents[2]", None), (None, "statements")}
    assert [p.message for p in check_document([doc], "a.json")] == [
        "must be a JSON object (one report)"]


def test_validate_paths_reads_folders_and_counts(write_corpus: Callable[..., Path],
                                                 doc: dict[str, Any], tmp_path: Path) -> None:
    good = json.loads(json.dumps(doc))
    doc["id"] = "test-002"
    doc["incidents"][1]["killed_low"] = 4
    folder = write_corpus(good=good, bad=doc, broken="{ not json")
    empty = tmp_path / "empty"
    empty.mkdir()
    result = validate_paths([folder, empty])
    assert result.files == 3
    assert result.records == {"incidents": 4, "statements": 4, "aggregates": 2}
    assert [(Path(p.file).name, p.where) for p in result.problems] == [
        ("bad.json", "incidents[1].killed_low"), ("broken.json", "file"), ("empty", "file"),
    ]
    assert result.files_with_problems == 3
    assert result.to_json()["problems"][0] == {
        "file": str(folder / "bad.json"), "record": "incidents[1]", "field": "killed_low",
        "message": "must not be after killed_high (4 > 3)"}


def test_the_dev_corpus_is_well_formed_here_and_for_the_shared_checker(dev_corpus: Path
                                                                        ) -> None:
    result = validate_paths([dev_corpus])
    assert result.problems == []
    assert result.files == len(list(dev_corpus.glob("*.json")))
    shared = dev_corpus.parent / "validate.py"
    if shared.is_file():
        run = subprocess.run([sys.executable, str(shared), str(dev_corpus)],
                             capture_output=True, text=True, check=False)
        assert run.returncode == 0, run.stdout
