"""Incidents in the store: writing linking's decisions, listing, reading, exporting."""

from __future__ import annotations

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import JSON, DateTime, column, insert, select, table

from harmtrace.records import Extraction, IncidentClaim
from harmtrace.store import (
    IncidentWrite,
    MemberWrite,
    connect,
    get_incident,
    incident_claims,
    iter_incidents,
    linked_claims,
    list_incidents,
    save_links,
    unlinked_claims,
)
from harmtrace.store.db import alembic_config
from harmtrace.store.schema import IncidentRow, utc_now

from .conftest import TEXT, full_extraction

INCIDENT_LISTING = "0003"
"""The revision that gave incidents their listing columns."""
INCIDENT_TOLLS = "0004"
"""The revision that gave incidents their death toll columns."""


def claims_extraction(report_id: str, *claims: IncidentClaim) -> Extraction:
    return Extraction(report_id=report_id, incidents=claims, extractor="rules/v1")


def write(key, *, country="IQ", start="2017-03-17", end="2017-03-17", grade="single_source",
          perpetrators=("US-led coalition",)) -> IncidentWrite:
    summary = {"claims": 1, "location": "al-Jadida", "grade": {"grade": grade}}
    return IncidentWrite(key=key, summary=summary, grade=grade, grade_rule=f"grade.{grade}/1",
                         country=country, date_start=start, date_end=end,
                         perpetrators=tuple(perpetrators))


def test_unlinked_claims_carry_their_reports_details(sessions, save, make_item):
    save([make_item("a" * 12)])
    with sessions() as session:
        found = unlinked_claims(session)
    assert [c.claim for c in found] == list(full_extraction("a" * 12).incidents)
    assert {(c.report_id, c.outlet, c.published) for c in found} == {
        ("a" * 12, "Example Wire", "2017-03-18")}


def test_saved_links_are_read_back_and_claims_leave_the_unlinked(sessions, save, make_item):
    save([make_item("a" * 12)])
    with sessions() as session:
        first, second = unlinked_claims(session)
        session.commit()
        ids = save_links(session, incidents=[write("new-1")], members=[
            MemberWrite(first.claim_id, "new-1", {"founded": True}),
            MemberWrite(second.claim_id, "new-1", {"total": 0.7}),
        ])
    with sessions() as session:
        assert unlinked_claims(session) == []
        found = get_incident(session, incident_id=ids["new-1"])
        assert found is not None
        assert found.incident.grade == "single_source"
        assert [m.score for m in found.members] == [{"founded": True}, {"total": 0.7}]
        assert [m.claim.claim_id for m in found.members] == [first.claim_id, second.claim_id]
        assert list(incident_claims(session, incident_ids=[ids["new-1"]])) == [ids["new-1"]]
        assert get_incident(session, incident_id=ids["new-1"] + 1) is None


def test_an_existing_incident_is_updated_in_place(sessions, save, make_item):
    save([make_item("a" * 12)])
    with sessions() as session:
        ids = save_links(session, incidents=[write("n")], members=[])
        save_links(session, incidents=[write(ids["n"], grade="denied",
                                             perpetrators=("Islamic State",))], members=[])
    with sessions() as session:
        (row,) = list_incidents(session)
        assert (row.id, row.grade) == (ids["n"], "denied")
        assert list_incidents(session, perpetrator="US-led coalition") == []
        assert [r.id for r in list_incidents(session, perpetrator="Islamic State")] == [row.id]


def test_listing_filters_by_country_dates_and_grade(sessions):
    with sessions() as session:
        ids = save_links(session, incidents=[
            write("mosul"),
            write("raqqa", country="SY", start="2017-09-25", end="2017-09-26",
                  grade="corroborated"),
        ], members=[])
    with sessions() as session:
        def listed(**filters):
            return sorted(r.id for r in list_incidents(session, **filters))

        assert listed(country="sy") == [ids["raqqa"]]
        assert listed(since="2017-09-26") == [ids["raqqa"]]
        assert listed(until="2017-03-17") == [ids["mosul"]]
        assert listed(since="2017-03-01", until="2017-12-31") == sorted(ids.values())
        assert listed(grade="corroborated") == [ids["raqqa"]]


