"""One fact told in the same words by two independent sources: agreements no value rule reads.

The value rules (agree.py, the listed kinds) meet two claims through a value both give: a count,
a date, a state. Much of what two accounts agree on is no such value: where a vigil was planned to
start, that a quay stays shut until an audit ends, who turned down an offer, a phrase both
quote, "19 Danish and 12 Swedish" inside a sentence no count rule reads. Two sentences of
different sources state one fact when they share a specific (a figure, an ordinal, a name that is
not everywhere in the story, or two content words in a row) and enough of their words that are rare
in the incident that chance does not explain it, and nothing sets them apart: a figure of one noun
that the other gives otherwise, a negation or a modal ("could", "will") only one has, another year.

Sentences of one source never meet (a source never corroborates itself), and shared copy is counted
once later (copies.count_accounts), so a reprinted sentence is one account, not two.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from itertools import pairwise
from typing import Literal

from factcheck.compare.align import CONTEXT_STOP, OTHER_TIME, dimension, lemma_of
from factcheck.compare.groups import Agreement, Pending
from factcheck.extract.mentions import CURRENCY_FORMS, DETERMINERS, NEGATIONS, STATE_OF, UNIT_FORMS, lemmas, verb_lemma
from factcheck.extract.places import gazetteer
from factcheck.lexicons import load_lexicon
from factcheck.models import (
    ClaimBase,
    ClaimsFile,
    Document,
    Person,
    PlaceClaim,
    QuantityClaim,
    Sentence,
    Topic,
    stable_id,
)
from factcheck.resolve import fold
from factcheck.segment import segment
from factcheck.signature import EVENT_CLASS
from factcheck.text.dates import MONTH_NAMES, SHORT_MONTHS, SHORT_WEEKDAYS, WEEKDAYS
from factcheck.text.numbers import SCALES, parse_number_word
from factcheck.text.patterns import alternation

# Counted nouns too general to tie two counts to one fact by themselves ("two people", "three times").
GENERIC_NOUNS = frozenset({
    "people", "person", "man", "woman", "child", "time", "day", "year", "month", "week", "hour", "thing",
    "member", "other", "case", "one", "way", "part", "side", "group", "number", "percent",
})  # fmt: skip
TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)?")
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "twentieth": 20, "hundredth": 100,
}  # fmt: skip
MONTHS = frozenset(name.lower() for name in MONTH_NAMES)
# Capitalised words that name a time, not who or what a fact is about.
# Their short forms ('Wed Aug 9', 'Oct. 27'), read as the full names when capitalised and followed by
# a day or a month's short form (the sun, to mar, Jan Morrow are none; "May" is its own short form).
SHORT_CALENDAR = SHORT_MONTHS | SHORT_WEEKDAYS
SHORT_CALENDAR_AFTER = re.compile(
    r"\.?,?\s*(?:\d|" + alternation(short.capitalize() for short in (*SHORT_MONTHS, "may")) + r"\b)"
)
CALENDAR = MONTHS | frozenset(WEEKDAYS)
DATED_WORDS = 2  # the content words besides its date a sentence naming a year tells, to date another
DATELINE_WORDS = 2  # content words besides its date and time below which a sentence is a page's dateline
ORDINAL_DIGITS = re.compile(r"^(\d+)(?:st|nd|rd|th)$", re.IGNORECASE)
YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
# Words that say a clause is not a fact told as done: it may, will or could happen.
MODAL = re.compile(
    r"\b" + alternation(p for k in ("future", "possible") for p in load_lexicon("status")["modality"][k]) + r"\b",
    re.IGNORECASE,
)
# Words of a call or a demand: what someone wants done is no fact told.
CALLS = frozenset({"should", "must", "urge", "urged", "urges", "calls", "called", "demand", "demanded", "demands"})
# Where a clause ends: a negation, a modal or a call bears on the words of its clause ("the council
# will buy the yard, a 60-employee firm": the firm's size is told as done; "after counting a 14-6
# vote, they did not announce it": the vote is not negated).
CLAUSE_MARK = re.compile(r"[,;:()\[\]—–]|\s-\s")
CLAUSE_WORDS = frozenset({"but", "while", "whereas", "although", "though", "because", "after", "before", "when",
                          "who", "which", "whom", "whose", "where", "since", "until", "unless", "if"})  # fmt: skip
# Words that join two clauses of their own: what follows one is not the words a marker was cut from.
COORDINATORS = frozenset({"and", "but", "or", "nor", "so", "yet"})
# Prepositions after which "no" denies a noun phrase, not the clause ("was running with no flame",
# "was freed at no cost": the running and the freeing are told as done).
PHRASE_NEGATED = frozenset({"with", "at", "for", "in", "of", "by", "under", "on", "to"})
# A pronoun that opens a sentence as its subject: it continues the person told of before.
PRONOUN_OPENS = re.compile(r"[\W_]*(?:he|she)\b", re.IGNORECASE)
POSSESSIVE = re.compile(r"['’]s?\b")  # after a name: the person owns something, is not the one told of
# Sentences before one that a pronoun opening it may continue (as extract/entities reads pronouns).
PRONOUN_REACH = 3
# Words right before a name that make it the place of what the sentence tells.
PLACE_BEFORE = re.compile(r"\b(?:in|at|inside|outside|near|into|from)\s+(?:the\s+)?$", re.IGNORECASE)
# What stands between two names of one list: a comma, "and", "or", "as well as", an article.
LIST_GAP = re.compile(r"\s*(?:,\s*(?:(?:and|or)\s+)?|(?:and|or|as\s+well\s+as)\s+)(?:the\s+)?", re.IGNORECASE)
PHRASE_RARE = 2  # rare words a phrase of three content words both sentences give must hold
LIST_NAMES = 3  # names a list of people or teams must give to be one fact by itself
NOUN_PHRASE = 3  # words after such a "no" that it denies at most ("with no visible burn marks")
# Words of telling: they say who told, not what was told. (A page line, 'Updated: …', tells too few
# words besides its date to pair: the dateline gate in match.)
TELLING_WORDS = frozenset({"say", "tell", "told", "report", "according", "add", "state", "claim", "note", "write"})
ATTRIBUTE = "told in shared words"
COMMON_SHARE = 0.12  # a word in more than this share of the incident's sentences is the story's own
MIN_RARE = 3  # rare words two sentences must share, the specific included
MIN_WORDS = 2  # of them words, not figures: a date alone is a dateline's, not a fact's
MIN_UNNAMED = 1  # without a figure: rare words that are no names (names alone are a list or a byline)
# The attribution after a quote ('…," said Jane Roe, the group's director, in Paris'), after a
# comma at the end of a sentence ('…, a spokesman said on Friday', '…, according to the police')
# or before the verb at its start: who spoke. Two sentences of one speaker share it without telling
# one fact, so the shared words must be told outside it in at least one of the two sentences.
# The words after the verb are counted by the spaces between them: a space is the one way a word
# ends, so a sentence that has more words than that ("…", "-.-.") is refused in one pass.
SPEECH_VERB = r"(?:said|says|told|added|adds)\b"
ASIDE_TELLING = re.compile(rf"\b(?:{SPEECH_VERB}|according\s+to\b)", re.IGNORECASE)
RELATIVE = re.compile(r",\s*(?:who|which|whose)\b")
# The speaker before the verb at a sentence's start ('Port director Lena Brandt said ...').
SPEAKER_FIRST = re.compile(rf"\W*(?:(?!(?:and|but|that|which|who)\b)[\w.’'-]+\s+){{1,7}}?{SPEECH_VERB}")
ATTRIBUTION = re.compile(
    rf"(?:,\s*[”\"’]|[”\"],?)\s*(?:[\w.’'-]+\s+){{0,6}}?(?:{SPEECH_VERB}|according\s+to\b).*$"
    rf"|,\s*(?:(?!(?:and|but|that|which|who)\b)[\w.’'-]+\s+){{0,6}}?{SPEECH_VERB}\S*(?:\s+\S+){{0,12}}\s*$"
    r"|,\s*according\s+to\b\S*(?:\s+\S+){0,14}\s*$",
    re.DOTALL,
)
# Of two sentences' content words, in order, for them to be one sentence printed twice (as
# copies.SIMILARITY for the words of two aligned sentences; copies imports compare, so not imported).
SIMILARITY = 0.8
MIN_COVER = 0.4  # shared content words, as a share of the shorter sentence's
LOW_COVER = 0.5  # the same, when only MIN_RARE rare words are shared
TITLE_WORDS = 2  # words beside a name that are its title ('port director'), not a fact
MAX_VALUE = 80  # characters of the shared words shown as the value
MIN_SENTENCE = 4  # content words a sentence needs to state a fact worth comparing
# How a word for a place's people or things ends beside the place's name ("-i", "-n", "-ian",
# "-ese"), the place's own final vowel dropped first ("-a", "-e", "-y").
DEMONYM_ENDINGS = frozenset({"i", "n", "an", "ian", "ese", "ish"})
FINAL_VOWELS = frozenset("aey")
MIN_STEM = 4
FUL = ("fully", "ful")  # endings of an adjective or adverb made of a noun ('successful', 'peacefully')
# A time of day, read as one figure of 24 hours ('#16:47'): '4:47 p.m.', '11.05am', '16:47 local time',
# 'at 1647 (1547 GMT)', '7 p.m.'. A bare 'H:MM' ('with 6:12 left') may be a game clock or a score,
# and four bare digits a year or an address, so each needs a half of the day, a zone or 'at'.
ZONE = r"(?-i:GMT|UTC|[A-Z]{1,3}[SD]T)"  # 'GMT', 'PST', 'CEST' (capitals only: 'last' is no zone)
CLOCK = re.compile(
    r"\b(?:"
    r"(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)"
    rf"|(?P<hh>[01]\d|2[0-3])(?P<mm>[0-5]\d)(?=\s?(?:{ZONE}|hrs|hours|local\s+time)\b|\s\()"
    r"|(?P<hour>1[0-2]|0?[1-9])(?=\s?[ap]\.?\s?m\b))"
    rf"(?:\s?(?P<half>[ap])\.?\s?m\b\.?)?(?P<zone>\s(?:local\s+time|{ZONE})\b)?",
    re.IGNORECASE,
)
AT_CLOCK = re.compile(r"\bat\s(?:around\s|about\s)?$", re.IGNORECASE)
# What follows a figure that is a measure, a price or a game clock, not a time of day ('at 2.45
# percent', 'valued at 1.25 billion', 'at 4:17 of the second period', 'measured at 2.35 metres'):
# the units lexicon's units but durations ('at 1647 hours' is a time), its currencies, its other
# measures and the scales.
MEASURE_WORDS = sorted(
    {w for w, (dim, _, _) in UNIT_FORMS.items() if dim != "duration"}
    | set(CURRENCY_FORMS)
    | set(load_lexicon("units")["other_measures"])
    | set(SCALES)
)
MEASURE_AFTER = re.compile(
    r"\s*(?:" + alternation(MEASURE_WORDS, space=r"\s+") + r"(?!\w)"
    r"|(?:left|remaining)\b|into\s+the\b|of\s+(?:the\s+)?(?:\w+\s+)?(?:period|quarter|half|round|set|inning|game|match)\b)",
    re.IGNORECASE,
)
# A time told to the minute ('#13:53'): as specific as a full date, one fact by itself; a round
# hour ('7 p.m.') is when many things are planned, so it needs the shared words of any figure.
PRECISE_CLOCK = re.compile(r"^#\d\d:(?!00$)\d\d$")
LARGE = re.compile(r"^#\d+$")
LARGE_FIGURE = 1000  # a figure from which one in two sentences is one fact's, with two more words
LARGE_WORDS = 2
_WORDINGS = load_lexicon("wordings")
# One act told with two verbs, by lemma: 'struck' and 'hit' (wordings.yaml), 'arrested' and
# 'detained' (the state a listed predicate puts its participant in).
ACT_OF: dict[str, str] = {**STATE_OF, **{verb: act for act, verbs in _WORDINGS["acts"].items() for verb in verbs}}
# The words after which a verb's form is a noun, no act ('a fire', 'on strike'): not 'all' ('they
# all fled') nor 'to' ('ordered to fire').
ACT_DETERMINERS = DETERMINERS - {"all"}
ACT_PREPOSITIONS = frozenset(
    {"on", "in", "at", "for", "by", "with", "from", "into", "onto", "after", "before", "over", "under", "during"}
)
# The kind of event a word names ('quake', 'tremor': earthquake): grouping's table, its one-word entries.
EVENT_OF: dict[str, str] = {word: kind for word, kind in EVENT_CLASS.items() if " " not in word}
# A pronoun opening a sentence as the subject of a verb ('It struck at dawn', 'It had hit'): the
# verb's lemma says whether it tells an act, and the pronoun then stands for the event told before.
EVENT_PRONOUN = re.compile(
    r"[\W_]*(?:" + alternation(_WORDINGS["event_pronouns"]) + r")\s+(?:(?:has|had)\s+)?(?P<verb>[^\W\d_]+)\b",
    re.IGNORECASE,
)


Mood = Literal["negated", "modal", "call"]


@dataclass(frozen=True)
class Token:
    lemma: str  # a content word's lemma, '#12' for a number, '#3rd' for an ordinal
    text: str
    start: int
    end: int
    name: bool  # capitalised inside its sentence: part of a name
    credit: bool = False  # in the attribution after a quote ('…," said Jane Roe, the director')
    mood: frozenset[Mood] = frozenset()  # the negations, modals and calls whose clause holds it
    referred: bool = False  # a pronoun read as the name of the person it continues


@dataclass(frozen=True)
class Said:
    """One sentence of one source, read for comparison."""

    source: str
    start: int
    end: int
    text: str
    tokens: tuple[Token, ...]
    years: frozenset[str]
    other_time: frozenset[str]  # cues of another time than the story's ('last year', 'again')
    calendar: frozenset[str]  # the weekday and month names it gives
    places: frozenset[str] = frozenset()  # the named places its place claims give, folded
    classes: frozenset[str] = frozenset()  # its claims' predicate classes ('custody', 'death')
    story_year: int | None = None  # its source's publication year, when the source is dated
    people: frozenset[str] = frozenset()  # the surnames of the people its source's entities name in it, folded
    acts: frozenset[str] = frozenset()  # the acts its verbs tell ('struck' for 'hit' and 'struck')
    events: frozenset[str] = frozenset()  # the kinds of event its words name, an event pronoun's included

    @property
    def lemmas(self) -> frozenset[str]:
        return frozenset(t.lemma for t in self.tokens)

    @property
    def told(self) -> frozenset[str]:
        """The lemmas of what the sentence tells, its attribution left out."""
        return frozenset(t.lemma for t in self.tokens if not t.credit)

    @property
    def names(self) -> frozenset[str]:
        return frozenset(t.lemma for t in self.tokens if t.name)

    @property
    def named(self) -> frozenset[str]:
        """The names the sentence itself gives, a pronoun's reading left out (which may be wrong)."""
        return frozenset(t.lemma for t in self.tokens if t.name and not t.referred)


