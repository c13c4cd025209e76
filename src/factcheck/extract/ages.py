"""Ages of people: "Ravan Nasimi, 27,", "20-year-old X", "his 20-year-old partner", "aged 27"."""

from __future__ import annotations

import re
from functools import cache

from factcheck.extract.context import Context, evidence, resolve_words, subject_before
from factcheck.extract.entities import OCCUPATIONAL, PRONOUNS, RELATIONAL, norm
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
# The name closes the apposition ("a 19-year-old student, Omar Haddad, was ..."): a name followed
# by a verb of saying is the speaker ("... and an 11-year-old girl, Omar Haddad said").
ROLE_AGE_NAME = re.compile(
    rf"\b(?:a|an|the)\s(?P<age>{NUM})[- ]years?[- ]old\s[a-z]+(?:\s[a-z]+)?,\s(?P<name>{CAPITALISED})"
    r"(?=\s*[,;)]|\s*$|\.\s|\s(?:was|is|were|had|has|who|and|died)\b)"
)
AT_AGE = re.compile(rf"\b[Aa]t\s(?:the\sage\sof\s)?(?P<age>\d{{1,3}})(?:\syears\sold)?,\s(?P<name>{NAME})")
# An age at another time than the story's: "when he was 5 years old", "then-15-year-old X", "in
# 2005, at the age of 91": the person's age back then, which another source's age now may not equal.
THEN_BEFORE = re.compile(
    r"(?:\b(?:when|as|since|until|after|before)\s\S+\s(?:is|was|were)\s|\bthen[- ]\s?"
    r"|\bin\s(?P<year>(?:19|20)\d\d),?\s(?:at\s(?:the\sage\sof\s)?)?)$",
    re.IGNORECASE,
)


def age_then(text: str, start: int, published_year: int | None) -> bool:
    """Whether the age at text[start] is the person's age at another time than the story's (read
    in the 30 characters before it). "In 2005, 27-year-old X" is another time unless the story was
    published in 2005: then it is the story's time, as a year cue is in frames. An undated story's
    year is only the latest it mentions, which a lone "In 1999," would always be, so there the year
    still marks another time."""
    m = THEN_BEFORE.search(text, max(0, start - 30), start)
    if m is None:
        return False
    year = m.group("year")
    return year is None or published_year is None or int(year) != published_year


def _person_key(ctx: Context, words: str, position: int) -> WhoModel | None:
    """The person a capitalised phrase names, trying shorter tails ('Police officer John Doe').
    A role phrase ending the words is that role's person ('her daughter, 11,' is the daughter), and
    a pronoun is the person only when it ends the words: in 'her daughter' it is the owner."""
    end = position + len(words)
    for _start, stop, role, kind in ctx.people.starting(position, end):
        if kind == "role" and stop == end and not isinstance(role, Group):
            return role
    parts = words.split()
    if len(parts) > 1 and parts[-1].lower() in RELATIONAL:
        return None  # 'her daughter', 'his son': a relative the role rules did not resolve
    spans = [" ".join(parts[i : i + size]) for size in range(len(parts), 0, -1) for i in range(len(parts) - size + 1)]
    # A full name first, longest spans first: "Omar Haddad was among" is Omar Haddad, "her brother
    # Paul Doe" is Paul Doe; only then a surname alone.
    for span in spans:
        name = norm(span)
        if name and (person := Person(name=name)) in ctx.people.entities:
            return person
    for span in spans:
        if span.lower() in PRONOUNS and not words.endswith(span):
            continue  # the 'her' of 'her daughter'
        found = resolve_words(ctx, span, position)
        if found:
            return found
    return None


# What comes before "a/the N-year-old man" when it describes the sentence's person: a comma of
# apposition or a copula.
# "as well as a 9-year-old girl", "such as a 9-year-old girl" add someone else.
DESCRIBES = re.compile(
    r"(?:,|\b(?:is|was|became|becomes)|(?<!well\s)(?<!such\s)\bas)\s+(?:a|an|the)\s*$", re.IGNORECASE
)
MAY_AGE = re.compile(r"\d|years?[- ]old", re.IGNORECASE)
COMMA_NUMBER = re.compile(r",\s\d")  # what every APPOSITIVE match holds


