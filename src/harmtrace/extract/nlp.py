"""The spaCy pipeline, loaded once per process from an installed package."""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

from harmtrace.errors import ExtractionError


@cache
def load_nlp(model: str) -> Language:
    """Load the pinned pipeline package; never downloads."""
    try:
        return spacy.load(model)
    except OSError as exc:
        raise ExtractionError("-", f"spaCy pipeline {model!r} is not installed: {exc}") from exc
