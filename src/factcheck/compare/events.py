"""Date claims → events: within a source, the dated mentions of one event joined; across sources,
events aligned one to one, best match first, above a threshold. Only aligned events' dates meet.

A date dates the state change its predicate names ('arrested' and 'detained': detained; 'convicted'
and 'sentenced' are two acts), for the people its clause names, in the time of the story its cues
set ('again', 'last year'). One source's mentions of one kind for the same people join one event
unless they give two calendar days: a person detained in May and again in July has two events, and
another source's account of the May detention aligns with the first only. Two sources' events of
one kind align on what they share: people, places, days, weekdays and the words of their sentences.
A day said of a statement ('officials said Saturday') dates the telling, never the event.

Within one source, a weekday named for an event is checked against the calendar date given for it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from factcheck.compare.align import CONTEXT_STOP, around, lemma_of, names_overlap, time_scope, told_on
from factcheck.compare.groups import Pending, group_findings, keyed
from factcheck.compare.spread import ONE_TIME_DAYS
from factcheck.extract.mentions import CLASS_OF, EVENT_NOUNS, STATE_OF, one_happening
from factcheck.extract.speech import STATEMENT
from factcheck.lexicons import load_lexicon
from factcheck.models import ClaimBase, DateClaim, EntityRef, Event, EventKey, MonthDay, Person, Severity

# The rules of a date written as a day of the calendar ('12 March'), listed or open.
STATED_DAY_RULES = frozenset({"date.absolute", "mention.absolute"})
THRESHOLD = 0.5  # below this, two sources' events share too little to be one event
NEAR = 30  # characters either side of a date read as its own phrase
WEEKDAY_REACH = 6  # days: a weekday and a date further apart than this are two events, not a conflict
WEEK_SLACK = 10  # days: a weekday's day, resolved against another publication date, may be this far off
# A date used as a modifier dates the noun after it: "the 5 June attack", "Thursday's hearing".
ATTRIBUTIVE_BEFORE = re.compile(r"\b(?:the|a|an|its|his|her|their|last|this)\s$", re.IGNORECASE)
ATTRIBUTIVE_AFTER = re.compile(r"^(?:,?\s(?:19|20)\d\d)?,?(?:’s|'s)?\s(?P<noun>[a-z][a-z-]+)")
# "a release date of 22 May", "the hearing date is 3 June": the date of the noun before 'date'.
DATE_OF_BEFORE = re.compile(r"\b(?P<noun>[a-z]+)\s(?:date|day)\s(?:of|is|was|set\sfor|on)\s$")
POSSESSIVE_AFTER = re.compile(r"^(?:’s|'s)?\s(?P<noun>[a-z][a-z-]+)")
# The finding of a body is not the death: "found dead on Tuesday" and "died on Saturday" are two days.
FOUND_BEFORE = re.compile(r"\b(?:found|discovered)\b[^.;]{0,40}$", re.IGNORECASE)
WORD = re.compile(r"[^\W\d_]{4,}")
FOUND_DEAD = "found dead"
DIED = STATE_OF["die"]
# Events an incident has once (a quake, a completed deal): the listed rules' event names them.
SINGULAR_EVENTS = frozenset(load_lexicon("date_events")["singular_events"])
LISTED_STATES = frozenset(STATE_OF.values()) | {FOUND_DEAD}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE)


def _state(lemma: str) -> str:
    return STATE_OF.get(lemma, lemma)


def event_kind(claim: DateClaim) -> tuple[str, str | None]:
    """What a date dates and the class of its predicate: the state a listed predicate names, an
    unlisted predicate's lemma, a statement ('telling'), or the noun a date modifies. A listed
    rule's event stands where its clause's predicate is unlisted or missing: extraction dated it
    by that predicate's word already (extract/dates: another verb's date is no listed claim)."""
    end = claim.value_end - claim.start
    before, after = around(claim)
    told = told_on(claim)
    if told is not None:  # the day of a statement, or of an announcement: an event of its own
        return (STATEMENT if told == STATEMENT else _state(told)), None
    listed = not claim.open_vocabulary
    if listed and claim.event in SINGULAR_EVENTS:
        return claim.event, None  # "Sunday's quake", "the deal, completed on 5 May": the incident's one event
    possessive = claim.quote[end - 2 : end] in ("'s", "’s") or after[:2] in ("'s", "’s")
    modifier = (
        (POSSESSIVE_AFTER.match(after) if possessive else None)
        or DATE_OF_BEFORE.search(before)
        or (ATTRIBUTIVE_AFTER.match(after) if ATTRIBUTIVE_BEFORE.search(before) else None)
    )
    if modifier:
        noun = lemma_of(modifier.group("noun"))
        return _state(EVENT_NOUNS.get(noun, noun)), CLASS_OF.get(EVENT_NOUNS.get(noun, noun))
    frame = claim.frame
    lemma = frame.predicate if frame is not None else None
    if lemma is not None and lemma in CLASS_OF:
        return STATE_OF[lemma], CLASS_OF[lemma]
    if listed or lemma is None:
        kind = _state(claim.event)
        if kind == STATE_OF.get("die") and FOUND_BEFORE.search(before):
            return FOUND_DEAD, CLASS_OF.get("die")
        return kind, CLASS_OF.get(claim.event)
    return _state(lemma), None


def _day(claim: DateClaim) -> dt.date | MonthDay | None:
    """The calendar day a date states or resolves to; None for a bare weekday, whose day is only
    the reader's inference from the publication date."""
    if claim.precision != "day" or not claim.resolved:
        return None
    return claim.date if claim.date is not None else claim.month_day


