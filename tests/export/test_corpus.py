"""The annotation-format export: documents in FORMAT.md's shape, one file per report."""

import json

import pytest

from harmtrace.errors import HarmtraceError
from harmtrace.evaluate.validate import check_document
from harmtrace.export import FOLDER_EXPORTERS, FORMATS
from harmtrace.export.corpus import file_name, record_document, report_document
from harmtrace.records import Aggregate, IncidentClaim, Report, Statement

TEXT = ("Shelling of a bus stop in Donetsk killed five civilians on Friday, officials said.\n\n"
        '"It was a market day," said Olena Koval, a volunteer.')
REPORT = Report(id="9f3c2a41b0d7e655", text=TEXT, title="Bus stop shelled", url=None,
                outlet="Example Wire", published="2022-06-10", language="en",
                source="feeds/donetsk.txt")
CLAIM = IncidentClaim(
    event_type="shelling", evidence="Shelling of a bus stop in Donetsk killed five civilians",
    start=0, end=56, location="Donetsk", country="UA", latitude=48.0, longitude=37.8,
    date_start="2022-06-10", date_end="2022-06-10", date_precision="day", killed_low=5,
    killed_high=5, victims="civilians", claimed_by="officials", confidence=0.8,
    rule="claims.casualty/2",
)
QUOTE = Statement(speaker="Olena Koval", kind="direct", content="It was a market day,",
                  cue="said", start=TEXT.index("It was"), end=TEXT.index(" said Olena") - 1,
                  speaker_text="Olena Koval", speaker_role="volunteer", confidence=0.9,
                  rule="statements.quote/1")
TOTAL = Aggregate(evidence="killed five civilians", start=34, end=55, area=("UA",))


def test_a_report_becomes_a_valid_document_with_provenance() -> None:
    records = {"incidents": [{**CLAIM.to_dict(), "origin": "machine", "incident_id": 4}],
               "statements": [QUOTE.to_dict()], "aggregates": [TOTAL.to_dict()]}
    doc = report_document(REPORT, records)
    assert list(doc) == ["id", "url", "outlet", "published", "language", "title", "text",
                         "incidents", "statements", "aggregates"]
    claim = doc["incidents"][0]
    assert list(claim)[:3] == ["event_type", "date_start", "date_end"]
    assert claim["incident_key"] is None
    assert (claim["confidence"], claim["rule"], claim["origin"], claim["incident_id"]) == (
        0.8, "claims.casualty/2", "machine", 4)
    assert "latitude" not in claim and "note" not in claim
    assert "speaker_text" not in doc["statements"][0]
    assert doc["aggregates"][0]["area"] == ["UA"]
    assert check_document(doc, "doc.json") == []


def test_a_note_is_kept_when_the_record_has_one() -> None:
    gold = {"speaker": "Olena Koval", "kind": "direct", "content": "It was a market day,",
            "cue": "said", "note": "a volunteer, not an official"}
    assert record_document("statements", gold)["note"] == "a volunteer, not an official"


def test_one_file_per_report_named_by_id(tmp_path) -> None:
    docs = [report_document(REPORT, {}), report_document(
        Report(id="dev/007 raqqa", text="Text."), {})]
    folder = tmp_path / "out" / "corpus"
    assert FOLDER_EXPORTERS["corpus"](iter(docs), folder) == 2
    assert sorted(p.name for p in folder.iterdir()) == ["9f3c2a41b0d7e655.json",
                                                        "dev_007_raqqa.json"]
    back = json.loads((folder / "9f3c2a41b0d7e655.json").read_text(encoding="utf-8"))
    assert back == docs[0]
    assert "corpus" in FORMATS


def test_two_reports_may_not_share_a_file(tmp_path) -> None:
    docs = [report_document(Report(id=name, text="Text."), {}) for name in ("a b", "a/b")]
    with pytest.raises(HarmtraceError, match="share a file name"):
        FOLDER_EXPORTERS["corpus"](docs, tmp_path)


def test_file_names_stay_inside_the_folder() -> None:
    for hostile in ("../../etc/passwd", "..", "/abs", ".hidden"):
        name = file_name(hostile)
        assert "/" not in name and not name.startswith(".") and name.endswith(".json")
    assert file_name("..") == "_.json"
