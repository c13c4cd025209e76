"""Sentences → events with their slots: who did what to whom, when, and whether it happened.

Every event verb, listed or not, that names who or what it is done to becomes an event claim:
its lemma; its modality ("will replace", "in a bid to escape", "did not find"); who acts and who
is acted on, read by voice, so that "police found the bodies" and "the bodies were found by
police" give one agent and one patient; and the clause's time in words ("early December"). A
figure said not to be known ("the fee was not disclosed", "for an undisclosed sum") is an event
claim too, of the verb of disclosing, negated. compare/slots.py compares these slot by slot.
"""

from __future__ import annotations

import calendar
import re
from typing import NamedTuple

from factcheck.extract.context import Context, evidence
from factcheck.extract.frames import build_frame
from factcheck.extract.mentions import (
    CLASS_OF,
    FUNCTION,
    IMPLICATIVE,
    MODALS,
    MONTHS,
    NEGATIVE_IMPLICATIVE,
    NOT_PREDICATES,
    PASSIVE_AUX,
    Predicate,
    Token,
    lemmas,
    noun_lemma,
    verb_lemma,
)
from factcheck.lexicons import load_lexicon
from factcheck.models import ClaimBase, EventClaim, Frame, Modality, MonthSpan, Sentence, topic
from factcheck.text.dates import MONTH_NAMES
from factcheck.text.prefilter import Caseless, folded

_LEX = load_lexicon("slots")
# Modal auxiliaries before a bare verb ("will replace", "might leave"): the verb is an event the
# clause does not assert, still to come or only possible. The status lexicon's modality table.
MODAL_OF: dict[str, Modality] = {w: kind for w, kind in MODALS.items() if "AUX" in lemmas(w)}
MODAL_WORDS = frozenset(MODAL_OF)
DEMAND = frozenset(_LEX["demand_words"])
CONDITIONAL = frozenset(_LEX["conditional_words"])
BETWEEN = frozenset(_LEX["between_subject_and_verb"])
SAME_EVENT: dict[str, str] = {verb: name for name, verbs in _LEX["same_event"].items() for verb in verbs}
WITH_OBJECT = frozenset(_LEX["same_event_with_object"])
DISCLOSE = frozenset(_LEX["disclose_verbs"])
UNDISCLOSED = frozenset(_LEX["undisclosed_words"])
PRICE_NOUNS = frozenset(_LEX["price_nouns"])
# The first letters every form of a disclosing word starts with ("disclos", "reveal", "gave"):
# a sentence holding none states no undisclosed figure.
UNDISCLOSE_WORDS = tuple(sorted({w[:4] for w in (*DISCLOSE, *UNDISCLOSED)} | {"gave", "made"}))
MAY_UNDISCLOSE = Caseless(re.compile("|".join(UNDISCLOSE_WORDS), re.IGNORECASE))  # asked of the lower-case text
ATTEMPT = frozenset(_LEX["attempt_words"])
DEPARTURE = frozenset(_LEX["departure_verbs"])
# What every form of a departure verb holds, for a sentence prefilter: its first three letters,
# and "left", the irregular past of "leave" (a verb added with another irregular past adds it here).
DEPART_MARKS = tuple(sorted({w[:3] for w in DEPARTURE} | {"left"}))
NOT_DEPARTED = frozenset(_LEX["not_departed"])
STEP_NOUNS: dict[str, str] = dict(_LEX["step_nouns"])
DONE_BEFORE_NOUN = frozenset(_LEX["done_before_noun"])
MONTH_NUMBERS = {m.lower(): i for i, m in enumerate(MONTH_NAMES, 1)}
PARTS: dict[str, tuple[int, int | None]] = {
    part: (int(first), None if last == "end" else int(last)) for part, (first, last) in _LEX["month_parts"].items()
}
_MONTH = "|".join(MONTH_NUMBERS)
_PART = "|".join(sorted(PARTS, key=len, reverse=True))
MONTH_PART = re.compile(
    rf"\b(?:(?:in|by|at|from|since|until)\s)?(?:the\s)?(?:(?P<p1>{_PART})(?:\sof|-|\s)\s?(?P<m1>{_MONTH})"
    rf"|(?P<m2>{_MONTH})[-\s](?P<p2>end|beginning|start))\b",
    re.IGNORECASE,
)
MONTH_PART_LOWER = Caseless(MONTH_PART)  # asked of the lower-case text first: most clauses name no month
# Verbs of telling and thinking carry no event of their own; a passive "found" with "guilty" or
# "dead" is a verdict or a state, not a discovery. A departure verb ("leave") has other senses
# ("left him injured", "leave a note"): only a departure is an event (`_departs`).
NO_EVENT = NOT_PREDICATES - frozenset({"find"}) - DEPARTURE
FIND_STATE = frozenset({"guilty", "dead", "unconscious", "alive", "responsible", "liable", "innocent", "that"})
RELATIVE = frozenset({"which", "who", "that"})
TIME_WORDS = frozenset(
    {"yesterday", "today", "tonight", "early", "late", "mid", "last", "next", "ago", "earlier", "later", "now"}
    | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)
DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "my", "this", "these", "those", "some"})
QUANTIFIERS = frozenset({"all", "both", "other", "several", "many", "two", "three", "four", "five", "more"})
# The function words a subject phrase stops at, read right to left (determiners are part of it).
SUBJECT_STOP = FUNCTION - DETERMINERS - QUANTIFIERS - {"and"}
MAX_PHRASE = 6  # tokens of a participant phrase: past this, a clause, not a noun phrase
MAX_PER_SENTENCE = 8  # event claims of one sentence: a run-on line or a list past this


class Phrase(NamedTuple):
    """A participant phrase: its words as written and the lemmas of its common nouns."""

    text: str
    heads: tuple[str, ...]


def month_span(text: str) -> tuple[str, MonthSpan] | None:
    """The first part of a month `text` names ('early December', 'November-end') and its days.

    >>> month_span("replaced it in November-end")[1].first
    21
    """
    lower = folded(text)
    if lower is not None and not any(month in lower for month in MONTH_NUMBERS):
        return None  # every match names a month: most clauses name none (twelve substring tests)
    m = MONTH_PART.search(text) if MONTH_PART_LOWER.search(text) else None
    if m is None:
        return None
    part = (m.group("p1") or m.group("p2")).lower()
    month = MONTH_NUMBERS[(m.group("m1") or m.group("m2")).lower()]
    first, last = PARTS[part]
    end = calendar.monthrange(2001, month)[1] if last is None else last  # February: 28, a leap year aside
    return m.group(0), MonthSpan(month=month, first=first, last=end)


def _is_word(tok: Token) -> bool:
    return tok.text.isalpha() or (tok.text[:1].isalpha() and "-" in tok.text)


def _common(tok: Token) -> bool:
    """A lower-case word, or a sentence's capitalised first word that is a common noun ('Police')."""
    if not tok.text.isalpha():
        return False
    return tok.text.islower() or (tok.start == 0 and tok.text[1:].islower() and bool(lemmas(tok.low)))


def _phrase(text: str, toks: list[Token]) -> Phrase | None:
    """The words of `toks` as one phrase, with its heads: the last common noun before each 'and'."""
    written = toks
    toks = [t for t in toks if t.low not in DETERMINERS and t.low not in QUANTIFIERS and not t.text.isdigit()]
    if not toks:
        return None
    heads: list[str] = []
    chunk: list[Token] = []
    for tok in [*toks, None]:
        if tok is None or tok.low in ("and", "or", ","):
            common = [t for t in chunk if _common(t) and "NOUN" in lemmas(t.low)]
            if common and common[-1] is chunk[-1]:
                heads.append(noun_lemma(common[-1].low))
            chunk = []
        else:
            chunk.append(tok)
    if not heads and not any(t.text[:1].isupper() for t in toks):
        return None  # neither a common noun nor a name: "again", "without"
    return Phrase(text[written[0].start : written[-1].end], tuple(dict.fromkeys(heads)))