def _day_order(day: dt.date | MonthDay) -> tuple[bool, int, int, int]:
    """Days of the year first, then calendar days, each in the calendar's order."""
    if isinstance(day, MonthDay):
        return (False, 0, day.month, day.day)
    return (True, day.year, day.month, day.day)


def _weekday(claim: DateClaim) -> str | None:
    if claim.precision != "weekday":
        return None
    m = WEEKDAY.search(claim.expression)
    return m.group(1).lower() if m else None


def _scope(claim: DateClaim) -> tuple[str, ...]:
    frame = claim.frame
    cues = set(time_scope(frame)) if frame is not None else set()
    # The date's own year ('on 5 May 2019', 'until 2029') is its day, not another time of the story.
    own = {f"in {claim.date.year}"} if claim.date is not None else set()
    own |= {f"in {y}" for y in re.findall(r"\b\d{4}\b", claim.expression)}
    cues -= own
    if claim.incident_hint:
        cues.add(f"hint {claim.incident_hint}")
    return tuple(sorted(cues))


def _names(claim: DateClaim) -> set[str]:
    names = set(claim.frame.participants) if claim.frame is not None else set()
    of = getattr(claim.subject, "of", None)
    if isinstance(of, Person):
        names.add(of.name)
    return names


def _lemmas(text: str) -> frozenset[str]:
    return frozenset(lemma_of(w.lower()) for w in WORD.findall(text) if w.lower() not in CONTEXT_STOP)


def _content(claim: DateClaim) -> frozenset[str]:
    """The sentence's content words, lemmatised, less the date's own words."""
    at, end = claim.value_start - claim.start, claim.value_end - claim.start
    return _lemmas(claim.quote[:at] + " " + claim.quote[end:])


def _near(claim: DateClaim) -> frozenset[str]:
    """The content words next to the date ('a release date of', 'game against'), lemmatised."""
    at, end = claim.value_start - claim.start, claim.value_end - claim.start
    return _lemmas(claim.quote[max(0, at - NEAR) : at] + " " + claim.quote[end : end + NEAR])


