"""Alternations built for speed: whether any of a list of regular expressions matches (`AnyOf`),
and one group matching any of a list of words (`alternation`).

A lexicon's patterns joined by "|" are tried at every position of the text with every branch, and
a case-insensitive pattern gets no literal-prefix scan, so a page's every line paid for each
pattern at each character. Patterns anchored at the start ("^subscribe") need trying only at the
start, and those that open with a word boundary ("\\bnewsletter") can share one boundary test, so
most positions fail at once. The answer is the alternation's. Every reader that matches one of a
lexicon's words builds its group with `alternation`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def top_level_bar(pattern: str) -> bool:
    """Whether `pattern` has a "|" outside any group or character class (an alternation of its own)."""
    depth, i, n = 0, 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i += 1
            if i < n and pattern[i] == "^":
                i += 1
            if i < n and pattern[i] == "]":
                i += 1  # a "]" first in a class is a character
            while i < n and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return True
        i += 1
    return False


class AnyOf:
    """The patterns as up to three expressions: anchored at the start (tried with `match`), opening
    with a word boundary (one shared boundary), and the rest."""

    def __init__(self, patterns: Iterable[str], flags: int = 0) -> None:
        anchored: list[str] = []
        bounded: list[str] = []
        other: list[str] = []
        for p in patterns:
            if top_level_bar(p):
                other.append(p)
            elif p.startswith("^") and not flags & re.MULTILINE:
                anchored.append(p)
            elif p.startswith(r"\b"):
                bounded.append(p[2:])
            else:
                other.append(p)
        self._start = re.compile("|".join(f"(?:{p})" for p in anchored), flags) if anchored else None
        self._bounded = re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in bounded) + ")", flags) if bounded else None
        self._other = re.compile("|".join(f"(?:{p})" for p in other), flags) if other else None

    def search(self, text: str) -> bool:
        """Whether any pattern matches anywhere in `text`."""
        return bool(
            (self._start is not None and self._start.match(text))
            or (self._bounded is not None and self._bounded.search(text))
            or (self._other is not None and self._other.search(text))
        )


def alternation(words: Iterable[str], space: str = r"\ ") -> str:
    """A non-capturing group matching any of the words (literal text), a word before any shorter
    word it starts with, as an alternation of the words sorted longest first would.

    It is shaped as a tree of shared prefixes: `re` tries an alternation's branches one after
    another at every position, and a branch per first letter fails at once. A space in a word
    becomes `space` (a literal space unless told, as `re.escape` gives; `r"\\s+"` for any run).

    >>> alternation(["held", "help", "he"])
    '(?:he(?:l(?:d|p)|))'
    """
    words = list(words)
    if any("  " in w for w in words):
        # Two spaces in a row: a run pattern's greedy first space in the tree would leave no space for
        # the longer word's second one, and the tree would end at the shorter word (' ' against '  a').
        ordered = sorted(words, key=len, reverse=True)
        return "(?:" + "|".join(re.escape(w).replace(r"\ ", space) for w in ordered) + ")"
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
        branches = [(space if c == " " else re.escape(c)) + render(sub) for c, sub in sorted(node.items()) if c]
        if not branches:
            return ""
        if "" not in node:
            return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + "|".join(branches) + "|)"

    return "(?:" + render(tree) + ")"
