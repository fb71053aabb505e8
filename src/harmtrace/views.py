"""What the terminal shows: each command's work and its Rich rendering."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from contextlib import nullcontext
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from sqlalchemy.orm import Session

from harmtrace import store
from harmtrace.config import Settings
from harmtrace.errors import HarmtraceError
from harmtrace.evaluate import (
    Validation,
    compare_predictions,
    evaluate,
    render,
    render_comparison,
    score_predictions,
    validate_paths,
)
from harmtrace.evaluate.fields import date_bounds
from harmtrace.export import EXPORT_KINDS, EXPORTERS, FOLDER_EXPORTERS, KINDS, LINKED
from harmtrace.export.corpus import report_document
from harmtrace.extract import extract
from harmtrace.link import GRADES, LinkRun, actor_key, link_labels, link_store
from harmtrace.link.render import incidents_table, print_incident
from harmtrace.pipeline import ingest
from harmtrace.records import IngestSummary
from harmtrace.review import ImportSummary, import_gold
from harmtrace.store import open_store


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


def print_speakers(settings: Settings, out: Console, *, limit: int) -> None:
    table = Table("speaker", "organisation", "statements", title="Speakers")
    with open_store(settings.db)() as session:
        for row in store.speakers(session)[:limit]:
            table.add_row(escape(row.speaker), escape(row.org or ""), str(row.count))
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


def run_export(settings: Settings, *, fmt: str, kind: str | None, output: Path | None,
               view: str = "current", outlet: str | None = None, since: str | None = None,
               until: str | None = None) -> int:
    if fmt in FOLDER_EXPORTERS:
        return run_folder_export(settings, fmt=fmt, kind=kind, output=output, view=view,
                                 outlet=outlet, since=since, until=until)
    if fmt not in EXPORTERS:
        formats = ", ".join((*EXPORTERS, *FOLDER_EXPORTERS))
        raise HarmtraceError(f"unknown format {fmt!r}; choose from {formats}")
    if kind is not None and kind not in EXPORT_KINDS:
        raise HarmtraceError(f"unknown kind {kind!r}; choose from {', '.join(EXPORT_KINDS)}")
    kinds = [kind] if kind else (list(KINDS) if fmt == "jsonl" else ["incidents"])
    filters = _filters(view, outlet, since, until)
    sessions = open_store(settings.db)
    with sessions() as session, (output.open("w", encoding="utf-8", newline="")
                                 if output else nullcontext(sys.stdout)) as stream:
        rows = (dict(row, kind=k) for k in kinds
                for row in _export_rows(session, k, filters))
        return EXPORTERS[fmt](rows, stream)


def _export_rows(session: Session, kind: str, filters: dict[str, str | None]
                 ) -> Iterator[dict[str, Any]]:
    """Records of one kind; `linked` incidents are whole, whatever the record filters."""
    if kind == LINKED:
        return store.iter_incidents(session)
    return store.iter_records(session, kind=kind, **filters)


def run_folder_export(settings: Settings, *, fmt: str, kind: str | None, output: Path | None,
                      view: str, outlet: str | None, since: str | None,
                      until: str | None) -> int:
    """One file per stored report into the folder `output`; returns the files written."""
    if output is None:
        raise HarmtraceError(f"--format {fmt} writes one file per report: give --out FOLDER")
    if kind is not None:
        raise HarmtraceError(f"--format {fmt} holds every kind of record; leave out --kind")
    filters = _filters(view, outlet, since, until)
    sessions = open_store(settings.db)
    with sessions() as session:
        documents = (report_document(item.report, item.records)
                     for item in store.iter_report_records(session, **filters))
        return FOLDER_EXPORTERS[fmt](documents, output)


def _filters(view: str, outlet: str | None, since: str | None,
             until: str | None) -> dict[str, str | None]:
    """Store filters from the options; since/until may be a year, a month or a day."""
    if view not in store.VIEWS:
        raise HarmtraceError(f"unknown origin {view!r}; choose from {', '.join(store.VIEWS)}")
    bounds = {name: date_bounds(value) for name, value in (("since", since), ("until", until))
              if value is not None}
    for name, found in bounds.items():
        if found is None:
            raise HarmtraceError(f"--{name} must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return {
        "view": view,
        "outlet": outlet,
        "published_from": bounds["since"][0].isoformat() if "since" in bounds else None,
        "published_to": bounds["until"][1].isoformat() if "until" in bounds else None,
    }


def run_eval(corpus_dir: Path, *, out: Console, err: Console, as_json: bool,
             details: bool, predictions: Path | None = None,
             compare: tuple[Path, Path] | None = None,
             save_predictions: Path | None = None) -> None:
    """Score extraction (or prediction files, or two folders of them) against the corpus."""
    if compare is not None:
        _print_comparison(corpus_dir, compare, out=out, as_json=as_json, details=details)
        return
    if predictions is not None:
        result = score_predictions(corpus_dir, predictions)
    else:
        result = evaluate(corpus_dir, extract, link_fn=link_labels)
    if save_predictions is not None:
        written = FOLDER_EXPORTERS["corpus"](
            (report_document(f.gold.report, f.predicted) for f in result.files), save_predictions)
        err.print(f"{written} prediction files written to {escape(str(save_predictions))}")
    if as_json:
        for problem in result.problems:
            err.print(f"[red]error[/red] {escape(problem)}")
        sys.stdout.write(json.dumps(result.to_json(), indent=2) + "\n")
        return
    render(result, out, details=details)


def _print_comparison(corpus_dir: Path, folders: tuple[Path, Path], *, out: Console,
                      as_json: bool, details: bool) -> None:
    comparison = compare_predictions(corpus_dir, *folders)
    if as_json:
        sys.stdout.write(json.dumps(comparison.to_json(), indent=2) + "\n")
        return
    render_comparison(comparison, out, (str(folders[0]), str(folders[1])), details=details)


def run_validate(paths: list[Path], *, out: Console, as_json: bool) -> Validation:
    """Print each problem as FILE: RECORD.FIELD: what is wrong, then a one-line summary."""
    result = validate_paths(paths)
    if as_json:
        sys.stdout.write(json.dumps(result.to_json(), indent=2) + "\n")
        return result
    for problem in result.problems:
        out.print(escape(str(problem)), soft_wrap=True)
    counts = ", ".join(f"{n} {kind}" for kind, n in result.records.items())
    out.print(f"{result.files} files, {result.files_with_problems} with problems; {counts}")
    return result


def run_import_gold(paths: list[Path], settings: Settings, *, actor: str, out: Console,
                    err: Console) -> ImportSummary:
    summary = import_gold(paths, settings=settings, actor=actor)
    table = Table(title="Import of reviewed records", show_header=False)
    for label, value in (
        ("files read", summary.files), ("reports stored from the files", summary.reports_stored),
        ("new review versions", summary.new_versions),
        ("unchanged (already the latest review)", summary.unchanged),
        ("files not imported", len({p.file for p in summary.problems})),
    ):
        table.add_row(label, str(value))
    out.print(table)
    for item in summary.imported:
        state = f"version {item.version}" if item.changed else f"unchanged (version {item.version})"
        out.print(f"{escape(item.file)} -> report {item.report_id}: {state}", soft_wrap=True)
    for warning in summary.warnings:
        err.print(f"[yellow]warning[/yellow] {escape(warning)}")
    for problem in summary.problems:
        err.print(f"[red]error[/red] {escape(str(problem))}", soft_wrap=True)
    return summary


def run_link(settings: Settings, out: Console) -> LinkRun:
    """Link the store's unlinked claims and say what changed."""
    done = link_store(open_store(settings.db))
    out.print(f"{done.claims} claims linked: {done.joined} joined an incident, "
              f"{done.founded} founded one; {done.incidents_updated} existing incidents updated")
    return done


