"""A scene's time lent to the event the next sentence tells ("... reached the pier that night.
She was arrested ..."): phrases written for the test, with the negatives that keep it to one
sentence, one actor and a time that points back into the story."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from extract_helpers import claims_file, compare_articles
from factcheck.models import DateClaim

DAY = dt.date(2020, 6, 4)  # the day the opening sentence gives
OPENING = "Activist freed, then held again\n\nAna Berg left the court in Orlin on 4 June 2020, her lawyer said.\n"


def carried(body: str) -> list[tuple[str, str, dt.date | None]]:
    cf, _ = claims_file(OPENING + body, published=dt.date(2020, 6, 8))
    return [
        (c.event, c.expression, c.date) for c in cf.claims if isinstance(c, DateClaim) and c.rule == "mention.carried"
    ]


@pytest.mark.parametrize(("body", "expected"), [
    ("She reached the harbour that night. She was arrested on the pier.", [("arrest", "that night", DAY)]),
    ("She drove to the coast later that day. She was detained at a checkpoint.", [("detain", "later that day", DAY)]),
    ("They met at a cafe that same evening. They were attacked by three men.", [("attack", "that same evening", DAY)]),
    # negatives: the next sentence dates itself, names another actor, or states no listed event
    ("She reached the harbour that night. She was arrested on 6 June.", []),
    ("She reached the harbour that night. Police arrested a man on the pier.", []),
    ("She reached the harbour that night. She looked for a boat.", []),
    # the time dates its own sentence's event; a sentence in between; an event told as possible
    ("She was arrested that night. She was released on bail.", []),
    ("She reached the harbour that night. It was raining. She was arrested on the pier.", []),
    ("She reached the harbour that night. She may be arrested soon.", []),
])  # fmt: skip
def test_a_scene_time_dates_the_next_sentences_event(body: str, expected: list[tuple[str, str, dt.date]]) -> None:
    assert carried(body) == expected


def test_without_an_earlier_date_nothing_is_lent() -> None:
    cf, _ = claims_file("Activist held\n\nShe reached the harbour that night. She was arrested on the pier.\n")
    assert not [c for c in cf.claims if c.rule == "mention.carried"]


def test_the_evidence_is_both_sentences() -> None:
    cf, text = claims_file(OPENING + "She reached the harbour that night. She was arrested on the pier.\n")
    (claim,) = [c for c in cf.claims if c.rule == "mention.carried"]
    assert claim.quote == text[claim.start : claim.end]
    assert claim.quote.startswith("She reached")
    assert claim.quote.endswith("on the pier.")


@pytest.mark.parametrize(("other", "severity"), [
    ("Ana Berg was arrested on the pier on 5 June, a day after she left the court.", ["contradiction"]),
    ("Ana Berg was arrested on the pier on 4 June, the day she left the court.", []),
])  # fmt: skip
def test_a_lent_time_meets_another_sources_date_of_the_event(tmp_path: Path, other: str, severity: list[str]) -> None:
    a = OPENING + "She reached the harbour that night. She was arrested on the pier by two officers.\n"
    b = f"Activist freed, then held again\n\n{other}\n"
    report = compare_articles(tmp_path, {"a.txt": a, "b.txt": b})
    dated = [f.severity for f in report.discrepancies if any(c.quote.startswith("She reached") for c in f.claims)]
    assert dated == severity
