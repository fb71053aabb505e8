"""Precision/recall/F1 arithmetic, field tallies and linking scores, computed by hand."""

from __future__ import annotations

import pytest

from harmtrace.evaluate.fields import INCIDENT_FIELDS
from harmtrace.evaluate.metrics import PRF, FieldTally, link_scores


def test_prf_arithmetic() -> None:
    prf = PRF(tp=3, fp=1, fn=2)
    assert prf.precision == pytest.approx(0.75)
    assert prf.recall == pytest.approx(0.6)
    assert prf.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)


def test_prf_from_counts_and_sum() -> None:
    a = PRF.from_counts(matched=2, predicted=3, gold=5)
    assert (a.tp, a.fp, a.fn) == (2, 1, 3)
    assert a + PRF(1, 0, 1) == PRF(3, 1, 4)


@pytest.mark.parametrize(("prf", "expected"), [
    (PRF(), (1.0, 1.0, 1.0)),            # nothing to find, nothing predicted
    (PRF(fn=4), (0.0, 0.0, 0.0)),        # nothing predicted: zero recall, no error
    (PRF(fp=2), (0.0, 0.0, 0.0)),        # only false alarms
    (PRF(fp=1, fn=1), (0.0, 0.0, 0.0)),
])
def test_prf_zero_division(prf: PRF, expected: tuple[float, float, float]) -> None:
    assert (prf.precision, prf.recall, prf.f1) == expected


def test_prf_json() -> None:
    assert PRF(1, 1, 0).to_json() == {"tp": 1, "fp": 1, "fn": 0, "precision": 0.5,
                                      "recall": 1.0, "f1": pytest.approx(2 / 3)}


def test_field_tally_counts_matched_pairs_and_declares_empty_fields() -> None:
    tally = FieldTally()
    tally.declare("incidents", INCIDENT_FIELDS)
    gold = {"perpetrator": "Islamic State", "killed_low": 12, "date_start": "2017-03-17",
            "date_end": "2017-03-17"}
    tally.add("incidents", INCIDENT_FIELDS, {**gold, "perpetrator": "ISIS"}, gold)
    tally.add("incidents", INCIDENT_FIELDS, {**gold, "killed_low": 13,
                                              "date_end": "2017-03-18"}, gold)
    accuracy = tally.accuracies()
    assert accuracy["incidents.perpetrator"] == 1.0
    assert accuracy["incidents.killed_low"] == 0.5
    assert accuracy["incidents.date"] == 0.5
    assert tally.counts["incidents.country"] == [2, 2]  # null on both sides agrees
    empty = FieldTally()
    empty.declare("incidents", INCIDENT_FIELDS)
    assert empty.accuracies()["incidents.date"] is None


def test_link_scores_on_a_hand_computed_example() -> None:
    # Gold: a, b, c are one incident, d and e another.
    # System: {a, b}, {c, d}, {e}.
    gold = {"a": "K1", "b": "K1", "c": "K1", "d": "K2", "e": "K2"}
    system = {"a": "X", "b": "X", "c": "Y", "d": "Y", "e": "Z"}
    scores = link_scores(gold, system)
    # Gold pairs ab ac bc de (4); system pairs ab cd (2); both: ab.
    assert scores.pairwise == PRF(tp=1, fp=1, fn=3)
    assert scores.pairwise.precision == 0.5
    assert scores.pairwise.recall == 0.25
    assert scores.pairwise.f1 == pytest.approx(1 / 3)
    # B-cubed per claim (precision, recall): a, b (1, 2/3); c (1/2, 1/3); d (1/2, 1/2);
    # e (1, 1/2) -> precision 4/5, recall 8/15, F1 0.64.
    assert scores.bcubed_precision == pytest.approx(0.8)
    assert scores.bcubed_recall == pytest.approx(8 / 15)
    assert scores.bcubed_f1 == pytest.approx(0.64)
    assert scores.claims == 5


def test_claims_without_key_or_incident_stand_alone() -> None:
    gold = {"a": "K1", "b": "K1", "c": None, "d": None}
    system = {"a": "X", "c": "X"}  # b has no predicted incident
    scores = link_scores(gold, system)
    # Gold pairs: ab. System pairs: ac. None shared.
    assert scores.pairwise == PRF(tp=0, fp=1, fn=1)


def test_perfect_linking_scores_one() -> None:
    gold = {1: "K1", 2: "K1", 3: "K2"}
    scores = link_scores(gold, {1: "p", 2: "p", 3: "q"})
    assert (scores.pairwise.f1, scores.bcubed_f1) == (1.0, 1.0)


def test_no_matched_claims_has_no_link_scores() -> None:
    scores = link_scores({}, {})
    assert scores.to_json()["bcubed"] == {"precision": None, "recall": None, "f1": None}
    assert scores.to_json()["pairwise"]["f1"] is None
