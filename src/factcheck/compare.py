"""Claims → findings and corroborations, incident by incident.

Claims are compared only within an incident, and only with claims about the same subject and
attribute (blocking by key keeps this near-linear in the number of claims). Each kind has its
own rule: ages and counts as intervals, dates at their precision after resolution, statuses
through an explicit ontology of which states exclude each other.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from factcheck.align import OTHER_TIME, align_sources
from factcheck.extract.mentions import UNIT_FORMS
from factcheck.lexicons import load_lexicon
from factcheck.models import (
    AgeClaim,
    ClaimBase,
    ClaimRef,
    ClaimsFile,
    Corroboration,
    DateClaim,
    Finding,
    Incident,
    QuantityClaim,
    RoleClaim,
    Severity,
    StatusClaim,
    stable_id,
)
from factcheck.resolve import EntityMap, resolve_entities

# Pairs of employment states and what it means when two accounts give them.
EMPLOYMENT: dict[frozenset[str], tuple[Severity, str]] = {
    frozenset({"fired", "not_fired"}): ("contradiction", "one account says fired, the other says not fired"),
    frozenset({"fired", "suspended"}): ("contradiction", "fired (job ended) against suspended (still employed)"),
    frozenset({"fired", "on_leave"}): ("contradiction", "fired (job ended) against placed on leave (still employed)"),
    frozenset({"fired", "resigned"}): ("contradiction", "fired against resigned: the job ended in two different ways"),
    frozenset({"fired", "reinstated"}): ("divergence", "fired against reinstated: possibly a later development"),
    frozenset({"on_leave", "not_fired"}): ("divergence", "placed on leave against told he would not be fired"),
    frozenset({"pressured_to_resign", "not_fired"}): (
        "divergence",
        "pushed to resign against told he would not be fired",
    ),
    frozenset({"suspended", "resigned"}): ("divergence", "suspended against resigned"),
    frozenset({"on_leave", "resigned"}): ("divergence", "on leave against resigned"),
}
SINGULAR_EVENTS = frozenset(load_lexicon("date_events")["singular_events"])
COMPARABLE_MODALITIES = {"asserted", "reported", "negated"}
SEVERITY_ORDER = {"contradiction": 0, "divergence": 1}


@dataclass
class Pending:
    """A finding before ids and references are made."""

    severity: Severity
    incident: str
    subject: str
    attribute: str
    explanation: str
    claims: list[ClaimBase]
    values: tuple[str, str] = ("", "")
    key: str = ""


@dataclass
class Agreement:
    incident: str
    subject: str
    attribute: str
    value: str
    resolution: str
    claims: list[ClaimBase]
    same: str = ""  # what makes two agreements one corroboration (the value, or for a date its day)


class LineIndex:
    """Offsets → line numbers of a source's text, for annotations that point at a line."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)


def claim_ref(claim: ClaimBase, lines: dict[str, LineIndex]) -> ClaimRef:
    index = lines.get(claim.source)
    return ClaimRef(
        claim_id=claim.id,
        source=claim.source,
        start=claim.start,
        end=claim.end,
        quote=claim.quote,
        value=claim.display_value(),
        line=index.line(claim.start) if index else 1,
        speaker=claim.speaker,
    )


def _pairs(
    claims: list[ClaimBase],
    same_source: Callable[[ClaimBase, ClaimBase], bool] | None = None,
) -> Iterable[tuple[ClaimBase, ClaimBase]]:
    for i, a in enumerate(claims):
        for b in claims[i + 1 :]:
            if a.start == b.start and a.source == b.source:
                continue  # one sentence does not argue with itself
            if a.source != b.source or (same_source is not None and same_source(a, b)):
                yield a, b


