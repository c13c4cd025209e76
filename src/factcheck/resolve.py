"""Mentions → entities across sources, and sources → incidents.

Two sources report one incident when they share the people it is about (a full name, matched
loosely enough for transliterations) or enough of its distinctive proper names. Within an
incident, people named in several sources become one entity, and an unnamed role ("his
20-year-old partner") joins the named person with the same role, relation and age.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict

from rapidfuzz import fuzz

from factcheck.models import AgeClaim, ClaimsFile, Entity, Incident, stable_id

TRANSLITERATION = [("kh", "h"), ("q", "g"), ("w", "v"), ("y", "i"), ("ph", "f"), ("tz", "ts"), ("j", "dj"),
                   ("dzh", "dj"), ("ou", "u"), ("ee", "i")]  # fmt: skip


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


def same_person(a: str, b: str) -> bool:
    """Whether two full names name one person: surnames alike, given names (if both) alike."""
    pa, pb = fold(a).split(), fold(b).split()
    if not pa or not pb:
        return False
    if fuzz.ratio(pa[-1], pb[-1]) < 85:
        return False
    if len(pa) > 1 and len(pb) > 1:
        return bool(fuzz.ratio(pa[0], pb[0]) >= 80 or pa[0][0] == pb[0][0] and min(len(pa[0]), len(pb[0])) <= 2)
    return True


def _people(cf: ClaimsFile) -> list[Entity]:
    return [e for e in cf.entities if e.id.startswith("p:") and e.name]


def similarity(a: ClaimsFile, b: ClaimsFile, name_idf: dict[str, float]) -> tuple[float, float]:
    """(shared people, shared other names) between two sources, each weighted by salience."""
    people = 0.0
    for ea in _people(a):
        for eb in _people(b):
            if ea.name and eb.name and same_person(ea.name, eb.name):
                people += min(len(ea.mentions), len(eb.mentions), 5)
    names = 0.0
    for name, count in a.names.items():
        if name in b.names:
            names += name_idf.get(name, 0.0) * min(count, b.names[name], 3)
    return people, names


def group_incidents(files: list[ClaimsFile]) -> list[Incident]:
    """Connected groups of sources that share the people or the distinctive names of a story."""
    n = len(files)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    doc_freq: dict[str, int] = defaultdict(int)
    for cf in files:
        for name in cf.names:
            doc_freq[name] += 1
    # A name in every source of a big folder tells nothing; in a pair of sources, it tells a lot.
    name_idf = {name: math.log((n + 1) / df) for name, df in doc_freq.items()}
    blocks: dict[str, set[int]] = defaultdict(set)
    for i, cf in enumerate(files):
        for e in _people(cf):
            assert e.name is not None
            blocks["p:" + fold(e.name).split()[-1][:4]].add(i)
        for name in cf.names:
            blocks["n:" + name].add(i)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) > 200:
            continue  # a name this common cannot decide anything
        ordered = sorted(members)
        for x in range(len(ordered)):
            for y in range(x + 1, len(ordered)):
                pairs.add((ordered[x], ordered[y]))
    for i, j in sorted(pairs):
        people, names = similarity(files[i], files[j], name_idf)
        da, db = files[i].source.published, files[j].source.published
        far_apart = da is not None and db is not None and abs((da - db).days) > 45
        if far_apart and people < 6:
            continue
        if people >= 4 or people >= 2 and names >= 2.0 or names >= 4.0:
            parent[find(i)] = find(j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[find(i)].append(i)
    incidents = []
    for members in sorted(groups.values(), key=lambda m: min(files[i].source.id for i in m)):
        ids = sorted(files[i].source.id for i in members)
        label = _incident_label([files[i] for i in members])
        incidents.append(Incident(id=stable_id("I-", *ids[:1]), label=label, sources=ids))
    return incidents


def _incident_label(files: list[ClaimsFile]) -> str:
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
            owner = emap.global_key(sid, e.relation_of) if e.relation_of else None
            role_ages = ages.get((sid, e.id), set())
            match = None
            for gid, g in sorted(emap.entities.items()):
                if e.roles[0] in g.roles and g.relation_of == owner and owner is not None and (
                    not role_ages or not g.ages or role_ages & set(g.ages)
                ):
                    match = gid
                    break
            if match is None:
                gid = stable_id("E-", f"{e.roles[0]}@{owner}")
                if gid not in emap.entities:
                    owner_label = emap.entities[owner].label if owner in emap.entities else "someone"
                    emap.entities[gid] = Entity(id=gid, label=f"{owner_label}'s {e.roles[0]}", roles=[e.roles[0]],
                                                relation_of=owner)  # fmt: skip
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
