"""Command line: one command per stage. Each validates options and calls into the package."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from harmtrace import views
from harmtrace.config import Settings, database_url
from harmtrace.errors import HarmtraceError

app = typer.Typer(help="Turn conflict news into a sourced, reconciled record of civilian harm.",
                  no_args_is_help=True, add_completion=False,
                  pretty_exceptions_enable=False)
out = Console()
err = Console(stderr=True)

DbOption = Annotated[str | None, typer.Option("--db", help="Store URL or SQLite file path.")]


def _settings(db: str | None) -> Settings:
    overrides = {"db": database_url(db)} if db else {}
    settings = Settings(**overrides)
    return settings.model_copy(update={"db": database_url(settings.db)})


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, or - for stdin.")],
    db: DbOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Read reports, extract their records and store them."""
    summary = views.run_ingest(paths, _settings(db), out=out, err=err, quiet=quiet)
    raise typer.Exit(1 if summary.failed else 0)


@app.command()
def demo(
    db: Annotated[str, typer.Option("--db", help="SQLite file for the demo store.")] = (
        "harmtrace-demo.db"
    ),
) -> None:
    """Ingest the bundled sample reports and show what was found."""
    sample = resources.files("harmtrace") / "data" / "sample"
    settings = _settings(db)
    summary = views.run_ingest([str(sample)], settings, out=out, err=err, quiet=True)
    views.print_incidents(settings, out)
    out.print(f"\nStore: {settings.db}  (try: harmtrace reports --db {db})")
    raise typer.Exit(1 if summary.failed else 0)


@app.command()
def reports(
    db: DbOption = None,
    limit: Annotated[int, typer.Option(min=1)] = 100,
    outlet: Annotated[str | None, typer.Option(help="Only this outlet.")] = None,
) -> None:
    """List stored reports."""
    views.print_reports(_settings(db), out, limit=limit, outlet=outlet)


@app.command()
def show(
    report_id: Annotated[str, typer.Argument(help="Report id or a unique prefix (6+ chars).")],
    db: DbOption = None,
) -> None:
    """Print one report with its extracted records."""
    views.print_report(_settings(db), out, report_id)


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", help="jsonl or csv.")] = "jsonl",
    kind: Annotated[str | None, typer.Option(help="incidents, statements or aggregates.")] = None,
    output: Annotated[Path | None, typer.Option("--out", help="File to write; default stdout.")]
    = None,
    db: DbOption = None,
) -> None:
    """Write stored records (all kinds for jsonl; one kind, default incidents, for csv)."""
    count = views.run_export(_settings(db), fmt=fmt, kind=kind, output=output)
    err.print(f"{count} records written")


@app.command(name="eval")
def evaluate_cmd(
    corpus_dir: Annotated[Path, typer.Argument(exists=True, file_okay=False)],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    details: Annotated[bool, typer.Option(help="List each file's misses and false positives.")]
    = False,
) -> None:
    """Score extraction against an annotated corpus."""
    views.run_eval(corpus_dir, out=out, err=err, as_json=as_json, details=details)


def main() -> None:
    try:
        app()
    except HarmtraceError as exc:
        err.print(f"[red]error:[/red] {exc}")
        sys.exit(2)
