"""evaluate() end to end: a corpus folder, an extractor, scores, details and tables."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from harmtrace.errors import ExtractionError
from harmtrace.evaluate import evaluate, gold_extraction, load_corpus, render
from harmtrace.records import Extraction, IncidentClaim, Report

TOP_KEYS = {"reports", "incidents", "statements", "aggregates", "fields"}
PRF_KEYS = {"tp", "fp", "fn", "precision", "recall", "f1"}


def perfect(folder: Path) -> Callable[[Report], Extraction]:
    golds = {g.report.id: gold_extraction(g) for g in load_corpus(folder)[0]}
    return lambda report: golds[report.id]


def edited(folder: Path, **changes: Any) -> Callable[[Report], Extraction]:
    """The gold extraction with the shelling claim (incidents[1]) changed."""
    extract = perfect(folder)

    def run(report: Report) -> Extraction:
        gold = extract(report)
        claims = list(gold.incidents)
        claims[1] = dataclasses.replace(claims[1], **changes)
        return dataclasses.replace(gold, incidents=tuple(claims))
    return run


def test_gold_scores_one_and_json_has_the_agreed_shape(write_corpus: Callable[..., Path],
                                                       doc: dict[str, Any]) -> None:
    folder = write_corpus(a=doc)
    scores = evaluate(folder, perfect(folder)).to_json()
    assert set(scores) == TOP_KEYS
    assert scores["reports"] == 1
    for kind in ("incidents", "statements", "aggregates"):
        assert set(scores[kind]) == PRF_KEYS
        assert (scores[kind]["f1"], scores[kind]["fp"], scores[kind]["fn"]) == (1.0, 0, 0)
    assert "incidents.date" in scores["fields"]
    assert "statements.speaker" in scores["fields"]
    assert set(scores["fields"].values()) == {1.0}


@pytest.mark.parametrize(("perpetrator", "accuracy"), [("ISIS", 1.0), ("Hamas", 0.5)])
def test_perpetrator_accuracy_goes_through_aliases(write_corpus: Callable[..., Path],
                                                   doc: dict[str, Any], perpetrator: str,
                                                   accuracy: float) -> None:
    folder = write_corpus(a=doc)
    scores = evaluate(folder, edited(folder, perpetrator=perpetrator)).to_json()
    assert scores["incidents"]["tp"] == 2
    assert scores["fields"]["incidents.perpetrator"] == accuracy


def test_a_day_off_still_matches_but_costs_date_accuracy(write_corpus: Callable[..., Path],
                                                         doc: dict[str, Any]) -> None:
    folder = write_corpus(a=doc)
    scores = evaluate(folder, edited(folder, date_start="2017-03-15",
                                     date_end="2017-03-15")).to_json()
    assert scores["incidents"]["tp"] == 2
    assert scores["fields"]["incidents.date"] == 0.5


def test_empty_prediction_gives_zero_recall(write_corpus: Callable[..., Path],
                                            doc: dict[str, Any]) -> None:
    folder = write_corpus(a=doc)
    scores = evaluate(folder, lambda report: Extraction(report_id=report.id)).to_json()
    assert scores["incidents"] == {"tp": 0, "fp": 0, "fn": 2, "precision": 0.0,
                                   "recall": 0.0, "f1": 0.0}
    assert scores["statements"]["recall"] == 0.0
    assert set(scores["fields"].values()) == {None}


def test_refused_report_counts_as_missed(write_corpus: Callable[..., Path],
                                         doc: dict[str, Any]) -> None:
    folder = write_corpus(a=doc)

    def refuse(report: Report) -> Extraction:
        raise ExtractionError(report.id, "parser gave up")

    result = evaluate(folder, refuse)
    assert result.prf("incidents").fn == 2
    assert result.problems == ("report test-001: parser gave up",)
    assert result.details()[0]["problem"] == "report test-001: parser gave up"


def test_malformed_files_are_problems_not_reports(write_corpus: Callable[..., Path],
                                                  doc: dict[str, Any]) -> None:
    folder = write_corpus(a=doc, b="{")
    result = evaluate(folder, perfect(write_corpus(a=doc)))
    assert result.reports == 1
    assert len(result.problems) == 1
    assert result.problems[0].startswith(str(folder / "b.json"))


def test_details_list_misses_and_false_positives(write_corpus: Callable[..., Path],
                                                 doc: dict[str, Any]) -> None:
    folder = write_corpus(a=doc)
    result = evaluate(folder, edited(folder, location="Raqqa"))
    (entry,) = result.details()
    assert entry["report"] == "test-001"
    (missed,) = entry["missed"]["incidents"]
    (spurious,) = entry["false_positives"]["incidents"]
    assert missed["location"] == "Zanjili"
    assert spurious["location"] == "Raqqa"
    assert spurious["evidence"] == doc["incidents"][1]["evidence"]
    assert entry["missed"]["statements"] == []
    assert evaluate(folder, perfect(folder)).details() == []


def test_render_prints_tables_and_details(write_corpus: Callable[..., Path],
                                          doc: dict[str, Any]) -> None:
    folder = write_corpus(a=doc)
    console = Console(record=True, width=160)
    render(evaluate(folder, edited(folder, location="Raqqa")), console, details=True)
    out = console.export_text()
    assert "Records (1 reports)" in out
    assert "Field accuracy" in out
    assert "incidents.perpetrator" in out
    assert "missed" in out
    assert "false positive" in out
    assert "location=Raqqa" in out


def gold_run(folder: Path) -> tuple[Callable[[Report], Extraction],
                                    Callable[[Sequence[tuple[Report, IncidentClaim]]], list[str]]]:
    """A perfect extractor, and a linker that knows each gold claim's incident key."""
    golds = load_corpus(folder)[0]
    extractions = {g.report.id: gold_extraction(g) for g in golds}
    keys = {id(claim): record["incident_key"] for g in golds
            for claim, record in zip(extractions[g.report.id].incidents, g.incidents,
                                     strict=True)}
    return (lambda report: extractions[report.id],
            lambda claims: [keys[id(claim)] for _, claim in claims])


def test_links_are_scored_when_a_linker_is_given(write_corpus: Callable[..., Path],
                                                 doc: dict[str, Any]) -> None:
    second = dict(doc, id="test-002")
    folder = write_corpus(a=doc, b=second)
    extract, link = gold_run(folder)
    scores = evaluate(folder, extract, link_fn=link).to_json()
    assert scores["links"]["claims"] == 4
    assert scores["links"]["pairwise"]["tp"] == 2
    assert scores["links"]["bcubed"]["f1"] == 1.0
    apart = evaluate(folder, extract,
                     link_fn=lambda claims: list(range(len(claims)))).to_json()
    assert apart["links"]["pairwise"]["recall"] == 0.0
    assert apart["links"]["bcubed"]["precision"] == 1.0


@pytest.mark.slow
def test_dev_corpus_scored_against_itself_is_perfect(dev_corpus: Path) -> None:
    extract, link = gold_run(dev_corpus)
    scores = evaluate(dev_corpus, extract, link_fn=link)
    result = scores.to_json()
    assert scores.problems == ()
    assert result["reports"] == len(list(dev_corpus.glob("*.json")))
    for kind in ("incidents", "statements", "aggregates"):
        assert (result[kind]["precision"], result[kind]["recall"]) == (1.0, 1.0)
    assert set(result["fields"].values()) == {1.0}
    assert (result["links"]["pairwise"]["f1"], result["links"]["bcubed"]["f1"]) == (1.0, 1.0)
