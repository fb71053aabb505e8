"""Language data (number words, casualty nouns, cues) read from data/lang/<code>/."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any


@cache
def lexicon(name: str, lang: str = "en") -> Any:
    """Load `data/lang/<lang>/<name>.json` once per process."""
    path = resources.files("harmtrace") / "data" / "lang" / lang / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8"))


def phrases_pattern(words: list[str]) -> str:
    """An alternation that tries longer phrases first, with flexible inner spaces."""
    ordered = sorted({w.strip() for w in words if w.strip()}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in ordered)
