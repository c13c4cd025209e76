"""The command line: parse, call one library function, render, exit.

One grammar for every command: the sources folder is the first argument (or `sources` in the
project configuration, see `factcheck.config`), then what the command acts on. Exit codes as
ruff's: 0 clean, 1 findings that need attention (`--fail-on` chooses which), 2 usage, input or
internal error, always one line on stderr.
"""

from __future__ import annotations

import json
import os
import shlex
import sys
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from factcheck import __version__
from factcheck.budget import DEFAULT_SOURCE_TIMEOUT
from factcheck.check import (
    Workspace,
    add_claim,
    check_report,
    claims_table,
    correct_claim,
    decide_grouping,
    failing,
    job_summary,
    reject_claim,
    render_github,
    render_text,
    review_findings,
    sarif,
)
from factcheck.config import FAIL_ON, FailOn, Settings, load_settings
from factcheck.errors import FactcheckError, OutputError, bug_message
from factcheck.ingest import find_source_files, source_id
from factcheck.models import Report, ReviewStatus
from factcheck.pipeline import Progress, compare_folder, default_jobs
from factcheck.report import terminal_safe, to_json, to_markdown, to_table
from factcheck.store import atomic_write


class InputError(click.ClickException):
    """A problem with the user's input: exit 2, as usage errors do; on one line, whatever file
    names it quotes."""

    exit_code = 2

    def format_message(self) -> str:
        return terminal_safe(self.message)


