"""Ages of people: "Ravan Nasimi, 27,", "20-year-old X", "his 20-year-old partner", "aged 27"."""

from __future__ import annotations

import re

from factcheck.extract.context import Context, evidence, resolve_words, subject_before
from factcheck.extract.entities import OCCUPATIONAL, norm
from factcheck.models import AgeClaim, Group, Person, Sentence, Subject, WhoModel
from factcheck.text.numbers import parse_number_word

# A name starts at the start of a word: without the look-behind a search retries from every letter
# of a long word, which is quadratic ("AAAA…", "a-a-a-…").
NAME = r"(?<![\w’'-])[^\W\d_][\w’'-]+(?:\s[^\W\d_][\w’'-]+){0,3}"
NUM = r"\d{1,3}|[a-z]+(?:-[a-z]+)?"
APPOSITIVE = re.compile(
    rf"(?P<name>{NAME}),\s(?P<age>\d{{1,3}})\s?(?:,|\)|\.|\s(?:was|is|had|has|were|and|of|who|from|will|told)\b)"
)
PAREN = re.compile(rf"(?P<name>{NAME})\s\((?P<age>\d{{1,3}})\)")
CAPITALISED = r"(?<![\w’'-])[A-Z][\w’'-]{0,40}(?:\s[A-Z][\w’'-]{0,40}){0,3}"
YEAR_OLD = re.compile(
    rf"\b(?P<age>{NUM})[- ]years?[- ]old\s(?P<rest>(?:[a-z]+\s){{0,2}}?(?P<target>{CAPITALISED}|[a-z]+(?:-[a-z]+)?))"
)
AGED = re.compile(rf"(?P<name>{NAME}),?\s(?:aged|age)\s(?P<age>\d{{1,3}})\b")
IS_AGED = re.compile(rf"(?P<name>{NAME})\s(?:is|was)\s(?P<age>\d{{1,3}})\s(?:years\sold|years\sof\sage)\b")
APPOS_ROLE_AGE = re.compile(rf"(?P<name>{NAME}),\s(?:a|an|the)\s(?P<age>{NUM})[- ]years?[- ]old\b")
ROLE_AGE_NAME = re.compile(rf"\b(?:a|an|the)\s(?P<age>{NUM})[- ]years?[- ]old\s[a-z]+(?:\s[a-z]+)?,\s(?P<name>{NAME})")
AT_AGE = re.compile(rf"\b[Aa]t\s(?:the\sage\sof\s)?(?P<age>\d{{1,3}})(?:\syears\sold)?,\s(?P<name>{NAME})")


def _person_key(ctx: Context, words: str, position: int) -> WhoModel | None:
    """The person a capitalised phrase names, trying shorter tails ('Police officer John Doe')."""
    parts = words.split()
    spans = [" ".join(parts[i : i + size]) for size in range(len(parts), 0, -1) for i in range(len(parts) - size + 1)]
    # A full name first, longest spans first: "Omar Haddad was among" is Omar Haddad, "her brother
    # Paul Doe" is Paul Doe; only then a surname alone.
    for span in spans:
        if norm(span) and (person := Person(name=norm(span))) in ctx.people.entities:
            return person
    for span in spans:
        key = resolve_words(ctx, span, position)
        if key:
            return key
    return None


# What comes before "a/the N-year-old man" when it describes the sentence's person: a comma of
# apposition or a copula.
DESCRIBES = re.compile(r"(?:,|\b(?:is|was|as|became|becomes))\s+(?:a|an|the)\s*$", re.IGNORECASE)
MAY_AGE = re.compile(r"\d|years?[- ]old", re.IGNORECASE)


def _protagonist(ctx: Context) -> Person | None:
    """The person the story is about: named most often, at least three times."""
    counts = {k: len(e.mentions) for k, e in ctx.people.entities.items() if isinstance(k, Person)}
    if not counts:
        return None
    best = max(sorted(counts), key=lambda k: counts[k])
    return best if counts[best] >= 3 else None