class WordingClaim(ClaimBase):
    """A sentence cited for the words it shares with another source's (never written to a claims
    file: it exists only as the evidence of a corroboration)."""

    kind: Literal["wording"] = "wording"
    words: str

    def display_value(self) -> str:
        return self.words


def _lemma(word: str) -> str | None:
    low = word.lower().replace("’", "'")
    if low.isdigit() or re.fullmatch(r"\d+(?:[.,]\d+)*", low):
        return "#" + low.replace(",", "")
    if m := ORDINAL_DIGITS.match(low):
        return f"#{m.group(1)}th"
    if low in ORDINALS:
        return f"#{ORDINALS[low]}th"
    number = parse_number_word(low) if low not in ("one", "a", "an") else None
    if number is not None and number == int(number):
        return f"#{int(number)}"
    if low in CONTEXT_STOP or len(low) < 3 or low.endswith("n't"):
        return None
    lemma = _noun_of(low) or lemma_of(low.removesuffix("'s"))
    return None if lemma in TELLING_WORDS else lemma


def clocks(text: str) -> list[tuple[int, int, str]]:
    """The times of day of a text: (start, end, '#HH:MM'), 24 hours, as CLOCK reads them."""
    out = []
    for m in CLOCK.finditer(text):
        half, zone, at = m.group("half"), m.group("zone"), AT_CLOCK.search(text, 0, m.start())
        if MEASURE_AFTER.match(text, m.end()):
            continue  # 'at 2.45 percent', 'at 4:17 of the second period': a measure or a game clock
        colon = m.group("h") is not None and text[m.start("m") - 1] == ":"
        if m.group("h") is not None and not (half or zone or (at and colon)):
            continue  # 'with 6:12 left', '2.5 percent', 'closed at 12.50': 'at' licenses 'H:MM' only
        if m.group("hh") is not None and not (zone or at):
            continue  # 'in 2012 (' is a year
        hour = int(m.group("h") or m.group("hh") or m.group("hour"))
        minute = int(m.group("m") or m.group("mm") or 0)
        if half:
            if hour > 12 or hour == 0:
                continue
            hour = hour % 12 + (12 if half.lower() == "p" else 0)
        out.append((m.start(), m.end(), f"#{hour:02d}:{minute:02d}"))
    return out


