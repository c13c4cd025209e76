"""Open-vocabulary mentions and their frames, and the alignment of facts across sources: phrases
written for the test, negatives included (two events of one person, a background event in
another year, the same number about different things, active and passive of one event)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from extract_helpers import claims_file, compare_articles
from factcheck.compare.align import align, similarity
from factcheck.extract.frames import SentenceView, build_frame, nearest_predicate
from factcheck.extract.mentions import find_numbers, find_predicates, listed_predicates, tokens
from factcheck.models import ClaimBase, Frame, QuantityClaim, Report, StatusClaim


def numbers(text: str) -> list[tuple[str, float, str, str | None]]:
    return [(text[n.start : n.end], n.value, n.dimension, n.noun) for n in find_numbers(text, tokens(text))]


@pytest.mark.parametrize(("text", "expected"), [
    ("The firm's 350 employees were told.", [("350 employees", 350, "count", "employee")]),
    ("About 90 percent of the mail traffic passes here.", [("About 90 percent", 90, "percent", "traffic")]),
    ("The battery can last up to 8 hours.", [("up to 8 hours", 8, "duration", None)]),
    ("He fell 20 feet onto the roof.", [("20 feet", 20, "distance", None)]),
    ("One hundred fifteen marchers were held.", [("One hundred fifteen marchers", 115, "count", "marcher")]),
    ("A dozen boats sailed.", [("A dozen boats", 12, "count", "boat")]),
    ("Twenty-one riders finished.", [("Twenty-one riders", 21, "count", "rider")]),
    ("The club paid $3.5 million for him.", [("$3.5 million", 3_500_000, "money", None)]),
    ("It weighs 40 kg.", [("40 kg", 40, "weight", None)]),
    ("Three of the sailors swam ashore.", [("Three", 3, "count", "sailor")]),
    ("The talks lasted 4 1/2 hours.", [("4 1/2 hours", 4.5, "duration", None)]),
    ("The score was 3/4 of the vote.", []),
    # negatives: dates, years, ages, labels and numbers glued to words are not counts
    ("He was seen on March 5 in 2019.", []),
    ("The 40-year-old teacher spoke.", []),
    ("He was charged under Article 296.", []),
    ("He boarded Flight 370 in the night.", []),
    ("The No 5 seed lost.", []),
    ("They stopped on the Oakvale 27-yard line.", []),  # a field position: the unit is the label's
    # a measure after a name is no label: the unit says what the number is
    ("She came home with John 14 weeks ago.", [("14 weeks", 14, "duration", None)]),
    ("He met Reyes 3 hours later.", [("3 hours", 3, "duration", None)]),
    ("It was one of the worst.", []),
    ("The 8Bit band played.", []),
    # 'zero' before a singular unit is a compound name, not nothing counted
    ("The flaw was a zero-day bug.", []),
    ("It was zero hour for the crew.", []),
    ("There were zero days of rain.", [("zero days", 0, "duration", "rain")]),
])  # fmt: skip
def test_numbers_with_what_they_count(text: str, expected: list[tuple[str, float, str, str | None]]) -> None:
    assert numbers(text) == expected


@pytest.mark.parametrize(("text", "word", "lemma", "state", "negated", "modality"), [
    ("Two sailors have died.", "died", "die", "died", False, "asserted"),
    ("Both sailors survived the storm.", "survived", "survive", "survived", False, "asserted"),
    ("The guard was not injured.", "injured", "injure", "injured", True, "negated"),
    ("The mayor could lose the vote.", "lose", "lose", "lost", False, "possible"),
    ("The mayor should resign at once.", "resign", "resign", "resigned", False, "possible"),  # a call, no account
    ("The guards must have killed the dog.", "killed", "kill", "killed", False, "possible"),
    ("I don't think the mayor won.", "won", "win", "won", False, "possible"),
    ("His death shocked the town.", "death", "die", "died", False, "asserted"),
    ("The rebels fled the city.", "fled", "flee", "fled", False, "asserted"),
    ("The hostages were all freed.", "freed", "free", "released", False, "asserted"),
])  # fmt: skip
def test_predicates(text: str, word: str, lemma: str, state: str, negated: bool, modality: str) -> None:
    found = [p for p in find_predicates(tokens(text)) if p.word == word]
    assert [(p.lemma, p.state, p.negated, p.modality) for p in found] == [(lemma, state, negated, modality)]


@pytest.mark.parametrize("text", [
    "The firm said it would close the plant.",
    "He could leave on Monday.",
    "They should resign, she said.",
    "The rebels might attack again.",
    "Voters must choose a mayor.",
])  # fmt: skip
def test_a_modal_is_no_event(text: str) -> None:
    # 'would', 'could', 'should', 'might' lemmatize to 'will', 'can', 'shall', 'may': auxiliaries
    modals = {"would", "could", "should", "might", "must", "will", "can", "shall", "may"}
    assert not [p for p in find_predicates(tokens(text)) if p.word.lower() in modals]


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("The clerk (no relation) disappeared in May.", False),  # a 'no' behind a mark is the noun's
        ("The clerk, no stranger to the town, disappeared in May.", False),
        ("No clerks disappeared in May.", True),
        ("The clerk never disappeared.", True),
        # a negative subject denies its verb group
        ("None of the clerks -- Ada, Bo and Cy -- has been reported to have disappeared.", True),
        ("Nobody disappeared in May.", True),
        ("Police said none of the clerks had disappeared.", True),
        ("Nothing disappeared, the clerk said.", True),
        (
            "None of the other clerks in the Dorvale and Mirren offices -- Ada Ames, Bo Bauer, Cy Cole and"
            " Di Dunn -- has been reported to have disappeared.",
            True,
        ),
        ("None of the injured disappeared.", True),
        # negatives: a negative pronoun as an object or out of the clause; another clause's verb
        ("The clerk was second to none, and he disappeared in May.", False),
        ("He had none of the charm, and the clerk disappeared in May.", False),
        ("Nobody was hurt, but the clerk disappeared in May.", False),
    ],
)
def test_a_negation_is_the_verbs_own(text: str, negated: bool) -> None:
    (found,) = [p for p in find_predicates(tokens(text)) if p.lemma == "disappear"]
    assert found.negated is negated


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # a participle before a noun right after another past form is the object's adjective
        ("The board issued revised safety rules on Monday.", ["issued"]),
        ("Rescuers freed injured climbers on Sunday.", ["freed"]),
        # negatives: two verbs apart, a passive, a verb before a name or a function word
        ("He was arrested, charged and jailed.", ["arrested", "charged", "jailed"]),
        ("The man was arrested charged with theft.", ["arrested", "charged"]),
        ("Guards stopped Tove Berg at the gate.", ["stopped"]),
        ("Police arrested protesters on Monday.", ["arrested"]),
        # a relative clause's verb, then the main verb: before an adverb, or after 'who'
        ("Guards who rebelled surrendered quietly on Sunday.", ["rebelled", "surrendered"]),
        ("Guards who rebelled seized weapons on Sunday.", ["rebelled", "seized"]),
        # a quantifier after an auxiliary is the subject's ('were all released'); after a verb or
        # at the start it is a determiner before an adjective ('freed all injured climbers')
        ("The hostages were all released on Friday.", ["released"]),
        ("The two guards have both resigned.", ["resigned"]),
        ("Rescuers freed all injured climbers on Sunday.", ["freed"]),
        ("All injured climbers were flown out.", ["flown"]),
    ],
)
def test_an_attributive_participle_is_no_predicate(text: str, words: list[str]) -> None:
    assert [p.word for p in find_predicates(tokens(text)) if not p.noun] == words


@pytest.mark.parametrize("text", ["He faces the death penalty.", "An arrest warrant was issued."])
def test_an_event_noun_modifying_another_noun_is_no_event(text: str) -> None:
    assert [p for p in find_predicates(tokens(text)) if p.noun] == []


def frame_of(text: str, word: str) -> Frame:
    toks = tokens(text)
    view = SentenceView(text, toks, find_predicates(toks))
    start = text.index(word)
    pred = next((p for p in view.preds if p.start == start), None)
    return build_frame(view, start, start + len(word), attribute="test", predicate=pred, story_year=2024)


@pytest.mark.parametrize(("text", "word", "patients", "time", "cues"), [
    ("Police detained Anna Berg on Monday.", "detained", ("anna berg",), "on monday", ()),
    ("Anna Berg was detained by police on Monday.", "detained", ("anna berg",), "on monday", ()),
    ("Anna Berg was detained again in March.", "detained", ("anna berg",), None, ("again",)),
    ("Anna Berg was detained in 2019.", "detained", ("anna berg",), None, ("in 2019",)),
    ("Anna Berg was detained in 2024.", "detained", ("anna berg",), None, ()),
    # a distance in time from the story's day is no other time of the story
    ("Anna Berg was detained six days earlier.", "detained", ("anna berg",), None, ()),
    ("Anna Berg was detained earlier today.", "detained", ("anna berg",), "today", ()),
    ("Anna Berg had earlier been detained.", "detained", ("anna berg",), None, ("earlier",)),
])  # fmt: skip
def test_frames_active_and_passive_alike(
    text: str, word: str, patients: tuple[str, ...], time: str | None, cues: tuple[str, ...]
) -> None:
    frame = frame_of(text, word)
    assert (frame.predicate, frame.patients, frame.time, frame.cues) == ("detain", patients, time, cues)


@pytest.mark.parametrize(("text", "participants"), [
    ("Unlike Anna Berg and Tove Lind, Ola Dahl was detained.", ("ola dahl",)),
    ("Everyone except Anna Berg, and Ola Dahl too, was detained.", ("ola dahl",)),
    ("Unlike Anna Berg, Tove Lind and Eva Ek, Ola Dahl was detained.", ("ola dahl",)),
    ("Unlike Anna Berg, Ola Dahl was detained and jailed, police said.", ("ola dahl",)),
    # names joined to the clause; a contrast after it
    ("Anna Berg and Ola Dahl were detained.", ("anna berg", "ola dahl")),
    ("Ola Dahl was detained, unlike Anna Berg.", ("ola dahl",)),
])  # fmt: skip
def test_names_set_against_the_clause_are_not_its_participants(text: str, participants: tuple[str, ...]) -> None:
    assert frame_of(text, "detained").participants == frozenset(participants)


@pytest.mark.parametrize(("text", "value", "cues"), [
    # a relative clause's time is its noun's, not the figure's
    ("She was one of four daughters and worked at the bank founded in 1921 by her uncle.", "four", ()),
    ("The three agencies will review the rules that are once again in force.", "three", ()),
    ("The man who was jailed again in 2011 owns two shops.", "two", ()),
    # negatives: the clause's own verb, the value inside the relative clause, no relative clause
    ("Two hundred workers protested in 2009.", "Two hundred", ("in 2009",)),
    ("The firm that again cut three jobs was sold.", "three", ("again",)),
    ("Police detained four men again.", "four", ("again",)),
    ("The man who was jailed in 2011 was detained again with two friends.", "two", ("again",)),
    ("The bank founded in 1921 by her uncle lent four million dollars.", "four", ()),
])  # fmt: skip
def test_a_relative_clause_keeps_its_time_to_itself(text: str, value: str, cues: tuple[str, ...]) -> None:
    toks = tokens(text)
    view = SentenceView(text, toks, find_predicates(toks))
    start = text.index(value)
    assert build_frame(view, start, start + len(value), attribute="test", story_year=2024).cues == cues


def test_a_count_attaches_to_its_own_clause_predicate() -> None:
    text = "Ten people were killed, and twenty people were injured."
    toks = tokens(text)
    view = SentenceView(text, toks, find_predicates(toks))
    preds = [nearest_predicate(view, n.start, n.end) for n in find_numbers(text, toks)]
    assert [p.lemma if p else None for p in preds] == ["kill", "injure"]


def open_claims(body: str, published: dt.date | None = dt.date(2024, 5, 3)) -> list[ClaimBase]:
    cf, _ = claims_file(body, published=published)
    return [c for c in cf.claims if c.rule.startswith("mention.")]


def test_same_number_about_different_things_never_aligns() -> None:
    a = open_claims("The ferry carried 40 passengers and 40 cars across the strait.")
    b = open_claims("The ferry carried 41 passengers across the strait.")
    pairs = align(a, b)
    assert [(x.expression, y.expression) for x, y, _ in pairs if isinstance(x, QuantityClaim)] == [
        ("40 passengers", "41 passengers")
    ]


def test_a_background_event_in_another_year_does_not_align() -> None:
    a = open_claims("The bridge fell 30 metres into the river on Monday.")
    b = open_claims("In 2009 another bridge fell 12 metres into the river.")
    assert [p for p in align(a, b) if isinstance(p[0], QuantityClaim)] == []


def test_two_events_of_one_person_align_one_to_one() -> None:
    a = open_claims("Anna Berg won the regional race on Monday. Anna Berg won the national race again in April.")
    b = open_claims("Anna Berg won the regional race on Monday.")
    wins = [(x.quote, y.quote) for x, y, _ in align(a, b) if isinstance(x, StatusClaim)]
    assert wins == [("Anna Berg won the regional race on Monday.", "Anna Berg won the regional race on Monday.")]


def test_similarity_of_a_copy_is_high_and_of_another_fact_low() -> None:
    a = open_claims("Two climbers have died on the north face.")
    b = open_claims("Two climbers have survived on the north face.")
    c = open_claims("The village council met to discuss the new road.")
    died, survived = (next(x for x in cs if isinstance(x, StatusClaim)) for cs in (a, b))
    assert similarity(died, survived) >= 0.7
    assert [x for x in c if isinstance(x, StatusClaim)] == []


def compare_texts(tmp_path: Path, articles: dict[str, str]) -> Report:
    return compare_articles(tmp_path, articles)


DETAINED_TWICE = (
    "12 August 2024\n\nRights group says activist Marek Dolan held again\n\n"
    "Marek Dolan was detained on 3 March in Orlin, his lawyer said. A court released Marek Dolan on 5 March. "
    "Marek Dolan was detained again on 9 July, the lawyer said.\n"
)


@pytest.mark.parametrize(
    ("other", "expected"),
    [
        # the other outlet gives the first detention's day: no conflict with the second detention
        ("Marek Dolan was detained on 3 March in Orlin, his lawyer said.", []),
        # it gives another day for the first detention: one conflict, March against March only
        ("Marek Dolan was detained on 4 March in Orlin, his lawyer said.", ["March"]),
    ],
)
def test_two_events_of_one_person_are_compared_one_to_one(tmp_path: Path, other: str, expected: list[str]) -> None:
    other_text = f"12 August 2024\n\nRights group says activist Marek Dolan held again\n\n{other}\n"
    report = compare_texts(tmp_path, {"a.txt": DETAINED_TWICE, "b.txt": other_text})
    dated = [f for f in report.discrepancies if "date" in f.attribute or "detain" in f.attribute]
    assert len(dated) == len(expected)
    for finding in dated:
        assert all("July" not in ref.quote for ref in finding.claims)


def test_a_weekday_against_a_date_of_the_same_event(tmp_path: Path) -> None:
    """14 June 2024 was a Friday: 'on Thursday' in an undated source contradicts it."""
    a = "Harbour crane collapses\n\nThe harbour crane collapsed on 14 June 2024, the port authority said.\n"
    b = "Harbour crane collapses\n\nThe harbour crane collapsed on Thursday, the port authority said.\n"
    report = compare_texts(tmp_path, {"a.txt": a, "b.txt": b})
    assert [f.severity for f in report.discrepancies if "collapse" in f.attribute] == ["contradiction"]


@pytest.mark.parametrize(
    "text",
    [
        "Police said the men were detained and later released after questioning.",
        "She had not been arrested, but the guards who stopped her failed to charge anyone.",
        "The quake killed 12 people and injured dozens; rescuers managed to reach the village.",
        "I don't think he resigned, a colleague wrote.",
        "No deaths were reported.",
        "",
    ],
)
def test_listed_predicates_are_those_found_with_listed_only(text: str) -> None:
    toks = tokens(text)
    assert listed_predicates(find_predicates(toks)) == find_predicates(toks, listed_only=True)


def test_a_listed_view_shares_clauses_and_features_with_the_full_one() -> None:
    text = "Police detained two men on Monday; they were released later."
    toks = tokens(text)
    full = SentenceView(text, toks, find_predicates(toks))
    listed = full.restricted(listed_predicates(full.preds))
    assert listed.breaks == SentenceView(text, toks, listed.preds).breaks
    assert listed.pred_starts == [p.start for p in listed.preds]
    assert listed.features is full.features
    assert len(listed.preds) < len(full.preds) or full.preds == listed.preds


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # both days of the announcement, though the frame took the verb after the second ("would let")
        (
            "On Thursday, the harbour council announced a change to the ferry timetable.",
            "The timetable change announced Friday would let the harbour ferries sail at night.",
            ["contradiction"],
        ),
        # the day the collapse was announced is not the day of the collapse
        (
            "The harbour crane collapsed on Thursday during the storm.",
            "The harbour crane collapsed during the storm, the port authority announced Friday.",
            [],
        ),
    ],
)
def test_days_of_telling_meet_days_of_telling(tmp_path: Path, a: str, b: str, expected: list[str]) -> None:
    report = compare_texts(tmp_path, {"a.txt": f"Harbour news\n\n{a}\n", "b.txt": f"Harbour news\n\n{b}\n"})
    assert [f.severity for f in report.discrepancies if "date" in f.attribute or "weekday" in f.attribute] == expected
