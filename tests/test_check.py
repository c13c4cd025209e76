"""The CI gate and the review loop, on a temporary copy of seeds/: `check` fails on new or changed
sources, outdated reports and unreviewed findings, and passes once they are compared and reviewed;
people's decisions and corrections survive every re-run; malformed files stop with exit 2.

Finding ids and counts are derived from the run, never written down: extraction rules change.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from conftest import ROOT, SEEDS, SHARED
from factcheck.cli import main

HEYDAROV = SHARED / "corpus" / "heydarov-detention-2025"
CLAIMS = Path("claims")
REVIEWS_FILE = Path("reviews") / "seeds.json"
REPORT_FILE = Path("reports") / "seeds.md"

# An account written for these tests: the couple of the first two seeds, with an age neither gives.
FOURTH = (
    "Azerbaijani couple still threatened after Valentine's Day video\n\n"
    "Ravan Nasimi, 35, said on Monday that he and his partner Alvi Aghabeyov still receive threats "
    "after the video of their Valentine's Day kiss spread on Facebook and Instagram in Azerbaijan.\n\n"
    "Nasimi said the couple had asked the pages to delete the video of Nasimi and Aghabeyov. "
    "Aghabeyov said relatives of Nasimi had called his mother about the video.\n"
)

Run = Callable[..., Result]


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    """`factcheck ARGS` in a folder holding a copy of seeds/ (claims/, reports/, reviews/ beside it)."""
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FACTCHECK_REVIEWER", raising=False)

    def invoke(*args: str) -> Result:
        return CliRunner().invoke(main, list(args), catch_exceptions=False)

    return invoke


def findings(run: Run) -> dict[str, dict]:  # type: ignore[type-arg]
    """The current findings by id, from `compare --format json` (which also brings everything up to date)."""
    result = run("compare", "seeds", "-j", "1", "-q", "--format", "json")
    assert result.exit_code in (0, 1), result.output
    return {f["id"]: f for f in json.loads(result.stdout)["discrepancies"]}


def review_all(run: Run, ids: list[str], status: str = "confirmed") -> None:
    for fid in ids:
        result = run("review", "seeds", fid, "--status", status, "--note", f"checked {fid} by hand")
        assert result.exit_code == 0, result.output


def unreviewed(stdout: str) -> set[str]:
    return {line.split()[1] for line in stdout.splitlines() if line.startswith("  unreviewed: ")}


def up_to_date(run: Run) -> dict[str, dict]:  # type: ignore[type-arg]
    """Compare, review every finding, and check that `check` passes."""
    found = findings(run)
    review_all(run, list(found))
    result = run("check", "seeds", "-j", "1")
    assert result.exit_code == 0, result.stdout
    return found


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


# --- the gate --------------------------------------------------------------------------------


def test_check_on_a_fresh_copy_lists_every_source_and_writes_nothing(run: Run, tmp_path: Path) -> None:
    before = tree(tmp_path)
    result = run("check", "seeds", "-j", "1")
    assert result.exit_code == 1
    for source in sorted(SEEDS.glob("*.txt")):
        assert f"new source: seeds/{source.name}: no claims file" in result.stdout
    assert "report missing: reports/seeds.md" in result.stdout
    assert "  factcheck compare seeds\n" in result.stdout
    assert tree(tmp_path) == before


def test_check_passes_once_compared_and_every_finding_reviewed(run: Run) -> None:
    found = findings(run)
    result = run("check", "seeds", "-j", "1")
    assert result.exit_code == (1 if found else 0)
    assert unreviewed(result.stdout) == set(found)
    for fid in found:
        assert f"  factcheck review seeds {fid} --status <confirmed|dismissed|explained>" in result.stdout
    review_all(run, list(found))
    result = run("check", "seeds", "-j", "1")
    assert result.exit_code == 0, result.stdout
    assert "up to date" in result.stdout
    assert result.stderr == ""


def fourth_source_makes_exactly_its_findings_new(run: Run, tmp_path: Path, name: str, text: bytes) -> set[str]:
    old = up_to_date(run)
    (tmp_path / "seeds" / name).write_bytes(text)
    result = run("check", "seeds", "-j", "1")
    assert result.exit_code == 1
    assert f"new source: seeds/{name}: no claims file" in result.stdout
    assert not (CLAIMS / f"{name}.json").exists()  # check writes nothing
    listed = unreviewed(result.stdout)
    now = findings(run)
    assert set(old) <= set(now), "adding a source changed the ids of earlier findings"
    # A fact the new source gives a new value for keeps its id and is open again; a new fact is new.
    new = {fid for fid, f in now.items() if fid not in old or f["reopened"]}
    assert listed == new
    for fid in new:
        assert name in {c["source"] for c in now[fid]["claims"]}, f"{fid} does not involve the new source"
        new_values = [v for v in now[fid]["values"] if v["key"] in now[fid]["reopened"]]
        assert all(v["sources"] == [name] for v in new_values), f"{fid} reopened by a value the new source lacks"
    review_all(run, sorted(new), status="explained")
    result = run("check", "seeds", "-j", "1")
    assert result.exit_code == 0, result.stdout
    return new


def test_a_fourth_source_fails_check_with_exactly_its_new_findings(run: Run, tmp_path: Path) -> None:
    new = fourth_source_makes_exactly_its_findings_new(run, tmp_path, "zz-fourth.txt", FOURTH.encode())
    assert new, "the test article gives an age no seed gives: the age finding should reopen"


@pytest.mark.skipif(not HEYDAROV.is_dir(), reason="../shared/corpus is not here (the shared corpus is optional)")
def test_another_outlets_report_from_the_corpus_fails_check_until_reviewed(run: Run, tmp_path: Path) -> None:
    article = HEYDAROV / "nafas-trans-activist-detained.txt"
    fourth_source_makes_exactly_its_findings_new(run, tmp_path, article.name, article.read_bytes())


def test_editing_a_source_makes_its_claims_stale(run: Run, tmp_path: Path) -> None:
    up_to_date(run)
    source = tmp_path / "seeds" / "001_e5f6ed7113b28027.txt"
    source.write_text(source.read_text(encoding="utf-8") + "\nA line added by an editor.\n", encoding="utf-8")
    result = run("check", "seeds", "-j", "1")
    assert result.exit_code == 1
    assert (
        "stale claims: seeds/001_e5f6ed7113b28027.txt: the source changed since its claims were extracted"
        in result.stdout
    )
    assert "stale claims: seeds/000" not in result.stdout
    assert "  factcheck compare seeds\n" in result.stdout
    review_all(run, [fid for fid, f in findings(run).items() if f["review"] is None])
    assert run("check", "seeds", "-j", "1").exit_code == 0


def test_an_edited_report_is_outdated(run: Run) -> None:
    up_to_date(run)
    REPORT_FILE.write_text(REPORT_FILE.read_text(encoding="utf-8") + "\nA note added by hand.\n", encoding="utf-8")
    result = run("check", "seeds", "-j", "1")
    assert result.exit_code == 1
    assert "report out of date: reports/seeds.md" in result.stdout


def test_github_format_annotates_the_evidence_lines(run: Run) -> None:
    found = findings(run)
    if not found:
        pytest.fail("the seeds give no finding to annotate")
    result = run("check", "seeds", "-j", "1", "--format", "github")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    for fid, f in found.items():  # one annotation per finding, on its first evidence line
        level = "error" if f["severity"] == "contradiction" else "warning"
        first = f["claims"][0]
        prefix = f"::{level} file=seeds/{first['source']},line={first['line']},title=factcheck {fid}%3A "
        assert sum(line.startswith(prefix) for line in lines) == 1, prefix
        assert sum(f"title=factcheck {fid}%3A" in line for line in lines) == 1
    assert "factcheck check seeds: NOT up to date" in result.stdout  # the plain text follows, for the log


def test_check_of_a_missing_folder_is_an_input_error(run: Run) -> None:
    result = run("check", "no-such-folder")
    assert result.exit_code == 2
    assert "no-such-folder: no such folder" in result.stderr
    assert result.stdout == ""


def test_fix_commands_name_the_folders_given(run: Run) -> None:
    result = run("check", "seeds", "-j", "1", "--claims-dir", "c2", "--reports-dir", "r2", "--reviews-dir", "v2")
    assert result.exit_code == 1
    assert "  factcheck compare seeds --claims-dir c2 --reports-dir r2 --reviews-dir v2\n" in result.stdout


def test_check_json_is_the_check_result(run: Run) -> None:
    result = run("check", "seeds", "-j", "1", "--format", "json")
    data = json.loads(result.stdout)
    assert data["report"] == "missing"
    assert sorted(s["source"] for s in data["stale"]) == sorted(p.name for p in SEEDS.glob("*.txt"))


# --- review decisions ------------------------------------------------------------------------


def test_a_decision_is_recorded_shown_in_the_report_and_survives_reextraction(run: Run) -> None:
    found = findings(run)
    if not found:
        pytest.fail("the seeds give no finding to review")
    fid = sorted(found)[0]
    result = run(
        "review",
        "seeds",
        fid,
        "--status",
        "dismissed",
        "--note",
        "a | b *not* markup",
        "--reviewer",
        "Ann",
    )
    assert result.exit_code == 0
    assert result.stdout == ""
    decision = json.loads(REVIEWS_FILE.read_text(encoding="utf-8"))["decisions"][0]
    assert decision["finding_id"] == fid
    assert decision["status"] == "dismissed"
    assert decision["reviewer"] == "Ann"
    assert decision["note"] == "a | b *not* markup"
    assert decision["date"]
    assert f"Finding `{fid}`, review: **dismissed**" in REPORT_FILE.read_text(encoding="utf-8")
    assert "a \\| b \\*not\\* markup" in REPORT_FILE.read_text(encoding="utf-8")
    shutil.rmtree(CLAIMS)  # everything generated goes; the decision stays
    assert findings(run)[fid]["review"]["status"] == "dismissed"


def test_a_later_decision_replaces_the_earlier_one(run: Run) -> None:
    fid = sorted(findings(run))[0]
    for status in ("confirmed", "explained"):
        assert run("review", "seeds", fid, "--status", status, "--note", status).exit_code == 0
    decisions = json.loads(REVIEWS_FILE.read_text(encoding="utf-8"))["decisions"]
    assert [(d["finding_id"], d["status"]) for d in decisions] == [(fid, "explained")]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["F-0000000000"], "no finding F-0000000000"),
        (["--note", "  "], "the note is empty"),
    ],
)
def test_a_bad_review_writes_nothing(run: Run, tmp_path: Path, args: list[str], message: str) -> None:
    found = findings(run)
    ids = [a for a in args if a.startswith("F-")] or sorted(found)[:1]
    note = args[args.index("--note") + 1] if "--note" in args else "why"
    before = tree(tmp_path)
    result = run("review", "seeds", *ids, "--status", "confirmed", "--note", note)
    assert result.exit_code == 2
    assert message in result.stderr
    assert tree(tmp_path) == before


def test_an_orphaned_decision_is_reported_and_kept(run: Run) -> None:
    found = findings(run)
    REVIEWS_FILE.parent.mkdir(exist_ok=True)
    orphan = {
        "finding_id": "F-0rphan0000",
        "status": "confirmed",
        "note": "about a finding since gone",
        "date": "2024-05-01",
        "subject": "Someone",
        "attribute": "age",
    }
    REVIEWS_FILE.write_text(json.dumps({"decisions": [orphan]}), encoding="utf-8")
    review_all(run, list(found))
    report = REPORT_FILE.read_text(encoding="utf-8")
    assert "## Orphaned review decisions" in report
    assert "`F-0rphan0000`" in report
    result = run("check", "seeds", "-j", "1")
    assert result.exit_code == 0, result.stdout  # an orphan is reported, not a failure
    assert "orphaned review (kept, not failing): F-0rphan0000" in result.stdout
    kept = json.loads(REVIEWS_FILE.read_text(encoding="utf-8"))["decisions"]
    assert "F-0rphan0000" in {d["finding_id"] for d in kept}


# --- corrections to claims -------------------------------------------------------------------


def claims_of(source: str) -> list[dict]:  # type: ignore[type-arg]
    return json.loads((CLAIMS / f"{source}.json").read_text(encoding="utf-8"))["claims"]  # type: ignore[no-any-return]


def first_age_claim(run: Run) -> dict:  # type: ignore[type-arg]
    findings(run)
    for source in sorted(p.name for p in SEEDS.glob("*.txt")):
        for claim in claims_of(source):
            if claim["kind"] == "age":
                return claim
    pytest.fail("no age claim in the seeds")


def listed(run: Run, source: str) -> str:
    result = run("claim", "list", "seeds", source)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_a_corrected_value_survives_compare_and_reextraction(run: Run) -> None:
    claim = first_age_claim(run)
    generated = (CLAIMS / f"{claim['source']}.json").read_bytes()
    new_age = claim["value"] + 7
    result = run("claim", "correct", "seeds", claim["id"], "--set", f"value={new_age}", "--note", "per ID card")
    assert result.exit_code == 0, result.output
    for _ in range(2):
        findings(run)  # compare again, then again from scratch
        rows = listed(run, claim["source"]).splitlines()
        assert any(r.startswith("h-") and f" {new_age} " in r and r.rstrip().endswith("human") for r in rows)
        assert claim["id"] not in "\n".join(rows)
        assert (CLAIMS / f"{claim['source']}.json").read_bytes() == generated  # generated claims stay generated
        shutil.rmtree(CLAIMS)
    edit = json.loads(REVIEWS_FILE.read_text(encoding="utf-8"))["edits"][0]
    assert (edit["action"], edit["claim_id"], edit["changes"], edit["note"]) == (
        "correct",
        claim["id"],
        {"value": new_age},
        "per ID card",
    )


def test_a_rejected_claim_stays_out(run: Run) -> None:
    claim = first_age_claim(run)
    result = run("claim", "reject", "seeds", claim["id"], "--note", "not his age")
    assert result.exit_code == 0, result.output
    shutil.rmtree(CLAIMS)
    findings(run)
    assert claim["id"] not in listed(run, claim["source"])
    assert any(c["id"] == claim["id"] for c in claims_of(claim["source"]))  # still extracted, just not used


def test_an_added_claim_is_compared(run: Run, tmp_path: Path) -> None:
    (tmp_path / "seeds" / "zz-fourth.txt").write_text(FOURTH, encoding="utf-8")
    findings(run)
    quote = "his partner Alvi Aghabeyov still receive threats"
    result = run(
        "claim",
        "add",
        "seeds",
        "zz-fourth.txt",
        "--kind",
        "age",
        "--subject",
        "Alvi Aghabeyov",
        "--quote",
        quote,
        "--value-text",
        "Alvi Aghabeyov",
        "--set",
        "value=90",
        "--note",
        "said in the video",
    )
    if result.exit_code == 2 and "no one called" in result.stderr:
        pytest.fail(f"the extractor found no Alvi Aghabeyov in the test article: {result.stderr}")
    assert result.exit_code == 0, result.output
    added = json.loads(REVIEWS_FILE.read_text(encoding="utf-8"))["edits"][0]["claim"]
    assert added["origin"] == "human"
    assert added["quote"] == quote
    now = findings(run)
    assert any(added["id"] in {c["claim_id"] for c in f["claims"]} for f in now.values())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["correct", "ID", "--set", "value=old"], "field 'age.value'"),
        (["correct", "ID", "--set", "quote=other words"], "field 'quote' cannot be corrected"),
        (["correct", "c-0000000000", "--set", "value=3"], "no claim c-0000000000"),
        (["correct", "ID", "--set", "value"], "expected FIELD=VALUE"),
        (["reject", "c-0000000000"], "no claim c-0000000000"),
        (
            [
                "add",
                "000_e7e2957ecce1ac92.txt",
                "--kind",
                "age",
                "--subject",
                "p:nobody at all",
                "--quote",
                "Azerbaijan",
                "--set",
                "value=3",
            ],
            "no one called 'p:nobody at all'",
        ),
        (
            [
                "add",
                "000_e7e2957ecce1ac92.txt",
                "--kind",
                "age",
                "--subject",
                "g:couple",
                "--quote",
                "words not there",
                "--set",
                "value=3",
            ],
            "the quote does not occur",
        ),
        (
            [
                "add",
                "no-such.txt",
                "--kind",
                "age",
                "--subject",
                "g:couple",
                "--quote",
                "x",
                "--set",
                "value=3",
            ],
            "no source 'no-such.txt'",
        ),
    ],
)
def test_a_bad_correction_writes_nothing(run: Run, tmp_path: Path, args: list[str], message: str) -> None:
    claim = first_age_claim(run)
    args = [claim["id"] if a == "ID" else a for a in args]
    before = tree(tmp_path)
    result = run("claim", args[0], "seeds", *args[1:], "--note", "why")
    assert result.exit_code == 2
    assert message in result.stderr
    assert tree(tmp_path) == before


# --- malformed files -------------------------------------------------------------------------

DECISION = {"finding_id": "F-0000000001", "status": "confirmed", "note": "n", "date": "2024-05-01"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"decisions": [', "reviews/seeds.json: not valid JSON (line 1"),
        (json.dumps({"decisions": [{**DECISION, "status": "maybe"}]}), "field 'decisions.0.status'"),
        (json.dumps({"decisions": [{**DECISION, "date": "soon"}]}), "field 'decisions.0.date'"),
        (json.dumps({"decisions": [DECISION, DECISION]}), "decided twice"),
        (json.dumps({"decisions": [], "extra": 1}), "field 'extra'"),
        (
            json.dumps({"edits": [{"action": "reject", "source": "x.txt", "date": "2024-05-01"}]}),
            "needs 'claim_id'",
        ),
    ],
)
@pytest.mark.parametrize("command", ["check", "compare", "review"])
def test_a_malformed_reviews_file_stops_with_exit_2_untouched(
    run: Run, tmp_path: Path, command: str, content: str, message: str
) -> None:
    REVIEWS_FILE.parent.mkdir()
    REVIEWS_FILE.write_text(content, encoding="utf-8")
    before = tree(tmp_path)
    args = {
        "check": ["check", "seeds"],
        "compare": ["compare", "seeds", "-j", "1"],
        "review": ["review", "seeds", "F-0000000001", "--status", "confirmed", "--note", "n"],
    }[command]
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: reviews/seeds.json")
    assert message in result.stderr
    assert tree(tmp_path) == before  # nothing written: not the reviews file, not claims, not the report


@pytest.mark.parametrize(
    ("corrupt", "message"),
    [
        (lambda text: text[: len(text) // 2], "not valid JSON"),
        (
            lambda text: text.replace('"start": ', '"start": -', 1),
            "start': Input should be greater than or equal to 0",
        ),
        (lambda text: text.replace('"sha256"', '"sha"', 1), "field 'source.sha256'"),
    ],
)
@pytest.mark.parametrize("command", ["check", "compare"])
def test_a_malformed_claims_file_stops_with_exit_2_untouched(
    run: Run, tmp_path: Path, command: str, corrupt: Callable[[str], str], message: str
) -> None:
    findings(run)
    path = CLAIMS / "001_e5f6ed7113b28027.txt.json"
    path.write_text(corrupt(path.read_text(encoding="utf-8")), encoding="utf-8")
    before = tree(tmp_path)
    result = run(command, "seeds", "-j", "1")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {path}")
    assert message in result.stderr
    assert tree(tmp_path) == before


def test_a_hand_edited_claims_file_is_never_overwritten(run: Run, tmp_path: Path) -> None:
    up_to_date(run)
    path = CLAIMS / "000_e7e2957ecce1ac92.txt.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["claims"] = data["claims"][1:]  # a person deleted a claim in the generated file
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    edited = path.read_bytes()
    result = run("check", "seeds", "-j", "1")
    assert "claims/000_e7e2957ecce1ac92.txt.json: edited by hand" in result.stdout
    source = tmp_path / "seeds" / "000_e7e2957ecce1ac92.txt"
    source.write_text(source.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    result = run("compare", "seeds", "-j", "1")
    assert "edited by hand, so not overwritten" in result.stderr
    assert path.read_bytes() == edited
    result = run("check", "seeds", "-j", "1")
    assert result.exit_code == 1
    assert "(edited by hand, so compare keeps it)" in result.stdout
    assert "  rm claims/000_e7e2957ecce1ac92.txt.json  # first record its hand edits" in result.stdout


def test_a_claims_file_older_than_a_schema_field_is_no_hand_edit(run: Run, tmp_path: Path) -> None:
    findings(run)
    path = CLAIMS / "000_e7e2957ecce1ac92.txt.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["content_hash"]
    for claim in data["claims"]:
        del claim["origin"]  # as written before the field (which has a default) existed
    data["content_hash"] = hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    assert "edited by hand" not in run("check", "seeds", "-j", "1").stdout
    source = tmp_path / "seeds" / "000_e7e2957ecce1ac92.txt"
    source.write_text(source.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    result = run("compare", "seeds", "-j", "1")
    assert "edited by hand" not in result.stderr
    assert all("origin" in claim for claim in claims_of("000_e7e2957ecce1ac92.txt"))  # extracted again


# --- packaging -------------------------------------------------------------------------------


def test_pre_commit_hook_runs_check() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "factcheck-check")
    assert hook["entry"] == "factcheck check"
    assert hook["pass_filenames"] is False


def test_ci_runs_check_on_the_seeds() -> None:
    assert "factcheck check seeds/" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
