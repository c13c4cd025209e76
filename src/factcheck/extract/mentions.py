"""Sentences → mentions, open vocabulary: every number with the noun it counts or the unit it
measures, and every event predicate with its lemma, negation, modality and voice.

Nothing here needs a closed list to notice a value: the lexicons (predicates, units) label what
they know and the rest keeps its own words. Lemmas come from lemminflect (its data ships in the
package); number words from text2num.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple

from lemminflect import getAllInflections, getAllLemmasOOV  # type: ignore[import-untyped]
from text_to_num import text2num  # type: ignore[import-untyped]

from factcheck.lexicons import load_lexicon
from factcheck.models import Modality, Qualifier
from factcheck.text.dates import MONTHS as DATE_MONTHS
from factcheck.text.lemmas import all_lemmas
from factcheck.text.numbers import QUALIFIERS, SCALES, interval
from factcheck.text.patterns import alternation

_PRED = load_lexicon("predicates")
CLASS_OF: dict[str, str] = {lemma: cls for cls, table in _PRED["classes"].items() for lemma in table}
STATE_OF: dict[str, str] = {lemma: state for table in _PRED["classes"].values() for lemma, state in table.items()}
EVENT_NOUNS: dict[str, str] = dict(_PRED["nouns"])
# A predicate's happening ("kill" and "attack": violence), by lemma and by the state it names:
# what two accounts of one act may be told with (predicates.yaml).
HAPPENING_OF: dict[str, str] = {
    word: name
    for name, lemmas in _PRED["happenings"].items()
    for lemma in lemmas
    for word in (lemma, STATE_OF.get(lemma, lemma))
}


def one_happening(a: str, b: str) -> bool:
    """Two predicates or kinds that may tell one act: of one happening ('attacked' and 'killed',
    'televised' and 'broadcast'), not merely of one class ('convicted' and 'sentenced')."""
    return a != b and a in HAPPENING_OF and HAPPENING_OF[a] == HAPPENING_OF.get(b)


NOT_PREDICATES = frozenset(_PRED["not_predicates"])
OPINION = frozenset(_PRED["opinion"])
IMPLICATIVE = frozenset(_PRED["implicative"])
NEGATIVE_IMPLICATIVE = frozenset(_PRED["negative_implicative"])
_UNITS = load_lexicon("units")
# written form -> (dimension, unit name, factor to the dimension's base unit)
UNIT_FORMS: dict[str, tuple[str, str, float]] = {}
for _dim, _table in _UNITS["units"].items():
    for _name, _forms in _table.items():
        *_words, _factor = _forms
        for _w in [_name, *_words]:
            UNIT_FORMS.setdefault(_w, (_dim, _name, float(_factor)))
CURRENCY_FORMS: dict[str, str] = {w: code for code, forms in _UNITS["currencies"].items() for w in forms}
CURRENCIES = frozenset(CURRENCY_FORMS.values())  # the currency codes a money figure can have
SCALE_FORMS: dict[str, float] = {w: float(n) for w, n in SCALES.items()}
MULTIPLIERS: dict[str, float] = {w: float(n) for n, forms in _UNITS["multipliers"].items() for w in forms}
NOT_PARTS = frozenset(_UNITS["not_parts"])
MODALS: dict[str, Modality] = {
    w: kind for kind in ("future", "possible", "planned") for w in load_lexicon("status")["modality"][kind]
}


def _wordset(words: str) -> frozenset[str]:
    """A word list written as words."""
    return frozenset(words.split())


MODAL_BEFORE = re.compile(r"(?:^|\s)(?P<m>" + alternation(MODALS) + r")(?:\s|$)")
# A match of MODAL_BEFORE in words joined by spaces starts at one of these words: without one, no search.
MODAL_FIRST_WORDS = frozenset(m.split()[0] for m in MODALS)
TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:[’'][^\W\d_]+)*|\S")
WORD_NUMBERS = _wordset(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred "
    "thousand million billion dozen and"
)
VAGUE = {"dozens": (24.0, 99.0), "hundreds": (200.0, 999.0), "thousands": (2000.0, 9999.0)}
MONTHS = frozenset(DATE_MONTHS)  # names and abbreviations
NEGATIONS = frozenset({"not", "n't", "never", "no", "nor", "neither"})
LAST_BEFORE = frozenset({"can", "could", "will", "would", "to", "may", "might", "should", "usually", "typically"})
PASSIVE_AUX = frozenset({"was", "were", "been", "being", "is", "are", "be", "got", "get", "gets"})
# Words that end the noun phrase after a number: function words and auxiliaries.
FUNCTION = _wordset(
    "a an the of in on at to for from by with and or but as than that this these those who which whom "
    "whose was were is are be been being has have had will would could should may might can do does did "
    "not no he she it they we you i his her its their our my your him them us me more less per each "
    "about over under into onto after before during since until while when where if so such some any all "
    "both"
)
DETERMINERS = _wordset("the a an all its his her their our my your this these those of")
QUALIFIER_BEFORE = re.compile(
    r"(?:^|\W)(?P<q>" + alternation(QUALIFIERS) + r")\s+$",
    re.IGNORECASE,
)


# Every written form of a listed predicate ("died", "dying", "deaths"): a sentence holding none,
# and no number or date, has nothing to claim, so it is not tokenized at all.
LISTED_FORMS = (
    frozenset(
        form.lower()
        for word in [*CLASS_OF, *EVENT_NOUNS]
        for forms in getAllInflections(word).values()
        for form in forms
    )
    | frozenset(CLASS_OF)
    | frozenset(EVENT_NOUNS)
)
OPINION_FORMS = frozenset(f.lower() for w in OPINION for forms in getAllInflections(w).values() for f in forms)
DIGIT = re.compile(r"\d")
VALUE_WORDS = (
    (WORD_NUMBERS - {"and"})
    | MONTHS
    | frozenset(VAGUE)
    | _wordset("monday tuesday wednesday thursday friday saturday sunday")
)
WORDS = re.compile(r"[^\W\d_]+")
NUMERAL = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")  # "1,500", "2.5", "40"


def may_hold(text: str) -> tuple[bool, bool]:
    """A quick test before tokenizing: could the sentence hold a number or a date, and could it
    hold a listed predicate?"""
    if DIGIT.search(text) is not None:
        return True, True  # a digit answers both: no need to read the words
    words = {w.lower() for w in WORDS.findall(text)}
    values = not words.isdisjoint(VALUE_WORDS)
    return values, values or not words.isdisjoint(LISTED_FORMS)


class Token(NamedTuple):
    """A word, number or mark of a sentence."""

    text: str
    start: int  # offsets into the sentence text
    end: int
    low: str  # lower case, typographic apostrophe made plain


def tokens(text: str) -> list[Token]:
    """Words, numbers and single marks of a sentence, with offsets.

    >>> [t.text for t in tokens("Police detained 12 men on Monday.")]
    ['Police', 'detained', '12', 'men', 'on', 'Monday', '.']
    """
    lower = text.lower()
    if len(lower) != len(text) or "Σ" in text:
        return _tokens_one_by_one(text)
    # Each character lower-cased on its own (the same length), and none whose lower case depends on
    # its neighbours (a final sigma): each token's lower case is the lower-case text's slice.
    if "’" in lower:
        lower = lower.replace("’", "'")
    # tuple.__new__ builds the named tuple without its Python-level __new__ (quicker)
    return [_NEW(Token, (text[a:b], a, b, lower[a:b])) for a, b in map(_SPAN, TOKEN.finditer(text))]


def _tokens_one_by_one(text: str) -> list[Token]:
    """`tokens` for a text whose lower case is not its characters' own: each token lower-cased."""
    out: list[Token] = []
    for m in TOKEN.finditer(text):
        word = m.group()
        low = word.lower()
        out.append(_NEW(Token, (word, m.start(), m.end(), low.replace("’", "'"))))
    return out


