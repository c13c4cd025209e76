"""One incident's claims → its findings and agreements: listed claims by kind, then open facts and places.

Each kind of listed claim is a row of `KIND_RULES`: the fact a claim is filed under (its party, and
a domain or a time the article recalls) and the rule that judges the claims of one fact. One loop
files every claim and runs every row, in the table's order."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, Generic, TypeVar

from factcheck.compare.ages import compare_ages, story_years
from factcheck.compare.agree import merge_linked, residence_agreements, value_agreements
from factcheck.compare.align import guessed_sum
from factcheck.compare.causes import compare_causes
from factcheck.compare.dates import compare_dates
from factcheck.compare.events import SINGULAR_EVENTS, EventAlignment, align_events, people_of, weekday_checks
from factcheck.compare.groups import Agreement, Pending, keyed
from factcheck.compare.open_facts import compare_open_facts
from factcheck.compare.placement import compare_placements
from factcheck.compare.population import compare_populations
from factcheck.compare.quantities import (
    FigureKey,
    compare_quantities,
    figure_order,
    quantity_fact,
    unattributed_agreements,
)
from factcheck.compare.roles import compare_holders, compare_roles
from factcheck.compare.slots import compare_events, compare_places
from factcheck.compare.status import compare_status
from factcheck.models import (
    AgeClaim,
    CauseClaim,
    ClaimBase,
    ClaimsFile,
    DateClaim,
    Dated,
    EntityRef,
    Figure,
    Group,
    Incident,
    Party,
    QuantityClaim,
    RoleClaim,
    StatusClaim,
    WhoModel,
    with_owner,
)
from factcheck.resolve import EntityMap, resolve_entities

C = TypeVar("C", bound=ClaimBase)
K = TypeVar("K")
Judged = tuple[list[Pending], list[Agreement]]


@dataclass(frozen=True)
class Scope:
    """What a kind's rule reads besides its claims: the incident, its claims files, who is who."""

    incident: Incident
    files: list[ClaimsFile]
    emap: EntityMap
    parties: dict[str, Party | None]  # claim id → whom it is about, across sources
    events: EventAlignment = field(default_factory=EventAlignment)  # dated events, aligned across sources


@dataclass(frozen=True)
class KindRule(Generic[C, K]):
    """One kind of listed claim: the fact a claim is filed under (None: never compared), the rule
    that judges the claims of one fact, the order facts are judged in (None: their keys' order),
    and agreements found across facts."""

    rule: str
    kind: type[C]
    fact: Callable[[C, Party | None], K | None]
    judge: Callable[[Scope, K, list[C]], Judged]
    order: Callable[[tuple[K, list[C]]], Any] | None = None
    across: Callable[[Scope, dict[K, list[C]]], list[Agreement]] | None = None


def _person(claim: ClaimBase, party: Party | None) -> Party | None:
    """Ages and statuses belong to one person or body, not to a group ('the couple')."""
    return None if party is None or isinstance(party, Group) else party


def _status_fact(claim: StatusClaim, party: Party | None) -> tuple[Party, str] | None:
    person = _person(claim, party)
    return None if person is None else (person, claim.domain)


def _figure_fact(claim: QuantityClaim, party: Party | None) -> FigureKey | None:
    # Vague amounts ("dozens", "several") are too loose to contradict anything.
    if not isinstance(claim.subject, Figure) or claim.rule == "quantity.vague":
        return None
    if guessed_sum(claim):
        return None
    return claim.subject.model_copy(update={"of": None}), party, claim.incident_hint  # its owner is the party


def _role_fact(claim: RoleClaim, party: Party | None) -> Party | None:
    if claim.held_in is not None:
        return None  # a position's holder in the case meets other holders of it, not the person's positions
    return party if isinstance(party, EntityRef) else None


def _holder_fact(claim: RoleClaim, party: Party | None) -> str | None:
    return claim.position if claim.held_in is not None else None


def _date_fact(claim: DateClaim, party: Party | None) -> str:
    return claim.event  # dates meet by event; whose they are is read from scope.parties


def _judge_ages(scope: Scope, party: Party, claims: list[AgeClaim]) -> Judged:
    f, a = compare_ages(claims, scope.incident.id, scope.emap.label(party), story_years(scope.files))
    return keyed(f, party.key()), a


def _judge_status(scope: Scope, fact: tuple[Party, str], claims: list[StatusClaim]) -> Judged:
    f, a = compare_status(claims, scope.incident.id, scope.emap.label(fact[0]), scope.events)
    return keyed(f, fact[0].key()), a


def _judge_causes(scope: Scope, party: Party, claims: list[CauseClaim]) -> Judged:
    f, a = compare_causes(claims, scope.incident.id, scope.emap.label(party))
    return keyed(f, f"cause:{party.key()}"), a


