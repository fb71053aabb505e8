import csv
import io
import json

from harmtrace.export import EXPORTERS

ROWS = [
    {"speaker": "Leila Nasser", "content": 'Markets are "not" targets,\nshe said', "area": ["SY"]},
    {"speaker": "Ministry of Defence", "content": "no aircraft flew", "area": []},
]


def test_jsonl_writes_one_object_per_line():
    out = io.StringIO()
    assert EXPORTERS["jsonl"](iter(ROWS), out) == 2
    assert [json.loads(line) for line in out.getvalue().splitlines()] == ROWS


def test_csv_quotes_text_and_encodes_lists_as_json():
    out = io.StringIO()
    assert EXPORTERS["csv"](iter(ROWS), out) == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows[0]["content"] == ROWS[0]["content"]
    assert json.loads(rows[0]["area"]) == ["SY"]


def test_nothing_to_write_writes_nothing():
    out = io.StringIO()
    assert EXPORTERS["csv"](iter([]), out) == 0
    assert out.getvalue() == ""
