"""Shared copy: sources that print the same passages (wire copy, reprints, updated versions).

Sentences of the sources of one incident are aligned one to one when they are nearly the same
words; a value (number, age, date, weekday, time), an event predicate or a negation that differs
between two aligned sentences is a finding, with both sentences as evidence. Sources that share
many sentences share copy: they are one account, so the claims of their identical sentences are
compared once, not against each other, and a corroboration counts them as one source.

Alignment is near-linear: sentences are indexed by word trigrams, trigrams shared by too many
sentences are passed over, and only sentences sharing enough trigrams are compared.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from rapidfuzz.distance import Indel, Levenshtein

from factcheck.compare import SEVERITY_ORDER, LineIndex
from factcheck.extract.places import find_places, inside, same_place
from factcheck.lexicons import load_lexicon
from factcheck.models import (
    ClaimRef,
    ClaimsFile,
    Corroboration,
    Document,
    Finding,
    Severity,
    SharedCopy,
    stable_id,
)
from factcheck.segment import segment
from factcheck.text.dates import MONTHS as DATE_MONTHS
from factcheck.text.dates import WEEKDAYS as DATE_WEEKDAYS
from factcheck.text.numbers import MULTIPLES, TENS, UNITS

_LEXICON = load_lexicon("copies")
PREDICATES: dict[str, frozenset[str]] = {}
for _cls, _words in _LEXICON["predicates"].items():
    for _w in _words:
        PREDICATES[_w] = PREDICATES.get(_w, frozenset()) | {_cls}


def predicate_classes(norm: str) -> frozenset[str]:
    """The predicate classes of a word, or of the last part of a compound ('state-approved')."""
    return PREDICATES.get(norm) or PREDICATES.get(norm.rpartition("-")[2], frozenset())


AUXILIARIES = frozenset({"to", "do", "does", "did"})
NEGATORS = frozenset(_LEXICON["negators"])
# The values of number words, weekdays and months are the text layer's own tables.
NUMBER_WORDS = UNITS | TENS | {"dozen": 12} | {w: v for w, v in MULTIPLES.items() if len(w) > 2}
NUMBERISH = frozenset(_LEXICON["number_words"])
WEEKDAYS = frozenset(DATE_WEEKDAYS)
MONTHS = frozenset(DATE_MONTHS)
AGE_WORDS = frozenset(_LEXICON["age_words"])
TIME_WORDS = frozenset(_LEXICON["time_words"])
STOPWORDS = frozenset(load_lexicon("stopwords")["stopwords"])

TOKEN = re.compile(
    r"\d+(?:[.,:]\d+)*(?:st|nd|rd|th)?|[A-Za-z]+(?=n['’]t\b)|n['’]t\b|[ap]\.m\.|['’]s\b"
    r"|[A-Za-z]+(?:-[A-Za-z]+)*(?:['’](?!s\b)[A-Za-z]+)?|\S"
)
DIGITS = re.compile(r"\d+(?:[.,:]\d+)*")
CLOCK = re.compile(r"(\d{1,2})[.:](\d\d)")
ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
THOUSANDS_OR_SUFFIX = re.compile(r"(?<=\d),(?=\d{3})|(?:st|nd|rd|th)$")
CAPITAL = re.compile(r"\b(?i:in|at|on|outside|near|inside|into|from)\s(?:the\s)?[A-Z]")  # a named place may follow
MIN_WORDS = 6  # shorter sentences (headlines, bylines) are too common to say two sources share copy
MAX_POSTINGS = 30  # a trigram in more sentences than this ("one of the") aligns nothing
SIMILARITY = 0.8  # of the words of two sentences, for them to be one sentence in two copies
SHARED_MIN = 2  # sentences two sources must share ...
SHARED_WORDS = 60  # ... holding this many words (a passage, not a stock phrase or two) ...
SHARED_SHARE = 0.25  # ... and this share of the shorter one's sentences, to share copy


@dataclass(frozen=True)
class Token:
    text: str  # as written
    norm: str  # lower case, apostrophes straightened
    start: int  # offset in the source's text
    end: int


@dataclass(frozen=True)
class Line:
    """A sentence of a source: its words for alignment, its tokens (made when a diff needs them)."""

    source: str
    index: int
    start: int
    end: int
    text: str
    # What alignment compares: the tokens without punctuation, numbers as their value.
    words: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        norms = (m.lower().replace("’", "'") for m in TOKEN.findall(self.text))
        words = tuple(_value_key(n) or n for n in norms if n[0].isalnum() or n == "n't")
        object.__setattr__(self, "words", words)

    @cached_property
    def tokens(self) -> tuple[Token, ...]:
        return tokenize(self.text, self.start)


@dataclass
class Alignment:
    """The aligned sentences of the sources of one incident, and which sources share copy."""

    pairs: list[tuple[Line, Line]] = field(default_factory=list)
    shared: list[SharedCopy] = field(default_factory=list)
    group_of: dict[str, str] = field(default_factory=dict)  # source → the first source of its copy group
    # Per source, its sentences that an earlier source of its copy group prints with the same words:
    # (start, end, that source). A claim there is the earlier source's account, not a second one.
    same_as: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)

    def account(self, source: str) -> str:
        return self.group_of.get(source, source)


def tokenize(text: str, offset: int = 0) -> tuple[Token, ...]:
    return tuple(
        Token(m.group(), m.group().lower().replace("’", "'"), offset + m.start(), offset + m.end())
        for m in TOKEN.finditer(text)
    )


def lines_of(cf: ClaimsFile, text: str) -> list[Line]:
    """The story sentences of a source (furniture left out), tokenized."""
    out = []
    for s in segment(Document(source=cf.source, text=text)):
        if not s.furniture:
            out.append(Line(cf.source.id, s.index, s.start, s.end, s.text))
    return out


def _value_key(norm: str) -> str | None:
    """A number as its value, so '2,000' and '2000', 'three' and '3' are the same."""
    if not norm:
        return None
    if norm[0].isdigit():
        clock = CLOCK.fullmatch(norm)
        if clock:  # "9.25" and "9:25", "6:00" and "6" are one time of day
            return clock.group(1) if clock.group(2) == "00" else f"{clock.group(1)}:{clock.group(2)}"
        if DIGITS.fullmatch(norm) or ORDINAL.fullmatch(norm):
            return THOUSANDS_OR_SUFFIX.sub("", norm)
        return None
    value = NUMBER_WORDS.get(norm)
    return None if value is None else str(value)


def _trigrams(words: tuple[str, ...]) -> set[tuple[str, str, str]]:
    return {(words[i], words[i + 1], words[i + 2]) for i in range(len(words) - 2)}


def align(lines: dict[str, list[Line]]) -> Alignment:
    """Sentences of different sources paired one to one, best match first, and the copy groups."""
    index: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    flat: list[Line] = [line for sid in sorted(lines) for line in lines[sid] if len(line.words) >= MIN_WORDS]
    words = [line.words for line in flat]
    grams = [_trigrams(w) for w in words]
    candidates: list[tuple[float, int, int]] = []
    for i, gs in enumerate(grams):
        shared: dict[int, int] = defaultdict(int)
        for g in gs:
            posting = index[g]
            if len(posting) <= MAX_POSTINGS:
                for j in posting:
                    shared[j] += 1
            posting.append(i)
        for j, n in shared.items():
            if flat[j].source == flat[i].source or n < max(2, 0.3 * min(len(gs), len(grams[j]))):
                continue
            similarity = Indel.normalized_similarity(words[j], words[i])
            if similarity >= SIMILARITY:
                candidates.append((-similarity, j, i))
    candidates.sort()
    taken: set[tuple[int, str]] = set()
    out = Alignment()
    per_pair: Counter[tuple[str, str]] = Counter()
    per_pair_words: Counter[tuple[str, str]] = Counter()
    for _, j, i in candidates:
        a, b = flat[j], flat[i]
        if (j, b.source) in taken or (i, a.source) in taken:
            continue  # one to one: a sentence meets at most one sentence of each other source
        taken |= {(j, b.source), (i, a.source)}
        out.pairs.append((a, b))
        per_pair[(a.source, b.source)] += 1
        per_pair_words[(a.source, b.source)] += min(len(a.words), len(b.words))
    out.pairs.sort(key=lambda p: (p[0].source, p[0].start, p[1].source, p[1].start))
    _group(out, lines, per_pair, per_pair_words)
    return out


def _group(
    out: Alignment,
    lines: dict[str, list[Line]],
    per_pair: Counter[tuple[str, str]],
    per_pair_words: Counter[tuple[str, str]],
) -> None:
    """Sources that share enough sentences are one copy group; the claims of a sentence that an
    earlier source of the group prints the same are that source's, not a second account."""
    parent = {sid: sid for sid in lines}

    def root(s: str) -> str:
        while parent[s] != s:
            s = parent[s]
        return s

    counts = {sid: sum(1 for line in ls if len(line.words) >= MIN_WORDS) for sid, ls in lines.items()}
    sharing = []
    for (a, b), n in sorted(per_pair.items()):
        passage = per_pair_words[(a, b)] >= SHARED_WORDS
        if n >= SHARED_MIN and passage and n >= SHARED_SHARE * min(counts[a], counts[b]):
            sharing.append((a, b, n))
            ra, rb = root(a), root(b)
            parent[max(ra, rb)] = min(ra, rb)
    same_text: dict[tuple[tuple[str, ...], ...], str] = {}
    for sid in sorted(lines):  # the same words from start to end, however short: one text
        signature = tuple(line.words for line in lines[sid])
        if signature and signature in same_text:
            ra, rb = root(same_text[signature]), root(sid)
            parent[max(ra, rb)] = min(ra, rb)
        same_text.setdefault(signature, sid)
    groups: dict[str, list[str]] = defaultdict(list)
    for sid in sorted(lines):
        groups[root(sid)].append(sid)
    for first, members in sorted(groups.items()):
        if len(members) < 2:
            continue
        for sid in members:
            out.group_of[sid] = first
        aligned = sum(n for x, _, n in sharing if x in members)
        identical = sum(1 for x, y in out.pairs if x.source in members and y.source in members and x.words == y.words)
        out.shared.append(SharedCopy(sources=members, sentences=aligned, identical=identical))
    first_of: dict[tuple[str, int], tuple[str, int]] = {}
    for x, y in out.pairs:  # sorted by source: the earlier source of an identical pair stands for both
        if x.words == y.words and out.account(x.source) == out.account(y.source):
            first_of[(y.source, y.start)] = first_of.get((x.source, x.start), (x.source, x.start))
    # Sentences too short to align (headlines, "Three died.") match within a group by their words.
    short: dict[tuple[str, tuple[str, ...]], tuple[str, int]] = {}
    for sid in sorted(lines):
        if sid not in out.group_of:
            continue
        for line in lines[sid]:
            if len(line.words) < MIN_WORDS and line.words:
                key = (out.group_of[sid], line.words)
                if key in short:
                    first_of[(sid, line.start)] = short[key]
                else:
                    short[key] = (sid, line.start)
    ends = {(line.source, line.start): line.end for ls in lines.values() for line in ls}
    for (sid, start), (first, _) in sorted(first_of.items()):
        out.same_as.setdefault(sid, []).append((start, ends[(sid, start)], first))