def _group_findings(
    candidates: list[tuple[Severity, str, ClaimBase, ClaimBase]],
    incident: str,
    subject: str,
    attribute: str,
    value_of: Callable[[ClaimBase], str],
    consistent: Callable[[ClaimBase, ClaimBase], bool] | None = None,
) -> list[Pending]:
    """One finding per fact and pair of conflicting accounts ('27' against '28'), citing every claim
    on each side. Values that agree with each other ('284' and 'nearly 300') form one side."""
    claims_by_value: dict[str, list[ClaimBase]] = defaultdict(list)
    for _, _, a, b in candidates:
        for claim in (a, b):
            if all(c.id != claim.id for c in claims_by_value[value_of(claim)]):
                claims_by_value[value_of(claim)].append(claim)
    parent = {v: v for v in claims_by_value}

    def root(v: str) -> str:
        while parent[v] != v:
            v = parent[v]
        return v

    if consistent is not None:
        values = sorted(claims_by_value)
        members: dict[str, set[str]] = {v: {v} for v in values}
        for i, va in enumerate(values):
            for vb in values[i + 1 :]:
                ra, rb = root(va), root(vb)
                if ra == rb:
                    continue
                # Join only if every value of one side agrees with every value of the other: "about 6.0"
                # agrees with 5.9 and with 6.1, but must not make 5.9 and 6.1 one side.
                if all(
                    consistent(claims_by_value[x][0], claims_by_value[y][0]) for x in members[ra] for y in members[rb]
                ):
                    parent[max(ra, rb)] = min(ra, rb)
                    members[min(ra, rb)] = members[ra] | members[rb]
    groups: dict[tuple[str, str], list[tuple[Severity, str, ClaimBase, ClaimBase]]] = defaultdict(list)
    for cand in candidates:
        ga, gb = root(value_of(cand[2])), root(value_of(cand[3]))
        if ga != gb:
            groups[(min(ga, gb), max(ga, gb))].append(cand)
    out = []
    for sides_key, cands in sorted(groups.items()):
        cands.sort(key=lambda c: (SEVERITY_ORDER[c[0]], c[2].source, c[2].start, c[3].source, c[3].start))
        severity, why = cands[0][0], cands[0][1]
        sides: dict[str, list[ClaimBase]] = {sides_key[0]: [], sides_key[1]: []}
        for _, _, a, b in cands:
            for claim in (a, b):
                side = sides[root(value_of(claim))]
                if all(c.id != claim.id for c in side):
                    side.append(claim)
        claims: list[ClaimBase] = []
        for side in sides.values():
            # One claim per source first, then more places in the same sources, five at most a side.
            side.sort(key=lambda c: (c.source, c.start))
            firsts = {c.source: c for c in reversed(side)}
            ordered = sorted(firsts.values(), key=lambda c: (c.source, c.start))
            ordered += [c for c in side if c not in ordered]
            claims += ordered[:5]
        out.append(Pending(severity, incident, subject, attribute, why, claims, sides_key))
    return out


def _ages(
    claims: list[AgeClaim],
    incident: str,
    subject: str,
    years: dict[str, int | None],
) -> tuple[list[Pending], list[Agreement]]:
    candidates = []
    # One person has one age in one article: two ages within a source are a self-contradiction too.
    for a, b in _pairs(list(claims), lambda a, b: True):
        assert isinstance(a, AgeClaim)
        assert isinstance(b, AgeClaim)
        ya, yb = years.get(a.source), years.get(b.source)
        if ya is not None and yb is not None and abs(ya - yb) >= 2:
            # Stories set years apart (the year of an undated one is a guess, hence the margin).
            continue
        if a.value != b.value:
            candidates.append(("contradiction", f"age given as {a.value} and as {b.value}", a, b))
    agreements = _agree_by_value(
        claims, incident, subject, "age", lambda c: str(c.display_value()), "same number of years"
    )
    return _group_findings(candidates, incident, subject, "age", lambda c: c.display_value()), agreements  # type: ignore[arg-type]


def _agree_by_value(
    claims: Iterable[ClaimBase],
    incident: str,
    subject: str,
    attribute: str,
    value_of: Callable[[ClaimBase], str | None],
    resolution: str,
) -> list[Agreement]:
    groups: dict[str, list[ClaimBase]] = defaultdict(list)
    for claim in claims:
        value = value_of(claim)
        if value is not None:
            groups[value].append(claim)
    agreements = []
    for value, members in sorted(groups.items()):
        by_source: dict[str, list[ClaimBase]] = defaultdict(list)
        for claim in members:
            if len(by_source[claim.source]) < 3 and all(c.start != claim.start for c in by_source[claim.source]):
                by_source[claim.source].append(claim)  # up to three places a source states it
        if len(by_source) >= 2:
            firsts = [claims[0] for _, claims in sorted(by_source.items())]
            rest = [c for _, claims in sorted(by_source.items()) for c in claims[1:]]
            chosen = sorted((firsts + rest)[:10], key=lambda c: (c.source, c.start))
            agreements.append(Agreement(incident, subject, attribute, value, resolution, chosen))
    return agreements


