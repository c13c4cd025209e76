"""The command line through CliRunner: what it writes, what it prints on stdout and stderr, and its
exit codes (0 clean, 1 findings, 2 input error)."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from extract_helpers import write_folder
from factcheck.cli import main
from factcheck.models import ClaimsFile, Report
from factcheck.signature import SIGNATURES_FILE


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` and its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seeds_dir: Path) -> Path:
    """A fresh working folder holding a copy of seeds/, made the current directory."""
    shutil.copytree(seeds_dir, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_compare_writes_claims_and_report_and_never_into_the_sources(workdir: Path) -> None:
    before = snapshot(workdir / "seeds")
    result = run("compare", "seeds", "--jobs", "1")
    assert result.exit_code == 1, result.stderr  # the seeds disagree
    assert snapshot(workdir / "seeds") == before
    claims = sorted(p.name for p in (workdir / "claims").iterdir() if p.name != SIGNATURES_FILE)
    assert (workdir / "claims" / SIGNATURES_FILE).is_file()  # the sources' signatures, for the next run
    articles = {name: data for name, data in before.items() if name != "sources.yaml"}
    assert claims == [f"{name}.json" for name in sorted(articles)]
    for name, data in articles.items():
        cf = ClaimsFile.model_validate_json((workdir / "claims" / f"{name}.json").read_text(encoding="utf-8"))
        assert cf.source.id == name
        assert cf.source.sha256 == hashlib.sha256(data).hexdigest()
    assert (workdir / "reports" / "seeds.md").read_text(encoding="utf-8").startswith("# ")


def test_default_output_is_a_summary_table(workdir: Path) -> None:
    result = run("compare", "seeds", "--jobs", "1")
    report = Report.model_validate_json(run("compare", "seeds", "--format", "json", "--jobs", "1").stdout)
    for finding in report.discrepancies:
        assert finding.id in result.stdout
    assert "warning" not in result.stdout.lower()


def test_markdown_on_stdout_is_the_report_written(workdir: Path) -> None:
    result = run("compare", "seeds", "--format", "markdown", "--jobs", "1")
    assert result.stdout == (workdir / "reports" / "seeds.md").read_text(encoding="utf-8")


def test_claims_and_reports_dirs_are_options(workdir: Path) -> None:
    result = run("compare", "seeds", "--claims-dir", "out/c", "--reports-dir", "out/r", "--jobs", "1")
    assert result.exit_code == 1
    assert (workdir / "out" / "r" / "seeds.md").is_file()
    assert len(list((workdir / "out" / "c").glob("[!.]*.json"))) == 3  # and the signatures, '.signatures.json'
    assert not (workdir / "claims").exists()
    assert not (workdir / "reports").exists()


def _scorer_items(data: dict[str, Any], key: str) -> list[dict[str, Any]]:
    items = data[key]
    assert isinstance(items, list)
    return items


def test_json_follows_the_scorer_contract(workdir: Path) -> None:
    result = run("compare", "seeds", "--format", "json", "--jobs", "1")
    assert result.exit_code == 1
    data = json.loads(result.stdout)  # one JSON object, nothing else on stdout
    assert isinstance(data, dict)
    texts = {p.name: p.read_text(encoding="utf-8") for p in (workdir / "seeds").glob("*.txt")}
    items = _scorer_items(data, "discrepancies") + _scorer_items(data, "corroborations")
    assert _scorer_items(data, "discrepancies")
    for item in items:
        assert isinstance(item["subject"], str)
        assert isinstance(item["attribute"], str)
        assert len(item["claims"]) >= 2
        for claim in item["claims"]:
            assert {"source", "start", "end", "quote", "value"} <= claim.keys()
            assert texts[claim["source"]][claim["start"] : claim["end"]] == claim["quote"]
    for item in _scorer_items(data, "discrepancies"):
        assert item["severity"] in ("contradiction", "divergence")
    Report.model_validate(data)


@pytest.mark.parametrize("fmt", ["table", "markdown", "json"])
def test_same_input_same_output(workdir: Path, fmt: str) -> None:
    first = run("compare", "seeds", "--format", fmt, "--jobs", "1")
    again = run("compare", "seeds", "--format", fmt, "--jobs", "1")  # claims reused this time
    assert again.stdout == first.stdout


def test_parallel_extraction_gives_the_same_report(workdir: Path) -> None:
    serial = run("compare", "seeds", "--format", "json", "--claims-dir", "serial", "--jobs", "1")
    parallel = run("compare", "seeds", "--format", "json", "--claims-dir", "parallel", "--jobs", "2")
    assert parallel.stdout == serial.stdout


def test_no_discrepancies_exits_zero(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_folder(tmp_path / "calm", {"only.txt": "Nothing much happened in the town on Sunday.\n"})
    monkeypatch.chdir(tmp_path)
    result = run("compare", "calm", "--format", "json", "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["discrepancies"] == []


def test_missing_folder_is_an_input_error(workdir: Path) -> None:
    result = run("compare", "no-such-folder")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "no-such-folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_file_instead_of_a_folder_is_an_input_error(workdir: Path) -> None:
    result = run("compare", "seeds/000_e7e2957ecce1ac92.txt")
    assert result.exit_code == 2
    assert "folder" in result.stderr


def test_claims_dir_must_not_be_the_sources_folder(workdir: Path) -> None:
    before = snapshot(workdir / "seeds")
    result = run("compare", "seeds", "--claims-dir", "seeds", "--jobs", "1")
    assert result.exit_code == 2
    assert snapshot(workdir / "seeds") == before


def test_unknown_format_is_a_usage_error(workdir: Path) -> None:
    result = run("compare", "seeds", "--format", "yaml")
    assert result.exit_code == 2
    assert "yaml" in result.stderr


def test_schema_prints_a_valid_json_schema() -> None:
    from jsonschema import Draft202012Validator

    result = run("schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    Draft202012Validator.check_schema(schema)
    assert {"discrepancies", "corroborations"} <= set(schema["properties"])


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.startswith("factcheck")


@pytest.mark.parametrize(
    ("args", "message", "help_of"),
    [
        (["compare", "--bogus"], "No such option '--bogus'", "factcheck compare"),
        (["nosuch"], "No such command 'nosuch'", "factcheck"),
        (["compare", "--fail-on", "sometimes", "."], "Invalid value for '--fail-on'", "factcheck compare"),
        (["review"], "Missing argument", "factcheck review"),
    ],
)
def test_a_usage_error_is_one_line_naming_the_help(args: list[str], message: str, help_of: str) -> None:
    result = CliRunner().invoke(main, args, prog_name="factcheck")
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    assert message in lines[0]
    assert lines[0].endswith(f"(see '{help_of} --help')")


def test_help_and_version_still_exit_zero() -> None:
    for args in (["--help"], ["--version"], ["compare", "--help"]):
        result = CliRunner().invoke(main, args, prog_name="factcheck")
        assert result.exit_code == 0, (args, result.stderr)
        assert result.stdout