def _np_after(text: str, toks: list[Token], j: int, hi: int) -> Phrase | None:
    """The noun phrase that starts at toks[j]: determiners, names, common nouns, joined by 'and'."""
    out: list[Token] = []
    while j < len(toks) and toks[j].start < hi and len(out) < MAX_PHRASE:
        tok = toks[j]
        if tok.low in DETERMINERS or tok.low in QUANTIFIERS or tok.low == "and" or (not out and tok.text.isdigit()):
            out.append(tok)
        elif not _is_word(tok) or tok.low in FUNCTION or tok.low in MONTHS or tok.low in TIME_WORDS:
            break
        elif tok.text.islower() and "VERB" in lemmas(tok.low) and "NOUN" not in lemmas(tok.low):
            break  # the clause goes on: "found the bodies lying ..."
        else:
            out.append(tok)
        j += 1
    while out and out[-1].low in ("and", *DETERMINERS):
        out.pop()
    return _phrase(text, out) if out else None


def _np_before(text: str, toks: list[Token], i: int, lo: int) -> Phrase | None:
    """The subject before the verb at toks[i]: past auxiliaries and adverbs, past 'which'/'who'
    to what they stand for, past an apposition between commas ('X, a destroyer, replaced')."""
    j = i - 1
    while j >= 0 and (toks[j].low in BETWEEN or (toks[j].low.endswith("ly") and toks[j].text.islower())):
        j -= 1
    if j >= 1 and toks[j].low in RELATIVE and toks[j - 1].text == ",":
        j -= 2
        lo = 0  # the clause begins at "which"; what it stands for is before the comma
    elif j >= 0 and toks[j].text == ",":
        opening = next((k for k in range(j - 1, max(-1, j - 9), -1) if toks[k].text == ","), None)
        if opening is None:
            return None
        j = opening - 1
    out: list[Token] = []
    while j >= 0 and toks[j].start >= lo and len(out) < MAX_PHRASE:
        tok = toks[j]
        if not _is_word(tok) or tok.low in SUBJECT_STOP or tok.low in TIME_WORDS:
            break
        if tok.text.islower() and verb_lemma(tok.low) not in (None, tok.low) and "NOUN" not in lemmas(tok.low):
            break  # another verb: "began wearing", "managed to flee"
        out.insert(0, tok)
        if tok.low in DETERMINERS:
            break
        j -= 1
    while out and out[0].low == "and":
        out.pop(0)
    if out and j >= 0 and toks[j].text == "-" and text[toks[j].end : toks[j].end + 1] != " ":
        return None  # the end of a hyphenated word ("26-year-old"), not a noun phrase
    return _phrase(text, out) if out else None


def _infinitive(toks: list[Token], to: int) -> Modality | None:
    """What an infinitive after toks[to] ('to') says happened: after 'managed to', it did; after
    'failed to', it did not; after 'tried to', 'in a bid to', it was attempted. After any other
    word it is a purpose or a plan ('to step up the pressure'), no account of an event: None."""
    governing = [t.low for t in toks[max(0, to - 2) : to]]
    lemmas_before = {verb_lemma(w) or noun_lemma(w) for w in governing}
    if lemmas_before & NEGATIVE_IMPLICATIVE:
        return "negated"
    if lemmas_before & IMPLICATIVE:
        return "asserted"
    if lemmas_before & ATTEMPT:
        return "planned"
    return None


