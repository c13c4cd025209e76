"""The reports suite's generator pairs two reports only on the same specific of the same thing:
an increment is not a total, a distance is from its own place, and a place belongs to its clause."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from extract_helpers import load_script

ONECHANGE = Path(__file__).resolve().parent.parent / "benchmarks" / "onechange.py"


@pytest.fixture(scope="module")
def onechange() -> ModuleType:
    return load_script("factcheck_onechange_benchmark", ONECHANGE)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("The clerk counted seven crates at the dock.", "Seven crates were counted by the clerk.", True),
        ("She carried two more crates to the van.", "She carried two crates to the van.", False),
        ("The farm lies 4 miles north of Elmford.", "The farm lies four miles north of Elmford.", True),
        ("The farm lies 4 miles north of Elmford.", "The mill lies 4 miles west of Dunmere.", False),
        ("The storm passed 9 miles from the Castor Bay shore.", "It passed 9 miles from Castor Bay.", True),
    ],
)
def test_count_keys(onechange: ModuleType, a: str, b: str, same: bool) -> None:
    keys_a = {c.key for c in onechange.count_changes(a)}
    keys_b = {c.key for c in onechange.count_changes(b)}
    assert keys_a
    assert keys_b
    assert bool(keys_a & keys_b) is same


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        # the place of one event in both: the clauses share a word
        ("The ceremony was held in Lisbon on a cold morning.", "Crowds watched the ceremony held in Lisbon.", True),
        # one sentence's place is of another clause: where the pilot grew up, not where the ferry was seized
        (
            "The harbour pilot, who grew up in Lisbon, steered the ferry past the breakwater.",
            "The ferry was seized in Lisbon at dawn.",
            False,
        ),
    ],
)
def test_place_clauses(onechange: ModuleType, a: str, b: str, same: bool) -> None:
    changes_a = [c for _, c in onechange._specifics("place", a)]
    changes_b = [c for _, c in onechange._specifics("place", b)]
    assert changes_a
    assert changes_b
    assert bool(changes_a[0].clause & changes_b[0].clause) is same


@pytest.mark.parametrize(
    ("sentence", "changed"),
    [
        ("The raft drifted 40 kilometres (25 miles) down the river, the crew said.", []),
        ("The raft drifted 40 kilometres (about 25 miles) down the river.", []),
        ("The raft carried 12 crates and 30 barrels down the river.", ["12", "30"]),
        ("The crew (12 sailors in all) rowed for hours down the river.", ["12"]),
    ],
)
def test_figure_given_in_two_units_is_not_changed(onechange: ModuleType, sentence: str, changed: list[str]) -> None:
    assert [c.old for _, c in onechange._specifics("count", sentence)] == changed


@pytest.mark.parametrize(
    ("sentence", "changed"),
    [
        ("Rioters damaged at least four shops and two vans overnight.", ["two"]),
        ("The dispute dragged on for more than six years and three appeals.", ["three"]),
        ("20 boats or more capsized near the pier.", []),
        ("The rowers lost 20 boats or so in the gale.", []),
        ("The rowers lost 20 boats or kayaks in the gale.", ["20"]),
        ("Crews cleared over 30 trees from the road.", []),
        ("Crews cleared 30 trees from the road.", ["30"]),
        ("Crews cleared between 20 and 30 trees from the road.", []),
        ("Under 30 guests came to the dinner.", []),
        ("The fair was spread over two days by its organisers.", ["two"]),
        ("She scored 40 goals over six seasons for the club.", ["40", "six"]),
        ("The talks lasted just over six hours in the end.", []),
        ("A rope hung between two trees in the orchard.", ["two"]),
    ],
)
def test_lower_bound_is_not_changed(onechange: ModuleType, sentence: str, changed: list[str]) -> None:
    """A higher figure elsewhere agrees with "at least four": the suite's changes go upwards."""
    assert [c.old for _, c in onechange._specifics("count", sentence)] == changed


@pytest.mark.parametrize(
    ("kind", "sentence", "changed"),
    [
        ("day of month", "The fair opened to visitors on Tuesday, March 9, the organisers said.", []),
        ("day of month", "The bridge reopened today (9 March), after repairs were finished.", []),
        ("day of month", "The mill burned down yesterday (March 9th), residents reported.", []),
        ("day of month", "The bridge reopened on 9 March after repairs were finished.", ["9"]),
        ("weekday", "The fair opened to visitors on Tuesday, March 9, the organisers said.", []),
        ("weekday", "The bridge was reopened on Tuesday (9 March) after the repairs.", []),
        ("weekday", "The bridge was reopened on Tuesday after the repairs.", ["Tuesday"]),
    ],
)
def test_day_told_twice_in_one_phrase_is_not_changed(
    onechange: ModuleType, kind: str, sentence: str, changed: list[str]
) -> None:
    """Changing the date of "Tuesday, March 9" leaves the weekday telling the old day."""
    assert sorted({c.old for _, c in onechange._specifics(kind, sentence)}) == changed


@pytest.mark.parametrize(
    ("sentence", "changed"),
    [
        ("As many as 40 boats capsized near the pier.", []),
        ("Up to 40 boats capsized near the pier.", []),
        ("One or two boats capsized near the pier.", []),
        ("Between 30 and 40 boats capsized near the pier.", []),
        ("Crews went to five farms and nine villages.", ["five", "nine"]),
    ],
)
def test_bound_or_range_is_not_changed(onechange: ModuleType, sentence: str, changed: list[str]) -> None:
    assert [c.old for _, c in onechange._specifics("count", sentence)] == changed


@pytest.mark.parametrize(
    ("text", "again"),
    [
        # the figure of the same noun in another sentence: changing one leaves the other
        ("The crew said the road works would take nine weeks. Engineers put the work at nine weeks.", True),
        ("The crew said the road works would take nine weeks. Engineers put the work at Nine weeks.", True),
        # the same figure in digits, or with a word describing the noun: the same fact again
        ("The crew said the road works would take nine weeks. Engineers put the work at 9 weeks.", True),
        ("The crew said the road works would take nine weeks. Residents endured nine long weeks.", True),
        # a headline in title case states it too
        ("The crew said the road works would take nine weeks.\nRoad Works Will Take Nine Weeks", True),
        ("The crew said the road works would take nine weeks.\nRoad Works Will Take Seven Weeks", False),
        # another figure, another noun, or only the changed sentence itself: free to change
        ("The crew said the road works would take nine weeks. Engineers put the work at seven weeks.", False),
        ("The crew said the road works would take nine weeks. Nine engineers were sent.", False),
        # "nine more weeks" is an increment, which the generator keys as another fact
        ("The crew said the road works would take nine weeks. Nine more weeks were then added.", False),
        ("The crew said the road works would take nine weeks.", False),
    ],
)
def test_count_told_again_elsewhere(onechange: ModuleType, text: str, again: bool) -> None:
    path = Path("report.txt")
    end = text.index(".") + 1
    story = onechange.Story(path, "1", "1_ecb", 0, end)
    change = next(onechange.count_changes(text[:end]))
    assert onechange._told_elsewhere({path: text}, story, change) is again
