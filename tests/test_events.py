"""Events: a source's dated mentions of one event joined, events aligned one to one across sources,
and only aligned events' dates compared. Every phrase is written for the test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from extract_helpers import claims_file, dates
from factcheck.compare.events import (
    STATEMENT,
    Wording,
    align_events,
    event_kind,
    event_similarity,
    source_events,
)
from factcheck.extract.mentions import one_happening
from factcheck.models import DateClaim
from test_quality_causes import EDITOR, NEWSROOM, NO_FINDING, QUIET, Expected, assert_findings, compare_accounts

PUBLISHED = dt.date(2022, 7, 20)  # a Wednesday, the stories' dateline


@pytest.mark.parametrize(
    ("sentence", "words", "kind"),
    [
        pytest.param("Police detained the reporter on Friday.", "Friday", "detained", id="active-detained"),
        pytest.param("The reporter was arrested on Friday.", "Friday", "detained", id="arrested-is-detained"),
        pytest.param("The reporter was released on Friday.", "Friday", "released", id="released-is-another-state"),
        pytest.param(
            "The reporter was detained on Friday, police said Saturday.", "Friday", "detained", id="detained-friday"
        ),
        pytest.param(
            "The reporter was detained on Friday, police said Saturday.", "Saturday", STATEMENT, id="said-saturday"
        ),
        pytest.param(
            "Police on Saturday said the reporter was detained.", "Saturday", STATEMENT, id="on-saturday-said"
        ),
        pytest.param(
            "The ministry said at a briefing on Thursday that the reporter was detained.",
            "Thursday",
            STATEMENT,
            id="said-at-a-briefing",
        ),
        pytest.param(
            "Police detained the reporter on Monday, the ministry announced on Tuesday.",
            "Tuesday",
            "announce",
            id="announced",
        ),
        pytest.param("The reporter was found dead on Tuesday.", "Tuesday", "found dead", id="found-dead"),
        pytest.param("The reporter died on Saturday, the coroner believes.", "Saturday", "died", id="died"),
        pytest.param("The reporter was convicted on Monday of fraud.", "Monday", "convicted", id="convicted"),
        pytest.param("The reporter was sentenced on Monday to two years.", "Monday", "sentenced", id="sentenced"),
        pytest.param("The reporter was sentenced for the 2 May assault.", "2 May", "attacked", id="date-modifies-noun"),
        pytest.param(
            "A reporter sentenced to ten years in prison pulled a knife on two guards during a transfer on Monday.",
            "Monday",
            "pull",
            id="listed-word-of-another-clause",
        ),
        pytest.param(
            "The reporter sentenced to ten years pulled a knife on Monday.", "Monday", "pull", id="listed-near"
        ),
    ],
)
def test_event_kind(sentence: str, words: str, kind: str) -> None:
    claims = [c for c in all_dates(sentence) if words in c.expression]
    assert claims, sentence
    assert event_kind(claims[0])[0] == kind


def all_dates(body: str) -> list[DateClaim]:
    """The date claims of `body`, the listed rules' and the open ones'."""
    cf, _ = claims_file(body, published=PUBLISHED)
    return [c for c in cf.claims if isinstance(c, DateClaim)]


@pytest.mark.parametrize(("sentence", "words", "rule", "event"), [
    # a listed word of another verb's phrase: the date is its clause's predicate's, dated by the open rule
    ("A guard convicted of fraud punched a reporter on Friday.", "Friday", "mention", "punch"),
    ("The journalist released on Friday thanked her lawyers on Saturday.", "Saturday", "mention", "thank"),
    # ... or the listed event that predicate names, not the nearest listed word
    ("The reporter, who was arrested on Monday, was released on Friday.", "Friday", "date", "release"),
    ("The activist freed on Tuesday was detained again on Thursday.", "Thursday", "date", "detain"),
    # negatives: the listed word is the date's predicate, is no predicate, or names a state's end
    ("The reporter, who was arrested on Monday, was released on Friday.", "Monday", "date", "detain"),
    ("The journalist released on Friday thanked her lawyers on Saturday.", "Friday", "date", "release"),
    ("The reporter was sentenced on Monday to two years.", "Monday", "date", "sentence"),
    ("The striker signed a contract with the club until 2031.", "2031", "date", "contract"),
])  # fmt: skip
def test_listed_date_takes_its_clause_predicate(sentence: str, words: str, rule: str, event: str) -> None:
    """The listed date rule dates the event its clause's predicate names (frames.date_predicate),
    not the nearest listed word when that word is another verb's."""
    found = [(c.rule_family, c.event) for c in all_dates(sentence) if words in c.expression]
    assert found == [(rule, event)]


