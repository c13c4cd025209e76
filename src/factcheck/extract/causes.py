"""Causes of death and injury: "died of his injuries", "died from an overdose", "was shot dead",
"stabbed to death", "drowned", "succumbed to his wounds", "the cause of death was ...", "killed in
a car crash", "died after being hit by a car", "was stabbed". Each becomes a claim of one class of
the cause tree (lexicons/causes.yaml) about the person who died or was hurt, so two sources'
causes for one person can be compared (compare/causes.py).

The rules are a table (rule id, pattern, what the pattern's words give): a cause phrase after a
verb of dying, a verb of violence with "to death", "dead" or "killed", a passive verb of violence
alone (hurt, not dead), an event one is killed or hurt in. A negated phrase ("did not die of") and
one inside a question state no cause; a hedge ("a suspected overdose", "believed to have died of")
makes it possible, not asserted."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from factcheck.extract.context import CLAUSE_BREAK, Context, evidence, resolve_words, subject_before
from factcheck.extract.entities import OCCUPATIONAL, nearest_person_before
from factcheck.lexicons.causes import CAUSES
from factcheck.models import CauseClaim, CauseOutcome, Group, Modality, Person, Sentence, Subject, WhoModel
from factcheck.text.patterns import alternation
from factcheck.text.prefilter import Caseless, folded


def _plurals(phrases: Iterable[str]) -> list[str]:
    """Each phrase with its plurals: "injury", "injuries"; "wound", "wounds", "woundes"."""
    out = []
    for p in phrases:
        if p.endswith("y") and p[-2:-1] not in "aeiou":
            out += [p, p[:-1] + "ies"]
        else:
            out += [p, p + "s", p + "es"]
    return out


def _index(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {phrase: cls for cls, phrases in table.items() for phrase in phrases}


NOUN_CLASS = _index(CAUSES.nouns)
VERB_CLASS = _index(CAUSES.verbs)
EVENT_CLASS = _index(CAUSES.events)
# Each space in a phrase is any run of spaces.
NOUNS = alternation(_plurals(NOUN_CLASS), space=r"\s+")
VERBS = alternation(VERB_CLASS, space=r"\s+")
EVENTS = alternation(_plurals(EVENT_CLASS), space=r"\s+")
VEHICLES = alternation(_plurals(CAUSES.vehicles), space=r"\s+")
HEDGE = re.compile(r"\b" + alternation(CAUSES.hedges, space=r"\s+") + r"\b", re.IGNORECASE)

_DET = r"(?:(?:a|an|the|his|her|their|its|multiple|several|severe|serious|fatal|massive|numerous)\s+)*"
_ADJ = r"(?:[a-z][a-z-]{1,20}\s+){0,2}?"  # "head", "self-inflicted", "suspected drug"
_COMPLICATIONS = r"(?:complications\s+(?:of|from)\s+|the\s+effects\s+of\s+)?"
_NOUN = rf"{_COMPLICATIONS}{_DET}{_ADJ}(?P<noun>{NOUNS})\b"
_DYING = r"(?P<pred>died|dies|dying|die|perished|passed\s+away|found\s+dead)"
_BECAUSE = r"(?:of|from|as\s+a\s+result\s+of|due\s+to|because\s+of)"
# What may stand between "died" and "of": a day, a place, "in hospital", "at 85", never a new clause.
_BETWEEN = r"(?P<mid>,?(?:\s+[\w’',-]+){0,8}?)"  # "died, apparently of": a comma may follow the verb
NEW_CLAUSE = re.compile(r"\b(?:and|but|who|which|after|when|while|because|before|following|since|said|says)\b|;")
PASSIVE = r"(?:was|were|been|being|is|are|got|get|gets|be|found|later|allegedly|reportedly|fatally|brutally)"
NEGATION = re.compile(r"\b(?:not|n[’']t|never|no)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
DEATH_WORDS = re.compile(r"\b(?:and\s+killed|dead|to\s+death|fatally)\b", re.IGNORECASE)
# A quick test before the patterns: one of the words every rule is built on.
MAY_CAUSE = re.compile(
    r"\b(?:die|dead|death|dying|succumb|shot|stab|knif|drown|kill|injur|hurt|wound|beat|burn|suffer|sustain|"
    r"receiv|treated|gunned|perish|passed|fatally)",
    re.IGNORECASE,
)
MAY_CAUSE_LOWER = Caseless(MAY_CAUSE)  # the same test asked of the lower-case text: quicker


@dataclass(frozen=True)
class CauseRule:
    """One rule: its id, its pattern, the outcome it states ('died'; None: read from the match),
    the cause class it reads from the match and the words it cannot match without. Whether the
    person is the verb's object ('stabbed him to death') is ACTIVE_RULES' to say."""

    rule: str
    pattern: re.Pattern[str]
    outcome: CauseOutcome | None
    cls: Callable[[re.Match[str]], str | None]
    gate: str | None = None  # words the pattern cannot match without: tried first, as a substring


def _by_group(m: re.Match[str]) -> str | None:
    """The class the match's words name: a noun of a cause, a verb of violence, an event, a vehicle."""
    for group, table in (("noun", NOUN_CLASS), ("hit", NOUN_CLASS), ("verb", VERB_CLASS), ("event", EVENT_CLASS)):
        words = m.groupdict().get(group)
        if words:
            return _lookup(words, table)
    if m.groupdict().get("vehicle"):
        return "traffic"
    if m.groupdict().get("falling"):
        return "fall"
    return None


