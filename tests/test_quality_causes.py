"""The general causes of detection misses fixed for the gold clusters (issue 6), shown cause by cause.

Every phrase here is written for the test, never taken from the corpus. Each table holds rows
showing the behaviour a fix gave (figures that are different facts, phrases that are no claim) and
control rows where the rule still fires. Most tables run the whole comparison over one small
folder per row, so they show what a reader of the report sees. Rows marked `gap` are behaviours a
cause calls for that the rules do not have yet: strict xfails, so they fail loudly once fixed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import NamedTuple

import pytest

from extract_helpers import claims_file, dates, make_document, quantities
from factcheck.models import AgeClaim, QuantityClaim, Report
from factcheck.segment import segment
from test_compare import compare

PUBLISHED = dt.date(2022, 7, 20)  # a Wednesday
DATELINE = "20 July 2022"


class Story(NamedTuple):
    """An incident as several outlets tell it: the same headline and background sentences (which
    state nothing a rule could compare), plus the sentence under test."""

    headline: str
    background: str

    def article(self, sentence: str, dateline: str | None = DATELINE) -> str:
        head = f"{self.headline}\n\n{dateline}\n\n" if dateline else f"{self.headline}\n\n"
        return f"{head}{sentence}\n\n{self.background}\n"


DEAL = Story(
    "Brightwell Foods buys Kestrel Dairy",
    "Brightwell Foods is buying the Kestrel Dairy cooperative, its chief executive Laila Orvik said. "
    "Orvik said the Kestrel Dairy farmers would keep their land and their herds. "
    "The Kestrel Dairy board backed the sale to Brightwell Foods.",
)
SHIP = Story(
    "Pirates seize grain ship",
    "Captain Pavel Rusnak said the crew of the grain ship was safe. "
    "Rusnak said the ship had been carrying wheat to Durban. "
    "The owners of the ship thanked the navy for its help.",
)
MARCH = Story(
    "Police break up march in Brenna",
    "Organiser Ida Sand said the march in Brenna had been peaceful. "
    "Sand said the police in Brenna had blocked the bridge. "
    "The Brenna city council said Sand had asked for a permit.",
)
QUAKE = Story(
    "Earthquake shakes Orlin",
    "Mayor Ines Calder said rescue teams were searching the villages around Orlin. "
    "Calder said the roads to Orlin had been cleared by the army. "
    "The Orlin district council thanked Calder for her work.",
)
NEWSROOM = Story(
    "Police search the Kerrin Herald",
    "Reporter Nadia Voss said the police had taken her camera. "
    "Voss said she would keep writing about the mayor of Kerrin. "
    "The Kerrin Herald said Voss had filed a complaint.",
)
EDITOR = Story(
    "Police search the Kerrin Herald",
    "Editor Rauf Hasanli said the Kerrin Herald would keep publishing. "
    "Hasanli said the police had searched the Kerrin Herald office. "
    "The Kerrin Herald said Hasanli had been questioned.",
)
CLUB = Story(
    "Lind stays at Rovers",
    "Rovers striker Tomas Lind said he was happy at the club. "
    "Lind said the Rovers fans had made him feel at home. "
    "The Rovers manager praised Lind after training.",
)
SCHOOL = Story(
    "Teacher in Kerrin row",
    "Teacher Oskar Brandt said he had only read a poem to his class in Kerrin. "
    "Brandt said parents in Kerrin had written to support him. "
    "The Kerrin school board said Brandt had been warned before.",
)

Expected = list[tuple[str, str]]  # (severity, a fragment of the finding's attribute)
NO_FINDING: Expected = []


class Account(NamedTuple):
    """The sentence under test in one outlet's article, with the article's dateline (None: an
    undated article) and whether the sentence makes any claim: a row where nothing is found must
    show whether nothing was claimed or the claims were rightly not compared."""

    sentence: str
    dateline: str | None = DATELINE
    makes_claims: bool = True


def silent(sentence: str) -> Account:
    """A sentence that makes no claim: what it states is not a fact the rules compare."""
    return Account(sentence, makes_claims=False)


def undated(sentence: str) -> Account:
    return Account(sentence, dateline=None)


# Said by one source beside a self-contradicting one, so that the folder is one incident.
QUIET = silent("The Kerrin Herald said the mayor had not replied to questions.")


def compare_accounts(tmp_path: Path, story: Story, accounts: list[str | Account]) -> Report:
    """Compare one article per account, all telling `story`: they must form one incident (or 'no
    finding' would prove nothing), and each makes claims or not as its account says. The stories'
    fixed sentences make no claims, so every claim counted comes from the sentence under test."""
    told = [a if isinstance(a, Account) else Account(a) for a in accounts]
    articles = {f"{chr(ord('a') + i)}.txt": story.article(a.sentence, a.dateline) for i, a in enumerate(told)}
    report = compare(tmp_path, articles)
    assert [len(i.sources) for i in report.incidents] == [len(told)]
    claimed = {s.id: s.claims > 0 for s in report.sources}
    # A sentence the listed rules leave may still hold open-vocabulary claims (rules `mention.*`):
    # "silent" rows assert only that nothing is found, those that claim must claim.
    assert all(claimed[name] for name, a in zip(articles, told, strict=True) if a.makes_claims)
    return report


def assert_findings(report: Report, expected: Expected) -> None:
    """The discrepancies are exactly `expected`: same severities, attributes containing the
    fragments (their wording is the report's to choose)."""
    found = [(f.severity, f.attribute) for f in report.discrepancies]
    remaining = list(found)
    for severity, fragment in expected:
        hit = next((f for f in remaining if f[0] == severity and fragment in f[1]), None)
        assert hit is not None, f"no {severity} on {fragment!r} among {found}"
        remaining.remove(hit)
    assert remaining == [], f"unexpected findings {remaining}"


# --- 1. money: what part of a deal an amount is ------------------------------------------------

# fmt: off
MONEY = [
    pytest.param(
        ["Brightwell paid $281 million in cash for the cooperative.",
         "Brightwell paid $334 million for the cooperative."],
        NO_FINDING, id="cash-part-is-not-the-total"),
    pytest.param(
        ["Brightwell paid $281 million for the cooperative.",
         "Brightwell paid $334 million for the cooperative."],
        [("contradiction", "paid")], id="control-two-totals"),
    pytest.param(
        ["Brightwell paid €70 million for the cooperative, with bonuses pushing it close to €80 million.",
         "Brightwell paid €70 million for the cooperative."],
        NO_FINDING, id="base-fee-and-bonus-total"),
    pytest.param(
        ["Brightwell paid €70 million for the cooperative, with bonuses pushing it close to €80 million.",
         "Brightwell paid €75 million for the cooperative."],
        [("contradiction", "paid")], id="control-base-fees-differ"),
    pytest.param(
        ["Most recently, Kestrel Dairy raised $20 million from investors.",
         "Kestrel Dairy has raised $90 million in funding."],
        NO_FINDING, id="latest-round-is-not-total-funding"),
    pytest.param(
        ["Kestrel Dairy has raised $20 million in funding.",
         "Kestrel Dairy has raised $90 million in funding."],
        [("contradiction", "raised")], id="control-two-funding-totals"),
    pytest.param(
        [silent("Brightwell paid $25 a share for the cooperative."),
         silent("Brightwell paid $30 a share for the cooperative.")],
        [("contradiction", "per share")], id="price-per-share-is-a-rate-not-the-amount-paid"),
    pytest.param(
        ["A rival offered to pay $150 million for the cooperative.",
         "Brightwell paid $120 million for the cooperative."],
        NO_FINDING, id="offer-never-contradicts"),
    pytest.param(
        ["A rival was bidding $150 million to buy the cooperative.",
         "Brightwell paid $120 million for the cooperative."],
        NO_FINDING, id="bid-never-contradicts"),
    pytest.param(
        ["Brightwell paid $150 million for the cooperative.",
         "Brightwell paid $120 million for the cooperative."],
        [("contradiction", "paid")], id="control-two-payments"),
    pytest.param(
        [silent("After the deal, a wheel of Kestrel cheese costs $3 cheaper than before."),
         "After the deal, a wheel of Kestrel cheese costs $8."],
        NO_FINDING, id="price-difference-is-not-an-amount"),
]
# fmt: on


@pytest.mark.parametrize(("accounts", "expected"), MONEY)
def test_money_roles(tmp_path: Path, accounts: list[str | Account], expected: Expected) -> None:
    assert_findings(compare_accounts(tmp_path, DEAL, accounts), expected)


# --- 2. distances: anchored to a place and a direction ------------------------------------------

# fmt: off
DISTANCES = [
    pytest.param(
        ["Pirates seized the grain ship 150 miles east of Socotra.",
         "Pirates seized the grain ship 150 miles west of Socotra."],
        [("contradiction", "distance from Socotra")], id="same-distance-other-direction"),
    pytest.param(
        ["Pirates seized the grain ship 150 miles east of Socotra.",
         "Pirates seized the grain ship 150 miles east of Socotra."],
        NO_FINDING, id="same-distance-same-direction"),
    pytest.param(
        ["Pirates seized the grain ship 150 miles off Socotra.",
         "The navy found the pirates' skiff 13 miles from the ship."],
        NO_FINDING, id="distances-from-different-places"),
    pytest.param(
        ["Pirates seized the grain ship 150 miles off Socotra.",
         "Pirates seized the grain ship 200 miles off Socotra."],
        [("contradiction", "distance from Socotra")], id="control-two-distances-from-one-place"),
    pytest.param(
        ["Pirates seized the grain ship 150 miles off Socotra.",
         silent("Pirates seized the grain ship after sailing 90 miles through the night.")],
        NO_FINDING, id="distance-without-anchor-is-no-claim"),
]
# fmt: on


@pytest.mark.parametrize(("accounts", "expected"), DISTANCES)
def test_distances_are_anchored(tmp_path: Path, accounts: list[str | Account], expected: Expected) -> None:
    assert_findings(compare_accounts(tmp_path, SHIP, accounts), expected)


# --- 3. partial and vague counts never contradict totals --------------------------------------

# fmt: off
PARTS = [
    pytest.param(["Police said two more victims died in hospital in Brenna.",
                  "Police said five people were killed in Brenna."], NO_FINDING, id="two-more"),
    pytest.param(["Another 2,000 protesters were detained in Brenna.",
                  "Police said 500 protesters were detained in Brenna."], NO_FINDING, id="another-2000"),
    pytest.param(["Doctors said 30 of the 80 wounded protesters were students.",
                  "Doctors said 30 protesters were wounded in Brenna."],
                 [("contradiction", "injured")], id="30-of-the-80-wounded-total-is-80"),
    pytest.param(["Doctors said 30 of the 80 wounded protesters were students.",
                  "Doctors said 80 protesters were wounded in Brenna."], NO_FINDING, id="30-of-the-80-agrees-with-80"),
    pytest.param(["Three others were detained near the bridge in Brenna.",
                  "Police said 12 people were detained in Brenna."], NO_FINDING, id="three-others"),
    pytest.param(["The organiser had four prior arrests, police said.",
                  "Police said 12 people were detained in Brenna."], NO_FINDING, id="prior-arrests"),
    pytest.param(["Dozens of protesters were detained in Brenna.",
                  "Police said 12 people were detained in Brenna."], NO_FINDING, id="dozens"),
    pytest.param(["Several protesters were detained in Brenna.",
                  "Police said 12 people were detained in Brenna."], NO_FINDING, id="several"),
    pytest.param(["Police said five people were killed in Brenna.",
                  "Police said two people were killed in Brenna."],
                 [("contradiction", "killed")], id="control-two-totals"),
    pytest.param(["Police detained 70 people at the rally; 53 were reporters.",
                  "Police said 70 people were detained at the rally."], NO_FINDING, id="53-of-70-were-reporters"),
    pytest.param(["Police said 278 of the detainees have been released.",
                  "Police said 284 protesters were detained in Brenna."], NO_FINDING, id="278-of-the-detainees"),
]
# fmt: on


@pytest.mark.parametrize(("accounts", "expected"), PARTS)
def test_partial_and_vague_counts_never_contradict_totals(
    tmp_path: Path, accounts: list[str | Account], expected: Expected
) -> None:
    assert_findings(compare_accounts(tmp_path, MARCH, accounts), expected)


# --- 4. populations are not event counts -------------------------------------------------------

# fmt: off
POPULATIONS = [
    # Two populations of one place differ: judged as the place's population, never as an event count.
    pytest.param([silent("The quake hit Orlin, a city of 500,000 people, before dawn."),
                  silent("The quake hit Orlin, a city of 450,000 people, before dawn.")],
                 [("contradiction", "population")], id="a-city-of"),
    pytest.param([silent("The quake damaged the island, home to 120,000 people, before dawn."),
                  silent("The quake killed 90,000 people on the island before dawn.")],
                 NO_FINDING, id="population-against-a-toll"),
    pytest.param(["Officials said 500,000 people were evacuated from Orlin.",
                  "Officials said 450,000 people were evacuated from Orlin."],
                 [("contradiction", "evacuated")], id="control-evacuated"),
]
# fmt: on


@pytest.mark.parametrize(("accounts", "expected"), POPULATIONS)
def test_populations_are_not_event_counts(tmp_path: Path, accounts: list[str | Account], expected: Expected) -> None:
    assert_findings(compare_accounts(tmp_path, QUAKE, accounts), expected)


# --- 5. attackers and victims are counted apart ------------------------------------------------

# fmt: off
AGENTS = [
    ("Twenty men beat him outside the Kerrin Herald office.", ("attack", "agents")),
    ("A dozen masked men attacked the reporters in Kerrin.", ("attack", "agents")),
    ("Nearly 60 journalists were attacked in Kerrin this year.", ("attack", None)),
    ("Twenty men were beaten outside the Kerrin Herald office.", ("attack", None)),
    ("Twenty men were beaten by police outside the office.", ("attack", None)),
    pytest.param("Police said 20 people arrested after the march were students.", ("detain", None),
                 id="reduced-passive"),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "event"), AGENTS)
def test_attackers_and_victims_are_counted_apart(sentence: str, event: tuple[str, str | None]) -> None:
    (q,) = quantities(sentence)
    assert (q.event, q.role) == event
    assert q.subject.key() == ":".join(
        filter(None, [*event, q.unit])
    )  # the key claim ids are made of: 'attack:agents:people'


# fmt: off
AGENTS_COMPARED = [
    pytest.param(["Twenty men beat him outside the Kerrin Herald office.",
                  "Nearly 60 journalists were attacked in Kerrin this year."], NO_FINDING, id="attackers-victims"),
    pytest.param(["Twenty men beat him outside the Kerrin Herald office.",
                  "Twelve men beat him outside the Kerrin Herald office."],
                 [("contradiction", "who attacked")], id="control-two-counts-of-attackers"),
]
# fmt: on


@pytest.mark.parametrize(("accounts", "expected"), AGENTS_COMPARED)
def test_attackers_are_not_compared_with_victims(
    tmp_path: Path, accounts: list[str | Account], expected: Expected
) -> None:
    assert_findings(compare_accounts(tmp_path, NEWSROOM, accounts), expected)


# --- 6. counts of another time ------------------------------------------------------------------

# fmt: off
OTHER_TIMES = [
    # (sentence, the other time each count is about; None: this story's time)
    ("In December 2003, a quake killed 26,000 people in the region.", ["2003"]),
    ("Last year, a quake killed 40 people in the region.", ["earlier"]),
    ("In February, a quake killed 40 people in the region.", ["february"]),
    ("The 2004 tsunami killed 230,000 people in the region.", ["2004"]),
    ("A flood hit Orlin in 2019. It killed 60 people.", ["2019"]),  # 'It' continues the sentence before
    ("A quake killed 40 people in the region in 2019, and 12 people died on Tuesday.", ["2019", None]),
    ("Brightwell, founded in 2007 and backed with $60 million, makes cheese.", [None]),
    ("Brightwell, which was backed with $60 million in 2007, makes cheese.", ["2007"]),
    # the story's own time
    ("The quake killed 40 people in the region.", [None]),
    ("In July, the quake killed 40 people in the region.", [None]),  # the dateline's month
    ("The flood hit Orlin. It killed 60 people.", [None]),
    ("The 2022 quake killed 40 people in the region.", [None]),  # the dateline's year
]
# fmt: on


@pytest.mark.parametrize(("sentence", "hints"), OTHER_TIMES)
def test_other_time_hints(sentence: str, hints: list[str | None]) -> None:
    cf, _ = claims_file(sentence, published=PUBLISHED)
    assert [c.incident_hint for c in cf.claims if isinstance(c, QuantityClaim)] == hints


# fmt: off
TIMES_COMPARED = [
    pytest.param(["In December 2003, a quake killed 26,000 people in the region.",
                  "Officials said the quake killed 40 people in the region."], NO_FINDING, id="2003-against-now"),
    pytest.param(["Last year, a quake killed 60 people in the region.",
                  "Officials said the quake killed 40 people in the region."], NO_FINDING, id="last-year-against-now"),
    pytest.param(["Officials said the quake killed 60 people in the region.",
                  "Officials said the quake killed 40 people in the region."],
                 [("contradiction", "killed")], id="control-both-now"),
]
# fmt: on


@pytest.mark.parametrize(("accounts", "expected"), TIMES_COMPARED)
def test_counts_of_different_times_are_not_compared(
    tmp_path: Path, accounts: list[str | Account], expected: Expected
) -> None:
    assert_findings(compare_accounts(tmp_path, QUAKE, accounts), expected)


# --- 7. count phrasings -------------------------------------------------------------------------

# fmt: off
PHRASINGS = [
    # (sentence, [(expression, event, part of a count: True, False, or None for either)])
    ("Police put the total number of detained protesters at 284.",
     [("total number of detained protesters at 284", "detain", False)]),
    ("Police made nearly 300 arrests during the march.", [("nearly 300 arrests", "detain", False)]),
    ("Ten dead in Brenna clashes", [("Ten dead", "kill", False)]),
    ("Police said 278 of them have been released.", [("278 of them", "release", True)]),
    ("The blast tore through the market, killing 10 people and injuring 80.",
     [("10 people", "kill", False), ("injuring 80", "injure", False)]),
    # whether the 53 is a part of the 70: see the gap in the partial counts
    ("Police detained 70 people at the rally; 53 were reporters.",
     [("70 people", "detain", False), ("53 were reporters", "detain", None)]),
    # negatives: the same shapes about things no event counts
    ("Police put the number of cameras at 284.", []),
    ("Police made nearly 300 calls during the march.", []),
    ("Police said 278 of them were wearing masks.", []),
    pytest.param("Ten dead trees blocked the road to Brenna.", [], id="ten-dead-trees"),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "expected"), PHRASINGS)
