"""Populations of places: "X, home to 120,000 people", "X, a town of 15,000 people", "the island,
which has about 200,000 residents". A count of people in such words is how many live in the place
it is apposed to, not a count of the event's people; two sources' counts for one place are one fact.

The place is the name before the words; "the island" is the last place the source names with that
noun before it ("X island", "X, a small island", "the island of X") in a sentence that holds a
claim (the claims file keeps those only: a source naming it nowhere else gives no population). Counts of two
places ("a town of 15,000" and "an island home to 100,000") never meet. The counts are the
open-vocabulary claims the extractor made (rule `mention.count`); once judged here they are not
compared again as open facts."""

from __future__ import annotations

import re
from collections import defaultdict

from factcheck.compare.groups import Agreement, Pending, keyed
from factcheck.compare.quantities import compare_quantities
from factcheck.extract.mentions import QUALIFIER_BEFORE
from factcheck.lexicons import load_lexicon
from factcheck.models import ClaimsFile, QuantityClaim
from factcheck.text.patterns import alternation

_TABLE = load_lexicon("population")
PEOPLE = frozenset(_TABLE["people"])  # the counted nouns, as the open claims give their lemma
PLACE_NOUNS = alternation(_TABLE["place_nouns"])
_NAME = r"[A-Z][\w’'-]{1,30}(?:\s[A-Z][\w’'-]{1,30}){0,2}"
# What names the place, ending where the population words begin: a name (with its noun: "X island"),
# or "the island".
_PLACE = rf"(?P<place>{_NAME}(?:\s{PLACE_NOUNS})?|[Tt]he\s{PLACE_NOUNS})"
# The words between the place and the count, the count's own qualifier ("about") excluded.
BEFORE_COUNT = [
    # "X, home to", "X - a jumble of low houses home to", "the island, which is ... and is home to"
    re.compile(
        rf"{_PLACE}(?:,|\s[-–—])\s(?:(?:an?|the)\s[^,;.]{{0,80}}?\s|(?:which|that)\s[^;]{{0,120}}?\s)?home\sto\s$"
    ),
    # "X, a city of", "X, a small fishing town of"
    re.compile(rf"{_PLACE},\s(?:an?|the)\s(?:[\w-]+\s){{0,3}}?{PLACE_NOUNS}\sof\s$"),
    # "the island, which has", "X, which has"
    re.compile(rf"{_PLACE},\s(?:which|that)\s(?:has|had)\s$"),
]


def _place_key(place: str, earlier: str) -> str | None:
    """The place's name as a key: 'X island' → 'x'; 'the island' → the name of the last island the
    source names before it (`earlier`: its text up to the words)."""
    words = place.split()
    if words[0].lower() == "the":
        noun = f"(?i:{re.escape(words[-1].lower())})"
        # "X island", "X, a small island", "the rocky island of X"; never "a Northern island", whose
        # capital is an adjective's
        pattern = (
            rf"(?<!\b[Aa]\s)(?<!\b[Aa]n\s)(?<!\b[Tt]he\s)\b(?P<name>{_NAME})(?:\s{noun}\b|,\s(?:an?|the)\s"
            rf"(?:[\w-]+\s){{0,3}}?{noun}\b)|\b{noun}\sof\s(?P<after>{_NAME})"
        )
        names = [m.group("name") or m.group("after") for m in re.finditer(pattern, earlier)]
        names = [n for n in names if n.split()[0] not in ("The", "A", "An")]  # "The island" names none
        if not names:
            return None
        words = names[-1].split()  # the last one named before: the nearest
    if words[-1].lower() in _TABLE["place_nouns"] and len(words) > 1:
        words = words[:-1]
    return " ".join(words).lower()


def population_of(claim: QuantityClaim, text: str) -> str | None:
    """The place whose population a count states, as a key, or None: it is no population."""
    if claim.rule != "mention.count" or claim.frame is None or claim.frame.noun not in PEOPLE:
        return None
    before = claim.quote[: claim.value_start - claim.start]
    qualifier = QUALIFIER_BEFORE.search(before)  # the count's own qualifier: "home to about 9,000"
    head = before[: qualifier.start("q")] if qualifier else before
    at = text.find(claim.quote)
    for pattern in BEFORE_COUNT:
        m = pattern.search(head)
        if m is not None:
            return _place_key(m.group("place"), (text[:at] if at > 0 else "") + head[: m.start("place")])
    return None


def _sentences(cf: ClaimsFile) -> str:
    """The sentences of a source that hold a claim, in order: where its places are named."""
    return "\n".join(dict.fromkeys(c.quote for c in sorted(cf.claims, key=lambda c: c.start)))


def compare_populations(incident: str, files: list[ClaimsFile]) -> tuple[list[Pending], list[Agreement], set[str]]:
    """Every conflict and agreement between two sources' populations of one place, and the ids of
    every population claim: one source's population is no count of the event's people either, so
    it never meets an open count ("home to 80,000 people" against "75,000 people lost power")."""
    by_place: dict[str, list[QuantityClaim]] = defaultdict(list)
    for cf in files:
        text = _sentences(cf)
        for c in cf.claims:
            if isinstance(c, QuantityClaim):
                place = population_of(c, text)
                if place is not None:
                    by_place[place].append(c)
    pending: list[Pending] = []
    agreed: list[Agreement] = []
    for place, claims in sorted(by_place.items()):
        f, a = compare_quantities(claims, incident, place.title(), "population")
        pending += keyed(f, f"population:{place}")
        agreed += a
    return pending, agreed, {c.id for claims in by_place.values() for c in claims}
