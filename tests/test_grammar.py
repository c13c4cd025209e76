"""One grammar for every command: the sources folder first (or from the project configuration),
people's names for subjects, hints that run as printed, errors in one line with exit 2, and the
exit policy (--fail-on, --exit-zero)."""

from __future__ import annotations

import json
import shlex
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from conftest import SEEDS
from factcheck.cli import main
from factcheck.config import load_settings


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FACTCHECK_REVIEWER", raising=False)
    monkeypatch.delenv("FACTCHECK_DEBUG", raising=False)
    return tmp_path


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def compared(*extra: str) -> dict[str, dict]:  # type: ignore[type-arg]
    result = run("compare", *extra, "-j", "1", "-q", "--format", "json")
    assert result.exit_code in (0, 1), result.output
    return {f["id"]: f for f in json.loads(result.stdout)["discrepancies"]}


NASIMI = {"kind": "person", "name": "ravan nasimi"}  # a subject as claims files write it


def age_claim(source: str = "001_e5f6ed7113b28027.txt") -> dict:  # type: ignore[type-arg]
    data = json.loads((Path("claims") / f"{source}.json").read_text(encoding="utf-8"))
    return next(c for c in data["claims"] if c["kind"] == "age" and c["subject"] == NASIMI)


# --- the sources folder comes first, in every command ---------------------------------------


def test_every_command_takes_the_sources_folder_first(work: Path) -> None:
    found = compared("seeds")
    assert run("check", "seeds", "-j", "1").exit_code == 1
    assert run("claim", "list", "seeds").exit_code == 0
    assert "c-" in run("claim", "list", "seeds", "001_e5f6ed7113b28027.txt").stdout
    fid = sorted(found)[0]
    assert run("review", "seeds", fid, "--status", "confirmed", "--note", "checked").exit_code == 0
    claim = age_claim()
    assert run("claim", "reject", "seeds", claim["id"], "--note", "his brother's").exit_code == 0


def test_the_deprecated_sources_option_still_works_with_a_warning(work: Path) -> None:
    compared("seeds")
    result = run("claim", "list", "--sources", "seeds", "001_e5f6ed7113b28027.txt")
    assert result.exit_code == 0
    assert "deprecated" in result.stderr
    assert "factcheck claim list seeds 001_e5f6ed7113b28027.txt" in result.stderr
    assert "c-" in result.stdout


@pytest.mark.parametrize(
    "args",
    [["review", "--status", "confirmed", "--note", "n"], ["claim", "reject", "--note", "n"], ["compare"], ["check"]],
)
def test_no_sources_and_no_configuration_is_a_usage_error(work: Path, args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert "SOURCES" in result.stderr
    assert "Traceback" not in result.stderr


def test_review_without_an_id_is_a_usage_error(work: Path) -> None:
    result = run("review", "seeds", "--status", "confirmed", "--note", "n")
    assert result.exit_code == 2
    assert "FINDING_ID" in result.stderr


# --- project configuration -------------------------------------------------------------------


@pytest.mark.parametrize("where", ["factcheck.toml", "pyproject.toml"])
def test_the_configuration_names_the_folders_so_no_command_repeats_them(work: Path, where: str) -> None:
    table = 'sources = "seeds"\nclaims = "out/claims"\nreports = "out/reports"\nreviews = "decisions"\n'
    text = table if where == "factcheck.toml" else '[project]\nname = "x"\n\n[tool.factcheck]\n' + table
    (work / where).write_text(text, encoding="utf-8")
    found = compared()
    assert (work / "out" / "reports" / "seeds.md").is_file()
    assert len(list((work / "out" / "claims").glob("[!.]*.json"))) == 3  # the signatures file starts with '.'
    fid = sorted(found)[0]
    assert run("review", fid, "--status", "explained", "--note", "both hold").exit_code == 0
    assert json.loads((work / "decisions" / "seeds.json").read_text(encoding="utf-8"))["decisions"]
    check = run("check", "-j", "1")
    hints = [line.strip() for line in check.stdout.splitlines() if line.startswith("  factcheck review")]
    assert hints, check.stdout
    assert "--claims-dir" not in "\n".join(hints)  # configured folders are not repeated
    assert run("claim", "list", "001_e5f6ed7113b28027.txt").exit_code == 0


def test_configuration_is_found_from_a_subfolder_with_paths_relative_to_it(
    work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (work / "factcheck.toml").write_text('sources = "seeds"\nfail-on = "never"\n', encoding="utf-8")
    (work / "sub").mkdir()
    monkeypatch.chdir(work / "sub")
    settings = load_settings()
    assert settings.sources == Path("../seeds")
    assert settings.claims == Path("../claims")
    assert settings.fail_on == "never"
    assert run("compare", "-j", "1", "-q").exit_code == 0  # fail-on never, from the file
    assert (work / "reports" / "seeds.md").is_file()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("sources = [", "factcheck.toml: not valid TOML"),
        ('sourcs = "seeds"', "factcheck.toml: key 'sourcs': unknown key"),
        ('fail-on = "sometimes"', "factcheck.toml: key 'fail-on'"),
    ],
)
def test_a_malformed_configuration_is_one_line_and_exit_2(work: Path, text: str, message: str) -> None:
    (work / "factcheck.toml").write_text(text, encoding="utf-8")
    before = tree(work)
    result = run("compare", "seeds", "-j", "1")
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert tree(work) == before


