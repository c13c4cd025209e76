"""The command line: parse, call one library function, render, exit.

Exit codes: 0 clean, 1 findings that need attention, 2 usage, input or internal error.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from factcheck import __version__
from factcheck.errors import FactcheckError
from factcheck.ingest import find_source_files
from factcheck.models import Report
from factcheck.pipeline import Progress, compare_folder, default_jobs
from factcheck.report import to_json, to_markdown, to_table
from factcheck.store import atomic_write


class InputError(click.ClickException):
    """A problem with the user's input: exit 2, as usage errors do."""

    exit_code = 2


@contextmanager
def handle_errors() -> Iterator[None]:
    try:
        yield
    except FactcheckError as exc:
        raise InputError(str(exc)) from exc
    except PermissionError as exc:
        raise InputError(f"{exc.filename}: permission denied") from exc


@contextmanager
def progress_bar(total: int, quiet: bool, label: str) -> Iterator[Progress | None]:
    """A progress bar on stderr for long runs; nothing when quiet or not on a terminal."""
    if quiet or total < 20 or not sys.stderr.isatty():
        yield None
        return
    with click.progressbar(length=total, label=label, file=sys.stderr) as bar:
        yield lambda _sid: bar.update(1)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factcheck")
def main() -> None:
    """Compare news reports of one incident: where sources disagree, where they agree, with evidence.

    \b
    Example:
      factcheck compare seeds/
    """


@main.command()
@click.argument("sources", type=click.Path(path_type=Path))
@click.option("--claims-dir", type=click.Path(path_type=Path), default=Path("claims"), show_default=True,
              help="Where claims files are kept, one per source.")
@click.option("--reports-dir", type=click.Path(path_type=Path), default=Path("reports"), show_default=True,
              help="Where the Markdown report is written.")
@click.option("--format", "fmt", type=click.Choice(["markdown", "json", "table"]), default="table",
              show_default=True, help="What to print on standard output.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Processes for extraction  [default: the cores available].")
@click.option("--quiet", "-q", is_flag=True, help="No progress or warnings on stderr.")
def compare(sources: Path, claims_dir: Path, reports_dir: Path, fmt: str, jobs: int | None, quiet: bool) -> None:
    """Extract claims from every source in SOURCES, compare them and write a report.

    Claims go to CLAIMS_DIR/<source>.json (reused while the source is unchanged), the report to
    REPORTS_DIR/<folder>.md. Exits 1 when there are discrepancies, 2 on an input error.

    \b
    Example:
      factcheck compare seeds/ --format json > seeds.json
    """
    with handle_errors():
        total = len(find_source_files(sources))
        if sources.resolve() == claims_dir.resolve() or sources.resolve() == reports_dir.resolve():
            raise InputError("the claims and reports folders must not be the sources folder")
        with progress_bar(total, quiet, "Extracting") as progress:
            report, stats = compare_folder(sources, claims_dir, jobs=jobs or default_jobs(), progress=progress)
        atomic_write(reports_dir / f"{report.folder}.md", to_markdown(report))
    if not quiet:
        for warning in report.warnings:
            click.echo(f"warning: {warning}", err=True)
    render(report, fmt)
    sys.exit(1 if report.discrepancies else 0)


def render(report: Report, fmt: str) -> None:
    if fmt == "json":
        click.echo(to_json(report), nl=False)
    elif fmt == "markdown":
        click.echo(to_markdown(report), nl=False)
    else:
        click.echo(to_table(report))


@main.command()
def schema() -> None:
    """Print the JSON Schema of the report (claims, findings, corroborations).

    \b
    Example:
      factcheck schema > report.schema.json
    """
    click.echo(json.dumps(Report.model_json_schema(), indent=2, sort_keys=True))
