"""Full-text search on each backend: whole words, every word, kept in step with the rows."""

from __future__ import annotations

from sqlalchemy import delete, select, update

from harmtrace.records import Extraction
from harmtrace.store.schema import ReportRow, StatementRow
from harmtrace.store.search import matching, search_words
from harmtrace.store.web import search

OTHER = "Shelling hit the market in Raqqa; the monitor counted 5 dead."


def kinds(session, query: str) -> list[tuple[str, str]]:
    return sorted((hit.kind, hit.id.split("#")[0]) for hit in search(session, query))


def test_every_word_must_occur_in_any_case(sessions, save, make_item):
    other = Extraction(report_id="b" * 12, extractor="rules/v1")
    save([make_item("a" * 12), make_item("b" * 12, text=OTHER, extraction=other)])
    with sessions() as session:
        found = kinds(session, "RUBBLE mosul")
        assert ("report", "a" * 12) in found and ("report", "b" * 12) not in found
        assert kinds(session, "rubble raqqa") == []
        assert [h.id for h in search(session, "raqqa") if h.kind == "report"] == ["b" * 12]
        speakers = [h.title for h in search(session, "Hassan") if h.kind == "statement"]
        assert speakers and all("Hassan" in s for s in speakers)


def test_words_match_whole_not_inside_others(sessions, save, make_item):
    save([make_item("a" * 12)])
    with sessions() as session:
        assert kinds(session, "rubb") == []
        assert ("report", "a" * 12) in kinds(session, "rubble")


def test_operators_and_quotes_in_a_query_are_plain_words(sessions, save, make_item):
    save([make_item("a" * 12)])
    with sessions() as session:
        assert search_words('"rubble" AND (mosul* -x') == ["rubble", "AND", "mosul", "x"]
        assert kinds(session, '"') == []
        assert ("report", "a" * 12) in kinds(session, 'rubble" (mosul*')


def test_the_index_follows_updates_and_deletes(sessions, save, make_item):
    save([make_item("a" * 12)])
    with sessions() as session, session.begin():
        session.execute(update(ReportRow).values(title="Quarry collapse", text=OTHER))
    with sessions() as session:
        assert ("report", "a" * 12) in kinds(session, "quarry raqqa")
        assert ("report", "a" * 12) not in kinds(session, "rubble")
        hassan = select(StatementRow.id).where(matching(session, "statements", ["hassan"]))
        assert session.scalars(hassan).all()
    with sessions() as session, session.begin():
        session.execute(delete(StatementRow))
    with sessions() as session:
        assert session.scalars(hassan).all() == []
