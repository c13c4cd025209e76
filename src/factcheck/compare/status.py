"""Statuses of one person: which states of a class exclude each other."""

from __future__ import annotations

from factcheck.compare.groups import Agreement, Pending, agree_by_value, group_findings, pairs
from factcheck.models import ClaimBase, Severity, StatusClaim

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


COMPARABLE_MODALITIES = {"asserted", "reported", "negated"}


def compare_status(claims: list[StatusClaim], incident: str, subject: str) -> tuple[list[Pending], list[Agreement]]:
    usable = [c for c in claims if c.modality in COMPARABLE_MODALITIES]
    domain = usable[0].domain if usable else "employment"
    attribute = f"{domain} status"
    candidates: list[tuple[Severity, str, ClaimBase, ClaimBase]] = []
    for a, b in pairs(list(usable)):
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
    pair = frozenset({a.state, b.state})
    return pair not in EMPLOYMENT and a.state != "not_" + b.state and b.state != "not_" + a.state
