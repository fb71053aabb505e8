"""Score an extractor against an annotated corpus: extract each report, match, count, link."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from harmtrace.errors import HarmtraceError
from harmtrace.evaluate.corpus import KINDS, GoldReport, load_corpus
from harmtrace.evaluate.fields import FIELDS
from harmtrace.evaluate.matching import (
    Pairs,
    as_record,
    match_aggregates,
    match_incidents,
    match_statements,
)
from harmtrace.evaluate.metrics import PRF, FieldTally, LinkScores, link_scores
from harmtrace.records import Extraction, IncidentClaim, Report

ExtractFn = Callable[[Report], Extraction]
# Given every predicted incident claim of the corpus with its report, one incident
# label per claim, in the same order; equal labels mean "the same incident".
LinkFn = Callable[[Sequence[tuple[Report, IncidentClaim]]], Sequence[Hashable]]
ClaimKey = tuple[int, int]
"""A predicted incident claim: (file index, claim index in that file's predictions)."""
Matcher = Callable[[list[dict[str, Any]], list[dict[str, Any]], str], Pairs]

MATCHERS: dict[str, Matcher] = {
    "incidents": lambda pred, gold, _text: match_incidents(pred, gold),
    "statements": match_statements,
    "aggregates": match_aggregates,
}

# What --details shows of a missed or spurious record.
KEY_FIELDS: dict[str, tuple[str, ...]] = {
    "incidents": ("event_type", "date_start", "date_end", "location", "admin", "perpetrator",
                  "killed_low", "killed_high", "victims", "claimed_by", "negated", "evidence"),
    "statements": ("speaker", "kind", "cue", "content"),
    "aggregates": ("actor", "killed_low", "killed_high", "period_start", "period_end",
                   "claimed_by", "evidence"),
}


def _summary(record: dict[str, Any], kind: str) -> dict[str, Any]:
    return {key: record.get(key) for key in KEY_FIELDS[kind]}


@dataclass(frozen=True, slots=True)
class FileResult:
    """One report scored: its gold records, the predictions, and which matched which."""

    gold: GoldReport
    extraction: Extraction | None
    predicted: dict[str, list[dict[str, Any]]]
    matches: dict[str, Pairs]
    problem: str | None = None

    def prf(self, kind: str) -> PRF:
        return PRF.from_counts(matched=len(self.matches[kind]),
                               predicted=len(self.predicted[kind]),
                               gold=len(self.gold.records(kind)))

    def missed(self, kind: str) -> list[dict[str, Any]]:
        found = {g for _, g in self.matches[kind]}
        return [r for i, r in enumerate(self.gold.records(kind)) if i not in found]

    def false_positives(self, kind: str) -> list[dict[str, Any]]:
        found = {p for p, _ in self.matches[kind]}
        return [r for i, r in enumerate(self.predicted[kind]) if i not in found]

    def details(self) -> dict[str, Any] | None:
        missed = {k: [_summary(r, k) for r in self.missed(k)] for k in KINDS}
        spurious = {k: [_summary(r, k) for r in self.false_positives(k)] for k in KINDS}
        if not self.problem and not any(missed.values()) and not any(spurious.values()):
            return None
        return {"report": self.gold.report.id, "source": self.gold.report.source,
                "problem": self.problem, "missed": missed, "false_positives": spurious}


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    return value


@dataclass(frozen=True, slots=True)
class EvalResult:
    """Scores of one evaluation run; `problems` names files and reports that could not count."""

    files: tuple[FileResult, ...]
    problems: tuple[str, ...] = ()
    links: LinkScores | None = None

    @property
    def reports(self) -> int:
        return len(self.files)

    def prf(self, kind: str) -> PRF:
        return sum((f.prf(kind) for f in self.files), PRF())

    def field_tally(self) -> FieldTally:
        tally = FieldTally()
        for kind in KINDS:
            tally.declare(kind, FIELDS[kind])
            for f in self.files:
                for p, g in f.matches[kind]:
                    tally.add(kind, FIELDS[kind], f.predicted[kind][p], f.gold.records(kind)[g])
        return tally

    def to_json(self) -> dict[str, Any]:
        result: dict[str, Any] = {"reports": self.reports}
        result.update({kind: self.prf(kind).to_json() for kind in KINDS})
        result["fields"] = self.field_tally().accuracies()
        if self.links is not None:
            result["links"] = self.links.to_json()
        return _rounded(result)

    def details(self) -> list[dict[str, Any]]:
        """Per file with any miss, false positive or problem: those records' key fields."""
        return [d for d in (f.details() for f in self.files) if d is not None]


def match_file(gold: GoldReport, predicted: Mapping[str, list[dict[str, Any]]], *,
               extraction: Extraction | None = None, problem: str | None = None) -> FileResult:
    """Pair one report's predicted records (dicts, FORMAT.md names) with its gold records."""
    found = {k: list(predicted.get(k, ())) for k in KINDS}
    matches = {k: MATCHERS[k](found[k], list(gold.records(k)), gold.report.text) for k in KINDS}
    return FileResult(gold, extraction, found, matches, problem)


def _file_result(gold: GoldReport, extraction: Extraction | None,
                 problem: str | None) -> FileResult:
    predicted = {k: [as_record(r) for r in getattr(extraction, k)] if extraction else []
                 for k in KINDS}
    return match_file(gold, predicted, extraction=extraction, problem=problem)


def score_report(gold: GoldReport, extract_fn: ExtractFn) -> FileResult:
    """Extract one report and match it; a refused report counts as predicting nothing."""
    try:
        extraction = extract_fn(gold.report)
    except HarmtraceError as exc:
        return _file_result(gold, None, str(exc))
    return _file_result(gold, extraction, None)


def _link_labels(files: Sequence[FileResult], link_fn: LinkFn) -> dict[ClaimKey, Hashable]:
    claims = [(n, i, claim) for n, f in enumerate(files) if f.extraction
              for i, claim in enumerate(f.extraction.incidents)]
    labels = list(link_fn([(files[n].gold.report, claim) for n, _, claim in claims]))
    if len(labels) != len(claims):
        raise HarmtraceError(f"link_fn gave {len(labels)} labels for {len(claims)} claims")
    return {(n, i): label for (n, i, _), label in zip(claims, labels, strict=True)}


def link_files(files: Sequence[FileResult], label_of: Mapping[ClaimKey, Hashable]) -> LinkScores:
    """Linking scores given each predicted claim's incident, keyed (file index, claim index);
    a claim with no label stands alone."""
    gold_keys: dict[Hashable, str | None] = {}
    predicted: dict[Hashable, Hashable] = {}
    for n, f in enumerate(files):
        for p, g in f.matches["incidents"]:
            gold_keys[(n, g)] = f.gold.incidents[g].get("incident_key")
            if (n, p) in label_of:
                predicted[(n, g)] = label_of[(n, p)]
    return link_scores(gold_keys, predicted)


def evaluate(corpus_dir: Path | str, extract_fn: ExtractFn, *,
             link_fn: LinkFn | None = None) -> EvalResult:
    """Score `extract_fn` (and `link_fn`, if given) against the annotated corpus in corpus_dir.

    With `link_fn`, each predicted incident record gets the `incident_id` it was
    linked to (1, 2, ... in order of first appearance), as an export would give it.
    """
    golds, corpus_problems = load_corpus(corpus_dir)
    files = tuple(score_report(gold, extract_fn) for gold in golds)
    problems = (*map(str, corpus_problems), *(f.problem for f in files if f.problem))
    links = None
    if link_fn:
        labels = _link_labels(files, link_fn)
        _attach_incidents(files, labels)
        links = link_files(files, labels)
    return EvalResult(files, problems, links)


def _attach_incidents(files: Sequence[FileResult], labels: Mapping[ClaimKey, Hashable]) -> None:
    numbers: dict[Hashable, int] = {}
    for (n, p), label in labels.items():
        number = numbers.setdefault(label, len(numbers) + 1)
        files[n].predicted["incidents"][p]["incident_id"] = number