def _lookup(words: str, table: dict[str, str]) -> str | None:
    key = re.sub(r"\s+", " ", words.lower())
    forms = (key, key.removesuffix("es"), key.removesuffix("s"), key.removesuffix("ies") + "y")
    for form in forms:
        if form in table:
            return table[form]
    return None


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


_HIT = r"(?:hit|struck|knocked\s+down|run\s+over|mowed\s+down)"
_BY_WHAT = rf"by\s+{_DET}{_ADJ}(?:(?P<vehicle>{VEHICLES})|(?P<hit>{NOUNS}))\b"  # "by a car", "by a stray bullet"
_HIT_BY = rf"{_HIT}\s+{_BY_WHAT}"
BARE_VERB = {"beat": "beaten", "stab": "stabbed", "shoot": "shot"}  # "beat him to death"
RULES: tuple[CauseRule, ...] = (
    # "died of his injuries", "died Saturday of natural causes", "died in hospital from a drug overdose"
    CauseRule("cause.died-of", _rx(rf"\b{_DYING}{_BETWEEN}\s+{_BECAUSE}\s+{_NOUN}"), "died", _by_group),
    # "succumbed to his wounds", "succumbed to complications from a heart attack"
    CauseRule("cause.succumbed", _rx(rf"\b(?P<pred>succumb(?:ed|s|ing)?)\s+to\s+{_NOUN}"), "died", _by_group),
    # "the cause of death was a gunshot wound", "the cause of her death was given as pneumonia"
    CauseRule(
        "cause.cause-of-death",
        _rx(
            r"\b(?P<pred>cause\s+of\s+(?:(?:his|her|their|the)\s+)?death)\s+(?:was|is|has\s+been|had\s+been|as|:)\s+"
            rf"(?:(?:given|listed|ruled|determined|confirmed|established)\s+(?:as\s+)?)?{_NOUN}"
        ),
        "died",
        _by_group,
        gate="cause of",
    ),
    # "his death was caused by head injuries", "the death was the result of an overdose"
    CauseRule(
        "cause.death-caused-by",
        _rx(
            r"\b(?P<pred>(?:his|her|their|the)\s+death)\s+(?:was|had\s+been|is)\s+(?:\w+ly\s+)?"
            rf"(?:caused\s+by|the\s+result\s+of|due\s+to)\s+{_NOUN}"
        ),
        "died",
        _by_group,
    ),
    # "an overdose was the cause of death"
    CauseRule(
        "cause.was-cause-of-death",
        _rx(
            rf"\b{_DET}{_ADJ}(?P<noun>{NOUNS})\s+(?:was|is)\s+(?:the|a)\s+(?:\w+\s+)?"
            r"(?P<pred>cause\s+of\s+(?:(?:his|her|their|the)\s+)?death)"
        ),
        "died",
        _by_group,
        gate="cause of",
    ),
    # "was stabbed to death", "shot to death his former partner", "beat him to death"
    CauseRule(
        "cause.to-death",
        _rx(rf"\b(?P<pred>(?P<verb>{VERBS}|beat|stab|shoot))\s+(?:(?P<obj>[^,.;:]{{1,40}}?)\s+)?to\s+death\b"),
        "died",
        lambda m: _lookup(BARE_VERB.get(m.group("verb").lower(), m.group("verb")), VERB_CLASS),
    ),
    # "was shot dead", "shot dead a man", "shot and killed", "gunned down", "fatally shot"
    CauseRule(
        "cause.shot-dead",
        _rx(
            r"\b(?P<pred>shot(?:\s+(?P<obj>[^,.;:]{1,40}?))?\s+dead|shot\s+and\s+killed|gunned\s+down|"
            r"fatally\s+(?:shot|gunned))\b"
        ),
        "died",
        lambda m: "gunshot",
    ),
    CauseRule(
        "cause.fatally",
        _rx(r"\b(?P<pred>fatally\s+(?P<verb>stabbed|beaten|burned|burnt)|(?P<verb2>stabbed|beaten)\s+and\s+killed)\b"),
        "died",
        lambda m: _lookup(m.group("verb") or m.group("verb2"), VERB_CLASS),
    ),
    # "drowned", "drowned in the river" (never "drowned out")
    CauseRule("cause.drowned", _rx(r"\b(?P<pred>drowned)\b(?!\s+out\b)"), "died", lambda m: "drowning"),
    # "killed in a car crash", "died in an explosion", "injured in a road accident", "killed by a stray bullet"
    CauseRule(
        "cause.killed-in",
        _rx(
            r"\b(?P<pred>killed|died|dead|injured|hurt|wounded)\s+(?:(?:on\s+the\s+spot|instantly|outright)\s+)?"
            rf"(?:in|during)\s+{_DET}{_ADJ}(?P<event>{EVENTS})\b"
        ),
        None,
        _by_group,
    ),
    CauseRule(
        "cause.killed-by",
        _rx(
            r"\b(?P<pred>killed|injured|hurt|wounded)\s+(?:when\s+(?:he|she)\s+was\s+)?"
            rf"(?:{_HIT}\s+)?{_BY_WHAT}"
        ),
        None,
        _by_group,
    ),
    # "died after being hit by a car", "died after suffering a heart attack", "died after a fall",
    # "died after slipping and falling", "died after being beaten"
    CauseRule(
        "cause.died-after",
        _rx(
            rf"\b{_DYING}(?:\s+[\w’',-]+){{0,5}}?\s+(?:shortly\s+|hours\s+|days\s+|soon\s+)?after\s+(?:"
            rf"(?:(?:being|getting)|(?:he|she)\s+(?:was|had\s+been))\s+(?:\w+ly\s+)?(?:{_HIT_BY}|(?P<verb>{VERBS}))|"
            rf"(?:suffering|sustaining|receiving|taking|having)\s+{_NOUN}|"
            rf"{_DET}{_ADJ}(?P<event>{EVENTS})|"
            r"(?P<falling>(?:slipping\s+and\s+)?falling|a\s+fall))\b"
        ),
        "died",
        _by_group,
    ),
    # hurt, not dead: "was shot in the leg", "were stabbed", "was badly beaten"
    CauseRule(
        "cause.was-hurt",
        _rx(
            rf"\b{PASSIVE}\s+(?:\w+ly\s+)?(?P<pred>(?P<verb>shot|stabbed|knifed)(?!\s+(?:at|down|dead|to\s+death|and\s+killed)\b)|"
            r"(?:badly|severely|brutally|savagely|viciously)\s+(?P<verb2>beaten|burned|burnt))\b"
        ),
        "hurt",
        lambda m: _lookup(m.group("verb") or m.group("verb2"), VERB_CLASS),
    ),
    # "suffered gunshot wounds", "sustained head injuries", "treated for stab wounds"; never "suffered
    # from heart disease", an illness someone lives with
    CauseRule(
        "cause.suffered",
        _rx(rf"\b(?P<pred>suffered|sustained|received|treated\s+for|suffering|sustaining)\s+(?!from\b){_NOUN}"),
        "hurt",
        _by_group,
    ),
)
DEATH_OUTCOMES = frozenset({"killed", "died", "dead"})
# Words (lower case) one of which every match of a rule holds, read off its pattern: a sentence
# with none of them is not searched with it. Asked of the lower-case text, so not where it holds a
# letter IGNORECASE matches to an ASCII one (text/prefilter.folded is None there).
_DYING_WORDS = ("die", "dying", "perished", "passed", "found")
RULE_WORDS: dict[str, tuple[str, ...]] = {
    "cause.died-of": _DYING_WORDS,
    "cause.succumbed": ("succumb",),
    "cause.death-caused-by": ("death",),
    "cause.to-death": ("death",),
    "cause.shot-dead": ("shot", "gunned"),
    "cause.fatally": ("fatally", "stabbed", "beaten"),
    "cause.drowned": ("drowned",),
    "cause.killed-in": ("killed", "died", "dead", "injured", "hurt", "wounded"),
    "cause.killed-by": ("killed", "injured", "hurt", "wounded"),
    "cause.died-after": _DYING_WORDS,
    "cause.was-hurt": ("shot", "stabbed", "knifed", "beaten", "burned", "burnt"),
    "cause.suffered": ("suffer", "sustain", "received", "treated"),
}


