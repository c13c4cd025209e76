"""The state conflict table (lexicons/conflicts.yaml): one table that extraction (which negations are
states) and comparison (listed status claims and aligned open facts) both read. Phrases are written
for the test; the story around them is the one test_compare.py uses."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from extract_helpers import make_document
from factcheck.extract import extract_claims
from factcheck.extract.status import status_state
from factcheck.lexicons import load_lexicon
from factcheck.lexicons.conflicts import STATE_CONFLICTS, StateConflicts
from factcheck.models import StatusClaim, StatusState
from test_compare import compare, findings, story

# fmt: off
STATE_PAIRS = [
    # (state, state, aligned to one event?, both read from status phrases?, severity or None: compatible)
    ("fired", "suspended", False, True, "contradiction"),
    ("suspended", "fired", False, True, "contradiction"),  # order does not matter
    ("fired", "reinstated", False, True, "divergence"),
    ("on_leave", "resigned", True, True, "divergence"),
    ("on_leave", "pressured_to_resign", False, True, None),  # one account can hold both
    ("on_leave", "suspended", True, True, None),
    ("arrested", "released", True, True, None),  # a later development, not a conflict
    ("detained", "charged", True, False, None),
    ("died", "survived", True, False, "contradiction"),
    ("won", "lost", True, False, "contradiction"),
    ("injured", "detained", True, False, None),
    # a person may be convicted in one trial and acquitted in another: only one event's two accounts conflict
    ("convicted", "acquitted", True, True, "contradiction"),
    ("convicted", "acquitted", False, True, None),
    # negation makes its own opposite, with no row, aligned or not
    ("resigned", "not_resigned", False, True, "contradiction"),
    ("collapsed", "not_collapsed", True, False, "contradiction"),
    ("arrested", "not_arrested", False, True, "contradiction"),
    ("not_fired", "not_suspended", False, True, None),
    # a bare verb has other senses ("fired shots"): employment rows judge status phrases only
    ("fired", "suspended", True, False, None),
    ("fired", "resigned", True, False, None),
    ("fired", "not_fired", True, False, "contradiction"),
    ("fired", "fired", False, True, None),
]
# fmt: on


@pytest.mark.parametrize(("a", "b", "aligned", "phrases", "severity"), STATE_PAIRS)
def test_state_pairs(a: str, b: str, aligned: bool, phrases: bool, severity: str | None) -> None:
    sa, sb = StatusState.model_validate(a), StatusState.model_validate(b)
    conflict = STATE_CONFLICTS.conflict(sa, sb, aligned=aligned, phrases=phrases)
    assert (conflict.severity if conflict else None) == severity


def test_every_state_in_the_table_is_one_extraction_gives() -> None:
    # A misspelt state would never match a claim: the row would silently judge nothing.
    status = load_lexicon("status")
    listed = {state for domain in ("employment", "legal") for state in status[domain]}
    predicates = {state for table in load_lexicon("predicates")["classes"].values() for state in table.values()}
    known = listed | predicates
    known |= {f"not_{s}" for s in known}
    named = {s.key() for row in STATE_CONFLICTS.pairs for s in row.states} | STATE_CONFLICTS.negatable
    assert named - known == set()
    assert STATE_CONFLICTS.negatable <= listed


def test_extraction_reads_which_negations_are_states_from_the_table() -> None:
    assert status_state("fired", True) == StatusState(name="fired", negated=True)
    assert status_state("on_leave", True) is None  # "was not placed on leave" states nothing
    assert status_state("on_leave", False) == StatusState(name="on_leave")


# fmt: off
NEGATED_PHRASES = [  # (a negated status phrase, the state it reads as; None: it states nothing)
    ("was not fired by the station", "not_fired"),
    ("was not arrested at the protest", "not_arrested"),
    ("was not detained at the protest", "not_detained"),
    ("was not charged with trespass", "not_charged"),
    ("was not released from custody", "not_released"),
    ("was not convicted of trespass", "not_convicted"),
    ("was not sentenced on Tuesday", "not_sentenced"),
    ("has not resigned from the radio station", "not_resigned"),
    ("was not suspended from work by the station", "not_suspended"),
    ("was not fined by the council", "not_fined"),
    ("was not placed on leave by the station", None),  # not being on leave is no state of its own
    ("was not reinstated by the station", None),
]
# fmt: on


@pytest.mark.parametrize(("words", "state"), NEGATED_PHRASES)
def test_a_negated_status_phrase_reads_as_the_table_says(words: str, state: str | None) -> None:
    cf = extract_claims(make_document(said(words)))
    states = [c.state.key() for c in cf.claims if isinstance(c, StatusClaim) and c.state is not None]
    assert states == ([state] if state else [])


@pytest.mark.parametrize(
    ("key", "name", "negated", "words"),
    [
        ("fired", "fired", False, "fired"),
        ("not_fired", "fired", True, "not fired"),
        ("on_leave", "on_leave", False, "on leave"),
        ("pressured_to_resign", "pressured_to_resign", False, "pressured to resign"),
    ],
)
def test_a_state_reads_and_writes_its_key(key: str, name: str, negated: bool, words: str) -> None:
    state = StatusState.model_validate(key)
    assert (state.name, state.negated, state.key(), state.words()) == (name, negated, key, words)
    assert StatusState.model_validate_json(state.model_dump_json()) == state


@pytest.mark.parametrize("key", ["", "not_"])
def test_a_key_of_no_state_is_refused(key: str) -> None:
    with pytest.raises(ValidationError):
        StatusState.model_validate(key)


@pytest.mark.parametrize(
    "pairs",
    [
        [{"states": ["fired", "fired"], "severity": "contradiction"}],
        [{"states": ["fired", "suspended"], "severity": "contradiction"},
         {"states": ["suspended", "fired"], "severity": "divergence"}],
        [{"states": ["fired", "suspended"], "severity": "fatal"}],
        [{"states": ["fired", "suspended"], "severity": "contradiction", "colour": "red"}],
        [{"states": ["fired", "suspended"], "severity": "contradiction", "needs": "luck"}],
    ],
)  # fmt: skip
def test_a_malformed_table_is_refused(pairs: list[dict[str, object]]) -> None:
    with pytest.raises(ValidationError):
        StateConflicts.model_validate({"negatable": ["fired"], "pairs": pairs})


def said(words: str) -> str:
    return f"The Valmora Courier said that Marta Kowalska {words}."


# fmt: off
CONFLICTING_PHRASES = [
    (said("was fired by the radio station"), said("was placed on leave by the station"), "contradiction"),
    (said("was fired by the radio station"), said("resigned from the radio station"), "contradiction"),
    (said("was fired by the radio station"), said("was reinstated by the radio station"), "divergence"),
    (said("was suspended from work by the station"), said("resigned from the radio station"), "divergence"),
    (said("resigned from the radio station"), said("has not resigned from the radio station"), "contradiction"),
    (said("was suspended from work by the station"), said("was not suspended from work by the station"),
     "contradiction"),
    (said("was convicted of trespass"), said("was acquitted of trespass"), "contradiction"),
    (said("was charged with trespass"), said("was not charged with trespass"), "contradiction"),
    (said("died in the hospital on Tuesday"), said("survived in the hospital on Tuesday"), "contradiction"),
    (said("won the appeal on Tuesday"), said("lost the appeal on Tuesday"), "contradiction"),
]
COMPATIBLE_PHRASES = [
    (said("was placed on leave by the station"), said("was suspended from work by the station")),
    (said("was arrested at the protest"), said("was released at the protest")),
    (said("was detained at the protest"), said("was charged at the protest")),
    (said("was injured at the protest"), said("was arrested at the protest")),
    # other senses of employment verbs
    (said("fired shots at the station on Tuesday"), said("was suspended at the station on Tuesday")),
    (said("dismissed the complaint on Tuesday"), said("was suspended on Tuesday")),
    (said("fired a rifle into the air outside the station"), said("resigned outside the station")),
    (said("was fired upon outside the station"), said("was suspended outside the station")),
    # two trials of one person, years apart
    (said("was convicted of trespass in 2015"), said("was acquitted of assault in 2019")),
]
# fmt: on


@pytest.mark.parametrize(("a", "b", "severity"), CONFLICTING_PHRASES)
def test_conflicting_states_give_one_finding(tmp_path: Path, a: str, b: str, severity: str) -> None:
    report = compare(tmp_path, {"a.txt": story(a), "b.txt": story(b)})
    assert len(report.incidents) == 1
    assert [f[0] for f in findings(report)] == [severity]


@pytest.mark.parametrize(("a", "b"), COMPATIBLE_PHRASES)
def test_compatible_states_give_no_finding(tmp_path: Path, a: str, b: str) -> None:
    report = compare(tmp_path, {"a.txt": story(a), "b.txt": story(b)})
    assert len(report.incidents) == 1
    assert findings(report) == []
