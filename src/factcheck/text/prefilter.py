"""Quick whole-sentence tests that rule a large pattern out before it is tried in many windows.

Extractors look for event words in a window around each number or date; a sentence with
thousands of them would try every pattern in every window. A pattern that cannot match anywhere
in the sentence cannot match in any window of it, and that is one search per sentence.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any, NamedTuple

from factcheck.text.patterns import top_level_bar

# The standard library's own parser of patterns (no stubs): needed_words reads a pattern's tree.
# Python 3.11 moved it from sre_parse/sre_constants (deprecated since) to re._parser/re._constants
# and added atomic groups and possessive repeats, which older Pythons cannot parse, hence getattr.
# Checked on CPython 3.10.13, 3.11.7, 3.12.1 and 3.13.0: the same words for every pattern.
try:
    _parser: Any = importlib.import_module("re._parser")
    _c: Any = importlib.import_module("re._constants")
except ImportError:  # Python 3.10
    _parser = importlib.import_module("sre_parse")
    _c = importlib.import_module("sre_constants")
_ATOMIC_GROUP = getattr(_c, "ATOMIC_GROUP", None)
_REPEATS = tuple(op for op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)) if op)

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


# The only letters outside ASCII that IGNORECASE matches to ASCII letters (İ, ı, ſ and the Kelvin
# sign: Python's `re` documentation); a text without them holds an ASCII word in any case only
# if its lower-case form holds it in lower case.
_ASCII_LOOKALIKES = frozenset("\u0130\u0131\u017f\u212a")
_LEADING_LETTERS = re.compile(r"[A-Za-z]+")


def literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Words (lower case) one of which every match of `pattern` holds, for the event patterns
    `\\b(?:word...|word...)...`: each alternative's leading letters, a letter a quantifier makes
    optional left out. None for a pattern of another shape."""
    body = pattern.pattern
    if not body.startswith(r"\b(?:"):
        return None
    alts: list[str] = []
    depth, i, start = 0, 2, 5
    while i < len(body):
        c = body[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i += 2 if body[i + 1 : i + 2] == "^" else 1
            i += 1 if body[i : i + 1] == "]" else 0  # a "]" first in a class is a character
            while i < len(body) and body[i] != "]":
                i += 2 if body[i] == "\\" else 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                alts.append(body[start:i])
                break
        elif c == "|" and depth == 1:
            alts.append(body[start:i])
            start = i + 1
        i += 1
    else:
        return None
    rest = body[i + 1 :]
    if rest[:1] in ("?", "*", "{") or "|" in rest:
        return None  # the group may be skipped, or the pattern has other alternatives
    out = []
    for alt in alts:
        if top_level_bar(alt):
            return None
        m = _LEADING_LETTERS.match(alt)
        word = m.group(0) if m else ""
        if word and alt[len(word) : len(word) + 1] in ("?", "*", "{"):
            word = word[:-1]
        if not word:
            return None
        out.append(word.lower())
    return tuple(out)


@lru_cache(maxsize=16)
def folded(text: str) -> str | None:
    """`text` in lower case for substring tests of lower-case words, or None when it holds a
    letter a case-insensitive pattern matches to an ASCII one ('İ', 'ı', 'ſ', the Kelvin sign).
    Cached: a sentence's few tests share one lower-casing."""
    return None if not _ASCII_LOOKALIKES.isdisjoint(text) else text.lower()


class _Tests(NamedTuple):
    """What `may_match` asks of a text for one pattern, built once per pattern."""

    words: tuple[str, ...] | None  # its literals, looked for in the lower-case text
    weaker: re.Pattern[str] | None  # its loose form
    weaker_lower: re.Pattern[str] | None  # the loose form asked of the lower-case text, where it can be


@lru_cache(maxsize=256)
def _tests(pattern: re.Pattern[str]) -> _Tests:
    """`pattern`'s literals, loose form and lower-case loose form (cached: parsed once per pattern)."""
    words = literals(pattern)
    weaker = loose(pattern)
    lower: re.Pattern[str] | None = None
    if weaker is not None and weaker.flags & re.IGNORECASE:
        try:
            lower = Caseless(weaker).lower_form
        except ValueError:  # letters in upper case or outside ASCII: asked of the text itself
            lower = None
    return _Tests(words, weaker, lower)


@lru_cache(maxsize=1024)
def may_match(pattern: re.Pattern[str], text: str) -> bool:
    """False only if `pattern` matches in no window of `text` (cached: once per sentence). Its
    words looked for first (substring tests of the lower-case text), then its loose form, asked
    of the lower-case text too where `Caseless` allows: both much quicker than a case-insensitive
    search."""
    tests = _tests(pattern)
    lower = folded(text)
    if tests.words is not None and lower is not None and not any(w in lower for w in tests.words):
        return False
    if tests.weaker is None:
        return True
    if tests.weaker_lower is not None and lower is not None:
        return tests.weaker_lower.search(lower) is not None
    return tests.weaker.search(text) is not None


def unbounded(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A weaker form of `pattern` for pieces cut out of a text (`text[lo:hi]`, whose both ends
    count as word boundaries): every word boundary dropped. No match of it in the whole text
    means no match in any piece. None when the pattern has look-arounds or anchors."""
    body = pattern.pattern
    if any(t in body for t in (*_NO_LOOSE_FORM, "^", r"\A", "\\\\")):
        return None
    return re.compile(body.replace(r"\b", ""), pattern.flags)


@lru_cache(maxsize=256)
def _unbounded_cached(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    return unbounded(pattern)


def may_match_piece(pattern: re.Pattern[str], text: str) -> bool:
    """False only if `pattern` matches in no piece `text[lo:hi]` of `text`."""
    weaker = _unbounded_cached(pattern)
    return weaker is None or weaker.search(text) is not None


# Escapes a pattern may hold in upper case: they name classes and anchors, not letters.
_UPPER_ESCAPES = re.compile(r"\\[ABDSWZ]")
_GROUP_NAMES = re.compile(r"\(\?P[<=]\w+>?")


class Caseless:
    """A case-insensitive pattern asked of the text's lower-case form with a case-sensitive copy
    of it: a case-insensitive alternation is tried branch by branch at every position, a
    case-sensitive one skips most positions at once. The pattern's letters must be ASCII and in
    lower case (classes and anchors like \\S or \\B aside), so that on text without the letters
    IGNORECASE matches to ASCII ones (İ, ı, ſ, the Kelvin sign) both find the same matches at the
    same offsets (lower-casing keeps every other text's length, word characters and spaces); text
    with them is asked of the pattern itself."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        body = _GROUP_NAMES.sub("", _UPPER_ESCAPES.sub("", pattern.pattern))
        if (
            not pattern.flags & re.IGNORECASE
            or "(?-i" in body
            or any(c.isupper() or (not c.isascii() and c.lower() != c.upper()) for c in body)
        ):
            raise ValueError(f"not a case-insensitive pattern of lower-case ASCII letters: {pattern.pattern}")
        self.pattern = pattern
        self._lower = re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)

    @property
    def lower_form(self) -> re.Pattern[str]:
        """The case-sensitive copy asked of lower-case text (text without the letters IGNORECASE
        matches to ASCII ones, as `folded` gives it)."""
        return self._lower

    def search(self, text: str) -> re.Match[str] | None:
        """The pattern's first match in `text`, as `re` gives it: the same span, but its text may be
        in lower case."""
        lower = folded(text)
        return self.pattern.search(text) if lower is None else self._lower.search(lower)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The pattern's matches in `text`: the same spans, but their text may be in lower case."""
        lower = folded(text)
        return self.pattern.finditer(text) if lower is None else self._lower.finditer(lower)


def _best(options: list[frozenset[str]]) -> frozenset[str] | None:
    """Of several sets of words each of which a match needs one of, the most telling: the one
    whose shortest word is longest (a longer word is rarer), then the smaller set."""
    return max(options, key=lambda words: (min(map(len, words)), -len(words)), default=None)


def _needed(items: Iterable[tuple[Any, Any]]) -> frozenset[str] | None:
    """Words one of which every match of the parsed sequence `items` holds, or None: runs of ASCII
    literals, alternatives (every branch must need some word) and repeats done at least once; a
    class, a look-around, a back-reference or a local change of flags needs none."""
    options: list[frozenset[str]] = []
    run = ""
    for op, av in items:
        if op is _c.LITERAL and av < 128:
            run += chr(av)
            continue
        if run:
            options.append(frozenset({run}))
            run = ""
        found: frozenset[str] | None = None
        if op is _c.SUBPATTERN and not av[1] and not av[2]:  # a group without flags of its own
            found = _needed(av[3])
        elif _ATOMIC_GROUP is not None and op is _ATOMIC_GROUP:
            found = _needed(av)
        elif op is _c.BRANCH:
            branches = [_needed(b) for b in av[1]]
            found = frozenset().union(*(b for b in branches if b)) if all(branches) else None
        elif op in _REPEATS and av[0] >= 1:
            found = _needed(av[2])
        if found:
            options.append(found)
    if run:
        options.append(frozenset({run}))
    return _best(options)


def needed_words(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Words one of which every match of `pattern` holds, in lower case for a case-insensitive
    pattern (sorted), or None where the pattern needs no word. `holds_needed` asks a text for them."""
    words = _needed(_parser.parse(pattern.pattern, pattern.flags))
    if words is None:
        return None
    return tuple(sorted({w.lower() for w in words} if pattern.flags & re.IGNORECASE else words))


# The one cache of needed_words: one entry per pattern the extractors ask about (module constants).
_NEEDLES: dict[re.Pattern[str], tuple[tuple[str, ...] | None, bool]] = {}


def _needle(pattern: re.Pattern[str]) -> tuple[tuple[str, ...] | None, bool]:
    """The words `pattern` needs (None: none), and whether they are to be looked for in lower-case
    text."""
    if pattern not in _NEEDLES:
        _NEEDLES[pattern] = (needed_words(pattern) or None, bool(pattern.flags & re.IGNORECASE))
    return _NEEDLES[pattern]


def holds_needed(pattern: re.Pattern[str], text: str) -> bool:
    """False only if `pattern` cannot match anywhere in `text` (nor in any window or piece of it):
    the text holds none of the words every match needs (`needed_words`). Substring tests, far
    quicker than the pattern's search (and than one search for the words as an alternation, which
    `re` tries position by position: about twice the time of the tests on news sentences). A
    case-insensitive pattern's words are looked for in the lower-case text; text with a letter
    IGNORECASE matches to an ASCII one ('İ', 'ı', 'ſ' or the Kelvin sign) is never ruled out."""
    words, caseless = _NEEDLES[pattern] if pattern in _NEEDLES else _needle(pattern)
    if words is None:
        return True
    if caseless:
        lower = folded(text)
        if lower is None:
            return True
        text = lower
    return any(w in text for w in words)
