"""Statuses of one person, all of a domain against all: the rows of lexicons/conflicts.yaml that
need no alignment to one event (status phrases), and a state against its negation."""

from __future__ import annotations

from factcheck.compare.groups import Agreement, Pending, agree_by_value, group_findings, pairs
from factcheck.lexicons.conflicts import STATE_CONFLICTS
from factcheck.models import ClaimBase, Severity, StatusClaim

COMPARABLE_MODALITIES = {"asserted", "reported", "negated"}


def compare_status(claims: list[StatusClaim], incident: str, subject: str) -> tuple[list[Pending], list[Agreement]]:
    usable = [c for c in claims if c.modality in COMPARABLE_MODALITIES]
    domain = usable[0].domain if usable else "employment"
    attribute = f"{domain} status"
    candidates: list[tuple[Severity, str, ClaimBase, ClaimBase]] = []
    for a, b in pairs(list(usable)):
        assert isinstance(a, StatusClaim)
        assert isinstance(b, StatusClaim)
        conflict = STATE_CONFLICTS.conflict(a.state, b.state, aligned=False, phrases=True)
        if conflict is not None:
            why = conflict.why or f"{a.state.replace('_', ' ')} against {b.state.replace('_', ' ')}"
            candidates.append((conflict.severity, why, a, b))
    agreements = agree_by_value(
        [c for c in usable if c.domain == "employment"],
        incident,
        subject,
        attribute,
        lambda c: c.state if isinstance(c, StatusClaim) else None,
        "same state in the status ontology",
    )
    return group_findings(
        candidates, incident, subject, attribute, lambda c: getattr(c, "state", ""), _compatible_states
    ), agreements


def _compatible_states(a: ClaimBase, b: ClaimBase) -> bool:
    """States one account can hold together ('placed on leave' and 'pushed to resign'), so they
    form one side of a finding."""
    if not isinstance(a, StatusClaim) or not isinstance(b, StatusClaim):
        return False
    return STATE_CONFLICTS.conflict(a.state, b.state, aligned=False, phrases=True) is None
