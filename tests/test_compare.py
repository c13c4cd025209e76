"""Comparison rules: claims about one fact in two accounts of one incident, compared by kind (ages and
counts as intervals, dates after resolution, statuses through the ontology), with stable ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract_helpers import compare_articles
from factcheck.models import Report

# Every story below is one incident: the same reporter, the same town, told by two outlets. The
# sentence under test is added to it; the rest of the story states nothing a rule could compare.
STORY = (
    "Marta Kowalska, a reporter for the Valmora Courier, covered the protest outside the town hall. "
    "Kowalska said the police had pushed the crowd back from the steps. "
    "The Valmora Courier said Kowalska would keep reporting from the town hall."
)
OTHER_STORY = (
    "Storm damage in Port Ellery\n\n17 March 2021\n\n"
    "Harbour master Tomas Lind said the storm had torn boats from their moorings in Port Ellery. "
    "Lind said 14 people were detained for looting the harbour shops overnight. "
    "The Port Ellery council said Lind had asked for help from the coast guard.\n"
)


def story(sentence: str, dateline: str = "17 March 2021") -> str:
    """An article about the Valmora protest carrying `sentence`; 17 March 2021 was a Wednesday."""
    return f"Reporter detained after protest in Valmora\n\n{dateline}\n\n{sentence}\n\n{STORY}\n"


def compare(tmp_path: Path, articles: dict[str, str]) -> Report:
    return compare_articles(tmp_path, articles)


def findings(report: Report) -> list[tuple[str, str, list[str]]]:
    """(severity, attribute, values) of every discrepancy, values in source order."""
    return [(f.severity, f.attribute, [c.value for c in sorted(f.claims, key=lambda c: c.source)])
            for f in report.discrepancies]  # fmt: skip


def assert_one_finding(report: Report, severity: str, attribute: str, values: list[str]) -> None:
    """Exactly one discrepancy, of `severity`, whose attribute names `attribute` and whose values (in
    source order) contain `values`: the wording of attributes and values is the report's to choose."""
    (found,) = findings(report)
    assert found[0] == severity
    assert attribute in found[1]
    assert len(found[2]) == len(values)
    for shown, expected in zip(found[2], values, strict=True):
        assert expected in shown


def agreements(report: Report) -> list[tuple[str, list[str]]]:
    return [(c.attribute, [r.source for r in c.claims]) for c in report.corroborations]


# fmt: off
CONFLICTS = [
    # ages: one year apart is a contradiction
    ("Marta Kowalska, 27, was detained by police on the steps.",
     "Marta Kowalska, 28, was detained by police on the steps.",
     "contradiction", "age", ["27", "28"]),
    # counts as intervals: overlapping hedged figures diverge, disjoint exact ones contradict
    ("Police said at least 20 people were detained at the protest.",
     "Organisers said at least 25 people were detained at the protest.",
     "divergence", "detained", ["at least 20 people", "at least 25 people"]),
    ("Police said more than 50 people were detained at the protest.",
     "Organisers said as many as 150 people were detained at the protest.",
     "divergence", "detained", ["more than 50 people", "as many as 150 people"]),
    # police against organisers: attribution explains the two counts, a divergence naming them
    ("Police said three journalists were detained at the protest.",
     "Organisers said two journalists were detained at the protest.",
     "divergence", "detained", ["three journalists", "two journalists"]),
    # dates: a weekday resolved through the publication date against a date
    ("Kowalska said the police detained her on Friday evening.",
     "Kowalska said the police detained her on 5 March.",
     "contradiction", "date", ["Friday", "5 March"]),
    # employment ontology
    ("The Valmora Courier said that Marta Kowalska was fired by the radio station.",
     "The Valmora Courier said that Marta Kowalska was not fired by the radio station.",
     "contradiction", "employment", ["fired", "not"]),
    ("The Valmora Courier said that Marta Kowalska was fired by the radio station.",
     "The Valmora Courier said that Marta Kowalska was suspended from work by the station.",
     "contradiction", "employment", ["fired", "suspended"]),
    ("The Valmora Courier said that Marta Kowalska was placed on leave by the station.",
     "Marta Kowalska said that she would not be fired by the radio station.",
     "divergence", "employment", ["leave", "not"]),
    # legal: a state against its negation
    ("Police said that Marta Kowalska was arrested at the protest.",
     "Police said that Marta Kowalska was not arrested at the protest.",
     "contradiction", "legal", ["arrested", "not"]),
]
# fmt: on


@pytest.mark.parametrize(("a", "b", "severity", "attribute", "values"), CONFLICTS)
def test_conflicting_accounts(tmp_path: Path, a: str, b: str, severity: str, attribute: str, values: list[str]) -> None:
    report = compare(tmp_path, {"a.txt": story(a), "b.txt": story(b)})
    assert len(report.incidents) == 1
    assert_one_finding(report, severity, attribute, values)
    (finding,) = report.discrepancies
    assert finding.explanation
    assert "\n" not in finding.explanation
    assert sorted(c.source for c in finding.claims) == ["a.txt", "b.txt"]


