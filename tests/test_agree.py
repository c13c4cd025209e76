"""Agreements on one specific value two reports give in different sentences, and the pairs of equal
values that are two facts. Phrases are written for the test."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from extract_helpers import compare_articles
from factcheck.compare.agree import merge_linked
from factcheck.compare.groups import Agreement
from factcheck.models import Corroboration, QuantityClaim, Report, StatusClaim


def story(body: str) -> str:
    return f"3 May 2024\n\nFerry fire in the bay\n\n{body}\n"


def compare_texts(tmp_path: Path, a: str, b: str) -> Report:
    return compare_articles(tmp_path, {"a.txt": story(a), "b.txt": story(b)})


def across(report: Report) -> list[Corroboration]:
    """Corroborations that cite both reports."""
    return [c for c in report.corroborations if {r.source for r in c.claims} == {"a.txt", "b.txt"}]


def cites(c: Corroboration, source: str, words: str) -> bool:
    """Whether the corroboration cites `words` of `source` as the value it agrees on."""
    return any(
        r.source == source and r.value_start is not None and words in r.quote[r.value_start : r.value_end]
        for r in c.claims
    )


@pytest.mark.parametrize(("a", "b", "a_words", "b_words"), [
    # a measure with its unit, stated with other verbs
    ("The ferry was 14 nautical miles from the harbour when the fire broke out, the coastguard said.",
     "Rescuers reached the burning ferry 14 nautical miles from the harbour within an hour.",
     "14 nautical miles", "14 nautical miles"),
    # a count of a specific noun in two sentences that share its context
    ("The crew lowered 12 lifeboats into the water as the smoke spread.",
     "Passengers said 12 lifeboats were lowered before the engines stopped.",
     "12 lifeboats", "12 lifeboats"),
    # a maximum penalty, as a possibility and as an assertion
    ("If convicted of negligence, the captain could be sentenced to up to six years in prison.",
     "Under the maritime code, the captain faces up to six years in prison.",
     "up to six years", "up to six years"),
    # a full date with its year, the nearest verbs different
    ("The shipowner said the hull was last inspected on 14 March 2021 by the port authority.",
     "The port authority inspected the hull on 14 March 2021, records show.",
     "14 March 2021", "14 March 2021"),
    # an amount of money, found and disclosed, in sentences that share little else
    ("According to his lawyer, inspectors reported they found 25 thousand dollars in the cabin.",
     "The captain disclosed the alleged discovery of 25,000 dollars by the inspectors during the search.",
     "25 thousand dollars", "25,000 dollars"),
    # a crew one report sets "in September" and the other on a day of September
    ("Officials recalled the grounding of a tanker, with 18 Filipino sailors on board, in September.",
     "The tanker, which had 18 Filipino sailors on board, ran aground on 15 September.",
     "18 Filipino sailors", "18 Filipino sailors"),
    # a full date with its year, told with two verbs of one event
    ("The court heard about the ledger fraud he committed on 9 June 2011.",
     "On 9 June 2011 he forged the ledger and emptied the pension accounts.",
     "9 June 2011", "9 June 2011"),
    # a distance whose place one report names in a way the other does not
    ("The cutter was 13 nautical miles from the burning ferry when it heard the distress call.",
     "The distress call reached the cutter when it was 13 nautical miles (about 24 km) from the ferry.",
     "13 nautical miles", "13 nautical miles"),
    # one measure in two units
    ("The wreck lies 20 kilometres off the northern cape, divers said.",
     "Divers found the wreck about 12 miles off the northern cape.",
     "20 kilometres", "12 miles"),
    # a weekday against the weekday of a date, for one event (3 May 2024 was a Friday)
    ("Harbour police arrested the first mate on Friday.",
     "The first mate was arrested by harbour police on 3 May.",
     "on Friday", "3 May"),
    # one person's residence in two words, for one event
    ("Police detained Lars Okafor outside his apartment at dawn.",
     "Lars Okafor was detained outside his home early in the morning.",
     "outside his apartment", "outside his home"),
])  # fmt: skip
def test_one_value_in_two_wordings_is_corroborated(tmp_path: Path, a: str, b: str, a_words: str, b_words: str) -> None:
    report = compare_texts(tmp_path, a, b)
    assert any(cites(c, "a.txt", a_words) and cites(c, "b.txt", b_words) for c in across(report))
    assert report.discrepancies == []


@pytest.mark.parametrize(("a", "b"), [
    # the same number of different things: killed and injured
    ("Seven passengers were killed in the fire.", "Seven passengers were injured in the fire."),
    # a maximum against a term
    ("The captain faces up to six years in prison.", "The captain was jailed for six years in prison."),
    # another time: a figure the other report sets in an earlier year
    ("The crew lowered 12 lifeboats into the water as the smoke spread.",
     "In 2019, the crew lowered 12 lifeboats into the water during a drill."),
    # small counts of different things that happen to share a noun
    ("The vessel carries four diesel engines and a backup generator.",
     "Mechanics replaced four engines at the shipyard last spring."),
    # one of something is no figure to corroborate
    ("One lifeboat capsized in the swell.", "Rescuers said one lifeboat was missing."),
    # a number inside a label or a score
    ("The ferry entered service in the 2010-12 refit programme.",
     "Twelve cabins were closed during the 2010-12 refit programme."),
    # the same distance from two places
    ("The trawler sank 14 nautical miles off Kelmar, the coastguard said.",
     "The coastguard said the trawler sank 14 nautical miles off Dunvik."),
    # the end of a range is no figure of its own
    ("The charter deal is said to be for eight years, the ferry company said.",
     "The ferry company would prefer a charter deal between six and eight years."),
    # a weekday of two events
    ("Harbour police arrested the first mate on Friday.",
     "The ferry company suspended its sailings on Friday."),
    # two people's residences
    ("Police detained Lars Okafor outside his apartment at dawn.",
     "Police searched Mira Sato's home at dawn."),
    # a day told against a day something happened
    ("The shipowner announced on 14 March 2021 that the ferry would be sold.",
     "The ferry ran aground on 14 March 2021 off the northern cape."),
])  # fmt: skip
def test_equal_values_of_two_facts_are_not_corroborated(tmp_path: Path, a: str, b: str) -> None:
    report = compare_texts(tmp_path, a, b)
    assert [(c.attribute, c.value) for c in across(report) if "in each account" in c.resolution] == []


def _quantity(cid: str, source: str, number: float) -> QuantityClaim:
    quote = f"{number:g} boats sank."
    return QuantityClaim(
        id=cid, source=source, start=0, end=len(quote), quote=quote, value_start=0, value_end=len(quote) - 6,
        subject={"kind": "topic", "facet": "thing", "word": "boat"}, subject_text="boats", rule="mention.count",
        low=number, high=number, number=number, qualifier="exact", unit="boats", expression=f"{number:g} boats",
    )  # fmt: skip


def _status(cid: str, source: str) -> StatusClaim:
    quote = "Ana Lind and Ivo Berg were detained."
    return StatusClaim(
        id=cid, source=source, start=0, end=len(quote), quote=quote, value_start=26, value_end=34,
        subject={"kind": "topic", "facet": "event", "word": "custody"}, subject_text="Ana Lind", rule="mention.event",
        domain="event", state="detained", modality="asserted", expression="detained",
    )  # fmt: skip


def test_agreements_sharing_a_figure_are_one_corroboration() -> None:
    a, b, c = _quantity("q-a", "a.txt", 3), _quantity("q-b", "b.txt", 3), _quantity("q-c", "c.txt", 3)
    listed = Agreement("I-1", "the incident", "boats sunk", "3 boats", "same figure", [a, b])
    aligned = Agreement("I-1", "the incident", "boats (sank)", "3 boats", "same figure", [b, c])
    (merged,) = merge_linked([listed, aligned])
    assert (merged.attribute, [x.id for x in merged.claims]) == ("boats sunk", ["q-a", "q-b", "q-c"])


def test_agreements_sharing_a_status_stay_apart() -> None:
    """One 'were detained' may be two people's detentions: a status claim links nothing."""
    x, y, z = _status("s-a", "a.txt"), _status("s-b", "b.txt"), _status("s-c", "c.txt")
    lind = Agreement("I-1", "Ana Lind", "custody", "detained", "same state", [x, y])
    berg = Agreement("I-1", "Ivo Berg", "custody", "detained", "same state", [x, z])
    assert len(merge_linked([lind, berg])) == 2