_SPAN = re.Match.span
_NEW = tuple.__new__


@cache
def lemmas(word: str) -> dict[str, tuple[str, ...]]:
    """lemminflect's lemmas of a lower-case word by part of speech ('VERB', 'NOUN', ...)."""
    return all_lemmas(word)


def verb_lemma(word: str) -> str | None:
    forms = lemmas(word).get("VERB")
    return forms[0] if forms else None


def noun_lemma(word: str) -> str:
    forms = lemmas(word).get("NOUN")
    return forms[0] if forms else word


# --- predicates ------------------------------------------------------------------------------


class Predicate(NamedTuple):
    """An event verb or noun in a sentence."""

    start: int
    end: int
    word: str
    lemma: str
    cls: str | None  # class in the predicates lexicon, None outside it
    state: str | None
    negated: bool
    modality: Modality
    passive: bool
    noun: bool  # an event noun ("his death"), not a verb


@cache
def _is_predicate(word: str) -> tuple[str, bool] | None:
    """The predicate lemma of a word and whether it is a noun, or None. A listed lemma counts in
    any form; an unlisted verb counts only inflected ("lasted", "employed"), where it cannot be a
    plain noun."""
    if word in EVENT_NOUNS:
        return EVENT_NOUNS[word], True
    lemma = verb_lemma(word)
    if lemma is None or lemma in NOT_PREDICATES:
        return None
    if lemma in CLASS_OF:
        if word == lemma and "NOUN" in lemmas(word) and lemma not in ("last",):
            return None  # "a fall", "the release": listed as event nouns where they are events
        return lemma, False
    if word != lemma and (word.endswith(("ed", "en")) or "NOUN" not in lemmas(word)):
        return lemma, False
    return None