@pytest.mark.parametrize(
    ("body", "events"),
    [
        pytest.param(
            "Police detained the reporter Nadia Voss on 3 March. Voss was detained on 9 June in the capital.",
            2,
            id="two-detentions-months-apart",
        ),
        pytest.param(
            "Police detained the reporter Nadia Voss on 3 March. Voss was detained on 3 March at her home.",
            1,
            id="one-detention-told-twice",
        ),
        pytest.param(
            "Police detained the reporter Nadia Voss on 3 March. Voss was released on 5 March.",
            2,
            id="detention-and-release",
        ),
        pytest.param(
            "Police detained the reporter Nadia Voss on Monday. Voss was detained again on Tuesday.",
            2,
            id="again-is-another-event",
        ),
    ],
)
def test_source_events(body: str, events: int) -> None:
    claims = dates(body, published=PUBLISHED)
    assert len(source_events(claims, {})) == events


def test_alignment_is_one_to_one() -> None:
    """One source's two detentions of a person, another's one: the one aligns with the detention
    of its day, the other detention with nothing."""
    twice = dates("Nadia Voss was detained on 3 March. Nadia Voss was detained on 9 June.", published=PUBLISHED)
    once = [c.model_copy(update={"source": "b.txt"}) for c in dates("Nadia Voss was detained on 9 June.", PUBLISHED)]
    alignment = align_events({"story.txt": twice, "b.txt": once}, {})
    assert len(alignment.aligned) == 1
    march, june = sorted(twice, key=lambda c: c.value_start)
    assert alignment.same_event(june, once[0])
    assert not alignment.same_event(march, once[0])


DETAINED_IN_JULY = "Police detained the reporter Nadia Voss on 18 July."


@pytest.mark.parametrize(
    ("story", "accounts", "expected"),
    [
        pytest.param(
            NEWSROOM,
            [f"{DETAINED_IN_JULY} Voss had been detained on 2 March in another case.", DETAINED_IN_JULY],
            NO_FINDING,
            id="two-detentions-months-apart",
        ),
        pytest.param(
            NEWSROOM,
            [DETAINED_IN_JULY, "The reporter Nadia Voss was detained by police on 19 July."],
            [("contradiction", "date")],
            id="control-one-detention-two-days",
        ),
        pytest.param(
            NEWSROOM,
            [DETAINED_IN_JULY, "Nadia Voss, a reporter, was detained by police on Monday."],
            NO_FINDING,
            id="active-and-passive-same-day",
        ),
        pytest.param(
            NEWSROOM,
            [DETAINED_IN_JULY, "Nadia Voss, a reporter, was detained by police on Tuesday."],
            [("contradiction", "date")],
            id="active-and-passive-weekday-contradicts",
        ),
        pytest.param(
            NEWSROOM,
            [f"{DETAINED_IN_JULY} Voss was first detained in 2019, on 4 May.", DETAINED_IN_JULY],
            NO_FINDING,
            id="background-event-in-another-year",
        ),
        pytest.param(
            NEWSROOM,
            ["Nadia Voss was detained on Monday, her lawyer said Tuesday.", "Nadia Voss was detained on Monday."],
            NO_FINDING,
            id="the-day-of-a-statement",
        ),
        pytest.param(
            NEWSROOM,
            ["Nadia Voss died on 14 July, the coroner said.", "Nadia Voss was found dead on 16 July."],
            NO_FINDING,
            id="death-before-the-finding-of-the-body",
        ),
        pytest.param(
            NEWSROOM,
            ["Nadia Voss died on 18 July, the coroner said.", "Nadia Voss was found dead on 16 July."],
            [("contradiction", "date")],
            id="death-after-the-finding-of-the-body",
        ),
        pytest.param(
            EDITOR,
            ["Rauf Hasanli was sentenced for the 2 May assault.", "Rauf Hasanli was sentenced on 18 July."],
            NO_FINDING,
            id="a-date-that-modifies-a-noun",
        ),
        pytest.param(
            NEWSROOM,
            [f"{DETAINED_IN_JULY} Police said Voss was detained on Sunday near the bridge.", QUIET],
            [("contradiction", "weekday")],
            id="weekday-against-the-date-of-the-same-event",
        ),
        pytest.param(
            NEWSROOM,
            [f"{DETAINED_IN_JULY} Voss was detained on Monday near the bridge.", QUIET],
            NO_FINDING,
            id="weekday-that-is-the-date",
        ),
        pytest.param(
            NEWSROOM,
            ["Police detained Nadia Voss on 18 July. Her next court hearing is on Friday.", QUIET],
            NO_FINDING,
            id="weekday-of-another-event",
        ),
    ],
)
def test_dates_of_aligned_events(tmp_path: Path, story: object, accounts: list[str], expected: Expected) -> None:
    assert_findings(compare_accounts(tmp_path, story, accounts), expected)  # type: ignore[arg-type]