def extract_ages(ctx: Context, sentence: Sentence) -> list[AgeClaim]:
    claims: list[AgeClaim] = []
    s = sentence.text
    if not MAY_AGE.search(s):
        return []  # every age pattern has a digit or "year(s) old"
    base = sentence.start

    def add(key: WhoModel | None, words: str, age_text: str, a: int, b: int, rule: str) -> None:
        value = parse_number_word(age_text)
        if key is None or value is None or not 0 < value <= 120:
            return
        claims.append(
            AgeClaim(
                **evidence(ctx, sentence, base + a, base + b),
                subject=key,
                subject_text=words,
                rule=rule,
                value=int(value),
            )
        )

    key: WhoModel | None
    for m in APPOSITIVE.finditer(s):
        key = _person_key(ctx, m.group("name"), base + m.start("name"))
        add(key, m.group("name"), m.group("age"), m.start(), m.end("age"), "age.appositive")
    for m in PAREN.finditer(s):
        key = _person_key(ctx, m.group("name"), base + m.start("name"))
        add(key, m.group("name"), m.group("age"), m.start(), m.end(), "age.parenthesis")
    for m in AGED.finditer(s):
        key = _person_key(ctx, m.group("name"), base + m.start("name"))
        add(key, m.group("name"), m.group("age"), m.start(), m.end(), "age.aged")
    for m in IS_AGED.finditer(s):
        key = _person_key(ctx, m.group("name"), base + m.start("name"))
        add(key, m.group("name"), m.group("age"), m.start(), m.end(), "age.is-years-old")
    for m in APPOS_ROLE_AGE.finditer(s):  # "Omar Haddad, a 19-year-old student,"
        key = _person_key(ctx, m.group("name"), base + m.start("name"))
        add(key, m.group("name"), m.group("age"), m.start(), m.end(), "age.appositive-role")
    for m in ROLE_AGE_NAME.finditer(s):  # "a 19-year-old student, Omar Haddad,"
        key = _person_key(ctx, m.group("name"), base + m.start("name"))
        add(key, m.group("name"), m.group("age"), m.start(), m.end(), "age.role-appositive")
    for m in AT_AGE.finditer(s):
        key = _person_key(ctx, m.group("name"), base + m.start("name"))
        add(key, m.group("name"), m.group("age"), m.start(), m.end(), "age.at-age")
    for m in YEAR_OLD.finditer(s):
        target = m.group("target")
        tstart = base + m.start("target")
        key = None
        words = target
        if target[:1].isupper():
            key = _person_key(ctx, target, tstart)
        else:
            # "his 20-year-old partner": the role mention that covers these words.
            at = base + m.start()
            for start, end, k, kind in ctx.people.starting(at - ctx.people.longest_mention() + 1, at + 1):
                if kind == "role" and start <= at < end:
                    key, words = k, ctx.text[start:end]
                    break
            if (
                key is None
                and target.lower() in ("man", "woman", "boy", "girl", "winger", "player")
                and DESCRIBES.search(s[: m.start()])
            ):
                # "X, a 23-year-old winger", "X was a 23-year-old man": the sentence's person, if it
                # names one; "..., including a 9-year-old girl" introduces someone else.
                key, words = subject_before(ctx, sentence, base + m.start())
                if isinstance(key, Group):
                    key = None
                if key is None:
                    following = [
                        mm for mm in ctx.people.starting(base + m.end() + 1, sentence.end + 1) if mm[1] <= sentence.end
                    ]
                    if following and following[0][3] in ("name", "surname"):
                        key, words = following[0][2], ctx.text[following[0][0] : following[0][1]]
        if (
            key is None
            and s[max(0, m.start() - 4) : m.start()].lower().strip() == "the"
            and (target.lower() in OCCUPATIONAL or target.lower() in ("man", "woman", "boy", "girl"))
        ):
            # "The 23-year-old winger": a definite description of the story's protagonist.
            key = _protagonist(ctx)
            words = s[max(0, m.start() - 4) : m.end()]
        if isinstance(key, Group):
            continue
        add(key, words, m.group("age"), m.start(), m.end(), "age.year-old")
    # One claim per subject and age in a sentence.
    unique: dict[tuple[Subject, int], AgeClaim] = {}
    for claim in claims:
        unique.setdefault((claim.subject, claim.value), claim)
    return list(unique.values())


__all__ = ["extract_ages", "norm"]
