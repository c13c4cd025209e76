"""Numbers, dates and ages across different reports: phrase-to-frame tables (negatives included)
and alignment of facts two outlets tell in different words. Phrases are written for the test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from extract_helpers import claims_file, compare_articles
from factcheck.compare.align import align, block, similarity
from factcheck.extract.frames import SentenceView, date_predicate
from factcheck.extract.mentions import find_numbers, find_predicates, tokens
from factcheck.extract.open_claims import find_ages
from factcheck.models import AgeClaim, ClaimBase, DateClaim, QuantityClaim, Report

# --- ages: who an age is said of ---------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("Police questioned a 44-year-old welder from the harbour.", [(44, (), "welder")]),
    ("The 61-year-old Canadian never regained consciousness.", [(61, ("canadian",), None)]),
    ("Mourners gathered for 19-year-old cyclist Lena Fosse on Sunday.", [(19, ("lena fosse",), "cyclist")]),
    ("Her 12-year-old son Pavel Rusu was unhurt.", [(12, ("pavel rusu",), "son")]),
    ("Marta J. Olsen, 52, was charged on Tuesday.", [(52, ("marta olsen",), None)]),
    ("The suspect, Ivo Brandt, 33, was held.", [(33, ("ivo brandt",), None)]),
    ("Olsen, 52, and Ivo Brandt, 33, were charged.", [(52, ("olsen",), None), (33, ("ivo brandt",), None)]),
    # negatives: an age of a thing, a number after a place, a count of people
    ("The council repealed a 30-year-old ordinance on street markets.", []),
    ("Officials restored the 200-year-old bridge.", []),
    ("In Dunmore, 45 people were evacuated.", []),
    ("The storm left 12 families without power.", []),
])  # fmt: skip
def test_ages_with_whom_they_are_said_of(text: str, expected: list[tuple[int, tuple[str, ...], str | None]]) -> None:
    assert [(a.value, a.names, a.noun) for a in find_ages(text, tokens(text))] == expected


# --- dates: the predicate a date belongs to ----------------------------------------------------


@pytest.mark.parametrize(("text", "date", "lemma"), [
    # a date follows what it dates ...
    ("The frigate rescued a tanker on May 4 and also sank a raider on May 9.", "May 4", "rescue"),
    ("The frigate rescued a tanker on May 4 and also sank a raider on May 9.", "May 9", "sink"),
    # ... unless it opens its clause
    ("On May 9, the frigate sank a raider.", "May 9", "sink"),
    ("The guard was injured on Friday.", "Friday", "injure"),
    # ... or stands right before the clause's verb; a participle after its noun stays its own
    ("The council on Monday approved the budget.", "Monday", "approve"),
    ("Coast guards patrolling the strait on Sunday intercepted a smuggling boat.", "Sunday", "intercept"),
    ("A man arrested in Lisbon on Monday appeared before a judge.", "Monday", "arrest"),
    ("The fatal stabbing of a cook on Sunday shocked the town.", "Sunday", "stab"),
    # the clause's finite verb, not a participle that modifies a noun, an adjective or a noun
    ("A former guard jailed for fraud punched a reporter outside the court on Monday.", "Monday", "punch"),
    ("The storm battered a sparsely inhabited coast on Tuesday.", "Tuesday", "batter"),
    ("Crowds opposing the new security measures threw stones at the embassy on Friday.", "Friday", "throw"),
    ("Video of the deadly shooting was revealed on Friday.", "Friday", "reveal"),
    ("Two officers involved in Saturday's shooting were suspended.", "Saturday", "shoot"),
    # a noun in -ly is no adverb to skip ('the family sued' is no 'the ... sued' adjective)
    ("The family sued the clinic on Monday.", "Monday", "sue"),
    ("An ally resigned from the council on Friday.", "Friday", "resign"),
    ("The assembly approved the new budget on Tuesday.", "Tuesday", "approve"),
    # a verb after a relative 'that' is the relative clause's verb, not an adjective
    ("The storm that flooded the valley on Monday moved east.", "Monday", "flood"),
    ("Rebels that seized the bridge on Sunday freed the hostages.", "Sunday", "seize"),
    ("Guards who rebelled surrendered quietly on Sunday.", "Sunday", "surrender"),
    # a verb past a comma or 'and' after the date is the next act's
    ("The boxer flew out of the capital on a private jet late Friday, dodging reporters.", "late Friday", "fly"),
    ("The gunman walked into the crowded bank on the main square with a rifle on Tuesday and shot two clerks.",
     "Tuesday", "walk"),
    # a time's colon is no clause break
    ("The ferry was attacked around 3:40 a.m. on May 2 near the port.", "May 2", "attack"),
    # a clause without an event verb lends its date to the 'when' clause after it
    ("The guard was off duty on Sunday when he stopped the robbers.", "Sunday", "stop"),
    ("The ferry was attacked on May 2 when the storm began.", "May 2", "attack"),
    # a relative clause set off by commas is a unit: a date past its closing comma is the clause's around it
    ("The clerk posted the letter, which accuses two ministers of lying, to a news site on Friday.",
     "Friday", "post"),
    ("The mayor, who resigned last spring, testified at the inquiry on Monday.", "Monday", "testify"),
    ("Rescuers reached the village, which the flood had cut off, on Sunday.", "Sunday", "reach"),
    ("The singer, whose tour was cancelled, sued the promoter on Friday.", "Friday", "sue"),
    # negatives: a date inside the relative clause is the relative's verb; one not closed by a comma is no aside
    ("The clerk posted the letter, which was signed on Tuesday, to a news site.", "Tuesday", "sign"),
    ("The mayor, who resigned on Monday, testified at the inquiry.", "Monday", "resign"),
    ("The clerk posted the letter, which was signed on Tuesday.", "Tuesday", "sign"),
])  # fmt: skip
def test_a_date_takes_its_own_predicate(text: str, date: str, lemma: str) -> None:
    toks = tokens(text)
    view = SentenceView(text, toks, find_predicates(toks))
    start = text.index(date)
    pred = date_predicate(view, start, start + len(date))
    assert pred is not None
    assert pred.lemma == lemma


@pytest.mark.parametrize(("text", "date"), [
    ("The guard was off duty on Sunday.", "Sunday"),  # no event, and no 'when' clause to lend it to
    ("After she left the clinic on Thursday, the actress was arrested.", "Thursday"),  # the main clause's verb
])  # fmt: skip
def test_a_date_of_no_predicate_in_its_clause(text: str, date: str) -> None:
    toks = tokens(text)
    view = SentenceView(text, toks, find_predicates(toks))
    start = text.index(date)
    assert date_predicate(view, start, start + len(date)) is None


@pytest.mark.parametrize(("text", "expected"), [
    # a date opening its sentence dates the main clause, past a comma and a time of day
    ("On Thursday, 12 May, at about 3 pm, the village market was shelled.", [("12 May", "shell")]),
    ("Early on Sunday, after a long night, the ferry sank near the quay.", [("on Sunday", "sink")]),
    # negatives: a dateline, the day something was said, a day of another year, a date inside a clause
    ("Stockholm, 12 May 2024 — The rights group urged the authorities to free the two reporters.", []),
    ("On 2 June, the minister said in an interview, the talks had gone well.", []),
    ("On 12 May 2019, after a long night, the ferry sank near the quay.", []),
    ("The long dispute over the harbour fees went on Thursday, as the two sides met again.", []),
    ("In Saturday's final, the home side will face the visitors, who defeated the champions.", []),
])  # fmt: skip
def test_a_date_without_a_predicate_of_its_own(text: str, expected: list[tuple[str, str]]) -> None:
    found = claims(text, published=dt.date(2024, 5, 14))
    assert [(c.expression, c.event) for c in found if isinstance(c, DateClaim)] == expected


# --- counts: what a number counts, and what is no count --------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("Troops seized four other hunting rifles.", [(4.0, "rifle")]),
    ("Troops seized two rifles and a radio.", [(2.0, "rifle")]),
    ("She drove an XR-7 to the depot.", []),  # a model's number is a label
    ("A loaf now costs $2 cheaper than in May.", []),  # a difference, not a price
    ("The new tower is 40 metres taller than the old one.", []),
])  # fmt: skip
def test_what_a_number_counts(text: str, expected: list[tuple[float, str | None]]) -> None:
    assert [(n.value, n.noun) for n in find_numbers(text, tokens(text))] == expected


# --- alignment -----------------------------------------------------------------------------------


def claims(body: str, published: dt.date | None = dt.date(2024, 5, 3)) -> list[ClaimBase]:
    cf, _ = claims_file(body, published=published)
    return [c for c in cf.claims if c.frame is not None]


def test_dates_and_ages_of_every_event_meet_in_one_block() -> None:
    found = claims("Anna Vik, 40, was arrested on Monday. The court freed Anna Vik on Friday.")
    dates = [c for c in found if isinstance(c, DateClaim)]
    assert {block(c) for c in dates} == {("date",)}
    assert [block(c) for c in found if isinstance(c, AgeClaim)] == [("age",)]


def test_two_people_sharing_a_surname_never_align() -> None:
    a = claims("Emil Sand, 31, was detained at the border.")
    b = claims("Ola Sand, 34, was detained at the border.")
    assert [p for p in align(a, b) if isinstance(p[0], AgeClaim)] == []


def test_one_person_named_fully_and_by_surname_aligns() -> None:
    a = claims("Police chief Nora Dahl, 47, was injured in the blast.")
    b = claims("Dahl, 48, was injured in the blast, officials said.")
    (pair,) = [p for p in align(a, b) if isinstance(p[0], AgeClaim)]
    assert (pair[0].value, pair[1].value) == (47, 48)


@pytest.mark.parametrize(("a", "b", "aligned"), [
    # a person's age does not move with "last month", "again" or the year of the event it is told
    # beside (an age in "killed in 2011" is the same person's age): only stories years apart do
    ("Nora Dahl, 47, was convicted last month of the robbery.", "Nora Dahl, 48, was sentenced on Friday.", True),
    ("Nora Dahl, 47, was arrested again on Monday.", "Nora Dahl, 48, was held by police.", True),
    ("In 2009, Nora Dahl, 47, was convicted of the robbery.", "Nora Dahl, 48, was sentenced on Friday.", True),
    ("Nora Dahl, 47, was convicted of the robbery.", "Nils Dahl, 48, was sentenced on Friday.", False),
])  # fmt: skip
def test_an_age_moves_with_years_only(a: str, b: str, aligned: bool) -> None:
    pairs = [p for p in align(claims(a), claims(b)) if isinstance(p[0], AgeClaim)]
    assert bool(pairs) == aligned


def test_a_date_of_another_predicate_does_not_align() -> None:
    """The rescue's day and the sinking's day are two events, whatever words the sentences share."""
    a = claims("The frigate rescued a grain tanker in the strait on May 4.")
    b = claims("The frigate sank a raider in the strait on May 9.")
    assert [p for p in align(a, b) if isinstance(p[0], DateClaim)] == []


@pytest.mark.parametrize(("a", "b", "aligned"), [
    # a clause set at another time before the dated verb: its act is not what the date dates
    ("The inmate overpowered two guards during a transfer on Monday before escaping.",
     "The inmate, who escaped after overpowering two guards during a transfer, was caught on Monday.", False),
    # negative: the same act dated in both
    ("The inmate overpowered two guards during a transfer on Monday.",
     "Two guards were overpowered by the inmate during a transfer on Monday.", True),
])  # fmt: skip
def test_a_clause_before_the_dated_verb_is_another_time(a: str, b: str, aligned: bool) -> None:
    dated = [(x.expression, y.expression) for x, y, _ in align(claims(a), claims(b)) if isinstance(x, DateClaim)]
    assert bool(dated) == aligned


def test_a_weekday_of_one_event_told_with_other_verbs_aligns() -> None:
    a = claims("A bomb attack on a depot killed three guards on Wednesday.")
    b = claims("Three guards were killed when attackers bombed the depot on Thursday.")
    dated = [(x.expression, y.expression) for x, y, _ in align(a, b) if isinstance(x, DateClaim)]
    assert dated == [("on Wednesday", "on Thursday")]


def test_a_distance_from_a_place_is_no_distance_travelled() -> None:
    a = claims("The trawler sank 30 miles off Kelmar.")
    b = claims("The trawler sank after sailing 12 miles through the storm.")
    sunk = [c for c in a + b if isinstance(c, QuantityClaim)]
    assert len({block(c) for c in sunk}) == 2


def test_the_same_figure_in_two_wordings_is_more_alike_than_another() -> None:
    a = next(x for x in claims("Crews spent nine days repairing the cable, the operator said.") if x.kind == "quantity")
    b = next(x for x in claims("The operator said repairs to the cable took twelve days.") if x.kind == "quantity")
    c = claims("Twelve days later, the mayor opened a new school.")
    other = next(x for x in c if isinstance(x, QuantityClaim))
    assert isinstance(a, QuantityClaim)
    assert isinstance(b, QuantityClaim)
    assert similarity(a, b) > similarity(a, other)


def compare_texts(tmp_path: Path, articles: dict[str, str]) -> Report:
    return compare_articles(tmp_path, articles)


def story(body: str) -> str:
    return f"3 May 2024\n\nCrane collapse at the harbour\n\n{body}\n"


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # an age against an age, a day of the month against one, worded differently
        ("Crane driver Piet Laan, 58, was injured when the crane fell.",
         "The crane fell on Piet Laan, a driver aged 58, injuring him.", []),
        ("Crane driver Piet Laan, 58, was injured when the crane fell.",
         "The 59-year-old Piet Laan was injured as the crane fell.", ["contradiction"]),
        # an age beside the year of the event it was told with: still the person's one age
        ("Crane driver Piet Laan, 58, was injured when the crane fell in 2024.",
         "Crane driver Piet Laan, 59, was injured when the crane fell.", ["contradiction"]),
        ("The crane collapsed on 2 May, injuring a driver, the port said.",
         "A driver was injured when the crane collapsed on 4 May, the port said.", ["contradiction"]),
        ("The crane collapsed on 2 May, injuring a driver, the port said.",
         "A driver was injured when the crane collapsed on 2 May, the port said.", []),
        # a year one account gives and the other leaves to the reader: the day is what they state
        ("The crane collapsed on 2 May 2023, injuring a driver, the port said.",
         "A driver was injured when the crane collapsed on 2 May, the port said.", []),
        # the same number about different things
        ("The crane fell onto 3 cars and injured a driver.", "The crane fell and 5 dockers were evacuated.", []),
        # a running tally or a season's total is not one event's figure; two tallies are one fact
        ("The union said 4 workers were injured when the crane fell.",
         "The port said 9 workers have so far been injured at the harbour.", []),
        ("The union said 9 workers have so far been injured at the harbour.",
         "The port said 11 workers have so far been injured at the harbour.", ["divergence"]),
        ("The union said 4 workers were injured when the crane fell.",
         "The port said 9 workers were injured when the crane fell.", ["divergence"]),
        # a figure its clause denies is no one's figure: a negative subject denies the verb group
        ("None of the insurers has been said to have offered $2 million for the crane.",
         "The port said its insurer had offered $5 million for the crane.", []),
        ("The port said nobody had offered $2 million for the crane.",
         "The port said its insurer had offered $5 million for the crane.", []),
        # ... but a figure the clause asserts is compared
        ("The port said its insurer had offered $2 million for the crane.",
         "The port said its insurer had offered $5 million for the crane.", ["contradiction"]),
        # a sum only believed or expected is an estimate, not an account; a count so hedged stays
        ("The port is believed to be seeking $2 million from the crane's maker.",
         "The port is seeking $5 million from the crane's maker.", []),
        ("The port is seeking $2 million from the crane's maker.",
         "The port is seeking $5 million from the crane's maker.", ["contradiction"]),
        ("The port is believed to be seeking a deal in the $40 million range for the site.",
         "The port is seeking a deal worth $90 million for the site.", []),
        ("The port is seeking a deal in the $40 million range for the site.",
         "The port is seeking a deal worth $90 million for the site.", ["contradiction"]),
        ("The union said the crane may have injured 4 workers.",
         "The port said 9 workers were injured when the crane fell.", ["divergence"]),
    ],
)  # fmt: skip
def test_facts_of_two_reports(tmp_path: Path, a: str, b: str, expected: list[str]) -> None:
    report = compare_texts(tmp_path, {"a.txt": story(a), "b.txt": story(b)})
    assert [f.severity for f in report.discrepancies] == expected
