"""Date and time expressions: find them in text and resolve them against an anchor date.

Absolute dates ("14 February", "19 February 2020", "March 11, 2005", "2/29/2012"), weekdays
("on Friday") and relative expressions ("the following morning", "two days later", "last week",
"yesterday") are found with their offsets. Resolution turns them into calendar dates using the
source's publication date or a date the context anchors them to; what cannot be fixed stays
unresolved, with the reason.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from factcheck.text.numbers import parse_number_word
from factcheck.text.patterns import alternation
from factcheck.text.prefilter import Caseless, folded

# English names, never the locale's (`strftime("%B")` follows LC_TIME): a month's name is
# MONTH_NAMES[month - 1], a weekday's WEEKDAY_NAMES[date.weekday()].
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")  # fmt: skip
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# The short forms of the names ('Jan', 'Sept'; 'Wed', 'Thurs'), lower-case -> the full name.
SHORT_MONTHS = {name.lower()[:3]: name.lower() for name in MONTH_NAMES if len(name) > 3} | {"sept": "september"}
SHORT_WEEKDAYS = {name.lower()[:3]: name.lower() for name in WEEKDAY_NAMES} | {
    "tues": "tuesday", "thur": "thursday", "thurs": "thursday"
}  # fmt: skip
# Lower-case name or abbreviation -> month number; lower-case name -> weekday number (Monday 0).
_MONTH_NUMBERS = {name.lower(): i for i, name in enumerate(MONTH_NAMES, 1)}
MONTHS = _MONTH_NUMBERS | {short: _MONTH_NUMBERS[name] for short, name in SHORT_MONTHS.items()}
WEEKDAYS = {name.lower(): i for i, name in enumerate(WEEKDAY_NAMES)}

_MONTH = (
    r"(?P<{n}>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"(?P<{n}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{n}>(?:1[89]|20)\d\d)"


def _absolute_pattern(month: str) -> str:
    """ABSOLUTE's alternatives with `month` for the month names (_MONTH, or it in lower case)."""
    return "|".join(
        [
            # 14 February 2020 / 14 February / 29th February, 2012 / 12.Jul.2021
            rf"\b{_DAY.format(n='d1')}[ .](?:of\s)?{month.format(n='m1')}"
            rf"(?:(?:,\s?|\s?\.\s?|\s){_YEAR.format(n='y1')}|(?P<this1>\sof\sthis\syear))?\b",
            # February 14, 2020 / February 14 / Feb. 29, 2012 / February 14 of this year
            rf"\b{month.format(n='m2')}\s{_DAY.format(n='d2')}\b"
            rf"(?:,?\s{_YEAR.format(n='y2')}\b|(?P<this2>\sof\sthis\syear\b))?",
            # 2024-05-27
            rf"\b{_YEAR.format(n='y3')}-(?P<m3>[01]\d)-(?P<d3>[0-3]\d)\b",
            # 11/27/2005, 2/29/2012, 2 / 29/2012, 11/28/05 (US order, as English-language wires use)
            r"\b(?P<m4>[01]?\d)\s?/\s?(?P<d4>[0-3]?\d)\s?/\s?(?P<y4>(?:19|20)?\d\d)\b",
            # March 2005 / in September 2017
            rf"\b{month.format(n='m5')}\s{_YEAR.format(n='y5')}\b",
        ]
    )


