"""Event slots: phrase-to-frame tables (who acts, who is acted on, when, whether it happened) and
the comparison of one event's slots across sources. Phrases written for the test."""

from __future__ import annotations

import hashlib
from typing import get_args

import pytest

from factcheck.compare.slots import _named_in, compare_events, same_event
from factcheck.extract import extract_claims
from factcheck.extract.mentions import MODALS
from factcheck.extract.slots import MODAL_OF, month_span
from factcheck.models import ClaimsFile, Document, EventClaim, Modality, Source


def _file(text: str, name: str = "a.txt") -> ClaimsFile:
    body = "A headline\n\n" + text + "\n"
    source = Source(
        id=name, sha256=hashlib.sha256(body.encode()).hexdigest(), encoding="utf-8", format="text", length=len(body)
    )
    return extract_claims(Document(source=source, text=body))


def _events(text: str) -> list[EventClaim]:
    return [c for c in _file(text).claims if isinstance(c, EventClaim)]


def _event(text: str, lemma: str) -> EventClaim:
    return next(c for c in _events(text) if c.predicate == lemma)


@pytest.mark.parametrize(
    ("text", "lemma", "agent", "patient", "modality"),
    [
        ("Guards detained the courier at the border.", "detain", "guard", "courier", "asserted"),
        ("The courier was detained by guards at the border.", "detain", "guard", "courier", "asserted"),
        ("The courier was detained at the border.", "detain", None, "courier", "asserted"),
        ("The tenant opened the door and found the parcels.", "find", "tenant", "parcel", "asserted"),
        ("The parcels were found by porters yesterday.", "find", "porter", "parcel", "asserted"),
        ("The ferry will eventually replace the barge on the route.", "replace", None, None, "future"),
        ("The smugglers tried to flee the harbour.", "flee", "smuggler", "harbour", "planned"),
        ("The smugglers managed to flee the harbour.", "flee", "smuggler", "harbour", "asserted"),
        ("The smugglers failed to reach the harbour.", "reach", "smuggler", "harbour", "negated"),
        ("The inspectors did not find the ledgers.", "find", "inspector", "ledger", "negated"),
    ],
)
def test_phrase_to_event_slots(text: str, lemma: str, agent: str | None, patient: str | None, modality: str) -> None:
    event = _event(text, lemma)
    assert event.modality == modality
    if agent is not None:
        assert agent in event.agent_heads
    if patient is not None:
        assert patient in event.patient_heads


@pytest.mark.parametrize(
    "text",
    [
        "The jury found him guilty of theft.",  # a verdict, not a discovery
        "They gathered in the square to raise the pressure on the council.",  # a purpose, not an event
        "The council issued a statement.",  # one statement of many: nothing particular to align on
        "The ministry should release the detained reporter.",  # a demand, no account
        "The reporter must be released at once.",  # a demand, no account
    ],
)
def test_no_event_slot(text: str) -> None:
    assert not [c for c in _events(text) if c.predicate in ("find", "raise", "issue", "release")]


def test_modal_words_give_modalities() -> None:
    assert set(MODAL_OF.values()) <= set(get_args(Modality))
    # one table with the status rules': the modal auxiliaries of their modality words
    assert {w: MODALS[w] for w in MODAL_OF} == MODAL_OF
    assert {"will", "would", "might", "can", "should", "must"} <= set(MODAL_OF)
    assert not {"likely", "probably", "faces"} & set(MODAL_OF)  # no auxiliaries


def test_active_and_passive_of_one_event_are_one_event() -> None:
    a = _event("Guards detained Tomas Varga at the border.", "detain")
    b = _event("Tomas Varga was detained by guards at the border.", "detain")
    assert same_event(a, b)
    assert a.agent_heads == b.agent_heads


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Anna Berg succeeded Tomas Varga as chairman.", "replace"),  # with an object: a replacement
        ("Tomas Varga was succeeded by Anna Berg.", "replace"),
    ],
)
def test_succeed_with_an_object_is_a_replacement(text: str, event: str) -> None:
    assert _event(text, "succeed").subject.word == event


