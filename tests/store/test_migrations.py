from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from harmtrace.store import connect, counts, migrate
from harmtrace.store.convert import RECORD_KINDS
from harmtrace.store.db import alembic_config
from harmtrace.store.schema import Base

TABLES = {
    "alembic_version", "outlets", "reports", "statements", "incident_claims", "aggregates",
    "incidents", "incident_members", "audit_log", "reviews", "incident_perpetrators",
}
HEAD = ScriptDirectory.from_config(alembic_config()).get_current_head()


def revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


SEARCHED = {"reports", "statements", "incident_claims"}
"""Tables migration 0005 indexes for full-text search, outside schema.py: FTS5 tables
(and their shadow tables) on SQLite, GIN expression indexes on PostgreSQL."""


MIGRATION_ONLY_INDEXES = {"ix_incidents_map"}
"""Indexes whose order clause differs by backend (migration 0006), outside schema.py."""


def kept_in_schema(name: str | None, kind: str, _parents: object) -> bool:
    search_table = kind == "table" and "_fts" in (name or "")
    search_index = kind == "index" and (name or "").endswith("_search")
    return not (search_table or search_index or name in MIGRATION_ONLY_INDEXES)


def test_the_map_has_its_index(engine: Engine) -> None:
    indexes = {index["name"] for index in inspect(engine).get_indexes("incidents")}
    assert "ix_incidents_map" in indexes


def test_migrate_creates_every_table(engine: Engine) -> None:
    names = set(inspect(engine).get_table_names())
    assert {n for n in names if "_fts" not in n} == TABLES
    if engine.dialect.name == "sqlite":
        assert {f"{t}_fts" for t in SEARCHED} <= names
    assert revision(engine) == HEAD


def test_migration_builds_exactly_the_schema(engine: Engine) -> None:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": kept_in_schema})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_indexes_named_in_the_design_exist(engine: Engine) -> None:
    indexed = {
        table: {tuple(index["column_names"]) for index in inspect(engine).get_indexes(table)}
        for table in ("reports", "statements", "incident_claims", "aggregates")
    }
    assert ("published",) in indexed["reports"]
    assert ("country", "date_start") in indexed["incident_claims"]
    for table in ("statements", "incident_claims", "aggregates"):
        assert ("report_id",) in indexed[table]


def test_migrating_again_changes_nothing(engine, sessions, save, make_item, snapshot) -> None:
    save([make_item("a" * 12)])
    before = snapshot()
    migrate(engine)
    assert snapshot() == before
    assert revision(engine) == HEAD
    with sessions() as session:
        assert counts(session)["reports"] == 1


def test_migrate_takes_a_url(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'by-url.db'}"
    migrate(url)
    engine = connect(url)
    assert revision(engine) == HEAD
    engine.dispose()


def test_every_record_field_is_a_column_of_matching_nullability() -> None:
    for record_class, row_class in RECORD_KINDS.values():
        columns = row_class.__table__.columns
        for field in fields(record_class):
            assert field.name in columns, (row_class.__tablename__, field.name)
            optional = "None" in str(field.type)
            assert columns[field.name].nullable == optional, (record_class, field.name)

