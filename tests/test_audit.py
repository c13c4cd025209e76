"""The precision audit's pure parts: a seeded sample that depends only on the set of findings, a
judgement key that survives reordering and rewording, the Wilson interval, and the verdicts file."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

from extract_helpers import load_script

AUDIT = Path(__file__).resolve().parent.parent / "benchmarks" / "audit.py"


@pytest.fixture(scope="module")
def audit() -> ModuleType:
    return load_script("factcheck_audit_benchmark", AUDIT)


def finding(audit: ModuleType, folder: str, n: int, value: str = "3 boxes", words: str = "3 boxes") -> object:
    claims = (
        audit.Cited("a.txt", value, f"The clerk counted 3 boxes and 5 crates, report {n} says.", 2, words),
        audit.Cited("b.txt", "9 boxes", f"Nine boxes and 5 crates were counted, report {n} says.", 4, "Nine boxes"),
    )
    return audit.Sampled(folder, folder.split("_")[0], "contradiction", "the incident", "boxes", "differ", claims)


def test_sample_is_seeded_and_ignores_input_order(audit: ModuleType) -> None:
    findings = [finding(audit, f"{t}_ecb", n) for t in (1, 2, 3) for n in range(6)]
    first = audit.sample(findings, 7, seed=1)
    assert [f.key for f in audit.sample(list(reversed(findings)), 7, seed=1)] == [f.key for f in first]
    assert len({f.key for f in first}) == 7
    assert [f.key for f in audit.sample(findings, 7, seed=2)] != [f.key for f in first]


def test_sample_goes_round_robin_over_topics(audit: ModuleType) -> None:
    findings = [finding(audit, "1_ecb", n) for n in range(10)] + [finding(audit, "2_ecbplus", n) for n in range(2)]
    chosen = audit.sample(findings, 6, seed=3)
    topics = [f.topic for f in chosen]
    assert topics.count("2") == 2  # the small topic is used up before the large one fills the sample
    assert set(topics[:2]) == {"1", "2"}


def test_one_finding_removed_moves_no_other_topics_draw(audit: ModuleType) -> None:
    findings = [finding(audit, f"{t}_ecb", n) for t in (1, 2, 3, 4) for n in range(5)]
    before = audit.sample(findings, 8, seed=1)
    gone = before[0]
    after = audit.sample([f for f in findings if f is not gone], 8, seed=1)
    for topic in ("1", "2", "3", "4"):
        if topic != gone.topic:
            assert [f.key for f in after if f.topic == topic] == [f.key for f in before if f.topic == topic]
    mine = [f.key for f in audit.sample(findings, 20, seed=1) if f.topic == gone.topic]
    assert [
        f.key for f in audit.sample([f for f in findings if f is not gone], 20, seed=1) if f.topic == gone.topic
    ] == [k for k in mine if k != gone.key]


def test_sample_of_more_than_there_are_takes_all(audit: ModuleType) -> None:
    findings = [finding(audit, "4_ecb", n) for n in range(3)]
    assert len(audit.sample(findings, 40, seed=1)) == 3
    assert audit.sample([], 5, seed=1) == []


def test_key_ignores_claim_order_and_the_reports_rendering(audit: ModuleType) -> None:
    a = finding(audit, "5_ecb", 1, value="3 boxes")
    b = finding(audit, "5_ecb", 1, value="three boxes (3)")
    assert a.key == b.key
    assert audit.judgement_key("5_ecb", [("b.txt", "y", "1"), ("a.txt", "x", "2")]) == audit.judgement_key(
        "5_ecb", [("a.txt", "x", "2"), ("b.txt", "y", "1")]
    )
    # a pinned value: a change of the key would orphan every committed verdict
    assert audit.judgement_key("5_ecb", [("a.txt", "x", "2")]) == "82b16c51fafcc2d5"


def test_key_tells_apart_two_findings_on_the_same_sentences(audit: ModuleType) -> None:
    assert finding(audit, "5_ecb", 1).key != finding(audit, "5_ecb", 1, words="5 crates").key


@pytest.mark.parametrize(
    ("other_folder", "other_quote"),
    [("5_ecbplus", "The clerk counted 1 boxes on the quay."), ("5_ecb", "The clerk counted 2 boxes on the quay.")],
)
def test_key_changes_with_folder_or_quote(audit: ModuleType, other_folder: str, other_quote: str) -> None:
    base = audit.judgement_key("5_ecb", [("a.txt", "The clerk counted 1 boxes on the quay.", "1 boxes")])
    assert audit.judgement_key(other_folder, [("a.txt", other_quote, "1 boxes")]) != base


@pytest.mark.parametrize(
    ("successes", "n", "low", "high"),
    [(11, 40, 0.161, 0.429), (0, 10, 0.0, 0.278), (10, 10, 0.722, 1.0), (20, 40, 0.352, 0.648)],
)
def test_wilson_interval(audit: ModuleType, successes: int, n: int, low: float, high: float) -> None:
    lo, hi = audit.wilson(successes, n)
    assert lo == pytest.approx(low, abs=0.001)
    assert hi == pytest.approx(high, abs=0.001)


def test_wilson_of_nothing_is_the_whole_range(audit: ModuleType) -> None:
    assert audit.wilson(0, 0) == (0.0, 1.0)


def test_judgements_load_and_bad_files_say_why(audit: ModuleType, tmp_path: Path) -> None:
    path = tmp_path / "j.json"
    assert audit.load_judgements(path) == {}
    entry = {"verdict": "noise", "why": "two different counts", "cause": "different facts", "finding": "x"}
    path.write_text(json.dumps({"judgements": {"abc": entry}}))
    assert audit.load_judgements(path)["abc"] == audit.Judgement("noise", "two different counts", "different facts")
    for bad, says in [
        ("{", "not readable JSON"),
        ("[]", "'judgements' object"),
        (json.dumps({"judgements": {"abc": {"verdict": "maybe", "why": "x"}}}), "'verdict' must be one of"),
        (json.dumps({"judgements": {"abc": {"verdict": "real", "why": " "}}}), "'why'"),
    ]:
        path.write_text(bad)
        with pytest.raises(audit.JudgementsError, match=says):
            audit.load_judgements(path)


def test_summary_counts_and_interval(audit: ModuleType) -> None:
    chosen = [finding(audit, "6_ecb", n) for n in range(4)]
    judged = {
        chosen[0].key: audit.Judgement("real", "differs"),
        chosen[1].key: audit.Judgement("noise", "other fact", "different facts"),
        chosen[2].key: audit.Judgement("noise", "same", "same value"),
    }
    rows = audit.summary(chosen, judged)
    assert rows[0] == "sampled 4, judged 3, real 1, noise 2, unjudged 1"
    assert rows[1].startswith("precision 0.33 (real/judged), 95% Wilson interval 0.06-0.79")
    assert "noise by cause: different facts 1, same value 1" in rows