def test_a_weekday_weeks_from_a_date_weighs_against_one_event() -> None:
    """'on Monday' names a day of the story's week: a date two months off is likely another event."""
    monday = dates("Nadia Voss was detained on Monday.", published=PUBLISHED)
    near = dates("Nadia Voss was detained on 18 July.", published=PUBLISHED)
    far = dates("Nadia Voss was detained on 2 May.", published=PUBLISHED)
    (m, _), (n, _), (f, _) = (source_events(claims, {})[0] for claims in (monday, near, far))
    assert m.weekday_days == (dt.date(2022, 7, 18),)
    words = Wording(frozenset(), frozenset())
    assert event_similarity(m, n, words, words) - event_similarity(m, f, words, words) == pytest.approx(0.3)


@pytest.mark.parametrize(
    ("a", "b", "one"),
    [
        ("attacked", "killed", True),
        ("shot", "killed", True),
        ("stabbed", "injured", True),
        ("televise", "broadcast", True),
        # One class, two acts on two days; or no happening at all.
        ("convicted", "sentenced", False),
        ("detained", "released", False),
        ("killed", "died", False),
        ("televise", "hand", False),
        ("killed", "killed", False),  # the same kind is not a synonym, it is the kind
    ],
)
def test_one_happening(a: str, b: str, one: bool) -> None:
    assert one_happening(a, b) is one
    assert one_happening(b, a) is one


@pytest.mark.parametrize(
    ("story", "accounts", "expected"),
    [
        pytest.param(
            NEWSROOM,
            [
                "A gunman shot Nadia Voss outside the courthouse on 18 July.",
                "Nadia Voss was killed outside the courthouse on 19 July.",
            ],
            [("contradiction", "date")],
            id="shot-and-killed-one-act-two-days",
        ),
        pytest.param(
            NEWSROOM,
            [
                "A gunman shot Nadia Voss outside the courthouse on 18 July.",
                "Nadia Voss was killed outside the courthouse on 18 July.",
            ],
            NO_FINDING,
            id="shot-and-killed-one-act-one-day",
        ),
        pytest.param(
            EDITOR,
            ["Rauf Hasanli was convicted of fraud on 18 July.", "Rauf Hasanli was sentenced for fraud on 19 July."],
            NO_FINDING,
            id="convicted-and-sentenced-two-acts",
        ),
        pytest.param(
            NEWSROOM,
            [
                "Nadia Voss was attacked outside the courthouse on 18 July.",
                "Nadia Voss was released outside the courthouse on 19 July.",
            ],
            NO_FINDING,
            id="attacked-and-released-two-happenings",
        ),
    ],
)
def test_dates_of_one_happening(tmp_path: Path, story: object, accounts: list[str], expected: Expected) -> None:
    assert_findings(compare_accounts(tmp_path, story, accounts), expected)  # type: ignore[arg-type]


def test_of_equally_alike_events_the_same_kind_aligns(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two events of another source alike in every other way (the share of their words is capped):
    the one of the same kind aligns, whatever order their ids sort in."""
    monkeypatch.setattr("factcheck.compare.events.event_similarity", lambda *_: 0.8)
    held = dates("Nadia Voss was detained on 3 March.", published=PUBLISHED)
    orders = [("released on 4 March", "detained on 5 March"), ("detained on 5 March", "released on 4 March")]
    for first, second in orders:
        body = f"Nadia Voss was {first}. Nadia Voss was {second}."
        other = [c.model_copy(update={"source": "b.txt"}) for c in dates(body, published=PUBLISHED)]
        alignment = align_events({"story.txt": held, "b.txt": other}, {})
        detained = next(c for c in other if "5 March" in c.expression)
        assert alignment.same_event(held[0], detained), body