def _judge_figures(scope: Scope, fact: FigureKey, claims: list[QuantityClaim]) -> Judged:
    figure, owner, hint = fact
    subject_label, attribute = quantity_fact(figure)
    if owner is not None:
        subject_label = scope.emap.label(owner)
    if hint:
        # another time the article recalls: "events of 2003", "earlier events"
        subject_label = (
            f"{subject_label} (earlier events)"
            if hint == "earlier"
            else f"{subject_label} (events of {hint.capitalize()})"
        )
    f, a = compare_quantities(claims, scope.incident.id, subject_label, attribute)
    return keyed(f, f"{with_owner(figure.head(), owner)}|{hint}"), a


def _unattributed(scope: Scope, facts: dict[FigureKey, list[QuantityClaim]]) -> list[Agreement]:
    return unattributed_agreements(facts, scope.incident, scope.emap)


def _judge_roles(scope: Scope, party: Party, claims: list[RoleClaim]) -> Judged:
    f, a = compare_roles(claims, scope.incident.id, scope.emap.label(party))
    return keyed(f, party.key()), a


def _judge_holders(scope: Scope, position: str, claims: list[RoleClaim]) -> Judged:
    f, a = compare_holders(claims, scope.incident.id, position)
    return keyed(f, f"holder:{position}"), a


def _judge_dates(scope: Scope, event: str, claims: list[DateClaim]) -> Judged:
    parties = {c.id: scope.parties[c.id] for c in claims}
    singular = event in SINGULAR_EVENTS
    return compare_dates(claims, scope.incident.id, event, scope.emap, parties, singular, scope.events)


KIND_RULES: tuple[KindRule[Any, Any], ...] = (
    KindRule("age", AgeClaim, _person, _judge_ages),
    KindRule("status", StatusClaim, _status_fact, _judge_status),
    KindRule("cause", CauseClaim, _person, _judge_causes),
    KindRule("figure", QuantityClaim, _figure_fact, _judge_figures, figure_order, _unattributed),
    KindRule("role", RoleClaim, _role_fact, _judge_roles),
    KindRule("holder", RoleClaim, _holder_fact, _judge_holders),
    KindRule("date", DateClaim, _date_fact, _judge_dates),
)


def compare_incident(incident: Incident, files: list[ClaimsFile]) -> tuple[list[Pending], list[Agreement], EntityMap]:
    """Every finding and agreement among the claims of one incident."""
    emap = resolve_entities(files)
    scope = Scope(incident, files, emap, {})
    filed: dict[str, dict[Any, list[ClaimBase]]] = {r.rule: defaultdict(list) for r in KIND_RULES}
    for cf in files:
        sid = cf.source.id
        for claim in cf.claims:
            if claim.open_vocabulary:
                continue  # open-vocabulary claims are compared once aligned by their frames (align.py)
            subject = claim.subject
            if isinstance(subject, Figure | Dated):
                party = emap.party(sid, subject.of) if subject.of is not None else None
            else:
                party = emap.party(sid, subject) if isinstance(subject, WhoModel) else None
            scope.parties[claim.id] = party
            for rule in KIND_RULES:
                fact = rule.fact(claim, party) if isinstance(claim, rule.kind) else None
                if fact is not None:
                    filed[rule.rule][fact].append(claim)
    dates = {cf.source.id: [c for c in cf.claims if isinstance(c, DateClaim)] for cf in files}
    every_date = [c for claims in dates.values() for c in claims]
    scope = replace(scope, events=align_events(dates, people_of(every_date, dict(scope.parties))))
    pending: list[Pending] = weekday_checks(incident.id, scope.events)
    agreed: list[Agreement] = []
    for rule in KIND_RULES:
        facts = filed[rule.rule]
        for fact, claims in sorted(facts.items(), key=rule.order) if rule.order else sorted(facts.items()):
            f, a = rule.judge(scope, fact, claims)
            pending += f
            agreed += a
        if rule.across is not None:
            agreed += rule.across(scope, facts)
    found, agreed_here, populations = compare_populations(incident.id, files)  # never judged as open facts
    pending += found
    agreed += agreed_here
    compared = {c.id for p in pending for c in p.claims} | {c.id for ag in agreed for c in ag.claims}
    for f, a in (
        compare_open_facts(incident.id, files, compared, scope.events, populations),
        compare_places(incident.id, files),
        compare_events(incident.id, files),
    ):
        pending += f
        agreed += a
    pending += compare_placements(incident.id, files)
    agreed = merge_linked(agreed + value_agreements(incident.id, files) + residence_agreements(incident.id, files))
    return pending, agreed, emap
