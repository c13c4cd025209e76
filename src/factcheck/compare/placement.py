"""Where a named place lies, as sources tell it: one source's "Ganton in Borduria" against
another's "Ganton on the Elbonian coast".

Two sources that put one town in two places disagree on a fact a reader can check. A town's
name may be borne by several places, so the rule asks the gazetteer: it is a contradiction only
when one source's container is a country or region the gazetteer puts the town in and the other
source's is one it does not ("Ganton, Borduria" against "Ganton, Elbonia", with the only Ganton
known in Borduria). Two containers the gazetteer allows both (a name borne in two countries) or
neither say nothing: precision first.
"""

from __future__ import annotations

from collections import defaultdict

from factcheck.compare.groups import Pending, group_findings, keyed
from factcheck.extract.placement import RULE, countries_of
from factcheck.models import ClaimBase, ClaimsFile, PlaceClaim, Severity


def fits(claim: PlaceClaim) -> bool | None:
    """Whether the gazetteer puts the place where the claim does: True, False, or None when it
    knows too little (a container with no countries)."""
    inside = countries_of(claim.within[0])
    if not inside:
        return None
    return bool(countries_of(claim.key) & inside)


def _value(claim: ClaimBase) -> str:
    assert isinstance(claim, PlaceClaim)  # only placements with a container reach a finding
    return claim.within[0]


def compare_placements(incident: str, files: list[ClaimsFile]) -> list[Pending]:
    """Findings on where named places lie: a placement the gazetteer rules out against another
    source's placement of the same place that it confirms."""
    by_place: dict[str, list[tuple[PlaceClaim, bool]]] = defaultdict(list)
    for cf in files:
        for c in cf.claims:
            if isinstance(c, PlaceClaim) and c.rule == RULE and c.within:
                verdict = fits(c)
                if verdict is not None:
                    by_place[c.key].append((c, verdict))
    pending: list[Pending] = []
    for key, placed in sorted(by_place.items()):
        candidates: list[tuple[Severity, str, ClaimBase, ClaimBase]] = []
        for wrong, ok in placed:
            if ok:
                continue
            for right, ok_right in placed:
                if ok_right and right.source != wrong.source:
                    why = f"'{wrong.expression}' against '{right.expression}': the gazetteer has it in the second"
                    candidates.append(("contradiction", why, wrong, right))
        if candidates:
            subject = candidates[0][2].subject_text
            found = group_findings(candidates, incident, subject, "where it lies", _value)
            pending += keyed(found, f"placement@{key}")
    return pending
