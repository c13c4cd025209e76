"""Facts → aligned pairs: which claims of two sources are about the same fact of the same event.

Open-vocabulary claims carry frames (predicate, counted noun, participants, place, time, cues).
Two claims are candidates only when they could state one fact (same kind, same dimension, same
counted noun or predicate class) and no cue sets them in different times; candidates are scored
by what their frames and their sentences share, and each source pair is matched one to one,
best match first, above a threshold. A person detained twice gets two events that each align
with at most one account in another source, instead of every date against every date.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from factcheck.compare.figures import same_fact
from factcheck.compare.spread import days_apart, figures_apart, one_time
from factcheck.extract.mentions import CURRENCIES, FUNCTION, UNIT_FORMS, noun_lemma, one_happening, verb_lemma
from factcheck.extract.speech import SPEECH_LEMMAS, said_on
from factcheck.lexicons import load_lexicon
from factcheck.models import AgeClaim, ClaimBase, DateClaim, Frame, QuantityClaim, StatusClaim

BEFORE_DATE, AFTER_DATE = 60, 40  # characters around a date read for what it is the day of

THRESHOLD = 0.5  # below this, two facts share too little to be one fact
WORD = re.compile(r"[^\W\d_]{4,}")
ANY_WORD = re.compile(r"[^\W\d_]+")
YEAR_CUE = re.compile(r"^in \d{4}$")
# Cues that put a fact in another time than the story's main event.
OTHER_TIME = frozenset({"again", "earlier", "previously", "formerly", "former", "last year", "last month",
                        "the previous year", "the year before", "years ago", "a year ago", "months ago",
                        "in the past", "once"})  # fmt: skip
# Cues that make a figure a running tally or a season's or career's total: "has so far lost seven
# soldiers" is not the day's "five soldiers were killed"; "52 catches this season" not one game's.
TALLY = frozenset({"so far", "to date", "this season", "the season", "career"})
COMPARABLE = frozenset({"asserted", "reported", "negated"})
SUB_EVENTS: dict[str, frozenset[str]] = {
    event: frozenset(subs) for event, subs in load_lexicon("date_events")["sub_events"].items()
}
CONTEXT = 30  # characters either side of a value read as its context
CONTEXT_STOP = FUNCTION | frozenset({"said", "says", "according", "also", "than", "then"})


def lemma_of(word: str) -> str:
    """A word's verb lemma, else its noun lemma: 'killed' and 'kill', 'counts' and 'count' meet."""
    return verb_lemma(word) or noun_lemma(word)


PARTS = "mention.parts"  # the rule of a count of parts a modifier implies ("six twin-engine planes")


def dimension(claim: QuantityClaim) -> str:
    """What a quantity measures: the open rule says it; a listed claim's unit does."""
    if claim.rule == PARTS:
        return "count"
    if claim.open_vocabulary:
        return claim.rule_name
    if claim.unit in UNIT_FORMS:
        return UNIT_FORMS[claim.unit][0]
    if claim.unit in CURRENCIES:
        return "money"
    return "magnitude" if claim.unit == "magnitude" else "count"


ANCHOR = re.compile(
    r"^\s*(?:(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:[\s-](?:north|south|east|west)\w*)*\s)?"
    r"(?:off|from|of|outside|away\sfrom|short\sof)\s(?:the\s)?(?P<place>[A-Z][\w’'-]+)"
)


def anchor(claim: ClaimBase) -> str:
    """The place a distance is measured from ('12 miles west of X'), or '' for a distance travelled."""
    m = ANCHOR.match(claim.quote[claim.value_end - claim.start :])
    return m.group("place").lower() if m else ""


def guessed_sum(claim: QuantityClaim) -> bool:
    """A sum only believed or expected ("is believed to be seeking about $30 million for the site"): a guess
    at a deal, not an account to set against another's. Hedged counts ("may have killed 40") and
    terms ("could be sentenced to up to six years") are not guesses of this kind: reports dispute them."""
    return claim.frame is not None and claim.frame.modality == "possible" and dimension(claim) == "money"


