"""The reviews file: people's corrections applied to claims in order, decisions attached to
findings, orphans reported and kept, malformed entries refused with the field named."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from factcheck.errors import FactcheckError, ReviewsFileError
from factcheck.models import (
    AgeClaim,
    ClaimRef,
    ClaimsFile,
    DateClaim,
    Figure,
    Finding,
    HumanEdit,
    MonthDay,
    Report,
    ReviewDecision,
    ReviewsFile,
    Source,
    parse_subject,
)
from factcheck.review import (
    addition,
    apply_edits,
    attach_reviews,
    correction,
    decide,
    load_reviews,
    save_reviews,
)

TEXT = "Ana Lima, 34, spoke to us on Monday.\nLima said Bruno Reis, 51, was her lawyer.\n"
DAY = dt.date(2024, 5, 1)


def age(value: int, who: str, quote: str, cid: str) -> AgeClaim:
    start = TEXT.index(quote)
    return AgeClaim(
        id=cid,
        source="a.txt",
        start=start,
        end=start + len(quote),
        quote=quote,
        value_start=start,
        value_end=start + len(quote),
        subject=who,
        subject_text=who,
        rule="age.test",
        value=value,
    )


ANA = age(34, "p:ana lima", "Ana Lima, 34", "c-ana")
BRUNO = age(51, "p:bruno reis", "Bruno Reis, 51", "c-bruno")


def claims_file(*claims: AgeClaim | DateClaim) -> ClaimsFile:
    source = Source(id="a.txt", sha256="0" * 64, encoding="utf-8", format="text", length=len(TEXT))
    return ClaimsFile(source=source, sentences=2, claims=list(claims))


def apply(edits: list[HumanEdit], text: str = TEXT) -> tuple[list[AgeClaim], list[str]]:
    files, warnings = apply_edits([claims_file(ANA, BRUNO)], {"a.txt": text}, edits, "reviews/x.json")
    return files[0].claims, warnings  # type: ignore[return-value]


def edit(action: str, **fields: Any) -> HumanEdit:
    return HumanEdit.model_validate({"action": action, "source": "a.txt", "date": DAY, **fields})


def added(value: int, quote: str = "Bruno Reis, 51") -> dict[str, Any]:
    return age(value, "p:bruno reis", quote, "h-new").model_dump(mode="json") | {"origin": "human"}


@pytest.mark.parametrize(
    ("edits", "values", "warning"),
    [
        ([edit("reject", claim_id="c-ana")], [51], None),
        (
            [edit("reject", claim_id="c-gone")],
            [34, 51],
            "reviews/x.json: edits[0] (reject c-gone): a.txt has no such claim",
        ),
        ([edit("correct", claim_id="c-bruno", changes={"value": 52})], [34, 52], None),
        ([edit("correct", claim_id="c-bruno", changes={"value": "old"})], [34, 51], "cannot be applied now"),
        ([edit("add", claim=added(50, "Lima said"))], [34, 50, 51], None),
        ([edit("add", claim=added(50, "Lima said")), edit("reject", claim_id="h-new")], [34, 51], None),
        (
            [HumanEdit(action="reject", source="b.txt", claim_id="c-ana", date=DAY)],
            [34, 51],
            "no source 'b.txt'",
        ),
    ],
)
def test_edits_apply_in_order(edits: list[HumanEdit], values: list[int], warning: str | None) -> None:
    claims, warnings = apply(edits)
    assert [c.value for c in claims] == values
    if warning is None:
        assert warnings == []
    else:
        assert len(warnings) == 1
        assert warning in warnings[0]
        assert "kept, not applied" in warnings[0]


def test_a_correction_makes_a_human_claim_with_a_new_id() -> None:
    claims, _ = apply([edit("correct", claim_id="c-bruno", changes={"value": 52})])
    assert claims[1].id.startswith("h-")
    assert claims[1].origin == "human"
    assert claims[1].rule == "age.test"  # still traceable to the rule that got it wrong
    assert (claims[1].start, claims[1].quote) == (BRUNO.start, BRUNO.quote)


def test_an_added_claim_follows_its_quote_when_the_source_is_edited() -> None:
    shifted = "Updated.\n" + TEXT
    claims, warnings = apply([edit("add", claim=added(50))], shifted)
    assert warnings == []
    new = next(c for c in claims if c.id == "h-new")
    assert shifted[new.start : new.end] == "Bruno Reis, 51"
    claims, warnings = apply([edit("add", claim=added(50))], TEXT.replace("Bruno Reis", "B. Reis"))
    assert "the quote is no longer in a.txt" in warnings[0]


def test_apply_edits_leaves_the_claims_files_alone() -> None:
    cf = claims_file(ANA, BRUNO)
    apply_edits([cf], {"a.txt": TEXT}, [edit("reject", claim_id="c-ana")])
    assert [c.id for c in cf.claims] == ["c-ana", "c-bruno"]


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"action": "reject"}, "needs 'claim_id'"),
        ({"action": "correct", "claim_id": "c-ana"}, "needs 'changes'"),
        ({"action": "add"}, "needs 'claim'"),
        ({"action": "reject", "claim_id": "c-ana", "changes": {"value": 3}}, "takes no 'changes'"),
        ({"action": "add", "claim": {**added(3), "source": "b.txt"}}, "is not the edit's"),
        ({"action": "remove", "claim_id": "c-ana"}, "Input should be 'reject', 'correct' or 'add'"),
    ],
)
def test_a_malformed_edit_names_the_problem(fields: dict[str, Any], problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        HumanEdit.model_validate({"source": "a.txt", "date": "2024-05-01", **fields})


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ({"value": "x"}, "field 'age.value'"),
        ({"value": "200"}, "less than or equal to 130"),
        ({"start": "3"}, "field 'start' cannot be corrected"),
        ({}, "nothing to correct"),
        ({"colour": "red"}, "field 'age.colour': Extra inputs are not permitted"),
    ],
)
def test_a_bad_correction_is_refused_before_it_is_saved(raw: dict[str, str], problem: str) -> None:
    with pytest.raises(FactcheckError, match=problem):
        correction(BRUNO, raw, "why")


def test_a_correction_stores_typed_values() -> None:
    assert correction(BRUNO, {"value": "52"}, "why", today=DAY).changes == {"value": 52}
    assert correction(BRUNO, {"speaker": "null"}, "why", today=DAY).changes == {"speaker": None}


def test_a_corrected_day_of_the_year_is_stored_as_typed_and_applies() -> None:
    quote = "on Monday"
    start = TEXT.index(quote)
    monday = DateClaim(id="c-monday", source="a.txt", start=start, end=start + len(quote), quote=quote,
                       value_start=start, value_end=start + len(quote), subject="speak", subject_text="Ana Lima",
                       rule="date.weekday", event="speak", expression=quote, precision="day", resolved=True,
                       resolution="test", month_day="05-13")  # fmt: skip
    edit = correction(monday, {"month_day": "05-14"}, "why", today=DAY)
    assert edit.changes == {"month_day": "05-14"}
    (cf,), problems = apply_edits([claims_file(monday)], {"a.txt": TEXT}, [edit])
    (claim,) = cf.claims
    assert problems == []
    assert claim.month_day == MonthDay(month=5, day=14)  # type: ignore[attr-defined]
    with pytest.raises(FactcheckError, match="not a day of the year"):
        correction(monday, {"month_day": "14 May"}, "why")


@pytest.mark.parametrize(
    ("subject", "quote", "ok"),
    [
        ("p:bruno reis", "Bruno Reis, 51", True),
        ("r:lawyer@p:ana lima", "was her lawyer", True),  # a role of a known person
        ("g:couple", "spoke to us", True),  # groups need no entity
        ("p:carla", "Ana Lima", False),
        ("p:ana lima", "not in the text", False),
    ],
)
def test_an_added_claim_needs_its_quote_and_a_known_subject(subject: str, quote: str, ok: bool) -> None:
    cf = claims_file(ANA, BRUNO)
    if ok:
        new = addition(cf, TEXT, "age", parse_subject(subject, "age"), quote, {"value": "40"}, "why", today=DAY).claim
        assert new is not None
        assert (new.origin, new.rule, new.quote) == ("human", "human.add", quote)
        assert TEXT[new.start : new.end] == quote
    else:
        with pytest.raises(FactcheckError):
            addition(cf, TEXT, "age", parse_subject(subject, "age"), quote, {"value": "40"}, "why")


def test_an_added_count_gets_its_interval_from_the_qualifier() -> None:
    cf = claims_file(ANA, BRUNO)
    values = {"number": "50", "qualifier": "at least", "unit": "people", "event": "detain"}
    new = addition(
        cf, TEXT, "quantity", Figure(event="detain", unit="people"), "spoke to us", values, "why", today=DAY
    ).claim
    assert new is not None
    assert (new.low, new.high, new.expression) == (50, None, "spoke to us")  # type: ignore[union-attr]


def finding(fid: str) -> Finding:
    ref = ClaimRef(claim_id="c", source="a.txt", start=0, end=1, quote="A", value="1", line=1)
    return Finding(
        id=fid,
        severity="contradiction",
        incident="I",
        subject="Ana Lima",
        attribute="age",
        explanation="x",
        claims=[ref, ref],
    )


def test_decisions_attach_by_id_and_orphans_are_listed() -> None:
    reviews = ReviewsFile()
    decide(reviews, finding("F-2"), "confirmed", " checked ", today=DAY)
    decide(reviews, finding("F-1"), "dismissed", "misread", reviewer="Ann", today=DAY)
    decide(reviews, finding("F-2"), "explained", "later news", today=DAY)
    assert [(d.finding_id, d.status) for d in reviews.decisions] == [
        ("F-1", "dismissed"),
        ("F-2", "explained"),
    ]
    report = Report(
        folder="x",
        sources=[],
        incidents=[],
        entities=[],
        discrepancies=[finding("F-2"), finding("F-3")],
        corroborations=[],
    )
    attach_reviews(report, reviews.decisions)
    assert [f.review.status if f.review else None for f in report.discrepancies] == ["explained", None]
    assert [d.finding_id for d in report.orphaned_reviews] == ["F-1"]


def test_the_reviews_file_round_trips_and_a_missing_one_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "reviews" / "x.json"
    assert load_reviews(path, "x") == ReviewsFile(folder="x")
    reviews = ReviewsFile(
        folder="x",
        decisions=[ReviewDecision(finding_id="F-1", status="confirmed", date=DAY)],
        edits=[edit("add", claim=added(50))],
    )
    save_reviews(path, reviews)
    assert load_reviews(path) == reviews
    assert path.read_text(encoding="utf-8").endswith("}\n")


def test_a_reviews_file_from_a_newer_factcheck_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text(json.dumps({"schema_version": 99}), encoding="utf-8")
    with pytest.raises(ReviewsFileError, match="field 'schema_version': 99 is newer"):
        load_reviews(path)
