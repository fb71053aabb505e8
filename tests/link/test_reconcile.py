"""The reconciled range, dates, blame and place of an incident's claims."""

from __future__ import annotations

from harmtrace.link.reconcile import RANGE_RULE, figure_range, killed_range, reconcile


def test_range_is_the_lowest_low_and_the_highest_figure():
    # "at least 101", "105", "up to 240", "between 150 and 200"
    found = figure_range([(101, None), (105, 105), (None, 240), (150, 200)])
    assert (found.low, found.high, found.claims) == (101, 240, 4)


def test_a_figure_with_only_a_low_is_its_own_high():
    found = figure_range([(101, None), (61, 61)])
    assert (found.low, found.high) == (61, 101)


def test_no_figure_no_range():
    found = figure_range([(None, None)])
    assert (found.low, found.high, found.claims) == (None, None, 0)


def test_denials_and_combatant_counts_stay_out_of_civilian_harm(make_claim):
    claims = [make_claim(killed_low=19, killed_high=19),
              make_claim(killed_low=None, killed_high=None, negated=True),
              make_claim(killed_low=30, killed_high=30, victims="combatants")]
    civilians = killed_range(claims)
    assert (civilians.low, civilians.high, civilians.claims) == (19, 19, 1)
    fighters = killed_range(claims, combatants=True)
    assert (fighters.low, fighters.high) == (30, 30)


def test_summary_brackets_dates_and_names_every_blamed_actor(make_ref):
    refs = [
        make_ref(1, "r1", claimed_by="local media"),
        make_ref(2, "r2", date_start="2017-03-18", date_end="2017-03-18",
                 perpetrator="ISIS", event_type="bombing", killed_low=61, killed_high=61,
                 claimed_by="Iraqi Joint Operations Command"),
        make_ref(3, "r2", perpetrator="US-led coalition", negated=True, killed_low=None,
                 killed_high=None, claimed_by="Iraqi Joint Operations Command"),
        make_ref(4, "r3", location="Mosul", admin=None, geo_precision="city",
                 date_start="2017-03", date_end=None, date_precision="month"),
    ]
    summary = reconcile(refs)
    assert summary["date_start"] == "2017-03-01"
    assert summary["date_end"] == "2017-03-31"
    assert summary["killed"] == {"low": 61, "high": 100, "claims": 3, "rule": RANGE_RULE}
    assert summary["perpetrators"] == [
        {"actor": "Islamic State", "claimed_by": ["Iraqi Joint Operations Command"]},
        {"actor": "US-led coalition", "claimed_by": ["local media", "reporter"]},
    ]
    assert summary["denied_by"] == ["Iraqi Joint Operations Command"]
    assert summary["event_types"] == ["airstrike", "bombing"]
    assert summary["country"] == "IQ"
    assert summary["location"] == "al-Jadida"
    assert (summary["claims"], summary["reports"]) == (4, 3)
