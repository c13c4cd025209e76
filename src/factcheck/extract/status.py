"""Status events with polarity and modality: fired, suspended, on leave, resigned; arrested,
detained, released, charged, sentenced. Negation ("was not fired"), modality ("would not be
fired", "will most likely quit", "planned to") and reversals ("was fired ... but then his boss
changed his mind") are kept, so the comparison can tell a contradiction from a change."""

from __future__ import annotations

import re
from functools import cache

from factcheck.extract.context import Context, evidence, resolve_pronoun, subject_before
from factcheck.extract.mentions import DETERMINERS, FUNCTION, lemmas, noun_lemma
from factcheck.lexicons import load_lexicon
from factcheck.lexicons.conflicts import STATE_CONFLICTS
from factcheck.models import Modality, Sentence, StatusClaim, StatusState, Subject
from factcheck.text.patterns import alternation
from factcheck.text.prefilter import Caseless, holds_needed

_LEX = load_lexicon("status")
NEGATION = r"(?P<neg>not\s|n[’']t\s|never\s|no\slonger\s)?"
DOMAINS = ("employment", "legal")
PATTERNS: list[tuple[str, str, re.Pattern[str]]] = [
    (domain, state, re.compile(p.replace("{neg}", NEGATION), re.IGNORECASE))
    for domain in DOMAINS
    for state, phrases in _LEX[domain].items()
    for p in phrases
]
MODAL = {word: kind for kind in ("future", "possible", "planned") for word in _LEX["modality"][kind]}
MODAL_BEFORE = re.compile(
    r"\b(?P<m>" + alternation(MODAL, space=r"\s") + r")\b(?:\s\w+){0,3}\s*$",
    re.IGNORECASE,
)
# What a custody verb may take that is no one held ("results of the test were not released"):
# lexicons/predicates.yaml's `not_held`, read by the open mentions too.
NOT_HELD = frozenset(load_lexicon("predicates")["not_held"])
CUSTODY_STATES = frozenset({"detained", "released"})
CLAUSE_WORDS = re.compile(r"[\w’'-]+|[^\w\s]")
NOT_HELD_BEFORE = 16  # words before a custody phrase, back to a clause mark, that may hold its subject
# Words that open a clause: a passive verb's subject starts after the last of them ("... before the
# footage was released"). A relative word does not: "the man who posted the video" is the man.
SUBJECT_OPENERS = frozenset({"before", "after", "when", "while", "as", "until", "because", "and", "but"})
NEG_BEFORE = re.compile(r"\b(?:not|n[’']t|never|no\slonger)\s(?:\w+\s){0,1}$", re.IGNORECASE)
REVERSAL = re.compile(
    r"\b(?:but|then|later|however)\b.{0,60}?\b(?:" + "|".join(_LEX["reversal"]) + r")\b", re.IGNORECASE
)
REVERSAL_WORD = re.compile(r"\b(?:but|then|later|however)\b", re.IGNORECASE)
# REVERSAL without its first word boundary: what it matches at the start of a cut `s[end:]`.
REVERSAL_AT_CUT = re.compile(REVERSAL.pattern.removeprefix(r"\b"), re.IGNORECASE)
# Precompiled: tried at every status match.
SPEECH_OR_AND = re.compile(r"\b(?:said|told|and)\b")
WILL = re.compile(r"will\b", re.IGNORECASE)
OBJECT_PRONOUN = re.compile(r"\b(him|her|them)\b", re.IGNORECASE)
SENTENCED_WORD = re.compile(r"sentenced", re.IGNORECASE)
SENTENCE_LENGTH = re.compile(
    r"\bsentenced\s(?:\w+\s){0,3}?to\s(?P<len>(?:\d+|[a-z]+)\s(?:days?|weeks?|months?|years?))", re.IGNORECASE
)


# The verbs every status phrase in lexicons/status.yaml is built on (a test keeps the two in step):
# one scan for them spares the twenty phrase patterns on most sentences.
STATUS_VERBS = (
    "fired",
    "sacked",
    "dismissed",
    "laid off",
    "let go",
    "lost",
    "suspended",
    "stay away",
    "barred",
    "banned",
    "leave",
    "resign",
    "stepped down",
    "quit",
    "reinstated",
    "rehired",
    "re-hired",
    "arrested",
    "detained",
    "custody",
    "jailed",
    "imprisoned",
    "released",
    "freed",
    "set free",
    "charged",
    "convicted",
    "guilty",
    "acquitted",
    "sentenced",
    "fined",
)
# One search rules most sentences out, asked of the lower-case text (`Caseless`: quicker).
MAY_STATUS = Caseless(re.compile(r"\b" + alternation(STATUS_VERBS, space=r"\s"), re.IGNORECASE))


def _last_reversal(s: str) -> int:
    """Where the last reversal ("but then ... changed his mind") starts in a sentence, or -1.

    Found once per sentence from the few words a reversal opens with, each tried where it stands
    (a reversal spans at most ~80 characters), so asking "is there one after this match?" costs a
    comparison, not a search through the rest of the sentence for every match."""
    last = -1
    for w in REVERSAL_WORD.finditer(s):
        if REVERSAL.match(s, w.start()):
            last = w.start()
    return last


def _reversed_after(s: str, end: int, last_reversal: int) -> bool:
    """Whether `REVERSAL.search(s[end:])` would match: a reversal starting after `end`, or one
    starting right at `end`, where the cut makes a word boundary the whole text does not have."""
    return last_reversal >= end or bool(REVERSAL_AT_CUT.match(s, end))


