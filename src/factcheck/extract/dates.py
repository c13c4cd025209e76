"""Date claims: each date expression of a sentence with the event it dates, resolved.

The expressions themselves (finding and resolving them) are text utilities on the ground floor,
in `factcheck.text.dates`; this module attaches them to events and subjects.
"""

from __future__ import annotations

import bisect
import itertools
import re

from factcheck.extract.context import Context, evidence, subject_before
from factcheck.extract.frames import date_predicate
from factcheck.lexicons import load_lexicon
from factcheck.models import DateClaim, Dated, Evidence, MonthDay, Sentence
from factcheck.text.dates import DateExpr, Resolved, counted_from, find_dates, resolve
from factcheck.text.prefilter import folded, may_match


def _date_events() -> list[tuple[str, bool, re.Pattern[str]]]:
    """(event, whether the words are nouns, their pattern): the lexicon lists an event's nouns apart."""
    lex = load_lexicon("date_events")
    out = []
    for event, verbs in lex["events"].items():
        nouns = lex["nouns"].get(event, [])
        if verbs:
            out.append((event, False, re.compile(r"\b(?:" + "|".join(verbs) + r")", re.IGNORECASE)))
        if nouns:
            out.append((event, True, re.compile(r"\b(?:" + "|".join(nouns) + r")", re.IGNORECASE)))
    return out


_DATE_EVENTS: list[tuple[str, bool, re.Pattern[str]]] = []
_SUB_EVENTS: dict[str, list[str]] = {}
# Relative words that count from the day of writing, not from a date in the text.
FROM_PUBLICATION = re.compile(r"today|tonight|yesterday|tomorrow|ago|last\snight|this\s", re.IGNORECASE)
DEADLINE_BEFORE = re.compile(r"\b(?:by|before|until|till|after)\s$", re.IGNORECASE)
PATIENT_EVENTS = {"detain", "release", "sentence", "attack"}
OBJECT_AFTER = re.compile(r"\w+\s(?:again\s)?(?P<who>him|her|them|[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+){0,2})\b")
# A time of the story's scene ("that night", "later that same day"): it counts from the text's
# last date, and extract/carried lends it to the next sentence's event.
SCENE_TIME = r"(?:later\s)?that\s(?:same\s)?(?:night|evening|afternoon|morning|day)"
# Each match holds one of these (in lower case): a sentence with none is not searched.
CONTEXT_RELATIVE_WORDS = ("after", "same", "that")
CONTEXT_RELATIVE = re.compile(
    r"\b(?:shortly\safter(?:wards)?|soon\safter(?:wards)?|the\ssame\sday|" + SCENE_TIME + r")\b", re.IGNORECASE
)


def _predicate_reading(
    ctx: Context,
    sentence: Sentence,
    expr: DateExpr,
    events: list[tuple[str, bool, re.Pattern[str]]],
    nearest: tuple[str, int],
) -> tuple[str, int] | None:
    """The event a date dates, and where its word starts, as its clause reads it
    (`frames.date_predicate`) when the nearest listed word is one of the clause's predicates too:
    the listed event the predicate names, or None where it names none (the open rules date it by
    its own verb). The nearest listed word stands where it is the predicate, where the clause has
    none ('Sunday's quake'), where the word is no predicate ('a contract with the club'), and for
    the end of a state ('tying him to the club until 2030'): the predicate is an act's, not a
    state's."""
    if expr.kind == "until":
        return nearest
    view = ctx.frame_view(sentence)
    if view is None:
        return nearest
    i = bisect.bisect_right(view.pred_starts, nearest[1]) - 1
    if i < 0 or view.preds[i].end <= nearest[1]:
        return nearest  # the listed word is no predicate of the clause
    pred = date_predicate(view, expr.start, expr.end)
    if pred is None or pred.start <= nearest[1] < pred.end:
        return nearest
    found = next((event for event, _, pattern in events if pattern.match(sentence.text, pred.start)), None)
    return (found, pred.start) if found is not None else None


