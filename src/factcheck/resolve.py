"""Mentions → entities across sources, and sources → incidents.

Two sources report one incident when they share the people it is about (a full name, matched
loosely enough for transliterations) or enough of its distinctive proper names. Within an
incident, people named in several sources become one entity, and an unnamed role ("his
20-year-old partner") joins the named person with the same role, relation and age.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
import re
import unicodedata
from collections import defaultdict
from functools import cache

from rapidfuzz import fuzz

from factcheck.lexicons import load_lexicon
from factcheck.models import AgeClaim, ClaimsFile, Entity, Incident, stable_id

TRANSLITERATION = [("kh", "h"), ("q", "g"), ("w", "v"), ("y", "i"), ("ph", "f"), ("tz", "ts"), ("j", "dj"),
                   ("dzh", "dj"), ("ou", "u"), ("ee", "i")]  # fmt: skip


@cache
def fold(name: str) -> str:
    """A name with accents, apostrophes and common transliteration differences folded away.

    >>> fold("Pashinyan") == fold("Pashinian"), fold("Vaqifqizi") == fold("Vagifgizi")
    (True, True)
    """
    text = unicodedata.normalize("NFKD", name.replace("ə", "a").replace("Ə", "A").replace("ı", "i"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[’'`.]", "", text)
    for a, b in TRANSLITERATION:
        text = text.replace(a, b)
    return re.sub(r"(.)\1", r"\1", text)


@cache
def same_person(a: str, b: str) -> bool:
    """Whether two full names name one person: surnames alike, given names (if both) alike."""
    pa, pb = fold(a).split(), fold(b).split()
    if not pa or not pb:
        return False
    if fuzz.ratio(pa[-1], pb[-1]) < 85:
        return False
    if len(pa) > 1 and len(pb) > 1:
        return bool(
            fuzz.ratio(pa[0], pb[0]) >= 80
            or (pa[0][0] == pb[0][0] and min(len(pa[0]), len(pb[0])) <= 2)
            or _skeleton(pa[0]) == _skeleton(pb[0])
        )
    return True


def _skeleton(given: str) -> str:
    """Consonants of a given name, with Russian g for h: Mahammad and Magomed are one name.
    Three consonants at least, so short names do not collide."""
    consonants = re.sub(r"[aeiou]", "", given.replace("g", "h"))
    return consonants if len(consonants) >= 3 else given


def _people(cf: ClaimsFile) -> list[Entity]:
    return [e for e in cf.entities if e.id.startswith("p:") and e.name]


STOPWORDS = frozenset(load_lexicon("stopwords")["stopwords"])
TERM = re.compile(r"[^\W\d_][\w'’-]{2,}|\d+(?:[.,]\d+)*")
# Average similarity above which two groups of sources are one incident. Tuned on the ecbplus
# corpus (two similar events per topic) and the shared gold clusters; see docs/quality.md.
LINK_THRESHOLD = 0.06
# Sharing a named person adds up to this much to the similarity of two sources.
PERSON_BONUS = 0.1
# Sources published further apart than this are never one incident.
MAX_SPAN_DAYS = 7
CANDIDATE_DF = 40


def term_vector(text: str) -> dict[str, int]:
    """Counts of the content words and numbers of a text (stop words left out)."""
    counts: dict[str, int] = {}
    for m in TERM.finditer(text):
        word = m.group(0).lower().replace("’", "'")
        if word not in STOPWORDS:
            counts[word] = counts.get(word, 0) + 1
    return counts


def _tfidf(vectors: list[dict[str, int]], copies: list[int]) -> list[dict[str, float]]:
    """Unit-length TF-IDF weights; vector i stands for copies[i] sources in the counts."""
    n = sum(copies)
    df: dict[str, int] = defaultdict(int)
    for v, k in zip(vectors, copies, strict=True):
        for term in v:
            df[term] += k
    weighted = []
    for v in vectors:
        w = {t: (1 + math.log(c)) * math.log((n + 1) / df[t]) for t, c in v.items()}
        norm = math.sqrt(sum(x * x for x in w.values())) or 1.0
        weighted.append({t: x / norm for t, x in w.items() if x > 0})
    return weighted


def _named(cf: ClaimsFile) -> list[tuple[str, int]]:
    """A source's named people and how often it mentions each (worked out once per source)."""
    return [(e.name, len(e.mentions)) for e in _people(cf) if e.name]


def _shared_people(a: list[tuple[str, int]], b: list[tuple[str, int]]) -> float:
    score = 0.0
    for name_a, mentions_a in a:
        for name_b, mentions_b in b:
            if same_person(name_a, name_b):
                score += min(mentions_a, mentions_b, 5)
    return min(score, 5.0) / 5.0


