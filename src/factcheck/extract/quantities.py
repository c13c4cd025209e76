"""Counts, amounts and durations with their qualifiers, as intervals: "more than 50 people",
"as many as 150", "at least three", "around five hours", "30 days", "3 months and 29 days",
"€70 million", "no one was detained"."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import cast, get_args

from factcheck.extract.context import Context, evidence, resolve_pronoun, subject_before
from factcheck.lexicons import load_lexicon
from factcheck.models import Figure, FigureRole, Group, QuantityClaim, Sentence, WhoModel
from factcheck.text.dates import MONTHS
from factcheck.text.numbers import (
    NUMBER,
    QUALIFIER,
    QUALIFIERS,
    SCALES,
    WORD_NUMBER,
    interval,
    nearly_interval,
    parse_number_word,
    vague_interval,
)
from factcheck.text.patterns import alternation
from factcheck.text.prefilter import Caseless, folded, may_match

_LEX = load_lexicon("quantities")
UNIT_OF: dict[str, str] = {w: unit for unit, words in _LEX["units"].items() for w in words}
EVENTS: dict[str, re.Pattern[str]] = {  # each word matched to its end: "killing", not "kill"
    event: re.compile(r"\b(?:" + "|".join(words) + r")[\w-]*", re.IGNORECASE) for event, words in _LEX["events"].items()
}
UNIT_EVENTS: dict[str, list[str]] = _LEX["unit_events"]


def _figure_role(name: str) -> FigureRole:
    """A lexicon's name of a part of a payment, as the figure role it is (a name of no role is a
    lexicon error)."""
    if name not in get_args(FigureRole):
        raise ValueError(f"money role {name!r} is none of {get_args(FigureRole)}")
    return cast("FigureRole", name)


MONEY_ROLES = {
    _figure_role(role): re.compile("|".join(words), re.IGNORECASE) for role, words in _LEX["money_roles"].items()
}
FUNDING: frozenset[FigureRole] = frozenset({"funding", "latest"})  # the roles of an amount raised
DURATION_DAYS = {"days": (1, 1), "weeks": (7, 7), "months": (28, 31), "years": (365, 366)}
SHORT_DURATIONS = {"hours", "minutes"}
PEOPLE_WORDS = {w.rstrip("s") for w in [*_LEX["units"]["people"], *_LEX["units"]["journalists"]]} | {
    "detained",
    "arrested",
    "killed",
    "dead",
    "injured",
}

_units = alternation(UNIT_OF, space=r"\s")
_NOT_AFTER = r"(?![- ]old)(?!\s(?:later|earlier|ago|after|before|from\snow)\b)"
COUNT = re.compile(
    rf"(?<![\w$€£.,/-])(?P<qual>{QUALIFIER}\s)?(?P<num>{NUMBER})"
    rf"(?P<mods>(?:\s(?-i:or\sso|[a-z]+(?:-[a-z]+)?)){{0,2}}?)\s(?P<unit>{_units})\b{_NOT_AFTER}",
    re.IGNORECASE,
)
COMPOUND_DURATION = re.compile(
    rf"(?<![\w.,-])(?P<qual>{QUALIFIER}\s)?(?P<n1>{NUMBER})\s(?P<u1>years?|months?|weeks?)\s(?:and\s)?"
    rf"(?P<n2>{NUMBER})\s(?P<u2>months?|weeks?|days?)\b{_NOT_AFTER}",
    re.IGNORECASE,
)
# After a currency sign a typesetter may space the thousands or the decimals ("$1, 199", "£1. 7m"):
# still one amount. The digits run whole ("$1199" is not $119 and a 9).
SCALE = alternation(SCALES)  # '$2bn', '£1.7m', '€20k' (text.numbers)
# Before the currency's word: a scale word of a million or more ('20 million euros'; '40 thousand
# euros' is left to the mentions' money reading, as it was before the scales were one table).
SCALE_WORD = alternation(w for w, n in SCALES.items() if len(w) > 2 and n >= 1_000_000)
MONEY = re.compile(
    rf"(?<![\w.])(?P<qual>{QUALIFIER}\s)?(?P<cur>US\$|\$|€|£)\s?"
    rf"(?P<num>(?:\d{{1,3}}(?:,\s?\d{{3}})+(?!\d)|\d+)(?:\.\d+|\.\s\d{{1,2}}(?=\s?{SCALE}\b))?)"
    rf"(?:\s?[-–]\s?(?P<upto>\d{{1,3}}(?:\.\d+)?))?(?:[\s-]?(?P<scale>{SCALE})\b)?"
    rf"|(?<![\w.])(?P<qual2>{QUALIFIER}\s)?(?P<num2>\d{{1,3}}(?:,\d{{3}})*(?:\.\d+)?)(?:\s(?P<scale2>{SCALE_WORD}))?"
    rf"\s(?P<cur2>euros?|dollars?|pounds?|manats?)\b",
    re.IGNORECASE,
)
NOBODY = re.compile(
    r"\b(?P<who>no\s?one|nobody|none\sof\s(?:the\s)?\w+|no\s(?:people|protesters|demonstrators|activists|one\selse))\s"
    r"(?:was|were|had\sbeen|has\sbeen|have\sbeen)\s(?P<verb>detained|arrested|killed|injured|hurt|released)\b",
    re.IGNORECASE,
)
CURRENCY = {
    "$": "USD",
    "us$": "USD",
    "€": "EUR",
    "£": "GBP",
    "euro": "EUR",
    "euros": "EUR",
    "dollar": "USD",
    "dollars": "USD",
    "pound": "GBP",
    "pounds": "GBP",
    "manat": "AZN",
    "manats": "AZN",
}
# Precompiled: these run once per number, and `re.fullmatch(str, ...)` looks its pattern up each time.
VERB_GAP = re.compile(r"\s(?:\w+\s)?(?:to|for)\s")  # "killing 10", "sentenced him to 30 days"
YEAR_LIKE = re.compile(r"(?:19|20)\d\d")
# "December 15 of this year", "March 3, 2021": a day of a month, not 15 of anything. A month name
# before a number is not enough ("In March 30 people were killed"), and the month is capitalised
# (the verb "may" is no month); the words after the number must read as the date's year.
DAY_OF_MONTH = re.compile(rf"\b(?:{'|'.join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True))})\.?\s$")
DATE_YEAR_AFTER = re.compile(
    r"(?:st|nd|rd|th)?(?:\sof\s(?:this|last|next)\syear\b|,?\s(?:1[89]|20)\d\d\b)", re.IGNORECASE
)
SPACES = re.compile(r"\s+")
VERB_EVENT = {
    "detained": "detain",
    "arrested": "detain",
    "killed": "kill",
    "injured": "injure",
    "hurt": "injure",
    "released": "release",
}


@lru_cache(maxsize=64)
def _events_in(text: str, kind: str) -> tuple[str, ...]:
    """The events a unit allows whose words the sentence holds at all, asked once per sentence
    and kind, not at every number: only these are looked for in a number's window."""
    return tuple(event for event in UNIT_EVENTS[kind] if may_match(EVENTS[event], text))


