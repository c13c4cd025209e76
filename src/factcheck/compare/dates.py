"""Dates of one event at their precision after resolution, the people they are dated for."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from factcheck.compare.align import OTHER_TIME
from factcheck.compare.events import EventAlignment
from factcheck.compare.groups import Agreement, Pending, group_findings, keyed, merge_agreements
from factcheck.lexicons import load_lexicon
from factcheck.models import ClaimBase, DateClaim, Group, MonthDay, Party, Severity
from factcheck.resolve import EntityMap


def _day_key(c: DateClaim) -> str | None:
    """What two dates of one account share: the day of the year ('02-14'), or the year of an end date."""
    if c.precision == "year":
        return str(c.year) if c.year is not None else None  # "until 2029"
    day = MonthDay.of(c.date) if c.date is not None else c.month_day
    return day.key() if day is not None else None


def date_value(c: DateClaim) -> str:
    if c.date is not None:
        return c.date.strftime("%A %d %B %Y").replace(" 0", " ")
    if c.month_day is not None:
        return f"{c.month_day.day} {c.month_day.leap_date().strftime('%B')}"
    return c.expression


# Words that say an event happened more than once, so two dates for it need not conflict.
REPEATED = re.compile(
    r"\b(?:again|also|another|second|third|previously|once\smore|re-(?:arrested|detained))\b", re.IGNORECASE
)


DATE_LABELS: dict[str, str] = load_lexicon("date_events")["labels"]


def _date_attribute(event: str) -> str:
    return f"date {DATE_LABELS.get(event, event)}"


def _same_day(a: ClaimBase, b: ClaimBase) -> bool:
    """'July 5' (no year) and '5 July 2021' are one account of the day: one side of a finding."""
    if not isinstance(a, DateClaim) or not isinstance(b, DateClaim) or _day_key(a) != _day_key(b):
        return False
    return a.date is None or b.date is None or a.date == b.date


def date_check(a: DateClaim, b: DateClaim) -> str:
    """How two date claims were found to agree, in words a reader can verify: each expression
    with what it was resolved to and from what, then the weekday check where one applies."""
    parts = []
    for c in (a, b):
        if c.resolution == "stated in full":
            parts.append(f"'{c.expression}' ({c.source}) is stated in full")
        else:
            parts.append(f"'{c.expression}' ({c.source}) is {c.display_value().split(' (')[0]}: {c.resolution}")
    full = next((c.date for c in (a, b) if c.date is not None), None)
    if full is not None:
        parts.append(f"{full.day} {full.strftime('%B %Y')} was a {full.strftime('%A')}")
    return "; ".join(parts)


def _date_pairs(claims: list[DateClaim]) -> Iterable[tuple[DateClaim, DateClaim]]:
    """Pairs of date claims worth comparing: across sources; within a source, two full dates for
    one event ('June 5' and 'July 5'), or a relative date and a full date in one sentence
    ('four days later, on July 11')."""
    for i, a in enumerate(claims):
        for b in claims[i + 1 :]:
            if a.source != b.source:
                yield a, b
                continue
            if a.start == b.start:
                # "found dead four days later, on July 11": one sentence, one event, two dates.
                relative, absolute = (a, b) if a.rule == "date.relative" else (b, a)
                # Only a full date after the relative one ("four days later, on July 11"); the one
                # before is what it counts from.
                if (
                    {a.rule, b.rule} == {"date.relative", "date.absolute"}
                    and a.event == b.event
                    and absolute.value_start > relative.value_start
                ):
                    yield a, b
                continue
            if a.rule == b.rule == "date.absolute" and not REPEATED.search(a.quote) and not REPEATED.search(b.quote):
                yield a, b


def _same_date_event(a: DateClaim, b: DateClaim) -> bool:
    """Whether two dates of one person may date one event: the same time scope. A source's
    dates of a person are one event, whatever days they give (two days for one event are what
    a conflict is), except those its words set in another time ("detained again on 9 July",
    "had earlier been held"): those meet only dates of the same scope in other sources."""
    return _scope(a) == _scope(b)


def _scope(c: DateClaim) -> frozenset[str]:
    return frozenset(c.frame.cues) & OTHER_TIME if c.frame is not None else frozenset()


class Actors(NamedTuple):
    """Whose dates two claims give and how alike they are."""

    person_a: Party | None
    person_b: Party | None
    same_person: bool  # one named party, not a group
    compatible: bool  # may be one actor, as agreement needs: a group or an unnamed actor may be
    one_actor: bool  # one actor, as a conflict needs


def _actors(a: DateClaim, b: DateClaim, parties: dict[str, Party | None], singular: bool) -> Actors:
    person_a, person_b = parties[a.id], parties[b.id]
    same_person = person_a is not None and person_a == person_b and not isinstance(person_a, Group)
    # Agreement is looser than conflict: a group or an unnamed actor may be the same person.
    compatible = (
        same_person
        or person_a is None
        or person_b is None
        or isinstance(person_a, Group)
        or isinstance(person_b, Group)
    )
    one_actor = (
        same_person
        or (a.start == b.start and a.source == b.source)
        or (singular and (person_a is None or person_b is None or person_a == person_b))
    )
    return Actors(person_a, person_b, same_person, compatible, one_actor)


def _dated_value(c: ClaimBase) -> str:
    """The day a date claim gives, as the sides of a finding tell values apart."""
    if not isinstance(c, DateClaim):
        return ""
    if c.date is not None:
        return c.date.isoformat()
    if c.month_day is not None:
        return c.month_day.key()
    return str(c.year) if c.year is not None else ""


def compare_dates(
    claims: list[DateClaim],
    incident: str,
    event: str,
    emap: EntityMap,
    parties: dict[str, Party | None],
    singular: bool,
    events: EventAlignment,
) -> tuple[list[Pending], list[Agreement]]:
    """Dates of one event. A conflict needs the same named person on both sides, or, for an event
    an incident has once (a deal completed, a quake), no other person; agreement accepts a group
    ('the couple') as the same actor."""
    resolved = [c for c in claims if c.resolved and c.precision in ("day", "weekday", "year")]
    candidates: dict[Party | None, list[tuple[Severity, str, ClaimBase, ClaimBase]]] = defaultdict(list)
    agreements: list[Agreement] = []
    for a, b in _date_pairs(resolved):
        if (a.precision == "year") != (b.precision == "year"):
            continue
        person_a, person_b, same_person, compatible, one_actor = _actors(a, b, parties, singular)
        ka, kb = _day_key(a), _day_key(b)
        if ka is None or kb is None:
            continue
        years_differ = a.date is not None and b.date is not None and a.date.year != b.date.year
        if ka == kb and not years_differ and (compatible or one_actor):
            how = date_check(a, b)
            who = person_a if person_a is not None and not isinstance(person_a, Group) else person_b
            agreements.append(
                Agreement(
                    incident,
                    emap.label(who) if who is not None else "the incident",
                    _date_attribute(event),
                    date_value(a if a.date else b),
                    how,
                    [a, b],
                    same=ka,
                )
            )
        elif (ka != kb or years_differ) and one_actor:
            if same_person and not _same_date_event(a, b):
                continue  # another event of the same person ("detained again in July"), not this one
            if a.source != b.source and (not events.same_event(a, b) or events.in_order(a, b)):
                continue  # dates of two events that no alignment makes one, or a death before its finding
            who = person_a if person_a is not None else person_b
            candidates[who].append(
                (
                    "contradiction",
                    f"'{a.expression}' ({date_value(a)}) against '{b.expression}' ({date_value(b)})",
                    a,
                    b,
                )
            )
    findings: list[Pending] = []
    for who, cands in sorted(candidates.items(), key=lambda kv: kv[0].key() if kv[0] is not None else ""):
        label = emap.label(who) if who is not None else "the incident"
        key = f"{event}@{who.key() if who is not None else ''}"  # the pairs' ids: as they always were
        findings += keyed(group_findings(cands, incident, label, _date_attribute(event), _dated_value, _same_day), key)
    return findings, merge_agreements(agreements)
