"""What every extractor of one source shares: its sentences, people, quotations and speakers,
and the way a claim finds its subject and its evidence."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from factcheck.extract.entities import (
    GROUPS,
    PRONOUNS,
    DocEntities,
    find_people,
    nearest_person_before,
    norm,
)
from factcheck.extract.frames import SentenceView
from factcheck.extract.mentions import Token, find_predicates, listed_predicates, may_hold, tokens
from factcheck.extract.speech import SPEAKING_FORMS
from factcheck.models import Document, Evidence, Group, MonthDay, Organisation, Person, Relative, Sentence, WhoModel
from factcheck.text.dates import MONTH_NAMES
from factcheck.text.patterns import alternation
from factcheck.text.prefilter import Caseless

QUOTE_PAIRS = (("“", "”"), ("‘", "’"), ('"', '"'), ("«", "»"))
SPEECH_VERB = alternation(SPEAKING_FORMS)
ATTRIBUTION = re.compile(
    rf"(?:,|’|”|\")\s*(?P<who>[\w’' -]{{1,40}}?)\s{SPEECH_VERB}\b"
    rf"|\b(?P<who2>[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+){{0,3}}|[Hh]e|[Ss]he|[Tt]hey)\s{SPEECH_VERB}\b"
    rf"|\b{SPEECH_VERB}\s(?P<who3>[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+){{0,3}})"
    r"|\b[Aa]ccording\sto\s(?P<who4>[\w’' -]{1,40}?)(?:,|\.|$)"
    rf"|\b(?P<who5>[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+){{0,3}}),\s(?:a|an|the)\s[^,]{{1,50}},\s{SPEECH_VERB}\b"
)
# Every branch of ATTRIBUTION holds a speech verb or "ccording": a sentence with neither is not
# searched with it (substring tests, much quicker than the pattern; most sentences have none).
ATTRIBUTION_WORDS = (*sorted(SPEAKING_FORMS), "ccording")
YEAR_IN_TEXT = re.compile(r"\b(?:[Ii]n|[Ss]ince|of|[Dd]uring|[Uu]ntil|by)\s(?:[A-Z][a-z]+\s)?(?P<y>(?:19|20)\d\d)\b")
YEAR_MODIFIER = re.compile(r"\b(?:[Tt]he|[Aa]|its|[Tt]his|[Tt]hat)\s(?P<y>(?:19|20)\d\d)\s(?=[a-z])")
EARLIER_TIME = re.compile(
    r"\b(?:last|previous|past)\s(?:year|years|month)\b|\b(?:a|one|two|three|several)\s(?:year|years)\s(?:ago|earlier)\b"
    r"|\bin\s(?:recent|previous|past)\syears\b|\bthe\syear\sbefore\b",
    re.IGNORECASE,
)
EARLIER_TIMES = Caseless(EARLIER_TIME)  # asked of lower-case text: quicker, the same spans
MONTH_ONLY = re.compile(
    rf"\b[Ii]n\s(?:early\s|late\s|mid-)?(?P<m>{'|'.join(MONTH_NAMES)})"
    r"(?!\s\d)\b"
)
ANAPHORIC_START = re.compile(r"^(?:It|They|This|That|The\s(?:quake|attack|disaster|raid|incident))\b")
INSTITUTION_WORDS = ("said", "says", "saying", "stated", "claimed", "announced", "denied", "reported", "insisted")
INSTITUTION_VERB = alternation(INSTITUTION_WORDS)
INSTITUTION_SPEAKS = re.compile(
    r"\b(?:the\s)?(?P<body>(?:[A-Z][\w’'-]+\s){0,3}(?:[Mm]inistry|[Pp]olice|[Oo]ffice|[Dd]epartment|[Gg]overnment|"
    r"[Cc]ourt|[Pp]rosecutor(?:’s|'s)?(?:\s[Oo]ffice)?|[Ss]pokes(?:man|woman|person)|[Aa]uthorities|[Aa]gency|[Ss]ervice))"
    rf"\s(?:\w+\s){{0,4}}?{INSTITUTION_VERB}\b"
)
UNTIL_BEFORE = re.compile(r"\b(?:[Uu]ntil|[Tt]ill|[Tt]hrough|by)\s(?:the\s\w+\s)?$")
CLAUSE_JOIN = re.compile(r"\band\b|[;:]|,\s(?:but|while|which|who)\b")
# Where a predicate's subject cannot lie further left: a new clause, or the reported speech after
# "X said (that)": in "Police chief Anton Brel said 40 people were detained", Brel was not detained.
CLAUSE_BREAK = re.compile(
    r"[;:]|,\s(?:and|but|while|whereas|although)\s|\s(?:but|while|whereas)\s"
    r"|\b(?:said|says|told\s(?:[\w’'-]+\s){1,3}|added|stated|announced|reported|claimed)\s(?:that\s)?"
)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted speech in a sentence (a closing ’ must not be an apostrophe)."""
    spans: list[tuple[int, int]] = []
    for opening, closing in QUOTE_PAIRS:
        i = 0
        while True:
            a = text.find(opening, i)
            if a < 0:
                break
            if opening == "‘" or opening == '"':
                b = a + 1
                while True:
                    b = text.find(closing, b)
                    if b < 0 or b + 1 >= len(text) or not text[b + 1].isalpha():
                        break
                    b += 1
            else:
                b = text.find(closing, a + 1)
            if b < 0:
                # A quotation running to the end of the paragraph.
                spans.append((a, len(text)))
                break
            spans.append((a, b + 1))
            i = b + 1
    return sorted(spans)


