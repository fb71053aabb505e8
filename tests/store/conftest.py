"""Migrated stores on real backends, and a report with every kind of record.

Each store test runs on an SQLite file in tmp_path and, when
HARMTRACE_TEST_POSTGRES names a server (a SQLAlchemy URL), on PostgreSQL in a
schema of its own that is dropped afterwards.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from harmtrace.records import Aggregate, Extraction, IncidentClaim, Report, Statement
from harmtrace.store import BatchResult, StoredItem, connect, migrate, save_batch, session_factory
from harmtrace.store.schema import Base

TEXT = (
    "On Friday an airstrike on al-Jadida in Mosul killed 12 civilians and wounded"
    " at least 20, the Civil Defence said. \"We pulled bodies from the rubble all"
    " night,\" said Ali Hassan, a rescuer. The ministry said that no civilians were"
    " harmed. Since 2014 the coalition has killed at least 396 civilians in Iraq and"
    " Syria, according to the monitor."
)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """URL of an empty store, on each backend in turn."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store' / 'harmtrace.db'}"
        return
    with request.getfixturevalue("postgres_schema")() as url:
        yield url


@pytest.fixture
def engine(store_url: str) -> Iterator[Engine]:
    """A migrated, empty store."""
    engine = connect(store_url)
    migrate(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def sessions(engine: Engine) -> sessionmaker[Session]:
    return session_factory(engine)


@pytest.fixture
def save(sessions: sessionmaker[Session]) -> Callable[[Sequence[StoredItem]], BatchResult]:
    """Store a batch through a fresh session, as the pipeline does."""

    def save(items: Sequence[StoredItem]) -> BatchResult:
        with sessions() as session:
            return save_batch(session, items=items)

    return save


@pytest.fixture
def snapshot(engine: Engine) -> Callable[[], dict[str, list[Any]]]:
    """Every row of every table, to show that an operation changed nothing."""

    def snapshot() -> dict[str, list[Any]]:
        with engine.connect() as connection:
            return {
                table.name: [
                    tuple(row)
                    for row in connection.execute(
                        select(table).order_by(*table.primary_key.columns)
                    )
                ]
                for table in Base.metadata.sorted_tables
            }

    return snapshot


def span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def full_extraction(report_id: str, text: str = TEXT, extractor: str = "rules/v1") -> Extraction:
    """Records using every field: floats, None, negation, an area list and an empty one."""
    return Extraction(
        report_id=report_id,
        extractor=extractor,
        statements=(
            Statement(
                speaker="Ali Hassan", kind="direct",
                content="We pulled bodies from the rubble all night,", cue="said",
                start=span(text, "We pulled")[0], end=span(text, "all night,")[1],
                speaker_text="Ali Hassan", speaker_role="rescuer", speaker_org=None,
                confidence=0.875, rule="statements.quote/v1",
            ),
            Statement(
                speaker="Ministry of Defence", kind="indirect",
                content="no civilians were harmed", cue="said that",
                start=span(text, "no civilians were harmed")[0],
                end=span(text, "no civilians were harmed")[1],
                speaker_text="The ministry", speaker_org="Ministry of Defence",
            ),
        ),
        incidents=(
            IncidentClaim(
                event_type="airstrike", evidence="an airstrike on al-Jadida in Mosul killed"
                " 12 civilians and wounded at least 20",
                start=span(text, "an airstrike")[0], end=span(text, "at least 20")[1],
                location="al-Jadida", admin="Mosul", country="IQ",
                latitude=36.3456, longitude=43.1234, geo_precision="neighbourhood",
                date_start="2017-03-17", date_end="2017-03-17", date_precision="day",
                perpetrator="US-led coalition", killed_low=12, killed_high=12,
                injured_low=20, injured_high=None, victims="civilians",
                claimed_by="Civil Defence", negated=False, confidence=0.71,
                rule="claims.casualty/v2",
            ),
            IncidentClaim(
                event_type="other", evidence="no civilians were harmed",
                start=span(text, "no civilians were harmed")[0],
                end=span(text, "no civilians were harmed")[1],
                claimed_by="Ministry of Defence", negated=True,
            ),
        ),
        aggregates=(
            Aggregate(
                evidence="the coalition has killed at least 396 civilians in Iraq and Syria",
                start=span(text, "the coalition")[0], end=span(text, "Iraq and Syria")[1],
                actor="US-led coalition", killed_low=396, killed_high=None,
                period_start="2014", period_end=None, area=("IQ", "SY"),
                claimed_by="the monitor", confidence=0.6, rule="aggregates/v1",
            ),
            Aggregate(evidence="Since 2014", start=span(text, "Since 2014")[0],
                      end=span(text, "Since 2014")[1]),
        ),
    )


@pytest.fixture(name="make_item")
def make_item_fixture() -> Callable[..., StoredItem]:
    """`build_item`: a report with `full_extraction`, varied by keyword."""
    return build_item


def build_item(
    report_id: str,
    *,
    text: str = TEXT,
    outlet: str | None = "Example Wire",
    url: str | None = "https://www.wire.example/2017/03/18/mosul",
    published: str | None = "2017-03-18",
    copy_of: str | None = None,
    minhash: bytes | None = b"\x00\x01\xfe\xff" * 8,
    extraction: Extraction | None = None,
) -> StoredItem:
    report = Report(
        id=report_id, text=text, title=f"Strike in Mosul ({report_id})", url=url,
        outlet=outlet, published=published, language="en", source=f"feeds/{report_id}.json",
    )
    return StoredItem(
        report=report,
        extraction=extraction or full_extraction(report_id, text),
        minhash=minhash,
        copy_of=copy_of,
    )
