"""Sources → incidents: an event signature per source, and a grouping that keeps similar events apart.

Shared words make two sources candidates for one incident; their event signatures decide. A
signature says where the main event is (places, the dateline), when (the publication date, else
the story's own dates and years), who it is about (people, organisations) and what kind of event it
is (earthquake, arrest, ...). A conflict counts against grouping: two earthquakes in two places, one
man detained twice a year apart, an undated report whose figures all differ from a dated one's
(another magnitude, another toll). Sentences about another event (another year, "last year") are the
source's background: they are left out of its signature and its words.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

import numpy as np
from rapidfuzz import fuzz, process

from factcheck.compare.agree import PAGE_EVENTS
from factcheck.extract.context import CLAUSE_JOIN
from factcheck.extract.mentions import noun_lemma
from factcheck.extract.open_claims import AGENT_NOUN, PERSON_NOUNS
from factcheck.models import (
    ClaimBase,
    ClaimsFile,
    DateClaim,
    EventSignature,
    GroupingDecision,
    Incident,
    IncidentLink,
    MonthDay,
    SignatureName,
    SourceProfile,
    stable_id,
)
from factcheck.resolve import fold, incident_label
from factcheck.signature import CLASS_WORDS, FOLLOW_UPS, YEAR, event_signature, looks_ahead, signature_profile
from factcheck.text.collector import paused_gc
from factcheck.text.dates import MONTH_NAMES

__all__ = ["event_signature", "group_incidents", "grouping_decision", "other_times_marked", "signature_profile"]

Profile = SourceProfile

# --- the weights of the grouping, tuned on the odd ECB+ topics (benchmarks/grouping.py) --------
LINK_THRESHOLD = 0.06  # mean similarity above which two groups of sources are one incident
UNDATED_FACTOR = 4.0  # a group with no time of its own joins a dated one only this much more similar
PERSON_BONUS = 0.1  # sharing a named person
PLACE_BONUS = 0.05  # sharing the main place
CONFLICT = 0.15  # each conflict: the main person, the main place or the event class of each is absent from the other
TOP = 3  # a main person or place among the other source's this many most named is no conflict
CAST = 2  # sources sharing this many named people have the same cast
CAST_SHARE = 0.5  # a group without time joins a dated one at the usual threshold when this share of pairs share a cast
NEWS_CYCLE_DAYS = 3  # dated groups whose dates all lie this close are reports of one news cycle ...
NEWS_CYCLE_FACTOR = 0.5  # ... and join on this share of the usual evidence: the time agrees as well as words
MAX_SPAN_DAYS = 60  # dated sources further apart are never one incident (coverage of one runs for weeks)
FOLLOW_UP_DAYS = 800  # but a follow-up (charges, a trial) may come this long before or after them
BACKGROUND_MATCH = 0.15  # a source whose background reads this much like another source is not its incident
IDF_SMOOTH = 1.0  # added inside the log of the IDF: words every source of a small folder uses still count
MIN_COSINE = 0.04  # pairs sharing fewer words than this are not compared (they count as 0 in the means)
PEOPLE = frozenset({"people", "person", "persons"})  # the plain count of people, beside the person nouns
WEEKDAY_EVENTS = 2  # events both date on other weekdays that set two stories apart: one is a discrepancy
LISTED = 2  # a source giving more values than this for one figure lists several things, not one fact
SMALL_WHOLE = 100  # whole numbers below this recur by chance among one story's figures (yards, points)
MISREAD_SCALE = (1e3, 1e6, 1e9)  # '$200' against '$200 million': one figure read without its scale word
REASONS = {
    "person": "another main person",
    "place": "another main place",
    "event": "another main event",
    "figures": "other figures for the same counts (one has no date to compare)",
    "weekday": "another weekday for the same event (one has no date to compare)",
}

# --- pairs ------------------------------------------------------------------------------------


def _tfidf(vectors: list[dict[str, int]], copies: list[int], extra: Sequence[dict[str, int]] = ()
           ) -> tuple[list[dict[str, float]], list[dict[str, float]]]:  # fmt: skip
    """Unit-length TF-IDF weights; vector i stands for copies[i] sources in the counts. `extra`
    vectors (backgrounds) are weighted by the same document frequencies without adding to them."""
    n = sum(copies)
    df: dict[str, int] = defaultdict(int)
    for v, k in zip(vectors, copies, strict=True):
        for term in v:
            df[term] += k

    # Each term's IDF once, not once per vector that holds it: the same products, so the same weights.
    idf = {t: math.log(IDF_SMOOTH + (n + 1) / (k + 1)) for t, k in df.items()}
    unseen = math.log(IDF_SMOOTH + (n + 1) / 1)  # a background term no main story holds

    def weigh(v: dict[str, int]) -> dict[str, float]:
        w = {t: (1 + math.log(c)) * idf.get(t, unseen) for t, c in v.items()}
        norm = math.sqrt(sum(x * x for x in w.values())) or 1.0
        return {t: x / norm for t, x in w.items() if x > 0}

    return [weigh(v) for v in vectors], [weigh(v) for v in extra]


def _candidates(weights: list[dict[str, float]], copies: list[int]) -> dict[tuple[int, int], float]:
    """The pairs of sources worth comparing and their cosine: at least MIN_COSINE, computed as one
    sparse matrix product (scipy), so a folder of a thousand sources takes a few milliseconds.
    (i, i) stands for the copies of a repeated text, which share every term."""
    from scipy import sparse  # here, not at the top: a process that only extracts never loads it (0.08 s)

    df: dict[str, int] = defaultdict(int)
    for w in weights:
        for term in w:
            df[term] += 1
    vocab: dict[str, int] = {}
    for term, n in df.items():
        if n >= 2:  # a term of one source adds nothing to any product
            vocab[term] = len(vocab)
    rows: list[int] = []
    cols: list[int] = []
    values: list[float] = []
    for i, w in enumerate(weights):
        for term, x in w.items():
            col = vocab.get(term)
            if col is not None:
                rows.append(i)
                cols.append(col)
                values.append(x)
    matrix = sparse.csr_matrix((values, (rows, cols)), shape=(len(weights), max(1, len(vocab))), dtype=np.float64)
    product = sparse.triu(matrix @ matrix.T, k=1).tocoo()
    out: dict[tuple[int, int], float] = {}
    for i, k in enumerate(copies):
        if k > 1 and weights[i]:
            out[(i, i)] = 1.0
    cosines = np.round(product.data, 6)  # stable to 6 places whatever the order of the sums
    keep = cosines >= MIN_COSINE
    for i, c, value in zip(product.row[keep].tolist(), product.col[keep].tolist(), cosines[keep].tolist(), strict=True):
        out[(i, c)] = value
    return dict(sorted(out.items()))


def _cosine(wa: dict[str, float], wb: dict[str, float]) -> float:
    if len(wa) > len(wb):
        wa, wb = wb, wa
    # Only shared terms add to the dot product; skipping the others leaves the sum unchanged.
    return sum([x * wb[t] for t, x in wa.items() if t in wb])


def _shared_people(a: dict[str, int], b: dict[str, int]) -> tuple[float, int]:
    """How much two sources share named people (0 to 1, by mentions), and how many they share;
    people are matched by folded surname, which absorbs transliterations."""
    if len(a) > len(b):
        a, b = b, a
    common = [k for k in a if k in b]
    if not common:
        return 0.0, 0
    return min(sum(min(a[k], b[k], 5) for k in common), 5) / 5.0, len(common)


def conflicts(a: Profile, b: Profile, memo: dict[tuple[str, int], bool] | None = None, ia: int = -1, ib: int = -2
              ) -> list[str]:  # fmt: skip
    """What sets two sources' events apart: each one's main person, main place or kind of event
    that the other never names. `memo` keeps whether source `ia` or `ib` names a person."""
    out = []
    x, y = a.main_person, b.main_person
    if x and y and x != y and not (_names_person(b, x, memo, ib) or _names_person(a, y, memo, ia)):
        out.append("person")
    if a.main_place and b.main_place and a.main_place != b.main_place and _place_apart(a, b):
        out.append("place")
    x, y = a.main_predicate, b.main_predicate
    if x and y and x != y and not (names_class(b, x) or names_class(a, y)):
        out.append("event")
    return out


def names_class(p: Profile, cls: str) -> bool:
    """Whether a source names a kind of event at all: a word of the class anywhere in its text, not
    only among its main kinds. A short report's main kind hangs on one or two words ('the title
    role' reads as sport, 'named as the new coach' as an appointment), so the other report's main
    kind is set against everything a source says, not against its own main kinds."""
    return cls in p.signature.predicates or not CLASS_WORDS[cls].isdisjoint(p.vocabulary)


FigureKey = tuple[str, str, str | None, str | None]  # SignatureFigure.fact(): unit, event, role, anchor
Facts = tuple[dict[FigureKey, frozenset[float]], dict[str, frozenset[str]]]


def story_facts(p: Profile) -> Facts:
    """A source's figures by SignatureFigure.fact() (unit, event, role, anchor) and its events'
    weekdays, the page's own dates left out."""
    figures = {f.fact(): frozenset(f.values) for f in p.figures}
    weekdays = {e: frozenset(days) for e, days in p.event_weekdays.items() if e not in PAGE_EVENTS}
    return figures, weekdays


