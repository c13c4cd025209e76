"""Subjects as people name them, and what an added claim can take from its own quote.

Claims carry typed subjects (a person, a relative, a group, a figure or a date of one of them);
people see and type the names the report uses ('Jane Doe', "Jane Doe's partner",
'publish@the couple'). `subject_label` goes one way, `resolve_subject` the other, against the
subjects one source knows.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from factcheck.models import (
    ClaimBase,
    ClaimsFile,
    Dated,
    Figure,
    Group,
    MonthDay,
    Organisation,
    Person,
    Relative,
    StatusState,
    SubjectType,
    parse_subject,
)
from factcheck.text.numbers import DIGITS, WORD_NUMBER, interval, parse_number_word, vague_interval

SCALAR = (str, int, float, bool)


def labels(cf: ClaimsFile) -> dict[str, str]:
    """The names of a source's entities, by key."""
    return {e.id: e.label for e in cf.entities}


def subject_label(subject: SubjectType, names: Mapping[str, str]) -> str:
    """How a person reads a subject: the entity's name, 'the couple' for a group, counts as they are."""
    key = subject.key()
    if key in names:
        return names[key]
    if isinstance(subject, Figure | Dated) and subject.of is not None:
        return f"{subject.head()}@{subject_label(subject.of, names)}"
    if isinstance(subject, Relative):
        return f"r:{subject.role}@{subject_label(subject.of, names)}"
    if isinstance(subject, Group):
        return "the " + subject.noun
    if isinstance(subject, Person):
        return subject.name.title()
    return key


def known_subjects(cf: ClaimsFile) -> set[SubjectType]:
    """Every subject a source knows: its entities and what its claims are about."""
    return {e.who for e in cf.entities if e.who is not None} | {c.subject for c in cf.claims}


def _kind_of_key(text: str, kind: str) -> SubjectType | None:
    try:
        return parse_subject(text, kind)
    except ValueError:
        return None


def resolve_subject(text: str, cf: ClaimsFile, kind: str = "") -> SubjectType | None:
    """The subject `text` names in this source, for a claim of `kind`: a name as `claim list` shows it
    ("Jane Doe", 'publish@Jane Doe'), case and spacing aside, or a key. None when it names nothing here."""
    known = known_subjects(cf)
    names = labels(cf)
    by_key = {s.key(): s for s in known}
    if text in by_key:
        return by_key[text]
    wanted = " ".join(text.split()).casefold()
    by_label: dict[str, SubjectType] = {}
    for subject in sorted(known):
        by_label.setdefault(subject_label(subject, names).casefold(), subject)
    if wanted in by_label:
        return by_label[wanted]
    head, at, tail = text.partition("@")
    if at and head.strip():
        who = resolve_subject(tail, cf)
        owned = _kind_of_key(head.strip(), kind or "date")
        if not isinstance(who, Person | Relative | Group | Organisation):
            return None
        if isinstance(owned, Figure):
            return owned.model_copy(update={"of": who})
        return Dated(event=owned.event, of=who) if isinstance(owned, Dated) else None
    if wanted.startswith("the ") and len(wanted) > 4:
        return Group(noun=wanted[4:])
    if ":" in text and not text.startswith(("p:", "r:")):
        return _kind_of_key(text, kind or "quantity")  # a count ('detain:people') needs no entity
    return None


def people(cf: ClaimsFile) -> list[str]:
    """The names of the people a source mentions, as `--subject` takes them."""
    names = labels(cf)
    return sorted({subject_label(s, names) for s in known_subjects(cf) if isinstance(s, Person | Relative)})


# --- what an added claim can take from its quote ----------------------------------------------

NUMBER = re.compile(rf"\b(?P<n>{DIGITS}|{WORD_NUMBER})\b(?:\s+(?P<unit>[a-z]+))?", re.IGNORECASE)
WHOLE = re.compile(r"\b(\d{1,3})\b")


def _from_extracted(cf: ClaimsFile, kind: str, start: int, end: int) -> ClaimBase | None:
    """A claim of `kind` the rules already found with its value inside [start, end): the extractor saw
    the value but gave it another subject, or the claim was rejected; its fields are the best guess."""
    inside = [c for c in cf.claims if c.kind == kind and start <= c.value_start and c.value_end <= end]
    return inside[0] if len(inside) == 1 else None


def _status(words: str) -> dict[str, str]:
    from factcheck.extract.status import PATTERNS, status_state

    found = {(domain, state, bool(m.groupdict().get("neg"))) for domain, state, p in PATTERNS if (m := p.search(words))}
    if len(found) != 1:
        return {}
    domain, state, negated = found.pop()
    stated = status_state(state, negated) or StatusState(name=state)  # a negation that is no state: the state
    return {"domain": domain, "state": stated.key()}


def _quantity(words: str) -> dict[str, str]:
    matches = list(NUMBER.finditer(words))
    if len(matches) != 1:
        return {}
    m = matches[0]
    number = parse_number_word(m.group("n"))
    if number is None:
        span = vague_interval(m.group("n"))
        if span is None:
            return {}
        number = span[0]
    low, high = interval(number, "exact")
    out = {"number": str(number), "low": str(low), "high": str(high)}
    if m.group("unit"):
        out["unit"] = m.group("unit").lower()
    return out


# What each kind needs that defaults cannot fill, with an example value for the message that asks for it.
ASKED: dict[str, dict[str, str]] = {
    "age": {"value": "28"},
    "quantity": {"number": "12", "unit": "people"},
    "date": {"date": "2024-03-08", "event": "detain"},
    "status": {"domain": "employment", "state": "fired"},
    "role": {"position": "'deputy director'"},
}


def missing_fields(kind: str, values: Mapping[str, str]) -> list[str]:
    """The fields of an added claim of `kind` that neither the quote nor `--set` gave."""
    return [name for name in ASKED.get(kind, {}) if name not in values]


def ask_for(kind: str, missing: list[str]) -> str:
    """The `--set` options that give the missing fields, with examples."""
    return " ".join(f"--set {name}={ASKED[kind][name]}" for name in missing)


def guess_values(cf: ClaimsFile, kind: str, text: str, start: int, end: int) -> tuple[dict[str, str], str | None]:
    """Field values for a claim of `kind` whose value is stated in text[start:end], as `--set` would
    give them, and the words stating it when narrower: from a claim the rules found there, else from
    the words (a lone number for an age or a count, a status phrase of the lexicon)."""
    known = _from_extracted(cf, kind, start, end)
    if known is not None:
        data = known.model_dump(mode="json")
        skip = {"id", "kind", "source", "start", "end", "quote", "value_start", "value_end", "subject"}
        skip |= {"subject_text", "rule", "origin", "speaker", "incident_hint"}
        values = {k: str(v) for k, v in data.items() if k not in skip and isinstance(v, SCALAR)}
        values |= {k: v.key() for k, v in known if isinstance(v, MonthDay | StatusState)}  # typed by their keys
        return values, text[known.value_start : known.value_end]
    words = text[start:end]
    if kind == "age":
        ages = WHOLE.findall(words)
        return ({"value": ages[0]}, None) if len(set(ages)) == 1 else ({}, None)
    if kind == "quantity":
        return _quantity(words), None
    if kind == "status":
        return _status(words), None
    return {}, None
