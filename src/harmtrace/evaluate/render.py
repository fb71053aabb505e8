"""Human-readable evaluation output: Rich tables for scores, fields, links and details."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from harmtrace.evaluate.compare import Comparison, better
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


def _value(value: float | int | None) -> str:
    return str(value) if isinstance(value, int) else _score(value)


def _change(name: str, change: float | int | None) -> str:
    if change is None:
        return ""
    shown = f"{change:+d}" if isinstance(change, int) else f"{change:+.3f}"
    verdict = better(name, change)
    if verdict is None:
        return shown
    colour = "green" if verdict else "red"
    return f"[{colour}]{shown}[/{colour}]"


def _comparison_table(comparison: Comparison, names: tuple[str, str]) -> Table:
    table = Table(title=escape(f"A = {names[0]}   B = {names[1]}"))
    for column in ("measure", "A", "B", "B − A"):
        table.add_column(column, justify="left" if column == "measure" else "right")
    changes = comparison.difference()
    for name, a, b in comparison.measures():
        table.add_row(name, _value(a), _value(b), _change(name, changes[name]))
    return table


def _won_lost_table(comparison: Comparison, details: bool) -> Table:
    table = Table(title="Gold records found by one side only", show_lines=details)
    for column in ("kind", "won (B only)", "lost (A only)"):
        table.add_column(column, justify="left" if column == "kind" else "right")
    for kind in KINDS:
        won, lost = comparison.won(kind), comparison.lost(kind)
        if details:
            table.add_row(kind, "\n".join(_describe(r) for r in won) or "0",
                          "\n".join(_describe(r) for r in lost) or "0")
        else:
            table.add_row(kind, str(len(won)), str(len(lost)))
    return table


def render_comparison(comparison: Comparison, console: Console, names: tuple[str, str],
                      details: bool = False) -> None:
    """Every measure for A and B with B's change (green when better), then what each found alone."""
    console.print(_comparison_table(comparison, names))
    console.print(_won_lost_table(comparison, details))
    for label, result in zip("AB", (comparison.a, comparison.b), strict=True):
        for problem in result.problems:
            console.print(f"[yellow]problem ({label}):[/yellow] {escape(problem)}")
