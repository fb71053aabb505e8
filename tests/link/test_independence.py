"""Copies and affiliated outlets count once; so do voices of one side."""

from __future__ import annotations

from harmtrace.link.independence import count_sources, outlet_group, own_account


def test_outlets_of_one_group_are_one_outlet():
    assert outlet_group("TASS") == outlet_group("RIA Novosti") == "Russian state media"
    assert outlet_group(None, "https://english.alarabiya.net/news/1") == "Al Arabiya"
    assert outlet_group("Example Daily") == "example daily"


def test_own_account_is_the_reporters_voice_or_an_unnamed_source():
    assert own_account("reporter")
    assert own_account("local medical sources")
    assert not own_account("Human Rights Watch")


def test_a_near_copy_counts_once(make_ref):
    original = make_ref(1, "r1", outlet="Wire")
    copy = make_ref(2, "r2", outlet="Aggregator", copy_of="r1")
    assert count_sources([original, copy]) == 1


def test_outlets_relaying_one_agency_count_once(make_ref):
    refs = [make_ref(1, "r1", outlet="TASS"), make_ref(2, "r2", outlet="Sputnik"),
            make_ref(3, "r3", outlet="Independent Daily")]
    assert count_sources(refs) == 2


def test_one_voice_relayed_by_many_outlets_counts_once(make_ref):
    refs = [make_ref(k, f"r{k}", outlet=f"Outlet {k}", claimed_by=who)
            for k, who in ((1, "US Central Command"), (2, "US-led coalition"),
                           (3, "Airwars"))]
    assert count_sources(refs) == 2


def test_named_claimers_in_one_report_are_separate_sources(make_ref):
    refs = [make_ref(1, "r1", claimed_by="United Nations"),
            make_ref(2, "r1", claimed_by="Houthi-run Health Ministry")]
    assert count_sources(refs) == 2