# Each alternative is a flat sequence: no nested quantifiers, so matching is linear.
ABSOLUTE = re.compile(_absolute_pattern(_MONTH), re.IGNORECASE)
# The same pattern asked of the lower-case text (quicker; the same spans): the month names are its
# only capitals. _MONTH's group name is the one thing of it lower-casing must keep.
ABSOLUTE_LOWER = Caseless(re.compile(_absolute_pattern(_MONTH.lower().replace("(?p<", "(?P<")), re.IGNORECASE))
UNTIL_YEAR = re.compile(
    r"\b(?:until|till|through|to)\s(?:the\s(?:summer|end|start|beginning|spring|autumn|fall|winter)\sof\s)?"
    r"(?P<y>20\d\d)\b(?!-)"
)
YEAR_ALONE = re.compile(r"\b(?:in|since|of|by|until|from|to)\s(?P<y>(?:19|20)\d\d)\b")
WEEKDAY = re.compile(
    r"\b(?:(?P<pre>last|next|this|on|early|late|on\sthe\snight\sof)\s)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s(?P<part>morning|afternoon|evening|night))?\b",
)
RELATIVE = re.compile(
    r"\b(?:"
    r"(?P<today>today|tonight|this\s(?:morning|afternoon|evening))"
    r"|(?P<yesterday>yesterday|last\snight)"
    r"|(?P<tomorrow>tomorrow)"
    r"|(?P<nextday>the\s(?:following|next)\s(?:day|morning|evening|afternoon|night)|the\sday\safter|a\sday\slater)"
    r"|(?P<prevday>the\s(?:previous|preceding)\s(?:day|evening|night)|the\sday\sbefore|a\sday\s(?:earlier|before))"
    r"|(?P<n>\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s(?P<unit>days?|weeks?)\s(?P<dir>later|earlier|ago|before|after)"
    r"|(?P<lastweek>last\sweek|earlier\sthis\sweek|this\sweek)"
    r")\b",
    re.IGNORECASE,
)


# A word every relative expression has: one scan spares the large pattern on most sentences.
RELATIVE_LOWER = Caseless(RELATIVE)
MAY_BE_RELATIVE = re.compile(
    r"today|tonight|this\s|yesterday|last\s|tomorrow|following|next|day|previous|preceding|weeks?\s"
)


@dataclass(frozen=True)
class DateExpr:
    """A date expression found in text. `kind` is absolute, weekday or relative."""

    start: int
    end: int
    text: str
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    offset_days: int | None = None  # relative: days from the anchor
    direction: str | None = None  # weekday: "last", "next" or None (the most recent one)
    vague: bool = False  # "last week", "earlier": not a single day
    from_event: bool = False  # relative: "a day after X died" counts from X, which the text does not date
    this_year: bool = False  # absolute: "15 December of this year" is in the anchor's year, even after it

    @property
    def precision(self) -> str:
        if self.kind == "until":
            return "year"
        if self.kind == "weekday":
            return "weekday"
        if self.kind == "relative":
            return "day" if not self.vague else "month"
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"


def _year(raw: str | None) -> int | None:
    if not raw:
        return None
    y = int(raw)
    return y + 2000 if y < 100 and len(raw) == 2 else y


def _absolute(m: re.Match[str], text: str) -> DateExpr | None:
    """The date a match of ABSOLUTE in `text` names (the match may be of the lower-case text)."""
    g = m.groupdict()
    for i in "12345":
        month_raw = g.get(f"m{i}")
        if month_raw is None:
            continue
        month_name = month_raw.lower().rstrip(".")
        if not month_raw.isdecimal() and month_name not in MONTHS:
            return None  # 'ſept': a letter IGNORECASE takes for an ASCII one, no month this table knows
        month = int(month_raw) if month_raw.isdecimal() else MONTHS[month_name]
        day_raw = g.get(f"d{i}")
        day = int(day_raw) if day_raw else None
        year = _year(g.get(f"y{i}"))
        if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
            return None
        if day is not None:
            try:  # without a year, a day some year has: 29 February, never 31 April
                dt.date(year if year is not None else 2000, month, day)
            except ValueError:
                return None
        this_year = g.get(f"this{i}") is not None
        return DateExpr(m.start(), m.end(), text[m.start() : m.end()], "absolute", year=year, month=month, day=day,
                        this_year=this_year)  # fmt: skip
    return None


# What every ABSOLUTE alternative holds besides digits: a month's first three letters, or the "-"
# of 2024-05-27, or the "/" of 11/27/2005.
MONTH_PREFIXES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _may_be_absolute(text: str) -> bool:
    """False only if ABSOLUTE matches nowhere in `text`: substring tests spare the large pattern
    on most sentences. Text with a letter IGNORECASE matches to an ASCII one ('ſ', 'K', 'İ', 'ı')
    is always searched."""
    if "-" in text or "/" in text:
        return True
    lower = folded(text)
    return lower is None or any(m in lower for m in MONTH_PREFIXES)


