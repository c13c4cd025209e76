"""Every command documents itself: --help works, opens with a one-line summary, shows an example of
that very command, and the command appears in the README."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from factcheck.cli import main

README = Path(__file__).resolve().parent.parent / "README.md"


def command_paths(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """('compare',), ('claim',), ('claim', 'add'), ...: every command below `group`, sorted."""
    paths: list[tuple[str, ...]] = []
    for name, command in sorted(group.commands.items()):
        paths.append((*prefix, name))
        if isinstance(command, click.Group):
            paths += command_paths(command, (*prefix, name))
    return paths


COMMANDS = command_paths(main)


def help_text(path: tuple[str, ...]) -> str:
    result = CliRunner().invoke(main, [*path, "--help"], prog_name="factcheck", catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def test_the_cli_has_the_issue_commands() -> None:
    assert {("compare",), ("schema",)} <= set(COMMANDS)


@pytest.mark.parametrize("path", [(), *COMMANDS], ids=lambda p: " ".join(p) or "factcheck")
def test_help_has_a_summary_and_an_example(path: tuple[str, ...]) -> None:
    text = help_text(path)
    assert text.startswith(f"Usage: factcheck {' '.join(path)}".rstrip())
    paragraphs = [p.strip() for p in text.split("\n\n")]
    summary = " ".join(paragraphs[1].split())
    assert summary.endswith("."), f"the summary should be one sentence: {summary!r}"
    assert len(summary) <= 120, f"the summary should fit one line: {summary!r}"
    example = re.search(r"^\s*Example:\s*\n\s+(factcheck\b.*)$", text, re.MULTILINE)
    assert example, "the help should end its description with an 'Example:' block"
    assert example.group(1).startswith(" ".join(("factcheck", *path)))


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_command_appears_in_the_readme(path: tuple[str, ...]) -> None:
    readme = README.read_text(encoding="utf-8")
    assert f"factcheck {' '.join(path)}" in readme, f"README.md never shows `factcheck {' '.join(path)}`"