def test_count_phrasings(sentence: str, expected: list[tuple[str, str, bool | None]]) -> None:
    found = quantities(sentence)
    assert [(q.expression, q.event) for q in found] == [(words, event) for words, event, _ in expected]
    for q, (_, _, part) in zip(found, expected, strict=True):
        if part is not None:
            assert (q.rule == "quantity.partial") == part, q.rule


# --- 8. approximations are consistent with exact figures ------------------------------------------

# fmt: off
APPROXIMATIONS = [
    # (accounts, findings, the values the one finding cites)
    pytest.param(["Police said 284 people were detained in Orlin.",
                  "Organisers said nearly 300 people were detained in Orlin."], NO_FINDING, set(), id="284-nearly-300"),
    pytest.param(["Police said 284 people were detained in Orlin.",
                  "Organisers said 300 people were detained in Orlin."],  # two speakers: a divergence naming them
                 [("divergence", "detained")], {"284 people", "300 people"}, id="control-284-300"),
    pytest.param(["Police said 310 people were detained in Orlin.",
                  "Organisers said nearly 300 people were detained in Orlin."],
                 [("divergence", "detained")], {"310 people", "nearly 300 people"}, id="control-above-nearly"),
    pytest.param(["A magnitude-5.9 quake struck Orlin.", "A quake of about magnitude 6.0 struck Orlin."],
                 NO_FINDING, set(), id="5.9-about-6.0"),
    # "about 6.0" agrees with both, but must not put 5.9 and 6.1 on one side
    pytest.param(["A magnitude-5.9 quake struck Orlin.", "A 6.1-magnitude quake struck Orlin.",
                  "A quake of about magnitude 6.0 struck Orlin."],
                 [("contradiction", "magnitude")], {"A magnitude-5.9", "6.1-magnitude"},
                 id="about-6.0-between-5.9-and-6.1"),
    pytest.param(["A magnitude-5.9 quake struck Orlin.",
                  "A quake measuring about 6.0 on the Richter scale struck Orlin."], NO_FINDING, set(),
                 id="measuring-about-6.0"),
]
# fmt: on


