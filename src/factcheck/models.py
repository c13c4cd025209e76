"""The one schema: sources, sentences, mentions, claims, findings and reports.

Every stage of the pipeline takes and returns these models; the claims files, the
JSON report and `factcheck schema` are all produced from them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from typing import Annotated, Any, Literal, NamedTuple, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    PrivateAttr,
    SerializerFunctionWrapHandler,
    computed_field,
    model_serializer,
    model_validator,
)

# The shape of the claims, reviews and report files. 2: subjects, participants, states
# ('not_fired'), days of the year ('02-14') and figures' roles are typed objects, not strings built
# by one stage and split by others. Version-1 files still load: their string forms are read into the
# models by the validators below, and claims files of an older version are extracted again.
SCHEMA_VERSION = 2


class Model(BaseModel):
    """Base for every model: unknown fields are an error, not silently kept."""

    model_config = ConfigDict(extra="forbid")


M = TypeVar("M", bound=BaseModel)
_set_attribute = object.__setattr__


def trusted(cls: type[M], fields: dict[str, Any], named: set[str] | None = None) -> M:
    """A model made from values its maker holds to the schema, for a class whose validators would
    take them as they are: every field given, of its type, in the schema's order (the order it is
    written out in). What `model_construct` makes, without its walk over the fields (a frame or a
    topic per claim). `named`: the fields the validated call would name (all, unless told)."""
    model = cls.__new__(cls)
    _set_attribute(model, "__dict__", fields)
    _set_attribute(model, "__pydantic_fields_set__", set(fields) if named is None else named)
    _set_attribute(model, "__pydantic_extra__", None)
    _set_attribute(model, "__pydantic_private__", None)
    return model


def stable_id(prefix: str, *parts: object) -> str:
    """A short id that depends only on `parts`, so it is the same on every run (a lone surrogate in
    a part, which UTF-8 cannot encode, is hashed as its code point)."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8", "surrogatepass")).hexdigest()
    return f"{prefix}{digest[:10]}"


# --- sources ---------------------------------------------------------------------------------


class Evidence(Model):
    """A piece of a source's text: half-open character offsets and the text they cover."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    source: str = Field(description="Source id: the file's path relative to the sources folder.")
    start: int = Field(ge=0, description="Offset of the first character in the source's text.")
    end: int = Field(ge=0, description="Offset one past the last character (half-open).")
    quote: str = Field(description="Exactly text[start:end].")

    @model_validator(mode="after")
    def _span_matches_quote(self) -> Evidence:
        if self.end < self.start:
            raise ValueError(f"end ({self.end}) is before start ({self.start})")
        if self.end - self.start != len(self.quote):
            raise ValueError(f"quote has {len(self.quote)} characters but the span has {self.end - self.start}")
        return self


OutletFrom = Literal["front-matter", "html-metadata", "text", "sources-file"]


class Source(Model):
    """One article file, as read: where it is, what it is, when it was published."""

    id: str = Field(description="Path relative to the sources folder, with '/' separators.")
    sha256: str = Field(description="SHA-256 of the file's bytes; claims made from other bytes are stale.")
    encoding: str = Field(description="The encoding the bytes were decoded with.")
    format: Literal["text", "markdown", "html"] = Field(description="How the file was read.")
    length: int = Field(ge=0, description="Number of characters in the decoded (or extracted) text.")
    title: str | None = Field(default=None, description="Headline, from front matter or the first line.")
    outlet: str | None = Field(default=None, description="Publisher, from front matter or HTML metadata.")
    url: str | None = Field(default=None, description="Address of the article, where known.")
    published: dt.date | None = Field(default=None, description="Publication date, where known.")
    published_from: Literal["front-matter", "dateline", "html-metadata", "sources-file"] | None = Field(
        default=None, description="Where the publication date was found."
    )
    published_evidence: Evidence | None = Field(
        default=None, description="The dateline in the text that gave the publication date."
    )
    outlet_from: OutletFrom | None = Field(default=None, description="Where the outlet was found.")
    outlet_evidence: Evidence | None = Field(
        default=None, description="The line of the text that names the outlet (masthead, byline, dateline)."
    )
    warnings: list[str] = Field(default_factory=list, description="Problems met while reading the file.")


class SourceInfo(Model):
    """What `sources.yaml` beside the sources says of one file, for what its text does not say."""

    outlet: str | None = Field(default=None, min_length=1, description="Publisher of the article.")
    url: str | None = Field(default=None, min_length=1, description="Address of the article.")
    published: dt.date | None = Field(default=None, description="Publication date (YYYY-MM-DD).")


class Document(Model):
    """A source together with its text: what the extractors read. The text is not persisted
    for plain-text sources (the file is the text); HTML sources keep their extracted text."""

    source: Source
    text: str


class Sentence(Model):
    """A sentence (or heading line) of a source, with offsets into the source's text."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    index: int = Field(ge=0, description="Position of the sentence in the source.")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str = Field(description="text[start:end] of the source.")
    paragraph: int = Field(ge=0, description="Index of the paragraph (block of lines) the sentence is in.")
    furniture: bool = Field(
        default=False, description="Page furniture (pitches, captions, teasers): read, but never a claim."
    )


# --- subjects --------------------------------------------------------------------------------
# What a claim is about, as typed models built once by the extractors and never parsed again.
# `key()` is the one string form, for ids and stable ordering (claim and finding ids are made of
# it, so it must not change); `parse_subject` reads that form back where a person types it or an
# old claims file holds it, and nowhere else.


class SubjectModel(Model):
    """Base of the subject models: frozen, and ordered by their keys so sorts stay deterministic."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    def key(self) -> str:
        raise NotImplementedError

    def __lt__(self, other: SubjectModel) -> bool:
        return self.key() < other.key()


class Person(SubjectModel):
    """A person the source names."""

    kind: Literal["person"] = "person"
    name: str = Field(min_length=1, description="The name as keyed: lower case, single spaces ('jane doe').")

    def key(self) -> str:
        return f"p:{self.name}"


class Relative(SubjectModel):
    """A person known by a relation to a named person: 'his partner', "Doe's mother"."""

    kind: Literal["relative"] = "relative"
    role: str = Field(min_length=1, description="The relation, a class of the roles lexicon ('partner').")
    of: Person = Field(description="The person the relation is to.")

    def key(self) -> str:
        return f"r:{self.role}@{self.of.key()}"


class Group(SubjectModel):
    """People taken together: 'the couple', 'they'."""

    kind: Literal["group"] = "group"
    noun: str = Field(min_length=1, description="The group noun ('couple'; 'group' for a plural pronoun).")

    def key(self) -> str:
        return f"g:{self.noun}"


class Organisation(SubjectModel):
    """An institution that speaks: 'the interior ministry said'."""

    kind: Literal["organisation"] = "organisation"
    name: str = Field(min_length=1, description="Its last words, lower case ('interior ministry').")

    def key(self) -> str:
        return f"org:{self.name}"


Who = Annotated[Person | Relative | Group | Organisation, Field(discriminator="kind")]
WhoModel = Person | Relative | Group | Organisation


class Credit(SubjectModel):
    """Who a person credited a claim to in their own words, when it names no one of the source
    ('the organisers', set with `factcheck claim correct --set speaker=...`)."""

    kind: Literal["credit"] = "credit"
    text: str = Field(min_length=1, description="The words, as given.")

    def key(self) -> str:
        return self.text


Speaker = Annotated[Person | Relative | Group | Organisation | Credit, Field(discriminator="kind")]
SpeakerModel = Person | Relative | Group | Organisation | Credit


def parse_speaker(text: str) -> SpeakerModel:
    """A speaker written as a key ('p:jane doe', 'org:police') or in words ('the organisers')."""
    return parse_who(text) or Credit(text=text)


def with_owner(head: str, of: SubjectModel | None) -> str:
    """The key of something of someone: 'detain:hours@p:jane doe'; the head alone without an owner."""
    return f"{head}@{of.key()}" if of is not None else head


class EntityRef(SubjectModel):
    """One of an incident's entities: a person or a relative merged across its sources (resolve.py)."""

    kind: Literal["entity"] = "entity"
    id: str = Field(description="The entity's id ('E-…').")

    def key(self) -> str:
        return self.id