def facts_conflict(a: Facts, b: Facts) -> str | None:
    """What sets two stories' facts apart, for sources whose times cannot be compared (one has no
    date of its own): every figure both give differs ('a 4.4 magnitude quake' against 4.6), or every
    event both date falls on another weekday. A source listing many values of one figure (offers
    of several clubs) states no one fact, so such a figure alone is no conflict. Nor is one count of
    people alone: how many were detained, killed or hurt is what reports of one event most often
    disagree on (the discrepancy the report is for), so it takes a second figure that differs too.
    An amount one source gives that the other gives too, for another verb of its story ('stealing
    $2.6 million' against 'valued at $2.6 million' beside a background theft of '$2 million'), is
    the same figure, not another."""
    (fa, wa), (fb, wb) = a, b
    shared = fa.keys() & fb.keys()
    if (
        _states_a_fact(shared)
        and not any(_given(fa[k], fb, k) or _given(fb[k], fa, k) for k in shared)
        and any(len(fa[k]) <= LISTED and len(fb[k]) <= LISTED for k in shared)
    ):
        return "figures"
    dated = wa.keys() & wb.keys()
    if len(dated) >= WEEKDAY_EVENTS and not any(wa[e] & wb[e] for e in dated):
        return "weekday"
    return None


def figures_agree(a: Facts, b: Facts) -> bool:
    """Whether two stories give the same figures: every figure both give has a value in common,
    and they share a figure that is not a count of people, or two figures ('a fee of €40m')."""
    fa, fb = a[0], b[0]
    shared = fa.keys() & fb.keys()
    return (
        _states_a_fact(shared)
        and all(len(fa[k]) <= LISTED and len(fb[k]) <= LISTED for k in shared)
        and all(any(_same_figure(x, y) for x in fa[k] for y in fb[k]) for k in shared)
    )