# What may follow "shot dead" or "stabbed to death" when no object does ("was shot dead by police",
# "a man stabbed to death in his home"): anything else there is the object of an active verb.
NO_OBJECT_AFTER = re.compile(
    r"^(?:\s*(?:[,.;:!?)\"”’'—-]|$)|\s+(?:by|in|at|on|outside|inside|near|during|after|while|and|when|as|"
    r"following|last|yesterday|today|early|late|over|this|before|earlier|shortly|just|hours|days|minutes|"
    r"allegedly|reportedly|apparently|with|for|from|into|behind|under))",
    re.IGNORECASE,
)
BEFORE_PASSIVE = re.compile(rf"\b{PASSIVE}\s+(?:\w+ly\s+)?$", re.IGNORECASE)
ACTIVE_RULES = frozenset({"cause.to-death", "cause.shot-dead"})
NAME_BEFORE = re.compile(
    r"\b(?P<name>[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+){0,3})\s+(?:was|were|had\s+been|has\s+been|is|had|has)\s+"
    r"(?:\w+ly\s+)?(?:been\s+)?$"
)
# The subject of the predicate as a role or an age ("the cameraman", "the 40-year-old", "the
# deputy, who was off duty,"): only at the start of the clause before the predicate.
DESCRIBED = re.compile(
    r"^\s*(?:[A-Z]\w*\s+)?(?:the|a|an)\s+(?:(?P<age>\d{1,3})[- ]years?[- ]old|(?:[\w-]+\s+){0,2}?(?P<role>"
    + alternation(OCCUPATIONAL)
    + r"))\b(?:,[^,]{1,60},)?\s*(?:who\s+)?(?:(?:has|had|was|were|is|later|then)\s+)*(?:been\s+)?$",
    re.IGNORECASE,
)
DEATH_NOUN_RULES = frozenset({"cause.cause-of-death", "cause.was-cause-of-death", "cause.death-caused-by"})