def test_a_pyproject_without_a_factcheck_table_is_no_configuration(work: Path) -> None:
    (work / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert load_settings().sources is None
    assert run("compare", "seeds", "-j", "1", "-q").exit_code == 1


# --- hints run as printed --------------------------------------------------------------------


def _invoke_hint(line: str, fill: dict[str, str]) -> Result:
    for placeholder, value in fill.items():
        line = line.replace(placeholder, value)
    words = shlex.split(line)
    assert words[0] == "factcheck"
    return run(*words[1:])


def test_the_commands_check_prints_run_and_bring_the_folder_up_to_date(work: Path) -> None:
    (work / "claims").mkdir()
    result = run("check", "seeds", "-j", "1", "--claims-dir", "claims")
    fixes = result.stdout.split("To fix, run:\n", 1)[1].splitlines()
    for line in fixes:
        assert line.startswith("  factcheck "), line
        ran = _invoke_hint(line.strip(), {"<confirmed|dismissed|explained>": "confirmed", "'<why>'": "'seen'"})
        assert ran.exit_code in (0, 1), (line, ran.output)
    again = run("check", "seeds", "-j", "1")
    fixes = again.stdout.split("To fix, run:\n", 1)[-1].splitlines() if "To fix" in again.stdout else []
    for line in fixes:
        _invoke_hint(line.strip(), {"<confirmed|dismissed|explained>": "confirmed", "'<why>'": "'seen'"})
    assert run("check", "seeds", "-j", "1").exit_code == 0


def test_the_hint_after_an_unknown_claim_id_runs(work: Path) -> None:
    compared("seeds")
    result = run("claim", "reject", "seeds", "c-0000000000", "--note", "n")
    assert result.exit_code == 2
    hint = result.stderr.split("`")[1]
    assert hint == "factcheck claim list seeds"
    assert _invoke_hint(hint, {}).exit_code == 0


def test_the_hint_after_an_unknown_finding_id_runs(work: Path) -> None:
    compared("seeds")
    result = run("review", "seeds", "F-0000000000", "--status", "confirmed", "--note", "n")
    assert result.exit_code == 2
    hint = result.stderr.split("`")[1]
    assert _invoke_hint(hint, {}).exit_code in (0, 1)


# --- claims: names, what the quote gives, a second rejection ---------------------------------


def test_claim_list_shows_names_and_add_takes_them(work: Path) -> None:
    compared("seeds")
    listing = run("claim", "list", "seeds", "001_e5f6ed7113b28027.txt").stdout
    assert "Ravan Nasimi" in listing
    assert "p:ravan nasimi" not in listing
    result = run(
        "claim",
        "add",
        "seeds",
        "001_e5f6ed7113b28027.txt",
        "--kind",
        "age",
        "--subject",
        "ravan  NASIMI",
        "--quote",
        "Ravan Nasimi, 28, told OC Media",  # the file has a no-break space in "OC Media"
        "--note",
        "missed",
    )
    assert result.exit_code == 0, result.output
    added = json.loads(Path("reviews/seeds.json").read_text(encoding="utf-8"))["edits"][0]["claim"]
    assert (added["subject"], added["value"]) == (NASIMI, 28)  # the value read from the quote


@pytest.mark.parametrize(
    ("kind", "quote", "expected"),
    [
        ("age", "Ravan Nasimi, 28, told", {"value": 28}),
        (
            "status",
            "Ravan Nasimi was fired on Monday",
            {"state": {"name": "fired", "negated": False}, "domain": "employment"},
        ),
        ("status", "Ravan Nasimi was not fired on Monday", {"state": {"name": "fired", "negated": True}}),
        ("quantity", "Ravan Nasimi saw 40 officers", {"number": 40.0, "unit": "officers", "low": 40.0}),
    ],
)
def test_claim_add_fills_the_value_from_the_quote(
    work: Path, kind: str, quote: str, expected: dict[str, object]
) -> None:
    (work / "seeds" / "zz-new.txt").write_text(
        f"Ravan Nasimi said on Tuesday that he had been threatened. {quote} near the office.\n", encoding="utf-8"
    )
    compared("seeds")
    result = run(
        "claim", "add", "seeds", "zz-new.txt", "--kind", kind, "--subject", "Ravan Nasimi", "--quote", quote,
        "--note", "n",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    added = json.loads(Path("reviews/seeds.json").read_text(encoding="utf-8"))["edits"][0]["claim"]
    assert {k: added[k] for k in expected} == expected


def test_claim_add_asks_for_what_the_quote_does_not_give(work: Path) -> None:
    compared("seeds")
    before = tree(work)
    result = run(
        "claim", "add", "seeds", "001_e5f6ed7113b28027.txt", "--kind", "date", "--subject", "Ravan Nasimi",
        "--quote", "Ravan Nasimi, 28, told OC Media", "--note", "n",
    )  # fmt: skip
    assert result.exit_code == 2
    assert "the quote does not say the date claim's date and event" in result.stderr
    assert "--set date=2024-03-08 --set event=detain" in result.stderr
    assert tree(work) == before


def test_rejecting_twice_says_it_was_rejected(work: Path) -> None:
    compared("seeds")
    claim = age_claim()
    assert run("claim", "reject", "seeds", claim["id"], "--note", "wrong person").exit_code == 0
    before = tree(work)
    result = run("claim", "reject", "seeds", claim["id"], "--note", "again")
    assert result.exit_code == 2
    assert f"claim {claim['id']} was already rejected" in result.stderr
    assert "wrong person" in result.stderr
    assert tree(work) == before


def test_correcting_by_the_old_id_names_the_new_one(work: Path) -> None:
    compared("seeds")
    claim = age_claim()
    assert run("claim", "correct", "seeds", claim["id"], "--set", "value=31", "--note", "per ID").exit_code == 0
    new = next(line.split()[0] for line in run("claim", "list", "seeds").stdout.splitlines() if " 31 " in line)
    result = run("claim", "correct", "seeds", claim["id"], "--set", "value=32", "--note", "again")
    assert result.exit_code == 2
    assert "was corrected on" in result.stderr
    assert f"the corrected claim is {new}" in result.stderr
    assert run("claim", "correct", "seeds", new, "--set", "value=32", "--note", "again").exit_code == 0


# --- errors: one line, exit 2, nothing half-written ------------------------------------------


@pytest.mark.parametrize("option", ["--claims-dir", "--reports-dir", "--reviews-dir"])
@pytest.mark.parametrize("command", ["compare", "check"])
def test_a_file_given_as_an_output_folder_is_one_line_and_exit_2(work: Path, option: str, command: str) -> None:
    (work / "README.md").write_text("hello\n", encoding="utf-8")
    before = tree(work)
    result = run(command, "seeds", option, "README.md", "-j", "1")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: README.md: is a file, not a folder")
    assert len(result.stderr.strip().splitlines()) == 1
    assert tree(work) == before


def test_an_internal_error_is_one_line_naming_a_bug_and_debug_shows_the_traceback(
    work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import factcheck.cli.compare

    def broken(*_args: object, **_kwargs: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(factcheck.cli.compare, "compare_folder", broken)
    result = run("compare", "seeds", "-j", "1")
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "bug in factcheck" in result.stderr
    assert "ZeroDivisionError" in result.stderr
    assert "report it" in result.stderr
    with pytest.raises(ZeroDivisionError):
        CliRunner().invoke(main, ["--debug", "compare", "seeds"], catch_exceptions=False)


# --- exit policy -----------------------------------------------------------------------------


def test_compare_fails_on_unreviewed_contradictions_only(work: Path) -> None:
    found = compared("seeds")
    contradictions = [fid for fid, f in found.items() if f["severity"] == "contradiction"]
    assert contradictions, "the seeds give contradictions"
    assert run("compare", "seeds", "-j", "1", "-q").exit_code == 1
    assert run("compare", "seeds", "-j", "1", "-q", "--exit-zero").exit_code == 0
    assert run("compare", "seeds", "-j", "1", "-q", "--fail-on", "never").exit_code == 0
    run("review", "seeds", *contradictions, "--status", "confirmed", "--note", "really differ")
    assert run("compare", "seeds", "-j", "1", "-q").exit_code == 0  # divergences left: not failing by default
    others = [fid for fid in found if fid not in contradictions]
    if others:
        assert run("compare", "seeds", "-j", "1", "-q", "--fail-on", "divergence").exit_code == 1
        assert run("check", "seeds", "-j", "1", "-q", "--fail-on", "contradiction").exit_code == 0
        assert run("check", "seeds", "-j", "1", "-q").exit_code == 1
        run("review", "seeds", *others, "--status", "explained", "--note", "both hold")
    assert run("compare", "seeds", "-j", "1", "-q", "--fail-on", "unreviewed").exit_code == 0
    assert run("check", "seeds", "-j", "1", "-q").exit_code == 0


def test_check_fails_on_stale_claims_whatever_the_findings_unless_never(work: Path) -> None:
    assert run("check", "seeds", "-j", "1", "--fail-on", "contradiction").exit_code == 1  # nothing compared yet
    assert run("check", "seeds", "-j", "1", "--exit-zero").exit_code == 0


def test_check_quiet_prints_nothing_when_up_to_date(work: Path) -> None:
    found = compared("seeds")
    run("review", "seeds", *found, "--status", "confirmed", "--note", "n")
    result = run("check", "seeds", "-j", "1", "--quiet")
    assert result.exit_code == 0
    assert result.output == ""
    (work / "seeds" / "000_e7e2957ecce1ac92.txt").write_text("Changed, on Monday.\n", encoding="utf-8")
    result = run("check", "seeds", "-j", "1", "--quiet")
    assert result.exit_code == 1
    assert "stale claims" in result.stdout


def test_a_correction_names_the_new_subject_as_claim_list_does(work: Path) -> None:
    compared("seeds")
    claim = age_claim()
    result = run(
        "claim", "correct", "seeds", claim["id"], "--set", "subject=Ravan Nasimi's partner", "--note", "n"
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    edit = json.loads(Path("reviews/seeds.json").read_text(encoding="utf-8"))["edits"][0]
    assert edit["changes"] == {"subject": "r:partner@p:ravan nasimi"}
    bad = run("claim", "correct", "seeds", age_claim("000_e7e2957ecce1ac92.txt")["id"], "--set", "subject=Nobody",
              "--note", "n")  # fmt: skip
    assert bad.exit_code == 2
    assert "no one called 'Nobody'" in bad.stderr


def test_claim_add_takes_what_the_quote_cannot_give_from_set(work: Path) -> None:
    compared("seeds")
    result = run(
        "claim", "add", "seeds", "001_e5f6ed7113b28027.txt", "--kind", "date", "--subject", "Ravan Nasimi",
        "--quote", "Ravan Nasimi, 28, told OC Media", "--set", "date=2020-02-14", "--set", "event=publish",
        "--note", "the day he posted it",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    added = json.loads(Path("reviews/seeds.json").read_text(encoding="utf-8"))["edits"][0]["claim"]
    assert (added["kind"], added["date"], added["event"], added["resolved"]) == ("date", "2020-02-14", "publish", True)