def block(claim: ClaimBase) -> tuple[str, ...] | None:
    """What two claims must share to be compared at all, or None for a claim never compared.

    Dates and ages of every event meet in one block each: which event a date belongs to is
    what the frames' similarity decides, not the predicate the nearest verb gave it."""
    frame = claim.frame
    if frame is None:
        return None
    if isinstance(claim, QuantityClaim):
        if frame.negated and claim.number != 0:
            return None  # "none of them has offered $5 million": a figure the clause denies is no one's figure
        kind = dimension(claim)
        if kind == "count":
            return ("quantity", "count", frame.noun or claim.unit)  # the lemma: "officer" and "officers" meet
        if kind == "money":
            return None if guessed_sum(claim) else ("quantity", "money", claim.unit)
        if kind == "distance":
            return ("quantity", kind, anchor(claim))  # "10 miles off X" is no distance travelled
        return ("quantity", kind)
    if isinstance(claim, StatusClaim):
        if claim.modality not in COMPARABLE or frame.modality not in COMPARABLE:
            return None
        return ("status", frame.predicate_class or "")
    if isinstance(claim, DateClaim):
        if (not claim.resolved and claim.precision != "weekday") or frame.modality == "possible":
            return None
        return ("date",)
    if isinstance(claim, AgeClaim):
        return ("age",)
    return None


def _listed(claim: ClaimBase) -> bool:
    return not claim.open_vocabulary


def tally(claim: ClaimBase) -> frozenset[str]:
    """The tally cues of a figure's clause ('so far', 'this season'): empty for one event's figure."""
    return TALLY.intersection(claim.frame.cues) if claim.frame is not None else frozenset()


def time_scope(frame: Frame) -> frozenset[str]:
    return frozenset(c for c in frame.cues if c in OTHER_TIME or YEAR_CUE.match(c))


def names_overlap(a: Iterable[str], b: Iterable[str]) -> float:
    """Share of names in common, a name matching on any of its words ('nasimi', 'ravan nasimi')."""
    if not a or not b:
        return 0.0
    words_a = {w for name in a for w in name.split() if len(w) > 2}
    words_b = {w for name in b for w in name.split() if len(w) > 2}
    if not words_a or not words_b:
        return 0.0
    return len(words_a & words_b) / min(len(words_a), len(words_b))


def _words(quote: str) -> frozenset[str]:
    return frozenset(w.lower() for w in WORD.findall(quote))


@lru_cache(maxsize=4096)
def _lemmas(text: str) -> frozenset[str]:
    return frozenset(lemma_of(w.lower()) for w in WORD.findall(text) if w.lower() not in CONTEXT_STOP)


def content_lemmas(claim: ClaimBase) -> frozenset[str]:
    """The sentence's content words, lemmatised, less the value's own words ('died' against
    'survived' is what may differ)."""
    at, end = claim.value_start - claim.start, claim.value_end - claim.start
    return _lemmas(claim.quote) - _lemmas(claim.quote[at:end])


def context_lemmas(claim: ClaimBase) -> frozenset[str]:
    """Content words next to the value, lemmatised: what a number counts or a date dates
    ('counts of possession', 'killed on'), the value's own words left out."""
    at, end = claim.value_start - claim.start, claim.value_end - claim.start
    return _lemmas(claim.quote[max(0, at - CONTEXT) : at]) | _lemmas(claim.quote[end : end + CONTEXT])


def _common_words(claim: ClaimBase) -> frozenset[str]:
    """The lower-case words next to a value, lemmatised: what its phrase says, names left out; for
    a date, not those of a clause before it set at another time (_clause_before)."""
    at, end = claim.value_start - claim.start, claim.value_end - claim.start
    earlier = _clause_before(claim, at) if isinstance(claim, DateClaim) else None
    lo = max(0, at - CONTEXT, earlier[1] if earlier else 0)
    near = claim.quote[lo:at] + " " + claim.quote[end : end + CONTEXT]
    return frozenset(lemma_of(w) for w in WORD.findall(near) if w.islower() and w not in CONTEXT_STOP)