def test_a_merged_corroboration_cites_each_source_first_and_ten_claims_at_most() -> None:
    claims = [_quantity(f"q-{s}{i}", f"{s}.txt", 3).model_copy(update={"start": i}) for s in "abcdef" for i in range(3)]
    chain = [Agreement("I-1", "the incident", "boats", "3", "same", [p, q]) for p, q in itertools.pairwise(claims)]
    (merged,) = merge_linked(chain)
    assert len(merged.claims) == 10
    assert {c.source for c in merged.claims} == {f"{s}.txt" for s in "abcdef"}


@pytest.mark.parametrize(("a", "b", "subject", "attribute"), [
    # a count: the name both sentences give beside it, and what it counts
    ("Officials recalled the grounding of the tanker Marlow Star, with 18 Filipino sailors on board.",
     "The tanker Marlow Star ran aground with 18 Filipino sailors on board, officials recalled.",
     "Marlow Star", "number of Filipino sailors"),
    # no name in common: the incident, never a month or a weekday
    ("On Friday, rescuers reached the burning ferry 14 nautical miles from the harbour.",
     "The ferry was 14 nautical miles from the harbour on Friday when the fire broke out.",
     "the incident", None),
])  # fmt: skip
def test_value_agreement_titles(tmp_path: Path, a: str, b: str, subject: str, attribute: str | None) -> None:
    found = [c for c in across(compare_texts(tmp_path, a, b)) if c.attribute != "told in shared words"]
    assert found, "the value agreement is missing"
    assert found[0].subject == subject
    if attribute is not None:
        assert found[0].attribute == attribute
