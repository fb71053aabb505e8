from __future__ import annotations

import gzip
import io
import json
import shutil
from pathlib import Path

import pytest

from harmtrace.read import READERS, read_paths
from harmtrace.records import ReadProblem, Report

from .conftest import Page, WarcMaker, article_html

MAX_BYTES = 1_000_000
TEXT = "The council said an air strike on the covered market killed at least 14 civilians."


def read(*paths: str | Path, max_bytes: int = MAX_BYTES, stdin: str | None = None):
    stream = io.StringIO(stdin) if stdin is not None else None
    return list(read_paths([str(p) for p in paths], max_bytes=max_bytes, stdin=stream))


def problems(items) -> list[ReadProblem]:
    return [item for item in items if isinstance(item, ReadProblem)]


@pytest.fixture
def folder(tmp_path: Path, resources: Path) -> Path:
    """The resource files, plus what sits beside reports in real folders."""
    root = tmp_path / "inbox"
    shutil.copytree(resources, root / "reports")
    (root / "reports" / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF")
    (root / "reports" / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (root / ".cache").mkdir()
    (root / ".cache" / "old.txt").write_text(TEXT)
    (root / "a-first.txt").write_text(TEXT)
    return root


def test_folder_is_walked_sorted_skipping_hidden_and_images(folder: Path) -> None:
    items = read(folder)
    sources = [item.source.split("#")[0].split(":")[0] for item in items]
    names = [Path(source).name for source in dict.fromkeys(sources)]
    assert names == [
        "a-first.txt",
        "frappe_marche_fr.txt",
        "karvel_market_local.html",
        "karvel_market_wire.txt",
        "karvel_reports.jsonl",
        "ostra_monitor.atom",
        "ostra_wire.rss",
    ]
    assert sum(isinstance(item, Report) for item in items) == 11
    assert [problem.source.rsplit("/", 1)[1] for problem in problems(items)] == [
        "karvel_reports.jsonl:3",
        "karvel_reports.jsonl:4",
        "ostra_wire.rss#entry3",
    ]


def test_unsupported_file_in_a_folder_is_a_problem_unless_clearly_not_a_report(
    tmp_path: Path,
) -> None:
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.7\n")
    (tmp_path / "style.css").write_text("body { color: red }")
    (tmp_path / "README").write_text("notes")
    assert read(tmp_path) == [
        ReadProblem(str(tmp_path / "README"), "unsupported file type: no extension"),
        ReadProblem(str(tmp_path / "report.pdf"), "unsupported file type: .pdf"),
    ]


def test_explicitly_named_image_is_a_problem(tmp_path: Path) -> None:
    image = tmp_path / "photo.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n")
    assert read(image) == [ReadProblem(str(image), "unsupported file type: .png")]


def test_missing_path_is_a_problem(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    assert read(missing) == [ReadProblem(str(missing), "no such file or folder")]


def test_dispatch_is_by_suffix_case_insensitively(tmp_path: Path, resources: Path) -> None:
    upper = tmp_path / "PAGE.HTM"
    shutil.copy(resources / "karvel_market_local.html", upper)
    [report] = read(upper)
    assert report.outlet == "Sarn Evening Post"
    assert {
        ".txt",
        ".html",
        ".htm",
        ".jsonl",
        ".json",
        ".rss",
        ".atom",
        ".xml",
        ".warc",
        ".warc.gz",
    } <= set(READERS)


def test_xml_feed_and_xml_that_is_not_a_feed(tmp_path: Path, resources: Path) -> None:
    feed = tmp_path / "feed.xml"
    shutil.copy(resources / "ostra_monitor.atom", feed)
    sitemap = tmp_path / "sitemap.xml"
    sitemap.write_text("<urlset><url><loc>https://x.example/</loc></url></urlset>")
    items = read(feed, sitemap)
    assert [type(item) for item in items] == [Report, Report, ReadProblem]
    assert items[2] == ReadProblem(str(sitemap), "not an RSS or Atom feed")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\x7fELF\x02\x01\x01\x00\x00\x00", "binary content (NUL bytes), not text"),
        (b"", "empty: no text"),
        (b"\n   \n\t", "empty: no text"),
    ],
)
def test_binary_and_empty_files(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(content)
    assert read(path) == [ReadProblem(str(path), reason)]


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16", "utf-8-sig"])
def test_legacy_and_bom_encodings(tmp_path: Path, encoding: str) -> None:
    text = "Les secouristes ont retiré quatorze corps des décombres du marché, a déclaré le maire."
    path = tmp_path / "fr.txt"
    path.write_bytes(text.encode(encoding))
    [report] = read(path)
    assert report.text == text
    assert report.language == "fr"


def test_file_over_the_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(TEXT * 20)
    size = path.stat().st_size
    assert read(path, max_bytes=size - 1) == [
        ReadProblem(str(path), f"too large: {size} bytes, limit {size - 1}")
    ]
    assert isinstance(read(path, max_bytes=size)[0], Report)


def test_gzip_bomb_warc_under_a_small_limit(make_warc: WarcMaker) -> None:
    bomb = Page(
        "https://bomb.example/", b"<html><body><p>" + b"a " * 1_000_000 + b"</p></body></html>"
    )
    path = make_warc("bomb.warc.gz", [bomb], gzip=True)
    items = read(path, max_bytes=50_000)
    assert items
    assert not any(isinstance(item, Report) for item in items)
    assert "more than 50000 bytes" in items[0].reason


def test_warc_through_read_paths(make_warc: WarcMaker) -> None:
    page = Page("https://x.example.org/a", article_html([TEXT], title="Market strike toll"))
    [report] = read(make_warc("one.warc.gz", [page], gzip=True))
    assert report.text == TEXT
    assert report.url == "https://x.example.org/a"


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path, resources: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    items = read(bad, resources / "frappe_marche_fr.txt")
    assert isinstance(items[0], ReadProblem)
    assert isinstance(items[1], Report)


def test_exact_copies_share_an_id(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "b.jsonl").write_text(
        json.dumps({"text": "  " + TEXT.replace(" ", "\n", 3)}) + "\n"
    )
    first, second = read(tmp_path)
    assert first.id == second.id


def test_stdin_plain_text() -> None:
    [report] = read("-", stdin=f"Strike on Karvel market kills 14\n\n{TEXT}\n")
    assert report.source == "<stdin>"
    assert report.title == "Strike on Karvel market kills 14"
    assert report.text == TEXT


def test_stdin_jsonl() -> None:
    lines = [
        json.dumps({"text": TEXT, "url": "https://www.reuters.com/x"}),
        "{broken",
        json.dumps({"text": TEXT + " Later."}),
    ]
    items = read("-", stdin="\n".join(lines))
    assert [type(item) for item in items] == [Report, ReadProblem, Report]
    assert items[0].outlet == "reuters.com"
    assert items[1].source == "<stdin>:2"


def test_stdin_json_object() -> None:
    pretty = json.dumps({"text": TEXT, "title": "Toll"}, indent=2)
    [report] = read("-", stdin=pretty)
    assert report.title == "Toll"


def test_stdin_html_and_feed(resources: Path) -> None:
    html = (resources / "karvel_market_local.html").read_text("utf-8")
    [page] = read("-", stdin=html)
    assert page.outlet == "Sarn Evening Post"
    atom = (resources / "ostra_monitor.atom").read_text("utf-8")
    entries = read("-", stdin=atom)
    assert [item.source for item in entries] == ["<stdin>#entry1", "<stdin>#entry2"]


@pytest.mark.parametrize(
    ("stdin", "reason"),
    [("", "empty: no text"), ("ab\x00cd", "binary content (NUL bytes), not text")],
)
def test_stdin_empty_or_binary(stdin: str, reason: str) -> None:
    assert read("-", stdin=stdin) == [ReadProblem("<stdin>", reason)]


def test_stdin_over_the_limit() -> None:
    assert read("-", stdin=TEXT, max_bytes=10) == [
        ReadProblem("<stdin>", "too large: more than 10 characters")
    ]


def test_stdin_undecodable_bytes() -> None:
    stream = io.TextIOWrapper(io.BytesIO(b"caf\xe9 \xff\xfe"), encoding="utf-8")
    items = list(read_paths(["-"], max_bytes=MAX_BYTES, stdin=stream))
    assert len(items) == 1
    assert items[0].reason.startswith("undecodable")


def test_gzipped_non_warc_is_not_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(gzip.compress(TEXT.encode()))
    [problem] = read(path)
    assert isinstance(problem, ReadProblem)


def test_dev_corpus_reads_one_report_per_file(dev_corpus: Path) -> None:
    files = sorted(dev_corpus.glob("*.json"))
    items = read(dev_corpus)
    assert problems(items) == []
    assert [item.source for item in items] == [str(path) for path in files]
    for path, report in zip(files, items, strict=True):
        gold = json.loads(path.read_text("utf-8"))
        assert report.text == gold["text"]  # gold offsets stay valid
        assert report.title == gold["title"]
        assert report.published == gold["published"]
        assert report.outlet == gold["outlet"]
        assert report.language == gold["language"]