@pytest.mark.parametrize(
    "text",
    ["The climbers succeeded in reaching the summit.", "The plan succeeded."],  # no one replaced
)
def test_succeed_without_an_object_is_no_replacement(text: str) -> None:
    assert not [c for c in _events(text) if c.subject.word == "replace"]


def test_two_events_of_one_person_are_not_one_event() -> None:
    a = _event("Guards detained Tomas Varga at the border.", "detain")
    b = _event("Guards released Tomas Varga at the border.", "release")
    assert not same_event(a, b)


def test_an_event_again_is_another_event() -> None:
    a = _event("Guards detained Tomas Varga at the border.", "detain")
    b = _event("Guards detained Tomas Varga again at the border.", "detain")
    assert not same_event(a, b)


@pytest.mark.parametrize(
    ("words", "month", "first", "last"),
    [
        ("early March", 3, 1, 10),
        ("in April-end", 4, 21, 30),
        ("the end of February", 2, 21, 28),
        ("mid-June", 6, 11, 20),
    ],
)
def test_month_parts(words: str, month: int, first: int, last: int) -> None:
    found = month_span(f"it happened {words} last year")
    assert found is not None
    span = found[1]
    assert (span.month, span.first, span.last) == (month, first, last)


def test_no_month_part_in_a_plain_month() -> None:
    assert month_span("it happened in March") is None


def _compare(*texts: str) -> list[tuple[str, str]]:
    files = [_file(t, f"s{i}.txt") for i, t in enumerate(texts)]
    pending, _ = compare_events("I-test", files)
    return [(p.attribute, p.severity) for p in pending]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # who did it: two different finders of the same thing
        (
            "The parcels were found by police yesterday.",
            "The tenant opened the door and found the parcels.",
            [("who did it", "contradiction")],
        ),
        # still to come against done
        (
            "The ferry Orla will eventually replace the barge Mirt on the route.",
            "The ferry Orla replaced the barge Mirt on the route.",
            [("whether it happened", "contradiction")],
        ),
        # done against only attempted, by one doer
        (
            "The smugglers fled the harbour at dawn.",
            "The smugglers tried to flee the harbour.",
            [("whether it happened", "divergence")],
        ),
        # two parts of a month for one event
        (
            "The ferry Orla replaced the barge Mirt in early March.",
            "The ferry Orla replaced the barge Mirt at the end of February.",
            [("when", "contradiction")],
        ),
    ],
)
def test_slots_of_one_event_compared(a: str, b: str, expected: list[tuple[str, str]]) -> None:
    assert _compare(a, b) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # the same role noun about different things: two statements by two bodies
        ("The union issued a statement on Monday.", "The council issued a statement on Monday."),
        # police under two words are one account
        ("The parcels were found by police yesterday.", "Officers found the parcels yesterday."),
        # a name against a role: maybe the same person
        ("The parcels were found by Anna Berg.", "The tenant found the parcels."),
        # same account twice
        ("The ferry Orla replaced the barge Mirt.", "The ferry Orla replaced the barge Mirt."),
        # a crew is not the authorities: one crew against another finder says nothing of who
        ("The parcels were found by the crew yesterday.", "The tenant found the parcels yesterday."),
        # two descriptions of private people may be one person
        ("The parcels were found by porters yesterday.", "The tenant found the parcels yesterday."),
        # both say it did not happen, in two ways
        ("No parcel has been recovered.", "The parcel has not been recovered."),
        # a conditional is no account
        ("Guards would not have detained Tomas Varga if he had stayed.", "Guards detained Tomas Varga."),
        # a purpose is no attempt
        ("Crowds gathered to block the bridge.", "Crowds blocked the bridge."),
    ],
)
def test_compatible_slots_give_no_finding(a: str, b: str) -> None:
    assert _compare(a, b) == []


def test_a_price_not_disclosed_against_a_price_given() -> None:
    found = _compare(
        "Terms of the purchase were not disclosed.",
        "The company paid a fee of $40 million for the purchase.",
    )
    assert found == [("price disclosed", "divergence")]


