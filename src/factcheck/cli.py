"""The command line: parse, call one library function, render, exit.

Exit codes: 0 clean, 1 findings that need attention, 2 usage, input or internal error.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from factcheck import __version__
from factcheck.check import (
    Workspace,
    add_claim,
    check_folder,
    claims_table,
    correct_claim,
    reject_claim,
    render_github,
    render_text,
    review_findings,
)
from factcheck.errors import FactcheckError
from factcheck.ingest import find_source_files
from factcheck.models import Report, ReviewStatus
from factcheck.pipeline import Progress, compare_folder, default_jobs
from factcheck.report import terminal_safe, to_json, to_markdown, to_table
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
def progress_bar(total: int, quiet: bool, label: str, after: str | None = None) -> Iterator[Progress | None]:
    """A progress bar on stderr for long runs; nothing when quiet or not on a terminal. Once every
    item is done the label becomes `after`, naming the work that follows (comparing)."""
    if quiet or total < 20 or not sys.stderr.isatty():
        yield None
        return
    with click.progressbar(length=total, label=label, file=sys.stderr) as bar:

        def step(_sid: str) -> None:
            bar.update(1)
            if after and bar.pos >= total:
                bar.label = after
                bar.render_progress()

        yield step


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factcheck")
def main() -> None:
    """Compare news reports of one incident: where sources disagree, where they agree, with evidence.

    \b
    Example:
      factcheck compare seeds/
    """


F = TypeVar("F", bound=Callable[..., Any])


def folder_options(command: F) -> F:
    """--claims-dir, --reports-dir and --reviews-dir, as `compare` has them."""
    for option, default, text in reversed(
        [
            ("--claims-dir", "claims", "Where claims files are kept, one per source."),
            ("--reports-dir", "reports", "Where the Markdown report is written."),
            ("--reviews-dir", "reviews", "Where people's decisions and corrections are kept."),
        ]
    ):
        command = click.option(
            option, type=click.Path(path_type=Path), default=Path(default), show_default=True, help=text
        )(command)
    return command


def jobs_option(command: F) -> F:
    return click.option(
        "--jobs",
        "-j",
        type=click.IntRange(min=1),
        default=None,
        help="Processes for extraction  [default: the cores available].",
    )(command)


@main.command()
@click.argument("sources", type=click.Path(path_type=Path))
@folder_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "json", "table"]),
    default="table",
    show_default=True,
    help="What to print on standard output.",
)
@jobs_option
@click.option("--quiet", "-q", is_flag=True, help="No progress or warnings on stderr.")
def compare(
    sources: Path, claims_dir: Path, reports_dir: Path, reviews_dir: Path, fmt: str, jobs: int | None, quiet: bool
) -> None:
    """Extract claims from every source in SOURCES, compare them and write a report.

    Claims go to CLAIMS_DIR/<source>.json (reused while the source is unchanged), the report to
    REPORTS_DIR/<folder>.md. Corrections and review decisions in REVIEWS_DIR/<folder>.json are
    applied. Exits 1 when there are discrepancies, 2 on an input error.

    \b
    Example:
      factcheck compare seeds/ --format json > seeds.json
    """
    with handle_errors():
        total = len(find_source_files(sources, [claims_dir, reports_dir, reviews_dir]))
        if sources.resolve() == claims_dir.resolve() or sources.resolve() == reports_dir.resolve():
            raise InputError("the claims and reports folders must not be the sources folder")
        with progress_bar(total, quiet, "Extracting", after="Comparing") as progress:
            report, _ = compare_folder(
                sources,
                claims_dir,
                reviews_dir=reviews_dir,
                jobs=jobs or default_jobs(),
                progress=progress,
                exclude=[reports_dir],
            )
        atomic_write(reports_dir / f"{report.folder}.md", to_markdown(report))
    if not quiet:
        for warning in report.warnings:
            click.echo(f"warning: {terminal_safe(warning)}", err=True)
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


# --- the review loop: check, review, claim ---------------------------------------------------


def sources_option(command: F) -> F:
    return click.option(
        "--sources", "-s", "sources", type=click.Path(path_type=Path), required=True, help="The sources folder."
    )(command)


def note_options(command: F) -> F:
    command = click.option(
        "--reviewer", envvar="FACTCHECK_REVIEWER", help="Who decided (optional; default $FACTCHECK_REVIEWER)."
    )(command)
    return click.option("--note", required=True, help="Why: what you checked and what you found.")(command)


def parse_sets(_ctx: click.Context, _param: click.Parameter, values: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for item in values:
        key, eq, value = item.partition("=")
        if not eq or not key.strip():
            raise click.BadParameter(f"{item!r}: expected FIELD=VALUE, e.g. value=28")
        out[key.strip()] = value
    return out


set_option = click.option(
    "--set",
    "values",
    multiple=True,
    callback=parse_sets,
    metavar="FIELD=VALUE",
    help="A field of the claim and its value ('null' for none); repeat for more.",
)


@main.command()
@click.argument("sources", type=click.Path(path_type=Path))
@folder_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "github", "json"]),
    default="text",
    show_default=True,
    help="text for a CI log; github adds workflow annotations on the evidence lines; json.",
)
@jobs_option
def check(sources: Path, claims_dir: Path, reports_dir: Path, reviews_dir: Path, fmt: str, jobs: int | None) -> None:
    """Fail unless claims and report are current and every finding has a review decision.

    Changes nothing on disk. Exits 0 when SOURCES is up to date; 1 when a source is new or changed,
    the report differs from what `compare` would write, or a finding is unreviewed, listing each and
    the commands that fix it; 2 on an input error (such as a malformed claims or reviews file).

    \b
    Example:
      factcheck check seeds/ --format github
    """
    ws = Workspace(sources, claims_dir, reports_dir, reviews_dir)
    with handle_errors():
        result = check_folder(ws, jobs=jobs or default_jobs())
    if fmt == "json":
        click.echo(result.model_dump_json(indent=2))
    else:
        click.echo(render_github(ws, result) if fmt == "github" else render_text(ws, result))
    sys.exit(0 if result.ok else 1)


@main.command()
@click.argument("finding_ids", nargs=-1, required=True, metavar="FINDING_ID...")
@sources_option
@click.option(
    "--status",
    type=click.Choice(["confirmed", "dismissed", "explained"]),
    required=True,
    help="confirmed: the sources disagree; dismissed: a false alarm; explained: both accounts hold.",
)
@note_options
@folder_options
def review(
    finding_ids: tuple[str, ...],
    sources: Path,
    status: ReviewStatus,
    note: str,
    reviewer: str | None,
    claims_dir: Path,
    reports_dir: Path,
    reviews_dir: Path,
) -> None:
    """Record a decision on findings in REVIEWS_DIR/<folder>.json and update the report.

    A later decision on the same finding replaces the earlier one; `check` passes once every
    finding has one.

    \b
    Example:
      factcheck review F-2aa0b67ac9 --sources seeds/ --status confirmed --note "VICE says 27, OC Media 28"
    """
    ws = Workspace(sources, claims_dir, reports_dir, reviews_dir)
    with handle_errors():
        report = review_findings(ws, list(finding_ids), status, note, reviewer=reviewer)
    left = sum(1 for f in report.discrepancies if f.review is None)
    noun = "finding" if left == 1 else "findings"
    click.echo(f"{status}: {', '.join(finding_ids)} (in {ws.reviews_path}); {left} {noun} left to review", err=True)


@main.group()
def claim() -> None:
    """Correct the extracted claims: reject, correct or add one; list them with their ids.

    Corrections are kept in REVIEWS_DIR/<folder>.json, apart from the generated claims files, and
    applied by every `compare`.

    \b
    Example:
      factcheck claim list --sources seeds/ 000_e7e2957ecce1ac92.txt
    """


@claim.command("list")
@click.argument("source_ids", nargs=-1, metavar="[SOURCE_ID]...")
@sources_option
@folder_options
def claim_list(
    source_ids: tuple[str, ...], sources: Path, claims_dir: Path, reports_dir: Path, reviews_dir: Path
) -> None:
    """List the claims of the sources (all, if none named), corrections applied.

    \b
    Example:
      factcheck claim list --sources seeds/ 001_e5f6ed7113b28027.txt
    """
    with handle_errors():
        click.echo(claims_table(Workspace(sources, claims_dir, reports_dir, reviews_dir), list(source_ids)))


@claim.command("reject")
@click.argument("claim_id")
@sources_option
@note_options
@folder_options
def claim_reject(
    claim_id: str,
    sources: Path,
    note: str,
    reviewer: str | None,
    claims_dir: Path,
    reports_dir: Path,
    reviews_dir: Path,
) -> None:
    """Mark an extracted claim wrong: compare leaves it out from now on.

    \b
    Example:
      factcheck claim reject c-29fae50206 --sources seeds/ --note "the age is the brother's"
    """
    ws = Workspace(sources, claims_dir, reports_dir, reviews_dir)
    with handle_errors():
        reject_claim(ws, claim_id, note, reviewer=reviewer)
    click.echo(f"rejected {claim_id} (in {ws.reviews_path})", err=True)


@claim.command("correct")
@click.argument("claim_id")
@sources_option
@set_option
@note_options
@folder_options
def claim_correct(
    claim_id: str,
    sources: Path,
    values: dict[str, str],
    note: str,
    reviewer: str | None,
    claims_dir: Path,
    reports_dir: Path,
    reviews_dir: Path,
) -> None:
    """Change fields of a claim; the corrected claim gets a new id (h-...).

    \b
    Example:
      factcheck claim correct c-29fae50206 --sources seeds/ --set value=28 --note "his passport says 28"
    """
    ws = Workspace(sources, claims_dir, reports_dir, reviews_dir)
    with handle_errors():
        edit = correct_claim(ws, claim_id, values, note, reviewer=reviewer)
    click.echo(f"corrected {claim_id}: {edit.changes} (in {ws.reviews_path})", err=True)


@claim.command("add")
@click.argument("source_id")
@sources_option
@click.option("--kind", type=click.Choice(["age", "quantity", "date", "status", "role"]), required=True)
@click.option("--subject", required=True, help="Who or what it is about, as claims name it ('p:ravan nasimi').")
@click.option("--quote", required=True, help="The evidence, exactly as in the source.")
@click.option("--value-text", help="The words of the quote that state the value  [default: the whole quote].")
@set_option
@note_options
@folder_options
def claim_add(
    source_id: str,
    sources: Path,
    kind: str,
    subject: str,
    quote: str,
    value_text: str | None,
    values: dict[str, str],
    note: str,
    reviewer: str | None,
    claims_dir: Path,
    reports_dir: Path,
    reviews_dir: Path,
) -> None:
    """Add a claim the extractor missed, from SOURCE_ID (a path relative to the sources folder).

    \b
    Example:
      factcheck claim add 001_e5f6ed7113b28027.txt --sources seeds/ --kind age --subject "p:ravan nasimi" \\
        --quote "Ravan Nasimi, 28, told OC Media" --value-text 28 --set value=28 --note "missed apposition"
    """
    ws = Workspace(sources, claims_dir, reports_dir, reviews_dir)
    with handle_errors():
        edit = add_claim(ws, source_id, kind, subject, quote, values, note, value_text=value_text, reviewer=reviewer)
    assert edit.claim is not None
    click.echo(f"added {edit.claim.id} to {source_id} (in {ws.reviews_path})", err=True)
