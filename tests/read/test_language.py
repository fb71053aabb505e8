from __future__ import annotations

from pathlib import Path

import pytest

from harmtrace.read.language import detect_language, supported_languages

ENGLISH = (
    "Rescue workers searched the rubble of the market through the night. The council"
    " said the toll was likely to rise as several of the wounded were in critical condition."
)


def test_detects_english(resources: Path) -> None:
    assert detect_language(ENGLISH) == "en"
    wire = (resources / "karvel_market_wire.txt").read_text("utf-8")
    assert detect_language(wire) == "en"


def test_detects_french(resources: Path) -> None:
    french = (resources / "frappe_marche_fr.txt").read_text("utf-8")
    assert detect_language(french) == "fr"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Удар пришёлся по рынку в пятницу, погибли двенадцать человек.", "ru"),
        ("Удар влучив у ринок у пʼятницю, загинули дванадцять людей.", "uk"),
        ("أصابت الغارة الجوية سوق المدينة صباح الجمعة وقتلت اثني عشر مدنيا.", "ar"),
        ("El ataque aéreo alcanzó el mercado el viernes y mató a doce civiles.", "es"),
    ],
)
def test_detects_other_languages_of_conflict_reporting(text: str, expected: str) -> None:
    assert detect_language(text) == expected


@pytest.mark.parametrize("text", ["", "Mosul", "Explosion in Kabul", "12 killed, 30 hurt"])
def test_too_short_is_unknown(text: str) -> None:
    assert detect_language(text) is None


def test_supported_languages_are_iso_639_1_codes() -> None:
    codes = supported_languages()
    assert {"en", "fr", "ar", "ru", "uk", "es", "de", "tr", "fa"} <= set(codes)
    assert all(len(code) == 2 and code.isalpha() and code.islower() for code in codes)
