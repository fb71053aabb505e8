from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from harmtrace.read.warc import read_warc
from harmtrace.records import ReadProblem, Report

from .conftest import Page, WarcMaker, article_html

MAX_BYTES = 1_000_000

STRIKE = [
    "An air strike hit the covered market in Karvel on Tuesday morning, killing at least"
    " 14 civilians, the head of the town council said.",
    "The air defence command denied that its aircraft had struck the market.",
]
SHELLING = [
    "Artillery shells struck the water pumping station in the Lenna district early on"
    " Saturday, cutting supplies to about 20,000 residents.",
    "Two workers at the station were wounded, the district water authority said.",
]
DATED_HEAD = (
    "<link rel='canonical' href='https://news.example.net/2023/05/02/karvel-market'>"
    "<meta property='article:published_time' content='2023-05-02T11:00:00Z'>"
)


def crawl() -> list[Page]:
    return [
        Page(
            "https://news.example.net/karvel?ref=home",
            article_html(STRIKE, title="Strike on Karvel market", head=DATED_HEAD),
        ),
        Page(
            "https://news.example.net/logo.png",
            b"\x89PNG\r\n\x1a\n\x00\x00",
            content_type="image/png",
        ),
        Page(
            "https://news.example.net/gone",
            article_html(["Page not found."] * 3, title="404"),
            status="404 Not Found",
        ),
        Page(
            "https://lenna-news.example.org/water",
            article_html(SHELLING, title="Shelling cuts water in Lenna"),
        ),
    ]


@pytest.mark.parametrize("gzipped", [True, False])
def test_html_responses_become_reports(make_warc: WarcMaker, gzipped: bool) -> None:
    path = make_warc("crawl.warc.gz" if gzipped else "crawl.warc", crawl(), gzip=gzipped)
    strike, shelling = read_warc(path, MAX_BYTES)
    assert isinstance(strike, Report)
    assert isinstance(shelling, Report)
    assert strike.text == "\n\n".join(STRIKE)
    assert strike.title == "Strike on Karvel market"
    assert strike.url == "https://news.example.net/2023/05/02/karvel-market"  # the page's own
    assert strike.published == "2023-05-02"
    assert strike.source.startswith(f"{path}#record")
    assert shelling.text == "\n\n".join(SHELLING)
    assert shelling.url == "https://lenna-news.example.org/water"  # WARC-Target-URI
    assert shelling.outlet == "lenna-news.example.org"


def test_crawl_date_is_not_the_publication_date(make_warc: WarcMaker) -> None:
    page = Page("https://x.example.org/a", article_html(SHELLING, title="Shelling cuts water"))
    [report] = read_warc(make_warc("one.warc", [page], gzip=False), MAX_BYTES)
    assert page.warc_date.startswith("2024-01-15")
    assert report.published is None


def test_page_charset_from_the_http_header(make_warc: WarcMaker) -> None:
    body = article_html(
        [
            "Les secouristes ont retiré des décombres les corps de quatorze civils,"
            " a déclaré le conseil."
        ],
        title="Frappe à Karvel",
    )
    page = Page(
        "https://x.example.fr/a",
        body.decode().encode("cp1252"),
        content_type="text/html; charset=windows-1252",
    )
    [report] = read_warc(make_warc("fr.warc", [page], gzip=False), MAX_BYTES)
    assert "décombres" in report.text
    assert report.title == "Frappe à Karvel"


def test_truncated_warc_gz_yields_records_before_the_break(
    make_warc: WarcMaker, tmp_path: Path
) -> None:
    whole = make_warc("whole.warc.gz", crawl(), gzip=True).read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole[: len(whole) - 300])  # inside the last page's record
    items = list(read_warc(cut, MAX_BYTES))
    assert isinstance(items[0], Report)
    assert items[0].title == "Strike on Karvel market"
    assert [type(item) for item in items[1:]] == [ReadProblem]
    assert "lenna-news.example.org/water" in items[1].source
    assert items[1].reason.startswith("truncated")


