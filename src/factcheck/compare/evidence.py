"""Pending findings and agreements → the report's findings and corroborations, with evidence."""

from __future__ import annotations

import bisect
import re

from factcheck.compare.groups import SEVERITY_ORDER, Agreement, Pending
from factcheck.models import ClaimBase, ClaimRef, Corroboration, DateClaim, Finding, stable_id


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
        speaker=claim.speaker.key() if claim.speaker is not None else None,  # the report names it by its key
    )


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
