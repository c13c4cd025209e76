"""Positions of one person: sources that give no position in common describe them differently. Holders
of one position of a case (its judge): sources that each name one, and two people, disagree."""

from __future__ import annotations

from collections import defaultdict

from factcheck.compare.groups import Agreement, Pending, agree_by_value, group_findings, pairs
from factcheck.lexicons import load_lexicon
from factcheck.models import ClaimBase, RoleClaim, Severity
from factcheck.resolve import same_person

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


def _holder_names(claims: list[RoleClaim]) -> dict[str, str]:
    """Claim id → the holder's name as the incident knows it: names of one person (a surname
    alone, a middle initial, a near spelling) are one name, the longest written."""
    clusters: list[list[RoleClaim]] = []
    for c in sorted(claims, key=lambda c: (-len(c.subject_text.split()), -len(c.subject_text), c.id)):
        for members in clusters:
            if same_person(members[0].subject_text, c.subject_text):
                members.append(c)
                break
        else:
            clusters.append([c])
    return {c.id: members[0].subject_text for members in clusters for c in members}


def compare_holders(claims: list[RoleClaim], incident: str, position: str) -> tuple[list[Pending], list[Agreement]]:
    """Who held a position of one case (its judge), across sources: two sources that each name one
    holder, and not the same person, name two. A source naming two holders (a retrial, two
    hearings) tells of more than one case and is set against nobody."""
    name_of = _holder_names(claims)
    by_source: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        by_source[c.source].add(name_of[c.id])
    single: list[ClaimBase] = [c for c in claims if len(by_source[c.source]) == 1]
    candidates: list[tuple[Severity, str, ClaimBase, ClaimBase]] = []
    for a, b in pairs(single):
        if a.incident_hint == b.incident_hint and name_of[a.id] != name_of[b.id]:
            why = f"the {position} is {name_of[a.id]} in one source, {name_of[b.id]} in another"
            candidates.append(("divergence", why, a, b))
    subject = f"the {position} of the case"

    def value(c: ClaimBase) -> str:
        return name_of.get(c.id, "")

    findings = group_findings(candidates, incident, subject, "name", value)
    agreements = agree_by_value(single, incident, subject, "name", value, f"the same {position}")
    return findings, agreements