@pytest.mark.parametrize(("accounts", "expected", "cited"), APPROXIMATIONS)
def test_approximations_agree_with_exact_figures(
    tmp_path: Path, accounts: list[str | Account], expected: Expected, cited: set[str]
) -> None:
    report = compare_accounts(tmp_path, QUAKE, accounts)
    assert_findings(report, expected)
    assert {ref.value for f in report.discrepancies for ref in f.claims} == cited


# --- 9. evidence is a sentence a reader can check ------------------------------------------------

FILLER = ", and the crowd moved slowly along the river road past the old mill and the bakery"


@pytest.mark.parametrize(
    ("body", "value"),
    [
        pytest.param(
            "The march began at the bridge"
            + FILLER * 6
            + ", and police said 40 people were detained near the square"
            + FILLER * 6
            + " as night fell",
            "40 people",
            id="commas-no-full-stops",
        ),
        pytest.param(
            "The march began at the bridge "
            + "and the crowd walked on " * 20
            + "until police detained 40 people "
            + "and the crowd walked on " * 20,
            "40 people",
            id="no-punctuation-at-all",
        ),
        pytest.param("Police said 40 people were detained near the square.", "40 people", id="short-sentence-kept"),
    ],
)
def test_evidence_is_at_most_400_characters(body: str, value: str) -> None:
    cf, text = claims_file(body)
    (claim,) = [c for c in cf.claims if isinstance(c, QuantityClaim)]
    assert len(claim.quote) <= 400
    assert text[claim.start : claim.end] == claim.quote
    assert value in claim.quote
    assert claim.start <= claim.value_start <= claim.value_end <= claim.end
    if len(body) < 400:
        assert claim.quote == body  # a sentence short enough is cited whole