def _event(text: str, start: int, end: int, unit: str) -> tuple[str | None, int]:
    """The event class nearest to the number in its sentence, among those its unit allows,
    and where the event word is."""
    kind = "money" if unit in CURRENCY.values() else unit if unit in UNIT_EVENTS else "other"
    best: tuple[int, str, int] | None = None
    lo, hi = max(0, start - 70), min(len(text), end + 70)  # a window, so each number costs the same
    for event in _events_in(text, kind):
        for m in EVENTS[event].finditer(text, lo, hi):
            if m.start() < end and m.end() > start:
                continue
            distance = m.start() - end if m.start() >= end else start - m.end()
            if m.start() < start and (distance <= 2 or VERB_GAP.fullmatch(text, m.end(), start)):
                distance = -1  # "killing 10 people", "sentenced him to 30 days": the verb just before is its event
            elif m.start() >= end and PASSIVE_BETWEEN.fullmatch(text[end : m.start()]):
                distance = -2  # "three others were released": the count is the subject of that verb
            if distance <= 60 and (best is None or distance < best[0]):
                best = (distance, event, m.start())
    if best is None:
        return ("distance", start) if kind in ("kilometres", "miles") else (None, start)
    return best[1], best[2]


PARTIAL = re.compile(
    r"\b(?:more|other|others|additional|further|extra|new|prior|previous|earlier|past)\b", re.IGNORECASE
)
PARTIAL_BEFORE = re.compile(r"\b(?:another|other|the\sremaining)\s$", re.IGNORECASE)
PARTIAL_AFTER = re.compile(
    r"^\s(?:of\s(?:the|them|those|these|whom)|more\b)", re.IGNORECASE
)  # "30 of the 80": 30 is a part
POPULATION_BEFORE = re.compile(
    r"\b(?:city|town|island|village|country|region|population|home|nation)\s(?:of|to)\s(?:about\s|some\s)?$",
    re.IGNORECASE,
)
AGENT_AFTER = re.compile(
    r"^\s+(?:\w+ly\s+)?(?:attacked|beat|assaulted|killed|detained|arrested|stormed|raided|shot|stabbed)"
    # ... with an object: "twenty men beat him", not "20 people arrested after the march"
    r"\s+(?:him|her|them|us|me|the\s|a\s|an\s|(?-i:[A-Z])[\w’'-]+)",
    re.IGNORECASE,
)
PASSIVE_BETWEEN = re.compile(
    r"(?:\s[\w-]+){0,2}?\s(?:were|was|had\sbeen|have\sbeen|has\sbeen|are|is)\s(?:\w+ly\s)?", re.IGNORECASE
)
# The same, matched where a number ends (`match(s, end)`) instead of on a copy of the rest of the
# sentence (`match(s[end:])`), which made a sentence of many figures quadratic. Neither looks
# before its start, so the two agree.
AGENT_AT = re.compile(AGENT_AFTER.pattern.removeprefix("^"), AGENT_AFTER.flags)
ROLE_CLAUSE = re.compile(r",?\s(?:with|and|plus|while|which)\s", re.IGNORECASE)
LATEST = re.compile(r"\b(?:most\srecently|latest|recent|last|new|first|second|third)\b", re.IGNORECASE)
ANY_AMOUNT = re.compile(rf"[$€£]\s?\d|\d[\d,.]*\s?(?:{SCALE}|euros?|dollars?|pounds?)\b", re.IGNORECASE)
DISTANCE_ANCHOR = re.compile(
    r"^[\s,(]*(?:\(?(?:about\s)?[\d,.]+\s?(?:km|kilometres|kilometers|miles)\)?\s)?(?:(?!of\b|from\b|off\b|north|south|east|west)\w+\s)?"
    r"(?:(?P<dir>(?:south|north)(?:-?(?:east|west))?|east|west)\s)?(?:of|from|off|away\sfrom|outside|to)\s(?:the\s)?"
    r"(?P<anchor>[A-Z][\w'’-]+)",
    re.IGNORECASE,
)
DISTANCE_AT = re.compile(DISTANCE_ANCHOR.pattern.removeprefix("^"), DISTANCE_ANCHOR.flags)
MAGNITUDE = re.compile(
    rf"(?P<qual>{QUALIFIER}\s)?(?:(?:a\s)?magnitude(?:\sof|-|\s)\s?(?P<n1>\d(?:\.\d)?)\b"
    r"|(?P<n2>\d\.\d)[-\s](?:magnitude|strength|degree)\b"
    r"|measuring\s(?P<about>about\s|around\s|nearly\s)?(?P<n3>\d(?:\.\d)?)\s(?:on\sthe\sRichter|degrees?\b|magnitude)"
    r"|force\sof\s(?P<about4>about\s)?(?P<n4>\d(?:\.\d)?)\son\sthe\sRichter)",
    re.IGNORECASE,
)
NOT_A_PRICE = re.compile(
    r"^[\s-]*(?:a|per|each|-per-)[\s-]*(?:share|month|year|week|day|hour|head|person|ticket)\b"
    r"|^\s+(?:cheaper|more|less|lower|higher|off|discount)\b",
    re.IGNORECASE,
)
PROPOSAL = re.compile(r"\b(?:offer(?:ed|s)?|bid(?:s|ding)?|proposals?|would|could|might|may|asking)\b", re.IGNORECASE)
GENERIC = re.compile(r"\b(?:can|could|may|might|would|typically|usually)\b", re.IGNORECASE)
OBJECT_PRONOUN = re.compile(r"[\w-]+\s(?P<who>him|her)\b", re.IGNORECASE)
BARE_COUNT = re.compile(  # "Ten dead in quake", "80 Hurt", "10 killed"
    rf"(?<![\w$€£.,/-])(?P<qual>{QUALIFIER}\s)?(?P<num>\d[\d,]*|{NUMBER})\s(?P<verb>dead|killed|injured|wounded|hurt|detained|arrested)\b"
    # ... not "ten dead trees": nothing but an end or a preposition may follow
    r"(?=\s*(?:$|[,.;:)!?]|(?:in|at|on|as|after|and|from|during|when|while|amid|since|by)\b))",
    re.IGNORECASE,
)
COPULA_COUNT = re.compile(rf"(?<![\w.,])(?P<num>\d[\d,]*)\s(?:were|are)\s(?P<unit>{_units})\b", re.IGNORECASE)
OF_THEM = re.compile(
    rf"(?<![\w.,])(?P<num>\d[\d,]*|{NUMBER})\sof\s(?:them|those|the\sdetainees|the\sdetained)\b", re.IGNORECASE
)
ELLIPTICAL = re.compile(
    rf"\b(?P<verb>killing|injuring|wounding|detaining|arresting|killed|injured|wounded|detained|arrested)\s"
    rf"(?P<qual>{QUALIFIER}\s)?(?P<num>\d[\d,]*|{NUMBER})(?=\s*(?:[.,;)]|and\b|$))",
    re.IGNORECASE,
)
NUMBER_OF = re.compile(
    rf"\b(?:total\s|overall\s|final\s)?(?:number|toll|tally|count|figure)\s(?:of\s)?(?P<what>(?:[\w-]+\s){{0,3}}?)"
    rf"(?:at|to|was|is|stood\sat|reached|rose\sto|climbed\sto|of)\s(?P<qual>{QUALIFIER}\s)?(?P<num>\d[\d,]*|{NUMBER})\b"
    rf"(?!\s(?:per\s?cent|percent|%))",
    re.IGNORECASE,
)


