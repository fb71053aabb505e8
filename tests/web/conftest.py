"""A store filled by ingesting the bundled sample and a report carrying script payloads,
made once for the web tests, and ASGI clients on it: `client` on SQLite for the
pages, `api` on SQLite and PostgreSQL for the JSON API."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from harmtrace.config import Settings
from harmtrace.pipeline import ingest
from harmtrace.web import create_app

RESOURCES = Path(__file__).resolve().parents[1] / "resources" / "web"
HOSTILE = RESOURCES / "hostile-report.txt"


def _filled(url: str) -> str:
    sample = resources.files("harmtrace") / "data" / "sample"
    summary = ingest([str(sample), str(HOSTILE)], settings=Settings(db=url))
    assert not summary.failed
    return url


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return _filled(f"sqlite:///{tmp_path_factory.mktemp('web') / 'web.db'}")


@pytest.fixture(scope="session")
def client(web_db: str) -> TestClient:
    return TestClient(create_app(web_db))


@pytest.fixture(scope="session",
                params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def api(request: pytest.FixtureRequest, web_db: str) -> Iterator[TestClient]:
    """An ASGI client on the sample store, on SQLite and, when HARMTRACE_TEST_POSTGRES
    names a server, on PostgreSQL."""
    if request.param == "sqlite":
        yield TestClient(create_app(web_db))
        return
    with request.getfixturevalue("postgres_schema")() as url:
        yield TestClient(create_app(_filled(url)))
