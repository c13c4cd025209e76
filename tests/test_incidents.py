"""Incidents: event signatures (places, story time, participants, kind of event, background) and
the grouping that keeps similar events apart. Every story here is written for the test."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from factcheck import signature as signature_module
from factcheck.cli import main
from factcheck.extract import extract_claims
from factcheck.incidents import (
    conflicts,
    event_signature,
    group_incidents,
    grouping_decision,
    other_times_marked,
    times_agree,
)
from factcheck.ingest import document_from_text
from factcheck.models import ClaimsFile, GroupingDecision, Report, ReviewsFile, SourceProfile
from factcheck.pipeline import build_report, source_profiles
from factcheck.signature import SIGNATURES_FILE, dump_profiles, load_profiles, signature_profile, tells_follow_up


def source(sid: str, body: str, published: dt.date | None = None) -> tuple[ClaimsFile, str]:
    text = f"{published.day} {published:%B %Y}\n\n{body}\n" if published else f"{body}\n"
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    document = document_from_text(sid, text, sha256=sha, encoding="utf-8", fmt="text")
    return extract_claims(document), document.text


def signature(body: str, published: dt.date | None = None) -> object:
    cf, text = source("s.txt", body, published)
    return event_signature(cf, text)


# --- signature extraction tables ----------------------------------------------------------------

PLACES = [
    ("LISBON (Reuters) - Firefighters fought a blaze in a warehouse on Tuesday.", "lisbon"),
    ("A strong earthquake struck near Tabriz on Sunday, officials said.", "tabriz"),
    ("The storm flooded houses across Orvalia County overnight, the mayor said.", "orvalia"),
    ("Police said the robbers fled in a van after the raid in Marseille on Friday.", "marseille"),
    ("Voters queued for hours in Nairobi as the election began.", "nairobi"),
]


@pytest.mark.parametrize(("body", "place"), PLACES)
def test_places_of_the_main_event(body: str, place: str) -> None:
    sig = signature(body)
    assert place in [p.key.split()[-1] for p in sig.places]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "body",
    [
        "The minister said the plan would help people in need.",  # no place at all
        "In January the company said profits rose.",  # a month after 'in' is not a place
    ],
)
def test_no_place_where_the_text_names_none(body: str) -> None:
    assert signature(body).places == []  # type: ignore[attr-defined]


STORY_TIME = [
    ("Police arrested two men on Friday.", dt.date(2019, 5, 3), "published", 2019),
    ("The vote was held on 12 March 2017, the commission said.", None, "text-date", 2017),
    ("Protesters gathered on 8 March, the day of the march.", None, "month-day", None),
    ("The club, founded in 1998, signed the striker in 2016.", None, "text-year", 2016),
    ("The club signed the striker on Tuesday.", None, "none", None),
    # An undated story's day is one its headline or first sentence names; a date further down is
    # a birth or an earlier event, so the story rests on the year it names.
    (
        "The painter Ilse Marrow died at home on Thursday. Her family announced the death.\n"
        "Marrow was born on 3 May 1931 in a mining town.",
        None,
        "text-year",
        1931,
    ),
    ("The hospital opened a new wing on 4 June 2018. Builders had started in 2016.", None, "text-date", 2018),
    # A date line under the headline is the story's day, though it makes no date claim of an event;
    # a birth in the first sentence is not. A line of a clock time and a date is the page's stamp.
    (
        "Harbour fire destroys warehouses\n10:40am UK, Tuesday 04 April 2023\nFire crews fought a blaze at the docks.",
        None,
        "published",
        2023,
    ),
    (
        "Market hall reopens\nCity desk, 9:05 am Friday 7 March 2014\nTraders returned to the hall on Friday.",
        None,
        "text-date",
        2014,
    ),
    (
        "The singer Ada Quell, who was born on 9 May 1941 in a river town, has died, her family said on Thursday.",
        None,
        "text-year",
        1941,
    ),
    # 'gave birth' dates the story's own event; 'born' after an abbreviation ('St.') is still in its sentence.
    (
        "A mother gave birth on 6 August 2015 in a flooded cellar, medics said.",
        None,
        "text-date",
        2015,
    ),
    (
        "The painter Otto Fenn, born in St. Albans on 2 June 1944, has died, his gallery said on Monday.",
        None,
        "text-year",
        1944,
    ),
    # A time the story looks ahead to is not when it is set: a plan, a schedule, 'will'.
    ("The new bridge is scheduled to open in November of 2031, the council said.", None, "none", None),
    ("The ferry has a release date of 22 November 2031, its builder said.", None, "none", None),
    ("The ferry is set  for launch in 2031, its builder said.", None, "none", None),  # any space inside the cue
    ("The hall is slated to reopen in 2031.", None, "none", None),
    ("The actor will take up the role in 2031. He was cast in 2029 after a long search.", None, "text-year", 2029),
    # ... but only a cue in the year's own clause, a few words before it.
    ("Police will hold a press conference on Monday about the unsolved double murder of 2004.", None, "text-year",
     2004),
    ("The singer, who will tour next spring, won the prize in 2028.", None, "text-year", 2028),
    # ... and not a time in a clause of its own after the cue: a participle or a relative word opens one.
    ("Police will question the two men arrested in 2029 over the shooting.", None, "text-year", 2029),
    ("A funeral will be held for the two guards killed on 14 May 2029 at the depot.", None, "text-date", 2029),
    ("The town will honour the divers who died in 2029 with a plaque.", None, "text-year", 2029),
    ("The memorial will be unveiled in 2031, the council said.", None, "none", None),
    ("The man who will stand trial for the shooting in 2029 was named.", None, "text-year", 2029),  # the shooting's
    ("The man will stand trial in 2031, the court said.", None, "none", None),
    ("The union will hold a strike in 2031.", None, "none", None),
    ("The firm will pay for the trial in 2031.", None, "none", None),  # a follow-up's own time is looked ahead to
    # ... and 'for the <event>' opens no clause without a follow-up word before it: the event is looked ahead to.
    ("The party will campaign hard for the election in 2031.", None, "none", None),
    ("Fans will travel for the match in 2031.", None, "none", None),
    ("The league will bid for the championship in 2031.", None, "none", None),
    ("The museum will reopen the restored hall in 2031.", None, "none", None),
]  # fmt: skip


@pytest.mark.parametrize(("body", "published", "basis", "year"), STORY_TIME)
def test_story_time(body: str, published: dt.date | None, basis: str, year: int | None) -> None:
    sig = signature(body, published)
    assert (sig.time_basis, sig.year) == (basis, year)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("body", "year"),
    [
        ("The defender signed a contract until 2031 with the club in 2024.", 2024),
        ("The keeper, who joined in 2019, signed a deal until the summer of 2030.", 2019),
        ("The plant opened in 2021 and will run at full power by the end of 2027.", 2021),
        ("The lease, agreed in 2018, runs through December 2033.", 2018),
        ("The mayor was arrested by police in 2016.", 2016),  # 'by' the agent: a year of what happened
        ("The club, founded in 1998, won the cup in 2016 before a season of losses.", 2016),
    ],
)
def test_a_year_looked_ahead_to_is_not_the_story_year(body: str, year: int) -> None:
    assert signature(body).year == year  # type: ignore[attr-defined]


PARTICIPANTS = [
    ("Marta Ilves, 34, was detained on Monday. Ilves denied the charges, said her lawyer.", "Marta Ilves"),
    ("The Harbour Workers Union called a strike on Monday, the union said.", "Harbour Workers Union"),
    ("Shares of Norvex Corporation fell after the takeover was announced.", "Norvex Corporation"),
]


@pytest.mark.parametrize(("body", "name"), PARTICIPANTS)
def test_participants(body: str, name: str) -> None:
    assert name in [p.name for p in signature(body).participants]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("body", "predicate"),
    [
        ("A magnitude 5.8 earthquake shook the coast; the quake was felt far inland.", "earthquake"),
        ("Police arrested the activist and detained two of her friends.", "arrest"),
        ("The firm agreed to acquire its rival; the acquisition is worth $2 billion.", "acquisition"),
        ("A gunman opened fire in a mall; the shooting left three dead.", "shooting"),
    ],
)
def test_predicate_class(body: str, predicate: str) -> None:
    assert signature(body).predicates[:1] == [predicate]  # type: ignore[attr-defined]


def test_background_sentences_are_left_out_of_the_signature() -> None:
    body = (
        "An earthquake struck Velmora on 5 March 2023, killing four.\n"
        "Rescuers searched the rubble in Velmora.\n"
        "In 2011 a stronger quake hit Drassen, killing 300 people.\n"
        "Last year, floods displaced thousands in the region."
    )
    sig = signature(body)
    quotes = [b.quote for b in sig.background]  # type: ignore[attr-defined]
    assert any("2011" in q for q in quotes)
    assert any(q.startswith("Last year") for q in quotes)
    assert "drassen" not in [p.key for p in sig.places]  # type: ignore[attr-defined]
    assert "velmora" in [p.key for p in sig.places]  # type: ignore[attr-defined]


# --- grouping: positives and negatives ----------------------------------------------------------

QUAKE_A1 = (
    "A magnitude 6.1 earthquake struck Velmora province on Sunday, killing 12 people. Governor Anton Reyes said "
    "rescuers were searching collapsed homes in Velmora. Reyes said 40 people were injured by the quake."
)
QUAKE_A2 = (
    "The death toll from Sunday's earthquake in Velmora rose to 14, Governor Anton Reyes said. The quake, "
    "measured at magnitude 6.1, destroyed homes across Velmora province. Reyes asked for tents."
)
QUAKE_OTHER_PLACE = (
    "A magnitude 6.0 earthquake struck Castaña province on Sunday, killing nine people. Mayor Lucia Ferrante "
    "said rescuers were searching collapsed homes in Castaña. Ferrante said 30 people were injured by the quake."
)
QUAKE_OTHER_YEAR = (
    "A magnitude 5.7 earthquake struck Velmora province on Monday, killing three people. Governor Ines Vidal "
    "said rescuers were searching collapsed homes in Velmora. Vidal said 25 people were injured by the quake."
)
DETENTION_1 = (
    "Police in Dorvik detained the blogger Tomas Halvik on Tuesday after a protest. Halvik was held for 15 "
    "days, his lawyer said. Halvik denied the charges of hooliganism."
)
DETENTION_1B = (
    "The blogger Tomas Halvik was detained in Dorvik on Tuesday, police said. A court jailed Halvik for 15 "
    "days. His lawyer said Halvik would appeal the detention."
)
DETENTION_2 = (
    "Police in Dorvik detained the blogger Tomas Halvik again on Thursday over a post about the mayor. "
    "Halvik was fined, his lawyer said. Halvik called the detention revenge."
)


def groups(*sources: tuple[str, str, dt.date | None], decisions: list[GroupingDecision] | None = None,
           ) -> list[list[str]]:  # fmt: skip
    built = [source(sid, body, published) for sid, body, published in sources]
    incidents = group_incidents([cf for cf, _ in built], [t for _, t in built], decisions or [])
    return sorted(incident.sources for incident in incidents)


def test_two_reports_of_one_quake_are_one_incident() -> None:
    day = dt.date(2023, 4, 2)
    assert groups(("a.txt", QUAKE_A1, day), ("b.txt", QUAKE_A2, day + dt.timedelta(days=1))) == [["a.txt", "b.txt"]]


def test_same_kind_of_event_in_another_place_is_another_incident() -> None:
    day = dt.date(2023, 4, 2)
    assert groups(("a.txt", QUAKE_A1, day), ("c.txt", QUAKE_OTHER_PLACE, day)) == [["a.txt"], ["c.txt"]]


def test_same_place_another_year_is_another_incident() -> None:
    found = groups(
        ("a.txt", QUAKE_A1, dt.date(2023, 4, 2)),
        ("b.txt", QUAKE_A2, dt.date(2023, 4, 3)),
        ("d.txt", QUAKE_OTHER_YEAR, dt.date(2024, 9, 16)),
    )
    assert found == [["a.txt", "b.txt"], ["d.txt"]]


FIRING = (
    "The board of Varnholt sacked coach Emil Strand on Monday after five straight defeats. "
    "Strand was fired two years into his contract, the board said. The board said the dismissal was needed."
)
LAST_MATCH = (
    "Varnholt won the championship match on Sunday, the last game of the season for coach Emil Strand. "
    "Strand led the side to the title in the final match. "
)


@pytest.mark.parametrize(
    ("ending", "apart"),
    [
        ("Strand, who was sacked last week, thanked the fans.", []),  # names the firing once: no other event
        ("Strand thanked the fans.", ["event"]),  # never names a dismissal: another kind of event
    ],
    ids=["names-the-other-kind-once", "never-names-it"],
)
def test_another_main_kind_of_event_sets_apart_only_a_source_that_never_names_it(ending: str, apart: list[str]) -> None:
    # A short report's main kind hangs on a word or two; the other report's main kind is set
    # against everything it says, not against its own main kinds.
    day = dt.date(2023, 4, 3)
    firing = signature_profile(*source("a.txt", FIRING, day))
    match = signature_profile(*source("b.txt", LAST_MATCH + ending, day))
    assert (firing.main_predicate, match.main_predicate) == ("dismissal", "sport")
    assert conflicts(firing, match) == apart


QUAKE_A_WEEKS_LATER = (
    "Five weeks after the magnitude 6.1 earthquake in Velmora province, Governor Anton Reyes said 300 families "
    "still lived in tents. Reyes said rebuilding the homes the quake destroyed in Velmora would take a year."
)


def test_a_follow_up_weeks_later_is_the_same_incident() -> None:
    day = dt.date(2023, 4, 2)
    later = day + dt.timedelta(days=35)
    found = groups(("a.txt", QUAKE_A1, day), ("b.txt", QUAKE_A2, day), ("later.txt", QUAKE_A_WEEKS_LATER, later))
    assert found == [["a.txt", "b.txt", "later.txt"]]


@pytest.mark.parametrize(
    "second",
    [dt.date(2023, 6, 15), dt.date(2022, 9, 20)],
    ids=["a-year-apart", "months-apart"],
)
def test_one_person_detained_twice_is_two_incidents(second: dt.date) -> None:
    found = groups(
        ("one.txt", DETENTION_1, dt.date(2022, 6, 7)),
        ("one-b.txt", DETENTION_1B, dt.date(2022, 6, 8)),
        ("two.txt", DETENTION_2, second),
    )
    assert found == [["one-b.txt", "one.txt"], ["two.txt"]]


SHOOTING_1 = (
    "A gunman shot dead two shop workers in Calvera on Monday, police said. Officers arrested Marek Dunov, 31, "
    "near the shop an hour after the shooting. Dunov was held on suspicion of murder, police said."
)
SHOOTING_1B = (
    "Two workers were shot dead at a shop in Calvera on Monday and police arrested a suspect, Marek Dunov. "
    "Witnesses said Dunov opened fire after an argument in the shop. Police said Dunov knew both workers."
)
SHOOTING_TRIAL = (
    "A jury in Calvera convicted Marek Dunov of murdering two shop workers and a judge sentenced him to life. "
    "Dunov opened fire in the shop after an argument, prosecutors told the trial. Dunov pleaded not guilty "
    "to the shooting, and his lawyer said he would appeal the verdict."
)
DETENTION_2_TRIAL = (
    "A court in Dorvik sentenced the blogger Tomas Halvik to ten days in jail over his post about the mayor. "
    "The judge found Halvik guilty of hooliganism at a short trial. Halvik called the sentence revenge for "
    "the post, his lawyer said."
)


def test_a_trial_a_year_after_the_shooting_is_the_same_incident() -> None:
    found = groups(
        ("shot.txt", SHOOTING_1, dt.date(2021, 5, 3)),
        ("shot-b.txt", SHOOTING_1B, dt.date(2021, 5, 4)),
        ("trial.txt", SHOOTING_TRIAL, dt.date(2022, 6, 10)),
    )
    assert found == [["shot-b.txt", "shot.txt", "trial.txt"]]


SHOOTING_SENTENCE = (
    "{headline}\n"
    "Marek Dunov shot dead two shop workers in Calvera after an argument, and fired at a third as he fled the "
    "shop. Dunov, 32, shot the workers at close range, witnesses said. Police arrested Dunov near the shop "
    "an hour after the shooting."
)


@pytest.mark.parametrize(
    ("headline", "joins"),
    [
        ("Jury recommends life for Calvera shop gunman", True),
        ("Calvera shop gunman was a loner, neighbours say", False),
    ],
    ids=["the-headline-tells-the-verdict", "the-headline-tells-no-follow-up"],
)
def test_a_report_a_year_on_whose_headline_tells_the_verdict_is_a_part_of_the_incident(
    headline: str, joins: bool
) -> None:
    # Its words are the shooting's (its main kind of event is the shooting), but its headline
    # tells the court's news: a follow-up, which may come a year after the event.
    built = [
        source("shot.txt", SHOOTING_1, dt.date(2021, 5, 3)),
        source("shot-b.txt", SHOOTING_1B, dt.date(2021, 5, 4)),
        source("later.txt", SHOOTING_SENTENCE.format(headline=headline), dt.date(2022, 7, 14)),
    ]
    incidents = group_incidents([cf for cf, _ in built], [t for _, t in built])
    if joins:
        assert [(i.sources, i.parts) for i in incidents] == [
            (["later.txt", "shot-b.txt", "shot.txt"], [["shot-b.txt", "shot.txt"], ["later.txt"]])
        ]
    else:
        assert sorted(i.sources for i in incidents) == [["later.txt"], ["shot-b.txt", "shot.txt"]]


@pytest.mark.parametrize(
    ("text", "told"),
    [
        ("Jury recommends life for harbour gunman\nThe gunman shot two guards at the harbour.", True),
        ("Judge jails driver who hit a cyclist\nThe driver had been drinking, the court heard.", True),
        # A judge who is the event's victim is no court.
        ("Judge shot dead outside his home\nA gunman fired from a passing car, police said.", False),
        ("A gunman shot a judge at a petrol station\nThe gunman fled on foot.", False),
        ("Harbour gunman convicted of two murders\nThe gunman shot two guards.", True),
        ("Man charged over warehouse fire\nThe blaze gutted the warehouse on Monday.", True),
        ("Warehouse burns\nPosted 4 May 2021\nA man was charged with arson on Tuesday.", True),
        ("Gunman kills two guards at harbour\nPolice said the gunman fled in a van.", False),
        ("Gunman kills two guards\nPolice said he fled.\nHe used a rifle.\nHe will stand trial next year.", False),
    ],
    ids=[
        "jury",
        "judge",
        "a-judge-shot",
        "a-judge-shot-at",
        "convicted",
        "charged",
        "under-a-date-line",
        "the-event-itself",
        "a-trial-further-down",
    ],
)
def test_a_story_that_tells_a_follow_up_in_its_head(text: str, told: bool) -> None:
    assert tells_follow_up(text) is told
    cf, body = source("s.txt", text)
    assert signature_module.signature_profile(cf, body).tells_follow_up is told  # kept in the stored profile


def test_a_trial_beyond_the_follow_up_window_is_another_incident() -> None:
    found = groups(
        ("shot.txt", SHOOTING_1, dt.date(2021, 5, 3)),
        ("shot-b.txt", SHOOTING_1B, dt.date(2021, 5, 4)),
        ("trial.txt", SHOOTING_TRIAL, dt.date(2024, 6, 10)),
    )
    assert found == [["shot-b.txt", "shot.txt"], ["trial.txt"]]


def test_the_second_detention_s_trial_joins_the_second_detention_not_the_first() -> None:
    found = groups(
        ("one.txt", DETENTION_1, dt.date(2022, 6, 7)),
        ("one-b.txt", DETENTION_1B, dt.date(2022, 6, 8)),
        ("two.txt", DETENTION_2, dt.date(2023, 6, 15)),
        ("two-trial.txt", DETENTION_2_TRIAL, dt.date(2023, 6, 17)),
    )
    assert found == [["one-b.txt", "one.txt"], ["two-trial.txt", "two.txt"]]


def test_a_trial_a_year_on_is_compared_only_with_reports_of_its_own_time() -> None:
    built = [
        source("shot.txt", SHOOTING_1, dt.date(2021, 5, 3)),
        source("shot-b.txt", SHOOTING_1B, dt.date(2021, 5, 4)),
        source("trial.txt", SHOOTING_TRIAL.replace("Marek Dunov", "Marek Dunov, 32,", 1), dt.date(2022, 6, 10)),
        source("trial-b.txt", "Marek Dunov, 33, was jailed for life for the shop murders in Calvera. " + SHOOTING_TRIAL,
               dt.date(2022, 6, 11)),
    ]  # fmt: skip
    files = [cf for cf, _ in built]
    report = build_report("f", files, {cf.source.id: t for cf, t in built})
    (incident,) = report.incidents
    assert incident.parts == [["shot-b.txt", "shot.txt"], ["trial-b.txt", "trial.txt"]]
    # 31 at the shooting is no discrepancy with 32 at the trial; the two trial reports' 32 and 33 are.
    ages = [f for f in report.discrepancies if f.attribute == "age"]
    assert [sorted({c.source for c in f.claims}) for f in ages] == [["trial-b.txt", "trial.txt"]]
    # One person, one entity: the sources and ages of both parts, the earlier part's first.
    (dunov,) = [e for e in report.entities if e.name == "Marek Dunov"]
    assert dunov.sources == ["shot-b.txt", "shot.txt", "trial-b.txt", "trial.txt"]
    assert dunov.ages == [31, 32, 33]


def test_a_reviewed_finding_keeps_its_id_and_decision_when_a_trial_report_joins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A follow-up part with the same fact (the defendant's age) gets its own finding; the first
    part's finding keeps the id its decision was recorded on (the CI case: a new source added)."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "case"
    folder.mkdir()

    def write(name: str, body: str, published: dt.date) -> None:
        (folder / name).write_text(f"{published.day} {published:%B %Y}\n\n{body}\n", encoding="utf-8")

    write("shot.txt", SHOOTING_1, dt.date(2021, 5, 3))
    write("shot-b.txt", SHOOTING_1B.replace("Marek Dunov.", "Marek Dunov, 30.", 1), dt.date(2021, 5, 4))
    first = Report.model_validate_json(run("compare", "case", "--jobs", "1", "--format", "json", "--quiet").stdout)
    (finding,) = first.discrepancies
    assert run("review", "case", finding.id, "--status", "confirmed", "--note", "both outlets checked").exit_code == 0
    assert run("check", "case").exit_code == 0

    write("trial.txt", SHOOTING_TRIAL.replace("Marek Dunov", "Marek Dunov, 32,", 1), dt.date(2022, 6, 10))
    write("trial-b.txt", "Marek Dunov, 33, was jailed for life for the shop murders in Calvera. " + SHOOTING_TRIAL,
          dt.date(2022, 6, 11))  # fmt: skip
    second = Report.model_validate_json(run("compare", "case", "--jobs", "1", "--format", "json", "--quiet").stdout)
    (incident,) = second.incidents
    assert len(incident.parts) == 2
    kept = {f.id: f for f in second.discrepancies}
    assert finding.id in kept
    assert kept[finding.id].review is not None
    assert kept[finding.id].review.note == "both outlets checked"
    assert second.orphaned_reviews == []
    (trial,) = [f for f in second.discrepancies if f.id != finding.id]  # the trial's ages: a finding of its own
    assert trial.review is None
    assert {c.source for c in trial.claims} == {"trial.txt", "trial-b.txt"}
    checked = run("check", "case")
    assert checked.exit_code == 1
    assert trial.id in checked.stdout + checked.stderr
    assert finding.id not in checked.stdout + checked.stderr


def test_an_incident_of_one_time_has_no_parts() -> None:
    built = [source("a.txt", SHOOTING_1, dt.date(2021, 5, 3)), source("b.txt", SHOOTING_1B, dt.date(2021, 5, 4))]
    incidents = group_incidents([cf for cf, _ in built], [t for _, t in built])
    assert [i.parts for i in incidents] == [[]]


def test_an_undated_report_naming_a_later_year_does_not_join_a_dated_one() -> None:
    later = DETENTION_2 + " In 2023 the city council also banned rallies."
    found = groups(("one.txt", DETENTION_1, dt.date(2022, 6, 7)), ("two.txt", later, None))
    assert found == [["one.txt"], ["two.txt"]]


D = dt.date


@pytest.mark.parametrize(
    ("dates", "years", "inferred", "inferred_years", "agree"),
    [
        ([D(2021, 3, 8), D(2021, 3, 9)], [2021], [], [], True),
        ([D(2021, 3, 8)], [2022], [], [], False),  # a story is not older than a year it names
        ([D(2021, 3, 8)], [2019], [], [], True),  # an earlier year is as often a story's background
        ([D(2021, 1, 5), D(2021, 6, 5)], [], [], [], False),  # months apart
        # another undated report whose latest year is the recalled story's tells that story
        ([], [2021], [D(2022, 3, 8)], [], False),
        ([], [2021], [D(2022, 3, 8)], [2021], False),
        ([], [2022], [D(2022, 3, 8)], [], True),
        ([], [], [D(2022, 3, 8)], [], True),
        # the recalling report's own latest year is often the recalled story's: it is still of its time
        ([], [], [D(2022, 3, 8)], [2021], True),
        ([D(2022, 3, 8)], [], [D(2022, 3, 9)], [2021], True),
        ([D(2022, 3, 8)], [2022], [D(2022, 3, 9)], [2021], True),
        ([D(2022, 3, 8)], [], [D(2022, 3, 9)], [2023], False),  # but not older than a year it names
        ([D(2021, 3, 8)], [], [D(2022, 3, 8)], [], False),  # a year after a dated story is not its time
    ],
    ids=["same-days", "later-year", "earlier-year", "months-apart", "before-inferred", "before-inferred-both",
         "inferred-year", "inferred-alone", "inferred-names-earlier", "inferred-joins-later",
         "inferred-joins-later-undated", "inferred-names-later", "dated-and-inferred"],
)  # fmt: skip
def test_times_of_a_group(
    dates: list[dt.date], years: list[int], inferred: list[dt.date], inferred_years: list[int], agree: bool
) -> None:
    assert times_agree(dates, years, inferred, inferred_years) is agree


@pytest.mark.parametrize(
    ("dates", "follow", "years", "agree"),
    [
        ([D(2021, 5, 3), D(2021, 5, 4)], [D(2022, 6, 10)], [], True),  # the trial a year after the shooting
        ([D(2021, 5, 3)], [D(2020, 12, 1), D(2022, 6, 10)], [], True),  # charges before, the verdict after
        ([], [D(2021, 1, 3), D(2022, 9, 26)], [], True),  # a trial opened and its verdict
        ([D(2021, 5, 3)], [D(2024, 6, 10)], [], False),  # beyond FOLLOW_UP_DAYS
        ([D(2021, 5, 3), D(2021, 9, 3)], [D(2022, 6, 10)], [], False),  # the event's own reports months apart
        ([D(2021, 5, 3)], [D(2022, 6, 10)], [2023], False),  # an undated report naming a later year
        ([D(2021, 5, 3)], [D(2022, 6, 10)], [2022], True),
    ],
    ids=["trial-a-year-after", "charges-before-verdict-after", "follow-ups-only", "too-late", "event-months-apart",
         "later-year", "follow-up-year"],
)  # fmt: skip
def test_times_of_a_group_with_follow_ups(
    dates: list[dt.date], follow: list[dt.date], years: list[int], agree: bool
) -> None:
    assert times_agree(dates, years, follow=follow) is agree


MARCH_EARLIER = (
    "Police detained thirty women at a march for equal pay in Velmora city centre on Monday, organisers said. "
    "The marchers carried banners and sang as officers in riot gear blocked the square. "
    "Organisers said the detained women were taken to three police stations."
)
MARCH_LATER = (
    "Women marched for equal pay through Velmora on Tuesday and police detained twelve of them near the town hall, "
    "organisers said. Officers pushed the crowd back from the town hall steps with shields. "
    "The twelve were released by evening, a lawyer for the organisers said."
)
MARCH_RECALLS = (
    "A year after the {earlier} rally, women marched for equal pay through Velmora on Tuesday and police detained "
    "twelve of them near the town hall, organisers said. Officers pushed the crowd back from the town hall steps. "
    "Last year's march ended when officers in riot gear held thirty marchers in the city centre and took them "
    "to three stations."
)


@pytest.mark.parametrize("earlier", ["2021", "last"], ids=["naming-the-earlier-year", "naming-no-year"])
def test_an_undated_report_recalling_last_years_story_joins_this_years(earlier: str) -> None:
    found = groups(
        ("earlier.txt", MARCH_EARLIER, dt.date(2021, 3, 8)),
        ("later.txt", MARCH_LATER, dt.date(2022, 3, 8)),
        ("recalls.txt", MARCH_RECALLS.format(earlier=earlier), None),
    )
    assert found == [["earlier.txt"], ["later.txt", "recalls.txt"]]


OBITUARY = (
    "The painter Ilse Marrow died at home in Korvel on Thursday, her family said. Marrow, whose portraits hang "
    "in the Korvel gallery, was 92. Marrow was born on 3 May 1931 in a mining town."
)
OBITUARY_UNDATED = (
    "Portrait painter Ilse Marrow dies at 92\n"
    "Ilse Marrow, the Korvel portrait painter, has died at home aged 92, her family said on Thursday. "
    "Marrow was born on 3 May 1931 in a mining town. Her portraits hang in the Korvel gallery."
)


def test_a_birth_date_further_down_is_not_an_undated_obituary_s_day() -> None:
    found = groups(("dated.txt", OBITUARY, dt.date(2023, 2, 10)), ("undated.txt", OBITUARY_UNDATED, None))
    assert found == [["dated.txt", "undated.txt"]]


QUAKE_OTHER_YEAR_DATE_LINE = (
    "Quake strikes Velmora province\nNews desk, 7:15 am Monday 16 September 2024\n" + QUAKE_OTHER_YEAR
)


def test_an_undated_report_whose_date_line_names_another_year_is_another_incident() -> None:
    found = groups(
        ("a.txt", QUAKE_A1, dt.date(2023, 4, 2)),
        ("b.txt", QUAKE_A2, dt.date(2023, 4, 3)),
        ("d.txt", QUAKE_OTHER_YEAR_DATE_LINE, None),
    )
    assert signature(QUAKE_OTHER_YEAR_DATE_LINE).dates == [dt.date(2024, 9, 16)]  # type: ignore[attr-defined]
    assert found == [["a.txt", "b.txt"], ["d.txt"]]


def test_an_undated_report_without_a_time_is_not_merged_by_default() -> None:
    found = groups(("one.txt", DETENTION_1, dt.date(2022, 6, 7)), ("two.txt", DETENTION_2, None))
    assert found == [["one.txt"], ["two.txt"]]


BRIDGE_FALLS = (
    "A footbridge over the canal collapsed on Saturday evening and two cyclists fell into the water. "
    "Firefighters pulled both riders out and took them to hospital with broken ribs."
)
BRIDGE_INSPECTED = (
    "Engineers inspected rusted supports of the fallen footbridge on Monday. The towpath stays shut, "
    "and a ferry will carry walkers across until a new crossing is built next spring."
)
MAYOR_CHOSEN = (
    "Voters in the northern district chose a mayor on Sunday. Turnout was higher than at the last ballot, "
    "officials said, and counting went on past midnight."
)
CHESS_FINAL = (
    "A chess grandmaster won the open tournament in the capital after a tense final game. "
    "She beat the defending champion with the black pieces in forty moves."
)


@pytest.mark.parametrize(
    ("later", "joins"),
    [(dt.date(2023, 4, 3), True), (dt.date(2023, 4, 4), True), (dt.date(2023, 4, 5), False),
     (dt.date(2023, 4, 11), False), (None, False)],
    ids=["two-days", "three-days", "four-days", "ten-days", "undated"],
)  # fmt: skip
def test_reports_of_one_news_cycle_join_on_less_shared_wording(later: dt.date | None, joins: bool) -> None:
    # The two bridge reports share one word of note (similarity about 0.058, under the usual 0.06):
    # dated within three days of each other, their time agrees too, and half the evidence will do.
    found = groups(
        ("falls.txt", BRIDGE_FALLS, dt.date(2023, 4, 1)),
        ("inspected.txt", BRIDGE_INSPECTED, later),
        ("mayor.txt", MAYOR_CHOSEN, dt.date(2023, 9, 10)),
        ("chess.txt", CHESS_FINAL, dt.date(2023, 11, 20)),
    )
    bridge = [["falls.txt", "inspected.txt"]] if joins else [["falls.txt"], ["inspected.txt"]]
    assert found == sorted([*bridge, ["chess.txt"], ["mayor.txt"]])


YARD_FIRE = (
    "A warehouse fire{day} destroyed a lumber yard beside the river harbour, and smoke closed the ring road "
    "for hours. Crews fought the blaze from fireboats until dawn."
)
YARD_SMOKE = (
    "Smoke from the lumber yard fire{day} beside the river harbour closed the ring road, and fireboats "
    "sprayed the burning warehouse until dawn. The owner said the stock was insured."
)
YARD_AFTER = (
    "The burned warehouse at the lumber yard was still smouldering, and the ring road reopened. "
    "Insurers sent assessors to the river harbour to count the lost stock."
)
YARD_REBUILD = (
    "Assessors said the lumber yard owner would rebuild the warehouse. Dockers at the harbour "
    "cleared fallen planks, and the stock had been insured."
)


@pytest.mark.parametrize(
    ("smoke_day", "joins"),
    [("", True), (" of 6 March 2021", False)],
    ids=["one-of-three-names-a-day", "two-of-three-name-a-day"],
)
def test_a_day_one_of_many_undated_stories_names_does_not_date_their_group(smoke_day: str, joins: bool) -> None:
    # No source has a publication date; the fire report names its day. The rebuilding report shares
    # less with the three others (about 0.18) than an undated report needs to join a dated group
    # (0.24): when one of three names the day, the group is no better dated than the rebuilding
    # report, and the usual evidence will do; when two of three do, the day is the group's.
    day = " on 6 March 2021"
    found = groups(
        ("fire.txt", YARD_FIRE.format(day=day), None),
        ("smoke.txt", YARD_SMOKE.format(day=smoke_day), None),
        ("after.txt", YARD_AFTER, None),
        ("rebuild.txt", YARD_REBUILD, None),
        ("mayor.txt", MAYOR_CHOSEN, None),
        ("chess.txt", CHESS_FINAL, None),
    )
    yard = ["after.txt", "fire.txt", "smoke.txt"]
    expected = [sorted([*yard, "rebuild.txt"])] if joins else [yard, ["rebuild.txt"]]
    assert found == sorted([*expected, ["chess.txt"], ["mayor.txt"]])


SHOOTING_UNDATED = (
    "Shopkeepers in Calvera closed early to mourn two workers shot dead at a shop{term}, and the mayor "
    "laid flowers at the door. A vigil drew hundreds of neighbours, who lit candles on the pavement."
)


@pytest.mark.parametrize(
    ("term", "joins"),
    [
        (" in May 2021", True),
        (" in May 2019", False),
        (", and the mayor, in office until 2021,", False),
        # A year a state has lasted since is background: the story is told later.
        (", and the mayor, in office since 2021,", False),
    ],
    ids=["the-dated-reports-year", "an-earlier-year", "a-year-looked-ahead-to", "a-term-since-that-year"],
)
def test_an_undated_report_set_in_the_dated_reports_year_joins_on_the_usual_evidence(term: str, joins: bool) -> None:
    # The undated report shares less with the dated ones than an undated report needs (four times the
    # usual similarity), but a story set in the year of their dates needs only the usual similarity.
    found = groups(
        ("shot.txt", SHOOTING_1, dt.date(2021, 5, 3)),
        ("shot-b.txt", SHOOTING_1B, dt.date(2021, 5, 4)),
        ("undated.txt", SHOOTING_UNDATED.format(term=term), None),
    )
    apart = [["shot-b.txt", "shot.txt"], ["undated.txt"]]
    assert found == ([["shot-b.txt", "shot.txt", "undated.txt"]] if joins else apart)


QUAKE_A_UNDATED_WITH_BACKGROUND = (
    "Quake toll in Velmora rises\nThe death toll from the magnitude 6.1 earthquake in Velmora province rose to 14, "
    "Governor Anton Reyes said. Rescuers searched collapsed homes across Velmora for a second day. "
    "In 2011 a stronger quake hit the province, killing 300 people."
)


def test_an_undated_source_s_background_is_not_compared_with_the_incident_s_main_claims() -> None:
    day = dt.date(2023, 4, 2)
    built = [
        source("a.txt", QUAKE_A1, day),
        source("b.txt", QUAKE_A2, day + dt.timedelta(days=1)),
        source("c.txt", QUAKE_A_UNDATED_WITH_BACKGROUND, None),
    ]
    files, texts = [cf for cf, _ in built], {cf.source.id: t for cf, t in built}
    # The undated source's only year is its background's: extraction cannot tell it from its own.
    background = [c for c in files[2].claims if "2011" in c.quote]
    assert background
    assert all(c.incident_hint is None for c in background)
    report = build_report("folder", files, texts)
    assert [i.sources for i in report.incidents] == [["a.txt", "b.txt", "c.txt"]]
    marked = other_times_marked(files, texts)[2]
    assert {c.incident_hint for c in marked.claims if "2011" in c.quote} == {"2011"}
    assert {c.incident_hint for c in marked.claims if "2011" not in c.quote} == {None}
    cited = {c.quote for f in report.discrepancies for v in f.values for c in v.claims}
    assert not any("2011" in q for q in cited)


@pytest.mark.parametrize(("last", "hints"), [
    ("In 2011 a stronger quake hit the province, killing 300 people.", {"2011"}),
    # A year looked ahead to (signature.looks_ahead) is no other time's ...
    ("The province will rehouse 300 families in 2031.", {None}),
    ("A man will stand trial in 2031 over the 300 homes lost.", {None}),
    # ... but a year after the past event a follow-up is for is that event's.
    ("The man who will stand trial for the shooting in 2011 wounded 300 people.", {"2011"}),
])  # fmt: skip
def test_an_undated_source_s_other_year_is_no_year_looked_ahead_to(last: str, hints: set[str | None]) -> None:
    head = QUAKE_A_UNDATED_WITH_BACKGROUND.rsplit("In 2011", 1)[0]
    day = dt.date(2023, 4, 2)
    built = [source("a.txt", QUAKE_A1, day), source("b.txt", QUAKE_A2, day), source("c.txt", head + last, None)]
    files, texts = [cf for cf, _ in built], {cf.source.id: t for cf, t in built}
    year = "2011" if "2011" in last else "2031"
    marked = [c for c in other_times_marked(files, texts)[2].claims if year in c.quote]
    assert marked
    assert {c.incident_hint for c in marked} == hints


def test_claims_are_left_as_extraction_marked_them_when_no_year_or_far_day_is_named() -> None:
    built = [source("a.txt", QUAKE_A1, dt.date(2023, 4, 2)), source("b.txt", QUAKE_A2, None)]
    files, texts = [cf for cf, _ in built], {cf.source.id: t for cf, t in built}
    assert other_times_marked(files, texts) == files  # no other year, no day long before: nothing to mark


# A dated story mentions, in its last line, when the firm last had to do the same; the other source
# dates this update by its weekday only.
UPDATE_RECALLING = (
    "Intruders were reading stored invoices through a flaw in Ledgerline, Tarnwick Systems said, and an urgent "
    "update for the accounting software went out to customers.\n"
    "Customers were told to install it at once.\n"
    "The previous unplanned update was released {recall}, for a flaw in the same software."
)
UPDATE_BY_WEEKDAY = (
    "Tarnwick Systems on Wednesday released an urgent update for Ledgerline after intruders used a flaw to read "
    "stored invoices.\nCustomers were told to install it at once."
)


@pytest.mark.parametrize(
    ("recall", "extra", "cited"),
    [
        ("Feb. 3", "", set()),  # seven months before the story: an earlier update, not this one's day
        ("on 15 September", "", {"Monday 15 September 2025"}),  # two days before: this update's day, compared
        # Both recall the earlier update: its two days are still compared with each other.
        ("Feb. 3", "\nThe previous unplanned update was released Feb. 5, the company said.",
         {"Monday 3 February 2025", "Wednesday 5 February 2025"}),
        # Two days of the earlier update, one each side of the line 60 days before the story: still compared.
        ("July 17", "\nThe previous unplanned update was released July 21, the company said.",
         {"Thursday 17 July 2025", "Monday 21 July 2025"}),
    ],
)  # fmt: skip
def test_a_day_long_before_the_incident_s_first_is_an_earlier_event(recall: str, extra: str, cited: set[str]) -> None:
    day = dt.date(2025, 9, 18)
    built = [
        source("a.txt", UPDATE_RECALLING.format(recall=recall), day),
        source("b.txt", UPDATE_BY_WEEKDAY + extra, day),
    ]
    files, texts = [cf for cf, _ in built], {cf.source.id: t for cf, t in built}
    report = build_report("folder", files, texts)
    assert [i.sources for i in report.incidents] == [["a.txt", "b.txt"]]
    values = {v.value for f in report.discrepancies for v in f.values}
    assert cited <= values
    assert ("Monday 3 February 2025" in values) == ("Monday 3 February 2025" in cited)
    marked = {
        c.incident_hint
        for cf in other_times_marked(files, texts)
        for c in cf.claims
        if c.kind == "date" and "Feb. " in c.quote
    }
    assert marked == ({"earlier"} if recall == "Feb. 3" else set())


# --- people decide ------------------------------------------------------------------------------


def test_a_merge_decision_joins_sources_the_grouping_keeps_apart() -> None:
    merge = grouping_decision("merge", ["one.txt", "two.txt"], "the same arrest, misdated", today=dt.date(2024, 1, 2))
    found = groups(
        ("one.txt", DETENTION_1, dt.date(2022, 6, 7)), ("two.txt", DETENTION_2, dt.date(2023, 6, 15)),
        decisions=[merge],
    )  # fmt: skip
    assert found == [["one.txt", "two.txt"]]


def test_a_split_decision_keeps_apart_sources_the_grouping_joins() -> None:
    split = grouping_decision("split", ["b.txt"], "a different quake", today=dt.date(2024, 1, 2))
    day = dt.date(2023, 4, 2)
    found = groups(("a.txt", QUAKE_A1, day), ("b.txt", QUAKE_A2, day), decisions=[split])
    assert found == [["a.txt"], ["b.txt"]]


def test_a_decision_naming_a_missing_source_is_passed_over() -> None:
    merge = grouping_decision("merge", ["a.txt", "gone.txt"], "renamed since", today=dt.date(2024, 1, 2))
    day = dt.date(2023, 4, 2)
    assert groups(("a.txt", QUAKE_A1, day), ("c.txt", QUAKE_OTHER_PLACE, day), decisions=[merge]) == [
        ["a.txt"],
        ["c.txt"],
    ]


def test_a_merge_decision_needs_two_sources() -> None:
    with pytest.raises(ValueError, match="two sources"):
        GroupingDecision(id="G-x", action="merge", sources=["a.txt"], date=dt.date(2024, 1, 2))


def test_each_incident_says_why_and_what_kept_it_apart() -> None:
    day = dt.date(2023, 4, 2)
    built = [source("a.txt", QUAKE_A1, day), source("b.txt", QUAKE_A2, day), source("c.txt", QUAKE_OTHER_PLACE, day)]
    incidents = group_incidents([cf for cf, _ in built], [t for _, t in built])
    velmora = next(i for i in incidents if "a.txt" in i.sources)
    assert "Velmora" in " ".join(velmora.places)
    assert velmora.time == "2023-04-02"
    assert velmora.predicate == "earthquake"
    assert any("Anton Reyes" in p for p in velmora.participants)
    assert all(link.shared for link in velmora.links)
    assert velmora.apart_from is not None
    assert velmora.apart_because


# --- the incident commands: decisions kept in the reviews file, applied on every run -------------

SEED_A, SEED_B, SEED_OTHER = "000_e7e2957ecce1ac92.txt", "001_e5f6ed7113b28027.txt", "002_afc569628a2844e8.txt"


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seeds_dir: Path) -> Path:
    shutil.copytree(seeds_dir, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def incidents_of(workdir: Path) -> list[list[str]]:
    result = run("compare", "seeds", "--jobs", "1", "--format", "json", "--quiet")
    report = Report.model_validate_json(result.stdout)
    return sorted(i.sources for i in report.incidents)


def test_the_third_seed_is_its_own_incident(workdir: Path) -> None:
    assert incidents_of(workdir) == [[SEED_A, SEED_B], [SEED_OTHER]]


def test_a_split_survives_re_runs_and_is_kept_in_the_reviews_file(workdir: Path) -> None:
    result = run("incident", "split", "seeds", SEED_B, "--note", "another outlet's story, checked by phone")
    assert result.exit_code == 0, result.stderr
    assert "split" in result.stderr
    for _ in range(2):  # a second compare keeps the decision and applies it again
        assert incidents_of(workdir) == [[SEED_A], [SEED_B], [SEED_OTHER]]
    saved = ReviewsFile.model_validate_json((workdir / "reviews" / "seeds.json").read_text(encoding="utf-8"))
    assert [(d.action, d.sources, d.note) for d in saved.incidents] == [
        ("split", [SEED_B], "another outlet's story, checked by phone")
    ]
    assert "a person's split decision" in (workdir / "reports" / "seeds.md").read_text(encoding="utf-8")


def test_a_merge_survives_re_runs(workdir: Path) -> None:
    assert run("incident", "merge", "seeds", SEED_A, SEED_OTHER, "--note", "test merge").exit_code == 0
    # The merged pair is one incident; the other seed, five years apart from the third, stays apart.
    assert incidents_of(workdir) == [[SEED_A, SEED_OTHER], [SEED_B]]
    assert incidents_of(workdir) == [[SEED_A, SEED_OTHER], [SEED_B]]


def test_a_decision_against_an_earlier_one_is_refused_and_nothing_is_lost(workdir: Path) -> None:
    assert run("incident", "split", "seeds", SEED_B, "--note", "apart").exit_code == 0
    before = (workdir / "reviews" / "seeds.json").read_bytes()
    result = run("incident", "merge", "seeds", SEED_A, SEED_B, "--note", "together")
    assert result.exit_code == 2
    assert "says the opposite" in result.stderr
    assert (workdir / "reviews" / "seeds.json").read_bytes() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("merge", "seeds", SEED_A, "--note", "x"), "needs 2 FILEs"),
        (("merge", "seeds", SEED_A, "missing.txt", "--note", "x"), "no source missing.txt"),
        (("split", "seeds", SEED_A, "--note", " "), "the note is empty"),
    ],
)
def test_bad_decisions_are_one_clear_line_and_exit_2(workdir: Path, args: tuple[str, ...], message: str) -> None:
    result = run("incident", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_check_reports_a_decision_whose_source_is_gone(workdir: Path) -> None:
    assert run("incident", "split", "seeds", SEED_B, "--note", "apart").exit_code == 0
    (workdir / "seeds" / SEED_B).rename(workdir / "seeds" / "001_renamed.txt")
    result = run("check", "seeds", "--jobs", "1")
    assert "orphaned grouping decision (kept, not failing)" in result.stdout
    saved = ReviewsFile.model_validate_json((workdir / "reviews" / "seeds.json").read_text(encoding="utf-8"))
    assert len(saved.incidents) == 1  # kept, never dropped


def test_a_malformed_decision_in_the_reviews_file_stops_the_run(workdir: Path) -> None:
    (workdir / "reviews").mkdir()
    bad = {"incidents": [{"id": "G-1", "action": "merge", "sources": [SEED_A], "date": "2024-01-02"}]}
    (workdir / "reviews" / "seeds.json").write_text(json.dumps(bad), encoding="utf-8")
    result = run("compare", "seeds", "--jobs", "1", "--quiet")
    assert result.exit_code == 2
    assert "two sources" in result.stderr


def test_a_re_run_reuses_the_report_and_a_broken_cache_is_rebuilt(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(workdir / "cache"))
    first = run("compare", "seeds", "--jobs", "1", "--format", "json", "--quiet").stdout
    (cache,) = [p for p in (workdir / "cache" / "reports").iterdir() if not p.name.endswith(".md.json")]
    assert json.loads(cache.read_text(encoding="utf-8"))["key"]
    assert run("compare", "seeds", "--jobs", "1", "--format", "json", "--quiet").stdout == first
    cache.write_text("{not json", encoding="utf-8")
    assert run("compare", "seeds", "--jobs", "1", "--format", "json", "--quiet").stdout == first
    assert json.loads(cache.read_text(encoding="utf-8"))["key"]


# --- signatures kept beside the claims files --------------------------------------------------


def _no_profiles(*_: object) -> SourceProfile:
    raise AssertionError("a stored profile was worked out again")


def test_a_stored_profile_is_read_not_worked_out_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    day = dt.date(2023, 4, 2)
    built = [source("a.txt", QUAKE_A1, day), source("b.txt", QUAKE_A2, day)]
    files, texts = [cf for cf, _ in built], {cf.source.id: t for cf, t in built}
    first = source_profiles(tmp_path, files, texts)
    stored = (tmp_path / SIGNATURES_FILE).read_bytes()
    monkeypatch.setattr(signature_module, "_PROFILES", {})  # a new process: nothing in memory
    monkeypatch.setattr(signature_module, "_profile", _no_profiles)
    again = source_profiles(tmp_path, files, texts)
    assert again == first
    assert (tmp_path / SIGNATURES_FILE).read_bytes() == stored  # nothing new: not written again


def test_a_changed_source_or_claim_is_worked_out_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    day = dt.date(2023, 4, 2)
    cf, text = source("a.txt", QUAKE_A1, day)
    source_profiles(tmp_path, [cf], {"a.txt": text})
    monkeypatch.setattr(signature_module, "_PROFILES", {})
    changed, new_text = source("a.txt", QUAKE_OTHER_PLACE, day)
    (profile,) = source_profiles(tmp_path, [changed], {"a.txt": new_text})
    assert profile.main_place == "castana"
    fewer = cf.model_copy(update={"entities": []})  # a person's edit removed the names
    (edited,) = source_profiles(tmp_path, [fewer], {"a.txt": text})
    assert edited.named == {}


def test_old_rules_and_broken_stores_are_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cf, text = source("a.txt", QUAKE_A1, dt.date(2023, 4, 2))
    (good,) = source_profiles(tmp_path, [cf], {"a.txt": text})
    old = good.model_copy(update={"revision": "signature/older", "main_place": "elsewhere"})
    (tmp_path / SIGNATURES_FILE).write_text(dump_profiles([old]), encoding="utf-8")
    monkeypatch.setattr(signature_module, "_PROFILES", {})
    assert source_profiles(tmp_path, [cf], {"a.txt": text})[0].main_place == good.main_place
    (tmp_path / SIGNATURES_FILE).write_text("{not json", encoding="utf-8")
    monkeypatch.setattr(signature_module, "_PROFILES", {})
    assert source_profiles(tmp_path, [cf], {"a.txt": text}) == [good]
    assert load_profiles(tmp_path / SIGNATURES_FILE) == {"a.txt": good}  # rewritten whole
    # A store written before profiles kept whether the head tells a follow-up: worked out again.
    before = json.loads(dump_profiles([good]))
    del before["profiles"][0]["tells_follow_up"]
    (tmp_path / SIGNATURES_FILE).write_text(json.dumps(before), encoding="utf-8")
    monkeypatch.setattr(signature_module, "_PROFILES", {})
    assert load_profiles(tmp_path / SIGNATURES_FILE) == {}
    assert source_profiles(tmp_path, [cf], {"a.txt": text}) == [good]


def test_a_re_run_reuses_the_rendered_markdown_and_a_broken_one_is_rendered_again(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(workdir / "cache"))
    run("compare", "seeds", "--jobs", "1", "--quiet")
    written = (workdir / "reports" / "seeds.md").read_text(encoding="utf-8")
    (rendered,) = (workdir / "cache" / "reports").glob("*.md.json")
    assert json.loads(rendered.read_text(encoding="utf-8"))["markdown"] == written
    rendered.write_text('{"key": "another report", "markdown": "stale"}', encoding="utf-8")
    run("compare", "seeds", "--jobs", "1", "--quiet")
    assert (workdir / "reports" / "seeds.md").read_text(encoding="utf-8") == written
    assert json.loads(rendered.read_text(encoding="utf-8"))["markdown"] == written


def test_head_dates_are_only_dates_without_a_date_claim() -> None:
    """A full date of the head with a claim was weighed as that claim (its other time, its
    background); only a date no claim holds (a page's date line) is read from the text itself."""
    head = "Dock blaze\n10:40am UK, Tuesday 04 April 2023\nA fire of 2 March 2023 was put out."
    fire = head.index("2 March")
    assert signature_module._head_dates(head, []) == [dt.date(2023, 3, 2), dt.date(2023, 4, 4)]
    assert signature_module._head_dates(head, [(fire, fire + len("2 March 2023"))]) == [dt.date(2023, 4, 4)]


@pytest.mark.parametrize(
    ("head", "dates"),
    [
        ("Dock blaze\nPosted 2 days ago [downloaded on 9 April 2023]\nThe dock burned.", []),
        ("Dock blaze\n[Retrieved 9 April 2023] Posted 7 April 2023\nThe dock burned.", [dt.date(2023, 4, 7)]),
        ("Dock blaze\nFiles downloaded by the crew: 9 April 2023\nThe dock burned.", [dt.date(2023, 4, 9)]),
    ],
)
def test_a_copy_s_saved_date_is_no_head_date(head: str, dates: list[dt.date]) -> None:
    assert signature_module._head_dates(head, []) == dates


QUAKE_A_UNDATED = (
    "Rescuers in Velmora province searched collapsed homes{day} after the magnitude 6.1 earthquake, "
    "Governor Anton Reyes said. Reyes said the quake had killed 12 people and injured 40."
)
QUAKE_A_RETOLD = (
    "Governor Anton Reyes said rescuers searched collapsed homes in Velmora province after the magnitude 6.1 "
    "earthquake. The quake killed 12 people and injured 40, Reyes said."
)


@pytest.mark.parametrize(
    ("day", "joins"),
    [("", True), (" on 3 April", True), (" on 28 February", True), (" on 9 December", False),
     (" on 9 December and on 2 April", True)],
    ids=["no-day", "the-next-day", "five-weeks-before", "eight-months-off", "one-of-two-days-fits"],
)  # fmt: skip
def test_an_undated_report_naming_a_day_far_from_the_dated_reports_is_another_incident(day: str, joins: bool) -> None:
    # The days an undated story names in its own text are its event's time: one of them within
    # MAX_SPAN_DAYS of the dated reports' dates (in any year near them) fits, none sets it apart.
    found = groups(
        ("a.txt", QUAKE_A1, dt.date(2023, 4, 2)),
        ("b.txt", QUAKE_A2, dt.date(2023, 4, 3)),
        ("undated.txt", QUAKE_A_UNDATED.format(day=day), None),
    )
    assert found == ([["a.txt", "b.txt", "undated.txt"]] if joins else [["a.txt", "b.txt"], ["undated.txt"]])


@pytest.mark.parametrize(("day", "joins"), [("", True), (" on 9 December", False)], ids=["no-day", "a-far-day"])
def test_an_undated_group_one_of_whose_reports_names_a_far_day_does_not_join_a_dated_group(
    day: str, joins: bool
) -> None:
    # The two undated reports join each other first; the one day of the year either names is the
    # group's only time, and it lies eight months from the dated reports: no undated member fits.
    found = groups(
        ("a.txt", QUAKE_A1, dt.date(2023, 4, 2)),
        ("b.txt", QUAKE_A2, dt.date(2023, 4, 3)),
        ("undated.txt", QUAKE_A_UNDATED.format(day=day), None),
        ("retold.txt", QUAKE_A_RETOLD, None),
    )
    together = [["a.txt", "b.txt", "retold.txt", "undated.txt"]]
    assert found == (together if joins else [["a.txt", "b.txt"], ["retold.txt", "undated.txt"]])