def _noun_of(word: str) -> str | None:
    """The noun an adjective or adverb in -ful is made of: 'the fourth successful raid' and 'its
    fourth success' tell one word ('unsuccessful' is no 'unsuccess', so it keeps its own)."""
    for suffix in FUL:
        stem = word.removesuffix(suffix)
        if stem != word and len(stem) >= MIN_STEM and {"ADJ", "ADV"} & lemmas(word).keys():
            nouns = lemmas(stem).get("NOUN")
            return nouns[0] if nouns else None
    return None


def _moods(text: str, words: list[re.Match[str]], lemmas: list[str | None]) -> list[frozenset[Mood]]:
    """For each word, the negations, modals and calls of its clause. Clauses end at punctuation and
    at words that open another clause. A clause opened by "that", or by a clause word and a verb in
    -ing, also takes its governing clause's ("did not confirm that two died", "will sail on after
    handing them over"). A "no" after a preposition denies only its noun phrase ("ran with no
    flame"). A clause that ends on its marker bears it on to the words it was cut from,
    past any aside between ("will, if approved, close"; "will not, officials said, close"; a
    marker alone, "No,", is an answer, not cut from anything)."""
    lowered = [m.group().lower() for m in words]
    # "May" inside a sentence is the month, not the modal.
    modal_at = [
        m.start() for m in MODAL.finditer(text) if m.group()[:1].islower() or not text[: m.start()].strip(" “\"'‘")
    ]
    clauses: list[list[int]] = []
    for j, m in enumerate(words):
        gap = text[words[j - 1].end() : m.start()] if j else ""
        if not clauses or CLAUSE_MARK.search(gap) or lowered[j] in CLAUSE_WORDS or lowered[j] == "that":
            clauses.append([])
        clauses[-1].append(j)
    moods: list[frozenset[Mood]] = [frozenset() for _ in words]
    carried: set[Mood] = set()  # the previous clause's, for a clause it governs
    pending: set[Mood] = set()  # a marker alone's, for the clause it bears on
    for clause in clauses:
        lo, hi = words[clause[0]].start(), words[clause[-1]].end()
        first, second = lowered[clause[0]], lowered[clause[1]] if len(clause) > 1 else ""
        governed = first == "that" or (first in CLAUSE_WORDS and second.endswith("ing") and _verb_ing(second))
        phrase = {j for j in clause if j and lowered[j] == "no" and lowered[j - 1] in PHRASE_NEGATED}
        marks: set[Mood] = {
            "negated" for j in clause if j not in phrase and (lowered[j] in NEGATIONS or lowered[j].endswith("n't"))
        }
        marks |= {"call" for j in clause if lowered[j] in CALLS}
        marks |= {"modal" for at in modal_at if lo <= at < hi}
        aside = _aside(first, text[lo:hi])
        if first in COORDINATORS:
            pending = set()  # ", and the crew sailed": another clause, not the one cut off
        own = (set(carried) if governed else set()) | (set() if aside else pending) | marks
        for j in clause:
            moods[j] = frozenset(own)
        for j in phrase:  # the noun phrase "no" opens: content words up to the next function word
            for k in range(j + 1, min(j + 1 + NOUN_PHRASE, clause[-1] + 1)):
                if lemmas[k] is None:
                    break
                moods[k] = moods[k] | {"negated"}
        last = clause[-1]
        dangling = len(clause) > 1 and (
            lowered[last] in NEGATIONS or lowered[last].endswith("n't") or lowered[last] in CALLS
            or words[last].start() in modal_at
        )  # fmt: skip
        if dangling:
            pending = own  # "Inspectors will," "It will not,": the words they bear on come later
        elif any(lemmas[j] for j in clause) and not aside:
            pending = set()
        carried = own
    return moods