def _predicates(a: ClaimBase, fa: Frame, fb: Frame) -> float | None:
    """What the two frames' predicates say: a score, or None when they name two events."""
    if fa.predicate and fa.predicate == fb.predicate:
        return 0.3
    if isinstance(a, DateClaim) and fa.predicate and one_happening(fa.predicate, fb.predicate or ""):
        return 0.3  # a date of one act told two ways ("killed on", "the attack on"); never two counts
    if fa.predicate_class and fb.predicate_class:
        if fa.predicate_class == fb.predicate_class:
            # States of one class ("died", "survived") are what a status fact is: as good as one predicate.
            return 0.3 if isinstance(a, StatusClaim) else 0.15
        if isinstance(a, QuantityClaim):
            return None  # "10 killed" and "20 injured" count different things
        return -0.1
    return 0.1 if not fa.predicate and not fb.predicate else 0.0


def _one_name(a: str, b: str) -> bool:
    """Whether two names can be one person's: the words of one are among the other's ('Berg',
    'Anna Berg', 'police chief Anna K. Berg'); 'Emin Berg' and 'Elmir Berg' are two people."""
    wa = {w for w in a.split() if len(w) > 1}
    wb = {w for w in b.split() if len(w) > 1}
    return bool(wa) and bool(wb) and (wa <= wb or wb <= wa)


def _age_similarity(fa: Frame, fb: Frame) -> float:
    """Ages are of people: two named people must be one by their names; unnamed, their nouns and
    clauses decide."""
    people_a, people_b = fa.participants, fb.participants
    if people_a and people_b:
        return 0.7 if any(_one_name(x, y) for x in people_a for y in people_b) else 0.0
    return 0.3 if fa.noun and fa.noun == fb.noun else 0.0


def dated_events(c: DateClaim, frame: Frame) -> frozenset[str]:
    """What a date dates: its clause's predicate and the listed rules' event."""
    return frozenset(e for e in (frame.predicate, None if c.open_vocabulary else c.event) if e)


def _told(c: DateClaim, frame: Frame) -> bool:
    """Whether a date is the day something was told or made known: its predicate is a verb of
    telling, or the words right around it say so ('the rules announced Friday would ...', whose
    frame took the verb after it), as the events' kinds read it (events.event_kind)."""
    return frame.predicate in SPEECH_LEMMAS or told_on(c) is not None


def around(claim: DateClaim) -> tuple[str, str]:
    """The words of a date's quote right before and right after its value."""
    at, end = claim.value_start - claim.start, claim.value_end - claim.start
    return claim.quote[max(0, at - BEFORE_DATE) : at], claim.quote[end : end + AFTER_DATE]


def told_on(claim: DateClaim) -> str | None:
    """What a date is the day of when something was told on it, by the words around it
    (extract/speech.said_on): 'telling', an announcing verb's lemma, or None."""
    return said_on(*around(claim))


def _same_event(a: DateClaim, b: DateClaim, fa: Frame, fb: Frame) -> bool:
    """Whether two dated sentences tell one event: what one dates is named in the other ('killed
    ... on Wednesday' and 'three people were killed ... on Thursday'), or both date one predicate;
    never an event and its sub-event ('the quake', 'an aftershock'). A date of nothing in
    particular has only its sentence's words to go by."""
    ea, eb = dated_events(a, fa), dated_events(b, fb)
    # A verb of telling or of making known dates the day something was said, not the day it happened.
    if _told(a, fa) != _told(b, fb):
        return False  # "announced on Wednesday that police arrested ...": the day of the telling
    if _listed(a) and _listed(b) and (b.event in SUB_EVENTS.get(a.event, ()) or a.event in SUB_EVENTS.get(b.event, ())):
        return False
    if not ea or not eb or ea & eb:
        return True
    if any(one_happening(x, y) for x in ea for y in eb):
        return True  # "killed ... that night" and "shot ... on the 11th": one act told two ways
    if len(_common_words(a) & _common_words(b)) >= 2:
        return True  # the date's own phrase says it again: "hours after the Monday morning shootings"
    return bool(ea & _dated_lemmas(b)) or bool(eb & _dated_lemmas(a))