class Unmerged(SubjectModel):
    """A person or a relative of one source that no entity of the incident took."""

    kind: Literal["unmerged"] = "unmerged"
    source: str = Field(description="Source id.")
    who: Person | Relative = Field(discriminator="kind", description="Who the source's claim is about.")

    def key(self) -> str:
        return f"{self.source}#{self.who.key()}"


# Who compared claims are about across the sources of an incident.
Party = EntityRef | Unmerged | Group | Organisation


FIGURE_ROLE = (
    "Which part of the event the figure is: 'agents' (who did it: 'twenty men beat him'), or the part "
    "of a payment ('cash', 'stock', 'bonus', 'funding', 'latest' (the latest round of funding), 'total'); "
    "None: the event itself."
)
FigureRole = Literal["agents", "cash", "stock", "bonus", "funding", "latest", "total"]
# How a role is written in a figure's key where not as itself: the latest round is one of funding.
ROLE_KEYS: dict[str, str] = {"latest": "funding:latest"}
KEY_ROLES = {key: role for role, key in ROLE_KEYS.items()}
FIGURE_ANCHOR = "For a distance, the place it is measured from, as written ('12 miles off X': 'X')."
DISTANCE_FROM = "distance from "


def figure_fields(data: Any) -> Any:
    """A figure's event written with its role or anchor in one string, as claims files had it before
    they were typed and as a correction may give it ('attack:agents', 'fund:funding:latest',
    'distance from X'), read into its fields; an event's own name has neither. A role written as
    its key ('funding:latest') reads as the role ('latest')."""
    if isinstance(data, dict) and isinstance(data.get("role"), str) and data["role"] in KEY_ROLES:
        data = {**data, "role": KEY_ROLES[data["role"]]}
    if isinstance(data, dict) and isinstance(data.get("event"), str):
        event: str = data["event"]
        if event.startswith(DISTANCE_FROM):
            return {**data, "event": "distance", "anchor": event.removeprefix(DISTANCE_FROM)}
        head, colon, role = event.partition(":")
        if colon:
            return {**data, "event": head, "role": KEY_ROLES.get(role, role)}
    return data


class Figure(SubjectModel):
    """What a listed count or measure is of: the event it counts and its unit, and whose it is
    when the words give a person ('she was detained for five hours')."""

    kind: Literal["figure"] = "figure"
    event: str | None = Field(description="The event counted ('detain', 'attack', 'pay'); None: a bare count.")
    role: FigureRole | None = Field(default=None, description=FIGURE_ROLE)
    anchor: str | None = Field(default=None, description=FIGURE_ANCHOR)
    unit: str = Field(description="What is counted or measured ('people', 'hours').")
    of: Who | None = Field(default=None, description="Whose figure it is, where the words say.")

    @model_validator(mode="before")
    @classmethod
    def _fields_from_event_key(cls, data: Any) -> Any:
        return figure_fields(data)

    def measured(self) -> str:
        """The event, with the place a distance is measured from: 'detain', 'distance from X', 'count'."""
        return f"{self.event or 'count'} from {self.anchor}" if self.anchor is not None else self.event or "count"

    def counted(self) -> str:
        """What the key says is counted: the event, and the role in it ('attack:agents', 'pay:cash',
        'fund:funding:latest')."""
        if self.role is None:
            return self.measured()
        return f"{self.measured()}:{ROLE_KEYS.get(self.role, self.role)}"

    def head(self) -> str:
        """The key without its owner: 'detain:hours', 'attack:agents:people'."""
        return f"{self.counted()}:{self.unit}"

    def key(self) -> str:
        return with_owner(self.head(), self.of)


class Dated(SubjectModel):
    """What a listed date dates: an event, and who it happened to where the words say."""

    kind: Literal["dated"] = "dated"
    event: str = Field(min_length=1, description="The event class dated ('publish', 'detain').")
    of: Who | None = Field(default=None, description="Who the event happened to or who did it, where known.")

    def head(self) -> str:
        """The key without its owner: the event."""
        return self.event

    def key(self) -> str:
        return with_owner(self.event, self.of)


TopicFacet = Literal["thing", "event", "date", "place"]


class Topic(SubjectModel):
    """What an open-vocabulary fact is about, in its own words; its frame says the rest."""

    kind: Literal["topic"] = "topic"
    facet: TopicFacet = Field(description="A counted thing, an event's state, an event's date or its place.")
    word: str = Field(description="The counted noun, the event class or the dated predicate's lemma.")

    def key(self) -> str:
        return f"{self.facet}:{self.word}"


def topic(facet: TopicFacet, word: str) -> Topic:
    """Topic(facet=facet, word=word), made as a trusted model (Topic has no validator)."""
    return trusted(Topic, {"kind": "topic", "facet": facet, "word": word}, {"facet", "word"})


Subject = Annotated[Person | Relative | Group | Organisation | Figure | Dated | Topic, Field(discriminator="kind")]
SubjectType = Person | Relative | Group | Organisation | Figure | Dated | Topic

_WHO_PREFIX = {"p": "person", "r": "relative", "g": "group", "org": "organisation"}


def parse_who(text: str) -> WhoModel | None:
    """The person, relative, group or organisation a key names ('p:jane doe', 'r:partner@p:jane doe',
    'g:couple', 'org:interior ministry'); None for any other text.

    >>> parse_who("r:partner@p:jane doe")
    Relative(kind='relative', role='partner', of=Person(kind='person', name='jane doe'))
    """
    prefix, colon, rest = text.partition(":")
    if not colon or not rest or prefix not in _WHO_PREFIX:
        return None
    if prefix == "p":
        return Person(name=rest) if "@" not in rest else None
    if prefix == "g":
        return Group(noun=rest)
    if prefix == "org":
        return Organisation(name=rest)
    role, at, owner = rest.partition("@")
    of = parse_who(owner) if at else None
    return Relative(role=role, of=of) if role and isinstance(of, Person) else None


