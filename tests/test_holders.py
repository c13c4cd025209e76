"""Who holds a position in the event at hand (the judge of a case): phrase → holder tables with
negatives, and comparisons across sources. Every phrase and name is written for the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract_helpers import claims_file, compare_articles
from factcheck.models import RoleClaim

LEAD = "The case reached the district court in the spring after a long investigation. "


def holders(body: str) -> set[tuple[str, str, str]]:
    cf, _ = claims_file(LEAD + body)
    return {(c.subject_text, c.position, c.rule) for c in cf.claims if isinstance(c, RoleClaim) and c.held_in}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Judge Marit Quell sentenced him to ten years in prison.", ("Marit Quell", "holder.title-act")),
        ("Judge Marit Quell found the two men guilty of fraud.", ("Marit Quell", "holder.title-act")),
        ("Judge Marit Quell found Vandel not guilty on every count.", ("Marit Quell", "holder.title-act")),
        ("Judge Marit Quell, new to the bench, acquitted the driver.", ("Marit Quell", "holder.title-act")),
        ("Regional Court Judge Marit H. Quell handed down the maximum term.", ("Marit H. Quell", "holder.title-act")),
        ("Magistrate Osric Vandel convicted the driver of speeding.", ("Osric Vandel", "holder.title-act")),
        ("The trial judge Osric Vandel presided over the hearing.", ("Osric Vandel", "holder.title-act")),
        ("Brill was sentenced on Monday by Judge Marit Quell.", ("Marit Quell", "holder.act-by")),
        ("Brill was found guilty by a jury and sentenced by Judge Marit Quell.", ("Marit Quell", "holder.act-by")),
        ("The hearing was presided over by Judge Marit Quell.", ("Marit Quell", "holder.act-by")),
        ("Judge Şəhla Çelikdə sentenced him to four years.", ("Şəhla Çelikdə", "holder.title-act")),
        ("Brill was convicted by Judge Ötvar Ẓelin.", ("Ötvar Ẓelin", "holder.act-by")),
        ("Judge Marit Quell Thursday sentenced him to four years.", ("Marit Quell", "holder.title-act")),
        ("Judge Marit Quell on Monday acquitted the driver.", ("Marit Quell", "holder.title-act")),
        ("Brill was sentenced by Judge Marit Quell On appeal, the term was cut.", ("Marit Quell", "holder.act-by")),
        ("Brill was sentenced by Judge Marit Quell In March he was moved.", ("Marit Quell", "holder.act-by")),
        ("Brill was sentenced by Judge Marit Quell January last year.", ("Marit Quell", "holder.act-by")),
    ],
)
def test_holder_phrases(body: str, expected: tuple[str, str]) -> None:
    name, rule = expected
    assert holders(body) == {(name, "judge", rule)}


@pytest.mark.parametrize(
    "body",
    [
        "The gunman shot Judge Marit Quell in the courtroom.",  # the victim, not the case's judge
        "Judge Marit Quell said the hearing would resume on Friday.",  # no act of the case
        "Judge Marit Quell will sentence him in May.",  # an act not yet done
        "A judge sentenced him to ten years in prison.",  # no name
        "Brill was sentenced in a closed court, and the appeal was heard by Judge Marit Quell.",
        "Brill was arrested by Officer Osric Vandel.",  # another position
        "Brill was sentenced to life and his appeal was rejected by Judge Marit Quell.",  # another clause's act
        "Brill was convicted in March but the retrial was adjourned by Judge Marit Quell.",
        "Brill was tried in absentia while the hearing was chaired by Judge Marit Quell.",
    ],
)
def test_no_holder(body: str) -> None:
    assert holders(body) == set()


def test_title_alone_names_a_person_the_name_finder_missed() -> None:
    cf, _ = claims_file(LEAD + "Judge Marit Quell acquitted the driver.")
    (claim,) = [c for c in cf.claims if isinstance(c, RoleClaim)]
    assert claim.subject.key() == "p:marit quell"
    assert claim.display_value() == "Marit Quell (judge)"


ONE = "Tomas Brill was jailed for fraud on Tuesday. Judge Marit Quell sentenced Brill to six years.\n"
TWO = "Tomas Brill was jailed for fraud on Tuesday. Brill was sentenced to six years by Judge Osric Vandel.\n"
SAME = "Tomas Brill was jailed for fraud on Tuesday. Judge Marit H. Quell sentenced him to six years.\n"
BOTH = (
    "Tomas Brill was jailed for fraud on Tuesday. Judge Marit Quell sentenced him to six years. "
    "At a retrial, Judge Osric Vandel convicted him again.\n"
)


def _judge_findings(tmp_path: Path, articles: dict[str, str]) -> list[list[str]]:
    report = compare_articles(tmp_path, articles)
    return [
        sorted(str(c.value) for c in f.claims) for f in report.discrepancies if f.subject == "the judge of the case"
    ]


def test_two_judges_of_one_case_diverge(tmp_path: Path) -> None:
    assert _judge_findings(tmp_path, {"one.txt": ONE, "two.txt": TWO}) == [
        ["Marit Quell (judge)", "Osric Vandel (judge)"]
    ]


def test_one_judge_in_two_spellings_agrees(tmp_path: Path) -> None:
    report = compare_articles(tmp_path, {"one.txt": ONE, "two.txt": SAME})
    assert not [f for f in report.discrepancies if f.subject == "the judge of the case"]
    assert [c for c in report.corroborations if c.subject == "the judge of the case"]


def test_a_source_naming_two_judges_is_set_against_nobody(tmp_path: Path) -> None:
    assert _judge_findings(tmp_path, {"one.txt": ONE, "two.txt": BOTH}) == []
