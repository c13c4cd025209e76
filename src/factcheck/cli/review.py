"""factcheck check and factcheck review: the CI gate and the decisions it asks for."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from factcheck.check import (
    check_report,
    failing,
    job_summary,
    render_github,
    render_text,
    review_findings,
    sarif,
)
from factcheck.cli.base import (
    Folders,
    deprecated_sources_option,
    exit_options,
    folder_options,
    jobs_option,
    main,
    note_options,
    policy,
    progress_bar,
    quiet_option,
    source_sizes,
    split_sources,
    workspace,
)
from factcheck.config import FailOn
from factcheck.models import ReviewStatus
from factcheck.pipeline import default_jobs
from factcheck.report import terminal_safe


@main.command()
@click.argument("sources", type=click.Path(path_type=Path), required=False)
@folder_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "github", "json", "sarif"]),
    default="text",
    show_default=True,
    help="text for a CI log; github adds a workflow annotation per finding and a job summary; json; sarif.",
)
@exit_options(
    "unreviewed",
    "stale claims or report, and unreviewed findings (contradiction: only unreviewed contradictions).",
)
@jobs_option
@quiet_option
@click.pass_context
def check(
    ctx: click.Context,
    sources: Path | None,
    folders: Folders,
    fmt: str,
    fail_on: FailOn | None,
    exit_zero: bool,
    jobs: int | None,
    quiet: bool,
) -> None:
    """Fail unless claims and report are current and every finding has a review decision.

    Changes nothing on disk. Exits 0 when SOURCES is up to date; 1 when a source is new or changed,
    the report differs from what `compare` would write, or a finding is unreviewed (see --fail-on),
    listing each and the commands that fix it; 2 on an input error (such as a malformed claims or
    reviews file).

    \b
    Example:
      factcheck check seeds/ --format github
    """
    ws = workspace(ctx, sources, folders)
    rule = policy(ctx, fail_on, exit_zero, "unreviewed")
    with progress_bar(lambda: source_sizes(ws), quiet, "Checking") as progress:
        result, report = check_report(ws, jobs=jobs or default_jobs(), progress=progress)
    if quiet:
        result = result.model_copy(update={"warnings": []})
    if fmt == "json":
        click.echo(result.model_dump_json(indent=2))
    elif fmt == "sarif":
        click.echo(sarif(ws, report, result), nl=False)
    elif not (quiet and result.ok):
        click.echo(render_github(ws, result) if fmt == "github" else render_text(ws, result))
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if fmt == "github" and summary:
        with open(summary, "a", encoding="utf-8") as handle:  # appended: other steps write there too
            handle.write(job_summary(ws, result) + "\n")
    stale = bool(result.stale) or result.report != "current"
    sys.exit(1 if rule != "never" and (stale or failing(result.unreviewed, rule)) else 0)


@main.command()
@click.argument("args", nargs=-1, required=True, metavar="SOURCES FINDING_ID...")
@deprecated_sources_option
@click.option(
    "--status",
    type=click.Choice(["confirmed", "dismissed", "explained"]),
    required=True,
    help="confirmed: the sources disagree; dismissed: a false alarm; explained: both accounts hold.",
)
@note_options
@folder_options
@click.pass_context
def review(
    ctx: click.Context,
    args: tuple[str, ...],
    sources_option: Path | None,
    status: ReviewStatus,
    note: str,
    reviewer: str | None,
    folders: Folders,
) -> None:
    """Record a decision on findings in REVIEWS_DIR/<folder>.json and update the report.

    A later decision on the same finding replaces the earlier one; `check` passes once every
    finding has one. SOURCES may be left out when the configuration names it.

    \b
    Example:
      factcheck review seeds/ F-2aa0b67ac9 --status confirmed --note "VICE says 27, OC Media 28"
    """
    sources, finding_ids = split_sources(ctx, args, sources_option, rest="FINDING_ID...")
    if not finding_ids:
        raise click.UsageError("Missing argument 'FINDING_ID...': the ids `factcheck check` lists.", ctx)
    ws = workspace(ctx, sources, folders)
    report = review_findings(ws, finding_ids, status, note, reviewer=reviewer)
    left = sum(1 for f in report.discrepancies if f.review is None)
    noun = "finding" if left == 1 else "findings"
    done = terminal_safe(f"{status}: {', '.join(finding_ids)} (in {ws.reviews_path})")
    click.echo(f"{done}; {left} {noun} left to review", err=True)