def _bare_verbs(toks: list[Token], taken: set[int]) -> list[Predicate]:
    """Bare verbs after a modal or 'to' ('will replace', 'might leave', 'in a bid to escape'),
    which `find_predicates` leaves, or reads as nouns, when the word is also a noun. After 'to'
    the verb happened only after an implicative verb ('managed to'), not after a negative one
    ('failed to'); else it was intended or attempted."""
    out: list[Predicate] = []
    for i in [i for i, tok in enumerate(toks[:-1]) if tok.low in MODAL_WORDS or tok.low == "to"]:
        tok = toks[i]
        k = i + 1
        negated = False
        while k < len(toks) and (toks[k].low in ("not", "n't", "never") or toks[k].low.endswith("ly")):
            negated = negated or toks[k].low in ("not", "n't", "never")
            k += 1
        if k >= len(toks) or toks[k].start in taken:
            continue
        verb = toks[k]
        lemma = verb_lemma(verb.low)
        if lemma != verb.low or lemma in NO_EVENT or not verb.text.isalpha() or not verb.text.islower():
            continue
        if lemma in DEPARTURE and not _departs(toks, k):
            continue
        if tok.low == "to":
            if "VERB" not in lemmas(verb.low) or verb.low in MONTHS or verb.low in TIME_WORDS:
                continue
            found = _infinitive(toks, i)
            if found is None:
                continue
            modality: Modality = found
            negated = negated or found == "negated"
        else:
            modality = MODAL_OF[tok.low]
        if negated:
            modality = "negated"
        out.append(Predicate(verb.start, verb.end, verb.text, lemma, None, None, negated, modality, False, False))
    return out


def _find_verbs(toks: list[Token]) -> list[Predicate]:
    """'found' as a discovery ('found the bodies', 'were found by police'), not a verdict or a
    thought ('found him guilty', 'found that')."""
    out: list[Predicate] = []
    for i, tok in enumerate(toks):
        if tok.low[:2] not in ("fi", "fo") or verb_lemma(tok.low) != "find" or tok.low in ("finds", "finding"):
            continue
        ahead = {t.low for t in toks[i + 1 : i + 4]}
        if ahead & FIND_STATE:
            continue
        before = [t.low for t in toks[max(0, i - 3) : i]]
        passive = bool(before) and before[-1] in ("was", "were", "been", "being", "is", "are")
        negated = any(w in ("not", "never", "n't") for w in before)
        modality: Modality = "negated" if negated else "asserted"
        out.append(Predicate(tok.start, tok.end, tok.text, "find", None, None, negated, modality, passive, False))
    return out


NOT_BEFORE_LEFT = PASSIVE_AUX | DETERMINERS | {"on", "to", "far", "centre", "center", "and", "or", "of", "the"}
DO_AUX = frozenset({"did", "does", "do"})


def _departs(toks: list[Token], k: int) -> bool:
    """Whether the departure verb toks[k] tells a departure: not 'left him injured', 'left a note',
    'leave 3 children'."""
    after = toks[k + 1].low if k + 1 < len(toks) else "."
    return after not in NOT_DEPARTED and not after[:1].isdigit()


def _departures(toks: list[Token], taken: set[int]) -> list[Predicate]:
    """'left the party', 'did not leave', 'has left': a departure, which the predicate finder
    leaves out with every other sense of the verb (a bare verb after a modal or 'to', 'might
    leave', is `_bare_verbs`'). Not 'left him injured', 'left a note', 'was left', 'on the left',
    'leaving'."""
    out: list[Predicate] = []
    for i, tok in enumerate(toks):
        if tok.start in taken or not tok.text.isalpha() or not tok.text.islower():
            continue
        lemma = verb_lemma(tok.low)
        if lemma is None or lemma not in DEPARTURE or tok.low.endswith("ing") or not _departs(toks, i):
            continue
        j = i - 1
        negated = False
        while j >= 0 and (
            toks[j].low in ("not", "n't", "never") or (toks[j].low.endswith("ly") and toks[j].text.islower())
        ):
            negated = negated or toks[j].low in ("not", "n't", "never")
            j -= 1
        before = toks[j].low if j >= 0 else ""
        if tok.low == lemma and before not in DO_AUX:
            continue  # a bare verb after a modal or 'to' is `_bare_verbs`'; any other is no account
        if tok.low != lemma and (before in NOT_BEFORE_LEFT or j < 0):
            continue  # "was left", "the left", "on the left": no one departs
        modality: Modality = "negated" if negated else "asserted"
        out.append(Predicate(tok.start, tok.end, tok.text, lemma, None, None, negated, modality, False, False))
    return out


