"""Mentions the closed-list extractors left → claims with frames (rules `mention.*`).

The older extractors claim a value only when its context matches a lexicon; whatever they leave
is claimed here from its own words: a count with the noun it counts, a measure with its unit, an
event predicate with its state, a weekday or day of the month with the predicate it dates. Each
carries a frame, and comparison aligns these claims by their frames, never by their keys.
"""

from __future__ import annotations

import bisect
import itertools
import re
from functools import lru_cache
from typing import NamedTuple

from lemminflect import getInflection  # type: ignore[import-untyped]

from factcheck.extract.ages import age_then
from factcheck.extract.context import Context, evidence
from factcheck.extract.dates import DEADLINE_BEFORE
from factcheck.extract.frames import SentenceView, build_frame, date_predicate, nearest_predicate
from factcheck.extract.mentions import (
    FUNCTION,
    Number,
    Predicate,
    Token,
    find_numbers,
    lemmas,
    noun_lemma,
)
from factcheck.extract.speech import ANNOUNCING, ANNOUNCING_BEFORE, TELLING_FORMS
from factcheck.extract.status import SUBJECT_OPENERS, holds_a_thing
from factcheck.lexicons import load_lexicon
from factcheck.models import (
    AgeClaim,
    ClaimBase,
    DateClaim,
    DatePrecision,
    Frame,
    MonthDay,
    Person,
    QuantityClaim,
    Sentence,
    StatusClaim,
    StatusState,
    SubjectType,
    topic,
    trusted,
)
from factcheck.text.dates import DateExpr, find_dates, resolve
from factcheck.text.patterns import alternation
from factcheck.text.prefilter import Caseless

MAY_DATE = re.compile(  # a quick test before the date patterns: a weekday or a month name
    r"day\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.IGNORECASE
)
MAY_DATE_LOWER = Caseless(MAY_DATE)  # asked of the lower-case text: quicker, the same answer
WORDS = re.compile(r"[^\W\d_]{2,}")
MIN_UNDATED_WORDS = 5  # words besides the date a sentence needs for a date without a predicate
SENTENCE_OPENING = re.compile(
    r"^\W*(?:(?:on|early|late|last|this|next|by|in|at|since|from|until)\s+)?(?:(?:on|early|late|last|this|next)\s+)?"
    r"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month)\W+){0,2}$",
    re.IGNORECASE,
)
ANNOUNCED_REACH = 60  # characters before a date read for a verb of announcing: the verb and its day words
# A verb of telling, not of announcing: an announcement may be the news itself.
TELLING_WORD = re.compile(rf"\b{alternation(TELLING_FORMS)}\b")
MAX_PER_SENTENCE = 40  # a "sentence" with more specifics than this is a table or a run-on line, not prose
DIMENSION_WORDS = {"distance": "distance", "duration": "time", "weight": "weight", "percent": "percent"}
# Ages said of anyone, named or not: "a 36-year-old climber", "the 40-year-old visitor",
# "Anna K. Berg, 52," (an initial inside the name), "Berg, 52, was ...".
YEAR_OLD = re.compile(r"\b(?P<age>\d{1,3})[- ]years?[- ]old\b")
NAME_WORD = r"(?:[A-Z][\w’'-]+|[A-Z]\.)"
AGE_APPOSITIVE = re.compile(
    rf"(?<![\w.])(?P<name>{NAME_WORD}(?:\s{NAME_WORD}){{0,4}}),\s(?P<age>\d{{1,3}})"
    r"(?=,|\)|\s(?:was|is|had|has|were|and|of|who|from|will|told|said|died)\b)"
)
NOT_NAME_START = frozenset({"the", "a", "an", "his", "her", "their", "its", "mr", "mrs", "ms", "dr"})
_ROLES = load_lexicon("roles")
PERSON_NOUNS = frozenset(load_lexicon("people")["person_nouns"]) | frozenset(
    word for table in (_ROLES["relational"], _ROLES["occupational"]) for words in table.values() for word in words
)
AGENT_NOUN = re.compile(r"[a-z]{3,}(?:er|or|ist|ian)$")
SCORE_BEFORE = re.compile(r"\d\s?[-–]\s?$")  # the first figure of a score: "13-" before "10"
CLAUSE_OPENERS = frozenset({"before", "after", "when", "while", "as", "until", "because", "and", "but", "that", "who"})
NOT_HELD_NEAR = 8  # words after a custody verb (twice as many before a passive one) that say what it takes
INSTRUMENT = frozenset({"on", "in"})  # "captured on camera", "caught in a surveillance tape"


