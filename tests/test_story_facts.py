"""Story facts in a source's signature (its figures and the weekdays of its events), and how they
keep apart a report with no date of its own from a dated incident of the same place and cast.
Every story here is written for the test."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from factcheck.extract import extract_claims
from factcheck.incidents import Facts, counts_people, facts_conflict, figures_agree, group_incidents, story_facts
from factcheck.ingest import document_from_text
from factcheck.models import ClaimsFile, SourceProfile
from factcheck.signature import signature_profile


def profile(body: str, published: dt.date | None = None, sid: str = "s.txt") -> tuple[ClaimsFile, str, SourceProfile]:
    text = f"{published.day} {published:%B %Y}\n\n{body}\n" if published else f"{body}\n"
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    document = document_from_text(sid, text, sha256=sha, encoding="utf-8", fmt="text")
    cf = extract_claims(document)
    return cf, document.text, signature_profile(cf, document.text)


# --- the facts a signature keeps ------------------------------------------------------------------

FIGURES = [
    ("A magnitude 5.8 earthquake struck the Orvalia coast on Sunday.", ("magnitude", "strike"), [5.8]),
    ("Gunmen killed seven people at a market in Tarsel on Friday, police said.", ("people", "kill"), [7.0]),
    ("Police detained 41 people after the march through Dorvik.", ("people", "detain"), [41.0]),
]


@pytest.mark.parametrize(("body", "key", "values"), FIGURES)
def test_figures_of_the_story(body: str, key: tuple[str, str], values: list[float]) -> None:
    figures = {(f.unit, f.event): f.values for f in profile(body)[2].figures}
    assert figures.get(key) == values


@pytest.mark.parametrize(
    "body",
    [
        "Dozens of people were injured when the roof of the Velmora station fell in.",  # vague
        "The council of Marlow met on Tuesday and said nothing about the budget.",  # no figure
    ],
)
def test_no_figure_where_none_is_given(body: str) -> None:
    assert [f for f in profile(body)[2].figures if f.unit == "people"] == []


WEEKDAYS = [
    ("A magnitude 5.8 earthquake struck the Orvalia coast on Sunday.", None, "strike", ["Sunday"]),
    ("Police detained the blogger Ana Kestrel on Tuesday in Dorvik.", None, "detain", ["Tuesday"]),
    # A dated source's calendar day gives its weekday: 3 April 2023 was a Monday.
    ("The storm hit the Farland islands on 3 April, officials said.", dt.date(2023, 4, 5), "strike", ["Monday"]),
]


@pytest.mark.parametrize(("body", "published", "event", "days"), WEEKDAYS)
def test_weekdays_of_the_story_s_events(body: str, published: dt.date | None, event: str, days: list[str]) -> None:
    assert profile(body, published)[2].event_weekdays.get(event) == days


def test_the_page_s_own_date_is_no_event_of_the_story() -> None:
    _, _, p = profile("Posted on Friday, 7 April 2023\nThe storm hit the Farland islands on Monday, officials said.")
    assert p.event_weekdays == {"strike": ["Monday"]}  # the page's time stamp line gives no claim at all
    assert story_facts(p)[1] == {"strike": frozenset({"Monday"})}


# --- when two stories' facts conflict -------------------------------------------------------------


def facts(figures: dict[tuple[str, str], set[float]], weekdays: dict[str, set[str]] | None = None) -> Facts:
    return (
        {k: frozenset(v) for k, v in figures.items()},
        {k: frozenset(v) for k, v in (weekdays or {}).items()},
    )


QUAKE = ("magnitude", "strike")
DEAD = ("people", "kill")
HURT = ("villagers", "injure")
AFTER = ("magnitude", "aftershock")
OFFER = ("USD", "offer")
CONFLICTS = [
    # every figure both give differs: another quake
    (facts({QUAKE: {4.4}}), facts({QUAKE: {4.6}}), "figures"),
    (facts({QUAKE: {5.2}, DEAD: {3}}), facts({QUAKE: {6.1}, DEAD: {12}}), "figures"),
    # one count of people alone is what reports of one event disagree on: no conflict; two are
    (facts({DEAD: {3}}), facts({DEAD: {12}}), None),
    (facts({DEAD: {3}, HURT: {20}}), facts({DEAD: {12}, HURT: {45}}), "figures"),
    # one figure agrees: the toll may have risen, the quake is the same
    (facts({QUAKE: {6.1}, DEAD: {3}}), facts({QUAKE: {6.1}, DEAD: {12}}), None),
    # one figure read without its scale word: '$200' and '$200 million'
    (facts({("USD", "offer"): {200.0}}), facts({("USD", "offer"): {200_000_000.0}}), None),
    # the amount one gives, the other gives too for another verb of its story (beside another
    # amount, a background theft's): the same figure
    (facts({("USD", "steal"): {2.6e6}}), facts({("USD", "steal"): {1.9e6}, ("USD", "value"): {2.6e6}}), None),
    (facts({("USD", "steal"): {2.6e6}}), facts({("USD", "steal"): {1.9e6}, ("EUR", "value"): {2.6e6}}), "figures"),
    (facts({AFTER: {5.9}}), facts({AFTER: {4.1}, QUAKE: {5.9}}), None),
    # but a count of people, or a small whole number (yards, points), under another verb is chance
    (facts({DEAD: {3}, HURT: {20}}), facts({DEAD: {12}, HURT: {45}, ("people", "detain"): {3}}), "figures"),
    (facts({("yards", "rush"): {32}}), facts({("yards", "rush"): {101}, ("yards", "return"): {32}}), "figures"),
    # nor an amount among a listed figure's values
    (facts({OFFER: {1.6e8}}), facts({OFFER: {1.8e8}, ("USD", "bid"): {1.5e8, 1.6e8, 1.7e8}}), "figures"),
    # a source listing several values of one figure (offers of several clubs) states no one fact
    (facts({("USD", "offer"): {140e6, 150e6, 160e6}}), facts({("USD", "offer"): {180e6}}), None),
    # figures of different things do not meet
    (facts({QUAKE: {5.2}}), facts({DEAD: {12}}), None),
    # the same events on other weekdays; one event alone on another weekday is the discrepancy a
    # report of one incident is for ('bombs dropped on Thursday' against 'on Friday'), not another story
    (
        facts({}, {"strike": {"Sunday"}, "rescue": {"Monday"}}),
        facts({}, {"strike": {"Thursday"}, "rescue": {"Friday"}}),
        "weekday",
    ),
    (facts({}, {"strike": {"Sunday"}}), facts({}, {"strike": {"Thursday"}}), None),
    (
        facts({}, {"strike": {"Sunday"}, "rescue": {"Monday"}}),
        facts({}, {"strike": {"Thursday"}, "rescue": {"Monday"}}),
        None,
    ),
    (facts({}, {"strike": {"Sunday"}}), facts({}, {"strike": {"Sunday", "Monday"}}), None),
    # different events dated: no conflict
    (facts({}, {"strike": {"Sunday"}}), facts({}, {"rescue": {"Tuesday"}}), None),
    (facts({}), facts({}), None),
]


@pytest.mark.parametrize(("a", "b", "expected"), CONFLICTS)
def test_facts_conflict(a: Facts, b: Facts, expected: str | None) -> None:
    assert facts_conflict(a, b) == expected
    assert facts_conflict(b, a) == expected


FEE = ("EUR", "pay:total")
AGREEMENTS = [
    (facts({FEE: {45e6}}), facts({FEE: {45e6}}), True),
    (facts({FEE: {45e6}, DEAD: {2}}), facts({FEE: {45e6}, DEAD: {2}}), True),
    (facts({DEAD: {3}, HURT: {20}}), facts({DEAD: {3}, HURT: {20}}), True),  # two counts of people
    (facts({DEAD: {3}}), facts({DEAD: {3}}), False),  # one small count of people may be a coincidence
    (facts({FEE: {45e6}, QUAKE: {5.1}}), facts({FEE: {45e6}, QUAKE: {6.0}}), False),  # one differs
    (facts({FEE: {140e6, 150e6, 160e6}}), facts({FEE: {160e6}}), False),  # a listed figure
    (facts({FEE: {45e6}}), facts({QUAKE: {4.5}}), False),  # nothing shared
]


@pytest.mark.parametrize(("a", "b", "expected"), AGREEMENTS)
def test_figures_agree(a: Facts, b: Facts, expected: bool) -> None:
    assert figures_agree(a, b) is expected
    assert figures_agree(b, a) is expected


@pytest.mark.parametrize(
    ("unit", "people"),
    [("people", True), ("villagers", True), ("children", True), ("protesters", True), ("magnitude", False),
     ("USD", False), ("homes", False), ("yards", False)],
)  # fmt: skip
def test_counts_of_people(unit: str, people: bool) -> None:
    assert counts_people(unit) is people


# --- grouping: an undated report against a dated incident of the same place and cast ----------

QUAKE_1 = (
    "A magnitude 6.1 earthquake struck Velmora province on Sunday, killing 12 people. Governor Anton Reyes said "
    "rescuers were searching collapsed homes in Velmora. Reyes said 40 people were injured by the quake."
)
QUAKE_1B = (
    "The death toll from Sunday's earthquake in Velmora rose to 14, Governor Anton Reyes said. The quake, "
    "measured at magnitude 6.1, destroyed homes across Velmora province. Reyes asked for tents."
)
UNDATED_OTHER_QUAKE = (
    "Earthquake hits Velmora\nA magnitude 5.2 tremor shook Velmora province on Wednesday, and three villagers died "
    "when their houses collapsed. Governor Anton Reyes told reporters that 25 people were being treated in hospital."
)
UNDATED_SAME_QUAKE = (
    "Earthquake hits Velmora\nA magnitude 6.1 tremor shook Velmora province on Sunday, and 12 villagers died "
    "when their houses collapsed. Governor Anton Reyes told reporters that 40 people were being treated in hospital."
)


def groups(*sources: tuple[str, str, dt.date | None]) -> list[list[str]]:
    built = [profile(body, published, sid) for sid, body, published in sources]
    incidents = group_incidents([cf for cf, _, _ in built], [t for _, t, _ in built])
    return sorted(incident.sources for incident in incidents)


def test_an_undated_report_of_another_quake_in_the_same_place_stays_apart() -> None:
    day = dt.date(2023, 4, 2)
    found = groups(("a.txt", QUAKE_1, day), ("b.txt", QUAKE_1B, day), ("u.txt", UNDATED_OTHER_QUAKE, None))
    assert found == [["a.txt", "b.txt"], ["u.txt"]]


def test_an_undated_report_of_the_same_quake_joins() -> None:
    day = dt.date(2023, 4, 2)
    found = groups(("a.txt", QUAKE_1, day), ("b.txt", QUAKE_1B, day), ("u.txt", UNDATED_SAME_QUAKE, None))
    assert found == [["a.txt", "b.txt", "u.txt"]]


@pytest.mark.parametrize(
    ("undated", "joins"),
    [
        (UNDATED_SAME_QUAKE, True),
        # the same quake on another weekday: the discrepancy the report is for, not another story
        (UNDATED_SAME_QUAKE.replace("on Sunday", "on Monday"), True),
        # but another weekday and other figures: another quake
        (UNDATED_OTHER_QUAKE, False),
    ],
)
def test_one_other_weekday_does_not_set_an_undated_report_apart(undated: str, joins: bool) -> None:
    day = dt.date(2023, 4, 2)
    found = groups(("a.txt", QUAKE_1, day), ("b.txt", QUAKE_1B, day), ("u.txt", undated, None))
    assert found == ([["a.txt", "b.txt", "u.txt"]] if joins else [["a.txt", "b.txt"], ["u.txt"]])


def test_the_reason_is_shown() -> None:
    day = dt.date(2023, 4, 2)
    built = [profile(b, d, s) for s, b, d in (("a.txt", QUAKE_1, day), ("u.txt", UNDATED_OTHER_QUAKE, None))]
    incidents = group_incidents([cf for cf, _, _ in built], [t for _, t, _ in built])
    assert any("other figures" in r for i in incidents for r in i.apart_because)


TRANSFER_1 = (
    "Harbour City have signed the winger Dario Ventresca from Lakeside Rovers for a fee of €45 million, the club "
    "said. Ventresca, 23, signed a five-year contract after a medical on Monday. Lakeside Rovers confirmed the sale."
)
TRANSFER_2 = (
    "Lakeside Rovers sold Dario Ventresca to Harbour City for €45 million on Monday. The winger scored 19 goals for "
    "Rovers last season. Harbour City coach Mira Stanek said Ventresca would wear the number 7 shirt."
)


@pytest.mark.parametrize(("fee", "joins"), [("€45 million", True), ("€30 million", False)])
def test_an_undated_report_giving_the_same_fee_joins_on_less_in_common(fee: str, joins: bool) -> None:
    undated = (
        f"Official: Ventresca joins Harbour City\nThe transfer is done: the attacker moves for a fee of {fee}, and "
        "fans in the north stand already sing his name while the old club thanks him for everything."
    )
    day = dt.date(2025, 1, 14)
    found = groups(("a.txt", TRANSFER_1, day), ("b.txt", TRANSFER_2, day), ("u.txt", undated, None))
    assert found == ([["a.txt", "b.txt", "u.txt"]] if joins else [["a.txt", "b.txt"], ["u.txt"]])