def _claim_account(ref: ClaimRef, alignment: Alignment) -> str:
    """The source whose account a cited claim is: its own, or the earlier copy's that prints its sentence."""
    for start, end, first in alignment.same_as.get(ref.source, ()):
        if start <= ref.start < end:
            return first
    return ref.source


def one_account(findings: list[Finding], alignments: Iterable[Alignment]) -> list[Finding]:
    """The claim comparison's findings less those that only set a source against itself through a
    copy: the copy's sentence is the original's, so 'A against A's copy' is A against A, and a
    copy's own conflict repeats the original's. (A conflict within the original that the comparison
    merged with its copy's goes too: with a copy beside it, an article gives no finding at all.)"""
    by_source = {sid: a for a in alignments for sid in a.same_as}
    kept = []
    for f in findings:
        sources = {r.source for r in f.claims}
        accounts = {_claim_account(r, by_source[r.source]) if r.source in by_source else r.source for r in f.claims}
        if len(accounts) == 1 and accounts != sources:
            continue
        kept.append(f)
    return kept


def each_tells_both(findings: list[Finding], texts: Mapping[str, str]) -> list[Finding]:
    """The findings less those whose every cited sentence every cited source prints: each source
    then tells every side itself, so the conflict lies within each one (which a source alone never
    reports), not between them. An article beside a copy too short for `align` to call shared copy
    gives no finding either."""
    printed = {sid: _spoken(text) for sid, text in texts.items()}
    kept = []
    for f in findings:
        sources = {r.source for r in f.claims}
        quotes = {_spoken(r.quote) for r in f.claims}
        if len(sources) > 1 and all(q in printed[s] for q in quotes for s in sources):
            continue
        kept.append(f)
    return kept


