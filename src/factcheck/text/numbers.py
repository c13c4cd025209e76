"""Numbers as news writes them: digits, words, fractions and scale words, with their qualifiers.

A number with its hedge ("at least 25", "nearly 300", "as many as 150") becomes an interval, so
two accounts can be compared: disjoint intervals cannot both be true, overlapping ones may.
"""

from __future__ import annotations

import re

from factcheck.text.patterns import alternation

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
# Scale words after a number ('4 million', '$2bn', '£1.7m', '20k'), lower-case -> the factor: the
# one table that figures, amounts of money and sentence ends read them by.
SCALES = {
    "thousand": 1_000, "k": 1_000,
    "million": 1_000_000, "m": 1_000_000, "mn": 1_000_000,
    "billion": 1_000_000_000, "bn": 1_000_000_000,
    "trillion": 1_000_000_000_000, "tn": 1_000_000_000_000,
}  # fmt: skip
# Words that multiply the number before them ('two hundred', 'a thousand', '5 million').
MULTIPLES = {"hundred": 100} | SCALES
FRACTIONS = {"half": 0.5, "a half": 0.5, "1/2": 0.5, "½": 0.5, "quarter": 0.25}

WORD_NUMBER = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|a\shundred|a\sthousand|a\smillion|a\sdozen|dozens|hundreds|thousands|several"
    r"|a\sfew|a\scouple\sof)"
)
DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
DIGITS_ONLY = re.compile(DIGITS)  # precompiled: `re.fullmatch(str, ...)` looks its pattern up each call
TENS_UNITS = re.compile(r"(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](\w+)")
NUMBER = rf"(?:{DIGITS}|{WORD_NUMBER})(?:\s?(?:-\s?)?(?:1/2|½))?(?:\s(?:hundred|thousand|million|billion))?"

# Vague amounts: an interval, not a number.
VAGUE = {
    "a dozen": (12.0, 12.0),
    "dozens": (24.0, 99.0),
    "hundreds": (200.0, 999.0),
    "thousands": (2000.0, 9999.0),
    "several": (3.0, 9.0),
    "a few": (2.0, 5.0),
    "a couple of": (2.0, 3.0),
}


def parse_number_word(raw: str) -> float | None:
    """The value of a number as written, or None.

    >>> parse_number_word("twenty-five"), parse_number_word("1,150"), parse_number_word("2 1/2")
    (25.0, 1150.0, 2.5)
    """
    text = raw.strip().lower().replace("\u2011", "-")
    if not text:
        return None
    frac = 0.0
    for mark in ("1/2", "½"):
        if text.endswith(mark):
            frac = 0.5
            text = text[: -len(mark)].rstrip(" -")
    if text in ("a hundred", "a thousand", "a million"):
        return float(MULTIPLES[text.split()[1]]) + frac
    scale = 1
    parts = text.split()
    if len(parts) > 1 and parts[-1] in MULTIPLES:
        scale = MULTIPLES[parts[-1]]
        text = " ".join(parts[:-1])
    if text in VAGUE:
        return None
    value: float | None
    if DIGITS_ONLY.fullmatch(text):
        value = float(text.replace(",", ""))
    elif text in UNITS:
        value = float(UNITS[text])
    elif text in TENS:
        value = float(TENS[text])
    else:
        m = TENS_UNITS.fullmatch(text)
        if m and m.group(2) in UNITS and UNITS[m.group(2)] < 10:
            value = float(TENS[m.group(1)] + UNITS[m.group(2)])
        else:
            value = None
    if value is None:
        return None
    return (value + frac) * scale


def vague_interval(raw: str) -> tuple[float, float] | None:
    """The interval a vague amount ('dozens', 'several') stands for."""
    return VAGUE.get(raw.strip().lower())


QUALIFIERS: dict[str, str] = {
    "at least": "at least",
    "no fewer than": "at least",
    "no less than": "at least",
    "a minimum of": "at least",
    "more than": "more than",
    "over": "more than",
    "upwards of": "more than",
    "in excess of": "more than",
    "at most": "at most",
    "no more than": "at most",
    "up to": "up to",
    "as many as": "up to",
    "fewer than": "fewer than",
    "less than": "fewer than",
    "under": "fewer than",
    "nearly": "about",
    "almost": "about",
    "around": "about",
    "about": "about",
    "approximately": "about",
    "roughly": "about",
    "some": "about",
    "an estimated": "about",
    "close to": "about",
    "just over": "more than",
    "exceeding": "more than",
    "topping": "more than",
    "just under": "fewer than",
    "estimated": "about",
    "circa": "about",
}
QUALIFIER = alternation(QUALIFIERS, space=r"\s")


def interval(number: float, qualifier: str) -> tuple[float | None, float | None]:
    """The values `qualifier number` allows: 'at least 20' is [20, ∞), 'about 300' is [270, 330].

    `qualifier` is one of QUALIFIERS' values, not the words of the text ('nearly' is 'about' here;
    nearly_interval keeps it below the number).

    >>> interval(20, "at least"), interval(300, "about"), interval(20, "more than")
    ((20, None), (270.0, 330.0), (21, None))
    """
    if qualifier == "exact":
        return number, number
    if qualifier == "at least":
        return number, None
    if qualifier == "more than":
        return number + (1 if number == int(number) and number >= 1 else 0), None
    if qualifier in ("at most", "up to"):
        return 0, number
    if qualifier == "fewer than":
        return 0, number - (1 if number == int(number) and number >= 1 else 0)
    # "about": a tenth either way, at least one unit for small counts.
    spread = max(number * 0.1, 1.0 if number >= 5 else 0.0)
    return number - spread, number + spread


def nearly_interval(number: float, word: str) -> tuple[float, float]:
    """'nearly'/'almost' sit just below the number: [0.9 n, n].

    >>> nearly_interval(300, "nearly"), nearly_interval(300, "around")
    ((270.0, 300), (270.0, 330.0))
    """
    if word.lower() in ("nearly", "almost", "just under", "close to"):
        return number * 0.9, number
    low, high = interval(number, "about")
    assert low is not None
    assert high is not None
    return low, high