@dataclass
class _Slot:
    """The sentence being read: its tokens, its views (every predicate, listed ones only) and
    `may_hold`'s answer, each made on first use."""

    index: int
    toks: list[Token]
    views: dict[bool, SentenceView] = field(default_factory=dict)
    holds: tuple[bool, bool] | None = None


@dataclass
class Context:
    """One source being read: the state extractors share."""

    document: Document
    sentences: list[Sentence]
    people: DocEntities
    speakers: dict[int, WhoModel | None] = field(default_factory=dict)  # sentence index -> speaker
    quotes: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # sentence index -> spans
    hints: dict[int, str | None] = field(default_factory=dict)  # sentence index -> other time it is all about
    hint_spans: dict[int, list[tuple[str, int, int]]] = field(default_factory=dict)  # other times it mentions
    # (sentence index, domain) -> subject of status claims already made, for pronoun chains
    status_subjects: list[tuple[int, str, WhoModel]] = field(default_factory=list)
    # (domain, sentence index) -> the greatest subject (by key) of those: what `recent` needs, at once
    last_status_subject: dict[tuple[str, int], WhoModel] = field(default_factory=dict)
    # The last date the text set (sentence, date, month-day, label, where): "the following day" counts from it.
    last_date: tuple[int, dt.date | None, MonthDay | None, str, Evidence | None] | None = None
    story_year: int | None = None
    # The sentence being read: its tokens and views (every predicate, listed ones only), made once
    # for the open and the place extractors; only the current sentence's, so memory stays flat.
    _current: _Slot | None = field(default=None, init=False, repr=False)

    def tokens(self, sentence: Sentence) -> list[Token]:
        """The sentence's tokens (a list of its own for each caller)."""
        return list(self._slot(sentence).toks)

    def view(self, sentence: Sentence, listed_only: bool = False) -> SentenceView:
        """The sentence's tokens and predicates (with `listed_only`, the predicates lexicon's only),
        indexed for frames: one view for every extractor that asks."""
        slot = self._slot(sentence)
        toks, views = slot.toks, slot.views
        if listed_only not in views:
            if listed_only:  # the full view's listed predicates, its clauses and features shared
                full = self.view(sentence)
                views[True] = full.restricted(listed_predicates(full.preds))
            else:
                views[False] = SentenceView(sentence.text, toks, find_predicates(toks))
        return views[listed_only]

    def frame_view(self, sentence: Sentence) -> SentenceView | None:
        """The view frames are read from (every predicate where the sentence may hold a value, the
        listed ones otherwise), or None where it can hold no listed predicate: the listed rules and
        the open ones read a date's predicate from the same view."""
        values, predicates = self.may_hold(sentence)
        return self.view(sentence, listed_only=not values) if predicates else None

    def _slot(self, sentence: Sentence) -> _Slot:
        if self._current is None or self._current.index != sentence.index:
            self._current = _Slot(sentence.index, tokens(sentence.text))
        return self._current

    @property
    def source(self) -> str:
        return self.document.source.id

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def published(self) -> dt.date | None:
        return self.document.source.published

    @cached_property
    def publication_label(self) -> str:
        """What a date resolved against the publication date cites ('the 3 May 2024 publication
        date'), or '' without one: made once per source, not once per sentence."""
        published = self.published
        return f"the {published.day} {published.strftime('%B %Y')} publication date" if published else ""

    def may_hold(self, sentence: Sentence) -> tuple[bool, bool]:
        """`mentions.may_hold` of the sentence being read, asked once for its readers."""
        slot = self._slot(sentence)
        if slot.holds is None:
            slot.holds = may_hold(sentence.text)
        return slot.holds

    def hint_for(self, sentence: Sentence, start: int, end: int) -> str | None:
        """The other time a claim at [start, end) is about: the sentence's, or a time mentioned in
        the same clause ("killed 26,000 people in Bam in December 2003"), never one across "and"
        ("founded in 2007 and backed with $60 million")."""
        if self.hints.get(sentence.index):
            return self.hints[sentence.index]
        rel_start, rel_end = start - sentence.start, end - sentence.start
        best: tuple[int, str] | None = None
        for hint, a, b in self.hint_spans.get(sentence.index, []):
            between = sentence.text[rel_end:a] if a >= rel_end else sentence.text[b:rel_start]
            if len(between) > 100 or CLAUSE_JOIN.search(between):
                continue
            if best is None or len(between) < best[0]:
                best = (len(between), hint)
        return best[1] if best else None

    def add_status_subject(self, sentence: Sentence, domain: str, key: WhoModel) -> None:
        self.status_subjects.append((sentence.index, domain, key))
        slot = (domain, sentence.index)
        if slot not in self.last_status_subject or key.key() > self.last_status_subject[slot].key():
            self.last_status_subject[slot] = key

    def in_quote(self, sentence: Sentence, position: int) -> bool:
        rel = position - sentence.start
        return any(a <= rel < b for a, b in self.quotes.get(sentence.index, []))


