"""Loading annotated corpus folders, well formed and not."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from harmtrace.errors import CorpusError
from harmtrace.evaluate.corpus import gold_extraction, load_corpus, load_gold_report


def test_loads_report_and_gold_records(write_corpus: Callable[..., Path],
                                       doc: dict[str, Any]) -> None:
    folder = write_corpus(a=doc)
    reports, problems = load_corpus(folder)
    assert problems == []
    (gold,) = reports
    assert gold.report.id == "test-001"
    assert gold.report.text == doc["text"]
    assert gold.report.published == "2017-03-18"
    assert gold.report.source == str(folder / "a.json")
    assert [r["location"] for r in gold.incidents] == ["al-Jadida", "Zanjili"]
    assert len(gold.statements) == 2
    assert gold.aggregates[0]["killed_low"] == 396


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d["incidents"][1].update(event_type="strike"), "incidents[1].event_type"),
    (lambda d: d["incidents"][0].update(date_start="17 March"), "incidents[0].date_start"),
    (lambda d: d["incidents"][0].update(evidence="not in the text"), "incidents[0].evidence"),
    (lambda d: d["incidents"][0].update(killed_low="12"), "incidents[0].killed_low"),
    (lambda d: d["statements"][0].update(content="words never said"), "statements[0].content"),
    (lambda d: d["statements"][1].pop("speaker"), "statements[1].speaker"),
    (lambda d: d["aggregates"][0].update(area="IQ"), "aggregates[0].area"),
    (lambda d: d.pop("statements"), "statements: must be a list"),
    (lambda d: d.update(id=""), "id: must be a non-empty string"),
])
def test_malformed_file_names_file_and_field(write_corpus: Callable[..., Path],
                                             doc: dict[str, Any],
                                             change: Callable[[dict[str, Any]], object],
                                             message: str) -> None:
    change(doc)
    folder = write_corpus(bad=doc)
    with pytest.raises(CorpusError) as caught:
        load_gold_report(folder / "bad.json")
    assert caught.value.path == str(folder / "bad.json")
    assert message in caught.value.reason


def test_bad_files_are_reported_and_the_others_still_load(write_corpus: Callable[..., Path],
                                                          doc: dict[str, Any]) -> None:
    folder = write_corpus(a_good=doc, b_broken="{not json", c_list="[]")
    reports, problems = load_corpus(folder)
    assert [g.report.id for g in reports] == ["test-001"]
    assert [Path(p.path).name for p in problems] == ["b_broken.json", "c_list.json"]
    assert "not readable as JSON" in problems[0].reason


def test_missing_or_empty_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="not a directory"):
        load_corpus(tmp_path / "nowhere")
    with pytest.raises(CorpusError, match=r"no \*\.json files"):
        load_corpus(tmp_path)


def test_gold_extraction_points_at_the_gold_words(write_corpus: Callable[..., Path],
                                                  doc: dict[str, Any]) -> None:
    gold = load_gold_report(write_corpus(a=doc) / "a.json")
    extraction = gold_extraction(gold)
    text = doc["text"]
    assert extraction.report_id == "test-001"
    claim = extraction.incidents[1]
    assert text[claim.start:claim.end] == doc["incidents"][1]["evidence"]
    assert (claim.perpetrator, claim.killed_low, claim.location) == ("Islamic State", 3, "Zanjili")
    said = extraction.statements[0]
    assert text[said.start:said.end] == "We did not target civilians"
    assert extraction.aggregates[0].area == ("IQ", "SY")
