"""Fixtures of the read tests: the hand-written reports in tests/resources/read,
and web archives written with warcio the way a crawler writes them."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

RESOURCES = Path(__file__).resolve().parents[1] / "resources" / "read"


@pytest.fixture(scope="session")
def resources() -> Path:
    return RESOURCES


@dataclass(frozen=True)
class Page:
    """One archived HTTP response."""

    uri: str
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: str = "200 OK"
    warc_date: str = "2024-01-15T12:00:00Z"


WarcMaker = Callable[..., Path]


def article_html(paragraphs: Sequence[str], *, title: str, head: str = "") -> bytes:
    """A small news page with boilerplate around an <article>."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html lang='en'><head><title>{title}</title>{head}</head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        "<footer>Copyright Example Outlet. All rights reserved.</footer></body></html>"
    ).encode()


@pytest.fixture
def make_warc(tmp_path: Path) -> WarcMaker:
    """Write a WARC (gzipped per record, or not) holding a warcinfo, then per page a
    request and a response record."""

    def make(name: str, pages: Sequence[Page], *, gzip: bool) -> Path:
        path = tmp_path / name
        with path.open("wb") as out:
            writer = WARCWriter(out, gzip=gzip)
            writer.write_record(writer.create_warcinfo_record(name, {"software": "tests"}))
            for page in pages:
                _write_page(writer, page)
        return path

    return make


def _write_page(writer: WARCWriter, page: Page) -> None:
    request = StatusAndHeaders(
        "GET / HTTP/1.1", [("Host", "example")], protocol="HTTP/1.1", is_http_request=True
    )
    writer.write_record(
        writer.create_warc_record(
            page.uri, "request", payload=io.BytesIO(b""), http_headers=request
        )
    )
    headers = StatusAndHeaders(page.status, [("Content-Type", page.content_type)], "HTTP/1.1")
    record = writer.create_warc_record(
        page.uri,
        "response",
        payload=io.BytesIO(page.body),
        http_headers=headers,
        warc_headers_dict={"WARC-Date": page.warc_date},
    )
    writer.write_record(record)
