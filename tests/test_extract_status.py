"""Status events with polarity, modality and reversal: one row per phrasing."""

from __future__ import annotations

import pytest

from extract_helpers import claims_file, statuses
from factcheck.models import StatusClaim, StatusState

# fmt: off
STATUSES = [
    # employment
    ("The bank said on Tuesday that its clerk Oliver Grant was fired after the incident.",
     "employment", "fired", "asserted"),
    ("The bank said that Oliver Grant was dismissed from his job after the incident.",
     "employment", "fired", "asserted"),
    ("The bank said on Tuesday that its clerk Oliver Grant was not fired after the incident.",
     "employment", "not_fired", "negated"),
    ("Oliver Grant told the newspaper that he would not be fired over the incident at the bank.",
     "employment", "not_fired", "negated"),
    ("The bank said that Oliver Grant was placed on leave while the review was under way.",
     "employment", "on_leave", "asserted"),
    ("Oliver Grant said he was told to stay away from work until the review was over.",
     "employment", "suspended", "asserted"),
    ("Oliver Grant was suspended from work after the video spread online, his union said.",
     "employment", "suspended", "asserted"),
    ("Oliver Grant said he resigned from the bank after the incident in the branch.",
     "employment", "resigned", "asserted"),
    ("Oliver Grant told the newspaper that he will most likely quit his job at the bank soon.",
     "employment", "resigned", "future"),
    ("Oliver Grant was reinstated by the bank after a review of the video, his union said.",
     "employment", "reinstated", "asserted"),
    # reversal: the status stands only until someone changes their mind
    ("Oliver Grant was fired by the bank last week, but then his boss changed his mind and kept him.",
     "employment", "fired", "reversed"),
    # legal
    ("Police said that Oliver Grant was arrested outside the bank on the same evening.",
     "legal", "arrested", "asserted"),
    ("Police said that Oliver Grant was detained for questioning after the protest.",
     "legal", "detained", "asserted"),
    ("Police said that Oliver Grant was released without charge after questioning.",
     "legal", "released", "asserted"),
    ("Police said that Oliver Grant was charged with hooliganism after the protest.",
     "legal", "charged", "asserted"),
    ("Police said that Oliver Grant was fined for taking part in the protest.",
     "legal", "fined", "asserted"),
    ("Oliver Grant said he was never arrested by the police during the protest.",
     "legal", "not_arrested", "negated"),
    ("Police said that Oliver Grant could be arrested if he returned to the square.",
     "legal", "arrested", "possible"),
    pytest.param(
        "Oliver Grant told the newspaper that he planned to resign from the bank next month.",
        "employment", "resigned", "planned", id="planned-to-resign",
    ),
    ("Oliver Grant told the newspaper that he planned to quit his job at the bank.",
     "employment", "resigned", "planned"),
]
# fmt: on


@pytest.mark.parametrize(("text", "domain", "state", "modality"), STATUSES)
def test_status_of_a_person(text: str, domain: str, state: str, modality: str) -> None:
    found = statuses(text)
    assert [(c.subject.key(), c.domain, c.state.key(), c.modality) for c in found] == [
        ("p:oliver grant", domain, state, modality)
    ]


def test_sentence_length_is_kept_as_detail() -> None:
    (claim,) = statuses("A court in the capital said that Oliver Grant was sentenced to 30 days in prison.")
    assert (claim.state.key(), claim.modality, claim.detail) == ("sentenced", "asserted", "30 days")


def test_pronoun_subject_continues_the_person_of_the_story() -> None:
    found = statuses(
        "Oliver Grant said he works as a clerk at the city bank. Last week he was placed on leave, his union said."
    )
    assert [(c.subject.key(), c.subject_text, c.state.key()) for c in found] == [("p:oliver grant", "he", "on_leave")]


@pytest.mark.parametrize(
    "text",
    [
        # the verb, but no person the status is about
        "The bank said that the policy was suspended for the summer months.",
        # not a status of a person at all
        "The museum was released from its obligations by the city council.",
        # a negation of a state the ontology has no negative for
        "Oliver Grant said he was not placed on leave by the bank.",
        # fired upon is shot at, not dismissed
        "Oliver Grant was fired upon by a gunman outside the bank, police said.",
    ],
)
def test_not_a_status(text: str) -> None:
    assert statuses(text) == []


def test_a_speaker_is_not_the_subject_of_a_counted_status() -> None:
    assert statuses("Police chief Anton Brel said 40 people were detained after the march.") == []


def test_status_evidence_slices_back() -> None:
    cf, text = claims_file("Police said that Oliver Grant was arrested outside the bank on Friday.")
    (claim,) = [c for c in cf.claims if isinstance(c, StatusClaim)]
    assert text[claim.start : claim.end] == claim.quote
    assert text[claim.value_start : claim.value_end] == claim.expression == "was arrested"
    assert claim.rule == "status.legal.arrested"


def test_every_status_phrase_is_seen_by_the_quick_verb_scan() -> None:
    """extract_status skips sentences without a status verb; each phrase of the lexicon must name one."""
    from factcheck.extract.status import STATUS_VERBS
    from factcheck.lexicons import load_lexicon

    lexicon = load_lexicon("status")
    phrases = [p for domain in ("employment", "legal") for state in lexicon[domain].values() for p in state]
    for phrase in phrases:
        readable = phrase.replace(r"\s", " ")
        assert any(verb in readable for verb in STATUS_VERBS), phrase


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        ("not_fired", StatusState(name="fired", negated=True)),  # claims files before the state was typed
        ("on_leave", StatusState(name="on_leave")),
        ({"name": "fired", "negated": True}, StatusState(name="fired", negated=True)),
    ],
)
def test_a_stored_state_of_either_shape_loads(stored: object, expected: StatusState) -> None:
    quote = "Oliver Grant was not fired."
    claim = StatusClaim.model_validate(
        {"source": "a.txt", "start": 0, "end": len(quote), "quote": quote, "value_start": 13, "value_end": 26,
         "subject": "p:oliver grant", "subject_text": "Oliver Grant", "rule": "status.employment.fired",
         "domain": "employment", "state": stored, "modality": "negated", "expression": "was not fired"}
    )  # fmt: skip
    assert claim.state == expected
    assert StatusClaim.model_validate_json(claim.model_dump_json()) == claim
