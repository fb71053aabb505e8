from __future__ import annotations

import dataclasses
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import insert, select

from harmtrace.errors import StoreError
from harmtrace.records import Statement
from harmtrace.store import counts, get_report, record_audit, save_batch
from harmtrace.store.schema import AuditRow, OutletRow, ReportRow

FIRST = "1f0e8d7c6b5a"
SECOND = "2a3b4c5d6e7f"
THIRD = "3c4d5e6f7a8b"


def test_round_trip_gives_equal_records(sessions, save, make_item) -> None:
    item = make_item(FIRST)
    result = save([item])
    with sessions() as session:
        stored = get_report(session, report_id=FIRST)
    assert stored is not None
    assert stored.report == item.report
    assert stored.extraction == item.extraction
    assert stored.copy_of is None
    assert stored.ingested_at is not None
    assert result.saved == (FIRST,)
    assert (result.statements, result.incidents, result.aggregates) == (2, 2, 2)


def test_round_trip_of_a_bare_report(sessions, save, make_item) -> None:
    item = make_item(FIRST, outlet=None, url=None, published=None, minhash=None)
    bare = dataclasses.replace(item, report=dataclasses.replace(item.report, title=None,
                                                                language=None, source=None))
    bare = dataclasses.replace(bare, extraction=dataclasses.replace(
        item.extraction, statements=(), incidents=(), aggregates=(), extractor=""))
    save([bare])
    with sessions() as session:
        stored = get_report(session, report_id=FIRST)
    assert stored is not None
    assert (stored.report, stored.extraction) == (bare.report, bare.extraction)


def test_saving_the_same_batch_again_changes_nothing(save, make_item, snapshot) -> None:
    batch = [make_item(FIRST), make_item(SECOND, outlet="Other Daily")]
    first = save(batch)
    before = snapshot()
    again = save(batch)
    assert snapshot() == before
    assert (first.reports_new, first.exact_copies) == (2, 0)
    assert (again.reports_new, again.exact_copies, again.statements, again.saved) == (0, 2, 0, ())


def test_report_repeated_within_a_batch_is_stored_once(sessions, save, make_item) -> None:
    result = save([make_item(FIRST), make_item(FIRST)])
    assert (result.reports_new, result.exact_copies, result.statements) == (1, 1, 2)
    with sessions() as session:
        assert counts(session)["statements"] == 2


def test_near_copy_points_to_its_original(sessions, save, make_item) -> None:
    save([make_item(FIRST)])
    result = save([
        make_item(SECOND, copy_of=FIRST, outlet="Syndicator"),
        make_item(THIRD, text="Copied. " + make_item(FIRST).report.text, copy_of=SECOND),
    ])
    assert (result.reports_new, result.near_copies) == (2, 2)
    with sessions() as session:
        second = get_report(session, report_id=SECOND)
        third = get_report(session, report_id=THIRD)
    assert second is not None and second.copy_of == FIRST
    assert third is not None and third.copy_of == SECOND


def test_outlets_are_shared_by_name(sessions, save, make_item) -> None:
    save([make_item(FIRST), make_item(SECOND, url="https://other.example/x")])
    save([make_item(THIRD), make_item("4d" * 6, outlet="Broken Link", url="http://[bad/x")])
    with sessions() as session:
        outlets = session.execute(
            select(OutletRow.name, OutletRow.domain).order_by(OutletRow.name)
        ).all()
        broken = get_report(session, report_id="4d" * 6)
    assert [tuple(row) for row in outlets] == [
        ("Broken Link", None), ("Example Wire", "wire.example"),
    ]
    assert broken is not None and broken.report.url == "http://[bad/x"


def bad_event_type(item):
    claim = dataclasses.replace(item.extraction.incidents[0], event_type="meteor")
    return dataclasses.replace(item, extraction=dataclasses.replace(
        item.extraction, incidents=(claim,)))


def missing_original(item):
    return dataclasses.replace(item, copy_of="0" * 12)


def statement_without_speaker(item):
    broken = Statement(speaker=None, kind="direct", content="x", cue="said", start=0, end=1)  # type: ignore[arg-type]
    return dataclasses.replace(item, extraction=dataclasses.replace(
        item.extraction, statements=(*item.extraction.statements, broken)))


@pytest.mark.parametrize("spoil", [bad_event_type, missing_original, statement_without_speaker])
def test_one_bad_item_rolls_back_the_whole_batch(spoil, sessions, save, make_item,
                                                  snapshot) -> None:
    save([make_item(FIRST)])
    before = snapshot()
    batch = [make_item(SECOND, outlet="New Outlet"), spoil(make_item(THIRD))]
    with pytest.raises(StoreError, match=f"first {SECOND}"):
        save(batch)
    assert snapshot() == before


def test_extraction_of_another_report_is_refused(sessions, save, make_item, snapshot) -> None:
    item = make_item(FIRST)
    wrong = dataclasses.replace(item, extraction=make_item(SECOND).extraction)
    with pytest.raises(StoreError, match=f"report {FIRST}: extraction belongs to {SECOND}"):
        save([wrong])
    with sessions() as session:
        assert counts(session)["reports"] == 0


def test_audit_row_commits_or_rolls_back_with_the_change(sessions) -> None:
    with sessions() as session:
        session.begin()
        record_audit(session, actor="analyst", action="review", table="incident_claims",
                     row_id=7, detail={"field": "killed_low", "old": 12, "new": 14})
        session.rollback()
        with session.begin():
            audit_id = record_audit(session, actor="analyst", action="review",
                                    table="statements", row_id=3, detail={"why": "typo"})
    with sessions() as session:
        rows = session.scalars(select(AuditRow)).all()
    assert [(row.id, row.table_name, row.row_id, row.detail) for row in rows] == [
        (audit_id, "statements", "3", {"why": "typo"}),
    ]


def test_empty_batch_writes_nothing(sessions, make_item, snapshot) -> None:
    before = snapshot()
    with sessions() as session:
        assert save_batch(session, items=[]).reports_new == 0
    assert snapshot() == before


def test_writer_racing_on_the_same_report_skips_it(engine, sessions, save, make_item) -> None:
    """A batch that meets a report another writer is storing waits, then counts it a copy."""
    racer = make_item(FIRST)
    with engine.connect() as other_writer:
        other_writer.execute(insert(ReportRow), [{
            "id": FIRST, "text": racer.report.text, "extractor": "other/v1",
        }])
        with ThreadPoolExecutor(max_workers=1) as pool:
            pending = pool.submit(save, [racer, make_item(SECOND)])
            time.sleep(0.3)
            assert not pending.done()
            other_writer.commit()
            result = pending.result(timeout=30)
    assert (result.reports_new, result.exact_copies, result.saved) == (1, 1, (SECOND,))
    with sessions() as session:
        first = get_report(session, report_id=FIRST)
    assert first is not None and first.extraction.extractor == "other/v1"
    assert first.extraction.statements == ()
