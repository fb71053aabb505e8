"""The actor alias table and the name functions built on it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from harmtrace.aliases import (
    KINDS,
    actor_candidates,
    actor_kind,
    actors,
    canonical,
    find_actors,
    lookup,
    normalise_name,
    resolve,
    same_actor,
)

PEOPLE = Path(__file__).resolve().parent / "resources" / "aliases" / "dev_people.txt"
SENTINELS = {"unknown", "reporter"}


def _dev_names(dev: Path) -> set[str]:
    """Every actor name the dev annotators used: perpetrators, claimers, speakers, orgs."""
    names: set[str] = set()
    for path in sorted(dev.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        names |= {r[k] for r in doc["incidents"] for k in ("perpetrator", "claimed_by")}
        names |= {r[k] for r in doc["aggregates"] for k in ("actor", "claimed_by")}
        names |= {r[k] for r in doc["statements"] for k in ("speaker", "speaker_org")}
    return {n for n in names if n} - SENTINELS


def _people() -> set[str]:
    lines = PEOPLE.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def test_every_organisation_in_the_dev_corpus_resolves_to_an_entry(dev_corpus: Path) -> None:
    # Lower-case names are descriptions ("local media", "witnesses"), not actors,
    # unless annotators used them as perpetrators or aggregate actors.
    organisations = {n for n in _dev_names(dev_corpus) - _people() if n[0].isupper()}
    assert organisations, "the dev corpus should name organisations"
    unresolved = sorted(n for n in organisations if not resolve(n))
    assert unresolved == []


def test_dev_perpetrators_and_aggregate_actors_all_resolve(dev_corpus: Path) -> None:
    names: set[str] = set()
    for path in sorted(dev_corpus.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        names |= {r["perpetrator"] for r in doc["incidents"]}
        names |= {r["actor"] for r in doc["aggregates"]}
    assert sorted(n for n in names - SENTINELS if not resolve(n)) == []


@pytest.mark.parametrize(("alias", "expected"), [
    ("ISIS", "Islamic State"),
    ("ISIL", "Islamic State"),
    ("IS", "Islamic State"),
    ("Daesh", "Islamic State"),
    ("Islamic State of Iraq and the Levant", "Islamic State"),
    ("the coalition", "US-led coalition"),
    ("CJTF-OIR", "US-led coalition"),
    ("US-led international coalition", "US-led coalition"),
    ("U.S.-led coalition", "US-led coalition"),
    ("Ministry of defense of Russia", "Russian Ministry of Defence"),
    ("Russian MoD", "Russian Ministry of Defence"),
    ("Russia's Defence Ministry", "Russian Ministry of Defence"),
    ("Russian space forces", "Russian Aerospace Forces"),
    ("VKS", "Russian Aerospace Forces"),
    ("Syrian Arab Army", "Syrian government forces"),
    ("IDF", "Israel Defense Forces"),
    ("Israeli army", "Israel Defense Forces"),
    ("Ansar Allah", "Houthi movement"),
    ("Houthis", "Houthi movement"),
    ("Pentagon", "US Department of Defense"),
    ("CENTCOM", "US Central Command"),
    ("FAMa", "Malian Armed Forces"),
    ("Operation Barkhane", "French military"),
    ("White Helmets", "Syrian Civil Defence"),
    ("Syria Civil Defence", "Syrian Civil Defence"),
    ("OHCHR", "Office of the UN High Commissioner for Human Rights"),
    ("UN Human Rights Office", "Office of the UN High Commissioner for Human Rights"),
    ("Doctors Without Borders", "Médecins Sans Frontières"),
    ("al-Shabab", "al-Shabaab"),
    ("RSF", "Rapid Support Forces"),
    ("SAF", "Sudanese Armed Forces"),
    ("Myanmar military", "Tatmadaw"),
    ("Azerbaijan's defence ministry", "Azerbaijani Ministry of Defence"),
    ("Iran", "Government of Iran"),
    ("Konashenkov", "Igor Konashenkov"),
])
def test_common_aliases(alias: str, expected: str) -> None:
    assert canonical(alias) == expected


@pytest.mark.parametrize(("a", "b"), [
    ("Al-Jadida", "al Jadida"),
    ("al-Jadida", "Jadida"),
    ("Séno province", "SENO PROVINCE"),
    ("Ján Kubiš", "Jan Kubis"),
    ("the U.N.", "UN"),
    ("Prosecutor General\u2019s Office", "Prosecutor General's Office"),
])
def test_normalise_name_ignores_case_accents_al_and_punctuation(a: str, b: str) -> None:
    assert normalise_name(a) == normalise_name(b)


def test_normalise_name_keeps_distinct_places_apart() -> None:
    assert normalise_name("al-Shifa") != normalise_name("al-Jadida")
    assert normalise_name("Al") == "al"


def test_unknown_name_comes_back_cleaned() -> None:
    assert canonical("  the  Kata'ib Example   Brigade. ") == "Kata'ib Example Brigade"
    assert lookup("Kata'ib Example Brigade") is None


def test_same_actor_through_aliases() -> None:
    assert same_actor("ISIS", "Islamic State")
    assert same_actor("Daesh", "the Islamic State group")
    assert not same_actor("ISIS", "Hamas")
    assert same_actor("Some Unlisted Militia", "some unlisted militia")
    assert same_actor(None, None)
    assert not same_actor("ISIS", None)


def test_compound_actors_compare_as_sets() -> None:
    assert canonical("Iraqi forces and the coalition") == (
        "Iraqi security forces and US-led coalition")
    assert same_actor("Iraqi security forces and US-led coalition",
                      "US-led coalition and Iraqi troops")
    assert not same_actor("Iraqi security forces and US-led coalition", "US-led coalition")


def test_kinds() -> None:
    assert actor_kind("ISIS") == "armed_group"
    assert actor_kind("Pentagon") == "government"
    assert actor_kind("IDF") == "state_forces"
    assert actor_kind("Amnesty") == "ngo"
    assert actor_kind("nobody in particular") is None


def test_ambiguous_alias_defaults_to_first_entry_and_lists_all() -> None:
    assert actor_candidates("the coalition") == ("US-led coalition", "Saudi-led coalition")
    assert canonical("coalition") == "US-led coalition"


def test_table_is_consistent() -> None:
    entries = actors()
    assert len(entries) > 300
    assert all(a.kind in KINDS for a in entries)
    names = [normalise_name(a.canonical) for a in entries]
    assert len(names) == len(set(names)), "two entries share a canonical name"
    orgs = [a.org for a in entries if a.org]
    assert orgs and all(lookup(org) and lookup(org).canonical == org for org in orgs)


def test_only_deliberate_aliases_are_shared() -> None:
    shared = {alias for a in actors() for alias in (*a.aliases, *a.lookup_aliases)
              if len(actor_candidates(alias)) > 1}
    assert {normalise_name(s) for s in shared} == {"coalition", "sna"}


def _mentions(text: str) -> list[tuple[str, str]]:
    return [(text[start:end], name) for start, end, name in find_actors(text)]


def test_find_actors_takes_the_longest_match() -> None:
    text = "The Saudi-led coalition and Islamic State West Africa Province denied it."
    assert _mentions(text) == [
        ("Saudi-led coalition", "Saudi-led coalition"),
        ("Islamic State West Africa Province", "Islamic State West Africa Province"),
    ]


def test_find_actors_offsets_cover_the_written_name() -> None:
    text = "Fighters of al-Shabaab and U.S. forces clashed; the Pentagon said so."
    assert find_actors(text) == [
        (12, 22, "al-Shabaab"), (27, 38, "US military"), (52, 60, "US Department of Defense"),
    ]


def test_find_actors_matches_capitalised_acronyms_only_in_capitals() -> None:
    assert _mentions("It is said that IS fighters left.") == [("IS", "Islamic State")]
    assert _mentions("Let us know what the UN said.") == [("UN", "United Nations")]
    assert _mentions("WHAT IS NEXT FOR MOSUL") == []
    assert _mentions("THOSE WHO FLED") == []
    assert _mentions("the WHO said") == [("WHO", "World Health Organization")]


def test_find_actors_does_not_join_words_across_punctuation() -> None:
    assert _mentions("They blamed Azerbaijan, defence ministry officials said.") == []
    assert _mentions("BURKINA FASO: Army units moved.") == []


def test_find_actors_skips_names_that_are_usually_places() -> None:
    assert _mentions("Drones were launched from Iran.") == []
    assert canonical("Iran") == "Government of Iran"