def _spoken(text: str) -> str:
    """A text's words, lower case and space-bounded, so one text's words can be looked up in another's
    whatever their spacing, quote marks and punctuation."""
    return " " + " ".join(t.norm for t in tokenize(text) if any(ch.isalnum() for ch in t.norm)) + " "


# --- what differs between two aligned sentences ------------------------------------------------


@dataclass(frozen=True)
class Difference:
    kind: str  # "age", "count", "date", "weekday", "time", "year", "status", "negation", "place"
    attribute: str
    subject: str
    old: str  # the words in the first sentence
    new: str  # the words in the second


def _value_kind(tokens: tuple[Token, ...], i: int) -> str | None:
    """What a token is, read from its neighbours: an age, a day of a month, a time, a year, a count."""
    norm = tokens[i].norm
    prev = tokens[i - 1].norm if i else ""
    prev2 = tokens[i - 2] if i > 1 else None
    nxt = tokens[i + 1].norm if i + 1 < len(tokens) else ""
    nxt2 = tokens[i + 2].norm if i + 2 < len(tokens) else ""
    if norm in WEEKDAYS:
        return "weekday"
    if norm in MONTHS:
        return "date" if _value_key(prev) or _value_key(nxt) else None
    value = _value_key(norm)
    if value is None:
        return None
    if prev in MONTHS or nxt in MONTHS or (nxt == "of" and nxt2 in MONTHS):
        return "date"
    if nxt in AGE_WORDS or (nxt == "-" and nxt2 in AGE_WORDS) or (nxt == "years" and nxt2 in ("old", "of")):
        return "age"
    if prev == "," and nxt == "," and prev2 is not None and prev2.text[:1].isupper():
        return "age"  # "Jane Doe, 40, said"
    if ":" in norm or nxt in TIME_WORDS:
        return "time"
    if re.fullmatch(r"(?:1[89]|20)\d\d", norm):
        return "year"
    return "count"