def _name_at(toks: list[Token], j: int) -> int:
    """The index after a capitalised name starting at toks[j] (j itself when none starts there);
    a possessive ('Varga's') ends it."""
    k = j
    while k < len(toks) and k - j < 4 and toks[k].text[:1].isupper():
        word = toks[k].low.removesuffix("'s")
        if not word.replace("-", "").isalpha():
            break
        k += 1
        if word != toks[k - 1].low:
            break
    return k


def _step_nouns(toks: list[Token]) -> list[tuple[int, int, int, int, str]]:
    """'following the departure of X', 'since X's resignation': (start token, end token, name's
    first token, name's end token, verb lemma) of each step of a named person told as done."""
    out: list[tuple[int, int, int, int, str]] = []
    for i, tok in enumerate(toks[:-2]):
        if tok.low not in DONE_BEFORE_NOUN:
            continue
        j = i + 1
        if toks[j].low == "the":
            j += 1
        if j + 2 < len(toks) and toks[j].low in STEP_NOUNS and toks[j + 1].low == "of":
            end = _name_at(toks, j + 2)
            if end > j + 2:
                out.append((j, end, j + 2, end, STEP_NOUNS[toks[j].low]))
            continue
        end = _name_at(toks, j)
        last = toks[end - 1].low if end > j else ""
        if end > j and last.endswith("'s") and end < len(toks) and toks[end].low in STEP_NOUNS:
            out.append((j, end + 1, j, end, STEP_NOUNS[toks[end].low]))
    return out


class Slots(NamedTuple):
    agent: Phrase | None
    patient: Phrase | None


def _shares_subject(toks: list[Token], index: int) -> bool:
    """Whether the verb at toks[index] takes the subject of the verb before it: a second verb of
    one subject ('entered the flat and found') or an infinitive ('in a bid to escape')."""
    j = index - 1
    while j >= 0 and (toks[j].low in ("then", "later", "also", "not") or toks[j].low.endswith("ly")):
        j -= 1
    return j >= 0 and toks[j].low in ("and", "to")


ADVERBS = frozenset({"later", "also", "then", "already", "still", "not", "never", "just", "reportedly", "allegedly"})


def passive(toks: list[Token], index: int) -> bool:
    """Whether the verb at toks[index] is a passive participle: 'was found', 'were later escorted'."""
    if verb_lemma(toks[index].low) == toks[index].low:
        return False
    j = index - 1
    while j >= 0 and (toks[j].low in ADVERBS or (toks[j].low.endswith("ly") and toks[j].text.islower())):
        j -= 1
    return j >= 0 and toks[j].low in PASSIVE_AUX


def _clause_heads(text: str, toks: list[Token], lo: int, index: int) -> tuple[str, ...]:
    """The head of the noun phrase that opens the sentence ('The bodies of A, 48, and B were found'),
    when no other verb stands between it and the verb at toks[index]."""
    k = next((k for k, t in enumerate(toks) if t.start >= lo), index)
    phrase = _np_after(text, toks, k, toks[index].start)
    if phrase is None or any(
        t.text.islower()
        and t.low not in BETWEEN
        and verb_lemma(t.low) not in (None, t.low)
        and "NOUN" not in lemmas(t.low)
        for t in toks[k:index]
    ):
        return ()
    return phrase.heads


def _slots(
    text: str,
    toks: list[Token],
    index: int,
    lo: int,
    hi: int,
    previous: Phrase | None,
    previous_passive: bool = False,
) -> Slots:
    """Who acts and who is acted on, by voice: the subject of an active verb acts; of a passive
    one it is acted on, and the 'by' phrase acts. `previous`: the subject of the verb before."""
    if _shares_subject(toks, index):
        before = previous
        if before is None and index >= 2 and toks[index - 1].low == "to":
            before = _np_before(text, toks, index - 2, lo)  # "the smugglers tried to flee"
        if previous_passive:  # "was arrested and charged": the shared subject is acted on
            return Slots(None, before)
    else:
        before = _np_before(text, toks, index, lo)
        if before is not None and not before.heads:  # a name, maybe inside a longer subject
            heads = _clause_heads(text, toks, 0, index)
            if heads:
                before = Phrase(before.text, heads)
    j = index + 1
    while j < len(toks) and toks[j].low.endswith("ly") and toks[j].text.islower():
        j += 1
    if passive(toks, index):
        by = next((k for k in range(j, min(len(toks), j + 4)) if toks[k].low == "by"), None)
        agent = _np_after(text, toks, by + 1, hi) if by is not None and toks[by].start < hi else None
        return Slots(agent, before)
    return Slots(before, _np_after(text, toks, j, hi) if j < len(toks) and toks[j].start < hi else None)


