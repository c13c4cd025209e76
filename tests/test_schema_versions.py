"""Files of an older schema version keep working: people's reviews and corrections of version 1
load untouched, claims files of version 1 are read and extracted again as stale, and a file of a
newer version than this factcheck reads is one clear error. The version-1 files under
tests/golden/v1/ were written by factcheck itself before the claims were typed (a state
'not_fired', subjects by their key)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from factcheck import pipeline
from factcheck.cli import main
from factcheck.models import SCHEMA_VERSION, Person, StatusClaim, StatusState
from factcheck.review import load_reviews
from factcheck.store import load_claims, was_hand_edited

V1 = Path(__file__).parent / "golden" / "v1"
V1_CLAIMS = V1 / "001_e5f6ed7113b28027.txt.json"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seeds_dir: Path) -> Path:
    shutil.copytree(seeds_dir, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def v1_reviews() -> dict[str, Any]:
    """The worked example's reviews of version 1, with a correction and an added claim in the
    string forms of that version."""
    data: dict[str, Any] = json.loads((V1 / "seeds-reviews.json").read_text(encoding="utf-8"))
    claim = next(
        c for c in json.loads(V1_CLAIMS.read_text(encoding="utf-8"))["claims"] if c.get("state") == "not_fired"
    )
    data["edits"] = [
        {"action": "correct", "source": claim["source"], "claim_id": claim["id"], "changes": {"state": "on_leave"},
         "note": "the later article says leave", "date": "2026-11-21"},
        {"action": "add", "source": claim["source"], "claim": {**claim, "id": "h-v1", "origin": "human",
         "subject": "p:ravan nasimi"}, "note": "said twice", "date": "2026-11-21"},
    ]  # fmt: skip
    return data


def test_the_schema_is_version_2() -> None:
    assert SCHEMA_VERSION == 2


def test_a_version_1_claims_file_is_read_into_the_typed_models() -> None:
    cf = load_claims(V1_CLAIMS)
    assert cf.schema_version == 1
    assert not was_hand_edited(cf)  # factcheck wrote it: it may be replaced
    states = [c.state for c in cf.claims if isinstance(c, StatusClaim)]
    assert StatusState(name="fired", negated=True) in states


def test_a_version_1_claims_file_is_stale_and_extracted_again(workdir: Path) -> None:
    sha = json.loads(V1_CLAIMS.read_text(encoding="utf-8"))["source"]["sha256"]
    assert pipeline.stale_reason(load_claims(V1_CLAIMS), sha) == f"written in schema version 1, not {SCHEMA_VERSION}"
    (workdir / "claims").mkdir()
    shutil.copy(V1_CLAIMS, workdir / "claims" / V1_CLAIMS.name)
    assert run("compare", "seeds", "-j", "1", "-q").exit_code == 1
    written = json.loads((workdir / "claims" / V1_CLAIMS.name).read_text(encoding="utf-8"))
    assert written["schema_version"] == SCHEMA_VERSION
    assert written["generator"] == pipeline.EXTRACTOR_REVISION
    assert not list((workdir / "claims").glob("*.hand-edited*"))  # replaced, not set aside
    assert run("check", "seeds", "-j", "1").exit_code in (0, 1)  # current now: check only reads


def test_version_1_reviews_and_corrections_load_untouched(workdir: Path) -> None:
    path = workdir / "reviews" / "seeds.json"
    path.parent.mkdir()
    path.write_text(json.dumps(v1_reviews(), indent=2) + "\n", encoding="utf-8")
    original = path.read_bytes()
    reviews = load_reviews(path, "seeds")
    assert reviews.schema_version == 1
    assert len(reviews.decisions) == 3
    correct, add = reviews.edits
    assert correct.changes == {"state": "on_leave"}
    assert add.claim is not None
    assert add.claim.subject == Person(name="ravan nasimi")
    assert isinstance(add.claim, StatusClaim)
    assert add.claim.state == StatusState(name="fired", negated=True)
    result = run("compare", "seeds", "-j", "1", "--format", "json")
    assert result.exit_code in (0, 1), result.stderr
    # The correction names its claim by the id extraction gave it when the version-1 file was
    # written; extraction today must still give it that id for the correction to apply.
    assert "warning" not in result.stderr, (
        "an edit of the version-1 reviews was not applied: has extraction re-identified the claim the "
        f"correction names ({reviews.edits[0].claim_id})?\n{result.stderr}"
    )
    report = json.loads(result.stdout)
    employment = {f["subject"]: f for f in report["discrepancies"] if f["attribute"] == "employment status"}
    partner = {v["key"] for v in employment["Alvi Aghabeyov"]["values"]}
    assert "on_leave" in partner  # corrected: not fired -> on leave
    assert "not_fired" not in partner
    added = [v for v in employment["Ravan Nasimi"]["values"] if v["key"] == "not_fired"]
    assert "h-v1" in [c["claim_id"] for v in added for c in v["claims"]]  # the added claim is compared
    # Every decision is kept: the two whose findings the edits leave as they were attach to them; the
    # one on the partner's finding, which the correction changed, is listed as orphaned, not dropped.
    attached = {f["review"]["finding_id"] for f in report["discrepancies"] if f["review"]}
    orphaned = {d["finding_id"] for d in report["orphaned_reviews"]}
    on_partner = {d.finding_id for d in reviews.decisions if d.subject == "Alvi Aghabeyov"}
    assert len(on_partner) == 1
    assert orphaned == on_partner
    assert attached == {d.finding_id for d in reviews.decisions} - on_partner
    assert path.read_bytes() == original  # comparing reads the reviews, never rewrites them
    # The same decisions and edits written in today's shape give the same report.
    path.write_text(reviews.model_copy(update={"schema_version": SCHEMA_VERSION}).model_dump_json(indent=2))
    assert run("compare", "seeds", "-j", "1", "--format", "json").stdout == result.stdout
    path.write_bytes(original)
    run("check", "seeds", "-j", "1")
    assert path.read_bytes() == original


def test_a_decision_added_to_a_version_1_reviews_file_writes_version_2_and_keeps_the_rest(workdir: Path) -> None:
    path = workdir / "reviews" / "seeds.json"
    path.parent.mkdir()
    path.write_text(json.dumps(v1_reviews(), indent=2) + "\n", encoding="utf-8")
    before = load_reviews(path, "seeds")
    report = json.loads(run("compare", "seeds", "-j", "1", "--format", "json").stdout)
    new = next(f["id"] for f in report["discrepancies"] if not f["review"])
    assert run("review", "seeds", new, "--status", "dismissed", "--note", "read again").exit_code == 0
    after = json.loads(path.read_text(encoding="utf-8"))
    assert after["schema_version"] == SCHEMA_VERSION
    assert {d["finding_id"] for d in after["decisions"]} == {new} | {d.finding_id for d in before.decisions}
    assert len(after["edits"]) == 2
    assert load_reviews(path, "seeds").edits == before.edits


@pytest.mark.parametrize("kind", ["claims", "reviews"])
def test_a_file_of_a_newer_version_is_one_clear_error(workdir: Path, kind: str) -> None:
    if kind == "claims":
        data = json.loads(V1_CLAIMS.read_text(encoding="utf-8"))
        path = workdir / "claims" / V1_CLAIMS.name
    else:
        data = v1_reviews()
        path = workdir / "reviews" / "seeds.json"
    data["schema_version"] = SCHEMA_VERSION + 1
    data["a_field_of_the_future"] = True  # refused by the version, before the unknown field
    path.parent.mkdir()
    path.write_text(json.dumps(data), encoding="utf-8")
    result = run("compare", "seeds", "-j", "1")
    assert result.exit_code == 2
    assert f"field 'schema_version': {SCHEMA_VERSION + 1} is newer than this factcheck reads" in result.stderr
    assert "a_field_of_the_future" not in result.stderr
