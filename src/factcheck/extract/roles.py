"""Positions of named people, from appositions: "Hasanli's assistant, Mahammad Kekalov", "the deputy
director of the publication, Magomed Kekalov", "Ulvi Hasanli, the director of Abzas Media"."""

from __future__ import annotations

import re

from factcheck.extract.context import Context, evidence, resolve_words
from factcheck.lexicons import load_lexicon
from factcheck.models import Person, RoleClaim, Sentence, Subject

POSITIONS = sorted(load_lexicon("positions")["positions"], key=len, reverse=True)
_TITLE = r"(?P<title>" + "|".join(re.escape(p).replace(r"\ ", r"\s") for p in POSITIONS) + r")"
# Bounded word lengths and a word boundary before each name keep matching linear on any input.
_W = r"[\w’'-]{1,40}"
_NAME = rf"\b(?P<name>[A-Z]{_W}(?:\s[A-Z]{_W}){{1,3}})"
_OWNER = rf"(?P<owner>[A-Z]{_W}(?:\s[A-Z]{_W}){{0,3}})(?:’s|'s|’)"
_ORG = rf"(?P<org>(?:the\s)?{_W}(?:\s{_W}){{0,4}}?)"
PATTERNS = [
    # "Hasanli's assistant, Mahammad Kekalov"
    ("role.owner-apposition", re.compile(rf"\b{_OWNER}\s{_TITLE},\s{_NAME}")),
    # "the deputy director of the publication, Magomed Kekalov"
    ("role.title-of-apposition", re.compile(rf"\b[Tt]he\s{_TITLE}(?:\sof\s{_ORG})?,\s{_NAME}")),
    # "Ulvi Hasanli, the director of Abzas Media"
    (
        "role.name-apposition",
        re.compile(rf"{_NAME},\s(?:the|a|an|its|their)\s{_TITLE}(?:\s(?:of|at|for)\s{_ORG}[,.])?"),
    ),
]

# What each pattern cannot match without, one quick search before it: the possessive's apostrophe,
# "the" before the title, the comma and article after the name.
GATES = [re.compile(r"['’]"), re.compile(r"\b[Tt]he\s"), re.compile(r",\s(?:the|a|an|its|their)\s")]


def extract_roles(ctx: Context, sentence: Sentence) -> list[RoleClaim]:
    claims: list[RoleClaim] = []
    s = sentence.text
    if "," not in s:
        return claims  # every pattern holds an apposition's comma: two sentences in five ruled out at once
    for (rule, pattern), gate in zip(PATTERNS, GATES, strict=True):
        if gate.search(s) is None:
            continue
        for m in pattern.finditer(s):
            key = resolve_words(ctx, m.group("name"), sentence.start + m.start("name"))
            if not isinstance(key, Person):
                continue
            groups = m.groupdict()
            of = groups.get("owner") or groups.get("org")
            claims.append(
                RoleClaim(
                    **evidence(ctx, sentence, sentence.start + m.start(), sentence.start + m.end()),
                    subject=key,
                    subject_text=m.group("name"),
                    rule=rule,
                    position=re.sub(r"\s+", " ", m.group("title").lower()),
                    of=of.strip(" ,.") if of else None,
                    expression=m.group(0),
                )
            )
    unique: dict[tuple[Subject, str], RoleClaim] = {}
    for claim in claims:
        unique.setdefault((claim.subject, claim.position), claim)
    return list(unique.values())