def _undisclosed(text: str, toks: list[Token]) -> list[tuple[int, int, str, str]]:
    """'an undisclosed sum', 'no fee was revealed', 'terms were not disclosed', 'did not disclose
    the price': (start, end, expression, price noun) of each figure said not to be known."""
    out: list[tuple[int, int, str, str]] = []
    lower = folded(text)
    if lower is not None and not any(w in lower for w in UNDISCLOSE_WORDS):
        return out  # no word of disclosing: most sentences, ruled out by substring tests
    if not MAY_UNDISCLOSE.search(text):
        return out
    for i, tok in enumerate(toks):
        if tok.low in UNDISCLOSED and i + 1 < len(toks):
            noun = noun_lemma(toks[i + 1].low)
            if noun in PRICE_NOUNS:
                out.append((tok.start, toks[i + 1].end, text[tok.start : toks[i + 1].end], noun))
            continue
        lemma = verb_lemma(tok.low)
        if lemma not in DISCLOSE or tok.low == lemma:
            continue
        before = toks[max(0, i - 6) : i]
        words = [t.low for t in before]
        negated = any(w in ("not", "n't", "never") for w in words[-3:]) or bool({"no", "neither", "nor"} & set(words))
        if not negated:
            continue
        nouns = [noun_lemma(t.low) for t in before if noun_lemma(t.low) in PRICE_NOUNS]
        after = [noun_lemma(t.low) for t in toks[i + 1 : i + 7] if noun_lemma(t.low) in PRICE_NOUNS]
        found = nouns or after
        if not found:
            continue
        noun = found[-1]
        first = next((t for t in before if t.low == "no" or noun_lemma(t.low) == noun), tok)
        out.append((first.start, tok.end, text[first.start : tok.end], noun))
    return out


