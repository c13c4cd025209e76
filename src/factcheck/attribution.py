"""Who a sentence credits with a value: 'Tehran's seismologic center said the quake measured 5.9,
but the U.S. Geological Survey said it was 6.1' credits 5.9 to the center and 6.1 to the Survey.

Extraction names the people it resolves as speakers; agencies, officials and media that a
sentence cites in passing are read here, from the clause that holds the value, by the patterns
of reported speech: 'X said ...', '..., X said', 'according to X'. A pronoun credits no one.
"""

from __future__ import annotations

import re

# Verbs of reported speech and estimate; not 'measured' or 'registered', which a quake does too.
REPORTING = r"(?:said|says|say|reported|reports|told|announced|estimated|estimates|put|puts|stated|confirmed|claimed)"
# Clauses a sentence joins that can credit different people: ', but', ';', ', while', ', whereas'.
CLAUSE_BREAK = re.compile(r",?\s+(?:but|while|whereas)\s+|;\s*|\s+[—–]\s+")
LEADING = re.compile(rf"^\W*(?:and\s+|but\s+)?(?P<who>[^,;]{{2,120}}?(?:,[^,;]{{1,40}},)?)\s+{REPORTING}\b")
TRAILING = re.compile(rf",\s*(?P<who>[^,;]{{2,80}}?)\s+{REPORTING}\W*$")
# "..., said the agency." / "..., said Anna Berg": a short name or a noun phrase with its article, nothing after.
TRAILING_INVERTED = re.compile(
    rf",\s*{REPORTING}\s+(?P<who>(?:the|a|an|[A-Z][\w.'’-]*)(?:\s+(?!that\b|on\b|in\b|at\b)[\w.'’-]+){{0,5}})\W*$"
)
ACCORDING = re.compile(r"\baccording to\s+(?P<who>[^,;.]{2,80}?)(?:[,;.]|$)", re.IGNORECASE)
PRONOUNS = frozenset(("he", "she", "they", "it", "we", "i", "you", "this", "that", "who", "which"))
MAX_WORDS = 12
PLACE_AFTER = re.compile(r"^(?P<head>\S+(?:\s+\S+)+?)(?:,?\s+(?:in|at|from)\s+[A-Z].*)$")  # "the Survey in Golden"


def _clause(quote: str, start: int, end: int) -> tuple[str, int]:
    """The clause of `quote` that holds quote[start:end], and its offset."""
    left = 0
    for m in CLAUSE_BREAK.finditer(quote, 0, start):
        left = m.end()
    after = CLAUSE_BREAK.search(quote, end)
    right = after.start() if after else len(quote)
    return quote[left:right], left


def _who(text: str) -> str | None:
    text = " ".join(text.strip(" ,.'\"“”‘’").split())
    m = PLACE_AFTER.match(text)
    if m and len(m.group("head").split()) >= 2:
        text = m.group("head")
    words = text.split()
    if not words or len(words) > MAX_WORDS or (len(words) == 1 and words[0].lower() in PRONOUNS):
        return None
    return text


def attributed_to(quote: str, start: int, end: int) -> str | None:
    """Who the sentence credits with the value at quote[start:end], or None.

    >>> attributed_to("Officials at the Port Authority said 40 boats sank.", 37, 45)
    'Officials at the Port Authority'
    >>> attributed_to("He said 40 boats sank.", 8, 16) is None
    True
    """
    clause, offset = _clause(quote, start, end)
    before = clause[: max(0, start - offset)]
    m = ACCORDING.search(clause)
    if m:
        return _who(m.group("who"))
    m = LEADING.match(before)
    if m:
        return _who(m.group("who"))
    after = clause[max(0, end - offset) :]
    for pattern in (TRAILING, TRAILING_INVERTED):
        m = pattern.search(after)
        if m:
            return _who(m.group("who"))
    return None
