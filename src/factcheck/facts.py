"""Pairwise findings → one finding per fact, and corroborations from independent sources only.

Comparison (the compare package) finds pairs of values in conflict ("27" against "28"). A reader asks
about a fact ("how old is he?"), so the pairs of one incident, subject and attribute become one
finding with every value side by side. This stage reads only the findings and the claims they
cite, so it holds whatever rules the compare package uses to pair claims.

A fact finding's id depends on the fact alone (subject and attribute), so a source that adds a
value keeps the id; the values a review decided on are recorded with it, and a value added since
reopens the review. Decisions recorded against the old pair ids still apply (`pairs`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from factcheck.attribution import attributed_to, speaker_keys
from factcheck.models import (
    AgeClaim,
    ClaimBase,
    ClaimRef,
    Corroboration,
    DateClaim,
    FactValue,
    Finding,
    FindingPair,
    Group,
    Person,
    QuantityClaim,
    Relative,
    Report,
    RoleClaim,
    Severity,
    StatusClaim,
    parse_who,
    stable_id,
)

MAX_CLAIMS = 10  # evidence a finding cites up front; every claim stays in `values`
SEVERITY_ORDER = {"contradiction": 0, "divergence": 1}
# Claim kinds whose values depend on who measures or counts: two named speakers giving two figures
# (two agencies' magnitudes, police against organisers' counts) explain the difference.
MEASURED_KINDS = ("quantity",)


def value_key(claim: ClaimBase | None, ref: ClaimRef) -> str:
    """A value as reviews record it: the same for every wording of it ('27', '2020-02-14', 'fired')."""
    if isinstance(claim, AgeClaim):
        return str(claim.value)
    if isinstance(claim, QuantityClaim):
        hedge = "" if claim.qualifier == "exact" else f"{claim.qualifier} "
        return " ".join(f"{hedge}{claim.number:g} {claim.unit} {claim.direction or ''}".split())
    if isinstance(claim, DateClaim):
        if claim.date is not None:
            return claim.date.isoformat() if claim.precision != "year" else str(claim.date.year)
        if claim.month_day is not None:
            return f"--{claim.month_day.key()}"
        return f"--{claim.year}" if claim.year is not None else claim.expression.lower()
    if isinstance(claim, StatusClaim):
        state = claim.state.key()
        return state if claim.modality in ("asserted", "negated") else f"{state} ({claim.modality})"
    if isinstance(claim, RoleClaim):
        return claim.display_value().lower()
    return ref.value


def speaker_label(key: str | None) -> str | None:
    """How the report names a speaker key: 'p:vahid aliyev' → 'Vahid Aliyev'."""
    if not key:
        return None
    speaker = parse_who(key)
    if speaker is None:
        return key  # a label already ('the organisers')
    if isinstance(speaker, Person):  # a person: names are capitalised
        return " ".join(w[:1].upper() + w[1:] for w in speaker.name.split())
    if isinstance(speaker, Relative):
        return " ".join(w[:1].upper() + w[1:] for w in speaker.key()[2:].split())
    return speaker.noun if isinstance(speaker, Group) else speaker.name  # 'org:police' → 'police'


def _in_sentence(ref: ClaimRef, claim: ClaimBase | None) -> str:
    """A value as it reads inside a sentence: 'About 300 people' that opened one is 'about 300 people';
    a date as a day ('Saturday 5 June 2021'), with the words only when they are not a date already
    ('Friday 14 February 2020 (on Friday)')."""
    value = ref.value
    if isinstance(claim, QuantityClaim) and claim.value_start == claim.start and value[:2].istitle():
        return value[:1].lower() + value[1:]
    if isinstance(claim, DateClaim) and claim.precision != "year":
        words = "" if any(ch.isdigit() for ch in claim.expression) else f" ({claim.expression})"
        if claim.date is not None:
            return f"{claim.date.strftime('%A')} {claim.date.day} {claim.date.strftime('%B %Y')}{words}"
        if claim.month_day is not None:
            return f"{claim.month_day.day} {claim.month_day.leap_date().strftime('%B')}, no year given{words}"
    return value


def who(ref: ClaimRef) -> str | None:
    """Who a claim is credited to: the speaker extraction resolved, else who its sentence names."""
    return speaker_label(ref.speaker) or ref.attributed


def _with_attribution(ref: ClaimRef, claim: ClaimBase | None) -> ClaimRef:
    if ref.speaker or claim is None or claim.start != ref.start:
        return ref
    found = attributed_to(claim.quote, claim.value_start - claim.start, claim.value_end - claim.start)
    return ref.model_copy(update={"attributed": found}) if found else ref


def plural(count: int, noun: str, many: str | None = None) -> str:
    """'1 finding', '2 findings', '1 discrepancy', '3 discrepancies'."""
    if count == 1:
        return f"{count} {noun}"
    if many is None:
        many = noun[:-1] + "ies" if noun.endswith("y") and noun[-2:-1] not in "aeiou" else noun + "s"
    return f"{count} {many}"


def join_words(words: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _representatives(values: list[FactValue]) -> list[ClaimRef]:
    """Up to ten claims: one per value and source first (round robin over values), then more."""
    rounds: list[list[ClaimRef]] = []
    for v in values:
        firsts: dict[str, ClaimRef] = {}
        for ref in v.claims:
            firsts.setdefault(ref.source, ref)
        rest = [r for r in v.claims if firsts.get(r.source) is not r]
        rounds.append(list(firsts.values()) + rest)
    out: list[ClaimRef] = []
    seen: set[str] = set()
    depth = 0
    while len(out) < MAX_CLAIMS and any(depth < len(r) for r in rounds):
        for r in rounds:
            if depth < len(r) and r[depth].claim_id not in seen and len(out) < MAX_CLAIMS:
                out.append(r[depth])
                seen.add(r[depth].claim_id)
        depth += 1
    return out


def _mark_odd(values: list[FactValue]) -> None:
    """The odd ones: values fewer sources give than the one most sources give; all when none leads."""
    counts = sorted((len(v.sources) for v in values), reverse=True)
    leader = counts[0] if len(counts) < 2 or counts[0] > counts[1] else None
    for v in values:
        v.odd = leader is None or len(v.sources) < leader


def explain_values(values: list[FactValue], label: Mapping[str, str]) -> str:
    """The values in English: 'VICE gives 27, OC Media 28'; 'A and B give 5, C 7 and 8'."""
    groups: list[tuple[list[str], list[FactValue]]] = []  # values given by exactly the same sources
    for v in values:
        if groups and groups[-1][0] == v.sources:
            groups[-1][1].append(v)
        else:
            groups.append((v.sources, [v]))
    parts = []
    for n, (sources, given) in enumerate(groups):
        verb = ("gives " if len(sources) == 1 else "give ") if n == 0 else ""
        if len({tuple(v.speakers) for v in given}) == 1:  # one attribution for them all, said once
            said = join_words([v.value for v in given]) + _according(given[0].speakers)
        else:
            said = join_words([v.value + _according(v.speakers) for v in given])
        parts.append(f"{join_words([label.get(s, s) for s in sources])} {verb}{said}")
    return ", ".join(parts)


def _according(speakers: list[str]) -> str:
    return f" (according to {join_words(speakers)})" if speakers else ""


def _names(ref: ClaimRef, claim: ClaimBase | None) -> frozenset[str]:
    """The names a claim's speaker goes by: its label, and the words its sentence credits, which
    keep what a resolved key dropped ('org:civil protection agency' said 'the Valmora Civil ...')."""
    labels = [label] if (label := who(ref)) else []
    if claim is not None and ref.speaker:
        labels += [
            w for w in [attributed_to(claim.quote, claim.value_start - claim.start, claim.value_end - claim.start)] if w
        ]
    return frozenset().union(*(speaker_keys(label) for label in labels))


def _credited_twice(values: list[FactValue], claims: Mapping[str, ClaimBase]) -> str | None:
    """The speaker credited with two of the values ('the U.S. Geological Survey' said 6.1 in one
    source and 5.9 in another), named as the first source that credits it names it; else None."""
    names = [[(label, _names(r, claims.get(r.claim_id))) for r in v.claims if (label := who(r))] for v in values]
    for i, one in enumerate(names):
        for label, keys in one:
            if any(keys & other for later in names[i + 1 :] for _, other in later):
                return label
    return None


def _speakers_explain(values: list[FactValue], kinds: set[str], claims: Mapping[str, ClaimBase]) -> bool:
    """Different figures from different named speakers: attribution explains the difference."""
    if not kinds or not kinds <= set(MEASURED_KINDS):
        return False
    # One speaker under two names ('the U.S. Geological Survey', 'USGS') credited with two figures
    # explains nothing: compare the names each speaker goes by.
    named = [frozenset().union(*(_names(r, claims.get(r.claim_id)) for r in v.claims)) for v in values]
    if not all(named) or not all(all(who(r) for r in v.claims) for v in values):
        return False
    return all(not (a & b) for i, a in enumerate(named) for b in named[i + 1 :])


def _fact_id(subject: str, attribute: str, incident: str, clash: bool, part: int = 0) -> str:
    return stable_id("F-", subject, attribute, *([incident] if clash else []), *([part] if part else []))


def group_facts(
    findings: Iterable[Finding],
    claims: Mapping[str, ClaimBase],
    label: Mapping[str, str],
    part_of: Mapping[str, int] | None = None,
) -> list[Finding]:
    """One finding per fact: the pairwise findings of one incident, subject and attribute merged,
    every value side by side with its sources, speakers and evidence. `claims` gives the claims
    by id (for value keys and kinds), `label` the name a source is shown by (its outlet). `part_of`:
    the part of its incident each source is compared in (Incident.parts): facts of two parts, two
    times, are two findings."""
    groups: dict[tuple[str, int, str, str], list[Finding]] = defaultdict(list)
    for f in findings:
        part = (part_of or {}).get(f.claims[0].source, 0) if f.claims else 0
        groups[(f.incident, part, f.subject, f.attribute)].append(f)
    # One fact in two incidents names its incident in its id; in two parts of one incident it does not,
    # and part 0 keeps the id it had before a follow-up joined (a decision recorded on it still applies).
    per_fact: dict[tuple[str, str], set[str]] = defaultdict(set)
    for incident, _part, subject, attribute in groups:
        per_fact[(subject, attribute)].add(incident)
    out = []
    for (incident, part, subject, attribute), pairs in groups.items():
        refs: dict[str, ClaimRef] = {}
        anchors: list[ClaimRef] = []
        pair_models = []
        for p in sorted(pairs, key=lambda f: f.id):
            keys = []
            for ref in p.claims:
                if ref.claim_id in claims or ":" not in ref.claim_id:
                    refs.setdefault(ref.claim_id, _with_attribution(ref, claims.get(ref.claim_id)))
                    keys.append(value_key(claims.get(ref.claim_id), ref))
                elif all(a.claim_id != ref.claim_id for a in anchors):
                    anchors.append(ref)  # the sentence a relative date counts from
            pair_models.append(
                FindingPair(id=p.id, severity=p.severity, values=sorted(set(keys)), explanation=p.explanation)
            )
        by_key: dict[str, list[ClaimRef]] = defaultdict(list)
        for ref in sorted(refs.values(), key=lambda r: (r.source, r.start, r.claim_id)):
            by_key[value_key(claims.get(ref.claim_id), ref)].append(ref)
        # A day without its year ('July 5') and that day in full ('5 July 2021') are one account.
        for key in [k for k in by_key if k.startswith("--")]:
            full = [k for k in by_key if not k.startswith("--") and k.endswith(key[1:])]
            if len(full) == 1:
                by_key[full[0]] = sorted(by_key[full[0]] + by_key.pop(key), key=lambda r: (r.source, r.start))
        values = []
        for key, members in by_key.items():
            sources = list(dict.fromkeys(r.source for r in members))
            speakers = list(dict.fromkeys(s for r in members if (s := who(r))))
            shown = min((_in_sentence(r, claims.get(r.claim_id)) for r in members), key=lambda v: (len(v), v))
            values.append(FactValue(value=shown, key=key, sources=sources, speakers=speakers, claims=members))
        # Most sources first, then in the order the sources are listed.
        values.sort(key=lambda v: (-len(v.sources), v.sources[0], v.key))
        _mark_odd(values)
        kinds = {getattr(claims.get(r.claim_id), "kind", "") for r in refs.values()} - {""}
        severity: Severity = min((p.severity for p in pairs), key=SEVERITY_ORDER.__getitem__)
        explanation = explain_values(values, label)
        if severity == "contradiction" and _speakers_explain(values, kinds, claims):
            severity = "divergence"
            explanation += ": different speakers give different figures, so both accounts may hold"
        elif kinds <= {"status", "role", "cause"}:
            first = min(pair_models, key=lambda p: (SEVERITY_ORDER[p.severity], p.id))
            explanation += f": {first.explanation}"
        elif severity == "contradiction":
            explanation += ": these cannot all be true" if len(values) > 2 else ": these cannot both be true"
            if kinds <= set(MEASURED_KINDS) and (twice := _credited_twice(values, claims)):
                explanation += f" (more than one of them credited to {twice})"
        else:
            explanation += ": the figures differ in specifics"
        representatives = _representatives(values)
        representatives += [a for a in anchors if len(representatives) < MAX_CLAIMS][
            : MAX_CLAIMS - len(representatives)
        ]
        if len(representatives) < 2:  # cannot happen with pairs of distinct claims; keep what the pairs cited
            representatives = [ref for p in pairs for ref in p.claims][:MAX_CLAIMS]
        out.append(
            Finding(
                id=_fact_id(subject, attribute, incident, len(per_fact[(subject, attribute)]) > 1, part),
                severity=severity,
                incident=incident,
                subject=subject,
                attribute=attribute,
                explanation=explanation,  # it opens with a source's name, written as the source writes it
                claims=representatives,
                values=values,
                pairs=pair_models,
            )
        )
    out.sort(key=lambda f: (SEVERITY_ORDER[f.severity], f.incident, f.subject, f.attribute, f.id))
    return out


def copies(texts: Mapping[str, str], threshold: float = 0.6, least: int = 3) -> dict[str, str]:
    """Sources that copy another (most of their long lines, and at least `least`, are in it): source →
    the one it copies. Two copies of one wire story are one source, not two that corroborate each other."""
    lines = {
        sid: {" ".join(line.split()).lower() for line in text.splitlines() if len(line.split()) >= 8}
        for sid, text in texts.items()
    }
    owner: dict[str, str] = {}
    seen: dict[str, list[str]] = defaultdict(list)  # line → sources having it, for a linear scan
    for sid in sorted(lines):
        shared: dict[str, int] = defaultdict(int)
        for line in lines[sid]:
            for other in seen[line]:
                shared[other] += 1
            seen[line].append(sid)
        for other, n in sorted(shared.items()):
            if n >= least and n / min(len(lines[sid]), len(lines[other])) >= threshold:
                owner[sid] = owner.get(other, other)
                break
    return owner


def independent_corroborations(
    corroborations: Iterable[Corroboration], findings: list[Finding], copy_of: Mapping[str, str]
) -> list[Corroboration]:
    """Corroborations by at least two independent sources: never a source with itself or its copy,
    each set of claims once, and a fact also in a finding says so."""
    disputed = {(f.incident, f.subject, f.attribute): f.id for f in findings}
    out: list[Corroboration] = []
    seen: set[frozenset[str]] = set()
    for c in corroborations:
        origins = {copy_of.get(r.source, r.source) for r in c.claims}
        ids = frozenset(r.claim_id for r in c.claims)
        if len(origins) < 2 or ids in seen:
            continue
        seen.add(ids)
        c.independent_sources = len(origins)
        c.disputed_by = disputed.get((c.incident, c.subject, c.attribute))
        out.append(c)
    return out


def with_value_spans(report: Report, claims: Mapping[str, ClaimBase]) -> None:
    """Give every cited claim the place of its value in the quote, for the report to mark it."""
    refs = [r for f in report.discrepancies for v in f.values for r in v.claims]
    refs += [r for f in report.discrepancies for r in f.claims]
    refs += [r for c in report.corroborations for r in c.claims] + report.single_source + report.background
    for ref in refs:
        claim = claims.get(ref.claim_id)
        if claim is not None and claim.start == ref.start:
            ref.value_start, ref.value_end = claim.value_start - claim.start, claim.value_end - claim.start
