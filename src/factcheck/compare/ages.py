"""Ages of one person across sources: one person has one age (stories years apart excepted)."""

from __future__ import annotations

from factcheck.compare.groups import Agreement, Pending, agree_by_value, group_findings, pairs
from factcheck.models import AgeClaim


def compare_ages(
    claims: list[AgeClaim],
    incident: str,
    subject: str,
    years: dict[str, int | None],
) -> tuple[list[Pending], list[Agreement]]:
    candidates = []
    # One person has one age in one article: two ages within a source are a self-contradiction too.
    for a, b in pairs(list(claims), lambda a, b: True):
        assert isinstance(a, AgeClaim)
        assert isinstance(b, AgeClaim)
        ya, yb = years.get(a.source), years.get(b.source)
        if ya is not None and yb is not None and abs(ya - yb) >= 2:
            # Stories set years apart (the year of an undated one is a guess, hence the margin).
            continue
        if a.value != b.value:
            candidates.append(("contradiction", f"age given as {a.value} and as {b.value}", a, b))
    agreements = agree_by_value(
        claims, incident, subject, "age", lambda c: str(c.display_value()), "same number of years"
    )
    return group_findings(candidates, incident, subject, "age", lambda c: c.display_value()), agreements  # type: ignore[arg-type]