@pytest.mark.parametrize(
    ("body", "sentences"),
    [
        ("The editor announced his resignation.The board accepted it.",
         ["The editor announced his resignation.", "The board accepted it."]),
        ("Brightwell paid $5.5 million for the dairy.", ["Brightwell paid $5.5 million for the dairy."]),
        ("Troops of the U.S.Army arrived in Orlin.", ["Troops of the U.S.Army arrived in Orlin."]),
    ],
)  # fmt: skip
def test_glued_sentences_are_split(body: str, sentences: list[str]) -> None:
    assert [s.text for s in segment(make_document(body))] == sentences


# --- 10. dates --------------------------------------------------------------------------------

# fmt: off
DATE_CONFLICTS = [
    pytest.param(NEWSROOM, ["Nadia Voss was beaten on June 5 near her home. Nadia Voss was beaten on July 5 "
                            "near her office.", QUIET],
                 [("contradiction", "date")], id="one-source-two-dates-for-one-beating"),
    pytest.param(NEWSROOM, ["Nadia Voss was beaten on June 5 near her home. Nadia Voss was beaten again on July 5 "
                            "near her office.", QUIET], NO_FINDING, id="beaten-again"),
    pytest.param(NEWSROOM, ["Nadia Voss was beaten on June 5 near her home. Nadia Voss was also beaten on July 5 "
                            "near her office.", QUIET], NO_FINDING, id="also-beaten"),
    pytest.param(NEWSROOM, ["Nadia Voss was attacked on July 5 near her home. Nadia Voss was found dead four days "
                            "later, on July 11.", QUIET], [("contradiction", "date")], id="four-days-later-is-not-11"),
    pytest.param(NEWSROOM, ["Nadia Voss was attacked on July 5 near her home. Nadia Voss was found dead four days "
                            "later, on July 9.", QUIET], NO_FINDING, id="four-days-later-is-9"),
    pytest.param(CLUB, ["Lind signed a contract until 2029.", "Lind signed a contract until 2030."],
                 [("contradiction", "contract")], id="until-2029-against-2030"),
    pytest.param(CLUB, ["Lind signed a contract until 2029.", "Lind signed a new contract until 2029."],
                 NO_FINDING, id="until-2029-twice"),
    pytest.param(NEWSROOM, ["Nadia Voss was beaten yesterday.", "Nadia Voss was beaten on July 19."],
                 NO_FINDING, id="yesterday-is-19-july"),
    pytest.param(NEWSROOM, ["Nadia Voss was beaten yesterday.", "Nadia Voss was beaten on July 18."],
                 [("contradiction", "date")], id="yesterday-is-not-18-july"),
    pytest.param(CLUB, [silent("The transfer must be finalized by July 25, the club said."),
                        "The transfer was finalized on July 19, the club said."], NO_FINDING, id="deadline"),
    pytest.param(CLUB, ["The transfer was finalized on July 25, the club said.",
                        "The transfer was finalized on July 19, the club said."],
                 [("contradiction", "date")], id="control-two-completion-dates"),
    pytest.param(QUAKE, ["The quake struck Orlin on Sunday.", "A strong aftershock struck Orlin on Monday."],
                 NO_FINDING, id="aftershock-is-another-event"),
    pytest.param(QUAKE, ["The quake struck Orlin on Sunday.", "The quake struck Orlin on Monday."],
                 [("contradiction", "date")], id="control-two-quake-days"),
    pytest.param(QUAKE, ["The quake flattened dozens of homes across the hills of the northern province and cut "
                         "power to the valley, officials said on Monday.", "The quake struck Orlin on Sunday."],
                 NO_FINDING, id="quake-far-from-monday"),
    pytest.param(QUAKE, ["Sunday's quake flattened homes in Orlin.", "The quake struck Orlin on Monday."],
                 [("contradiction", "date")], id="sundays-quake"),
]
# fmt: on