def _modifies_noun(word: str) -> bool:
    """Whether a word after an event noun makes it a modifier ("death penalty", "arrest warrant")."""
    found = lemmas(word)
    inflected_verb = "VERB" in found and found["VERB"][0] != word
    return word.isalpha() and word not in FUNCTION and "NOUN" in found and not inflected_verb


def listed_predicates(preds: list[Predicate]) -> list[Predicate]:
    """Those of `find_predicates(toks)` that `find_predicates(toks, listed_only=True)` finds: each
    predicate is read from its own token and the words around it, whichever others are kept."""
    return [p for p in preds if p.word.lower() in LISTED_FORMS]


RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})


def _attributive(toks: list[Token], i: int) -> bool:
    """Whether the form in -ed at token i is a participle before a noun right after another verb
    in -ed ('issued revised rules', 'rescued injured climbers'): the object's adjective, since two
    past forms in a row are no two acts. A verb after an auxiliary ('was injured', 'had died') or
    before a mark, a function word or a capitalised word ('was arrested, charged', 'freed Anna')
    is not one. Nor is the main verb after a relative clause's ('troops who rebelled surrendered
    quietly'): the first form follows 'who', 'that' or 'which', or the next word is an adverb."""
    if i == 0 or i + 1 >= len(toks) or not toks[i].low.endswith("ed"):
        return False
    prev, nxt = toks[i - 1], toks[i + 1]
    if not (prev.low.endswith("ed") and prev.low.isalpha() and verb_lemma(prev.low) is not None):
        return False
    if i >= 2 and toks[i - 2].low in RELATIVE_PRONOUNS:
        return False
    if not (nxt.text.isalpha() and nxt.text.islower() and nxt.low not in FUNCTION):
        return False
    found = lemmas(nxt.low)
    return "ADV" not in found and ("NOUN" in found or "ADJ" in found or nxt.low.endswith("ed"))


# Each word's reading by _is_predicate (None too for a word too short or not all letters), looked
# up once per token: most words of a sentence are none.
_PREDICATE_OF: dict[str, tuple[str, bool] | None] = {}
_UNSEEN: Any = object()

FLOATING = frozenset({"all", "both"})  # after an auxiliary, of the subject: "were all released", "have both resigned"


# A clause whose subject is a negative pronoun denies its verbs: "None of the ministers has been
# reported to have resigned", "Nobody was hurt". "No one" and "neither" are read by the negation window.
NEGATIVE_SUBJECTS = frozenset({"none", "nobody", "nothing", "noone"})
# The words before a verb that make it part of a finite verb group ('was revealed', 'were
# protesting', 'has signed', 'will resume'): with one, a participle is no modifier of a noun.
AUXILIARIES = (
    PASSIVE_AUX
    | {"am", "has", "have", "had", "do", "does", "did"}
    | {w for w in MODALS if " " not in w and "AUX" in lemmas(w)}
)
CLAUSE_MARKS = frozenset({",", ";", ":", "(", "\u2014", "\u2013", "-", '"', "\u201c"})
CLAUSE_WORDS = frozenset({"but", "and", "or", "while", "whereas", "although", "though", "because", "when"})


def _can_be_verb(word: str) -> bool:
    """Whether a word can be a form of a verb ("reported", "offered", "have")."""
    return word.isalpha() and "VERB" in lemmas(word)


def _denied_span(lows: list[str]) -> range:
    """Token indices of the verb group a negative subject denies, or an empty range.

    The subject must open its clause ("Police said none of ..." opens one after "said" too, as
    the subject of a reported clause); the verb group runs from its first auxiliary or finite verb
    through auxiliaries, adverbs, "to" and verb forms, and ends at the first other word."""
    for i, low in enumerate(lows):
        if low not in NEGATIVE_SUBJECTS:
            continue
        before = lows[i - 1] if i else ","
        opens = (
            before in CLAUSE_MARKS
            or before in CLAUSE_WORDS
            or before == "that"
            or (before not in AUXILIARIES and before not in FUNCTION and _can_be_verb(before))
        )
        if not opens:
            continue  # "second to none", "he had none of the charm": an object, not a subject
        # The subject phrase: "none of the other ministers -- A, B and C --"; its verb is the first
        # auxiliary, or the first past form not after a determiner ("none of the injured died").
        j = i + 1
        while j < len(lows) and lows[j] not in AUXILIARIES:
            w = lows[j]
            if w.endswith("ed") and _can_be_verb(w) and lows[j - 1] not in DETERMINERS:
                break
            j += 1
        if j >= len(lows) or j - i > 30 or (j - i > 3 and lows[i + 1] != "of"):
            continue  # only "none of ..." has a long subject phrase
        k = j
        while k < len(lows) and (
            lows[k] in AUXILIARIES
            or lows[k] in ("to", "not", "yet", "also", "ever")
            or lows[k].endswith("ly")
            or (_can_be_verb(lows[k]) and lows[k] not in FUNCTION)
        ):
            k += 1
        return range(j, k)
    return range(0)