def _name_near(tokens: tuple[Token, ...], i: int) -> str:
    """The proper name closest before token i (else after it): what an age or date is about."""
    runs: list[tuple[int, str]] = []
    j = 0
    while j < len(tokens):
        if tokens[j].text[:1].isupper() and tokens[j].norm not in STOPWORDS and j > 0:
            k = j
            while k < len(tokens) and tokens[k].text[:1].isupper():
                k += 1
            runs.append((j, " ".join(t.text for t in tokens[j:k])))
            j = k
        else:
            j += 1
    before = [r for r in runs if r[0] < i]
    if before:
        return before[-1][1]
    return runs[0][1] if runs else "the story"


def _counted(tokens: tuple[Token, ...], i: int) -> str:
    """The words after a number that say what it counts ('overseas booths'), the sentence's own."""
    words: list[str] = []
    for t in tokens[i + 1 : i + 4]:
        if not t.norm[0].isalpha() or (t.norm in STOPWORDS and words) or _value_key(t.norm):
            break
        if t.norm not in STOPWORDS:
            words.append(t.norm)
    return " ".join(words)


def _event_near(tokens: tuple[Token, ...], i: int) -> str:
    """The event predicate nearest to token i, for naming what a date or weekday is the time of."""
    best, distance = "", 99
    for j, t in enumerate(tokens):
        past = t.norm.endswith("ed") and len(t.norm) > 4 and t.norm not in STOPWORDS
        eventful = bool(predicate_classes(t.norm)) or past
        if eventful and abs(j - i) < distance and t.norm not in ("said", "reported", "added", "told"):
            best, distance = t.norm, abs(j - i)
    return best


