"""RSS and Atom feeds: one report per entry, from its content or, failing that, its summary.

feedparser is given a byte stream, never a string: it downloads strings that
look like URLs and opens strings that name files.
"""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from datetime import date
from functools import partial
from typing import Any

import feedparser

from harmtrace.errors import ReadError
from harmtrace.read.html import fragment_text
from harmtrace.read.items import Item, one_report
from harmtrace.read.normalise import iso_date, make_report
from harmtrace.records import ReadProblem, Report

_UTF8_XML = {"content-type": "application/xml; charset=utf-8"}


def read_feed(text: str, source: str) -> Iterator[Item]:
    """One report per entry; entries are numbered from 1 in problems and sources."""
    # The text is decoded already; the header overrides any encoding the XML prolog declares.
    stream = io.BytesIO(text.encode("utf-8"))
    feed = feedparser.parse(stream, response_headers=_UTF8_XML)
    if not feed.entries:
        yield ReadProblem(source, _why_empty(feed))
        return
    for number, entry in enumerate(feed.entries, start=1):
        yield from one_report(partial(entry_report, entry, feed.feed, f"{source}#entry{number}"))


def _why_empty(feed: Any) -> str:
    if feed.version:
        return "the feed has no entries"
    if feed.bozo:
        return f"not a readable RSS or Atom feed: {feed.get('bozo_exception')}"
    return "not an RSS or Atom feed"


def entry_report(entry: Any, channel: Any, source: str) -> Report:
    """A report from one feed entry; the feed's title stands in for a missing outlet."""
    detail = _entry_body(entry)
    if detail is None:
        raise ReadError(source, "the entry has no content or summary")
    return make_report(
        _plain(detail),
        title=entry.get("title"),
        url=entry.get("link"),
        outlet=entry.get("source", {}).get("title") or channel.get("title"),
        published=_entry_date(entry),
        language=detail.get("language") or channel.get("language"),
        source=source,
    )


def _entry_body(entry: Any) -> Any:
    """The first non-empty content element, else the summary (feedparser "detail" dicts)."""
    for detail in [*entry.get("content", []), entry.get("summary_detail")]:
        if detail and detail.get("value", "").strip():
            return detail
    return None


def _plain(detail: Any) -> str:
    value = detail["value"]
    return fragment_text(value) if "html" in detail.get("type", "html") else value


def _entry_date(entry: Any) -> str | None:
    """The date as written in the feed; feedparser's parsed tuple is UTC, used as a fallback."""
    for key in ("published", "updated"):
        written = iso_date(entry.get(key))
        if written:
            return written
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return _struct_date(parsed)


def _struct_date(parsed: time.struct_time | None) -> str | None:
    return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat() if parsed else None