def _money_role(text: str, start: int, end: int) -> FigureRole:
    """Which part of a deal an amount is: 'in cash', 'in stock', 'with bonuses', 'funding'; else the total.
    Words right after an amount say it first ("$281m in cash"); role words are looked for only up
    to the neighbouring amounts, which have roles of their own."""
    after = text[end : end + 90]
    following = ANY_AMOUNT.search(after)
    if following:
        after = after[: following.start()]
        clause = ROLE_CLAUSE.search(after)
        if clause:
            after = after[: clause.start()]  # "€70m, with bonuses pushing it to €80m": the bonus is the €80m's
    after = after[:45]
    before = text[max(0, start - 40) : start]
    previous = list(ANY_AMOUNT.finditer(before))
    before = before[previous[-1].end() :] if previous else before

    def roles_in(window: str, reverse: bool) -> dict[FigureRole, int]:
        found: dict[FigureRole, int] = {}
        for role, pattern in MONEY_ROLES.items():
            for m in pattern.finditer(window):
                distance = len(window) - m.end() if reverse else m.start()
                found[role] = min(found.get(role, 99), distance)
        return found

    negated = re.match(r"[,\s]*(?:not\sincluding|excluding|without|before|plus)\b", after, re.IGNORECASE)
    found = {} if negated else roles_in(after, reverse=False)
    if {"cash", "stock"} <= set(found):
        return "total"  # "in cash and stock": the whole price
    if not found:
        found = roles_in(before, reverse=True)
    if not found:
        return "total"
    role = min(found, key=lambda r: (found[r], r))
    if role == "funding" and LATEST.search(before + " " + after):
        return "latest"  # "most recently, it raised $20 million": one round of funding, not the total
    return role


