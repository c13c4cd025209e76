"""Who a sentence credits with a value: 'the country's weather office said the storm
brought 90 mm of rain, but the Central Weather Bureau said 120' credits 90 to the office and 120 to
the Bureau.

Extraction names the people it resolves as speakers; agencies, officials and media that a
sentence cites in passing are read here, from the clause that holds the value, by the patterns
of reported speech: 'X said ...', '..., X said', 'according to X', 'cited by X', 'X measured it
at ...', 'the agency's estimate of ...'. A pronoun credits no one. The words are data
(lexicons/speakers.yaml); no name of a particular speaker is listed anywhere.
"""

from __future__ import annotations

import re

from factcheck.lexicons import load_lexicon
from factcheck.text.patterns import alternation

_LEX = load_lexicon("speakers")


# Verbs of reported speech and estimate: any subject that is not a pronoun says it.
REPORTING = alternation(_LEX["speech_verbs"])
# Verbs a quake or a city takes too ('the quake measured 5.9'): only an organisation's subject counts.
MEASURING = alternation(_LEX["measure_verbs"])
ORGANISATION_HEADS = frozenset(_LEX["organisation_heads"])
NOT_SPEAKERS = frozenset(_LEX["not_speakers"])
FILLERS = frozenset(_LEX["speaker_fillers"])
FIGURES = alternation(_LEX["figure_nouns"])
# Clauses a sentence joins that can credit different people: ', but', ';', ', while', ', whereas'.
CLAUSE_BREAK = re.compile(r",?\s+(?:but|while|whereas)\s+|;\s*|\s+[—–]\s+")
_SUBJECT = r"(?P<who>[^,;]{2,120}?(?:,[^,;]{1,40},)?)"
LEADING = re.compile(rf"^\W*(?:and\s+|but\s+)?{_SUBJECT}\s+{REPORTING}\b")
LEADING_MEASURE = re.compile(rf"^\W*(?:and\s+|but\s+)?{_SUBJECT}\s+(?P<verb>{MEASURING})\b(?P<rest>.*)$")
# 'put' and 'puts' credit a figure only as 'put X at N' ('police put the crowd at 800', not 'put up 40').
PUT_AT = re.compile(r"\bat\s+(?:[\w-]+\s+){0,2}[\w-]*$")
TRAILING = re.compile(rf",\s*(?P<who>[^,;]{{2,80}}?)\s+{REPORTING}\W*$")
# "..., said the agency." / "..., said Anna Berg": a short name or a noun phrase with its article, nothing after.
TRAILING_INVERTED = re.compile(
    rf",\s*{REPORTING}\s+(?P<who>(?:the|a|an|[A-Z][\w.'’-]*)(?:\s+(?!that\b|on\b|in\b|at\b)[\w.'’-]+){{0,5}})\W*$"
)
ACCORDING = re.compile(
    r"\baccording to\s+(?P<who>[^,;.]{2,80}?)(?:\s+(?:showed|shows|show|said|says|indicated)\b|[,;.]|$)",
    re.IGNORECASE,
)
# 'cited by X' names the one who relays: '..., state television reported, cited by AFP' credits the
# television, 'figures cited by the agency' the agency. Read after the speaker a clause names itself.
CITED = re.compile(
    r",?\s*\b(?:as\s+)?(?:cited|quoted) by\s+(?P<who>[^,;.]{2,80}?)"
    r"(?:\s+(?:showed|shows|show|said|says|as saying)\b|[,;.]|$)",
    re.IGNORECASE,
)
# "the agency's estimate of 40", "by the organisers' count, 300": the owner of the figure before the value.
POSSESSIVE = re.compile(
    rf"(?P<who>(?:[\w.&-]+\s+){{0,5}}[\w.&-]+?)(?:['’]s|(?<=s)['’])\s+(?:[\w-]+\s+){{0,2}}?{FIGURES}\b(?P<rest>[^;\d]{{0,40}})$",
    re.IGNORECASE,
)
# Where an owner phrase starts: after the last word that cannot be part of it.
_OWNER_START = frozenset(("by", "to", "that", "of", "from", "with", "on", "in", "at", "and", "but", "said", "says"))
ACRONYM = re.compile(r"(?:[A-Z]\.){2,}|[A-Z][A-Z&]{1,7}")
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


def _is_organisation(text: str) -> bool:
    """'the country's weather office', 'police', 'the CWB': an organisation, an office or a
    group of people that speaks, read from its head noun or an acronym; not 'the quake', not 'the UK'."""
    words = text.split()
    if not words:
        return False
    head = words[-1].lower().strip(".,'’")
    if head in ORGANISATION_HEADS:
        return True
    return any(ACRONYM.fullmatch(w.strip(",'’")) and w.lower().strip(",'’") not in NOT_SPEAKERS for w in words)


def _owner(text: str) -> str | None:
    """The owner phrase at the end of `text`: 'Rescuers doubted the ministry' → 'the ministry'."""
    words = text.split()
    start = 0
    for n, w in enumerate(words):
        if w.lower() in ("the", "a", "an"):
            start = n
        elif w.lower() in _OWNER_START:
            start = n + 1
    owner = " ".join(words[start:])
    return owner if _is_organisation(owner) else None


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
    m = POSSESSIVE.search(before)
    if m and (owner := _owner(m.group("who"))):
        return _who(owner)
    m = LEADING.match(before)
    if m:
        return _who(m.group("who"))
    m = LEADING_MEASURE.match(before)
    if m:
        put_at = m["verb"] in ("put", "puts") and (PUT_AT.search(m["rest"]) or re.search(r"\bat\b", quote[start:end]))
        # 'put the toll at 40' credits anyone who is not a pronoun; the other verbs only an organisation.
        if put_at or (m["verb"] not in ("put", "puts") and _is_organisation(m.group("who"))):
            return _who(m.group("who"))
    after = clause[max(0, end - offset) :]
    cited = CITED.search(after)
    for pattern in (TRAILING, TRAILING_INVERTED):
        m = pattern.search(after[: cited.start()] if cited else after)
        if m:
            return _who(m.group("who"))
    m = CITED.search(clause)
    return _who(m.group("who")) if m else None


def speaker_keys(label: str) -> frozenset[str]:
    """The names one speaker label goes by, to tell whether two labels may name one speaker:
    'The official KPA news agency and the Central Weather Bureau' → {'kpa news agency', 'KPA',
    'central weather bureau', 'CWB'}; 'the C.W. Bureau' → {…, 'CWB'}.
    A label that joins several speakers gives the keys of each; initials of a capitalised name of
    three or more words' letters meet the acronym another source uses."""
    keys: set[str] = set()
    for part in re.split(r",\s*|\s+and\s+|\s*&\s*", label):
        words = [w.strip("'’\"“”") for w in part.split()]
        kept = [w for w in words if w.lower() not in FILLERS] or words
        if not kept:
            continue
        keys.add(" ".join(w.lower() for w in kept))
        keys.update(w.replace(".", "") for w in kept if ACRONYM.fullmatch(w) and w.lower() not in NOT_SPEAKERS)
        capitals = [w for w in kept if w[:1].isupper()]
        initials = "".join(w.replace(".", "") if ACRONYM.fullmatch(w) else w[0] for w in capitals)
        if len(capitals) >= 2 and len(initials) >= 3:
            keys.add(initials.upper())
    return frozenset(keys)
