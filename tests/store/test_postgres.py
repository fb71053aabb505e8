"""What only a PostgreSQL server shows: URL forms and its refusals.

Every other store test also runs on PostgreSQL through the `store_url` fixture.
"""

from __future__ import annotations

import pytest
from sqlalchemy.engine import make_url

from harmtrace.errors import StoreError
from harmtrace.store import connect, get_report

pytestmark = pytest.mark.postgres


@pytest.mark.parametrize("scheme", ["postgresql", "postgres", "postgresql+psycopg"])
def test_plain_urls_use_psycopg(postgres_url: str, scheme: str) -> None:
    url = make_url(postgres_url).set(drivername=scheme)
    engine = connect(url.render_as_string(hide_password=False))
    engine.dispose()
    assert engine.url.drivername == "postgresql+psycopg"


def test_wrong_password_is_refused_without_showing_it(postgres_url: str) -> None:
    url = make_url(postgres_url).set(password="wr0ng-Pa55")
    with pytest.raises(StoreError, match="cannot open store") as caught:
        connect(url.render_as_string(hide_password=False))
    assert "wr0ng-Pa55" not in str(caught.value)
    assert ":***@" in str(caught.value)


@pytest.mark.parametrize("store_url", ["postgres"], indirect=True)
def test_round_trip_on_postgres(sessions, save, make_item) -> None:
    item = make_item("5e5e5e5e5e5e")
    save([item])
    with sessions() as session:
        stored = get_report(session, report_id="5e5e5e")
    assert stored is not None
    assert (stored.report, stored.extraction) == (item.report, item.extraction)
