"""Turn what a reader found into a `Report` every reader fills the same way.

Text is normalised before hashing so the same report read from a file, a feed
or a WARC gets the same id; extraction offsets refer to the normalised text.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import ipaddress
import re
import unicodedata
from functools import cache
from urllib.parse import urlsplit

import dateparser
import tldextract

from harmtrace.errors import ReadError
from harmtrace.read.language import detect_language, supported_languages
from harmtrace.records import Report

ID_HEX_CHARS = 16

_NEWLINES = re.compile(r"\r\n|\r|\u2028|\u2029|\x0b|\x0c|\x85")
_TRAILING_SPACE = re.compile(r"[^\S\n]+\n")
_BLANK_RUNS = re.compile(r"\n{3,}")
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")
_LANGUAGE_TAG = re.compile(r"^([a-z]{2})(?:[-_].*)?$")
# Relative expressions ("yesterday") are dropped: nothing says what they were
# relative to, and resolving them against today would invent a date.
_DATEPARSER_SETTINGS = {
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
}


def normalise_text(text: str) -> str:
    """NFC, one kind of newline, no trailing spaces, at most one blank line in a row."""
    text = unicodedata.normalize("NFC", _NEWLINES.sub("\n", text))
    text = _TRAILING_SPACE.sub("\n", text + "\n")
    return _BLANK_RUNS.sub("\n\n", text).strip()


def report_id(text: str) -> str:
    """Hash of the text with case and spacing ignored, so re-spaced copies share an id."""
    key = " ".join(normalise_text(text).casefold().split())
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:ID_HEX_CHARS]


def iso_date(value: str | dt.date | None) -> str | None:
    """'YYYY-MM-DD' for a date written any usual way, None unless day, month and year are known.

    The date is the one written, in the writer's own time zone: a report dated
    23:30 local time was published that day, whatever the UTC date was.
    """
    if isinstance(value, dt.date):
        return value.isoformat()[:10]
    text = " ".join((value or "").split())
    if not text:
        return None
    parsed = _iso_prefix(text) or _rfc2822(text) or _dateparser(text)
    return parsed.isoformat() if parsed else None


def _iso_prefix(text: str) -> dt.date | None:
    match = _ISO_DAY.match(text)
    if not match:
        return None
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def _rfc2822(text: str) -> dt.date | None:
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def _dateparser(text: str) -> dt.date | None:
    parsed = dateparser.parse(
        text, languages=list(supported_languages()), settings=_DATEPARSER_SETTINGS
    )
    return parsed.date() if parsed else None


@cache
def _domain_extractor() -> tldextract.TLDExtract:
    # The bundled public-suffix snapshot only: no fetch, no cache written to disk.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def outlet_from_url(url: str | None) -> str | None:
    """The registered domain ('reuters.com'), or the host name when it has no public suffix.

    Reserved names such as 'wire.example' have no public suffix but still name
    an outlet; bare IP addresses and single labels do not.
    """
    host = (urlsplit((url or "").strip()).hostname or "").rstrip(".")
    if not host or _is_ip(host):
        return None
    registered = _domain_extractor()(host).top_domain_under_public_suffix
    if registered:
        return registered
    return host.removeprefix("www.") if "." in host else None


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def language_code(value: str | None) -> str | None:
    """ISO 639-1 code from a declared language tag ('en-US' -> 'en'), else None."""
    match = _LANGUAGE_TAG.match((value or "").strip().lower())
    return match[1] if match else None


def clean_field(value: object) -> str | None:
    """A metadata string with spacing collapsed; None for non-strings and empty strings."""
    if not isinstance(value, str):
        return None
    return " ".join(unicodedata.normalize("NFC", value).split()) or None


def make_report(
    text: str,
    *,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    published: str | dt.date | None = None,
    language: str | None = None,
    source: str | None = None,
) -> Report:
    """A `Report` with normalised text and metadata; raises ReadError when there is no text."""
    body = normalise_text(text)
    if not body:
        raise ReadError(source or "<unknown>", "no text")
    url = clean_field(url)
    return Report(
        id=report_id(body),
        text=body,
        title=clean_field(title),
        url=url,
        outlet=clean_field(outlet) or outlet_from_url(url),
        published=iso_date(published),
        language=language_code(language) or detect_language(body),
        source=source,
    )