@pytest.mark.parametrize(("story", "accounts", "expected"), DATE_CONFLICTS)
def test_dates(tmp_path: Path, story: Story, accounts: list[str | Account], expected: Expected) -> None:
    assert_findings(compare_accounts(tmp_path, story, accounts), expected)


def test_a_relative_date_finding_cites_what_it_counts_from(tmp_path: Path) -> None:
    attacked = "Nadia Voss was attacked on July 5 near her home."
    report = compare_accounts(
        tmp_path, NEWSROOM, [f"{attacked} Nadia Voss was found dead four days later, on July 11.", QUIET]
    )
    (finding,) = report.discrepancies
    anchors = [ref for ref in finding.claims if "counts from" in ref.value]
    assert [ref.quote for ref in anchors] == [attacked]


# fmt: off
DATE_EVENTS = [
    # (sentence, [(event, date)]): what a date in the sentence dates
    ("Nadia Voss was detained on July 5. Voss was released yesterday.",
     [("detain", dt.date(2022, 7, 5)), ("release", dt.date(2022, 7, 19))]),  # yesterday: from the dateline
    ("Nadia Voss was detained on July 5. Voss was released today.",
     [("detain", dt.date(2022, 7, 5)), ("release", dt.date(2022, 7, 20))]),
    ("The transfer must be finalized by Dec. 19, the club said.", []),
    ("The transfer was finalized on Dec. 19, the club said.", [("complete", dt.date(2021, 12, 19))]),
    ("A strong aftershock struck Orlin on Monday.", [("aftershock", dt.date(2022, 7, 18))]),
    ("The quake flattened dozens of homes across the hills of the northern province and cut power to the "
     "valley, officials said on Monday.", []),
    pytest.param("Sunday's quake flattened homes in Orlin.", [("strike", dt.date(2022, 7, 17))], id="sundays-quake"),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "expected"), DATE_EVENTS)
