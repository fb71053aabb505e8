"""import-gold: corrected annotation files into a real store as reviewed records."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from harmtrace import store
from harmtrace.config import Settings
from harmtrace.evaluate import score_predictions
from harmtrace.export.corpus import report_document, write_corpus
from harmtrace.read.normalise import report_id
from harmtrace.review import correspond, import_gold, review_records
from harmtrace.store import open_store
from harmtrace.store.schema import AuditRow, ReviewRow

TEXT = (
    "KARVEL, May 4 - Artillery shells hit the covered market in Karvel on Tuesday, killing "
    "seven shoppers and wounding at least 20, the regional health office said.\n\n"
    '"The stalls were full when the first shell landed," said Mira Dolan, a trader. '
    "The army denied firing on the town."
)
DOC: dict[str, Any] = {
    "id": "karvel-001", "url": None, "outlet": "Karvel Courier", "published": "2021-05-04",
    "language": "en", "title": "Shells hit Karvel market", "text": TEXT,
    "incidents": [{
        "event_type": "shelling", "date_start": "2021-05-04", "date_end": "2021-05-04",
        "date_precision": "day", "location": "Karvel", "admin": None, "country": None,
        "perpetrator": "unknown", "killed_low": 7, "killed_high": 7, "injured_low": 20,
        "injured_high": None, "victims": "civilians", "claimed_by": "regional health office",
        "negated": False,
        "evidence": "Artillery shells hit the covered market in Karvel on Tuesday, killing "
                    "seven shoppers and wounding at least 20",
        "incident_key": "karvel-2021-05-04-market",
    }],
    "statements": [{
        "speaker": "Mira Dolan", "speaker_role": "trader", "speaker_org": None, "kind": "direct",
        "content": "The stalls were full when the first shell landed,", "cue": "said",
    }],
    "aggregates": [],
}


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(db=f"sqlite:///{tmp_path / 'store.db'}")


def write(folder: Path, **docs: dict[str, Any]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, doc in docs.items():
        (folder / f"{name}.json").write_text(json.dumps(doc), encoding="utf-8")
    return folder


def reviewed_documents(settings: Settings, folder: Path) -> Path:
    with open_store(settings.db)() as session:
        docs = [report_document(item.report, item.records)
                for item in store.iter_report_records(session, view="reviewed")]
    write_corpus(docs, folder)
    return folder


def test_import_stores_the_report_and_the_analysts_records(settings: Settings,
                                                           tmp_path: Path) -> None:
    gold = write(tmp_path / "gold", karvel=DOC)
    summary = import_gold([gold], settings=settings, actor="ana")
    assert summary.problems == []
    assert (summary.files, summary.reports_stored, summary.new_versions) == (1, 1, 1)
    (imported,) = summary.imported
    assert imported.report_id == report_id(TEXT)
    exported = reviewed_documents(settings, tmp_path / "reviewed")
    back = json.loads((exported / f"{report_id(TEXT)}.json").read_text(encoding="utf-8"))
    assert back["statements"][0]["content"] == DOC["statements"][0]["content"]
    assert {c["origin"] for c in back["incidents"]} == {"reviewed"}
    assert back["incidents"][0]["rule"] == "review"
    scores = score_predictions(gold, exported).to_json()
    assert {scores[k]["f1"] for k in ("incidents", "statements")} == {1.0}
    assert set(scores["fields"].values()) - {None} == {1.0}


def test_importing_again_changes_nothing_and_a_correction_is_a_new_version(
        settings: Settings, tmp_path: Path) -> None:
    import_gold([write(tmp_path / "gold", karvel=DOC)], settings=settings, actor="ana")
    again = import_gold([tmp_path / "gold" / "karvel.json"], settings=settings, actor="ana")
    assert (again.new_versions, again.unchanged, again.reports_stored) == (0, 1, 0)
    fixed = copy.deepcopy(DOC)
    fixed["incidents"][0]["country"] = "XK"
    newer = import_gold([write(tmp_path / "fixed", karvel=fixed)], settings=settings,
                        actor="ben")
    assert [(i.version, i.changed) for i in newer.imported] == [(2, True)]
    with open_store(settings.db)() as session:
        versions = session.scalars(select(ReviewRow.version).order_by(ReviewRow.id)).all()
        audit = session.scalars(select(AuditRow.actor).order_by(AuditRow.id)).all()
        current = [r["country"] for r in store.iter_records(session, kind="incidents")]
    assert versions == [1, 2]
    assert audit == ["ana", "ben"]
    assert current == ["XK"]


def test_a_file_with_problems_is_not_imported_and_the_others_are(settings: Settings,
                                                                 tmp_path: Path) -> None:
    bad = copy.deepcopy(DOC)
    bad["text"] = TEXT.replace("Karvel", "Darvel")
    bad["statements"][0]["cue"] = "shouted"
    folder = write(tmp_path / "gold", good=DOC, bad=bad)
    summary = import_gold([folder], settings=settings, actor="ana")
    assert summary.failed
    assert [(p.file, p.record, p.field) for p in summary.problems] == [
        (str(folder / "bad.json"), "incidents[0]", "evidence"),
        (str(folder / "bad.json"), "statements[0]", "cue"),
    ]
    assert str(summary.problems[1]) == (
        f"{folder / 'bad.json'}: statements[0].cue: must occur in text (got 'shouted')")
    assert [Path(i.file).name for i in summary.imported] == ["good.json"]
    with open_store(settings.db)() as session:
        assert store.report_ids_present(session, ids=[report_id(bad["text"])]) == set()


def test_records_are_placed_where_their_words_are_nearest_the_given_offset() -> None:
    text = "Two said so. Then two said so again."
    doc = {"statements": [{"speaker": "Two", "kind": "indirect", "content": "said so",
                           "cue": "said", "speaker_role": None, "speaker_org": None,
                           "start": 25, "end": 32}],
           "incidents": [], "aggregates": [{"actor": "x", "killed_low": None,
                                            "killed_high": None, "period_start": None,
                                            "period_end": None, "area": ["IQ"],
                                            "claimed_by": "reporter", "evidence": "not here"}]}
    records, problems = review_records(doc, text, "f.json")
    (statement,) = records["statements"]
    assert (statement.start, statement.end, statement.confidence) == (22, 29, 1.0)
    assert [(p.record, p.field) for p in problems] == [("aggregates[0]", "evidence")]


def test_corrections_pair_with_the_records_covering_the_same_words() -> None:
    text = "Rockets hit Amar on Monday, killing four. Mortars hit Beda, killing two."
    machine = [{"evidence": "Mortars hit Beda", "start": 42, "end": 58, "location": "Beda"},
               {"evidence": "Rockets hit Amar on Monday, killing four", "start": 0, "end": 40,
                "location": "Amar"}]
    analyst = [{"evidence": "Rockets hit Amar on Monday, killing four", "location": "Amar",
                "killed_low": 4},
               {"evidence": "Mortars hit Beda, killing two", "location": "Beda"},
               {"evidence": "killing two", "location": "Beda"}]
    assert correspond("incidents", machine, analyst, text) == [(0, 1), (1, 0)]
