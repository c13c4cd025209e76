"""A scene's time lent to the event the next sentence tells ("... reached the pier that night.
She was arrested ..."): phrases written for the test, with the negatives that keep it to one
sentence, one actor and a time that points back into the story."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from extract_helpers import claims_file, compare_articles
from factcheck.extract.carried import SCENE_TIME
from factcheck.extract.dates import CONTEXT_RELATIVE
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
    # the scene's own time is lent only when no later date of its sentence is the text's last one
    ("She left the court on 5 June and reached the harbour that night. She was arrested on the pier.",
     [("arrest", "that night", dt.date(2020, 6, 5))]),
    ("She reached the harbour that night and was questioned by police on 7 June. She was arrested on the pier.", []),
    ("She reached the harbour that evening, a week before her trial on 12 June. She was detained at the gate.", []),
    ("She reached the harbour that night and left again the next day. She was arrested on the pier.", []),
    ("She was seen at a cafe that morning and at the harbour that night. She was arrested on the pier.",
     [("arrest", "that night", DAY)]),
    ("She reached the harbour later that same day. She was arrested on the pier.",
     [("arrest", "later that same day", DAY)]),
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


FILLER = ", ".join(f"past the {w} quay" for w in ("north", "south", "east", "west", "old", "new", "fish", "ferry"))


@pytest.mark.parametrize("body", [
    # each sentence long, the two together far past an evidence's length
    f"She walked {FILLER} and reached the harbour that night, {FILLER}. She was arrested on the pier, {FILLER}.",
    # the event's verb late in its sentence, the scene's time early in its own
    f"She reached the harbour that night, {FILLER}. She then walked {FILLER} and was arrested on the pier.",
    # both sentences short: the evidence is both of them whole
    "She reached the harbour that night. She was arrested on the pier.",
])  # fmt: skip
def test_the_evidence_holds_the_time_and_the_event(body: str) -> None:
    cf, text = claims_file(OPENING + body + "\n")
    (claim,) = [c for c in cf.claims if c.rule == "mention.carried"]
    assert claim.quote == text[claim.start : claim.end]
    assert claim.start <= claim.value_start < claim.value_end <= claim.end
    assert "that night" in claim.quote
    assert "was arrested" in claim.quote
    assert claim.quote == claim.quote.strip()
    for cut in (claim.start, claim.end):  # no word is cut
        assert not (text[cut - 1].isalnum() and text[cut].isalnum())


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


@pytest.mark.parametrize(("phrase", "scene"), [
    ("she left later that same day", "later that same day"),
    ("he came back that evening", "that evening"),
    ("they met later that afternoon", "later that afternoon"),
    ("it was that same night", "that same night"),
    # negatives: not a scene's time
    ("a that nightclub sign", None),
    ("the night was cold", None),
    ("she left shortly afterwards", None),
])  # fmt: skip
def test_the_scene_words_are_the_dates_words(phrase: str, scene: str | None) -> None:
    """The time lent is the very expression dates.py counted from the last date."""
    found = SCENE_TIME.search(phrase)
    assert (found.group(0) if found else None) == scene
    if found:
        assert any(m.span() == found.span() for m in CONTEXT_RELATIVE.finditer(phrase))
