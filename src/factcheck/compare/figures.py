"""What a figure counts, read from the words around it: two figures are one fact only when that agrees.

A number in news copy is rarely alone: 'a further 20,000 people' adds to a count, 'two women and a
man' splits one, '$281 million of the purchase price' is a part of a price, '$21 million a year' is
a rate, 'Intel's share price' is someone's, a '$3 million salary' is pay and not a film's takings, a
'three-hour broadcast' measures the broadcast. `scope` reads these from the claim's own sentence
(patterns of news language, rule tables, no article's words) and `same_fact` says whether two
figures could state one fact; `part_of_whole` whether one is only a part of what the other counts, which may agree
with another source but never contradicts a total.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

from lemminflect import getAllInflections  # type: ignore[import-untyped]

from factcheck.extract.mentions import (
    CURRENCIES,
    FUNCTION,
    UNIT_FORMS,
    find_numbers,
    find_predicates,
    lemmas,
    noun_lemma,
    tokens,
    verb_lemma,
)
from factcheck.lexicons import load_lexicon
from factcheck.models import ClaimBase, QuantityClaim

_LEX = load_lexicon("figures")
AMOUNT_KINDS: dict[str, frozenset[str]] = {}
for _kind, _words in _LEX["amount_kinds"].items():
    for _w in _words:
        AMOUNT_KINDS[_w] = AMOUNT_KINDS.get(_w, frozenset()) | {_kind}
RATE_WORDS: dict[str, str] = dict(_LEX["rate_words"])
MEASURE_ADJECTIVES = frozenset(_LEX["measure_adjectives"])
WINDOW = 48  # characters before a figure read as its phrase
AFTER_WINDOW = 60  # and after it

NUMBER_WORD = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d[\d,.]*)"
QUALIFIER = (
    r"(?:(?:about|around|some|nearly|almost|roughly|approximately|at\s+least|at\s+most|more\s+than|over|up\s+to"
    r"|an?\s+estimated|just|only)\s+)*"
)
CURRENCY_AMOUNT = r"(?:[$€£]\s?\d[\d,.]*|\d[\d,.]*\s?(?:euros?|dollars?|pounds?))(?:[\s-]?(?:m|bn|k|million|billion))?"
# (rule id, pattern): the words that make a figure a part of a larger one. BEFORE patterns end
# where the figure starts; AFTER patterns start where it ends.
PART_BEFORE: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("additional", re.compile(
        rf"\b(?:another|a\s+further|further|an?\s+additional|additional|an?\s+extra|the\s+other|other|the\s+remaining)\s+{QUALIFIER}$",
        re.IGNORECASE)),
    ("including", re.compile(
        rf"\b(?:including|includes|included|among\s+(?:them|whom|those|the\s+\w+)|of\s+(?:whom|which|them)|plus)\s+{QUALIFIER}$",
        re.IGNORECASE)),
    ("first", re.compile(r"\b(?:his|her|its|their|the)\s+(?:first|last)\s+$", re.IGNORECASE)),
    ("listed before", re.compile(
        rf"(?:\b{NUMBER_WORD}\s+(?P<noun>[a-z]+)(?:\s+[a-z]+)?|{CURRENCY_AMOUNT}(?:\s+in\s+\w+)?)\s*,?\s+(?:and|plus)\s+{QUALIFIER}$",
        re.IGNORECASE)),
)  # fmt: skip
PART_AFTER: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("of the whole", re.compile(
        r"^\s+(?:of\s+(?:the|them|those|these|whom|which|its|his|her|their|our)\b|more\b|others?\b|among\s+them\b|in\s+addition\b)",
        re.IGNORECASE)),
    ("listed after", re.compile(
        rf"^(?:\s+in\s+\w+)?\s*,?\s+(?:and|plus)\s+{QUALIFIER}(?:{CURRENCY_AMOUNT}|{NUMBER_WORD}\s+(?P<noun>[a-z]+))",
        re.IGNORECASE)),
)  # fmt: skip
ADDED = frozenset({"other", "others", "more", "additional", "further", "remaining"})
# ... inside a figure's own words, past its hedge: 'three other boats', 'two more victims', not
# 'more than 50 people'.
ADDED_IN = re.compile(r"\b(?:other|others|additional|further|remaining)\b|\bmore\b(?!\s+than\b)", re.IGNORECASE)
RANGE_BEFORE = re.compile(rf"\b(?:between|from|range\s+of)\s+{QUALIFIER}$", re.IGNORECASE)
RANGE_OPEN = re.compile(r"\b(?:between|from|range\s+of)\s+\S*$", re.IGNORECASE)
PERSON_NOUNS = frozenset(noun_lemma(w) for w in load_lexicon("people")["person_nouns"]) | frozenset(
    noun_lemma(w) for w in load_lexicon("quantities")["units"]["people"]
)
OUTCOMES = frozenset({"dead", "hurt", "missing", "injured", "wounded", "killed", "arrested", "detained"})
RATE_AFTER = re.compile(
    r"^[\s-]+(?:a|an|per|each|every)[\s-]+(?P<per>[a-z]+)\b(?!\s+(?:ago|later|earlier|before|after)\b)"
)
EACH_AFTER = re.compile(r"^\s+(?:each|apiece|a\s+piece|per\s+annum|annually)\b", re.IGNORECASE)
POSSESSOR = re.compile(r"(?:\b(?:the|a|an)\s+)?(?P<owner>(?:[A-Z][\w-]*\s+){0,2}[\w-]+)[’']s?\s+(?:[a-z-]+\s+){0,2}$")
NOUN_OF_BEFORE = re.compile(rf"\b(?P<noun>[a-z]+)\s+of\s+(?:the\s+|a\s+)?{QUALIFIER}(?:the\s+)?$", re.IGNORECASE)
ATTRIBUTIVE = re.compile(r"^[\w.,]+-(?P<unit>[a-z]+)$", re.IGNORECASE)  # 'three-hour', '17-inch'
WORD = re.compile(r"[^\W\d_]+")
NUMBER_WORDS = frozenset({
    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "twenty", "thirty", "forty", "fifty", "hundred", "dozens", "hundreds", "thousands", "several", "many", "some",
    "most", "all",
})  # fmt: skip


JOINT = re.compile(r"^\s+(?:and|or|&)\s+(?P<noun>[a-z]+)\b(?!\s+(?:of|who|which|that)\b)")


# An amount for two named parties together: "$250 million to sign Ames and Bauer", "$40 million
# for Ames and Bauer". It is no one party's sum.
NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}"
FOR_TWO = re.compile(
    rf"^\s+(?:[a-z]+\s+){{0,3}}?(?:for|to\s+(?:sign|keep|acquire|buy|land))\s+(?:both\s+)?(?:[a-z]+\s+){{0,2}}?"
    rf"(?P<first>{NAME})"
    rf"(?:,\s+{NAME})*,?\s+(?:and|&)\s+{NAME}"
)


def _joint(claim: QuantityClaim, after: str) -> str | None:
    """'some 420 passengers and crew', 'students and staff': a count with a group noun joined to it
    is no count of the first noun alone. Two plurals ('reporters and cameramen') name one group.
    An amount for two named parties is joint too; its first party names it."""
    if claim.unit in CURRENCIES:
        two = FOR_TWO.match(after)
        return two.group("first").lower() if two else None
    if claim.unit in UNIT_FORMS or claim.unit in ("percent", "magnitude"):
        return None
    m = JOINT.match(after)
    if m is None:
        return None
    noun = m.group("noun")
    if noun in FUNCTION or noun in NUMBER_WORDS or noun in ADDED or _outcome(noun) or noun_lemma(noun) != noun:
        return None  # 'journalists and other media workers', 'reporters and cameramen': one group in other words
    return noun


@dataclass(frozen=True)
class Scope:
    """What a figure counts beyond its number and unit, as its own sentence says it."""

    part: str | None = None  # the rule that makes it a part of a larger figure ('additional', 'listed after')
    per: str | None = None  # what it is a rate per ('year', 'share', 'average'), None for a total
    kinds: frozenset[str] = frozenset()  # what an amount is ('pay', 'takings'); empty: not said
    owner: str | None = None  # an explicit possessor ('intel', 'office'), folded
    measured: str | None = None  # what a measure describes: the noun of 'a 17-inch notebook', 'thick'
    joint: str | None = None  # a second noun counted with the first: the crew of '420 passengers and crew'
    listed: bool = False  # the sentence gives other amounts or durations of this unit: one of a list


def _around(claim: ClaimBase) -> tuple[str, str, str]:
    at, end = claim.value_start - claim.start, claim.value_end - claim.start
    q = claim.quote
    return q[max(0, at - WINDOW) : at], q[at:end], q[end : end + AFTER_WINDOW]


def _lemma(word: str) -> str:
    low = word.lower()
    return verb_lemma(low) or noun_lemma(low) if "NOUN" not in lemmas(low) else noun_lemma(low)


def _is_noun(word: str) -> bool:
    low = word.lower()
    return low.isalpha() and low not in FUNCTION and "NOUN" in lemmas(low)


def _part(claim: QuantityClaim, before: str, value: str, after: str) -> str | None:
    if ADDED_IN.search(value):
        return "additional"  # 'three other bombs', 'two more victims'

    percent = claim.unit in ("percent", "%")
    ranged = RANGE_BEFORE.search(before) is not None  # 'between $165 million and $180 million'
    for rule, pattern in PART_BEFORE:
        m = pattern.search(before)
        if m and not (rule == "listed before" and (RANGE_OPEN.search(before[: m.start()]) or not _alike(claim, m))):
            return rule
    for rule, pattern in PART_AFTER:
        if percent and rule == "of the whole":
            continue  # '90 percent of the traffic': a share is what a percentage is
        m = pattern.match(after)
        if m and not (rule == "listed after" and (ranged or not _alike(claim, m))):
            return rule
    return None


def _alike(claim: QuantityClaim, listed: re.Match[str]) -> bool:
    """Whether a figure listed next to this one counts the same kind of thing, so that the two are
    the parts of one count ('two women and a man', '$281m in cash and $53m in stock'), not two
    outcomes ('ten killed and 20 injured') or two things ('80 hurt and 7 villages')."""
    noun = listed.groupdict().get("noun")
    if noun is None:
        return claim.unit in CURRENCIES  # an amount listed with an amount
    own = WORD.findall(claim.quote[claim.value_start - claim.start : claim.value_end - claim.start].lower())
    if not own or _outcome(own[-1]) or _outcome(noun):
        return False
    a, b = noun_lemma(own[-1]), noun_lemma(noun.lower())
    return a == b or (a in PERSON_NOUNS and b in PERSON_NOUNS)


def _outcome(noun: str | None) -> bool:
    """'10 killed and 20 injured': counts of two outcomes, each a whole, not the parts of one."""
    if noun is None:
        return False
    low = noun.lower()
    return low in OUTCOMES or low.endswith(("ed", "ing")) or not _is_noun(low)


def _per(before: str, after: str) -> str | None:
    m = RATE_AFTER.match(after.lower())
    if m and _is_noun(m.group("per")):
        return noun_lemma(m.group("per"))
    if EACH_AFTER.match(after):
        return "each"
    clause = re.split(r"[,;:()]", before)[-1]  # 'an average annual value of more than the $21 million'
    for word in WORD.findall(clause.lower())[-7:]:
        if word in RATE_WORDS:
            return RATE_WORDS[word]
    return None


def _kinds(claim: QuantityClaim, before: str, after: str) -> frozenset[str]:
    """What an amount of money is: the noun right after it ('$3 million salary') or before its
    'of' ('a price of $119', 'payments of $20')."""
    if claim.unit in UNIT_FORMS or claim.unit in ("percent", "magnitude"):
        return frozenset()
    nouns = [w.lower() for w in WORD.findall(after[:30])[:2]]
    head = None
    if nouns and _is_noun(nouns[0]) and not re.match(r"^\s*(?:in|of|for|to|a|an|per|each)\b", after):
        head = nouns[1] if len(nouns) > 1 and _is_noun(nouns[1]) and after.lstrip(" -").count(" ") >= 1 else nouns[0]
        if head not in AMOUNT_KINDS and nouns[0] in AMOUNT_KINDS:
            head = nouns[0]
    if head is None:
        m = NOUN_OF_BEFORE.search(before)
        if m and _is_noun(m.group("noun")):
            head = m.group("noun").lower()
    if head is None:
        return frozenset()
    return AMOUNT_KINDS.get(noun_lemma(head), AMOUNT_KINDS.get(head, frozenset()))


def _owner(before: str) -> str | None:
    m = POSSESSOR.search(before)
    if m is None:
        return None
    words = [w for w in m.group("owner").lower().split() if w not in FUNCTION]
    if not words or m.group("owner").lower().split()[-1] in FUNCTION:
        return None
    return " ".join(words)


def _measured(value: str, after: str) -> str | None:
    words: list[str] = WORD.findall(after[:40])
    if not words:
        return None
    first = words[0].lower()
    if first in MEASURE_ADJECTIVES and after[: after.lower().find(first)].strip() == "":
        return first
    m = ATTRIBUTIVE.match(value.strip())
    if m is None or m.group("unit").lower() not in UNIT_FORMS or first == "old":
        return None
    head = None
    for word in words[:4]:  # 'a three-hour plus broadcast', 'the 15-inch unibody models'
        low = word.lower()
        if low in FUNCTION:
            break
        if _is_noun(low):
            head = noun_lemma(low)
    return head


_SCOPES: dict[tuple[str, int, str], Scope] = {}


def scope(claim: QuantityClaim) -> Scope:
    """The figure's scope, read once per claim."""
    key = (claim.source, claim.value_start, claim.quote)
    found = _SCOPES.get(key)
    if found is None:
        if len(_SCOPES) > 65536:
            _SCOPES.clear()
        found = _SCOPES[key] = _read_scope(claim)
    return found