@dataclass
class _Building:
    """An event while its source's mentions are joined."""

    kind: str
    cls: str | None
    scope: tuple[str, ...]
    claims: list[DateClaim] = field(default_factory=list)
    names: set[str] = field(default_factory=set)
    people: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    days: set[dt.date | MonthDay] = field(default_factory=set)
    weekdays: set[str] = field(default_factory=set)
    weekday_days: set[dt.date] = field(default_factory=set)

    def accepts(
        self, kind: str, scope: tuple[str, ...], names: set[str], people: set[str], day: dt.date | MonthDay | None
    ) -> bool:
        if kind != self.kind or scope != self.scope or kind == STATEMENT:
            return False
        if self.people and people and not self.people & people:
            return False  # two people the incident tells apart
        if day is not None and self.days and day not in self.days:
            return False  # another day: another event of the same kind
        return not (self.names and names and not names_overlap(self.names, names) and not (self.people & people))


def source_events(claims: list[DateClaim], people: dict[str, str | None]) -> list[tuple[Event, list[DateClaim]]]:
    """One source's date claims joined into events, in text order (`people`: claim id → the key of
    the incident's person the listed rules date it for)."""
    built: list[_Building] = []
    for c in sorted(claims, key=lambda c: (c.value_start, c.id)):
        kind, cls = event_kind(c)
        scope, names, day = _scope(c), _names(c), _day(c)
        who = {p for p in [people.get(c.id)] if p}
        home = next((e for e in reversed(built) if e.accepts(kind, scope, names, who, day)), None)
        if home is None:
            home = _Building(kind, cls, scope)
            built.append(home)
        home.claims.append(c)
        home.names |= names
        home.people |= who
        if c.frame is not None and c.frame.place:
            home.places.add(c.frame.place)
        if day is not None:
            home.days.add(day)
        wd = _weekday(c)
        if wd is not None:
            home.weekdays.add(wd)
            if c.date is not None:
                home.weekday_days.add(c.date)
    out = []
    for b in built:
        first = b.claims[0]
        event = Event(
            source=first.source,
            kind=b.kind,
            predicate_class=b.cls,
            participants=tuple(sorted(b.names)),
            people=tuple(sorted(b.people)),
            places=tuple(sorted(b.places)),
            scope=b.scope,
            days=tuple(sorted(b.days, key=_day_order)),
            weekdays=tuple(sorted(b.weekdays)),
            weekday_days=tuple(sorted(b.weekday_days)),
            mentions=tuple(c.id for c in b.claims),
        )
        out.append((event, b.claims))
    return out


class Wording(NamedTuple):
    """What an event's sentences say besides its dates: their content words and the words next to
    each date, lemmatised."""

    content: frozenset[str]
    near: frozenset[str]


def _weeks_apart(a: Event, b: Event) -> bool:
    """Whether an event dated only by weekdays is far from every calendar day of another: a
    weekday names a day of the story's week, so a date weeks away is another event's."""
    full = [d for d in b.days if isinstance(d, dt.date)]
    if a.days or not a.weekday_days or not full:
        return False
    return all(abs((w - d).days) > WEEK_SLACK for w in a.weekday_days for d in full)


def _one_kind(a: str, b: str) -> bool:
    """Kinds that date one event: the same, or a death and the finding of the body (compared as
    an order: the death on or before the finding)."""
    return a == b or {a, b} == {FOUND_DEAD, DIED}


def _same_people(a: Event, b: Event, words_a: Wording, words_b: Wording) -> bool:
    """Whether two events are told of the same people: one the incident's rules found for both,
    a name both clauses give, or a name one clause gives in the other's sentence ('the shooting
    of X on Monday', 'X was killed on Monday')."""
    if set(a.people) & set(b.people) or names_overlap(a.participants, b.participants) > 0:
        return True
    named = [(e.participants, other.content) for e, other in ((a, words_b), (b, words_a))]
    return any(w in content for names, content in named for name in names for w in name.split() if len(w) > 3)


EARLIER = "hint earlier"


