"""Score prediction files written by anything (another tool, an earlier version) against gold.

A prediction file is one report in the annotation format (FORMAT.md) holding what a
system found. It is paired with a gold report by its `id` (the corpus's id, or the
store's id of the same text, which `harmtrace export --format corpus` writes), and
failing that by its text. Its problems (an unknown field, a missing id, a span that
is not in the gold text, ...) are reported by file, record and field, and scoring
goes on: records are scored as given, by the same matcher as extraction, a file
that names no gold report is left out, and a gold report with no prediction file
counts as predicting nothing. When predicted incident claims carry `incident_id`,
linking is scored too.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from pathlib import Path
from typing import Any

from harmtrace.errors import CorpusError
from harmtrace.evaluate.corpus import GoldReport, load_corpus
from harmtrace.evaluate.runner import ClaimKey, EvalResult, FileResult, link_files, match_file
from harmtrace.evaluate.validate import (
    KINDS,
    Problem,
    check_document,
    load_document,
    records_of,
)
from harmtrace.read.normalise import report_id

Predicted = dict[str, list[dict[str, Any]]]


def score_predictions(corpus_dir: Path | str, predictions_dir: Path | str) -> EvalResult:
    """Score the prediction files in `predictions_dir` against the corpus in `corpus_dir`."""
    golds, corpus_problems = load_corpus(corpus_dir)
    predicted, problems = load_predictions(predictions_dir, golds)
    files = tuple(match_file(gold, predicted.get(n, {})) for n, gold in enumerate(golds))
    labels = incident_labels(files)
    links = link_files(files, labels) if labels else None
    return EvalResult(files, (*map(str, corpus_problems), *map(str, problems)), links)


def load_predictions(folder: Path | str, golds: Sequence[GoldReport]
                     ) -> tuple[dict[int, Predicted], list[Problem]]:
    """Each gold report's predicted records (by index in `golds`), and the files' problems.

    An empty folder predicts nothing; a folder that does not exist is a CorpusError.
    """
    directory = Path(folder)
    if not directory.is_dir():
        raise CorpusError(str(directory), "not a directory")
    index = _gold_index(golds)
    found: dict[int, Predicted] = {}
    sources: dict[int, str] = {}
    problems: list[Problem] = []
    for path in sorted(directory.glob("*.json")):
        doc, unreadable = load_document(path)
        problems += unreadable
        n = None if doc is None else _gold_for(doc, index, str(path), problems)
        if n is None:
            continue
        if n in sources:
            problems.append(Problem(str(path), None, "id", (
                f"a second prediction for gold report {golds[n].report.id!r} "
                f"(the first is {sources[n]}); left out")))
            continue
        sources[n] = str(path)
        gold_text = golds[n].report.text
        problems += check_document(doc, str(path), gold_text=gold_text)
        found[n] = {kind: _records(doc, kind, gold_text) for kind in KINDS}
    return found, problems


def incident_labels(files: Sequence[FileResult]) -> dict[ClaimKey, Hashable]:
    """Each predicted claim's linked incident, keyed (file index, claim index), where given."""
    return {(n, p): record["incident_id"]
            for n, f in enumerate(files)
            for p, record in enumerate(f.predicted["incidents"])
            if isinstance(record.get("incident_id"), (int, str))
            and not isinstance(record.get("incident_id"), bool)}


def _gold_index(golds: Sequence[GoldReport]) -> dict[str, int]:
    """Gold reports by the store's id of their text, and by their own id (which wins)."""
    index = {report_id(gold.report.text): n for n, gold in enumerate(golds)}
    index.update({gold.report.id: n for n, gold in enumerate(golds)})
    return index


def _gold_for(doc: Any, index: Mapping[str, int], file: str,
              problems: list[Problem]) -> int | None:
    if not isinstance(doc, dict):
        problems.append(Problem(file, None, None, "must be a JSON object (one report)"))
        return None
    given = doc.get("id")
    if not isinstance(given, str) or not given.strip():
        problems.append(Problem(file, None, "id", "missing: the gold report it predicts"))
    if isinstance(given, str) and given in index:
        return index[given]
    text = doc.get("text")
    if isinstance(text, str) and text.strip() and report_id(text) in index:
        return index[report_id(text)]
    problems.append(Problem(file, None, "id", f"no gold report has this id or text "
                                              f"(got {given!r}); left out"))
    return None


def _records(doc: dict[str, Any], kind: str, gold_text: str) -> list[dict[str, Any]]:
    """The file's records of one kind; offsets are dropped when they count in another text."""
    own_text = doc.get("text")
    records = [dict(record) for record in records_of(doc, kind)]
    if isinstance(own_text, str) and own_text != gold_text:
        for record in records:
            record.pop("start", None)
            record.pop("end", None)
    return records
