"""Facts → aligned pairs: which claims of two sources are about the same fact of the same event.

Open-vocabulary claims carry frames (predicate, counted noun, participants, place, time, cues).
Two claims are candidates only when they could state one fact (same kind, same dimension, same
counted noun or predicate class) and no cue sets them in different times; candidates are scored
by what their frames and their sentences share, and each source pair is matched one to one,
best match first, above a threshold. A person detained twice gets two events that each align
with at most one account in another source, instead of every date against every date.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from factcheck.models import ClaimBase, DateClaim, Frame, QuantityClaim, StatusClaim

THRESHOLD = 0.5  # below this, two facts share too little to be one fact
WORD = re.compile(r"[^\W\d_]{4,}")
YEAR_CUE = re.compile(r"^in \d{4}$")
# Cues that put a fact in another time than the story's main event.
OTHER_TIME = frozenset({"again", "earlier", "previously", "formerly", "former", "last year", "last month",
                        "the previous year", "the year before", "years ago", "a year ago", "months ago",
                        "in the past", "once"})  # fmt: skip
COMPARABLE = frozenset({"asserted", "reported", "negated"})


def block(claim: ClaimBase) -> tuple[str, ...] | None:
    """What two claims must share to be compared at all, or None for a claim never compared."""
    frame = claim.frame
    if frame is None:
        return None
    if isinstance(claim, QuantityClaim):
        dimension = claim.rule.removeprefix("mention.")
        if dimension == "count":
            return ("quantity", "count", frame.noun or claim.unit)  # the lemma: "officer" and "officers" meet
        if dimension == "money":
            return ("quantity", "money", claim.unit)
        return ("quantity", dimension)
    if isinstance(claim, StatusClaim):
        if claim.modality not in COMPARABLE or frame.modality not in COMPARABLE:
            return None
        return ("status", frame.predicate_class or "")
    if isinstance(claim, DateClaim):
        if (not claim.resolved and claim.precision != "weekday") or frame.modality == "possible":
            return None
        return ("date", frame.predicate_class or frame.predicate or claim.event)
    return None


def _listed(claim: ClaimBase) -> bool:
    return not claim.rule.startswith("mention.")


def _time_scope(frame: Frame) -> frozenset[str]:
    return frozenset(c for c in frame.cues if c in OTHER_TIME or YEAR_CUE.match(c))


def _names_overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of names in common, a name matching on any of its words ('nasimi', 'ravan nasimi')."""
    if not a or not b:
        return 0.0
    words_a = {w for name in a for w in name.split() if len(w) > 2}
    words_b = {w for name in b for w in name.split() if len(w) > 2}
    if not words_a or not words_b:
        return 0.0
    return len(words_a & words_b) / min(len(words_a), len(words_b))


def _words(quote: str) -> frozenset[str]:
    return frozenset(w.lower() for w in WORD.findall(quote))


def similarity(a: ClaimBase, b: ClaimBase) -> float:
    """How likely two claims of one block state the same fact: 0 (surely not) to about 1."""
    fa, fb = a.frame, b.frame
    assert fa is not None
    assert fb is not None
    if _time_scope(fa) != _time_scope(fb) or a.incident_hint != b.incident_hint:
        return 0.0  # "detained again", "in 2003": another event of the same kind
    if isinstance(a, DateClaim) and isinstance(b, DateClaim) and _listed(a) and _listed(b) and a.event != b.event:
        return 0.0  # the listed rules named two events ("the quake", "an aftershock")
    score = 0.0
    if fa.predicate == fb.predicate:
        score += 0.3 if fa.predicate else 0.1
    elif fa.predicate_class and fa.predicate_class == fb.predicate_class:
        # States of one class ("died", "survived") are what a status fact is: as good as one predicate.
        score += 0.3 if isinstance(a, StatusClaim) else 0.15
    elif isinstance(a, QuantityClaim):
        return 0.0  # "10 killed" and "20 injured" count different things
    if fa.noun and fa.noun == fb.noun:
        score += 0.1
    people_a, people_b = fa.participants, fb.participants
    if people_a and people_b:
        shared = _names_overlap(people_a, people_b)
        score += 0.3 * shared - (0.2 if shared == 0 else 0.0)
    if fa.place and fb.place:
        score += 0.1 if fa.place == fb.place else -0.2
    if fa.time and fb.time and fa.time == fb.time and not isinstance(a, DateClaim):
        score += 0.1
    # The sentences' words, less the value's own ("died" against "survived" is what may differ).
    wa = _words(a.quote) - _words(a.quote[a.value_start - a.start : a.value_end - a.start])
    wb = _words(b.quote) - _words(b.quote[b.value_start - b.start : b.value_end - b.start])
    if wa and wb:
        score += 0.5 * len(wa & wb) / len(wa | wb)
    return score


def align(
    left: list[ClaimBase], right: list[ClaimBase], threshold: float = THRESHOLD
) -> list[tuple[ClaimBase, ClaimBase, float]]:
    """One-to-one matching of two sources' claims, best match first, above `threshold`.

    Claims are compared only within a block (see `block`), so the cost grows with the claims
    that could be one fact, not with every pair."""
    blocks: dict[tuple[str, ...], list[ClaimBase]] = defaultdict(list)
    for claim in left:
        key = block(claim)
        if key is not None:
            blocks[key].append(claim)
    candidates: list[tuple[float, int, int, ClaimBase, ClaimBase]] = []
    for j, b in enumerate(right):
        key = block(b)
        if key is None:
            continue
        for i, a in enumerate(blocks.get(key, [])):
            score = similarity(a, b)
            if score >= threshold:
                candidates.append((score, i, j, a, b))
    candidates.sort(key=lambda c: (-c[0], c[3].start, c[4].start, c[3].value_start, c[4].value_start))
    used_a: set[str] = set()
    used_b: set[str] = set()
    out: list[tuple[ClaimBase, ClaimBase, float]] = []
    for score, _, _, a, b in candidates:
        if a.id in used_a or b.id in used_b:
            continue
        used_a.add(a.id)
        used_b.add(b.id)
        out.append((a, b, score))
    return out


def align_sources(by_source: dict[str, list[ClaimBase]]) -> Iterable[tuple[ClaimBase, ClaimBase, float]]:
    """Aligned pairs for every pair of sources, in a fixed order."""
    sources = sorted(by_source)
    for i, sa in enumerate(sources):
        for sb in sources[i + 1 :]:
            yield from align(by_source[sa], by_source[sb])