def find_dates(text: str) -> list[DateExpr]:
    """All date expressions in `text`, in order, without overlaps (the longest wins)."""
    return list(_find_dates(text))


@lru_cache(maxsize=64)
def _find_dates(text: str) -> tuple[DateExpr, ...]:
    """`find_dates`, cached: the date claims and the open claims both read a sentence's dates
    (DateExpr is frozen, and each caller gets its own list)."""
    found: list[DateExpr] = []
    has_digit = any(map(str.isdigit, text))  # no generator: this runs on every sentence
    lower = text.lower()
    for m in ABSOLUTE_LOWER.finditer(text) if has_digit and _may_be_absolute(text) else ():
        expr = _absolute(m, text)
        if expr is not None:
            found.append(expr)
    for m in UNTIL_YEAR.finditer(text) if has_digit and "20" in text else ():
        found.append(DateExpr(m.start(), m.end(), m.group(0), "until", year=int(m.group("y"))))
    for m in YEAR_ALONE.finditer(text) if has_digit and ("19" in text or "20" in text) else ():
        found.append(DateExpr(m.start("y"), m.end("y"), m.group("y"), "absolute", year=int(m.group("y"))))
    for m in WEEKDAY.finditer(text) if "day" in lower else ():
        if _recurring(text, m) or (m.group("pre") is None and NAMED_DAY_BEFORE.search(text, 0, m.start())):
            continue
        pre = (m.group("pre") or "").lower()
        direction = pre if pre in ("last", "next") else None
        found.append(
            DateExpr(
                m.start(), m.end(), m.group(0), "weekday", weekday=WEEKDAYS[m.group("wd").lower()], direction=direction
            )
        )
    # Asked of the lower-case text (quicker; the same spans): what is read of a match is read
    # from `text` by its spans.
    for m in RELATIVE_LOWER.finditer(text) if MAY_BE_RELATIVE.search(lower) else ():
        offset: int | None
        vague = False
        words = text[m.start() : m.end()]
        if m.group("today"):
            offset = 0
        elif m.group("yesterday"):
            offset = -1
        elif m.group("tomorrow") or m.group("nextday"):
            offset = 1
        elif m.group("prevday"):
            offset = -1
        elif m.group("n"):
            number = text[m.start("n") : m.end("n")]
            n = 1.0 if number.lower() == "a" else parse_number_word(number)
            if n is None:
                continue
            days = int(n) * (7 if m.group("unit").lower().startswith("week") else 1)
            offset = days if m.group("dir").lower() in ("later", "after") else -days
        else:
            offset, vague = None, True
        from_event = words.lower().endswith(("after", "before")) and OBJECT_AFTER.match(text, m.end()) is not None
        found.append(
            DateExpr(m.start(), m.end(), words, "relative", offset_days=offset, vague=vague, from_event=from_event)
        )
    found.sort(key=lambda e: (e.start, -(e.end - e.start)))
    result: list[DateExpr] = []
    for expr in found:
        if result and expr.start < result[-1].end:
            continue
        if result and (joined := _counted_from_date(result[-1], expr, text)) is not None:
            result[-1] = joined
            continue
        result.append(expr)
    return tuple(e for i, e in enumerate(result) if not _named_by_next(e, result[i + 1 : i + 2], text))


# A weekday that recurs is no day of an event: 'every Tuesday', 'each Friday', 'on Tuesday
# nights' (WEEKDAY does not match 'on Tuesdays' at all), and a weekday counted within a month
# ('the second Tuesday of each month', 'the last Friday in March'), which is no "most recent
# Tuesday" either. 'For the second Friday running' is this Friday: an ordinal alone is kept.
EVERY_BEFORE = re.compile(r"\b(?:every|each)\s(?:other\s|single\s)?$", re.IGNORECASE)
ORDINAL_BEFORE = re.compile(r"\b(?:first|second|third|fourth|fifth|last|final|1st|2nd|3rd|4th|5th)\s(?:on\s)?$",
                            re.IGNORECASE)  # fmt: skip
