"""What a figure counts: part against whole, rate against total, whose, what kind of amount, what a
measure describes. Phrase-to-scope tables and pairs of figures, negatives included; every phrase
is written for the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract_helpers import compare_articles
from factcheck.compare.figures import part_of_whole, same_fact, scope, vague_holds
from factcheck.models import Figure, QuantityClaim, Report


def figure(
    text: str, words: str, unit: str = "people", number: float = 1.0, rule: str = "mention.count"
) -> QuantityClaim:
    """A figure stated by `words` inside the sentence `text`."""
    at = text.index(words)
    return QuantityClaim(
        source="a.txt", start=0, end=len(text), quote=text, value_start=at, value_end=at + len(words),
        subject=Figure(event=None, unit=unit), subject_text=unit, rule=rule, low=number, high=number,
        number=number, qualifier="exact", unit=unit, expression=words,
    )  # fmt: skip


# --- part of a larger figure ---------------------------------------------------------------------


@pytest.mark.parametrize(("text", "words", "unit", "part"), [
    ("A further 300 marchers joined the rally at noon.", "300 marchers", "people", "additional"),
    ("Another 12 boats were seen near the pier.", "12 boats", "boats", "additional"),
    ("Three other lorries were damaged in the yard.", "Three other lorries", "lorries", "additional"),
    ("Firefighters said two girls and a man were trapped inside.", "two girls", "people", "listed after"),
    ("Firefighters said a man and two girls were trapped inside.", "two girls", "people", "listed before"),
    ("Nine of the depot's 30 drivers were on strike.", "Nine", "people", "of the whole"),
    ("The buyer pays €40m in cash and €8m in shares.", "€40m", "EUR", "listed after"),
    ("The buyer pays €40m in cash and €8m in shares.", "€8m", "EUR", "listed before"),
    ("The board said €40m of the purchase price is cash.", "€40m", "EUR", "of the whole"),
    ("Forty people were hurt, including 11 pupils.", "11 pupils", "people", "including"),
    ("The keeper saved his first 14 shots.", "14 shots", "shots", "first"),
    # negatives: two outcomes, a range, a whole with its part named before it, a share
    ("Ten people were killed and 20 injured in the blast.", "Ten people", "people", None),
    ("Ten people were killed and 20 injured in the blast.", "20", "people", None),
    ("The bill came to between €40m and €55m, the council said.", "€40m", "EUR", None),
    ("More than half of the 90 delegates walked out.", "90 delegates", "people", None),
    ("Nearly 70 percent of the voters stayed at home.", "70 percent", "percent", None),
    ("Eight trucks and two vans were stolen.", "Eight trucks", "trucks", None),
    ("Police said more than 50 people were held.", "more than 50 people", "people", None),
])  # fmt: skip
def test_a_part_of_a_larger_figure(text: str, words: str, unit: str, part: str | None) -> None:
    assert scope(figure(text, words, unit)).part == part


# --- rates, kinds of amount, owners, measured things ---------------------------------------------


@pytest.mark.parametrize(("text", "words", "unit", "field", "value"), [
    ("The striker earns €4 million a year at the club.", "€4 million", "EUR", "per", "year"),
    ("She scored 22 points per game last winter.", "22 points", "points", "per", "game"),
    ("The tenants pay 36 monthly instalments of $50.", "$50", "USD", "per", "month"),
    ("Each winner receives $200 apiece.", "$200", "USD", "per", "each"),
    ("She scored 22 points in the final.", "22 points", "points", "per", None),
    ("The fine was paid a week ago: $900.", "$900", "USD", "per", None),
    ("The actor took a modest $2 million salary for the role.", "$2 million", "USD", "kinds", frozenset({"pay"})),
    ("The council agreed a price of $140 for each permit.", "$140", "USD", "kinds", frozenset({"price"})),
    ("The film has taken $80 million at the box office.", "$80 million", "USD", "kinds", frozenset()),
    ("The port's 900 dockers walked out.", "900 dockers", "people", "owner", "port"),
    ("Her 900 followers saw the post.", "900 followers", "people", "owner", None),
    ("The eight-hour shift ended at dawn.", "eight-hour", "hours", "measured", "shift"),
    ("The new tablet is only 0.4 inches thick.", "0.4 inches", "inches", "measured", "thick"),
    ("The ferry sailed 40 miles in the storm.", "40 miles", "miles", "measured", None),
    ("Some 300 pupils and staff were sent home.", "300 pupils", "people", "joint", "staff"),
    ("Some 300 reporters and photographers were there.", "300 reporters", "people", "joint", None),
    # an amount for two named parties together, and negatives: one party, a thing, a noun pair
    ("The club spent $90 million to sign Ames and Bauer.", "$90 million", "USD", "joint", "ames"),
    ("The club paid €30 million for Ames, Cole and Bauer.", "€30 million", "EUR", "joint", "ames"),
    ("The club spent $90 million to sign strikers J.D. Ames and Bauer.", "$90 million", "USD", "joint", "j.d. ames"),
    ("The club spent $90 million to sign Ames in May.", "$90 million", "USD", "joint", None),
    ("The club paid $90 million for Ames and a new stadium.", "$90 million", "USD", "joint", None),
    ("The club paid $90 million for players and staff.", "$90 million", "USD", "joint", None),
])  # fmt: skip
def test_what_a_figure_is_of(text: str, words: str, unit: str, field: str, value: object) -> None:
    assert getattr(scope(figure(text, words, unit)), field) == value


# --- pairs: one fact or two ----------------------------------------------------------------------


@pytest.mark.parametrize(("a", "b", "one_fact"), [
    # the same number about different things
    (("The coach took a $3 million salary this year.", "$3 million", "USD"),
     ("The team's new stadium has taken $3 million in ticket sales.", "$3 million", "USD"), False),
    (("Buyers pay 24 monthly instalments of $30.", "$30", "USD"),
     ("The phone sells for a price of $499.", "$499", "USD"), False),
    (("She averaged 18 points a game.", "18 points", "points"),
     ("She finished the season with 410 points.", "410 points", "points"), False),
    (("The depot's 40 drivers were told to stay home.", "40 drivers", "people"),
     ("The firm's 350 drivers were told to stay home.", "350 drivers", "people"), False),
    (("A 90-minute hearing was held on Monday.", "90-minute", "minutes"),
     ("The judge has sat on the bench for 20 years.", "20 years", "years"), False),
    (("The new model is 0.6 inches thick.", "0.6 inches", "inches"),
     ("The 15-inch model ships in June.", "15-inch", "inches"), False),
    (("The ferry carried 200 passengers and crew.", "200 passengers", "people"),
     ("The ferry carried 160 passengers.", "160 passengers", "people"), False),
    (("The club spent $90 million to sign Ames and Bauer.", "$90 million", "USD"),
     ("The club spent $50 million to sign Ames.", "$50 million", "USD"), False),
    # one fact in two wordings
    (("The club spent $90 million to sign Ames and Bauer.", "$90 million", "USD"),
     ("The club paid $95 million for Ames and Bauer.", "$95 million", "USD"), True),
    (("The company agreed a $90 million deal for the mill.", "$90 million", "USD"),
     ("The company will acquire the mill for $95 million.", "$95 million", "USD"), True),
    (("The striker earns €4 million a year.", "€4 million", "EUR"),
     ("His wage is put at €5 million a year.", "€5 million", "EUR"), True),
    (("The 90-minute hearing ended in uproar.", "90-minute", "minutes"),
     ("The hearing lasted two hours.", "two hours", "hours"), True),
    (("About 60 miners were rescued.", "60 miners", "people"),
     ("Rescuers brought 64 miners to the surface.", "64 miners", "people"), True),
])  # fmt: skip
def test_one_fact_or_two(a: tuple[str, str, str], b: tuple[str, str, str], one_fact: bool) -> None:
    assert same_fact(figure(*a), figure(*b)) is one_fact


@pytest.mark.parametrize(("text", "words", "unit", "listed"), [
    # several bidders' offers, a range's two ends: each figure is one of a list
    ("The first bidder offered $90 million over six years, the second $80 million over five years.",
     "$90 million", "USD", True),
    ("The first bidder offered $90 million over six years, the second $80 million over five years.",
     "$80 million", "USD", True),
    ("The first bidder offered $90 million over six years, the second $80 million over five years.",
     "six years", "years", True),
    ("The red team (six years, $40 million) and the blue team (five years, $30 million) made offers.",
     "$30 million", "USD", True),
    ("The offers were in the $70 million to $90 million range.", "$70 million", "USD", True),
    # negatives: each figure told by its own verb, other units, other currencies, one figure, counts
    ("The firm raised $35m in two rounds and also got $9m in grants.", "$35m", "USD", False),
    ("He was sentenced to 2 years, with 9 months to serve.", "2 years", "years", False),
    ("The jury deliberated for 40 hours over four days.", "40 hours", "hours", False),
    ("The hall was valued at 2 million euros ($2.6 million).", "$2.6 million", "USD", False),
    ("The hall was sold for $50 million.", "$50 million", "USD", False),
    ("Ten people were killed and 20 injured in the blast.", "Ten people", "people", False),
    # negatives: the other figure is set against this one (a former figure, a restatement), no list
    ("The group paid $90 million for the mill, up from $70 million a year earlier.", "$90 million", "USD", False),
    ("The group bought the rival for $3 billion, or $25 a share.", "$3 billion", "USD", False),
    ("The bank lost $6 million in the quarter, against $2 million a year before.", "$6 million", "USD", False),
    ("The bank made $8 million, more than the $5 million it forecast.", "$8 million", "USD", False),
])  # fmt: skip
def test_a_figure_one_of_a_list(text: str, words: str, unit: str, listed: bool) -> None:
    assert scope(figure(text, words, unit)).listed is listed


def test_a_part_never_contradicts_a_total_it_fits_in() -> None:
    whole = figure("Three people died in the fire.", "Three people", number=3)
    part = figure("Two women and a man died in the fire.", "Two women", number=2)
    bigger = figure("Nine judges and two clerks were named.", "Nine judges", number=9)
    other_part = figure("Three other boats sank.", "Three other boats", number=3)
    same_part = figure("The other two boats sank.", "two boats", number=2)
    assert part_of_whole(whole, part)
    assert not part_of_whole(whole, bigger)  # a part above the whole: the two cannot both hold
    assert not part_of_whole(other_part, same_part)  # two parts may be the same part


def test_a_vague_figure_holds_a_number_inside_it() -> None:
    dozens = figure("Dozens of people were evacuated.", "Dozens of people", rule="quantity.vague")
    dozens = dozens.model_copy(update={"low": 24.0, "high": 99.0})
    assert vague_holds(dozens, figure("Around 60 people were evacuated.", "Around 60 people", number=60))
    assert not vague_holds(dozens, figure("Some 300 people were evacuated.", "Some 300 people", number=300))


# --- two reports -----------------------------------------------------------------------------------


def compare_texts(tmp_path: Path, a: str, b: str) -> Report:
    head = "3 May 2024\n\nFire at the market hall\n\n"
    return compare_articles(tmp_path, {"a.txt": f"{head}{a}\n", "b.txt": f"{head}{b}\n"})


@pytest.mark.parametrize(("a", "b", "expected"), [
    # part against whole: the parts fit in the total
    ("Police said two women and a man died when the market hall burned.",
     "Police said three people died when the market hall burned.", []),
    ("Police said 40 traders were evacuated when the market hall burned.",
     "Police said a further 300 shoppers were evacuated when the market hall burned.", []),
    # a rate against a total, a salary against takings
    ("The hall's owner said it earns $40,000 a month from the stalls.",
     "The hall's owner said it earned $900,000 from the stalls.", []),
    # the same fact with different figures is still found
    ("Police said three people died when the market hall burned.",
     "Police said five people died when the market hall burned.", ["contradiction"]),
    # several bidders' offers against one bidder's: facts of their own bidders
    ("Before the fire, the first bidder offered $16 million for the market hall, the second $15 million.",
     "Before the fire, a bidder offered $18 million for the market hall.", []),
    ("Before the fire, a bidder offered $16 million for the market hall.",
     "Before the fire, a bidder offered $18 million for the market hall.", ["contradiction"]),
])  # fmt: skip
def test_figures_of_two_reports(tmp_path: Path, a: str, b: str, expected: list[str]) -> None:
    assert [f.severity for f in compare_texts(tmp_path, a, b).discrepancies] == expected


FINED = "A court ordered the bakery to pay three fines of $500 and eight fines of $200 on Tuesday."


@pytest.mark.parametrize(("b", "expected"), [
    # each report gives both figures of the list: two facts told alike, no conflict between them
    ("On Tuesday the bakery was ordered by the court to pay three separate fines of $500 and eight fines "
     "of $200.", []),
    # one figure of the list told otherwise is still found
    ("On Tuesday the bakery was ordered by the court to pay three separate fines of $500 and nine fines "
     "of $200.", ["contradiction"]),
    # one figure against the other's list still counts
    ("On Tuesday the bakery was ordered by the court to pay eight fines.", ["contradiction"]),
])  # fmt: skip
def test_figures_each_report_lists(tmp_path: Path, b: str, expected: list[str]) -> None:
    head = "3 May 2024\n\nBakery fined over hygiene\n\n"
    report = compare_articles(tmp_path, {"a.txt": f"{head}{FINED}\n", "b.txt": f"{head}{b}\n"})
    assert [f.severity for f in report.discrepancies] == expected