def _attribute(kind: str, tokens: tuple[Token, ...], i: int) -> tuple[str, str]:
    """(subject, attribute) of a changed value, made of the sentence's words."""
    subject = _name_near(tokens, i)
    if kind == "age":
        return subject, "age"
    if kind == "count":
        counted = _counted(tokens, i)
        return subject, f"number of {counted}" if counted else "figure"
    label = {"date": "date", "weekday": "weekday", "time": "time of day", "year": "year"}[kind]
    event = _event_near(tokens, i)
    return subject, f"{label} ('{event}')" if event else label


def _span_text(tokens: tuple[Token, ...], lo: int, hi: int, text: str, offset: int) -> str:
    if lo >= hi:
        return ""
    return text[tokens[lo].start - offset : tokens[hi - 1].end - offset]


def _kept(line: Line) -> list[Token]:
    return [t for t in line.tokens if t.norm[0].isalnum() or t.norm in ("n't", ",", "-")]


def _norms(line: Line) -> list[str]:
    return [_value_key(t.norm) or t.norm for t in _kept(line)]


def differences(a: Line, b: Line) -> list[Difference]:
    """Values, predicates and negations that differ between two aligned sentences; rewordings,
    punctuation and a number moved but unchanged are no difference."""
    ta, tb = _kept(a), _kept(b)
    na, nb = _norms(a), _norms(b)
    if na == nb:
        return []
    tua, tub = tuple(ta), tuple(tb)
    values_a = Counter(n for i, n in enumerate(na) if _value_kind(tua, i))
    values_b = Counter(n for i, n in enumerate(nb) if _value_kind(tub, i))
    classes_a = Counter(c for n in na if (c := predicate_classes(n)))
    classes_b = Counter(c for n in nb if (c := predicate_classes(n)))
    out: list[Difference] = []
    for ia, ib in _blocks(na, nb):
        if values_a != values_b:
            va = [(i, _value_kind(tua, i)) for i in ia]
            vb = [(i, _value_kind(tub, i)) for i in ib]
            va = [(i, k) for i, k in va if k]
            vb = [(i, k) for i, k in vb if k]
            for i, kind in va:
                match = next((j for j, k in vb if k == kind or {k, kind} <= {"date", "count"}), None)
                if match is None or kind is None or na[i] == nb[match]:
                    continue
                if _context(na, i) != _context(nb, match):
                    continue  # "24 km" against "15 miles", "$103m" against "€80m": another unit, not another value
                kind = "date" if "date" in (kind, _value_kind(tub, match)) else kind
                subject, attribute = _attribute(kind, tua, i)
                out.append(Difference(kind, attribute, subject, ta[i].text, tb[match].text))
                vb = [(j, k) for j, k in vb if j != match]
        if classes_a != classes_b:
            pa = [i for i in ia if predicate_classes(na[i])]
            pb = [j for j in ib if predicate_classes(nb[j])]
            if pa and pb and not (predicate_classes(na[pa[0]]) & predicate_classes(nb[pb[0]])):
                subject = _name_near(tua, pa[0])
                out.append(Difference("status", "what happened", subject, ta[pa[0]].text, tb[pb[0]].text))
    moved = _place_change(a.text, b.text)
    if moved is not None:
        out.append(Difference("place", "place", _name_near(tua, 0), moved[0], moved[1]))
    if sum(n in NEGATORS for n in na) != sum(n in NEGATORS for n in nb):
        for ia, ib in _blocks(na, nb):
            sa, sb = [na[i] for i in ia], [nb[j] for j in ib]
            if _same_predicate(_without_negators(sa), _without_negators(sb)) and sa != sb:
                out.append(_negation(a, b, ta, tb, ia, ib))
                break
    return out


