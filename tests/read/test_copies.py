from __future__ import annotations

from pathlib import Path

import pytest

from harmtrace.read.copies import CopyIndex, from_bytes, shingles, signature, to_bytes

THRESHOLD = 0.8  # the default near_copy_threshold in config.Settings


@pytest.fixture(scope="module")
def wire(resources: Path) -> str:
    return (resources / "karvel_market_wire.txt").read_text("utf-8")


@pytest.fixture(scope="module")
def local_report(resources: Path) -> str:
    """Another outlet's own report of the same strike (the article text of the page)."""
    html = (resources / "karvel_market_local.html").read_text("utf-8")
    article = html.split("<article>")[1].split("</article>")[0]
    return article.replace("<p>", "").replace("</p>", "\n")


def syndicated(text: str) -> str:
    """How a client paper reprints wire copy: its own headline and a few words changed."""
    body = text.split("\n", 1)[1]
    edits = {
        "(Fictional Wire)": "(Sarn Evening Post)",
        "told reporters": "told journalists",
        "by telephone": "by phone",
        "about forty kilometres": "some 40 km",
    }
    for old, new in edits.items():
        assert old in body
        body = body.replace(old, new)
    return "Fourteen dead as jets hit crowded Karvel market\n" + body


def test_shingles_are_casefolded_word_5_grams() -> None:
    assert shingles("One two, THREE four five six") == {
        "one two three four five",
        "two three four five six",
    }
    assert shingles("Too short") == {"too short"}
    assert shingles("  ") == set()


def test_syndicated_copy_is_found(wire: str) -> None:
    index = CopyIndex(THRESHOLD)
    index.add("original", signature(wire))
    assert index.find(signature(syndicated(wire))) == "original"


def test_unrelated_report_of_the_same_event_is_not_a_copy(wire: str, local_report: str) -> None:
    assert "Karvel" in local_report
    index = CopyIndex(THRESHOLD)
    index.add("original", signature(wire))
    assert signature(local_report).jaccard(signature(wire)) < 0.1
    assert index.find(signature(local_report)) is None


def test_find_picks_the_closest_of_several(wire: str, local_report: str) -> None:
    index = CopyIndex(THRESHOLD)
    index.add("local", signature(local_report))
    index.add("copy", signature(syndicated(wire)))
    index.add("original", signature(wire))
    assert index.find(signature(wire)) == "original"


def test_adding_an_id_twice_keeps_one_entry(wire: str) -> None:
    index = CopyIndex(THRESHOLD)
    index.add("original", signature(wire))
    index.add("original", signature(wire))
    assert len(index) == 1


def test_empty_index_finds_nothing(wire: str) -> None:
    assert CopyIndex(THRESHOLD).find(signature(wire)) is None


def test_signature_survives_bytes_round_trip(wire: str) -> None:
    original = signature(wire)
    data = to_bytes(original)
    assert len(data) == 128 * 8
    restored = from_bytes(data)
    assert restored.jaccard(original) == 1.0
    index = CopyIndex(THRESHOLD)
    index.add("stored", restored)
    assert index.find(signature(syndicated(wire))) == "stored"


def test_from_bytes_refuses_a_wrong_length() -> None:
    with pytest.raises(ValueError):
        from_bytes(b"\x00" * 24)
