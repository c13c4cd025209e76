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


# --- the README's commands are what CI runs, and its examples are true -----------------------

ROOT = README.parent


def quick_start_commands() -> list[str]:
    """The one-line commands of the README's quick start, in order."""
    section = README.read_text(encoding="utf-8").split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"^```\n(.*?)\n```", section, re.MULTILINE | re.DOTALL)
    return [b for b in blocks if b.startswith("python3 -m venv")]


def test_ci_runs_exactly_the_readme_quick_start_then_check() -> None:
    commands = quick_start_commands()
    assert len(commands) == 2
    assert commands[0].endswith("&& factcheck compare seeds/")
    assert commands[1].endswith("&& pytest")
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    steps = [line for line in lines if line.strip() and not line.startswith(("#", "set ", "cd "))]
    assert steps == [*commands, "factcheck check seeds/"]
    assert "pip install --upgrade" not in "\n".join(lines)


@pytest.mark.parametrize(
    "needle",
    [
        "[tool.factcheck]",
        "factcheck.toml",
        "--fail-on",
        "--exit-zero",
        "--format sarif",
        "github/codeql-action/upload-sarif",
        "GITHUB_STEP_SUMMARY",
        "partialFingerprints",
        "--debug",
    ],
)
def test_the_readme_documents(needle: str) -> None:
    assert needle in README.read_text(encoding="utf-8")


def yaml_blocks() -> list[str]:
    return re.findall(r"^```yaml\n(.*?)\n```", README.read_text(encoding="utf-8"), re.MULTILINE | re.DOTALL)


def test_the_pre_commit_examples_name_the_shipped_hook_and_no_made_up_tag() -> None:
    import yaml

    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    configs = [yaml.safe_load(b) for b in yaml_blocks() if b.startswith("# .pre-commit-config.yaml")]
    assert len(configs) == 2
    for config in configs:
        (repo,) = config["repos"]
        (hook,) = repo["hooks"]
        assert hook["id"] in hooks
        if repo["repo"] == "local":
            assert hook["entry"] == hooks[hook["id"]]["entry"]
        else:
            assert repo["rev"] == "main"  # no release tag exists yet; a branch is a rev that does


def test_the_toml_example_is_a_valid_configuration(tmp_path: Path) -> None:
    from factcheck.config import load_settings

    text = README.read_text(encoding="utf-8")
    (example,) = re.findall(r"^```toml\n(.*?)\n```", text, re.MULTILINE | re.DOTALL)
    (tmp_path / "pyproject.toml").write_text(example, encoding="utf-8")
    settings = load_settings(tmp_path / "pyproject.toml")
    assert settings.fail_on == "unreviewed"
    assert settings.sources is not None
