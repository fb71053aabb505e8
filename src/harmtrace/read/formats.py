"""Which reader reads what: the one table to extend when a new input kind is added.

Files are matched by suffix (`READERS`); text on stdin has no name, so its kind
is guessed from how it starts (`sniff_reader`).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from harmtrace.read.feeds import read_feed
from harmtrace.read.html import read_html
from harmtrace.read.items import ContentReader, FileReader, from_text
from harmtrace.read.jsonl import read_json, read_jsonl
from harmtrace.read.text import read_text
from harmtrace.read.warc import read_warc

READERS: dict[str, FileReader] = {
    ".txt": from_text(read_text),
    ".html": from_text(read_html),
    ".htm": from_text(read_html),
    ".xhtml": from_text(read_html),
    ".jsonl": from_text(read_jsonl),
    ".json": from_text(read_json),
    ".rss": from_text(read_feed),
    ".atom": from_text(read_feed),
    ".xml": from_text(read_feed),
    ".warc": read_warc,
    ".warc.gz": read_warc,
}

# Found in folders beside reports (page assets, crawl indexes) and never reports
# themselves: passed over in silence. Anything else unreadable is a problem, so
# that a PDF or Word report is not lost without a word.
NOT_REPORTS = frozenset((
    ".avi", ".bmp", ".cdx", ".cdxj", ".css", ".eot", ".gif", ".ico", ".jpeg", ".jpg",
    ".js", ".m4a", ".mov", ".mp3", ".mp4", ".ogg", ".otf", ".png", ".svg", ".tif",
    ".tiff", ".ttf", ".wav", ".webm", ".webp", ".woff", ".woff2",
))

_BY_LENGTH = sorted(READERS, key=len, reverse=True)
_FEED_START = re.compile(r"<(?:rss|feed|rdf:RDF)\b")
_SNIFF_CHARS = 2048


def reader_for(path: Path) -> FileReader | None:
    """The reader for the file's suffix (the longest that matches), or None."""
    name = path.name.lower()
    return next((READERS[suffix] for suffix in _BY_LENGTH if name.endswith(suffix)), None)


def is_not_report(path: Path) -> bool:
    return path.suffix.lower() in NOT_REPORTS


def sniff_reader(text: str) -> ContentReader:
    """The reader for unnamed text: JSON, JSON lines, a feed, HTML, or else plain text."""
    head = text.lstrip("\ufeff \t\r\n")[:_SNIFF_CHARS]
    if head.startswith(("{", "[")):
        return read_json if _is_json(text) else read_jsonl
    if head.startswith("<"):
        return read_feed if _FEED_START.search(head) else read_html
    return read_text


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except json.JSONDecodeError:
        return False
    return True
