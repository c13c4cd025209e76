"""Verbs of telling, one table (lexicons/speech.yaml) for every reader: the lemmas, their written
forms, and the one test of whether a date is the day something was said or made known.

A date right after a verb of telling ('officials said Saturday', 'told reporters late Friday') or
right before one ('officials on Saturday said') dates the statement, no fact of the event; an
announcement ('announced on Tuesday that ...') is an event of its own, dated like any other.
"""

from __future__ import annotations

import re

from lemminflect import getAllInflections, getInflection  # type: ignore[import-untyped]

from factcheck.lexicons import load_lexicon
from factcheck.text.lemmas import all_lemmas
from factcheck.text.patterns import alternation

_LEX = load_lexicon("speech")
TELLING_LEMMAS = frozenset(_LEX["telling"])
ANNOUNCING = frozenset(_LEX["announcing"])
TELLING_WHOM = frozenset(_LEX["telling_whom"])
ATTRIBUTING = frozenset(_LEX["attributing"])
SPEECH_LEMMAS = TELLING_LEMMAS | ANNOUNCING  # a clause of either is told, not done
STATEMENT = "telling"  # what `said_on` calls the day of a statement


def _forms(lemma: str) -> list[str]:
    """A verb's finite and participle forms ('said', 'says'); a form that is also a plural noun
    ('states', 'claims', 'notes', 'reports') is left out: 'the member states'."""
    found = getAllInflections(lemma, upos="VERB")
    forms = {f.lower() for tag in ("VBD", "VBN", "VBZ") for f in found.get(tag, ())}
    return sorted(f for f in forms if not (f.endswith("s") and "NOUN" in all_lemmas(f)))


TELLING_FORMS = frozenset(f for lemma in TELLING_LEMMAS for f in _forms(lemma))
ANNOUNCING_FORMS = frozenset(f for lemma in ANNOUNCING for f in _forms(lemma))
# Every form that names a speaker: "X said", "X announced", "X posted that ...".
SPEAKING_FORMS = TELLING_FORMS | ANNOUNCING_FORMS | frozenset(f for lemma in ATTRIBUTING for f in _forms(lemma))
LEMMA_OF_FORM = {f: lemma for lemma in sorted(SPEECH_LEMMAS) for f in _forms(lemma)}


_WHOM = alternation({f for lemma in TELLING_WHOM for f in _forms(lemma)})
_OTHERS = alternation(TELLING_FORMS - {f for lemma in TELLING_WHOM for f in _forms(lemma)})
_DAY_WORDS = r"(?:on\s|late\s|early\s|last\s)*"
_PUT_OUT = alternation({f.lower() for lemma in _LEX["putting_out"] for f in getInflection(lemma, "VBN")})
# The words right before a date that make it the day of a statement: "officials said Saturday",
# "told reporters late Friday", "said at a news conference on Monday", "said in a statement
# released Monday".
TELLING_BEFORE = re.compile(
    rf"\b(?:{_WHOM}(?:\s(?:the\s\w+|\w+))?|{_OTHERS})"
    rf"(?:\s(?:at|in|during|to)(?:\s[\w-]+){{1,3}}?(?:\s{_PUT_OUT})?)?\s{_DAY_WORDS}$",
    re.IGNORECASE,
)
# The same verbs right after the date: "officials on Saturday said", "the company Monday told".
TELLING_AFTER = re.compile(rf"^\s{alternation(TELLING_FORMS)}\b", re.IGNORECASE)
ANNOUNCING_BEFORE = re.compile(rf"\b(?P<verb>{alternation(ANNOUNCING_FORMS)})\s{_DAY_WORDS}$", re.IGNORECASE)
ANNOUNCING_AFTER = re.compile(rf"^\s(?P<verb>{alternation(ANNOUNCING_FORMS)})\b", re.IGNORECASE)


def said_on(before: str, after: str) -> str | None:
    """What a date between `before` and `after` is the day of, when something was told then:
    'telling' for a statement, the lemma of the verb for an announcement ('announce'), else None.

    >>> said_on("officials said ", " that the road was shut"), said_on("police announced on ", "")
    ('telling', 'announce')
    """
    if TELLING_BEFORE.search(before) or TELLING_AFTER.match(after):
        return STATEMENT
    announcing = ANNOUNCING_BEFORE.search(before) or ANNOUNCING_AFTER.match(after)
    return LEMMA_OF_FORM[announcing.group("verb").lower()] if announcing else None