# The rule family of the open-vocabulary extractors (extract/open_claims.py: 'mention.count', ...);
# every other family is a listed rule's ('age.appositive', 'date.weekday').
OPEN_VOCABULARY = "mention"


def rule_family(rule: str) -> str:
    """The family of a rule id, read in this one place: 'age' of 'age.appositive'."""
    return rule.partition(".")[0]


def rule_name(rule: str) -> str:
    """A rule id without its family: 'distance' of 'mention.distance' (an open figure's dimension)."""
    return rule.partition(".")[2]


def parse_subject(text: str, kind: str, rule: str = "") -> SubjectType:
    """The subject a key names, for a claim of `kind` made by `rule`: what old claims files and
    reviews files hold, and what a person may type. Raises ValueError for a key of no known form.

    >>> parse_subject("detain:hours@p:jane doe", "quantity").of
    Person(kind='person', name='jane doe')
    """
    if rule_family(rule) == OPEN_VOCABULARY:
        facet, _, word = text.partition(":")
        if facet in ("thing", "event", "date") and word:
            return Topic(facet=facet, word=word)
    if kind == "place":
        facet, _, word = text.partition(":")
        if facet == "place" and word:
            return Topic(facet="place", word=word)
    who = parse_who(text)
    if kind in ("age", "status", "role"):
        if who is None:
            raise ValueError(
                f"subject {text!r} is not a person ('p:name'), a relative ('r:role@p:name'), "
                "a group ('g:noun') or an organisation ('org:name')"
            )
        return who
    if who is not None and kind not in ("date", "quantity"):
        return who
    head, at, tail = text.partition("@")
    if at and not head.startswith(("p:", "r:")):
        of = parse_who(tail)
        if of is None:
            raise ValueError(f"subject {text!r}: {tail!r} after '@' names no person, relative or group")
    else:
        head, of = text, None
    if not head:
        raise ValueError("the subject is empty")
    if kind == "quantity":
        event, colon, unit = head.rpartition(":")  # 'attack:agents:people': the unit comes last
        if not colon or not unit:
            raise ValueError(f"subject {text!r}: a figure's key is 'event:unit' ('detain:people')")
        return Figure(event=None if event in ("", "count") else event, unit=unit, of=of)
    return Dated(event=head, of=of)


# --- entities --------------------------------------------------------------------------------

MentionKind = Literal["name", "surname", "role", "pronoun", "speaker"]


class Mention(Model):
    """A place in a source that refers to an entity."""

    source: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    kind: MentionKind = Field(description="Full name, surname alone, role phrase, pronoun or speaker.")


