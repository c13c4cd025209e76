"""The report as SARIF 2.1.0, for GitHub code scanning and other SARIF readers.

One result per finding, with a location for every source's evidence (file, line, quote), and the
finding's stable id as its partial fingerprint: no line number goes into it, so editing a source
above the evidence does not make a dismissed alert new again. A finding people have dismissed or
explained carries a suppression with their note. Built on sarif-pydantic's object model.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sarif_pydantic import (
    ArtifactLocation,
    Level,
    Location,
    Message,
    PhysicalLocation,
    Region,
    ReportingConfiguration,
    ReportingDescriptor,
    Result,
    Run,
    Sarif,
    Tool,
    ToolDriver,
)
from sarif_pydantic.sarif import ArtifactContent, Suppression

from factcheck import __version__
from factcheck.models import ClaimRef, Finding, Report

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT = "factcheckFindingId/v1"


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    short: str
    full: str
    level: Level


RULES = {
    "contradiction": Rule(
        "contradiction",
        "Contradiction",
        "Two sources give accounts of one fact that cannot both be true.",
        "Two sources of one incident state the same fact differently, and both cannot hold (27 against "
        "28; fired against not fired). Review it with `factcheck review`: confirmed, dismissed or explained.",
        Level.ERROR,
    ),
    "divergence": Rule(
        "divergence",
        "Divergence",
        "Two sources give different specifics of one fact that may both hold.",
        "Two sources of one incident give different specifics a reader must see, though both may hold "
        "('at least 20' against 'at least 25'). Review it with `factcheck review`.",
        Level.WARNING,
    ),
    "stale": Rule(
        "stale",
        "Not current",
        "Claims or report are not what `factcheck compare` makes now.",
        "A source has no current claims file, or the report differs from what `factcheck compare` writes: "
        "run it and commit the claims and the report.",
        Level.ERROR,
    ),
}


@dataclass(frozen=True)
class Stale:
    """A file that is not current, for `factcheck check`: a source without current claims, or the report."""

    path: str
    reason: str


def _location(ref: ClaimRef, uri: str, line: int | None) -> Location:
    region = Region(start_line=line, snippet=ArtifactContent(text=ref.quote)) if line else None
    return Location(
        physical_location=PhysicalLocation(artifact_location=ArtifactLocation(uri=uri), region=region),
        message=Message(text=f"{ref.source} says: {ref.value}"),
    )


def _result(finding: Finding, place: Callable[[ClaimRef], tuple[str, int | None]], fix: str) -> Result:
    rule = RULES[finding.severity]
    sides = "; ".join(f"{ref.value} ({ref.source})" for ref in finding.claims)
    extra: dict[str, object] = {}
    review = finding.review
    if review is not None and review.status in ("dismissed", "explained"):
        extra["suppressions"] = [
            Suppression(kind="external", status="accepted", justification=f"{review.status}: {review.note}")
        ]
    status = f" Reviewed: {review.status} ({review.note})." if review else f" Review with: {fix}"
    return Result(
        rule_id=rule.id,
        level=rule.level if review is None or review.status == "confirmed" else Level.NOTE,
        message=Message(
            text=f"{finding.subject}, {finding.attribute}: {finding.explanation}. {sides}.{status} [{finding.id}]"
        ),
        locations=[_location(ref, *place(ref)) for ref in finding.claims],
        partial_fingerprints={FINGERPRINT: finding.id},
        properties={
            "findingId": finding.id,
            "incident": finding.incident,
            "subject": finding.subject,
            "attribute": finding.attribute,
            "review": review.status if review else None,
        },
        **extra,
    )


def _stale(item: Stale) -> Result:
    return Result(
        rule_id="stale",
        level=Level.ERROR,
        message=Message(text=f"{item.path}: {item.reason}"),
        locations=[Location(physical_location=PhysicalLocation(artifact_location=ArtifactLocation(uri=item.path)))],
        partial_fingerprints={FINGERPRINT: f"stale:{item.path}"},
    )


def to_sarif(
    report: Report,
    place: Callable[[ClaimRef], tuple[str, int | None]],
    fix: Callable[[Finding], str],
    stale: list[Stale] | None = None,
) -> str:
    """The SARIF log of `report`: `place` gives the file (relative to the repository root) and line of
    a claim's evidence, `fix` the command that reviews a finding; `stale` lists files not current."""
    used = {f.severity for f in report.discrepancies} | ({"stale"} if stale else set())
    rules = [
        ReportingDescriptor(
            id=r.id,
            name=r.name,
            short_description=Message(text=r.short),
            full_description=Message(text=r.full),
            default_configuration=ReportingConfiguration(level=r.level.value),
        )
        for key, r in RULES.items()
        if key in used or key != "stale"
    ]
    results = [_result(f, place, fix(f)) for f in report.discrepancies] + [_stale(s) for s in stale or []]
    log = Sarif(
        schema_uri=SCHEMA,
        runs=[
            Run(
                tool=Tool(driver=ToolDriver(name="factcheck", version=__version__, rules=rules)),
                results=results,
            )
        ],
    )
    return str(log.model_dump_json(by_alias=True, exclude_none=True, indent=2)) + "\n"
