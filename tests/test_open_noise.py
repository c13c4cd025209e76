"""Noise of open-vocabulary comparison: two reports whose figures, dates or states only look like
one fact. Each row is a pair of made-up sentences and the severities factcheck should give them;
the positives beside each negative show the rule does not silence a real disagreement."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract_helpers import claims_file, compare_articles
from factcheck.models import QuantityClaim


def story(body: str) -> str:
    return f"3 May 2024\n\nFlood at the river port\n\n{body}\n"


def severities(tmp_path: Path, a: str, b: str) -> list[str]:
    report = compare_articles(tmp_path, {"a.txt": story(a), "b.txt": story(b)})
    return [f.severity for f in report.discrepancies]


@pytest.mark.parametrize(("a", "b", "expected"), [
    # figures many times apart are two facts: a shift against a season, seconds against years
    ("The pump crew worked for two hours before the levee held.",
     "The pump crew has worked at the port for eleven years.", []),
    ("The ferry made 6 crossings before the water rose.",
     "The ferry made 140 crossings before the water rose this spring.", []),
    # ... unless the one is the other with its decimal point moved
    ("The water rose 1.4 metres above the quay.", "The water rose 14 metres above the quay.", ["contradiction"]),
    # figures a few times apart still disagree
    ("The pump crew worked for two hours before the levee held.",
     "The pump crew worked for three hours before the levee held.", ["contradiction"]),
    ("The ferry made 6 crossings before the water rose.",
     "The ferry made 9 crossings before the water rose.", ["contradiction"]),
])  # fmt: skip
def test_figures_far_apart_are_two_facts(tmp_path: Path, a: str, b: str, expected: list[str]) -> None:
    assert severities(tmp_path, a, b) == expected


@pytest.mark.parametrize(("a", "b", "expected"), [
    # days weeks apart date two events: the flood and an earlier one, a later one
    ("The harbour master said the quay flooded on 2 May.",
     "The quay flooded on 11 April, the harbour master said.", []),
    ("The lock keeper said the quay flooded on May 2.",
     "The lock keeper said the quay flooded on June 20.", []),
    # a day or two out is the disagreement outlets make
    ("The harbour master said the quay flooded on 2 May.",
     "The harbour master said the quay flooded on 1 May.", ["contradiction"]),
    ("The lock keeper said the quay flooded on May 2.",
     "The lock keeper said the quay flooded on May 4.", ["contradiction"]),
    # a year only one writes is the reader's inference: the days are two apart
    ("The lock keeper said the quay flooded on June 24.",
     "The lock keeper said the quay flooded on June 26, 2019.", ["contradiction"]),
])  # fmt: skip
def test_days_weeks_apart_are_two_events(tmp_path: Path, a: str, b: str, expected: list[str]) -> None:
    assert severities(tmp_path, a, b) == expected


@pytest.mark.parametrize(("a", "b", "expected"), [
    # a source that tells both outcomes lists them: the dead and the wounded, one side each
    ("Storms swept the Norhaven coast, injuring at least nine people.",
     "In the Norhaven district, 4 people were killed, 30 were injured and 200 homes were damaged.", []),
    # one outcome against the other, neither telling both: a disagreement
    ("A deckhand named Ivo Brandt was killed when the crane toppled.",
     "A deckhand named Ivo Brandt was injured when the crane toppled.", ["contradiction"]),
])  # fmt: skip
def test_a_source_telling_both_outcomes_lists_them(tmp_path: Path, a: str, b: str, expected: list[str]) -> None:
    assert severities(tmp_path, a, b) == expected


@pytest.mark.parametrize(("a", "b", "expected"), [
    # custody verbs taking a thing: no one is held or freed
    ("The flooding on a busy Norhaven street was captured in a grainy surveillance tape shown at the inquiry.",
     "The port authority has released new video of the flooding on a busy Norhaven street.", []),
    ("The skipper Ivo Brandt was captured on camera as the water rose.",
     "The skipper Ivo Brandt was rescued as the water rose.", []),
    ("Ivo Brandt was later released on bail, police said.",
     "Results of Ivo Brandt's breath test have not been released, police said.", []),
    # a person held against a person freed, and a verb whose clause ends before the thing
    ("The skipper Ivo Brandt was captured near the quay on Monday.",
     "The skipper Ivo Brandt was rescued near the quay on Monday.", ["contradiction"]),
    ("The skipper Ivo Brandt was rescued before the wheelhouse caught fire.",
     "The skipper Ivo Brandt was captured before the wheelhouse sank.", ["contradiction"]),
    ("Ivo Brandt was later released on bail, police said.",
     "Ivo Brandt has not been released, police said.", ["contradiction"]),
])  # fmt: skip
def test_custody_of_things_holds_no_one(tmp_path: Path, a: str, b: str, expected: list[str]) -> None:
    assert severities(tmp_path, a, b) == expected


@pytest.mark.parametrize(("text", "counts"), [
    # a score or a record is two figures joined by a dash: neither counts anything
    ("The Gulls lost a 13-10 overtime game on Sunday.", []),
    ("The Gulls took a 7-0 lead and then scored 17 unanswered points.", ["17 unanswered points"]),
    ("After the 88-72 loss the Gulls are 9-14 on the season.", []),
    # counts stay counts
    ("The Gulls signed 3 rookies and released two veterans.", ["3 rookies", "two veterans"]),
])  # fmt: skip
def test_a_score_is_no_count(text: str, counts: list[str]) -> None:
    cf, _ = claims_file(f"3 May 2024\n\nGulls report\n\n{text}\n")
    assert [c.expression for c in cf.claims if isinstance(c, QuantityClaim) and c.rule == "mention.count"] == counts
