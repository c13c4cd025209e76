"""Ages of one person across sources: one person has one age (stories years apart excepted)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from factcheck.compare.groups import Agreement, Pending, agree_by_value, group_findings, pairs
from factcheck.models import AgeClaim, ClaimBase, ClaimsFile


class StoryYear(NamedTuple):
    """The year a story is set in: its publication's, or for an undated story the latest year it
    mentions, which is only the earliest it can be ('In 2008 he won' in a later report)."""

    year: int
    dated: bool


def story_years(files: Iterable[ClaimsFile]) -> dict[str, StoryYear | None]:
    """Each source's story year, None where it names no year at all."""
    return {
        cf.source.id: None if cf.year is None else StoryYear(cf.year, cf.source.published is not None) for cf in files
    }


YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def told_in(claim: ClaimBase, years: dict[str, StoryYear | None]) -> StoryYear | None:
    """The year an age is told in: an undated story's sentence that names a year ('Lind, 23, joined
    in 2019') tells it in that year; otherwise the story's year."""
    story = years.get(claim.source)
    if story is not None and not story.dated and (named := YEAR.findall(claim.quote)):
        return StoryYear(max(int(y) for y in named), True)
    return story


def years_apart(a: StoryYear | None, b: StoryYear | None) -> bool:
    """Whether two stories are surely set two years apart or more, so that a person's age has moved
    on: two publication years that far apart, or a dated story two years before the earliest year
    an undated one can be. Two undated stories, or an undated one that may be as late as the
    other, are not known to be apart."""
    if a is None or b is None:
        return False
    if a.dated and b.dated:
        return abs(a.year - b.year) >= 2
    if a.dated != b.dated:
        dated, undated = (a, b) if a.dated else (b, a)
        return dated.year <= undated.year - 2
    return False


def compare_ages(
    claims: list[AgeClaim],
    incident: str,
    subject: str,
    years: dict[str, StoryYear | None],
) -> tuple[list[Pending], list[Agreement]]:
    candidates = []
    # One person has one age in one article: two ages within a source are a self-contradiction too.
    for a, b in pairs(list(claims), lambda a, b: True):
        assert isinstance(a, AgeClaim)
        assert isinstance(b, AgeClaim)
        if years_apart(told_in(a, years), told_in(b, years)):
            continue  # stories set years apart
        if a.value != b.value:
            candidates.append(("contradiction", f"age given as {a.value} and as {b.value}", a, b))
    agreements = agree_by_value(
        claims, incident, subject, "age", lambda c: str(c.display_value()), "same number of years"
    )
    return group_findings(candidates, incident, subject, "age", lambda c: c.display_value()), agreements  # type: ignore[arg-type]