def source_similarities(files: list[ClaimsFile], texts: list[str], copies: list[int] | None = None,
                        ) -> dict[tuple[int, int], float]:  # fmt: skip
    """Similarity of the pairs of sources worth comparing: TF-IDF cosine of their words plus a
    bonus for named people they share. Pairs are found through the terms they share that are
    not common in the folder, so unrelated sources are never compared.

    copies[i] is how many sources have the text of source i, 0 for a repeat of an earlier one: a
    repeated text is compared once, and (i, i) in the result says its copies share a term that is
    not common, so they are candidates to each other."""
    copies = copies or [1] * len(files)
    weights = _tfidf([term_vector(t) if k else {} for t, k in zip(texts, copies, strict=True)], copies)
    postings: dict[str, list[int]] = defaultdict(list)
    for i, w in enumerate(weights):
        for term in w:
            postings[term].append(i)
    # A term in more than CANDIDATE_DF sources is too common to make two of them candidates (it
    # still counts in their cosine); below it, every pair sharing a term is compared. A fixed limit
    # keeps the pairs, and so the time, growing with the folder, not with its square.
    limit = CANDIDATE_DF
    pairs: set[tuple[int, int]] = set()
    for members in postings.values():
        if sum(copies[i] for i in members) > limit:
            continue
        pairs.update((i, i) for i in members if copies[i] > 1)
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                pairs.add((members[x], members[y]))
    sims: dict[tuple[int, int], float] = {}
    named = [_named(cf) for cf in files]
    for i, j in sorted(pairs):
        if not _may_be_one_incident(files[i], files[j]):
            continue  # published too far apart ever to merge: not worth scoring
        wa, wb = weights[i], weights[j]
        if len(wa) > len(wb):
            wa, wb = wb, wa
        # Only shared terms add to the dot product; skipping the others leaves the sum unchanged.
        cosine = sum([x * wb[t] for t, x in wa.items() if t in wb])
        sims[(i, j)] = cosine + PERSON_BONUS * _shared_people(named[i], named[j])
    return sims


def _may_be_one_incident(a: ClaimsFile, b: ClaimsFile) -> bool:
    """Whether two sources could report one incident by their dates: published at most
    MAX_SPAN_DAYS apart where both are dated."""
    da, db = a.source.published, b.source.published
    return da is None or db is None or abs((da - db).days) <= MAX_SPAN_DAYS


def group_incidents(files: list[ClaimsFile], texts: list[str]) -> list[Incident]:
    """Average-linkage clustering of sources into incidents.

    Two groups merge while the mean similarity of their sources is above LINK_THRESHOLD and
    their publication dates (where known) span at most MAX_SPAN_DAYS. Average linkage, unlike
    connected components, does not chain two similar events together through one bridging article.
    """
    # Sources with one text and date (wire copies, mirrors) start as one group and are compared
    # once: the mean similarity of two groups is the same as if every copy had been compared.
    first: dict[tuple[str, dt.date | None], int] = {}
    members: dict[int, list[int]] = {}
    for i, (cf, text) in enumerate(zip(files, texts, strict=True)):
        members.setdefault(first.setdefault((text, cf.source.published), i), []).append(i)
    copies = [len(members.get(i, ())) for i in range(len(files))]
    sims = source_similarities(files, texts, copies)
    for r in [r for r, group in members.items() if len(group) > 1 and (r, r) not in sims]:
        members.update({i: [i] for i in members[r]})  # copies that were never candidates stay apart
    sims = {(i, j): value for (i, j), value in sims.items() if i != j}
    dates: dict[int, list[dt.date]] = {i: [d] if (d := files[i].source.published) else [] for i in members}
    total: dict[int, dict[int, float]] = defaultdict(dict)
    for (i, j), value in sims.items():
        value *= len(members[i]) * len(members[j])  # every copy of i against every copy of j
        total[i][j] = value
        total[j][i] = value
    version = dict.fromkeys(members, 0)
    heap: list[tuple[float, int, int, int, int]] = []

    def push(a: int, b: int) -> None:
        a, b = min(a, b), max(a, b)
        mean = total[a][b] / (len(members[a]) * len(members[b]))
        if mean >= LINK_THRESHOLD:
            heapq.heappush(heap, (-mean, a, b, version[a], version[b]))

    for i, j in sims:
        push(i, j)
    while heap:
        _, a, b, va, vb = heapq.heappop(heap)
        if a not in members or b not in members or version[a] != va or version[b] != vb:
            continue
        span = dates[a] + dates[b]
        if span and (max(span) - min(span)).days > MAX_SPAN_DAYS:
            continue
        # Merge b into a.
        members[a] += members.pop(b)
        dates[a] = span
        for k, value in total.pop(b).items():
            total[k].pop(b, None)
            if k == a:
                continue
            total[a][k] = total[a].get(k, 0.0) + value
            total[k][a] = total[a][k]
        total[a].pop(b, None)
        version[a] += 1
        for k in sorted(total[a]):
            push(a, k)
    incidents = []
    for group in sorted(members.values(), key=lambda m: min(files[i].source.id for i in m)):
        ids = sorted(files[i].source.id for i in group)
        label = incident_label([files[i] for i in group])
        incidents.append(Incident(id=stable_id("I-", ids[0]), label=label, sources=ids))
    return incidents


