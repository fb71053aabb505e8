from __future__ import annotations

import json
from pathlib import Path

from harmtrace.read.jsonl import read_json, read_jsonl
from harmtrace.records import ReadProblem, Report

TEXT = "The council said an air strike on the covered market killed at least 14 civilians."


def test_jsonl_bad_lines_are_problems_and_the_rest_is_read(resources: Path) -> None:
    path = resources / "karvel_reports.jsonl"
    items = list(read_jsonl(path.read_text("utf-8"), str(path)))
    assert [type(item) for item in items] == [Report, Report, ReadProblem, ReadProblem, Report]
    assert [item.source for item in items] == [f"{path}:{n}" for n in (1, 2, 3, 4, 5)]
    assert items[2].reason.startswith("malformed JSON line")
    assert items[3].reason == 'missing or empty "text"'


def test_jsonl_fields(resources: Path) -> None:
    path = resources / "karvel_reports.jsonl"
    first, french, *_, last = read_jsonl(path.read_text("utf-8"), "r.jsonl")
    assert first.title == "Karvel council gives toll"
    assert first.url == "https://council.example.org/notices/14"
    assert first.outlet == "example.org"
    assert first.published == "2023-05-02"
    assert first.language == "en"
    assert french.outlet == "Journal d'Ostra"
    assert french.published == "2023-05-02"
    assert french.language == "fr"  # detected: the line declares none
    assert last.published == "2023-05-03"
    assert last.title is None


def test_jsonl_skips_blank_lines_and_keeps_line_numbers() -> None:
    text = "\n" + json.dumps({"text": TEXT}) + "\n\n  \n" + json.dumps({"text": TEXT + " Later."})
    items = list(read_jsonl(text, "r.jsonl"))
    assert [item.source for item in items] == ["r.jsonl:2", "r.jsonl:5"]


def test_jsonl_line_separator_inside_a_string_is_not_a_line_break() -> None:
    [report] = read_jsonl(json.dumps({"text": f"{TEXT}\u2028Second."}, ensure_ascii=False), "r")
    assert isinstance(report, Report)
    assert report.text == f"{TEXT}\nSecond."


def test_jsonl_non_object_and_wrongly_typed_fields() -> None:
    lines = [json.dumps(["text", TEXT]), json.dumps({"text": TEXT, "title": 7, "published": 2017})]
    problem, report = read_jsonl("\n".join(lines), "r.jsonl")
    assert problem == ReadProblem("r.jsonl:1", "expected a JSON object, found list")
    assert isinstance(report, Report)
    assert report.title is None
    assert report.published is None


def test_json_corpus_file_reads_as_the_bare_report() -> None:
    record = {
        "id": "dev-999",
        "url": "https://wire.example/2017/04/02/story",
        "outlet": "International wire service",
        "published": "2017-04-02",
        "language": "en",
        "title": "Headline",
        "text": TEXT,
        "incidents": [{"event_type": "airstrike", "killed_low": 14}],
        "statements": [],
        "aggregates": [],
        "notes": ["ignored"],
    }
    [report] = read_json(json.dumps(record), "dev-999.json")
    assert report == Report(
        id=report.id,
        text=TEXT,
        title="Headline",
        url="https://wire.example/2017/04/02/story",
        outlet="International wire service",
        published="2017-04-02",
        language="en",
        source="dev-999.json",
    )


def test_json_list_with_a_bad_item() -> None:
    items = list(read_json(json.dumps([{"text": TEXT}, {"text": ""}, "x"]), "list.json"))
    assert isinstance(items[0], Report)
    assert items[0].source == "list.json[0]"
    assert items[1:] == [
        ReadProblem("list.json[1]", 'missing or empty "text"'),
        ReadProblem("list.json[2]", "expected a JSON object, found str"),
    ]


def test_json_malformed_and_empty_list() -> None:
    [broken] = read_json('{"text": "unterminated', "bad.json")
    assert broken.source == "bad.json"
    assert broken.reason.startswith("malformed JSON")
    assert list(read_json("[]", "empty.json")) == [
        ReadProblem("empty.json", "the JSON list holds no reports")
    ]