def test_a_price_reported_by_others_is_no_conflict() -> None:
    assert (
        _compare(
            "Terms of the purchase were not disclosed.",
            "The company reportedly paid a fee of $40 million for the purchase.",
        )
        == []
    )


@pytest.mark.parametrize(
    ("text", "agent", "modality"),
    [
        ("Anna Berg might leave the orchestra.", "Anna Berg", "possible"),
        ("Anna Berg will leave the orchestra in May.", "Anna Berg", "future"),
        ("Anna Berg left the orchestra last spring.", "Anna Berg", "asserted"),
        ("Anna Berg did not leave the orchestra.", "Anna Berg", "negated"),
        ("Anna Berg decided to leave the orchestra.", "Anna Berg", "planned"),
        ("Anna Berg will not leave the orchestra.", "Anna Berg", "negated"),
        ("The hall was quiet after the departure of Anna Berg.", "Anna Berg", "asserted"),
        ("Little has changed since Anna Berg's resignation.", "Anna Berg", "asserted"),
    ],
)
def test_a_persons_departure(text: str, agent: str, modality: str) -> None:
    (event,) = [c for c in _events(text) if c.predicate in ("leave", "resign")]
    assert (event.agent, event.modality) == (agent, modality)


@pytest.mark.parametrize(
    "text",
    [
        "The storm left him without power.",  # left in a state: no departure
        "Anna Berg left a note on the desk.",  # left behind
        "Two chairs were left in the hall.",  # passive
        "The seats on the left filled up.",  # a side
        "Members called for the resignation of Anna Berg.",  # a demand, no account
        "The hall closed ahead of the departure of Anna Berg.",  # still to come, not told as done
        "The board allowed Anna Berg to leave.",  # permission, no account
        "Anna Berg might leave a note on the desk.",  # a bare verb's other sense: left behind
        "The storm will leave them without power.",  # left in a state
    ],
)
def test_no_departure(text: str) -> None:
    assert not [c for c in _events(text) if c.predicate in ("leave", "resign")]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # might happen against happened: one person's departure
        (
            "The orchestra wants a cellist to replace Anna Berg, who might leave the orchestra.",
            "The hall was quiet following the departure of Anna Berg, who moved to Lyon.",
            [("whether it happened", "divergence")],
        ),
        # accents aside, one name
        (
            "Orla Mirté might leave the orchestra.",
            "Orla Mirte left the orchestra last spring.",
            [("whether it happened", "divergence")],
        ),
    ],
)
def test_possible_against_done(a: str, b: str, expected: list[tuple[str, str]]) -> None:
    assert _compare(a, b) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # a hedge on the past is no conflict with the past
        ("Anna Berg may have left the orchestra.", "Anna Berg left the orchestra last spring."),
        # two people
        ("Anna Berg might leave the orchestra.", "Orla Mirte left the orchestra last spring."),
        # possible against possible
        ("Anna Berg might leave the orchestra.", "Anna Berg could leave the orchestra."),
    ],
)
def test_possible_and_done_that_agree(a: str, b: str) -> None:
    assert _compare(a, b) == []


def test_what_can_happen_in_general_is_no_account() -> None:
    assert _compare("A storm of that size can cause severe floods.", "The storm caused severe floods.") == []


@pytest.mark.parametrize(("name", "quote", "named"), [
    ("pelham", "filmed at the Pelham Studio", True),
    ("pelham", "filmed near Pelhamville", False),  # a whole word, not the start of another
    ("mcadam", "Ruth McAdam opened the hall", True),  # a capital inside the name
    ("mcadam", "RUTH MCADAM OPENED THE HALL", True),
    ("pelham", "a pelham bit for the horse", False),  # not capitalised: no name
    ("o'hara", "Dana O'Hara opened the hall", True),
    ("pelham", "for Pelham's new studio", True),  # an owner's 's is no part of the name
])  # fmt: skip
def test_a_name_is_a_whole_capitalised_word_of_the_quote(name: str, quote: str, named: bool) -> None:
    assert _named_in(name, quote) is named
