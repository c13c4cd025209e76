"""Who a sentence credits with a value, read from the clause that holds it. Phrases written for
the test; the value is the first occurrence of the second column in the sentence."""

from __future__ import annotations

import pytest

from factcheck.attribution import attributed_to, speaker_keys

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
    # organisations and groups as subjects of verbs a thing takes too: measured, recorded, put ... at
    ("The country's seismological centre measured the tremor at 4.8.", "4.8", "The country's seismological centre"),
    ("The VSGI recorded a magnitude of 4.8 near the coast.", "4.8", "The VSGI"),
    ("The state news agency put the toll at 31.", "31", "The state news agency"),
    ("Organisers estimated the crowd at 5,000, but police put it at 800.", "800", "police"),
    ("Organisers estimated the crowd at 5,000, but police put it at 800.", "5,000", "Organisers"),
    ("Witnesses counted 14 lorries on the bridge.", "14", "Witnesses"),
    # the owner of a figure: 'X's estimate of', 'by X's count'
    ("The VSGI's estimate of 4.8 was revised on Monday.", "4.8", "The VSGI"),
    ("By the organisers' count, 5,000 people marched.", "5,000", "the organisers"),
    ("Rescuers doubted the ministry's latest figure of 40 dead.", "40", "the ministry"),
    # cited by, quoted by
    ("Some 40 homes were destroyed, figures cited by the regional agency showed.", "40", "the regional agency"),
    ("The tremor reached 4.8, as quoted by the Halden Observatory.", "4.8", "the Halden Observatory"),
    ("The tremor reached 4.8 on Sunday, the regional radio reported, cited by the Courier.", "4.8",
     "the regional radio"),
    ("Mara Velt put the number of boats at 40.", "40", "Mara Velt"),
    ("Mara Velt added 15 points in the second half.", "15", None),
    ("The coast guard put the wave's height at magnitude-4.", "4", "The coast guard"),
    ("Police put the march, called for a 24-hour strike, at 3,000 people.", "24", None),
    ("The claims of the union rest on 50 letters.", "50", None),
    # negatives: a thing or a place that 'measured' or 'recorded', a speaker of another clause,
    # a speech verb about an unrelated statement, the owner of something that is not a figure
    ("The tremor measured 4.8 near the coast.", "4.8", None),
    ("The Dunmore quake measured 4.8 on the scale.", "4.8", None),
    ("Port Ellery recorded 14 deaths last winter.", "14", None),
    ("The UK recorded 14 deaths last winter.", "14", None),
    ("Police put up 40 barriers.", "40", None),
    ("The ministry said the roads were closed; 40 homes were destroyed.", "40", None),
    ("Police said 40 people were detained, while 300 marched to the square.", "300", None),
    ("The island's population of 120,000 fled inland.", "120,000", None),
    ("The town's figure of 40 dead rose overnight.", "40", None),
    ("The quake struck 40 km from the ministry's offices.", "40", None),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "value", "expected"), CASES)
def test_who_a_sentence_credits(sentence: str, value: str, expected: str | None) -> None:
    start = sentence.index(value)
    assert attributed_to(sentence, start, start + len(value)) == expected


# fmt: off
SAME_SPEAKER = [
    ("the Halden Geological Survey", "HGS", True),
    ("the H.G. Survey", "the Halden Geological Survey", True),  # a dotted acronym gives its letters
    ("The official VNA news agency and the Halden Geological Survey", "the HGS", True),
    ("the Vistan News Agency", "VNA", True),
    ("police", "the Police", True),
    ("the organisers", "organisers", True),
    ("police", "the organisers", False),
    ("the Halden Geological Survey", "the Vistan News Agency", False),
    ("the UK Met Office", "the US Met Office", False),
    ("the Halden Geological Survey", "the Halden police", False),
    ("Halden Police", "HP", False),  # initials of two words are too short to tell
]
# fmt: on


@pytest.mark.parametrize(("a", "b", "same"), SAME_SPEAKER)
def test_two_labels_that_may_name_one_speaker(a: str, b: str, same: bool) -> None:
    assert bool(speaker_keys(a) & speaker_keys(b)) is same
