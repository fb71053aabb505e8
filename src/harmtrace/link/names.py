"""Place names folded into keys, so spellings of one name compare equal.

Reports transliterate the same Arabic, Persian or Russian name many ways; the
rules that fold them (articles, words for the kind of place, letter rewrites)
are data, in `data/link/spellings.json`.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

_WORD = re.compile(r"[a-z0-9]+")
_APOSTROPHES = re.compile(r"['\u2018\u2019\u02bb\u02bc\u02be\u02bf`]")


@dataclass(frozen=True, slots=True)
class _Rules:
    articles: frozenset[str]
    unit_words: frozenset[str]
    rewrites: tuple[tuple[re.Pattern[str], str], ...]
    vowels: re.Pattern[str]


@cache
def _rules() -> _Rules:
    data = json.loads((files("harmtrace") / "data" / "link" / "spellings.json").read_text("utf-8"))
    return _Rules(
        articles=frozenset(data["articles"]),
        unit_words=frozenset(data["unit_words"]),
        rewrites=tuple((re.compile(p), r) for p, r in data["rewrites"]),
        vowels=re.compile(f"[{data['vowels']}]"),
    )


def _fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _APOSTROPHES.sub("", bare)


def _skeleton(word: str, rules: _Rules) -> str:
    for pattern, replacement in rules.rewrites:
        word = pattern.sub(replacement, word)
    consonants = rules.vowels.sub("", word)
    collapsed = re.sub(r"(.)\1+", r"\1", consonants)
    return collapsed or word


@lru_cache(maxsize=65536)
def place_key(name: str | None) -> str | None:
    """The comparison key of a place name; None when nothing of a name is left."""
    if not name:
        return None
    rules = _rules()
    words = [w for w in _WORD.findall(_fold(name)) if w not in rules.articles]
    named = [w for w in words if w not in rules.unit_words] or words
    key = " ".join(_skeleton(w, rules) for w in named)
    return key or None
