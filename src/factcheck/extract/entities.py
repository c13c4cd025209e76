"""Mentions of people in one source: full names, surnames alone, role phrases and pronouns.

There is no statistical model here: a capitalised run of two to four words is a person's name
when the text treats it like one (an age, a role, a speech verb, or the surname used alone
later). Role phrases ("his 20-year-old partner", "the activist") become entities of their own,
linked to a name when an apposition says so ("his boyfriend, Alvi Aghabeyov").
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache, lru_cache

from factcheck.lexicons import load_lexicon
from factcheck.lexicons.nationalities import demonym_words
from factcheck.models import Entity, Mention, Person, Relative, Sentence
from factcheck.text.patterns import alternation

_NAMES = load_lexicon("names")
NOT_NAME = frozenset(_NAMES["not_name"]) | demonym_words()
ORG_OR_PLACE = frozenset(_NAMES["org_or_place"])
_ROLES = load_lexicon("roles")
RELATIONAL: dict[str, str] = {w: cls for cls, words in _ROLES["relational"].items() for w in words}
OCCUPATIONAL: dict[str, str] = {w: cls for cls, words in _ROLES["occupational"].items() for w in words}
GROUPS: dict[str, str] = {w: cls for cls, words in _ROLES["group"].items() for w in words}
PRONOUNS: dict[str, str] = {w: cls for cls, words in _ROLES["pronouns"].items() for w in words}

_POSITIONS = sorted(load_lexicon("positions")["positions"], key=len, reverse=True)
POSITION_BEFORE = re.compile(
    r"\b" + alternation(p.lower() for p in _POSITIONS) + r"(?:\s(?:of|at|for)\s[\w’' -]{1,50})?,\s$", re.IGNORECASE
)
WORD = re.compile(r"[^\W\d_](?:[\w’'-]*[^\W_])?")
AGE_ADJ = r"(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)[- ]years?[- ]old"
_role_words = sorted(set(RELATIONAL) | set(OCCUPATIONAL), key=len, reverse=True)
ROLE_PHRASE = re.compile(
    r"\b(?P<det>[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur|[Tt]he|[Aa]n?|[A-Z][\w’'-]+(?:’s|'s|’|'))\s"
    r"(?P<mods>(?:(?:former|late|own|new|young|longtime|long-time|"
    + AGE_ADJ
    + r"|(?!(?:his|her|their|the|a|an|that|and|of|to|in|on|who)\b)[a-z]+-?[a-z]*)\s){0,3}?)"
    r"(?P<role>" + alternation(_role_words) + r")s?\b",
)
ROLE_WORD = re.compile(r"\b" + alternation(_role_words) + r"s?\b")
# A speech verb after a name: "X said", "X, 41, told", "X, who ... said". An age needs its commas
# ("X, 41, said"), and the words before the verb do not close a quotation: in '"... version 7,"
# said Y' and '"... from X," she said' the name ends the quote, and the speaker is another.
SPEECH_AFTER = re.compile(
    r"^(?:,\s*\d{1,3},|,)?\s*(?:who\s|a\s|an\s|the\s)?[^.”\"]{0,60}?\b(?P<verb>said|says|told|added|stated|wrote|"
    r"explained|noted|announced|claimed|reported)\b"
)
# A capitalised subject of its own between the comma after a name and the verb: in "... for Vexa
# Browser, Daniel Moss said" the name ends what was said, and Daniel Moss said it.
OTHER_SPEAKER = re.compile(r",\s(?:[A-Z][\w’'&-]*\s){1,4}$")


SHORT_NAME_AS_SUBJECT = re.compile(  # starts at a word's start: linear on long words
    r"(?<![\w’'-])([^\W\d_][\w’'-]+)(?:’s|'s)?\s(?:said|says|told|added|was|is|has|had|were|sent|went|did|would|will|could|"
    r"wrote|stated|noted|explained|surprises|believes|thinks|shared|posted|reported|remained|faces|faced)\b"
)


def _headline_case(text: str, position: int) -> bool:
    """Whether the line holding `position` is a headline in title case, where capitals say nothing."""
    line_start = text.rfind("\n", 0, position) + 1
    line_end = text.find("\n", position)
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
    if line.endswith((".", "!", "?", "”", "’", '"')):
        return False  # headlines do not end like sentences
    long_words = [w for w in WORD.findall(line) if len(w) > 3]
    return len(long_words) >= 4 and sum(_is_cap(w) for w in long_words) / len(long_words) > 0.7


NEWLINE = re.compile("\n")


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


@cache
def norm(name: str) -> str:
    """A name as a comparison key: lower case, straight apostrophes, no possessive."""
    name = name.replace("’", "'").lower()
    return re.sub(r"'s?$", "", name).strip()


_ASCII_CAPITAL = re.compile(r"[A-Z]")
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")


@lru_cache(maxsize=4096)
def capitalised_words(text: str) -> tuple[re.Match[str], ...]:
    """The matches of WORD in `text` that start with a capital, as `WORD.finditer` gives them,
    found from the capitals instead of from every word. A word starts at the first letter of a
    run of word characters, apostrophes and hyphens; a text with a capital outside ASCII is read
    word by word. Cached: the people, their roles and the proper names each read every sentence."""
    if any(c.isupper() for c in _NOT_ASCII.findall(text)):
        return tuple(m for m in WORD.finditer(text) if m.group(0)[:1].isupper())
    out: list[re.Match[str]] = []
    for capital in _ASCII_CAPITAL.finditer(text):
        i = capital.start()
        j = i - 1
        while j >= 0 and (text[j].isdecimal() or text[j] in "_’'-"):
            j -= 1
        if j >= 0 and text[j].isalnum():
            continue  # a letter before it in the run: inside a word ("McDonald", "x-Ray")
        word = WORD.match(text, i)
        if word is not None:
            out.append(word)
    return tuple(out)


@dataclass
class NameSpan:
    start: int
    end: int
    text: str
    tokens: list[str]


def capitalised_runs(text: str, offset: int = 0) -> list[NameSpan]:
    """Runs of capitalised words (two or more), as candidate names, with offsets."""
    runs: list[NameSpan] = []
    current: list[re.Match[str]] = []

    def flush() -> None:
        words = list(current)
        # Trim words that cannot be part of a name from both ends.
        while words and words[0].group(0).lower().rstrip(".") in NOT_NAME:
            words.pop(0)
        while words and words[-1].group(0).lower().rstrip(".") in NOT_NAME:
            words.pop()
        if words:
            start, end = words[0].start(), words[-1].end()
            surface = text[start:end]
            if surface.endswith(("’s", "'s")):  # a word ends in a letter or digit: no bare apostrophe
                surface = surface[:-2]
            runs.append(NameSpan(offset + start, offset + start + len(surface), surface, surface.split()))
        current.clear()

    for m in capitalised_words(text):
        if current and text[current[-1].end() : m.start()] != " ":  # a word between, or more than a space
            flush()
        current.append(m)
    flush()
    return runs


EntityKey = Person | Relative  # who a source's entity is: what its mentions and claims refer to
MentionRow = tuple[int, int, EntityKey, str]  # start, end, entity, kind


def _start(mention: MentionRow) -> int:
    return mention[0]


@dataclass
class _Runs:
    """A list of mentions as a sorted part and the tail appended since, so look-ups by position
    bisect instead of scanning every mention (once per predicate, that made extraction quadratic).
    The sorted part's starts are kept in a list of their own: a bisection over plain integers runs
    in C, one through a key function calls back into Python at every step."""

    items: list[MentionRow]
    upto: int = 0  # items[:upto] is sorted
    tail_sorted: bool = True  # items[upto:] is sorted too
    starts: list[int] = field(default_factory=list)  # the starts of items[:upto]

    def append(self, mention: MentionRow) -> None:
        if len(self.items) > self.upto and self.items[-1] > mention:
            self.tail_sorted = False
        self.items.append(mention)

    def sort(self) -> None:
        self.items.sort()
        self.upto, self.tail_sorted = len(self.items), True
        self.starts = [m[0] for m in self.items]

    def _rest(self) -> list[MentionRow]:
        """The mentions of the tail, unsorted; empty when the tail is sorted (or there is none)."""
        return [] if self.tail_sorted else self.items[self.upto :]

    def _tail(self) -> tuple[int, int]:
        """The tail as an index range when it is sorted, else an empty range."""
        return (self.upto, len(self.items)) if self.tail_sorted else (self.upto, self.upto)

    def starting(self, lo: int, hi: int) -> list[MentionRow]:
        starts, items = self.starts, self.items
        first = bisect.bisect_left(starts, lo)
        out = items[first : bisect.bisect_left(starts, hi, first)]
        a, b = self._tail()
        if a < b:
            first = bisect.bisect_left(items, lo, a, b, key=_start)
            out += items[first : bisect.bisect_left(items, hi, first, b, key=_start)]
        rest = self._rest()
        return out + [m for m in rest if lo <= m[0] < hi] if rest else out

    def last(self, lo: int, hi: int) -> MentionRow | None:
        """The greatest mention starting in [lo, hi)."""
        found = [m for m in self._rest() if lo <= m[0] < hi]
        j = bisect.bisect_left(self.starts, hi)
        if j > 0 and self.starts[j - 1] >= lo:
            found.append(self.items[j - 1])
        a, b = self._tail()
        if a < b:
            j = bisect.bisect_left(self.items, hi, a, b, key=_start)
            if j > a and self.items[j - 1][0] >= lo:
                found.append(self.items[j - 1])
        return max(found) if found else None

    def first(self, lo: int, hi: int) -> MentionRow | None:
        """The least mention starting in [lo, hi)."""
        found = [m for m in self._rest() if lo <= m[0] < hi]
        i = bisect.bisect_left(self.starts, lo)
        if i < self.upto and self.starts[i] < hi:
            found.append(self.items[i])
        a, b = self._tail()
        if a < b:
            i = bisect.bisect_left(self.items, lo, a, b, key=_start)
            if i < b and self.items[i][0] < hi:
                found.append(self.items[i])
        return min(found) if found else None


@dataclass
class DocEntities:
    """The people of one source and where each is mentioned."""

    source: str
    entities: dict[EntityKey, Entity] = field(default_factory=dict)
    # surname / given name (normalised) -> the person, when unambiguous
    short_names: dict[str, Person] = field(default_factory=dict)
    mentions: list[MentionRow] = field(default_factory=list)  # start, end, key, kind
    orgs: dict[str, int] = field(default_factory=dict)  # other proper names and their counts
    _all: _Runs = field(init=False, repr=False)
    _people: _Runs = field(init=False, repr=False)  # the mentions of named people
    _longest: tuple[int, int] | None = field(default=None, repr=False)  # (mentions counted, longest)

    def __post_init__(self) -> None:
        self._all = _Runs(self.mentions)
        self._people = _Runs([m for m in self.mentions if isinstance(m[2], Person)])
        self._all.sort()
        self._people.sort()

    def add_mention(self, key: EntityKey, start: int, end: int, text: str, kind: str) -> None:
        entity = self.entities[key]
        entity.mentions.append(Mention(source=self.source, start=start, end=end, text=text, kind=kind))
        self._all.append((start, end, key, kind))
        if isinstance(key, Person):
            self._people.append((start, end, key, kind))

    def sort_mentions(self) -> None:
        self._all.sort()
        self._people.sort()

    def starting(self, lo: int, hi: int) -> list[MentionRow]:
        """The mentions that start in [lo, hi); in list order once the mentions are sorted."""
        return self._all.starting(lo, hi)

    def last_person(self, lo: int, hi: int) -> MentionRow | None:
        """The greatest mention of a person starting in [lo, hi): `max` of them."""
        return self._people.last(lo, hi)

    def first_person(self, lo: int, hi: int) -> MentionRow | None:
        """The least mention of a person starting in [lo, hi): `min` of them."""
        return self._people.first(lo, hi)

    def longest_mention(self) -> int:
        """The length of the longest mention (so the mentions covering a position start at most
        that far before it)."""
        if self._longest is None or self._longest[0] != len(self.mentions):
            self._longest = (len(self.mentions), max((e - s for s, e, _, _ in self.mentions), default=0))
        return self._longest[1]

    def ensure(self, key: EntityKey, label: str, name: str | None = None) -> Entity:
        if key not in self.entities:
            self.entities[key] = Entity(id=key.key(), who=key, name=name, label=label, sources=[self.source])
        return self.entities[key]


def _person_evidence(text: str, span: NameSpan) -> bool:
    after = text[span.end : span.end + 80]
    before = text[max(0, span.start - 40) : span.start]
    if re.match(r",\s\d{1,3}\s?,", after) or re.match(r"\s\(\d{1,3}\)", after):
        return True
    speech = SPEECH_AFTER.match(after)
    if speech and not OTHER_SPEAKER.search(after, 0, speech.start("verb")):
        return True
    if re.match(r",\s(?:a|an|the|who|whose)\b", after):
        return True
    if re.search(AGE_ADJ + r"\s$", before) or re.search(r"\b(?:Mr|Mrs|Ms|Dr)\.?\s$", before):
        return True
    if POSITION_BEFORE.search(text[max(0, span.start - 80) : span.start]):
        return True  # "the deputy director of the publication, Magomed Kekalov"
    if re.search(r"\b[Aa]t\s(?:the\sage\sof\s)?\d{1,3}(?:\syears\sold)?,\s$", before):
        return True  # "At 23 years old, Maria Lopez ..."
    if re.search(r"\b(?:a|an|the)\s" + AGE_ADJ + r"\s[a-z]+(?:\s[a-z]+)?,\s$", before):
        return True  # "a 19-year-old student, Omar Haddad,"
    last = before.split()[-1].lower().strip(",") if before.split() else ""
    return (
        last in OCCUPATIONAL
        or last in RELATIONAL
        or (
            last in NOT_NAME
            and last
            in (
                "judge",
                "archbishop",
                "president",
                "minister",
                "sgt",
                "officer",
                "governor",
                "agent",
                "deputy",
                "prosecutor",
                "spokesman",
                "spokeswoman",
                "activist",
                "journalist",
                "editor",
                "director",
                "lawyer",
            )
        )
    )


def find_people(source: str, text: str, sentences: list[Sentence]) -> DocEntities:
    """All people mentioned in a source, with their mentions, roles and relations."""
    doc = DocEntities(source=source)
    candidates: list[NameSpan] = []
    lower_words = {w for w in WORD.findall(text) if w.islower()}
    for sentence in sentences:
        if sentence.furniture:
            continue
        for span in capitalised_runs(sentence.text, sentence.start):
            first = span.tokens[0]
            # "Ironically Nichols", "Later Gomes": a sentence's first word is capitalised anyway.
            if (
                span.start == sentence.start
                and len(span.tokens) > 1
                and (first.lower() in lower_words or first.lower().endswith("ly"))
            ):
                rest = span.text[len(first) :].lstrip()
                span = NameSpan(span.end - len(rest), span.end, rest, rest.split())
            candidates.append(span)
    # Which runs are people: evidence somewhere, or the last word used alone elsewhere.
    # A surname used alone as the subject of a verb ("Nasimi said", "Heydarov was") marks a person.
    single_words: dict[str, int] = {}
    for sentence in sentences:
        if sentence.furniture:
            continue
        for m in SHORT_NAME_AS_SUBJECT.finditer(sentence.text):
            single_words[norm(m.group(1))] = single_words.get(norm(m.group(1)), 0) + 1
    people: dict[str, NameSpan] = {}
    line_starts = [0] + [m.end() for m in NEWLINE.finditer(text)]
    headline: dict[int, bool] = {}  # line start -> whether the line is a title-case headline
    for span in candidates:
        line = line_starts[bisect.bisect_right(line_starts, span.start) - 1]
        if line not in headline:
            headline[line] = _headline_case(text, line)
        if headline[line]:
            continue
        words = [w.lower().rstrip(".") for w in span.tokens]
        if len(span.tokens) < 2 or len(span.tokens) > 4 or any(w in ORG_OR_PLACE for w in words):
            key = norm(span.text)
            doc.orgs[key] = doc.orgs.get(key, 0) + 1
            continue
        if any(not _is_cap(t) or len(t) == 1 for t in span.tokens):
            continue
        key = norm(span.text)
        surname = norm(span.tokens[-1])
        alone = single_words.get(surname, 0) > 0
        if key in people or _person_evidence(text, span) or alone:
            people.setdefault(key, span)
        else:
            doc.orgs[key] = doc.orgs.get(key, 0) + 1
    # A name that extends another ("Ravan Nasimi" / "Nasimi Ravan") keeps the longest form.
    person_of = {key: Person(name=key) for key in people}  # each built once: a model costs microseconds
    for key, span in sorted(people.items(), key=lambda kv: (kv[1].start, kv[0])):
        entity = doc.ensure(person_of[key], span.text, name=span.text)
        entity.label = span.text
    surname_owner: dict[str, set[Person]] = {}
    given_owner: dict[str, set[Person]] = {}
    for key in people:
        parts = key.split()
        surname_owner.setdefault(parts[-1], set()).add(person_of[key])
        given_owner.setdefault(parts[0], set()).add(person_of[key])
    full_uses: dict[str, int] = defaultdict(int)  # by name: a str hashes quicker than a Person
    first_use: dict[str, int] = {}
    for span in candidates:
        named = norm(span.text)
        full_uses[named] += 1
        first_use.setdefault(named, span.start)
    for short, owners in surname_owner.items():
        # A surname two people share names the one named more often in full; on a tie, nobody.
        ranked = sorted(owners, key=lambda k: (-full_uses[k.name], first_use.get(k.name, 0), k))
        if len(ranked) == 1 or full_uses[ranked[0].name] > full_uses[ranked[1].name]:
            doc.short_names[short] = ranked[0]
    for short, owners in given_owner.items():
        if len(owners) == 1 and short not in doc.short_names and short not in surname_owner:
            doc.short_names[short] = next(iter(owners))
    # Mentions: full names, then short names not inside a full name.
    for span in candidates:
        key = norm(span.text)
        if key in people:  # the names made entities above
            doc.add_mention(person_of[key], span.start, span.end, span.text, "name")
    taken = sorted((s, e) for s, e, _, _ in doc.mentions)
    taken_starts = [s for s, _ in taken]

    def inside_taken(position: int) -> bool:
        i = bisect.bisect_right(taken_starts, position) - 1
        return i >= 0 and taken[i][0] <= position < taken[i][1]

    for sentence in sentences if doc.short_names else ():
        if sentence.furniture:
            continue
        for m in capitalised_words(sentence.text):
            s, e = sentence.start + m.start(), sentence.start + m.end()
            if inside_taken(s):
                continue
            owner = doc.short_names.get(norm(m.group(0)))
            if owner:
                doc.add_mention(owner, s, e, m.group(0), "surname")
    doc.sort_mentions()  # sorted for the look-ups of _find_roles, which adds in text order
    _find_roles(doc, text, sentences)
    doc.sort_mentions()
    return doc


def _possessor(doc: DocEntities, det: str, position: int, sentences: list[Sentence]) -> Person | None:
    """Whose role it is: 'Doe's mother' → Doe; 'his partner' → the nearest person before."""
    if det[:1].isupper() and det.lower() not in ("his", "her", "their", "the", "a", "an", "my", "our"):  # "Doe's"
        key = doc.short_names.get(norm(det))
        named = Person(name=norm(det)) if norm(det) else None
        return key or (named if named in doc.entities else None)
    if det.lower() in ("his", "her"):
        return nearest_person_before(doc, position, sentences)
    return None