def _verb_ing(word: str) -> bool:
    """Whether a word in -ing is a verb's form ('handing', 'towing'), not a noun ('morning') or a
    verb's own base ('spring', 'bring')."""
    lemma = verb_lemma(word)
    return lemma is not None and lemma != word


def _aside(first: str, clause: str) -> bool:
    """Whether a clause is an aside inside another: a condition or time ('if approved', 'when
    asked') or who told it ('officials said', 'according to the board')."""
    return (first in CLAUSE_WORDS and first not in COORDINATORS) or bool(ASIDE_TELLING.search(clause))


def read_sentence(
    source: str,
    start: int,
    text: str,
    places: frozenset[str] = frozenset(),
    classes: frozenset[str] = frozenset(),
    referent: str | None = None,
    event: str | None = None,
) -> Said:
    """A sentence read for comparison. `referent`: the name of the person a pronoun that opens the
    sentence continues ('He was freed …' after a sentence about Jane Roe), read as that name.
    `event`: the kind of event a pronoun that opens it stands for ('It struck at dawn' after a
    sentence about a storm)."""
    tokens: list[Token] = []
    acts: set[str] = set()
    said = ATTRIBUTION.search(text)
    credit = said.start() if said else len(text)
    # A relative clause after the speaker tells a fact of its own (', who will head the unit').
    told_again = RELATIVE.search(text, credit)
    credit_end = told_again.start() if told_again else len(text)
    speaker = SPEAKER_FIRST.match(text)  # 'A spokesman for the port told reporters that ...'
    lead = speaker.end() if speaker else 0
    words = list(TOKEN.finditer(text))
    lowered = [m.group().lower() for m in words]
    lemmas = [
        SHORT_CALENDAR[w]
        if w in SHORT_CALENDAR and m.group()[0].isupper() and SHORT_CALENDAR_AFTER.match(text, m.end())
        else _lemma(m.group())
        for m, w in zip(words, lowered, strict=True)
    ]
    moods = _moods(text, words, lemmas)
    opener = PRONOUN_OPENS.match(text)
    times = clocks(text) if any(c.isdigit() for c in text) else []
    for i, (m, lemma) in enumerate(zip(words, lemmas, strict=True)):
        if i == 0 and opener and referent and (named := _lemma(referent)):
            tokens.append(Token(named, m.group(), start + m.start(), start + m.end(), True, False, moods[i], True))
            continue
        clock = next(((a, b, t) for a, b, t in times if a <= m.start() < b), None)
        if clock is not None:  # a time of day is one figure, its words ('p.m.', 'local time') no others
            a, b, told = clock
            if a == m.start():
                credited = credit <= a < credit_end or a < lead
                tokens.append(Token(told, text[a:b], start + a, start + b, False, credited, moods[i]))
            continue
        if lemma is None:
            continue
        name = (
            i > 0 and m.group()[:1].isupper() and not lemma.startswith("#")
            and lemma not in CALENDAR
        )  # fmt: skip
        credited = credit <= m.start() < credit_end or m.start() < lead
        tokens.append(Token(lemma, m.group(), start + m.start(), start + m.end(), name, credited, moods[i]))
        if lemma in ACT_OF and not _noun_place(lowered, i):
            acts.add(ACT_OF[lemma])
    return Said(
        source=source,
        start=start,
        end=start + len(text),
        text=text,
        tokens=tuple(tokens),
        years=frozenset(
            w
            for w, m in zip(lowered, words, strict=True)
            if YEAR.match(w) and not any(a <= m.start() < b for a, b, _ in times)  # 'at 2015 GMT' is no year
        ),
        other_time=frozenset(cue for cue in OTHER_TIME if re.search(rf"\b{re.escape(cue)}\b", text, re.IGNORECASE)),
        calendar=_calendar(words, lemmas),
        places=places,
        classes=classes,
        acts=frozenset(acts),
        events=frozenset(kind for t in tokens if (kind := _event_of(t))) | ({event} if event else frozenset()),
    )


def _noun_place(lowered: list[str], i: int) -> bool:
    """Whether the i-th word stands where a noun does, so it tells no act: after a determiner ('a
    fire'), a preposition ('on strike'; 'after striking' is still the verb's) or an adjective that
    is no verb ('a huge blast', 'her first hit'; 'The storm first hit' is the verb's)."""
    prev = lowered[i - 1] if i > 0 else ""
    if prev in ACT_DETERMINERS or (prev in ACT_PREPOSITIONS and not lowered[i].endswith("ing")):
        return True
    read = lemmas(prev) if prev.isalpha() else {}
    if "ADJ" not in read or "VERB" in read:
        return False
    return "ADV" not in read or (i > 1 and lowered[i - 2] in ACT_DETERMINERS)


def _event_of(t: Token) -> str | None:
    """The kind of event a word names ('quakes', 'tremor': earthquake), by its form as the table
    lists it: by lemma, 'struck' would be a strike."""
    return None if t.referred else EVENT_OF.get(t.text.lower())


def _calendar(words: list[re.Match[str]], lemmas: list[str | None]) -> frozenset[str]:
    """The weekday and month names of a sentence, short forms read as full ones. "May" is the
    month when capitalised inside the sentence (its lemma is none: the modal is a stop word)."""
    out = {lemma for lemma in lemmas if lemma in CALENDAR}
    if any(i and m.group() == "May" for i, m in enumerate(words)):
        out.add("may")
    return frozenset(out)


def _runs(a: Said, b: Said) -> set[tuple[str, str]]:
    """Pairs of content words that follow each other in both sentences ('radio beacon')."""
    bigrams = {(x.lemma, y.lemma) for x, y in zip(b.tokens, b.tokens[1:], strict=False)}
    return {(x.lemma, y.lemma) for x, y in zip(a.tokens, a.tokens[1:], strict=False)} & bigrams


