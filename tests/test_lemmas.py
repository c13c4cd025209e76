"""The plain lemma lookup answers as `lemminflect.getAllLemmas` does, word for word."""

from __future__ import annotations

import pytest
from lemminflect import Lemmatizer, getAllLemmas  # type: ignore[import-untyped]

from factcheck.text import lemmas as module
from factcheck.text.lemmas import all_lemmas

try:
    TABLE = sorted(Lemmatizer()._getLemmaDict())
    OVERRIDES = sorted(Lemmatizer()._getOverridesDict())
except AttributeError:  # another lemminflect: `all_lemmas` is `getAllLemmas` itself, nothing to compare
    TABLE, OVERRIDES = [], []


def test_the_plain_lookup_is_in_use_exactly_when_lemminflect_has_its_tables() -> None:
    assert (module._LOOKUP is not None) is bool(TABLE)


def test_every_seventh_word_of_the_table_and_every_override() -> None:
    words = TABLE[::7] + OVERRIDES
    assert [all_lemmas(w) for w in words] == [getAllLemmas(w) for w in words]


@pytest.mark.parametrize(
    "word",
    ["said", "Said", "SAID", "leaves", "Leaves", "flew", "fled", "an", "its", "data", "mice", "'s", "", "3",
     "blorfed", "Zqxv", "unfound-word", "naïve", "ÉTÉ", "they're", "done", "better", "USA", "mcDonald"],
)  # fmt: skip
def test_words_in_any_case_and_words_the_table_lacks(word: str) -> None:
    assert all_lemmas(word) == getAllLemmas(word)


def test_the_answer_is_a_copy_the_table_does_not_share() -> None:
    found = all_lemmas("said")
    found["VERB"] = ("changed",)
    assert all_lemmas("said") == getAllLemmas("said") != found