def find_predicates(toks: list[Token], listed_only: bool = False) -> list[Predicate]:
    """Event predicates among `toks`; with `listed_only`, only the predicates lexicon's (a sentence
    with no number or date needs no other: nothing would attach to them)."""
    out: list[Predicate] = []
    lows = [t.low for t in toks]
    opinion = not OPINION_FORMS.isdisjoint(lows) and any(
        t.low in OPINION_FORMS and t.text.islower() for t in toks
    )  # "Felt" may be a name
    denied = _denied_span(lows) if not NEGATIVE_SUBJECTS.isdisjoint(lows) else range(0)
    for i, low in enumerate(lows):
        if listed_only and low not in LISTED_FORMS:
            continue
        found = _PREDICATE_OF.get(low, _UNSEEN)
        if found is _UNSEEN:
            found = _PREDICATE_OF[low] = _is_predicate(low) if len(low) >= 3 and low.isalpha() else None
        if found is None:
            continue
        tok = toks[i]
        lemma, is_noun = found
        if is_noun and i + 1 < len(toks) and _modifies_noun(toks[i + 1].low):
            continue  # "the death penalty", "an arrest warrant": the noun names another thing
        before = lows[max(0, i - 4) : i]
        if (
            not is_noun
            and before
            and before[-1] in DETERMINERS
            and before[-1] != "of"
            and not (before[-1] in FLOATING and len(before) > 1 and before[-2] in AUXILIARIES)
        ):
            continue  # "an injured person", "the wounded man": an adjective, not an event
        if not is_noun and _attributive(toks, i):
            continue  # "issued revised rules", "freed injured hostages": the object's adjective
        if low == "last" and not (before and before[-1] in LAST_BEFORE):
            continue  # "last week", "the last time": a verb only in "can last", "will last"
        if is_noun:
            negated = bool(before) and before[-1] == "no"  # "no deaths"; "did not get the death ..." is another verb's
        else:
            # A negation in the verb's own words, not behind a mark: "(no relation) disappeared".
            near = before[-3:]
            marks = [k for k, w in enumerate(near) if not w[:1].isalnum()]
            near = near[marks[-1] + 1 :] if marks else near
            negated = any(w in NEGATIONS or w.endswith("n't") for w in near) or i in denied
        modality: Modality = "asserted"
        modal = MODAL_BEFORE.search(" ".join(before)) if not MODAL_FIRST_WORDS.isdisjoint(before) else None
        if modal:
            modality = MODALS[modal.group("m")]
        if opinion and any(t.low in OPINION_FORMS and t.text.islower() for t in toks[max(0, i - 6) : i]):
            modality = "possible"  # "I don't think he won": an opinion, not an account
        if not is_noun and before and before[-1] == "to" and low == lemma:
            # An infinitive: done only after "managed to", not done after "failed to", else intended.
            governing = verb_lemma(before[-2]) if len(before) > 1 else None
            if governing in NEGATIVE_IMPLICATIVE:
                negated = True
            elif governing not in IMPLICATIVE:
                modality = "planned"
        if negated:
            modality = "negated" if modality in ("asserted", "future") else modality
        prev = [w for w in before if not w.endswith("ly") and w not in NEGATIONS and w != "again" and w not in FLOATING]
        passive = bool(prev) and prev[-1] in PASSIVE_AUX and not is_noun
        fields = (tok.start, tok.end, tok.text, lemma, CLASS_OF.get(lemma), STATE_OF.get(lemma), negated, modality)
        out.append(_NEW(Predicate, (*fields, passive, is_noun)))  # Predicate(...) without its Python __new__
    return out


# --- numbers ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Number:
    """A number in a sentence with what it counts or measures."""

    start: int  # the words of the quantity, qualifier and unit included
    end: int
    value: float
    low: float | None
    high: float | None
    qualifier: Qualifier
    unit: str  # the unit as named ('feet', 'percent', 'USD') or the counted noun's lemma
    dimension: str  # 'count', 'money', 'distance', 'duration', 'weight', 'percent', ...
    base: float  # the value in the dimension's base unit, for comparison across units
    noun: str | None  # lemma of the counted or described noun
    noun_words: str | None  # those words as written
    vague: bool
    per: str | None = None  # a rate's denominator: "$25 a share" is per share
    each: float | None = None  # a count of parts a modifier implies: "six twin-engine planes" has 2 engines each


def _word_number(words: list[str]) -> float | None:
    phrase = " ".join(words).replace("-", " ")
    if phrase in ("a dozen", "dozen"):
        return 12.0
    try:
        return float(text2num(phrase, "en"))
    except ValueError:
        return None


def _spaced(toks: list[Token], j: int, mark: str) -> bool:
    """Token j is `mark` glued to the digits before it, and one space then digits follow."""
    return (
        j + 1 < len(toks)
        and toks[j].text == mark
        and toks[j].start == toks[j - 1].end
        and toks[j + 1].start == toks[j].end + 1
        and toks[j + 1].low.isdecimal()
    )