def _phrase(a: Said, b: Said, rare: frozenset[str]) -> bool:
    """Whether both sentences give three content words in a row, two of them rare ('the steepest
    rise in fares on each route', 'steepest rises in fares on each of its routes'): two rare words
    may meet in two sentences by chance, but three content words that follow each other in both
    are one phrase, as specific as a third rare word."""

    def trigrams(s: Said) -> set[tuple[str, ...]]:
        return {(x.lemma, y.lemma, z.lemma) for x, y, z in zip(s.tokens, s.tokens[1:], s.tokens[2:], strict=False)}

    return any(sum(w in rare for w in tri) >= PHRASE_RARE for tri in trigrams(a) & trigrams(b))


def _counted(s: Said) -> dict[str, set[str]]:
    """Each number of a sentence by the word right after it, what it counts ('seven rifles': rifle
    {#7}), or by the month right before it ('November 21': november {#21})."""
    out: dict[str, set[str]] = defaultdict(set)
    for x, y in zip(s.tokens, s.tokens[1:], strict=False):
        between = s.text[x.end - s.start : y.start - s.start]
        if between.strip(" -–") or x.lemma.startswith("#") == y.lemma.startswith("#"):
            continue
        if x.lemma.startswith("#"):
            out[y.lemma].add(x.lemma)
        elif x.lemma in MONTHS:
            out[x.lemma].add(y.lemma)
    return out


def mood(s: Said, shared: frozenset[str] | None = None) -> frozenset[Mood]:
    """How a sentence tells the words it shares with another: negated, as a possibility or a plan,
    as a call, when at least half of those words lie in such a clause (any clause of the sentence
    when no words are given)."""
    said = [t for t in s.tokens if shared is not None and t.lemma in shared]
    at = [t for t in said if not t.credit] or said  # how it is told, not who told it
    if not at:
        return frozenset(m for t in s.tokens for m in t.mood)
    moods: tuple[Mood, ...] = ("negated", "modal", "call")
    return frozenset(m for m in moods if 2 * sum(m in t.mood for t in at) >= len(at))


def _negated(s: Said, shared: frozenset[str] | None) -> frozenset[str]:
    """The shared words a negation bears on in a sentence (as mood reads them): two sentences
    that deny the same words ('"you will never leave"' quoted in both) tell them alike."""
    said = [t for t in s.tokens if shared is None or t.lemma in shared]
    at = [t for t in said if not t.credit] or said
    return frozenset(t.lemma for t in at if "negated" in t.mood)


def apart(a: Said, b: Said, shared: frozenset[str] | None = None, *, names: bool = True, opening: bool = False) -> bool:
    """Whether something sets two sentences apart as two facts, however many words they share:
    one noun counted otherwise ('seven rifles', 'nine rifles'), a negation only one has in the
    clauses that tell the shared words, a modal only one has there and in the sentence as a whole
    (a comma also ends a list's item, "will carry a crane, room for 40 cars", so either reading may
    tell a plan alike; a negation elsewhere in a sentence is no reading of the shared words: "did
    not reach the port, the crossing was cancelled"), a year or another time only one names ('last
    year', 'again'),
    other weekdays or months, other named places, events of other classes (an arrest, a rescue), a
    call for something (what someone wants done is no fact), or (unless `names` is false) each
    naming someone the other does not while sharing no name (`opening`: a capitalised word opening
    a sentence may be the name the other gives)."""
    ma, mb = mood(a, shared), mood(b, shared)
    if "call" in ma | mb:
        return True
    if ("negated" in ma) != ("negated" in mb) and _negated(a, shared) != _negated(b, shared):
        return True  # 'was cancelled' against 'did not cancel', whatever else either denies
    if ("modal" in ma) != ("modal" in mb) and ("modal" in mood(a)) != ("modal" in mood(b)):
        return True  # told otherwise where the words are, and by the sentences as wholes
    if _other_years(a, b) or a.other_time != b.other_time:
        return True
    if a.calendar and b.calendar and a.calendar.isdisjoint(b.calendar):
        return True  # 'on Friday' against 'on Saturday', 'in May' against 'in June'
    if a.places and b.places and a.places.isdisjoint(b.places):
        return True  # 'in Lyon' against 'in Porto': where is what may differ
    if a.classes and b.classes and a.classes.isdisjoint(b.classes):
        return True  # 'two were arrested' against 'two were rescued': what happened differs
    ca, cb = _counted(a), _counted(b)
    if any(ca[noun] != cb[noun] for noun in ca.keys() & cb.keys()):
        return True
    if not names:
        return False
    names_a, names_b = (s.names | _opening_name(s) if opening else s.names for s in (a, b))
    only_a = {x for x in a.named if not any(kin(x, y) for y in names_b)}
    only_b = {y for y in b.named if not any(kin(x, y) for x in names_a)}
    return bool(only_a and only_b and len(only_a) == len(a.named))


def _opening_name(s: Said) -> frozenset[str]:
    """The word opening a sentence when it is capitalised ('Gannet is ...'): maybe a name, which the
    other sentence names ('reached Gannet island'). Never a name of the sentence's own (every first
    word is capitalised), but no name the other gives only."""
    first = s.tokens[0] if s.tokens else None
    if first is None or not first.text[:1].isupper() or s.text[: first.start - s.start].strip(" “\"'‘"):
        return frozenset()
    return frozenset({first.lemma})


def _other_years(a: Said, b: Said) -> bool:
    """Whether two sentences tell of other years: the years they name, a sentence that names none
    telling its dated story's own ('On 3 May' in a story of 2024 and 'On 3 May 2024') when the
    other tells something besides its date (a dateline 'May 3, 2024' is no telling of that day)."""
    if a.years == b.years:
        return False
    dated = [s for s in (a, b) if s.years]
    if any(_told_words(s) < DATED_WORDS for s in dated):
        return True
    said = [s.years or (frozenset({str(s.story_year)}) if s.story_year else frozenset()) for s in (a, b)]
    return said[0] != said[1]


def _told_words(s: Said) -> int:
    """How many content words a sentence tells besides its date: no number, month or weekday."""
    return sum(not t.lemma.startswith("#") and t.lemma not in CALENDAR for t in s.tokens)


def _one_list(a: Said, b: Said, rare: frozenset[str]) -> bool:
    """Whether the shared words are one list of names told in both sentences ('felt in Norland and the
    coastal states', 'linked with Leeds, Derby and Hull'): several names in a row, the same in each.
    Two names that are no country or region may be two people met twice, so a list of people needs
    three."""
    listed = _shared_list(a, b, rare)
    if len(listed) < 2:
        return False
    places = all(gazetteer().levels.get(fold(name)) in ("country", "region") for name in listed)
    return len(listed) >= LIST_NAMES or places