def _status(claims: list[StatusClaim], incident: str, subject: str) -> tuple[list[Pending], list[Agreement]]:
    usable = [c for c in claims if c.modality in COMPARABLE_MODALITIES]
    domain = usable[0].domain if usable else "employment"
    attribute = f"{domain} status"
    candidates: list[tuple[Severity, str, ClaimBase, ClaimBase]] = []
    for a, b in _pairs(list(usable)):
        assert isinstance(a, StatusClaim)
        assert isinstance(b, StatusClaim)
        pair = frozenset({a.state, b.state})
        if a.domain == "employment" and pair in EMPLOYMENT:
            severity, why = EMPLOYMENT[pair]
            candidates.append((severity, why, a, b))
        elif a.domain == "legal" and (a.state == "not_" + b.state or b.state == "not_" + a.state):
            candidates.append(
                ("contradiction", f"{a.state.replace('_', ' ')} against {b.state.replace('_', ' ')}", a, b)
            )
    agreements = _agree_by_value(
        [c for c in usable if c.domain == "employment"],
        incident,
        subject,
        attribute,
        lambda c: c.state if isinstance(c, StatusClaim) else None,
        "same state in the status ontology",
    )
    return _group_findings(
        candidates, incident, subject, attribute, lambda c: getattr(c, "state", ""), _compatible_states
    ), agreements


def _compatible_states(a: ClaimBase, b: ClaimBase) -> bool:
    """States one account can hold together ('placed on leave' and 'pushed to resign'), so they
    form one side of a finding."""
    if not isinstance(a, StatusClaim) or not isinstance(b, StatusClaim):
        return False
    pair = frozenset({a.state, b.state})
    return pair not in EMPLOYMENT and a.state != "not_" + b.state and b.state != "not_" + a.state


POSITION_OF = {w: canon for canon, words in load_lexicon("positions")["synonyms"].items() for w in [canon, *words]}


def _position(c: ClaimBase) -> str:
    return POSITION_OF.get(c.position, c.position) if isinstance(c, RoleClaim) else ""


def _roles(claims: list[RoleClaim], incident: str, subject: str) -> tuple[list[Pending], list[Agreement]]:
    """Positions of one person: two sources that give no position in common describe them differently."""
    by_source: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        by_source[c.source].add(_position(c))
    candidates: list[tuple[Severity, str, ClaimBase, ClaimBase]] = []
    for a, b in _pairs(list(claims)):
        if not by_source[a.source] & by_source[b.source]:
            candidates.append(
                ("divergence", f"described as {_position(a)} in one source, {_position(b)} in another", a, b)
            )
    agreements = _agree_by_value(claims, incident, subject, "position", _position, "same position")
    return _group_findings(candidates, incident, subject, "position", _position), agreements


def _quantities(
    claims: list[QuantityClaim],
    incident: str,
    subject: str,
    attribute: str,
) -> tuple[list[Pending], list[Agreement]]:
    candidates: list[tuple[Severity, str, ClaimBase, ClaimBase]] = []

    def different_speakers(a: ClaimBase, b: ClaimBase) -> bool:
        # Within one article, two figures for one fact matter when two people give them.
        return a.speaker != b.speaker

    for a, b in _pairs(list(claims), different_speakers):
        assert isinstance(a, QuantityClaim)
        assert isinstance(b, QuantityClaim)
        if {"quantity.partial", "quantity.money-hedged"} & {a.rule, b.rule}:
            continue  # part of a count ("278 of them") may agree with another source, never contradict one
        if a.unit == "magnitude" and abs(a.number - b.number) > 1.0:
            continue  # reports of one quake differ by tenths; a whole point apart is another quake
        if a.number == b.number:
            if a.direction and b.direction and a.direction != b.direction:
                candidates.append(
                    ("contradiction", f"the same distance, but {a.direction} against {b.direction}", a, b)
                )
            continue
        a_low, a_high = a.low if a.low is not None else float("-inf"), a.high if a.high is not None else float("inf")
        b_low, b_high = b.low if b.low is not None else float("-inf"), b.high if b.high is not None else float("inf")
        if a_high < b_low or b_high < a_low:
            candidates.append(("contradiction", f"'{a.expression}' and '{b.expression}' cannot both be true", a, b))
        elif (a.qualifier == "exact") != (b.qualifier == "exact"):
            continue  # "284" lies within "nearly 300": an approximation of the same figure, not a conflict
        else:
            candidates.append(("divergence", f"'{a.expression}' against '{b.expression}': different figures", a, b))
    agreements = _agree_by_value(
        claims,
        incident,
        subject,
        attribute,
        _figure,
        "same figure",
    )
    return _group_findings(candidates, incident, subject, attribute, _quantity_value, _consistent_figures), agreements