def test_what_a_date_dates(sentence: str, expected: list[tuple[str, dt.date]]) -> None:
    assert [(d.event, d.date) for d in dates(sentence, PUBLISHED)] == expected


# --- 11. earthquake magnitudes -----------------------------------------------------------------

# fmt: off
MAGNITUDES = [
    pytest.param(["A magnitude-5.9 quake struck Orlin.", "A 6.1-magnitude quake struck Orlin."],
                 [("contradiction", "magnitude")], id="5.9-against-6.1"),
    pytest.param(["A magnitude-5.9 quake struck Orlin.", "A magnitude-5.9 quake struck Orlin."],
                 NO_FINDING, id="same-magnitude"),
    pytest.param(["A magnitude-5.9 quake struck Orlin.",
                  silent("A magnitude-6.0 quake can cause severe damage in towns like Orlin.")],
                 NO_FINDING, id="generic-statement"),
    pytest.param(["A magnitude-5.9 quake struck Orlin.", "A magnitude-7.1 quake struck Orlin."],
                 NO_FINDING, id="a-point-apart-is-another-quake"),
    pytest.param(["A magnitude-5.9 quake struck Orlin.", "A magnitude-5.2 aftershock struck Orlin."],
                 NO_FINDING, id="aftershock"),
]
# fmt: on