def _one_scope(a: Event, b: Event) -> bool:
    """Whether two events are of one time of the story: the same cues, or cues that differ only by
    grouping's 'earlier' mark (a fixed line before the incident's first day) on events with days
    within ONE_TIME_DAYS of each other: two days of one past event can fall either side of it."""
    if a.scope == b.scope:
        return True
    if set(a.scope) - {EARLIER} != set(b.scope) - {EARLIER}:
        return False
    return any(_days_near(x, y) for x in a.days for y in b.days)


def _days_near(x: dt.date | MonthDay, y: dt.date | MonthDay) -> bool:
    if isinstance(x, dt.date) and isinstance(y, dt.date):
        return abs((x - y).days) <= ONE_TIME_DAYS
    mx = (MonthDay.of(x) if isinstance(x, dt.date) else x).leap_date()
    my = (MonthDay.of(y) if isinstance(y, dt.date) else y).leap_date()
    gap = abs((mx - my).days)
    return min(gap, 366 - gap) <= ONE_TIME_DAYS


def event_similarity(a: Event, b: Event, words_a: Wording, words_b: Wording) -> float:
    """How likely two sources' events are one: 0 (surely not) to about 1. One time of the story is
    required, and two listed states that differ are two events ('detained', 'released') unless
    they are one happening done to the same people ('shot', 'killed'); a kind
    the lexicon does not list may be another's synonym ('began', 'started'), so its sentences'
    words must make up for it. People, places, days and words add up."""
    if a.kind == STATEMENT or b.kind == STATEMENT or not _one_scope(a, b):
        return 0.0
    if _one_kind(a.kind, b.kind):
        score = 0.4
    elif one_happening(a.kind, b.kind) and _same_people(a, b, words_a, words_b):
        score = 0.3  # "the attack on X on Tuesday", "X was killed on Tuesday": one act done to one person
    elif a.kind in LISTED_STATES and b.kind in LISTED_STATES:
        return 0.0  # "convicted" and "sentenced": two acts, two days
    else:
        score = 0.1
    if a.people and b.people and not set(a.people) & set(b.people):
        score -= 0.3  # two people the incident tells apart, unless the clauses' names say otherwise
    if a.participants and b.participants:
        score += 0.3 * names_overlap(a.participants, b.participants)
    if set(a.people) & set(b.people):
        score += 0.2
    if a.places and b.places:
        score += 0.1 if set(a.places) & set(b.places) else -0.1
    if set(a.days) & set(b.days):
        score += 0.2  # one day in common: among two events of a kind, the one both date alike
    if set(a.weekdays) & set(b.weekdays):
        score += 0.1
    if _weeks_apart(a, b) or _weeks_apart(b, a):
        score -= 0.3  # "named on Friday" (this week) and a ceremony dated two months on: two events
    score += min(0.4, 0.08 * len(words_a.content & words_b.content))
    score += min(0.3, 0.1 * len(words_a.near & words_b.near))
    return score


@dataclass
class EventAlignment:
    """Every source's events and which of them are aligned across sources."""

    events: dict[EventKey, Event] = field(default_factory=dict)
    event_of: dict[str, EventKey] = field(default_factory=dict)  # date claim id → its event
    claims_of: dict[EventKey, list[DateClaim]] = field(default_factory=dict)  # event → its mentions
    aligned: set[frozenset[EventKey]] = field(default_factory=set)  # pairs of events

    def same_event(self, a: ClaimBase, b: ClaimBase) -> bool:
        """Whether two date claims date one event: one event of a source, or two aligned events."""
        ea, eb = self.event_of.get(a.id), self.event_of.get(b.id)
        if ea is None or eb is None:
            return False
        return ea == eb or frozenset((ea, eb)) in self.aligned

    def in_order(self, a: DateClaim, b: DateClaim) -> bool:
        """Whether two different days of one event are consistent after all: a death on a day
        before the body was found ('died on Saturday', 'found dead on Tuesday')."""
        ea, eb = self.event_of.get(a.id), self.event_of.get(b.id)
        if ea is None or eb is None or a.date is None or b.date is None:
            return False
        kinds = self.events[ea].kind, self.events[eb].kind
        if kinds == (DIED, FOUND_DEAD):
            return a.date <= b.date
        if kinds == (FOUND_DEAD, DIED):
            return b.date <= a.date
        return False


