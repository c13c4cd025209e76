"""Quick paths give what the plain code gave: tokens, the month-part and cause prefilters."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.causes import MAY_CAUSE, MAY_CAUSE_LOWER, RULE_WORDS, RULES
from factcheck.extract.dates import CONTEXT_RELATIVE, CONTEXT_RELATIVE_WORDS
from factcheck.extract.mentions import MODAL_BEFORE, MODAL_FIRST_WORDS, MODALS, TOKEN, Token, _parts, tokens
from factcheck.extract.slots import MAY_UNDISCLOSE, MONTH_PART, UNDISCLOSE_WORDS, month_span
from factcheck.models import Frame, Sentence, StatusState, Topic, topic, trusted
from factcheck.text.dates import (
    ABSOLUTE,
    ABSOLUTE_LOWER,
    CLOCK_TIME,
    DATELINE_NOISE,
    PAGE_HINT,
    PAGE_LABEL,
    POSTED_AGO,
    RELATIVE,
    RETRIEVAL_WORD,
    _page_hint,
    find_dates,
    page_time,
    retrieval_stamp,
)
from factcheck.text.prefilter import folded

WORDS = st.sampled_from(
    ["in", "early", "late", "mid", "the", "end", "of", "March", "MAY", "ſhot", "İn", "Dead", "died", "it’s",
     "O’Neil", "a", "12", "3,5", "-", ".", "KILLED", "beginning", "december-end", "\u212aill", "ı", "—",
     "ΟΔΟΣ", "ΟΔΟΣ.Α", "two", "days", "Later", "Yesterday", "TODAY", "Two Weeks Ago", "UPDATED", "poſted",
     "12:05", "Unreleased", "DISCLOSED", "gaVe", "Shortly", "AFTER", "That", "same\tday", "night", "14", "JUNE",
     "Feb.", "29th", "2012", "2024-05-27", "11/27/2005", "Sept", "ſept", "of this year"]
)  # fmt: skip
SENTENCES = st.lists(WORDS, max_size=12).map(" ".join) | st.text(max_size=40)


def reference_tokens(text: str) -> list[Token]:
    out = []
    for m in TOKEN.finditer(text):
        word = m.group()
        low = word.lower()
        out.append(Token(word, m.start(), m.end(), low.replace("’", "'") if "’" in low else low))
    return out


@given(SENTENCES)
@settings(max_examples=300, deadline=None)
def test_tokens_are_the_plain_loops(text: str) -> None:
    found = tokens(text)
    assert found == reference_tokens(text)
    assert all(type(t) is Token for t in found)


@given(SENTENCES)
@settings(max_examples=300, deadline=None)
def test_month_span_finds_what_the_pattern_alone_finds(text: str) -> None:
    m = MONTH_PART.search(text)
    found = month_span(text)
    assert (found is None) == (m is None)
    if found is not None and m is not None:
        assert found[0] == m.group(0)


@given(SENTENCES)
@settings(max_examples=300, deadline=None)
def test_the_cause_prefilter_answers_as_its_pattern(text: str) -> None:
    assert (MAY_CAUSE_LOWER.search(text) is None) == (MAY_CAUSE.search(text) is None)


CAUSE_WORDS = st.sampled_from(
    ["he", "was", "shot", "dead", "stabbed", "to", "death", "died", "of", "his", "injuries", "after", "being",
     "hit", "by", "a", "car", "in", "crash", "succumbed", "wounds", "fatally", "beaten", "and", "killed",
     "drowned", "suffered", "gunshot", "treated", "for", "passed", "away", "found", "gunned", "down", "knifed",
     "badly", "burned", "injured", "the", "cause", "fall", "DIED", "Shot", "ſhot", "\u212akilled"]
)  # fmt: skip


@given(st.lists(CAUSE_WORDS, min_size=1, max_size=14).map(" ".join))
@settings(max_examples=500, deadline=None)
def test_a_cause_rule_matches_only_where_one_of_its_words_is(text: str) -> None:
    lower = folded(text)
    for rule in RULES:
        if rule.rule in RULE_WORDS and lower is not None and rule.pattern.search(text):
            assert any(w in lower for w in RULE_WORDS[rule.rule]), rule.rule


def test_every_rule_words_entry_names_a_rule() -> None:
    assert set(RULE_WORDS) <= {r.rule for r in RULES}


def reference_page_time(sentence: str) -> bool:
    """page_time as it was written before its quick test (PAGE_HINT)."""
    if len(sentence) > 100:
        return False
    for expr in find_dates(sentence):
        if expr.kind == "absolute" and expr.day is not None and expr.year is not None:
            outside = sentence[: expr.start] + " " + sentence[expr.end :]
            if retrieval_stamp(sentence, expr.start):
                rest = DATELINE_NOISE.sub(" ", POSTED_AGO.sub(" ", RETRIEVAL_WORD.sub(" ", outside))).split()
                return len(rest) <= 2 and all(w[:1].isupper() for w in rest)
            if not (CLOCK_TIME.search(outside) or PAGE_LABEL.search(outside)):
                return False
            rest = DATELINE_NOISE.sub(" ", CLOCK_TIME.sub(" ", outside)).split()
            return len(rest) <= 2 and all(w[:1].isupper() for w in rest)
    return False


STAMP_WORDS = st.sampled_from(
    ["5", "June", "2019", "Posted", "UPDATED", "last", "14:02", "7.40pm", "BST", "Friday", ",", "|", "Born",
     "12", "March", "1990", "Oslo", "date", "Dated:", "2022-03-12", "ſ", "\u212a", "at", "a.m.", "[downloaded",
     "on", "Retrieved", "3", "days", "ago", "]"]
)  # fmt: skip


@given(st.lists(STAMP_WORDS, max_size=10).map(" ".join) | st.lists(STAMP_WORDS, max_size=10).map("".join))
@settings(max_examples=500, deadline=None)
def test_page_time_answers_as_before_its_quick_test(text: str) -> None:
    assert page_time(text) is reference_page_time(text)


PART_WORDS = st.sampled_from(
    ["six", "twin", "-", "engine", "planes", "three", "bedroom", "houses", "20", "foot", "wall", "two", "a", "dozen",
     "four", "wheel", "drive", "cars", "of", "the", "x", "‐", "–", "-year-old", "seat"]
)  # fmt: skip


@given(st.lists(PART_WORDS, max_size=12).map(" ".join) | st.lists(PART_WORDS, max_size=12).map("".join))
@settings(max_examples=500, deadline=None)
def test_parts_need_a_hyphen_after_the_number(text: str) -> None:
    toks = tokens(text)
    for j in range(len(toks) + 1):
        if not any(t.text == "-" for t in toks[j + 1 :]):
            assert _parts(toks, j) is None, (text, j)


def test_parts_are_still_read_after_a_hyphen() -> None:
    assert _parts(tokens("six twin-engine planes"), 1) == (2.0, "engine", "engines", 22)


@given(SENTENCES)
@settings(max_examples=300, deadline=None)
def test_relative_dates_keep_the_words_as_written(text: str) -> None:
    spans = {(m.start(), m.end()): m.group(0) for m in RELATIVE.finditer(text)}
    for expr in find_dates(text):
        if expr.kind == "relative" and (expr.start, expr.end) in spans:
            assert expr.text == spans[(expr.start, expr.end)]


FRAME = {
    "predicate": "detain",
    "predicate_class": "custody",
    "negated": False,
    "modality": "asserted",
    "noun": "man",
    "attribute": "men (detained)",
    "agents": ("police",),
    "patients": (),
    "place": None,
    "time": "on monday",
    "cues": ("again",),
}


@pytest.mark.parametrize(
    ("made", "validated"),
    [
        (trusted(Frame, dict(FRAME)), Frame(**FRAME)),
        (topic("event", "custody"), Topic(facet="event", word="custody")),
        (trusted(StatusState, {"name": "detained", "negated": True}), StatusState(name="detained", negated=True)),
        (
            trusted(Sentence, {"index": 0, "start": 0, "end": 4, "text": "Left", "paragraph": 0, "furniture": False}),
            Sentence(index=0, start=0, end=4, text="Left", paragraph=0, furniture=False),
        ),
    ],
)
def test_trusted_models_are_the_validated_ones(made: object, validated: object) -> None:
    assert made == validated
    assert made.model_dump_json() == validated.model_dump_json()  # type: ignore[attr-defined]
    assert made.model_fields_set == validated.model_fields_set  # type: ignore[attr-defined]


def test_trusted_frames_stay_frozen() -> None:
    frame = trusted(Frame, dict(FRAME))
    with pytest.raises(ValueError, match="frozen"):
        frame.noun = "woman"  # type: ignore[misc]


@given(SENTENCES)
@settings(max_examples=300, deadline=None)
def test_the_page_hint_answers_as_its_pattern(text: str) -> None:
    assert _page_hint(text) == (PAGE_HINT.search(text) is not None)


@given(SENTENCES)
@settings(max_examples=300, deadline=None)
def test_a_disclosing_word_is_there_wherever_its_pattern_matches(text: str) -> None:
    lower = folded(text)
    if MAY_UNDISCLOSE.search(text) is not None and lower is not None:
        assert any(w in lower for w in UNDISCLOSE_WORDS)


@given(SENTENCES)
@settings(max_examples=300, deadline=None)
def test_a_context_word_is_there_wherever_its_pattern_matches(text: str) -> None:
    lower = folded(text)
    if CONTEXT_RELATIVE.search(text) is not None and lower is not None:
        assert any(w in lower for w in CONTEXT_RELATIVE_WORDS)


@given(SENTENCES)
@settings(max_examples=300, deadline=None)
def test_absolute_dates_asked_of_the_lower_case_text_are_the_same(text: str) -> None:
    assert [m.span() for m in ABSOLUTE_LOWER.finditer(text)] == [m.span() for m in ABSOLUTE.finditer(text)]
    expressions = [e for e in find_dates(text) if e.kind == "absolute"]
    spans = {m.span(): m.group(0) for m in ABSOLUTE.finditer(text)}
    assert all(spans.get((e.start, e.end), e.text) == e.text for e in expressions)


MODAL_WORDS = st.sampled_from(sorted({w for m in MODALS for w in m.split()} | {"the", "police", "not", "going"}))


@given(st.lists(MODAL_WORDS, max_size=4))
@settings(max_examples=300, deadline=None)
def test_a_modal_starts_at_one_of_its_first_words(words: list[str]) -> None:
    if MODAL_FIRST_WORDS.isdisjoint(words):
        assert MODAL_BEFORE.search(" ".join(words)) is None