@pytest.mark.parametrize(("accounts", "expected"), MAGNITUDES)
def test_magnitudes(tmp_path: Path, accounts: list[str | Account], expected: Expected) -> None:
    assert_findings(compare_accounts(tmp_path, QUAKE, accounts), expected)


# --- 12. positions ----------------------------------------------------------------------------

# fmt: off
POSITIONS = [
    pytest.param(["Hasanli's assistant, Mahammad Kekalov, was detained.",
                  "The deputy director of the paper, Mahammad Kekalov, was detained."],
                 [("divergence", "position")], id="assistant-against-deputy-director"),
    pytest.param(["Hasanli's spokesman, Mahammad Kekalov, was detained.",
                  "Hasanli's spokesperson, Mahammad Kekalov, was detained."], NO_FINDING, id="synonyms"),
    pytest.param(["Hasanli's assistant, Mahammad Kekalov, was detained.",
                  "Hasanli's aide, Mahammad Kekalov, was detained."], NO_FINDING, id="assistant-aide"),
]
# fmt: on


@pytest.mark.parametrize(("accounts", "expected"), POSITIONS)
def test_positions(tmp_path: Path, accounts: list[str | Account], expected: Expected) -> None:
    report = compare_accounts(tmp_path, EDITOR, accounts)
    assert_findings(report, expected)
    if not expected:
        assert any(c.attribute == "position" for c in report.corroborations)


# --- 13. transliterated given names -------------------------------------------------------------

# fmt: off
GIVEN_NAMES = [
    pytest.param(["Mahammad Kekalov, 31, was detained.", "Magomed Kekalov, 32, was detained."],
                 [("contradiction", "age")], id="mahammad-is-magomed"),
    pytest.param(["Emin Kekalov, 31, was detained.", "Elmir Kekalov, 32, was detained."],
                 NO_FINDING, id="emin-is-not-elmir"),
    pytest.param(["Emin Kekalov, 31, was detained.", "Emin Kekalov, 32, was detained."],
                 [("contradiction", "age")], id="control-same-name"),
]
# fmt: on


@pytest.mark.parametrize(("accounts", "expected"), GIVEN_NAMES)
def test_transliterated_given_names(tmp_path: Path, accounts: list[str | Account], expected: Expected) -> None:
    assert_findings(compare_accounts(tmp_path, EDITOR, accounts), expected)


# --- 14. ages in stories set years apart ---------------------------------------------------------

# fmt: off
AGES_YEARS_APART = [
    # an undated story is set in the latest year it names
    pytest.param([undated("Tomas Lind, 23, joined Rovers in 2019."), undated("Tomas Lind, 26, left Rovers in 2022.")],
                 NO_FINDING, id="undated-three-years-apart"),
    pytest.param([undated("Tomas Lind, 23, joined Rovers in 2019."), "Tomas Lind, 26, scored twice."],
                 NO_FINDING, id="undated-and-dated-three-years-apart"),
    pytest.param([undated("Tomas Lind, 23, joined Rovers in 2021."), undated("Tomas Lind, 24, left Rovers in 2022.")],
                 [("contradiction", "age")], id="a-year-apart-still-compared"),
    # an undated story that recalls an earlier year elsewhere is at least that late, not set in it
    pytest.param([undated("Rovers first met Elm in 2019. Tomas Lind, 23, scored twice."),
                  "Tomas Lind, 24, scored twice."],
                 [("contradiction", "age")], id="undated-recalling-an-earlier-year-still-compared"),
    pytest.param(["Tomas Lind, 23, scored twice.", "Tomas Lind, 24, scored twice."],
                 [("contradiction", "age")], id="same-year"),
    pytest.param(["Tomas Lind, 23, scored twice. Later, Tomas Lind, 24, signed a new deal.",
                  silent("The Rovers fans sang after the match.")],
                 [("contradiction", "age")], id="two-ages-in-one-article"),
]
# fmt: on


