"""Fixtures shared by every test package: the spaCy pipeline, loaded once, and
the shared corpus folder beside the clone when it is there."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from harmtrace.config import get_settings
from harmtrace.extract.nlp import load_nlp

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DEV_CORPUS = SHARED / "corpus" / "dev"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp(get_settings().model)


@pytest.fixture(scope="session")
def dev_corpus() -> Path:
    if not DEV_CORPUS.is_dir():
        pytest.skip("../shared/corpus/dev is not beside this clone")
    return DEV_CORPUS