def _shared_list(a: Said, b: Said, rare: frozenset[str]) -> list[str]:
    """The names of the one list both sentences give, when the shared words are that list (in any
    order), else none."""
    lists = [_listed(s, rare) for s in (a, b)]
    if lists[0] is None or lists[1] is None or set(lists[0]) != set(lists[1]):
        return []
    return lists[0]


def _listed(s: Said, rare: frozenset[str]) -> list[str] | None:
    """The names the shared words of a sentence list ('Leeds, Derby and the Hull City'), or None
    when they are not all names in one list."""
    at = [t for t in s.tokens if t.lemma in rare]
    if not at or not all(t.name for t in at):
        return None
    runs = [[at[0]]]
    for prev, t in pairwise(at):
        gap = s.text[prev.end - s.start : t.start - s.start]
        if not gap.strip():
            runs[-1].append(t)
        elif LIST_GAP.fullmatch(gap):
            runs.append([t])
        else:
            return None  # names apart in the sentence, or another word between: no one list
    return [s.text[r[0].start - s.start : r[-1].end - s.start] for r in runs]


def kin(x: str, y: str) -> bool:
    """Whether two name words name one thing: the same word, or a country or region the gazetteer
    knows and the word for its people or things ('Norway' and 'Norwegian' aside: 'Kenya',
    'Kenyan'; 'Bavaria', 'Bavarian')."""
    if x == y:
        return True
    short, long = sorted((x, y), key=len)
    if gazetteer().levels.get(fold(short)) not in ("country", "region"):
        return False  # 'Maria' and 'Marian' are two people
    stems = [short, short[:-1]] if short[-1:] in FINAL_VOWELS else [short]
    return any(len(st) >= MIN_STEM and long.startswith(st) and long[len(st) :] in DEMONYM_ENDINGS for st in stems)


@dataclass(frozen=True)
class Match:
    shared: frozenset[str]
    rare: frozenset[str]
    anchor: frozenset[str]


def reprinted(a: Said, b: Said) -> bool:
    """Whether two sentences are one sentence printed twice (wire copy, a statement quoted word for
    word): their content words, in order, mostly the same. One account, whichever outlets print it."""
    seq_a, seq_b = [t.lemma for t in a.tokens], [t.lemma for t in b.tokens]
    return SequenceMatcher(None, seq_a, seq_b, autojunk=False).ratio() >= SIMILARITY


def match(a: Said, b: Said, common: frozenset[str]) -> Match | None:
    """What two sentences of different sources share, if it makes them one fact (see the module)."""
    la, lb = a.lemmas, b.lemmas
    # A figure counting one specific noun in both ('60 welders', 'a 60-welder yard') ties the
    # two sentences by itself: one word fewer is needed, of the sentences and in common.
    ca, cb = _counted(a), _counted(b)
    counted = any(
        ca[n] == cb[n] and n not in GENERIC_NOUNS and not any(YEAR.match(x[1:]) for x in ca[n])
        for n in ca.keys() & cb.keys()
    )
    fewer = 1 if counted else 0
    if min(len(la), len(lb)) < MIN_SENTENCE - fewer or reprinted(a, b):
        return None
    if min(_told_words(a), _told_words(b)) < DATELINE_WORDS:
        return None  # a dateline ('Wed Aug 9, 2023 4:12PM GMT', 'Updated 9:41 AM'): the page's time, no fact
    shared = la & lb
    rare = shared - common
    if timed := frozenset(w for w in shared if PRECISE_CLOCK.match(w)):
        return _one_time_of_day(a, b, rare | timed, timed)
    if (large := frozenset(w for w in shared if _large(w))) and (found := _one_large_figure(a, b, shared, large)):
        return found
    # Three rare words in common may be one phrase ('anti-piracy patrols'): then, without a figure
    # or a name of two words, half the shorter sentence must be shared, not two fifths.
    figures = {w for w in rare if w.startswith("#") and not YEAR.match(w[1:])}
    names = a.names & b.names & rare
    cover = MIN_COVER if len(rare) > MIN_RARE or figures or len(names) > 1 else LOW_COVER
    if len(rare) < MIN_RARE - fewer:
        if len(rare) < MIN_RARE - 1 or not _phrase(a, b, rare):
            return None
        fewer = 1  # a phrase of three content words both give stands for a third rare word
    if len(shared) < cover * min(len(la), len(lb)):
        return None
    if max(len(rare & s.told) for s in (a, b)) < MIN_RARE - fewer:
        return None  # two sentences of one speaker share who spoke, not what was said
    words = {w for w in rare if not w.startswith("#")}
    runs = {w for pair in _runs(a, b) for w in pair if w in rare}
    anchor = frozenset(figures | names | runs)
    if len(words) < MIN_WORDS - fewer or not anchor or apart(a, b, rare):
        return None
    listed = not figures and _one_list(a, b, rare)
    if not figures and len(words - names) < MIN_UNNAMED and not listed:
        return None
    if not figures and any(_appellation(s, rare) for s in (a, b)) and not (_one_scene(a, b, rare) or listed):
        return None  # 'Harbour Master Lena Brandt' in both: who someone is, said in passing
    return Match(frozenset(shared), frozenset(rare), anchor)


def _one_time_of_day(a: Said, b: Said, rare: frozenset[str], timed: frozenset[str]) -> Match | None:
    """Two sentences that give one time of day to the minute ('was reported at 1647 (1547 GMT)',
    'reached the pier at 4:47 p.m. local time') and one word besides it tell one fact, unless
    something sets them apart. The word may be told in two wordings: one predicate class of their
    claims, one act ('the storm struck', 'it hit') or one kind of event ('the quake', 'the
    earthquake'; 'it' standing for the event the sentences before name). Names other than
    people's do not set them apart: one sentence may name the places it was felt in, the other the
    agency that reported it; two sentences naming two people each, and none in common (surnames
    folded, as kin reads names), tell two facts."""
    if apart(a, b, rare, names=False) or (
        a.people and b.people and not any(kin(x, y) for x in a.people for y in b.people)
    ):
        return None
    shared = a.lemmas & b.lemmas
    tied = any(not w.startswith("#") for w in shared) or a.classes & b.classes or a.acts & b.acts or a.events & b.events
    if not tied:
        return None  # several things happen at given minutes of one incident: a word must tie them too
    return Match(shared, rare, timed)


def _large(lemma: str) -> bool:
    """Whether a figure is large enough to be one fact's ('46,000', '7,300'): a thousand or more,
    no year."""
    return bool(LARGE.match(lemma)) and int(lemma[1:]) >= LARGE_FIGURE and not YEAR.match(lemma[1:])


