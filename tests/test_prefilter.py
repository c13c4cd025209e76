"""The quick whole-sentence tests never rule out a pattern that matches: they only save time."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import context, dates, frames, quantities, slots, status
from factcheck.text.prefilter import _ASCII_LOOKALIKES, Caseless, folded, literals, may_match, may_match_piece

EVENT_PATTERNS = [p for *_, p in dates._date_events()] + list(quantities.EVENTS.values())
CLAUSE_PATTERNS = [frames.PLACE, frames.CUE, frames.YEAR, frames.TIME]
# Words of the patterns in several cases, the letters IGNORECASE matches to ASCII ones, and marks.
PIECES = ["Detained", "ARREST", "killed", "quaKe", "deal", "ſhot", "İnjured", "hıt", "\u212aill", "set", " free",
          "found", " dead", "Posted", " ", ",", "’", "x", "court", " ruled", "letters to", "in ", "Ganton", "again",
          "earlier", "1999", "in 2003", "on Friday", "March 3", "the ", "AFTERSHOCKS"]  # fmt: skip


def test_no_other_letter_matches_an_ascii_letter_ignoring_case() -> None:
    others = "".join(chr(c) for c in range(128, sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    assert set(re.findall(r"[a-z]", others, re.IGNORECASE)) <= _ASCII_LOOKALIKES


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (r"\b(?:detained|taken\s+into\s+custody)", ("detained", "taken")),
        (r"\b(?:aftershocks?|finali[sz]ed)[\w-]*", ("aftershock", "finali")),
        (r"\b(?:go+d|de(?:ad|ath))", ("go", "de")),
        (r"\b(?:a[|]b|cd)", ("a", "cd")),
        (r"\b(?:abc)?", None),  # the group may be skipped
        (r"\b(?:ab)|cd", None),  # another alternative outside the group
        (r"\b(?:ab|[^]|]x)", None),  # an alternative with no leading letters
        (r"(?:ab|cd)", None),
    ],
)
def test_literals(pattern: str, words: tuple[str, ...] | None) -> None:
    assert literals(re.compile(pattern, re.IGNORECASE)) == words


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=20).map("".join), st.integers(0, 200), st.integers(0, 200))
def test_a_pattern_found_in_a_window_or_a_piece_is_never_ruled_out(s: str, lo: int, hi: int) -> None:
    for pattern in EVENT_PATTERNS:
        if next(pattern.finditer(s, lo, hi), None) is not None:
            assert may_match(pattern, s), pattern.pattern
    for pattern in CLAUSE_PATTERNS:
        if pattern.search(s[lo:hi]) is not None:
            assert may_match_piece(pattern, s), pattern.pattern


CASELESS = [
    quantities.MAY_COUNT,
    slots.MAY_UNDISCLOSE,
    status.MAY_STATUS,
    Caseless(re.compile(r"\b(?:shot|kill(?:ed)?|free)\b|\d\s?dead", re.IGNORECASE)),
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*PIECES, "fired", "FIRED", "Twenty", "undisclosed", "9", "e", "Σ"]), max_size=12))
def test_caseless_answers_as_its_pattern(pieces: list[str]) -> None:
    text = "".join(pieces)
    for pattern in CASELESS:
        ours, theirs = pattern.search(text), pattern.pattern.search(text)
        assert (ours and ours.span()) == (theirs and theirs.span()), (pattern.pattern.pattern, text)


@pytest.mark.parametrize(
    ("pattern", "flags"),
    [
        (r"\bfired\b", 0),  # case-sensitive already
        (r"\b[A-Z]\w+", re.IGNORECASE),  # an upper-case letter
        (r"\b(?-i:x)y", re.IGNORECASE),  # case-sensitive inside
        (r"\bcafé", re.IGNORECASE),  # a letter outside ASCII
    ],
)
def test_caseless_refuses_other_patterns(pattern: str, flags: int) -> None:
    with pytest.raises(ValueError, match="not a case-insensitive pattern"):
        Caseless(re.compile(pattern, flags))


def test_caseless_keeps_upper_case_classes() -> None:
    found = Caseless(re.compile(r"(?P<n>\d)\s\S*\Bd\b", re.IGNORECASE))
    assert found.search("9 KILLED")
    assert not found.search("9 d")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from([*PIECES, "; ", ", but ", " said that ", "Last Year", "on MONDAY", "March 3", "Again", "Σ"]),
        max_size=12,
    )
)
def test_caseless_finds_the_spans_its_pattern_finds(pieces: list[str]) -> None:
    text = "".join(pieces)
    for found in [frames.CLAUSE_BREAKS, frames.CUES_LOWER, frames.TIME_LOWER, context.EARLIER_TIMES]:
        ours = [(m.span(), m.group(0).lower()) for m in found.finditer(text)]
        assert ours == [(m.span(), m.group(0).lower()) for m in found.pattern.finditer(text)], found.pattern.pattern


@pytest.mark.parametrize(
    ("text", "lower"),
    [("Two Years", "two years"), ("ſtrength", None), ("İnjured", None), ("\u212aILLED", None)],
)
def test_folded_is_none_where_lower_would_hide_a_match(text: str, lower: str | None) -> None:
    assert folded(text) == lower
