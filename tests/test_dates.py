"""Date expressions: found with their kind, resolved against the publication date or the date the
context set, and left unresolved (with the reason) when nothing fixes them."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from extract_helpers import claims_file, dates, make_document
from factcheck.extract import extract_claims
from factcheck.models import DateClaim, MonthDay
from factcheck.text.dates import (
    ABSOLUTE,
    UNTIL_YEAR,
    YEAR_ALONE,
    _may_be_absolute,
    find_dateline,
    find_dates,
    page_time,
    resolve,
)

WED_10_MARCH_2021 = dt.date(2021, 3, 10)


@pytest.mark.parametrize(
    ("text", "kind", "year", "month", "day"),
    [
        ("on 14 February", "absolute", None, 2, 14),
        ("on 19 February 2020", "absolute", 2020, 2, 19),
        ("on February 14, 2020", "absolute", 2020, 2, 14),
        ("on Feb. 29, 2012", "absolute", 2012, 2, 29),
        ("on the 5th of May", "absolute", None, 5, 5),
        ("on 10 March at around 17:00", "absolute", None, 3, 10),
        ("on 2024-05-27", "absolute", 2024, 5, 27),
        ("on 11/27/2005", "absolute", 2005, 11, 27),
        ("in March 2005", "absolute", 2005, 3, None),
        ("in 2017", "absolute", 2017, None, None),
    ],
)
def test_absolute_dates(text: str, kind: str, year: int | None, month: int | None, day: int | None) -> None:
    (expr,) = find_dates(text)
    assert (expr.kind, expr.year, expr.month, expr.day) == (kind, year, month, day)
    assert text[expr.start : expr.end] == expr.text


@pytest.mark.parametrize(
    ("text", "weekday", "direction"),
    [
        ("on Friday", 4, None),
        ("last Friday", 4, "last"),
        ("next Monday", 0, "next"),
        ("on Sunday evening", 6, None),
        ("on the night of Friday", 4, None),
    ],
)
def test_weekdays(text: str, weekday: int, direction: str | None) -> None:
    (expr,) = find_dates(text)
    assert (expr.kind, expr.weekday, expr.direction) == ("weekday", weekday, direction)


@pytest.mark.parametrize(
    ("text", "weekdays"),
    [
        # a habit or a schedule is no day of an event
        ("The market opens every Tuesday.", []),
        ("The ferry sails each Friday in summer.", []),
        ("The council meets on the second Tuesday of each month.", []),
        ("The council meets on the second on Tuesday of every month.", []),
        ("Bills are paid on the last Friday of the month.", []),
        ("The vote is held on the first Monday in March.", []),
        ("The club is shut on Tuesday nights.", []),
        ("Trains run on Sundays and holidays.", []),
        # negatives: the day itself, with an ordinal, a place or a month after it
        ("Protesters marched for the second Friday running.", ["Friday"]),
        ("The ferry sank on Friday in the bay.", ["on Friday"]),
        ("The ferry sank last Friday in the bay.", ["last Friday"]),
        ("The council met on Tuesday night.", ["on Tuesday night"]),
        ("It opened on Monday of this week.", ["on Monday"]),
        # a weekday that ends a name is no day of the story
        ("It was the worst Snow Tuesday in six months.", []),
        ("The stall is part of its monthly Market Friday fair.", []),
        ("It is not Market Friday, but the stalls opened.", []),
        ("Last year's Black Friday sales fell.", []),
        ("The biggest Super Tuesday primaries are in March.", []),
        # negatives: a subject, a speaker or a place before the day, and a name after "on"
        ("The Senate Tuesday approved the bill.", ["Tuesday"]),
        ("The bill passed, said Mayor Olsen Tuesday.", ["Tuesday"]),
        ("A man was shot in Dorvale Friday night.", ["Friday night"]),
        ("Shoppers queued on Black Friday.", ["Friday"]),
        ("The deal was signed only Monday.", ["Monday"]),
    ],
)
def test_a_recurring_or_named_weekday_is_no_date(text: str, weekdays: list[str]) -> None:
    assert [e.text for e in find_dates(text) if e.kind == "weekday"] == weekdays


@pytest.mark.parametrize(
    ("text", "offset_days"),
    [
        ("yesterday", -1),
        ("today", 0),
        ("tomorrow", 1),
        ("the following morning", 1),
        ("the next day", 1),
        ("the day before", -1),
        ("two days later", 2),
        ("three weeks ago", -21),
        ("5 days earlier", -5),
        ("last week", None),  # a period, not a day
        pytest.param(
            "a week later",
            7,
            id="a-week-later",
        ),
    ],
)
def test_relative_expressions(text: str, offset_days: int | None) -> None:
    (expr,) = find_dates(text)
    assert (expr.kind, expr.offset_days) == ("relative", offset_days)


@pytest.mark.parametrize(
    "text",
    [
        "May I ask a question?",  # a modal verb, not a month
        "They will march on the square.",  # a verb, not a month
        "He scored 14 goals in 30 games.",
        "Route 66 runs west.",
    ],
)
def test_not_a_date(text: str) -> None:
    assert find_dates(text) == []


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        # a weekday is the latest such day on or before the publication date
        ("on Friday", WED_10_MARCH_2021, dt.date(2021, 3, 5)),
        ("on Wednesday", WED_10_MARCH_2021, dt.date(2021, 3, 10)),
        ("last Wednesday", WED_10_MARCH_2021, dt.date(2021, 3, 3)),
        ("next Monday", WED_10_MARCH_2021, dt.date(2021, 3, 15)),
        ("yesterday", WED_10_MARCH_2021, dt.date(2021, 3, 9)),
        ("three weeks ago", WED_10_MARCH_2021, dt.date(2021, 2, 17)),
        # a day without a year takes the publication year, or the year before when it would be in the future
        ("on 5 March", WED_10_MARCH_2021, dt.date(2021, 3, 5)),
        ("on 28 December", dt.date(2021, 1, 5), dt.date(2020, 12, 28)),
        ("on 19 February 2020", WED_10_MARCH_2021, dt.date(2020, 2, 19)),
    ],
)
def test_resolved_against_the_publication_date(text: str, anchor: dt.date, expected: dt.date) -> None:
    (expr,) = find_dates(text)
    assert resolve(expr, anchor, "the dateline").date == expected


@pytest.mark.parametrize(
    "text",
    ["on Friday", "yesterday", "two days later", "last week", "in March 2005"],
)
def test_unresolvable_without_an_anchor(text: str) -> None:
    (expr,) = find_dates(text)
    resolved = resolve(expr, None, "")
    assert resolved.date is None
    assert resolved.how  # the reason it could not be fixed


def test_a_day_without_a_year_in_an_undated_source_keeps_month_and_day() -> None:
    (expr,) = find_dates("on 14 February")
    resolved = resolve(expr, None, "")
    assert (resolved.date, resolved.month_day) == (None, (2, 14))


@pytest.mark.parametrize("text", ["on 31 April", "30 February", "June 31", "the 32nd of May"])
def test_a_day_no_year_has_is_no_date(text: str) -> None:
    assert [e for e in find_dates(text) if e.day is not None] == []


def test_a_source_naming_a_day_no_year_has_is_read_without_error() -> None:
    body = "Anna Berg said she was arrested on 31 April and released on 29 February after a hearing."
    found = {c.expression: c for c in dates(body, WED_10_MARCH_2021)}
    assert "31 April" not in found
    assert found["29 February"].month_day == MonthDay(month=2, day=29)  # 2021 has none: month and day kept


# --- days of the year ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "month", "day"),
    [("02-14", 2, 14), ("12-31", 12, 31), ("02-29", 2, 29), ("01-01", 1, 1)],
)
def test_a_day_of_the_year_reads_and_writes_its_key(key: str, month: int, day: int) -> None:
    md = MonthDay.model_validate(key)
    assert (md.month, md.day, md.key()) == (month, day, key)
    assert MonthDay.model_validate_json(md.model_dump_json()) == md


@pytest.mark.parametrize("key", ["04-31", "02-30", "13-01", "00-10", "2-14", "02/14", "2029", "", "02-14-2020"])
def test_a_key_of_no_day_of_the_year_is_refused(key: str) -> None:
    with pytest.raises(ValidationError):
        MonthDay.model_validate(key)


@pytest.mark.parametrize(
    ("key", "days", "expected"),
    [
        ("02-14", 2, "02-16"),
        ("12-31", 1, "01-01"),
        ("03-01", -1, "02-29"),
        ("01-01", -1, "12-31"),
        ("06-05", 0, "06-05"),
    ],
)
def test_a_day_of_the_year_counts_in_a_leap_year(key: str, days: int, expected: str) -> None:
    assert MonthDay.model_validate(key).shifted(days).key() == expected


def test_days_of_the_year_sort_by_month_then_day() -> None:
    keys = ["12-01", "02-14", "02-03", "10-09"]
    assert [md.key() for md in sorted(MonthDay.model_validate(k) for k in keys)] == sorted(keys)


def test_a_day_of_the_year_in_a_year_without_29_february() -> None:
    assert MonthDay(month=3, day=8).in_year(2021) == dt.date(2021, 3, 8)
    with pytest.raises(ValueError, match="day is out of range"):
        MonthDay(month=2, day=29).in_year(2021)


def _stored_date(**fields: object) -> dict[str, object]:
    quote = "Lind signed a contract until 2029."
    return {"kind": "date", "source": "a.txt", "start": 0, "end": len(quote), "quote": quote, "value_start": 0,
            "value_end": 4, "subject": "contract", "subject_text": "Lind", "rule": "date.until", "event": "contract",
            "expression": "until 2029", "resolved": True, "resolution": "x", **fields}  # fmt: skip


@pytest.mark.parametrize(
    ("stored", "month_day", "year"),
    [
        ({"month_day": "02-14", "precision": "day"}, MonthDay(month=2, day=14), None),  # before it was typed
        ({"month_day": "2029", "precision": "year"}, None, 2029),  # an end date's year, kept in month_day
        ({"month_day": {"month": 2, "day": 14}, "precision": "day"}, MonthDay(month=2, day=14), None),
        ({"year": 2029, "precision": "year"}, None, 2029),
        ({"precision": "weekday"}, None, None),
    ],
)
def test_stored_date_claims_of_either_shape_load(stored: dict[str, object], month_day: MonthDay | None,
                                                 year: int | None) -> None:  # fmt: skip
    claim = DateClaim.model_validate(_stored_date(**stored))
    assert (claim.month_day, claim.year) == (month_day, year)
    assert DateClaim.model_validate_json(claim.model_dump_json()) == claim


def test_an_end_date_is_kept_by_its_year() -> None:
    (claim,) = dates("Lind signed a contract with the club until 2029.", None)
    assert (claim.precision, claim.year, claim.month_day, claim.date) == ("year", 2029, None, None)


# --- date claims of a source --------------------------------------------------------------------


def _one(body: str, published: dt.date | None, expression: str) -> DateClaim:
    found = [c for c in dates(body, published) if c.expression == expression]
    assert len(found) == 1, [c.expression for c in dates(body, published)]
    return found[0]


# fmt: off
DATED_CLAIMS = [
    ("Anna Berg said she posted the photograph on Friday, hours before the vote.",
     "on Friday", "publish", dt.date(2021, 3, 5)),
    ("Anna Berg said she posted the photograph on 5 March, before the vote.",
     "5 March", "publish", dt.date(2021, 3, 5)),
    ("Police said that Anna Berg was arrested on Monday evening near the station.",
     "on Monday evening", "detain", dt.date(2021, 3, 8)),
    ("Anna Berg, a reporter for the local radio, was released yesterday after questioning.",
     "yesterday", "release", dt.date(2021, 3, 9)),
    ("Anna Berg, a reporter for the local radio, was arrested on 2 March. "
     "She was released the following morning without charge.",
     "the following morning", "release", dt.date(2021, 3, 3)),
    ("Anna Berg, a reporter for the local radio, was arrested on 2 March. "
     "She was released two days later without charge.",
     "two days later", "release", dt.date(2021, 3, 4)),
]
# fmt: on


@pytest.mark.parametrize(("body", "expression", "event", "expected"), DATED_CLAIMS)
def test_date_claims_resolved_in_a_dated_source(body: str, expression: str, event: str, expected: dt.date) -> None:
    claim = _one(body, WED_10_MARCH_2021, expression)
    assert (claim.event, claim.date, claim.resolved) == (event, expected, True)
    assert claim.resolution


def test_relative_date_counts_from_the_date_the_context_set_not_from_publication() -> None:
    body = (
        "Anna Berg, a reporter for the local radio, was arrested on 19 February 2020. "
        "She was released two days later without charge."
    )
    claim = _one(body, WED_10_MARCH_2021, "two days later")
    assert claim.date == dt.date(2020, 2, 21)
    assert "19 February 2020" in claim.resolution


@pytest.mark.parametrize(
    ("body", "expression"),
    [
        ("Anna Berg said she posted the photograph on Friday, hours before the vote.", "on Friday"),
        ("Anna Berg, a reporter for the local radio, was released yesterday after questioning.", "yesterday"),
        ("Anna Berg, a reporter for the local radio, was released two days later.", "two days later"),
        ("Police said that Anna Berg was arrested last week near the station.", "last week"),
    ],
)
def test_unresolvable_dates_stay_unresolved(body: str, expression: str) -> None:
    claim = _one(body, None, expression)
    assert claim.resolved is False
    assert claim.date is None
    assert claim.resolution


def test_front_matter_date_anchors_weekdays() -> None:
    text = "---\ntitle: Reporter freed\ndate: 2021-03-10\n---\nAnna Berg said she posted the photo on Friday."
    cf = extract_claims(make_document(text))
    (claim,) = [c for c in cf.claims if isinstance(c, DateClaim) and c.expression == "on Friday"]
    assert claim.date == dt.date(2021, 3, 5)


def test_front_matter_yields_no_claims() -> None:
    text = "---\ntitle: Freed\npublished: 2021-03-10\n---\nAnna Berg said she posted the photo on Friday."
    cf = extract_claims(make_document(text))
    body_start = text.index("Anna")
    assert all(c.start >= body_start for c in cf.claims), [c.quote for c in cf.claims if c.start < body_start]


def test_date_evidence_slices_back() -> None:
    cf, text = claims_file("Police said that Anna Berg was arrested on 2 March 2021 near the station.")
    (claim,) = [c for c in cf.claims if isinstance(c, DateClaim)]
    assert text[claim.start : claim.end] == claim.quote
    assert text[claim.value_start : claim.value_end] == claim.expression == "2 March 2021"


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # the weekday only names the date written after it: one date, not a weekday resolved elsewhere
        ("The ferry sank on Saturday, 8 October 2011, the coastguard said.", ["absolute"]),
        ("The ferry sank on Saturday 8 October, the coastguard said.", ["absolute"]),
        ("The court met on Monday, Oct. 8 to hear the case.", ["absolute"]),
        # negatives: a weekday the date's year contradicts is kept; so are a weekday and a date apart
        ("The ferry sank on Friday, 8 October 2011, the coastguard said.", ["weekday", "absolute"]),
        ("The court met on Monday and ruled on 8 October.", ["weekday", "absolute"]),
        ("The ferry sank last Saturday, 8 October 2011.", ["weekday", "absolute"]),
    ],
)
def test_a_weekday_before_its_date_is_part_of_it(text: str, kinds: list[str]) -> None:
    assert [e.kind for e in find_dates(text)] == kinds


@pytest.mark.parametrize(
    ("body", "expression", "expected"),
    [
        # "a day after X": counted from X, which the text does not date
        ("Anna Berg was arrested on 2 March. She was released a day after the court hearing.", "a day after", None),
        ("Anna Berg was arrested on 2 March. She was released the day before the judge ruled.", "the day before", None),
        # "after that", "later": counted from the text's last date
        ("Anna Berg was arrested on 2 March. She was released two days after that.", "two days after",
         dt.date(2021, 3, 4)),
        ("Anna Berg was arrested on 2 March. She was released a day later.", "a day later", dt.date(2021, 3, 3)),
        # a date right after it is no event: the count runs from that date
        ("Anna Berg was arrested on 2 March. She was released the day before yesterday.",
         "the day before yesterday", dt.date(2021, 3, 8)),
        ("Anna Berg was arrested on 2 March. She was released two days after 14 February.",
         "two days after 14 February", dt.date(2021, 2, 16)),
        ("Anna Berg was released three days before 1 March 2020.", "three days before 1 March 2020",
         dt.date(2020, 2, 27)),
    ],
)  # fmt: skip
def test_a_day_after_an_event_counts_from_the_event(body: str, expression: str, expected: dt.date | None) -> None:
    claim = _one(body, WED_10_MARCH_2021, expression)
    assert claim.date == expected
    assert claim.resolved is (expected is not None)


@pytest.mark.parametrize(
    ("sentence", "page"),
    [
        ("4 March 2021 Last updated at 10:12 GMT", True),
        ("Last updated on: March 4, 2021 19:04 IST", True),
        ("9:15am UK, Thursday 4 March 2021", True),
        ("Published 4 March 2021", True),
        ("Anna Berg was released on 4 March 2021.", False),
        ("Oslo, March 4, 2021 - The council said it would meet again.", False),
        ("On 4 March 2021 the council met.", False),
        # a short dated sentence of the story: no clock time, no page label
        ("Born 12 March 1990.", False),
        ("Died 3 April 2020", False),
        ("Protests on 5 May 2024", False),
        ("Kyiv, 12 March 2022", False),
        ("Posted 7.40pm, Friday 5 June 2019", True),
        # the day a copy was saved, beside how long ago the page was posted
        ("Posted 3 days ago [downloaded on 9 June 2021]", True),
        ("[Retrieved 9 June 2021]", True),
        ("Accessed on 9 June 2021.", True),
        ("The files were downloaded on 9 June 2021 by the police.", False),
        ("The tanker was captured on 9 June 2021.", False),
    ],
)
def test_a_page_time_stamp_is_told_apart_from_a_sentence(sentence: str, page: bool) -> None:
    assert page_time(sentence) is page


@pytest.mark.parametrize(
    ("lines", "published"),
    [
        (["Posted: 14 March 2019, 09:12"], dt.date(2019, 3, 14)),
        (["Updated: 2 May 2019, 11:40"], dt.date(2019, 5, 2)),  # only an edit's stamp: the best there is
        (["Friday, 4 March 2022 | Updated 10:15 GMT"], dt.date(2022, 3, 4)),
        # a weekday's short form and a clock time with its 'pm' around the date
        (["Wed May 5, 2010 7:12pm BST"], dt.date(2010, 5, 5)),
        (["Tues. Sep 17, 2013"], dt.date(2013, 9, 17)),
        (["Wed May 5, 2010 the council met again"], None),
        # a first publication beats a later edit, on one line in either order
        (["First Posted: 03/14/19 09:12 AM ET Updated: 05/02/19 11:40 AM ET"], dt.date(2019, 3, 14)),
        (["Updated: 05/02/19 11:40 AM ET First Posted: 03/14/19 09:12 AM ET"], dt.date(2019, 3, 14)),
        (["Last Updated: 2 May 2019 | Published: 14 March 2019"], dt.date(2019, 3, 14)),
        # a place before the date, then the end, a dash, a slash or a time
        (["Velmora, 4 March 2019 — The strike began at dawn."], dt.date(2019, 3, 4)),
        (["Velmora, 4 March 2019/10:15 am"], dt.date(2019, 3, 4)),
        # ... or a full stop, a colon, a bracket, a middle dot: anything but a comma and a lower-case clause
        (["VELMORA, March 4, 2019. Police said the strike had ended."], dt.date(2019, 3, 4)),
        (["VELMORA, March 4, 2019: Police said the strike had ended."], dt.date(2019, 3, 4)),
        (["VELMORA, March 4, 2019, (Wire) Police said the strike had ended."], dt.date(2019, 3, 4)),
        (["Velmora, 4 March 2019 · Police said the strike had ended."], dt.date(2019, 3, 4)),
        # a copy's saved date is no publication; a stamp after it still is
        (["Posted 3 days ago [downloaded on 9 June 2021]"], None),
        (["[Retrieved 9 June 2021] Posted 8 June 2021"], dt.date(2021, 6, 8)),
        # a date inside a story's sentence is no dateline
        (["On Monday, March 4, 1968, the town woke to the news:"], None),
        (["Velmora, 4 March 2019, the strike began at dawn and spread to the port."], None),
        (["In Velmora, 4 March 2019 — the strike began."], None),
        (["Strike closes the port", "On Monday, March 4, 1968, the town woke to the news:"], None),
        # a headline's 'released' or 'posted' is the story's word, no stamp label: its date is the event's
        (["Hostages released on 12 March 2023"], None),
        (["Album released 3 May 2022"], None),
        (["Photos posted on 9 June 2021 show the flooded port"], None),
    ],
)
def test_the_dateline_is_the_page_s_first_publication(lines: list[str], published: dt.date | None) -> None:
    numbered, offset = [], 0
    for line in lines:
        numbered.append((offset, line))
        offset += len(line) + 1
    found = find_dateline(numbered)
    assert (found[2] if found else None) == published
    if found is not None:
        text = "\n".join(lines)
        assert find_dates(text[found[0] : found[1]])[0].text == text[found[0] : found[1]]


def test_a_short_dated_sentence_of_the_story_keeps_its_claim() -> None:
    text = "Obituary\n\nDied 3 April 2020\n\nHer brother was released two days later."
    cf = extract_claims(make_document(text))
    (died,) = [c for c in cf.claims if isinstance(c, DateClaim) and "April" in c.quote and c.date is not None]
    assert died.date == dt.date(2020, 4, 3)
    (later,) = [c for c in cf.claims if isinstance(c, DateClaim) and c.expression == "two days later"]
    assert later.date == dt.date(2020, 4, 5)


def test_a_page_time_stamp_yields_no_claim_and_no_day_to_count_from() -> None:
    text = "Reporter freed\n\n4 March 2021 Last updated at 10:12 GMT\n\nShe was released two days later."
    cf = extract_claims(make_document(text))
    assert all("March" not in c.quote for c in cf.claims)
    (later,) = [c for c in cf.claims if isinstance(c, DateClaim) and c.expression == "two days later"]
    assert later.resolved is False


# Pieces dates are made of, and letters IGNORECASE matches to ASCII ones ('ſ', the Kelvin sign).
_DATE_PIECES = st.lists(
    st.sampled_from(
        [
            "12",
            "2021",
            "1999",
            "05",
            "7th",
            " ",
            ".",
            ",",
            "/",
            "-",
            "of",
            "Feb",
            "march",
            "SEPT",
            "ſept",
            "\u212a",
            "may",
            "Dec.",
            "in",
            "until",
            "to",
            "the",
            "summer",
            "x",
            "Sun",
            "day",
        ]
    ),
    max_size=12,
).map("".join)


@given(_DATE_PIECES)
def test_the_gates_before_the_date_patterns_rule_out_only_texts_they_cannot_match(text: str) -> None:
    """ABSOLUTE is skipped only where it cannot match, and so are the year patterns."""
    if not _may_be_absolute(text):
        assert ABSOLUTE.search(text) is None
    if "19" not in text and "20" not in text:
        assert YEAR_ALONE.search(text) is None
    if "20" not in text:
        assert UNTIL_YEAR.search(text) is None