WITHIN = re.compile(
    r"\s(?:of|in)\s(?:(?:each|every|the|a|this|that|next)\s(?:month|year)\b"
    r"|(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)"
)
RECURRING_AFTER = re.compile(
    r"\s(?:mornings|afternoons|evenings|nights)\b|\s(?:of|in)\s(?:each|every)\s(?:month|week|year)\b",
    re.IGNORECASE,
)


# A weekday that ends a name ("the worst Snow Tuesday in years", "its monthly Market Friday
# sale", "this week's Super Tuesday", "It's not Black Friday") is no day of the story: a
# capitalised word before it, set off as a name's by a possessive, a superlative, a word in -ly or
# a negation. "The Senate Tuesday approved", "said Obama Tuesday", "in Queens Friday" (a subject, a
# speaker, a place before the day) are days.
NAMED_DAY_BEFORE = re.compile(r"(?:[’']s|\b(?:not|no|worst|best|[a-z]+est|[a-z]{3,}ly))\s[A-Z][a-z]+\s$")


def _recurring(text: str, m: re.Match[str]) -> bool:
    """Whether the weekday matched at `m` (WEEKDAY) recurs or is counted within a month."""
    before = text[max(0, m.start() - 16) : m.start()]
    if EVERY_BEFORE.search(before) or RECURRING_AFTER.match(text, m.end("wd")):
        return True
    ordinal = ORDINAL_BEFORE.search(before) is not None or (m.group("pre") or "").lower() == "last"
    return ordinal and WITHIN.match(text, m.end("wd")) is not None


def _counted_from_date(rel: DateExpr, date: DateExpr, text: str) -> DateExpr | None:
    """'the day before yesterday', 'two days after 14 February': a count of days from the date
    written right after it, as one expression for the day it names (None when it is not one)."""
    if not (rel.kind == "relative" and rel.offset_days is not None and rel.text.lower().endswith(("after", "before"))):
        return None
    if text[rel.end : date.start].strip():
        return None
    span = (rel.start, date.end, text[rel.start : date.end])
    if date.kind == "relative" and date.offset_days is not None and not date.vague:
        return DateExpr(*span, "relative", offset_days=rel.offset_days + date.offset_days)
    if date.kind == "absolute" and date.day is not None and date.month is not None:
        try:  # a leap year when the year is not given, so that 29 February counts
            day = dt.date(date.year or 2000, date.month, date.day) + dt.timedelta(days=rel.offset_days)
        except ValueError:
            return None
        year = day.year if date.year is not None else None
        return DateExpr(*span, "absolute", year=year, month=day.month, day=day.day)
    return None


# What follows "a day after" when it is a preposition: the event it counts from ("a day after the
# vote", "two days before X died"), not "that" or "this", which point back to the text's last date.
# A date written right after it ("the day before yesterday", "two days after 14 February") is no
# event: _counted_from_date joins the two into the day they name.
OBJECT_AFTER = re.compile(r"\s+(?!(?:that|this|it)\b)[\w$€£]", re.IGNORECASE)
WEEKDAY_THEN_DATE = re.compile(r",?\s*(?:the\s+)?")


def _named_by_next(expr: DateExpr, following: list[DateExpr], text: str) -> bool:
    """A weekday that only names the date written right after it ("on Saturday, 8 October 2011"):
    the date says which day it is, and resolving the weekday against the dateline would give
    another one. A weekday that the date's own year contradicts is kept, to be seen."""
    if expr.kind != "weekday" or expr.direction is not None or not following:
        return False
    date = following[0]
    if date.kind != "absolute" or date.day is None or date.month is None:
        return False
    if not WEEKDAY_THEN_DATE.fullmatch(text, expr.end, date.start):
        return False
    if date.year is None:
        return True
    return dt.date(date.year, date.month, date.day).weekday() == expr.weekday


def counted_from(offset: int, label: str) -> str:
    """'the day of X', '2 days after X', '1 day before X': how a relative date was counted."""
    if offset == 0:
        return f"the day of {label}"
    days = "1 day" if abs(offset) == 1 else f"{abs(offset)} days"
    return f"{days} {'after' if offset > 0 else 'before'} {label}"


@dataclass(frozen=True)
class Resolved:
    """The calendar day an expression stands for, or why there is none."""

    date: dt.date | None
    month_day: tuple[int, int] | None  # (month, day) of a day without its year
    how: str


