"""Places of aligned events: where one event happened, as each source tells it.

Each place claim carries the frame of its event (predicate class, who acts and who is acted on,
time cues). Two place claims of different sources are about one event when their predicates are
of one class, no cue sets them in different times, and they share a participant acted on (a
patient; agents when neither names a patient) or nearly the whole sentence. Their places then
agree (one place named two ways, transliterations included), are compatible (one inside the
other: a city and its country, a street in a city; or of different levels: a building on a
street), or conflict: two countries, states, cities or streets; in a room against outside its
building. Precision first: a pair the rules cannot place against each other says nothing.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from factcheck.compare.align import OTHER_TIME, YEAR_CUE, dimension, lemma_of
from factcheck.compare.groups import Agreement, Pending, group_findings, keyed, merge_agreements
from factcheck.extract.frames import NOT_PARTICIPANT
from factcheck.extract.mentions import CLASS_OF
from factcheck.extract.places import Containment, containment, countries, inside, major, population, same_place
from factcheck.extract.slots import MODAL_WORDS, SAME_EVENT
from factcheck.lexicons import load_lexicon
from factcheck.models import ClaimBase, ClaimsFile, EventClaim, Frame, PlaceClaim, QuantityClaim, Severity
from factcheck.resolve import fold
from factcheck.text.dates import MONTH_NAMES
from factcheck.text.patterns import alternation

COMPARABLE = frozenset({"asserted", "reported"})  # a place of a planned or possible event is no account of it
SAME_SENTENCE = 0.6  # share of words (places aside) at which two sentences tell one event without a name
CITY = 50_000  # people: a smaller place the gazetteer calls a city may be a district of the other
SOME_SENTENCE = 0.15  # share of words two accounts of the incident's one event of a kind share at least
OPENING_NAME = re.compile(  # "Varga was", "Anna Berg has": a sentence that opens with a name
    r"(?!(?:The|A|An|He|She|It|They|We|I|You|This|That|These|Those|There|Its|His|Her|Their)\b)"
    r"[A-Z][a-z]+(?:\s[A-Z][a-z]+)*\s(?:was|were|is|are|has|had|will|would|said|says)\b"
)
WORD = re.compile(r"[^\W\d_]{4,}")
YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
# A word with its apostrophes ("O'Hara"), an owner's 's left out ("Pelham's": "Pelham").
QUOTE_WORD = re.compile(r"[^\W\d_]+(?:['’](?![sS]\b)[^\W\d_]+)*")
_MONTH = alternation(MONTH_NAMES)
DAY_OF_MONTH = rf"(?:\b{_MONTH}\.?\s\d{{1,2}}(?:st|nd|rd|th)?,?\s|\b\d{{1,2}}(?:st|nd|rd|th)?\s{_MONTH},?\s)"
EXCLUSIVE: dict[str, Severity] = {"country": "contradiction", "region": "contradiction", "street": "contradiction",
                                  "square": "contradiction", "city": "divergence", "site": "divergence"}  # fmt: skip
# Two cities are a divergence, not a contradiction: one may be the suburb or the metropolis of the other.
INSIDE = frozenset({"in", "at", "on", "from"})  # "taken from his home": the home is where it happened


def _scope(claim: PlaceClaim, frame: Frame, other: str = "") -> tuple[frozenset[str], str | None]:
    """The time of the story a place is told in: its clause's cues of another time and the
    incident's hint. A year cue the other sentence states too is no other time: "born in 1923 in X"
    and "born on April 22, 1923 in Y" tell one birth (`other`: that sentence)."""
    cues = frozenset(c for c in frame.cues if c in OTHER_TIME or (YEAR_CUE.match(c) and not _told_in(c, other)))
    hint = claim.incident_hint
    return cues, None if hint is not None and _told_in(hint, other) else hint


def _told_in(time: str, other: str) -> bool:
    """Whether the years of a cue or hint ('in 1923', '1923') are all years `other` gives after a
    day of a month or after 'in' ('on April 22, 1923', 'in 1923'): any such year counts, whatever
    it dates there; a year after another word ('jailed since 1923') does not."""
    years = YEAR.findall(time)
    return bool(years) and all(re.search(rf"(?:{DAY_OF_MONTH}|\bin\s){y}\b", other) for y in years)


def shared_names(a: tuple[str, ...], b: tuple[str, ...]) -> list[str]:
    """Names of `a` that share a word (of three letters or more) with a name of `b`."""
    words_b = {w for name in b for w in name.split() if len(w) > 2}
    return [name for name in a if any(len(w) > 2 and w in words_b for w in name.split())]


def _words(claim: PlaceClaim) -> frozenset[str]:
    quote = claim.quote[: claim.value_start - claim.start] + claim.quote[claim.value_end - claim.start :]
    return frozenset(w.lower() for w in WORD.findall(quote))


def _named_in(name: str, quote: str) -> bool:
    """Whether every word of a name (three letters or more) is a whole capitalised word of `quote`,
    both folded (resolve.fold): 'roe' in 'Roe said' and "Roe's", not in 'Roeville'; 'mcadam' in
    'McAdam' and 'MCADAM'."""
    words = [w for w in name.split() if len(w) > 2]
    capitalised = {fold(w) for w in QUOTE_WORD.findall(quote) if w[:1].isupper()}
    return bool(words) and all(fold(w) in capitalised for w in words)


@dataclass(frozen=True)
class EventMatch:
    """Why two place claims are about one event: the participants they share, and how much of
    their sentences (places aside) they share."""

    shared: list[str]
    sentence: float


def one_event(a: PlaceClaim, b: PlaceClaim, single: bool = False) -> EventMatch | None:
    """Whether two place claims are about one event (predicates of one class, or one unlisted
    predicate; the same time; a participant in common or nearly one sentence), or None. `single`:
    each source places one event of this kind only, so some words in common are enough."""
    fa, fb = a.frame, b.frame
    if fa is None or fb is None or fa.predicate is None:
        return None
    if fa.predicate_class != fb.predicate_class or (fa.predicate_class is None and fa.predicate != fb.predicate):
        return None
    if fa.modality not in COMPARABLE or fb.modality not in COMPARABLE or fa.negated or fb.negated:
        return None
    if _scope(a, fa, b.quote) != _scope(b, fb, a.quote):
        return None  # "arrested again", "in 2003": another event of the kind
    wa, wb = _words(a), _words(b)
    sentence = len(wa & wb) / len(wa | wb) if wa and wb else 0.0
    if fa.patients and fb.patients:
        shared = shared_names(fa.patients, fb.patients)
        return EventMatch(shared, sentence) if shared else None
    # Who acts and who is acted on is the frame's guess from word order; without a patient on
    # both sides, anyone either frame names will do ("X was born in" and "born in ... X").
    shared = shared_names(tuple(sorted(fa.participants)), tuple(sorted(fb.participants)))
    if shared:
        return EventMatch(shared, sentence)
    if not (fa.participants and fb.participants):
        # A name one frame gives and the other's sentence names outside its frame ("filming ... for
        # the Ganton Studio", "the Ganton Studio's film ... shot in"): the frame missed it, the
        # sentence did not. Only a name of one side: two frames' different names say two events.
        named = [
            n
            for n in (*fa.participants, *fb.participants)
            if _named_in(n, b.quote if n in fa.participants else a.quote)
        ]
        if named:
            return EventMatch(named, sentence)
    # A name on one side only may be another event's: "X was pronounced dead at one hospital",
    # "an unidentified woman at another" (the frame leaves out a sentence's first word, a name or not).
    nameless = not (fa.participants or fb.participants or OPENING_NAME.match(a.quote) or OPENING_NAME.match(b.quote))
    if sentence >= SAME_SENTENCE or (single and nameless and sentence >= SOME_SENTENCE):
        return EventMatch([], sentence)
    return None


def verdict(a: PlaceClaim, b: PlaceClaim, known: Containment) -> tuple[str, str] | None:
    """What two places of one event say together: ('agree', how), (severity, why) or None.
    `known`: what any source of the incident puts inside what ("in Ganton in Borduria")."""
    if {a.relation, b.relation} == {"in", "outside"}:
        within, out = (a, b) if a.relation == "in" else (b, a)
        if inside(within, out, known):
            return "contradiction", f"'{within.expression}' against '{out.expression}': inside and outside"
        return None
    ra = "in" if a.relation in INSIDE else a.relation
    rb = "in" if b.relation in INSIDE else b.relation
    if ra != rb or ra == "near":
        return None
    if same_place(a, b) and (a.named or a.head == b.head):
        return "agree", "same place" if a.key == b.key else "same place, named two ways"
    if inside(a, b, known) or inside(b, a, known) or not (a.named and b.named) or a.level != b.level:
        return None  # a place inside the other, or places of different kinds: both may hold
    if a.level in ("site", "area") and a.head != b.head:
        return None  # "the Ganton Hotel" and "the Ganton Hospital": maybe one beside the other
    severity = EXCLUSIVE.get(a.level)
    if severity is None:
        return None
    # A town may be a district of the other place, or a county the gazetteer takes for a town:
    # two cities conflict when both are large, or are cities in different countries.
    small = min(population(a), population(b)) < CITY or bool(countries(a) & countries(b))
    if a.level == "city" and not (major(a) and major(b)) and small:
        return None
    return severity, f"'{a.expression}' against '{b.expression}': two different places"


def _value(claim: ClaimBase) -> str:
    return claim.key.replace(" ", "") if isinstance(claim, PlaceClaim) else claim.display_value()


def _kind(claim: PlaceClaim) -> str:
    """The kind of event a place claim places: its predicate's class, else the predicate."""
    assert claim.frame is not None
    return claim.frame.predicate_class or claim.frame.predicate or ""