def _spaced_amount(toks: list[Token], j: int, value: float) -> tuple[int, float]:
    """An amount whose thousands or decimals a typesetter spaced: "$1, 199" is 1,199 dollars and
    "£1. 7m" 1.7 million pounds, not $1 and £1 (`j` is the token after the first digits)."""
    if toks[j - 1].low.isdecimal() and len(toks[j - 1].low) <= 3:
        while _spaced(toks, j, ",") and len(toks[j + 1].low) == 3:
            value, j = value * 1000 + float(toks[j + 1].low), j + 2
    if value.is_integer() and _spaced(toks, j, ".") and j + 2 < len(toks) and toks[j + 2].low in SCALE_FORMS:
        value, j = float(f"{value:.0f}.{toks[j + 1].low}"), j + 2
    return j, value


def _number_run(toks: list[Token], i: int) -> tuple[int, float, bool] | None:
    """Where the number starting at token i ends (exclusive), its value and whether it is vague."""
    low = toks[i].low
    if low[0].isdigit():
        if len(low) > 15 or not NUMERAL.fullmatch(low):
            return None
        if i > 0 and toks[i - 1].text == "/" and toks[i - 1].end == toks[i].start:
            return None  # the 2 of "1/2", "3/4" or "12/05"
        value = float(low.replace(",", ""))
        j = i + 1
        if i > 0 and toks[i - 1].low in CURRENCY_FORMS and not toks[i - 1].low.isalpha():
            j, value = _spaced_amount(toks, j, value)
        if j < len(toks) and toks[j].text == "/" and toks[j].start == toks[i].end:
            return None  # "1/2", "12/05/2020": a fraction or a date, not a count
        if j + 2 < len(toks) and toks[j + 1].text == "/" and toks[j].low.isdecimal() and toks[j + 2].low.isdecimal():
            denominator = float(toks[j + 2].low)
            if denominator:
                value += float(toks[j].low) / denominator  # "4 1/2 hours"
            j += 3
        elif j < len(toks) and toks[j].text in ("½", "¼", "¾"):
            value += {"½": 0.5, "¼": 0.25, "¾": 0.75}[toks[j].text]
            j += 1
        if j < len(toks) and toks[j].low in SCALE_FORMS and toks[j].low not in UNIT_FORMS:
            value *= SCALE_FORMS[toks[j].low]
            j += 1
        return j, value, False
    if low in VAGUE:
        return i + 1, VAGUE[low][0], True
    if low == "a" and i + 1 < len(toks) and toks[i + 1].low in ("dozen", "hundred", "thousand", "million"):
        words = ["a" if toks[i + 1].low == "dozen" else "one", toks[i + 1].low]
        j = i + 2
    else:
        parts = low.split("-")
        if not all(p in WORD_NUMBERS for p in parts) or low in ("and", "dozen"):
            return None
        j = i + 1
        words = [low]
    while j < len(toks):
        if toks[j].text == "-" and j + 1 < len(toks) and toks[j + 1].low in WORD_NUMBERS:
            j += 1  # "twenty-one"
        elif toks[j].low not in WORD_NUMBERS:
            break
        words.append(toks[j].low)
        j += 1
    while words and words[-1] == "and":
        words.pop()
        j -= 1
    parsed = _word_number(words)
    if parsed is None:
        return None
    return j, parsed, False


def _is_date_or_time(toks: list[Token], i: int, j: int, value: float) -> bool:
    prev = toks[i - 1].low if i > 0 else ""
    nxt = toks[j].low if j < len(toks) else ""
    nxt2 = toks[j + 1].low if j + 1 < len(toks) else ""
    if prev in MONTHS or nxt in MONTHS or (nxt == "of" and nxt2 in MONTHS):
        return True  # "March 5", "5 March", "the 5th of March"
    if nxt in (":", "a.m", "p.m", "am", "pm", "gmt", "utc") or prev == ":":
        return True
    if nxt in ("-", "year") and toks[j].start == toks[j - 1].end and "year" in {nxt, nxt2}:
        return True  # "40-year-old": ages are their own claims
    if nxt in ("years", "year") and nxt2 == "old":
        return True
    if nxt in ("st", "nd", "rd", "th"):
        return True
    return bool(value == int(value) and 1800 <= value <= 2100 and toks[i].low.isdigit() and nxt not in UNIT_FORMS)


def _unit_after(toks: list[Token], j: int) -> tuple[int, str, str, float] | None:
    """A unit of measure right after a number (or after its hyphen: "20-foot")."""
    k = j + 1 if j < len(toks) and toks[j].text == "-" else j
    for width in (3, 2, 1):
        if k + width > len(toks):
            continue
        phrase = " ".join(t.low for t in toks[k : k + width])
        if phrase in UNIT_FORMS and (width > 1 or phrase.isalpha() or phrase == "%"):
            if phrase in ("m", "in", "g", "mi") and k + 1 < len(toks) and toks[k].start != toks[k - 1].end:
                continue  # "5 m" may be metres; "5 in the" is not inches
            dim, name, factor = UNIT_FORMS[phrase]
            return k + width, dim, name, factor
    return None


