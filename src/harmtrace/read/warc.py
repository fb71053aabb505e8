"""Web archives (.warc, .warc.gz): each archived HTML page is read as a web page.

Only successful HTML responses (and HTML resource records) are reports;
requests, metadata, images, scripts and redirects are passed over. The
WARC-Date is when the page was crawled, not when it was published, so it is
never used as the publication date.

A broken archive yields the records before the break, then a problem naming
the record where it broke.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import ExitStack
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator

from harmtrace.errors import ReadError
from harmtrace.read.decoding import decode_bytes
from harmtrace.read.gunzip import BoundedGunzip, is_gzip
from harmtrace.read.html import html_report
from harmtrace.read.items import Item, as_problem, one_report
from harmtrace.records import ReadProblem, Report

# HTML compresses 4 to 8 times in a WARC; a gzip bomb a thousand times. Ten
# times the size limit lets real archives through and stops a bomb early.
MAX_GZIP_EXPANSION = 10
TRUNCATED_RECORD = "truncated: the archive ends inside this record"

_PAGE_RECORDS = ("response", "resource")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_READ_CHUNK = 64 * 1024


def read_warc(path: Path, max_bytes: int) -> Iterator[Item]:
    """One report per archived HTML page; pages are refused past `max_bytes` each."""
    source = str(path)
    with ExitStack() as stack:
        raw = stack.enter_context(path.open("rb"))
        if not is_gzip(raw):
            yield from _records(raw, source, max_bytes)
            return
        gunzip = stack.enter_context(
            BoundedGunzip(raw, limit=max_bytes * MAX_GZIP_EXPANSION, source=source)
        )
        cut_record = False
        for item in _records(gunzip, source, max_bytes):
            cut_record |= isinstance(item, ReadProblem) and item.reason == TRUNCATED_RECORD
            yield item
        if gunzip.truncated and not cut_record:
            yield ReadProblem(source, "truncated: the gzip stream ends inside a member")


def _records(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[Item]:
    number, record, pages, last_was_page = 0, None, 0, False
    try:
        for number, record in enumerate(ArchiveIterator(stream), start=1):
            if not _well_formed(record):
                yield ReadProblem(f"{source}#record{number}", "not a WARC record")
                return
            last_was_page = _is_html_page(record)
            if last_was_page:
                pages += 1
                where = _where(source, number, record)
                yield from one_report(partial(_page_report, record, where, max_bytes))
    except ReadError as err:
        yield as_problem(err)
        return
    # warcio raises many kinds of errors on a damaged archive; each means the same here.
    except Exception as err:
        where = f"{source}#record{number + 1}"
        yield ReadProblem(where, f"broken WARC after record {number}: {err}")
        return
    if record is not None and not last_was_page and _cut_short(record):
        yield ReadProblem(_where(source, number, record), TRUNCATED_RECORD)
    elif not pages:
        yield ReadProblem(source, "no HTML pages in the archive")


def _where(source: str, number: int, record: Any) -> str:
    uri = record.rec_headers.get_header("WARC-Target-URI")
    return f"{source}#record{number}" + (f" <{uri}>" if uri else "")


def _well_formed(record: Any) -> bool:
    """warcio reads stray text as a record; a WARC record names its type and length."""
    headers = record.rec_headers
    length = headers.get_header("Content-Length") or ""
    return record.format == "warc" and bool(headers.get_header("WARC-Type")) and length.isdigit()


def _is_html_page(record: Any) -> bool:
    if record.rec_type not in _PAGE_RECORDS:
        return False
    if record.rec_type == "resource":
        return _is_html(record.rec_headers.get_header("Content-Type"))
    http = record.http_headers
    if http is None or not (http.get_statuscode() or "").startswith("2"):
        return False
    return _is_html(http.get_header("Content-Type"))


def _is_html(content_type: str | None) -> bool:
    return (content_type or "").split(";")[0].strip().lower() in _HTML_TYPES


def _page_report(record: Any, source: str, max_bytes: int) -> Report:
    if record.rec_headers.get_header("WARC-Truncated"):
        raise ReadError(source, "truncated by the crawler (WARC-Truncated)")
    payload = _read_capped(record.content_stream(), max_bytes, source)
    if _cut_short(record):
        raise ReadError(source, TRUNCATED_RECORD)
    headers = record.http_headers or record.rec_headers
    charset = _CHARSET.search(headers.get_header("Content-Type") or "")
    text = decode_bytes(payload, source, declared=charset[1] if charset else None)
    return html_report(text, source, url=record.rec_headers.get_header("WARC-Target-URI"))


def _read_capped(stream: Any, max_bytes: int, source: str) -> bytes:
    """The whole payload, refusing it once it (decompressed) passes `max_bytes`."""
    chunks, total = [], 0
    while chunk := stream.read(min(_READ_CHUNK, max_bytes + 1 - total)):
        chunks.append(chunk)
        total += len(chunk)
        if total > max_bytes:
            raise ReadError(source, f"the page decompresses to more than {max_bytes} bytes")
    return b"".join(chunks)


def _cut_short(record: Any) -> bool:
    """True when fewer bytes followed the record's header than its Content-Length promised."""
    return getattr(record.raw_stream, "limit", 0) > 0