def _figure(c: ClaimBase) -> str | None:
    """A figure as agreements compare it: the number, its unit and (for a distance) its direction."""
    return f"{c.number:g} {c.unit} {c.direction or ''}".strip() if isinstance(c, QuantityClaim) else None


def _consistent_figures(a: ClaimBase, b: ClaimBase) -> bool:
    """Same figure, or an exact figure inside the other's approximation ('284', 'nearly 300')."""
    if not isinstance(a, QuantityClaim) or not isinstance(b, QuantityClaim):
        return False
    if a.direction != b.direction:
        return False
    if a.number == b.number:
        return True
    if (a.qualifier == "exact") == (b.qualifier == "exact"):
        return False
    exact, approx = (a, b) if a.qualifier == "exact" else (b, a)
    low = approx.low if approx.low is not None else float("-inf")
    high = approx.high if approx.high is not None else float("inf")
    return low <= exact.number <= high


def _quantity_value(c: ClaimBase) -> str:
    if not isinstance(c, QuantityClaim):
        return ""
    return f"{c.qualifier} {c.number:g} {c.unit}" + (f" {c.direction}" if c.direction else "")


def _day_key(c: DateClaim) -> str | None:
    if c.precision == "year":
        return c.month_day  # the year, for "until 2029"
    if c.date is not None:
        return c.date.strftime("%m-%d")
    return c.month_day


def _date_value(c: DateClaim) -> str:
    if c.date is not None:
        return c.date.strftime("%A %d %B %Y").replace(" 0", " ")
    if c.month_day and c.precision != "year":
        month, day = (int(x) for x in c.month_day.split("-"))
        return f"{day} {dt.date(2000, month, day).strftime('%B')}"
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


def _date_check(a: DateClaim, b: DateClaim) -> str:
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


def _dates(
    claims: list[DateClaim], incident: str, event: str, emap: EntityMap, subjects: dict[str, str], singular: bool
) -> tuple[list[Pending], list[Agreement]]:
    """Dates of one event. A conflict needs the same named person on both sides, or, for an event
    an incident has once (a deal completed, a quake), no other person; agreement accepts a group
    ('the couple') as the same actor."""
    resolved = [c for c in claims if c.resolved and c.precision in ("day", "weekday", "year")]
    candidates: dict[str, list[tuple[Severity, str, ClaimBase, ClaimBase]]] = defaultdict(list)
    agreements: list[Agreement] = []
    for a, b in _date_pairs(resolved):
        if (a.precision == "year") != (b.precision == "year"):
            continue
        person_a, person_b = subjects[a.id].partition("@")[2], subjects[b.id].partition("@")[2]
        same_person = bool(person_a) and person_a == person_b and not person_a.startswith("g:")
        # Agreement is looser than conflict: a group or an unnamed actor may be the same person.
        compatible = same_person or not person_a or not person_b or "g:" in (person_a[:2], person_b[:2])
        one_actor = (
            same_person
            or (a.start == b.start and a.source == b.source)
            or (singular and (not person_a or not person_b or person_a == person_b))
        )
        ka, kb = _day_key(a), _day_key(b)
        if ka is None or kb is None:
            continue
        years_differ = a.date is not None and b.date is not None and a.date.year != b.date.year
        if ka == kb and not years_differ and (compatible or one_actor):
            how = _date_check(a, b)
            who = person_a if person_a and not person_a.startswith("g:") else person_b
            agreements.append(
                Agreement(
                    incident,
                    emap.label(who) if who else "the incident",
                    _date_attribute(event),
                    _date_value(a if a.date else b),
                    how,
                    [a, b],
                    same=ka,
                )
            )
        elif (ka != kb or years_differ) and one_actor:
            if same_person and not _same_date_event(a, b):
                continue  # another event of the same person ("detained again in July"), not this one
            who = person_a or person_b
            candidates[who].append(
                (
                    "contradiction",
                    f"'{a.expression}' ({_date_value(a)}) against '{b.expression}' ({_date_value(b)})",
                    a,
                    b,
                )
            )

    def value_of(c: ClaimBase) -> str:
        return (c.date.isoformat() if c.date else (c.month_day or "")) if isinstance(c, DateClaim) else ""

    findings: list[Pending] = []
    for who, cands in sorted(candidates.items()):
        label = emap.label(who) if who else "the incident"
        findings += _keyed(
            _group_findings(cands, incident, label, _date_attribute(event), value_of, _same_day), f"{event}@{who}"
        )
    return findings, _merge_agreements(agreements)