def _place_change(a: str, b: str) -> tuple[str, str] | None:
    """One named place of a sentence put for another of the same kind in its copy ("in Lyon" for
    "in Madrid"): the two places' words; a place named two ways or one inside the other is none."""
    if not (CAPITAL.search(a) and CAPITAL.search(b)):
        return None
    pa = [p for p in find_places(a) if p.named]
    pb = [p for p in find_places(b) if p.named]
    gone = [p for p in pa if not any(same_place(p, q) for q in pb)]
    new = [q for q in pb if not any(same_place(q, p) for p in pa)]
    if len(gone) != 1 or len(new) != 1:
        return None
    old_place, new_place = gone[0], new[0]
    if old_place.level != new_place.level or inside(old_place, new_place) or inside(new_place, old_place):
        return None
    return old_place.name, new_place.name


def _context(norms: list[str], i: int) -> tuple[str, str]:
    """The words either side of a value: what it counts or measures, which must stay the same."""
    return (norms[i - 1] if i else "", norms[i + 1] if i + 1 < len(norms) else "")


def _same_predicate(a: list[str], b: list[str]) -> bool:
    """Two stretches that say the same once negation is out: the same words, or the same predicate
    in another form ('escaped' and 'to escape', 'survived' and 'did survive')."""
    if a == b:
        return True
    a = [n for n in a if n not in AUXILIARIES]
    b = [n for n in b if n not in AUXILIARIES]
    if len(a) != len(b):
        return False
    return all(x == y or bool(predicate_classes(x) & predicate_classes(y)) for x, y in zip(a, b, strict=True))


def _without_negators(norms: list[str]) -> list[str]:
    """A stretch of words with its negation taken out ('no longer' as one)."""
    out = [n for n in norms if n not in NEGATORS]
    return [n for k, n in enumerate(out) if not (n == "longer" and k == 0)] if "no" in norms else out


def _blocks(na: list[str], nb: list[str]) -> list[tuple[range, range]]:
    """The stretches where two token lists differ, each a run of edits between equal stretches
    ("escaped" against "was caught" is one stretch, not a replacement and an insertion)."""
    out: list[tuple[range, range]] = []
    current: tuple[int, int, int, int] | None = None
    for op in Levenshtein.opcodes(na, nb):
        if op.tag == "equal":
            if current is not None:
                out.append((range(current[0], current[1]), range(current[2], current[3])))
                current = None
            continue
        if current is None:
            current = (op.src_start, op.src_end, op.dest_start, op.dest_end)
        else:
            current = (current[0], op.src_end, current[2], op.dest_end)
    if current is not None:
        out.append((range(current[0], current[1]), range(current[2], current[3])))
    return out


def _negation(a: Line, b: Line, ta: list[Token], tb: list[Token], ia: range, ib: range) -> Difference:
    """The words around the negator inserted or removed, and the predicate it negates."""
    lo_a, hi_a = max(0, ia.start - 1), min(len(ta), ia.stop + 1)
    lo_b, hi_b = max(0, ib.start - 1), min(len(tb), ib.stop + 1)
    old = _span_text(tuple(ta), lo_a, hi_a, a.text, a.start)
    new = _span_text(tuple(tb), lo_b, hi_b, b.text, b.start)
    after = [t.norm for t in tb[ib.stop : ib.stop + 3] + ta[ia.stop : ia.stop + 3]]
    predicate = next((w for w in after if w[0].isalpha() and w not in STOPWORDS), "")
    attribute = f"negation of '{predicate}'" if predicate else "negation"
    return Difference("negation", attribute, _name_near(tuple(ta), ia.start), old, new)


# --- findings ---------------------------------------------------------------------------------


def _ref(line: Line, value: str, lines: dict[str, LineIndex]) -> ClaimRef:
    index = lines.get(line.source)
    return ClaimRef(
        claim_id=stable_id("S-", line.source, line.start, line.end),
        source=line.source,
        start=line.start,
        end=line.end,
        quote=line.text,
        value=value,
        line=index.line(line.start) if index else 1,
    )