def extract_events(ctx: Context, sentence: Sentence) -> list[ClaimBase]:
    """The events of a sentence with who acts, who is acted on, when, and whether they happened."""
    text = sentence.text
    view = ctx.view(sentence)  # the tokens and predicates the open and place extractors read
    toks = view.toks
    preds = [
        p
        for p in view.preds
        if not p.noun
        and p.lemma not in NO_EVENT
        and p.lemma != "find"
        and p.word.lower() not in MODAL_WORDS
        and verb_lemma(p.word.lower()) not in MODAL_WORDS
    ]
    index_of = dict(zip(view.tok_starts, range(len(toks)), strict=True))
    listed = []
    for p in preds:
        k = index_of[p.start]
        if k > 0 and toks[k - 1].low == "to" and p.word.lower() == p.lemma:
            modality = _infinitive(toks, k - 1)
            if modality is None:
                continue  # a purpose, not an event: "to step up the pressure"
            p = p._replace(modality=modality, negated=modality == "negated")
        listed.append(p)
    taken = {p.start for p in preds}
    lower = text.lower()
    departs = any(mark in lower for mark in DEPART_MARKS)  # most sentences name no departure
    finds = "fi" in lower or "fo" in lower  # what every form of 'find' starts with: most sentences have none
    found = [
        *listed,
        *_bare_verbs(toks, taken),
        *(_find_verbs(toks) if finds else ()),
        *(_departures(toks, taken) if departs else ()),
    ]
    preds = sorted(found, key=lambda p: p.start)
    out: list[ClaimBase] = []
    subject: Phrase | None = None  # the last verb's subject, for a verb that shares it
    subject_passive = False
    for pred in preds[:MAX_PER_SENTENCE]:
        lo, hi = view.clause_span(pred.start, pred.end)
        k = index_of[pred.start]
        shared = _shares_subject(toks, k)
        slots = _slots(text, toks, k, lo, hi, subject, subject_passive)
        is_passive = subject_passive if shared and toks[k - 1].low == "and" else passive(toks, k)
        if (slots.patient if is_passive else slots.agent) is not None:
            subject, subject_passive = (slots.patient if is_passive else slots.agent), is_passive
        if any(t.low in DEMAND for t in toks[max(0, k - 4) : k]):
            continue  # "should release", "must be freed": a call for the event, no account of it
        if _conditional(toks, k):
            continue  # "until service was restored": a condition, no account of the event
        if pred.word.lower().endswith("ing") and not _progressive(toks, k):
            continue  # "matters involving ...", "by acquiring": a participle, no account of who did what
        if _would(toks, k):
            continue  # "what would be introduced", "would not have placed him ... if": not an account
        if not _worth_claiming(pred, slots, negated=_negated(toks, index_of[pred.start])):
            continue
        frame = build_frame(view, pred.start, pred.end, attribute=f"event ({pred.lemma})", predicate=pred,
                            story_year=ctx.story_year)  # fmt: skip
        clause = text[lo:hi]
        when = month_span(clause)
        modal_start = _modal_start(toks, index_of[pred.start])
        negated = pred.modality != "planned" and (
            _negated(toks, k) or _no_before(toks, slots.patient if is_passive else slots.agent)
        )  # "promised not to reveal": a plan, told as a plan
        if not negated and _no_before(toks, slots.patient if not is_passive else None):
            negated = True  # "found no weapon"
        out.append(_claim(ctx, sentence, modal_start, pred, slots, frame, when, is_passive, negated))
    steps = _step_nouns(toks) if any(noun in lower for noun in STEP_NOUNS) else []
    for first, last, name_first, name_end, lemma in steps:
        start, end = toks[first].start, toks[last - 1].end
        name = text[toks[name_first].start : toks[name_end - 1].end].removesuffix("'s").removesuffix("’s")
        frame = build_frame(view, start, end, attribute=f"event ({lemma})", noun=toks[first].low,
                            story_year=ctx.story_year)  # fmt: skip
        out.append(
            EventClaim(
                **evidence(ctx, sentence, sentence.start + start, sentence.start + end),
                subject=topic("event", SAME_EVENT.get(lemma, lemma)),
                subject_text=name,
                rule="slot.noun",
                incident_hint=ctx.hint_for(sentence, sentence.start + start, sentence.start + end),
                predicate=lemma,
                modality="asserted",
                agent=name,
                expression=text[start:end],
                frame=frame,
            )
        )
    for start, end, expression, noun in _undisclosed(text, toks):
        frame = build_frame(view, start, end, attribute=f"{noun} (not disclosed)", noun=noun, story_year=ctx.story_year)
        out.append(
            EventClaim(
                **evidence(ctx, sentence, sentence.start + start, sentence.start + end),
                subject=topic("event", "disclose"),
                subject_text=noun,
                rule="slot.undisclosed",
                incident_hint=ctx.hint_for(sentence, sentence.start + start, sentence.start + end),
                predicate="disclose",
                modality="negated",
                patient=noun,
                patient_heads=(noun,),
                expression=expression,
                frame=frame,
            )
        )
    return out


INDEFINITE = frozenset({"a", "an", "another", "one", "some", "any"})


def _no_before(toks: list[Token], phrase: Phrase | None) -> bool:
    """Whether 'no' opens a participant phrase ('No gun has been recovered', 'no warning issued')."""
    if phrase is None:
        return False
    first = phrase.text.split()[0]
    k = next((i for i, t in enumerate(toks) if t.start >= 0 and t.text == first), None)
    return phrase.text.lower().startswith("no ") or (k is not None and k > 0 and toks[k - 1].low == "no")


def _would(toks: list[Token], index: int) -> bool:
    """'would' among the verb's auxiliaries: a conditional or a report of a plan, no account."""
    j = index - 1
    while j >= 0 and (toks[j].low in BETWEEN or toks[j].low in ADVERBS or toks[j].low.endswith("ly")):
        if toks[j].low == "would":
            return True
        j -= 1
    return False