def print_linked_incidents(settings: Settings, out: Console, *, country: str | None,
                           since: str | None, until: str | None, perpetrator: str | None,
                           grade: str | None, limit: int) -> None:
    """Incidents filtered by country, claimed dates (overlapping), blamed actor and grade."""
    if grade is not None and grade not in GRADES:
        raise HarmtraceError(f"unknown grade {grade!r}; choose from {', '.join(GRADES)}")
    bounds = {name: date_bounds(value) for name, value in (("since", since), ("until", until))
              if value is not None}
    if any(found is None for found in bounds.values()):
        raise HarmtraceError("--since and --until must be ISO dates (YYYY, YYYY-MM or YYYY-MM-DD)")
    sessions = open_store(settings.db)
    with sessions() as session:
        listings = store.list_incidents(
            session, country=country, grade=grade, limit=limit,
            since=bounds["since"][0].isoformat() if "since" in bounds else None,
            until=bounds["until"][1].isoformat() if "until" in bounds else None,
            perpetrator=actor_key(perpetrator) if perpetrator else None,
        )
    out.print(incidents_table(listings))


def print_linked_incident(settings: Settings, out: Console, incident_id: int) -> None:
    """One incident: its reconciled values and grade, then its claims side by side."""
    sessions = open_store(settings.db)
    with sessions() as session:
        found = store.get_incident(session, incident_id=incident_id)
    if found is None:
        raise HarmtraceError(f"no stored incident has the id {incident_id}")
    print_incident(found, out)


def run_link_bench(sizes: list[int]) -> int:
    """Run benchmarks/link_bench.py of the source checkout; returns its exit status."""
    script = Path(__file__).resolve().parents[2] / "benchmarks" / "link_bench.py"
    if not script.is_file():
        raise HarmtraceError(f"{script} not found: the benchmarks ship with the source checkout")
    command = [sys.executable, str(script), "--sizes", *map(str, sizes)]
    return subprocess.run(command, check=False).returncode