def _kinds(claims: list[PlaceClaim]) -> Counter[str]:
    """How many sentences of a source place an event of each kind."""
    return Counter(_kind(c) for c in {c.start: c for c in claims}.values())


def compare_places(incident: str, files: list[ClaimsFile]) -> tuple[list[Pending], list[Agreement]]:
    """Findings and agreements about where the events of one incident happened."""
    by_source: dict[str, list[PlaceClaim]] = {
        cf.source.id: [c for c in cf.claims if isinstance(c, PlaceClaim) and c.frame is not None] for cf in files
    }
    known = containment(c for claims in by_source.values() for c in claims)
    candidates: dict[tuple[str, str], list[tuple[Severity, str, ClaimBase, ClaimBase]]] = defaultdict(list)
    agreements: list[Agreement] = []
    sources = sorted(by_source)
    for i, sa in enumerate(sources):
        for sb in sources[i + 1 :]:
            kinds_a, kinds_b = _kinds(by_source[sa]), _kinds(by_source[sb])
            for a in by_source[sa]:
                for b in by_source[sb]:
                    kind = _kind(a)
                    match = one_event(a, b, single=kinds_a[kind] == 1 and kinds_b[kind] == 1)
                    if match is None:
                        continue
                    found = verdict(a, b, known)
                    if found is None:
                        continue
                    assert a.frame is not None
                    subject = max(match.shared, key=len).title() if match.shared else "the incident"
                    attribute = f"place ({a.frame.predicate_class or a.frame.predicate})"
                    if found[0] == "agree":
                        agreements.append(
                            Agreement(incident, subject, attribute, a.place, found[1], [a, b], same=_value(a))
                        )
                    else:
                        severity: Severity = "contradiction" if found[0] == "contradiction" else "divergence"
                        candidates[(subject, attribute)].append((severity, found[1], a, b))
    pending: list[Pending] = []
    for (subject, attribute), cands in sorted(candidates.items()):
        found_here = group_findings(cands, incident, subject, attribute, _value)
        pending += keyed(found_here, f"place:{attribute}@{subject}")
    return pending, merge_agreements(agreements)