def _given(values: frozenset[float], other: dict[FigureKey, frozenset[float]], key: FigureKey) -> bool:
    """Whether the other source gives one of these values for the figure `key`, or, for an amount
    that is not a small whole number, for another figure of the same unit: the same amount told
    with another verb. Small whole numbers (yards, points, a count of people) recur by chance in
    one story's many figures, and a listed figure (several values) states no one fact."""
    if any(_same_figure(x, y) for x in values for y in other.get(key, ())):
        return True
    unit = key[0]
    if counts_people(unit) or len(values) > LISTED:
        return False
    amounts = [x for x in values if not (float(x).is_integer() and abs(x) < SMALL_WHOLE)]
    return any(_same_figure(x, y) for k, ys in other.items() if k[0] == unit and len(ys) <= LISTED
               for x in amounts for y in ys)  # fmt: skip


def _states_a_fact(shared: set[tuple[str, str, str | None, str | None]]) -> bool:
    """Whether the figures two stories both give say which event it is: two of them, or one that
    is not a count of people (how many were hurt is what reports of one event disagree on)."""
    return len(shared) > 1 or any(not counts_people(unit) for unit, *_ in shared)


def counts_people(unit: str) -> bool:
    """Whether a figure counts people: 'people', a person noun ('villagers', 'protesters')."""
    singular = noun_lemma(unit.lower())
    return singular in PEOPLE or singular in PERSON_NOUNS or AGENT_NOUN.match(singular) is not None


def _same_figure(x: float, y: float) -> bool:
    """Equal, or one read without its scale word ('$200' and '$200 million')."""
    if x == y:
        return True
    low, high = sorted((abs(x), abs(y)))
    return low > 0 and any(math.isclose(high, low * k, rel_tol=1e-9) for k in MISREAD_SCALE)


def _place_apart(a: Profile, b: Profile) -> bool:
    """Whether two sources' main places are different places: neither source names the other's main
    place, nor a place in its country (a city and its country are not a conflict)."""
    x, y = a.main_place, b.main_place
    assert x is not None
    assert y is not None
    return not (_names_place(b, x, a.main_place_countries) or _names_place(a, y, b.main_place_countries))


def _names_place(p: Profile, place: str, countries: frozenset[str]) -> bool:
    """Whether a source names a place, or another place in the same country."""
    return place in p.vocabulary or bool(countries & p.countries)


def _names_person(p: Profile, surname: str, memo: dict[tuple[str, int], bool] | None = None, index: int = -1
                  ) -> bool:  # fmt: skip
    """Whether a source names a person by this folded surname, allowing for spelling variants."""
    if surname in p.vocabulary:
        return True
    key = (surname, index)
    if memo is not None and key in memo:
        return memo[key]
    found = process.extractOne(surname, list(p.surnames), scorer=fuzz.ratio, score_cutoff=85) is not None
    if memo is not None:
        memo[key] = found
    return found


def _times_conflict(da: dt.date | None, db: dt.date | None, ya: int | None, yb: int | None,
                    follow_up: bool = False) -> bool:  # fmt: skip
    """time_conflict on two sources' days and (for those without one) the years they name;
    `follow_up` when one of them tells a follow-up (charges, a trial)."""
    if da and db:
        return abs((da - db).days) > (FOLLOW_UP_DAYS if follow_up else MAX_SPAN_DAYS)
    if da and yb:
        return yb > da.year
    if db and ya:
        return ya > db.year
    return False


def time_conflict(a: EventSignature, b: EventSignature) -> bool:
    """Whether two sources' stories cannot be at one time: dates too far apart, or an undated source
    that names a year later than the other's date."""
    return not times_agree(
        [d for s in (a, b) if (d := _day(s))],
        [s.year for s in (a, b) if s.year and s.time_basis in ("text-year", "month-day")],
    )


def times_agree(
    dates: list[dt.date], years: list[int], inferred: Sequence[dt.date] = (), inferred_years: Sequence[int] = (),
    follow: Sequence[dt.date] = (),
) -> bool:  # fmt: skip
    """Whether the times of a group's sources fit one event: its dates within MAX_SPAN_DAYS, and no
    undated source naming a year later than the dates (a story is not older than what it names).
    `inferred` are the days of undated sources that recall another story as last year's (a year
    after it): they count as dates, and another undated source whose latest year (in `years`) is
    before them tells the earlier story, not theirs. `inferred_years` are the latest years those
    recalling sources name themselves: often the earlier story's year, which they recall, so they
    only count against the dates as any undated source's year does. `follow` are the days of
    follow-up sources (charges, a trial: signature.FOLLOW_UPS) the group would take in: the other
    dates must still fit MAX_SPAN_DAYS among themselves, and all of them together, follow-ups
    included, FOLLOW_UP_DAYS, since such news comes months or a year or two from the event."""
    if inferred and years and min(years) < min(inferred).year:
        return False
    dates = [*dates, *inferred]
    years = [*years, *inferred_years]
    if dates and (max(dates) - min(dates)).days > MAX_SPAN_DAYS:
        return False
    if follow:  # follow-ups (charges, a trial) come months after the event, or a trial before its verdict
        dates = [*dates, *follow]
        if (max(dates) - min(dates)).days > FOLLOW_UP_DAYS:
            return False
    return not (dates and years and max(years) > max(dates).year)


def _one_news_cycle(dates: list[dt.date]) -> bool:
    """Whether dates all lie within NEWS_CYCLE_DAYS: reports of one news cycle."""
    return bool(dates) and (max(dates) - min(dates)).days <= NEWS_CYCLE_DAYS


def _days_fit(dates: list[dt.date], month_days: list[frozenset[MonthDay]], size: int) -> bool:
    """Whether most members of an undated group (of `size`) name a day of the year near
    the dates of a dated group: one such member may be a coincidence of seasons."""
    if not dates:
        return False
    first, last = min(dates), max(dates)
    fitting = sum(1 for mds in month_days if _day_near(mds, first, last))
    return fitting * 2 > size


