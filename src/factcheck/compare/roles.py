"""Positions of one person: sources that give no position in common describe them differently."""

from __future__ import annotations

from collections import defaultdict

from factcheck.compare.groups import Agreement, Pending, agree_by_value, group_findings, pairs
from factcheck.lexicons import load_lexicon
from factcheck.models import ClaimBase, RoleClaim, Severity

POSITION_OF = {w: canon for canon, words in load_lexicon("positions")["synonyms"].items() for w in [canon, *words]}


def _position(c: ClaimBase) -> str:
    return POSITION_OF.get(c.position, c.position) if isinstance(c, RoleClaim) else ""


def compare_roles(claims: list[RoleClaim], incident: str, subject: str) -> tuple[list[Pending], list[Agreement]]:
    """Positions of one person: two sources that give no position in common describe them differently."""
    by_source: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        by_source[c.source].add(_position(c))
    candidates: list[tuple[Severity, str, ClaimBase, ClaimBase]] = []
    for a, b in pairs(list(claims)):
        if not by_source[a.source] & by_source[b.source]:
            candidates.append(
                ("divergence", f"described as {_position(a)} in one source, {_position(b)} in another", a, b)
            )
    agreements = agree_by_value(claims, incident, subject, "position", _position, "same position")
    return group_findings(candidates, incident, subject, "position", _position), agreements