def incident_label(files: list[ClaimsFile]) -> str:
    counts: dict[str, int] = defaultdict(int)
    names: dict[str, str] = {}
    for cf in files:
        for e in _people(cf):
            assert e.name is not None
            key = fold(e.name).split()[-1]
            counts[key] += len(e.mentions)
            names.setdefault(key, e.name)
    top = sorted(counts, key=lambda k: (-counts[k], k))[:2]
    if top:
        return ", ".join(names[k] for k in top)
    title = next((cf.source.title for cf in files if cf.source.title), None)
    return title or files[0].source.id


class EntityMap:
    """Local entity keys of each source → entities shared across the sources of an incident."""

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        self.local: dict[tuple[str, str], str] = {}

    def global_key(self, source: str, local: str) -> str:
        """The shared key for a local key, also inside compound keys ('detain:hours@p:x')."""
        if (source, local) in self.local:
            return self.local[(source, local)]
        if "@" in local:
            head, _, tail = local.partition("@")
            return f"{head}@{self.global_key(source, tail)}"
        if local.startswith("g:") or ":" not in local or not local.startswith(("p:", "r:")):
            return local
        return self.local.get((source, local), f"{source}#{local}")

    def label(self, key: str) -> str:
        if key in self.entities:
            return self.entities[key].label
        if "@" in key:
            return self.label(key.partition("@")[2])
        if key.startswith("g:"):
            return "the " + key[2:]
        return key.split("#")[-1]


def resolve_entities(files: list[ClaimsFile]) -> EntityMap:
    """Merge the people of the sources of one incident."""
    emap = EntityMap()
    ages: dict[tuple[str, str], set[int]] = defaultdict(set)
    for cf in files:
        for claim in cf.claims:
            if isinstance(claim, AgeClaim):
                ages[(cf.source.id, claim.subject)].add(claim.value)
    clusters: list[tuple[str, list[tuple[str, Entity]]]] = []  # (name, members)
    for cf in files:
        for e in _people(cf):
            assert e.name is not None
            for name, members in clusters:
                if same_person(name, e.name):
                    members.append((cf.source.id, e))
                    break
            else:
                clusters.append((e.name, [(cf.source.id, e)]))
    for _name, members in clusters:
        # The longest form of the name is the label ("Ravan Nasimi" over "Nasimi").
        best = max((e.name or "" for _, e in members), key=lambda s: (len(s.split()), len(s), s))
        gid = stable_id("E-", fold(best))
        merged = Entity(id=gid, name=best, label=best)
        for sid, e in members:
            emap.local[(sid, e.id)] = gid
            merged.sources.append(sid)
            merged.mentions.extend(e.mentions)
            merged.roles.extend(r for r in e.roles if r not in merged.roles)
            merged.ages.extend(sorted(ages.get((sid, e.id), set())))
        emap.entities[gid] = merged
    for _name, members in clusters:
        for sid, e in members:
            if e.relation_of:
                owner = emap.global_key(sid, e.relation_of)
                emap.entities[emap.local[(sid, e.id)]].relation_of = owner
    # Unnamed roles: join a named person with the same role, owner and a compatible age.
    for cf in files:
        sid = cf.source.id
        for e in cf.entities:
            if not e.id.startswith("r:") or not e.roles:
                continue
            role_owner = emap.global_key(sid, e.relation_of) if e.relation_of else None
            role_ages = ages.get((sid, e.id), set())
            match = None
            for gid, g in sorted(emap.entities.items()):
                if (
                    e.roles[0] in g.roles
                    and g.relation_of == role_owner
                    and role_owner is not None
                    and (not role_ages or not g.ages or role_ages & set(g.ages))
                ):
                    match = gid
                    break
            if match is None:
                gid = stable_id("E-", f"{e.roles[0]}@{role_owner}")
                if gid not in emap.entities:
                    role_owner_label = emap.entities[role_owner].label if role_owner in emap.entities else "someone"
                    emap.entities[gid] = Entity(id=gid, label=f"{role_owner_label}'s {e.roles[0]}", roles=[e.roles[0]],
                                                relation_of=role_owner)  # fmt: skip
                match = gid
            merged = emap.entities[match]
            emap.local[(sid, e.id)] = match
            if sid not in merged.sources:
                merged.sources.append(sid)
            merged.mentions.extend(e.mentions)
            merged.ages.extend(sorted(role_ages - set(merged.ages)))
    for entity in emap.entities.values():
        entity.sources = sorted(set(entity.sources))
        entity.mentions.sort(key=lambda m: (m.source, m.start))
        entity.ages = sorted(set(entity.ages))
    return emap
