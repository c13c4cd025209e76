"""Places of aligned events: where one event happened, as each source tells it.

Each place claim carries the frame of its event (predicate class, who acts and who is acted on,
time cues). Two place claims of different sources are about one event when their predicates are
of one class, no cue sets them in different times, and they share a participant acted on (a
patient; agents when neither names a patient) or nearly the whole sentence. Their places then
agree (one place named two ways, transliterations included), are compatible (one inside the
other: a city and its country, a street in a city; or of different levels: a building on a
street), or conflict: two countries, states, cities or streets; in a room against outside its
building. Precision first: a pair the rules cannot place against each other says nothing.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from factcheck.compare.align import OTHER_TIME, YEAR_CUE
from factcheck.compare.groups import Agreement, Pending, group_findings, keyed, merge_agreements
from factcheck.extract.places import Containment, containment, countries, inside, major, population, same_place
from factcheck.models import ClaimBase, ClaimsFile, Frame, PlaceClaim, Severity

COMPARABLE = frozenset({"asserted", "reported"})  # a place of a planned or possible event is no account of it
SAME_SENTENCE = 0.6  # share of words (places aside) at which two sentences tell one event without a name
CITY = 50_000  # people: a smaller place the gazetteer calls a city may be a district of the other
SOME_SENTENCE = 0.15  # share of words two accounts of the incident's one event of a kind share at least
OPENING_NAME = re.compile(  # "Varga was", "Anna Berg has": a sentence that opens with a name
    r"(?!(?:The|A|An|He|She|It|They|We|I|You|This|That|These|Those|There|Its|His|Her|Their)\b)"
    r"[A-Z][a-z]+(?:\s[A-Z][a-z]+)*\s(?:was|were|is|are|has|had|will|would|said|says)\b"
)
WORD = re.compile(r"[^\W\d_]{4,}")
EXCLUSIVE: dict[str, Severity] = {"country": "contradiction", "region": "contradiction", "street": "contradiction",
                                  "square": "contradiction", "city": "divergence", "site": "divergence"}  # fmt: skip
# Two cities are a divergence, not a contradiction: one may be the suburb or the metropolis of the other.
INSIDE = frozenset({"in", "at", "on", "from"})  # "taken from his home": the home is where it happened


def _scope(claim: PlaceClaim, frame: Frame) -> tuple[frozenset[str], str | None]:
    cues = frozenset(c for c in frame.cues if c in OTHER_TIME or YEAR_CUE.match(c))
    return cues, claim.incident_hint


def shared_names(a: tuple[str, ...], b: tuple[str, ...]) -> list[str]:
    """Names of `a` that share a word (of three letters or more) with a name of `b`."""
    words_b = {w for name in b for w in name.split() if len(w) > 2}
    return [name for name in a if any(len(w) > 2 and w in words_b for w in name.split())]


def _words(claim: PlaceClaim) -> frozenset[str]:
    quote = claim.quote[: claim.value_start - claim.start] + claim.quote[claim.value_end - claim.start :]
    return frozenset(w.lower() for w in WORD.findall(quote))


@dataclass(frozen=True)
class EventMatch:
    """Why two place claims are about one event: the participants they share, and how much of
    their sentences (places aside) they share."""

    shared: list[str]
    sentence: float

    @property
    def close(self) -> bool:
        """Nearly one sentence: the place is what differs, so a weaker place rule may judge it."""
        return self.sentence >= SAME_SENTENCE


def one_event(a: PlaceClaim, b: PlaceClaim, single: bool = False) -> EventMatch | None:
    """Whether two place claims are about one event (predicates of one class, or one unlisted
    predicate; the same time; a participant in common or nearly one sentence), or None. `single`:
    each source places one event of this kind only, so some words in common are enough."""
    fa, fb = a.frame, b.frame
    if fa is None or fb is None or fa.predicate is None:
        return None
    if fa.predicate_class != fb.predicate_class or (fa.predicate_class is None and fa.predicate != fb.predicate):
        return None
    if fa.modality not in COMPARABLE or fb.modality not in COMPARABLE or fa.negated or fb.negated:
        return None
    if _scope(a, fa) != _scope(b, fb):
        return None  # "arrested again", "in 2003": another event of the kind
    wa, wb = _words(a), _words(b)
    sentence = len(wa & wb) / len(wa | wb) if wa and wb else 0.0
    if fa.patients and fb.patients:
        shared = shared_names(fa.patients, fb.patients)
        return EventMatch(shared, sentence) if shared else None
    # Who acts and who is acted on is the frame's guess from word order; without a patient on
    # both sides, anyone either frame names will do ("X was born in" and "born in ... X").
    shared = shared_names(tuple(sorted(fa.participants)), tuple(sorted(fb.participants)))
    if shared:
        return EventMatch(shared, sentence)
    # A name on one side only may be another event's: "X was pronounced dead at one hospital",
    # "an unidentified woman at another" (the frame leaves out a sentence's first word, a name or not).
    nameless = not (fa.participants or fb.participants or OPENING_NAME.match(a.quote) or OPENING_NAME.match(b.quote))
    if sentence >= SAME_SENTENCE or (single and nameless and sentence >= SOME_SENTENCE):
        return EventMatch([], sentence)
    return None


def verdict(a: PlaceClaim, b: PlaceClaim, known: Containment, close: bool = False) -> tuple[str, str] | None:
    """What two places of one event say together: ('agree', how), (severity, why) or None.
    `known`: what any source of the incident puts inside what ("in Ganton in Borduria"); `close`:
    the two sentences are nearly one, so the place is what one of them changed."""
    if {a.relation, b.relation} == {"in", "outside"}:
        within, out = (a, b) if a.relation == "in" else (b, a)
        if inside(within, out, known):
            return "contradiction", f"'{within.expression}' against '{out.expression}': inside and outside"
        return None
    ra = "in" if a.relation in INSIDE else a.relation
    rb = "in" if b.relation in INSIDE else b.relation
    if ra != rb or ra == "near":
        return None
    if same_place(a, b) and (a.named or a.head == b.head):
        return "agree", "same place" if a.key == b.key else "same place, named two ways"
    if inside(a, b, known) or inside(b, a, known) or not (a.named and b.named) or a.level != b.level:
        return None  # a place inside the other, or places of different kinds: both may hold
    if a.level in ("site", "area") and a.head != b.head:
        return None  # "the Ganton Hotel" and "the Ganton Hospital": maybe one beside the other
    severity = EXCLUSIVE.get(a.level)
    if severity is None:
        return None
    # A town may be a district of the other place, or a county the gazetteer takes for a town:
    # two cities conflict when both are large, or are cities in different countries.
    small = min(population(a), population(b)) < CITY or bool(countries(a) & countries(b))
    if a.level == "city" and not (major(a) and major(b)) and small:
        return None
    return severity, f"'{a.expression}' against '{b.expression}': two different places"


def _value(claim: ClaimBase) -> str:
    return claim.key.replace(" ", "") if isinstance(claim, PlaceClaim) else claim.display_value()


def _kind(claim: PlaceClaim) -> str:
    """The kind of event a place claim places: its predicate's class, else the predicate."""
    assert claim.frame is not None
    return claim.frame.predicate_class or claim.frame.predicate or ""


