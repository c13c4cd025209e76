"""Causes of death and injury: phrase → (person, cause class, outcome, modality) tables with
negatives, the cause tree's verdicts, and comparisons across two sources. Every phrase is written
for the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract_helpers import claims_file, compare_articles, label_of
from factcheck.compare.causes import conflict
from factcheck.lexicons.causes import CAUSES, CauseTable
from factcheck.models import CauseClaim

LEAD = "The report reached the desk on Monday morning from the town council. "


def causes(body: str) -> set[tuple[str, str, str, str]]:
    cf, _ = claims_file(LEAD + body)
    return {(label_of(cf, c.subject), c.cause, c.outcome, c.modality) for c in cf.claims if isinstance(c, CauseClaim)}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Olaf Brenner, 40, died of his injuries in hospital.", ("injury", "died")),
        ("Olaf Brenner, 40, died from a drug overdose, police said.", ("overdose", "died")),
        ("Olaf Brenner, 40, died Saturday of natural causes.", ("natural", "died")),
        ("Olaf Brenner, 40, died in hospital from gunshot wounds.", ("gunshot", "died")),
        ("Olaf Brenner, 40, died as a result of head injuries.", ("injury", "died")),
        ("Olaf Brenner, 40, died of lung cancer at home.", ("cancer", "died")),
        ("Olaf Brenner, 40, succumbed to his wounds two days later.", ("injury", "died")),
        ("Olaf Brenner, 40, succumbed to complications from a stroke.", ("stroke", "died")),
        ("Olaf Brenner, 40, was shot dead outside a bar.", ("gunshot", "died")),
        ("Olaf Brenner, 40, was stabbed to death on the street.", ("stabbing", "died")),
        ("Olaf Brenner, 40, was beaten to death by a gang.", ("beating", "died")),
        ("Olaf Brenner, 40, drowned in the harbour.", ("drowning", "died")),
        ("Olaf Brenner, 40, was killed in a car crash.", ("traffic", "died")),
        ("Olaf Brenner, 40, was killed in an explosion near the port.", ("blast", "died")),
        ("Olaf Brenner, 40, was killed by a stray bullet.", ("gunshot", "died")),
        ("Olaf Brenner, 40, died after being hit by a bus.", ("traffic", "died")),
        ("Olaf Brenner, 40, died after slipping and falling from a roof.", ("fall", "died")),
        ("Olaf Brenner, 40, died after suffering a heart attack.", ("cardiac", "died")),
        ("Olaf Brenner, 40, was fatally stabbed in a park.", ("stabbing", "died")),
        ("Olaf Brenner, 40, died days after he was beaten by a mob.", ("beating", "died")),
        ("Olaf Brenner, 40, was found dead at home, of natural causes, police said.", ("natural", "died")),
        ("Olaf Brenner, 40, was found dead days after being assaulted.", ("violence", "died")),
        ("Olaf Brenner, 40, was buried on Friday. His death was caused by head injuries.", ("injury", "died")),
        ("Olaf Brenner, 40, was shot in the head and killed.", ("gunshot", "died")),
        ("Olaf Brenner, 40, was shot in the leg.", ("gunshot", "hurt")),
        ("Olaf Brenner, 40, was stabbed twice.", ("stabbing", "hurt")),
        ("Olaf Brenner, 40, was badly beaten.", ("beating", "hurt")),
        ("Olaf Brenner, 40, suffered stab wounds.", ("stabbing", "hurt")),
        ("Olaf Brenner, 40, was seriously injured in a road accident.", ("traffic", "hurt")),
        # a comma straight after the verb of dying, before an adverb of attribution
        ("Olaf Brenner, 40, died, reportedly of a heart attack, at his flat.", ("cardiac", "died")),
    ],
)
def test_cause_phrases(body: str, expected: tuple[str, str]) -> None:
    assert causes(body) == {("Olaf Brenner", *expected, "asserted")}


@pytest.mark.parametrize(
    "body",
    [
        "Olaf Brenner, 40, did not die of his injuries.",  # negated
        "Olaf Brenner, 40, was never shot.",
        "Did Olaf Brenner, 40, die of an overdose?",  # a question states nothing
        "Olaf Brenner, 40, suffered from heart disease for years.",  # an illness lived with, no cause
        "Olaf Brenner, 40, was beaten 3-1 in the final.",  # a defeat, not a beating
        "Olaf Brenner, 40, was shot at but not hit.",  # fired at
        "Olaf Brenner, 40, shot down the proposal.",
        "Olaf Brenner, 40, said the music drowned out the speeches.",
        "Olaf Brenner, 40, died on Tuesday at home.",  # a death with no cause
        "Olaf Brenner, 40, died of cardiac arrest.",  # a mechanism every death shares
        "No one was killed in the crash, Olaf Brenner, 40, said.",
        "A gunman shot to death one customer, Olaf Brenner, 40, said.",  # the victim is unnamed
        "Olaf Brenner, 40, died, while his brother recovered from gunshot wounds.",  # another clause's cause
        "Olaf Brenner, 40, died, but not from his injuries.",
    ],
)
def test_no_cause(body: str) -> None:
    assert causes(body) == set()


def test_active_voice_victim_is_the_object() -> None:
    assert causes("Police said a gunman shot dead Olaf Brenner, 40, in the street.") == {
        ("Olaf Brenner", "gunshot", "died", "asserted")
    }


@pytest.mark.parametrize(
    "body",
    [
        "Olaf Brenner, 40, is believed to have died of an overdose.",
        "Olaf Brenner, 40, died of a suspected overdose.",
        "Olaf Brenner, 40, died, apparently of an overdose, at home.",
    ],
)
def test_hedged_cause_is_possible(body: str) -> None:
    assert causes(body) == {("Olaf Brenner", "overdose", "died", "possible")}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the role an apposition gave one person of the story
        ("Olaf Brenner, a 40-year-old cameraman, was beaten. The cameraman died of his injuries.", {"Olaf Brenner"}),
        # another word of the role's class is not that person's role
        ("Olaf Brenner, a cameraman, and Ivo Tamm, a reporter, were beaten. The reporter died of his injuries.", set()),
        ("Olaf Brenner, a cameraman, was beaten. A neighbour died of his injuries.", set()),
    ],
)
def test_victim_named_by_role(body: str, expected: set[str]) -> None:
    assert {who for who, *_ in causes(body)} == expected


def test_cause_of_death_names_the_story_person() -> None:
    assert causes("Olaf Brenner, 40, was found in his flat. The cause of death was a gunshot wound.") == {
        ("Olaf Brenner", "gunshot", "died", "asserted")
    }


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("gunshot", "injury", None),  # finer and coarser words for one cause
        ("injury", "injury", None),
        ("overdose", "poisoning", None),
        ("injury", "overdose", "contradiction"),
        ("gunshot", "stabbing", "contradiction"),
        ("traffic", "gunshot", "contradiction"),
        ("natural", "injury", "contradiction"),
        ("respiratory", "cardiac", "divergence"),  # one illness may bring on another
        ("cardiac", "natural", None),
    ],
)
def test_cause_tree(a: str, b: str, expected: str | None) -> None:
    assert CAUSES.conflict(a, b) == expected
    assert CAUSES.conflict(b, a) == expected


def test_every_phrase_class_is_in_the_tree() -> None:
    for table in (CAUSES.nouns, CAUSES.verbs, CAUSES.events):
        assert set(table) <= set(CAUSES.classes)
    assert CAUSES.roots == {n for n, c in CAUSES.classes.items() if c.parent == "none"}


def test_a_cycle_in_the_tree_is_refused() -> None:
    with pytest.raises(ValueError, match="cycle"):
        CauseTable.model_validate(
            {
                "classes": {
                    "a": {"parent": "b", "children": "divergence", "label": "a"},
                    "b": {"parent": "a", "children": "divergence", "label": "b"},
                },
                "nouns": {},
                "verbs": {},
                "events": {},
                "vehicles": [],
                "hedges": [],
            }
        )


def _claim(cause: str, outcome: str = "died", modality: str = "asserted") -> CauseClaim:
    quote = f"Olaf Brenner, 40, died of {cause}."
    return CauseClaim(
        source="a.txt",
        start=0,
        end=len(quote),
        quote=quote,
        value_start=0,
        value_end=len(quote),
        subject="p:olaf brenner",
        subject_text="Olaf Brenner",
        rule="cause.test",
        cause=cause,
        outcome=outcome,
        modality=modality,
        expression=quote,
    )


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (_claim("injury"), _claim("overdose"), "contradiction"),
        (_claim("gunshot", "hurt"), _claim("gunshot"), None),  # "shot" and "shot dead": one cause
        (_claim("gunshot", "hurt"), _claim("stabbing"), "contradiction"),  # one attack, two weapons
        (_claim("gunshot", "hurt"), _claim("cardiac"), None),  # hurt one way, dead of another: no conflict
        (_claim("injury"), _claim("overdose", modality="possible"), "divergence"),  # only suspected
    ],
)
def test_two_sources_conflict(a: CauseClaim, b: CauseClaim, expected: str | None) -> None:
    assert conflict(a, b) == expected


INJURIES = (
    "12 March 2024\n\nOlaf Brenner dies days after beating\n\n"
    "Olaf Brenner, a 40-year-old sound engineer, died on Sunday. "
    "Olaf Brenner died of his injuries in hospital, his family said. "
)
OVERDOSE = (
    "12 March 2024\n\nSound engineer found dead\n\n"
    "Olaf Brenner, a 40-year-old sound engineer, died on Sunday. "
    "Investigators said Olaf Brenner died of a drug overdose. "
)
WOUNDS = (
    "12 March 2024\n\nSound engineer dies\n\n"
    "Olaf Brenner, a 40-year-old sound engineer, died on Sunday. "
    "Olaf Brenner succumbed to his wounds in hospital, his family said. "
)


def test_injuries_against_overdose_is_a_contradiction(tmp_path: Path) -> None:
    report = compare_articles(tmp_path, {"one.txt": INJURIES, "two.txt": OVERDOSE})
    found = [f for f in report.discrepancies if f.attribute == "cause of death"]
    assert len(found) == 1
    assert found[0].severity == "contradiction"
    assert {c.source for c in found[0].claims} == {"one.txt", "two.txt"}
    assert all(c.quote in (INJURIES + OVERDOSE) for c in found[0].claims)


def test_wounds_and_injuries_agree(tmp_path: Path) -> None:
    report = compare_articles(tmp_path, {"one.txt": INJURIES, "two.txt": WOUNDS})
    assert not [f for f in report.discrepancies if "cause" in f.attribute]
    assert [c for c in report.corroborations if c.attribute == "cause of death"]
