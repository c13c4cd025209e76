"""Shared copy: aligned sentences of copies, the values, predicates and negations that differ between
them, copy groups counted as one account, and an article against an unchanged copy giving nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract_helpers import compare_articles
from factcheck.copies import Line, align, differences
from factcheck.models import Report
from factcheck.report import to_markdown


def line(text: str, source: str = "a.txt") -> Line:
    return Line(source, 0, 0, len(text), text)


# (sentence in one copy, the same sentence in the other, kind of difference and the words on each side)
# fmt: off
CHANGED = [
    ("The 52-year-old teacher was taken to the clinic in Dorvale.",
     "The 53-year-old teacher was taken to the clinic in Dorvale.", ("age", "52", "53")),
    ("Farmer Ines Caldo, 61, told the inquiry she had seen the truck.",
     "Farmer Ines Caldo, 62, told the inquiry she had seen the truck.", ("age", "61", "62")),
    ("Rescuers pulled 14 miners from the flooded shaft near Brenna.",
     "Rescuers pulled 17 miners from the flooded shaft near Brenna.", ("count", "14", "17")),
    ("Rescuers pulled four miners from the flooded shaft near Brenna.",
     "Rescuers pulled six miners from the flooded shaft near Brenna.", ("count", "four", "six")),
    ("The council will vote on the harbour plan on 9 October, the mayor said.",
     "The council will vote on the harbour plan on 11 October, the mayor said.", ("date", "9", "11")),
    ("The council will vote on the harbour plan on October 9, the mayor said.",
     "The council will vote on the harbour plan on November 9, the mayor said.", ("date", "October", "November")),
    ("The singer collapsed on stage in Tallow on Wednesday night, his manager said.",
     "The singer collapsed on stage in Tallow on Thursday night, his manager said.",
     ("weekday", "Wednesday", "Thursday")),
    ("May 12 was the day the council chose for the vote on the harbour plan.",
     "May 14 was the day the council chose for the vote on the harbour plan.", ("date", "12", "14")),
    ("The ferry left the quay at 6:40 with ninety passengers aboard.",
     "The ferry left the quay at 7:40 with ninety passengers aboard.", ("time", "6:40", "7:40")),
    ("Two hikers died after the storm trapped them on the ridge above Corran.",
     "Two hikers survived after the storm trapped them on the ridge above Corran.", ("status", "died", "survived")),
    ("Three guards were killed when the convoy was attacked outside Ossa.",
     "Three guards were wounded when the convoy was attacked outside Ossa.", ("status", "killed", "wounded")),
    ("The striker was arrested at the airport on his way back from the final.",
     "The striker was released at the airport on his way back from the final.", ("status", "arrested", "released")),
    ("The club's chairman was elected at the annual meeting in the town hall.",
     "The club's chairman was defeated at the annual meeting in the town hall.", ("status", "elected", "defeated")),
    ("The court said the former minister was convicted of taking bribes in 2019.",
     "The court said the former minister was acquitted of taking bribes in 2019.",
     ("status", "convicted", "acquitted")),
    ("The bank agreed to pay the fine before the hearing in the capital.",
     "The bank refused to pay the fine before the hearing in the capital.", ("status", "agreed", "refused")),
    ("The museum director said the painting was damaged in the move to the new wing.",
     "The museum director said the painting was not damaged in the move to the new wing.",
     ("negation", "was damaged", "was not damaged")),
    ("The airline said the pilot didn't know about the fault before take-off.",
     "The airline said the pilot did know about the fault before take-off.", ("negation", "didn't know", "did know")),
    ("The road to the valley is closed to traffic after the landslide, police said.",
     "The road to the valley is no longer closed to traffic after the landslide, police said.",
     ("negation", "is closed", "is no longer closed")),
]

SAME = [
    ("quotes with different punctuation",
     "\u201cWe will rebuild the school,\u201d the mayor of Dorvale said on Monday.",
     '"We will rebuild the school" the mayor of Dorvale said on Monday!'),
    ("a number in words and in digits",
     "Rescuers pulled three miners from the flooded shaft near Brenna.",
     "Rescuers pulled 3 miners from the flooded shaft near Brenna."),
    ("thousands with and without a comma",
     "About 2,500 people marched from the station to the square in Tallow.",
     "About 2500 people marched from the station to the square in Tallow."),
    ("a number moved but unchanged",
     "Police detained 12 protesters outside the ministry in Ossa on Friday evening.",
     "Outside the ministry in Ossa on Friday evening police detained 12 protesters."),
    ("a rewording that changes no value",
     "The 40-year-old driver said the brakes of the bus had failed near the bridge.",
     "The 40-year-old driver told reporters the brakes of the bus had failed near the bridge."),
    ("two words of one predicate class",
     "Two hikers died after the storm trapped them on the ridge above Corran.",
     "Two hikers were killed after the storm trapped them on the ridge above Corran."),
    ("a contraction without its apostrophe",
     "I can't speak for the other drivers, the man told the court in Tallow.",
     "I cant speak for the other drivers, the man told the court in Tallow."),
    ("a time of day written two ways",
     "The ferry left the quay at 6:00 with ninety passengers aboard the Corran.",
     "The ferry left the quay at 6 with ninety passengers aboard the Corran."),
    ("a distance converted to another unit",
     "The quake struck 24 km north of Brenna at a depth of ten km, officials said.",
     "The quake struck 15 miles north of Brenna at a depth of ten km, officials said."),
    ("two negations of one predicate",
     "The road to the valley is not open to traffic after the landslide, police said.",
     "The road to the valley is no longer open to traffic after the landslide, police said."),
    ("a sentence edited beyond its negation",
     "The inquiry found that the leak was probably one official at the ministry in Ossa.",
     "The inquiry found that the leak was not one official, but probably several at the ministry in Ossa."),
    ("a possessive weekday",
     "Thursday's strike closed the schools and the port of Brenna for a day.",
     "Thursday\u2019s strike closed the schools and the port of Brenna for a day."),
]
# fmt: on


@pytest.mark.parametrize(("first", "second", "expected"), CHANGED)
def test_a_changed_value_predicate_or_negation_is_one_difference(
    first: str, second: str, expected: tuple[str, str, str]
) -> None:
    found = differences(line(first), line(second, "b.txt"))
    assert [(d.kind, d.old, d.new) for d in found] == [expected]


@pytest.mark.parametrize(("why", "first", "second"), SAME)
def test_what_changes_no_fact_is_no_difference(why: str, first: str, second: str) -> None:
    assert differences(line(first), line(second, "b.txt")) == [], why


def test_an_age_names_its_person_and_a_count_what_it_counts() -> None:
    (age,) = differences(
        line("Farmer Ines Caldo, 61, told the inquiry."), line("Farmer Ines Caldo, 62, told the inquiry.")
    )
    assert (age.subject, age.attribute) == ("Ines Caldo", "age")
    (count,) = differences(
        line("The port has 14 overseas berths for the ferries."),
        line("The port has 19 overseas berths for the ferries."),
    )
    assert count.attribute == "number of overseas berths"


# --- alignment and copy groups over whole articles ---------------------------------------------

WIRE = [
    "Flood water forced about 300 families from their homes in the river town of Dorvale on Tuesday.",
    "The regional governor, Paula Mendt, 58, said the army would bring boats and tents by the evening.",
    "Two people died when their car was swept off the bridge at the northern end of the town.",
    "The weather service said the river had not risen so high since the spring of 1998.",
    "Schools in Dorvale and in three nearby villages will stay closed until the water falls.",
    "Volunteers filled sandbags at the town hall through the night, a local reporter said.",
]
OTHER = [
    "A court in Ossa sentenced the former port director to six years in prison on Friday.",
    "The judge said the director had taken money from shipping firms for at least four years.",
    "His lawyer, Rafael Tumen, 47, said the defence would appeal to the supreme court.",
]


def article(sentences: list[str], headline: str = "River floods Dorvale") -> str:
    return headline + "\n\n" + "\n\n".join(sentences) + "\n"


def compare(tmp_path: Path, articles: dict[str, str]) -> Report:
    return compare_articles(tmp_path, articles)


def test_copies_are_aligned_sentence_by_sentence_and_grouped() -> None:
    a = [line(s, "a.txt") for s in WIRE]
    b = [line(s.replace("300", "350"), "b.txt") for s in reversed(WIRE)]  # order and one value changed
    c = [line(s, "c.txt") for s in OTHER]
    alignment = align({"a.txt": a, "b.txt": b, "c.txt": c})
    assert len(alignment.pairs) == len(WIRE)
    assert all(x.source == "a.txt" and y.source == "b.txt" for x, y in alignment.pairs)
    (group,) = alignment.shared
    assert (group.sources, group.sentences, group.identical) == (["a.txt", "b.txt"], 6, 5)
    assert alignment.account("b.txt") == "a.txt"
    assert alignment.account("c.txt") == "c.txt"


def test_a_value_changed_in_a_copy_is_one_finding_with_both_sentences(tmp_path: Path) -> None:
    changed = [s.replace("died", "survived") for s in WIRE]
    report = compare(tmp_path, {"a.txt": article(WIRE), "b.txt": article(changed, "Floods in Dorvale")})
    (finding,) = report.discrepancies
    assert "'died'" in finding.explanation
    assert "'survived'" in finding.explanation
    quotes = {ref.source: ref.quote for ref in finding.claims}
    assert quotes == {"a.txt": WIRE[2], "b.txt": changed[2]}
    assert [g.sources for g in report.shared_copy] == [["a.txt", "b.txt"]]
    assert "Shared copy: a.txt and b.txt print the same passages" in to_markdown(report)


def test_a_copy_counts_once_in_a_corroboration(tmp_path: Path) -> None:
    reprint = [*WIRE[:4], "The governor, who is 58, said the town would need help for weeks."]
    own = [
        "Paula Mendt, 58, the regional governor, visited the flooded streets of Dorvale by boat.",
        "She said about 300 families had left their homes and would sleep in the school gym.",
    ]
    report = compare(
        tmp_path, {"a.txt": article(WIRE), "b.txt": article(reprint), "c.txt": article(own, "Governor visits Dorvale")}
    )
    assert [g.sources for g in report.shared_copy] == [["a.txt", "b.txt"]]
    for c in report.corroborations:
        sources = {r.source for r in c.claims}
        assert c.independent_sources == len(sources - {"b.txt"} if "a.txt" in sources else sources)


def test_independent_reports_with_a_few_common_words_share_no_copy(tmp_path: Path) -> None:
    report = compare(tmp_path, {"a.txt": article(WIRE), "c.txt": article(OTHER, "Port director sentenced")})
    assert report.shared_copy == []


AGED_41 = "Police detained Ines Caldo, 41, a teacher, on Monday in Dorvale."
AGED_42 = AGED_41.replace("41", "42")


@pytest.mark.parametrize(
    ("first", "second", "found"),
    [
        # Each source prints both ages, in another order and with a quote mark: the conflict is each one's own.
        ([AGED_41, AGED_42], [AGED_42, "\u201c" + AGED_41], False),
        # Only the first prints both: the second tells one age, and the first's other sentence denies it.
        ([AGED_41, AGED_42], [AGED_42], True),
        ([AGED_41], [AGED_42], True),
    ],
)
def test_a_conflict_each_source_prints_whole_is_not_set_between_them(
    tmp_path: Path, first: list[str], second: list[str], found: bool
) -> None:
    report = compare(
        tmp_path, {"a.txt": article(first, "Council meets in Dorvale"), "b.txt": article(second, "Council meets")}
    )
    assert bool(report.discrepancies) is found


# --- property: an article against an unchanged copy of itself ----------------------------------

WORDS = ["the", "mayor", "of", "Dorvale", "said", "police", "detained", "arrested", "released", "died", "survived",
         "12", "three", "on", "Monday", "Friday", "March", "4", "not", "no", "longer", "people", "was", "were",
         "a", "41-year-old", "teacher", "Ines", "Caldo", ",", "61", "in", "2019", "at", "6:40", "killed"]  # fmt: skip
SENTENCE = st.lists(st.sampled_from(WORDS), min_size=1, max_size=24).map(lambda ws: " ".join(ws).capitalize() + ".")
ARTICLE = st.lists(SENTENCE, min_size=3, max_size=8).map(lambda ss: article(ss, "Council meets in Dorvale"))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(ARTICLE, st.sampled_from(["", "\u201c", "  "]))
def test_an_article_against_an_unchanged_copy_of_itself_gives_no_finding(
    tmp_path_factory: pytest.TempPathFactory, text: str, noise: str
) -> None:
    tmp_path = tmp_path_factory.mktemp("copy")
    alone = compare(tmp_path / "alone", {"a.txt": text})
    copy = text.replace("\n\n", "\n\n" + noise, 1) if noise else text  # the copy may differ in spacing or a quote mark
    together = compare(tmp_path / "pair", {"a.txt": text, "b.txt": copy})
    # No finding and no corroboration the copy makes: nothing the article alone does not give (a
    # conflict within the article is not reported twice), and the article never corroborates itself.
    assert {f.id for f in together.discrepancies} <= {f.id for f in alone.discrepancies}
    assert not any("b.txt" in {r.source for r in f.claims} for f in together.discrepancies)
    assert all(c.independent_sources >= 2 for c in together.corroborations)
