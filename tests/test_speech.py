"""Verbs of telling: one table, one test of whether a date is the day something was said.
Phrases written for the test."""

from __future__ import annotations

import pytest

from factcheck.extract.frames import SPEECH
from factcheck.extract.speech import (
    ANNOUNCING,
    ANNOUNCING_FORMS,
    SPEAKING_FORMS,
    SPEECH_LEMMAS,
    STATEMENT,
    TELLING_FORMS,
    TELLING_LEMMAS,
    said_on,
)


@pytest.mark.parametrize(
    ("before", "after", "told"),
    [
        ("Officials said ", " that the road was shut.", STATEMENT),
        ("The mayor told reporters late ", " that the bridge would reopen.", STATEMENT),
        ("The minister said at a news conference on ", ".", STATEMENT),
        ("The coach tweeted ", " that he was leaving.", STATEMENT),
        ("The ferry company on ", " said the route was closed.", STATEMENT),
        ("It was reported ", ".", STATEMENT),
        ("The agency said in a statement released late ", ".", STATEMENT),
        ("The firm said in a security bulletin issued on ", ".", STATEMENT),
        ("The firm announced on ", " that it had bought the mill.", "announce"),
        ("The league ", " confirmed the fine.", "confirm"),
        # the day of an event, not of a telling
        ("The video was posted on ", ".", None),
        ("The cars were recalled on ", ".", None),
        ("The clerk was arrested on ", " and released later.", None),
        ("The member states met on ", ".", None),
        ("She was reported missing on ", ".", None),
        ("The bulletin was issued on ", ".", None),
        ("The firm said it had released the update on ", ".", None),
    ],
)
def test_the_day_something_was_said(before: str, after: str, told: str | None) -> None:
    assert said_on(before, after) == told


def test_one_table_for_every_reader() -> None:
    assert SPEECH_LEMMAS == TELLING_LEMMAS | ANNOUNCING
    assert TELLING_FORMS <= SPEECH
    assert not ANNOUNCING_FORMS & TELLING_FORMS
    assert not {"states", "claims", "notes", "reports", "posted", "recalled"} & (TELLING_FORMS | ANNOUNCING_FORMS)
    assert {"posted", "recalled", "announced", "said"} <= SPEAKING_FORMS  # "X posted that ...": a speaker
