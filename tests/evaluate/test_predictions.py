"""Prediction files written by anything, scored with the same matcher as extraction."""

from __future__ import annotations

import copy
import dataclasses
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from harmtrace.evaluate import evaluate, gold_extraction, load_corpus, score_predictions
from harmtrace.evaluate.validate import validate_paths
from harmtrace.export.corpus import report_document
from harmtrace.export.corpus import write_corpus as write_documents
from harmtrace.read.normalise import report_id
from harmtrace.records import Extraction, IncidentClaim, Report

KINDS = ("incidents", "statements", "aggregates")


def write(folder: Path, **docs: dict[str, Any]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, doc in docs.items():
        (folder / f"{name}.json").write_text(json.dumps(doc), encoding="utf-8")
    return folder


def second_report(doc: dict[str, Any]) -> dict[str, Any]:
    """Another wire's copy of the story: a new id and text, the same incident keys."""
    other = copy.deepcopy(doc)
    other["id"] = "test-002"
    other["text"] = "UPDATE: " + doc["text"]
    return other


def test_gold_against_itself_scores_one_everywhere(write_corpus: Callable[..., Path],
                                                  doc: dict[str, Any]) -> None:
    folder = write_corpus(a=doc, b=second_report(doc))
    result = score_predictions(folder, folder)
    scores = result.to_json()
    assert result.problems == ()
    for kind in KINDS:
        assert (scores[kind]["precision"], scores[kind]["recall"], scores[kind]["f1"]) == (
            1.0, 1.0, 1.0)
    assert set(scores["fields"].values()) == {1.0}
    assert "links" not in scores


def test_incident_ids_are_scored_as_linking(write_corpus: Callable[..., Path],
                                            doc: dict[str, Any], tmp_path: Path) -> None:
    folder = write_corpus(a=doc, b=second_report(doc))
    linked = [copy.deepcopy(doc), second_report(doc)]
    for report in linked:
        for claim in report["incidents"]:
            claim["incident_id"] = claim["incident_key"]
    scores = score_predictions(folder, write(tmp_path / "pred", a=linked[0], b=linked[1]))
    links = scores.to_json()["links"]
    assert links["pairwise"]["tp"] == 2 and links["pairwise"]["f1"] == 1.0
    assert links["bcubed"]["f1"] == 1.0
    for report in linked:
        for claim in report["incidents"]:
            claim["incident_id"] = 7
    lumped = score_predictions(folder, write(tmp_path / "lumped", a=linked[0], b=linked[1]))
    assert lumped.to_json()["links"]["pairwise"] == {
        "tp": 2, "fp": 4, "fn": 0, "precision": 0.3333, "recall": 1.0, "f1": 0.5}


def test_an_empty_folder_gives_zero_recall_not_an_error(write_corpus: Callable[..., Path],
                                                        doc: dict[str, Any],
                                                        tmp_path: Path) -> None:
    folder = write_corpus(a=doc)
    empty = tmp_path / "nothing"
    empty.mkdir()
    result = score_predictions(folder, empty)
    scores = result.to_json()
    assert result.problems == ()
    assert scores["incidents"] == {"tp": 0, "fp": 0, "fn": 2, "precision": 0.0, "recall": 0.0,
                                   "f1": 0.0}
    assert scores["statements"]["recall"] == scores["aggregates"]["recall"] == 0.0


def test_a_hand_edited_copy_scores_as_expected(write_corpus: Callable[..., Path],
                                               doc: dict[str, Any], tmp_path: Path) -> None:
    folder = write_corpus(a=doc)
    edited = copy.deepcopy(doc)
    edited["incidents"][1].update(killed_low=4, killed_high=4)
    edited["incidents"][0]["checked_by"] = "ana"
    del edited["statements"][1]
    result = score_predictions(folder, write(tmp_path / "pred", a=edited))
    scores = result.to_json()
    assert scores["incidents"] == {"tp": 2, "fp": 0, "fn": 0, "precision": 1.0, "recall": 1.0,
                                   "f1": 1.0}
    assert scores["statements"] == {"tp": 1, "fp": 0, "fn": 1, "precision": 1.0,
                                    "recall": 0.5, "f1": 0.6667}
    assert scores["fields"]["incidents.killed_low"] == 0.5
    assert scores["fields"]["incidents.killed_high"] == 0.5
    assert scores["fields"]["incidents.date"] == 1.0
    assert result.problems == (
        f"{tmp_path / 'pred' / 'a.json'}: incidents[0].checked_by: unknown field",)


def test_problems_are_named_and_scoring_goes_on(write_corpus: Callable[..., Path],
                                                doc: dict[str, Any], tmp_path: Path) -> None:
    folder = write_corpus(a=doc)
    wrong_span = copy.deepcopy(doc)
    wrong_span["statements"][0]["content"] = "We never targeted civilians"
    no_id = second_report(doc)
    del no_id["id"]
    stranger = second_report(doc)
    stranger["id"] = "someone-else"
    pred = write(tmp_path / "pred", a=wrong_span, b=no_id, c=stranger)
    (pred / "d.json").write_text("[1, 2", encoding="utf-8")
    result = score_predictions(folder, pred)
    problems = "\n".join(result.problems)
    assert f"{pred / 'a.json'}: statements[0].content: must be an exact substring" in problems
    assert f"{pred / 'b.json'}: id: missing" in problems
    assert f"{pred / 'c.json'}: id: no gold report has this id or text" in problems
    assert f"{pred / 'd.json'}: file: not readable as JSON" in problems
    scores = result.to_json()
    assert (scores["statements"]["tp"], scores["statements"]["fp"],
            scores["statements"]["fn"]) == (1, 1, 1)
    assert scores["incidents"]["f1"] == 1.0


def test_files_pair_with_gold_by_store_id_or_text(write_corpus: Callable[..., Path],
                                                  doc: dict[str, Any], tmp_path: Path) -> None:
    folder = write_corpus(a=doc, b=second_report(doc))
    by_store_id = dict(copy.deepcopy(doc), id=report_id(doc["text"]))
    by_text = dict(second_report(doc), id="renamed")
    twice = copy.deepcopy(doc)
    pred = write(tmp_path / "pred", a=by_store_id, b=by_text, c=twice)
    result = score_predictions(folder, pred)
    assert result.to_json()["incidents"]["tp"] == 4
    (problem,) = result.problems
    assert problem.startswith(f"{pred / 'c.json'}: id: a second prediction for gold report "
                              f"'test-001' (the first is {pred / 'a.json'})")


def test_offsets_into_another_text_are_not_used(write_corpus: Callable[..., Path],
                                                doc: dict[str, Any], tmp_path: Path) -> None:
    folder = write_corpus(a=doc)
    shifted = copy.deepcopy(doc)
    shifted["text"] = "Some preface, paragraphs long, that the gold text does not have. " * 3 \
        + doc["text"]
    for statement in shifted["statements"]:
        start = shifted["text"].index(statement["content"])
        statement.update(start=start, end=start + len(statement["content"]))
    result = score_predictions(folder, write(tmp_path / "pred", a=shifted))
    assert result.to_json()["statements"]["tp"] == 2


def imperfect(folder: Path) -> Callable[[Report], Extraction]:
    """The gold records with a statement missed, a toll wrong and a claim made up."""
    golds = {g.report.id: gold_extraction(g, "test/v1") for g in load_corpus(folder)[0]}

    def run(report: Report) -> Extraction:
        gold = golds[report.id]
        made_up = IncidentClaim(event_type="bombing", evidence=report.text[:20], start=0, end=20,
                                location="Basra", confidence=0.25, rule="test.made_up/1")
        claims = [dataclasses.replace(gold.incidents[0], killed_low=11), *gold.incidents[1:],
                  made_up]
        return dataclasses.replace(gold, statements=gold.statements[1:], incidents=tuple(claims))
    return run


def by_location(pairs: Sequence[tuple[Report, IncidentClaim]]) -> list[str | None]:
    return [claim.location for _, claim in pairs]


@pytest.mark.parametrize("link_fn", [None, by_location])
def test_saved_predictions_score_exactly_as_the_extraction(write_corpus: Callable[..., Path],
                                                           doc: dict[str, Any], tmp_path: Path,
                                                           link_fn) -> None:
    folder = write_corpus(a=doc, b=second_report(doc))
    direct = evaluate(folder, imperfect(folder), link_fn=link_fn)
    saved = tmp_path / "saved"
    written = write_documents(
        (report_document(f.gold.report, f.predicted) for f in direct.files), saved)
    assert written == 2
    assert validate_paths([saved]).problems == []
    again = score_predictions(folder, saved)
    assert again.problems == ()
    assert again.to_json() == direct.to_json()
    assert direct.to_json()["incidents"]["fp"] == 2
    assert ("links" in direct.to_json()) == (link_fn is not None)