def _compound(toks: list[Token], k: int) -> int | None:
    """Where a hyphenated compound starting at token k ends ("dual-core", "500-bed",
    "ten-year-old"): words joined by hyphens with no space, or None."""
    j = k + 1
    while (
        j + 1 < len(toks)
        and toks[j].text == "-"
        and toks[j].start == toks[j - 1].end
        and toks[j + 1].start == toks[j].end
        and toks[j + 1].low.isalpha()
    ):
        j += 2
    return j if j > k + 1 and toks[k].low.isalnum() else None


def _counted_spaced(toks: list[Token], k: int, counted: bool) -> bool:
    """Whether capitals at token k, one space and a number can be a designation: in a counted
    phrase and with no hyphen joined to the number (the "2-1" of a score)."""
    before = toks[k - 1].low if k > 0 else ""
    if not (counted or before.isdecimal() or (before in WORD_NUMBERS and before != "and")):
        return False
    j = k + 2
    return not (j < len(toks) and toks[j].text == "-" and toks[j].start == toks[j - 1].end)


def designation(toks: list[Token], k: int, counted: bool = False) -> int | None:
    """Where a model's designation starting at token k ends, or None: capitals joined to a number
    by a hyphen or one space ("XR-7", "XR 7", plural "XR-7s"). It names a kind of thing, not a
    person, and its number counts nothing. The spaced form is also an organisation before a
    score or a count ("beat ABC 2-1", "the ABC 10 agents"), so it is read only inside a counted
    phrase ("nine XR 7 rifles": `counted`, or a count just before) and never before a hyphen."""
    word = toks[k].text
    if not (word.isalpha() and word.isupper() and len(word) <= 4) or k + 1 >= len(toks):
        return None
    j = k + 1
    if toks[j].text == "-" and toks[j].start == toks[k].end:
        j += 1
        if j >= len(toks) or toks[j].start != toks[j - 1].end:
            return None
    elif toks[j].start != toks[k].end + 1 or not _counted_spaced(toks, k, counted):
        return None
    if not (toks[j].low.isdecimal() and len(toks[j].low) <= 4):
        return None
    j += 1
    if j < len(toks) and toks[j].low == "s" and toks[j].start == toks[j - 1].end:
        j += 1
    return j


def _noun_after(
    toks: list[Token], j: int, plural: bool = False, compounds: bool = False
) -> tuple[int, str, str] | None:
    """The noun phrase a count is about: up to three words after the number, headed by the last.
    With `plural` (a number above one counts it), a singular word is a modifier until a plural
    noun comes ("three other assault rifles"), not the head. With `compounds`, a hyphenated
    compound ("twin-engine", "two-bedroom") modifies the head to come and does not count among
    the three words."""
    words: list[Token] = []
    k = j
    plain = 0
    kind: str | None = None
    while k < len(toks) and plain < 3 and len(words) < 5:
        end = designation(toks, k, counted=True)
        if end is not None:
            # "seven XR-7s" counts the kind; "14 XR-7 rifles" counts rifles of the kind, a part of
            # all the rifles another source may count ("nine rifles"), so the kind heads the noun.
            text = toks[k].text + "".join(
                ("" if t.start == prev.end else " ") + t.text for prev, t in itertools.pairwise(toks[k:end])
            )
            if toks[end - 1].low == "s":
                return toks[end - 1].end, text[:-1].lower(), " ".join([*(w.text for w in words), text])
            kind = text.lower()
            words.append(Token(text, toks[k].start, toks[end - 1].end, kind))
            k = end
            continue
        end = _compound(toks, k) if compounds else None
        if end is not None:
            text = "".join(t.text for t in toks[k:end])
            words.append(Token(text, toks[k].start, toks[end - 1].end, text.lower()))
            k = end
            continue
        plain += 1
        low = toks[k].low
        if not low.replace("-", "").isalpha() or low in FUNCTION:
            break
        lem = lemmas(low)
        waiting = plural and all(noun_lemma(w.low) == w.low for w in words)
        if (
            words
            and "VERB" in lem
            and ("NOUN" not in lem or (low.endswith("s") and not words[-1].low.endswith("s") and not waiting))
        ):
            break  # "ten men attacked", "the traffic passes": the verb ends the phrase
        if words and low.endswith("ed") and lem.get("VERB", ("",))[0] != low:
            break
        words.append(toks[k])
        k += 1
        if noun_lemma(low) != low and "NOUN" in lem:
            break  # a plural ends the phrase: "350 employees", "three armed men"
    while words and _head_lemma(words[-1]) is None:
        words.pop()
    if not words:
        return None
    head = _head_lemma(words[-1])
    assert head is not None
    return words[-1].end, f"{kind} {head}" if kind else head, " ".join(t.text for t in words)