def _read_scope(claim: QuantityClaim) -> Scope:
    before, value, after = _around(claim)
    return Scope(
        part=_part(claim, before, value, after),
        per=_per(before, after),
        kinds=_kinds(claim, before, after),
        owner=_owner(before),
        measured=_measured(value, after),
        joint=_joint(claim, after),
        listed=_listed(claim),
    )


# Words between two figures that set one against the other (a former figure, a restatement), not list them.
COMPARED = re.compile(r"\b(?:from|than|against|compared|versus|vs|or)\b", re.IGNORECASE)


def _listed(claim: QuantityClaim) -> bool:
    """Whether the figure is one of a list its sentence gives: another amount of its currency, or
    another duration in its unit, with no verb of its own between the two ('the first bidder offered
    $90 million over six years, the second $80 million over five'; 'A (six years, $40 million) and
    B (five years, $30 million)'; a range's two ends). Each is a fact of its own bidder,
    model or part, so neither is the one figure another source gives. Figures each told by its
    own verb ('raised $35m ... and also got $9m'), a figure set against another ('up from $70
    million', 'or $25 a share': COMPARED) and counts ('ten were killed and 20 injured', told apart
    by their verbs) are not read so."""
    if claim.unit not in CURRENCIES and not (claim.unit in UNIT_FORMS and UNIT_FORMS[claim.unit][0] == "duration"):
        return False
    at, end = claim.value_start - claim.start, claim.value_end - claim.start
    toks = tokens(claim.quote)
    found = find_numbers(claim.quote, toks)
    own = next((n for n in found if n.start < end and at < n.end), None)
    if own is None or own.dimension not in ("money", "duration"):
        return False
    verbs = [p.start for p in find_predicates(toks) if not p.noun] + [t.start for t in toks if _past_form(t.low)]
    for n in found:
        if n is own or n.unit != own.unit or math.isclose(n.value, own.value, rel_tol=1e-9):
            continue
        lo, hi = (own.end, n.start) if n.start >= own.end else (n.end, own.start)
        if COMPARED.search(claim.quote[lo:hi]):
            continue  # 'up from $70 million', 'or $25 a share': the other figure is set against this one
        if not any(lo <= v < hi for v in verbs):
            return True
    return False


