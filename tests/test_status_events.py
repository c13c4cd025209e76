"""Statuses through dated events: a status its sentence dates belongs to that event, and two
sources' statuses of events the alignment keeps apart are never compared. Phrases written for the
test."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract_helpers import compare_articles
from factcheck.compare.status import _event_kind
from factcheck.models import StatusState

LEAD = (
    "12 July 2024\n\nEngineer in court\n\nOlaf Brenner, a 40-year-old sound engineer, was questioned by police in May. "
)


def _legal(tmp_path: Path, a: str, b: str) -> list[str]:
    report = compare_articles(tmp_path, {"a.txt": LEAD + a + "\n", "b.txt": LEAD + b + "\n"})
    return [f.explanation for f in report.discrepancies if f.attribute == "legal status"]


def test_statuses_of_two_dated_events_are_not_compared(tmp_path: Path) -> None:
    # a.txt: not charged in May, charged in July; b.txt tells only July's charge.
    found = _legal(
        tmp_path,
        "Olaf Brenner was not charged on 3 May, his lawyer said. Olaf Brenner was charged on 2 July, police said.",
        "Olaf Brenner was charged on 2 July, police said.",
    )
    assert found == []


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # one dated event, told both ways
        (
            "Olaf Brenner was not charged on 2 July, his lawyer said.",
            "Olaf Brenner was charged on 2 July, police said.",
        ),
        # a status no date attaches to is compared as before
        ("Olaf Brenner was not charged, his lawyer said.", "Olaf Brenner was charged on 2 July, police said."),
    ],
)
def test_statuses_of_one_event_still_conflict(tmp_path: Path, a: str, b: str) -> None:
    assert len(_legal(tmp_path, a, b)) == 1


@pytest.mark.parametrize(
    ("state", "kind"),
    [
        ("arrested", "detained"),  # an arrest verb's state in predicates.yaml's custody class
        ("not_arrested", "detained"),
        ("detained", "detained"),
        ("charged", "charged"),
        ("fired", "fired"),
        ("on_leave", "on_leave"),  # no verb: itself
        ("reinstated", "reinstated"),  # a verb with no class: itself
    ],
)
def test_event_kind_of_a_status(state: str, kind: str) -> None:
    assert _event_kind(StatusState.model_validate(state).name) == kind  # negated or not: its name