# A word that sets what follows it at another time than the date before it: "charged on Saturday
# after opening fire" dates the charge, and the shooting it names came before.
LATER_CLAUSE = re.compile(r"\b(?:after|before|following|since|until|ahead\s+of|prior\s+to)\b", re.IGNORECASE)


def _dated_lemmas(claim: ClaimBase) -> frozenset[str]:
    """The content words of a date's sentence less what a clause sets at another time (LATER_CLAUSE):
    one after the date ('charged on Saturday after opening fire'), or one before it that ends at
    the dated verb ('the inmate, after fleeing a prison van, was captured Monday'): what the date
    may be the date of."""
    at, end = claim.value_start - claim.start, claim.value_end - claim.start
    later = LATER_CLAUSE.search(claim.quote, end)
    lemmas = (
        content_lemmas(claim) if later is None else _lemmas(claim.quote[: later.start()]) - _lemmas(claim.quote[at:end])
    )
    earlier = _clause_before(claim, at)
    return lemmas - _lemmas(claim.quote[earlier[0] : earlier[1]]) if earlier else lemmas


def _clause_before(claim: ClaimBase, at: int) -> tuple[int, int] | None:
    """The span of a LATER_CLAUSE word before a date up to the dated verb after it, when the verb
    comes between the two ('after fleeing a prison van, was captured Monday'); None otherwise."""
    frame = claim.frame
    if frame is None or frame.predicate is None:
        return None
    clauses = list(LATER_CLAUSE.finditer(claim.quote, 0, at))
    if not clauses:
        return None
    start = clauses[-1].start()
    words = ANY_WORD.finditer(claim.quote, clauses[-1].end(), at)
    verbs = [m for m in words if verb_lemma(m.group(0).lower()) == frame.predicate]
    return (start, verbs[-1].start()) if verbs else None


def similarity(a: ClaimBase, b: ClaimBase) -> float:
    """How likely two claims of one block state the same fact: 0 (surely not) to about 1."""
    fa, fb = a.frame, b.frame
    assert fa is not None
    assert fb is not None
    # A person's age does not move with "last month", "again" or "in 2011" (the year of the event
    # an age is told beside): ages are set apart only by their stories' years (open_facts.py), as
    # the listed rule does (compare/ages.py).
    if not isinstance(a, AgeClaim) and (time_scope(fa) != time_scope(fb) or not one_time(a, b)):
        return 0.0  # "detained again", "in 2003": another event of the same kind
    if isinstance(a, QuantityClaim) and tally(a) != tally(b):
        return 0.0  # "seven soldiers so far" against "five soldiers on Wednesday": a tally and one day's
    if isinstance(a, QuantityClaim) and isinstance(b, QuantityClaim) and (not same_fact(a, b) or figures_apart(a, b)):
        return 0.0  # a rate and a total, two owners, a round and the fight (spread.py): what they count differs
    if isinstance(a, DateClaim) and isinstance(b, DateClaim) and days_apart(a, b):
        return 0.0  # days weeks apart date two events (spread.py)
    if isinstance(a, DateClaim) and isinstance(b, DateClaim) and not _same_event(a, b, fa, fb):
        return 0.0  # "rescued on the 2nd" and "repulsed on the 11th": two events
    score = 0.0
    if isinstance(a, AgeClaim):
        by_people = _age_similarity(fa, fb)
        if by_people == 0.0 and fa.participants and fb.participants:
            return 0.0  # two named people
        score += by_people
    else:
        by_predicate = _predicates(a, fa, fb)
        if by_predicate is None:
            return 0.0
        score += by_predicate
        if fa.noun and fa.noun == fb.noun:
            score += 0.1
        people_a, people_b = fa.participants, fb.participants
        if people_a and people_b:
            shared = names_overlap(people_a, people_b)
            # No name in common: telling for a state; for a date or a figure the clause's names
            # are often a vessel, a nationality or a place, so it weighs nothing against them.
            score += 0.3 * shared - (
                0.2
                if shared == 0 and isinstance(a, StatusClaim)
                else 0.1
                if shared == 0 and isinstance(a, QuantityClaim)
                else 0.0
            )
        if fa.place and fb.place:
            score += 0.1 if fa.place == fb.place else -0.2 if isinstance(a, StatusClaim) else -0.05
        if fa.time and fb.time and fa.time == fb.time and not isinstance(a, DateClaim):
            score += 0.1
    if isinstance(a, StatusClaim):
        # A state is one word of its sentence: the sentences' other words say whether they tell one
        # event, as a share (the copies suite's opposite verbs in otherwise equal sentences).
        wa = _words(a.quote) - _words(a.quote[a.value_start - a.start : a.value_end - a.start])
        wb = _words(b.quote) - _words(b.quote[b.value_start - b.start : b.value_end - b.start])
        return score + (0.5 * len(wa & wb) / len(wa | wb) if wa and wb else 0.0)
    # What the two sentences share besides the value: their content words, lemmatised, counted
    # (a long sentence does not dilute them), and those right next to the value counted again.
    score += min(0.5, 0.08 * len(content_lemmas(a) & content_lemmas(b)))
    score += min(0.3, 0.1 * len(context_lemmas(a) & context_lemmas(b)))
    return score


