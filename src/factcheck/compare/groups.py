"""Candidate pairs → findings and agreements: the sides of a conflict and the accounts that agree."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from factcheck.models import ClaimBase, DateClaim, Severity

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


def pairs(
    claims: list[ClaimBase],
    same_source: Callable[[ClaimBase, ClaimBase], bool] | None = None,
) -> Iterable[tuple[ClaimBase, ClaimBase]]:
    for i, a in enumerate(claims):
        for b in claims[i + 1 :]:
            if a.start == b.start and a.source == b.source:
                continue  # one sentence does not argue with itself
            if a.source != b.source or (same_source is not None and same_source(a, b)):
                yield a, b


def group_findings(
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
    root = _side_of(claims_by_value, consistent)
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
        claims = [claim for side in sides.values() for claim in _cited(side)]
        out.append(Pending(severity, incident, subject, attribute, why, claims, sides_key))
    return out


def _side_of(
    claims_by_value: dict[str, list[ClaimBase]], consistent: Callable[[ClaimBase, ClaimBase], bool] | None
) -> Callable[[str], str]:
    """Which side each value is on, named by its least value: values join a side only when they
    agree with all of it (`consistent`); without `consistent` every value is a side of its own."""
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
    return root


def _cited(side: list[ClaimBase]) -> list[ClaimBase]:
    """One claim per source first, then more places in the same sources, five at most a side."""
    side.sort(key=lambda c: (c.source, c.start))
    firsts = {c.source: c for c in reversed(side)}
    ordered = sorted(firsts.values(), key=lambda c: (c.source, c.start))
    ordered += [c for c in side if c not in ordered]
    return ordered[:5]


def agree_by_value(
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


def merge_agreements(agreements: list[Agreement]) -> list[Agreement]:
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


def keyed(findings: list[Pending], key: str) -> list[Pending]:
    for finding in findings:
        finding.key = key
    return findings
