"""factcheck incident merge|split: people decide which sources report one event."""

from __future__ import annotations

from pathlib import Path

import click

from factcheck.check import (
    decide_grouping,
)
from factcheck.cli.base import (
    Folders,
    Group,
    deprecated_sources_option,
    folder_options,
    main,
    note_options,
    split_sources,
    workspace,
)
from factcheck.report import terminal_safe


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


def _grouping(ctx: click.Context, action: str, args: tuple[str, ...], sources_option: Path | None,
              note: str, reviewer: str | None, folders: Folders) -> None:  # fmt: skip
    sources, files = split_sources(ctx, args, sources_option, rest="FILE...")
    least = 2 if action == "merge" else 1
    if len(files) < least:
        raise click.UsageError(f"{action} needs {least} FILE{'s' if least > 1 else ''} or more (after SOURCES).", ctx)
    ws = workspace(ctx, sources, folders)
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
    folders: Folders,
) -> None:
    """Put the sources FILE... (paths relative to SOURCES) in one incident, so they are compared.

    \b
    Example:
      factcheck incident merge seeds/ 000_e7e2957ecce1ac92.txt 001_e5f6ed7113b28027.txt --note "same video"
    """
    _grouping(ctx, "merge", args, sources_option, note, reviewer, folders)


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
    folders: Folders,
) -> None:
    """Keep the sources FILE... apart from each other (one FILE: apart from every other source).

    \b
    Example:
      factcheck incident split seeds/ 000_e7e2957ecce1ac92.txt 002_afc569628a2844e8.txt --note "two events"
    """
    _grouping(ctx, "split", args, sources_option, note, reviewer, folders)
