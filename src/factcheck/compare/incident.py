"""One incident's claims → its findings and agreements: listed claims by kind, then open facts."""

from __future__ import annotations

from collections import defaultdict

from factcheck.compare.ages import compare_ages
from factcheck.compare.dates import SINGULAR_EVENTS, compare_dates
from factcheck.compare.groups import Agreement, Pending, keyed
from factcheck.compare.open_facts import compare_open_facts
from factcheck.compare.quantities import compare_quantities, quantity_fact, unattributed_agreements
from factcheck.compare.roles import compare_roles
from factcheck.compare.status import compare_status
from factcheck.models import AgeClaim, ClaimsFile, DateClaim, Incident, QuantityClaim, RoleClaim, StatusClaim
from factcheck.resolve import EntityMap, resolve_entities


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
        f, a = compare_ages(group, incident.id, emap.label(key), {cf.source.id: cf.year for cf in files})
        pending += keyed(f, key)
        agreed += a
    for (key, _domain), sgroup in sorted(statuses.items()):
        f, a = compare_status(sgroup, incident.id, emap.label(key))
        pending += keyed(f, key)
        agreed += a
    for (key, hint), qgroup in sorted(quantities.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        base, _, who = key.partition("@")
        event, _, unit = base.rpartition(":")  # "attack:agents:people": the unit comes last
        subject, attribute = quantity_fact(event, unit)
        if who:
            subject = emap.label(who)
        if hint:
            # another time the article recalls: "events of 2003", "earlier events"
            subject = (
                f"{subject} (earlier events)" if hint == "earlier" else f"{subject} (events of {hint.capitalize()})"
            )
        f, a = compare_quantities(qgroup, incident.id, subject, attribute)
        pending += keyed(f, f"{key}|{hint}")
        agreed += a
    agreed += unattributed_agreements(quantities, incident, emap)
    for key, rgroup in sorted(roles.items()):
        f, a = compare_roles(rgroup, incident.id, emap.label(key))
        pending += keyed(f, key)
        agreed += a
    for event, dgroup in sorted(dates.items()):
        subjects = {c.id: date_subjects[c.id] for c in dgroup}
        f, a = compare_dates(dgroup, incident.id, event, emap, subjects, event in SINGULAR_EVENTS)
        pending += f
        agreed += a
    compared = {c.id for p in pending for c in p.claims} | {c.id for ag in agreed for c in ag.claims}
    f, a = compare_open_facts(incident.id, files, compared)
    pending += f
    agreed += a
    return pending, agreed, emap
