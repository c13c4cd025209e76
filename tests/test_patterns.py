"""`AnyOf` answers as the alternation of its patterns does, only faster."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.text.patterns import AnyOf, top_level_bar

PATTERNS = [
    r"^sign up\b",
    r"^(?:tags?|topics?)\b",
    r"\bnewsletter\b",
    r"\b(?:monthly|annual) membership\b",
    r"\((?:photo|image)[^)]*\)\s*$",
    r"^a|c\b",  # an alternation of its own: never treated as anchored
    r"\bx[|]y",
    r"[\]|]z",
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sign up for the daily briefing", True),
        ("You can sign up at the door", False),  # anchored: only at the start
        ("Our newsletter arrives on Fridays", True),
        ("newsletters", False),
        ("An annual membership costs little", True),
        ("A view of the harbour (Photo: a reader)", True),
        ("The harbour (photo) at dawn", False),
        ("a", True),
        ("cd", False),
        ("x c", True),
        ("x|y", True),
        ("|z", True),
        ("", False),
    ],
)
def test_any_of_table(text: str, expected: bool) -> None:
    assert AnyOf(PATTERNS, re.IGNORECASE).search(text) is expected


@pytest.mark.parametrize(
    ("pattern", "bar"),
    [(r"^a|b", True), (r"^(?:a|b)", False), (r"\b[|]", False), (r"\(a\)|b", True), (r"[]|]", False), (r"\|", False)],
)
def test_top_level_bar(pattern: str, bar: bool) -> None:
    assert top_level_bar(pattern) is bar


@given(st.text(alphabet="abcxyz |()[]^\n\\-.", max_size=30), st.booleans())
def test_any_of_is_the_alternation(text: str, multiline: bool) -> None:
    flags = re.IGNORECASE | (re.MULTILINE if multiline else 0)
    assert AnyOf(PATTERNS, flags).search(text) == bool(re.compile("|".join(PATTERNS), flags).search(text))
