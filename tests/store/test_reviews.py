"""Analysts' reviews beside the machine's records: versions, views, status and the export read."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import select

from harmtrace.errors import StoreError
from harmtrace.records import IncidentClaim
from harmtrace.store import (
    REVIEW_CONFIDENCE,
    REVIEW_RULE,
    iter_records,
    iter_report_records,
    latest_reviews,
    list_reports,
    review_status,
    save_review,
    speakers,
)
from harmtrace.store.schema import (
    AuditRow,
    IncidentClaimRow,
    IncidentMemberRow,
    IncidentRow,
    StatementRow,
)

from .conftest import TEXT, full_extraction, span

MACHINE = full_extraction("aaaa0001")


def reviewed(record):
    return dataclasses.replace(record, confidence=REVIEW_CONFIDENCE, rule=REVIEW_RULE)


ADDED = IncidentClaim(
    event_type="shelling", evidence="Since 2014 the coalition has killed at least 396 civilians",
    start=span(TEXT, "Since 2014")[0], end=span(TEXT, "396 civilians")[1], location="Mosul",
    killed_low=396, rule=REVIEW_RULE, confidence=REVIEW_CONFIDENCE,
)
# The analyst keeps Ali Hassan's statement as it is, drops the ministry's, corrects
# the airstrike's toll, drops the negated claim, adds one claim and finds no aggregate.
REVIEW = {
    "statements": [reviewed(MACHINE.statements[0])],
    "incidents": [reviewed(dataclasses.replace(MACHINE.incidents[0], killed_low=13)), ADDED],
    "aggregates": [],
}


def first_pairs(kind, replaced, new, text):
    """The analyst's first record of each kind corrects the machine's first one."""
    return [(0, 0)] if replaced and new else []


@pytest.fixture
def stored(save, make_item):
    items = [make_item("aaaa0001", published="2017-03-18"),
             make_item("bbbb0002", published="2017-04-02", outlet="Other Daily")]
    save(items)
    return items


def review(sessions, records=REVIEW, report_id="aaaa0001", pair=first_pairs):
    with sessions() as session:
        return save_review(session, report_id=report_id, records=records, actor="ana",
                           source="fixed/aaaa0001.json", pair=pair)


def rows(sessions, kind, view, report_id="aaaa0001"):
    with sessions() as session:
        return [r for r in iter_records(session, kind=kind, view=view)
                if r["report_id"] == report_id]


def test_first_review_sits_beside_the_machine_records(sessions, stored):
    result = review(sessions)
    assert (result.version, result.changed) == (1, True)
    assert result.counts == {"statements": 1, "incidents": 2, "aggregates": 0}
    machine = rows(sessions, "incidents", "machine")
    assert [(r["origin"], r["killed_low"]) for r in machine] == [("machine", 12), ("machine", None)]
    found = rows(sessions, "incidents", "reviewed")
    assert [(r["killed_low"], r["extractor"], r["origin"], r["rule"]) for r in found] == [
        (13, "review/v1", "reviewed", "review"), (396, "review/v1", "reviewed", "review"),
    ]
    with sessions() as session:
        (audit,) = session.scalars(select(AuditRow)).all()
        assert (audit.actor, audit.action, audit.table_name) == ("ana", "review", "reviews")
        assert audit.detail["version"] == 1 and audit.detail["report_id"] == "aaaa0001"
        assert latest_reviews(session)["aaaa0001"].source == "fixed/aaaa0001.json"


def test_current_view_reads_the_review_where_there_is_one(sessions, stored):
    review(sessions)
    assert [r["killed_low"] for r in rows(sessions, "incidents", "current")] == [13, 396]
    assert rows(sessions, "aggregates", "current") == []
    assert len(rows(sessions, "incidents", "current", "bbbb0002")) == 2
    assert len(rows(sessions, "incidents", "all")) == 4
    with sessions() as session:
        listed = {r.id: (r.statements, r.incidents, r.aggregates) for r in list_reports(session)}
        tally = {s.speaker: s.count for s in speakers(session)}
    assert listed == {"aaaa0001": (1, 2, 0), "bbbb0002": (2, 2, 2)}
    assert tally == {"Ali Hassan": 2, "Ministry of Defence": 1}


def test_importing_the_same_review_again_changes_nothing(sessions, stored, snapshot):
    review(sessions)
    before = snapshot()
    result = review(sessions)
    assert (result.version, result.changed) == (1, False)
    assert snapshot() == before


def test_a_newer_correction_is_a_new_version(sessions, stored):
    review(sessions)
    newer = {**REVIEW, "incidents": [REVIEW["incidents"][0]]}
    result = review(sessions, newer)
    assert (result.version, result.changed) == (2, True)
    assert [(r["killed_low"], r["extractor"]) for r in rows(sessions, "incidents", "current")] \
        == [(13, "review/v2")]
    with sessions() as session:
        kept = session.scalars(select(IncidentClaimRow.extractor)
                               .where(IncidentClaimRow.report_id == "aaaa0001")).all()
        assert sorted(kept) == ["review/v1", "review/v1", "review/v2", "rules/v1", "rules/v1"]
        assert [a.detail["replaces"] for a in session.scalars(select(AuditRow))] == [None, 1]
        assert latest_reviews(session)["aaaa0001"].version == 2


def test_a_review_with_no_records_leaves_the_report_with_none(sessions, stored):
    review(sessions, {})
    for kind in ("statements", "incidents", "aggregates"):
        assert rows(sessions, kind, "current") == []
        assert len(rows(sessions, kind, "machine")) == 2


def test_status_says_what_the_analyst_did_with_each_record(sessions, stored):
    review(sessions)
    with sessions() as session:
        status = review_status(session, report_id="aaaa0001")
        untouched = review_status(session, report_id="bbbb0002")
    seen = [(s.kind, s.origin, s.status) for s in status]
    assert seen == [
        ("statements", "machine", "confirmed"), ("statements", "machine", "rejected"),
        ("statements", "reviewed", "confirmed"),
        ("incidents", "machine", "corrected"), ("incidents", "machine", "rejected"),
        ("incidents", "reviewed", "corrected"), ("incidents", "reviewed", "added"),
        ("aggregates", "machine", "rejected"), ("aggregates", "machine", "rejected"),
    ]
    confirmed = status[0]
    assert confirmed.reviewed_id == status[2].record_id
    assert {s.status for s in untouched} == {"unreviewed"}


def test_status_follows_corrections_through_versions(sessions, stored):
    review(sessions)
    review(sessions, {**REVIEW, "statements": [reviewed(dataclasses.replace(
        MACHINE.statements[0], cue="said on Friday"))]})
    with sessions() as session:
        status = [s for s in review_status(session, report_id="aaaa0001")
                  if s.kind == "statements"]
    assert [(s.origin, s.status) for s in status] == [
        ("machine", "corrected"), ("machine", "rejected"), ("reviewed", "corrected"),
    ]


def test_a_review_of_a_report_not_stored_fails_and_writes_nothing(sessions, stored, snapshot):
    before = snapshot()
    with pytest.raises(StoreError, match="report ffff0009 is not stored"):
        review(sessions, report_id="ffff0009")
    assert snapshot() == before


def test_report_records_carry_their_linked_incident(sessions, stored):
    with sessions() as session, session.begin():
        claim = session.scalars(select(IncidentClaimRow).where(
            IncidentClaimRow.report_id == "bbbb0002", IncidentClaimRow.seq == 0)).one()
        incident = IncidentRow()
        session.add(incident)
        session.flush()
        session.add(IncidentMemberRow(incident_id=incident.id, claim_id=claim.id))
        linked = incident.id
    with sessions() as session:
        found = {r.report.id: r for r in iter_report_records(session, view="machine")}
    assert [c["incident_id"] for c in found["bbbb0002"].records["incidents"]] == [linked, None]
    assert found["bbbb0002"].report.outlet == "Other Daily"
    assert "incident_id" not in found["bbbb0002"].records["statements"][0]


def test_report_records_in_each_view(sessions, stored):
    review(sessions)
    with sessions() as session:
        def views(view, **filters):
            return {r.report.id: {k: len(v) for k, v in r.records.items()}
                    for r in iter_report_records(session, view=view, **filters)}
        assert views("reviewed") == {"aaaa0001": {"statements": 1, "incidents": 2,
                                                  "aggregates": 0}}
        assert views("all")["aaaa0001"] == {"statements": 3, "incidents": 4, "aggregates": 2}
        assert views("current", outlet="Other Daily") == {
            "bbbb0002": {"statements": 2, "incidents": 2, "aggregates": 2}}
        assert list(views("machine", published_from="2017-04-01")) == ["bbbb0002"]
        assert list(views("machine", published_to="2017-03-31")) == ["aaaa0001"]


def test_unknown_view_is_refused(sessions, stored):
    with sessions() as session, pytest.raises(StoreError, match="unknown view 'draft'"):
        list(iter_records(session, kind="statements", view="draft"))


def test_a_single_reviewed_correction_still_replaces_its_record(sessions, stored):
    """Corrections of one record (origin reviewed, no review version) stay current."""
    with sessions() as session, session.begin():
        old = session.scalars(select(StatementRow).where(
            StatementRow.report_id == "bbbb0002", StatementRow.seq == 1)).one()
        fixed = StatementRow(**{c.name: getattr(old, c.name) for c in StatementRow.__table__.c
                                if c.name not in ("id", "origin", "created_at")},
                             origin="reviewed")
        session.add(fixed)
        session.flush()
        old.superseded_by = fixed.id
    found = rows(sessions, "statements", "reviewed", "bbbb0002")
    assert [r["origin"] for r in found] == ["reviewed"]
    assert len(rows(sessions, "statements", "current", "bbbb0002")) == 2