def _days_apart(dated: _Group, undated: _Group) -> bool:
    """Whether an undated group names days of the year (on December 9) and none of them lies near
    a dated group's dates: its own text sets its story at another time (_far_day, for groups)."""
    own = dated.dates + dated.follow + dated.inferred
    if not own or undated.timed or not undated.month_days:
        return False
    return not any(_day_near(mds, min(own), max(own)) for mds in undated.month_days)


def _years_fit(dated: _Group, years: list[int], size: int) -> bool:
    """Whether most members of an undated group (of `size`) are set in a year of a dated group's
    dates: the year its own text gives its story (a year after the dates cannot be one incident)."""
    own = {d.year for d in dated.dates + dated.follow + dated.inferred}
    return bool(own) and sum(1 for y in years if y in own) * 2 > size


def _day_near(month_days: Iterable[MonthDay], first: dt.date, last: dt.date) -> bool:
    """Whether one of the days of the year a source names lies near the dates first..last."""
    return any(_near_dates(md, first, last) for md in month_days)


@cache
def _near_dates(md: MonthDay, first: dt.date, last: dt.date) -> bool:
    for year in (first.year - 1, first.year, last.year, last.year + 1):
        try:
            d = md.in_year(year)
        except ValueError:
            continue
        if (first - d).days <= MAX_SPAN_DAYS and (d - last).days <= MAX_SPAN_DAYS:
            return True
    return False


def _far_day(a: EventSignature, b: EventSignature) -> str | None:
    """Why two sources' times cannot be one incident's when one is dated and the other names only
    days of the year ('on December 9'), each more than MAX_SPAN_DAYS from the date in every year
    near it: the days an undated story names in its own text are its event's time."""
    da, db = _day(a), _day(b)
    if (da is None) == (db is None):
        return None
    day, other = (da, b) if da else (db, a)
    assert day is not None
    if other.month_days and not _day_near(other.month_days, day, day):
        named = ", ".join(f"{MONTH_NAMES[md.month - 1]} {md.day}" for md in other.month_days[:2])
        return f"another time (the day named, {named}, far from {day.isoformat()})"
    return None


def _time_reason(a: EventSignature, b: EventSignature) -> str:
    da, db = _day(a), _day(b)
    if da and db:
        return f"another time ({da.isoformat()} and {db.isoformat()})"
    dated, other = (a, b) if da else (b, a)
    day = _day(dated)
    return f"another time (a year named, {other.year}, after {day.isoformat() if day else 'the date'})"


def _follows(p: Profile) -> bool:
    """Whether a dated source tells a follow-up of an event (its main kind is charges or a trial, or
    its headline and first sentences tell one: the profile's `tells_follow_up`), which comes months
    or a year or two after it; a repeat ('detained again') is a new event."""
    if p.repeat or _day(p.signature) is None:
        return False
    return p.main_predicate in FOLLOW_UPS or p.tells_follow_up


def _day(s: EventSignature) -> dt.date | None:
    if s.published:
        return s.published
    return s.dates[-1] if s.dates else None


def _looks_back_on(a: Profile, background: dict[str, float], b: Profile, weights: dict[str, float]) -> bool:
    """Whether undated source a looks back on dated source b's event: a's background sentences
    ('last year, 25 people were detained') read like b's story."""
    return (
        bool(background)
        and _day(a.signature) is None
        and _day(b.signature) is not None
        and _cosine(background, weights) > BACKGROUND_MATCH
    )


@dataclass
class Pairs:
    """Similarity of the candidate pairs of sources, and what each pair shares."""

    sims: dict[tuple[int, int], float]
    weights: list[dict[str, float]]
    cast: set[tuple[int, int]]  # pairs that share CAST named people or more, or (one undated) their figures
    inferred: dict[int, dt.date]  # undated sources that recall a dated story as last year's: a year later
    notes: dict[tuple[int, int], tuple[float, list[str]]]  # each candidate pair's cosine and what sets it apart
    follow_only: set[tuple[int, int]] = field(default_factory=set)  # pairs at two times, a follow-up's and its event's


