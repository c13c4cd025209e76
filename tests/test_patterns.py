"""`AnyOf` answers as the alternation of its patterns does, only faster."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.text.patterns import AnyOf, top_level_bar, word_union

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


def _longest_first(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


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
def test_word_union_table(words: list[str], text: str, found: list[str]) -> None:
    assert re.findall(word_union(words), text) == found


@given(
    st.lists(st.text(alphabet="ab .", min_size=1, max_size=4), min_size=1, max_size=8),
    st.text(alphabet="ab .\n", max_size=30),
)
def test_word_union_matches_as_the_longest_first_alternation(words: list[str], text: str) -> None:
    bounded = r"\b(?:{})s?\b"
    for union, plain in [
        (word_union(words), _longest_first(words)),
        (bounded.format(word_union(words)), bounded.format(_longest_first(words))),
    ]:
        ours = [(m.span(), m.group(0)) for m in re.finditer(union, text)]
        assert ours == [(m.span(), m.group(0)) for m in re.finditer(plain, text)]


def test_word_union_space() -> None:
    assert re.fullmatch(word_union(["laid off"], space=r"\s"), "laid\noff")
    assert not re.fullmatch(word_union(["laid off"]), "laid\noff")