@lru_cache(maxsize=4096)
def _plural(word: str, lemma: str) -> bool:
    """Whether a noun is written in the plural: 'fans', 'people', 'police' (not 'lead', 'loss')."""
    plurals: tuple[str, ...] = getInflection(lemma, "NNS") or ()
    return word != lemma or (bool(plurals) and plurals[0] == word)


def _a_score(n: Number, text: str) -> bool:
    """Whether a count is the second figure of a score or record ("a 13-10 loss", "a 7-0 lead", "won
    3-1", "(9-14)") rather than the top of a range, which counts a plural noun ("10-15 protesters")."""
    if not SCORE_BEFORE.search(text, max(0, n.start - 8), n.start):
        return False
    last = n.noun_words.split()[-1].lower() if n.noun_words else None
    return last is None or n.noun is None or not _plural(last, n.noun)


def _of_a_person(names: tuple[str, ...], noun: str | None) -> bool:
    """An age is a person's when a name goes with it or its noun names a person."""
    return bool(names) or (noun is not None and (noun in PERSON_NOUNS or AGENT_NOUN.match(noun) is not None))


def _attribute(n: Number, pred: Predicate | None) -> str:
    """The fact in the source's own words: 'employees', 'people (died)', 'fell (distance)',
    'traffic (percent)', 'amount (paid, USD)'."""
    verb = pred.word.lower() if pred else None
    if n.per:
        what = n.noun_words or verb or "amount"
        return f"{what} per {n.per} ({n.unit})"
    if n.dimension == "count":
        return f"{n.noun_words or n.unit} ({verb})" if verb else (n.noun_words or n.unit)
    if n.dimension == "money":
        what = n.noun_words or "amount"
        return f"{what} ({verb}, {n.unit})" if verb else f"{what} ({n.unit})"
    what = n.noun_words or verb or n.dimension
    return f"{what} ({DIMENSION_WORDS.get(n.dimension, n.dimension)})"