def resolve(
    expr: DateExpr, anchor: dt.date | None, anchor_label: str, context: dt.date | None = None, context_label: str = ""
) -> Resolved:
    """Fix `expr` to a calendar day.

    `anchor` is the publication date (for weekdays, "yesterday", a missing year); `context` is
    a date the surrounding text set, which relative words like "the following day" count from.

    >>> resolve(find_dates("on Friday")[0], dt.date(2020, 2, 19), "the 19 February 2020 dateline").date
    datetime.date(2020, 2, 14)
    """
    if expr.kind == "until":
        return Resolved(None, None, f"an end date in {expr.year}")
    if expr.kind == "absolute":
        if expr.day is None:
            return Resolved(None, None, "only a month or year is given")
        assert expr.month is not None
        if expr.year is not None:
            return Resolved(dt.date(expr.year, expr.month, expr.day), None, "stated in full")
        if anchor is not None:
            year = anchor.year
            try:
                candidate = dt.date(year, expr.month, expr.day)
            except ValueError:
                return Resolved(None, (expr.month, expr.day), "no such day in the anchor's year")
            if expr.this_year:
                return Resolved(candidate, None, f"this year, the year of {anchor_label}")
            # News reports the past: a day later than the dateline belongs to the previous year.
            if (candidate - anchor).days > 31:
                candidate = candidate.replace(year=year - 1)
            return Resolved(candidate, None, f"year taken from {anchor_label}")
        return Resolved(None, (expr.month, expr.day), "no year: the source is undated")
    if expr.kind == "weekday":
        assert expr.weekday is not None
        if anchor is None:
            return Resolved(None, None, "a weekday, but the source is undated")
        back = (anchor.weekday() - expr.weekday) % 7
        if expr.direction == "next":
            ahead = (expr.weekday - anchor.weekday()) % 7 or 7
            day = anchor + dt.timedelta(days=ahead)
        else:
            day = anchor - dt.timedelta(days=back or (7 if expr.direction == "last" else 0))
        return Resolved(
            day,
            None,
            f"the {WEEKDAY_NAMES[day.weekday()]} on or before {anchor_label}"
            if expr.direction != "next"
            else f"the next {WEEKDAY_NAMES[day.weekday()]} after {anchor_label}",
        )
    if expr.offset_days is None:
        return Resolved(None, None, "a period, not a day")
    if expr.from_event:
        return Resolved(None, None, "counted from an event the sentence names, not from a date")
    text = expr.text.lower()
    counts_from_context = not any(
        w in text for w in ("today", "yesterday", "tomorrow", "tonight", "ago", "last night", "this ")
    )
    if counts_from_context:
        if context is None:
            return Resolved(None, None, "relative to an earlier date the text does not give")
        day = context + dt.timedelta(days=expr.offset_days)
        return Resolved(
            day, None, counted_from(expr.offset_days, f"'{context_label}'" if context_label else context.isoformat())
        )
    if anchor is None:
        return Resolved(None, None, "relative to the publication date, which is unknown")
    day = anchor + dt.timedelta(days=expr.offset_days)
    return Resolved(day, None, counted_from(expr.offset_days, anchor_label))


DATELINE_NOISE = re.compile(
    r"(?i)\b(?:published|updated|posted|last|date|on|at|article|was|gmt|utc|am|pm|a\.m\.|p\.m\.|amt|est|edt|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|" + alternation(SHORT_WEEKDAYS) + r"|by)\b"
    r"|[\d:]+|[^\w\s]"
)