def _qualifier(raw: str | None) -> tuple[str, str]:
    words = SPACES.sub(" ", (raw or "").strip().lower())
    return QUALIFIERS.get(words, "exact"), words


def _bounds(number: float, qualifier: str, words: str) -> tuple[float | None, float | None]:
    if qualifier == "about":
        return nearly_interval(number, words)
    return interval(number, qualifier)


# Every pattern below needs a digit or a number word: most sentences have neither, and one scan
# for them saves a dozen scans with large patterns.
MAY_COUNT = Caseless(  # asked of the lower-case text: quicker
    re.compile(rf"\d|\b(?:{WORD_NUMBER}|hundred|thousand|million|no\s?one|nobody|none|magnitude)\b", re.IGNORECASE)
)


AFTERSHOCK = re.compile(r"aftershock", re.IGNORECASE)


@lru_cache(maxsize=1024)
def _counted(event: str, role: FigureRole | None, anchor: str | None, unit: str) -> str:
    """What a figure's key says it counts ('attack:agents'): asked once per kind of figure, not
    by building a figure for every number."""
    return Figure(event=event, role=role, anchor=anchor, unit=unit).counted()


@lru_cache(maxsize=1024)
def _figure(event: str | None, role: FigureRole | None, anchor: str | None, unit: str) -> Figure:
    """A figure of no one in particular: frozen, so one model serves every claim of its kind
    instead of one validated per number."""
    return Figure(event=event, role=role, anchor=anchor, unit=unit)


