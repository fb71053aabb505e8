"""Full-text search over reports, statements and incident claims.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26

SQLite: one FTS5 table per searched table, filled from the rows already stored
and kept in step by triggers on insert, update and delete, so every write path
(ingest, reviews, linking) is covered without code of its own. Statements and
claims are external-content tables keyed by the row's integer id; reports have a
text id, and a rowid that VACUUM may renumber, so `reports_fts` keeps its own copy
of title and text beside the report id.
PostgreSQL: GIN indexes on the same `to_tsvector('simple', ...)` expressions the
store's search queries use ('simple': reports come in many languages, so words
are matched as written, lowercased, with no stemming, as FTS5's unicode61 does).
"""

from __future__ import annotations

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | None = None
depends_on: str | None = None

TOKENIZE = "tokenize = 'unicode61 remove_diacritics 2'"
EXTERNAL = {
    "statements": ("content", "speaker"),
    "incident_claims": ("location", "perpetrator", "evidence", "claimed_by"),
}
VECTORS = {
    "reports": "to_tsvector('simple', coalesce(title, '') || ' ' || text)",
    "statements": "to_tsvector('simple', content || ' ' || speaker)",
    "incident_claims": "to_tsvector('simple', coalesce(location, '') || ' ' || perpetrator"
                       " || ' ' || evidence || ' ' || claimed_by)",
}


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_reports()
        for table, columns in EXTERNAL.items():
            _sqlite_external(table, columns)
    else:
        for table, vector in VECTORS.items():
            op.execute(f"CREATE INDEX ix_{table}_search ON {table} USING gin (({vector}))")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table in ("reports", *EXTERNAL):
            for event in ("insert", "delete", "update"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_fts_{event}")
            op.execute(f"DROP TABLE IF EXISTS {table}_fts")
    else:
        for table in VECTORS:
            op.execute(f"DROP INDEX IF EXISTS ix_{table}_search")


def _sqlite_reports() -> None:
    op.execute(f"CREATE VIRTUAL TABLE reports_fts USING fts5("
               f"report_id UNINDEXED, title, text, {TOKENIZE})")
    op.execute("INSERT INTO reports_fts (report_id, title, text) "
               "SELECT id, title, text FROM reports")
    op.execute("CREATE TRIGGER reports_fts_insert AFTER INSERT ON reports BEGIN "
               "INSERT INTO reports_fts (report_id, title, text) "
               "VALUES (new.id, new.title, new.text); END")
    op.execute("CREATE TRIGGER reports_fts_delete AFTER DELETE ON reports BEGIN "
               "DELETE FROM reports_fts WHERE report_id = old.id; END")
    op.execute("CREATE TRIGGER reports_fts_update AFTER UPDATE OF id, title, text ON reports "
               "BEGIN DELETE FROM reports_fts WHERE report_id = old.id; "
               "INSERT INTO reports_fts (report_id, title, text) "
               "VALUES (new.id, new.title, new.text); END")


def _sqlite_external(table: str, columns: tuple[str, ...]) -> None:
    fts = f"{table}_fts"
    listed = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    remove = f"INSERT INTO {fts} ({fts}, rowid, {listed}) VALUES ('delete', old.id, {old});"
    add = f"INSERT INTO {fts} (rowid, {listed}) VALUES (new.id, {new});"
    op.execute(f"CREATE VIRTUAL TABLE {fts} USING fts5({listed}, content='{table}', "
               f"content_rowid='id', {TOKENIZE})")
    op.execute(f"INSERT INTO {fts} ({fts}) VALUES ('rebuild')")
    op.execute(f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN {add} END")
    op.execute(f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN {remove} END")
    op.execute(f"CREATE TRIGGER {fts}_update AFTER UPDATE OF {listed} ON {table} "
               f"BEGIN {remove} {add} END")
