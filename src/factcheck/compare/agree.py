"""The same specific in two accounts: agreements that one-to-one alignment leaves out.

Alignment (align.py) pairs each claim of a source with at most one claim of another, above a
threshold tuned to keep discrepancies precise. Agreement needs less: two sources that both give
"18 Indian sailors", "up to eight years in prison" or "March 11, 2005" with words in common agree
on one fact, whatever the nearest verb was and whichever claim the one-to-one matching chose.
The value itself is the strongest alignment feature there is, so a pair of equal values needs only
to be free of what sets two facts apart (another time, a tally, another predicate class, a
telling against a happening) and to share as much context as its value is common: a count of a
generic noun ("two people") or a bare date needs more words in common than a distance in
nautical miles or an amount of money.

Agreements that share a figure or a date are one fact (such a claim states one value of one
fact; a status may be several people's, "X and Y were detained"): they are merged into one
corroboration, so the listed rules' "40,000 euros found" and the aligned
"40,000 euros" are one agreement citing every source.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from factcheck.compare.accounts import GENERIC_NOUNS, agreement_title
from factcheck.compare.align import (
    SUB_EVENTS,
    anchor,
    block,
    content_lemmas,
    context_lemmas,
    dated_events,
    dimension,
    tally,
    time_scope,
    told_on,
)
from factcheck.compare.dates import date_value
from factcheck.compare.groups import Agreement
from factcheck.compare.open_facts import converted, weekday_of
from factcheck.compare.slots import INSIDE, one_event
from factcheck.compare.spread import one_time
from factcheck.extract.speech import SPEECH_LEMMAS
from factcheck.models import ClaimBase, ClaimsFile, DateClaim, Figure, PlaceClaim, QuantityClaim

# Words for where someone lives: two of them for one person's event name one place.
RESIDENCE = frozenset({"home", "house", "apartment", "flat", "residence"})
# Hedges one figure may carry while the other is exact and still state one number ("about 150").
LOOSE = frozenset({"exact", "about"})
YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
# Time hints that name a month: a claim "in September" may be the day another source gives.
MONTH_HINT = frozenset({None, "january", "february", "march", "april", "may", "june", "july", "august",
                        "september", "october", "november", "december"})  # fmt: skip


@dataclass(frozen=True)
class Need:
    """What a pair of equal values must share besides the value, as alternatives: so many content
    words of the two sentences (lemmatised) and so many words next to the value."""

    any_of: tuple[tuple[int, int], ...]

    def met(self, content: int, context: int) -> bool:
        return any(content >= c and context >= x for c, x in self.any_of)


STRONG = Need(((1, 0), (0, 1)))  # a distance, a weight, money, a magnitude, a full date with its year
MEDIUM = Need(((2, 0), (0, 1)))  # a count of ten or more of a specific noun
SMALL = Need(((1, 1), (4, 0)))  # a count below ten of a specific noun ("four switches"), a duration, a day
# without its year, a weekday
WEAK = Need(((2, 1), (5, 0)))  # a count of a generic noun ("two people"), a percentage
# The end of a range ("between six and eight years", "from 6 to 8 years"): not the figure it seems.
RANGE_END = re.compile(r"\b(?:between|from)\s+[\w.,]+\s+(?:and|to)\s+$", re.IGNORECASE)
PAGE_EVENTS = frozenset({"publish", "update", "post"})
# A number written as part of a label or a score ("the 2008-09 season", "a 9-3 vote") is no count.
COMPOUND = re.compile(r"\d[-–/]$")


def value_key(claim: ClaimBase) -> tuple[str, ...] | None:
    """The value two claims must give alike to agree here, or None for a value too loose to
    anchor an agreement (a vague amount, a month, one of something). A weekday is kept: it agrees
    only with a weekday of the same event (see `same_value`)."""
    if isinstance(claim, QuantityClaim):
        if claim.rule == "quantity.vague" or claim.number <= 1 or claim.low is None or claim.high is None:
            return None
        before = claim.quote[: claim.value_start - claim.start]
        if COMPOUND.search(before) or RANGE_END.search(before):
            return None
        return ("quantity", dimension(claim), claim.unit, f"{claim.number:g}")
    if isinstance(claim, DateClaim) and (
        claim.event in PAGE_EVENTS or (claim.frame and claim.frame.predicate in PAGE_EVENTS)
    ):
        return None  # the page's own dates ('Updated: 10 June'): no fact of the story
    if isinstance(claim, DateClaim) and claim.precision == "weekday":
        day = weekday_of(claim)
        return ("weekday", day) if day else None
    if isinstance(claim, DateClaim) and claim.resolved:
        if claim.precision == "day" and claim.date is not None:
            return ("date", claim.date.isoformat())
        if claim.precision == "day" and claim.month_day is not None:
            return ("date", claim.month_day.key())
        if claim.precision == "year" and claim.year is not None:
            return ("year", str(claim.year))
    return None


def need(claim: ClaimBase) -> Need:
    """How much two accounts of this value must share: the more common the value, the more."""
    if isinstance(claim, DateClaim):
        if claim.precision == "weekday":
            return SMALL
        stated = YEAR.search(claim.expression) and "relative" not in claim.rule
        return STRONG if stated and claim.precision == "day" else SMALL
    assert isinstance(claim, QuantityClaim)
    kind = dimension(claim)
    if kind == "count":
        noun = claim.frame.noun if claim.frame is not None else None
        if not noun or noun in GENERIC_NOUNS:
            return WEAK
        return SMALL if claim.number < 10 else MEDIUM
    if kind == "percent":
        return WEAK
    if kind == "duration":
        return SMALL  # "two weeks" is as often a time between two events ("two weeks after") as a term
    return STRONG


def apart(a: ClaimBase, b: ClaimBase) -> bool:
    """Whether something in the two clauses sets them apart as two facts, equal values or not:
    another time ('again', 'in 2003', 'last year' against none), a tally against one event's
    figure, counts of different predicate classes ('killed' and 'injured'), negation, the day
    something was told against the day it happened, an event against its sub-event."""
    fa, fb = a.frame, b.frame
    if fa is None or fb is None:
        return True
    if time_scope(fa) != time_scope(fb) or tally(a) != tally(b) or fa.negated != fb.negated:
        return True
    if not one_time(a, b) and (
        (a.incident_hint and b.incident_hint) or not {a.incident_hint, b.incident_hint} <= MONTH_HINT
    ):
        return True  # another year, or 'earlier'; a month one side names ("in September") may be the other's day
    if isinstance(a, QuantityClaim) and isinstance(b, QuantityClaim):
        if a.qualifier != b.qualifier and not {a.qualifier, b.qualifier} <= LOOSE:
            return True  # "up to eight years" is a maximum, "eight years" a term
        if (a.direction or "") != (b.direction or ""):
            return True
        if dimension(a) == "distance" and anchor(a) and anchor(b) and anchor(a) != anchor(b):
            return True  # "12 miles off X" and "12 miles off Y"
        classes = {fa.predicate_class, fb.predicate_class}
        if None not in classes and len(classes) == 2:
            return True
        # Outcomes of one class ("seven killed", "seven injured") are two facts; the listed rules'
        # event says when both count one ("killed", "dead").
        xa, xb = a.subject, b.subject
        same_event = (
            isinstance(xa, Figure)
            and isinstance(xb, Figure)
            and (xa.event, xa.role, xa.anchor) == (xb.event, xb.role, xb.anchor)
        )
        return None not in classes and fa.predicate != fb.predicate and not same_event
    if isinstance(a, DateClaim) and isinstance(b, DateClaim):
        if (fa.predicate in SPEECH_LEMMAS or told_on(a) is not None) != (
            fb.predicate in SPEECH_LEMMAS or told_on(b) is not None
        ):
            return True
        if b.event in SUB_EVENTS.get(a.event, ()) or a.event in SUB_EVENTS.get(b.event, ()):
            return True
    return False


def same_value(a: ClaimBase, b: ClaimBase) -> bool:
    """Whether two claims give one value: the same date, the same number of one unit, or one
    measure in two units ('up to six years' and the listed rule's 2,190 days, '10 km (6 miles)')."""
    ka, kb = value_key(a), value_key(b)
    if ka is None or kb is None:
        return False
    if isinstance(a, DateClaim) and isinstance(b, DateClaim) and "weekday" in (ka[0], kb[0]):
        # A weekday against a weekday or a day's weekday ('on Tuesday', 'yesterday' from a Wednesday
        # dateline), of one event: a weekday is one of seven, so the event must be named alike.
        fa, fb = a.frame, b.frame
        day_a, day_b = weekday_of(a), weekday_of(b)
        return (
            fa is not None and fb is not None and day_a is not None and day_a == day_b
            and bool(dated_events(a, fa) & dated_events(b, fb))
        )  # fmt: skip
    if ka == kb:
        return True
    if isinstance(a, QuantityClaim) and isinstance(b, QuantityClaim) and ka[1] == kb[1]:
        return ka[1] not in ("count", "money", "percent", "magnitude") and converted(a, b)
    return False


def _pairs(claims: list[ClaimBase]) -> Iterable[tuple[ClaimBase, ClaimBase]]:
    """Claims of different sources that give one value in one block."""
    by_block: dict[tuple[str, ...], list[ClaimBase]] = defaultdict(list)
    for c in claims:
        where = block(c)
        if where is not None and value_key(c) is not None:
            # A distance meets distances from any place: which place, when both say one, is in `apart`.
            by_block[where[:2] if where[:2] == ("quantity", "distance") else where].append(c)
    for _, same in sorted(by_block.items()):
        same.sort(key=lambda c: (c.source, c.start, c.value_start))
        for i, a in enumerate(same):
            for b in same[i + 1 :]:
                if a.source != b.source and same_value(a, b):
                    yield a, b


def _value(c: ClaimBase) -> str:
    if isinstance(c, DateClaim):
        return date_value(c)
    return c.display_value()


def value_agreements(incident: str, files: list[ClaimsFile]) -> list[Agreement]:
    """Agreements between claims of different sources giving one specific value with enough of
    their sentences in common (see `need`), and nothing setting them apart (see `apart`)."""
    claims: list[ClaimBase] = [c for cf in files for c in cf.claims if c.frame is not None]
    out: list[Agreement] = []
    for a, b in _pairs(claims):
        if apart(a, b):
            continue
        content = len(content_lemmas(a) & content_lemmas(b))
        context = len(context_lemmas(a) & context_lemmas(b))
        if not need(a).met(content, context):
            continue
        how = f"{_value(a)} in each account, in sentences sharing {content} other words"
        same = "|".join(value_key(a) or ())
        subject, attribute = agreement_title(a, b)
        out.append(Agreement(incident, subject, attribute, _value(a), how, [a, b], same=same))
    return out


def residence_agreements(incident: str, files: list[ClaimsFile]) -> list[Agreement]:
    """One event placed at someone's residence in two words ('outside his home', 'outside his
    apartment'): the places rules (slots.py) see two heads and say nothing; for the same event
    of the same person (one_event) the two words name one place."""
    by_source = {
        cf.source.id: [c for c in cf.claims if isinstance(c, PlaceClaim) and c.head in RESIDENCE and not c.named]
        for cf in files
    }
    out: list[Agreement] = []
    sources = sorted(by_source)
    for i, sa in enumerate(sources):
        for sb in sources[i + 1 :]:
            for a in by_source[sa]:
                for b in by_source[sb]:
                    if a.head == b.head or _relation(a) != _relation(b):
                        continue  # one head: the places rules judge it
                    match = one_event(a, b)
                    if match is None or not match.shared or a.frame is None:
                        continue
                    who = max(match.shared, key=len).title()
                    how = f"'{a.expression}' and '{b.expression}': one residence named two ways"
                    attribute = f"place ({a.frame.predicate_class or a.frame.predicate})"
                    out.append(Agreement(incident, who, attribute, a.place, how, [a, b], same="residence"))
    return out


def _relation(c: PlaceClaim) -> str:
    return "in" if c.relation in INSIDE else c.relation


def merge_linked(agreements: list[Agreement]) -> list[Agreement]:
    """Agreements that share a figure or a date claim are one fact: one corroboration, citing each source first,
    then more places of the same sources (three at most a source, ten claims in all). The first
    agreement of a linked set (the listed rules' before the open ones') names the fact."""
    parent = list(range(len(agreements)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[str, int] = {}
    for i, ag in enumerate(agreements):
        for c in ag.claims:
            if not isinstance(c, QuantityClaim | DateClaim):
                continue  # a status or a place may be one word for several people's facts ("X and Y were held")
            j = owner.setdefault(c.id, i)
            ri, rj = root(i), root(j)
            if ri != rj:
                parent[max(ri, rj)] = min(ri, rj)
    linked: dict[int, list[Agreement]] = defaultdict(list)
    for i, ag in enumerate(agreements):
        linked[root(i)].append(ag)
    out = []
    for _, group in sorted(linked.items()):
        first = group[0]
        if len(group) == 1:
            out.append(first)
            continue
        seen: dict[str, ClaimBase] = {}
        for ag in group:
            for c in ag.claims:
                seen.setdefault(c.id, c)
        cited = _cited(list(seen.values()))
        out.append(Agreement(first.incident, first.subject, first.attribute, first.value, first.resolution, cited))
    return out


def _cited(claims: list[ClaimBase]) -> list[ClaimBase]:
    """One claim per source first, then further places (one sentence once), three a source and
    ten in all, in the order of the sources and their text."""
    by_source: dict[str, list[ClaimBase]] = defaultdict(list)
    for c in sorted(claims, key=lambda c: (c.source, c.start, c.value_start)):
        if len(by_source[c.source]) < 3 and all(x.start != c.start for x in by_source[c.source]):
            by_source[c.source].append(c)
    rounds = [c for i in range(3) for _, cs in sorted(by_source.items()) for c in cs[i : i + 1]]
    return sorted(rounds[:10], key=lambda c: (c.source, c.start))
