"""Facts aligned by their frames (align.py), judged by the same typed rules as listed claims."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from factcheck.compare.accounts import agreement_title
from factcheck.compare.ages import story_years, told_in, years_apart
from factcheck.compare.align import THRESHOLD, align_sources, block, context_lemmas, dimension, similarity
from factcheck.compare.dates import date_check, date_value
from factcheck.compare.events import EventAlignment
from factcheck.compare.figures import part_of_whole, vague_holds
from factcheck.compare.groups import Agreement, Pending, group_findings, keyed, merge_agreements
from factcheck.compare.spread import year_written
from factcheck.extract.mentions import UNIT_FORMS
from factcheck.lexicons.conflicts import STATE_CONFLICTS
from factcheck.models import (
    AgeClaim,
    ClaimBase,
    ClaimsFile,
    DateClaim,
    MonthDay,
    QuantityClaim,
    Severity,
    StatusClaim,
    StatusState,
)

STRONG_ALIGNMENT = 0.7  # frames this alike are one fact even without a participant in common


def _base(c: QuantityClaim) -> tuple[float, float]:
    """A quantity's interval in its dimension's base unit (metres, hours, kilograms)."""
    factor = UNIT_FORMS[c.unit][2] if c.unit in UNIT_FORMS and c.rule != "mention.count" else 1.0
    low = c.low if c.low is not None else float("-inf")
    high = c.high if c.high is not None else float("inf")
    return low * factor, high * factor


def _rounding(number: float) -> float:
    """Half the place value of a figure's last significant digit: '600' may be 550 to 650, '6' 5.5
    to 6.5, '2.7' 2.65 to 2.75. A converted figure is rounded that much ('10 kilometres (6 miles)')."""
    text = f"{abs(number):.6g}"
    if "." in text:
        return 0.5 * 10.0 ** -len(text.split(".")[1])
    return 0.5 * 10 ** (len(text) - len(text.rstrip("0"))) if number else 0.5


def converted(a: QuantityClaim, b: QuantityClaim) -> bool:
    """Whether two figures in different units are one measure: within 3%, or within the rounding
    of the finer one as written."""
    fa = UNIT_FORMS[a.unit][2] if a.unit in UNIT_FORMS else 1.0
    fb = UNIT_FORMS[b.unit][2] if b.unit in UNIT_FORMS else 1.0
    va, vb = a.number * fa, b.number * fb
    return abs(va - vb) <= max(0.03 * max(abs(va), abs(vb)), min(_rounding(a.number) * fa, _rounding(b.number) * fb))


def similar(a: ClaimBase, b: ClaimBase) -> bool:
    """Aligned well enough to be one fact (alignment's threshold)."""
    return similarity(a, b) >= THRESHOLD


def _open_verdict(a: ClaimBase, b: ClaimBase, score: float) -> tuple[str, str] | None:
    """What two aligned claims say together: ('agree', how), (severity, why) or None (nothing to say)."""
    if isinstance(a, QuantityClaim) and isinstance(b, QuantityClaim):
        (al, ah), (bl, bh) = _base(a), _base(b)
        if a.unit != b.unit and dimension(a) != "count" and a.qualifier == b.qualifier and converted(a, b):
            return "agree", f"'{a.expression}' and '{b.expression}' are the same measure in other units"
        if a.number == b.number and (a.unit == b.unit or dimension(a) == dimension(b) == "count"):
            return "agree", "same figure"
        if part_of_whole(a, b):
            return None  # "a further 20,000", "two women and a man": a part never contradicts a total
        if ah < bl or bh < al:
            return "contradiction", f"'{a.expression}' and '{b.expression}' cannot both be true"
        if (a.qualifier == "exact") != (b.qualifier == "exact") or vague_holds(a, b):
            return None  # an exact figure within the other's approximation
        return "divergence", f"'{a.expression}' against '{b.expression}': different figures"
    if isinstance(a, StatusClaim) and isinstance(b, StatusClaim):
        if a.state == b.state:
            return "agree", "same state"
        assert a.frame is not None
        assert b.frame is not None
        # Opposed states of one participant: a participant both name, or sentences nearly the same;
        # stated by verbs, for an event noun ("since his arrest") refers to an event, it does not report it.
        verbal = "event-noun" not in a.rule and "event-noun" not in b.rule
        phrases = not a.open_vocabulary and not b.open_vocabulary
        conflict = STATE_CONFLICTS.conflict(a.state, b.state, aligned=True, phrases=phrases)
        if (
            conflict is not None
            and verbal
            and (a.frame.participants & b.frame.participants or score >= STRONG_ALIGNMENT)
        ):
            sa, sb = a.state.words(), b.state.words()
            return conflict.severity, f"'{a.expression}' ({sa}) against '{b.expression}' ({sb})"
        return None
    if isinstance(a, AgeClaim) and isinstance(b, AgeClaim):
        if a.value == b.value:
            return "agree", "same number of years"
        return "contradiction", f"age given as {a.value} and as {b.value}"
    if isinstance(a, DateClaim) and isinstance(b, DateClaim):
        if a.date is not None and b.date is not None:
            if a.date == b.date:
                return "agree", date_check(a, b)
            if (a.date.month, a.date.day) == (b.date.month, b.date.day) and not (year_written(a) and year_written(b)):
                return "agree", "same day of the month (a year one account does not give was inferred)"
            return "contradiction", f"'{a.expression}' ({date_value(a)}) against '{b.expression}' ({date_value(b)})"
        # A day without its year ('October 19') against a day with or without one: month and day.
        da, db = _month_day(a), _month_day(b)
        if da and db and a.precision == b.precision == "day":
            if da == db:
                return "agree", "same day of the month"
            return "contradiction", f"'{a.expression}' ({date_value(a)}) against '{b.expression}' ({date_value(b)})"
        # Without two calendar days, the weekdays: one named ("on Friday") or that of a date.
        wa, wb = weekday_of(a), weekday_of(b)
        if wa and wb and (a.precision == "weekday" or b.precision == "weekday"):
            if wa == wb:
                return "agree", "same weekday"
            return "contradiction", f"'{a.expression}' ({wa.capitalize()}) against '{b.expression}' ({wb.capitalize()})"
        return None
    return None


Told = dict[tuple[str, frozenset[str], str], set[StatusState]]
# (source, block, value) -> the claims of that source stating that value of a fact of that block
Stating = dict[tuple[str, tuple[str, ...] | None, str], list[ClaimBase]]


def _told_key(c: StatusClaim) -> tuple[str, frozenset[str], str] | None:
    """Whose outcomes a state is among: its source, who it is about (the frame's participants)
    and its predicate's class; None for a state of no class."""
    if c.frame is None or c.frame.predicate_class is None:
        return None
    return c.source, c.frame.participants, c.frame.predicate_class


def _both_told(a: ClaimBase, b: ClaimBase, told: Told) -> bool:
    """Whether two different states are outcomes one of the two sources tells both of, about the
    one it tells the first of: 'two other workers were injured' is not about the man it says was killed."""
    if not (isinstance(a, StatusClaim) and isinstance(b, StatusClaim)) or a.state == b.state:
        return False
    ka, kb = _told_key(a), _told_key(b)
    return (ka is not None and b.state in told.get(ka, set())) or (kb is not None and a.state in told.get(kb, set()))


def _tells_both(a: ClaimBase, b: ClaimBase, stating: Stating) -> bool:
    """Whether either source also states the other's figure of a fact like this one: a source that
    gives '12 magazines' and '31 magazines' (one raid's and the tally), or 14 points for one player
    and 11 for another, tells two facts; another source's 11 is its other fact, not a contradiction
    of its 14."""
    return _states(a, b, stating) or _states(b, a, stating)


def _states(a: ClaimBase, b: ClaimBase, stating: Stating) -> bool:
    """Whether a's source states b's figure of b's fact elsewhere. In a's own sentence the words
    next to each figure decide ('signed A for $82 million and B for $80 million': the $80 million is
    B's, so another source's $80 million for A still contradicts the $82 million); a time a and b
    share and the other figure lacks sets that one apart."""
    near_a = len(context_lemmas(a) & context_lemmas(b))
    assert a.frame is not None
    assert b.frame is not None
    for c in stating[(a.source, block(a), _open_value(b))]:
        assert c.frame is not None
        if c.id == a.id or (a.frame.time and a.frame.time == b.frame.time != c.frame.time):
            continue  # 'on Monday' against 'on Monday': the other figure is another time's ('over the week')
        if c.start == a.start:
            if len(context_lemmas(c) & context_lemmas(b)) > near_a:
                return True
        elif similar(c, b):
            return True
    return False


def _month_day(c: DateClaim) -> MonthDay | None:
    """The day of the year of a day, with or without its year."""
    return MonthDay.of(c.date) if c.date is not None else c.month_day


def weekday_of(c: DateClaim) -> str | None:
    """The weekday a date claim names or falls on."""
    if c.precision == "weekday":
        return _weekday(c.expression)
    return c.date.strftime("%A").lower() if c.date is not None and c.precision == "day" else None


def _weekday(expression: str) -> str | None:
    m = re.search(r"monday|tuesday|wednesday|thursday|friday|saturday|sunday", expression, re.IGNORECASE)
    return m.group(0).lower() if m else None


def _other_doers(a: ClaimBase, b: ClaimBase) -> bool:
    """Whether two frames name who acts and neither's doer takes part in the other's act ('owner A
    flew ... on Tuesday', 'owner B and manager C flew ... on Thursday'): two acts of one kind, each
    on its own day, not one act dated two ways. Names meet by their last word ('Tove Berg', 'owner
    Tove Berg'), a doer against anyone the other frame names, since a frame may take a passive's
    place for its doer ('X was arrested on Route 9')."""
    assert a.frame is not None
    assert b.frame is not None
    if not a.frame.agents or not b.frame.agents:
        return False

    def last(names: Iterable[str]) -> set[str]:
        return {n.split()[-1] for n in names}

    return not (last(a.frame.agents) & last(b.frame.participants) or last(b.frame.agents) & last(a.frame.participants))


def _open_value(c: ClaimBase) -> str:
    if isinstance(c, QuantityClaim):
        return f"{c.number:g} {c.unit}"
    if isinstance(c, StatusClaim):
        return c.state.key()
    if isinstance(c, DateClaim):
        return c.date.isoformat() if c.date else c.expression.lower()
    return c.display_value()


def _open_subject(a: ClaimBase, b: ClaimBase) -> str:
    """Who an aligned fact is about: a participant both frames name, else the incident."""
    assert a.frame is not None
    assert b.frame is not None
    shared = sorted(a.frame.participants & b.frame.participants)
    if shared and not isinstance(a, QuantityClaim):
        return shared[0].title()
    if isinstance(a, AgeClaim):
        # 'police chief anna berg' and 'anna berg': the name one gives inside the other's.
        everyone = a.frame.participants | b.frame.participants
        named = [x for x in everyone if any(set(x.split()) < set(y.split()) for y in everyone)]
        if named:
            return min(named, key=lambda n: (-len(n), n)).title()
    return "the incident"


def compare_open_facts(
    incident: str, files: list[ClaimsFile], compared: set[str], events: EventAlignment, populations: set[str]
) -> tuple[list[Pending], list[Agreement]]:
    """Findings and agreements among claims with frames: facts aligned across sources by their
    frames (align.py), then judged by the same typed rules as the listed claims. Two listed claims
    are judged here only when the listed rules (by key) compared neither (`compared`); a pair with a
    population of a place (`populations`, compare/population.py) never."""
    by_source: dict[str, list[ClaimBase]] = {
        cf.source.id: [c for c in cf.claims if c.frame is not None] for cf in files
    }
    candidates: dict[tuple[str, str], list[tuple[Severity, str, ClaimBase, ClaimBase]]] = defaultdict(list)
    agreements: list[Agreement] = []
    # The states each sentence states: two sentences that both say "ten were killed and forty
    # injured" list outcomes, so the one's "injured" never contradicts the other's "killed".
    stated: dict[tuple[str, int], set[StatusState]] = defaultdict(set)
    for claims in by_source.values():
        for c in claims:
            if isinstance(c, StatusClaim):
                stated[(c.source, c.start)].add(c.state)
    # The states each source tells of each class and subject anywhere: a source that tells "killed"
    # and "injured" of the same people (the dead and the wounded) knows both outcomes, so another's
    # "injured" is about its wounded, not against its dead; the same for captured and rescued.
    told: Told = defaultdict(set)
    for claims in by_source.values():
        for c in claims:
            if isinstance(c, StatusClaim) and (key := _told_key(c)) is not None:
                told[key].add(c.state)
    years = story_years(files)
    stating: Stating = defaultdict(list)
    for claims in by_source.values():
        for c in claims:
            stating[(c.source, block(c), _open_value(c))].append(c)
    for a, b, score in align_sources(by_source):
        if a.id in compared and b.id in compared:
            continue  # both judged already as one fact
        if a.id in populations or b.id in populations:
            continue  # a place's population: judged as one (compare/population.py), never an event's count
        listed = not a.open_vocabulary and not b.open_vocabulary
        if listed and (a.id in compared or b.id in compared or isinstance(a, QuantityClaim)):
            continue  # two listed figures meet by their keys, which name what they count
        if isinstance(a, AgeClaim) and years_apart(told_in(a, years), told_in(b, years)):
            continue  # stories years apart: a person's age has moved on
        if (
            isinstance(a, StatusClaim)
            and isinstance(b, StatusClaim)
            and a.state != b.state
            and b.state in stated[(a.source, a.start)]
            and a.state in stated[(b.source, b.start)]
        ):
            continue
        if _both_told(a, b, told):
            continue
        verdict = _open_verdict(a, b, score)
        if (
            verdict is not None
            and verdict[0] != "agree"
            and isinstance(a, QuantityClaim)
            and _tells_both(a, b, stating)
        ):
            continue  # one of the two sources gives both figures: two facts, not one told two ways
        if verdict is None or (
            isinstance(a, DateClaim)
            and isinstance(b, DateClaim)
            and verdict[0] != "agree"
            and (not events.same_event(a, b) or events.in_order(a, b) or _other_doers(a, b))
        ):
            continue
        assert a.frame is not None
        subject, attribute = _open_subject(a, b), a.frame.attribute
        # The other places each source states the same value of this fact (a headline and the
        # body): one-to-one alignment kept one of them, the finding cites them all.
        more_a = [c for c in stating[(a.source, block(a), _open_value(a))] if c.id != a.id and similar(c, b)]
        more_b = [c for c in stating[(b.source, block(b), _open_value(b))] if c.id != b.id and similar(a, c)]
        if verdict[0] == "agree":
            value = date_value(a) if isinstance(a, DateClaim) and a.date else a.display_value()
            cited = [a, b, *more_a[:2], *more_b[:2]]
            agreements.append(Agreement(incident, subject, attribute, value, verdict[1], cited, same=_open_value(a)))
        else:
            severity: Severity = "contradiction" if verdict[0] == "contradiction" else "divergence"
            for x, y in [(a, b), *((c, b) for c in more_a[:2]), *((a, c) for c in more_b[:2])]:
                candidates[(subject, attribute)].append((severity, verdict[1], x, y))
    pending: list[Pending] = []
    for (subject, attribute), cands in sorted(candidates.items()):
        pending += keyed(
            group_findings(cands, incident, subject, attribute, _open_value), f"open:{attribute}@{subject}"
        )
    return pending, [_titled(ag) for ag in merge_agreements(agreements)]


def _titled(ag: Agreement) -> Agreement:
    """An agreement merged by the frame's subject and attribute, titled for the reader: a name its
    first two sources' sentences give, 'number of <noun>' for a count (accounts.agreement_title)."""
    firsts: list[ClaimBase] = []
    for c in ag.claims:
        if all(f.source != c.source for f in firsts):
            firsts.append(c)
    if len(firsts) < 2:
        return ag
    ag.subject, ag.attribute = agreement_title(firsts[0], firsts[1], ag.subject)
    return ag