def similarities(profiles: Sequence[Profile], copies: list[int], follows: Sequence[bool]) -> Pairs:
    """Similarity of the pairs worth comparing: TF-IDF cosine of their main story's words, a bonus
    for a named person and the main place they share, a penalty for each conflict. Pairs are found
    through terms they share that are not common in the folder; pairs whose times conflict are left
    out (they never merge). `follows`: whether each source tells a follow-up (_follows)."""
    weights, extra = _tfidf(
        [p.terms if k else {} for p, k in zip(profiles, copies, strict=True)],
        copies,
        [p.background_terms if k else {} for p, k in zip(profiles, copies, strict=True)]
        + [p.year_back_terms if k else {} for p, k in zip(profiles, copies, strict=True)],
    )
    backgrounds, year_back = extra[: len(profiles)], extra[len(profiles) :]
    cosines = _candidates(weights, copies)
    sims: dict[tuple[int, int], float] = {}
    cast: set[tuple[int, int]] = set()
    inferred: dict[int, dt.date] = {}

    notes: dict[tuple[int, int], tuple[float, list[str]]] = {}
    days = [_day(p.signature) for p in profiles]
    years = [s.year if s.year and s.time_basis in ("text-year", "month-day") else None for s in
             (p.signature for p in profiles)]  # fmt: skip
    names: dict[tuple[str, int], bool] = {}  # (surname, source) → whether the source names the person
    facts = [story_facts(p) for p in profiles]
    follow_only: set[tuple[int, int]] = set()
    for (i, j), value in cosines.items():
        a, b = profiles[i], profiles[j]
        if i != j and not (follows[i] or follows[j]) and (far := _far_day(a.signature, b.signature)):
            notes[(i, j)] = (value, [far])
            continue
        if i != j and _times_conflict(days[i], days[j], years[i], years[j]):
            if _times_conflict(days[i], days[j], years[i], years[j], follows[i] or follows[j]):
                notes[(i, j)] = (value, [_time_reason(a.signature, b.signature)])
                continue
            follow_only.add((i, j))
        for x, y, wy in ((i, j, weights[j]), (j, i, weights[i])):
            day = days[y]
            if year_back[x] and day and days[x] is None and _cosine(year_back[x], wy) > BACKGROUND_MATCH:
                later = day + dt.timedelta(days=365)  # x recalls y's event as last year's
                inferred[x] = max(inferred.get(x, later), later)
        if (backgrounds[i] and days[i] is None and days[j] is not None
                and _cosine(backgrounds[i], weights[j]) > BACKGROUND_MATCH) or (
                backgrounds[j] and days[j] is None and days[i] is not None
                and _cosine(backgrounds[j], weights[i]) > BACKGROUND_MATCH):  # fmt: skip
            # One looks back on the other's story: its background reads like the other.
            notes[(i, j)] = (value, ["one looks back on the other's story as an earlier event"])
            continue
        apart = conflicts(a, b, names, i, j)
        if (days[i] is None) != (days[j] is None):
            if fact := facts_conflict(facts[i], facts[j]):
                apart.append(fact)
            elif figures_agree(facts[i], facts[j]):
                cast.add((i, j))  # the same figures stand for the time one of them cannot give
        notes[(i, j)] = (value, [REASONS[what] for what in apart])
        people, shared = _shared_people(a.named, b.named)
        value += PERSON_BONUS * people
        if shared >= CAST:
            cast.add((i, j))
        if a.main_place and a.main_place == b.main_place:
            value += PLACE_BONUS
        if len(apart) >= 2:  # another place and another person (or kind of event): another event
            continue
        value -= CONFLICT * len(apart)
        sims[(i, j)] = value
    if inferred:  # a source placed a year after another: no longer similar to that one's time
        for key in [k for k in sims if k[0] in inferred or k[1] in inferred]:
            for x, other in (key, key[::-1]):
                day = _day(profiles[other].signature)
                if x in inferred and day and abs((inferred[x] - day).days) > MAX_SPAN_DAYS:
                    sims.pop(key, None)
    return Pairs(sims, weights, cast, inferred, notes, follow_only & sims.keys())


# --- grouping ---------------------------------------------------------------------------------


@dataclass
class _Group:
    members: list[int]
    dates: list[dt.date]
    years: list[int]  # the latest year each undated member names, but those in `inferred`
    month_days: list[frozenset[MonthDay]]  # the days of the year each member without a date names
    follow: list[dt.date]  # dates of members that tell a follow-up (charges, a trial): see FOLLOW_UP_DAYS
    inferred: list[dt.date]  # dates of members that recall a dated story as last year's (a year after it)
    inferred_years: list[int]  # the latest year each of those members names (often the recalled story's)
    repeat: bool  # an undated member tells of a repeat ('detained again')
    people: set[str]  # the main people of its members (folded surnames)
    published: int  # how many members have a publication date

    @property
    def timed(self) -> bool:
        """Whether some member says when: a date, or a year its text names."""
        return bool(self.dates or self.inferred or self.follow)

    @property
    def says_when(self) -> bool:
        """Whether the group's time is its own: a member's publication date, or a day told by at least
        half of its members. A day one of many undated stories names in its text ('on 6 December',
        in one of eight) dates the group no better than none: an undated group is weighed against it
        as against any undated group."""
        return self.timed and (self.published > 0 or 2 * (len(self.dates) + len(self.follow) + len(self.inferred))
                               >= len(self.members))  # fmt: skip


def _group_time_conflict(a: _Group, b: _Group, follow_ups: bool = True) -> bool:
    """Whether two groups' times cannot be one incident's; without `follow_ups`, a follow-up's date
    counts as any other (one time)."""
    dates, follow = a.dates + b.dates, a.follow + b.follow
    if not follow_ups:
        dates, follow = dates + follow, []
    return not times_agree(dates, a.years + b.years, a.inferred + b.inferred, a.inferred_years + b.inferred_years,
                           follow)  # fmt: skip


def group_incidents(
    files: list[ClaimsFile],
    texts: list[str],
    decisions: Iterable[GroupingDecision] = (),
    profiles: Sequence[Profile] | None = None,
) -> list[Incident]:
    """Average-linkage clustering of sources into incidents, with people's merge and split decisions.

    Two groups merge while the mean similarity of their sources is above LINK_THRESHOLD (times
    UNDATED_FACTOR when one has a time and the other none, times NEWS_CYCLE_FACTOR when both are
    dated within NEWS_CYCLE_DAYS) and their times do not conflict. Average
    linkage, unlike connected components, does not chain two similar events through one article.
    `profiles` are the sources' profiles when the caller has them (`signature_profile`).
    """
    # Grouping makes no reference cycles, but its many small allocations set off full collections
    # that walk every claim of the folder in memory (half of its time for a thousand sources).
    with paused_gc():
        return _group(files, texts, decisions, profiles)