@pytest.mark.parametrize(("accounts", "expected"), AGES_YEARS_APART)
def test_ages_of_stories_set_years_apart(tmp_path: Path, accounts: list[str | Account], expected: Expected) -> None:
    assert_findings(compare_accounts(tmp_path, CLUB, accounts), expected)


# --- 15. "the 23-year-old winger" is the story's protagonist ------------------------------------

NAMED_THRICE = CLUB.background  # Tomas Lind, named three times


# fmt: off
PROTAGONIST = [
    (f"{NAMED_THRICE} The 23-year-old winger, who joined in May, scored twice.", [("Tomas Lind", 23)]),
    (f"The 23-year-old winger, who joined in May, scored twice. {NAMED_THRICE}", [("Tomas Lind", 23)]),
    # named only twice: nobody is the story's protagonist
    ("Tomas Lind said he was happy. Lind said the fans were kind. The 23-year-old winger, who joined in May, "
     "scored twice.", []),
    # an indefinite description introduces someone new
    (f"{NAMED_THRICE} A 23-year-old winger, who joined in May, scored twice.", []),
    pytest.param(f"{NAMED_THRICE} The 23-year-old winger scored twice.", [("Tomas Lind", 23)],
                 id="verb-right-after-the-noun"),
]
# fmt: on


@pytest.mark.parametrize(("body", "expected"), PROTAGONIST)
def test_definite_description_ages_the_protagonist(body: str, expected: list[tuple[str, int]]) -> None:
    cf, _ = claims_file(body)
    labels = {e.id: e.label for e in cf.entities}
    assert [
        (labels.get(c.subject.key(), c.subject.key()), c.value) for c in cf.claims if isinstance(c, AgeClaim)
    ] == expected


# --- 16. status: states one account holds together form one side ------------------------------

# fmt: off
STATUSES = [
    pytest.param(["Oskar Brandt was placed on leave while his employers encouraged him to resign.",
                  "Oskar Brandt said he was told he would not be fired."],
                 [("divergence", "employment")], {"on leave", "pressured to resign"}, id="leave-and-pressure-one-side"),
    pytest.param(["Oskar Brandt was placed on leave in May, and Oskar Brandt was fired by the school in June.",
                  "Oskar Brandt said he was told he would not be fired."],
                 [("contradiction", "employment")], {"on leave"},  # one fact: its pairs differ in severity
                 id="fired-and-leave-exclude-each-other"),
    pytest.param(["Oskar Brandt was placed on leave while his employers encouraged him to resign.",
                  "Oskar Brandt was placed on leave by the school."], NO_FINDING, set(), id="same-state"),
]
# fmt: on


@pytest.mark.parametrize(("accounts", "expected", "one_side"), STATUSES)
def test_compatible_states_form_one_side(
    tmp_path: Path, accounts: list[str | Account], expected: Expected, one_side: set[str]
) -> None:
    report = compare_accounts(tmp_path, SCHOOL, accounts)
    assert_findings(report, expected)
    if one_side:
        # The pair of accounts in divergence: a.txt's compatible states on one side, b.txt's on the other.
        (fact,) = report.discrepancies
        divergence = next(p for p in fact.pairs if p.severity == "divergence")
        keys = {k.replace("_", " ") for k in divergence.values}
        assert keys == one_side | {"not fired"}
        assert {v.value for v in fact.values if v.sources == ["b.txt"]} == {"not fired"}


# --- 17. a shared surname --------------------------------------------------------------------------

# fmt: off
SHARED_SURNAMES = [
    ("Anna Berg said the school had closed. Anna Berg said she was angry. Her brother Tomas Berg said "
     "nothing. Berg, 40, has two children.", [("Anna Berg", 40)]),
    ("Anna Berg said the school had closed. Her brother Tomas Berg said nothing. Berg, 40, has two children.",
     []),
    ("Anna Berg said the school had closed. Berg, 40, has two children.", [("Anna Berg", 40)]),
]
# fmt: on


@pytest.mark.parametrize(("body", "expected"), SHARED_SURNAMES)
def test_shared_surname_names_the_one_named_more_often(body: str, expected: list[tuple[str, int]]) -> None:
    cf, _ = claims_file(body)
    labels = {e.id: e.label for e in cf.entities}
    assert [
        (labels.get(c.subject.key(), c.subject.key()), c.value) for c in cf.claims if isinstance(c, AgeClaim)
    ] == expected