def _victim(ctx: Context, sentence: Sentence, rule: str, m: re.Match[str]) -> tuple[WhoModel | None, str]:
    """Who died or was hurt: the person the verb's object names ("shot dead a man", "stabbed her
    to death", "police shot dead X"), else the nearest person before the predicate."""
    obj = m.groupdict().get("obj")
    s = sentence.text
    passive = BEFORE_PASSIVE.search(s[max(0, m.start() - 30) : m.start()])
    if obj is None and rule in ACTIVE_RULES and not passive and not NO_OBJECT_AFTER.match(s[m.end() :]):
        lo = sentence.start + m.end()
        # "shot to death one person": no one named after the verb, and the killer stands before it
        return _first_person(ctx, lo, lo + 40) or (None, "")
    if obj is not None:
        lo = sentence.start + m.start("obj")
        first = _first_person(ctx, lo, lo + len(obj))
        if first is not None:
            return first
        pronoun = re.match(r"(him|her)\b", obj, re.IGNORECASE)
        if pronoun is None:
            return None, ""  # "shot to death one person": no one the story names
        return subject_before(ctx, sentence, lo + pronoun.end() + 1)
    if rule in DEATH_NOUN_RULES:
        # "the cause of his death was": his; "the cause of death was": the story's person before it
        who, words = subject_before(ctx, sentence, sentence.start + m.end("pred"))
        if who is not None:
            return who, words
        person = nearest_person_before(ctx.people, sentence.start + m.start(), ctx.sentences)
        return person, person.name if person is not None else ""
    who, words = subject_before(ctx, sentence, sentence.start + m.start("pred"))
    if who is None:
        # "after Berg was shot to death": a surname the entity finder took for no mention here
        named = NAME_BEFORE.search(s[max(0, m.start() - 60) : m.start()])
        if named is not None:
            who = resolve_words(ctx, named.group("name"), sentence.start + m.start())
            words = named.group("name") if who is not None else ""
    if who is None:
        who, words = _described(ctx, s[max(0, m.start() - 80) : m.start()])
    return who, words


