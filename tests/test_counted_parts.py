"""Counts of parts told by a hyphenated modifier: "six twin-engine planes" counts six planes and
twelve engines, which another source may count instead. Phrases written for the test; the
negatives are measures, ages, frequencies and modifiers that say no number."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract_helpers import claims_file, compare_articles
from factcheck.extract.mentions import find_numbers, tokens


def parts(text: str) -> list[tuple[str, float, str | None]]:
    """The derived counts of a sentence: (words, value, counted noun) of each count whose words
    are more than the number and one word, and whose noun is not the phrase's head."""
    out = []
    for n in find_numbers(text, tokens(text)):
        words = text[n.start : n.end]
        if n.dimension == "count" and n.noun is not None and "-" in words and n.noun not in words.split()[-1]:
            out.append((words, n.value, n.noun))
    return out


@pytest.mark.parametrize(("text", "expected"), [
    ("Six twin-engine planes landed at dawn.", [("Six twin-engine planes", 12, "engine")]),
    ("The builder sold 40 three-bedroom flats.", [("40 three-bedroom flats", 120, "bedroom")]),
    ("They rented 3 quad-rotor drones for the survey.", [("3 quad-rotor drones", 12, "rotor")]),
    ("The firm shipped 200 single-chip boards last year.", [("200 single-chip boards", 200, "chip")]),
    ("Crews towed 12 twin-trailer trucks away.", [("12 twin-trailer trucks", 24, "trailer")]),
    ("The fleet has 5 triple-hull ferries.", [("5 triple-hull ferries", 15, "hull")]),
    ("About 30 four-door cars were recalled.", [("About 30 four-door cars", 120, "door")]),
    # negatives: a measure, a duration, an age, a frequency, a rank, no number in the modifier
    ("Workers stacked 12 20-foot containers on the quay.", []),
    ("The council held seven two-hour sessions.", []),
    ("Police questioned five 10-year-old boys.", []),
    ("The club has four three-time winners.", []),
    ("Two four-star generals resigned.", []),
    ("They bought three state-owned farms.", []),
    ("He ran 15 well-known shops.", []),
    ("Dozens of twin-engine planes landed.", []),
    # a size told in digits, a term of office, a margin or a run of a contest
    ("The side has three double-digit wins this year.", []),
    ("Two six-figure salaries were paid to the advisers.", []),
    ("The party fielded four two-term mayors.", []),
    ("The visitors held two three-goal leads.", []),
    ("The club ended three five-game losing streaks.", []),
    ("She hit two three-run homers.", []),
])  # fmt: skip
def test_a_modifier_that_numbers_parts_counts_them(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert parts(text) == expected


@pytest.mark.parametrize(("text", "count"), [
    ("Six twin-engine planes landed at dawn.", 6),
    ("Rescuers found 14 twin-hull boats adrift.", 14),
])  # fmt: skip
def test_the_things_themselves_are_still_counted(text: str, count: float) -> None:
    values = [n.value for n in find_numbers(text, tokens(text))]
    assert values[0] == count


HANGAR = (
    "Air museum opens new hangar\n\nThe museum bought {planes} for its new hangar last spring, its director said.\n"
)


@pytest.mark.parametrize(("first", "second", "found"), [
    # the parts one source counts by a modifier against the parts another counts in words
    ("six twin-engine planes", "The museum now has 14 engines on show, its director said.", True),
    ("six twin-engine planes", "The museum now has 12 engines on show, its director said.", False),
    # negatives: with two figures for the parts in one source, the sentences' words alone decide
    ("six twin-engine planes", "The museum has 14 engines on show and 3 engines in store, its director said.", False),
    ("six planes", "The museum now has 14 engines on show, its director said.", False),
])  # fmt: skip
def test_parts_one_source_implies_meet_the_parts_another_counts(
    tmp_path: Path, first: str, second: str, found: bool
) -> None:
    a = HANGAR.format(planes=first)
    b = f"Air museum opens new hangar\n\n{second}\n"
    report = compare_articles(tmp_path, {"a.txt": a, "b.txt": b})
    engines = [f for f in report.discrepancies if "engine" in f.attribute]
    assert bool(engines) == found
    for finding in engines:
        assert any("(12 engines)" in ref.value for ref in finding.claims)  # the parts, said as counted


@pytest.mark.parametrize(("count", "shown"), [
    ("six twin-engine planes", "six twin-engine planes (12 engines)"),
    ("2,000 twin-engine planes", "2,000 twin-engine planes (4,000 engines)"),
    ("two million twin-engine planes", "two million twin-engine planes (4,000,000 engines)"),
])  # fmt: skip
def test_a_count_of_parts_shows_the_parts_in_plain_digits(count: str, shown: str) -> None:
    cf, _ = claims_file(f"Harbour Gazette\n\nThe airline bought {count} for its routes, the company said on Monday.\n")
    assert [c.display_value() for c in cf.claims if c.rule == "mention.parts"] == [shown]
