"""lemminflect's lemma lookup without its two defensive deep copies.

`lemminflect.getAllLemmas` deep-copies the table's entry and its override before it merges them;
their values are tuples of strings, so a plain merge gives the same dict, about ten times faster
(ECB+ asks for some 17,000 words, a sixth of a second of every extraction). Where lemminflect's
internals are not what this expects, `getAllLemmas` itself answers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lemminflect import Lemmatizer, getAllLemmas  # type: ignore[import-untyped]

Lemmas = dict[str, tuple[str, ...]]


def _plain_lookup() -> Callable[[str], Lemmas] | None:
    """The lookup on lemminflect's own tables, or None when its internals have changed."""
    lemmatizer = Lemmatizer()
    try:
        from lemminflect.core.LexicalUtils import (  # type: ignore[import-untyped]
            applyCapsStyleToDict,
            getCapsStyle,
        )

        table: dict[str, dict[str, Any]] = lemmatizer._getLemmaDict()
        overrides: dict[str, dict[str, Any]] = lemmatizer._getOverridesDict()
    except (ImportError, AttributeError):
        return None
    if not isinstance(table, dict) or not isinstance(overrides, dict):
        return None

    def lookup(word: str) -> Lemmas:
        style = getCapsStyle(word)
        low = word.lower()
        found = dict(table.get(low, ()))
        found.update(overrides.get(low, ()))
        merged: Lemmas = applyCapsStyleToDict(found, style)
        return merged

    return lookup


_LOOKUP = _plain_lookup()


def all_lemmas(word: str) -> Lemmas:
    """`lemminflect.getAllLemmas(word)`: lemmas by part of speech ('VERB', 'NOUN', ...)."""
    if _LOOKUP is None:
        found: Lemmas = getAllLemmas(word)
        return found
    return _LOOKUP(word)
