"""The analyst's loop through the commands: export the machine's draft in the annotation
format, validate it, score it or any system's files, compare two, import corrections."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from harmtrace.cli import app
from harmtrace.evaluate import score_predictions
from harmtrace.read.normalise import report_id

runner = CliRunner()
KINDS = ("incidents", "statements", "aggregates")
NO_PLACE = "location: must be a non-empty string (got None)"


@dataclass(frozen=True)
class Loop:
    """The dev corpus ingested once, exported, and scored directly with saved predictions."""

    db: Path
    export: Path
    saved: Path
    direct: dict[str, Any]


def invoke(*args: str | Path, code: int | None = 0) -> Any:
    result = runner.invoke(app, [str(a) for a in args])
    if code is not None:
        assert result.exit_code == code, result.output
    return result


def scores(*args: str | Path) -> dict[str, Any]:
    return json.loads(invoke("eval", *args, "--json").stdout)


def read(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def loop(dev_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Loop:
    base = tmp_path_factory.mktemp("loop")
    db = base / "dev.db"
    invoke("ingest", dev_corpus, "--db", db, "--quiet", code=None)
    invoke("export", "--format", "corpus", "--out", base / "export", "--db", db)
    direct = scores(dev_corpus, "--save-predictions", base / "saved")
    return Loop(db, base / "export", base / "saved", direct)


@pytest.mark.slow
def test_the_export_is_one_well_formed_file_per_report(loop: Loop, dev_corpus: Path) -> None:
    files = sorted(loop.export.glob("*.json"))
    assert len(files) == len(list(dev_corpus.glob("*.json")))
    result = invoke("validate", loop.export, "--json", code=None)
    found = json.loads(result.stdout)
    assert found["files"] == len(files)
    unplaced = [(str(path), f"incidents[{i}]") for path in files
                for i, claim in enumerate(read(path)["incidents"]) if claim["location"] is None]
    assert [(p["file"], p["record"]) for p in found["problems"]] == unplaced
    assert {f"{p['field']}: {p['message']}" for p in found["problems"]} <= {NO_PLACE}
    assert result.exit_code == (1 if unplaced else 0)


@pytest.mark.slow
def test_scoring_the_export_gives_exactly_the_direct_numbers(loop: Loop,
                                                             dev_corpus: Path) -> None:
    from_store = scores(dev_corpus, "--predictions", loop.export)
    assert {key: from_store.get(key) for key in loop.direct} == loop.direct
    assert scores(dev_corpus, "--predictions", loop.saved) == loop.direct
    assert sorted(p.name for p in loop.saved.glob("*.json")) == sorted(
        p.name for p in dev_corpus.glob("*.json"))


@pytest.mark.slow
def test_a_hand_edited_export_scores_as_expected(loop: Loop, dev_corpus: Path,
                                                 tmp_path: Path) -> None:
    """One file corrected to the gold, another emptied: the totals move by those files only."""
    edited = Path(shutil.copytree(loop.export, tmp_path / "edited"))
    per_file = {f.gold.report.id: f for f in score_predictions(dev_corpus, loop.export).files}
    golds = sorted(dev_corpus.glob("*.json"))
    corrected, emptied = read(golds[1]), read(golds[2])
    for gold, records in ((corrected, gold_records(corrected)), (emptied, {})):
        path = edited / f"{report_id(gold['text'])}.json"
        doc = read(path)
        doc.update({kind: records.get(kind, []) for kind in KINDS})
        path.write_text(json.dumps(doc), encoding="utf-8")
    after = scores(dev_corpus, "--predictions", edited)
    for kind in KINDS:
        fixed, gone = per_file[corrected["id"]].prf(kind), per_file[emptied["id"]].prf(kind)
        before = loop.direct[kind]
        assert (after[kind]["tp"], after[kind]["fp"], after[kind]["fn"]) == (
            before["tp"] - fixed.tp + len(corrected[kind]) - gone.tp,
            before["fp"] - fixed.fp - gone.fp,
            before["fn"] - fixed.fn + gone.tp,
        ), kind


def gold_records(doc: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    return {kind: doc[kind] for kind in KINDS}


def test_gold_against_itself_scores_one_everywhere(dev_corpus: Path) -> None:
    found = scores(dev_corpus, "--predictions", dev_corpus)
    for kind in KINDS:
        assert (found[kind]["precision"], found[kind]["recall"], found[kind]["f1"]) == (
            1.0, 1.0, 1.0)
        assert found[kind]["fp"] == found[kind]["fn"] == 0
    assert set(found["fields"].values()) == {1.0}


def test_an_empty_prediction_folder_gives_zero_recall(dev_corpus: Path, tmp_path: Path) -> None:
    found = scores(dev_corpus, "--predictions", tmp_path)
    assert found["reports"] == len(list(dev_corpus.glob("*.json")))
    for kind in KINDS:
        assert found[kind]["tp"] == 0 and found[kind]["recall"] == 0.0
        assert found[kind]["fn"] > 0


def test_compare_shows_what_each_folder_found(dev_corpus: Path, tmp_path: Path) -> None:
    both = scores(dev_corpus, "--compare", tmp_path, dev_corpus)
    assert both["difference"]["incidents.recall"] == 1.0
    assert both["difference"]["incidents.fp"] == 0
    assert len(both["won"]["incidents"]) == both["b"]["incidents"]["tp"]
    assert both["lost"] == {kind: [] for kind in KINDS}
    table = invoke("eval", dev_corpus, "--compare", tmp_path, dev_corpus, "--details").stdout
    assert "B − A" in table and "statements.f1" in table


def test_eval_refuses_options_that_do_not_go_together(dev_corpus: Path, tmp_path: Path) -> None:
    result = invoke("eval", dev_corpus, "--predictions", tmp_path, "--compare", tmp_path,
                    tmp_path, code=2)
    assert "not both" in result.output
    invoke("eval", dev_corpus, "--predictions", tmp_path, "--save-predictions", tmp_path / "x",
           code=2)


def test_validate_names_file_record_and_field(tmp_path: Path, dev_corpus: Path) -> None:
    assert "0 with problems" in invoke("validate", dev_corpus).stdout
    doc = read(sorted(dev_corpus.glob("*.json"))[0])
    doc["incidents"][0]["killed_low"] = "many"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    result = invoke("validate", bad, code=1)
    assert f"{bad}: incidents[0].killed_low: must be a whole number" in result.stdout
    assert "1 files, 1 with problems" in result.stdout


def test_import_gold_then_export_the_reviewed_records(dev_corpus: Path, tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    shutil.copy(sorted(dev_corpus.glob("*.json"))[5], gold)
    db = tmp_path / "review.db"
    first = invoke("import-gold", gold, "--db", db, "--actor", "ana")
    assert "version 1" in first.stdout
    assert "unchanged (version 1)" in invoke("import-gold", gold, "--db", db).stdout
    invoke("export", "--format", "corpus", "--origin", "reviewed", "--out", tmp_path / "out",
           "--db", db)
    (exported,) = (tmp_path / "out").glob("*.json")
    assert {r["origin"] for kind in KINDS for r in read(exported)[kind]} <= {"reviewed"}
    found = scores(gold, "--predictions", tmp_path / "out")
    assert {found[kind]["f1"] for kind in KINDS if found[kind]["tp"] or found[kind]["fn"]} \
        == {1.0}
    machine = invoke("export", "--format", "corpus", "--origin", "machine", "--out",
                     tmp_path / "machine", "--db", db)
    assert "1 report files written" in machine.output


def test_corpus_export_needs_a_folder_and_all_kinds(tmp_path: Path) -> None:
    db = tmp_path / "empty.db"
    no_folder = invoke("export", "--format", "corpus", "--db", db, code=None)
    assert no_folder.exit_code != 0
    assert "--out FOLDER" in str(no_folder.exception)
    one_kind = invoke("export", "--format", "corpus", "--kind", "incidents", "--out",
                      tmp_path / "x", "--db", db, code=None)
    assert "leave out --kind" in str(one_kind.exception)
    bad_origin = invoke("export", "--format", "jsonl", "--origin", "draft", "--db", db,
                        code=None)
    assert "unknown origin 'draft'" in str(bad_origin.exception)