# Where a page labels its own time stamps ('First Posted: ...', 'Last Updated: ...', 'Published'):
# the label a stamp's date stands under says whether it is the story's first publication or a
# later edit.
STAMP_LABEL = re.compile(
    r"(?i)\b(?:(?P<first>first|originally)\s+|last\s+)?"
    r"(?:(?P<update>updated|modified|edited|revised)|published|posted|released)\b"
)
# A copy's own date: when the page was saved, not when it was published ('[downloaded on 2 May
# 2024]', 'Retrieved 5 June 2019', 'accessed on 3 March 2021').
RETRIEVAL_WORD = re.compile(r"(?i)\b(?:downloaded|retrieved|accessed|archived|crawled)\b(?:\s+(?:on|at)\b)?")
RETRIEVAL = re.compile(RETRIEVAL_WORD.pattern + r"\W*$")
# How long ago a page says it was posted ('Posted 2 years, 41 days ago', '3 hours ago'): page words.
POSTED_AGO = re.compile(r"(?i)\b(?:an?|\d+)\s+(?:years?|months?|weeks?|days?|hours?|minutes?)\b,?|\bago\b")
# A story sentence's opening ('On Monday, March 4, 1968, the town woke ...') is no place before a
# dateline's date.
NOT_PLACE = re.compile(r"(?i)^\W*(?:on|in|at|by|since|from|until|before|after|early|late|last|this|next)\b")
# What may not follow the date of a place dateline: a comma and a lower-case clause make it a
# sentence of the story ('Velmora, 4 March 2019, the strike began ...'). Anything else ends the
# dateline: the end of the line, a dash, a slash, a time, a full stop, a colon, a bracket.
AFTER_PLACE_DATE = re.compile(r"(?!\s*,\s*[a-z])")


def retrieval_stamp(text: str, start: int) -> bool:
    """Whether the date at `start` is the day a copy of the page was saved ('[downloaded on 2 May
    2024]', 'Retrieved 5 June 2019'): it dates the copy, neither the publication nor the story."""
    return RETRIEVAL.search(text, max(0, start - 30), start) is not None


def _stamps(line: str) -> list[tuple[str, bool]]:
    """A line cut at each of its stamp labels after the first ('First Posted: 03/14/19 09:12 AM
    Updated: 05/02/19 11:40 AM'): each piece with whether its label marks a later edit. A piece
    before any label is the page's date as it stands, no edit. A label cuts only after a piece
    that already holds a date: in a headline ('Hostages released on 12 March 2023') the word is
    the story's, not a stamp's."""
    labels = [m for m in STAMP_LABEL.finditer(line) if line[: m.start()].strip() and find_dates(line[: m.start()])]
    cuts = [0, *(m.start() for m in labels), len(line)]
    first = STAMP_LABEL.match(line.lstrip())
    kinds = [bool(first and first.group("update") and not first.group("first"))]
    kinds += [bool(m.group("update")) for m in labels]
    return [(line[a:b], update) for (a, b), update in zip(itertools.pairwise(cuts), kinds, strict=True)]


def find_dateline(lines: list[tuple[int, str]]) -> tuple[int, int, dt.date] | None:
    """The publication date in the first lines of an article: a line that is a full date with
    only labels ('Published:', 'Updated'), times or a place name around it.

    A stamp of first publication beats one of a later edit ('First Posted: 03/14/19 ... Updated:
    05/02/19' is 14 March); a day the copy was saved ('[downloaded on 2 May 2024]') and a date
    inside a story's sentence ('On Monday, March 4, 1968, the town woke ...') are none.

    `lines` are (offset, line) pairs. Returns (start, end, date) of the date words.

    >>> find_dateline([(0, "First Posted: 03/14/19 09:12 AM ET Updated: 05/02/19 11:40 AM ET")])
    (14, 22, datetime.date(2019, 3, 14))
    """
    edited: tuple[int, int, dt.date] | None = None
    for offset, full_line in lines:
        line = re.split(r"\s[Bb]y\s(?=[A-Z])", full_line, maxsplit=1)[0]  # "date 2024-05-27 By A. Writer"
        at = offset
        for piece, update in _stamps(line[:160]):
            found = _stamp_date(piece)
            if found is not None:
                start, end, day = found
                if not update:
                    return at + start, at + end, day
                edited = edited or (at + start, at + end, day)
            at += len(piece)
        if edited is not None:
            return edited
    return None


