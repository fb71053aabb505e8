"""What the web app keeps between requests, and when it lets go of it."""

from __future__ import annotations

import threading

import pytest
from fastapi.testclient import TestClient

from harmtrace.store import IncidentWrite, open_store, save_links
from harmtrace.web import create_app
from harmtrace.web.cache import StoreCache


class Store:
    """A stand-in for the store's answer to "did the incidents change?", counted."""

    def __init__(self) -> None:
        self.version = 1
        self.asked = 0

    def __call__(self) -> int:
        self.asked += 1
        return self.version


def test_a_value_is_made_once_while_the_store_is_unchanged():
    cache, store, made = StoreCache(check_every=0), Store(), []
    for _ in range(3):
        assert cache.get("count", lambda: made.append(1) or len(made), store) == 1
    assert made == [1] and store.asked == 3


def test_values_are_made_again_once_the_store_changes():
    cache, store = StoreCache(check_every=0), Store()
    assert cache.get("count", lambda: "before", store) == "before"
    store.version = 2
    assert cache.get("count", lambda: "after", store) == "after"
    assert cache.get("count", lambda: "later", store) == "after"


def test_the_store_is_asked_at_most_once_per_check_interval():
    cache, store = StoreCache(check_every=3600), Store()
    cache.get("a", lambda: 1, store)
    store.version = 2
    assert cache.get("a", lambda: 2, store) == 1
    assert store.asked == 1


def test_a_value_made_while_the_store_changed_is_not_kept():
    cache, store = StoreCache(check_every=0), Store()

    def make_during_a_change() -> str:
        store.version = 2
        cache.get("other", lambda: "x", store)
        return "stale"

    assert cache.get("count", make_during_a_change, store) == "stale"
    assert cache.get("count", lambda: "fresh", store) == "fresh"


def test_callers_asking_at_once_wait_for_one_maker():
    cache, store, started, release = StoreCache(check_every=0), Store(), threading.Event(), \
        threading.Event()
    made: list[int] = []

    def slow() -> int:
        started.set()
        release.wait(5)
        made.append(1)
        return 42

    results: list[int] = []
    first = threading.Thread(target=lambda: results.append(cache.get("k", slow, store)))
    first.start()
    started.wait(5)
    second = threading.Thread(target=lambda: results.append(cache.get("k", slow, store)))
    second.start()
    second.join(0.2)
    release.set()
    first.join(5)
    second.join(5)
    assert results == [42, 42] and made == [1]


def test_least_recently_used_values_go_first():
    cache, store = StoreCache(entries=2, check_every=0), Store()
    cache.get("a", lambda: 1, store)
    cache.get("b", lambda: 2, store)
    cache.get("a", lambda: 0, store)
    cache.get("c", lambda: 3, store)
    assert cache.get("a", lambda: -1, store) == 1
    assert cache.get("b", lambda: -2, store) == -2


@pytest.fixture
def linked_store(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'linked.db'}"


def _incident(key: str, country: str) -> IncidentWrite:
    day = "2024-03-01"
    summary = {"killed": {"low": 3, "high": 3}, "latitude": 35.9, "longitude": 36.6,
               "location": "Idlib", "country": country, "event_types": ["airstrike"]}
    return IncidentWrite(key=key, summary=summary, grade=None, grade_rule=None,
                         country=country, date_start=day, date_end=day, perpetrators=())


def test_totals_timeline_and_map_follow_what_linking_writes(linked_store):
    sessions = open_store(linked_store)
    with sessions() as session:
        save_links(session, incidents=[_incident("a", "SY")], members=[])
    app = create_app(linked_store)
    app.state.cache = StoreCache(check_every=0)
    client = TestClient(app)
    assert client.get("/api/v1/incidents", params={"country": "SY"}).json()["total"] == 1
    assert len(client.get("/incidents/points").json()["features"]) == 1
    assert "1 incidents, 3 killed" in client.get("/incidents/timeline").text
    with sessions() as session:
        save_links(session, incidents=[_incident("b", "SY")], members=[])
    assert client.get("/api/v1/incidents", params={"country": "SY"}).json()["total"] == 2
    assert len(client.get("/incidents/points").json()["features"]) == 2
    assert "2 incidents, 6 killed" in client.get("/incidents/timeline").text
