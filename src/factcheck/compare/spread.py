"""How far apart two values of one kind may lie and still be one fact told wrong.

Outlets that get a figure or a day wrong stay close to it: '12' and '18 injured', 'two hours'
and 'almost three', a weekday one off, a time zone. A figure many times another, or a day weeks
from another, is more often another fact: a round against the fight, a game against the season,
seconds against years, an arrest against the trial, a first announcement against its follow-up.
Alignment (align.py) never pairs such values, so they neither contradict nor crowd out the pair
that does state one fact.
"""

from __future__ import annotations

import datetime as dt
import re

from factcheck.extract.mentions import UNIT_FORMS
from factcheck.models import ClaimBase, DateClaim, MonthDay, QuantityClaim

FAR_APART = 4.0  # an open figure this many times another of its block counts something else
DAYS_APART = 7  # days further apart than a week date two events, not one told wrong
ONE_TIME_DAYS = 60  # days this close can be one time whatever grouping marked (incidents.MAX_SPAN_DAYS)
YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")  # a year as written ('2005'), not one a reader infers


def figures_apart(a: QuantityClaim, b: QuantityClaim) -> bool:
    """Whether two figures, one of them open (`mention.*`), are too far apart to be one fact,
    unless one is the other with its decimal point moved ('1.2 miles' and '12 miles')."""
    if not (a.open_vocabulary or b.open_vocabulary):
        return False
    va, vb = abs(a.number * _factor(a)), abs(b.number * _factor(b))
    if min(va, vb) == 0 or max(va, vb) < FAR_APART * min(va, vb):
        return False
    return _digits(va) != _digits(vb)  # in one unit: 'two hours' and 'twenty minutes' are no moved point


def _factor(c: QuantityClaim) -> float:
    return UNIT_FORMS[c.unit][2] if c.unit in UNIT_FORMS and c.rule != "mention.count" else 1.0


def _digits(number: float) -> str:
    """A figure's significant digits: '1.2' and '12' share '12'."""
    return f"{abs(number):.6g}".replace(".", "").strip("0")


def days_apart(a: DateClaim, b: DateClaim) -> bool:
    """Whether two calendar days lie more than a week apart. A year only one of them writes is
    the reader's inference ('June 24' in a story of another year), so then month and day decide."""
    if a.precision != "day" or b.precision != "day":
        return False  # a month, a year or a weekday is no calendar day
    if a.date is not None and b.date is not None and year_written(a) and year_written(b):
        return abs((a.date - b.date).days) > DAYS_APART
    da, db = _month_day(a), _month_day(b)
    if da is None or db is None:
        return False
    gap = abs((da - db).days)
    return min(gap, 366 - gap) > DAYS_APART


def one_time(a: ClaimBase, b: ClaimBase) -> bool:
    """Whether the incident's hints leave two claims at one time: the same hint, or two calendar
    days within ONE_TIME_DAYS of each other where only one is marked 'earlier' (grouping marks a
    day by a fixed line before the incident's first day, so two days of one past event can fall
    either side of it; an undated source's yearless day is never marked)."""
    if a.incident_hint == b.incident_hint:
        return True
    if {a.incident_hint, b.incident_hint} != {None, "earlier"} or not isinstance(a, DateClaim):
        return False
    if not isinstance(b, DateClaim) or a.precision != "day" or b.precision != "day":
        return False
    if a.date is not None and b.date is not None:
        return abs((a.date - b.date).days) <= ONE_TIME_DAYS
    da, db = _month_day(a), _month_day(b)
    if da is None or db is None:
        return False
    gap = abs((da - db).days)
    return min(gap, 366 - gap) <= ONE_TIME_DAYS


def year_written(c: DateClaim) -> bool:
    """Whether the date's words give its year ('24 June 2005'), not the reader's inference."""
    return YEAR.search(c.expression) is not None


def _month_day(c: DateClaim) -> dt.date | None:
    """The day's month and day in one leap year, with or without the claim's own year."""
    if c.date is not None:
        return MonthDay.of(c.date).leap_date()
    return c.month_day.leap_date() if c.month_day is not None else None
