"""Who holds a position in the event at hand: "Judge Ann Roe sentenced him", "was convicted by
Judge Ann Roe". Each is a RoleClaim about the holder, `held_in` the case: compared across sources
by position, not by person (compare/roles.compare_holders), so two sources naming two judges of
one case meet.

Only an act the case's holder alone performs (lexicons/holders.yaml) makes one: a judge who was
attacked or who spoke of another case holds no position in this event. A label line ("Presiding
judge: Ann Roe") is not read: the form is too rare in news to confirm a rule for it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.extract.context import Context, evidence, resolve_words
from factcheck.extract.entities import norm
from factcheck.lexicons import load_lexicon
from factcheck.models import Person, RoleClaim, Sentence
from factcheck.text.dates import MONTH_NAMES, WEEKDAY_NAMES
from factcheck.text.patterns import alternation


@dataclass(frozen=True)
class HolderRule:
    """One pattern: its rule id, the position its match names and the pattern (groups `name`, `title`)."""

    rule: str
    position: str
    pattern: re.Pattern[str]


# Bounded words and a boundary before each keep matching linear on any input. A name is two to
# four capitalised words in any alphabet ("Şəhla Çələbi"), an initial ("H.") allowed inside; a
# weekday, a month or "On/In/At" after it starts what follows ("Judge Ann Roe Thursday sentenced").
_UPPER = "".join(c for c in map(chr, range(0x2000)) if c.isupper() and c.isalpha())
_STOP = r"(?:" + "|".join((*WEEKDAY_NAMES, *MONTH_NAMES, "On", "In", "At")) + r")\b"
_W = rf"(?!{_STOP})[{_UPPER}][\w’'-]{{1,30}}"
_NAME = rf"(?P<name>{_W}(?:\s(?:[{_UPPER}]\.|{_W})){{1,3}})"
_WHEN = r"(?:(?:on\s)?(?:" + "|".join(WEEKDAY_NAMES) + r")\s)?"  # "Judge Ann Roe (on) Thursday sentenced him"
# What may stand between a passive act and "by": no comma, no stop, and no word that opens another
# clause ("sentenced to life and his appeal was rejected by Judge X": X judged the appeal, not the case).
_CLAUSE_WORDS = r"(?:(?!(?:and|but|while|after|when)\s)[\w’'-]+\s){0,8}?"


def _caps(phrase: str) -> str:
    """A title as it stands before a name: its first letter either case ("Judge", "presiding judge")."""
    return f"[{phrase[0].upper()}{phrase[0]}]" + re.escape(phrase[1:]).replace(r"\ ", r"\s")


def _rules() -> tuple[HolderRule, ...]:
    rules: list[HolderRule] = []
    for position, row in load_lexicon("holders")["positions"].items():
        titles = "(?P<title>" + "|".join(_caps(t) for t in sorted(row["titles"], key=len, reverse=True)) + ")"
        verdict = r"found\s(?:[\w’'-]+\s){1,3}?" + alternation(row["verdicts"], space=r"\s")
        acts = alternation(row["acts"], space=r"\s") + "|" + verdict
        passive = alternation(row["passive"], space=r"\s")
        rules += [
            # "Judge Ann Roe sentenced him", "Judge Ann Roe, who took the bench in May, sentenced him",
            # "Judge Ann Roe found the two men guilty"
            HolderRule(
                "holder.title-act",
                position,
                re.compile(rf"\b{titles}\s{_NAME}(?:,\s[^,.;]{{1,60}},)?\s{_WHEN}(?:[a-z]+ly\s)?(?:{acts})\b"),
            ),
            # "was sentenced on Monday by Judge Ann Roe", "a trial presided over by Judge Ann Roe"
            HolderRule(
                "holder.act-by",
                position,
                re.compile(rf"\b(?:{passive})\s{_CLAUSE_WORDS}by\s(?:the\s)?{titles}\s{_NAME}"),
            ),
        ]
    return tuple(rules)


RULES = _rules()
# Every rule needs one of its titles' words: a sentence without any is not searched.
GATE = re.compile(
    r"\b(?:" + "|".join(re.escape(t.split()[-1]) for row in load_lexicon("holders")["positions"].values()
                        for t in row["titles"]) + r")\b",
    re.IGNORECASE,
)  # fmt: skip


def extract_holders(ctx: Context, sentence: Sentence) -> list[RoleClaim]:
    """The holders of a position of the event that one sentence names by their act."""
    s = sentence.text
    if GATE.search(s) is None:
        return []
    claims: dict[tuple[str, str], RoleClaim] = {}
    for hr in RULES:
        for m in hr.pattern.finditer(s):
            words = m.group("name")
            start = sentence.start + m.start("name")
            known = resolve_words(ctx, words, start)
            # A title before a name is the surest sign of a person: one the name finder missed is still one.
            subject = known if isinstance(known, Person) else Person(name=norm(words))
            if not subject.name:
                continue
            claims.setdefault(
                (hr.position, subject.name),
                RoleClaim(
                    **evidence(ctx, sentence, sentence.start + m.start(), sentence.start + m.end()),
                    subject=subject,
                    subject_text=words,
                    rule=hr.rule,
                    position=hr.position,
                    held_in="case",
                    expression=m.group(0).strip(),
                    incident_hint=ctx.hint_for(sentence, sentence.start + m.start(), sentence.start + m.end()),
                ),
            )
    return list(claims.values())
