"""Offline language identification of report text with lingua.

The detector covers only the languages listed in `data/read/languages.txt`:
fewer candidates means fewer confusions between unrelated languages and a
smaller model to load.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from lingua import IsoCode639_1, LanguageDetector, LanguageDetectorBuilder

# Below this many letters lingua guesses more than it knows ("Explosion in Kabul
# market" comes out French); such texts get no language rather than a wrong one.
MIN_LETTERS = 20
# Reports are paragraphs long; lingua's low-accuracy mode (trigram models only)
# matches the full mode above ~120 characters and loads in 0.1 s instead of 3 s.
# Only the start is read: a report's language does not change half-way.
SAMPLE_CHARS = 3000
# Minimum distance between the two likeliest languages' confidences; below it
# the text is ambiguous and gets no language.
MIN_RELATIVE_DISTANCE = 0.1

_LETTER = re.compile(r"[^\W\d_]")


@cache
def supported_languages() -> tuple[str, ...]:
    """ISO 639-1 codes of the languages reports are told apart among."""
    text = (resources.files("harmtrace") / "data" / "read" / "languages.txt").read_text("utf-8")
    lines = (line.strip() for line in text.splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


@cache
def _detector() -> LanguageDetector:
    codes = [getattr(IsoCode639_1, code.upper()) for code in supported_languages()]
    return (
        LanguageDetectorBuilder.from_iso_codes_639_1(*codes)
        .with_minimum_relative_distance(MIN_RELATIVE_DISTANCE)
        .with_low_accuracy_mode()
        .build()
    )


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when too short or unsure."""
    sample = text[:SAMPLE_CHARS]
    if len(_LETTER.findall(sample)) < MIN_LETTERS:
        return None
    language = _detector().detect_language_of(sample)
    return language.iso_code_639_1.name.lower() if language else None
