"""Quick whole-sentence tests that rule a large pattern out before it is tried in many windows.

Extractors look for event words in a window around each number or date; a sentence with
thousands of them would try every pattern in every window. A pattern that cannot match anywhere
in the sentence cannot match in any window of it, and that is one search per sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Constructs whose outcome can depend on text past a window's end, or that are not plain words.
_NO_LOOSE_FORM = ("(?=", "(?!", "(?<", "$", r"\Z", r"\B", r"[\b")


def loose(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A weaker form of `pattern`: its word boundaries past the first dropped. A match of
    `pattern` in a window `finditer(text, lo, hi)` (whose end counts as a boundary) is then a match
    of the loose form in the whole text, so no loose match anywhere means no match in any window.
    None when the pattern has look-arounds or anchors, which have no such weaker form."""
    body = pattern.pattern
    if not body.startswith(r"\b") or any(t in body for t in _NO_LOOSE_FORM):
        return None
    return re.compile(r"\b" + body[2:].replace(r"\b", ""), pattern.flags)


@lru_cache(maxsize=256)
def _loose_cached(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    return loose(pattern)


@lru_cache(maxsize=1024)
def may_match(pattern: re.Pattern[str], text: str) -> bool:
    """False only if `pattern` matches in no window of `text` (cached: once per sentence)."""
    weaker = _loose_cached(pattern)
    return weaker is None or weaker.search(text) is not None
