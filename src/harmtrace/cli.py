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
from harmtrace.export import FOLDER_EXPORTERS
from harmtrace.extract.gazetteer import load_geonames

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
    serve_after: Annotated[bool, typer.Option(
        "--serve", help="Then serve the demo store in the web UI and print its URL.")] = False,
) -> None:
    """Ingest the bundled sample reports and show what was found."""
    sample = resources.files("harmtrace") / "data" / "sample"
    settings = _settings(db)
    summary = views.run_ingest([str(sample)], settings, out=out, err=err, quiet=True)
    views.print_incidents(settings, out)
    out.print(f"\nStore: {settings.db}  (try: harmtrace reports --db {db})")
    if serve_after and not summary.failed:
        from harmtrace.web.serve import serve as serve_web

        serve_web(settings, announce=out.print)
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
def speakers(
    db: DbOption = None,
    limit: Annotated[int, typer.Option(min=1)] = 100,
) -> None:
    """List who is quoted, with their organisation and how many statements."""
    views.print_speakers(_settings(db), out, limit=limit)


@app.command()
def export(
    fmt: Annotated[str, typer.Option(
        "--format", help="jsonl, csv, geojson, conflict-csv (conflict-event dataset "
        "columns), or corpus (one annotation-format file per report).")]
    = "jsonl",
    kind: Annotated[str | None, typer.Option(
        help="incidents, statements, aggregates, or linked (incidents with their claims).")]
    = None,
    output: Annotated[Path | None, typer.Option(
        "--out", help="File to write (default stdout); the folder for --format corpus.")] = None,
    origin: Annotated[str, typer.Option(help=(
        "current (an analyst's latest review where there is one, else the machine's), "
        "machine, reviewed, or all (machine and reviewed side by side)."))] = "current",
    outlet: Annotated[str | None, typer.Option(help="Only reports of this outlet.")] = None,
    since: Annotated[str | None, typer.Option(help="Only reports published from (ISO date).")]
    = None,
    until: Annotated[str | None, typer.Option(help="Only reports published up to (ISO date).")]
    = None,
    db: DbOption = None,
) -> None:
    """Write stored records (all kinds for jsonl; one kind, default incidents, for csv;
    for corpus, one annotation-format file per report into the --out folder)."""
    count = views.run_export(_settings(db), fmt=fmt, kind=kind, output=output, view=origin,
                             outlet=outlet, since=since, until=until)
    err.print(f"{count} {'report files' if fmt in FOLDER_EXPORTERS else 'records'} written")


@app.command(name="eval")
def evaluate_cmd(
    corpus_dir: Annotated[Path, typer.Argument(exists=True, file_okay=False)],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    details: Annotated[bool, typer.Option(help="List each file's misses and false positives.")]
    = False,
    predictions: Annotated[Path | None, typer.Option(
        exists=True, file_okay=False,
        help="Score these annotation-format files (any system's) instead of extracting.")]
    = None,
    compare: Annotated[tuple[Path, Path] | None, typer.Option(
        help="Score two prediction folders A B and show B's change per measure.")] = None,
    save_predictions: Annotated[Path | None, typer.Option(
        file_okay=False, help="Also write what extraction predicted, one file per report.")]
    = None,
) -> None:
    """Score extraction (or prediction files) against an annotated corpus."""
    if predictions is not None and compare is not None:
        raise typer.BadParameter("give --predictions or --compare, not both")
    if save_predictions is not None and (predictions is not None or compare is not None):
        raise typer.BadParameter("--save-predictions writes extraction's predictions; "
                                 "it does not go with --predictions or --compare")
    views.run_eval(corpus_dir, out=out, err=err, as_json=as_json, details=details,
                   predictions=predictions, compare=compare, save_predictions=save_predictions)


@app.command()
def validate(
    paths: Annotated[list[Path], typer.Argument(
        exists=True, help="Annotation files or folders of them.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Check annotation files (corpus/FORMAT.md); exit status 1 when any problem is found."""
    result = views.run_validate(paths, out=out, as_json=as_json)
    raise typer.Exit(1 if result.problems else 0)


@app.command(name="import-gold")
def import_gold(
    paths: Annotated[list[Path], typer.Argument(
        exists=True, help="Corrected annotation files or folders of them.")],
    actor: Annotated[str, typer.Option(help="Who reviewed them, for the audit log.")]
    = "analyst",
    db: DbOption = None,
) -> None:
    """Store corrected annotation files as reviewed records beside the machine's."""
    summary = views.run_import_gold(paths, _settings(db), actor=actor, out=out, err=err)
    raise typer.Exit(1 if summary.failed else 0)


@app.command(name="link")
def link_cmd(db: DbOption = None) -> None:
    """Group stored claims that no incident holds yet into incidents (ingest does this too)."""
    views.run_link(_settings(db), out)


@app.command()
def incidents(
    db: DbOption = None,
    country: Annotated[str | None, typer.Option(help="ISO country code, e.g. SY.")] = None,
    since: Annotated[str | None, typer.Option(help="Claimed dates end on or after this.")]
    = None,
    until: Annotated[str | None, typer.Option(help="Claimed dates start on or before this.")]
    = None,
    perpetrator: Annotated[str | None, typer.Option(help="An actor some claim blames.")] = None,
    grade: Annotated[str | None, typer.Option(help="acknowledged, contested, denied, "
                                              "corroborated, reported or single_source.")]
    = None,
    limit: Annotated[int, typer.Option(min=1)] = 100,
) -> None:
    """List linked incidents, latest first."""
    views.print_linked_incidents(_settings(db), out, country=country, since=since, until=until,
                                 perpetrator=perpetrator, grade=grade, limit=limit)


@app.command()
def incident(
    incident_id: Annotated[int, typer.Argument(help="Incident id (see harmtrace incidents).")],
    db: DbOption = None,
) -> None:
    """Print one incident: its reconciled range and grade, and its claims side by side."""
    views.print_linked_incident(_settings(db), out, incident_id)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to bind; loopback unless told.")]
    = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
    workers: Annotated[int, typer.Option(
        min=1, max=64, help="Server processes (more answer more requests at once).")] = 1,
) -> None:
    """Serve the store as a web UI (incidents, map, reports, speakers, search) and JSON API."""
    from harmtrace.web.serve import serve as serve_web

    serve_web(_settings(db), host=host, port=port, workers=workers, announce=out.print)


bench_app = typer.Typer(help="Benchmarks (they ship with the source checkout).",
                        no_args_is_help=True)
app.add_typer(bench_app, name="bench")


@bench_app.command(name="link")
def bench_link(
    sizes: Annotated[list[int] | None, typer.Argument(help="Numbers of synthetic claims.")]
    = None,
) -> None:
    """Link synthetic claims of each size; print time, peak memory, precision and recall."""
    raise typer.Exit(views.run_link_bench(sizes or [10_000, 100_000]))


gazetteer_app = typer.Typer(help="The offline gazetteer used for geocoding.",
                            no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")


@gazetteer_app.command(name="load")
def gazetteer_load(
    dump: Annotated[Path, typer.Argument(exists=True, dir_okay=False,
                                         help="GeoNames dump (allCountries.txt, cities500.txt"
                                              " or a country file, plain or .zip).")],
) -> None:
    """Load a GeoNames dump you downloaded, so geocoding knows its villages too."""
    settings = Settings()
    count = load_geonames(dump, settings.gazetteer_path)
    out.print(f"{count} names indexed into {settings.gazetteer_path}")


def main() -> None:
    try:
        app()
    except HarmtraceError as exc:
        err.print(f"[red]error:[/red] {exc}")
        sys.exit(2)