@cache
def _past_form(word: str) -> bool:
    """Whether a lower-case word is a verb's past form ('got', 'raised', 'held'): a verb of its own
    clause, which the predicates may not list."""
    return word.isalpha() and any(
        word in forms
        for lemma in lemmas(word).get("VERB", ())
        for tag, forms in getAllInflections(lemma, upos="VERB").items()
        if tag in ("VBD", "VBN")
    )


def _sentence_lemmas(claim: ClaimBase) -> frozenset[str]:
    return frozenset(_lemma(w) for w in WORD.findall(claim.quote.lower()) if w not in FUNCTION)


def same_fact(a: QuantityClaim, b: QuantityClaim) -> bool:
    """Whether two figures could state one fact: the same rate (or both totals), amounts of one
    kind, the same owner where both name one, the same measured thing."""
    sa, sb = scope(a), scope(b)
    if sa.per != sb.per:
        return False  # '$21 million a year' is no total; 'monthly payments of $20' no price
    if sa.kinds and sb.kinds and not sa.kinds & sb.kinds:
        return False  # a salary against a film's takings
    for kinded, bare, other in ((sa, sb, b), (sb, sa, a)):
        # A bare amount is the deal's or the price's by default; one said to be pay, takings or a
        # fine is that only where the other's sentence names such an amount too.
        if kinded.kinds and not bare.kinds and "price" not in kinded.kinds and not _named_in(kinded.kinds, other):
            return False
    if sa.owner and sb.owner and not set(sa.owner.split()) & set(sb.owner.split()):
        return False  # 'the office's 40 employees' and 'the firm's 350 employees'
    if (sa.joint is None) != (sb.joint is None):
        return False  # '420 passengers and crew' against '246 passengers'
    if sa.measured and sb.measured and sa.measured != sb.measured:
        return False  # a 17-inch notebook and a 15-inch model; '0.98 inches thick'
    if sa.measured and not sb.measured and sa.measured not in _sentence_lemmas(b):
        return False  # 'a three-hour broadcast' against years of hosting: the broadcast is not said
    return not (sb.measured and not sa.measured and sb.measured not in _sentence_lemmas(a))


