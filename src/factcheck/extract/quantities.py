"""Counts, amounts and durations with their qualifiers, as intervals: "more than 50 people",
"as many as 150", "at least three", "around five hours", "30 days", "€70 million"."""

from __future__ import annotations

import re

from factcheck.extract.context import Context, subject_before
from factcheck.extract.numbers import NUMBER, QUALIFIER, QUALIFIERS, interval, nearly_interval, parse_number_word, vague_interval
from factcheck.lexicons import load_lexicon
from factcheck.models import QuantityClaim, Sentence

_LEX = load_lexicon("quantities")
UNIT_OF: dict[str, str] = {w: unit for unit, words in _LEX["units"].items() for w in words}
EVENTS: list[tuple[str, re.Pattern[str]]] = [
    (event, re.compile(r"\b(?:" + "|".join(words) + r")", re.IGNORECASE)) for event, words in _LEX["events"].items()
]
_units = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s") for w in UNIT_OF), key=len, reverse=True))
COUNT = re.compile(
    rf"(?<![\w$€£.,/-])(?P<qual>{QUALIFIER}\s)?(?P<num>{NUMBER})(?:\s(?:or\sso|more|other|additional|further|"
    rf"[a-z]+(?:-[a-z]+)?)){{0,2}}?\s(?P<unit>{_units})\b(?![- ]old)(?!\s(?:later|earlier|ago|after|before)\b)",
    re.IGNORECASE,
)
MONEY = re.compile(
    rf"(?<![\w.])(?P<qual>{QUALIFIER}\s)?(?P<cur>US\$|\$|€|£)\s?(?P<num>\d{{1,3}}(?:,\d{{3}})*(?:\.\d+)?)\s?(?P<scale>m|bn|k|million|billion)?\b"
    rf"|(?<![\w.])(?P<qual2>{QUALIFIER}\s)?(?P<num2>\d{{1,3}}(?:,\d{{3}})*(?:\.\d+)?)(?:\s(?P<scale2>million|billion))?\s(?P<cur2>euros?|dollars?|pounds?|manats?)\b",
    re.IGNORECASE,
)  # fmt: skip
CURRENCY = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "euro": "EUR", "euros": "EUR", "dollar": "USD",
            "dollars": "USD", "pound": "GBP", "pounds": "GBP", "manat": "AZN", "manats": "AZN"}  # fmt: skip
SCALE = {"m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9, "k": 1e3}


def _event(text: str, start: int, end: int) -> str | None:
    """The event class nearest to the number in its sentence."""
    best: tuple[int, str] | None = None
    for event, pattern in EVENTS:
        for m in pattern.finditer(text):
            distance = m.start() - end if m.start() >= end else start - m.end()
            if distance < 0:
                distance = 0
            if distance <= 60 and (best is None or distance < best[0]):
                best = (distance, event)
    return best[1] if best else None


def _qualifier(raw: str | None) -> tuple[str, str]:
    words = (raw or "").strip().lower()
    words = re.sub(r"\s+", " ", words)
    return (QUALIFIERS.get(words, "exact"), words)


def _claim(ctx: Context, sentence: Sentence, m: re.Match[str], number: float, low: float | None,
           high: float | None, qualifier: str, unit: str, event: str | None, rule: str) -> QuantityClaim:  # fmt: skip
    subject = f"{event or 'count'}:{unit}"
    subject_text = f"{unit} ({event})" if event else unit
    if unit in ("days", "hours", "minutes", "weeks", "months", "years"):
        # A duration belongs to someone: "detained for five hours" is about the person detained.
        key, words = subject_before(ctx, sentence, sentence.start + m.start())
        if key:
            subject, subject_text = f"{subject}@{key}", f"{words}: {unit} ({event})"
    return QuantityClaim(
        source=ctx.source, start=sentence.start, end=sentence.end, quote=sentence.text,
        value_start=sentence.start + m.start(), value_end=sentence.start + m.end(), subject=subject,
        subject_text=subject_text, rule=rule, speaker=ctx.speakers.get(sentence.index),
        incident_hint=ctx.hints.get(sentence.index), low=low, high=high, number=number,
        qualifier=qualifier, unit=unit, event=event, expression=m.group(0),  # type: ignore[arg-type]
    )  # fmt: skip


def extract_quantities(ctx: Context, sentence: Sentence) -> list[QuantityClaim]:
    s = sentence.text
    claims: list[QuantityClaim] = []
    for m in COUNT.finditer(s):
        raw = m.group("num")
        unit = UNIT_OF[re.sub(r"\s+", " ", m.group("unit").lower())]
        if re.fullmatch(r"(?:19|20)\d\d", raw):
            continue  # a year, not a count
        qualifier, words = _qualifier(m.group("qual"))
        number = parse_number_word(raw)
        if number is None:
            vague = vague_interval(raw)
            if vague is None:
                continue
            low, high = vague
            number, qualifier = low, "about"
        elif qualifier == "about":
            low, high = nearly_interval(number, words)
        else:
            low, high = interval(number, qualifier)
        event = _event(s, m.start(), m.end())
        if event is None and unit in ("people", "days", "hours", "weeks", "months", "years", "minutes"):
            continue  # a count of nothing in particular: too vague to compare
        claims.append(_claim(ctx, sentence, m, number, low, high, qualifier, unit, event, "quantity.count"))
    for m in MONEY.finditer(s):
        raw = m.group("num") or m.group("num2")
        number = parse_number_word(raw)
        if number is None:
            continue
        scale = (m.group("scale") or m.group("scale2") or "").lower()
        number *= SCALE.get(scale, 1)
        currency = CURRENCY[(m.group("cur") or m.group("cur2")).lower()]
        qualifier, words = _qualifier(m.group("qual") or m.group("qual2"))
        low, high = nearly_interval(number, words) if qualifier == "about" else interval(number, qualifier)
        event = _event(s, m.start(), m.end())
        if event is None:
            continue
        claims.append(_claim(ctx, sentence, m, number, low, high, qualifier, currency, event, "quantity.money"))
    return claims