class Taken:
    """The value spans the listed rules claimed in a sentence, sorted, with the furthest end so
    far: whether a span overlaps one is a bisection, not a scan of them all for every number
    (a sentence of thousands of figures made that quadratic)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.reach = list(itertools.accumulate((b for _, b in ordered), max))


def _covered(spans: Taken, start: int, end: int) -> bool:
    """Whether a claimed span overlaps text[start:end] (some a < end and start < b)."""
    i = bisect.bisect_left(spans.starts, end)
    return i > 0 and spans.reach[i - 1] > start


def _numbers(
    ctx: Context, sentence: Sentence, view: SentenceView, taken: Taken, specifics: Specifics
) -> list[ClaimBase]:
    text = sentence.text
    out: list[ClaimBase] = []
    for n in specifics.numbers()[:MAX_PER_SENTENCE]:
        if n.vague or _covered(taken, n.start, n.end):
            continue  # vague amounts contradict nothing; a value claimed by a listed rule stays its claim
        if n.dimension == "count" and _a_score(n, text):
            continue  # "a 13-10 loss", "a 7-0 lead", "(9-14)": a score or a record, not a count
        pred = nearest_predicate(view, n.start, n.end)
        attribute = _attribute(n, pred)
        frame = build_frame(
            view,
            n.start,
            n.end,
            attribute=attribute,
            noun=n.noun,
            predicate=pred,
            story_year=ctx.story_year,
        )
        position = sentence.start + n.start
        out.append(
            QuantityClaim(
                **evidence(ctx, sentence, position, sentence.start + n.end),
                subject=topic("thing", n.noun or n.unit),
                subject_text=n.noun_words or n.unit,
                rule="mention.parts" if n.each is not None else f"mention.{n.dimension}",
                incident_hint=ctx.hint_for(sentence, position, sentence.start + n.end),
                low=n.low,
                high=n.high,
                number=n.value,
                qualifier=n.qualifier,
                unit=n.unit if n.dimension != "count" or not n.noun_words else n.noun_words.split()[-1].lower(),
                event=pred.lemma if pred else None,
                expression=text[n.start : n.end],
                frame=frame,
            )
        )
    return out


def _holds_a_thing(view: SentenceView, p: Predicate) -> bool:
    """Whether a custody verb takes a thing, not a person or a vessel: the head noun of its object
    ('released a statement', 'caught fire', not 'detained a man seen on video'), of what it is caught
    on or in ('captured on a surveillance tape'), or for a passive of its subject ('results of the
    test were not released', not 'the man who posted the video was detained')."""
    if p.cls != "custody" or p.noun:
        return False
    i = bisect.bisect_left(view.tok_starts, p.start)
    preds = set(view.pred_starts)

    def own(t: Token) -> bool:  # a word of this verb's clause: no mark, no other verb, no new clause
        return t.low[:1].isalnum() and t.start not in preds and t.low not in CLAUSE_OPENERS

    after = [t.low for t in itertools.takewhile(own, view.toks[i + 1 : i + 1 + NOT_HELD_NEAR])]
    if after and after[0] in INSTRUMENT and holds_a_thing(after[1:]):
        return True
    if not p.passive:
        return holds_a_thing(after)

    def subject(t: Token) -> bool:  # a word of the passive's subject: no mark, no new clause
        return t.low[:1].isalnum() and t.low not in SUBJECT_OPENERS

    before = list(itertools.takewhile(subject, reversed(view.toks[max(0, i - 2 * NOT_HELD_NEAR) : i])))
    return holds_a_thing([t.low for t in reversed(before)])


def _events(ctx: Context, sentence: Sentence, view: SentenceView, taken: Taken) -> list[ClaimBase]:
    out: list[ClaimBase] = []
    for p in view.preds[:MAX_PER_SENTENCE]:
        if p.state is None or p.cls is None or _covered(taken, p.start, p.end) or _holds_a_thing(view, p):
            continue
        attribute = f"{p.cls} ({p.lemma})"
        frame = build_frame(view, p.start, p.end, attribute=attribute, predicate=p, story_year=ctx.story_year)
        who = ", ".join(sorted(frame.participants)) or "the incident"
        out.append(
            StatusClaim(
                **evidence(ctx, sentence, sentence.start + p.start, sentence.start + p.end),
                subject=topic("event", p.cls),
                subject_text=who,
                rule=f"mention.event-noun.{p.cls}" if p.noun else f"mention.event.{p.cls}",
                incident_hint=ctx.hint_for(sentence, sentence.start + p.start, sentence.start + p.end),
                domain="event",
                # A listed state (never empty) and a bool: trusted, as StatusState would read them.
                state=trusted(StatusState, {"name": p.state, "negated": p.negated}),
                modality=p.modality,
                expression=p.word,
                frame=frame,
            )
        )
    return out


def _announced_on(view: SentenceView, start: int) -> Predicate | None:
    """A verb of announcing right before a date ('the change announced Friday', 'announced on
    Tuesday'): the date is the announcement's, though a verb of telling ends the clause it stands in
    (frames.CLAUSE_BREAK), which leaves the date no verb of its own clause."""
    announced = ANNOUNCING_BEFORE.search(view.text, max(0, start - ANNOUNCED_REACH), start)
    if announced is None:
        return None
    return next((p for p in view.preds if p.end == announced.end("verb") and p.lemma in ANNOUNCING), None)


def _opening_predicate(view: SentenceView, start: int, end: int) -> Predicate | None:
    """For a date opening its sentence ("On Thursday, 12 May, at 3 pm, the camp was shelled"), the
    first predicate after it: an opening adverbial dates the main clause, whatever commas and
    times stand between them."""
    if not SENTENCE_OPENING.match(view.text[:start]) or view.text[end : end + 2] in ("'s", "’s"):
        return None  # "In Saturday's final, ...": the date of its noun, not of the main clause
    return next((p for p in view.preds if p.start >= end), None)


def _words_besides(text: str, start: int, end: int) -> int:
    """The words of `text` outside [start, end), counted up to MIN_UNDATED_WORDS only: counting them
    all for every date made a long sentence of dates quadratic."""
    before = itertools.islice(WORDS.finditer(text, 0, start), MIN_UNDATED_WORDS)
    after = itertools.islice(WORDS.finditer(text, end), MIN_UNDATED_WORDS)
    return sum(1 for _ in itertools.islice(itertools.chain(before, after), MIN_UNDATED_WORDS))


def _undated_story(ctx: Context, view: SentenceView, expr: DateExpr) -> bool:
    """Whether a date whose clause has no predicate is still one of the story's, to be given the
    sentence's nearest predicate: not a dateline or a caption (too few words around it), not the
    day something was said or written ('said in an interview on 2 June'), not another year's."""
    text = view.text
    if _words_besides(text, expr.start, expr.end) < MIN_UNDATED_WORDS:
        return False
    lo, hi = view.clause_span(expr.start, expr.end)
    if not WORDS.search(f"{text[lo : expr.start]} {text[expr.end : hi]}"):
        return False  # '21 November 2023 — The group said ...': a dateline opening the first paragraph
    if TELLING_WORD.search(text[max(0, lo - 15) : hi]):
        return False  # the clause may start right after "said"
    # A day of another year is background ('following the abduction on 15 May 2001'): its event
    # is the clause's to say, not the nearest verb's.
    return expr.year is None or expr.year == ctx.story_year


def _dates(ctx: Context, sentence: Sentence, view: SentenceView, taken: Taken) -> list[ClaimBase]:
    text = sentence.text
    out: list[ClaimBase] = []
    if not MAY_DATE_LOWER.search(text):
        return out
    published, label = ctx.published, ctx.publication_label
    for expr in find_dates(text):
        if expr.kind not in ("weekday", "absolute") or (expr.day is None and expr.kind == "absolute"):
            continue
        if _covered(taken, expr.start, expr.end):
            continue
        if DEADLINE_BEFORE.search(text[max(0, expr.start - 8) : expr.start]):
            continue  # "must be finalized by July 25": a deadline, not the day something happened
        # A date opening its sentence dates the main clause even when a comma or a time of day
        # closes its own clause ("On Thursday, 12 May, at 3 pm, the camp was shelled").
        pred = date_predicate(view, expr.start, expr.end) or _announced_on(view, expr.start)
        if pred is None and _undated_story(ctx, view, expr):
            pred = _opening_predicate(view, expr.start, expr.end)
        if pred is None:
            continue  # a date of nothing in particular
        resolved = resolve(expr, published, label)
        attribute = f"date ({pred.lemma})"
        frame = build_frame(view, expr.start, expr.end, attribute=attribute, predicate=pred, story_year=ctx.story_year)
        precision: DatePrecision = "weekday" if expr.kind == "weekday" else "day"
        out.append(
            DateClaim(
                **evidence(ctx, sentence, sentence.start + expr.start, sentence.start + expr.end),
                subject=topic("date", pred.lemma),
                subject_text=", ".join(sorted(frame.participants)) or pred.word,
                rule=f"mention.{expr.kind}",
                event=pred.lemma,
                expression=expr.text,
                date=resolved.date,
                month_day=MonthDay(month=resolved.month_day[0], day=resolved.month_day[1])
                if resolved.month_day and resolved.date is None
                else None,
                precision=precision,
                resolved=resolved.date is not None or resolved.month_day is not None,
                resolution=resolved.how,
                frame=frame,
            )
        )
    return out


class AgeMention(NamedTuple):
    """An age in a sentence with who it is said of: the names and the noun of its phrase."""

    start: int  # the words of the age (offsets into the sentence)
    end: int
    value: int
    names: tuple[str, ...]  # folded capitalised words of the phrase ('anna berg', 'australian')
    noun: str | None  # the described noun's lemma ('climber'), None for a name alone


def _after_year_old(toks: list[Token], k: int) -> tuple[list[str], str | None]:
    """The words an age describes after 'N-year-old': capitalised runs are names (or a nationality),
    the last common noun is what the person is ('protester', 'daughter')."""
    names: list[str] = []
    run: list[str] = []
    noun = None
    for tok in toks[k : k + 6]:
        low = tok.low
        if tok.text[:1].isupper() and (tok.text.isalpha() or (len(tok.text) == 1 and tok.text.isalpha())):
            run.append(low)
            continue
        if tok.text == "." and run and len(run[-1]) == 1:
            continue  # the full stop of an initial: "Anna K. Berg"
        if run:
            names.append(" ".join(w for w in run if len(w) > 1))
            run = []
        found = lemmas(low)
        if not low.isalpha() or low in FUNCTION or "NOUN" not in found or noun is not None:
            break
        if "VERB" in found and found["VERB"][0] != low:
            break  # "died", "was": the clause goes on
        noun = noun_lemma(low)
    if run:
        names.append(" ".join(w for w in run if len(w) > 1))
    return [n for n in names if n], noun


def find_ages(text: str, toks: list[Token], published_year: int | None = None) -> list[AgeMention]:
    """Every age the sentence gives, with the words that say whose it is."""
    out: list[AgeMention] = []
    starts = [t.start for t in toks]
    for m in YEAR_OLD.finditer(text):
        if age_then(text, m.start(), published_year):
            continue  # "then-15-year-old X": the age back then
        k = bisect.bisect_left(starts, m.end())
        names, noun = _after_year_old(toks, k)
        out.append(AgeMention(m.start(), m.end(), int(m.group("age")), tuple(names), noun))
    for m in AGE_APPOSITIVE.finditer(text):
        if age_then(text, m.start("age"), published_year):
            continue
        words = [w for w in m.group("name").split() if len(w.rstrip(".")) > 1]
        while words and words[0].lower() in NOT_NAME_START:
            words.pop(0)
        if not words:
            continue
        name = " ".join(words).lower()
        out.append(AgeMention(m.start("name"), m.end("age"), int(m.group("age")), (name,), None))
    return [a for a in out if 0 < a.value <= 120 and _of_a_person(a.names, a.noun)]


def _key_name(subject: SubjectType) -> str | None:
    """The person a listed claim names; not a relation ('her daughter', whose name is the other's)."""
    return subject.name if isinstance(subject, Person) else None


def _age_frame(view: SentenceView, ctx: Context, age: AgeMention, extra: tuple[str, ...] = ()) -> Frame:
    frame = build_frame(view, age.start, age.end, attribute="age", story_year=ctx.story_year)
    names = tuple(sorted({*age.names, *extra}))
    return frame.model_copy(update={"agents": (), "patients": names, "noun": age.noun})


def _shared_surnames(ctx: Context) -> frozenset[str]:
    """Surnames two people of the source share ('Anna Berg', 'Tomas Berg'): alone, they name neither."""
    counts: dict[str, int] = {}
    for key in ctx.people.entities:
        if isinstance(key, Person) and " " in key.name:
            last = key.name.rsplit(" ", 1)[1]
            counts[last] = counts.get(last, 0) + 1
    return frozenset(k for k, n in counts.items() if n > 1)


def _ages(ctx: Context, sentence: Sentence, view: SentenceView, taken: Taken, specifics: Specifics) -> list[ClaimBase]:
    out: list[ClaimBase] = []
    shared: frozenset[str] | None = None
    for age in specifics.ages()[:MAX_PER_SENTENCE]:
        if _covered(taken, age.start, age.end):
            continue
        if len(age.names) == 1 and " " not in age.names[0]:
            shared = _shared_surnames(ctx) if shared is None else shared
            if age.names[0] in shared:
                continue  # "Berg, 40," where two Bergs are named: whose age is it?
        frame = _age_frame(view, ctx, age)
        who = age.names[0] if age.names else (age.noun or "person")
        out.append(
            AgeClaim(
                **evidence(ctx, sentence, sentence.start + age.start, sentence.start + age.end),
                subject=Person(name=who) if age.names else topic("thing", who),
                subject_text=", ".join(age.names) or who,
                rule="mention.age",
                incident_hint=ctx.hint_for(sentence, sentence.start + age.start, sentence.start + age.end),
                value=age.value,
                frame=frame,
            )
        )
    return out


class Specifics:
    """The numbers and ages of a sentence, found once (on first use) and looked up by span in
    logarithmic time: framing each listed claim must not rescan the sentence."""

    def __init__(self, view: SentenceView, published_year: int | None = None) -> None:
        self.view = view
        self.published_year = published_year
        self._numbers: list[Number] | None = None
        self._number_starts: list[int] = []
        self._ages: list[AgeMention] | None = None
        self._age_starts: list[int] = []

    def numbers(self) -> list[Number]:
        if self._numbers is None:
            self._numbers = find_numbers(self.view.text, self.view.toks)
            self._number_starts = [n.start for n in self._numbers]
        return self._numbers

    def ages(self) -> list[AgeMention]:
        if self._ages is None:
            self._ages = sorted(find_ages(self.view.text, self.view.toks, self.published_year))
            self._age_starts = [a.start for a in self._ages]
        return self._ages

    def number_at(self, start: int, end: int) -> Number | None:
        """The number overlapping text[start:end], if any."""
        numbers = self.numbers()
        i = bisect.bisect_left(self._number_starts, end)
        return next((n for n in numbers[max(0, i - 2) : i] if n.start < end and start < n.end), None)

    def age_at(self, start: int, end: int) -> AgeMention | None:
        """The age overlapping text[start:end], if any."""
        ages = self.ages()
        i = bisect.bisect_left(self._age_starts, end)
        return next((a for a in ages[max(0, i - 2) : i] if a.start < end and start < a.end), None)


def _framed(ctx: Context, view: SentenceView, sentence: Sentence, claim: ClaimBase, found: Specifics) -> ClaimBase:
    """A listed rule's date or status claim with the frame of its clause, so that it aligns with
    the open claims of other sources (a weekday against a date of the same event)."""
    start, end = claim.value_start - sentence.start, claim.value_end - sentence.start
    if isinstance(claim, DateClaim):
        attribute, pred = f"date ({claim.event})", date_predicate(view, start, end)
    elif isinstance(claim, StatusClaim):
        attribute = f"{claim.domain} status"
        pred = next((p for p in view.preds if p.start < end and start < p.end), None)
    elif isinstance(claim, AgeClaim):
        own = tuple(n for n in [_key_name(claim.subject)] if n)
        age = found.age_at(start, end) or AgeMention(start, end, claim.value, (), None)
        if not age.names and not own:
            own = (" ".join(w for w in claim.subject_text.lower().split() if w[:1].isalpha()),)
        claim.frame = _age_frame(view, ctx, age, own)
        return claim
    elif isinstance(claim, QuantityClaim):
        number = found.number_at(start, end)
        pred = nearest_predicate(view, start, end)
        noun = number.noun if number else None
        attribute = _attribute(number, pred) if number else claim.unit
        frame = build_frame(view, start, end, attribute=attribute, noun=noun, predicate=pred, story_year=ctx.story_year)
        claim.frame = frame
        return claim
    else:
        return claim
    frame = build_frame(view, start, end, attribute=attribute, predicate=pred, story_year=ctx.story_year)
    claim.frame = frame  # made for this sentence and held nowhere else: framed in place, not copied
    return claim


def extract_open(ctx: Context, sentence: Sentence, taken: list[ClaimBase]) -> list[ClaimBase]:
    """The listed rules' claims of a sentence (`taken`), dates and statuses given frames, then
    claims with frames for the specifics of the sentence they leave unclaimed."""
    view = ctx.frame_view(sentence)
    if view is None:
        return taken
    values, _ = ctx.may_hold(sentence)
    spans = Taken([(c.value_start - sentence.start, c.value_end - sentence.start) for c in taken])
    specifics = Specifics(view, ctx.published.year if ctx.published else None)
    found = [
        *(_numbers(ctx, sentence, view, spans, specifics) if values else []),
        *_events(ctx, sentence, view, spans),
        *(_dates(ctx, sentence, view, spans) if values else []),
        *(_ages(ctx, sentence, view, spans, specifics) if values else []),
    ]
    return [*(_framed(ctx, view, sentence, c, specifics) for c in taken), *found[:MAX_PER_SENTENCE]]
