"""Pairing predicted with gold records by the FORMAT.md rules, on hand-made records."""

from __future__ import annotations

from typing import Any

import pytest

from harmtrace.evaluate.matching import (
    match_aggregates,
    match_incidents,
    match_statements,
    speakers_agree,
)
from harmtrace.records import IncidentClaim, Statement


def incident(**fields: Any) -> dict[str, Any]:
    record = {"event_type": "airstrike", "location": "al-Jadida", "admin": "Mosul",
              "date_start": "2017-03-17", "date_end": "2017-03-17", "evidence": "x"}
    record.update(fields)
    return record


def test_identical_incident_matches() -> None:
    assert match_incidents([incident()], [incident()]) == [(0, 0)]


@pytest.mark.parametrize(("start", "end", "matches"), [
    ("2017-03-18", "2017-03-18", True),   # one day after: within one day
    ("2017-03-16", "2017-03-16", True),   # one day before
    ("2017-03-19", "2017-03-19", False),  # two days after
    ("2017-03-15", "2017-03-15", False),  # two days before
    ("2017-03-10", "2017-03-16", True),   # a week ending the day before
    ("2017-03", "2017-03", True),         # the month holds the day
    ("2017-04", "2017-04", False),        # the next month starts 15 days later
    (None, None, False),                  # a missing date does not match a given one
])
def test_incident_dates_match_within_one_day(start: str | None, end: str | None,
                                             matches: bool) -> None:
    pred = incident(date_start=start, date_end=end)
    assert bool(match_incidents([pred], [incident()])) is matches


def test_missing_dates_on_both_sides_match() -> None:
    undated = incident(date_start=None, date_end=None)
    assert match_incidents([undated], [undated]) == [(0, 0)]


@pytest.mark.parametrize(("location", "admin", "matches"), [
    ("Mosul", None, True),           # predicted the city the gold gives as admin area
    ("Al Jadida", "Mosul", True),    # case and a leading al- do not count
    ("JADIDA", None, True),
    ("Zanjili", "Mosul", False),     # another neighbourhood of the same city
    (None, "al-Jadida", True),       # the predicted admin area is the gold location
    ("Raqqa", None, False),
])
def test_incident_location_or_admin_area_agrees(location: str | None, admin: str | None,
                                                matches: bool) -> None:
    pred = incident(location=location, admin=admin)
    assert bool(match_incidents([pred], [incident()])) is matches


def test_gold_location_inside_predicted_admin_area_matches() -> None:
    gold = incident(location="Mosul", admin=None)
    assert match_incidents([incident(location="al-Jadida", admin="Mosul")], [gold]) == [(0, 0)]


def test_event_types_must_be_equal() -> None:
    assert match_incidents([incident(event_type="bombing")], [incident()]) == []


def test_incidents_pair_one_to_one_keeping_as_many_pairs_as_possible() -> None:
    gold = [incident(location="Mosul", admin=None, killed_low=5),
            incident(location="al-Jadida", admin="Mosul", killed_low=5)]
    # The first prediction fits both gold records and the second gold record best;
    # the second prediction only fits the second gold record.
    pred = [incident(location="al-Jadida", admin="Mosul", killed_low=5),
            incident(location="al-Jadida", admin=None, killed_low=9)]
    assert match_incidents(pred, gold) == [(0, 0), (1, 1)]


def test_closest_of_two_candidates_wins() -> None:
    gold = [incident(claimed_by="Amnesty International", killed_low=150),
            incident(claimed_by="US-led coalition", killed_low=105)]
    pred = [incident(claimed_by="the coalition", killed_low=105)]
    assert match_incidents(pred, gold) == [(0, 1)]


def test_record_objects_and_dicts_are_both_accepted() -> None:
    claim = IncidentClaim(event_type="airstrike", evidence="x", start=0, end=1,
                          location="al-Jadida", date_start="2017-03-17", date_end="2017-03-17")
    assert match_incidents([claim], [incident()]) == [(0, 0)]


TEXT = "The minister said the strikes were lawful and precise, and that none had hit homes."
GOLD_CONTENT = "the strikes were lawful"   # 23 characters at TEXT.index(GOLD_CONTENT)


def statement(content: str | None = None, start: int | None = None, end: int | None = None,
              speaker: str = "Ali Hassan") -> dict[str, Any]:
    return {"speaker": speaker, "kind": "indirect", "content": content, "cue": "said",
            "start": start, "end": end}


def test_statement_span_overlap_of_exactly_half_the_shorter_matches() -> None:
    start = TEXT.index(GOLD_CONTENT)
    # a 22-character prediction sharing its first 11 characters with the gold span's last 11
    pred = statement(start=start + 12, end=start + 34)
    assert match_statements([pred], [statement(GOLD_CONTENT)], TEXT) == [(0, 0)]


def test_statement_span_overlap_under_half_does_not_match() -> None:
    start = TEXT.index(GOLD_CONTENT)
    pred = statement(start=start + 13, end=start + 35)  # shares 10 of 22
    assert match_statements([pred], [statement(GOLD_CONTENT)], TEXT) == []


def test_statement_without_offsets_is_found_by_its_content() -> None:
    pred = statement("the strikes were lawful and precise")
    assert match_statements([pred], [statement(GOLD_CONTENT)], TEXT) == [(0, 0)]


def test_statement_objects_use_their_offsets() -> None:
    start = TEXT.index("none had hit homes")
    pred = Statement(speaker="Ali Hassan", kind="indirect", content="none had hit homes",
                     cue="said", start=start, end=start + 18)
    gold = statement("that none had hit homes")
    assert match_statements([pred], [gold], TEXT) == [(0, 0)]


def test_statement_speakers_must_agree() -> None:
    pred = statement(GOLD_CONTENT, speaker="Omar Khalil")
    assert match_statements([pred], [statement(GOLD_CONTENT)], TEXT) == []


@pytest.mark.parametrize(("a", "b", "agree"), [
    ("Konashenkov", "Igor Konashenkov", True),
    ("Maj. Gen. Igor Konashenkov", "Igor Konashenkov", True),
    ("ISIS", "Islamic State", True),
    ("al-Houthi", "Abdul-Malik al-Houthi", True),
    ("Igor Ivanov", "Igor Konashenkov", False),
    ("Hamas", "Islamic State", False),
    ("", "Igor Konashenkov", False),
])
def test_speakers_agree(a: str, b: str, agree: bool) -> None:
    assert speakers_agree(a, b) is agree


def test_repeated_gold_words_match_wherever_they_occur() -> None:
    text = "He said no. Later he said no."
    second = text.rindex("no")
    pred = statement(start=second, end=second + 2)
    assert match_statements([pred], [statement("no")], text) == [(0, 0)]


def test_aggregates_match_on_overlapping_evidence() -> None:
    text = "The coalition says its strikes have killed at least 396 civilians since 2014."
    gold = {"actor": "US-led coalition", "evidence": "killed at least 396 civilians since 2014",
            "area": ["IQ"]}
    pred = {"actor": "US-led coalition", "evidence": "its strikes have killed at least 396",
            "area": ["IQ"]}
    elsewhere = {"actor": "US-led coalition", "evidence": "The coalition says", "area": []}
    assert match_aggregates([elsewhere, pred], [gold], text) == [(1, 0)]


def test_empty_sides_give_no_pairs() -> None:
    assert match_incidents([], [incident()]) == []
    assert match_statements([statement(GOLD_CONTENT)], [], TEXT) == []