def extract_quantities(ctx: Context, sentence: Sentence) -> list[QuantityClaim]:
    s = sentence.text
    if not MAY_COUNT.search(s):
        return []
    low: float | None
    high: float | None
    claims: list[QuantityClaim] = []
    # Every position inside a claim already made: `p in covered` asks what scanning every claim's
    # span would, in constant time (a sentence of thousands of figures made that quadratic).
    covered: set[int] = set()
    searched: dict[re.Pattern[str], bool] = {}

    def anywhere(pattern: re.Pattern[str]) -> bool:
        """Whether the sentence matches `pattern` anywhere: searched once, whatever the matches."""
        if pattern not in searched:
            searched[pattern] = pattern.search(s) is not None
        return searched[pattern]

    def add(
        m: re.Match[str],
        number: float,
        low: float | None,
        high: float | None,
        qualifier: str,
        unit: str,
        event: str | None,
        event_at: int,
        rule: str,
        direction: str | None = None,
        role: FigureRole | None = None,
        anchor: str | None = None,
    ) -> None:
        of: WhoModel | None = None
        counted = _counted(event, role, anchor, unit) if event else None
        subject_text = f"{unit} ({counted})" if event else unit  # "people (attack:agents)"
        if unit in DURATION_DAYS or unit in SHORT_DURATIONS:
            # A duration belongs to whoever the event happened to: "she was detained for five hours",
            # "the judge sentenced him to 30 days".
            key, words = subject_before(ctx, sentence, sentence.start + event_at, window=45)
            obj = OBJECT_PRONOUN.match(s, event_at)
            if obj:
                key = resolve_pronoun(ctx, sentence, sentence.start + obj.start("who"), obj.group("who"), None)
                words = obj.group("who")
            if key is not None and not isinstance(key, Group):
                of, subject_text = key, f"{words}: {unit} ({counted})"
        claims.append(
            QuantityClaim(
                **evidence(ctx, sentence, sentence.start + m.start(), sentence.start + m.end()),
                subject=_figure(event, role, anchor, unit)
                if of is None
                else Figure(event=event, role=role, anchor=anchor, unit=unit, of=of),
                subject_text=subject_text,
                rule=rule,
                incident_hint=ctx.hint_for(sentence, sentence.start + m.start(), sentence.start + m.end()),
                low=low,
                high=high,
                number=number,
                qualifier=qualifier,
                unit=unit,
                event=event,
                role=role,
                anchor=anchor,
                expression=m.group(0),
                direction=direction,
            )
        )
        covered.update(range(m.start(), m.end()))

    lower = folded(s)  # None where IGNORECASE matches letters lower() does not give ('İ', 'ſ', 'K')
    has_digit = any(map(str.isdigit, s))

    def scan(pattern: re.Pattern[str], *words: str, digit: bool = False) -> list[re.Match[str]]:
        """Matches of a large pattern, run only when the cheap signs of a match are there."""
        if (digit and not has_digit) or (words and lower is not None and not any(w in lower for w in words)):
            return []
        return list(pattern.finditer(s))

    for m in scan(COMPOUND_DURATION, "year", "month", "week"):
        n1, n2 = parse_number_word(m.group("n1")), parse_number_word(m.group("n2"))
        if n1 is None or n2 is None:
            continue
        u1 = UNIT_OF[m.group("u1").lower()]
        u2 = UNIT_OF[m.group("u2").lower()]
        shortest = n1 * DURATION_DAYS[u1][0] + n2 * DURATION_DAYS[u2][0]
        longest = n1 * DURATION_DAYS[u1][1] + n2 * DURATION_DAYS[u2][1]
        event, at = _event(s, m.start(), m.end(), "days")
        if event is not None:
            add(m, shortest, shortest, longest, "exact", "days", event, at, "quantity.duration")
    for m in COUNT.finditer(s):
        if m.start() in covered:
            continue
        if DATE_YEAR_AFTER.match(s, m.end("num")) and DAY_OF_MONTH.search(s, max(0, m.start() - 12), m.start()):
            continue  # "December 15 of this year": a day of a month, not 15 of anything
        raw = m.group("num")
        unit = UNIT_OF[SPACES.sub(" ", m.group("unit").lower())]
        if YEAR_LIKE.fullmatch(raw):
            continue  # a year, not a count
        partial = bool(
            PARTIAL.search(m.group("mods") + " " + m.group("unit"))
            or PARTIAL_BEFORE.search(s[max(0, m.start() - 14) : m.start()])
            or PARTIAL_AFTER.match(s[m.end() : m.end() + 12])
        )
        if POPULATION_BEFORE.search(s[max(0, m.start() - 25) : m.start()]):
            continue  # "a city of 500,000 people": a population, not an event
        qualifier, words = _qualifier(m.group("qual"))
        number = parse_number_word(raw)
        # "two more victims", "another 2,000", "30 of the 80": part of a count. Two sources may
        # agree on it, but it cannot contradict a total.
        rule = "quantity.partial" if partial else "quantity.count"
        if number is None:
            vague = vague_interval(raw)
            if vague is None:
                continue
            (low, high), number, qualifier, rule = vague, vague[0], "about", "quantity.vague"
        else:
            low, high = _bounds(number, qualifier, words)
        if unit in DURATION_DAYS:
            # Durations compare in days: "four months" against "3 months and 29 days".
            per_low, per_high = DURATION_DAYS[unit]
            low = low * per_low if low is not None else None
            high = high * per_high if high is not None else None
            number, unit = number * per_low, "days"
        # "12 worst-hit villages": the event may sit between number and noun; but in "278 of the
        # detainees were released" the group's noun is not the event.
        of_group = m.group("mods").lstrip().startswith("of ")
        event, at = _event(s, m.start(), m.end() if of_group else m.end("num"), unit)
        noun = m.group("unit").lower()
        if noun in ("arrests", "detentions"):
            event, at = "detain", m.start("unit")  # "made nearly 300 arrests": the noun is the event
        if event is None:
            continue  # a count of nothing in particular: too vague to compare
        if event != "distance" and unit in ("people", "journalists") and AGENT_AT.match(s, m.end()):
            add(m, number, low, high, qualifier, unit, event, at, rule, role="agents")  # "twenty men beat him"
            continue
        if event == "distance":
            # A distance is from somewhere: "150 nautical miles off Aden", "1,150 kilometres southeast of Tehran".
            anchor = DISTANCE_AT.match(s, m.end())
            if anchor is None:
                continue
            direction = (anchor.group("dir") or "").lower().replace("-", "") or None
            add(m, number, low, high, qualifier, unit, event, at, rule, direction, anchor=anchor.group("anchor"))
            continue
        add(m, number, low, high, qualifier, unit, event, at, rule)
    for m in scan(MONEY, "$", "€", "£", "euro", "dollar", "pound", "manat", digit=True):
        raw = m.group("num") or m.group("num2")
        number = parse_number_word(raw.replace(" ", ""))
        if number is None:
            continue
        scale = SCALES.get((m.group("scale") or m.group("scale2") or "").lower(), 1)
        currency = CURRENCY[(m.group("cur") or m.group("cur2")).lower()]
        qualifier, words = _qualifier(m.group("qual") or m.group("qual2"))
        if m.group("upto"):  # "€10–12 million": a range
            top = parse_number_word(m.group("upto"))
            low, high = number * scale, (top or number) * scale
            qualifier = "about"
        else:
            low, high = _bounds(number * scale, qualifier, words)
        event, at = _event(s, m.start(), m.end(), currency)
        if event is None or NOT_A_PRICE.match(s[m.end() : m.end() + 25]):
            continue  # "$25 a share", "$100 cheaper": a rate or a difference, not an amount paid
        role: FigureRole | None = None
        if event in ("pay", "fund"):
            role = _money_role(s, m.start(), m.end())
            event = "fund" if role in FUNDING else event
        # An offer, a bid or what someone would pay is not a payment: it may agree, never contradict.
        rule = "quantity.money-hedged" if anywhere(PROPOSAL) else "quantity.money"
        add(m, number * scale, low, high, qualifier, currency, event, at, rule, role=role)
    if not GENERIC.search(s):  # "a magnitude-6.0 quake can cause severe damage" is about no quake in particular
        for m in scan(MAGNITUDE, "magnitude", "richter", "strength", "degree", digit=True):
            raw = m.group("n1") or m.group("n2") or m.group("n3") or m.group("n4")
            qualifier, words = _qualifier(m.group("qual") or m.group("about") or m.group("about4"))
            number = float(raw)
            # "about 6.0" on a magnitude scale means a few tenths either way, not a tenth of the value
            low, high = _bounds(number, qualifier, words) if qualifier != "about" else (number - 0.2, number + 0.2)
            event = "aftershock" if anywhere(AFTERSHOCK) else "strike"
            add(m, number, low, high, qualifier, "magnitude", event, m.start(), "quantity.magnitude")
    for m in scan(BARE_COUNT, "dead", "killed", "injured", "wounded", "hurt", "detained", "arrested"):
        if m.start("num") in covered or YEAR_LIKE.fullmatch(m.group("num")):
            continue
        number = parse_number_word(m.group("num"))
        event = {
            "dead": "kill",
            "killed": "kill",
            "injured": "injure",
            "wounded": "injure",
            "hurt": "injure",
            "detained": "detain",
            "arrested": "detain",
        }[m.group("verb").lower()]
        if number is None:
            continue
        qualifier, words = _qualifier(m.group("qual"))
        low, high = _bounds(number, qualifier, words)
        add(m, number, low, high, qualifier, "people", event, m.start("verb"), "quantity.count")
    for m in scan(COPULA_COUNT, " were ", " are ", digit=True):  # "53 were reporters and cameramen"
        if m.start() in covered or YEAR_LIKE.fullmatch(m.group("num")):
            continue
        number = parse_number_word(m.group("num"))
        event, at = _event(s, m.start(), m.end(), "people")
        if number is not None and event is not None:
            unit = UNIT_OF[SPACES.sub(" ", m.group("unit").lower())]
            add(m, number, number, number, "exact", unit, event, at, "quantity.count")
    for m in scan(OF_THEM, " of "):  # "278 of them have been released": part of a count of people
        if m.start() in covered:
            continue
        number = parse_number_word(m.group("num"))
        event, at = _event(s, m.start(), m.end(), "people")
        if number is not None and event is not None and not YEAR_LIKE.fullmatch(m.group("num")):
            add(m, number, number, number, "exact", "people", event, at, "quantity.partial")
    for m in scan(
        ELLIPTICAL,
        "killing",
        "injuring",
        "wounding",
        "detaining",
        "arresting",
        "killed",
        "injured",
        "wounded",
        "detained",
        "arrested",
    ):  # "killing 10 people and injuring 80": the noun is left out
        if m.start("num") in covered or YEAR_LIKE.fullmatch(m.group("num")):
            continue
        number = parse_number_word(m.group("num"))
        verb = m.group("verb").lower()
        event = next((e for e, p in EVENTS.items() if e in UNIT_EVENTS["other"] and p.match(verb)), None)
        if number is None or event is None or not any(c.unit == "people" for c in claims):
            continue
        qualifier, words = _qualifier(m.group("qual"))
        low, high = _bounds(number, qualifier, words)
        add(m, number, low, high, qualifier, "people", event, m.start("verb"), "quantity.elliptical")
    for m in scan(NUMBER_OF, "number", "toll", "tally", "count", "figure"):
        # "put the total number of detained protesters at 284", "the death toll rose to 10"
        if m.start("num") in covered:
            continue
        number = parse_number_word(m.group("num"))
        what = m.group("what") or ""
        if number is None or YEAR_LIKE.fullmatch(m.group("num")):
            continue
        event, at = _event(m.group(0), 0, 0, "people")
        if "death" in m.group(0).lower():
            event = "kill"
        if event is None or (
            what
            and not any(w.rstrip("s") in PEOPLE_WORDS for w in what.lower().split())
            and "toll" not in m.group(0).lower()
        ):
            continue
        qualifier, words = _qualifier(m.group("qual"))
        low, high = _bounds(number, qualifier, words)
        add(m, number, low, high, qualifier, "people", event, m.start() + at, "quantity.number-of")
    for m in scan(NOBODY, "no one", "noone", "nobody", "none", "no "):
        event = VERB_EVENT[m.group("verb").lower()]
        add(m, 0.0, 0.0, 0.0, "exact", "people", event, m.start("verb"), "quantity.none")
    return claims
