"""A store filled by ingesting the bundled sample and a report carrying script payloads,
made once for the web tests, and ASGI clients on it: `client` on SQLite for the
pages, `api` on SQLite and PostgreSQL for the JSON API."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import make_url

from harmtrace.config import Settings
from harmtrace.pipeline import ingest
from harmtrace.store import connect
from harmtrace.web import create_app

RESOURCES = Path(__file__).resolve().parents[1] / "resources" / "web"
HOSTILE = RESOURCES / "hostile-report.txt"
POSTGRES_ENV = "HARMTRACE_TEST_POSTGRES"


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


def _postgres_store(base: str) -> Iterator[str]:
    """The sample ingested into a schema of its own on the test server, dropped afterwards."""
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = connect(base)
    with admin.begin() as connection:
        connection.exec_driver_sql(f"CREATE SCHEMA {schema}")
    try:
        url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
        yield _filled(url.render_as_string(hide_password=False))
    finally:
        with admin.begin() as connection:
            connection.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()


@pytest.fixture(scope="session",
                params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def api(request: pytest.FixtureRequest, web_db: str) -> Iterator[TestClient]:
    """An ASGI client on the sample store, on SQLite and, when HARMTRACE_TEST_POSTGRES
    names a server, on PostgreSQL."""
    if request.param == "sqlite":
        yield TestClient(create_app(web_db))
        return
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        pytest.skip(f"{POSTGRES_ENV} is not set")
    for url in _postgres_store(base):
        yield TestClient(create_app(url))
