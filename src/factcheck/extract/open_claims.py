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

from factcheck.extract.context import Context, evidence
from factcheck.extract.dates import DEADLINE_BEFORE
from factcheck.extract.frames import SentenceView, build_frame, nearest_predicate
from factcheck.extract.mentions import Number, Predicate, find_numbers, find_predicates, may_hold, tokens
from factcheck.models import ClaimBase, DateClaim, DatePrecision, QuantityClaim, Sentence, StatusClaim, Topic
from factcheck.text.dates import find_dates, resolve

MAY_DATE = re.compile(  # a quick test before the date patterns: a weekday or a month name
    r"day\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.IGNORECASE
)
MAX_PER_SENTENCE = 40  # a "sentence" with more specifics than this is a table or a run-on line, not prose
DIMENSION_WORDS = {"distance": "distance", "duration": "time", "weight": "weight", "percent": "percent"}


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


def _numbers(ctx: Context, sentence: Sentence, view: SentenceView, taken: Taken) -> list[ClaimBase]:
    text = sentence.text
    out: list[ClaimBase] = []
    for n in find_numbers(text, view.toks)[:MAX_PER_SENTENCE]:
        if n.vague or _covered(taken, n.start, n.end):
            continue  # vague amounts contradict nothing; a value claimed by a listed rule stays its claim
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
                subject=Topic(facet="thing", word=n.noun or n.unit),
                subject_text=n.noun_words or n.unit,
                rule=f"mention.{n.dimension}",
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


def _events(ctx: Context, sentence: Sentence, view: SentenceView, taken: Taken) -> list[ClaimBase]:
    out: list[ClaimBase] = []
    for p in view.preds[:MAX_PER_SENTENCE]:
        if p.state is None or _covered(taken, p.start, p.end):
            continue
        attribute = f"{p.cls} ({p.lemma})"
        frame = build_frame(view, p.start, p.end, attribute=attribute, predicate=p, story_year=ctx.story_year)
        who = ", ".join(sorted(frame.participants)) or "the incident"
        out.append(
            StatusClaim(
                **evidence(ctx, sentence, sentence.start + p.start, sentence.start + p.end),
                subject=Topic(facet="event", word=p.cls),
                subject_text=who,
                rule=f"mention.event-noun.{p.cls}" if p.noun else f"mention.event.{p.cls}",
                incident_hint=ctx.hint_for(sentence, sentence.start + p.start, sentence.start + p.end),
                domain="event",
                state=f"not_{p.state}" if p.negated else p.state,
                modality=p.modality,
                expression=p.word,
                frame=frame,
            )
        )
    return out


def _dates(ctx: Context, sentence: Sentence, view: SentenceView, taken: Taken) -> list[ClaimBase]:
    text = sentence.text
    published = ctx.published
    label = f"the {published.day} {published.strftime('%B %Y')} publication date" if published else ""
    out: list[ClaimBase] = []
    if not MAY_DATE.search(text):
        return out
    for expr in find_dates(text):
        if expr.kind not in ("weekday", "absolute") or (expr.day is None and expr.kind == "absolute"):
            continue
        if _covered(taken, expr.start, expr.end):
            continue
        if DEADLINE_BEFORE.search(text[max(0, expr.start - 8) : expr.start]):
            continue  # "must be finalized by July 25": a deadline, not the day something happened
        pred = nearest_predicate(view, expr.start, expr.end)
        if pred is None:
            continue  # a date of nothing in particular
        resolved = resolve(expr, published, label)
        attribute = f"date ({pred.lemma})"
        frame = build_frame(view, expr.start, expr.end, attribute=attribute, predicate=pred, story_year=ctx.story_year)
        precision: DatePrecision = "weekday" if expr.kind == "weekday" else "day"
        out.append(
            DateClaim(
                **evidence(ctx, sentence, sentence.start + expr.start, sentence.start + expr.end),
                subject=Topic(facet="date", word=pred.lemma),
                subject_text=", ".join(sorted(frame.participants)) or pred.word,
                rule=f"mention.{expr.kind}",
                event=pred.lemma,
                expression=expr.text,
                date=resolved.date,
                month_day=resolved.month_day if resolved.date is None else None,
                precision=precision,
                resolved=resolved.date is not None or resolved.month_day is not None,
                resolution=resolved.how,
                frame=frame,
            )
        )
    return out


def _framed(ctx: Context, view: SentenceView, sentence: Sentence, claim: ClaimBase) -> ClaimBase:
    """A listed rule's date or status claim with the frame of its clause, so that it aligns with
    the open claims of other sources (a weekday against a date of the same event)."""
    start, end = claim.value_start - sentence.start, claim.value_end - sentence.start
    if isinstance(claim, DateClaim):
        attribute, pred = f"date ({claim.event})", nearest_predicate(view, start, end)
    elif isinstance(claim, StatusClaim):
        attribute = f"{claim.domain} status"
        pred = next((p for p in view.preds if p.start < end and start < p.end), None)
    else:
        return claim
    frame = build_frame(view, start, end, attribute=attribute, predicate=pred, story_year=ctx.story_year)
    claim.frame = frame  # made for this sentence and held nowhere else: framed in place, not copied
    return claim


def extract_open(ctx: Context, sentence: Sentence, taken: list[ClaimBase]) -> list[ClaimBase]:
    """The listed rules' claims of a sentence (`taken`), dates and statuses given frames, then
    claims with frames for the specifics of the sentence they leave unclaimed."""
    values, predicates = may_hold(sentence.text)
    if not predicates:
        return taken
    toks = tokens(sentence.text)
    view = SentenceView(sentence.text, toks, find_predicates(toks, listed_only=not values))
    spans = Taken([(c.value_start - sentence.start, c.value_end - sentence.start) for c in taken])
    found = [
        *(_numbers(ctx, sentence, view, spans) if values else []),
        *_events(ctx, sentence, view, spans),
        *(_dates(ctx, sentence, view, spans) if values else []),
    ]
    return [*(_framed(ctx, view, sentence, c) for c in taken), *found[:MAX_PER_SENTENCE]]
