"""Statuses of one person, all of a domain against all: the rows of lexicons/conflicts.yaml that
need no alignment to one event (status phrases), and a state against its negation.

A status told in a sentence that dates it ("was detained on 3 May") belongs to that dated event
(compare/events.py). Two statuses of two dated events that the alignment keeps apart (a detention
in May, another in July; charged in one case, not charged in another) are two events, never
compared; a status no date attaches to is compared with every other, as before."""

from __future__ import annotations

from functools import cache

from factcheck.compare.events import EventAlignment
from factcheck.compare.groups import Agreement, Pending, agree_by_value, group_findings, pairs
from factcheck.extract.mentions import STATE_OF, verb_lemma
from factcheck.lexicons.conflicts import STATE_CONFLICTS
from factcheck.models import ClaimBase, EventKey, Severity, StatusClaim

COMPARABLE_MODALITIES = {"asserted", "reported", "negated"}


@cache
def _event_kind(state: str) -> str:
    """The kind of dated event a status state (its name, negated or not) is a state of: the state
    its verb names in predicates.yaml ("arrested": arrest, a custody verb whose state is "detained"),
    else itself."""
    lemma = verb_lemma(state)
    return STATE_OF.get(lemma, state) if lemma is not None else state


def status_events(claims: list[StatusClaim], alignment: EventAlignment) -> dict[str, EventKey]:
    """Status claim id → the dated event of its own kind its sentence dates, where one does."""
    by_sentence: dict[tuple[str, int], list[tuple[str, EventKey]]] = {}
    for eid, dates in alignment.claims_of.items():
        for d in dates:
            by_sentence.setdefault((d.source, d.start), []).append((alignment.events[eid].kind, eid))
    out = {}
    for c in claims:
        kinds = {eid for kind, eid in by_sentence.get((c.source, c.start), []) if kind == _event_kind(c.state.name)}
        if len(kinds) == 1:
            out[c.id] = kinds.pop()
    return out


def compare_status(
    claims: list[StatusClaim], incident: str, subject: str, alignment: EventAlignment
) -> tuple[list[Pending], list[Agreement]]:
    usable = [c for c in claims if c.modality in COMPARABLE_MODALITIES]
    attached = status_events(usable, alignment)
    domain = usable[0].domain if usable else "employment"
    attribute = f"{domain} status"
    candidates: list[tuple[Severity, str, ClaimBase, ClaimBase]] = []
    for a, b in pairs(list(usable)):
        assert isinstance(a, StatusClaim)
        assert isinstance(b, StatusClaim)
        ea, eb = attached.get(a.id), attached.get(b.id)
        if ea is not None and eb is not None and not _one_event(alignment, ea, eb):
            continue  # two dated events the alignment keeps apart: "detained in May", "not detained in July"
        conflict = STATE_CONFLICTS.conflict(a.state, b.state, aligned=False, phrases=True)
        if conflict is not None:
            why = conflict.why or f"{a.state.words()} against {b.state.words()}"
            candidates.append((conflict.severity, why, a, b))
    agreements = agree_by_value(
        [c for c in usable if c.domain == "employment"],
        incident,
        subject,
        attribute,
        lambda c: c.state.key() if isinstance(c, StatusClaim) else None,
        "same state in the status ontology",
    )
    return group_findings(candidates, incident, subject, attribute, _state_key, _compatible_states), agreements


def _state_key(c: ClaimBase) -> str:
    """The state a side of a finding gives ('not_fired'), as its values are told apart."""
    return c.state.key() if isinstance(c, StatusClaim) else ""


def _one_event(alignment: EventAlignment, a: EventKey, b: EventKey) -> bool:
    return a == b or frozenset((a, b)) in alignment.aligned


def _compatible_states(a: ClaimBase, b: ClaimBase) -> bool:
    """States one account can hold together ('placed on leave' and 'pushed to resign'), so they
    form one side of a finding."""
    if not isinstance(a, StatusClaim) or not isinstance(b, StatusClaim):
        return False
    return STATE_CONFLICTS.conflict(a.state, b.state, aligned=False, phrases=True) is None