def align_events(by_source: dict[str, list[DateClaim]], people: dict[str, str | None]) -> EventAlignment:
    """Each source's events, then every pair of sources' events matched one to one, best first."""
    out = EventAlignment()
    per_source: dict[str, list[Event]] = {}
    words: dict[EventKey, Wording] = {}
    for source in sorted(by_source):
        events = source_events(by_source[source], people)
        per_source[source] = [e for e, _ in events]
        for event, claims in events:
            out.events[event.key] = event
            out.claims_of[event.key] = claims
            words[event.key] = Wording(
                frozenset().union(*(_content(c) for c in claims)), frozenset().union(*(_near(c) for c in claims))
            )
            for c in claims:
                out.event_of[c.id] = event.key
    sources = sorted(per_source)
    for i, sa in enumerate(sources):
        for sb in sources[i + 1 :]:
            candidates: list[tuple[float, bool, EventKey, EventKey]] = []
            for ea in per_source[sa]:
                for eb in per_source[sb]:
                    score = event_similarity(ea, eb, words[ea.key], words[eb.key])
                    if score >= THRESHOLD:
                        candidates.append((score, not _one_kind(ea.kind, eb.kind), ea.key, eb.key))
            # Of two matches equally alike (their words' share is capped), the one of the same
            # kind first: 'the ferry sank on the 3rd' meets 'the sinking of the ferry on the 5th', not
            # 'the ferry was raised Monday', which shares as many words.
            candidates.sort(key=lambda c: (-c[0], c[1], c[2], c[3]))
            used: set[EventKey] = set()
            for _score, _other_kind, a, b in candidates:
                if a in used or b in used:
                    continue
                used |= {a, b}
                out.aligned.add(frozenset((a, b)))
    return out


def people_of(claims: Iterable[DateClaim], parties: dict[str, object]) -> dict[str, str | None]:
    """Claim id → the incident's entity a listed date is for, where one is known."""
    return {c.id: p.id if isinstance(p := parties.get(c.id), EntityRef) else None for c in claims}


def weekday_checks(incident: str, alignment: EventAlignment) -> list[Pending]:
    """Within one event of one source, a weekday named against the weekday of the calendar date the
    source gives the same event: 'arrested on 12 March' and 'his arrest on Friday' cannot both hold
    when 12 March was a Thursday."""
    candidates: dict[str, list[tuple[Severity, str, ClaimBase, ClaimBase]]] = defaultdict(list)
    for eid, claims in sorted(alignment.claims_of.items()):
        event = alignment.events[eid]
        # A date stated in words, and a weekday whose nearest day (as resolved) is in the same week:
        # a weekday weeks away from the date is another event of the kind, not this one's day.
        dated = [c for c in claims if c.precision == "day" and c.date is not None and c.rule in STATED_DAY_RULES]
        dated = [c for c in dated if not ISO_DATE.match(c.expression.strip())]  # a page's date stamp
        named = [c for c in claims if _weekday(c) is not None and c.date is not None]
        for w in named:
            for d in dated:
                assert d.date is not None
                assert w.date is not None
                actual = d.date.strftime("%A").lower()
                near = abs((w.date - d.date).days) <= WEEKDAY_REACH
                if near and actual != _weekday(w):
                    why = f"'{w.expression}' against '{d.expression}', which was a {actual.capitalize()}"
                    candidates[event.kind].append(("contradiction", why, w, d))
    pending: list[Pending] = []
    for kind, cands in sorted(candidates.items()):
        pending += keyed(
            group_findings(cands, incident, "the incident", f"weekday ({kind})", _weekday_value), f"weekday:{kind}"
        )
    return pending


def _weekday_value(c: ClaimBase) -> str:
    if not isinstance(c, DateClaim):
        return ""
    return _weekday(c) or (c.date.strftime("%A").lower() if c.date is not None else c.expression.lower())