def _group(
    files: list[ClaimsFile],
    texts: list[str],
    decisions: Iterable[GroupingDecision],
    profiles: Sequence[Profile] | None,
) -> list[Incident]:
    if profiles is None:
        profiles = [signature_profile(cf, text) for cf, text in zip(files, texts, strict=True)]
    index = {cf.source.id: i for i, cf in enumerate(files)}
    merge_sets, apart = _decisions(decisions, index)
    # Sources with one text and date (wire copies, mirrors) start as one group.
    first: dict[tuple[str, dt.date | None], int] = {}
    members: dict[int, list[int]] = {}
    for i, (cf, text) in enumerate(zip(files, texts, strict=True)):
        members.setdefault(first.setdefault((text, cf.source.published), i), []).append(i)
    copies = [len(members.get(i, ())) for i in range(len(files))]
    follows = [_follows(p) for p in profiles]
    pairs = similarities(profiles, copies, follows)
    sims = pairs.sims
    for r in [r for r, group in members.items() if len(group) > 1 and (r, r) not in sims]:
        members.update({i: [i] for i in members[r]})  # copies that were never candidates stay apart
    for group in list(members.values()):
        if len(group) > 1 and any(_apart(x, y, apart) for x in group for y in group if x < y):
            members.update({i: [i] for i in group})
    copies = [len(members[i]) if i in members else 0 for i in range(len(files))]
    owner = {i: r for r, group in members.items() for i in group}
    # People's merges: their sources start as one group.
    for chosen in merge_sets:
        roots = sorted({owner[i] for i in chosen})
        head = roots[0]
        for r in roots[1:]:
            for i in members.pop(r):
                owner[i] = head
                members[head].append(i)
    groups: dict[int, _Group] = {}
    for r, group in members.items():
        sigs = {i: profiles[i].signature for i in group}
        recalls = [i for i in group if i in pairs.inferred and not _day(sigs[i])]
        years = {i: s.year for i, s in sigs.items() if s.year and s.time_basis in ("text-year", "month-day")}
        groups[r] = _Group(
            members=sorted(group),
            dates=[d for i in group if (d := _day(sigs[i])) and not follows[i]],
            follow=[d for i in group if (d := _day(sigs[i])) and follows[i]],
            inferred=[pairs.inferred[i] for i in recalls],
            inferred_years=[years[i] for i in recalls if i in years],
            repeat=any(profiles[i].repeat and not _day(sigs[i]) for i in group),
            years=[y for i, y in years.items() if i not in recalls],
            month_days=[frozenset(s.month_days) for s in sigs.values() if not _day(s) and s.month_days],
            people={m for i in group if (m := profiles[i].main_person)},
            published=sum(1 for s in sigs.values() if s.published),
        )
    # Two passes: the first links reports of one time; the second may join a follow-up (charges, a
    # trial) to its event's reports months away. Each first-pass group stays a part of its incident,
    # compared on its own (Incident.parts): the same fact at two times is no discrepancy.
    _link(groups, {r: [] for r in groups}, sims, pairs, copies, apart, follow_ups=False)
    parts = {r: [list(g.members)] for r, g in groups.items()}
    if any(g.follow for g in groups.values()):
        _link(groups, parts, sims, pairs, copies, apart, follow_ups=True)
    decided = {i: d for d, chosen in _decision_members(decisions, index) for i in chosen}
    roots = sorted(groups, key=lambda r: min(files[i].source.id for i in groups[r].members))
    ordered = [groups[r] for r in roots]
    incidents = [
        _incident([files[i] for i in g.members], [profiles[i] for i in g.members], pairs, g.members, decided)
        for g in ordered
    ]
    for incident, r in zip(incidents, roots, strict=True):
        if len(shares := parts[r]) > 1:  # earliest time first, an undated part last
            starts = [min((d for i in part if (d := _day(profiles[i].signature))), default=dt.date.max)
                      for part in shares]  # fmt: skip
            order = sorted(range(len(shares)), key=lambda k: (starts[k], min(files[i].source.id for i in shares[k])))
            incident.parts = [sorted(files[i].source.id for i in shares[k]) for k in order]
    _explain_apart(incidents, ordered, profiles, pairs, apart)
    return incidents


def _link(groups: dict[int, _Group], parts: dict[int, list[list[int]]], sims: dict[tuple[int, int], float],
          pairs: Pairs, copies: list[int], apart: set[frozenset[int]], follow_ups: bool) -> None:  # fmt: skip
    """Merge groups (in place) while the mean similarity of their sources is over the threshold, the
    most similar first. `follow_ups`: a follow-up's dates may lie FOLLOW_UP_DAYS from its event's,
    and the pairs only that allows count; a merged group's `parts` are its groups' parts."""
    owner = {i: r for r, g in groups.items() for i in g.members}
    total: dict[int, dict[int, float]] = defaultdict(dict)
    cast: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))  # cross pairs sharing a cast
    for (i, j), value in sims.items():
        ri, rj = owner[i], owner[j]
        if ri == rj or (not follow_ups and (i, j) in pairs.follow_only):
            continue
        value *= copies[i] * copies[j]  # every copy of i against every copy of j
        total[ri][rj] = total[ri].get(rj, 0.0) + value
        total[rj][ri] = total[ri][rj]
        if (i, j) in pairs.cast:
            cast[ri][rj] += copies[i] * copies[j]
            cast[rj][ri] = cast[ri][rj]
    version = dict.fromkeys(groups, 0)
    heap: list[tuple[float, int, int, int, int]] = []

    def size(r: int) -> int:
        return len(groups[r].members)

    def threshold(a: int, b: int) -> float:
        ga, gb = groups[a], groups[b]
        # A group that does not say when joins one whose time is its own only on more evidence,
        # unless the two are about the same main person.
        strict = (ga.says_when and not gb.timed) or (gb.says_when and not ga.timed)
        strict = strict and cast[a][b] < CAST_SHARE * size(a) * size(b)
        if strict and (_days_fit(ga.dates, gb.month_days, size(b)) or _days_fit(gb.dates, ga.month_days, size(a))):
            strict = False  # the undated one names a day of the year that fits the other's dates
        if strict and (_years_fit(ga, gb.years, size(b)) or _years_fit(gb, ga.years, size(a))):
            strict = False  # the undated one is set in the year of the other's dates
        if strict and (gb if ga.timed else ga).repeat:
            return math.inf  # an undated story of a repeat ('detained again') is not the dated one
        if ga.dates and gb.dates and _one_news_cycle(ga.dates + gb.dates):
            return LINK_THRESHOLD * NEWS_CYCLE_FACTOR  # two dated groups of the same few days
        return LINK_THRESHOLD * (UNDATED_FACTOR if strict else 1.0)

    def push(a: int, b: int) -> None:
        a, b = min(a, b), max(a, b)
        mean = total[a][b] / (len(groups[a].members) * len(groups[b].members))
        if mean >= LINK_THRESHOLD * NEWS_CYCLE_FACTOR and mean >= threshold(a, b):  # none is lower
            heapq.heappush(heap, (-mean, a, b, version[a], version[b]))

    for a in sorted(total):
        for b in sorted(total[a]):
            if a < b:
                push(a, b)
    while heap:
        _, a, b, va, vb = heapq.heappop(heap)
        if a not in groups or b not in groups or version[a] != va or version[b] != vb:
            continue
        ga, gb = groups[a], groups[b]
        if _group_time_conflict(ga, gb, follow_ups) or _days_apart(ga, gb) or _days_apart(gb, ga):
            continue
        if any(_apart(x, y, apart) for x in ga.members for y in gb.members):
            continue
        ga.members = sorted(ga.members + gb.members)
        ga.dates += gb.dates
        ga.follow += gb.follow
        ga.years += gb.years
        ga.month_days += gb.month_days
        ga.inferred += gb.inferred
        ga.inferred_years += gb.inferred_years
        ga.repeat = ga.repeat or gb.repeat
        ga.people |= gb.people
        ga.published += gb.published
        del groups[b]
        parts[a] += parts.pop(b)
        for k, n in cast.pop(b, {}).items():
            cast[k].pop(b, None)
            if k != a:
                cast[a][k] += n
                cast[k][a] = cast[a][k]
        cast[a].pop(b, None)
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