def copy_findings(
    alignment: Alignment, incident: str, published: dict[str, dt.date | None], lines: dict[str, LineIndex]
) -> list[Finding]:
    """One finding per difference between aligned sentences; copies that agree with each other
    against another copy make one finding citing all of them."""
    merged: dict[tuple[str, ...], Finding] = {}
    for a, b in alignment.pairs:
        if alignment.account(a.source) != alignment.account(b.source) or a.words == b.words:
            continue  # a sentence two independent reports share (a quote) is the claim comparison's
        sentence_key = " ".join(min(a.words[:8], b.words[:8]))
        found = differences(a, b)
        pure = len(_blocks(_norms(a), _norms(b))) <= len(found)
        for d in found:
            key = (d.kind, d.subject, d.attribute, *sorted((d.old.lower(), d.new.lower())), sentence_key)
            if key in merged:
                f = merged[key]
                for line, value in ((a, d.old), (b, d.new)):
                    if all((r.source, r.start) != (line.source, line.start) for r in f.claims) and len(f.claims) < 10:
                        f.claims.append(_ref(line, value, lines))
                continue
            updated = published.get(a.source) != published.get(b.source)
            severity: Severity = "contradiction" if pure and not updated else "divergence"
            why = f"'{d.old}' in {a.source}, '{d.new}' in {b.source}, in a sentence the two print alike (shared copy)"
            if not pure:
                why += "; other words of it differ too"
            if updated:
                why += "; published on different days, perhaps an update"
            merged[key] = Finding(
                id=stable_id("F-", "copy", *key),
                severity=severity,
                incident=incident,
                subject=d.subject,
                attribute=d.attribute,
                explanation=why,
                claims=[_ref(a, d.old, lines), _ref(b, d.new, lines)],
            )
    return list(merged.values())


def _overlaps(ref: ClaimRef, f: Finding) -> bool:
    return any(_meet(ref, r) for r in f.claims)


def merge_findings(findings: list[Finding], copied: list[Finding], alignments: Iterable[Alignment]) -> list[Finding]:
    """The claim comparison's findings and the shared-copy findings, each fact once. A claim finding
    that cites both sentences of a copy finding states the same change with typed values: it stays
    and the copy finding goes. One within a copy group that cites only one of them sets the changed
    sentence against another sentence of the same account: the copy finding says it better."""
    account: dict[str, str] = {}
    for alignment in alignments:
        account.update(alignment.group_of)
    stated: set[str] = set()
    kept = []
    for f in findings:
        covering = [c for c in copied if any(_overlaps(r, c) for r in f.claims)]
        full = [c for c in covering if all(any(_meet(r, ref) for r in f.claims) for ref in c.claims)]
        if full:
            stated.update(c.id for c in full)
        elif covering and len({account.get(r.source, r.source) for r in f.claims}) == 1:
            continue
        kept.append(f)
    kept += [c for c in copied if c.id not in stated]
    kept.sort(key=lambda f: (SEVERITY_ORDER[f.severity], f.incident, f.subject, f.attribute, f.id))
    return kept


def _meet(a: ClaimRef, b: ClaimRef) -> bool:
    return a.source == b.source and a.start < b.end and b.start < a.end


def account_of(source: str, alignment: Alignment, copy_of: Mapping[str, str]) -> str:
    """The account a source gives, named by its first source: the first of its copy group (an
    edited reprint is its original again), or the source it copies whole."""
    first = alignment.account(source)
    return copy_of.get(first, first)


def count_accounts(
    corroborations: list[Corroboration], copy_of: Mapping[str, str], alignments: Iterable[Alignment]
) -> list[Corroboration]:
    """Each corroboration's independent sources, counting a group of sources that share copy once.
    One that rests on sentences a copy prints word for word is the original repeating itself and is
    dropped (whole copies, `copy_of`, are already left out); an edited reprint's own wording still
    agrees, as the same account."""
    alignments = list(alignments)
    of_source = {sid: a for a in alignments for sid in a.group_of}
    by_source = {sid: a for a in alignments for sid in a.same_as}
    out = []
    for c in corroborations:
        said = {_claim_account(r, by_source[r.source]) if r.source in by_source else r.source for r in c.claims}
        if len(said) < 2:
            continue
        c.independent_sources = len(
            {
                account_of(r.source, of_source[r.source], copy_of)
                if r.source in of_source
                else copy_of.get(r.source, r.source)
                for r in c.claims
            }
        )
        out.append(c)
    return out


def align_sources(files: list[ClaimsFile], texts: dict[str, str]) -> Alignment:
    """Align the sentences of the sources of one incident."""
    return align({cf.source.id: lines_of(cf, texts[cf.source.id]) for cf in files})
