from __future__ import annotations

import codecs

import pytest

from harmtrace.errors import ReadError
from harmtrace.read.decoding import check_text, decode_bytes

FRENCH = "Frappe à Karvel : « quatorze civils tués », selon le conseil — bilan provisoire."


@pytest.mark.parametrize(
    "data",
    [
        FRENCH.encode("utf-8"),
        codecs.BOM_UTF8 + FRENCH.encode("utf-8"),
        FRENCH.encode("utf-16"),  # with its BOM
        codecs.BOM_UTF16_BE + FRENCH.encode("utf-16-be"),
        FRENCH.encode("cp1252"),
    ],
)
def test_text_encodings_are_read(data: bytes) -> None:
    assert decode_bytes(data, "f.txt") == FRENCH


def test_latin_1_reads_as_its_windows_superset() -> None:
    text = "Café détruit à Karvel, déclare le maire."
    assert decode_bytes(text.encode("latin-1"), "f.txt") == text


def test_declared_charset_is_honoured() -> None:
    page = '<meta charset="windows-1251"><p>Удар по рынку в Карвеле</p>'
    assert decode_bytes(page.encode("cp1251"), "p.html") == page


def test_charset_given_by_the_caller_is_honoured() -> None:
    text = "Удар по рынку"
    assert decode_bytes(text.encode("koi8-r"), "r", declared="koi8-r") == text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary content (NUL bytes), not text"),
        (b"", "empty: no text"),
        (b" \r\n\t\n", "empty: no text"),
        # Arabic in a legacy code page reads as Windows-1252 gibberish: refused, not guessed
        ("أصابت الغارة الجوية سوق المدينة".encode("cp1256"), "undecodable"),
        ("Удар по рынку в Карвеле".encode("koi8-r"), "undecodable"),
    ],
)
def test_not_text_is_refused(data: bytes, reason: str) -> None:
    with pytest.raises(ReadError) as caught:
        decode_bytes(data, "f.txt")
    assert caught.value.source == "f.txt"
    assert caught.value.reason.startswith(reason)


def test_false_wide_charset_declaration_is_ignored() -> None:
    page = '<meta charset="utf-16"><p>Frappe à Karvel</p>'
    assert decode_bytes(page.encode("utf-8"), "p.html") == page


def test_check_text() -> None:
    assert check_text("words", "<stdin>") == "words"
    with pytest.raises(ReadError):
        check_text("a\x00b", "<stdin>")
    with pytest.raises(ReadError):
        check_text("\n \n", "<stdin>")
