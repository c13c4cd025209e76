"""The quick whole-sentence tests never rule out a pattern that matches: they only save time."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import context, dates, frames, quantities, slots, status
from factcheck.text.dates import PAGE_HINT
from factcheck.text.prefilter import (
    _ASCII_LOOKALIKES,
    Caseless,
    _tests,
    folded,
    holds_needed,
    literals,
    loose,
    may_match,
    may_match_piece,
    needed_words,
)

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
            assert holds_needed(pattern, s), pattern.pattern


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=20).map("".join))
def test_the_loose_form_asked_of_lower_case_text_answers_as_itself(s: str) -> None:
    lower = folded(s)
    for pattern in EVENT_PATTERNS:
        weaker, lowered = loose(pattern), _tests(pattern).weaker_lower
        assert weaker is not None, pattern.pattern  # every event pattern has a loose form ...
        assert lowered is not None, pattern.pattern  # ... asked of lower-case text
        found = weaker.search(s) is not None
        if lower is not None:
            assert (lowered.search(lower) is not None) == found, (pattern.pattern, s)
        # Every example, with or without 'ſ', 'İ', 'ı' or the Kelvin sign (then asked of the text
        # itself): may_match's word tests and lower-case search answer as the loose form.
        assert may_match(pattern, s) == found, (pattern.pattern, s)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two men were DETAINED on Monday", True),
        ("two men were ſhot dead", True),  # long s: the text itself is asked
        ("\u212aILLED in the blast", True),  # Kelvin sign
        ("the İnjured were taken home", True),  # dotted capital I
        ("the dıscovery was made late", True),  # dotless i matches 'i'
        ("the ıdle crowd went home at \u212a", False),  # the letters, but no event word
        ("ſſ nothing happened at the market", False),
        ("nothing happened at the market", False),
    ],
)
def test_may_match_with_the_letters_ignorecase_matches_to_ascii_ones(text: str, expected: bool) -> None:
    assert any(may_match(p, text) for p in EVENT_PATTERNS) == expected
    for pattern in EVENT_PATTERNS:
        weaker = loose(pattern)
        assert weaker is not None, pattern.pattern
        assert may_match(pattern, text) == (weaker.search(text) is not None), pattern.pattern


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


@pytest.mark.parametrize(
    ("pattern", "flags", "words"),
    [
        (r"\b(?:was|is)\s(?:not\s)?(?:sacked|laid\soff)\b", re.IGNORECASE, ("laid", "sacked")),
        (r"\bAbc(?:de|fgh)", re.IGNORECASE, ("abc",)),  # the longest word a match needs
        (r"\bAbc(?:de|fgh)", 0, ("Abc",)),  # a case-sensitive pattern keeps its case
        (r"x(?:abcd)?yz", 0, ("yz",)),  # an optional group needs nothing
        (r"(?:abc)+d", 0, ("abc",)),  # a repeat done at least once needs its words
        (r"[ab]cd|efgh", 0, ("cd", "efgh")),  # each alternative needs one
        (r"ab|[cd]", 0, None),  # an alternative needing no word
        (r"(?-i:Xy)z", re.IGNORECASE, ("z",)),  # a group with flags of its own is not read
        (r"n[’']t", 0, ("n",)),  # a class breaks a run of letters
        (r"’s", 0, ("s",)),  # a letter outside ASCII too
        (r"(?<=\bto\s)go\b", re.IGNORECASE, ("go",)),  # a look-behind's words are not needed
        (r"\d+", 0, None),
    ],
)
def test_needed_words(pattern: str, flags: int, words: tuple[str, ...] | None) -> None:
    assert needed_words(re.compile(pattern, flags)) == words


NEEDED_PIECES = [
    "was", "Were", " not ", "n’t ", "never ", "fired", "SACKED", "ſacked", "laid off", "let go", " ",
                 "lost his job", "stepped down", "re-hired", "Rehired", "quit his job", "will ", "to resign", "from",
                 "work", "released", "set free", "freed", "found guilty", "found not guilty", "detained", "İs ",
                 "\u212aept", "taken into custody", "sentenced", "suspended from work", "stay away", "her job", ".",
]  # fmt: skip
GATED = [p for *_, p in status.PATTERNS] + [re.compile(r"(?:abc)+d|e[fg]h", re.IGNORECASE), PAGE_HINT]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(NEEDED_PIECES), max_size=14).map("".join))
def test_a_pattern_is_ruled_out_only_where_it_cannot_match(text: str) -> None:
    for pattern in GATED:
        if pattern.search(text) is not None:
            assert holds_needed(pattern, text), (pattern.pattern, text)
