from __future__ import annotations

from pathlib import Path

import pytest

from harmtrace.read.text import read_text, split_title
from harmtrace.records import ReadProblem, Report

BODY = (
    "The council said an air strike hit the covered market on Tuesday morning, killing at"
    " least 14 civilians and wounding about 30 others."
)


def test_article_file_gives_title_and_body_without_it(resources: Path) -> None:
    path = resources / "karvel_market_wire.txt"
    [report] = read_text(path.read_text("utf-8"), str(path))
    assert isinstance(report, Report)
    assert report.title == "Air strike on Karvel market kills 14 civilians, local officials say"
    assert report.text.startswith("KARVEL, North Ostra, May 2 (Fictional Wire) - An air strike")
    assert "local officials say" not in report.text
    assert report.text.endswith("short of clean water.")
    assert report.text.count("\n\n") == 10  # eleven paragraphs, blank lines between
    assert report.source == str(path)
    assert report.language == "en"


def test_paragraph_only_file_has_no_title(resources: Path) -> None:
    text = (resources / "frappe_marche_fr.txt").read_text("utf-8")
    [report] = read_text(text, "fr.txt")
    assert isinstance(report, Report)
    assert report.title is None
    assert report.text == text.strip()
    assert report.language == "fr"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (f"Strike on Karvel market kills 14\n\n{BODY}", "Strike on Karvel market kills 14"),
        (f"\n\n  Strike on Karvel market kills 14  \n{BODY}", "Strike on Karvel market kills 14"),
        (f"“Strike kills 14,” council says\n\n{BODY}", "“Strike kills 14,” council says"),
    ],
)
def test_headline_is_taken_off(text: str, title: str) -> None:
    assert split_title(text) == (title, BODY)


@pytest.mark.parametrize(
    "text",
    [
        BODY,  # a single paragraph
        f"{BODY}\n\n{BODY}",  # first line ends like a sentence
        "Strike on Karvel market kills 14",  # nothing after the headline
        f"ANALYSIS\n\n{BODY}",  # a kicker, not a headline
        f"Igor Konashenkov\n\n{BODY}",  # a caption
        f"Strike on Karvel market kills 14\nNews Release No. 7\n\n{BODY}",  # a letterhead
        f"The council said on Tuesday:\n\n{BODY}",  # a lead-in to what follows
        f"{'A long line without a full stop' * 8}\n\n{BODY}",  # too long for a headline
    ],
)
def test_no_title_unless_the_file_opens_with_a_headline(text: str) -> None:
    assert split_title(text) == (None, text)


def test_whitespace_only_text_is_a_problem() -> None:
    assert list(read_text(" \n\t\n", "blank.txt")) == [ReadProblem("blank.txt", "no text")]