# --- who, when and whether: the slots of one event --------------------------------------------

_SLOTS = load_lexicon("slots")
AUTHORITIES = frozenset(_SLOTS["authorities"])
VAGUE_AGENTS = frozenset(_SLOTS["vague_agents"])
AGENT_EVENTS = frozenset(_SLOTS["agent_events"])
_ROLES = load_lexicon("roles")
PERSON_NOUNS = (
    frozenset(_SLOTS["private_people"])
    | frozenset(load_lexicon("people")["person_nouns"])
    | frozenset(
        word for table in (_ROLES["relational"], _ROLES["occupational"]) for words in table.values() for word in words
    )
)
PRICE_NOUNS = frozenset(_SLOTS["price_nouns"])
HAPPENED = frozenset({"asserted", "reported"})
NOT_YET = frozenset({"future", "planned"})
HEDGE = re.compile(
    r"\b(?:reportedly|reported|reports?|rumou?red|believed|understood|thought|said\sto\sbe|estimated|speculates?|"
    r"expected|likely)\b"
)
PRICE_EVENTS = frozenset({"pay", "buy", "sell", "acquire", "cost", "purchase", "amount", "agree", "sign"})
ANY_WORD = re.compile(r"[^\W\d_]+")
CAPITAL_WORD = re.compile(r"\b[A-Z][\w’'-]{2,}")
DETERMINER_WORDS = frozenset({"the", "his", "her", "their", "its", "our", "this", "these", "those", "all", "both"})
INDEFINITE = frozenset({"a", "an", "another", "one", "some", "any"})


