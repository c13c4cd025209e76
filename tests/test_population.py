"""Populations of places: phrase → place tables with negatives, and comparisons across sources.
Every phrase and place name is written for the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract_helpers import claims_file, compare_articles
from factcheck.compare.population import _sentences, population_of
from factcheck.models import QuantityClaim


def populations(body: str) -> set[tuple[str, str]]:
    cf, _ = claims_file(body)
    text = _sentences(cf)
    found = set()
    for c in cf.claims:
        if isinstance(c, QuantityClaim) and (place := population_of(c, text)) is not None:
            found.add((place, c.expression))
    return found


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The storm hit Velmora island, home to 80,000 people, on Sunday.", ("velmora", "80,000 people")),
        ("Boats reached Tarnis, a fishing town of about 9,000 residents.", ("tarnis", "about 9,000 residents")),
        ("Boats reached Tarnis, a town of Approximately 9,000 residents.", ("tarnis", "Approximately 9,000 residents")),
        ("Boats reached Tarnis, home to an estimated 9,000 people.", ("tarnis", "an estimated 9,000 people")),
        ("Crowds filled Tarnis - a maze of lanes home to 12,000 people - on Friday.", ("tarnis", "12,000 people")),
        (
            "The ferry to Velmora island was cancelled. The island, which has about 90,000 inhabitants, lost power.",
            ("velmora", "about 90,000 inhabitants"),
        ),
        (
            "Power failed on the island of Velmora on Sunday. The island, which has 90,000 residents, was cut off.",
            ("velmora", "90,000 residents"),
        ),
        (
            "Boats left Tarnis at dawn. Tarnis, which lies on the coast and is home to 4,000 people, was spared.",
            ("tarnis", "4,000 people"),
        ),
        (
            "Storms hit Tarnis island on Sunday. Velmora island lost power on Monday. "
            "The island, which has 9,000 residents, was cut off.",
            ("velmora", "9,000 residents"),  # the nearest island named before, not the first
        ),
        (
            "Storms hit Velmora island on Sunday. The island lost power on Monday. "
            "The island, which has 9,000 residents, was cut off.",
            ("velmora", "9,000 residents"),
        ),
    ],
)
def test_population_phrases(body: str, expected: tuple[str, str]) -> None:
    assert populations(body) == {expected}


@pytest.mark.parametrize(
    "body",
    [
        "The quake struck Velmora island on Sunday, killing 80 people.",  # a toll, not who lives there
        "The town of Tarnis sent 300 people to help with the harvest.",
        "Tarnis, home to the country's biggest port, sent 300 people to the coast.",
        "The island, which has 90,000 residents, lost power.",  # no island named anywhere
        "The island, which has 90,000 residents, lost power. Later, 40 people left Velmora island.",  # only after
        "Velmora, a city of 500 restaurants, opened a new one on Friday.",  # not people
        "A Gulf island was hit on Monday. The island, which has 9,000 residents, was cut off.",  # an adjective
    ],
)
def test_no_population(body: str) -> None:
    assert populations(body) == set()


ONE = "A storm hit Velmora island on Sunday. Velmora island, home to 80,000 people, lost power for a day.\n"
TWO = (
    "A storm hit Velmora island on Sunday and cut its power. "
    "The island, which has about 120,000 residents, was without light for a day.\n"
)
OTHER = "A storm hit Velmora island on Sunday. Ferries reached Tarnis, a town of 9,000 people, at night.\n"


def _population_findings(tmp_path: Path, articles: dict[str, str]) -> list[tuple[str, list[str]]]:
    report = compare_articles(tmp_path, articles)
    return [
        (f.subject, sorted(str(c.value) for c in f.claims)) for f in report.discrepancies if f.attribute == "population"
    ]


def test_two_populations_of_one_place_contradict(tmp_path: Path) -> None:
    assert _population_findings(tmp_path, {"one.txt": ONE, "two.txt": TWO}) == [
        ("Velmora", ["80,000 people", "about 120,000 residents"])
    ]


def test_populations_of_two_places_never_meet(tmp_path: Path) -> None:
    report = compare_articles(tmp_path, {"one.txt": ONE, "two.txt": OTHER})
    assert not [f for f in report.discrepancies if "9,000" in " ".join(str(c.value) for c in f.claims)]


# Figures close together, so no spread rule keeps them apart: only that one is a population.
@pytest.mark.parametrize(
    ("one", "two"),
    [
        (
            "A storm hit Velmora island on Sunday. Velmora island, home to 80,000 people, lost power.\n",
            "A storm hit Velmora island on Sunday. 75,000 people lost power.\n",
        ),
        (
            "The storm hit Velmora island, home to 80,000 people, on Sunday.\n",
            "The storm hit Velmora island on Sunday and 75,000 people lost power.\n",
        ),
    ],
)
def test_one_source_population_is_no_event_count(tmp_path: Path, one: str, two: str) -> None:
    report = compare_articles(tmp_path, {"one.txt": one, "two.txt": two})
    assert not [f for f in report.discrepancies if "80,000" in " ".join(str(c.value) for c in f.claims)]
