"""Human-readable evaluation output: Rich tables for scores, fields, links and details."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from harmtrace.evaluate.corpus import KINDS
from harmtrace.evaluate.metrics import LinkScores
from harmtrace.evaluate.runner import EvalResult

WORDS_SHOWN = 100


def _score(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _records_table(result: EvalResult) -> Table:
    table = Table(title=f"Records ({result.reports} reports)")
    for name in ("kind", "tp", "fp", "fn", "precision", "recall", "F1"):
        table.add_column(name, justify="left" if name == "kind" else "right")
    for kind in KINDS:
        prf = result.prf(kind)
        table.add_row(kind, str(prf.tp), str(prf.fp), str(prf.fn),
                      _score(prf.precision), _score(prf.recall), _score(prf.f1))
    return table


def _fields_table(result: EvalResult) -> Table:
    table = Table(title="Field accuracy over matched pairs")
    table.add_column("field")
    table.add_column("accuracy", justify="right")
    table.add_column("pairs", justify="right")
    for name, (right, total) in result.field_tally().counts.items():
        table.add_row(name, _score(right / total if total else None), str(total))
    return table


def _links_table(links: LinkScores) -> Table:
    scores = links.to_json()
    table = Table(title=f"Linking ({links.claims} matched gold claims)")
    for name in ("measure", "precision", "recall", "F1"):
        table.add_column(name, justify="left" if name == "measure" else "right")
    for measure in ("pairwise", "bcubed"):
        row = scores[measure]
        table.add_row(measure, _score(row["precision"]), _score(row["recall"]),
                      _score(row["f1"]))
    return table


def _describe(record: dict[str, Any]) -> str:
    words = [f"{k}={v}" for k, v in record.items()
             if v is not None and k not in ("evidence", "content")]
    quoted = record.get("evidence") or record.get("content")
    if isinstance(quoted, str):
        short = quoted if len(quoted) <= WORDS_SHOWN else quoted[:WORDS_SHOWN] + "…"
        words.append(f"“{short}”")
    return escape(" ".join(words))


def _details_table(entry: dict[str, Any]) -> Table:
    table = Table(title=escape(f"{entry['report']} ({entry['source']})"), show_lines=True)
    table.add_column("")
    table.add_column("kind")
    table.add_column("record")
    if entry["problem"]:
        table.add_row("[red]problem[/red]", "", escape(entry["problem"]))
    for label, group in (("missed", entry["missed"]), ("false positive", entry["false_positives"])):
        for kind in KINDS:
            for record in group[kind]:
                table.add_row(label, kind, _describe(record))
    return table


def render(result: EvalResult, console: Console, details: bool = False) -> None:
    """Scores per record kind, field accuracy, linking if scored, problems, then details."""
    console.print(_records_table(result))
    console.print(_fields_table(result))
    if result.links is not None:
        console.print(_links_table(result.links))
    for problem in result.problems:
        console.print(f"[yellow]problem:[/yellow] {escape(problem)}")
    if details:
        for entry in result.details():
            console.print(_details_table(entry))