class Entity(Model):
    """A person (or group) that claims are about, resolved within a source or across sources."""

    id: str = Field(description="Stable id of the entity: in a claims file, the key of who it is.")
    who: Who | None = Field(
        default=None, description="Who a source's entity is (a person, a relative); None once merged across sources."
    )
    name: str | None = Field(default=None, description="Best full name, if any source names it.")
    label: str = Field(description="How the report refers to it: the name, or a role phrase.")
    roles: list[str] = Field(default_factory=list, description="Role classes, e.g. 'partner', 'activist'.")
    relation_of: str | None = Field(
        default=None, description="For relational roles ('his partner'): the entity it is relative to."
    )
    ages: list[int] = Field(default_factory=list, description="Ages stated for it.")
    sources: list[str] = Field(default_factory=list, description="Sources that mention it.")
    mentions: list[Mention] = Field(default_factory=list)

    @model_serializer(mode="wrap")
    def _without_unset_who(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        """An entity merged across sources (the report's) is written as before typed entities."""
        data: dict[str, Any] = handler(self)
        if self.who is None:
            data.pop("who", None)
        return data

    @model_validator(mode="before")
    @classmethod
    def _who_from_id(cls, data: Any) -> Any:
        """A claims file written before entities were typed gives who they are by their id alone."""
        if isinstance(data, dict) and "who" not in data and isinstance(data.get("id"), str):
            who = parse_who(data["id"])
            if who is not None:
                data = {**data, "who": who}
        return data


# --- days ------------------------------------------------------------------------------------

MONTH_DAY_KEY = re.compile(r"(?P<month>\d\d)-(?P<day>\d\d)")
LEAP_YEAR = 2000  # a year in which every day of the year exists, 29 February included


class MonthDay(Model):
    """A day of the year without its year ('14 February' in an undated story). Its key 'MM-DD'
    is what finding values and reviews record; the key is read back only where an old claims
    file or a person gives one, in this model's validator."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    month: int = Field(ge=1, le=12, description="The month, 1 to 12.")
    day: int = Field(ge=1, le=31, description="The day of the month, 1 to 31.")

    @model_validator(mode="before")
    @classmethod
    def _from_key(cls, data: Any) -> Any:
        if isinstance(data, str):
            m = MONTH_DAY_KEY.fullmatch(data)
            if m is None:
                raise ValueError(f"{data!r} is not a day of the year ('MM-DD', e.g. '02-14')")
            return {"month": int(m["month"]), "day": int(m["day"])}
        return data

    @model_validator(mode="after")
    def _exists(self) -> MonthDay:
        self.leap_date()  # raises ValueError for 31 April
        return self

    @classmethod
    def of(cls, day: dt.date) -> MonthDay:
        """The day of the year of a calendar day."""
        return cls(month=day.month, day=day.day)

    def key(self) -> str:
        """'MM-DD': the one string form, for value keys and ids."""
        return f"{self.month:02d}-{self.day:02d}"

    def leap_date(self) -> dt.date:
        """The day in a leap year: what month and day alone can be counted and named with."""
        return dt.date(LEAP_YEAR, self.month, self.day)

    def in_year(self, year: int) -> dt.date:
        """The day in `year`; ValueError for 29 February of a year without one."""
        return dt.date(year, self.month, self.day)

    def shifted(self, days: int) -> MonthDay:
        """The day of the year `days` later (earlier when negative), counted in a leap year."""
        return MonthDay.of(self.leap_date() + dt.timedelta(days=days))

    def __lt__(self, other: MonthDay) -> bool:
        return (self.month, self.day) < (other.month, other.day)


# --- frames ----------------------------------------------------------------------------------

Modality = Literal["asserted", "reported", "negated", "future", "planned", "possible", "reversed"]


class Frame(Model):
    """What a fact is about, built from its clause: the event predicate, the counted or described
    thing, who takes part, where, when, and the cues that place it in the story's time. Two facts
    are compared only when their frames align; the frame, not a string key, says what they share."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    predicate: str | None = Field(default=None, description="Lemma of the clause's event predicate ('detain').")
    predicate_class: str | None = Field(
        default=None, description="Class of the predicate in the predicates lexicon ('custody'), where listed."
    )
    negated: bool = Field(default=False, description="Whether the predicate is negated ('did not die').")
    modality: Modality = Field(default="asserted", description="How the clause holds the predicate.")
    noun: str | None = Field(default=None, description="Lemma of the counted or described noun ('employee').")
    attribute: str = Field(description="The fact in the source's own words: 'employees', 'fell (distance)'.")
    agents: tuple[str, ...] = Field(default=(), description="Folded names of who acts (active subject, 'by' X).")
    patients: tuple[str, ...] = Field(
        default=(), description="Folded names of who is acted on (active object, passive subject)."
    )
    place: str | None = Field(default=None, description="Folded place name the clause gives ('in X', 'at X').")
    time: str | None = Field(default=None, description="The clause's time expression in lower case ('on monday').")
    cues: tuple[str, ...] = Field(
        default=(), description="Words placing the fact in another time of the story ('again', 'in 2003')."
    )

    @property
    def participants(self) -> frozenset[str]:
        """Everyone the frame names, whatever their role: active and passive voice meet here."""
        return frozenset(self.agents) | frozenset(self.patients)


class EventKey(NamedTuple):
    """Which event of which source: the source id and the claim id of the event's first mention."""

    source: str
    claim: str


class Event(Model):
    """One event as one source tells it: the dated mentions of one predicate, for the same people,
    in the same time of the story, joined. A person detained twice has two events; two sources'
    events are aligned by what they share, and only aligned events' dates are compared."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    source: str = Field(description="Source id.")
    kind: str = Field(
        description="What happened: the state the predicate puts a participant in ('detained'), its lemma "
        "where unlisted ('check'), or 'telling' for the day something was said."
    )
    predicate_class: str | None = Field(default=None, description="Class of the predicate in the lexicon ('custody').")
    participants: tuple[str, ...] = Field(default=(), description="Folded names of everyone the mentions name.")
    people: tuple[str, ...] = Field(
        default=(), description="Keys of the incident's people (entities) the listed rules date the event for."
    )
    places: tuple[str, ...] = Field(default=(), description="Folded places the mentions' clauses give.")
    scope: tuple[str, ...] = Field(
        default=(), description="Cues setting the event in another time of the story ('again', 'in 2003')."
    )
    days: tuple[dt.date | MonthDay, ...] = Field(
        default=(), description="Days the mentions state or resolve to: calendar days, or days of the year."
    )
    weekdays: tuple[str, ...] = Field(default=(), description="Weekdays the mentions name, lower case ('friday').")
    weekday_days: tuple[dt.date, ...] = Field(
        default=(), description="The days those weekdays resolve to against the publication date."
    )
    mentions: tuple[str, ...] = Field(
        min_length=1, description="Ids of the date claims joined in this event, in text order."
    )

    @property
    def key(self) -> EventKey:
        """Which event this is, stably: its source and its first mention's claim id."""
        return EventKey(self.source, self.mentions[0])


# --- claims ----------------------------------------------------------------------------------


class ClaimBase(Model):
    """Fields every claim has: what it is about, where it stands, and how it was found."""

    id: str = Field(default="", description="Stable id, derived from source, kind, value and quote.")
    source: str = Field(description="Source id.")
    start: int = Field(ge=0, description="Start of the evidence sentence in the source's text.")
    end: int = Field(ge=0, description="End of the evidence sentence (half-open).")
    quote: str = Field(description="The evidence: exactly text[start:end].")
    value_start: int = Field(ge=0, description="Start of the words that state the value.")
    value_end: int = Field(ge=0, description="End of the words that state the value.")
    subject: Subject = Field(
        description="What the claim is about: a person, a relative, a group, a figure, a date, a topic."
    )
    subject_text: str = Field(description="The words naming the subject in this source.")
    rule: str = Field(description="The extraction rule that produced the claim, e.g. 'age.appositive'.")
    speaker: Speaker | None = Field(default=None, description="Who the source attributes the claim to.")
    origin: Literal["extracted", "human"] = Field(default="extracted", description="Who made the claim.")
    incident_hint: str | None = Field(
        default=None, description="A time scope that marks the claim as about another event (e.g. '2017')."
    )
    frame: Frame | None = Field(
        default=None, description="What the fact is about (open-vocabulary claims): compared only when aligned."
    )

    @model_validator(mode="before")
    @classmethod
    def _subject_from_key(cls, data: Any) -> Any:
        """A subject or speaker written as its key (claims files before they were typed, reviews
        files, what a person types) is read into its model here, once."""
        if isinstance(data, dict) and isinstance(data.get("subject"), str):
            field = cls.model_fields.get("kind")
            kind = data.get("kind") or (field.default if field is not None else "")
            data = {**data, "subject": parse_subject(data["subject"], str(kind), str(data.get("rule", "")))}
        if isinstance(data, dict) and isinstance(data.get("speaker"), str):
            data = {**data, "speaker": parse_speaker(data["speaker"]) if data["speaker"] else None}
        return data

    @property
    def rule_family(self) -> str:
        """The family of the rule that made the claim: 'age', 'date', 'mention', ..."""
        return rule_family(self.rule)

    @property
    def rule_name(self) -> str:
        """The rule within its family: 'appositive', or an open figure's dimension ('distance')."""
        return rule_name(self.rule)

    @property
    def open_vocabulary(self) -> bool:
        """Whether an open-vocabulary rule made the claim (compared once aligned by its frame),
        not a listed one."""
        return self.rule_family == OPEN_VOCABULARY

    @model_validator(mode="after")
    def _spans_ordered(self) -> ClaimBase:
        if self.end - self.start != len(self.quote):
            raise ValueError("quote length does not match start/end")
        if not (self.start <= self.value_start <= self.value_end <= self.end):
            raise ValueError("value span must lie inside the evidence span")
        return self

    def display_value(self) -> str:
        raise NotImplementedError


class AgeClaim(ClaimBase):
    kind: Literal["age"] = "age"
    value: int = Field(ge=0, le=130, description="Age in years.")

    def display_value(self) -> str:
        return str(self.value)


Qualifier = Literal["exact", "at least", "more than", "at most", "fewer than", "about", "up to"]


class QuantityClaim(ClaimBase):
    kind: Literal["quantity"] = "quantity"
    low: float | None = Field(description="Lowest value the words allow (None: unbounded).")
    high: float | None = Field(description="Highest value the words allow (None: unbounded).")
    number: float = Field(description="The number as written.")
    qualifier: Qualifier = Field(description="How the number is hedged.")
    unit: str = Field(description="What is counted or measured: 'people', 'days', 'hours', 'euros'.")
    event: str | None = Field(default=None, description="The event class the count belongs to ('detain').")
    role: FigureRole | None = Field(default=None, description=FIGURE_ROLE)
    anchor: str | None = Field(default=None, description=FIGURE_ANCHOR)
    direction: str | None = Field(default=None, description="For a distance: the compass direction ('east').")
    expression: str = Field(description="The words of the quantity, e.g. 'at least 25 people'.")

    @model_validator(mode="before")
    @classmethod
    def _fields_from_event_key(cls, data: Any) -> Any:
        return figure_fields(data)

    def display_value(self) -> str:
        if self.rule == "mention.parts":  # "six twin-engine planes (12 engines)": the parts counted
            number = f"{self.number:,.0f}" if self.number.is_integer() else f"{self.number:g}"  # never "1e+06"
            return f"{self.expression} ({number} {self.unit})"
        return self.expression


DatePrecision = Literal["day", "month", "year", "weekday", "part-of-day"]


class DateClaim(ClaimBase):
    kind: Literal["date"] = "date"
    event: str = Field(description="The event class dated, e.g. 'publish', 'detain', 'die'.")
    expression: str = Field(description="The words of the date, e.g. 'on Friday'.")
    date: dt.date | None = Field(default=None, description="The resolved calendar date, where it could be.")
    month_day: MonthDay | None = Field(
        default=None, description="The day of the year, for a day given or resolved without its year."
    )
    year: int | None = Field(
        default=None, description="The year of a date given by its year alone, as an end date ('until 2029')."
    )
    precision: DatePrecision = Field(description="How precise the expression is.")
    resolved: bool = Field(description="Whether a calendar day could be fixed.")
    resolution: str = Field(description="How the date was resolved, or why it could not be.")
    anchor: Evidence | None = Field(
        default=None, description="For a relative date ('two days later'): the date in the text it counts from."
    )

    @model_validator(mode="before")
    @classmethod
    def _year_from_month_day(cls, data: Any) -> Any:
        """Claims files before the day of the year was typed kept an end date's year in
        'month_day' ('2029'): it is the year."""
        if isinstance(data, dict) and isinstance(data.get("month_day"), str) and data["month_day"].isdecimal():
            data = {**data, "month_day": None, "year": int(data["month_day"])}
        return data

    def display_value(self) -> str:
        if self.date is not None:
            return f"{self.date.strftime('%A')} {self.date.day} {self.date.strftime('%B %Y')} ({self.expression})"
        if self.precision == "year":
            return self.expression
        if self.month_day is not None:
            day_month = f"{self.month_day.day} {self.month_day.leap_date().strftime('%B')}"
            if self.expression.strip().lower() == day_month.lower() or not self.expression[:1].islower():
                return f"{self.expression} (no year given)"
            return f"{day_month}, no year given ({self.expression})"  # a relative date resolved to a day
        return self.expression


class RoleClaim(ClaimBase):
    kind: Literal["role"] = "role"
    position: str = Field(description="The position the source gives the person, e.g. 'deputy director'.")
    of: str | None = Field(default=None, description="Whose or what organisation's position it is, as written.")
    expression: str = Field(description="The words of the apposition.")
    held_in: Literal["case"] | None = Field(
        default=None,
        description="The event the person is the one holder of the position in ('case': the judge who "
        "sentenced or presided); None for a position held in general. Holders meet by position, not by person.",
    )

    def display_value(self) -> str:
        if self.held_in is not None:
            return f"{self.subject_text} ({self.position})"
        return f"{self.position} of {self.of}" if self.of else self.position


StatusDomain = Literal["employment", "legal", "event"]
NEGATION_KEY = "not_"


class StatusState(Model):
    """A state of the status ontology, or its negation where that is a state of its own ('was not
    fired'). Its key ('fired', 'not_fired') is what the conflict table, finding values and reviews
    name it by; the key is read back only where the table, an old claims file or a person gives one,
    in this model's validator."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1, description="The state, e.g. 'fired', 'on_leave', 'detained'.")
    negated: bool = Field(default=False, description="The source says the state does not hold ('was not fired').")

    @model_validator(mode="before")
    @classmethod
    def _from_key(cls, data: Any) -> Any:
        if isinstance(data, str):
            return {"name": data.removeprefix(NEGATION_KEY), "negated": data.startswith(NEGATION_KEY)}
        return data

    def key(self) -> str:
        """'not_fired': the one string form, for the conflict table, value keys and ids."""
        return f"{NEGATION_KEY}{self.name}" if self.negated else self.name

    def words(self) -> str:
        """The state as a reader says it: 'not fired', 'on leave'."""
        return self.key().replace("_", " ")

    def __lt__(self, other: StatusState) -> bool:
        return self.key() < other.key()


class StatusClaim(ClaimBase):
    kind: Literal["status"] = "status"
    domain: StatusDomain
    state: StatusState = Field(
        description="A state of the status ontology ('fired', 'detained'), or its negation ('not fired')."
    )
    modality: Modality = Field(description="Asserted, negated, future, planned, possible or reversed.")
    detail: str | None = Field(default=None, description="Extra specifics, e.g. a sentence length.")
    expression: str = Field(description="The words that state the status.")

    def display_value(self) -> str:
        state = self.state.words()
        if self.modality in ("asserted", "negated"):  # a negated state reads "not fired" already
            return state
        return f"{state} ({self.modality})"


PlaceLevel = Literal["country", "region", "city", "area", "street", "square", "site", "room"]
PlaceRelation = Literal["in", "at", "on", "outside", "near", "from"]


class PlaceClaim(ClaimBase):
    """Where a source puts an event: the place after a locative preposition ("outside the
    courthouse", "in Ganton"), with its level and what the sentence or the gazetteer puts it in."""

    kind: Literal["place"] = "place"
    place: str = Field(description="The place as written, determiner left out ('Elm Street apartment').")
    key: str = Field(description="The place folded (accents, transliteration): what two sources' places meet on.")
    relation: PlaceRelation = Field(
        description="Where the event is against the place: in, at, on, outside, near, from."
    )
    level: PlaceLevel = Field(description="What kind of place: a country, a city, a street, a building, a room.")
    named: bool = Field(description="A capitalised name ('Elm Street'), not a common noun ('the courthouse').")
    head: str = Field(description="The place noun ('street', 'apartment'), or the gazetteer's name for a city.")
    within: list[str] = Field(
        default_factory=list, description="Folded places the sentence puts it inside ('his home in Ganton': 'ganton')."
    )
    event: str | None = Field(default=None, description="Lemma of the event predicate the place belongs to ('kill').")
    expression: str = Field(description="The words stating the place, preposition included ('outside the courthouse').")

    def display_value(self) -> str:
        return self.expression


class MonthSpan(Model):
    """A part of a month as words give it ('early December', 'the end of November'): the days it
    may be, without a year."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    month: int = Field(ge=1, le=12, description="The month, 1 to 12.")
    first: int = Field(ge=1, le=31, description="The first day of the month the words allow.")
    last: int = Field(ge=1, le=31, description="The last day of the month the words allow.")


class EventClaim(ClaimBase):
    """An event as one clause tells it: who did what to whom, when, and whether it happened at
    all. Active and passive voice give the same slots ("police found X", "X was found by police").
    Compared only with the same event of another source (compare/slots.py), slot by slot."""

    kind: Literal["event"] = "event"
    predicate: str = Field(description="Lemma of the event verb ('replace'), or of what was not disclosed.")
    modality: Modality = Field(description="Whether the clause says it happened: asserted, negated, future, ...")
    agent: str | None = Field(default=None, description="Who acts, as written (active subject, passive 'by' phrase).")
    agent_heads: tuple[str, ...] = Field(
        default=(), description="Lemmas of the agent's common nouns ('police', 'firefighter'): who acts, unnamed."
    )
    patient: str | None = Field(default=None, description="Who or what is acted on, as written.")
    patient_heads: tuple[str, ...] = Field(
        default=(), description="Lemmas of the patient's common nouns ('body', 'pirate'), what the event is done to."
    )
    when: str | None = Field(default=None, description="The clause's time of the event in words ('early December').")
    month_span: MonthSpan | None = Field(
        default=None, description="The days of a month `when` allows, if a month part."
    )
    expression: str = Field(description="The words of the predicate ('will eventually replace').")

    def display_value(self) -> str:
        return self.expression


CauseOutcome = Literal["died", "hurt"]


class CauseClaim(ClaimBase):
    """How a person died or was hurt, as one source tells it ("died of his injuries", "was shot
    dead", "died from an overdose"): a class of the cause tree in lexicons/causes.yaml. Compared
    for one person across sources (compare/causes.py): "injuries" against "an overdose" is a
    contradiction, "shot" against "shot dead" one cause, "of wounds" against "of injuries" one."""

    kind: Literal["cause"] = "cause"
    cause: str = Field(description="Class of the cause in the cause tree ('gunshot', 'overdose', 'natural').")
    outcome: CauseOutcome = Field(description="Whether the source says the person died of it or was hurt by it.")
    modality: Modality = Field(description="Asserted, or possible where hedged ('a suspected overdose').")
    expression: str = Field(description="The words that state the cause ('died of his injuries').")

    def display_value(self) -> str:
        return self.expression if self.modality == "asserted" else f"{self.expression} ({self.modality})"


Claim = Annotated[
    AgeClaim | QuantityClaim | DateClaim | StatusClaim | RoleClaim | PlaceClaim | EventClaim | CauseClaim,
    Field(discriminator="kind"),
]


def claim_id(claim: ClaimBase, value: Any) -> str:
    """Stable claim id: independent of offsets, so an edit elsewhere in the file keeps it."""
    return stable_id("c-", claim.source, getattr(claim, "kind", ""), claim.subject.key(), value, claim.quote)


EditValue = str | int | float | bool | None


class HumanEdit(Model):
    """A person's correction to the claims of a source, kept in the reviews file, never in a claims
    file. Edits apply in order after extraction, so one may refer to a claim an earlier one made."""

    action: Literal["reject", "correct", "add"] = Field(
        description="reject: the claim is wrong; correct: change some of its fields; add: a claim the extractor missed."
    )
    source: str = Field(description="Source id of the claim.")
    claim_id: str | None = Field(default=None, description="reject, correct: the id of the claim.")
    changes: dict[str, EditValue] = Field(
        default_factory=dict, description="correct: the fields to change and their new values."
    )
    claim: Claim | None = Field(default=None, description="add: the claim the extractor missed.")
    note: str = Field(default="", description="Why.")
    reviewer: str | None = Field(default=None, description="Who made the edit (optional).")
    date: dt.date = Field(description="When the edit was made.")

    @model_validator(mode="after")
    def _fields_fit_action(self) -> HumanEdit:
        if self.action in ("reject", "correct") and not self.claim_id:
            raise ValueError(f"a '{self.action}' edit needs 'claim_id'")
        if self.action == "correct" and not self.changes:
            raise ValueError("a 'correct' edit needs 'changes'")
        if self.action == "add" and self.claim is None:
            raise ValueError("an 'add' edit needs 'claim'")
        if self.action != "add" and self.claim is not None:
            raise ValueError(f"a '{self.action}' edit takes no 'claim'")
        if self.action != "correct" and self.changes:
            raise ValueError(f"a '{self.action}' edit takes no 'changes'")
        if self.claim is not None and self.claim.source != self.source:
            raise ValueError(f"the claim's source {self.claim.source!r} is not the edit's {self.source!r}")
        return self


class ClaimsFile(Model):
    """What `claims/<source>.json` holds: the extracted claims of one source."""

    schema_version: int = Field(default=SCHEMA_VERSION, ge=1, description="Version of the file's shape.")
    generator: str = Field(default="factcheck", description="Tool that wrote the file.")
    source: Source
    sentences: int = Field(ge=0, description="Number of sentences read.")
    entities: list[Entity] = Field(default_factory=list, description="People the source mentions.")
    year: int | None = Field(
        default=None, description="The year the story is set in: its publication year, else the latest year it names."
    )
    names: dict[str, int] = Field(
        default_factory=dict,
        description="Proper names (folded) and how often they occur: what incidents are grouped by.",
    )
    claims: list[Claim] = Field(default_factory=list)
    text: str | None = Field(default=None, description="Extracted text, kept for HTML sources only.")
    content_hash: str = Field(default="", description="Hash of the generated content, to notice hand edits.")
    # The hash of the file's content as read (set by store.load_claims): a field added to the schema
    # since the file was written must not make it look edited by hand.
    _read_hash: str | None = PrivateAttr(default=None)


# --- findings and report ---------------------------------------------------------------------

Severity = Literal["contradiction", "divergence"]


class ClaimRef(Model):
    """A claim as cited by a finding: its evidence and its value in words."""

    claim_id: str
    source: str
    start: int
    end: int
    quote: str
    value: str
    line: int = Field(ge=1, description="Line of the source where the evidence starts.")
    speaker: str | None = None
    attributed: str | None = Field(
        default=None, description="Who the sentence credits with the value ('the U.S. Geological Survey said ...')."
    )
    value_start: int | None = Field(default=None, ge=0, description="Start of the words stating the value.")
    value_end: int | None = Field(default=None, ge=0, description="End of the words stating the value.")


class FactValue(Model):
    """One value a fact is given, with every source that gives it and the evidence."""

    value: str = Field(description="The value in words, as the report shows it.")
    key: str = Field(description="The value normalised ('27', '2020-02-14', 'fired'): what reviews record.")
    sources: list[str] = Field(description="Sources that give this value.")
    speakers: list[str] = Field(default_factory=list, description="Who the sources attribute it to, where named.")
    claims: list[ClaimRef] = Field(description="Every claim giving this value.")
    odd: bool = Field(default=False, description="Given by fewer sources than the value most of them give.")


class FindingPair(Model):
    """A pair of values found in conflict: what findings were before they were grouped by fact."""

    id: str = Field(description="The id the pairwise finding had: decisions recorded against it apply.")
    severity: Severity
    values: list[str] = Field(description="Keys of the values on its two sides.")
    explanation: str


class Finding(Model):
    """A discrepancy: one fact that sources give different values for, every value side by side."""

    id: str = Field(description="Stable id: the same claims give the same id on every run.")
    severity: Severity
    incident: str = Field(description="Incident the claims belong to.")
    subject: str = Field(description="Who or what the fact is about.")
    attribute: str = Field(description="Which fact: 'age', 'employment status', 'number detained'.")
    explanation: str = Field(description="One line saying why the two sides conflict.")
    claims: list[ClaimRef] = Field(
        min_length=2, description="Representative evidence: one claim per source and value first, ten at most."
    )
    values: list[FactValue] = Field(default_factory=list, description="Every value given, with all its evidence.")
    pairs: list[FindingPair] = Field(
        default_factory=list, description="The pairs of values in conflict that this finding groups."
    )
    review: ReviewDecision | None = Field(default=None, description="A person's decision, if reviewed.")
    reopened: list[str] = Field(
        default_factory=list, description="Values given since the review decision: the review is open again."
    )


class Corroboration(Model):
    """A fact stated consistently by two or more sources, with how it was checked."""

    id: str
    incident: str
    subject: str
    attribute: str
    value: str
    resolution: str = Field(description="How the accounts were brought to one value (e.g. weekday to date).")
    claims: list[ClaimRef] = Field(min_length=2)
    independent_sources: int = Field(
        default=0, ge=0, description="Sources that state it and are not copies of each other."
    )
    disputed_by: str | None = Field(
        default=None, description="The finding that disputes this fact, when sources also disagree about it."
    )


ReviewStatus = Literal["confirmed", "dismissed", "explained"]


class ReviewDecision(Model):
    """A person's decision on a finding, kept in the reviews file under version control."""

    finding_id: str = Field(description="The stable id of the finding decided on.")
    status: ReviewStatus = Field(
        description="confirmed: the sources really disagree; dismissed: a false alarm of factcheck's; "
        "explained: both accounts hold (e.g. a later development)."
    )
    note: str = Field(default="", description="Why.")
    reviewer: str | None = Field(default=None, description="Who decided (optional).")
    date: dt.date = Field(description="When it was decided.")
    subject: str = Field(default="", description="The finding's subject when reviewed, for humans reading the file.")
    attribute: str = Field(default="", description="The finding's attribute when reviewed.")
    values: list[str] = Field(
        default_factory=list, description="Keys of the values the finding had when decided; a new one reopens it."
    )


class GroupingDecision(Model):
    """A person's decision on incident grouping, kept in the reviews file: merge puts the sources
    in one incident; split keeps the sources apart from each other (one source: from all others)."""

    id: str = Field(description="Stable id: the action and the sources decided on.")
    action: Literal["merge", "split"] = Field(description="merge: one incident; split: never one incident.")
    sources: list[str] = Field(min_length=1, description="Source ids the decision is about.")
    note: str = Field(default="", description="Why.")
    reviewer: str | None = Field(default=None, description="Who decided (optional).")
    date: dt.date = Field(description="When it was decided.")

    @model_validator(mode="after")
    def _enough_sources(self) -> GroupingDecision:
        if self.action == "merge" and len(set(self.sources)) < 2:
            raise ValueError("a 'merge' decision needs two sources or more")
        return self


class ReviewsFile(Model):
    """What `reviews/<folder>.json` holds: people's decisions on findings and corrections to claims.
    It is kept under version control; factcheck adds to it but never drops an entry."""

    schema_version: int = Field(default=SCHEMA_VERSION, ge=1, description="Version of the file's shape.")
    folder: str = Field(default="", description="Name of the sources folder, for humans reading the file.")
    decisions: list[ReviewDecision] = Field(default_factory=list, description="One per finding, by id.")
    edits: list[HumanEdit] = Field(default_factory=list, description="Corrections to claims, in order.")
    incidents: list[GroupingDecision] = Field(
        default_factory=list, description="People's merge and split decisions on incident grouping, in order."
    )

    @model_validator(mode="after")
    def _one_decision_per_finding(self) -> ReviewsFile:
        seen: set[str] = set()
        for decision in self.decisions:
            if decision.finding_id in seen:
                raise ValueError(f"finding {decision.finding_id} is decided twice; keep one decision")
            seen.add(decision.finding_id)
        return self


class SignatureName(Model):
    """A name in an event signature: as written, its comparison key, and how often the source uses it."""

    name: str = Field(description="The name as the source writes it, e.g. 'Sonoma County'.")
    key: str = Field(description="Folded key the name is matched by across sources, e.g. 'sonoma'.")
    mentions: int = Field(ge=1, description="How many times the source's main story names it.")


class SignatureFigure(Model):
    """A figure of a source's story: what is counted and by which event, and every value it gives."""

    unit: str = Field(description="What is counted or measured ('people', 'magnitude').")
    event: str = Field(description="The event counted ('kill', 'strike').")
    role: FigureRole | None = Field(default=None, description=FIGURE_ROLE)
    anchor: str | None = Field(default=None, description=FIGURE_ANCHOR)
    values: list[float] = Field(description="The values the source gives, sorted.")

    def fact(self) -> tuple[str, str, str | None, str | None]:
        """Which figure it is: the unit, the event and its role or anchor, as two stories' figures meet."""
        return self.unit, self.event, self.role, self.anchor


StoryTimeBasis = Literal["published", "text-date", "month-day", "text-year", "none"]


class EventSignature(Model):
    """What a source says its main event is: where, when, who and what kind of event. Sources whose
    signatures conflict (another place, another year, another named person) are not grouped."""

    source: str = Field(description="Source id.")
    places: list[SignatureName] = Field(
        default_factory=list, description="Places of the main event, most named first (the dateline's first)."
    )
    dateline_place: str | None = Field(default=None, description="The place of the dateline, e.g. 'PARIS'.")
    published: dt.date | None = Field(default=None, description="Publication date, where known.")
    dates: list[dt.date] = Field(
        default_factory=list, description="Calendar days the main story names (resolved, with a year)."
    )
    month_days: list[MonthDay] = Field(
        default_factory=list, description="Days of the year the main story names without a year."
    )
    year: int | None = Field(
        default=None, description="Latest year the main story names for itself (years it looks ahead to left out)."
    )
    weekdays: list[str] = Field(default_factory=list, description="Weekdays the main story names ('Sunday').")
    time_basis: StoryTimeBasis = Field(
        description="What the story's time rests on: the publication date, a date, a day of the year or a year "
        "in the text, or nothing."
    )
    participants: list[SignatureName] = Field(
        default_factory=list, description="People and organisations of the main story, most named first."
    )
    predicates: list[str] = Field(
        default_factory=list, description="Event classes the story names ('earthquake', 'arrest'), the main one first."
    )
    background: list[Evidence] = Field(
        default_factory=list,
        description="Sentences about another event (another year, 'last year'): left out of the signature.",
    )


# A set of words stored as a sorted list: the file reads the same whatever the set's order.
WordSet = Annotated[frozenset[str], PlainSerializer(sorted, return_type=list[str])]


class SourceProfile(Model):
    """What grouping needs of one source, worked out once per text and rules and kept beside the
    claims files (`signatures.json`), so a re-run does not work it out again."""

    source: str = Field(description="Source id.")
    sha256: str = Field(description="SHA-256 of the source file it was worked out from.")
    claims_hash: str = Field(description="Hash of the claims file it was worked out from.")
    revision: str = Field(description="Revision of the signature rules that made it.")
    signature: EventSignature = Field(description="The source's event signature.")
    terms: dict[str, int] = Field(description="Content words of the main story, with counts.")
    background_terms: dict[str, int] = Field(description="Content words of the background sentences.")
    year_back_terms: dict[str, int] = Field(description="Content words of its sentences about 'last year'.")
    vocabulary: WordSet = Field(description="Every folded word of the text, background included.")
    repeat: bool = Field(description="Its headline or first sentence tells of a repeat ('detained again').")
    tells_follow_up: bool = Field(
        description="Its headline, a date line and first sentence tell a follow-up of an event (charges, a trial, "
        "the court that gives them), whatever kind of event fills the rest of it."
    )
    main_person: str | None = Field(description="Folded surname of the main person, if named twice in full.")
    main_place: str | None = Field(description="Folded last word of the main place.")
    main_place_countries: WordSet = Field(description="Country codes the main place may be in.")
    main_predicate: str | None = Field(description="The main event class ('earthquake').")
    named: dict[str, int] = Field(description="Folded surname → mentions in the main story.")
    top_people: list[str] = Field(description="Folded surnames of the most named people.")
    top_places: list[str] = Field(description="Folded last words of the most named places.")
    surnames: WordSet = Field(description="Folded surnames of every person named.")
    countries: WordSet = Field(description="Country codes of the places it names.")
    figures: list[SignatureFigure] = Field(
        default_factory=list, description="Figures of its story (not vague, not of another time), by unit and event."
    )
    event_weekdays: dict[str, list[str]] = Field(
        default_factory=dict, description="Event lemma → the weekdays its dates fall on ('strike': ['Sunday'])."
    )


class SignaturesFile(Model):
    """The stored grouping profiles of a claims folder, one per source."""

    profiles: list[SourceProfile] = Field(default_factory=list, description="One profile per source, by id.")


class IncidentLink(Model):
    """Why a source is in its incident: what it shares with the incident's other sources."""

    source: str = Field(description="Source id.")
    shared: list[str] = Field(
        default_factory=list, description="Places, people, event classes and words it shares with the others."
    )
    similarity: float = Field(description="Mean similarity to the incident's other sources (0 when alone).")
    decision: str | None = Field(default=None, description="The person's grouping decision that placed it, if any.")


class Incident(Model):
    """A group of sources that report the same event; claims of different incidents are never compared."""

    id: str
    label: str = Field(description="Short description: the most mentioned names.")
    sources: list[str]
    places: list[str] = Field(default_factory=list, description="The places that define the incident.")
    time: str | None = Field(default=None, description="The incident's time: dates, or the year its stories name.")
    participants: list[str] = Field(default_factory=list, description="People and organisations it is about.")
    predicate: str | None = Field(default=None, description="The kind of event, e.g. 'earthquake'.")
    links: list[IncidentLink] = Field(default_factory=list, description="For each source, what joined it.")
    apart_from: str | None = Field(default=None, description="The closest other incident, where there is one.")
    apart_because: list[str] = Field(
        default_factory=list, description="What kept it apart from that incident: another time, place, person."
    )
    parts: list[list[str]] = Field(
        default_factory=list,
        description="Sources compared together, when its reports lie at several times (an event and the trial a "
        "year on): claims of one time are compared only with claims of that time. Empty: all together.",
    )


class SourceSummary(Model):
    id: str
    title: str | None
    outlet: str | None
    published: dt.date | None
    incident: str
    claims: int
    url: str | None = Field(default=None, description="Address of the article, where known.")
    copy_of: str | None = Field(default=None, description="The source this one copies, so it corroborates nothing.")


class TimelineEvent(Model):
    """A dated event as one source tells it."""

    date: dt.date
    event: str = Field(description="What happened, in words ('posted or shared').")
    subject: str = Field(description="Who or what it happened to, where known.")
    source: str
    claim_id: str
    year_given: bool = Field(default=True, description="False: the source gives no year; the story's year is used.")


class Timeline(Model):
    """The dated events of one incident, as each source tells them."""

    incident: str
    events: list[TimelineEvent]


class SharedCopy(Model):
    """Sources that print the same passages (wire copy, reprints, updated versions): one account."""

    sources: list[str] = Field(min_length=2, description="Source ids, in order; the first is the one kept.")
    sentences: int = Field(ge=0, description="Pairs of sentences aligned between these sources.")
    identical: int = Field(ge=0, description="Of those, pairs with the same words (punctuation aside).")


class Report(Model):
    """The result of `factcheck compare`: what `--format json` prints."""

    schema_version: int = Field(default=SCHEMA_VERSION, ge=1, description="Version of the file's shape.")
    folder: str = Field(description="Name of the sources folder.")
    sources: list[SourceSummary]
    incidents: list[Incident]
    entities: list[Entity]
    discrepancies: list[Finding]
    corroborations: list[Corroboration]
    single_source: list[ClaimRef] = Field(
        default_factory=list, description="Claims only one source makes, worth checking."
    )
    background: list[ClaimRef] = Field(
        default_factory=list, description="Single-source claims about other times (another year, 'last year')."
    )
    timelines: list[Timeline] = Field(default_factory=list, description="Dated events per incident, per source.")
    shared_copy: list[SharedCopy] = Field(
        default_factory=list, description="Groups of sources that share copy: each is one account."
    )
    orphaned_reviews: list[ReviewDecision] = Field(
        default_factory=list, description="Review decisions whose finding no longer exists."
    )
    orphaned_grouping: list[GroupingDecision] = Field(
        default_factory=list, description="Grouping decisions naming a source that is no longer in the folder."
    )
    warnings: list[str] = Field(default_factory=list)


# --- the CI gate -----------------------------------------------------------------------------


class StaleSource(Model):
    """A source whose claims file is missing or was made from other bytes or by other rules."""

    source: str = Field(description="Source id.")
    path: str = Field(description="The source file.")
    claims_file: str = Field(description="Where its claims are (or would be) kept.")
    reason: str = Field(description="Why the claims are not current.")
    hand_edited: bool = Field(default=False, description="Edited by hand; compare keeps it.")


class CheckResult(Model):
    """What `factcheck check` found: everything that stops a folder of sources being up to date."""

    folder: str = Field(description="The sources folder, as given.")
    sources: int = Field(ge=0, description="Number of sources.")
    stale: list[StaleSource] = Field(default_factory=list, description="Sources without current claims.")
    report_file: str = Field(description="The Markdown report that `compare` writes.")
    report: Literal["current", "missing", "outdated"] = Field(description="Is it what compare writes now?")
    findings: int = Field(ge=0, description="Number of discrepancies.")
    unreviewed: list[Finding] = Field(default_factory=list, description="Discrepancies without a decision.")
    orphaned_reviews: list[ReviewDecision] = Field(
        default_factory=list, description="Decisions whose finding no longer exists (kept, not failing)."
    )
    orphaned_grouping: list[GroupingDecision] = Field(
        default_factory=list, description="Grouping decisions naming a source no longer there (kept, not failing)."
    )
    warnings: list[str] = Field(default_factory=list)
    fixes: list[str] = Field(default_factory=list, description="Commands that bring the folder up to date.")

    @computed_field(description="Up to date: what `check` exits 0 for.")  # type: ignore[prop-decorator]
    @property
    def ok(self) -> bool:
        return not self.stale and self.report == "current" and not self.unreviewed


Finding.model_rebuild()
