"""Noise of open-vocabulary comparison: two reports whose figures, dates or states only look like
one fact. Each row is a pair of made-up sentences and the severities factcheck should give them;
the positives beside each negative show the rule does not silence a real disagreement."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from extract_helpers import claims_file, compare_articles
from factcheck.compare.spread import days_apart
from factcheck.models import DateClaim, DatePrecision, QuantityClaim, StatusClaim


def story(body: str) -> str:
    return f"3 May 2024\n\nFlood at the river port\n\n{body}\n"


def severities(tmp_path: Path, a: str, b: str) -> list[str]:
    report = compare_articles(tmp_path, {"a.txt": story(a), "b.txt": story(b)})
    return [f.severity for f in report.discrepancies]


@pytest.mark.parametrize(("a", "b", "expected"), [
    # figures many times apart are two facts: a shift against a season, seconds against years
    ("The pump crew worked for two hours before the levee held.",
     "The pump crew has worked at the port for eleven years.", []),
    ("The ferry made 6 crossings before the water rose.",
     "The ferry made 140 crossings before the water rose this spring.", []),
    # ... unless the one is the other with its decimal point moved, in one unit
    ("The water rose 1.4 metres above the quay.", "The water rose 14 metres above the quay.", ["contradiction"]),
    ("The flood spread 1.4 kilometres inland.", "The flood spread 140 metres inland.", ["contradiction"]),
    # the digits of the values in one unit, not as written: two hours are six times twenty minutes
    ("The pump crew worked for two hours before the levee held.",
     "The pump crew worked for twenty minutes before the levee held.", []),
    # figures a few times apart still disagree
    ("The pump crew worked for two hours before the levee held.",
     "The pump crew worked for three hours before the levee held.", ["contradiction"]),
    ("The ferry made 6 crossings before the water rose.",
     "The ferry made 9 crossings before the water rose.", ["contradiction"]),
])  # fmt: skip
def test_figures_far_apart_are_two_facts(tmp_path: Path, a: str, b: str, expected: list[str]) -> None:
    assert severities(tmp_path, a, b) == expected


@pytest.mark.parametrize(("a", "b", "expected"), [
    # days weeks apart date two events: the flood and an earlier one, a later one
    ("The harbour master said the quay flooded on 2 May.",
     "The quay flooded on 11 April, the harbour master said.", []),
    ("The lock keeper said the quay flooded on May 2.",
     "The lock keeper said the quay flooded on June 20.", []),
    # a day or two out is the disagreement outlets make
    ("The harbour master said the quay flooded on 2 May.",
     "The harbour master said the quay flooded on 1 May.", ["contradiction"]),
    ("The lock keeper said the quay flooded on May 2.",
     "The lock keeper said the quay flooded on May 4.", ["contradiction"]),
    # a year only one writes is the reader's inference: the days are two apart
    ("The lock keeper said the quay flooded on June 24.",
     "The lock keeper said the quay flooded on June 26, 2019.", ["contradiction"]),
])  # fmt: skip
def test_days_weeks_apart_are_two_events(tmp_path: Path, a: str, b: str, expected: list[str]) -> None:
    assert severities(tmp_path, a, b) == expected


def _day(expression: str, date: dt.date, precision: DatePrecision) -> DateClaim:
    quote = f"The quay flooded {expression}."
    return DateClaim(source="a.txt", start=0, end=len(quote), quote=quote, value_start=17,
                     value_end=17 + len(expression), subject="flood", subject_text="the quay", rule="date.test",
                     event="flood", expression=expression, date=date, precision=precision, resolved=True,
                     resolution="test")  # fmt: skip


@pytest.mark.parametrize(("a", "b", "apart"), [
    (("on 2 May 2024", dt.date(2024, 5, 2), "day"), ("on 20 June 2024", dt.date(2024, 6, 20), "day"), True),
    (("on 2 May 2024", dt.date(2024, 5, 2), "day"), ("on 4 May 2024", dt.date(2024, 5, 4), "day"), False),
    # a month or a year is no calendar day, whichever day stands for it, even with its year written
    (("in May 2024", dt.date(2024, 5, 1), "month"), ("on 20 June 2024", dt.date(2024, 6, 20), "day"), False),
    (("in 2023", dt.date(2023, 1, 1), "year"), ("on 20 June 2024", dt.date(2024, 6, 20), "day"), False),
])  # fmt: skip
def test_only_calendar_days_are_weeks_apart(
    a: tuple[str, dt.date, DatePrecision], b: tuple[str, dt.date, DatePrecision], apart: bool
) -> None:
    assert days_apart(_day(*a), _day(*b)) is apart
    assert days_apart(_day(*b), _day(*a)) is apart


@pytest.mark.parametrize(("a", "b", "expected"), [
    # a source that tells both outcomes lists them: the dead and the wounded, one side each
    ("Storms swept the Norhaven coast, injuring at least nine people.",
     "In the Norhaven district, 4 people were killed, 30 were injured and 200 homes were damaged.", []),
    # one outcome against the other, neither telling both: a disagreement
    ("A deckhand named Ivo Brandt was killed when the crane toppled.",
     "A deckhand named Ivo Brandt was injured when the crane toppled.", ["contradiction"]),
    # ... nor when the other outcome is told of other people: the named man's stays against
    ("A deckhand named Ivo Brandt was killed when the crane toppled. "
     "Two other workers were injured in March at another port.",
     "A deckhand named Ivo Brandt was injured when the crane toppled.", ["contradiction"]),
])  # fmt: skip
def test_a_source_telling_both_outcomes_lists_them(tmp_path: Path, a: str, b: str, expected: list[str]) -> None:
    assert severities(tmp_path, a, b) == expected


@pytest.mark.parametrize(("a", "b", "expected"), [
    # a source giving both figures tells two facts: the other's figure is one of its own
    ("The customs crew seized 12 crates at the pier on Monday. "
     "In all the crew has seized 31 crates at the pier since March.",
     "The customs crew seized 31 crates at the pier, officials said.", []),
    ("Anna Vik scored 14 points and Lena Holm had 11 points for the home side.",
     "Lena Holm scored 11 points for the home side.", []),
    # ... but in one sentence the words next to each figure say whose it is
    ("Anna Vik scored 14 points and Lena Holm had 11 points for the home side.",
     "Anna Vik scored 11 points for the home side.", ["contradiction"]),
    ("The pumps moved 40 tonnes of silt from the north basin and 55 tonnes from the south basin.",
     "The pumps moved 55 tonnes of silt from the north basin.", ["contradiction"]),
    # ... and a time the two figures set against each other share, and the other lacks, sets it apart
    ("The volunteers filled 120 sandbags at the dock on Monday. "
     "Over the whole week the volunteers filled 180 sandbags at the dock, the council said.",
     "The volunteers filled 180 sandbags at the dock on Monday.", ["contradiction"]),
    # neither source giving both: a disagreement
    ("The customs crew seized 12 crates at the pier, officials said.",
     "The customs crew seized 31 crates at the pier, officials said.", ["contradiction"]),
])  # fmt: skip
def test_a_source_giving_both_figures_tells_two_facts(tmp_path: Path, a: str, b: str, expected: list[str]) -> None:
    assert severities(tmp_path, a, b) == expected


@pytest.mark.parametrize(("a", "b", "expected"), [
    # the crime a charge names is no act of the clause: its date is the charge's, and what a clause
    # after "after" tells came before it
    ("The dock worker was charged on Saturday with murder after he allegedly opened fire at the "
     "river depot, the police said.",
     "Police said the dock worker opened fire at the river depot on Friday, killing a guard.", []),
    ("Jailers kept the suspect, who faces murder charges for the river depot shooting, under a suicide "
     "watch on Monday.",
     "Police said the dock worker shot a guard at the river depot on Friday night.", []),
    # the act itself, dated two ways: a disagreement
    ("A dock worker opened fire at the river depot on Saturday, killing a guard, police said.",
     "Police said the dock worker opened fire at the river depot on Friday, killing a guard.", ["contradiction"]),
])  # fmt: skip
def test_a_charge_dates_the_charge_not_the_crime(tmp_path: Path, a: str, b: str, expected: list[str]) -> None:
    assert severities(tmp_path, a, b) == expected


@pytest.mark.parametrize(("text", "predicate"), [
    ("The guard was charged with murder on Saturday.", "charge"),
    ("She was accused of the killing on Monday.", "accuse"),
    ("He was arraigned on two murder charges on Tuesday.", "arraign"),
    ("The shooting suspect was arrested on Friday.", "arrest"),
    ("The man was arrested on charges of assault on Friday.", "arrest"),
    ("Police said the shooting happened on Friday night.", "happen"),
    ("He faced a murder charge on Tuesday.", "face"),
    ("The charges against him were dropped on Tuesday.", "drop"),
    # no accusation: a rush of the police, a duty
    ("The police charges on protesters Friday were condemned by the mayor.", "charge"),
    ("The officer in charge of the unit was dismissed on Monday.", "dismiss"),
])  # fmt: skip
def test_a_date_beside_a_charge_is_of_the_legal_act(text: str, predicate: str) -> None:
    cf, _ = claims_file(text)
    framed = [c.frame.predicate for c in cf.claims if isinstance(c, DateClaim) and c.frame is not None]
    assert framed
    assert set(framed) == {predicate}


@pytest.mark.parametrize(("a", "b", "expected"), [
    # custody verbs taking a thing: no one is held or freed
    ("The surge along Kellmore Quay was captured on a shaky phone recording played to the council.",
     "The harbour board has released fresh footage of the surge along Kellmore Quay.", []),
    ("The skipper Ivo Brandt was captured on camera as the water rose.",
     "The skipper Ivo Brandt was rescued as the water rose.", []),
    ("Ivo Brandt was later released on bail, police said.",
     "Results of Ivo Brandt's breath test have not been released, police said.", []),
    # a person held against a person freed, and a verb whose clause ends before the thing
    ("The skipper Ivo Brandt was captured near the quay on Monday.",
     "The skipper Ivo Brandt was rescued near the quay on Monday.", ["contradiction"]),
    ("The skipper Ivo Brandt was rescued before the wheelhouse caught fire.",
     "The skipper Ivo Brandt was captured before the wheelhouse sank.", ["contradiction"]),
    ("Ivo Brandt was later released on bail, police said.",
     "Ivo Brandt has not been released, police said.", ["contradiction"]),
    # only the head noun of the object or of the passive subject says what is taken: a word that
    # also names a person, or a thing named inside a longer subject or object, is no thing held
    ("Union figure Ivo Brandt was released on Monday, police said.",
     "Union figure Ivo Brandt has not been released, police said.", ["contradiction"]),
    ("Record holder Ivo Brandt was released on Monday, police said.",
     "Record holder Ivo Brandt has not been released, police said.", ["contradiction"]),
    ("The skipper who shared the photos was captured near the quay on Monday.",
     "The skipper who shared the photos was rescued near the quay on Monday.", ["contradiction"]),
    ("Coastguards captured a man seen on camera cutting the moorings.",
     "Coastguards rescued a man seen on camera cutting the moorings.", ["contradiction"]),
])  # fmt: skip
def test_custody_of_things_holds_no_one(tmp_path: Path, a: str, b: str, expected: list[str]) -> None:
    assert severities(tmp_path, a, b) == expected


@pytest.mark.parametrize(("text", "states"), [
    # a person held or freed, however the subject or object goes on
    ("A well-known harbour figure was released on Monday.", ["released"]),
    ("The deckhand who filmed the flooding was released on bail.", ["released"]),
    ("A deckhand with a long record was released from custody.", ["released"]),
    ("Coastguards detained a sailor seen in the photos.", ["detained"]),
    ("The skipper Ivo Brandt was detained on Monday.", ["detained"]),
    # a thing taken: the head noun of the object or of the passive subject
    ("The port authority released the footage on Monday.", []),
    ("The coastguard released a short statement.", []),
    ("The wheelhouse caught fire as the water rose.", []),
    ("Results of the survey have not been released.", []),
    ("The skipper was captured on camera as the water rose.", []),
])  # fmt: skip
def test_custody_is_read_from_the_head_noun(text: str, states: list[str]) -> None:
    cf, _ = claims_file(story(text))
    rules = (".custody", ".detained", ".released")
    got = [c.state.key() for c in cf.claims if isinstance(c, StatusClaim) and c.rule.endswith(rules)]
    assert sorted(set(got)) == states


@pytest.mark.parametrize(("text", "counts"), [
    # a score or a record is two figures joined by a dash: neither counts anything
    ("The Gulls lost a 31-27 overtime game on Sunday.", []),
    ("The Gulls took an 8-5 lead and then won 14 corner kicks.", ["14 corner kicks"]),
    ("After the 64-58 defeat the Gulls stand 11-16 for the year.", []),
    ("The Gulls won 4-2 on Sunday.", []),
    # counts stay counts, and a range of a plural noun is a count, not a score
    ("The Gulls signed 3 rookies and released two veterans.", ["3 rookies", "two veterans"]),
    ("Between 40-50 supporters were held outside the ground.", ["50 supporters"]),
    ("Stewards held 8-12 people at the gate.", ["12 people"]),
])  # fmt: skip
def test_a_score_is_no_count(text: str, counts: list[str]) -> None:
    cf, _ = claims_file(f"3 May 2024\n\nGulls report\n\n{text}\n")
    assert [c.expression for c in cf.claims if isinstance(c, QuantityClaim) and c.rule == "mention.count"] == counts


@pytest.mark.parametrize(("a", "b", "expected"), [
    # one kind of act by other named doers is two acts, each on its own day
    ("Port owner Tove Berg flew to the capital on Tuesday to meet the minister.",
     "Port owner Jon Lind and his deputy Per Dahl flew to the capital on Thursday to meet the minister.", []),
    # the same doer, or a doer one report leaves out, is one act dated two ways
    ("Port owner Tove Berg flew to the capital on Tuesday to meet the minister.",
     "Tove Berg flew to the capital on Thursday to meet the minister.", ["contradiction"]),
    ("Port owner Tove Berg flew to the capital on Tuesday to meet the minister.",
     "The port's owner flew to the capital on Thursday to meet the minister.", ["contradiction"]),
    # a doer against one the other report names in another role: one act
    ("The port is still awaiting the case of its pilot Tove Berg, arrested 6 April on Kvarn Harbour Road.",
     "Another pilot, Tove Berg, was arrested early 8 April on Kvarn Harbour Road.", ["contradiction"]),
])  # fmt: skip
def test_acts_of_other_doers_are_two_acts(tmp_path: Path, a: str, b: str, expected: list[str]) -> None:
    assert severities(tmp_path, a, b) == expected
