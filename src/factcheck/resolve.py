"""Mentions → entities across sources (incidents are grouped in `factcheck.incidents`).

People's names are matched loosely enough for transliterations. Within an incident, people named
in several sources become one entity, and an unnamed role ("his 20-year-old partner") joins the
named person with the same role, relation and age.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from functools import cache

from rapidfuzz import fuzz

from factcheck.lexicons import load_lexicon
from factcheck.models import (
    AgeClaim,
    ClaimsFile,
    Entity,
    EntityRef,
    Group,
    Person,
    Relative,
    Unmerged,
    WhoModel,
    stable_id,
)
from factcheck.models import Party as Party

TRANSLITERATION = [("kh", "h"), ("q", "g"), ("w", "v"), ("y", "i"), ("ph", "f"), ("tz", "ts"), ("j", "dj"),
                   ("dzh", "dj"), ("ou", "u"), ("ee", "i")]  # fmt: skip

_MARKS = str.maketrans("", "", "’'`.")  # apostrophes and dots, dropped
_DOUBLE = re.compile(r"(.)\1")  # a doubled letter, written once


@cache
def fold(name: str) -> str:
    """A name with accents, apostrophes and common transliteration differences folded away.

    >>> fold("Pashinyan") == fold("Pashinian"), fold("Vaqifqizi") == fold("Vagifgizi")
    (True, True)
    """
    if name.isascii():  # no accent to strip: NFKD leaves ASCII as it is (the gazetteer's 34,000 names)
        text = name.lower()
    else:
        text = unicodedata.normalize("NFKD", name.replace("ə", "a").replace("Ə", "A").replace("ı", "i"))
        text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.translate(_MARKS)
    for a, b in TRANSLITERATION:
        if a in text:
            text = text.replace(a, b)
    return _DOUBLE.sub(r"\1", text) if _DOUBLE.search(text) else text


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
    return [e for e in cf.entities if isinstance(e.who, Person) and e.name]


STOPWORDS = frozenset(load_lexicon("stopwords")["stopwords"])


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

    def party(self, source: str, who: WhoModel) -> Party:
        """Who a source's person or relative is across the incident: its entity; groups and
        organisations as they are."""
        if isinstance(who, Person | Relative):
            gid = self.local.get((source, who.key()))
            return EntityRef(id=gid) if gid is not None else Unmerged(source=source, who=who)
        return who

    def entity_key(self, source: str, entity_id: str) -> str:
        """The shared id of a source's entity."""
        return self.local.get((source, entity_id), f"{source}#{entity_id}")

    def label(self, party: Party) -> str:
        """How the report names a party: the entity's label, 'the couple' for a group."""
        if isinstance(party, EntityRef) and party.id in self.entities:
            return self.entities[party.id].label
        if isinstance(party, Group):
            return "the " + party.noun
        return party.who.key() if isinstance(party, Unmerged) else party.key()


def resolve_entities(files: list[ClaimsFile]) -> EntityMap:
    """Merge the people of the sources of one incident."""
    emap = EntityMap()
    ages: dict[tuple[str, str], set[int]] = defaultdict(set)
    for cf in files:
        for claim in cf.claims:
            if isinstance(claim, AgeClaim):
                ages[(cf.source.id, claim.subject.key())].add(claim.value)
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
                owner = emap.entity_key(sid, e.relation_of)
                emap.entities[emap.local[(sid, e.id)]].relation_of = owner
    # Unnamed roles: join a named person with the same role, owner and a compatible age.
    for cf in files:
        sid = cf.source.id
        for e in cf.entities:
            if not isinstance(e.who, Relative) or not e.roles:
                continue
            role_owner = emap.entity_key(sid, e.relation_of) if e.relation_of else None
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
