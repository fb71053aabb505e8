from __future__ import annotations

from pathlib import Path

import pytest

from harmtrace.errors import ReadError
from harmtrace.read.html import fragment_text, html_report, read_html
from harmtrace.records import ReadProblem

PARAGRAPHS = [
    "Residents of the village said the strike destroyed three houses on Friday night.",
    "The district hospital said it had received the bodies of a family of five, including"
    " three children, and treated eleven people for injuries.",
]


def page(head: str = "", *, title: str = "Strike destroys houses in village") -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f"<html lang='en'><head><title>{title}</title>{head}</head><body>"
        "<nav><a href='/'>Home</a> | <a href='/world'>World news</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        "<footer>Copyright 2021 Example Outlet. All rights reserved.</footer></body></html>"
    )


@pytest.fixture(scope="module")
def local_page(resources: Path):
    path = resources / "karvel_market_local.html"
    [report] = read_html(path.read_text("utf-8"), str(path))
    return report


def test_main_text_without_boilerplate(local_page) -> None:
    text = local_page.text
    assert text.startswith("Hundreds of mourners walked behind the coffins")
    assert text.endswith("to establish what happened.")
    for boilerplate in (
        "Subscribe",
        "Most read",
        "bus timetable",
        "All rights reserved",
        "Privacy",
    ):
        assert boilerplate not in text
    assert "analytics" not in text


def test_paragraphs_are_separated_by_blank_lines(local_page) -> None:
    paragraphs = local_page.text.split("\n\n")
    assert len(paragraphs) == 5
    assert paragraphs[2].startswith("The town council now puts the toll at 16 dead")
    assert "\n" not in local_page.text.replace("\n\n", "")


def test_metadata_from_the_page(local_page) -> None:
    assert local_page.title == "Families bury their dead after Karvel market strike"
    assert not local_page.text.startswith(local_page.title)
    assert local_page.url == "https://www.sarn-post.example.com/news/2023/05/03/karvel-funerals"
    assert local_page.outlet == "Sarn Evening Post"
    assert local_page.published == "2023-05-03"
    assert local_page.language == "en"


def test_given_url_is_used_when_the_page_names_none() -> None:
    report = html_report(page(), "x.html", url="https://www.reuters.com/world/x")
    assert report.url == "https://www.reuters.com/world/x"
    assert report.outlet == "reuters.com"


def test_canonical_url_wins_over_given_url() -> None:
    head = "<link rel='canonical' href='https://news.example.net/2021/05/story'>"
    report = html_report(page(head), "x.html", url="https://mirror.example.org/copy")
    assert report.url == "https://news.example.net/2021/05/story"


def test_date_from_the_page_text_when_metadata_has_none() -> None:
    dated = page().replace("<article>", "<article><p class='date'>Published 12 March 2021</p>")
    assert html_report(dated, "x.html").published == "2021-03-12"


def test_copyright_year_is_not_a_publication_date() -> None:
    assert "Copyright 2021" in page()
    assert html_report(page(), "x.html").published is None


def test_month_only_date_in_text_is_not_padded_to_a_day() -> None:
    dated = page().replace("<article>", "<article><p>March 2021</p>")
    assert html_report(dated, "x.html").published is None


def test_metadata_date_on_the_first_of_a_month_is_kept() -> None:
    head = "<meta property='article:published_time' content='2021-03-01T08:00:00Z'>"
    assert html_report(page(head), "x.html").published == "2021-03-01"


def test_script_never_reaches_title_or_text() -> None:
    hostile = page(title="Strike <script>alert('title')</script>destroys houses")
    hostile = hostile.replace("</article>", "<script>alert('body')</script></article>")
    report = html_report(hostile, "x.html")
    assert "alert" not in (report.title or "")
    assert "alert" not in report.text
    assert report.text.startswith(PARAGRAPHS[0])


def test_a_url_alone_is_not_fetched() -> None:
    with pytest.raises(ReadError):
        html_report("https://www.example.com/article", "url.html")


def test_page_without_main_text_is_a_problem() -> None:
    empty = "<html><head><title>Nothing</title></head><body><nav>Home</nav></body></html>"
    [item] = read_html(empty, "empty.html")
    assert isinstance(item, ReadProblem)
    assert item.source == "empty.html"


def test_fragment_text_breaks_blocks_and_drops_code() -> None:
    fragment = (
        "<p>First   paragraph<br>second line</p><script>x()</script>"
        "<ul><li>one</li><li>two</li></ul>tail &amp; end"
    )
    assert fragment_text(fragment) == "First paragraph\nsecond line\n\none\n\ntwo\n\ntail & end"


def test_fragment_text_of_plain_text() -> None:
    assert fragment_text("Just words, no tags.") == "Just words, no tags."
    assert fragment_text("") == ""
