"""Typed subjects: each model has one key, old keys read back into the same model, and what a
claim is about survives a claims file written before subjects were typed."""

from __future__ import annotations

import pytest

from factcheck.models import (
    AgeClaim,
    ClaimsFile,
    Credit,
    Dated,
    Entity,
    Figure,
    Group,
    Organisation,
    Person,
    Relative,
    Source,
    SubjectType,
    Topic,
    parse_subject,
    parse_who,
)
from factcheck.subjects import resolve_subject, subject_label

ANNA = Person(name="anna berg")

# fmt: off
SUBJECTS: list[tuple[SubjectType, str, str, str]] = [  # model, key, claim kind, rule
    (ANNA, "p:anna berg", "age", "age.appositive"),
    (Relative(role="partner", of=ANNA), "r:partner@p:anna berg", "status", "status.employment.fired"),
    (Group(noun="couple"), "g:couple", "status", "status.legal.detained"),
    (Organisation(name="interior ministry"), "org:interior ministry", "status", "status.legal.detained"),
    (Dated(event="publish"), "publish", "date", "date.weekday"),
    (Dated(event="detain", of=Relative(role="lawyer", of=ANNA)), "detain@r:lawyer@p:anna berg", "date", "date.day"),
    (Dated(event="publish", of=Group(noun="couple")), "publish@g:couple", "date", "date.weekday"),
    (Figure(event=None, unit="people"), "count:people", "quantity", "quantity.count"),
    (Figure(event="detain", unit="hours", of=ANNA), "detain:hours@p:anna berg", "quantity", "quantity.duration"),
    (Figure(event="attack", role="agents", unit="people"), "attack:agents:people", "quantity", "quantity.count"),
    (Figure(event="pay", role="cash", unit="USD"), "pay:cash:USD", "quantity", "quantity.money"),
    (Figure(event="fund", role="latest", unit="USD"), "fund:funding:latest:USD", "quantity", "quantity.money"),
    (Figure(event="distance", anchor="Port Vell", unit="miles"), "distance from Port Vell:miles", "quantity",
     "quantity.count"),
    (Topic(facet="thing", word="employee"), "thing:employee", "quantity", "mention.count"),
    (Topic(facet="event", word="custody"), "event:custody", "status", "mention.event.custody"),
    (Topic(facet="date", word="arrest"), "date:arrest", "date", "mention.weekday"),
]
# fmt: on


@pytest.mark.parametrize(("subject", "key", "kind", "rule"), SUBJECTS)
def test_each_subject_has_one_key_and_reads_back_from_it(subject: SubjectType, key: str, kind: str, rule: str) -> None:
    assert subject.key() == key
    assert parse_subject(key, kind, rule) == subject


def test_a_figure_role_written_as_its_key_reads_as_the_role() -> None:
    """Claims files written before the roles were typed give the latest round as 'funding:latest'."""
    assert Figure(event="fund", role="funding:latest", unit="USD").role == "latest"
    assert Figure(event="fund:funding:latest", unit="USD").role == "latest"
    with pytest.raises(ValueError, match="role"):
        Figure(event="pay", role="tip", unit="USD")  # no role of a figure


@pytest.mark.parametrize(
    ("key", "kind"),
    [
        ("anna berg", "age"),  # no prefix
        ("publish@p:anna berg", "age"),  # an age is of a person, not of an event
        ("r:partner", "status"),  # a relative of nobody
        ("detain@nobody", "date"),  # '@' before no person
        ("", "date"),
        ("people", "quantity"),  # a figure needs its unit after a colon
    ],
)
def test_a_key_of_no_known_form_is_an_error(key: str, kind: str) -> None:
    with pytest.raises(ValueError, match=r"subject|empty"):
        parse_subject(key, kind)


def test_who_is_none_for_what_is_not_a_person_relative_group_or_organisation() -> None:
    assert [parse_who(k) for k in ("p:anna berg", "x:anna", "p:", "r:partner@g:couple")] == [ANNA, None, None, None]


def test_subjects_are_frozen_and_ordered_by_their_keys() -> None:
    with pytest.raises(ValueError, match="frozen"):
        ANNA.name = "other"  # type: ignore[misc]
    subjects = [s for s, *_ in SUBJECTS]
    assert [s.key() for s in sorted(subjects)] == sorted(k for _, k, *_ in SUBJECTS)


