"""Document → sentences with offsets, with page furniture marked so it never yields claims.

Lines are paragraphs (news text captured from the web keeps one paragraph a line); sentences
split at end punctuation unless it closes a known abbreviation or an initial.
"""

from __future__ import annotations

import re

from factcheck.lexicons import load_lexicon
from factcheck.models import Document, Sentence, trusted
from factcheck.text.frontmatter import FRONT_MATTER
from factcheck.text.numbers import SCALES
from factcheck.text.patterns import AnyOf, alternation

# End punctuation before a capital; also with no space after it when a lower-case word ends
# there ("resignation.The"), as pages glued together from paragraphs often are.
# The look-behind makes a match start at the first mark of a run ("....."), or a search would
# retry from every mark of a long run (quadratic).
SENTENCE_END = re.compile(r"(?<![.!?…])[.!?…]+[’'\"”)\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])|(?<=[a-z]{3})[.!?](?=[A-Z][a-z])")
# The word before a full stop, looked for in the last 40 characters only: a longer one is no
# abbreviation, and searching all the text since the last split is quadratic ("A. A. A. …").
LAST_WORD = re.compile(r"[A-Za-z][A-Za-z.]*$")
NUMBER_AFTER = re.compile(r"\s*\d")
# "worth £1. 7m": a decimal point a typesetter spaced inside an amount, not a sentence's end
AMOUNT_BEFORE = re.compile(r"[$€£¥]\d{1,3}$")
SCALED_AFTER = re.compile(rf"\s\d{{1,2}}\s?{alternation(SCALES)}\b", re.IGNORECASE)
ABBREVIATIONS = frozenset(load_lexicon("abbreviations")["abbreviations"])
_FURNITURE = load_lexicon("furniture")
# Tried on every line: as `AnyOf`, not one alternation of some thirty patterns (4x faster).
FURNITURE_LINE = AnyOf(_FURNITURE["line_patterns"], re.IGNORECASE)
END_MARKERS = re.compile("|".join(_FURNITURE["end_markers"]), re.IGNORECASE)
CREDIT = re.compile("|".join(_FURNITURE["credit_patterns"]), re.IGNORECASE)


def _is_credit(sentence: str) -> bool:
    """A photo credit: a short sentence holding one, or a sentence that opens with one."""
    m = CREDIT.search(sentence)
    if m is None:
        return False
    return len(sentence.split()) <= 12 or not sentence[: m.start()].strip(" •-–—([")


def _split_line(line: str, offset: int) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for m in SENTENCE_END.finditer(line):
        if m.group(0) == "." and SCALED_AFTER.match(line, m.end()) and AMOUNT_BEFORE.search(line, 0, m.start()):
            continue
        last_word = LAST_WORD.search(line, max(start, m.start() - 40), m.start())
        if m.group(0).startswith(".") and last_word:
            word = last_word.group(0)
            if word.lower().rstrip(".") in ABBREVIATIONS or len(word.rstrip(".")) == 1:
                continue
            if word.lower() in ("no", "nos") and NUMBER_AFTER.match(line, m.end()):
                continue  # "No. 5": a number sign
        spans.append((start, m.end()))
        start = m.end()
        while start < len(line) and line[start].isspace():
            start += 1
    if start < len(line.rstrip()):
        spans.append((start, len(line.rstrip())))
    return [(offset + a, offset + b) for a, b in spans if line[a:b].strip()]


def _is_teaser(headline: str, summary: str) -> bool:
    """A teaser of another story: a headline, then a summary cut short with an ellipsis. A quote
    or paragraph that merely ends in '...' is not one: it does not follow a headline."""
    headline, summary = headline.strip(), summary.strip()
    return (
        summary.endswith(("…", "..."))
        and not summary.endswith("....")
        and len(summary.split()) > 8
        and 3 <= len(headline.split()) <= 14
        and not headline.endswith((".", "!", "?", "’", "”", '"', ":", "…"))
    )


_WORD = re.compile(r"\w+")


def _words(line: str) -> list[str]:
    return _WORD.findall(line.lower())


def _is_furniture(line: str, previous: str, following: str) -> bool:
    stripped = line.strip()
    if FURNITURE_LINE.search(stripped):
        return True
    # A caption printed twice, as galleries do, whatever quote marks or spacing set either off.
    if stripped and (stripped == previous.strip() or _words(stripped) == _words(previous) != []):
        return True
    # A teaser of another story: its headline and its summary.
    return _is_teaser(line, following) or _is_teaser(previous, line)


def segment(document: Document) -> list[Sentence]:
    """Split a document into sentences; furniture sentences are kept but flagged.

    >>> from factcheck.ingest import document_from_text
    >>> doc = document_from_text("a.txt", "He left. Mr. Smith stayed.", sha256="", encoding="utf-8", fmt="text")
    >>> [s.text for s in segment(doc)]
    ['He left.', 'Mr. Smith stayed.']
    """
    text = document.text
    lines: list[tuple[int, str]] = []
    offset = 0
    for raw in text.splitlines(keepends=True):
        lines.append((offset, raw.rstrip("\r\n")))
        offset += len(raw)
    nonblank = [(o, line) for o, line in lines if line.strip()]
    front = FRONT_MATTER.match(text) if document.source.format in ("markdown", "text") else None
    front_end = front.end() if front else 0  # YAML front matter is metadata, never claims
    sentences: list[Sentence] = []
    ended = False
    for i, (off, line) in enumerate(nonblank):
        previous = nonblank[i - 1][1] if i else ""
        following = nonblank[i + 1][1] if i + 1 < len(nonblank) else ""
        if END_MARKERS.search(line.strip()):
            ended = True  # "Related Articles", "Most Popular": the article is over
        furniture = ended or off < front_end or _is_furniture(line, previous, following)
        lead = len(line) - len(line.lstrip().lstrip("\ufeff").lstrip())  # a byte order mark is not text
        for start, end in _split_line(line[lead:], off + lead):
            # Offsets and indices of a split (never negative) and a flag: trusted, as Sentence would
            # read them (a model a sentence costs microseconds).
            sentences.append(
                trusted(
                    Sentence,
                    {
                        "index": len(sentences),
                        "start": start,
                        "end": end,
                        "text": text[start:end],
                        "paragraph": i,
                        "furniture": furniture or _is_credit(text[start:end]),
                    },
                )
            )
    return sentences
