"""Counts, amounts and durations as intervals with their qualifier: one row per phrasing."""

from __future__ import annotations

import pytest

from extract_helpers import claims_file, quantities
from factcheck.models import QuantityClaim

INF = None  # an unbounded side of an interval


# fmt: off
QUANTITIES = [
    ("Police said more than 50 people were detained at the rally.", 51, INF, "more than", "people", "detain"),
    ("Organisers said as many as 150 protesters were arrested.", 0, 150, "up to", "people", "detain"),
    ("At least three journalists were injured in the clashes.", 3, INF, "at least", "journalists", "injure"),
    ("The suspects were held for around five hours at the station.", 4, 6, "about", "hours", "detain"),
    ("The court sentenced the activist to 30 days in jail.", 30, 30, "exact", "days", "sentence"),
    ("Nearly 300 people were evacuated from the valley overnight.", 270, 300, "about", "people", "evacuate"),
    ("The club paid €70 million for the striker in the summer.", 70e6, 70e6, "exact", "EUR", "pay"),
    ("The club paid almost €5m for the defender in the summer.", 4.5e6, 5e6, "about", "EUR", "pay"),
    ("The club paid $161-million for the defender in the summer.", 161e6, 161e6, "exact", "USD", "pay"),
    ("The club paid $1.5-billion for the stadium in the summer.", 1.5e9, 1.5e9, "exact", "USD", "pay"),
    # every scale of text.numbers.SCALES after a currency sign
    ("The club paid $5mn for the defender in the summer.", 5e6, 5e6, "exact", "USD", "pay"),
    ("The state paid $1.2 trillion for the bonds last year.", 1.2e12, 1.2e12, "exact", "USD", "pay"),
    ("The state paid €2tn for the bonds last year.", 2e12, 2e12, "exact", "EUR", "pay"),
    ("The club paid £40k for the defender in the summer.", 40e3, 40e3, "exact", "GBP", "pay"),
    ("Twenty-five villagers were killed in the flood.", 25, 25, "exact", "people", "kill"),
    ("About 2,500 workers gathered outside the factory gates.", 2250, 2750, "about", "people", "gather"),
    ("Fewer than ten people attended the hearing on Monday.", 0, 9, "fewer than", "people", "gather"),
    ("Up to 40 migrants were rescued and taken into custody.", 0, 40, "up to", "people", "detain"),
    ("Officials said that some 1,200 people were evacuated from the coast.", 1080, 1320, "about", "people",
     "evacuate"),
    ("A dozen journalists were detained outside the court building.", 12, 12, "about", "journalists", "detain"),
    ("Dozens of people were detained across the country on Saturday.", 24, 99, "about", "people", "detain"),
    ("He spent 15 days in jail after he was detained in the capital.", 15, 15, "exact", "days", "detain"),
    ("The protesters were held for more than two hours.", 3, INF, "more than", "hours", "detain"),
    pytest.param(
        "More than a hundred people were detained.", 101, INF, "more than", "people", "detain",
        id="a-hundred-in-words",
    ),
]
# fmt: on


@pytest.mark.parametrize(("text", "low", "high", "qualifier", "unit", "event"), QUANTITIES)
def test_quantity_interval(text: str, low: float, high: float | None, qualifier: str, unit: str, event: str) -> None:
    found = quantities(text)
    # An event may be refined ('pay:total'); its class comes first.
    assert [(q.qualifier, q.unit, (q.event or "").partition(":")[0]) for q in found] == [(qualifier, unit, event)]
    assert found[0].low == pytest.approx(low)
    assert found[0].high == (pytest.approx(high) if high is not None else None)


def test_two_counts_in_one_sentence_keep_their_own_events() -> None:
    found = quantities("Two activists were detained and three others were released after questioning.")
    assert [(q.number, (q.event or "").partition(":")[0]) for q in found] == [(2, "detain"), (3, "release")]


@pytest.mark.parametrize(
    "text",
    [
        # years are not counts
        "The protest marked the anniversary of the 2019 elections in the capital.",
        # an age, not a count
        "A 45-year-old man was detained outside the station on Friday.",
        # an article number of a law
        "He was charged under Article 296 of the criminal code last year.",
        # a relative date, not a duration
        "Two days later the detained students were allowed to call their families.",
        # a count of nothing the comparison could use
        "The report has 40 pages and took 12 days to write.",
    ],
)
def test_not_a_quantity(text: str) -> None:
    assert quantities(text) == []


def test_quantity_evidence_and_expression() -> None:
    cf, text = claims_file("Police said that at least 25 people were detained near the square.")
    (claim,) = [c for c in cf.claims if isinstance(c, QuantityClaim)]
    assert text[claim.start : claim.end] == claim.quote
    assert text[claim.value_start : claim.value_end] == claim.expression == "at least 25 people"
    assert claim.rule == "quantity.count"


def test_a_stored_count_with_its_role_in_the_event_loads_typed() -> None:
    quote = "Twenty men beat him."
    stored = {"kind": "quantity", "source": "a.txt", "start": 0, "end": len(quote), "quote": quote,
              "value_start": 0, "value_end": 10, "subject": "attack:agents:people", "subject_text": "people",
              "rule": "quantity.count", "low": 20, "high": 20, "number": 20, "qualifier": "exact", "unit": "people",
              "event": "attack:agents", "expression": "Twenty men"}  # fmt: skip
    claim = QuantityClaim.model_validate(stored)
    assert (claim.event, claim.role, claim.subject.key()) == ("attack", "agents", "attack:agents:people")
    assert QuantityClaim.model_validate_json(claim.model_dump_json()) == claim