def _det_is_article(det: str) -> bool:
    return det.lower() in ("a", "an", "the")


def nearest_person_before(doc: DocEntities, position: int, sentences: list[Sentence]) -> Person | None:
    """The nearest named person before `position` in its sentence, else the first person of the
    sentences before (the subject a pronoun most likely continues)."""
    sentence = sentence_at(sentences, position)
    if sentence is None:
        return None
    here = doc.last_person(sentence.start, position)
    if here and isinstance(here[2], Person):
        return here[2]
    for previous in reversed(sentences[max(0, sentence.index - 3) : sentence.index]):
        there = doc.first_person(previous.start, previous.end)
        if there and isinstance(there[2], Person):
            return there[2]
    return None


def sentence_at(sentences: list[Sentence], position: int) -> Sentence | None:
    lo, hi = 0, len(sentences) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s = sentences[mid]
        if position < s.start:
            hi = mid - 1
        elif position >= s.end:
            lo = mid + 1
        else:
            return s
    return None


def _find_roles(doc: DocEntities, text: str, sentences: list[Sentence]) -> None:
    for sentence in sentences:
        if sentence.furniture:
            continue
        if not ROLE_WORD.search(sentence.text):
            continue  # no role noun: the large role pattern cannot match
        for m in ROLE_PHRASE.finditer(sentence.text):
            start = sentence.start + m.start()
            end = sentence.start + m.end()
            role_word = m.group("role").lower()
            det = m.group("det")
            # "his boyfriend, 20-year-old Alvi Aghabeyov" / "Hasanli's assistant, Mahammad Kekalov"
            after = text[end : end + 60]
            appos = re.match(r",\s(?:" + AGE_ADJ + r"\s)?(?P<name>[^\W\d_][\w’'-]+(?:\s[^\W\d_][\w’'-]+){1,3})", after)
            named: Person | None = None
            if appos:
                cand = Person(name=norm(appos.group("name")))
                named = cand if cand in doc.entities else None
            if named is None:
                # "Ravan Nasimi, 27, bought his boyfriend ..." is the owner; the role follows a name
                # directly only in "NAME, the activist," appositions.
                before = text[max(sentence.start, start - 60) : start]
                back = re.search(r"(?P<name>[^\W\d_][\w’'-]+(?:\s[^\W\d_][\w’'-]+){1,3}),\s$", before)
                if back and _det_is_article(det):
                    cand = Person(name=norm(back.group("name")))
                    named = cand if cand in doc.entities else None
            if role_word in RELATIONAL:
                cls = RELATIONAL[role_word]
                owner = _possessor(doc, det, start, sentences)
                if named:
                    entity = doc.entities[named]
                    if cls not in entity.roles:
                        entity.roles.append(cls)
                    if owner and owner != named:
                        entity.relation_of = owner.key()
                    doc.add_mention(named, start, end, m.group(0), "role")
                    continue
                if owner is None:
                    continue
                # An earlier apposition may have named this relation already.
                known = [k for k, e in doc.entities.items() if cls in e.roles and e.relation_of == owner.key()]
                key = known[0] if known else Relative(role=cls, of=owner)
                owner_label = doc.entities[owner].label if owner in doc.entities else owner.key()
                entity = doc.ensure(key, f"{owner_label}'s {cls}")
                if not known:
                    entity.roles = [cls]
                    entity.relation_of = owner.key()
                doc.add_mention(key, start, end, m.group(0), "role")
            elif role_word in OCCUPATIONAL and named:
                cls = OCCUPATIONAL[role_word]
                entity = doc.entities[named]
                if cls not in entity.roles:
                    entity.roles.append(cls)


def proper_names(sentences: list[Sentence]) -> dict[str, int]:
    """Capitalised words not at the start of a sentence, lower-cased, with counts: the distinctive
    vocabulary of a story (places, organisations, people) that incidents are grouped by."""
    counts: dict[str, int] = {}
    for sentence in sentences:
        if sentence.furniture or _headline_case(sentence.text, 0):
            continue
        for m in capitalised_words(sentence.text):  # the words of WORD that start with a capital
            word = m.group(0)
            if m.start() == 0 or not _is_cap(word) or len(word) < 3 or (word.isupper() and len(word) <= 3):
                continue
            key = norm(word)
            if key in NOT_NAME:
                continue
            counts[key] = counts.get(key, 0) + 1
    return dict(sorted(counts.items()))
