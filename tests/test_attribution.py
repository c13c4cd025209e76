"""Who a sentence credits with a value, read from the clause that holds it. Phrases written for
the test; the value is the first occurrence of the second column in the sentence."""

from __future__ import annotations

import pytest

from factcheck.attribution import attributed_to

# fmt: off
CASES = [
    ("The harbour office said the storm surge reached 4.2 metres.", "4.2", "The harbour office"),
    ("The harbour office said the surge reached 4.2 metres, but the Marlow Coast Watch said it was 3.9 metres.",
     "3.9", "the Marlow Coast Watch"),
    ("The harbour office said the surge reached 4.2 metres, but the Marlow Coast Watch said it was 3.9 metres.",
     "4.2", "The harbour office"),
    ("Police said 40 people were detained, while organisers put the number at 300.", "300", "organisers"),
    ("Police said 40 people were detained, while organisers put the number at 300.", "40", "Police"),
    ("About 40 people were detained, according to the Valmora interior ministry.", "40",
     "the Valmora interior ministry"),
    ("At least 25 people were hurt, said the regional governor.", "25", "the regional governor"),
    ("Twelve boats sank in the night, the coast guard in Port Ellery said.", "Twelve", "the coast guard"),
    ("The Brenna Weather Service in Kessel said the gust reached 140 km/h.", "140", "The Brenna Weather Service"),
    ("Witnesses told the Courier that 12 houses burned.", "12", "Witnesses"),
    # negatives: a pronoun, nobody, a thing that 'measured', the value said of the speakers themselves
    ("He said 40 people were detained.", "40", None),
    ("40 people were detained on Monday.", "40", None),
    ("The quake measured 5.9 on the Richter scale.", "5.9", None),
    ("The 40 detainees said they had been beaten.", "40", None),
    ("The storm, which reached 4.2 metres, flooded the harbour.", "4.2", None),
    ("The mayor, Ellen Sorby, 54, said on Monday that the police had left.", "54", None),
    ("Sorby, 54, said that the police had left, the Courier reported.", "54", "the Courier"),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "value", "expected"), CASES)
def test_who_a_sentence_credits(sentence: str, value: str, expected: str | None) -> None:
    start = sentence.index(value)
    assert attributed_to(sentence, start, start + len(value)) == expected