def _first_person(ctx: Context, lo: int, hi: int) -> tuple[WhoModel, str] | None:
    """The first person named starting between `lo` and `hi` (file offsets), with the words."""
    rows = ctx.people.starting(lo, hi)
    if not rows:
        return None
    start, end, key, _ = min(rows, key=lambda r: r[0])
    return key, ctx.text[start:end]


def _described(ctx: Context, before: str) -> tuple[Person | None, str]:
    """'The cameraman died of his injuries', 'the 40-year-old was stabbed': the one person of the
    story an apposition gave that role ('X, a cameraman,') or that age, when only one has it."""
    clause = before[max((b.end() for b in CLAUSE_BREAK.finditer(before)), default=0) :]
    m = DESCRIBED.search(clause)
    if m is None:
        return None, ""
    if m.group("age"):
        age = int(m.group("age"))
        found = [k for k, e in ctx.people.entities.items() if isinstance(k, Person) and age in e.ages]
    else:
        word = m.group("role").lower()
        cls = OCCUPATIONAL.get(word)
        found = [
            k
            for k, e in ctx.people.entities.items()
            if isinstance(k, Person) and cls in e.roles and _given_role(ctx.text, k.name, word)
        ]
    return (found[0], m.group(0).strip()) if len(found) == 1 else (None, "")


def _given_role(text: str, name: str, word: str) -> bool:
    """Whether the story calls the person by this role word beside the name ('Berg, a cameraman',
    'the cameraman Olaf Berg'), not only by another word of its class ('reporter')."""
    surname = re.escape(name.split()[-1])
    role = re.escape(word)
    near = (
        rf"\b{surname},\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?{role}\b"  # "Berg, a cameraman"
        rf"|\b{role}\s+(?:[A-Z][\w’'-]+\s+){{0,2}}{surname}\b"  # "cameraman Olaf Berg"
    )
    return re.search(near, text, re.IGNORECASE) is not None


def _modality(s: str, m: re.Match[str]) -> Modality:
    before = s[max(0, m.start() - 40) : m.start()]
    if HEDGE.search(m.group(0)) or HEDGE.search(before):
        return "possible"
    return "asserted"


def extract_causes(ctx: Context, sentence: Sentence) -> list[CauseClaim]:
    """The causes of death and injury one sentence gives, one claim a person and cause."""
    s = sentence.text
    if not MAY_CAUSE_LOWER.search(s) or s.rstrip().endswith("?"):
        return []
    claims: list[CauseClaim] = []
    taken: list[tuple[int, int]] = []
    low = s.lower()
    lower = folded(s)
    for rule in RULES:
        if rule.gate is not None and rule.gate not in low:
            continue
        needed = RULE_WORDS.get(rule.rule)
        if needed is not None and lower is not None and not any(w in lower for w in needed):
            continue
        for m in rule.pattern.finditer(s):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue  # "shot dead" is not also "was shot": the first rule to read the words has them
            mid = m.groupdict().get("mid")
            if mid and NEW_CLAUSE.search(mid):
                continue
            cls = rule.cls(m)
            if cls is None or NEGATION.search(s[max(0, m.start() - 30) : m.start()]):
                continue
            outcome = rule.outcome
            if outcome is None:
                outcome = "died" if m.group("pred").lower() in DEATH_OUTCOMES else "hurt"
            if outcome == "hurt" and DEATH_WORDS.search(s[m.end() : m.end() + 25]):
                outcome = "died"  # "was shot in the head and killed"
            who, words = _victim(ctx, sentence, rule.rule, m)
            if who is None or isinstance(who, Group):
                continue
            taken.append((m.start(), m.end()))
            claims.append(
                CauseClaim(
                    **evidence(ctx, sentence, sentence.start + m.start(), sentence.start + m.end()),
                    subject=who,
                    subject_text=words,
                    rule=rule.rule,
                    incident_hint=ctx.hint_for(sentence, sentence.start + m.start(), sentence.start + m.end()),
                    cause=cls,
                    outcome=outcome,
                    modality=_modality(s, m),
                    expression=re.sub(r"\s+", " ", m.group(0)),
                )
            )
    claims.sort(key=lambda c: c.value_start)
    unique: dict[tuple[Subject, str, str], CauseClaim] = {}
    for claim in claims:
        unique.setdefault((claim.subject, claim.cause, claim.outcome), claim)
    return list(unique.values())