def _merge_agreements(agreements: list[Agreement]) -> list[Agreement]:
    """Pairwise agreements on one value become one corroboration citing every source."""
    merged: dict[tuple[str, str, str], Agreement] = {}
    for ag in agreements:
        key = (ag.subject, ag.attribute, ag.same or ag.value)
        if key not in merged:
            merged[key] = Agreement(
                ag.incident, ag.subject, ag.attribute, ag.value, ag.resolution, list(ag.claims), ag.same
            )
            continue
        target = merged[key]
        if len(ag.value) > len(target.value):
            target.value = ag.value  # the fuller form: "Monday 5 July 2021" over "5 July"
        for claim in ag.claims:
            same_source = [c for c in target.claims if c.source == claim.source]
            # Up to three places a source states it, ten claims in all.
            if all(c.id != claim.id for c in same_source) and len(same_source) < 3 and len(target.claims) < 10:
                target.claims.append(claim)
                if not same_source and isinstance(claim, DateClaim) and claim.resolution not in target.resolution:
                    target.resolution += f"; '{claim.expression}' ({claim.source}): {claim.resolution}"
    return list(merged.values())


def compare_incident(incident: Incident, files: list[ClaimsFile]) -> tuple[list[Pending], list[Agreement], EntityMap]:
    """Every finding and agreement among the claims of one incident."""
    emap = resolve_entities(files)
    ages: dict[str, list[AgeClaim]] = defaultdict(list)
    statuses: dict[tuple[str, str], list[StatusClaim]] = defaultdict(list)
    quantities: dict[tuple[str, str | None], list[QuantityClaim]] = defaultdict(list)
    dates: dict[str, list[DateClaim]] = defaultdict(list)
    date_subjects: dict[str, str] = {}
    roles: dict[str, list[RoleClaim]] = defaultdict(list)
    for cf in files:
        sid = cf.source.id
        for claim in cf.claims:
            if claim.rule.startswith("mention."):
                continue  # open-vocabulary claims are compared once aligned by their frames (align.py)
            key = emap.global_key(sid, claim.subject)
            if isinstance(claim, AgeClaim):
                if not key.startswith("g:"):
                    ages[key].append(claim)
            elif isinstance(claim, StatusClaim):
                if not key.startswith("g:"):
                    statuses[(key, claim.domain)].append(claim)
            elif isinstance(claim, QuantityClaim):
                # Vague amounts ("dozens", "several") are too loose to contradict anything.
                if claim.rule != "quantity.vague":
                    quantities[(key, claim.incident_hint)].append(claim)
            elif isinstance(claim, RoleClaim):
                if key.startswith("E-"):
                    roles[key].append(claim)
            elif isinstance(claim, DateClaim):
                dates[claim.event].append(claim)
                date_subjects[claim.id] = key
    pending: list[Pending] = []
    agreed: list[Agreement] = []
    for key, group in sorted(ages.items()):
        f, a = _ages(group, incident.id, emap.label(key), {cf.source.id: cf.year for cf in files})
        pending += _keyed(f, key)
        agreed += a
    for (key, _domain), sgroup in sorted(statuses.items()):
        f, a = _status(sgroup, incident.id, emap.label(key))
        pending += _keyed(f, key)
        agreed += a
    for (key, hint), qgroup in sorted(quantities.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        base, _, who = key.partition("@")
        event, _, unit = base.rpartition(":")  # "attack:agents:people": the unit comes last
        subject, attribute = _quantity_fact(event, unit)
        if who:
            subject = emap.label(who)
        if hint:
            # another time the article recalls: "events of 2003", "earlier events"
            subject = (
                f"{subject} (earlier events)" if hint == "earlier" else f"{subject} (events of {hint.capitalize()})"
            )
        f, a = _quantities(qgroup, incident.id, subject, attribute)
        pending += _keyed(f, f"{key}|{hint}")
        agreed += a
    agreed += _unattributed_agreements(quantities, incident, emap)
    for key, rgroup in sorted(roles.items()):
        f, a = _roles(rgroup, incident.id, emap.label(key))
        pending += _keyed(f, key)
        agreed += a
    for event, dgroup in sorted(dates.items()):
        subjects = {c.id: date_subjects[c.id] for c in dgroup}
        f, a = _dates(dgroup, incident.id, event, emap, subjects, event in SINGULAR_EVENTS)
        pending += f
        agreed += a
    compared = {c.id for p in pending for c in p.claims} | {c.id for ag in agreed for c in ag.claims}
    f, a = _open_facts(incident.id, files, compared)
    pending += f
    agreed += a
    return pending, agreed, emap


STRONG_ALIGNMENT = 0.7  # frames this alike are one fact even without a participant in common
OPPOSED: dict[str, frozenset[str]] = {
    state: frozenset(others) for state, others in load_lexicon("predicates")["opposed"].items()
}


def _opposed(a: str, b: str) -> bool:
    """States one account cannot hold with the other: the lexicon's pairs, and a state against its negation."""
    return a == f"not_{b}" or b == f"not_{a}" or b in OPPOSED.get(a, ()) or a in OPPOSED.get(b, ())


def _base(c: QuantityClaim) -> tuple[float, float]:
    """A quantity's interval in its dimension's base unit (metres, hours, kilograms)."""
    factor = UNIT_FORMS[c.unit][2] if c.unit in UNIT_FORMS and c.rule != "mention.count" else 1.0
    low = c.low if c.low is not None else float("-inf")
    high = c.high if c.high is not None else float("inf")
    return low * factor, high * factor


def _open_verdict(a: ClaimBase, b: ClaimBase, score: float) -> tuple[str, str] | None:
    """What two aligned claims say together: ('agree', how), (severity, why) or None (nothing to say)."""
    if isinstance(a, QuantityClaim) and isinstance(b, QuantityClaim):
        (al, ah), (bl, bh) = _base(a), _base(b)
        if (
            a.unit != b.unit
            and a.rule != "mention.count"
            and a.qualifier == b.qualifier == "exact"
            and abs(al - bl) <= 0.03 * max(abs(al), abs(bl))
        ):
            return "agree", f"'{a.expression}' and '{b.expression}' are the same measure in other units"
        if a.number == b.number and (a.unit == b.unit or a.rule == b.rule == "mention.count"):
            return "agree", "same figure"
        if ah < bl or bh < al:
            return "contradiction", f"'{a.expression}' and '{b.expression}' cannot both be true"
        if (a.qualifier == "exact") != (b.qualifier == "exact"):
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
        if (
            _opposed(a.state, b.state)
            and verbal
            and (a.frame.participants & b.frame.participants or score >= STRONG_ALIGNMENT)
        ):
            sa, sb = a.state.replace("_", " "), b.state.replace("_", " ")
            return "contradiction", f"'{a.expression}' ({sa}) against '{b.expression}' ({sb})"
        return None
    if isinstance(a, DateClaim) and isinstance(b, DateClaim):
        if a.date is not None and b.date is not None:
            if a.date == b.date:
                return "agree", _date_check(a, b)
            return "contradiction", f"'{a.expression}' ({_date_value(a)}) against '{b.expression}' ({_date_value(b)})"
        # Without two calendar days, the weekdays: one named ("on Friday") or that of a date.
        wa, wb = _weekday_of(a), _weekday_of(b)
        if wa and wb and (a.precision == "weekday" or b.precision == "weekday"):
            if wa == wb:
                return "agree", "same weekday"
            return "contradiction", f"'{a.expression}' ({wa.capitalize()}) against '{b.expression}' ({wb.capitalize()})"
        return None
    return None


def _weekday_of(c: DateClaim) -> str | None:
    """The weekday a date claim names or falls on."""
    if c.precision == "weekday":
        return _weekday(c.expression)
    return c.date.strftime("%A").lower() if c.date is not None and c.precision == "day" else None


def _weekday(expression: str) -> str | None:
    m = re.search(r"monday|tuesday|wednesday|thursday|friday|saturday|sunday", expression, re.IGNORECASE)
    return m.group(0).lower() if m else None


def _open_value(c: ClaimBase) -> str:
    if isinstance(c, QuantityClaim):
        return f"{c.number:g} {c.unit}"
    if isinstance(c, StatusClaim):
        return c.state
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
    return "the incident"


def _open_facts(incident: str, files: list[ClaimsFile], compared: set[str]) -> tuple[list[Pending], list[Agreement]]:
    """Findings and agreements among claims with frames: facts aligned across sources by their
    frames (align.py), then judged by the same typed rules as the listed claims. Two listed claims
    are judged here only when the listed rules (by key) compared neither (`compared`)."""
    by_source: dict[str, list[ClaimBase]] = {
        cf.source.id: [c for c in cf.claims if c.frame is not None] for cf in files
    }
    candidates: dict[tuple[str, str], list[tuple[Severity, str, ClaimBase, ClaimBase]]] = defaultdict(list)
    agreements: list[Agreement] = []
    # The states each sentence states: two sentences that both say "ten were killed and forty
    # injured" list outcomes, so the one's "injured" never contradicts the other's "killed".
    stated: dict[tuple[str, int], set[str]] = defaultdict(set)
    for claims in by_source.values():
        for c in claims:
            if isinstance(c, StatusClaim):
                stated[(c.source, c.start)].add(c.state)
    for a, b, score in align_sources(by_source):
        listed = not a.rule.startswith("mention.") and not b.rule.startswith("mention.")
        if listed and (a.id in compared or b.id in compared):
            continue
        if (
            isinstance(a, StatusClaim)
            and isinstance(b, StatusClaim)
            and a.state != b.state
            and b.state in stated[(a.source, a.start)]
            and a.state in stated[(b.source, b.start)]
        ):
            continue
        verdict = _open_verdict(a, b, score)
        if verdict is None:
            continue
        assert a.frame is not None
        subject, attribute = _open_subject(a, b), a.frame.attribute
        if verdict[0] == "agree":
            value = _date_value(a) if isinstance(a, DateClaim) and a.date else a.display_value()
            agreements.append(Agreement(incident, subject, attribute, value, verdict[1], [a, b], same=_open_value(a)))
        else:
            severity: Severity = "contradiction" if verdict[0] == "contradiction" else "divergence"
            candidates[(subject, attribute)].append((severity, verdict[1], a, b))
    pending: list[Pending] = []
    for (subject, attribute), cands in sorted(candidates.items()):
        pending += _keyed(
            _group_findings(cands, incident, subject, attribute, _open_value), f"open:{attribute}@{subject}"
        )
    return pending, _merge_agreements(agreements)


def _unattributed_agreements(
    quantities: dict[tuple[str, str | None], list[QuantityClaim]], incident: Incident, emap: EntityMap
) -> list[Agreement]:
    """A duration said of nobody in particular ("and sentenced to 30 days") agrees with the same
    duration said of the one person the incident has it for."""
    out: list[Agreement] = []
    for (key, hint), loose in sorted(quantities.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        if "@" in key:
            continue
        owned = [(k, claims) for (k, h), claims in quantities.items() if h == hint and k.startswith(key + "@")]
        if len(owned) != 1:
            continue
        who_key, claims = owned[0]
        attribute = f"{key.partition(':')[2]} ({key.partition(':')[0]})"
        for ag in _agree_by_value(
            [*claims, *loose],
            incident.id,
            emap.label(who_key.partition("@")[2]),
            attribute,
            _figure,
            "same figure",
        ):
            if any(c in loose for c in ag.claims) and any(c in claims for c in ag.claims):
                out.append(ag)
    return out


QUANTITY_EVENTS = {
    "detain": "detained", "kill": "killed", "injure": "injured", "release": "released", "attack": "attacked",
    "sentence": "in the sentence", "deliberate": "of deliberation", "evacuate": "evacuated", "gather": "gathered",
    "damage": "damaged", "shelter": "without shelter", "pay": "paid", "fund": "raised", "seize": "found or seized",
    "strike": "of the quake", "aftershock": "of the aftershock", "contract": "of the contract", "score": "scored",
    "employ": "employed", "salary": "earned", "count": "counted",
}  # fmt: skip


def _quantity_fact(event: str, unit: str) -> tuple[str, str]:
    """What a figure is about and what it measures, as a reader says it: ('the incident', 'number of
    people detained'), ('the quake', 'magnitude'), ('the incident', 'amount paid in cash (USD)')."""
    kind, _, role = event.partition(":")
    verb = QUANTITY_EVENTS.get(kind, kind)
    if unit == "magnitude":
        return ("the aftershock" if kind == "aftershock" else "the quake"), "magnitude"
    if unit in ("kilometres", "miles"):
        return "the incident", event  # "distance from Aden"
    if kind in ("pay", "fund", "seize", "salary"):
        part = f" in {role}" if role in ("cash", "stock") else f" ({role.replace('funding:', '')})" if role else ""
        return "the incident", f"amount {verb}{part} ({unit})"
    if unit in ("days", "hours", "minutes"):
        return "the incident", f"time {verb} ({unit})"
    if role == "agents":
        return "the incident", f"number of {unit} who {verb}"  # "twenty men beat him": the attackers
    return "the incident", f"number of {unit} {verb}"


def _keyed(findings: list[Pending], key: str) -> list[Pending]:
    for finding in findings:
        finding.key = key
    return findings


def _refs_with_anchors(claims: list[ClaimBase], lines: dict[str, LineIndex]) -> list[ClaimRef]:
    """Evidence of each claim, plus the sentence a relative date counts from, so the arithmetic
    ('four days later' from 'July 5') can be checked."""
    refs = [claim_ref(c, lines) for c in claims]
    cited = {(r.source, r.start) for r in refs}
    for c in claims:
        if isinstance(c, DateClaim) and c.anchor is not None and (c.anchor.source, c.anchor.start) not in cited:
            index = lines.get(c.anchor.source)
            refs.append(
                ClaimRef(
                    claim_id=f"{c.id}:anchor",
                    source=c.anchor.source,
                    start=c.anchor.start,
                    end=c.anchor.end,
                    quote=c.anchor.quote,
                    value=f"the date '{c.expression}' counts from",
                    line=index.line(c.anchor.start) if index else 1,
                )
            )
            cited.add((c.anchor.source, c.anchor.start))
    return refs[:10]


def finalize(
    pending: list[Pending],
    agreed: list[Agreement],
    lines: dict[str, LineIndex],
) -> tuple[list[Finding], list[Corroboration]]:
    """Give findings and corroborations their stable ids and evidence references, in a fixed order."""
    findings = []
    for p in pending:
        findings.append(
            Finding(
                # Stable across runs and when sources are added: the fact and the two values.
                id=stable_id("F-", p.key or p.subject, p.attribute, *p.values),
                severity=p.severity,
                incident=p.incident,
                subject=p.subject,
                attribute=p.attribute,
                explanation=p.explanation,
                claims=_refs_with_anchors(p.claims, lines),
            )
        )
    findings.sort(key=lambda f: (SEVERITY_ORDER[f.severity], f.incident, f.subject, f.attribute, f.id))
    corroborations = []
    for ag in agreed:
        ids = sorted(c.id for c in ag.claims)
        corroborations.append(
            Corroboration(
                id=stable_id("A-", ag.attribute, ag.value, *ids),
                incident=ag.incident,
                subject=ag.subject,
                attribute=ag.attribute,
                value=ag.value,
                resolution=ag.resolution,
                claims=[claim_ref(c, lines) for c in sorted(ag.claims, key=lambda c: (c.source, c.start))],
            )
        )
    corroborations.sort(key=lambda c: (c.incident, c.subject, c.attribute, c.id))
    return findings, corroborations
