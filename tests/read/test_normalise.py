from __future__ import annotations

import datetime as dt

import pytest

from harmtrace.errors import ReadError
from harmtrace.read.normalise import (
    iso_date,
    language_code,
    make_report,
    normalise_text,
    outlet_from_url,
    report_id,
)

PARAGRAPH = (
    "An air strike hit the covered market in the town on Tuesday morning, killing at"
    " least 14 civilians, the head of the town council said."
)


def test_normalise_text_unifies_newlines_trailing_space_and_blank_runs() -> None:
    raw = "  \r\nFirst line  \r\nsecond\t\r\n\r\n\r\n\r\nthird\u2028fourth \n\n"
    assert normalise_text(raw) == "First line\nsecond\n\nthird\nfourth"


def test_normalise_text_composes_accents() -> None:
    decomposed = "Mosul cafe\u0301"
    assert normalise_text(decomposed) == "Mosul caf\u00e9"


def test_normalise_text_keeps_leading_indentation_inside_the_text() -> None:
    assert normalise_text("a\n    b") == "a\n    b"


def test_report_id_ignores_spacing_case_and_newline_style() -> None:
    reflowed = PARAGRAPH.replace(", killing", ",\r\n   killing").upper() + "  \n\n\n"
    assert report_id(reflowed) == report_id(PARAGRAPH)


def test_report_id_is_16_hex_chars_and_changes_with_the_words() -> None:
    ident = report_id(PARAGRAPH)
    assert len(ident) == 16
    int(ident, 16)
    assert report_id(PARAGRAPH.replace("14", "15")) != ident


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Sun, 02 Apr 2017 10:00:00 GMT", "2017-04-02"),
        ("2017-04-02T10:00Z", "2017-04-02"),
        ("April 2, 2017", "2017-04-02"),
        ("2 April 2017", "2017-04-02"),
        ("2 avril 2017", "2017-04-02"),
        ("2017-04-02", "2017-04-02"),
        # the date as written in the writer's zone, not converted to UTC
        ("2017-04-02T23:30:00-05:00", "2017-04-02"),
        ("Sun, 02 Apr 2017 23:30:00 -0500", "2017-04-02"),
        (dt.date(2017, 4, 2), "2017-04-02"),
        (dt.datetime(2017, 4, 2, 23, 59), "2017-04-02"),
    ],
)
def test_iso_date_reads_usual_forms(value: str | dt.date, expected: str) -> None:
    assert iso_date(value) == expected


@pytest.mark.parametrize(
    "value", [None, "", "   ", "not a date", "April 2017", "2017", "yesterday"]
)
def test_iso_date_is_none_without_a_full_absolute_date(value: str | None) -> None:
    assert iso_date(value) is None


def test_iso_date_refuses_an_impossible_day() -> None:
    assert iso_date("2017-02-30") is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.reuters.com/world/middle-east/x", "reuters.com"),
        ("https://news.bbc.co.uk/2/hi/middle_east/123.stm", "bbc.co.uk"),
        ("http://WWW.Aljazeera.COM./news", "aljazeera.com"),
        ("https://wire.example/2017/04/04/story", "wire.example"),
        ("https://www.sarn-post.example/news", "sarn-post.example"),
        ("http://192.0.2.7/report", None),
        ("https://localhost/x", None),
        ("not a url", None),
        ("", None),
        (None, None),
    ],
)
def test_outlet_from_url(url: str | None, expected: str | None) -> None:
    assert outlet_from_url(url) == expected


@pytest.mark.parametrize(
    ("tag", "expected"),
    [("en-US", "en"), ("FR", "fr"), ("pt_BR", "pt"), ("English", None), ("", None)],
)
def test_language_code(tag: str, expected: str | None) -> None:
    assert language_code(tag) == expected


def test_make_report_fills_outlet_and_language_and_normalises() -> None:
    report = make_report(
        f"  {PARAGRAPH}\r\n\r\n\r\nSecond paragraph here.  ",
        title="  Strike   on\nmarket ",
        url=" https://www.reuters.com/x ",
        published="Tue, 02 May 2023 09:30:00 +0300",
        source="a.txt",
    )
    assert report.text == f"{PARAGRAPH}\n\nSecond paragraph here."
    assert report.id == report_id(report.text)
    assert report.title == "Strike on market"
    assert report.url == "https://www.reuters.com/x"
    assert report.outlet == "reuters.com"
    assert report.published == "2023-05-02"
    assert report.language == "en"
    assert report.source == "a.txt"


def test_make_report_keeps_a_given_outlet_and_language() -> None:
    report = make_report(
        PARAGRAPH,
        url="https://wire.example/x",
        outlet="International wire service",
        language="fr-FR",
    )
    assert report.outlet == "International wire service"
    assert report.language == "fr"


def test_make_report_refuses_empty_text() -> None:
    with pytest.raises(ReadError) as caught:
        make_report(" \n\t\n", source="empty.txt")
    assert caught.value.source == "empty.txt"