def extract_dates(ctx: Context, sentence: Sentence) -> list[DateClaim]:
    """Date claims of a sentence: each date expression with the event it dates, resolved."""
    global _DATE_EVENTS, _SUB_EVENTS
    if not _DATE_EVENTS:
        _DATE_EVENTS = _date_events()
        _SUB_EVENTS = load_lexicon("date_events")["sub_events"]
    s = sentence.text
    published = ctx.published
    anchor_label = ctx.publication_label
    exprs = list(find_dates(s))
    # "Is this position inside a date already found?" by bisection over the dates' starts and the
    # furthest end so far, not by a scan of every date (many dates in one sentence made it quadratic).
    # Relative words added below never contain a later one: finditer's matches do not overlap.
    spans = sorted((e.start, e.end) for e in exprs)
    span_starts = [a for a, _ in spans]
    reach = list(itertools.accumulate((b for _, b in spans), max))
    lower = folded(s)
    relative = lower is None or any(w in lower for w in CONTEXT_RELATIVE_WORDS)
    for m in CONTEXT_RELATIVE.finditer(s) if relative else ():
        i = bisect.bisect_right(span_starts, m.start())
        if not (i and reach[i - 1] > m.start()):
            exprs.append(DateExpr(m.start(), m.end(), m.group(0), "relative", offset_days=0))
    # Event words the sentence has anywhere (a cheap test, once per sentence) are the only ones
    # worth looking for around each date.
    events = [(event, noun, pattern) for event, noun, pattern in _DATE_EVENTS if may_match(pattern, s)] if exprs else []
    sub_found: dict[str, bool] = {}
    exprs.sort(key=lambda e: e.start)
    claims: list[DateClaim] = []
    for expr in exprs:
        context = ctx.last_date
        ctx_date, ctx_md, ctx_label = (context[1], context[2], context[3]) if context else (None, None, "")
        resolved = resolve(expr, published, anchor_label, ctx_date, ctx_label)
        month_day = MonthDay(month=resolved.month_day[0], day=resolved.month_day[1]) if resolved.month_day else None
        if (
            resolved.date is None
            and expr.kind == "relative"
            and expr.offset_days is not None
            and not expr.from_event
            and ctx_md
            and not FROM_PUBLICATION.search(expr.text)
        ):
            month_day = ctx_md.shifted(expr.offset_days)
            resolved = Resolved(
                None,
                (month_day.month, month_day.day),
                counted_from(expr.offset_days, f"'{ctx_label}' earlier in the text"),
            )
        if expr.kind == "absolute" and expr.day is not None and expr.month is not None:
            label = expr.text.strip()
            where: Evidence | None = Evidence(source=ctx.source, start=sentence.start, end=sentence.end, quote=s)
            day = month_day or MonthDay(month=expr.month, day=expr.day)
            ctx.last_date = (sentence.index, resolved.date, day, label, where)
        elif resolved.date is not None or month_day:
            md = month_day or (MonthDay.of(resolved.date) if resolved.date else None)
            where = context[4] if context else None
            ctx.last_date = (sentence.index, resolved.date, md, f"{expr.text.strip()} ({resolved.how})", where)
        if sentence.furniture or (expr.kind == "absolute" and expr.day is None):
            continue
        if expr.kind != "until" and DEADLINE_BEFORE.search(s[max(0, expr.start - 8) : expr.start]):
            continue  # "must be finalized by Dec. 19": a deadline, not the day something happened
        anchor = None
        if (
            expr.kind == "relative"
            and context is not None
            and (resolved.date is not None or month_day)
            and not FROM_PUBLICATION.search(expr.text)
        ):
            anchor = context[4]
        # The event: the nearest event word, before or after, within the sentence.
        best: tuple[int, str, int] | None = None
        lo, hi = max(0, expr.start - 130), min(len(s), expr.end + 50)  # a window: linear in the dates
        for event, noun, pattern in events:
            for m in pattern.finditer(s, lo, hi):
                if m.start() < expr.end and m.end() > expr.start:
                    continue  # "8 March": the month is not a march
                after = m.start() >= expr.end
                distance = m.start() - expr.end if after else expr.start - m.end()
                if after and not noun:
                    # News names an event before its date; and "assaulted ... on July 5, was found
                    # dead": a date before a comma closes its own clause.
                    distance += 50 if "," in s[expr.end : m.start()] else 10
                # Events are mostly named before their date ("shared the video ... on Friday");
                # a noun names it only right beside the date ("Sunday's quake").
                limit = 4 if noun else 40 if after else 120
                if distance <= limit and (best is None or distance < best[0]):
                    best = (max(distance, 0), event, m.start())
        if best is None:
            continue
        _, event, event_pos = best
        reading = _predicate_reading(ctx, sentence, expr, events, (event, event_pos))
        if reading is None:
            continue  # the date is another verb's ('sentenced to ten years pulled a knife on Monday')
        event, event_pos = reading
        for sub in _SUB_EVENTS.get(event, []):
            if sub not in sub_found:
                sub_found[sub] = re.search(rf"\b{sub}", s, re.IGNORECASE) is not None
            if sub_found[sub]:
                event = sub
        key, words = subject_before(ctx, sentence, sentence.start + event_pos)
        obj = OBJECT_AFTER.match(s, event_pos)
        if obj and event in PATIENT_EVENTS:
            # "the police detained her on Friday": the date is of her detention.
            from factcheck.extract.context import resolve_pronoun, resolve_words

            who = obj.group("who")
            found = (
                resolve_pronoun(ctx, sentence, sentence.start + obj.start("who"), who, None)
                if who.lower() in ("him", "her", "them")
                else resolve_words(ctx, who, sentence.start + obj.start("who"))
            )
            if found:
                key, words = found, who
        subject = Dated(event=event, of=key)
        date_value = resolved.date
        until_year = expr.year if expr.kind == "until" else None  # compared by year: "until 2029", "until 2030"
        claims.append(
            DateClaim(
                **evidence(ctx, sentence, sentence.start + expr.start, sentence.start + expr.end),
                subject=subject,
                subject_text=words or event,
                rule=f"date.{expr.kind}",
                event=event,
                expression=expr.text,
                date=date_value,
                month_day=month_day if date_value is None and until_year is None else None,
                year=until_year,
                precision=expr.precision,
                resolved=date_value is not None or month_day is not None or expr.kind == "until",
                resolution=resolved.how,
                anchor=anchor,
            )
        )
    return claims
