"""Values a sentence states that were read as other values: spaced thousands and decimals in an
amount, a model's designation, a body part after "in the", a speed written "an hour", a day "of
this year". Each row is a phrase written for the test and what factcheck should read in it;
negatives beside the positives show the fix reads nothing it should not."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from extract_helpers import ages, claims_file, compare_articles
from factcheck.models import AgeClaim, DateClaim, PlaceClaim, QuantityClaim

PUBLISHED = dt.date(2024, 5, 3)


def quantities(body: str) -> set[tuple[float, str, str]]:
    """(value, unit, the source's words) of each figure read in `body`."""
    cf, text = claims_file(body, published=PUBLISHED)
    out = set()
    for c in cf.claims:
        if isinstance(c, QuantityClaim) and c.number is not None:
            assert c.value_start is not None
            assert c.value_end is not None
            out.add((c.number, c.unit or "", text[c.value_start : c.value_end]))
    return out


def values(body: str) -> set[tuple[float, str]]:
    return {(n, unit) for n, unit, _ in quantities(body)}


@pytest.mark.parametrize(("body", "expected"), [
    # a typesetter's space in an amount's thousands or decimals: still one amount
    ("The kettle was stolen from a shop, worth $1, 249 in all.", (1249.0, "USD")),
    ("Thieves stole watches worth £2, 350 from the stall.", (2350.0, "GBP")),
    ("Thieves stole watches worth £3. 4m from the stall.", (3400000.0, "GBP")),
    ("Thieves stole rings worth an estimated €5 million (£4. 3 million) from the stall.", (4300000.0, "GBP")),
    # written whole: four digits are one amount, not three and a stray digit
    ("The basic toaster costs $1249 and the larger one sells for $1649.", (1249.0, "USD")),
    ("The basic toaster costs $1249 and the larger one sells for $1649.", (1649.0, "USD")),
    # ordinary amounts are read as before
    ("Thieves stole watches worth $2,350 from the stall.", (2350.0, "USD")),
    ("Thieves stole watches worth $4.5 million from the stall.", (4500000.0, "USD")),
])  # fmt: skip
def test_spaced_amounts_are_one_amount(body: str, expected: tuple[float, str]) -> None:
    assert expected in values(body)


@pytest.mark.parametrize(("body", "wrong"), [
    ("The kettle was stolen from a shop, worth $1, 249 in all.", (1.0, "USD")),
    ("Thieves stole watches worth £3. 4m from the stall.", (1.0, "GBP")),
    ("Thieves stole watches worth £3. 4m from the stall.", (4000000.0, "")),
    ("The basic toaster costs $1249 and the larger one sells for $1649.", (124.0, "USD")),
    ("The basic toaster costs $1249 and the larger one sells for $1649.", (164.0, "USD")),
])  # fmt: skip
def test_spaced_amounts_are_not_split(body: str, wrong: tuple[float, str]) -> None:
    assert wrong not in values(body)


@pytest.mark.parametrize(("body", "expected"), [
    # a list after a currency sign is no amount with spaced thousands: the group is not three digits
    ("Tickets went for $5, 10 or 20 at the gate.", (5.0, "USD")),
    # a full stop after an amount still ends the sentence when no scale word follows
    ("The guards found $40. 12 men were held.", (40.0, "USD")),
])  # fmt: skip
def test_a_comma_or_stop_after_an_amount_is_not_always_inside_it(body: str, expected: tuple[float, str]) -> None:
    assert expected in values(body)


@pytest.mark.parametrize(("body", "counted"), [
    # a model's designation modifies what is counted, or is the counted kind itself
    ("Customs officers seized 14 QZ-90 rifles at the port.", {(14.0, "rifles")}),
    ("Customs officers seized nine QZ 90 rifles at the port.", {(9.0, "rifles")}),
    ("Customs officers seized six QZ-90s and two pistols at the port.", {(6.0, "qz-90s"), (2.0, "pistols")}),
    # its number counts nothing
    ("The raiders carried a QZ-90 and a knife.", set()),
])  # fmt: skip
def test_a_designation_is_a_kind_not_a_count(body: str, counted: set[tuple[float, str]]) -> None:
    assert {(n, unit) for n, unit, _ in quantities(body)} == counted


def test_a_designation_is_no_participant() -> None:
    body = "Customs officers seized 14 QZ-90 rifles and arrested Ivo Marsh at the port."
    cf, _ = claims_file(body, published=PUBLISHED)
    people = {p for c in cf.claims if c.frame is not None for p in (*c.frame.agents, *c.frame.patients)}
    assert "qz" not in people
    assert "ivo marsh" in people


def participants(body: str) -> set[str]:
    cf, _ = claims_file(body, published=PUBLISHED)
    return {p for c in cf.claims if c.frame is not None for p in (*c.frame.agents, *c.frame.patients)}


@pytest.mark.parametrize(("body", "kept", "dropped"), [
    # capitals, one space and a number are a designation only inside a counted phrase
    ("Customs officers seized nine QZ 90 rifles and arrested Ivo Marsh on 3 May.", {"ivo marsh"}, {"qz"}),
    ("Customs officers seized 14 QZ 90 rifles and arrested Ivo Marsh on 3 May.", {"ivo marsh"}, {"qz"}),
    # a score after a team's initials, or a count after an agency's, leaves them participants
    ("On 3 May Orvale beat KTV 2-1 in Marlow.", {"orvale", "ktv"}, set()),
    ("The BXA 10 agents arrested Tamsin Wrenfield on 3 May.", {"bxa"}, set()),
])  # fmt: skip
def test_spaced_capitals_and_a_number_are_a_designation_only_when_counted(
    body: str, kept: set[str], dropped: set[str]
) -> None:
    people = participants(body)
    assert kept <= people
    assert not dropped & people


def places(body: str) -> set[str]:
    cf, _ = claims_file(body, published=PUBLISHED)
    return {c.place for c in cf.claims if isinstance(c, PlaceClaim)}


@pytest.mark.parametrize(("body", "expected", "wrong"), [
    # "in the back" of a wound: the clause goes on past it, so no place noun is reached
    ("A gunman shot a jogger in the back while doing garden work at a cottage.", "", "back while doing garden"),
    ("The clerk was stabbed in the back as she locked a kiosk at the market.", "market", "back as she locked a kiosk"),
    # a place noun after modifiers is still a place
    ("A gunman shot a jogger in a small second-floor apartment.", "small second-floor apartment", ""),
])  # fmt: skip
def test_a_body_part_is_no_place(body: str, expected: str, wrong: str) -> None:
    found = places(body)
    assert expected in found or not expected
    assert not any(p.startswith("back") for p in found)
    assert wrong not in found


@pytest.mark.parametrize(("body", "unit"), [
    ("Troopers chased the van at up to 110 miles an hour.", "mph"),
    ("Troopers chased the van at up to 110 miles per hour.", "mph"),
    ("Troopers chased the van at up to 150 kilometres an hour.", "km/h"),
    ("Troopers chased the van at up to 150 km an hour.", "km/h"),
])  # fmt: skip
def test_a_speed_an_hour_is_no_distance(body: str, unit: str) -> None:
    assert {u for _, u in values(body)} == {unit}


def test_a_distance_is_still_a_distance() -> None:
    assert {u for _, u in values("Troopers chased the van for 30 miles before it stopped.")} == {"miles"}


def dates(body: str) -> set[dt.date]:
    cf, _ = claims_file(body, published=PUBLISHED)
    return {c.date for c in cf.claims if isinstance(c, DateClaim) and c.date is not None}


@pytest.mark.parametrize(("body", "expected"), [
    # "of this year" puts the day in the year of publication, even after the publication day
    ("The council vote is scheduled for November 20 of this year.", dt.date(2024, 11, 20)),
    ("The council vote is scheduled for 20 November of this year.", dt.date(2024, 11, 20)),
    ("The council vote was held on February 11 of this year.", dt.date(2024, 2, 11)),
    # without it, a day after the publication day is still last year's
    ("The council vote was held on November 20.", dt.date(2023, 11, 20)),
])  # fmt: skip
def test_a_day_of_this_year(body: str, expected: dt.date) -> None:
    assert dates(body) == {expected}


@pytest.mark.parametrize("body", [
    "The council vote is scheduled for November 20 of this year.",
    "The council vote was held on February 11 of this year.",
])  # fmt: skip
def test_a_day_of_this_year_counts_nothing(body: str) -> None:
    assert values(body) == set()


@pytest.mark.parametrize(("body", "number"), [
    # a month name before a count is no date unless a year follows the number
    ("In March 30 villagers were killed when the dam gave way.", 30),
    ("In May 12 students were detained near the checkpoint.", 12),
    # the verb "may" is no month
    ("Only after the hearing may 12 prisoners be released.", 12),
])  # fmt: skip
def test_a_count_after_a_month_name_is_still_a_count(body: str, number: int) -> None:
    assert (number, "people") in values(body)


def ages_of(body: str) -> set[tuple[str, int]]:
    """(whose, age) of every age read in `body`."""
    return {(who, age) for who, age in ages(body)}


@pytest.mark.parametrize(("body", "expected"), [
    # an age at another time than the story's is no age to set against another source's
    ("Ivo Marsh, 52, told the court that the man hit him when he was 9 years old.", {("Ivo Marsh", 52)}),
    ("Lawyers said then-16-year-old Ivo Marsh had been at the fair.", set()),
    ("In 1999, at the age of 30, Ivo Marsh opened the bakery.", set()),
    ("In 2019, 41-year-old Ivo Marsh was charged with theft.", set()),
    # an age now, written the same ways, is read
    ("Ivo Marsh, 52, told the court he was at the fair.", {("Ivo Marsh", 52)}),
    ("Lawyers said 16-year-old Ivo Marsh had been at the fair.", {("Ivo Marsh", 16)}),
])  # fmt: skip
def test_an_age_back_then_is_not_the_age(body: str, expected: set[tuple[str, int]]) -> None:
    assert {(who.title(), n) for who, n in ages_of(body)} == {(w.title(), n) for w, n in expected}


@pytest.mark.parametrize(("body", "expected"), [
    # in a story published in 2024, "in 2024" is the story's own time: the age is the age now
    ("In 2024, 41-year-old Ivo Marsh was charged with theft.", {41}),
    ("In 2024, at the age of 41, Ivo Marsh was charged with theft.", {41}),
    # an earlier year is still another time
    ("In 2019, 41-year-old Ivo Marsh was charged with theft.", set()),
    ("In 2019, at the age of 41, Ivo Marsh was charged with theft.", set()),
])  # fmt: skip
def test_an_age_in_the_story_year_is_the_age(body: str, expected: set[int]) -> None:
    cf, _ = claims_file(body, published=PUBLISHED)
    assert {c.value for c in cf.claims if isinstance(c, AgeClaim)} == expected


STORY = (
    "Ivo Marsh, an off-duty officer, was arrested at the docks on Monday. Ivo Marsh was held overnight. "
    "Ivo Marsh denied the charge. "
)


@pytest.mark.parametrize(("last", "marsh"), [
    # a definite description of the protagonist, in a sentence that does not name him
    ("The 41-year-old officer was released on Tuesday.", {41}),
    # in a sentence that names him, it is someone else: the man he attacked, the witness
    ("Ivo Marsh is charged with attacking the 41-year-old officer at the docks.", set()),
])  # fmt: skip
def test_a_description_beside_the_protagonist_is_someone_else(last: str, marsh: set[int]) -> None:
    found = {n for who, n in ages_of(STORY + last) if who.lower() == "ivo marsh"}
    assert found == marsh


def severities(tmp_path: Path, a: str, b: str) -> list[str]:
    story = "3 May 2024\n\nRaid at the river port\n\n{}\n"
    report = compare_articles(tmp_path, {"a.txt": story.format(a), "b.txt": story.format(b)})
    return [f.severity for f in report.discrepancies]


@pytest.mark.parametrize(("a", "b", "expected"), [
    # rifles of one kind are a part of all the rifles: no contradiction with the whole
    ("Customs officers seized seven QZ-90 rifles at the port on Monday.",
     "Customs officers seized nine rifles at the port on Monday.", []),
    # two counts of the one kind still disagree
    ("Customs officers seized seven QZ-90 rifles at the port on Monday.",
     "Customs officers seized five QZ-90 rifles at the port on Monday.", ["contradiction"]),
])  # fmt: skip
def test_rifles_of_a_kind_are_part_of_the_rifles(tmp_path: Path, a: str, b: str, expected: list[str]) -> None:
    assert severities(tmp_path, a, b) == expected
