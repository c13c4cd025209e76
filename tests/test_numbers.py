"""Numbers as news writes them, and the intervals their qualifiers stand for."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.text.numbers import interval, nearly_interval, parse_number_word, vague_interval


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("7", 7.0),
        ("1,150", 1150.0),
        ("12,000,000", 12_000_000.0),
        ("2.5", 2.5),
        ("one", 1.0),
        ("Three", 3.0),
        ("twelve", 12.0),
        ("nineteen", 19.0),
        ("forty", 40.0),
        ("twenty-five", 25.0),
        ("ninety nine", 99.0),
        ("2 1/2", 2.5),
        ("3½", 3.5),
        ("five hundred", 500.0),
        ("70 million", 70_000_000.0),
        ("two thousand", 2000.0),
        # not numbers, or not one number
        ("", None),
        ("dozens", None),
        ("several", None),
        ("twenty-ten", None),
        ("people", None),
    ],
)
def test_parse_number_word(raw: str, expected: float | None) -> None:
    assert parse_number_word(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a dozen", (12.0, 12.0)),
        ("dozens", (24.0, 99.0)),
        ("hundreds", (200.0, 999.0)),
        ("several", (3.0, 9.0)),
        ("a few", (2.0, 5.0)),
        ("Dozens", (24.0, 99.0)),
        ("three", None),
    ],
)
def test_vague_amounts_are_intervals(raw: str, expected: tuple[float, float] | None) -> None:
    assert vague_interval(raw) == expected


@pytest.mark.parametrize(
    ("number", "qualifier", "low", "high"),
    [
        (30, "exact", 30, 30),
        (20, "at least", 20, None),
        (50, "more than", 51, None),
        (2.5, "more than", 2.5, None),
        (150, "up to", 0, 150),
        (40, "at most", 0, 40),
        (10, "fewer than", 0, 9),
        (100, "about", 90, 110),
        (5, "about", 4, 6),
    ],
)
def test_interval_of_a_qualified_number(number: float, qualifier: str, low: float | None, high: float | None) -> None:
    assert interval(number, qualifier) == (low, high)


@pytest.mark.parametrize(
    ("number", "word", "low", "high"),
    [
        (300, "nearly", 270, 300),
        (300, "almost", 270, 300),
        (300, "around", 270, 330),
        (300, "about", 270, 330),
    ],
)
def test_nearly_sits_below_the_number(number: float, word: str, low: float, high: float) -> None:
    assert nearly_interval(number, word) == pytest.approx((low, high))


COUNTS = st.integers(min_value=1, max_value=10**7)


@given(COUNTS, st.sampled_from(["exact", "at least", "at most", "up to", "about"]))
def test_inclusive_qualifiers_contain_their_number(number: int, qualifier: str) -> None:
    low, high = interval(number, qualifier)
    assert low is None or low <= number
    assert high is None or number <= high


@given(COUNTS, st.sampled_from(["more than", "fewer than"]))
def test_strict_qualifiers_exclude_their_number(number: int, qualifier: str) -> None:
    low, high = interval(number, qualifier)
    assert not ((low is None or low <= number) and (high is None or number <= high))
