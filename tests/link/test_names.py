from __future__ import annotations

import pytest

from harmtrace.link.names import place_key


@pytest.mark.parametrize(("a", "b"), [
    ("al-Jadida", "Jadidah"),
    ("Khan Shaykhun", "Khan Sheikhoun"),
    ("Ma'arrat al-Nu'man", "Maarat al-Numan"),
    ("al-Jineh", "al-Jinah"),
    ("Mopti region", "Mopti"),
    ("Ar Raqqah", "Raqqa"),
    ("Saraqeb", "Saraqib"),
    ("Djibo", "Jibo"),
    ("Ménaka", "Menaka"),
])
def test_spellings_of_one_name_share_a_key(a, b):
    assert place_key(a) == place_key(b)


@pytest.mark.parametrize(("a", "b"), [
    ("Zanjili", "al-Shifa"),
    ("Stepanakert", "Shosh"),
    ("Karrada", "Shaab"),
    ("Mosul", "Sanaa"),
])
def test_different_places_keep_different_keys(a, b):
    assert place_key(a) != place_key(b)


def test_no_name_no_key():
    assert place_key(None) is None
    assert place_key("") is None
    assert place_key("al-") is None
