"""A small hand-written annotated report, and a fixture that writes corpus folders."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

TEXT = (
    "MOSUL, March 18 - An air strike on a house in al-Jadida killed 12 civilians on Friday, "
    "the provincial health office said.\n\n"
    "Islamic State fighters shelled Zanjili on Thursday, killing three people, police said.\n\n"
    '"We did not target civilians," said Colonel John Smith, a coalition spokesman. '
    "The coalition says its strikes have killed at least 396 civilians since 2014."
)

DOC: dict[str, Any] = {
    "id": "test-001",
    "url": None,
    "outlet": "Test Wire",
    "published": "2017-03-18",
    "language": "en",
    "title": "Strike kills 12 in Mosul",
    "text": TEXT,
    "incidents": [
        {
            "event_type": "airstrike", "date_start": "2017-03-17", "date_end": "2017-03-17",
            "date_precision": "day", "location": "al-Jadida", "admin": "Mosul", "country": "IQ",
            "perpetrator": "unknown", "killed_low": 12, "killed_high": 12, "injured_low": None,
            "injured_high": None, "victims": "civilians", "claimed_by": "local health officials",
            "negated": False,
            "evidence": "An air strike on a house in al-Jadida killed 12 civilians",
            "incident_key": "mosul-2017-03-17-al-jadida",
        },
        {
            "event_type": "shelling", "date_start": "2017-03-16", "date_end": "2017-03-16",
            "date_precision": "day", "location": "Zanjili", "admin": "Mosul", "country": "IQ",
            "perpetrator": "Islamic State", "killed_low": 3, "killed_high": 3,
            "injured_low": None, "injured_high": None, "victims": "unspecified",
            "claimed_by": "Iraqi police", "negated": False,
            "evidence": "Islamic State fighters shelled Zanjili on Thursday, killing three people",
            "incident_key": "mosul-2017-03-16-zanjili",
        },
    ],
    "statements": [
        {
            "speaker": "John Smith", "speaker_role": "spokesman", "speaker_org": "US-led coalition",
            "kind": "direct", "content": "We did not target civilians", "cue": "said",
        },
        {
            "speaker": "Iraqi police", "speaker_role": None, "speaker_org": "Iraqi police",
            "kind": "indirect",
            "content": "Islamic State fighters shelled Zanjili on Thursday, killing three people",
            "cue": "said",
        },
    ],
    "aggregates": [
        {
            "actor": "US-led coalition", "killed_low": 396, "killed_high": None,
            "period_start": "2014", "period_end": "2017-03", "area": ["IQ", "SY"],
            "claimed_by": "US-led coalition",
            "evidence": "its strikes have killed at least 396 civilians since 2014",
        },
    ],
}


@pytest.fixture
def doc() -> dict[str, Any]:
    """A fresh copy of the hand-written report, for a test to change."""
    return copy.deepcopy(DOC)


@pytest.fixture
def write_corpus(tmp_path: Path) -> Callable[..., Path]:
    """Write documents (dicts, or raw strings for malformed files) as NAME.json files."""
    def write(**files: dict[str, Any] | str) -> Path:
        folder = tmp_path / "corpus"
        folder.mkdir(exist_ok=True)
        for name, doc in files.items():
            body = doc if isinstance(doc, str) else json.dumps(doc, ensure_ascii=False)
            (folder / f"{name}.json").write_text(body, encoding="utf-8")
        return folder
    return write
