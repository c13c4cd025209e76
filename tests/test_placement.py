"""Where a named place lies: phrases → placements, and two sources' placements of one town set
against each other and the gazetteer. Every phrase is written for the test; the towns and
countries are real places the gazetteer knows, the people invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract_helpers import compare_articles
from factcheck.extract.mentions import tokens
from factcheck.extract.placement import find_placements
from factcheck.models import Report
from factcheck.resolve import fold


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("The ferry will dock at Porto in Portugal tomorrow.", [("porto", "portugal")]),
        ("He was held in Dakar, Senegal, for a week.", [("dakar", "senegal")]),
        ("The firm, based in Kyoto, Japan, said so.", [("Kyoto", "Japan")]),
        ("They sailed for Bergen on the Scandinavian Peninsula.", [("bergen", "scandinavian peninsula")]),
        ("The quake struck near Cusco in southern Peru.", [("cusco", "peru")]),
        ("Aid reached Gdansk (Poland) by road.", [("gdansk", "poland")]),
        ("The ship may head for Dakar on the coast of West Africa.", []),  # "the coast of": no region name
        ("The ship may head for Dakar in West Africa.", [("dakar", "west africa")]),
        ("Flights to Dakar in Africa resumed.", [("dakar", "africa")]),  # a continent from the gazetteer
        # negatives: a list, a country alone, a time, a person
        ("Flights to Lyon, Porto and Kyoto were cancelled.", []),
        ("Talks were held in Lyon, France and Spain.", []),
        ("Strikes hit Lyon, Porto, Portugal.", []),
        ("The role of France in Spain was debated.", []),  # a country alone is not placed
        ("He met officials in Lyon in March.", []),
        ("Anna Berg in Portugal said it was over.", []),
        ("Police in Portugal declined to comment.", []),  # a word that is also a small town's name
        ("He waited at Lyon (which has an airport) for days.", []),
        ("They met in Lyon on the way home.", []),
    ],
)
def test_placement_phrases(phrase: str, expected: list[tuple[str, str]]) -> None:
    folded = [(fold(place), fold(container)) for place, container in expected]
    assert [(p.place, p.container) for p in find_placements(tokens(phrase))] == folded


STORY = (
    "Anna Berg, a spokeswoman for the operators, said the crew was safe. "
    "Berg said the ship had been repaired at sea and would sail on within days."
)


def story(sentence: str) -> str:
    return f"Ship turned away from port\n\n17 March 2021\n\n{sentence} {STORY}\n"


def placement_findings(report: Report) -> list[tuple[str, list[str]]]:
    return [
        (f.severity, [c.value for c in sorted(f.claims, key=lambda c: c.source)])
        for f in report.discrepancies
        if f.attribute == "where it lies"
    ]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (
            "The cargo ship will unload at Porto in Spain, its next port of call.",
            "The cargo ship may head for Porto on the Iberian Peninsula.",
            [("contradiction", ["Porto in Spain", "Porto on the Iberian Peninsula"])],
        ),
        (
            "The cargo ship will unload at Dakar, Ghana, next week.",
            "The cargo ship will unload at Dakar in Senegal next week.",
            [("contradiction", ["Dakar, Ghana", "Dakar in Senegal"])],
        ),
        # negatives: both placements fit; a name two countries bear; a container the gazetteer
        # does not know; one placement only
        (
            "The cargo ship will unload at Porto in Portugal.",
            "The cargo ship will unload at Porto on the Iberian Peninsula.",
            [],
        ),
        (
            "The cargo ship will unload at Bergen in the Netherlands.",
            "The cargo ship will unload at Bergen in Norway.",
            [],
        ),
        (
            "The cargo ship will unload at Porto in Spain.",
            "The cargo ship will unload at Porto on the Atlantic coast.",
            [],
        ),
        (
            "The cargo ship will unload at Porto in Spain.",
            "The cargo ship will unload at Porto next week.",
            [],
        ),
    ],
)
def test_two_sources_place_one_town(tmp_path: Path, a: str, b: str, expected: list[tuple[str, list[str]]]) -> None:
    report = compare_articles(tmp_path, {"a.txt": story(a), "b.txt": story(b)})
    assert placement_findings(report) == expected


def test_one_source_alone_is_never_a_finding(tmp_path: Path) -> None:
    """A wrong placement with nothing to set it against says nothing: the finding needs a source."""
    text = story("The cargo ship will unload at Porto in Spain. It left Porto on the Iberian Peninsula at dawn.")
    report = compare_articles(tmp_path, {"a.txt": text, "b.txt": story("The cargo ship was turned away.")})
    assert placement_findings(report) == []