def _head_lemma(tok: Token) -> str | None:
    """The noun lemma of a word that can head a counted phrase, or None. A plural written in lower
    case that the lemma tables lack ("gadgets" if they did) is a noun by its form."""
    word = tok.low
    if "NOUN" in lemmas(word):
        return noun_lemma(word)
    if (
        not lemmas(word)
        and tok.text.isalpha()
        and tok.text.islower()
        and len(word) > 3
        and word.endswith("s")
        and not word.endswith("ss")
    ):
        found: tuple[str, ...] = getAllLemmasOOV(word, upos="NOUN").get("NOUN", (word,))
        return found[0]
    return None


def _parts(toks: list[Token], j: int) -> tuple[float, str, str, int] | None:
    """How many parts of what kind each counted thing has, by a hyphenated modifier of the noun
    phrase at token j: "twin-engine planes" have two engines each, "three-bedroom houses" three
    bedrooms; with the part's plural and where the phrase ends. None for a measure ("20-foot"), an
    age, or a phrase with no such modifier or no head."""
    phrase = _noun_after(toks, j, plural=True, compounds=True)
    if phrase is None:
        return None
    end = phrase[0]
    k = j
    while k < len(toks) and toks[k].end < end:
        stop = _compound(toks, k)
        if stop is None:
            k += 1
            continue
        if stop == k + 3:
            first, part = toks[k].low, toks[k + 2].low
            each = (
                MULTIPLIERS.get(first)
                or (float(first) if first.isdecimal() else None)
                or (_word_number([first]) if first in WORD_NUMBERS and first != "and" else None)
            )
            lemma = noun_lemma(part)
            if each and "NOUN" in lemmas(part) and not {part, lemma} & (UNIT_FORMS.keys() | NOT_PARTS):
                plural = getAllInflections(lemma, upos="NOUN").get("NNS", (lemma + "s",))[0]
                return each, lemma, plural, end
        k = stop
    return None


def _noun_of(toks: list[Token], j: int) -> tuple[int, str, str] | None:
    """'90 percent of all the traffic', 'three of the pirates': the noun after 'of'."""
    if j >= len(toks) or toks[j].low != "of":
        return None
    k = j + 1
    while k < len(toks) and toks[k].low in DETERMINERS:
        k += 1
    return _noun_after(toks, k)


COMPARATIVES = _wordset(
    "more less fewer cheaper dearer higher lower bigger smaller larger longer shorter older younger greater "
    "faster slower further farther deeper taller heavier lighter"
)


def _comparative(toks: list[Token], j: int) -> bool:
    """Whether the words after a measure make it a difference ('cheaper', 'taller than')."""
    low = toks[j].low
    return low in COMPARATIVES or (low.endswith("er") and j + 1 < len(toks) and toks[j + 1].low == "than")


def _is_label(before: Token, ahead: Token | None = None, measured: bool = False) -> bool:
    """Whether the word before a number makes it a label: "Article 296", "Flight 370", "No. 5",
    a model's hyphenated number ("XR-7", `ahead` being the word before the hyphen). After a
    capitalised word, a number `measured` by a unit of its own is a measure ("with John 14 weeks
    ago"); a unit joined by a hyphen is still the label's ("the Oakvale 27-yard line")."""
    if before.low in ("no", "#"):
        return True
    if before.text == "-" and ahead is not None and ahead.end == before.start and ahead.text[:1].isupper():
        return True
    return (
        not measured
        and before.start > 0
        and before.text[:1].isupper()
        and before.low not in MONTHS
        and before.low not in QUALIFIERS
    )


NUMBER_FIRSTS = frozenset(VAGUE) | WORD_NUMBERS | {"a"}  # besides digits: words a number may start with