def _named_in(kinds: frozenset[str], other: ClaimBase) -> bool:
    """Whether the other figure's sentence names an amount of one of these kinds ('for $334 million'
    in a sentence that says 'acquire' is a price)."""
    return any(kinds & AMOUNT_KINDS.get(lemma, frozenset()) for lemma in _sentence_lemmas(other))


def part_of_whole(a: QuantityClaim, b: QuantityClaim) -> bool:
    """Whether one figure is only a part of what the other counts ('a further 20,000', 'two women
    and a man', '$281 million of the purchase price' against a total): such a pair may agree, never
    contradict. Two parts may be the same part ('the other two bombs', 'three other bombs'). A part
    cannot exceed its whole, so one above the other's total still contradicts it ('seven life
    sentences and four ...' against 'four life sentences'). A listed rule's part or offer ('278 of
    them', 'would pay') contradicts nothing."""
    if {"quantity.partial", "quantity.money-hedged"} & {a.rule, b.rule}:
        return True
    if scope(a).listed or scope(b).listed:
        return True  # one of several bidders' offers, models' prices, parts' sums
    pa, pb = scope(a).part, scope(b).part
    if (pa is None) == (pb is None):
        return False
    part, whole = (a, b) if pa is not None else (b, a)
    return not (part.low is not None and whole.high is not None and part.low > whole.high)


def vague_holds(a: QuantityClaim, b: QuantityClaim) -> bool:
    """Whether a vague figure ('dozens of people') allows the other ('around 60 people'): it names
    no number to contradict and the other lies within it."""
    for vague, other in ((a, b), (b, a)):
        if vague.rule == "quantity.vague" or (
            vague.open_vocabulary and vague.expression.lower().startswith(("dozens", "hundreds", "thousands", "scores"))
        ):
            low = vague.low if vague.low is not None else float("-inf")
            high = vague.high if vague.high is not None else float("inf")
            if low <= other.number <= high:
                return True
    return False