def evidence(ctx: Context, sentence: Sentence, value_start: int, value_end: int) -> dict[str, Any]:
    """The fields every claim shares: its source, the sentence that is its evidence, where in it
    the value is stated, and who the source attributes it to."""
    return {
        "source": ctx.source,
        "start": sentence.start,
        "end": sentence.end,
        "quote": sentence.text,
        "value_start": value_start,
        "value_end": value_end,
        "speaker": ctx.speakers.get(sentence.index),
    }


def build_context(document: Document, sentences: list[Sentence]) -> Context:
    people = find_people(document.source.id, document.text, sentences)
    ctx = Context(document=document, sentences=sentences, people=people)
    last_speaker: WhoModel | None = None
    last_paragraph = -1
    published = document.source.published
    # The story's year: the publication year, else the latest year the article mentions (an
    # undated report names its own year last), so only earlier years mark background.
    mentioned = [
        int(m.group("y"))
        for m in YEAR_IN_TEXT.finditer(document.text)
        # "until 2029", "until the summer of 2029": a year ahead, not the story's
        if not UNTIL_BEFORE.search(document.text[max(0, m.start() - 25) : m.start()])
        and not m.group(0).lower().startswith(("until", "by"))
    ]
    story_year = published.year if published else (max(mentioned) if mentioned else None)
    ctx.story_year = story_year
    previous: Sentence | None = None
    for sentence in sentences:
        ctx.quotes[sentence.index] = quote_spans(sentence.text)
        speaker = _attribute(ctx, sentence)
        starts_quoted = sentence.text[:1] in '“‘"«' or sentence.text.startswith("[")
        if speaker is None and starts_quoted and sentence.paragraph - last_paragraph <= 2:
            speaker = last_speaker  # a quotation continuing the last speaker
        if speaker is not None:
            last_speaker = speaker
            last_paragraph = sentence.paragraph
        ctx.speakers[sentence.index] = speaker
        # Mentions of another time: a year not the story's, "last year", "In February,". One that
        # opens the sentence covers all of it; elsewhere it covers only its own clause.
        spans: list[tuple[str, int, int]] = []
        text = sentence.text
        years = "19" in text or "20" in text  # what both year patterns hold: most sentences have neither
        for m in YEAR_IN_TEXT.finditer(text) if years else ():
            if story_year is None or int(m.group("y")) != story_year:
                spans.append((m.group("y"), m.start(), m.end()))
        for m in YEAR_MODIFIER.finditer(text) if years else ():
            if story_year is None or int(m.group("y")) != story_year:
                spans.append((m.group("y"), m.start(), m.end()))  # "the 2004 tsunami"
        for m in EARLIER_TIMES.finditer(text):
            spans.append(("earlier", m.start(), m.end()))  # "Last year, at least 25 people were detained"
        # A month's name is in every match: a sentence with none is not searched.
        for m in MONTH_ONLY.finditer(text) if any(month in text for month in MONTH_NAMES) else ():
            if published is None or m.group("m") != MONTH_NAMES[published.month - 1]:
                spans.append((m.group("m").lower(), m.start(), m.end()))  # "In February, a quake hit ..."
        opening = [h for h, a, _ in spans if a <= 3 or not sentence.text[:a].strip(" ,")]
        hint = opening[0] if opening else None
        if hint is None and ANAPHORIC_START.match(sentence.text) and previous is not None:
            # "It killed 612 people": about what the sentence before was about.
            before = {h for h, _, _ in ctx.hint_spans.get(previous.index, [])}
            inherited = ctx.hints.get(previous.index) or (before.pop() if len(before) == 1 else None)
            hint = inherited if previous.paragraph >= sentence.paragraph - 1 else None
        ctx.hints[sentence.index] = hint
        ctx.hint_spans[sentence.index] = spans
        previous = sentence
    return ctx