def _one_large_figure(a: Said, b: Said, shared: frozenset[str], large: frozenset[str]) -> Match | None:
    """Two sentences that give one large figure ('home to 46,000 people', 'a population of
    46,000') and two more words, however common in the incident, tell one fact, unless the figure
    counts other nouns in each ('46,000 people', '46,000 homes') or something sets them apart."""
    words = {w for w in shared if not w.startswith("#")}
    if len(words) < LARGE_WORDS:
        return None
    if not all(_standalone(s, figure) for s in (a, b) for figure in large):
        return None
    ca, cb = _counted(a), _counted(b)
    for figure in large:
        nouns_a, nouns_b = ({n for n, xs in c.items() if figure in xs} for c in (ca, cb))
        if nouns_a and nouns_b and nouns_a.isdisjoint(nouns_b):
            return None
    rare = frozenset(shared - {w for w in shared if w.startswith("#") and w not in large})
    if apart(a, b, rare, opening=True):
        return None
    return Match(shared, rare, large)


def _standalone(s: Said, lemma: str) -> bool:
    """Whether a figure stands as a number wherever a sentence gives it, not inside a code or a
    model's name ('GX46000-2', 'K900')."""

    def glued(ch: str) -> bool:
        return bool(ch) and (ch.isalnum() or ch in "-/")

    at = [(t.start - s.start, t.end - s.start) for t in s.tokens if t.lemma == lemma]
    return not any(glued(s.text[max(0, i - 1) : i]) or glued(s.text[j : j + 1]) for i, j in at)


def _appellation(s: Said, rare: frozenset[str]) -> bool:
    """Whether the shared words of a sentence are one name with its title ('the harbour master,
    Lena Brandt'): content words in a row, a name among them and at most two other words."""
    at = [i for i, t in enumerate(s.tokens) if t.lemma in rare]
    if not at or at != list(range(at[0], at[-1] + 1)):
        return False
    named = sum(s.tokens[i].name for i in at)
    return named > 0 and len(at) - named <= TITLE_WORDS


def _one_scene(a: Said, b: Said, rare: frozenset[str]) -> bool:
    """Whether two sentences place one kind of event at the named place they share ('was beaten in
    the Old Mill office', 'was attacked inside the offices of the Old Mill'): where it happened, not
    a name said in passing."""
    return bool(a.classes & b.classes) and all(_placed(s, rare) for s in (a, b))


def _placed(s: Said, rare: frozenset[str]) -> bool:
    """Whether the shared words of a sentence follow a preposition of place ('in the', 'outside')."""
    at = [t for t in s.tokens if t.lemma in rare]
    return bool(at) and bool(PLACE_BEFORE.search(s.text[: at[0].start - s.start]))


def _words(s: Said, m: Match) -> str:
    """What both say, in this sentence's words: from its first shared rare word to its last when
    that is short, else its longest run of shared words, else the start of that stretch."""
    at = [t for t in s.tokens if t.lemma in m.rare]
    if not at:
        return s.text
    text = s.text[at[0].start - s.start : at[-1].end - s.start]
    if len(text) <= MAX_VALUE:
        return text
    best: list[Token] = []
    run: list[Token] = []
    for t in s.tokens:
        run = [*run, t] if t.lemma in m.shared else []
        if len(run) > len(best):
            best = run
    if len(best) >= 2 and any(t.lemma in m.rare for t in best):
        return s.text[best[0].start - s.start : best[-1].end - s.start]
    cut = text[:MAX_VALUE].rsplit(" ", 1)[0]
    return f"{cut} …"


def _longest_name(s: Said, shared: frozenset[str]) -> str | None:
    """The longest run of name words of `s` that are in `shared` ("North Quay Harbour Authority")."""
    runs: list[list[Token]] = []
    for t in (t for t in s.tokens if t.name and t.lemma in shared):
        if runs and s.text[runs[-1][-1].end - s.start : t.start - s.start].strip() in ("", "of", "'s", "’s"):
            runs[-1].append(t)
        else:
            runs.append([t])
    if not runs:
        return None
    best = max(runs, key=lambda r: (len(r), -r[0].start))
    return s.text[best[0].start - s.start : best[-1].end - s.start]


def common_name(a: ClaimBase, b: ClaimBase) -> str | None:
    """The longest name two claims' sentences both give, their values' own words left out: what
    an agreement of two figures or dates is about ('the ferry Marlow Star' for '18 passengers')."""

    def said(c: ClaimBase) -> Said:
        at, end = c.value_start - c.start, c.value_end - c.start
        return read_sentence(c.source, c.start, c.quote[:at] + " " * (end - at) + c.quote[end:])

    sa, sb = said(a), said(b)
    return _longest_name(sa, sa.names & sb.names)


def agreement_title(a: ClaimBase, b: ClaimBase, subject: str = "the incident") -> tuple[str, str]:
    """Subject and attribute of an agreement on one value of two claims: the subject given, else
    the longest name both sentences give beside the value; 'number of Indian sailors' for a count,
    else the frame's attribute ('nautical miles (attack)')."""
    assert a.frame is not None
    if subject == "the incident":
        subject = common_name(a, b) or subject
    if isinstance(a, QuantityClaim) and dimension(a) == "count" and a.subject_text:
        return subject, f"number of {a.subject_text}"
    return subject, a.frame.attribute


def sentences_of(files: list[ClaimsFile], texts: Mapping[str, str]) -> list[Said]:
    """Every story sentence of the sources, with the named places and the predicate classes their
    claims give."""
    out = []
    for cf in files:
        text = texts.get(cf.source.id)
        if text is None:
            continue
        places: dict[int, set[str]] = defaultdict(set)
        classes: dict[int, set[str]] = defaultdict(set)
        for c in cf.claims:
            if isinstance(c, PlaceClaim) and c.named:
                places[c.start].update([c.key, *c.within])
            if c.frame is not None and c.frame.predicate_class and not c.frame.negated:
                classes[c.start].add(c.frame.predicate_class)
        people = sorted(
            (m.start, who.name.split()[-1])
            for e in cf.entities
            if isinstance(who := e.who, Person)
            for m in e.mentions
            if m.kind in ("name", "surname") and not POSSESSIVE.match(text, m.end)
        )
        story = [s for s in segment(Document(source=cf.source, text=text)) if not s.furniture]
        told: list[Said] = []
        for n, s in enumerate(story):
            where, what = frozenset(places.get(s.start, ())), frozenset(classes.get(s.start, ()))
            referent = _continued(people, story[max(0, n - PRONOUN_REACH) : n]) if PRONOUN_OPENS.match(s.text) else None
            event = _event_continued(s.text, told[max(0, n - PRONOUN_REACH) : n])
            said = read_sentence(cf.source.id, s.start, s.text, where, what, referent, event)
            named = frozenset(fold(name) for at, name in people if s.start <= at < s.end)
            year = cf.source.published.year if cf.source.published else None
            told.append(replace(said, story_year=year, people=named))
        out += told
    return out


