from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import select

from harmtrace.errors import StoreError
from harmtrace.store import (
    SpeakerCount,
    counts,
    get_report,
    iter_records,
    list_reports,
    minhash_signatures,
    report_ids_present,
    speakers,
)
from harmtrace.store.schema import REVIEWED, StatementRow


@pytest.fixture
def stored(save, make_item):
    """Three originals from two outlets (one undated) and a near-copy of the first."""
    items = [
        make_item("aaaa0001", published="2017-03-18", minhash=b"sig-one"),
        make_item("aaaa0002", published=None, outlet="Other Daily", minhash=None),
        make_item("bbbb0003", published="2017-03-20", minhash=b"sig-three"),
        make_item("cccc0004", published="2017-03-19", copy_of="aaaa0001", minhash=b"sig-copy"),
    ]
    save(items)
    return items


def test_report_ids_present_across_many_ids(sessions, stored) -> None:
    asked = [f"unknown{n:05d}" for n in range(1200)] + ["bbbb0003", "aaaa0001"]
    with sessions() as session:
        assert report_ids_present(session, ids=asked) == {"aaaa0001", "bbbb0003"}
        assert report_ids_present(session, ids=[]) == set()


def test_minhash_signatures_of_originals_only(sessions, stored) -> None:
    with sessions() as session:
        assert sorted(minhash_signatures(session)) == [
            ("aaaa0001", b"sig-one"), ("bbbb0003", b"sig-three"),
        ]


@pytest.mark.parametrize(
    ("asked", "found"),
    [
        ("bbbb0003", "bbbb0003"),
        ("bbbb00", "bbbb0003"),
        ("bbbb0", None),  # unique, but shorter than the shortest prefix looked up
        ("aaaa00_2", None),  # LIKE wildcards in the prefix match only themselves
        ("aaaa%%", None),
        ("zzzzzz", None),
    ],
)
def test_get_report_by_id_or_prefix(sessions, stored, asked, found) -> None:
    with sessions() as session:
        stored_report = get_report(session, report_id=asked)
    assert (stored_report.report.id if stored_report else None) == found


def test_ambiguous_prefix_names_the_candidates(sessions, stored) -> None:
    with sessions() as session, pytest.raises(StoreError, match="aaaa0001, aaaa0002"):
        get_report(session, report_id="aaaa00")


def test_list_reports_newest_first_with_counts(sessions, stored) -> None:
    with sessions() as session:
        listed = list_reports(session)
        page = list_reports(session, limit=2, offset=1)
        other = list_reports(session, outlet="Other Daily")
    assert [r.id for r in listed] == ["bbbb0003", "cccc0004", "aaaa0001", "aaaa0002"]
    assert [r.id for r in page] == ["cccc0004", "aaaa0001"]
    assert [(r.id, r.outlet, r.published) for r in other] == [("aaaa0002", "Other Daily", None)]
    copy = listed[1]
    assert (copy.copy_of, copy.outlet, copy.language, copy.title) == (
        "aaaa0001", "Example Wire", "en", "Strike in Mosul (cccc0004)",
    )
    assert {(r.statements, r.incidents, r.aggregates) for r in listed} == {(2, 2, 2)}


def test_iter_records_joins_the_report(sessions, stored) -> None:
    with sessions() as session:
        rows = list(iter_records(session, kind="aggregates"))
    assert len(rows) == 8
    first = rows[0]
    assert first["report_id"] == "aaaa0001"
    assert first["outlet"] == "Example Wire"
    assert first["url"] == "https://www.wire.example/2017/03/18/mosul"
    assert first["published"] == "2017-03-18"
    assert first["title"] == "Strike in Mosul (aaaa0001)"
    assert first["area"] == ["IQ", "SY"]
    assert first["killed_low"] == 396
    assert (first["extractor"], first["origin"], first["copy_of"]) == ("rules/v1", "machine", None)
    assert [row["copy_of"] for row in rows if row["report_id"] == "cccc0004"] == ["aaaa0001"] * 2


@pytest.mark.parametrize(("kind", "key"), [("statements", "speaker"), ("incidents", "negated")])
def test_iter_records_of_each_kind(sessions, stored, kind, key) -> None:
    with sessions() as session:
        rows = list(iter_records(session, kind=kind))
    assert len(rows) == 8
    assert all(key in row for row in rows)


def test_iter_records_refuses_unknown_kind(sessions, stored) -> None:
    with sessions() as session, pytest.raises(StoreError, match="unknown record kind 'places'"):
        list(iter_records(session, kind="places"))


def test_superseded_record_leaves_exports_but_not_the_machine_view(sessions, stored) -> None:
    with sessions() as session, session.begin():
        old = session.scalars(
            select(StatementRow).where(StatementRow.report_id == "bbbb0003", StatementRow.seq == 0)
        ).one()
        fixed = StatementRow(
            **{c.name: getattr(old, c.name) for c in StatementRow.__table__.columns
               if c.name not in ("id", "origin", "created_at")},
            origin=REVIEWED,
        )
        fixed.speaker_org = "Civil Defence"
        session.add(fixed)
        session.flush()
        old.superseded_by = fixed.id
    with sessions() as session:
        machine = get_report(session, report_id="bbbb0003")
        exported = [r for r in iter_records(session, kind="statements")
                    if r["report_id"] == "bbbb0003"]
        listed = {r.id: r.statements for r in list_reports(session)}
    assert machine is not None
    assert machine.extraction == stored[2].extraction
    assert [(r["origin"], r["speaker_org"]) for r in exported] == [
        ("reviewed", "Civil Defence"), ("machine", "Ministry of Defence"),
    ]
    assert listed["bbbb0003"] == 2


def test_speakers_counted_over_originals(sessions, stored, save, make_item) -> None:
    item = make_item("dddd0005")
    extra = dataclasses.replace(item.extraction, statements=item.extraction.statements[:1])
    save([dataclasses.replace(item, extraction=extra)])
    with sessions() as session:
        assert speakers(session) == [
            SpeakerCount("Ali Hassan", None, 4),
            SpeakerCount("Ministry of Defence", "Ministry of Defence", 3),
        ]


def test_counts(sessions, stored) -> None:
    with sessions() as session:
        assert counts(session) == {
            "reports": 4, "near_copies": 1, "outlets": 2, "statements": 8, "incidents": 8,
            "aggregates": 8, "linked_incidents": 0,
        }


def test_counts_of_an_empty_store(sessions) -> None:
    with sessions() as session:
        assert set(counts(session).values()) == {0}
