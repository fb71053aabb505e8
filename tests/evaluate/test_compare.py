"""Two prediction folders side by side: per-measure differences and the records won and lost."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.console import Console

from harmtrace.evaluate import compare_predictions, render_comparison
from harmtrace.evaluate.compare import better, difference, flatten


def folder_of(path: Path, doc: dict[str, Any]) -> Path:
    path.mkdir()
    (path / "a.json").write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_difference_per_measure_and_what_was_won_and_lost(write_corpus: Callable[..., Path],
                                                          doc: dict[str, Any],
                                                          tmp_path: Path) -> None:
    gold = write_corpus(a=doc)
    before = copy.deepcopy(doc)
    del before["statements"][1]
    after = copy.deepcopy(doc)
    del after["statements"][0]
    after["incidents"][0]["killed_low"] = 13
    comparison = compare_predictions(gold, folder_of(tmp_path / "a", before),
                                     folder_of(tmp_path / "b", after))
    change = comparison.difference()
    assert change["statements.tp"] == 0
    assert change["statements.recall"] == 0.0
    assert change["fields.incidents.killed_low"] == -0.5
    assert change["fields.statements.kind"] == 0.0
    assert change["reports"] == 0
    (won,) = comparison.won("statements")
    (lost,) = comparison.lost("statements")
    assert (won["report"], won["speaker"]) == ("test-001", "Iraqi police")
    assert (lost["report"], lost["speaker"]) == ("test-001", "John Smith")
    assert comparison.won("incidents") == comparison.lost("incidents") == []
    shape = comparison.to_json()
    assert set(shape) == {"a", "b", "difference", "won", "lost"}
    assert shape["a"]["statements"]["recall"] == shape["b"]["statements"]["recall"] == 0.5


def test_the_table_shows_each_measure_and_each_side(write_corpus: Callable[..., Path],
                                                    doc: dict[str, Any],
                                                    tmp_path: Path) -> None:
    gold = write_corpus(a=doc)
    empty = tmp_path / "empty"
    empty.mkdir()
    console = Console(record=True, width=160)
    render_comparison(compare_predictions(gold, empty, gold), console, ("old", "new"))
    shown = console.export_text()
    assert "A = old   B = new" in shown
    assert "incidents.recall" in shown and "+1.000" in shown
    assert "fields.incidents.date" in shown


def test_flatten_difference_and_which_way_is_better() -> None:
    scores = {"reports": 2, "incidents": {"tp": 3, "f1": 0.5}, "fields": {"x": None}, "ok": True}
    assert list(flatten(scores)) == [("reports", 2), ("incidents.tp", 3), ("incidents.f1", 0.5),
                                     ("fields.x", None)]
    assert difference(0.5, 0.75) == 0.25
    assert difference(3, 1) == -2
    assert difference(None, 0.5) is None
    assert better("incidents.fp", -1) is True
    assert better("incidents.f1", -0.1) is False
    assert better("incidents.f1", 0) is None