def _kinds(claims: list[PlaceClaim]) -> Counter[str]:
    """How many sentences of a source place an event of each kind."""
    return Counter(_kind(c) for c in {c.start: c for c in claims}.values())


def compare_places(incident: str, files: list[ClaimsFile]) -> tuple[list[Pending], list[Agreement]]:
    """Findings and agreements about where the events of one incident happened."""
    by_source: dict[str, list[PlaceClaim]] = {
        cf.source.id: [c for c in cf.claims if isinstance(c, PlaceClaim) and c.frame is not None] for cf in files
    }
    known = containment(c for claims in by_source.values() for c in claims)
    candidates: dict[tuple[str, str], list[tuple[Severity, str, ClaimBase, ClaimBase]]] = defaultdict(list)
    agreements: list[Agreement] = []
    sources = sorted(by_source)
    for i, sa in enumerate(sources):
        for sb in sources[i + 1 :]:
            kinds_a, kinds_b = _kinds(by_source[sa]), _kinds(by_source[sb])
            for a in by_source[sa]:
                for b in by_source[sb]:
                    kind = _kind(a)
                    match = one_event(a, b, single=kinds_a[kind] == 1 and kinds_b[kind] == 1)
                    if match is None:
                        continue
                    found = verdict(a, b, known, match.close)
                    if found is None:
                        continue
                    assert a.frame is not None
                    subject = max(match.shared, key=len).title() if match.shared else "the incident"
                    attribute = f"place ({a.frame.predicate_class or a.frame.predicate})"
                    if found[0] == "agree":
                        agreements.append(
                            Agreement(incident, subject, attribute, a.place, found[1], [a, b], same=_value(a))
                        )
                    else:
                        severity: Severity = "contradiction" if found[0] == "contradiction" else "divergence"
                        candidates[(subject, attribute)].append((severity, found[1], a, b))
    pending: list[Pending] = []
    for (subject, attribute), cands in sorted(candidates.items()):
        found_here = group_findings(cands, incident, subject, attribute, _value)
        pending += keyed(found_here, f"place:{attribute}@{subject}")
    return pending, merge_agreements(agreements)