def _explain_apart(incidents: list[Incident], groups: list[_Group], profiles: Sequence[Profile], pairs: Pairs,
                   apart: set[frozenset[int]]) -> None:  # fmt: skip
    """For each incident, the closest other incident and what kept them apart."""
    owner = {i: k for k, g in enumerate(groups) for i in g.members}
    best: dict[int, tuple[float, int, int]] = {}
    for (i, j), (cosine, _) in sorted(pairs.notes.items()):
        gi, gj = owner[i], owner[j]
        if gi == gj:
            continue
        for g, x, y in ((gi, i, j), (gj, j, i)):
            if g not in best or cosine > best[g][0]:
                best[g] = (cosine, x, y)
    for k, incident in enumerate(incidents):
        if k not in best:
            continue
        cosine, x, y = best[k]
        reasons = list(pairs.notes[(min(x, y), max(x, y))][1])
        if _apart(x, y, apart):
            reasons.insert(0, "a person's split decision")
        if not reasons and (_day(profiles[x].signature) is None) != (_day(profiles[y].signature) is None):
            reasons.append(
                f"one has no date of its own, so it needs more in common (similarity {cosine:.2f}, "
                f"{LINK_THRESHOLD * UNDATED_FACTOR:.2f} needed)"
            )
        if not reasons:
            reasons.append(f"too little in common (similarity {cosine:.2f}, {LINK_THRESHOLD:.2f} needed on average)")
        incident.apart_from = incidents[owner[y]].id
        incident.apart_because = reasons


def grouping_decision(action: Literal["merge", "split"], sources: Sequence[str], note: str, *,
                      reviewer: str | None = None, today: dt.date | None = None) -> GroupingDecision:  # fmt: skip
    """A person's merge or split decision on the given sources, with a stable id."""
    chosen = sorted(dict.fromkeys(sources))
    return GroupingDecision(
        id=stable_id("G-", action, *chosen), action=action, sources=chosen, note=note, reviewer=reviewer,
        date=today or dt.date.today(),
    )  # fmt: skip


def _decisions(
    decisions: Iterable[GroupingDecision], index: dict[str, int]
) -> tuple[list[list[int]], set[frozenset[int]]]:
    """People's merges (groups of sources) and splits (pairs kept apart); a source missing from the
    folder is passed over (check reports such decisions)."""
    merges: list[list[int]] = []
    apart: set[frozenset[int]] = set()
    for d in decisions:
        present = [index[s] for s in d.sources if s in index]
        if d.action == "merge" and len(present) > 1:
            merges.append(present)
        elif d.action == "split":
            if len(d.sources) == 1 and present:
                apart.add(frozenset([present[0], -1]))  # alone: apart from every other source
            for x in present:
                for y in present:
                    if x < y:
                        apart.add(frozenset([x, y]))
    return merges, apart


def _decision_members(decisions: Iterable[GroupingDecision], index: dict[str, int]) -> list[tuple[str, list[int]]]:
    return [(f"{d.action} {d.id}", [index[s] for s in d.sources if s in index]) for d in decisions]


def _apart(x: int, y: int, apart: set[frozenset[int]]) -> bool:
    return frozenset([x, y]) in apart or frozenset([x, -1]) in apart or frozenset([y, -1]) in apart


