"""Blocking finds the claims that could be one incident, and only those."""

from __future__ import annotations

from harmtrace.link import settings
from harmtrace.link.blocking import BlockIndex
from harmtrace.link.entries import make_entry


def index_of(*entries):
    index = BlockIndex()
    for entry in entries:
        index.add(entry)
    return index


def keys(entries):
    return sorted(e.ref.key for e in entries)


def test_same_place_within_the_date_window_meet(make_ref):
    new = make_entry(make_ref("new", "r9"))
    near = [make_entry(make_ref(k, f"r{k}", date_start=d, date_end=d))
            for k, d in ((1, "2017-03-17"), (2, "2017-03-14"), (3, "2017-03-20"))]
    far = make_entry(make_ref(4, "r4", date_start="2017-03-24", date_end="2017-03-24"))
    assert keys(index_of(*near, far).candidates(new)) == [1, 2, 3]


def test_other_countries_and_distant_places_do_not_meet(make_ref):
    new = make_entry(make_ref("new", "r9"))
    basra = make_entry(make_ref(1, "r1", location="Basra", admin=None, geo_precision="city",
                                latitude=30.5, longitude=47.8))
    aleppo = make_entry(make_ref(2, "r2", location="Aleppo", admin=None, country="SY",
                                 geo_precision="city", latitude=36.2, longitude=37.16))
    assert index_of(basra, aleppo).candidates(new) == []


def test_a_month_precise_claim_looks_across_its_month(make_ref):
    month = make_entry(make_ref("new", "r9", date_start="2017-03", date_end=None,
                                date_precision="month"))
    days = [make_entry(make_ref(k, f"r{k}", date_start=d, date_end=d))
            for k, d in ((1, "2017-03-01"), (2, "2017-03-31"), (3, "2017-04-10"))]
    assert keys(index_of(*days).candidates(month)) == [1, 2]


def test_a_neighbourhood_without_coordinates_meets_its_namesakes(make_ref):
    unplaced = make_entry(make_ref("new", "r9", location="Jadidah", latitude=None,
                                   longitude=None, geo_precision=None))
    placed = make_entry(make_ref(1, "r1"))
    assert keys(index_of(placed).candidates(unplaced)) == [1]


def test_a_claim_placed_by_country_meets_the_countrys_claims(make_ref):
    vague = dict(location="Iraq", admin=None, geo_precision="country", latitude=None,
                 longitude=None)
    placed = make_entry(make_ref(1, "r1"))
    country_only = make_entry(make_ref("new", "r9", **vague))
    assert keys(index_of(placed).candidates(country_only)) == [1]
    assert keys(index_of(country_only).candidates(placed)) == ["new"]


def test_a_claim_with_no_place_and_no_date_meets_only_its_report(make_ref):
    nothing = dict(location=None, admin=None, country=None, latitude=None, longitude=None,
                   geo_precision=None, date_start=None, date_end=None,
                   date_precision="unknown", published=None)
    lost = make_entry(make_ref("new", "r1", **nothing))
    same_report = make_entry(make_ref(1, "r1"))
    other_report = make_entry(make_ref(2, "r2"))
    assert keys(index_of(same_report, other_report).candidates(lost)) == [1]


def test_candidates_are_capped_nearest_in_time_first(make_ref, monkeypatch):
    monkeypatch.setattr(settings, "MAX_CANDIDATES", 3)
    vague = make_entry(make_ref("new", "r0", location="Iraq", admin=None,
                                geo_precision="country", latitude=None, longitude=None))
    same_day = [make_entry(make_ref(k, f"r{k}", location=f"Place {k}")) for k in range(1, 4)]
    later = [make_entry(make_ref(k, f"r{k}", location=f"Place {k}", date_start="2017-03-20",
                                 date_end="2017-03-20")) for k in range(4, 9)]
    found = index_of(*later, *same_day).candidates(vague)
    assert keys(found)[:3] == [1, 2, 3]
    assert len(found) < len(same_day) + len(later)


def test_a_near_copy_meets_its_originals_claims(make_ref):
    undated = dict(date_start=None, date_end=None, date_precision="unknown", published=None)
    copy = make_entry(make_ref("copy", "r2", copy_of="r1", **undated))
    original = make_entry(make_ref(1, "r1"))
    assert keys(index_of(original).candidates(copy)) == [1]
