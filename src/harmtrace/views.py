"""What the terminal shows: each command's work and its Rich rendering."""

from __future__ import annotations

import json
import sys
from contextlib import nullcontext
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from harmtrace import store
from harmtrace.config import Settings
from harmtrace.errors import HarmtraceError
from harmtrace.evaluate import evaluate, render
from harmtrace.export import EXPORTERS, KINDS
from harmtrace.extract import extract
from harmtrace.pipeline import ingest, open_store
from harmtrace.records import IngestSummary


def run_ingest(paths: list[str], settings: Settings, *, out: Console, err: Console,
               quiet: bool) -> IngestSummary:
    bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                   TextColumn("{task.completed} inputs"), TimeElapsedColumn(),
                   console=err, transient=True)
    with nullcontext() if quiet else bar:
        task = bar.add_task("ingesting", total=None)

        def advance(source: str) -> None:
            bar.update(task, advance=1, description=escape(Path(source).name[:40]))

        summary = ingest(paths, settings=settings, stdin=sys.stdin,
                         progress=None if quiet else advance)
    print_summary(summary, out, err)
    return summary


def print_summary(summary: IngestSummary, out: Console, err: Console) -> None:
    table = Table(title="Ingest", show_header=False)
    for label, value in (
        ("reports read", summary.reports_read), ("new reports stored", summary.reports_new),
        ("exact copies skipped", summary.exact_copies),
        ("near-copies (stored, marked)", summary.near_copies),
        ("statements", summary.statements), ("incident claims", summary.incidents),
        ("aggregates", summary.aggregates), ("errors", len(summary.problems)),
    ):
        table.add_row(label, str(value))
    out.print(table)
    for problem in summary.problems:
        err.print(f"[red]error[/red] {escape(problem.source)}: {escape(problem.reason)}")


def print_reports(settings: Settings, out: Console, *, limit: int, outlet: str | None) -> None:
    sessions = open_store(settings.db)
    table = Table("id", "published", "outlet", "title", "stmts", "claims", "aggr", "copy of")
    with sessions() as session:
        for row in store.list_reports(session, limit=limit, outlet=outlet):
            table.add_row(row.id, row.published or "", escape(row.outlet or ""),
                          escape((row.title or "")[:60]), str(row.statements),
                          str(row.incidents), str(row.aggregates), row.copy_of or "")
    out.print(table)


def print_incidents(settings: Settings, out: Console) -> None:
    table = Table("date", "place", "type", "perpetrator", "killed", "injured", "claimed by",
                  title="Incident claims")
    sessions = open_store(settings.db)
    with sessions() as session:
        for row in store.iter_records(session, kind="incidents"):
            table.add_row(row["date_start"] or "?", escape(row["location"] or "?"),
                          row["event_type"], escape(row["perpetrator"]),
                          _range(row["killed_low"], row["killed_high"]),
                          _range(row["injured_low"], row["injured_high"]),
                          escape(row["claimed_by"]))
    out.print(table)


def _range(low: int | None, high: int | None) -> str:
    if low is None and high is None:
        return ""
    if low == high:
        return str(low)
    return f"{low if low is not None else ''}–{high if high is not None else ''}"


def print_report(settings: Settings, out: Console, report_id: str) -> None:
    sessions = open_store(settings.db)
    with sessions() as session:
        found = store.get_report(session, report_id=report_id)
    if found is None:
        raise HarmtraceError(f"no stored report has the id {report_id!r}")
    report = found.report
    out.rule(escape(report.title or report.id))
    out.print(f"id {report.id}  outlet {escape(report.outlet or '?')}  published "
              f"{report.published or '?'}  language {report.language or '?'}  url "
              f"{escape(report.url or '')}")
    if found.copy_of:
        out.print(f"[yellow]near-copy of {found.copy_of}[/yellow]")
    _statements_table(found.extraction.statements, out)
    _incidents_table(found.extraction.incidents, out)
    _aggregates_table(found.extraction.aggregates, out)


def _statements_table(statements: list, out: Console) -> None:
    table = Table("speaker", "role", "organisation", "kind", "cue", "content",
                  title=f"Statements ({len(statements)})", show_lines=True)
    for s in statements:
        table.add_row(escape(s.speaker), escape(s.speaker_role or ""),
                      escape(s.speaker_org or ""), s.kind, escape(s.cue), escape(s.content))
    out.print(table)


def _incidents_table(incidents: list, out: Console) -> None:
    table = Table("date", "place", "country", "type", "perpetrator", "killed", "injured",
                  "victims", "claimed by", "evidence",
                  title=f"Incident claims ({len(incidents)})", show_lines=True)
    for c in incidents:
        when = c.date_start or "?"
        if c.date_end and c.date_end != c.date_start:
            when += f"..{c.date_end}"
        table.add_row(f"{when} ({c.date_precision})", escape(c.location or "?"),
                      c.country or "", c.event_type, escape(c.perpetrator),
                      ("denied" if c.negated else _range(c.killed_low, c.killed_high)),
                      _range(c.injured_low, c.injured_high), c.victims,
                      escape(c.claimed_by), escape(c.evidence))
    out.print(table)


def _aggregates_table(aggregates: list, out: Console) -> None:
    table = Table("actor", "killed", "period", "area", "claimed by", "evidence",
                  title=f"Aggregates ({len(aggregates)})", show_lines=True)
    for a in aggregates:
        table.add_row(escape(a.actor), _range(a.killed_low, a.killed_high),
                      f"{a.period_start or '?'}–{a.period_end or ''}", ",".join(a.area),
                      escape(a.claimed_by), escape(a.evidence))
    out.print(table)


def run_export(settings: Settings, *, fmt: str, kind: str | None, output: Path | None) -> int:
    if fmt not in EXPORTERS:
        raise HarmtraceError(f"unknown format {fmt!r}; choose from {', '.join(EXPORTERS)}")
    if kind is not None and kind not in KINDS:
        raise HarmtraceError(f"unknown kind {kind!r}; choose from {', '.join(KINDS)}")
    kinds = [kind] if kind else (list(KINDS) if fmt == "jsonl" else ["incidents"])
    sessions = open_store(settings.db)
    with sessions() as session, (output.open("w", encoding="utf-8", newline="")
                                 if output else nullcontext(sys.stdout)) as stream:
        rows = (dict(row, kind=k) for k in kinds
                for row in store.iter_records(session, kind=k))
        return EXPORTERS[fmt](rows, stream)


def run_eval(corpus_dir: Path, *, out: Console, err: Console, as_json: bool,
             details: bool) -> None:
    result = evaluate(corpus_dir, extract)
    if as_json:
        for problem in result.problems:
            err.print(f"[red]error[/red] {escape(problem)}")
        sys.stdout.write(json.dumps(result.to_json(), indent=2) + "\n")
        return
    render(result, out, details=details)
