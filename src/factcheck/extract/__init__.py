"""Sentences → claims: run every extractor over a source and give each claim a stable id."""

from __future__ import annotations

from factcheck.extract.ages import extract_ages
from factcheck.extract.carried import CARRIED, extract_carried
from factcheck.extract.causes import extract_causes
from factcheck.extract.context import build_context
from factcheck.extract.dates import extract_dates
from factcheck.extract.entities import proper_names
from factcheck.extract.holders import extract_holders
from factcheck.extract.open_claims import extract_open
from factcheck.extract.placement import extract_placements
from factcheck.extract.places import extract_places
from factcheck.extract.quantities import extract_quantities
from factcheck.extract.roles import extract_roles
from factcheck.extract.slots import extract_events
from factcheck.extract.status import extract_status
from factcheck.extract.window import MAX_EVIDENCE, narrow
from factcheck.models import ClaimBase, ClaimsFile, DateClaim, Document, claim_id
from factcheck.segment import segment
from factcheck.text.collector import paused_gc
from factcheck.text.dates import page_time


def _narrow_evidence(claim: ClaimBase, text: str) -> None:
    """Cut an over-long 'sentence' (a paragraph without full stops) to the clauses around the value."""
    if claim.end - claim.start <= MAX_EVIDENCE:
        return
    claim.start, claim.end = narrow(text, claim.start, claim.end, claim.value_start, claim.value_end)
    claim.quote = text[claim.start : claim.end]


def extract_claims(document: Document) -> ClaimsFile:
    """All claims of one source, in text order, each with its evidence and a stable id.

    Run with the cycle collector paused (and left as it was found): the claims, frames and
    look-up tables of one source live until it is done and make next to no cycles (about two
    thousand collectable objects for a 1 MB source), but their millions of objects set off
    collections that walk them all again and again, a fifth of the time on a claim-dense source."""
    with paused_gc():
        return _extract_claims(document)


def _extract_claims(document: Document) -> ClaimsFile:
    sentences = segment(document)
    ctx = build_context(document, sentences)
    claims: list[ClaimBase] = []
    dates: list[DateClaim] = []
    for sentence in sentences:
        if page_time(sentence.text):
            dates = []
            continue  # the page's time stamp: no claim, and no day for "a day later" to count from
        carried = [] if sentence.furniture else extract_carried(ctx, sentence, dates)
        # Dates run on furniture too (a dateline sets the context) but yield no claims there.
        dates = extract_dates(ctx, sentence)
        if sentence.furniture:
            continue
        claims.extend(carried)
        listed = [
            *extract_ages(ctx, sentence),
            *extract_roles(ctx, sentence),
            *extract_holders(ctx, sentence),
            *extract_status(ctx, sentence),
            *extract_quantities(ctx, sentence),
            *dates,
        ]
        claims.extend(extract_open(ctx, sentence, listed))
        claims.extend(extract_places(ctx, sentence))
        claims.extend(extract_placements(ctx, sentence))
        claims.extend(extract_events(ctx, sentence))
        claims.extend(extract_causes(ctx, sentence))
    for claim in claims:
        if claim.rule != CARRIED:  # a lent time's evidence is cut around the time and the event both
            _narrow_evidence(claim, document.text)
    claims.sort(key=lambda c: (c.start, c.value_start, c.value_end, c.kind, c.subject.key()))  # type: ignore[attr-defined]
    seen: dict[str, int] = {}
    for claim in claims:
        base = claim_id(claim, claim.display_value())
        n = seen.get(base, 0)
        seen[base] = n + 1
        claim.id = base if n == 0 else f"{base}-{n}"
    entities = sorted(ctx.people.entities.values(), key=lambda e: e.id)
    return ClaimsFile(
        source=document.source,
        sentences=len(sentences),
        entities=entities,
        names=proper_names(sentences),
        year=ctx.story_year,
        claims=claims,
        text=document.text if document.source.format == "html" else None,
    )


__all__ = ["extract_claims"]
