"""Stories set years apart: a person's age has moved on only when the years are known to differ.
An undated story's year is the latest it mentions, the earliest it can be, not its year."""

from __future__ import annotations

import pytest

from factcheck.compare.ages import StoryYear, years_apart


@pytest.mark.parametrize(
    ("a", "b", "apart"),
    [
        (StoryYear(2019, True), StoryYear(2021, True), True),  # two publication years
        (StoryYear(2020, True), StoryYear(2021, True), False),  # a year apart: an age may be one behind
        (StoryYear(2016, True), StoryYear(2019, False), True),  # dated before the undated one can be
        (StoryYear(2019, False), StoryYear(2016, True), True),
        # an undated report that names only an earlier year ("in 2015 he won") may be as late as the other
        (StoryYear(2015, False), StoryYear(2019, True), False),
        (StoryYear(2019, True), StoryYear(2015, False), False),
        (StoryYear(2010, False), StoryYear(2019, False), False),  # two lower bounds say nothing
        (None, StoryYear(2019, True), False),
    ],
)
def test_years_apart(a: StoryYear | None, b: StoryYear | None, apart: bool) -> None:
    assert years_apart(a, b) is apart