def _where(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return "unknown place"
    last = frames[-1]
    return f"{Path(last.filename).name}:{last.lineno}"


def _os_error(exc: OSError) -> str:
    name = exc.filename if exc.filename is not None else "a file"
    if isinstance(exc, (FileExistsError, NotADirectoryError)):
        return f"{name}: is a file where factcheck needs a folder"
    return f"{name}: {exc.strerror or exc}"


class Group(click.Group):
    """A click group whose commands fail in one line: an input error exits 2 with its message; any other
    exception is a bug, said so in one line with where to report it (the traceback with --debug)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.Abort, click.ClickException, SystemExit, KeyboardInterrupt):
            raise
        except FactcheckError as exc:
            raise InputError(str(exc)) from exc
        except OSError as exc:
            if ctx.meta.get("factcheck.debug"):
                raise
            raise InputError(_os_error(exc)) from exc
        except Exception as exc:
            if ctx.meta.get("factcheck.debug"):
                raise
            raise InputError(bug_message(exc, _where(exc))) from exc


def _debug(ctx: click.Context, _param: click.Parameter, value: bool) -> bool:
    ctx.meta["factcheck.debug"] = value
    return value


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factcheck")
@click.option(
    "--debug",
    is_flag=True,
    envvar="FACTCHECK_DEBUG",
    expose_value=False,
    is_eager=True,
    callback=_debug,
    help="Show the full traceback of an internal error.",
)
def main() -> None:
    """Compare news reports of one incident: where sources disagree, where they agree, with evidence.

    Every command that reads a folder of sources takes it as its first argument, or from `sources`
    in factcheck.toml or [tool.factcheck] in pyproject.toml.

    \b
    Example:
      factcheck compare seeds/
    """


F = TypeVar("F", bound=Callable[..., Any])


def settings(ctx: click.Context) -> Settings:
    """The project configuration, read once per run."""
    root = ctx.find_root()
    if "factcheck.settings" not in root.meta:
        try:
            root.meta["factcheck.settings"] = load_settings()
        except FactcheckError as exc:
            raise InputError(str(exc)) from exc
    found: Settings = root.meta["factcheck.settings"]
    return found


def folder_options(command: F) -> F:
    """--claims-dir, --reports-dir and --reviews-dir: the configured folders unless given."""
    for option, default, text in reversed(
        [
            ("--claims-dir", "claims", "Where claims files are kept, one per source."),
            ("--reports-dir", "reports", "Where the Markdown report is written."),
            ("--reviews-dir", "reviews", "Where people's decisions and corrections are kept."),
        ]
    ):
        command = click.option(
            option,
            type=click.Path(path_type=Path),
            default=None,
            help=f"{text}  [default: {default}, or as configured]",
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


def quiet_option(command: F) -> F:
    return click.option("--quiet", "-q", is_flag=True, help="No progress, warnings or summary on stderr.")(command)


def exit_options(default: FailOn, what: str) -> Callable[[F], F]:
    def decorate(command: F) -> F:
        command = click.option(
            "--exit-zero", is_flag=True, help="Exit 0 even when findings need attention (same as --fail-on never)."
        )(command)
        return click.option(
            "--fail-on",
            type=click.Choice(FAIL_ON),
            default=None,
            help=f"What makes the run exit 1: {what}  [default: {default}, or fail-on as configured]",
        )(command)

    return decorate


def deprecated_sources_option(command: F) -> F:
    return click.option(
        "--sources", "-s", "sources_option", type=click.Path(path_type=Path), hidden=True, help="Deprecated."
    )(command)


def _output_folder(option: str, path: Path) -> Path:
    if path.exists() and not path.is_dir():
        raise OutputError(f"{path}: is a file, not a folder", f"Give {option} a folder (it is created if missing).")
    return path


def workspace(
    ctx: click.Context,
    sources: Path | None,
    claims_dir: Path | None = None,
    reports_dir: Path | None = None,
    reviews_dir: Path | None = None,
) -> Workspace:
    """The folders a command works on: its options, else the configuration, else the defaults."""
    conf = settings(ctx)
    if sources is None:
        sources = conf.sources
    if sources is None:
        raise click.UsageError("Missing argument 'SOURCES' (or set `sources` in factcheck.toml).", ctx)
    configured = (conf.claims, conf.reports, conf.reviews)
    folders = (claims_dir or conf.claims, reports_dir or conf.reports, reviews_dir or conf.reviews)
    for option, path in zip(("--claims-dir", "--reports-dir", "--reviews-dir"), folders, strict=True):
        _output_folder(option, path)
        if path.resolve() == sources.resolve():
            raise InputError(f"{path}: {option} must not be the sources folder")
    return Workspace(sources, *folders, configured=configured)


def split_sources(
    ctx: click.Context, args: Sequence[str], sources_option: Path | None, *, rest: str
) -> tuple[Path | None, list[str]]:
    """SOURCES and the rest of the arguments. The first argument is SOURCES unless the configuration
    names the sources folder and it is not a folder; `--sources` (deprecated) names it apart."""
    if sources_option is not None:
        example = shlex.join(["factcheck", *ctx.command_path.split()[1:], str(sources_option), *args])
        click.echo(f"warning: --sources is deprecated; give the folder as the first argument: {example}", err=True)
        return sources_option, list(args)
    if args and (settings(ctx).sources is None or Path(args[0]).is_dir()):
        return Path(args[0]), list(args[1:])
    if not args and settings(ctx).sources is None:
        raise click.UsageError(f"Missing argument 'SOURCES' (then {rest}).", ctx)
    return None, list(args)


class ByteProgress:
    """Progress through the sources by their size, with an estimate from extraction alone: a source
    whose claims are reused takes no time, so its bytes do not speed the estimate up."""

    def __init__(self, sizes: dict[str, int]) -> None:
        self.sizes = sizes
        self.last = time.monotonic()
        self.slow_bytes = 0
        self.slow_time = 0.0
        self.left = sum(sizes.values())

    def step(self, sid: str) -> int:
        now = time.monotonic()
        size = self.sizes.get(sid, 0)
        if now - self.last > 0.005:
            self.slow_bytes += size
            self.slow_time += now - self.last
        self.last = now
        self.left -= size
        return size

    def estimate(self) -> str:
        if self.slow_bytes == 0 or self.slow_time < 1.0 or self.left <= 0:
            return ""
        seconds = self.left * self.slow_time / self.slow_bytes
        return f"about {seconds:.0f} s left" if seconds < 120 else f"about {seconds / 60:.0f} min left"


def source_sizes(ws: Workspace) -> dict[str, int]:
    """The size of every source, by id: what the progress bar counts."""
    paths = find_source_files(ws.sources, [ws.claims_dir, ws.reports_dir, ws.reviews_dir])
    return {source_id(ws.sources, p): p.stat().st_size for p in paths}


@contextmanager
def progress_bar(
    sizes: Callable[[], dict[str, int]], quiet: bool, label: str, after: str | None = None
) -> Iterator[Progress | None]:
    """A progress bar on stderr for long runs, by bytes of the sources (`sizes`, asked for only when a
    bar is shown); nothing when quiet, not on a terminal or for a handful of sources. Once every
    source is done the label becomes `after`, naming the work that follows (comparing)."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    by_source = sizes()
    if len(by_source) < 20:
        yield None
        return
    counter = ByteProgress(by_source)

    def estimate(_item: int | None) -> str:
        return counter.estimate()

    with click.progressbar(
        length=max(1, sum(by_source.values())),
        label=label,
        file=sys.stderr,
        show_eta=False,
        item_show_func=estimate,
    ) as bar:

        def step(sid: str) -> None:
            bar.update(counter.step(sid))
            if after and counter.left <= 0:
                bar.label = after
                bar.render_progress()

        yield step


def warn(lines: Sequence[str], quiet: bool) -> None:
    if not quiet:
        for line in lines:
            click.echo(f"warning: {terminal_safe(line)}", err=True)


def policy(ctx: click.Context, fail_on: FailOn | None, exit_zero: bool, default: FailOn) -> FailOn:
    if exit_zero:
        return "never"
    return fail_on or settings(ctx).fail_on or default


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
    claims_dir: Path | None,
    reports_dir: Path | None,
    reviews_dir: Path | None,
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
    ws = workspace(ctx, sources, claims_dir, reports_dir, reviews_dir)
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
    atomic_write(ws.report_path, to_markdown(report))
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


# --- the review loop: check, review, claim ---------------------------------------------------


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
    claims_dir: Path | None,
    reports_dir: Path | None,
    reviews_dir: Path | None,
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
    ws = workspace(ctx, sources, claims_dir, reports_dir, reviews_dir)
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
    claims_dir: Path | None,
    reports_dir: Path | None,
    reviews_dir: Path | None,
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
    ws = workspace(ctx, sources, claims_dir, reports_dir, reviews_dir)
    report = review_findings(ws, finding_ids, status, note, reviewer=reviewer)
    left = sum(1 for f in report.discrepancies if f.review is None)
    noun = "finding" if left == 1 else "findings"
    done = terminal_safe(f"{status}: {', '.join(finding_ids)} (in {ws.reviews_path})")
    click.echo(f"{done}; {left} {noun} left to review", err=True)


@main.group(cls=Group)
def claim() -> None:
    """Correct the extracted claims: reject, correct or add one; list them with their ids.

    Corrections are kept in REVIEWS_DIR/<folder>.json, apart from the generated claims files, and
    applied by every `compare`. SOURCES may be left out when the configuration names it.

    \b
    Example:
      factcheck claim list seeds/ 000_e7e2957ecce1ac92.txt
    """


@claim.command("list")
@click.argument("args", nargs=-1, metavar="SOURCES [FILE]...")
@deprecated_sources_option
@folder_options
@click.pass_context
def claim_list(
    ctx: click.Context,
    args: tuple[str, ...],
    sources_option: Path | None,
    claims_dir: Path | None,
    reports_dir: Path | None,
    reviews_dir: Path | None,
) -> None:
    """List the claims of the sources (all, if no FILE is named), corrections applied.

    FILE is a source's path relative to SOURCES.

    \b
    Example:
      factcheck claim list seeds/ 001_e5f6ed7113b28027.txt
    """
    sources, files = split_sources(ctx, args, sources_option, rest="FILE...")
    ws = workspace(ctx, sources, claims_dir, reports_dir, reviews_dir)
    click.echo(claims_table(ws, files))


def _one(ctx: click.Context, args: Sequence[str], sources_option: Path | None, what: str) -> tuple[Path | None, str]:
    sources, rest = split_sources(ctx, args, sources_option, rest=what)
    if len(rest) != 1:
        problem = "Missing argument" if not rest else "One argument expected for"
        raise click.UsageError(f"{problem} '{what}' (after SOURCES).", ctx)
    return sources, rest[0]


@claim.command("reject")
@click.argument("args", nargs=-1, required=True, metavar="SOURCES CLAIM_ID")
@deprecated_sources_option
@note_options
@folder_options
@click.pass_context
def claim_reject(
    ctx: click.Context,
    args: tuple[str, ...],
    sources_option: Path | None,
    note: str,
    reviewer: str | None,
    claims_dir: Path | None,
    reports_dir: Path | None,
    reviews_dir: Path | None,
) -> None:
    """Mark an extracted claim wrong: compare leaves it out from now on.

    \b
    Example:
      factcheck claim reject seeds/ c-29fae50206 --note "the age is the brother's"
    """
    sources, claim_id = _one(ctx, args, sources_option, "CLAIM_ID")
    ws = workspace(ctx, sources, claims_dir, reports_dir, reviews_dir)
    reject_claim(ws, claim_id, note, reviewer=reviewer)
    click.echo(terminal_safe(f"rejected {claim_id} (in {ws.reviews_path})"), err=True)


@claim.command("correct")
@click.argument("args", nargs=-1, required=True, metavar="SOURCES CLAIM_ID")
@deprecated_sources_option
@set_option
@note_options
@folder_options
@click.pass_context
def claim_correct(
    ctx: click.Context,
    args: tuple[str, ...],
    sources_option: Path | None,
    values: dict[str, str],
    note: str,
    reviewer: str | None,
    claims_dir: Path | None,
    reports_dir: Path | None,
    reviews_dir: Path | None,
) -> None:
    """Change fields of a claim; the corrected claim gets a new id (h-...).

    \b
    Example:
      factcheck claim correct seeds/ c-29fae50206 --set value=28 --note "his passport says 28"
    """
    sources, claim_id = _one(ctx, args, sources_option, "CLAIM_ID")
    ws = workspace(ctx, sources, claims_dir, reports_dir, reviews_dir)
    edit = correct_claim(ws, claim_id, values, note, reviewer=reviewer)
    click.echo(terminal_safe(f"corrected {claim_id}: {edit.changes} (in {ws.reviews_path})"), err=True)


@claim.command("add")
@click.argument("args", nargs=-1, required=True, metavar="SOURCES FILE")
@deprecated_sources_option
@click.option("--kind", type=click.Choice(["age", "quantity", "date", "status", "role"]), required=True)
@click.option("--subject", required=True, help="Who it is about, named as `claim list` shows it ('Ravan Nasimi').")
@click.option("--quote", required=True, help="The evidence, exactly as in the source.")
@click.option("--value-text", help="The words of the quote that state the value  [default: found in the quote].")
@set_option
@note_options
@folder_options
@click.pass_context
def claim_add(
    ctx: click.Context,
    args: tuple[str, ...],
    sources_option: Path | None,
    kind: str,
    subject: str,
    quote: str,
    value_text: str | None,
    values: dict[str, str],
    note: str,
    reviewer: str | None,
    claims_dir: Path | None,
    reports_dir: Path | None,
    reviews_dir: Path | None,
) -> None:
    """Add a claim the extractor missed, from FILE (a path relative to the sources folder).

    The value is read from the quote where it can be (an age's number, a count and its unit, a
    status phrase); --set gives what it cannot, or overrides it.

    \b
    Example:
      factcheck claim add seeds/ 001_e5f6ed7113b28027.txt --kind age --subject "Ravan Nasimi" \\
        --quote "Ravan Nasimi, 28, told OC Media" --note "missed apposition"
    """
    sources, file = _one(ctx, args, sources_option, "FILE")
    ws = workspace(ctx, sources, claims_dir, reports_dir, reviews_dir)
    edit = add_claim(ws, file, kind, subject, quote, values, note, value_text=value_text, reviewer=reviewer)
    assert edit.claim is not None
    click.echo(
        terminal_safe(f"added {edit.claim.id} to {file}: {edit.claim.display_value()} (in {ws.reviews_path})"), err=True
    )


@main.group(cls=Group)
def incident() -> None:
    """Decide how sources are grouped into incidents: merge some into one, or keep some apart.

    Decisions are kept in REVIEWS_DIR/<folder>.json with the other reviews and applied by every
    `compare`; `check` lists those naming a source no longer in the folder. The report's Incidents
    section shows why sources were grouped. SOURCES may be left out when the configuration names it.

    \b
    Example:
      factcheck incident split seeds/ 002_afc569628a2844e8.txt --note "a detention five years later"
    """


Folders = tuple[Path | None, Path | None, Path | None]


def _grouping(ctx: click.Context, action: str, args: tuple[str, ...], sources_option: Path | None,
              note: str, reviewer: str | None, folders: Folders) -> None:  # fmt: skip
    sources, files = split_sources(ctx, args, sources_option, rest="FILE...")
    least = 2 if action == "merge" else 1
    if len(files) < least:
        raise click.UsageError(f"{action} needs {least} FILE{'s' if least > 1 else ''} or more (after SOURCES).", ctx)
    ws = workspace(ctx, sources, *folders)
    decision = decide_grouping(ws, "merge" if action == "merge" else "split", files, note, reviewer=reviewer)
    click.echo(
        terminal_safe(f"{action}: {', '.join(decision.sources)} ({decision.id}, in {ws.reviews_path})"), err=True
    )


@incident.command("merge")
@click.argument("args", nargs=-1, required=True, metavar="SOURCES FILE FILE...")
@deprecated_sources_option
@note_options
@folder_options
@click.pass_context
def incident_merge(
    ctx: click.Context,
    args: tuple[str, ...],
    sources_option: Path | None,
    note: str,
    reviewer: str | None,
    claims_dir: Path | None,
    reports_dir: Path | None,
    reviews_dir: Path | None,
) -> None:
    """Put the sources FILE... (paths relative to SOURCES) in one incident, so they are compared.

    \b
    Example:
      factcheck incident merge seeds/ 000_e7e2957ecce1ac92.txt 001_e5f6ed7113b28027.txt --note "same video"
    """
    _grouping(ctx, "merge", args, sources_option, note, reviewer, (claims_dir, reports_dir, reviews_dir))


@incident.command("split")
@click.argument("args", nargs=-1, required=True, metavar="SOURCES FILE...")
@deprecated_sources_option
@note_options
@folder_options
@click.pass_context
def incident_split(
    ctx: click.Context,
    args: tuple[str, ...],
    sources_option: Path | None,
    note: str,
    reviewer: str | None,
    claims_dir: Path | None,
    reports_dir: Path | None,
    reviews_dir: Path | None,
) -> None:
    """Keep the sources FILE... apart from each other (one FILE: apart from every other source).

    \b
    Example:
      factcheck incident split seeds/ 000_e7e2957ecce1ac92.txt 002_afc569628a2844e8.txt --note "two events"
    """
    _grouping(ctx, "split", args, sources_option, note, reviewer, (claims_dir, reports_dir, reviews_dir))