@cache
def _class_patterns(cls: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The words of one occupation class before a mention, and in an apposition after one."""
    words = "|".join(re.escape(w) for w, c in OCCUPATIONAL.items() if c == cls)
    before = re.compile(rf"\b(?:{words})s?\.?\s+$", re.IGNORECASE)
    after = re.compile(rf"^,\s+(?:a|an|the|his|her|their)\s+[^,.;]{{0,60}}?\b(?:{words})\b", re.IGNORECASE)
    return before, after


def _described_as(ctx: Context, person: Person, noun: str) -> bool:
    """Whether the text calls `person` a `noun` of an occupation, or another word of its class:
    the noun before a mention ('winger Anna Berg', 'police sergeant Berg'), in an apposition after
    one ('Berg, the team's striker,'), or among the roles the role rules gave the person. "The
    30-year-old sergeant" is the protagonist only if the protagonist is a sergeant."""
    cls = OCCUPATIONAL.get(noun)
    if cls is None:
        return True  # 'man', 'woman', 'boy', 'girl': the protagonist may be any of them
    entity = ctx.people.entities.get(person)
    if entity is None:
        return False
    if cls in entity.roles:
        return True
    before, after = _class_patterns(cls)
    text = ctx.text
    return any(
        before.search(text[max(0, m.start - 40) : m.start]) or after.match(text[m.end : m.end + 80])
        for m in entity.mentions
    )


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
    published_year = ctx.published.year if ctx.published else None

    def add(key: WhoModel | None, words: str, m: re.Match[str], a: int, b: int, rule: str) -> None:
        value = parse_number_word(m.group("age"))
        if key is None or value is None or not 0 < value <= 120:
            return
        if age_then(s, m.start("age"), published_year):
            return  # the person's age at another time
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
    # Each pattern only where its fixed words are (substring tests, much quicker than the patterns).
    for m in APPOSITIVE.finditer(s) if COMMA_NUMBER.search(s) else ():
        key = _person_key(ctx, m.group("name"), base + m.start("name"))
        add(key, m.group("name"), m, m.start(), m.end("age"), "age.appositive")
    for m in PAREN.finditer(s) if "(" in s else ():
        key = _person_key(ctx, m.group("name"), base + m.start("name"))
        add(key, m.group("name"), m, m.start(), m.end(), "age.parenthesis")
    for m in AGED.finditer(s) if "age" in s else ():
        key = _person_key(ctx, m.group("name"), base + m.start("name"))
        add(key, m.group("name"), m, m.start(), m.end(), "age.aged")
    for m in IS_AGED.finditer(s) if "years" in s else ():
        key = _person_key(ctx, m.group("name"), base + m.start("name"))
        add(key, m.group("name"), m, m.start(), m.end(), "age.is-years-old")
    for m in APPOS_ROLE_AGE.finditer(s) if "year" in s else ():  # "Omar Haddad, a 19-year-old student,"
        key = _person_key(ctx, m.group("name"), base + m.start("name"))
        add(key, m.group("name"), m, m.start(), m.end(), "age.appositive-role")
    for m in ROLE_AGE_NAME.finditer(s) if "year" in s else ():  # "a 19-year-old student, Omar Haddad,"
        key = _person_key(ctx, m.group("name"), base + m.start("name"))
        add(key, m.group("name"), m, m.start(), m.end(), "age.role-appositive")
    for m in AT_AGE.finditer(s):
        key = _person_key(ctx, m.group("name"), base + m.start("name"))
        add(key, m.group("name"), m, m.start(), m.end(), "age.at-age")
    for m in YEAR_OLD.finditer(s) if "year" in s else ():
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
            # "The 23-year-old winger": a definite description of the story's protagonist, when
            # the story calls the protagonist a winger, and this sentence does not name the
            # protagonist besides ("X was charged with killing the 35-year-old guard": someone else).
            protagonist = _protagonist(ctx)
            if (
                protagonist is not None
                and not any(k == protagonist for _, _, k, _ in ctx.people.starting(sentence.start, sentence.end))
                and _described_as(ctx, protagonist, target.lower())
            ):
                key = protagonist
                words = s[max(0, m.start() - 4) : m.end()]
        if isinstance(key, Group):
            continue
        add(key, words, m, m.start(), m.end(), "age.year-old")
    # One claim per subject and age in a sentence.
    unique: dict[tuple[Subject, int], AgeClaim] = {}
    for claim in claims:
        unique.setdefault((claim.subject, claim.value), claim)
    return list(unique.values())


__all__ = ["extract_ages", "norm"]