def _incident(files: list[ClaimsFile], profiles: list[Profile], pairs: Pairs, members: list[int],
              decided: dict[int, str]) -> Incident:  # fmt: skip
    ids = [cf.source.id for cf in files]
    sigs = [p.signature for p in profiles]
    places = _top([s.places for s in sigs])
    participants = _top([s.participants for s in sigs])
    predicates: dict[str, int] = defaultdict(int)
    for s in sigs:
        for rank, c in enumerate(s.predicates[:2]):
            predicates[c] += 2 - rank
    predicate = min(predicates, key=lambda c: (-predicates[c], c)) if predicates else None
    links = []
    for k, (i, p) in enumerate(zip(members, profiles, strict=True)):
        others = [j for j in members if j != i]
        sims = [pairs.sims.get((min(i, j), max(i, j)), 0.0) for j in others]
        links.append(
            IncidentLink(
                source=ids[k],
                shared=_shared(p, [profiles[members.index(j)] for j in others], pairs.weights[i]) if others else [],
                similarity=round(sum(sims) / len(sims), 3) if sims else 0.0,
                decision=decided.get(i),
            )
        )
    return Incident(
        id=stable_id("I-", sorted(ids)[0]),
        label=incident_label(files),
        sources=sorted(ids),
        places=places,
        time=_time(sigs),
        participants=participants,
        predicate=predicate,
        links=sorted(links, key=lambda link: link.source),
    )


def _top(lists: list[list[SignatureName]], n: int = 3) -> list[str]:
    """The names most sources of an incident share (then most mentioned), as written."""
    sources: dict[str, int] = defaultdict(int)
    mentions: dict[str, int] = defaultdict(int)
    shown: dict[str, str] = {}
    for rows in lists:
        for r in rows:
            sources[r.key] += 1
            mentions[r.key] += r.mentions
            if len(r.name) > len(shown.get(r.key, "")):
                shown[r.key] = r.name
    several = len(lists) > 1
    keys = [k for k in sources if not several or sources[k] > 1 or len(sources) <= n]
    keys.sort(key=lambda k: (-sources[k], -mentions[k], k))
    return [shown[k] for k in keys[:n]]


def _time(sigs: list[EventSignature]) -> str | None:
    days = sorted({d for s in sigs if (d := _day(s))})
    if days:
        first, last = days[0], days[-1]
        return first.isoformat() if first == last else f"{first.isoformat()} to {last.isoformat()}"
    years = sorted({s.year for s in sigs if s.year})
    if years:
        return f"{years[-1]} (named in the text)"
    return None


def _shared(p: Profile, others: list[Profile], weights: dict[str, float], n: int = 6) -> list[str]:
    """What a source shares with the other sources of its incident: its places, people and kind of
    event that others name, then its most weighted words that others use."""
    out: list[str] = []
    vocab = [o.vocabulary for o in others]
    for row in p.signature.places[:3]:
        if any(fold(row.key.split()[-1]) in v for v in vocab):
            out.append(f"place: {row.name}")
    for row in p.signature.participants[:3]:
        if any(fold(row.key.split()[-1]) in v for v in vocab):
            out.append(f"participant: {row.name}")
    if p.main_predicate and any(p.main_predicate in o.signature.predicates for o in others):
        out.append(f"event: {p.main_predicate}")
    taken = {w for x in out for w in x.split(": ", 1)[1].lower().split()}
    for t in sorted(weights, key=lambda t: (-weights[t], t)):
        if len(out) >= n:
            break
        if t not in taken and any(t in o.terms for o in others):
            out.append(f"word: {t}")
    return out[:n]


# --- comparison: the incident's time ------------------------------------------------------------


def other_times_marked(files: list[ClaimsFile], texts: dict[str, str]) -> list[ClaimsFile]:
    """The incident's claims files with the claims about another time marked so (`incident_hint`).
    Extraction marks another year against the source's own story year, which an undated source can
    only guess from the years it names ('the 2008 season' in a story of 2011); the incident's dated
    sources say which years are the main story's (the hint is the year named). And a calendar day
    more than MAX_SPAN_DAYS before the incident's first day is an earlier event's, as grouping
    reads time ('the last emergency fix, issued on 14 January' in a story of September): the hint
    is 'earlier'. Claims so marked are compared only with claims of that other time, except that
    a marked day still meets an unmarked one within 60 days of it (compare/spread.one_time, and
    events._one_scope): the line is fixed, so two days of one past event can fall either side."""
    days = {f.source.id: _day(signature_profile(f, texts[f.source.id]).signature) for f in files}
    dated = [d for d in days.values() if d]
    if not dated:
        return files
    years = {d.year for d in dated}
    first = min(dated)
    out = []
    for cf in files:
        undated = days[cf.source.id] is None
        claims = [_other_time(c, years, first, undated) for c in cf.claims]
        out.append(cf.model_copy(update={"claims": claims}) if claims != cf.claims else cf)
    return out


def _other_time(claim: ClaimBase, years: set[int], first: dt.date, undated: bool) -> ClaimBase:
    """The claim, marked with the other time it is about if it is (extraction's mark is kept)."""
    if claim.incident_hint is not None:
        return claim
    if isinstance(claim, DateClaim) and claim.date is not None and (first - claim.date).days > MAX_SPAN_DAYS:
        return claim.model_copy(update={"incident_hint": "earlier"})
    if undated and (y := _other_year(claim, years)):
        return claim.model_copy(update={"incident_hint": str(y)})
    return claim


def _other_year(claim: ClaimBase, years: set[int]) -> int | None:
    """The year of another time a claim is about: one that opens its sentence ('In 2004, ...') or
    one in the value's own clause, as extraction reads it, when the sentence names none of `years`.
    A year looked ahead to ('will reopen in 2031', signature.looks_ahead) is no other time's."""
    quote = claim.quote
    named = [(int(m.group(1)), m.start(), m.end()) for m in YEAR.finditer(quote) if not looks_ahead(quote[: m.start()])]
    if not named or any(y in years for y, _, _ in named):
        return None
    start, end = claim.value_start - claim.start, claim.value_end - claim.start
    other = []
    for y, a, b in named:
        between = quote[end:a] if a >= end else quote[b:start]
        opening = not quote[:a].strip(" ,").lower().removeprefix("in").strip()
        if opening or (len(between) <= 100 and not CLAUSE_JOIN.search(between)):
            other.append(y)
    return max(other, default=None)
