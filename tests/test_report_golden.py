"""Golden report for seeds/: the Markdown and JSON `factcheck compare seeds/` produces, compared byte
for byte with tests/golden/. After an intended change, `pytest --update-golden` rewrites them, so the
change is reviewed in the diff."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main

GOLDEN = Path(__file__).parent / "golden"


def compare_seeds(workdir: Path, seeds_dir: Path, fmt: str) -> str:
    """stdout of `factcheck compare seeds --format FMT` in a fresh working folder."""
    if not (workdir / "seeds").exists():
        shutil.copytree(seeds_dir, workdir / "seeds")
    result = CliRunner().invoke(main, ["compare", "seeds", "--format", fmt, "--jobs", "1", "--quiet"],
                                catch_exceptions=False)  # fmt: skip
    assert result.exit_code in (0, 1), result.stderr
    return result.stdout


@pytest.mark.parametrize(("fmt", "golden"), [("markdown", "seeds.md"), ("json", "seeds.json")])
def test_seeds_report_matches_golden(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seeds_dir: Path,
                                     update_golden: bool, fmt: str, golden: str) -> None:  # fmt: skip
    monkeypatch.chdir(tmp_path)
    output = compare_seeds(tmp_path, seeds_dir, fmt)
    path = GOLDEN / golden
    if update_golden:
        path.parent.mkdir(exist_ok=True)
        path.write_text(output, encoding="utf-8", newline="\n")
    assert path.exists(), f"{path} is missing: run `pytest --update-golden` and review the diff"
    assert output == path.read_text(encoding="utf-8"), (
        f"the {fmt} report of seeds/ changed: if intended, run `pytest --update-golden` and review the diff"
    )


def test_written_report_is_the_markdown_printed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                seeds_dir: Path) -> None:  # fmt: skip
    monkeypatch.chdir(tmp_path)
    printed = compare_seeds(tmp_path, seeds_dir, "markdown")
    assert (tmp_path / "reports" / "seeds.md").read_text(encoding="utf-8") == printed


def test_report_is_deterministic_from_scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              seeds_dir: Path) -> None:  # fmt: skip
    # Two fresh runs (no claims to reuse), in folders of different names and paths.
    outputs = []
    for name in ("first", "second-run"):
        workdir = tmp_path / name
        workdir.mkdir()
        monkeypatch.chdir(workdir)
        outputs.append((compare_seeds(workdir, seeds_dir, "json"), compare_seeds(workdir, seeds_dir, "markdown")))
    assert outputs[0] == outputs[1]


def test_seeds_report_names_the_posting_day_as_corroborated() -> None:
    # The acceptance check: 14 February 2020 was a Friday, and both sources say so.
    text = (GOLDEN / "seeds.md").read_text(encoding="utf-8")
    corroborated = text.split("## Corroborated facts", 1)[1]
    assert "14 February 2020" in corroborated
    assert "000_e7e2957ecce1ac92.txt" in corroborated
    assert "001_e5f6ed7113b28027.txt" in corroborated


def test_the_seeds_report_carries_no_needless_escapes() -> None:
    # Issue 11 counted 77 backslash escapes in 90 lines of the seeds report (72 in 141 lines before
    # escaping only what would be markup): '(', '_' inside a file name, '-' after a value, '[…]'
    # in a quote are text where they stand. The seeds hold no character that is markup there.
    text = (GOLDEN / "seeds.md").read_text(encoding="utf-8")
    assert text.count("\\") == 0
    for as_written in ("(according to", "000_e7e2957ecce1ac92.txt", "**20**-year-old", "[On Tuesday]"):
        assert as_written in text
