"""One finding per fact: grouping, stable ids, reviews carried over, speakers, independent
corroboration, the facts × sources table and the terminal table."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract_helpers import compare_articles, write_folder
from factcheck.facts import copies, explain_values, group_facts, plural
from factcheck.models import ClaimRef, FactValue, Finding, Report, ReviewDecision
from factcheck.report import to_markdown, to_table
from factcheck.review import attach_reviews

BACKGROUND = (
    "Marta Kowalska, a reporter for the Valmora Courier, covered the protest outside the town hall. "
    "Kowalska said the police had pushed the crowd back from the steps. "
    "The Valmora Courier said Kowalska would keep reporting from the town hall."
)


def story(sentence: str, outlet: str | None = None) -> str:
    head = f"---\noutlet: {outlet}\n---\n" if outlet else ""
    return f"{head}Reporter detained after protest in Valmora\n\n17 March 2021\n\n{sentence}\n\n{BACKGROUND}\n"


def compare(tmp_path: Path, articles: dict[str, str]) -> Report:
    return compare_articles(tmp_path, articles)


AGES = {
    "a.txt": story("The reporter, Marta Kowalska, 31, was detained.", "Courier One"),
    "b.txt": story("The reporter, Marta Kowalska, 32, was detained.", "Courier Two"),
    "c.txt": story("The reporter, Marta Kowalska, 33, was detained.", "Courier Three"),
}


def test_three_ages_are_one_finding_with_every_value_side_by_side(tmp_path: Path) -> None:
    report = compare(tmp_path, AGES)
    (fact,) = report.discrepancies
    assert fact.severity == "contradiction"
    assert fact.attribute == "age"
    assert [(v.key, v.sources) for v in fact.values] == [("31", ["a.txt"]), ("32", ["b.txt"]), ("33", ["c.txt"])]
    assert len(fact.pairs) == 3  # 31/32, 31/33, 32/33 were three findings
    assert len(fact.claims) <= 10
    assert fact.explanation == ("Courier One gives 31, Courier Two 32, Courier Three 33: these cannot all be true")


def test_a_source_adding_a_value_a_side_has_keeps_the_id_and_the_review(tmp_path: Path) -> None:
    two = compare(tmp_path / "two", {k: AGES[k] for k in ("a.txt", "b.txt")})
    (before,) = two.discrepancies
    decision = ReviewDecision(finding_id=before.id, status="confirmed", note="checked", date=dt.date(2026, 1, 5),
                              values=[v.key for v in before.values])  # fmt: skip
    same_value = story("Marta Kowalska, 31, was detained.", "Courier Four")
    three = compare(tmp_path / "three", {"a.txt": AGES["a.txt"], "b.txt": AGES["b.txt"], "d.txt": same_value})
    attach_reviews(three, [decision])
    (after,) = three.discrepancies
    assert after.id == before.id
    assert after.review == decision
    assert after.reopened == []
    assert [v.sources for v in after.values if v.key == "31"] == [["a.txt", "d.txt"]]


def test_a_new_value_reopens_the_review_and_says_so(tmp_path: Path) -> None:
    two = compare(tmp_path / "two", {k: AGES[k] for k in ("a.txt", "b.txt")})
    (before,) = two.discrepancies
    decision = ReviewDecision(finding_id=before.id, status="confirmed", note="checked", date=dt.date(2026, 1, 5),
                              values=[v.key for v in before.values])  # fmt: skip
    three = compare(tmp_path / "three", AGES)
    attach_reviews(three, [decision])
    (after,) = three.discrepancies
    assert after.id == before.id
    assert after.reopened == ["33"]
    assert after.review == decision  # kept and shown, not dropped
    markdown = to_markdown(three)
    assert "**reopened**: 1 value given since (33)" in markdown
    assert three.orphaned_reviews == []


def test_a_decision_on_an_old_pair_id_carries_over_to_the_fact(tmp_path: Path) -> None:
    report = compare(tmp_path, AGES)
    (fact,) = report.discrepancies
    pair = next(p for p in fact.pairs if set(p.values) == {"31", "32"})
    old = ReviewDecision(finding_id=pair.id, status="explained", note="a birthday", date=dt.date(2026, 1, 2))
    attach_reviews(report, [old])
    assert fact.review is not None
    assert (fact.review.finding_id, fact.review.status) == (pair.id, "explained")
    assert fact.reopened == ["33"]  # the old decision covered 31 and 32 only
    assert report.orphaned_reviews == []
    assert f"decided on `{pair.id}` before findings were grouped by fact" in to_markdown(report)


def test_decisions_on_every_pair_cover_the_fact_and_none_is_lost(tmp_path: Path) -> None:
    report = compare(tmp_path, AGES)
    (fact,) = report.discrepancies
    olds = [
        ReviewDecision(finding_id=p.id, status="confirmed", note=f"pair {n}", date=dt.date(2026, 1, n))
        for n, p in enumerate(fact.pairs, 1)
    ]
    unrelated = ReviewDecision(finding_id="F-0000000000", status="dismissed", note="gone", date=dt.date(2026, 1, 9))
    attach_reviews(report, [*olds, unrelated])
    assert fact.reopened == []
    assert fact.review is not None
    assert fact.review.note == "pair 3"  # the latest decision is shown
    assert report.orphaned_reviews == [unrelated]  # kept and listed, never dropped


def test_the_review_command_carries_pair_decisions_through_the_reviews_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """End to end: a reviews file written before grouping (pair ids) keeps applying; check passes."""
    import json

    from click.testing import CliRunner

    from factcheck.cli import main

    monkeypatch.chdir(tmp_path)
    write_folder(tmp_path / "src", AGES)
    runner = CliRunner()
    runner.invoke(main, ["compare", "src", "-q", "-j", "1"])
    data = json.loads(runner.invoke(main, ["compare", "src", "-q", "-j", "1", "--format", "json"]).stdout)
    (fact,) = data["discrepancies"]
    decisions = [
        {"finding_id": p["id"], "status": "confirmed", "note": "old", "date": "2026-01-01"} for p in fact["pairs"]
    ]
    (tmp_path / "reviews").mkdir()
    (tmp_path / "reviews" / "src.json").write_text(json.dumps({"decisions": decisions}), encoding="utf-8")
    runner.invoke(main, ["compare", "src", "-q", "-j", "1"])
    result = runner.invoke(main, ["check", "src", "-j", "1"])
    assert result.exit_code == 0, result.stdout
    kept = json.loads((tmp_path / "reviews" / "src.json").read_text(encoding="utf-8"))["decisions"]
    assert [d["finding_id"] for d in kept] == [d["finding_id"] for d in decisions]


# --- speakers --------------------------------------------------------------------------------


def test_two_named_speakers_giving_two_counts_is_a_divergence_naming_them(tmp_path: Path) -> None:
    report = compare(tmp_path, {
        "a.txt": story("Police spokesman Jonas Reed said 40 people were detained.", "Courier One"),
        "b.txt": story("Ida Sand said 300 people were detained.", "Courier Two"),
    })  # fmt: skip
    (fact,) = report.discrepancies
    assert fact.severity == "divergence"
    assert "according to Jonas Reed" in fact.explanation
    assert "according to Ida Sand" in fact.explanation
    assert "different speakers" in fact.explanation


def test_the_same_counts_without_speakers_stay_a_contradiction(tmp_path: Path) -> None:
    report = compare(tmp_path, {
        "a.txt": story("Police detained 40 people on Monday.", "Courier One"),
        "b.txt": story("Police detained 300 people on Monday.", "Courier Two"),
    })  # fmt: skip
    (fact,) = report.discrepancies
    assert fact.severity == "contradiction"


def test_counts_credited_to_police_and_to_organisers_are_a_divergence_naming_them(tmp_path: Path) -> None:
    report = compare(tmp_path, {
        "a.txt": story("Police said 40 people were detained on Monday.", "Courier One"),
        "b.txt": story("About 300 people were detained on Monday, the organisers said.", "Courier Two"),
    })  # fmt: skip
    (fact,) = report.discrepancies
    assert fact.severity == "divergence"
    assert fact.explanation.startswith("Courier One gives 40 people (according to police), Courier Two about 300")
    assert "(according to the organisers)" in fact.explanation
    assert "| Courier Two | about 300 people | the organisers |" in to_markdown(report)


def test_the_same_source_credited_with_both_figures_explains_nothing(tmp_path: Path) -> None:
    report = compare(tmp_path, {
        "a.txt": story("Police said 40 people were detained on Monday.", "Courier One"),
        "b.txt": story("Police said 300 people were detained on Monday.", "Courier Two"),
    })  # fmt: skip
    (fact,) = report.discrepancies
    assert fact.severity == "contradiction"


def test_two_agencies_giving_two_counts_is_a_divergence_naming_them(tmp_path: Path) -> None:
    report = compare(tmp_path, {
        "a.txt": story("The country's civil protection agency put the number of people detained at 40.", "Courier One"),
        "b.txt": story("By the organisers' count, 300 people were detained on Monday.", "Courier Two"),
    })  # fmt: skip
    (fact,) = report.discrepancies
    assert fact.severity == "divergence"
    assert "(according to The country's civil protection agency)" in fact.explanation
    assert "(according to the organisers)" in fact.explanation


def test_one_agency_under_its_name_and_its_acronym_with_two_counts_stays_a_contradiction(tmp_path: Path) -> None:
    """'the Valmora Civil Protection Agency' and 'the VCPA' are one speaker: two figures from it clash."""
    report = compare(tmp_path, {
        "a.txt": story("The Valmora Civil Protection Agency said 40 people were detained.", "Courier One"),
        "b.txt": story("About 300 people were detained on Monday, according to the VCPA.", "Courier Two"),
    })  # fmt: skip
    (fact,) = report.discrepancies
    assert fact.severity == "contradiction"
    assert fact.explanation.endswith("(more than one of them credited to civil protection agency)")


def test_a_speaker_does_not_explain_two_ages(tmp_path: Path) -> None:
    """Who says it explains a count or a measurement, not how old one person is."""
    report = compare(tmp_path, {
        "a.txt": story("Kowalska, 31, was detained, police spokesman Jonas Reed said.", "Courier One"),
        "b.txt": story("Kowalska, 34, was detained, organiser Ida Sand said.", "Courier Two"),
    })  # fmt: skip
    assert [f.severity for f in report.discrepancies if f.attribute == "age"] == ["contradiction"]


# --- corroboration ---------------------------------------------------------------------------

WIRE = "\n\n".join(
    f"Line {n} of the wire story says the council met again on a rainy afternoon in Valmora." for n in range(6)
)


def test_copies_are_found_and_different_articles_are_not() -> None:
    texts = {
        "a.txt": WIRE,
        "b.txt": "Headline of the copy\n\n" + WIRE + "\n\nOne line the copy adds about the weather at the town hall.",
        "c.txt": story("The reporter, Marta Kowalska, 31, was detained."),
        "d.txt": story("The reporter, Marta Kowalska, 31, was detained."),  # 1 shared long line: too few
    }
    assert copies(texts) == {"b.txt": "a.txt"}


def test_a_copy_does_not_corroborate_its_original(tmp_path: Path) -> None:
    sentence = "The reporter, Marta Kowalska, 31, was detained."
    report = compare(tmp_path, {"a.txt": f"{sentence}\n\n{WIRE}\n", "b.txt": f"{sentence}\n\n{WIRE}\n"})
    assert report.corroborations == []
    assert [s.copy_of for s in report.sources] == [None, "a.txt"]


def test_corroborations_come_from_two_sources_and_a_disputed_one_says_so(tmp_path: Path) -> None:
    report = compare(tmp_path, {
        "a.txt": story("Police detained 40 people, Kowalska, 31, said.", "Courier One"),
        "b.txt": story("Police detained 40 people; Kowalska, 31, was among them.", "Courier Two"),
    })  # fmt: skip
    assert report.corroborations
    for c in report.corroborations:
        assert len({r.source for r in c.claims}) >= 2
        assert c.independent_sources >= 2
    ids = [frozenset(r.claim_id for r in c.claims) for c in report.corroborations]
    assert len(ids) == len(set(ids))  # each set of claims once


def test_a_corroborated_value_of_a_disputed_fact_is_flagged(tmp_path: Path) -> None:
    report = compare(tmp_path, {
        "a.txt": story("Police detained 40 people on Monday.", "Courier One"),
        # Its own words: two outlets printing one text word for word are one account (shared copy).
        "b.txt": story("On Monday police detained 40 people.", "Courier Two"),
        "c.txt": story("Police detained 300 people on Monday.", "Courier Three"),
    })  # fmt: skip
    (fact,) = report.discrepancies
    disputed = [c for c in report.corroborations if c.attribute == fact.attribute]
    assert disputed
    assert all(c.disputed_by == fact.id for c in disputed)
    assert f"Also disputed: see finding `{fact.id}`" in to_markdown(report)
    odd = {v.key: v.odd for v in fact.values}
    assert odd == {"40 people": False, "300 people": True}


# --- the tables ------------------------------------------------------------------------------


def test_the_facts_table_has_a_row_per_fact_and_a_column_per_source(tmp_path: Path) -> None:
    report = compare(tmp_path, AGES)
    markdown = to_markdown(report)
    table = markdown.split("## Facts by source\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert table[0] == "| Fact | Courier One | Courier Two | Courier Three |"
    assert table[2] == "| Marta Kowalska, age | **31** | **32** | **33** |"  # none leads: all odd
    assert markdown.index("## What differs") < markdown.index("## Facts by source") < markdown.index("## Sources")


def test_the_summary_puts_contradictions_about_people_first(tmp_path: Path) -> None:
    report = compare(tmp_path, {
        "a.txt": story("Police detained 40 people. The reporter, Marta Kowalska, 31, was detained.", "One"),
        "b.txt": story("Police detained 300 people. The reporter, Marta Kowalska, 32, was detained.", "Two"),
    })  # fmt: skip
    summary = to_markdown(report).split("## What differs\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert [line.split(":")[0] for line in summary] == [
        "- **Contradiction**, Marta Kowalska, age",
        "- **Contradiction**, the incident, number of people detained",
    ]


def test_the_value_is_marked_in_its_quote(tmp_path: Path) -> None:
    report = compare(tmp_path, {k: AGES[k] for k in ("a.txt", "b.txt")})
    assert "“The reporter, Marta Kowalska, **31**, was detained.”" in to_markdown(report)


@pytest.mark.parametrize("width", [60, 80, 120, 200])
def test_the_terminal_table_fits_the_width_with_one_row_per_fact(tmp_path: Path, width: int) -> None:
    report = compare(tmp_path, AGES)
    lines = to_table(report, width=width).splitlines()
    assert all(len(line) <= max(width, 60) for line in lines[:-1]), lines
    assert len(lines) == 2 + len(report.discrepancies) + 1
    if width < 100:
        assert "…" in lines[2]


@pytest.mark.parametrize(
    ("count", "noun", "expected"),
    [(1, "finding", "1 finding"), (2, "finding", "2 findings"), (0, "discrepancy", "0 discrepancies"),
     (1, "discrepancy", "1 discrepancy"), (3, "day", "3 days"), (2, "source", "2 sources")],
)  # fmt: skip
def test_plurals(count: int, noun: str, expected: str) -> None:
    assert plural(count, noun) == expected


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([("27", ["a"]), ("28", ["b"])], "VICE gives 27, OC Media 28"),
        ([("5", ["a", "b"]), ("7", ["c"])], "VICE and OC Media give 5, Third 7"),
        ([("on leave", ["a"]), ("pressured", ["a"]), ("not fired", ["b"])],
         "VICE gives on leave and pressured, OC Media not fired"),
    ],
)  # fmt: skip
def test_explanations_read_as_english(values: list[tuple[str, list[str]]], expected: str) -> None:
    label = {"a": "VICE", "b": "OC Media", "c": "Third"}
    facts = [FactValue(value=v, key=v, sources=s, claims=[]) for v, s in values]
    assert explain_values(facts, label) == expected


def test_review_accepts_an_old_pair_id_and_records_the_decision_on_the_fact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    from click.testing import CliRunner

    from factcheck.cli import main

    monkeypatch.chdir(tmp_path)
    write_folder(tmp_path / "src", AGES)
    runner = CliRunner()
    data = json.loads(runner.invoke(main, ["compare", "src", "-q", "-j", "1", "--format", "json"]).stdout)
    (fact,) = data["discrepancies"]
    result = runner.invoke(main, ["review", "src", fact["pairs"][0]["id"], "--status", "confirmed", "--note", "seen"])
    assert result.exit_code == 0, result.output
    saved = json.loads((tmp_path / "reviews" / "src.json").read_text(encoding="utf-8"))["decisions"]
    assert [(d["finding_id"], d["values"]) for d in saved] == [(fact["id"], ["31", "32", "33"])]
    assert runner.invoke(main, ["check", "src", "-j", "1"]).exit_code == 0


# --- properties ------------------------------------------------------------------------------


def _ref(source: str, value: str, n: int) -> ClaimRef:
    quote = f"They said {value} in sentence {n}."
    return ClaimRef(claim_id=f"c-{source}-{value}-{n}", source=source, start=n * 100, end=n * 100 + len(quote),
                    quote=quote, value=value, line=n + 1)  # fmt: skip


pairs_strategy = st.lists(
    st.tuples(
        st.sampled_from(["age", "number of people detained"]),
        st.lists(
            st.tuples(st.sampled_from("abcdefghijklmn"), st.sampled_from(["1", "2", "3", "4"]), st.integers(0, 3)),
            min_size=2,
            max_size=8,
            unique=True,
        ),
    ),
    min_size=1,
    max_size=8,
)


@settings(max_examples=60, deadline=None)
@given(pairs_strategy, st.randoms(use_true_random=False))
def test_grouping_keeps_every_claim_once_cites_at_most_ten_and_ignores_order(pairs, rnd) -> None:  # type: ignore[no-untyped-def]
    findings = []
    for n, (attribute, refs) in enumerate(pairs):
        claims = [_ref(s, v, k) for s, v, k in refs]
        if len({c.value for c in claims}) < 2:
            continue
        findings.append(Finding(id=f"F-pair{n:06d}", severity="contradiction" if n % 2 else "divergence",
                                incident="I-1", subject="Marta Kowalska", attribute=attribute,
                                explanation="x", claims=claims))  # fmt: skip
    grouped = group_facts(findings, {}, {})
    assert len(grouped) == len({f.attribute for f in findings})
    for fact in grouped:
        cited = [r.claim_id for v in fact.values for r in v.claims]
        expected = {r.claim_id for f in findings if f.attribute == fact.attribute for r in f.claims}
        assert sorted(cited) == sorted(expected)  # every claim, in exactly one value
        assert 2 <= len(fact.claims) <= 10
        assert {p.id for p in fact.pairs} == {f.id for f in findings if f.attribute == fact.attribute}
        severities = {f.severity for f in findings if f.attribute == fact.attribute}
        assert fact.severity == ("contradiction" if "contradiction" in severities else "divergence")
    shuffled = list(findings)
    rnd.shuffle(shuffled)
    again = group_facts(shuffled, {}, {})
    assert [f.model_dump_json() for f in again] == [f.model_dump_json() for f in grouped]


def _date_ref(source: str, expression: str, date: dt.date | None, month_day: str | None) -> tuple[ClaimRef, object]:
    from factcheck.models import DateClaim

    quote = f"She was detained {expression}."
    claim = DateClaim(id=f"c-{source}-{expression}", source=source, start=0, end=len(quote), quote=quote,
                      value_start=17, value_end=17 + len(expression), subject="detain", subject_text="she",
                      rule="date.absolute", event="detain", expression=expression, date=date, month_day=month_day,
                      precision="day", resolved=True, resolution="test")  # fmt: skip
    ref = ClaimRef(claim_id=claim.id, source=source, start=0, end=len(quote), quote=quote,
                   value=claim.display_value(), line=1)  # fmt: skip
    return ref, claim


def test_dates_read_as_days_and_a_day_without_its_year_joins_that_day_in_full() -> None:
    a, ca = _date_ref("a.txt", "on July 5", None, "07-05")
    b, cb = _date_ref("b.txt", "on 5 July 2021", dt.date(2021, 7, 5), None)
    c, cc = _date_ref("c.txt", "on Saturday", dt.date(2021, 6, 5), None)
    pairs = [Finding(id="F-p1", severity="contradiction", incident="I-1", subject="Marta Kowalska",
                     attribute="date detained", explanation="x", claims=[a, c]),
             Finding(id="F-p2", severity="contradiction", incident="I-1", subject="Marta Kowalska",
                     attribute="date detained", explanation="x", claims=[b, c])]  # fmt: skip
    (fact,) = group_facts(pairs, {x.id: x for x in (ca, cb, cc)}, {"a.txt": "One", "b.txt": "Two", "c.txt": "Three"})  # type: ignore[attr-defined]
    assert [(v.key, v.sources, v.value) for v in fact.values] == [
        ("2021-07-05", ["a.txt", "b.txt"], "Monday 5 July 2021"),
        ("2021-06-05", ["c.txt"], "Saturday 5 June 2021 (on Saturday)"),
    ]
    assert fact.explanation == (
        "One and Two give Monday 5 July 2021, Three Saturday 5 June 2021 (on Saturday): these cannot both be true"
    )


def test_the_summary_keeps_to_a_few_lines_and_counts_the_rest() -> None:
    findings = [
        Finding(id=f"F-{n:010d}", severity="contradiction" if n < 3 else "divergence", incident="I-1",
                subject=f"Person {n}", attribute="age", explanation=f"One gives {n}, Two {n + 1}",
                claims=[_ref("a.txt", str(n), 0), _ref("b.txt", str(n + 1), 1)])
        for n in range(12)
    ]  # fmt: skip
    report = Report(folder="f", sources=[], incidents=[], entities=[], discrepancies=findings, corroborations=[])
    summary = to_markdown(report).split("## What differs\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert len(summary) == 9
    assert summary[0].startswith("- **Contradiction**, Person 0, age")
    assert summary[-1] == "- and 4 more findings (0 contradictions, 4 divergences): see Discrepancies below."
