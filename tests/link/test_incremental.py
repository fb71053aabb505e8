"""Linking a real store: incremental, idempotent, copies counted once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from harmtrace import store
from harmtrace.link import link_store
from harmtrace.records import Extraction, Report
from harmtrace.store.schema import Base


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty store on SQLite, and on PostgreSQL (a schema of its own) when
    HARMTRACE_TEST_POSTGRES names a server."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'link.db'}"
        return
    with request.getfixturevalue("postgres_schema")() as url:
        yield url


@pytest.fixture
def sessions(store_url: str) -> Iterator[sessionmaker[Session]]:
    engine = store.connect(store_url)
    store.migrate(engine)
    yield store.session_factory(engine)
    engine.dispose()


def save(sessions, report_id: str, outlet: str, claims, *, copy_of: str | None = None,
         url: str | None = None) -> None:
    report = Report(id=report_id, text=f"Report {report_id}.", outlet=outlet, url=url,
                    published="2017-03-19", language="en")
    extraction = Extraction(report_id=report_id, incidents=tuple(claims), extractor="test/1")
    with sessions() as session:
        store.save_batch(session, items=[store.StoredItem(report, extraction,
                                                          copy_of=copy_of)])


def snapshot(sessions) -> list[tuple]:
    with sessions() as session:
        tables = [Base.metadata.tables[name] for name in
                  ("incidents", "incident_members", "incident_perpetrators")]
        return [tuple(row) for table in tables for row in session.execute(
            table.select().order_by(*table.primary_key.columns))]


def incidents(sessions) -> list[store.StoredIncident]:
    with sessions() as session:
        listed = store.list_incidents(session)
        return [store.get_incident(session, incident_id=row.id) for row in listed]


def test_two_outlets_one_event_then_an_unrelated_report(sessions, make_claim):
    save(sessions, "wire", "Example Wire", [make_claim(claimed_by="Airwars")])
    save(sessions, "local", "Mosul Daily", [make_claim(
        location="Jadidah", killed_low=105, killed_high=None,
        claimed_by="Iraqi Ministry of Health")])
    first = link_store(sessions)
    assert (first.claims, first.founded, first.joined) == (2, 1, 1)
    (only,) = incidents(sessions)
    assert only.incident.grade == "corroborated"
    assert only.incident.summary["killed"]["low"] == 100
    assert only.incident.summary["killed"]["high"] == 105
    assert [m.claim.report_id for m in only.members] == ["wire", "local"]
    assert only.members[0].score == {"founded": True, "threshold": 0.6}
    assert only.members[1].score["matched_claim"] == only.members[0].claim.claim_id

    save(sessions, "elsewhere", "Example Wire", [make_claim(
        location="Raqqa", admin=None, country="SY", geo_precision="city", latitude=35.95,
        longitude=39.01, date_start="2017-03-21", date_end="2017-03-21")])
    second = link_store(sessions)
    assert (second.claims, second.founded, second.incidents_updated) == (1, 1, 0)
    assert sorted(i.incident.country for i in incidents(sessions)) == ["IQ", "SY"]


def test_running_again_changes_nothing(sessions, make_claim):
    save(sessions, "wire", "Example Wire", [make_claim(), make_claim(
        claimed_by="US-led coalition", negated=True, killed_low=None, killed_high=None)])
    link_store(sessions)
    before = snapshot(sessions)
    assert link_store(sessions).claims == 0
    assert snapshot(sessions) == before


def test_a_new_report_joins_an_existing_incident_and_updates_it(sessions, make_claim):
    save(sessions, "wire", "Example Wire", [make_claim(claimed_by="Airwars")])
    link_store(sessions)
    save(sessions, "centcom", "CENTCOM", [make_claim(claimed_by="US Central Command",
                                                      killed_low=105, killed_high=105)])
    run = link_store(sessions)
    assert (run.joined, run.incidents_updated) == (1, 1)
    (only,) = incidents(sessions)
    assert only.incident.grade == "acknowledged"
    assert only.incident.summary["killed"]["high"] == 105
    with sessions() as session:
        (listed,) = store.list_incidents(session, perpetrator="US-led coalition")
        assert listed.id == only.incident.id


def test_a_near_copy_from_another_outlet_counts_once(sessions, make_claim):
    save(sessions, "wire", "Example Wire", [make_claim()])
    save(sessions, "copy", "Aggregator", [make_claim()], copy_of="wire")
    link_store(sessions)
    (only,) = incidents(sessions)
    assert only.incident.summary["claims"] == 2
    assert only.incident.summary["sources"] == 1
    assert only.incident.grade == "single_source"
