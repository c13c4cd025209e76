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
from collections import defaultdict

from factcheck.compare.align import OTHER_TIME, YEAR_CUE
from factcheck.compare.groups import Agreement, Pending, group_findings, keyed, merge_agreements
from factcheck.extract.places import Containment, containment, inside, major, same_place
from factcheck.models import ClaimBase, ClaimsFile, Frame, PlaceClaim, Severity

COMPARABLE = frozenset({"asserted", "reported"})  # a place of a planned or possible event is no account of it
SAME_SENTENCE = 0.6  # share of words (places aside) at which two sentences tell one event without a name
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


def one_event(a: PlaceClaim, b: PlaceClaim) -> list[str] | None:
    """Whether two place claims are about one event: the participants they share (empty when the
    sentences alone align them), or None."""
    fa, fb = a.frame, b.frame
    if fa is None or fb is None or fa.predicate_class is None or fa.predicate_class != fb.predicate_class:
        return None
    if fa.modality not in COMPARABLE or fb.modality not in COMPARABLE or fa.negated or fb.negated:
        return None
    if _scope(a, fa) != _scope(b, fb):
        return None  # "arrested again", "in 2003": another event of the kind
    if fa.patients and fb.patients:
        shared = shared_names(fa.patients, fb.patients)
        return shared or None
    if not fa.patients and not fb.patients and fa.agents and fb.agents:
        shared = shared_names(fa.agents, fb.agents)
        if shared:
            return shared
    wa, wb = _words(a), _words(b)
    if wa and wb and len(wa & wb) / len(wa | wb) >= SAME_SENTENCE:
        return []
    return None


def verdict(a: PlaceClaim, b: PlaceClaim, known: Containment) -> tuple[str, str] | None:
    """What two places of one event say together: ('agree', how), (severity, why) or None.
    `known`: what any source of the incident puts inside what ("in Ganton in Borduria")."""
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
    if a.level == "city" and not (major(a) and major(b)):
        return None  # a town the gazetteer calls a city may be a district or a county of the other
    return severity, f"'{a.expression}' against '{b.expression}': two different places"


def _value(claim: ClaimBase) -> str:
    return claim.key.replace(" ", "") if isinstance(claim, PlaceClaim) else claim.display_value()


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
            for a in by_source[sa]:
                for b in by_source[sb]:
                    shared = one_event(a, b)
                    if shared is None:
                        continue
                    found = verdict(a, b, known)
                    if found is None:
                        continue
                    assert a.frame is not None
                    subject = max(shared, key=len).title() if shared else "the incident"
                    attribute = f"place ({a.frame.predicate_class})"
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
