"""factcheck compare and factcheck schema: extract, compare, render."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from factcheck.budget import DEFAULT_SOURCE_TIMEOUT
from factcheck.check import (
    failing,
    sarif,
)
from factcheck.cli.base import (
    Folders,
    exit_options,
    folder_options,
    jobs_option,
    main,
    policy,
    progress_bar,
    quiet_option,
    source_sizes,
    warn,
    workspace,
)
from factcheck.config import FailOn
from factcheck.models import Report
from factcheck.pipeline import compare_folder, default_jobs, report_markdown
from factcheck.report import to_json, to_markdown, to_table
from factcheck.store import atomic_write


@main.command()
@click.argument("sources", type=click.Path(path_type=Path), required=False)
@folder_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "markdown", "json", "sarif"]),
    default="table",
    show_default=True,
    help="What to print on standard output (sarif: SARIF 2.1.0, for code scanning).",
)
@exit_options("contradiction", "unreviewed contradictions; divergence or unreviewed: any unreviewed finding.")
@jobs_option
@click.option(
    "--source-timeout",
    type=click.FloatRange(min=0),
    default=DEFAULT_SOURCE_TIMEOUT,
    envvar="FACTCHECK_SOURCE_TIMEOUT",
    show_default=True,
    help="Seconds one source's extraction may take before it is skipped with a warning (0: no limit).",
)
@quiet_option
@click.pass_context
def compare(
    ctx: click.Context,
    sources: Path | None,
    folders: Folders,
    fmt: str,
    fail_on: FailOn | None,
    exit_zero: bool,
    jobs: int | None,
    source_timeout: float,
    quiet: bool,
) -> None:
    """Extract claims from every source in SOURCES, compare them and write a report.

    Claims go to CLAIMS_DIR/<source>.json (reused while the source is unchanged), the report to
    REPORTS_DIR/<folder>.md. Corrections and review decisions in REVIEWS_DIR/<folder>.json are
    applied. Exits 1 when a contradiction has no review decision (see --fail-on), 2 on an input error.

    \b
    Example:
      factcheck compare seeds/ --format json > seeds.json
    """
    ws = workspace(ctx, sources, folders)
    rule = policy(ctx, fail_on, exit_zero, "contradiction")
    with progress_bar(lambda: source_sizes(ws), quiet, "Extracting", after="Comparing") as progress:
        report, _ = compare_folder(
            ws.sources,
            ws.claims_dir,
            reviews_dir=ws.reviews_dir,
            jobs=jobs or default_jobs(),
            progress=progress,
            exclude=[ws.reports_dir],
            source_timeout=source_timeout or None,
        )
    atomic_write(ws.report_path, report_markdown(report, ws.claims_dir))
    warn(report.warnings, quiet)
    if fmt == "sarif":
        click.echo(sarif(ws, report), nl=False)
    else:
        render(report, fmt)
    sys.exit(1 if failing(report.discrepancies, rule) else 0)


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