def _event_continued(text: str, before: list[Said]) -> str | None:
    """The kind of event a pronoun opening a sentence as the subject of an act stands for ('It hit
    at noon'): the one kind the nearest of the sentences before that names one names; none when it
    names two ('the blast caused a fire': which one "it" is, is a guess), nor for a pronoun before
    any other verb ('It said', 'It is unclear')."""
    opener = EVENT_PRONOUN.match(text)
    if opener is None or _lemma(opener.group("verb")) not in ACT_OF:
        return None
    for s in reversed(before):
        if s.events:
            return next(iter(s.events)) if len(s.events) == 1 else None
    return None


def _continued(people: list[tuple[int, str]], before: list[Sentence]) -> str | None:
    """The person a pronoun opening a sentence continues: the one person the nearest of the
    sentences before that names someone names, other than as an owner ('after Roe's arrest'); none
    when it names two (whom "he" continues is then a guess)."""
    for s in reversed(before):
        named = {name for at, name in people if s.start <= at < s.end}
        if named:
            return named.pop() if len(named) == 1 else None
    return None


def account_agreements(
    incident: str,
    files: list[ClaimsFile],
    texts: Mapping[str, str],
    told: Iterable[tuple[tuple[str, int], tuple[str, int]]] = (),
    accounts: Mapping[str, str] | None = None,
) -> list[Agreement]:
    """Agreements between sentences of different accounts that tell one fact in shared words.
    `told`: pairs of sentences (source, start) a finding or another agreement already cites
    together: a finding says they differ, an agreement has already said what they share.
    `accounts`: source → the account it gives (copies.account_of); sources that share copy are one
    account, and shared words only they give corroborate nothing. Unless told, each source is its own."""
    account = accounts or {}
    said = sentences_of(files, texts)
    if len({s.source for s in said}) < 2:
        return []
    df = Counter(w for s in said for w in s.lemmas)
    common = frozenset(w for w, n in df.items() if n > max(2, COMMON_SHARE * len(said)))
    seen = {frozenset(p) for p in told}
    by_word: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(said):
        for w in s.lemmas - common:
            by_word[w].append(i)
    candidates: set[tuple[int, int]] = set()
    for members in by_word.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                si, sj = said[i].source, said[j].source
                if account.get(si, si) != account.get(sj, sj):
                    candidates.add((i, j))
    out: list[Agreement] = []
    read: dict[str, Said] = {}
    for i, j in sorted(candidates):
        a, b = said[i], said[j]
        if frozenset({(a.source, a.start), (b.source, b.start)}) in seen:
            continue
        m = match(a, b, common)
        if m is None:
            continue
        subject = _longest_name(a, m.shared) or "the incident"  # the longest name both give
        value = min((_words(s, m) for s in (a, b)), key=lambda w: (w.endswith("…"), len(w)))
        shared = ", ".join(sorted(w.lstrip("#") for w in m.rare))
        how = f"the same fact in shared words ({shared}), and no figure, negation or time told otherwise"
        claims: list[ClaimBase] = [_claim(s, m, subject) for s in (a, b)]
        read.update((c.id, s) for c, s in zip(claims, (a, b), strict=True))
        out.append(Agreement(incident, subject, ATTRIBUTE, value, how, claims))
    return _merged(out, read)


def _claim(s: Said, m: Match, subject: str) -> WordingClaim:
    at = [t for t in s.tokens if t.lemma in m.anchor] or list(s.tokens[:1])
    words = _words(s, m)
    return WordingClaim(
        id=stable_id("w-", s.source, s.start, words),
        source=s.source,
        start=s.start,
        end=s.end,
        quote=s.text,
        value_start=at[0].start,
        value_end=at[-1].end,
        subject=Topic(facet="thing", word=subject.lower()),
        subject_text=subject,
        rule="wording.shared",
        words=words,
    )


def _merged(agreements: list[Agreement], said: Mapping[str, Said]) -> list[Agreement]:
    """Pairs that share a sentence are one fact told by several sources when every sentence of the
    group was matched with every other (a chain of pairs may wander from one fact to the next): one
    corroboration, at most ten sentences, the first pair naming it. A sentence that another source
    of the group prints word for word is that account again, and is not cited twice."""
    matched = {frozenset(c.id for c in ag.claims) for ag in agreements}
    groups: list[tuple[Agreement, dict[str, ClaimBase]]] = []

    def joins(c: ClaimBase, members: dict[str, ClaimBase]) -> bool:
        return all(frozenset({c.id, m}) in matched for m in members)

    def again(c: ClaimBase, members: dict[str, ClaimBase]) -> bool:
        return any(
            (m.source != c.source and reprinted(said[m.id], said[c.id]))
            or (m.source == c.source and m.quote == c.quote)
            for m in members.values()
        )

    for ag in agreements:
        for _, members in groups:
            if not any(c.id in members for c in ag.claims):
                continue
            new = [c for c in ag.claims if c.id not in members]
            if all(joins(c, members) or again(c, members) for c in new):
                members.update((c.id, c) for c in new if not again(c, members))
                break
        else:
            groups.append((ag, {c.id: c for c in ag.claims}))
    # Groups that show the very same shared words under one subject tell one fact in one wording
    # ("third joint rescue drill" three times over): one corroboration, not three.
    by_value: dict[tuple[str, str], tuple[Agreement, dict[str, ClaimBase]]] = {}
    for first, members in groups:
        key = (first.subject, first.value.lower())
        if key in by_value:
            kept = by_value[key][1]
            kept.update((i, c) for i, c in members.items() if not again(c, kept))
        else:
            by_value[key] = (first, dict(members))
    out = []
    for first, members in by_value.values():
        claims = sorted(members.values(), key=lambda c: (c.source, c.start))[:10]
        if len({c.source for c in claims}) >= 2:
            out.append(Agreement(first.incident, first.subject, first.attribute, first.value, first.resolution, claims))
    return out


def cited_together(
    pending: Iterable[Pending], agreements: Iterable[Agreement]
) -> set[tuple[tuple[str, int], tuple[str, int]]]:
    """Pairs of sentences of different sources that one finding or agreement cites together."""
    out: set[tuple[tuple[str, int], tuple[str, int]]] = set()
    for claims in [p.claims for p in pending] + [ag.claims for ag in agreements]:
        places = sorted({(c.source, c.start) for c in claims})
        out.update((x, y) for i, x in enumerate(places) for y in places[i + 1 :] if x[0] != y[0])
    return out