def _conditional(toks: list[Token], index: int) -> bool:
    """Whether the verb's clause opens with 'until', 'if', 'before' ... within a few words."""
    for t in reversed(toks[max(0, index - 5) : index]):
        if t.low in CONDITIONAL:
            return True
        if not _is_word(t):
            return False
    return False


def _progressive(toks: list[Token], index: int) -> bool:
    """'were fleeing', 'is buying': an -ing form that is the clause's verb."""
    j = index - 1
    while j >= 0 and (toks[j].low in ADVERBS or toks[j].low.endswith("ly")):
        j -= 1
    return j >= 0 and toks[j].low in PASSIVE_AUX


def _worth_claiming(pred: Predicate, slots: Slots, negated: bool) -> bool:
    """Whether an event can meet the same event of another source: it names what it is done to
    (a particular thing: 'the bodies', 'Tabar', not 'a statement'), or, with no object, it is a
    listed event ('the pirates fled') or one told as not done."""
    if slots.patient is not None:
        return slots.patient.text.split(" ", 1)[0].lower() not in INDEFINITE or any(
            w[:1].isupper() for w in slots.patient.text.split()[1:]
        )
    if slots.agent is None:
        return False
    listed = pred.lemma in CLASS_OF or (pred.lemma in SAME_EVENT and pred.lemma not in WITH_OBJECT)
    return listed or negated or pred.modality != "asserted"


def _event_name(pred: Predicate, slots: Slots) -> str:
    """The event a verb names: its row of `same_event` ('fled' and 'escaped' are one), unless the
    row needs an object the verb lacks ('succeeded in reaching' replaces nobody)."""
    if pred.lemma in WITH_OBJECT and slots.patient is None:
        return pred.lemma
    return SAME_EVENT.get(pred.lemma, pred.lemma)


def _modal_start(toks: list[Token], index: int) -> int:
    """Where the words of a verb begin: its modal and adverbs with it ('will eventually replace')."""
    k = index
    while k > 0 and ((toks[k - 1].low.endswith("ly") and toks[k - 1].text.islower()) or toks[k - 1].low == "not"):
        k -= 1
    if k > 0 and toks[k - 1].low in MODAL_WORDS:
        k -= 1
    return toks[k].start


def _negated(toks: list[Token], index: int) -> bool:
    """Whether a verb is negated by the words right before it ('did not find', 'was never seen');
    a 'no' elsewhere ('(no relation) disappeared') negates a noun, not the verb."""
    j = index - 1
    found = False
    while j >= 0 and (toks[j].low in BETWEEN or toks[j].low in ADVERBS or toks[j].low.endswith("ly")):
        if toks[j].low in MODAL_OF and MODAL_OF[toks[j].low] == "possible":
            return False  # "may not be restored": possible, not denied
        found = found or toks[j].low in ("not", "n't", "never")
        j -= 1
    return found


def _claim(
    ctx: Context,
    sentence: Sentence,
    start: int,
    pred: Predicate,
    slots: Slots,
    frame: Frame,
    when: tuple[str, MonthSpan] | None,
    passive_voice: bool,
    negated: bool,
) -> EventClaim:
    event = _event_name(pred, slots)
    return EventClaim(
        **evidence(ctx, sentence, sentence.start + start, sentence.start + pred.end),
        subject=topic("event", event),
        subject_text=slots.patient.text if slots.patient else pred.word,
        rule="slot.passive" if passive_voice else "slot.active",
        incident_hint=ctx.hint_for(sentence, sentence.start + pred.start, sentence.start + pred.end),
        predicate=pred.lemma,
        modality="negated" if negated or pred.modality == "negated" else pred.modality,
        agent=slots.agent.text if slots.agent else None,
        agent_heads=slots.agent.heads if slots.agent else (),
        patient=slots.patient.text if slots.patient else None,
        patient_heads=slots.patient.heads if slots.patient else (),
        when=when[0] if when else None,
        month_span=when[1] if when else None,
        expression=sentence.text[start : pred.end],
        frame=frame,
    )