# fmt: off
COMPATIBLE = [
    # modality: a prediction or a possibility is not an account of what happened
    ("The Valmora Courier said that Marta Kowalska was fired by the radio station.",
     "Marta Kowalska said that she will most likely quit her job at the radio station."),
    ("Police said that Marta Kowalska could be arrested if she returned to the square.",
     "Police said that Marta Kowalska was not arrested at the protest."),
    # a reversed status ("fired ... but then ... changed his mind") does not contradict "not fired"
    ("The Valmora Courier said that Marta Kowalska was fired, but then her boss changed his mind.",
     "The Valmora Courier said that Marta Kowalska was not fired by the radio station."),
    # counts of different events are different facts
    ("Police said 40 people were detained at the protest.",
     "Police said 60 people were injured at the protest."),
    # the same figure is an agreement, not a finding
    ("Police said 40 people were detained at the protest.",
     "Organisers said 40 people were detained at the protest."),
]
# fmt: on


@pytest.mark.parametrize(("a", "b"), COMPATIBLE)
def test_compatible_accounts_give_no_finding(tmp_path: Path, a: str, b: str) -> None:
    report = compare(tmp_path, {"a.txt": story(a), "b.txt": story(b)})
    assert len(report.incidents) == 1
    assert findings(report) == []


def test_weekday_resolved_through_the_publication_date_corroborates_a_date(tmp_path: Path) -> None:
    report = compare(tmp_path, {
        "a.txt": story("Kowalska said the police detained her on Friday evening."),
        "b.txt": story("Kowalska said the police detained her on 12 March.", dateline="19 March 2021"),
    })  # fmt: skip
    assert findings(report) == []
    (agreed,) = [c for c in report.corroborations if c.attribute.startswith("date")]
    assert [r.source for r in agreed.claims] == ["a.txt", "b.txt"]
    assert agreed.value == "Friday 12 March 2021"
    assert "Friday" in agreed.resolution
    assert "publication date" in agreed.resolution


def test_same_age_is_corroborated(tmp_path: Path) -> None:
    report = compare(tmp_path, {
        "a.txt": story("Marta Kowalska, 27, was detained by police on the steps."),
        "b.txt": story("Marta Kowalska, 27, was held by police near the town hall."),
    })  # fmt: skip
    assert findings(report) == []
    assert ("age", ["a.txt", "b.txt"]) in agreements(report)


def test_claims_of_different_incidents_are_never_compared(tmp_path: Path) -> None:
    # Both stories count people detained; the counts differ, but the stories are about other events.
    report = compare(tmp_path, {
        "a.txt": story("Police said 40 people were detained at the protest."),
        "b.txt": story("Organisers said 40 people were detained at the protest."),
        "c.txt": OTHER_STORY,
    })  # fmt: skip
    assert [i.sources for i in report.incidents] == [["a.txt", "b.txt"], ["c.txt"]]
    assert findings(report) == []


def test_an_article_may_contradict_itself_when_two_speakers_disagree(tmp_path: Path) -> None:
    report = compare(tmp_path, {
        "a.txt": story(
            "Police chief Anton Brel said 40 people were detained. "
            "Protest organiser Ida Sand said 60 people were detained."
        ),
        "b.txt": story("Kowalska said the police had been calm."),
    })  # fmt: skip
    # Two named speakers explain two counts: a divergence that names them, not a contradiction.
    assert_one_finding(report, "divergence", "detained", ["40 people", "60 people"])
    assert {c.source for c in report.discrepancies[0].claims} == {"a.txt"}
    assert "according to Anton Brel" in report.discrepancies[0].explanation
    assert "according to Ida Sand" in report.discrepancies[0].explanation


def test_an_article_that_gives_two_ages_contradicts_itself(tmp_path: Path) -> None:
    report = compare(tmp_path, {
        "a.txt": story("Marta Kowalska, 27, was detained. Later, Marta Kowalska, 28, was released."),
        "b.txt": story("Kowalska said the police had been calm."),
    })  # fmt: skip
    assert_one_finding(report, "contradiction", "age", ["27", "28"])


def test_finding_ids_are_stable_across_runs_and_unrelated_sources(tmp_path: Path) -> None:
    articles = {
        "a.txt": story("Marta Kowalska, 27, was detained by police on the steps."),
        "b.txt": story("Marta Kowalska, 28, was detained by police on the steps."),
    }
    first = compare(tmp_path / "one", articles)
    again = compare(tmp_path / "two", articles)
    widened = compare(tmp_path / "three", {**articles, "c.txt": OTHER_STORY})
    ids = [f.id for f in first.discrepancies]
    assert ids
    assert [f.id for f in again.discrepancies] == ids
    assert [f.id for f in widened.discrepancies] == ids
    assert [c.id for c in again.corroborations] == [c.id for c in first.corroborations]


def test_findings_cite_evidence_that_slices_back(tmp_path: Path) -> None:
    articles = {
        "a.txt": story("Police said three journalists were detained at the protest."),
        "b.txt": story("Organisers said two journalists were detained at the protest."),
    }
    report = compare(tmp_path, articles)
    assert report.discrepancies
    for finding in report.discrepancies:
        for ref in finding.claims:
            text = articles[ref.source]
            assert text[ref.start : ref.end] == ref.quote
            assert text.count("\n", 0, ref.start) + 1 == ref.line
