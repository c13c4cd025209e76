"""Ages of people: one row per phrasing, the person the age belongs to and the age."""

from __future__ import annotations

import pytest

from extract_helpers import ages, claims_file
from factcheck.models import AgeClaim

# fmt: off
AGES = [
    # "NAME, 27," apposition
    ("Jane Doe, 34, told reporters that she had left the city for good.", {("Jane Doe", 34)}),
    ("Omar Haddad, 26, a student at the university, was among those held on Sunday.", {("Omar Haddad", 26)}),
    # "NAME (27)"
    ("Omar Haddad (19) was among those detained by police in the capital.", {("Omar Haddad", 19)}),
    # "aged 61"
    ("Peter Olsen, aged 61, told the court that he had never seen the papers.", {("Peter Olsen", 61)}),
    # "NAME is 52 years old"
    ("Omar Haddad is 52 years old and has worked at the port for three decades.", {("Omar Haddad", 52)}),
    # role phrases: "his 40-year-old brother", "NAME's 70-year-old mother"
    (
        "Mark Tully said his 40-year-old brother had been beaten by the guards.",
        {("Mark Tully's brother", 40)},
    ),
    (
        "Omar Haddad's 70-year-old mother said her son had done nothing wrong.",
        {("Omar Haddad's mother", 70)},
    ),
    # "his boyfriend, 20-year-old NAME," apposition names the role
    (
        "Daniel Moss bought his boyfriend, 22-year-old Leo Hart, a ring for the wedding.",
        {("Leo Hart", 22)},
    ),
    # two people, two ages, in one sentence
    (
        "Jane Doe, 34, and her brother Paul Doe, 29, were stopped at the border.",
        {("Jane Doe", 34), ("Paul Doe", 29)},
    ),
    # "20-year-old NAME" followed by a verb, not by a comma
    pytest.param(
        "Witnesses said 19-year-old Omar Haddad was among those detained by police.",
        {("Omar Haddad", 19)},
        id="year-old-name-then-verb",
    ),
    pytest.param(
        "The 19-year-old Omar Haddad was among those detained by police that evening.",
        {("Omar Haddad", 19)},
        id="the-year-old-name",
    ),
    # "NAME, a 19-year-old student," and "a 19-year-old student, NAME,"
    pytest.param(
        "Omar Haddad, a 19-year-old student, was among those detained by police.",
        {("Omar Haddad", 19)},
        id="name-a-year-old-role",
    ),
    pytest.param(
        "Police said a 19-year-old student, Omar Haddad, was among those detained.",
        {("Omar Haddad", 19)},
        id="a-year-old-role-name",
    ),
    # "At 23 years old, NAME ..." / "At the age of 23, NAME ..."
    pytest.param(
        "At 23 years old, Maria Lopez became the youngest member of the city council.",
        {("Maria Lopez", 23)},
        id="at-23-years-old",
    ),
    pytest.param(
        "At the age of 23, Maria Lopez became the youngest member of the council. Lopez said she was proud.",
        {("Maria Lopez", 23)},
        id="at-the-age-of",
    ),
    # whose age: a relative's age after a possessive is the relative's, never the owner's
    pytest.param(
        "Maria Lopez, 34, was shot while picking up her daughter, 11, from school. Lopez was a nurse.",
        {("Maria Lopez", 34), ("Maria Lopez's daughter", 11)},
        id="her-daughter-11",
    ),
    # "the N-year-old <occupation>" is the story's protagonist only if the story calls them so
    pytest.param(
        "Winger Tomas Novak joined the club on Monday. Novak scored twice. Novak was happy. "
        "The 23-year-old winger signed a five-year deal.",
        {("Tomas Novak", 23)},
        id="the-year-old-role-of-the-protagonist",
    ),
    pytest.param(
        "Tomas Novak, a striker, joined the club. Novak scored twice. Novak was happy. "
        "The 23-year-old footballer signed a five-year deal.",
        {("Tomas Novak", 23)},
        id="the-year-old-role-of-the-same-class",
    ),
    pytest.param(
        "Paul Berg was killed on Monday. Berg had lived in the town for years. Berg, 17, was unarmed. "
        "The 30-year-old sergeant and his partner fired eleven shots.",
        {("Paul Berg", 17), ("thing:sergeant", 30)},
        id="the-year-old-sergeant-beside-a-named-man",
    ),
    # "as well as a 9-year-old girl" adds someone; a name after it is the speaker
    pytest.param(
        "A second woman was hurt as well as an 11-year-old girl, Paul Berg said. Berg was unhurt. Berg, 40, spoke.",
        {("Paul Berg", 40), ("thing:girl", 11)},
        id="as-well-as-a-girl-then-the-speaker",
    ),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), AGES)
def test_age_of_a_person(text: str, expected: set[tuple[str, int]]) -> None:
    assert ages(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # an object's age, not a person's
        "Parliament kept a 30-year-old law on public meetings, Omar Haddad said.",
        "Omar Haddad said the port still used a 30-year-old crane that often broke down.",
        # a year and a count, not an age
        "In 2019, 45 people were detained in the city, Omar Haddad said on Monday.",
        # a duration, not an age
        "Omar Haddad said he had lived in the city for 20 years before moving to the coast.",
        # a number after a name that is not an apposition
        "Omar Haddad, 2019 winner of the prize, said the jury had been fair.",
        # no person at all
        "The building, 120 metres tall, was evacuated on Friday.",
    ],
)
def test_not_an_age(text: str) -> None:
    assert ages(text) == set()


def test_age_evidence_slices_back_to_its_quote() -> None:
    cf, text = claims_file("The court heard that Jane Doe, 34, had been at home that night.")
    (claim,) = [c for c in cf.claims if isinstance(c, AgeClaim)]
    assert text[claim.start : claim.end] == claim.quote
    assert "Jane Doe, 34" in text[claim.value_start : claim.value_end]
    assert claim.rule == "age.appositive"
