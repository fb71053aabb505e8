"""Fixtures shared by every test package: the spaCy pipeline, loaded once, the
shared corpus folder beside the clone when it is there, and stores of their own
on the PostgreSQL test server named by HARMTRACE_TEST_POSTGRES."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from functools import partial
from pathlib import Path

import pytest
from spacy.language import Language
from sqlalchemy.engine import make_url

from harmtrace.config import get_settings
from harmtrace.extract.nlp import load_nlp
from harmtrace.store import connect

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DEV_CORPUS = SHARED / "corpus" / "dev"
POSTGRES_ENV = "HARMTRACE_TEST_POSTGRES"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp(get_settings().model)


@pytest.fixture(scope="session")
def dev_corpus() -> Path:
    if not DEV_CORPUS.is_dir():
        pytest.skip("../shared/corpus/dev is not beside this clone")
    return DEV_CORPUS


@pytest.fixture(scope="session")
def postgres_url() -> str:
    """The test server's URL, or a skip when none is configured."""
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        pytest.skip(f"{POSTGRES_ENV} is not set")
    return url


@contextmanager
def _schema_of_its_own(base: str) -> Iterator[str]:
    """A URL whose tables live in a fresh schema, dropped on leaving."""
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = connect(base)
    with admin.begin() as connection:
        connection.exec_driver_sql(f"CREATE SCHEMA {schema}")
    try:
        url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()


@pytest.fixture(scope="session")
def postgres_schema(postgres_url: str) -> Callable[[], AbstractContextManager[str]]:
    """Opens a store of its own on the test server: `with postgres_schema() as url:`."""
    return partial(_schema_of_its_own, postgres_url)