def test_truncated_plain_warc(make_warc: WarcMaker, tmp_path: Path) -> None:
    whole = make_warc("whole.warc", crawl(), gzip=False).read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(whole[: len(whole) - 100])
    items = list(read_warc(cut, MAX_BYTES))
    assert isinstance(items[0], Report)
    assert isinstance(items[-1], ReadProblem)
    assert all(
        not isinstance(item, Report) or item.title != "Shelling cuts water in Lenna"
        for item in items
    )


def test_gzip_bomb_record_is_refused(make_warc: WarcMaker) -> None:
    bomb = Page(
        "https://bomb.example/", b"<html><body><p>" + b"boom " * 400_000 + b"</p></body></html>"
    )
    fine = Page("https://x.example.org/b", article_html(SHELLING, title="Shelling cuts water"))
    path = make_warc("bomb.warc.gz", [bomb, fine], gzip=True)
    limit = 64_000
    assert path.stat().st_size < limit  # small on disk, 2 MB once decompressed
    items = list(read_warc(path, limit))
    assert isinstance(items[0], ReadProblem)
    assert "bomb.example" in items[0].source
    assert "more than 64000 bytes" in items[0].reason
    assert not any(isinstance(item, Report) and "boom" in item.text for item in items)


def test_gzip_bomb_outside_any_page_stops_the_archive(tmp_path: Path) -> None:
    path = tmp_path / "zeros.warc.gz"
    path.write_bytes(gzip.compress(b"WARC/1.0\r\n" + b"X" * 5_000_000))
    [problem] = read_warc(path, 100_000)
    assert problem.source == str(path)
    assert "gzip bomb" in problem.reason


def test_not_a_warc(tmp_path: Path) -> None:
    path = tmp_path / "notes.warc"
    path.write_text("These are my notes about the crawl, not an archive.\n")
    [problem] = read_warc(path, MAX_BYTES)
    assert isinstance(problem, ReadProblem)
    assert problem == ReadProblem(f"{path}#record1", "not a WARC record")


@pytest.mark.parametrize(
    "garbage",
    [
        b"WARC/1.0\r\nnot a header line\r\n\r\n",
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: many\r\n\r\n",
    ],
)
def test_stray_record_after_a_good_one(
    make_warc: WarcMaker, tmp_path: Path, garbage: bytes
) -> None:
    page = Page("https://x.example.org/a", article_html(SHELLING, title="Shelling cuts water"))
    path = tmp_path / "garbage.warc"
    path.write_bytes(make_warc("good.warc", [page], gzip=False).read_bytes() + garbage)
    report, problem = read_warc(path, MAX_BYTES)
    assert isinstance(report, Report)
    # warcinfo, request, response, then the stray record
    assert problem == ReadProblem(f"{path}#record4", "not a WARC record")


def test_binary_garbage_after_a_good_record(make_warc: WarcMaker, tmp_path: Path) -> None:
    page = Page("https://x.example.org/a", article_html(SHELLING, title="Shelling cuts water"))
    path = tmp_path / "garbage.warc"
    path.write_bytes(make_warc("good.warc", [page], gzip=False).read_bytes() + b"\x00\x01junk")
    report, problem = read_warc(path, MAX_BYTES)
    assert isinstance(report, Report)
    assert problem.source == f"{path}#record4"
    assert problem.reason.startswith("broken WARC after record 3")


def test_archive_without_pages_is_a_problem(make_warc: WarcMaker) -> None:
    image = Page("https://x.example.org/logo.png", b"\x89PNG\r\n", content_type="image/png")
    path = make_warc("images.warc.gz", [image], gzip=True)
    assert list(read_warc(path, MAX_BYTES)) == [
        ReadProblem(str(path), "no HTML pages in the archive")
    ]


def test_page_the_crawler_truncated_is_a_problem(make_warc: WarcMaker, tmp_path: Path) -> None:
    page = Page("https://x.example.org/a", article_html(SHELLING, title="Shelling cuts water"))
    whole = make_warc("t.warc", [page], gzip=False).read_bytes()
    marked = whole.replace(
        b"WARC-Type: response\r\n", b"WARC-Type: response\r\nWARC-Truncated: length\r\n"
    )
    path = tmp_path / "marked.warc"
    path.write_bytes(marked)
    [problem] = read_warc(path, MAX_BYTES)
    assert problem.reason == "truncated by the crawler (WARC-Truncated)"
    assert "x.example.org/a" in problem.source