def _claims_file(subject: object, entity: dict[str, object]) -> ClaimsFile:
    quote = "Anna Berg, 40, spoke."
    source = Source(id="a.txt", sha256="0", encoding="utf-8", format="text", length=len(quote))
    claim = {"kind": "age", "source": "a.txt", "start": 0, "end": len(quote), "quote": quote, "value_start": 0,
             "value_end": 13, "subject": subject, "subject_text": "Anna Berg", "rule": "age.appositive",
             "value": 40}  # fmt: skip
    return ClaimsFile.model_validate(
        {"source": source.model_dump(), "sentences": 1, "entities": [entity], "claims": [claim]}
    )


def test_a_claims_file_written_with_keys_reads_into_the_same_models() -> None:
    old = _claims_file("p:anna berg", {"id": "p:anna berg", "name": "Anna Berg", "label": "Anna Berg"})
    new = _claims_file(
        ANNA.model_dump(), {"id": "p:anna berg", "who": ANNA.model_dump(), "name": "Anna Berg", "label": "Anna Berg"}
    )
    assert old.claims == new.claims
    assert old.entities == new.entities
    assert isinstance(old.claims[0], AgeClaim)
    assert old.claims[0].subject == ANNA


def test_an_entity_merged_across_sources_is_written_without_who() -> None:
    assert "who" not in Entity(id="E-1", label="Anna Berg").model_dump(mode="json")
    assert Entity(id="p:anna berg", who=ANNA, label="Anna Berg").model_dump(mode="json")["who"] == ANNA.model_dump()


@pytest.mark.parametrize(
    ("typed", "kind", "expected"),
    [
        ("Anna Berg", "age", ANNA),
        ("anna  BERG", "age", ANNA),  # case and spacing aside
        ("p:anna berg", "age", ANNA),  # a key works too
        ("publish@Anna Berg", "date", Dated(event="publish", of=ANNA)),
        ("detain:hours@Anna Berg", "quantity", Figure(event="detain", unit="hours", of=ANNA)),
        ("the couple", "status", Group(noun="couple")),
        ("detain:people", "quantity", Figure(event="detain", unit="people")),
        ("Carl Moe", "age", None),  # nobody of that name here
        ("detain:people", "age", None),  # an age is of a person
    ],
)
def test_a_typed_subject_resolves_against_the_source(typed: str, kind: str, expected: SubjectType | None) -> None:
    cf = _claims_file("p:anna berg", {"id": "p:anna berg", "name": "Anna Berg", "label": "Anna Berg"})
    found = resolve_subject(typed, cf, kind)
    assert found == expected
    if found is not None:  # what `claim list` shows names it again
        assert resolve_subject(subject_label(found, {"p:anna berg": "Anna Berg"}), cf, kind) == found


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("p:anna berg", ANNA),
        ("org:interior ministry", Organisation(name="interior ministry")),
        ("the organisers", Credit(text="the organisers")),  # a person's words for who said it
        ("", None),
    ],
)
def test_a_speaker_written_as_a_key_or_in_words_reads_into_its_model(written: str, expected: object) -> None:
    cf = _claims_file("p:anna berg", {"id": "p:anna berg", "name": "Anna Berg", "label": "Anna Berg"})
    data = cf.claims[0].model_dump(mode="json") | {"speaker": written}
    claim = AgeClaim.model_validate(data)
    assert claim.speaker == expected
    assert (claim.speaker.key() if claim.speaker else "") == written  # the report names it as written


@pytest.mark.parametrize(
    ("stored", "event", "role", "anchor"),
    [  # a figure's event as claims files wrote it before its role and anchor were typed
        ("attack:agents", "attack", "agents", None),
        ("fund:funding:latest", "fund", "latest", None),
        ("distance from Port Vell", "distance", None, "Port Vell"),
        ("detain", "detain", None, None),
    ],
)
def test_a_stored_figure_event_reads_into_its_fields(stored: str, event: str, role: str | None,
                                                     anchor: str | None) -> None:  # fmt: skip
    figure = Figure.model_validate({"kind": "figure", "event": stored, "unit": "people"})
    assert (figure.event, figure.role, figure.anchor) == (event, role, anchor)
    assert figure.head() == f"{stored}:people"  # the key, so claim ids stay the same
    assert Figure.model_validate_json(figure.model_dump_json()) == figure
