"""`AnyOf` answers as the alternation of its patterns does, and `alternation` matches as the words
sorted longest first do, only faster."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.text.patterns import AnyOf, alternation, top_level_bar

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


def _longest_first(words: list[str], space: str = r"\ ") -> str:
    return "|".join(re.escape(w).replace(r"\ ", space) for w in sorted(words, key=len, reverse=True))


@pytest.mark.parametrize(
    ("words", "text", "found"),
    [
        (["held", "help", "he"], "she helped", ["he", "help"]),  # "she" holds "he"; "help" before "he"
        (["court", "courthouse"], "the courthouse steps", ["courthouse"]),
        (["la", "la paz"], "in la paz", ["la paz"]),
        (["la", "la paz"], "la  paz", ["la"]),  # a literal space: two do not match one
        (["a.b"], "axb", []),  # the words are literal text, not patterns
        (["mayor"], "the major", []),
    ],
)
def test_alternation_table(words: list[str], text: str, found: list[str]) -> None:
    assert re.findall(alternation(words), text) == found


@given(
    st.lists(st.text(alphabet="ab .", min_size=1, max_size=4), min_size=1, max_size=8),
    st.text(alphabet="ab .\n", max_size=30),
)
def test_alternation_is_the_longest_first_alternation(words: list[str], text: str) -> None:
    bounded = r"\b(?:{})s?\b"
    for union, plain in [
        (alternation(words), _longest_first(words)),
        (bounded.format(alternation(words)), bounded.format(_longest_first(words))),
        (bounded.format(alternation(words, space=r"\s+")), bounded.format(_longest_first(words, space=r"\s+"))),
    ]:
        ours = [(m.span(), m.group(0)) for m in re.finditer(union, text)]
        assert ours == [(m.span(), m.group(0)) for m in re.finditer(plain, text)]


def test_alternation_space() -> None:
    assert re.fullmatch(alternation(["laid off"], space=r"\s"), "laid\noff")
    assert not re.fullmatch(alternation(["laid off"]), "laid\noff")