def test_linked_claims_are_found_by_country_and_date(sessions, save, make_item):
    extraction = claims_extraction("b" * 12, *full_extraction("b" * 12).incidents[:1])
    save([make_item("b" * 12, extraction=extraction)])
    with sessions() as session:
        (claim,) = unlinked_claims(session)
        session.commit()
        ids = save_links(session, incidents=[write("x")],
                         members=[MemberWrite(claim.claim_id, "x", None)])
    with sessions() as session:
        near = linked_claims(session, countries={"IQ"}, since="2017-03-14", until="2017-03-20")
        assert [(c.claim_id, i) for c, i in near] == [(claim.claim_id, ids["x"])]
        assert linked_claims(session, countries={"SY"}, since=None, until=None) == []
        assert linked_claims(session, countries={"IQ"}, since="2018-01-01", until=None) == []
        assert linked_claims(session, countries={"IQ"}, since=None, until="2017-03-01") == []


def test_export_rows_nest_each_incidents_claims(sessions, save, make_item):
    save([make_item("a" * 12)])
    with sessions() as session:
        first, _ = unlinked_claims(session)
        session.commit()
        save_links(session, incidents=[write("n")],
                   members=[MemberWrite(first.claim_id, "n", None)])
    with sessions() as session:
        (row,) = list(iter_incidents(session))
    assert row["grade"] == "single_source"
    assert row["summary"]["location"] == "al-Jadida"
    assert [c["record_id"] for c in row["claims"]] == [first.claim_id]
    assert row["claims"][0]["outlet"] == "Example Wire"
    assert TEXT.find(row["claims"][0]["evidence"]) >= 0


def test_migration_keeps_incidents_stored_before_it(tmp_path):
    engine = connect(f"sqlite:///{tmp_path / 'old.db'}")
    with engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        before = ScriptDirectory.from_config(config).get_revision(INCIDENT_LISTING)
        command.upgrade(config, before.down_revision)
        old_incidents = table("incidents", column("created_at", DateTime(timezone=True)),
                              column("summary", JSON), column("grade"))
        connection.execute(insert(old_incidents).values(
            created_at=utc_now(), summary={"claims": 2}, grade="single_source"))
    with engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    with engine.connect() as connection:
        row = connection.execute(select(IncidentRow)).one()
    assert (row.grade, row.summary, row.country) == ("single_source", {"claims": 2}, None)
    engine.dispose()


def test_migration_copies_death_tolls_out_of_stored_summaries(tmp_path):
    engine = connect(f"sqlite:///{tmp_path / 'tolls.db'}")
    with engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        before = ScriptDirectory.from_config(config).get_revision(INCIDENT_TOLLS)
        command.upgrade(config, before.down_revision)
        old_incidents = table("incidents", column("created_at", DateTime(timezone=True)),
                              column("summary", JSON))
        connection.execute(insert(old_incidents), [
            {"created_at": utc_now(), "summary": {"killed": {"low": 7, "high": 9}}},
            {"created_at": utc_now(), "summary": {"killed": {"low": None, "high": None}}},
            {"created_at": utc_now(), "summary": {"claims": 1}},
        ])
    with engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    with engine.connect() as connection:
        tolls = connection.execute(select(IncidentRow.killed_low, IncidentRow.killed_high)
                                   .order_by(IncidentRow.id)).all()
    assert [tuple(t) for t in tolls] == [(7, 9), (None, None), (None, None)]
    engine.dispose()


def test_saved_incidents_carry_their_death_toll_as_columns(sessions):
    counted = write("counted")
    counted.summary["killed"] = {"low": 3, "high": 5}
    with sessions() as session:
        ids = save_links(session, incidents=[counted, write("uncounted")], members=[])
    with sessions() as session:
        assert session.get(IncidentRow, ids["counted"]).killed_low == 3
        assert session.get(IncidentRow, ids["counted"]).killed_high == 5
        assert session.get(IncidentRow, ids["uncounted"]).killed_low is None
