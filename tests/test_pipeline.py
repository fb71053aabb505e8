"""ingest end to end on the bundled sample: read, extract, store, on a real SQLite file."""

from __future__ import annotations

from importlib import resources

import pytest
from sqlalchemy import func, select

from harmtrace import store
from harmtrace.config import Settings
from harmtrace.pipeline import ingest
from harmtrace.store import open_store
from harmtrace.store.schema import ReportRow

SAMPLE = str(resources.files("harmtrace") / "data" / "sample")


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(db=f"sqlite:///{tmp_path / 'store.db'}")


def _report_rows(settings: Settings) -> list[tuple[str, str | None]]:
    with open_store(settings.db)() as session:
        return list(session.execute(select(ReportRow.id, ReportRow.copy_of)).all())


def test_bundled_sample_ingests_without_errors(settings):
    summary = ingest([SAMPLE], settings=settings)
    assert summary.problems == []
    assert summary.reports_read == 8  # txt, 2 html, 2 jsonl lines, 2 feed entries, warc
    assert summary.exact_copies == 1
    assert summary.near_copies == 1
    assert summary.reports_new == 7
    assert summary.incidents > 0 and summary.statements > 0
    copies = [row for row in _report_rows(settings) if row.copy_of]
    assert len(copies) == 1


def test_reingest_changes_nothing(settings):
    ingest([SAMPLE], settings=settings)
    with open_store(settings.db)() as session:
        before = store.counts(session)
    again = ingest([SAMPLE], settings=settings)
    with open_store(settings.db)() as session:
        after = store.counts(session)
    assert before == after
    assert again.reports_new == 0
    assert again.exact_copies == again.reports_read == 8


def test_bad_inputs_are_named_and_the_batch_goes_on(settings, tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "empty.txt").write_text("   \n")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    (folder / "lines.jsonl").write_text(
        '{"text": "Shelling killed four civilians in Donetsk on Monday, officials said."}\n'
        "{not json\n"
    )
    summary = ingest([str(folder)], settings=settings)
    sources = sorted(p.source for p in summary.problems)
    assert any(s.endswith("binary.txt") for s in sources)
    assert any(s.endswith("empty.txt") for s in sources)
    assert any(s.endswith("lines.jsonl:2") for s in sources)
    assert summary.reports_new == 1
    with open_store(settings.db)() as session:
        assert session.scalar(select(func.count()).select_from(ReportRow)) == 1
