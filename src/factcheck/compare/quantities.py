"""Counts, amounts and durations of one fact as intervals, and what a figure is about."""

from __future__ import annotations

from collections import defaultdict

from factcheck.compare.align import tally
from factcheck.compare.figures import part_of_whole, same_fact, vague_holds
from factcheck.compare.groups import Agreement, Pending, agree_by_value, group_findings, pairs
from factcheck.models import ClaimBase, Figure, Incident, Party, QuantityClaim, Severity, with_owner
from factcheck.resolve import EntityMap

# A listed figure across the sources of an incident: what it counts (without its owner), whose it
# is, and the other time it is about ('2003', 'earlier').
FigureKey = tuple[Figure, Party | None, str | None]


def figure_order(item: tuple[FigureKey, list[QuantityClaim]]) -> tuple[str, str]:
    """Figures in the order of their keys, then of their times: the order findings are made in."""
    (figure, owner, hint), _ = item
    return with_owner(figure.head(), owner), hint or ""


def compare_quantities(
    claims: list[QuantityClaim],
    incident: str,
    subject: str,
    attribute: str,
) -> tuple[list[Pending], list[Agreement]]:
    candidates: list[tuple[Severity, str, ClaimBase, ClaimBase]] = []

    def different_speakers(a: ClaimBase, b: ClaimBase) -> bool:
        # Within one article, two figures for one fact matter when two people give them.
        return a.speaker != b.speaker

    told = figures_told(claims)
    for a, b in pairs(list(claims), different_speakers):
        assert isinstance(a, QuantityClaim)
        assert isinstance(b, QuantityClaim)
        if tally(a) != tally(b):
            continue  # "9 so far" and "4 when the crane fell": a running tally and one event's figure
        if not same_fact(a, b):
            continue  # "$3 million salary" and "$363 million in the till": what they count differs
        if part_of_whole(a, b):
            continue  # part of a count ("278 of them") may agree with another source, never contradict one
        if a.unit == "magnitude" and abs(a.number - b.number) > 1.0:
            continue  # reports of one quake differ by tenths; a whole point apart is another quake
        if a.number == b.number:
            if a.direction and b.direction and a.direction != b.direction:
                candidates.append(
                    ("contradiction", f"the same distance, but {a.direction} against {b.direction}", a, b)
                )
            continue
        if a.source != b.source and {_told(a), _told(b)} <= told[a.source] & told[b.source]:
            continue  # each source gives both figures ('seven X and four X'): two facts, told alike
        a_low, a_high = a.low if a.low is not None else float("-inf"), a.high if a.high is not None else float("inf")
        b_low, b_high = b.low if b.low is not None else float("-inf"), b.high if b.high is not None else float("inf")
        if a_high < b_low or b_high < a_low:
            candidates.append(("contradiction", f"'{a.expression}' and '{b.expression}' cannot both be true", a, b))
        elif (a.qualifier == "exact") != (b.qualifier == "exact") or vague_holds(a, b):
            continue  # "284" lies within "nearly 300": an approximation of the same figure, not a conflict
        else:
            candidates.append(("divergence", f"'{a.expression}' against '{b.expression}': different figures", a, b))
    agreements = agree_by_value(
        claims,
        incident,
        subject,
        attribute,
        _figure,
        "same figure",
    )
    return group_findings(candidates, incident, subject, attribute, _quantity_value, _consistent_figures), agreements


def _told(c: QuantityClaim) -> tuple[float, str]:
    return c.number, c.unit


def figures_told(claims: list[QuantityClaim]) -> dict[str, set[tuple[float, str]]]:
    """The figures (number, unit) each source gives of one listed fact. Two sources that each give
    both of two figures ('three fines of $500 and eight fines of $200') tell two facts alike; the
    conflict, if any, lies within each, never between them (as copies.each_tells_both). One
    source's figure against the other's list still counts ('eight fines' against 'three fines of
    $500 and eight ...')."""
    told: dict[str, set[tuple[float, str]]] = defaultdict(set)
    for c in claims:
        told[c.source].add(_told(c))
    return told


