"""Causes of one person's death or injury across sources: the cause tree (lexicons/causes.yaml)
decides. One cause under another is one account in finer or coarser words ("gunshot wounds",
"injuries"); two illnesses may both be true (a divergence); causes under two roots ("injuries",
"an overdose") contradict each other. A hedged cause ("a suspected overdose") diverges at most.

A death and an injury are compared only under one root: a man shot in the leg may die later of a
heart attack, but "shot" against "stabbed to death" is two accounts of one attack. Claims about
another time of the story (a hint) meet only claims of that time."""

from __future__ import annotations

from factcheck.compare.groups import Agreement, Pending, agree_by_value, group_findings, pairs
from factcheck.lexicons.causes import CAUSES
from factcheck.models import CauseClaim, ClaimBase, Severity


def _label(cause: str) -> str:
    return CAUSES.classes[cause].label


def conflict(a: CauseClaim, b: CauseClaim) -> Severity | None:
    """How two sources' causes for one person conflict, or None when they can be one account."""
    if a.incident_hint != b.incident_hint:
        return None
    la, lb = CAUSES.lineage(a.cause), CAUSES.lineage(b.cause)
    if "hurt" in (a.outcome, b.outcome) and la[-1] != lb[-1]:
        return None  # hurt one way, dead of another: the injury need not be what killed
    severity = CAUSES.conflict(a.cause, b.cause)
    if severity is not None and "possible" in (a.modality, b.modality):
        return "divergence"
    return severity


def _why(severity: Severity, a: CauseClaim, b: CauseClaim) -> str:
    if severity == "divergence" and "possible" not in (a.modality, b.modality):
        return f"{_label(a.cause)} against {_label(b.cause)}: two causes named; one may have brought on the other"
    if severity == "divergence":
        return f"{_label(a.cause)} against {_label(b.cause)}, one of them only suspected"
    return f"{_label(a.cause)} against {_label(b.cause)}: two different causes"


def _compatible(a: ClaimBase, b: ClaimBase) -> bool:
    """Causes one account can give together ('gunshot wounds', 'injuries'): one side of a finding."""
    return isinstance(a, CauseClaim) and isinstance(b, CauseClaim) and CAUSES.conflict(a.cause, b.cause) is None


def compare_causes(claims: list[CauseClaim], incident: str, subject: str) -> tuple[list[Pending], list[Agreement]]:
    """Every conflict between two sources' causes for one person, and the causes they agree on."""
    died = all(c.outcome == "died" for c in claims)
    attribute = "cause of death" if died else "cause of death or injury"
    candidates: list[tuple[Severity, str, ClaimBase, ClaimBase]] = []
    for a, b in pairs(list(claims)):
        assert isinstance(a, CauseClaim)
        assert isinstance(b, CauseClaim)
        severity = conflict(a, b)
        if severity is not None:
            candidates.append((severity, _why(severity, a, b), a, b))
    findings = group_findings(candidates, incident, subject, attribute, lambda c: getattr(c, "cause", ""), _compatible)
    agreements = agree_by_value(
        [c for c in claims if c.modality == "asserted"],
        incident,
        subject,
        attribute,
        lambda c: c.cause if isinstance(c, CauseClaim) else None,
        "the same cause in the cause tree",
    )
    return findings, agreements