def _plain(word: str) -> str:
    """A word lower-cased and without accents: 'Zoë Müller' and 'Zoe Muller' are one name."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


def _names(phrase: str | None) -> frozenset[str]:
    """The capitalised words of a participant phrase, folded, less determiners, months, weekdays
    and nationalities: what a name shares with another."""
    return frozenset(_plain(w) for w in CAPITAL_WORD.findall(phrase or "")) - NOT_PARTICIPANT - DETERMINER_WORDS


def _indefinite(phrase: str | None) -> bool:
    """'a statement', 'another raid': one of many, no particular thing two sources share."""
    first = (phrase or "").split(" ", 1)[0].lower()
    return first in INDEFINITE


def _theme(c: EventClaim) -> tuple[frozenset[str], frozenset[str]]:
    """Whom the event is done to, by names and by noun lemmas; for a verb with no object ('the
    pirates fled'), or for a person's own step ('X left the club'), who did it."""
    if c.agent is not None and SAME_EVENT.get(c.predicate, c.predicate) in AGENT_EVENTS:
        return _names(c.agent), frozenset(c.agent_heads)
    if c.patient is not None:
        return _names(c.patient), frozenset(c.patient_heads)
    return _names(c.agent), frozenset(c.agent_heads)


def _event_scope(c: EventClaim) -> tuple[frozenset[str], str | None]:
    """The cues and hint that set an event in another time; a month the event's own time names
    ('early March') is when it happened, the slot compared, not another time."""
    frame = c.frame
    cues = frozenset(x for x in frame.cues if x in OTHER_TIME or YEAR_CUE.match(x)) if frame else frozenset()
    hint = c.incident_hint
    if hint is not None and c.when is not None and hint.lower() in c.when.lower():
        hint = None
    return cues, hint


def same_event(a: EventClaim, b: EventClaim) -> bool:
    """Whether two event claims tell one event: one verb (or two of one event: 'fled', 'escaped'),
    the same time of the story, and someone or something acted on in common."""
    if a.subject.key() != b.subject.key() or _event_scope(a) != _event_scope(b):
        return False
    (na, ha), (nb, hb) = _theme(a), _theme(b)
    if na and nb and na & nb:
        return True
    theme_a, theme_b = a.patient or a.agent, b.patient or b.agent
    if _indefinite(theme_a) or _indefinite(theme_b):
        return False  # "issued a statement" twice: two statements, maybe
    return bool(ha & hb) and not (na and nb)


def _shared_theme(a: EventClaim, b: EventClaim) -> str:
    """What two accounts of one event name in common, as the finding's subject: a shared name, else
    a shared noun ('pirate'), so that every pair about one event makes one finding."""
    (na, ha), (nb, hb) = _theme(a), _theme(b)
    shared = sorted(na & nb) or sorted(ha & hb)
    return " ".join(shared).title() if shared else (a.patient or a.agent or "the incident")


def _agents_differ(a: EventClaim, b: EventClaim) -> bool:
    """Whether two doers are surely different: unnamed, one of the authorities (police, courts,
    armed forces) and the other a private person ('police' against 'the landlord's son'). Two
    descriptions of people ('the driver', a name) may be one person, and so may two of the
    state's ('commandos', 'sailors'): never a conflict."""
    ha, hb = set(a.agent_heads), set(b.agent_heads)
    if not ha or not hb or ha & VAGUE_AGENTS or hb & VAGUE_AGENTS or _names(a.agent) or _names(b.agent):
        return False
    if ha & hb or _phrase_lemmas(a.agent) & _phrase_lemmas(b.agent):
        return False
    people = AUTHORITIES | PERSON_NOUNS
    return bool(ha & people) and bool(hb & people) and bool(ha & AUTHORITIES) != bool(hb & AUTHORITIES)


def _phrase_lemmas(phrase: str | None) -> frozenset[str]:
    """The lemmas of a phrase's words: 'pirate boats' and 'the pirates' share 'pirate'."""
    return frozenset(lemma_of(w.lower()) for w in WORD.findall(phrase or ""))


def _past(c: EventClaim) -> bool:
    """Whether the event is told in the past: 'replaced', 'fled', 'was found', not 'acquires' or
    'is paying'; a step told by its noun after 'following', 'after', 'since' (its frame's noun)."""
    if c.frame is not None and c.frame.noun is not None:
        return True
    verb = c.expression.split()[-1].lower()
    if verb.endswith(("s", "ing")) or verb == c.predicate:
        return False
    before = c.quote[: c.value_start - c.start].split()[-2:]
    return not any(w.lower() in ("is", "are", "am") for w in before)


def _told(c: EventClaim) -> bool:
    """A sentence that ends like one: a headline ('X detained for 4 months') drops the auxiliary
    that says who did what to whom."""
    return c.quote.rstrip().endswith((".", "!", "?", '"', "”", "’", "'"))


MAY_COME = MODAL_WORDS - {"can", "will", "shall", "would"}  # "can cause": what may happen in general


def _may_come(c: EventClaim) -> bool:
    """A possible event told by a modal and a bare verb ('might leave', 'could resign'): one that
    has not happened yet as the source tells it. 'May have left' is a hedge on the past, never
    this: the modal is not the expression's first word then. 'Can' tells what may happen in
    general ('a quake can cause damage'), no account of this event."""
    words = c.expression.lower().split()
    return c.modality == "possible" and len(words) >= 2 and words[0] in MAY_COME and words[-1] == c.predicate


def _happened(c: EventClaim) -> str:
    if c.modality in HAPPENED:
        return "happened"
    return {"future": "still to come", "planned": "attempted or intended", "possible": "possible"}.get(
        c.modality, "did not happen"
    )


def _event_verdicts(
    a: EventClaim, b: EventClaim, modalities: dict[tuple[str, str], set[str]], published: dict[str, dt.date | None]
) -> list[tuple[str, Severity, str]]:
    """(slot, severity, why) for each slot two claims of one event disagree on."""
    out: list[tuple[str, Severity, str]] = []
    key = a.subject.key()
    ma, mb = _happened(a), _happened(b)
    # A listed predicate's negation is the status rules' (they know a reversal, "then changed
    # his mind"); what they leave is an event told as still to come or as only attempted.
    listed = a.predicate in CLASS_OF or b.predicate in CLASS_OF
    # Possible against done: one named person's event only ('X might leave', 'X left').
    named = bool(_names(a.agent) & _names(b.agent))
    possible = (_may_come(a) or _may_come(b)) and not listed and named
    if (
        ma != mb
        and "happened" in (ma, mb)
        and ("possible" not in (ma, mb) or possible)
        and not (listed and "did not happen" in (ma, mb))
    ):
        did, other = (a, b) if ma == "happened" else (b, a)
        if (other.modality in NOT_YET or possible) and not _past(did):
            return out  # 'acquires', 'is paying' against 'will pay': one announcement, told two ways
        if other.modality == "future" and not _names(a.patient or a.agent) & _names(b.patient or b.agent):
            return out  # 'missed several games' and 'will miss the final two games': which games?
        # Each source tells the event one way only, and a later story may tell what an earlier
        # one foresaw: 'will replace' published before 'replaced' is no conflict.
        one_way = "happened" not in modalities[(other.source, key)] and modalities[(did.source, key)] == {"happened"}
        pa, pb = published.get(other.source), published.get(did.source)
        later = pa is not None and pb is not None and pa < pb
        # An attempt is someone's: told as done by one source and as tried by another only when
        # both name who, and it is one doer ('the pirates fled', 'the pirates tried to escape').
        # A possible event comes this far only with a name both share (`possible`).
        same_doer = bool(_names(a.agent) & _names(b.agent) or set(a.agent_heads) & set(b.agent_heads))
        if other.modality == "planned" and not same_doer:
            one_way = False
        two_names = bool(_names(a.agent) and _names(b.agent)) and not _names(a.agent) & _names(b.agent)
        if one_way and not later and not two_names and not _agents_differ(a, b):
            severity: Severity = "contradiction" if other.modality in ("future", "negated") else "divergence"
            why = f"'{did.expression}' (happened) against '{other.expression}' ({_happened(other)})"
            out.append(("status", severity, why))
    if a.month_span is not None and b.month_span is not None:
        sa, sb = a.month_span, b.month_span
        if sa.month != sb.month or sa.last < sb.first or sb.last < sa.first:
            out.append(("time", "contradiction", f"'{a.when}' against '{b.when}': different times"))
    if a.agent and b.agent and ma == mb == "happened" and _agents_differ(a, b) and _told(a) and _told(b):
        out.append(("who", "contradiction", f"'{a.agent}' against '{b.agent}': different people did it"))
    return out


def _same_agent(a: ClaimBase, b: ClaimBase) -> bool:
    return isinstance(a, EventClaim) and isinstance(b, EventClaim) and not _agents_differ(a, b)


def _slot_value(slot: str) -> Callable[[ClaimBase], str]:
    def value(c: ClaimBase) -> str:
        if not isinstance(c, EventClaim):
            return "given" if slot == "disclosed" else c.display_value()
        if slot == "status":
            return _happened(c)
        if slot == "time":
            return (c.when or "").removeprefix("in ").strip().lower()
        if slot == "who":
            return (c.agent or "").lower()
        return "not disclosed"

    return value


def _given_price(c: ClaimBase) -> bool:
    """A price stated as known: a money figure of a payment or a deal, not a rate, not hedged as
    what others report, not of another time."""
    if not isinstance(c, QuantityClaim) or c.frame is None or dimension(c) != "money":
        return False
    frame = c.frame
    if "per" in frame.attribute.split() or any(x in OTHER_TIME or YEAR_CUE.match(x) for x in frame.cues):
        return False
    if HEDGE.search(c.quote):
        return False
    words = {lemma_of(w.lower()) for w in ANY_WORD.findall(c.quote)}
    return bool(words & PRICE_NOUNS) and (frame.predicate in PRICE_EVENTS or bool(words & PRICE_EVENTS))


def compare_events(incident: str, files: list[ClaimsFile]) -> tuple[list[Pending], list[Agreement]]:
    """Findings and agreements about who did what, when and whether, event by event: each event
    claim against the same event in another source; and a price said not to be disclosed against
    a price another source gives."""
    events = {cf.source.id: [c for c in cf.claims if isinstance(c, EventClaim)] for cf in files}
    published = {cf.source.id: cf.source.published for cf in files}
    modalities: dict[tuple[str, str], set[str]] = defaultdict(set)
    for sid, claims in events.items():
        for c in claims:
            modalities[(sid, c.subject.key())].add(_happened(c))
    candidates: dict[tuple[str, str], list[tuple[Severity, str, ClaimBase, ClaimBase]]] = defaultdict(list)
    agreements: list[Agreement] = []
    sources = sorted(events)
    for i, sa in enumerate(sources):
        for sb in sources[i + 1 :]:
            for a in events[sa]:
                if a.rule == "slot.undisclosed":
                    continue
                for b in events[sb]:
                    if b.rule == "slot.undisclosed" or not same_event(a, b):
                        continue
                    subject = _shared_theme(a, b)
                    for slot, severity, why in _event_verdicts(a, b, modalities, published):
                        candidates[(subject, slot)].append((severity, why, a, b))
                    if a.month_span is not None and a.month_span == b.month_span:
                        attribute = f"time ({a.predicate})"
                        how = "same part of the month"
                        agreements.append(Agreement(incident, subject, attribute, a.when or "", how, [a, b]))
    # A price not disclosed in one source, given in another.
    untold = {(c.source, c.start) for claims in events.values() for c in claims if c.rule == "slot.undisclosed"}
    prices = {
        cf.source.id: [c for c in cf.claims if _given_price(c) and (c.source, c.start) not in untold] for cf in files
    }
    for sid in sources:
        for a in events[sid]:
            if a.rule != "slot.undisclosed":
                continue
            for other in sources:
                if other == sid:
                    continue
                for price in prices[other]:
                    if price.incident_hint == a.incident_hint:
                        why = f"'{a.expression}' against '{price.display_value()}'"
                        candidates[("the price", "disclosed")].append(("divergence", why, a, price))
    pending: list[Pending] = []
    for (subject, slot), cands in sorted(candidates.items()):
        attribute = {"status": "whether it happened", "time": "when", "who": "who did it"}.get(slot, "price disclosed")
        consistent = _same_agent if slot == "who" else None
        found = group_findings(cands, incident, subject, attribute, _slot_value(slot), consistent)
        pending += keyed(found, f"event:{slot}@{subject}")
    return pending, merge_agreements(agreements)
