"""Places: phrases → places, places → claims of their event, and places of one event compared
across sources. Every phrase is written for the test; the towns are real places the gazetteer
knows, the people and streets invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract_helpers import claims_file, compare_articles
from factcheck.extract.places import find_places, inside, same_place
from factcheck.models import PlaceClaim, Report


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("He was held in Lyon.", [("Lyon", "city", "in", True)]),
        ("They met outside the courthouse.", [("courthouse", "site", "outside", False)]),
        ("She was found at her home.", [("home", "site", "at", False)]),
        ("He lived on Birchwood Road.", [("Birchwood Road", "street", "on", True)]),
        ("They marched into the Central Bus Station.", [("Central Bus Station", "site", "in", True)]),
        ("He waited in a small second-floor apartment.", [("small second-floor apartment", "site", "in", False)]),
        ("The shots rang out in the court room.", [("court room", "room", "in", False)]),
        (
            "He was seized at a Birchwood Street flat.",
            [("Birchwood Street flat", "site", "at", True), ("Birchwood Street", "street", "on", True)],
        ),
        ("He was kept in Kole's apartment.", [("Kole's apartment", "site", "in", False)]),
        ("The rally began near Harbour Square.", [("Harbour Square", "square", "near", True)]),
        # negatives: no place
        ("He was arrested on Monday.", []),
        ("She was held on charges of fraud.", []),
        ("The ministry said in a statement that he left.", []),
        ("In January he moved away.", []),
        ("He spoke in English at length.", []),
        ("She lives on the island with him.", []),
        ("He posted it on Facebook.", []),
        ("They met in Kole's words.", []),
    ],
)
def test_place_phrases(phrase: str, expected: list[tuple[str, str, str, bool]]) -> None:
    assert [(p.name, p.level, p.relation, p.named) for p in find_places(phrase)] == expected


@pytest.mark.parametrize(
    ("phrase", "within"),
    [
        ("He was arrested at his home in Lyon.", ("lion",)),
        ("She was held at the police station of Lyon.", ("lion",)),
        ("They gathered in Lyon's main square.", ("lion",)),
        ("He was born in Atlanta, Georgia.", ("georgia",)),
        ("He was held at the home of Varga.", ()),  # a person, not a place
        ("He was held at Varga's home.", ()),
        ("A bomb went off at a Lyon bank.", ("lion",)),  # a town before a place noun: where it is
    ],
)
def test_what_the_sentence_puts_a_place_in(phrase: str, within: tuple[str, ...]) -> None:
    assert find_places(phrase)[0].within == within


@pytest.mark.parametrize(
    ("a", "b", "same", "a_in_b"),
    [
        ("in the courtroom", "outside the courthouse", False, True),  # a room of that kind of site
        ("in the court room", "in the courtroom", True, True),
        ("in Lyon", "in France", False, True),  # a city in its country
        ("in Atlanta", "in Georgia", False, True),  # a city in its state
        ("in Lyon", "in Spain", False, False),
        ("on Aliyev Street", "on Aliev Street", True, True),  # a transliteration is one name
        ("on Birchwood Road", "on Birchwood Street", False, False),  # two streets, however alike
        ("at the District Court", "at the Lyon District Court", True, True),
        ("at his home in Lyon", "in Lyon", False, True),
        ("in Lyon", "in Marseille", False, False),
    ],
)
def test_same_place_and_inside(a: str, b: str, same: bool, a_in_b: bool) -> None:
    (pa,), (pb,) = find_places(a)[:1], find_places(b)[:1]
    assert same_place(pa, pb) is same
    assert inside(pa, pb) is a_in_b


def place_claims(body: str) -> list[tuple[str, str | None]]:
    cf, _ = claims_file(body)
    return [(c.expression, c.event) for c in cf.claims if isinstance(c, PlaceClaim)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Tom Varga was shot outside the courthouse.", [("outside the courthouse", "shoot")]),
        ("Police arrested Tom Varga in Lyon on Monday.", [("in Lyon", "arrest")]),
        ("Tom Varga was arrested in Lyon on Monday.", [("in Lyon", "arrest")]),  # passive: the same place
        ("Outside the courthouse, two men were arrested.", [("Outside the courthouse", "arrest")]),
        ("He was killed at his home in Lyon.", [("at his home", "kill"), ("in Lyon", "kill")]),
        ("A man stormed into the bank and shot two guards.", [("into the bank", "shoot")]),  # coordinated verbs
        ("Tom Varga was filming in Lyon when he was told.", [("in Lyon", "film")]),  # an unlisted verb
        # negatives: a place of no listed event, or of another verb
        ("Tom Varga, a lawyer in Lyon, spoke to reporters.", []),
        ("A radio station in Lyon is reporting that Tom Varga was arrested.", []),
        ("The arrest will not change his plans for the long summer holiday trip to the coast in Spain.", []),
        ("The weather in Lyon was mild.", []),
    ],
)
def test_place_claims_belong_to_their_event(body: str, expected: list[tuple[str, str | None]]) -> None:
    assert place_claims(body) == expected


def test_place_claims_carry_evidence_that_slices_back() -> None:
    cf, text = claims_file("Tom Varga was shot outside the courthouse on Monday.")
    (claim,) = [c for c in cf.claims if isinstance(c, PlaceClaim)]
    assert text[claim.start : claim.end] == claim.quote
    assert text[claim.value_start : claim.value_end] == "outside the courthouse"
    assert claim.frame is not None
    assert claim.frame.patients == ("tom varga",)


STORY = (
    "Anna Berg, a lawyer for the family, said the hearing would be held later this month. "
    "Berg said the family had asked the court for the video of the day. "
    "The family said Berg would speak to reporters again after the hearing."
)


def story(sentence: str) -> str:
    return f"Teacher shot after a hearing\n\n17 March 2021\n\n{sentence}\n\n{STORY}\n"


def compare(tmp_path: Path, a: str, b: str) -> Report:
    return compare_articles(tmp_path, {"a.txt": story(a), "b.txt": story(b)})


def place_findings(report: Report) -> list[tuple[str, list[str]]]:
    return [
        (f.severity, [c.value for c in sorted(f.claims, key=lambda c: c.source)])
        for f in report.discrepancies
        if f.attribute.startswith("place")
    ]


def place_agreements(report: Report) -> list[str]:
    return [c.value for c in report.corroborations if c.attribute.startswith("place")]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (
            "The teacher Tom Varga was shot outside the courthouse.",
            "The teacher Tom Varga was shot in the courtroom.",
            [("contradiction", ["outside the courthouse", "in the courtroom"])],
        ),
        (
            "Police said Tom Varga was arrested in Lyon on Monday.",
            "Police said Tom Varga was arrested in Madrid on Monday.",
            [("divergence", ["in Lyon", "in Madrid"])],  # two cities: a divergence (one may be a suburb)
        ),
        (
            "Police said Tom Varga was arrested in Lyon on Monday.",
            "Police said Tom Varga was arrested in Marseille on Monday.",
            [("divergence", ["in Lyon", "in Marseille"])],
        ),
        (
            "Tom Varga was arrested in Portugal on Monday.",
            "Tom Varga was arrested in Spain on Monday.",
            [("contradiction", ["in Portugal", "in Spain"])],  # two countries
        ),
        (
            "Tom Varga was arrested in a flat on Birchwood Road.",
            "Tom Varga was arrested at a Linden Street flat.",
            [("contradiction", ["on Birchwood Road", "Linden Street"])],
        ),
        # the same agent named two ways aligns the event: "Tom Varga" and "Varga"
        (
            "Police said Tom Varga was detained in Lyon on Monday.",
            "Police said Varga was detained in Madrid on Monday.",
            [("divergence", ["in Lyon", "in Madrid"])],
        ),
    ],
)
def test_places_of_one_event_in_conflict(tmp_path: Path, a: str, b: str, expected: list[tuple[str, list[str]]]) -> None:
    found = place_findings(compare(tmp_path, a, b))
    assert len(found) == len(expected)
    for (severity, values), (want_severity, want_values) in zip(found, expected, strict=True):
        assert severity == want_severity
        assert all(any(w in v for v in values) for w in want_values)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Police said Tom Varga was arrested in Lyon.", "Police said Tom Varga was arrested in France."),
        ("Tom Varga was arrested on Birchwood Road.", "Tom Varga was arrested in Lyon."),  # a street in a city
        ("Tom Varga was arrested at his home in Lyon.", "Tom Varga was arrested in Lyon."),
        ("Tom Varga was arrested on Aliyev Street.", "Tom Varga was arrested on Aliev Street."),  # transliteration
        ("Tom Varga was arrested in Lyon.", "Rosa Lind was arrested in Madrid."),  # two people: two events
        ("Tom Varga was arrested in Madrid in 2003.", "Tom Varga was arrested in Lyon on Monday."),  # background
        ("Tom Varga was arrested again in Madrid.", "Tom Varga was arrested in Lyon."),  # another arrest
        ("Police plan to arrest Tom Varga in Madrid.", "Tom Varga was arrested in Lyon."),  # not an account
        # one source's only death with a place is a named man's, the other's an unnamed woman's
        ("Varga was pronounced dead at Lyon Hospital.", "A woman was pronounced dead at Central Hospital."),
        ("Tom Varga was shot near the courthouse.", "Tom Varga was shot in the courtroom."),
        ("Tom Varga was arrested at the Grand Hotel.", "Tom Varga was arrested at the Lyon Hospital."),
        ("Tom Varga was arrested in Surbiton.", "Tom Varga was arrested in London."),  # a town may be a district
        ("Tom Varga was shot at the store.", "Tom Varga was shot outside the store."),  # "at": its car park too
    ],
)
def test_compatible_places_give_no_finding(tmp_path: Path, a: str, b: str) -> None:
    assert place_findings(compare(tmp_path, a, b)) == []


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # a year cue the other sentence gives as its date's year: one birth, not another time
        (
            "Born in 1950 in Lyon, the singer Rosa Lind grew up poor.",
            "The singer was born Rosa Lind on 3 May 1950 in Madrid.",
        ),
        # a name one frame gives and the other sentence names outside its frame
        (
            "The actor was filming a Northwind series in Lyon when he was cast.",
            "The actor learned of the part while filming in Madrid for Northwind's new series.",
        ),
    ],
)
def test_places_of_one_event_told_apart_in_frames_conflict(tmp_path: Path, a: str, b: str) -> None:
    assert place_findings(compare(tmp_path, a, b)) == [("divergence", ["in Lyon", "in Madrid"])]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # the other sentence names the year of something else: another time still
        ("Tom Varga was arrested in Madrid in 2003.", "Tom Varga, wanted since 2003, was arrested in Lyon on Monday."),
        # a name on one side only, which the other sentence does not name
        ("The actor was filming a Northwind series in Lyon.", "The crew was filming in Madrid."),
    ],
)
def test_places_of_other_times_or_people_stay_apart(tmp_path: Path, a: str, b: str) -> None:
    assert place_findings(compare(tmp_path, a, b)) == []


def test_the_one_nameless_event_of_a_kind_in_each_source_aligns(tmp_path: Path) -> None:
    a = "A climber fell to his death on a mountain in Portugal, the police said."
    b = "A climber fell to his death in Spain, the mountain police said."
    assert place_findings(compare(tmp_path, a, b)) == [("contradiction", ["in Portugal", "in Spain"])]


@pytest.mark.parametrize(
    ("a", "b", "value"),
    [
        ("Tom Varga was arrested in Harbour Square.", "Tom Varga was arrested in Lyon's Harbour Square.", "Harbour"),
        ("Tom Varga was shot in the court room.", "Tom Varga was shot in the courtroom.", "court"),
        ("Tom Varga was arrested on Aliyev Street.", "Tom Varga was arrested on Aliev Street.", "Ali"),
    ],
)
def test_one_place_named_two_ways_corroborates(tmp_path: Path, a: str, b: str, value: str) -> None:
    report = compare(tmp_path, a, b)
    assert place_findings(report) == []
    assert any(value in v for v in place_agreements(report))
