"""Each part of the score on small hand-made pairs, and the total they make."""

from __future__ import annotations

import pytest

from harmtrace.link import settings
from harmtrace.link.entries import make_entry
from harmtrace.link.scoring import (
    date_part,
    figures_part,
    perpetrator_part,
    place_part,
    score,
    type_part,
)


def pair(make_ref, a: dict, b: dict):
    return make_entry(make_ref(1, "r1", **a)), make_entry(make_ref(2, "r2", **b))


def test_same_place_spelt_differently_is_the_same_place(make_ref):
    a, b = pair(make_ref, {"location": "al-Jadida"}, {"location": "Jadidah"})
    assert place_part(a, b) == settings.PLACE_SAME_NAME


def test_a_place_named_as_the_others_area_contains_it(make_ref):
    a, b = pair(make_ref, {}, {"location": "Mosul", "admin": None, "geo_precision": "city",
                              "latitude": 36.335, "longitude": 43.119})
    assert place_part(a, b) == settings.PLACE_CONTAINED


def test_two_neighbourhoods_of_one_city_are_different_places(make_ref):
    a, b = pair(make_ref, {}, {"location": "Zanjili", "latitude": 36.35})
    assert place_part(a, b) == settings.PLACE_DISTINCT


def test_a_village_near_a_town_is_not_the_town(make_ref):
    town = {"location": "Stepanakert", "admin": None, "country": "AZ", "geo_precision": "city",
            "latitude": 39.82, "longitude": 46.75}
    village = {"location": "Shosh", "admin": None, "country": "AZ",
               "geo_precision": "village", "latitude": 39.80, "longitude": 46.80}
    a, b = pair(make_ref, town, village)
    assert place_part(a, b) == settings.PLACE_DISTINCT


def test_a_town_within_a_province_lies_within_its_reach(make_ref):
    town = {"location": "Tabqa", "admin": None, "country": "SY", "geo_precision": "city",
            "latitude": 35.84, "longitude": 38.55}
    province = {"location": "Raqqa province", "admin": None, "country": "SY",
                "geo_precision": "province", "latitude": 35.95, "longitude": 39.0}
    a, b = pair(make_ref, town, province)
    assert place_part(a, b) == settings.PLACE_WITHIN_REACH


def test_different_countries_rule_a_pair_out(make_ref):
    a, b = pair(make_ref, {}, {"country": "SY"})
    assert place_part(a, b) is None
    assert score(a, b) is None


def test_places_further_apart_than_their_reaches_rule_a_pair_out(make_ref):
    basra = {"location": "Basra", "admin": None, "geo_precision": "city",
             "latitude": 30.5, "longitude": 47.8}
    a, b = pair(make_ref, {}, basra)
    assert place_part(a, b) is None


def test_a_claim_placed_by_country_only_agrees_weakly(make_ref):
    a, b = pair(make_ref, {}, {"location": "Iraq", "admin": None, "geo_precision": "country",
                              "latitude": None, "longitude": None})
    assert place_part(a, b) == settings.PLACE_COUNTRY_ONLY


@pytest.mark.parametrize(("other_day", "expected"), [
    ("2017-03-17", 1.0), ("2017-03-18", 0.85), ("2017-03-15", 0.4), ("2017-03-20", 0.15),
    ("2017-03-21", None),
])
def test_dates_agree_less_the_further_apart(make_ref, other_day, expected):
    a, b = pair(make_ref, {}, {"date_start": other_day, "date_end": other_day})
    assert date_part(a, b) == expected


def test_a_month_agrees_with_a_day_in_it_but_weighs_less(make_ref):
    a, b = pair(make_ref, {}, {"date_start": "2017-03", "date_end": None,
                              "date_precision": "month"})
    assert date_part(a, b) == 0.5


def test_an_undated_claim_is_placed_in_the_week_before_publication(make_ref):
    a, b = pair(make_ref, {}, {"date_start": None, "date_end": None,
                              "date_precision": "unknown", "published": "2017-03-19"})
    assert b.imputed
    assert date_part(a, b) == pytest.approx(settings.UNDATED_SPECIFICITY)


def test_event_types_that_sources_confuse_agree_partly():
    assert type_part("airstrike", "airstrike") == 1.0
    assert type_part("airstrike", "drone_strike") == 0.75
    assert type_part("shelling", "airstrike") == type_part("airstrike", "shelling") == 0.4
    assert type_part("other", "bombing") == 0.5
    assert type_part("airstrike", "ground_attack") == 0.0


def test_perpetrators_compare_by_side():
    assert perpetrator_part("US Central Command", "US-led coalition") == 1.0
    assert perpetrator_part(None, "Islamic State") == 0.5
    assert perpetrator_part("Islamic State", "US-led coalition") == 0.2


def test_figures_compare_by_ratio_within_one_victim_group(make_ref):
    a, b = pair(make_ref, {"killed_low": 99}, {"killed_low": 199, "killed_high": None})
    assert figures_part(a, b) == pytest.approx(0.5)
    a, b = pair(make_ref, {}, {"victims": "combatants", "killed_low": 3})
    assert figures_part(a, b) == settings.FIGURES_UNKNOWN


def test_one_strongly_disagreeing_part_sinks_the_total(make_ref):
    same = score(*pair(make_ref, {}, {"killed_low": 90, "killed_high": 90}))
    elsewhere = score(*pair(make_ref, {}, {"location": "Zanjili"}))
    assert same is not None and elsewhere is not None
    assert same.total > settings.LINK_THRESHOLD > elsewhere.total
    assert elsewhere.parts()["place"] == settings.PLACE_DISTINCT


def test_an_undated_claim_of_the_same_report_agrees_a_little(make_ref):
    dated = make_entry(make_ref(1, "r1"))
    undated = make_entry(make_ref(2, "r1", date_start=None, date_end=None,
                                  date_precision="unknown", published=None))
    elsewhere = make_entry(make_ref(3, "r2", date_start=None, date_end=None,
                                    date_precision="unknown", published=None))
    assert date_part(dated, undated) == settings.UNDATED_WITHIN_REPORT
    assert date_part(dated, elsewhere) is None