def _sentence_length(s: str, start: int, end: int) -> str | None:
    """The term of "sentenced ... to five years": `SENTENCE_LENGTH.search(s, start)` when that
    match starts less than 40 characters after `end`, tried only at the places it could start."""
    for w in SENTENCED_WORD.finditer(s, start, end + 40 + len("sentenced")):
        if w.start() >= end + 40:
            break
        length = SENTENCE_LENGTH.match(s, w.start())
        if length:
            return length.group("len")
    return None


def head_noun(words: list[str]) -> str | None:
    """The head of the noun phrase `words` opens: past determiners, figures and adjectives, the last
    word of the first run of nouns ('a grainy surveillance tape' -> 'tape'), which ends at a word of
    another kind ('the man who posted the video' -> 'man', 'results of the test' -> 'results'). A
    word lemminflect does not know is a name, so a noun. None when a preposition or verb comes first."""
    head = None
    for w in (w.lower() for w in words):
        kinds = lemmas(w) if w[:1].isalpha() and w not in FUNCTION else None
        noun = kinds is not None and ("NOUN" in kinds or not kinds)
        if noun:
            head = w
        elif head is not None or not (w in DETERMINERS or w[:1].isdigit() or (kinds is not None and "ADJ" in kinds)):
            break  # the run of nouns ended, or a preposition or verb came before any
    return head


def holds_a_thing(words: list[str]) -> bool:
    """Whether the noun phrase `words` opens is headed by a thing a custody verb may take rather than a
    person: 'released a statement', 'results ... were not released' (not 'a man seen on video')."""
    head = head_noun(words)
    return head is not None and (head in NOT_HELD or noun_lemma(head) in NOT_HELD)


def _thing_before(s: str, start: int) -> bool:
    """Whether the subject of a custody phrase starting at `start` (its auxiliary) is a thing: the head
    of the noun phrase opening its clause ('Results of the test have not been released')."""
    words: list[str] = []
    for w in reversed(CLAUSE_WORDS.findall(s[max(0, start - 160) : start])[-NOT_HELD_BEFORE:]):
        if not w[:1].isalnum() or w.lower() in SUBJECT_OPENERS:
            break
        words.append(w)
    return holds_a_thing(words[::-1])


@cache  # a few dozen states; a frozen model is shared, not built again for every match
def status_state(state: str, negated: bool) -> StatusState | None:
    """The state a status phrase states: its negation where the conflict table makes that a state
    of its own ("was not fired"); None for any other negation ("was not placed on leave")."""
    if not negated:
        return StatusState(name=state)
    return StatusState(name=state, negated=True) if state in STATE_CONFLICTS.negatable else None


def extract_status(ctx: Context, sentence: Sentence) -> list[StatusClaim]:
    claims: list[StatusClaim] = []
    s = sentence.text
    if not MAY_STATUS.search(s):
        return []
    seen: set[tuple[int, str]] = set()
    last_reversal = _last_reversal(s)
    for domain, state, pattern in PATTERNS:
        if not holds_needed(pattern, s):
            continue  # none of the words every match of it holds: one substring test, not a search
        for m in pattern.finditer(s):
            if (m.start(), domain) in seen:
                continue
            seen.add((m.start(), domain))
            if state in CUSTODY_STATES and _thing_before(s, m.start()):
                continue  # "results were not released": no one is held or freed
            negated = bool(m.groupdict().get("neg")) or bool(NEG_BEFORE.search(s[max(0, m.start() - 25) : m.start()]))
            final_state = status_state(state, negated)
            if final_state is None:
                continue  # "was not placed on leave": no positive state to record
            # The subject first (the lookup reads no modality and changes nothing): a match with
            # no subject is dropped before its modality is read, as most of a long run of them are.
            position = sentence.start + m.start()
            key, words = subject_before(ctx, sentence, position, domain=domain)
            obj = OBJECT_PRONOUN.search(m.group(0))
            if state == "pressured_to_resign" and obj:
                # "his employers encouraged him to resign": the status is the object's.
                key, words = resolve_pronoun(ctx, sentence, position + obj.start(), obj.group(1), None), obj.group(1)
            if key is None:
                continue
            modality: Modality = "asserted"
            before = s[max(0, m.start() - 40) : m.start() + 1]
            modal = MODAL_BEFORE.search(before)
            if modal and not SPEECH_OR_AND.search(before, modal.end()):
                modality = MODAL.get(modal.group("m").lower(), "future")  # type: ignore[assignment]
            if state == "resigned" and WILL.match(m.group(0)):
                modality = "future"
            if m.group(0).lower() == "resign" and modality == "asserted":
                continue  # "to resign" with no plan or promise around it states nothing
            if modality == "asserted" and negated:
                modality = "negated"
            elif modality == "future" and negated:
                modality = "negated"  # "would not be fired": a promise that it did not happen
            if not negated and _reversed_after(s, m.end(), last_reversal):
                modality = "reversed"
            detail = None
            if state == "sentenced":
                detail = _sentence_length(s, m.start(), m.end())
            claims.append(
                StatusClaim(
                    **evidence(ctx, sentence, position, sentence.start + m.end()),
                    subject=key,
                    subject_text=words,
                    rule=f"status.{domain}.{state}",
                    domain=domain,
                    state=final_state,
                    modality=modality,
                    detail=detail,
                    expression=m.group(0),
                )
            )
            ctx.add_status_subject(sentence, domain, key)
    claims.sort(key=lambda c: c.value_start)
    unique: dict[tuple[Subject, str, StatusState, str], StatusClaim] = {}
    for claim in claims:
        unique.setdefault((claim.subject, claim.domain, claim.state, claim.modality), claim)
    return list(unique.values())
