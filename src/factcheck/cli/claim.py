"""factcheck claim list|reject|correct|add: people correct the extracted claims."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from factcheck.check import (
    add_claim,
    claims_table,
    correct_claim,
    reject_claim,
)
from factcheck.cli.base import (
    Folders,
    Group,
    deprecated_sources_option,
    folder_options,
    main,
    note_options,
    set_option,
    split_sources,
    workspace,
)
from factcheck.report import terminal_safe


def _one(ctx: click.Context, args: Sequence[str], sources_option: Path | None, what: str) -> tuple[Path | None, str]:
    sources, rest = split_sources(ctx, args, sources_option, rest=what)
    if len(rest) != 1:
        problem = "Missing argument" if not rest else "One argument expected for"
        raise click.UsageError(f"{problem} '{what}' (after SOURCES).", ctx)
    return sources, rest[0]


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
    folders: Folders,
) -> None:
    """List the claims of the sources (all, if no FILE is named), corrections applied.

    FILE is a source's path relative to SOURCES.

    \b
    Example:
      factcheck claim list seeds/ 001_e5f6ed7113b28027.txt
    """
    sources, files = split_sources(ctx, args, sources_option, rest="FILE...")
    ws = workspace(ctx, sources, folders)
    click.echo(claims_table(ws, files))


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
    folders: Folders,
) -> None:
    """Mark an extracted claim wrong: compare leaves it out from now on.

    \b
    Example:
      factcheck claim reject seeds/ c-29fae50206 --note "the age is the brother's"
    """
    sources, claim_id = _one(ctx, args, sources_option, "CLAIM_ID")
    ws = workspace(ctx, sources, folders)
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
    folders: Folders,
) -> None:
    """Change fields of a claim; the corrected claim gets a new id (h-...).

    \b
    Example:
      factcheck claim correct seeds/ c-29fae50206 --set value=28 --note "his passport says 28"
    """
    sources, claim_id = _one(ctx, args, sources_option, "CLAIM_ID")
    ws = workspace(ctx, sources, folders)
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
    folders: Folders,
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
    ws = workspace(ctx, sources, folders)
    edit = add_claim(ws, file, kind, subject, quote, values, note, value_text=value_text, reviewer=reviewer)
    assert edit.claim is not None
    click.echo(
        terminal_safe(f"added {edit.claim.id} to {file}: {edit.claim.display_value()} (in {ws.reviews_path})"), err=True
    )
