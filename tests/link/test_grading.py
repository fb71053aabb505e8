"""Each grading rule on a small incident made for it, and the order they fire in."""

from __future__ import annotations

from harmtrace.link.entries import make_entry
from harmtrace.link.grading import agree, grade


def test_acknowledged_when_the_blamed_side_admits_civilian_harm(make_ref):
    found = grade([make_ref(1, "r1", claimed_by="Human Rights Watch"),
                   make_ref(2, "r2", claimed_by="US Central Command")])
    assert (found.grade, found.rule) == ("acknowledged", "grade.acknowledged/1")
    assert "US Central Command" in found.reason


def test_claiming_an_attack_with_no_harm_named_is_no_acknowledgement(make_ref):
    found = grade([make_ref(1, "r1", perpetrator="Houthi movement", claimed_by="Yahya Saree",
                            victims="unspecified", killed_low=None, killed_high=None)])
    assert found.grade == "single_source"


def test_contested_when_sources_blame_different_sides(make_ref):
    found = grade([make_ref(1, "r1", claimed_by="Airwars"),
                   make_ref(2, "r2", perpetrator="Islamic State",
                            claimed_by="Iraqi Joint Operations Command")])
    assert found.grade == "contested"


def test_denied_when_the_blamed_side_denies(make_ref):
    found = grade([make_ref(1, "r1", claimed_by="Airwars"),
                   make_ref(2, "r2", claimed_by="US-led coalition", negated=True,
                            killed_low=None, killed_high=None)])
    assert found.grade == "denied"


def test_corroborated_when_two_independent_sources_agree_on_time_and_place(make_ref):
    found = grade([make_ref(1, "r1", claimed_by="Airwars"),
                   make_ref(2, "r2", location="Jadidah", date_start="2017-03-18",
                            date_end="2017-03-18", perpetrator="unknown",
                            claimed_by="Amnesty International")])
    assert found.grade == "corroborated"


def test_reported_when_sources_do_not_agree_closely(make_ref):
    found = grade([make_ref(1, "r1", claimed_by="Airwars"),
                   make_ref(2, "r2", perpetrator="unknown", date_start="2017-03",
                            date_end=None, date_precision="month", claimed_by="UNAMI")])
    assert found.grade == "reported"


def test_single_source_when_copies_and_one_outlets_reports_are_all_there_is(make_ref):
    found = grade([make_ref(1, "r1", outlet="Wire"),
                   make_ref(2, "r2", outlet="Other", copy_of="r1"),
                   make_ref(3, "r3", outlet="Wire")])
    assert found.grade == "single_source"


def test_acknowledgement_outranks_contested_blame(make_ref):
    found = grade([make_ref(1, "r1", claimed_by="US-led coalition"),
                   make_ref(2, "r2", perpetrator="Islamic State", claimed_by="Airwars")])
    assert found.grade == "acknowledged"


def test_agreement_needs_close_dates_and_the_same_place(make_ref):
    a = make_entry(make_ref(1, "r1"))
    assert agree(a, make_entry(make_ref(2, "r2", date_start="2017-03-18",
                                        date_end="2017-03-18")))
    assert not agree(a, make_entry(make_ref(3, "r3", date_start="2017-03-19",
                                            date_end="2017-03-19")))
    assert not agree(a, make_entry(make_ref(4, "r4", location="Zanjili")))