def _attribute(ctx: Context, sentence: Sentence) -> WhoModel | None:
    may_attribute = any(w in sentence.text for w in ATTRIBUTION_WORDS)
    for m in ATTRIBUTION.finditer(sentence.text) if may_attribute else ():
        who = next(g for g in (m.group("who5"), m.group("who"), m.group("who2"), m.group("who3"), m.group("who4")) if g)
        position = sentence.start + m.start()
        key = resolve_words(ctx, who.strip(), position)
        if key:
            return key
    # An institution speaking: "the Interior Ministry released a statement saying ...".
    body = INSTITUTION_SPEAKS.search(sentence.text) if any(w in sentence.text for w in INSTITUTION_WORDS) else None
    if body:
        return Organisation(name=" ".join(body.group("body").lower().split()[-3:]))
    return None


def resolve_words(ctx: Context, words: str, position: int) -> Person | Relative | None:
    """The entity some words refer to: a name, a surname, or a pronoun."""
    words = words.strip().rstrip(",")
    low = words.lower()
    if low in PRONOUNS:
        cls = PRONOUNS[low]
        if cls in ("male", "female"):
            return nearest_person_before(ctx.people, position, ctx.sentences)
        return None
    key = Person(name=norm(words)) if norm(words) else None
    if key is not None and key in ctx.people.entities:
        return key
    last = norm(words.split()[-1]) if words.split() else ""
    return ctx.people.short_names.get(last)


PRONOUN_OR_MENTION = re.compile(
    r"\b(?:he|she|they|i|we|him|her|them|me|us|his)\b",
    re.IGNORECASE,  # "his body was found": his
)

# Any of the group phrases below at all: one search rules them all out.
ANY_GROUP = re.compile(r"\b(?:the|both|a)\s(?:" + "|".join(GROUPS) + r")\b", re.IGNORECASE)


def subject_before(
    ctx: Context, sentence: Sentence, position: int, domain: str | None = None, window: int = 90
) -> tuple[WhoModel | None, str]:
    """The entity a predicate at `position` is about: the nearest mention or pronoun to its left
    within the clause. Returns (who, words)."""
    rel = position - sentence.start
    lo = max(0, rel - window)
    left = sentence.text[lo:rel]
    breaks = list(CLAUSE_BREAK.finditer(left))
    if breaks:
        lo += breaks[-1].end()
    abs_lo = sentence.start + lo
    best: tuple[int, WhoModel | None, str] | None = None
    for start, end, key, _kind in ctx.people.starting(abs_lo, position + 1):
        if end <= position and (best is None or start > best[0]):
            best = (start, key, ctx.text[start:end])
    for m in PRONOUN_OR_MENTION.finditer(sentence.text, lo, rel):
        start = sentence.start + m.start()
        if best is None or start > best[0]:
            best = (start, None, m.group(0))
    window_text = sentence.text[lo:rel]
    for word, _cls in GROUPS.items() if ANY_GROUP.search(window_text) else ():
        for m in re.finditer(rf"\b(?:the|both|a)\s{word}\b", window_text, re.IGNORECASE):
            start = abs_lo + m.start()
            if best is None or start > best[0]:
                best = (start, Group(noun=word), m.group(0))
    if best is None:
        return None, ""
    start, found, words = best
    if found is not None:
        return found, words
    return resolve_pronoun(ctx, sentence, start, words, domain), words


def resolve_pronoun(ctx: Context, sentence: Sentence, position: int, word: str, domain: str | None) -> WhoModel | None:
    """Who a pronoun stands for. First person inside a quotation is the speaker; a third-person
    pronoun that continues a status story ("was fired ... he was told he was not fired") is the
    subject of the last such claim; otherwise the nearest person before it."""
    cls = PRONOUNS.get(word.lower())
    if cls in ("male", "female") and word.lower() in ("him", "her"):
        domain = None  # an object pronoun does not continue the subject's story
    if cls in ("first_singular",):
        return ctx.speakers.get(sentence.index) if ctx.in_quote(sentence, position) else None
    if cls in ("plural", "first_plural"):
        return Group(noun="group")
    if domain is not None:
        # The subject of the latest status claim of this domain in this sentence or the two before.
        for i in (sentence.index, sentence.index - 1, sentence.index - 2):
            if (domain, i) in ctx.last_status_subject:
                return ctx.last_status_subject[(domain, i)]
    return nearest_person_before(ctx.people, position, ctx.sentences)
