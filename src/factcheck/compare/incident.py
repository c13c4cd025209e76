"""One incident's claims → its findings and agreements: listed claims by kind, then open facts."""

from __future__ import annotations

from collections import defaultdict

from factcheck.compare.ages import compare_ages
from factcheck.compare.dates import SINGULAR_EVENTS, compare_dates
from factcheck.compare.groups import Agreement, Pending, keyed
from factcheck.compare.open_facts import compare_open_facts
from factcheck.compare.quantities import (
    FigureKey,
    compare_quantities,
    figure_order,
    quantity_fact,
    unattributed_agreements,
)
from factcheck.compare.roles import compare_roles
from factcheck.compare.slots import compare_places
from factcheck.compare.status import compare_status
from factcheck.models import (
    AgeClaim,
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


def compare_incident(incident: Incident, files: list[ClaimsFile]) -> tuple[list[Pending], list[Agreement], EntityMap]:
    """Every finding and agreement among the claims of one incident."""
    emap = resolve_entities(files)
    ages: dict[Party, list[AgeClaim]] = defaultdict(list)
    statuses: dict[tuple[Party, str], list[StatusClaim]] = defaultdict(list)
    quantities: dict[FigureKey, list[QuantityClaim]] = defaultdict(list)
    dates: dict[str, list[DateClaim]] = defaultdict(list)
    date_parties: dict[str, Party | None] = {}
    roles: dict[Party, list[RoleClaim]] = defaultdict(list)
    for cf in files:
        sid = cf.source.id
        for claim in cf.claims:
            if claim.rule.startswith("mention."):
                continue  # open-vocabulary claims are compared once aligned by their frames (align.py)
            subject = claim.subject
            if isinstance(subject, Figure | Dated):
                party = emap.party(sid, subject.of) if subject.of is not None else None
            else:
                party = emap.party(sid, subject) if isinstance(subject, WhoModel) else None
            if isinstance(claim, AgeClaim):
                if party is not None and not isinstance(party, Group):
                    ages[party].append(claim)
            elif isinstance(claim, StatusClaim):
                if party is not None and not isinstance(party, Group):
                    statuses[(party, claim.domain)].append(claim)
            elif isinstance(claim, QuantityClaim) and isinstance(subject, Figure):
                # Vague amounts ("dozens", "several") are too loose to contradict anything.
                if claim.rule != "quantity.vague":
                    figure = Figure(event=subject.event, unit=subject.unit)
                    quantities[(figure, party, claim.incident_hint)].append(claim)
            elif isinstance(claim, RoleClaim):
                if isinstance(party, EntityRef):
                    roles[party].append(claim)
            elif isinstance(claim, DateClaim):
                dates[claim.event].append(claim)
                date_parties[claim.id] = party
    pending: list[Pending] = []
    agreed: list[Agreement] = []
    for party, group in sorted(ages.items()):
        f, a = compare_ages(group, incident.id, emap.label(party), {cf.source.id: cf.year for cf in files})
        pending += keyed(f, party.key())
        agreed += a
    for (party, _domain), sgroup in sorted(statuses.items()):
        f, a = compare_status(sgroup, incident.id, emap.label(party))
        pending += keyed(f, party.key())
        agreed += a
    for (figure, owner, hint), qgroup in sorted(quantities.items(), key=figure_order):
        subject_label, attribute = quantity_fact(figure.event or "count", figure.unit)
        if owner is not None:
            subject_label = emap.label(owner)
        if hint:
            # another time the article recalls: "events of 2003", "earlier events"
            subject_label = (
                f"{subject_label} (earlier events)"
                if hint == "earlier"
                else f"{subject_label} (events of {hint.capitalize()})"
            )
        f, a = compare_quantities(qgroup, incident.id, subject_label, attribute)
        pending += keyed(f, f"{with_owner(figure.head(), owner)}|{hint}")
        agreed += a
    agreed += unattributed_agreements(quantities, incident, emap)
    for party, rgroup in sorted(roles.items()):
        f, a = compare_roles(rgroup, incident.id, emap.label(party))
        pending += keyed(f, party.key())
        agreed += a
    for event, dgroup in sorted(dates.items()):
        parties = {c.id: date_parties[c.id] for c in dgroup}
        f, a = compare_dates(dgroup, incident.id, event, emap, parties, event in SINGULAR_EVENTS)
        pending += f
        agreed += a
    compared = {c.id for p in pending for c in p.claims} | {c.id for ag in agreed for c in ag.claims}
    f, a = compare_open_facts(incident.id, files, compared)
    pending += f
    agreed += a
    f, a = compare_places(incident.id, files)
    pending += f
    agreed += a
    return pending, agreed, emap