def _figure(c: ClaimBase) -> str | None:
    """A figure as agreements compare it: the number, its unit and (for a distance) its direction."""
    return f"{c.number:g} {c.unit} {c.direction or ''}".strip() if isinstance(c, QuantityClaim) else None


def _consistent_figures(a: ClaimBase, b: ClaimBase) -> bool:
    """Same figure, or an exact figure inside the other's approximation ('284', 'nearly 300')."""
    if not isinstance(a, QuantityClaim) or not isinstance(b, QuantityClaim):
        return False
    if a.direction != b.direction:
        return False
    if a.number == b.number:
        return True
    if (a.qualifier == "exact") == (b.qualifier == "exact"):
        return False
    exact, approx = (a, b) if a.qualifier == "exact" else (b, a)
    low = approx.low if approx.low is not None else float("-inf")
    high = approx.high if approx.high is not None else float("inf")
    return low <= exact.number <= high


def _quantity_value(c: ClaimBase) -> str:
    if not isinstance(c, QuantityClaim):
        return ""
    return f"{c.qualifier} {c.number:g} {c.unit}" + (f" {c.direction}" if c.direction else "")


def unattributed_agreements(
    quantities: dict[FigureKey, list[QuantityClaim]], incident: Incident, emap: EntityMap
) -> list[Agreement]:
    """A duration said of nobody in particular ("and sentenced to 30 days") agrees with the same
    duration said of the one person the incident has it for."""
    out: list[Agreement] = []
    for (figure, owner, hint), loose in sorted(quantities.items(), key=figure_order):
        if owner is not None:
            continue
        owned = [(o, claims) for (f, o, h), claims in quantities.items() if (f, h) == (figure, hint) and o is not None]
        if len(owned) != 1:
            continue
        who, claims = owned[0]
        role = f"{figure.role}:" if figure.role is not None else ""  # 'attack:agents': 'agents:people (attack)'
        attribute = f"{role}{figure.unit} ({figure.measured()})"
        for ag in agree_by_value(
            [*claims, *loose],
            incident.id,
            emap.label(who),
            attribute,
            _figure,
            "same figure",
        ):
            if any(c in loose for c in ag.claims) and any(c in claims for c in ag.claims):
                out.append(ag)
    return out


QUANTITY_EVENTS = {
    "detain": "detained", "kill": "killed", "injure": "injured", "release": "released", "attack": "attacked",
    "sentence": "in the sentence", "deliberate": "of deliberation", "evacuate": "evacuated", "gather": "gathered",
    "damage": "damaged", "shelter": "without shelter", "pay": "paid", "fund": "raised", "seize": "found or seized",
    "strike": "of the quake", "aftershock": "of the aftershock", "contract": "of the contract", "score": "scored",
    "employ": "employed", "salary": "earned", "count": "counted",
}  # fmt: skip


def quantity_fact(figure: Figure) -> tuple[str, str]:
    """What a figure is about and what it measures, as a reader says it: ('the incident', 'number of
    people detained'), ('the quake', 'magnitude'), ('the incident', 'amount paid in cash (USD)')."""
    kind, role, unit = figure.event or "count", figure.role or "", figure.unit
    verb = QUANTITY_EVENTS.get(kind, kind)
    if unit == "magnitude":
        return ("the aftershock" if kind == "aftershock" else "the quake"), "magnitude"
    if unit in ("kilometres", "miles"):
        return "the incident", figure.counted()  # "distance from X"
    if kind in ("pay", "fund", "seize", "salary"):
        part = f" in {role}" if role in ("cash", "stock") else f" ({role})" if role else ""
        return "the incident", f"amount {verb}{part} ({unit})"
    if unit in ("days", "hours", "minutes"):
        return "the incident", f"time {verb} ({unit})"
    if role == "agents":
        return "the incident", f"number of {unit} who {verb}"  # "twenty men beat him": the attackers
    return "the incident", f"number of {unit} {verb}"
