"""Full-text search: SQLite FTS5 or PostgreSQL text search, behind the same calls.

Migration 0005 builds what each backend searches: FTS5 tables kept in step by
triggers on SQLite, GIN indexes on `to_tsvector('simple', ...)` on PostgreSQL
(the expressions below must stay the ones the migration indexed). A query is a
few words, all of which must occur, matched whole and case-insensitively.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import ColumnElement, Select, func, literal_column, select, table
from sqlalchemy.orm import Session

from harmtrace.store.schema import IncidentClaimRow, ReportRow, StatementRow

MAX_WORDS = 8
VECTORS = {
    "reports": "to_tsvector('simple', coalesce(reports.title, '') || ' ' || reports.text)",
    "statements": "to_tsvector('simple', statements.content || ' ' || statements.speaker)",
    "incident_claims": "to_tsvector('simple', coalesce(incident_claims.location, '') || ' ' || "
                       "incident_claims.perpetrator || ' ' || incident_claims.evidence || ' ' "
                       "|| incident_claims.claimed_by)",
}
IDS = {"reports": "report_id", "statements": "rowid", "incident_claims": "rowid"}
KEYS: dict[str, Any] = {"reports": ReportRow.id, "statements": StatementRow.id,
                        "incident_claims": IncidentClaimRow.id}


def search_words(query: str) -> list[str]:
    """The words of a user's query (punctuation and operators dropped), at most `MAX_WORDS`."""
    return re.findall(r"\w+", query)[:MAX_WORDS]


def matching(session: Session, table_name: str, words: list[str]) -> ColumnElement[bool]:
    """A condition on `table_name`'s rows: they hold every one of `words`."""
    if session.get_bind().dialect.name == "sqlite":
        return KEYS[table_name].in_(_fts_ids(table_name, words))
    return literal_column(VECTORS[table_name]).op("@@")(_tsquery(words))


def ranked(session: Session, statement: Select[Any], table_name: str,
           words: list[str]) -> Select[Any]:
    """`statement` over `table_name`, best matches first (bm25 on SQLite, ts_rank otherwise)."""
    if session.get_bind().dialect.name == "sqlite":
        fts = table(f"{table_name}_fts")
        ranks = (select(literal_column(IDS[table_name]).label("key"),
                        literal_column("rank").label("rank"))
                 .select_from(fts).where(_fts_match(table_name, words)).subquery())
        return (statement.join(ranks, ranks.c.key == KEYS[table_name])
                .order_by(ranks.c.rank, KEYS[table_name]))
    rank = func.ts_rank(literal_column(VECTORS[table_name]), _tsquery(words))
    return statement.where(matching(session, table_name, words)).order_by(
        rank.desc(), KEYS[table_name])


def _fts_ids(table_name: str, words: list[str]) -> Select[Any]:
    return (select(literal_column(IDS[table_name])).select_from(table(f"{table_name}_fts"))
            .where(_fts_match(table_name, words)))


def _fts_match(table_name: str, words: list[str]) -> ColumnElement[bool]:
    phrase = " ".join('"' + word.replace('"', '""') + '"' for word in words)
    return literal_column(f"{table_name}_fts").op("MATCH")(phrase)


def _tsquery(words: list[str]) -> ColumnElement[Any]:
    return func.websearch_to_tsquery(literal_column("'simple'"), " ".join(words))