def _stamp_date(line: str) -> tuple[int, int, dt.date] | None:
    """The date of one line, or one labelled piece of it, that is a page's date stamp."""
    for expr in find_dates(line):
        if expr.kind != "absolute" or expr.day is None or expr.year is None or expr.month is None:
            continue
        if retrieval_stamp(line, expr.start):
            continue  # the copy's date: a stamp of the page may still follow
        rest = line[: expr.start] + " " + line[expr.end :]
        rest_words = DATELINE_NOISE.sub(" ", CLOCK_TIME.sub(" ", rest)).split()  # "7:12pm" with its "pm"
        # A place before the date ("Velmora, 4 March 2019 — The strike ...") makes a dateline too.
        before = line[: expr.start]
        place_prefix = (
            bool(re.match(r"^\s*[A-Z][A-Za-z .]{1,30},(?:\s*[A-Z][a-z]+\.?)?\s*[—–-]?\s*$", before))
            and not NOT_PLACE.match(before)
            and not any(w.lower() in WEEKDAYS for w in re.findall(r"[A-Za-z]+", before))
            and AFTER_PLACE_DATE.match(line, expr.end) is not None
        )
        short_label = len(rest_words) <= 2 and all(w[:1].isupper() for w in rest_words) and len(line) < 80
        labelled = bool(
            re.match(r"^\W*(?:(?:first|last)\s+)?(?:date|published|updated|posted)\W*$", before, re.IGNORECASE)
        )
        if (len(rest_words) <= 1 and len(line) < 120) or short_label or place_prefix or labelled:
            return expr.start, expr.end, dt.date(expr.year, expr.month, expr.day)
        break
    return None


CLOCK_TIME = re.compile(r"\b\d{1,2}[:.]\d\d\s?(?:[ap]\.?m\.?)?", re.IGNORECASE)
PAGE_LABEL = re.compile(r"(?i)\b(?:updated|published|posted|modified|edited|created|date)\b")
# What CLOCK_TIME or PAGE_LABEL needs, without its word boundaries: a sentence without it holds
# neither anywhere, so it is no time stamp (one search instead of finding its dates).
PAGE_HINT_WORDS = (
    "updated", "published", "posted", "modified", "edited", "created", "date", "downloaded", "retrieved", "accessed",
    "archived", "crawled",
)  # fmt: skip
PAGE_HINT_CLOCK = re.compile(r"\d[:.]\d\d")
PAGE_HINT = re.compile(rf"(?i){PAGE_HINT_CLOCK.pattern}|{'|'.join(PAGE_HINT_WORDS)}")


def _page_hint(sentence: str) -> bool:
    """Whether PAGE_HINT matches: substring tests of its words in the lower-case text (text with a
    letter IGNORECASE matches to an ASCII one is searched), then the clock's digits."""
    lower = folded(sentence)
    if lower is None:
        return PAGE_HINT.search(sentence) is not None
    return any(w in lower for w in PAGE_HINT_WORDS) or PAGE_HINT_CLOCK.search(sentence) is not None


def page_time(sentence: str) -> bool:
    """Whether a sentence is only a page's own time stamp ('5 June 2019, last updated 14:02 BST',
    'Posted 7.40pm, Friday 5 June 2019'): a full date with nothing but labels, times, a zone or a
    short capitalised word around it, and a clock time or a page label ('updated', 'published',
    'posted') beside it. It dates the page, not anything the story tells. A short dated sentence
    without either ('Born 12 March 1990.', 'Oslo, 12 March 2022') is the story's own date. So is
    a copy's stamp of when it was saved, with how long ago the page was posted ('Posted 2 days ago
    [downloaded on 5 June 2019]')."""
    if len(sentence) > 100 or not _page_hint(sentence):
        return False
    for expr in find_dates(sentence):
        if expr.kind == "absolute" and expr.day is not None and expr.year is not None:
            outside = sentence[: expr.start] + " " + sentence[expr.end :]
            if retrieval_stamp(sentence, expr.start):  # 'Posted 2 days ago [downloaded on 5 June 2019]'
                rest = DATELINE_NOISE.sub(" ", POSTED_AGO.sub(" ", RETRIEVAL_WORD.sub(" ", outside))).split()
                return len(rest) <= 2 and all(w[:1].isupper() for w in rest)
            if not (CLOCK_TIME.search(outside) or PAGE_LABEL.search(outside)):
                return False
            rest = DATELINE_NOISE.sub(" ", CLOCK_TIME.sub(" ", outside)).split()
            return len(rest) <= 2 and all(w[:1].isupper() for w in rest)
    return False
