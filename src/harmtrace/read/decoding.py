"""Bytes to text, refusing what is not text rather than guessing wildly.

Order of trust: a byte-order mark (UTF-8, UTF-16, UTF-32); then UTF-8, which
almost never decodes non-UTF-8 text by accident; then a charset the content
declares (HTML meta, XML prolog, HTTP header); last, Windows-1252, the usual
encoding of older Western newsroom files, accepted only when the result reads
like Western text. Text in another legacy encoding (Windows-1256 Arabic,
KOI8-R) would decode as Windows-1252 into mostly accented gibberish, so it is
refused instead: such files must declare their charset.
"""

from __future__ import annotations

import codecs
import re

from harmtrace.errors import ReadError

# Western European text has a few accented letters in a hundred; text in a
# non-Latin legacy encoding misread as Windows-1252 is mostly non-ASCII.
MAX_NON_ASCII_SHARE_CP1252 = 0.3

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_DECLARED_SCAN_BYTES = 2048


def decode_bytes(data: bytes, source: str, declared: str | None = None) -> str:
    """Text of `data`; raises ReadError for binary, undecodable or empty content."""
    text = _decode(data, source, declared)
    if not text.strip():
        raise ReadError(source, "empty: no text")
    return text


def check_text(text: str, source: str) -> str:
    """Refuse text that was already decoded (stdin) but is binary or empty."""
    if "\x00" in text:
        raise ReadError(source, "binary content (NUL bytes), not text")
    if not text.strip():
        raise ReadError(source, "empty: no text")
    return text


def _decode(data: bytes, source: str, declared: str | None) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, source)
    if b"\x00" in data:
        raise ReadError(source, "binary content (NUL bytes), not text")
    for encoding in ("utf-8", declared or _declared_charset(data)):
        text = _try(data, encoding)
        if text is not None:
            return text
    return _western_legacy(data, source)


def _strict(data: bytes, encoding: str, source: str) -> str:
    text = _try(data, encoding)
    if text is None:
        raise ReadError(source, f"undecodable: not valid {encoding} despite its byte-order mark")
    return text


def _try(data: bytes, encoding: str | None) -> str | None:
    if not encoding:
        return None
    try:
        return data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return None


def _declared_charset(data: bytes) -> str | None:
    match = _DECLARED.search(data[:_DECLARED_SCAN_BYTES])
    if not match:
        return None
    name = match[1].decode("ascii").lower()
    # A wide charset declared in bytes readable as ASCII is a false declaration.
    return None if name.startswith(("utf-16", "utf-32", "utf16", "utf32")) else name


def _western_legacy(data: bytes, source: str) -> str:
    text = _try(data, "cp1252")
    non_ascii = sum(1 for char in text or "" if ord(char) > 127)
    if text is None or _CONTROL.search(text) or non_ascii > MAX_NON_ASCII_SHARE_CP1252 * len(text):
        raise ReadError(source, "undecodable: neither UTF-8 nor a declared or Western charset")
    return text