def find_numbers(sentence: str, toks: list[Token]) -> list[Number]:
    out: list[Number] = []
    # Where the hyphens are: a count's parts ("twin-engine planes") need one after the number, so
    # a number with none after it is not read for them (most are not).
    hyphens = [k for k, t in enumerate(toks) if t.text == "-"]
    # The tokens a number may start at, found in one pass; each is read unless the last number
    # read ran past it (`i`: where the next may start).
    firsts = [
        k
        for k, t in enumerate(toks)
        if t.low[0].isdigit() or t.low in NUMBER_FIRSTS or ("-" in t.low and t.low.split("-")[0] in WORD_NUMBERS)
    ]
    i = 0
    for k in firsts:
        if k < i:
            continue
        i = k
        run = _number_run(toks, i)
        if run is None:
            continue
        j, value, vague = run
        if (
            j < len(toks)
            and toks[j].start == toks[j - 1].end
            and toks[j].text[:1].isalpha()
            and toks[j].low not in UNIT_FORMS
            and toks[j].low not in SCALE_FORMS
        ):
            i = j
            continue  # "8Women", "3D": glued to a word, not a count
        if j == i + 1 and toks[i].low == "one" and _unit_after(toks, j) is None:
            i = j
            continue  # "one of them", "the one who": too often not a count
        measured = j < len(toks) and toks[j].text != "-" and _unit_after(toks, j) is not None
        if i > 0 and _is_label(
            toks[i - 1], toks[i - 2] if i > 1 and toks[i - 1].end == toks[i].start else None, measured
        ):
            i = j
            continue  # "Article 296", "Flight 370", "No. 5": a label, not a count
        if _is_date_or_time(toks, i, j, value):
            i = j
            continue
        start = toks[i].start
        end = toks[j - 1].end
        currency = None
        if i > 0 and toks[i - 1].low in CURRENCY_FORMS and not toks[i - 1].low.isalpha():
            currency = CURRENCY_FORMS[toks[i - 1].low]
            start = toks[i - 1].start
        if i > 1 and toks[i - 1].low == "$" and toks[i - 2].low == "us":
            start = toks[i - 2].start
        noun: tuple[int, str, str] | None = None
        parts: tuple[float, str, str, int] | None = None
        unit = _unit_after(toks, j) if currency is None else None
        if currency is None and j < len(toks) and toks[j].low in CURRENCY_FORMS and toks[j].low.isalpha():
            currency, end, j = CURRENCY_FORMS[toks[j].low], toks[j].end, j + 1
        if currency is not None:
            if j < len(toks) and toks[j].low in SCALE_FORMS and not toks[j].low.isdigit():
                value *= SCALE_FORMS[toks[j].low]
                end, j = toks[j].end, j + 1
            dim, name, factor = "money", currency, 1.0
            noun = _noun_of(toks, j)
        elif unit is not None:
            if toks[i].low == "zero" and not toks[unit[0] - 1].low.endswith("s"):
                i = unit[0]
                continue  # "a zero-day flaw", "zero hour": a compound name, not nothing counted ("zero days")
            j, dim, name, factor = unit
            end = toks[j - 1].end
            noun = _noun_of(toks, j) or (_noun_after(toks, j) if dim == "percent" else None)
        else:
            noun = _noun_of(toks, j) or _noun_after(toks, j, plural=value > 1)
            parts = None if vague or bisect.bisect_right(hyphens, j) == len(hyphens) else _parts(toks, j)
            if noun is None and parts is None:
                i = j
                continue  # a bare number with nothing counted: a score, a code, a page
            dim, name, factor = "count", noun[1] if noun else "", 1.0
            end = noun[0] if noun and toks[j].low != "of" else end
        if dim != "count" and j < len(toks) and _comparative(toks, j):
            i = j
            continue  # "$3 cheaper", "two metres higher than": a difference, not the amount
        per = None
        if (
            dim != "count"
            and j + 1 < len(toks)
            and toks[j].low in ("a", "an", "per", "each")
            and toks[j + 1].low.isalpha()
        ):
            per = noun_lemma(toks[j + 1].low)  # "$25 a share", "10 km per hour": a rate
        qual_m = QUALIFIER_BEFORE.search(sentence[max(0, start - 25) : start])
        qualifier: Qualifier = QUALIFIERS[qual_m.group("q").lower()] if qual_m else "exact"  # type: ignore[assignment]
        if qual_m:
            start -= len(sentence[max(0, start - 25) : start]) - qual_m.start("q")
        low: float | None
        high: float | None
        if vague:
            low, high = VAGUE[toks[i].low]
            qualifier = "about"
        else:
            low, high = interval(value, qualifier)
        if dim != "count" or noun is not None:
            out.append(
                Number(
                    start=start,
                    end=end,
                    value=value,
                    low=low,
                    high=high,
                    qualifier=qualifier,
                    unit=name,
                    dimension=dim,
                    base=value * factor,
                    noun=noun[1] if noun else None,
                    noun_words=noun[2] if noun else None,
                    vague=vague,
                    per=per,
                )
            )
        if dim == "count" and parts is not None:
            # "six twin-engine planes" also counts twelve engines: what another source may count.
            each, part, plural, phrase_end = parts
            out.append(
                Number(
                    start=start,
                    end=phrase_end,
                    value=value * each,
                    low=None if low is None else low * each,
                    high=None if high is None else high * each,
                    qualifier=qualifier,
                    unit=part,
                    dimension="count",
                    base=value * each,
                    noun=part,
                    noun_words=plural,
                    vague=False,
                    per=None,
                    each=each,
                )
            )
        i = j
    return out


# --- weekdays --------------------------------------------------------------------------------

WEEKDAY = re.compile(
    r"\b(?:(?P<dir>last|next|this|on|since|by)\s)?(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?P<poss>[’']s)?\b"
)
