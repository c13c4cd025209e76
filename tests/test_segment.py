"""Sentences with offsets: abbreviations and initials do not end a sentence, quotations do, and page
furniture (pitches, captions, teasers, lists of other stories) is flagged so it yields no claims."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract_helpers import claims_file, make_document
from factcheck.segment import segment


def sentences(text: str) -> list[str]:
    return [s.text for s in segment(make_document(text))]


def furniture(text: str) -> list[tuple[str, bool]]:
    return [(s.text, s.furniture) for s in segment(make_document(text))]


# fmt: off
SPLITS = [
    ("Mr. Smith met Dr. Jones at 5 p.m. on Friday. They talked.",
     ["Mr. Smith met Dr. Jones at 5 p.m. on Friday.", "They talked."]),
    ("U.S. officials said the talks would resume. Nobody objected.",
     ["U.S. officials said the talks would resume.", "Nobody objected."]),
    ("The novel by J. K. Rowling sold well. Sales doubled.",
     ["The novel by J. K. Rowling sold well.", "Sales doubled."]),
    ("Gen. Adams arrived on Feb. 3 with St. John's team. It rained.",
     ["Gen. Adams arrived on Feb. 3 with St. John's team.", "It rained."]),
    ("Prices rose 2.5 per cent in May. Wages did not.",
     ["Prices rose 2.5 per cent in May.", "Wages did not."]),
    ("The rally ended at noon... Most people went home.",
     ["The rally ended at noon...", "Most people went home."]),
    ("Is it true? Yes! It is.", ["Is it true?", "Yes!", "It is."]),
    # quotations: the closing quote belongs to the sentence it closes
    ('"I will not resign," she said. "Never." Then she left.',
     ['"I will not resign," she said.', '"Never."', "Then she left."]),
    ("‘We are afraid,’ he said. The police did not reply.",
     ["‘We are afraid,’ he said.", "The police did not reply."]),
    ("“We are afraid.” The police did not reply.", ["“We are afraid.”", "The police did not reply."]),
    ('He asked: "Why?" Nobody answered.', ['He asked: "Why?"', "Nobody answered."]),
    # lines are paragraphs: a line without end punctuation is a sentence of its own
    ("Court frees reporter\nThe court freed her.", ["Court frees reporter", "The court freed her."]),
    pytest.param("The answer was no. Its rival agreed.", ["The answer was no.", "Its rival agreed."],
                 id="no-at-sentence-end"),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), SPLITS)
def test_sentence_splits(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


# fmt: off
FURNITURE = [
    ("Subscribe to our newsletter\nThe mayor spoke to the crowd.",
     [("Subscribe to our newsletter", True), ("The mayor spoke to the crowd.", False)]),
    ("Photo: Reuters\nThe mayor spoke to the crowd.",
     [("Photo: Reuters", True), ("The mayor spoke to the crowd.", False)]),
    ("Become a member\nSupport independent journalism\nThe mayor spoke.",
     [("Become a member", True), ("Support independent journalism", True), ("The mayor spoke.", False)]),
    ("A screenshot of the video posted online.\nThe mayor spoke to the crowd.",
     [("A screenshot of the video posted online.", True), ("The mayor spoke to the crowd.", False)]),
    # a caption printed twice, as galleries do
    ("The mayor greets fans\nThe mayor greets fans\nThe mayor spoke.",
     [("The mayor greets fans", False), ("The mayor greets fans", True), ("The mayor spoke.", False)]),
    # ... also when a quote mark or spacing sets one of the two off
    ("The mayor greets fans.\n\u201cThe mayor greets  fans.\nThe mayor spoke.",
     [("The mayor greets fans.", False), ("\u201cThe mayor greets  fans.", True), ("The mayor spoke.", False)]),
    # negatives: the same words in another order, or one word more, are another line
    ("Fans greet the mayor\nThe mayor greets fans\nThe mayor spoke.",
     [("Fans greet the mayor", False), ("The mayor greets fans", False), ("The mayor spoke.", False)]),
    ("The mayor greets fans\nThe mayor greets 12 fans\nThe mayor spoke.",
     [("The mayor greets fans", False), ("The mayor greets 12 fans", False), ("The mayor spoke.", False)]),
    ("\u2014\n\u2014\nThe mayor spoke.",
     [("\u2014", False), ("\u2014", True), ("The mayor spoke.", False)]),
    # everything after a list-of-stories marker is not the article
    ("The mayor spoke.\nRelated Articles\nFive people were detained in another city on Sunday.",
     [("The mayor spoke.", False), ("Related Articles", True),
      ("Five people were detained in another city on Sunday.", True)]),
    # a teaser of another story (truncated) and its headline
    ("Opposition leader speaks out\n"
     "The opposition leader said the vote had been rigged and her party would appeal the result…\n"
     "The mayor spoke to the crowd.",
     [("Opposition leader speaks out", True),
      ("The opposition leader said the vote had been rigged and her party would appeal the result…", True),
      ("The mayor spoke to the crowd.", False)]),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), FURNITURE)
def test_furniture_lines(text: str, expected: list[tuple[str, bool]]) -> None:
    assert furniture(text) == expected


def test_furniture_yields_no_claims() -> None:
    cf, _ = claims_file("Related Articles\nPolice said 40 people were detained at a rally in another city.")
    assert cf.claims == []


@pytest.mark.parametrize(
    "text",
    [
        "First line.\r\nSecond line, after a Windows line break.\r\n",
        "  Indented paragraph.   \n\n\nAfter blank lines. And another.\n",
        "Typographic “quotes” and dashes — and an ellipsis… Then more.",
        "Emoji 😂😂 count as one character each in Python. Offsets still slice.",
    ],
)
def test_offsets_slice_back_to_the_sentence(text: str) -> None:
    document = make_document(text)
    found = segment(document)
    assert found
    for s in found:
        assert document.text[s.start : s.end] == s.text
        assert s.text == s.text.strip()
    assert [s.index for s in found] == list(range(len(found)))
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


# Text made of the pieces segmentation has rules for, so random cases reach them.
PIECES = [
    "Mr.", "Dr.", "U.S.", "J.", "K.", "p.m.", "no.", "said", "Smith", "the", "5", "2.5", "…", "...", "?", "!",
    ".", ",", "“", "”", "‘", "’", '"', "(", ")", " ", " ", " ", "\n", "\n\n", "\r\n", "Related Articles\n",
    "Photo: AP\n", "😂",
]  # fmt: skip
NEWSY_TEXT = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


@settings(max_examples=150, deadline=None)
@given(st.one_of(NEWSY_TEXT, st.text(max_size=200)))
def test_sentences_slice_back_and_never_overlap_on_any_text(text: str) -> None:
    document = make_document(text)
    found = segment(document)
    for s in found:
        assert document.text[s.start : s.end] == s.text
        assert s.text.strip()
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))