# A count of parts a modifier implies ("six twin-engine planes": twelve engines) has no clause of
# its own: its sentence is about the things, so its words say little of the parts. What stands in
# for them is that each of two sources counts those parts with one figure only.
LONE_FIGURE = 0.2


def _one_figure(claims: list[ClaimBase]) -> bool:
    """Whether a source counts a thing with one figure only, however often it says it ('twelve
    engines' in a sentence that also gives them as six twin engines)."""
    figures = {c.number for c in claims if isinstance(c, QuantityClaim) and dimension(c) == "count"}
    return len(figures) == 1 and len(claims) == sum(isinstance(c, QuantityClaim) for c in claims)


def align(
    left: list[ClaimBase], right: list[ClaimBase], threshold: float = THRESHOLD
) -> list[tuple[ClaimBase, ClaimBase, float]]:
    """One-to-one matching of two sources' claims, best match first, above `threshold`.

    Claims are compared only within a block (see `block`), so the cost grows with the claims
    that could be one fact, not with every pair."""
    blocks: dict[tuple[str, ...], list[ClaimBase]] = defaultdict(list)
    for claim in left:
        key = block(claim)
        if key is not None:
            blocks[key].append(claim)
    right_blocks: dict[tuple[str, ...], list[ClaimBase]] = defaultdict(list)
    for claim in right:
        key = block(claim)
        if key is not None:
            right_blocks[key].append(claim)
    lone = {
        key
        for key in blocks.keys() & right_blocks.keys()
        if _one_figure(blocks[key]) and _one_figure(right_blocks[key])
    }
    candidates: list[tuple[float, int, int, ClaimBase, ClaimBase]] = []
    for j, b in enumerate(right):
        key = block(b)
        if key is None:
            continue
        for i, a in enumerate(blocks.get(key, [])):
            score = similarity(a, b)
            if score > 0 and key in lone and PARTS in (a.rule, b.rule):
                score += LONE_FIGURE
            if score >= threshold:
                candidates.append((score, i, j, a, b))
    candidates.sort(key=lambda c: (-c[0], c[3].start, c[4].start, c[3].value_start, c[4].value_start))
    used_a: set[str] = set()
    used_b: set[str] = set()
    out: list[tuple[ClaimBase, ClaimBase, float]] = []
    for score, _, _, a, b in candidates:
        if a.id in used_a or b.id in used_b:
            continue
        used_a.add(a.id)
        used_b.add(b.id)
        out.append((a, b, score))
    return out


def align_sources(by_source: dict[str, list[ClaimBase]]) -> Iterable[tuple[ClaimBase, ClaimBase, float]]:
    """Aligned pairs for every pair of sources, in a fixed order."""
    sources = sorted(by_source)
    for i, sa in enumerate(sources):
        for sb in sources[i + 1 :]:
            yield from align(by_source[sa], by_source[sb])
