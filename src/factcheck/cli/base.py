"""The command line's shared parts: the group, error handling, options, workspace and progress.

One grammar for every command: the sources folder is the first argument (or `sources` in the
project configuration, see `factcheck.config`), then what the command acts on. Exit codes as
ruff's: 0 clean, 1 findings that need attention (`--fail-on` chooses which), 2 usage, input or
internal error, always one line on stderr.
"""

from __future__ import annotations

import functools
import shlex
import sys
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple, TypeVar, cast

import click

from factcheck import __version__
from factcheck.check import (
    Workspace,
)
from factcheck.config import FAIL_ON, FailOn, Settings, load_settings
from factcheck.errors import FactcheckError, OutputError, bug_message
from factcheck.ingest import find_source_files, source_id
from factcheck.pipeline import Progress
from factcheck.report import terminal_safe


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


def usage_line(exc: click.UsageError) -> str:
    """A usage error as one line, naming the help to read: click's own three lines (usage, hint,
    blank line, error) scroll a CI log for a single mistake."""
    command = exc.ctx.command_path if exc.ctx is not None else "factcheck"
    return terminal_safe(f"Error: {exc.format_message()} (see '{command} --help')")


class Group(click.Group):
    """A click group whose commands fail in one line: an input error exits 2 with its message; any other
    exception is a bug, said so in one line with where to report it (the traceback with --debug)."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """Click's standalone handling, except that a usage error is printed as one line."""
        if not kwargs.get("standalone_mode", True):
            return super().main(*args, **kwargs)
        kwargs["standalone_mode"] = False
        try:
            result = super().main(*args, **kwargs)
        except click.UsageError as exc:
            click.echo(usage_line(exc), err=True)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("Aborted!", err=True)
            sys.exit(1)
        # Without standalone mode click returns the exit code of ctx.exit(n), or a command's result.
        sys.exit(result if isinstance(result, int) else 0)

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


class Folders(NamedTuple):
    """The output folders a command was given (None: the configured folder, else the default)."""

    claims: Path | None
    reports: Path | None
    reviews: Path | None


NO_FOLDERS = Folders(None, None, None)


def folder_options(command: F) -> F:
    """--claims-dir, --reports-dir and --reviews-dir, handed to the command as one `folders`."""

    @functools.wraps(command)
    def with_folders(
        *args: Any, claims_dir: Path | None, reports_dir: Path | None, reviews_dir: Path | None, **kwargs: Any
    ) -> Any:
        return command(*args, folders=Folders(claims_dir, reports_dir, reviews_dir), **kwargs)

    wrapped: Any = with_folders
    for option, default, text in reversed(
        [
            ("--claims-dir", "claims", "Where claims files are kept, one per source."),
            ("--reports-dir", "reports", "Where the Markdown report is written."),
            ("--reviews-dir", "reviews", "Where people's decisions and corrections are kept."),
        ]
    ):
        wrapped = click.option(
            option,
            type=click.Path(path_type=Path),
            default=None,
            help=f"{text}  [default: {default}, or as configured]",
        )(wrapped)
    return cast(F, wrapped)


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


def workspace(ctx: click.Context, sources: Path | None, given: Folders = NO_FOLDERS) -> Workspace:
    """The folders a command works on: its options, else the configuration, else the defaults."""
    conf = settings(ctx)
    if sources is None:
        sources = conf.sources
    if sources is None:
        raise click.UsageError("Missing argument 'SOURCES' (or set `sources` in factcheck.toml).", ctx)
    configured = (conf.claims, conf.reports, conf.reviews)
    folders = (given.claims or conf.claims, given.reports or conf.reports, given.reviews or conf.reviews)
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
