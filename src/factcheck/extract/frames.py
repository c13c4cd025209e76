"""Mentions → frames: what each number or event word is about, read from its clause.

A frame names the clause's predicate, the counted noun, who acts and who is acted on (active and
passive voice alike: "police detained X" and "X was detained by police" give X as the patient),
the place, the time and the cues that set the fact in another time of the story ("again", "in
2003"). Comparison aligns facts by their frames instead of by equal keys.
"""

from __future__ import annotations

import bisect
import copy
import re
from dataclasses import dataclass, field
from typing import Literal

from factcheck.extract.mentions import (
    AUXILIARIES,
    DETERMINERS,
    MONTHS,
    Predicate,
    Token,
    designation,
    lemmas,
)
from factcheck.extract.speech import TELLING_FORMS
from factcheck.lexicons import load_lexicon
from factcheck.lexicons.nationalities import demonym_words
from factcheck.models import Frame, trusted
from factcheck.text.dates import WEEKDAYS
from factcheck.text.prefilter import Caseless, holds_needed, may_match_piece

CLAUSE_BREAK = re.compile(
    r"[;—–]|(?<!\d):(?!\d)|,\s(?:and|but|while|whereas|although|which|who|after|before|when|as)\s"
    r"|\s(?:but|while|whereas|after|before|when|because|although)\s"
    r"|\s(?:and|or)\s(?:also|then|later)\s"
    r"|\b(?:said|says|told\s(?:[\w’'-]+\s){1,3}|added|stated|announced|reported)\s(?:that\s)?",
    re.IGNORECASE,
)
CUES = sorted(load_lexicon("predicates")["cues"], key=len, reverse=True)
CUE = re.compile(r"\b(?:" + "|".join(re.escape(c).replace(r"\ ", r"\s") for c in CUES) + r")\b", re.IGNORECASE)
YEAR = re.compile(r"\b(?:in|since|of|during|until|by)\s(?:[A-Z][a-z]+\s)?(?P<y>(?:19|20)\d\d)\b")
PLACE = re.compile(
    r"\b(?:in|at|near|outside|off|from)\s(?:the\s)?(?P<p>(?-i:[A-Z][\w’'-]+)(?:\s(?-i:[A-Z][\w’'-]+)){0,2})"
)
TIME = re.compile(
    r"\b(?:(?:last|next|on|this)\s)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|\b(?:yesterday|today|tonight|last\snight)\b"
    r"|\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\s\d{1,2}\b"
    r"|\b\d{1,2}\s(?:january|february|march|april|may|june|july|august|september|october|november|december)\b",
    re.IGNORECASE,
)
# The same patterns asked of lower-case text, quicker (offsets the same; only lower-case text is read).
CLAUSE_BREAKS = Caseless(CLAUSE_BREAK)
CUES_LOWER = Caseless(CUE)
TIME_LOWER = Caseless(TIME)
PLACE_WORDS = frozenset({"in", "at", "near", "outside", "off", "from", "of", "to", "into", "across", "through"})
SPEECH = TELLING_FORMS | {"according"}  # "X said", "according to X": the speaker, not a participant
WEEKDAY_WORDS = frozenset(WEEKDAYS)
NOT_PARTICIPANT = MONTHS | WEEKDAY_WORDS | frozenset(load_lexicon("names")["not_name"]) | demonym_words()


CLAUSE_REACH = 200  # characters either side: a clause past this is a run-on line, not a clause
# A relative clause set off by commas (", which ... ,", ", who ... ,") is an aside: a unit that ends
# at its closing comma, before any mark that ends a clause for good.
ASIDE_OPENING = re.compile(r",\s(?:which|who)\s$", re.IGNORECASE)
# A quotation's end (',"', '" she said') closes the clause, not an aside.
ASIDE_CLOSING = re.compile(r",(?!\s*[\"”’])|[;—–()]|[\"”](?=\s)|(?<!\d):(?!\d)")
PREFILTER_AFTER = 8  # clauses of one sentence read before its patterns are first tested on all of it


@dataclass
class SentenceView:
    """A sentence as the frame builder reads it: tokens, predicates and clause breaks, indexed
    once so that each frame costs the same however long the sentence."""

    text: str
    toks: list[Token]
    preds: list[Predicate]
    breaks: list[tuple[int, int]] = field(default_factory=list)
    tok_starts: list[int] = field(default_factory=list)
    pred_starts: list[int] = field(default_factory=list)
    break_starts: list[int] = field(default_factory=list)
    features: dict[tuple[int, int], tuple[set[str], list[tuple[int, str]], set[str], str | None]] = field(
        default_factory=dict
    )
    maybe: dict[re.Pattern[str], bool] = field(default_factory=dict)
    needed: dict[re.Pattern[str], bool] = field(default_factory=dict)  # holds a word each match needs
    _cap_starts: list[int] | None = None  # capitalised words, which names begin with (on first use)
    # Relative clauses set off by commas: (their opening comma, where their words start, their
    # closing comma). Outside one, its words and breaks are skipped as a unit.
    asides: list[tuple[int, int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        breaks = [m.span() for m in CLAUSE_BREAKS.finditer(self.text)]
        self.asides = _asides(self.text, breaks)
        if self.asides:  # the breaks an aside opens or holds are no breaks of the clause around it
            breaks = [b for b in breaks if not any(a <= b[0] < c for a, _, c in self.asides)]
        self.breaks = breaks
        self.tok_starts = [t.start for t in self.toks]
        self.pred_starts = [p.start for p in self.preds]
        self.break_starts = [b[0] for b in self.breaks]

    @property
    def cap_starts(self) -> list[int]:
        """Where the capitalised words start: found once a clause's features are first asked for."""
        if self._cap_starts is None:
            self._cap_starts = [t.start for t in self.toks if t.text[:1].isupper() and t.text.isalpha()]
        return self._cap_starts

    def restricted(self, preds: list[Predicate]) -> SentenceView:
        """The same sentence with only `preds` (some of its own): clause breaks, token index and
        clause features, which no predicate changes, shared rather than found again."""
        view = copy.copy(self)
        view.preds = preds
        view.pred_starts = [p.start for p in preds]
        return view

    def clause_span(self, start: int, end: int) -> tuple[int, int]:
        """The clause around text[start:end]: between the nearest breaks either side; inside an
        aside, the aside's own words ('the reporter, who was detained on Monday, ...')."""
        for a, words, c in self.asides:
            if a <= start < c:
                return words, c
        k = bisect.bisect_left(self.break_starts, start)
        left = max(0, start - CLAUSE_REACH)
        for _, b_end in reversed(self.breaks[max(0, k - 3) : k]):
            if b_end <= start:
                left = max(left, b_end)
                break
        right = min(len(self.text), end + CLAUSE_REACH)
        j = bisect.bisect_left(self.break_starts, end)
        if j < len(self.breaks):
            right = min(right, self.breaks[j][0])
        return left, right

    def relatives(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The relative clauses of the clause text[lo:hi] (RELATIVE_OPENING after a noun: 'the
        rules that are once again in force', 'the family founded in 1931 by'), each up to its
        comma, the main clause's verb or the clause's end: what they say is of their noun."""
        found: list[tuple[int, int]] = []
        for m in RELATIVE_OPENING.finditer(self.text, lo, hi):
            if m.start() < (found[-1][1] if found else lo):
                continue
            k = _token_at(self, m.start())
            if k is None or k == 0:
                continue
            before = self.toks[k - 1]
            if before.low in PRONOUNS or not before.text.isalpha() or "NOUN" not in lemmas(before.low):
                continue
            if m.group("pp") is not None and not self._other_verb(lo, m.start(), m.end(), hi):
                continue  # 'two hundred workers protested in 2009': the clause's own verb
            comma = self.text.find(",", m.end(), hi)
            found.append((m.start(), self._relative_end(m.start(), m.end(), comma if comma >= 0 else hi)))
        return found

    def _relative_end(self, start: int, end: int, hi: int) -> int:
        """Where a relative clause opened at text[start:end] ends: at the verb after its own ('the
        man who was jailed again owns two shops'), the main clause's, or at `hi`."""
        verbs = [q for q in self.preds_in(start, hi) if not q.noun and not q.word.lower().endswith("ing")]
        own = next((q for q in verbs if q.start >= start), None)
        later = next((q for q in verbs if own is not None and q.start > own.end), None)
        return later.start if later is not None else hi

    def _other_verb(self, lo: int, start: int, end: int, hi: int) -> bool:
        """Whether the clause has a verb besides the participle at text[start:end], with no comma or
        'and' between them: the clause's own, so the participle modifies the noun before it."""
        before = next((q for q in reversed(self.preds_in(lo, start)) if not q.noun), None)
        if before is not None and not COORDINATION.search(self.text[before.end : start]):
            return True
        later = next((q for q in self.preds_in(end, hi) if not q.noun), None)
        return later is not None and not COORDINATION.search(self.text[end : later.start])

    def cues_outside(self, lo: int, hi: int, start: int, story_year: int | None) -> set[str]:
        """The clause's cues less those only a relative clause without the value at `start` says
        ('one of five sons ... drifted into the family founded in 1931': no time of the sons)."""
        clause = self.clause_text(lo, hi)
        for r_lo, r_hi in self.relatives(lo, hi):
            if not r_lo <= start < r_hi:
                clause = clause[: r_lo - lo] + " " * (r_hi - r_lo) + clause[r_hi - lo :]
        cues = {m.group(0).lower() for m in CUES_LOWER.finditer(clause) if not _offset_word(clause, m)}
        return cues | {
            f"in {m.group('y')}" for m in YEAR.finditer(clause) if story_year is None or int(m.group("y")) != story_year
        }

    def clause_features(
        self, lo: int, hi: int, story_year: int | None
    ) -> tuple[set[str], list[tuple[int, str]], set[str], str | None]:
        """Places, names, cues and time of the clause text[lo:hi], read once per clause."""
        cached = self.features.get((lo, hi))
        if cached is not None:
            return cached
        clause = self.clause_text(lo, hi)
        # A pattern found nowhere in the sentence (word boundaries aside) is in none of its clauses.
        places = {m.group("p").lower() for m in PLACE.finditer(clause)} if self.anywhere(PLACE) else set()
        capitals = bisect.bisect_left(self.cap_starts, hi) > bisect.bisect_left(self.cap_starts, lo)
        names = _names(self.text, self.tokens_in(lo, hi), places) if capitals else []
        cues = (
            {m.group(0).lower() for m in CUES_LOWER.finditer(clause) if not _offset_word(clause, m)}
            if self.anywhere(CUE)
            else set()
        )
        if self.anywhere(YEAR):
            cues |= {
                f"in {m.group('y')}"
                for m in YEAR.finditer(clause)
                if story_year is None or int(m.group("y")) != story_year
            }
        time = next(TIME_LOWER.finditer(clause), None) if self.anywhere(TIME) else None
        found = (places, names, cues, time.group(0).lower() if time else None)
        self.features[(lo, hi)] = found
        return found

    def anywhere(self, pattern: re.Pattern[str]) -> bool:
        """Whether `pattern` may match in some clause of the sentence: the sentence holds one of the
        words every match needs (a search for plain words, once per sentence), and, once it has
        many clauses, the pattern without its word boundaries matches it (that test costs more
        than a few clauses do)."""
        needed = self.needed.get(pattern)
        if needed is None:
            needed = self.needed[pattern] = holds_needed(pattern, self.text)
        if not needed or len(self.features) < PREFILTER_AFTER:
            return needed
        found = self.maybe.get(pattern)
        if found is None:
            found = self.maybe[pattern] = may_match_piece(pattern, self.text)
        return found

    def inner_asides(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The asides wholly inside text[lo:hi] (opening comma to closing comma): not its words."""
        return [(a, c) for a, _, c in self.asides if lo <= a and c <= hi] if self.asides else []

    def clause_text(self, lo: int, hi: int) -> str:
        """text[lo:hi] with its inner asides blanked (offsets kept)."""
        clause = self.text[lo:hi]
        for a, c in self.inner_asides(lo, hi):
            clause = clause[: a - lo] + " " * (c - a) + clause[c - lo :]
        return clause

    def tokens_in(self, lo: int, hi: int) -> list[Token]:
        """The tokens of text[lo:hi], less those of its inner asides."""
        found = self.toks[bisect.bisect_left(self.tok_starts, lo) : bisect.bisect_left(self.tok_starts, hi)]
        inner = self.inner_asides(lo, hi)
        return [t for t in found if not any(a <= t.start < c for a, c in inner)] if inner else found

    def preds_in(self, lo: int, hi: int) -> list[Predicate]:
        """The predicates of text[lo:hi], less those of its inner asides ('shared the video, which
        shows a fight, on Friday': the sharing's day)."""
        found = self.preds[bisect.bisect_left(self.pred_starts, lo) : bisect.bisect_left(self.pred_starts, hi)]
        inner = self.inner_asides(lo, hi)
        return [p for p in found if not any(a <= p.start < c for a, c in inner)] if inner else found


def _asides(text: str, breaks: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """The relative clauses set off by commas among a sentence's breaks (ASIDE_OPENING to the
    next comma, ASIDE_CLOSING): one closed by another mark, by the end of a quotation or by
    nothing runs to the end of its clause and is no aside."""
    out: list[tuple[int, int, int]] = []
    for a, b in breaks:
        if text[a] != "," or (out and a < out[-1][2]) or not ASIDE_OPENING.search(text, a, b):
            continue
        closing = ASIDE_CLOSING.search(text, b, min(len(text), b + CLAUSE_REACH))
        if closing is not None and closing.group(0) == ",":
            out.append((a, b, closing.start()))
    return out


CONTRASTED_BY = frozenset({"unlike", "except"})  # the names up to the comma after these are not the clause's


def _contrast_end(toks: list[Token], k: int) -> int:
    """Where the phrase of a contrast word at k ends: its comma, or, for a list of names ('Unlike
    A, B and C, D was ...'), the comma after the list's last name."""
    commas = [j for j in range(k + 1, len(toks)) if toks[j].text == ","]
    if not commas:
        return len(toks)
    joint = next((j for j in range(commas[0], len(toks)) if toks[j].low in ("and", "or")), None)
    if joint is None:
        return commas[0]
    between = toks[commas[0] + 1 : joint]
    if between and all(t.text == "," or t.text[:1].isupper() for t in between):
        return next((j for j in commas if j > joint), len(toks))
    return commas[0]


def _names(text: str, toks: list[Token], places: set[str]) -> list[tuple[int, str]]:
    """Capitalised runs among `toks`, folded, with where they start; not places or times."""
    out: list[tuple[int, str]] = []
    run: list[Token] = []

    def flush() -> None:
        words = [t for t in run if t.low not in NOT_PARTICIPANT]
        if words and not (len(words) == 1 and words[0].start == 0):  # a sentence's first word is capitalised anyway
            name = " ".join(t.low for t in words)
            if name not in places:
                out.append((words[0].start, name))
        run.clear()

    after_place_word = False
    skip_to = 0
    for k, tok in enumerate(toks):
        if k < skip_to:
            continue
        if tok.low in CONTRASTED_BY:
            flush()  # "Unlike stars A and B, C is not signed": A and B are set against the clause
            skip_to = _contrast_end(toks, k)
            continue
        kind_end = designation(toks, k) if tok.text[:1].isupper() else None
        if kind_end is not None:
            flush()  # "XR-7 rifles": a kind of thing, no participant
            skip_to = kind_end
            continue
        if tok.text[:1].isupper() and tok.text.isalpha():
            if run and text[run[-1].end : tok.start] != " ":
                flush()
            if not run and after_place_word:
                continue  # "in the Gulf of Aden", "near Orlin": a place, not a participant
            run.append(tok)
        else:
            if tok.low in SPEECH and run:
                run.clear()  # "X said", "X told": the speaker, not a participant
            if run:  # most words close no run
                flush()
            if tok.low not in ("the", "a", "an"):
                after_place_word = tok.low in PLACE_WORDS or tok.low in SPEECH
    flush()
    return out


OFFSET_BEFORE = re.compile(r"\b(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|moments?)\s$", re.IGNORECASE)
OFFSET_AFTER = re.compile(r"^\s(?:today|tonight|this|that|in\sthe\s(?:day|week|month|year))\b", re.IGNORECASE)


def _offset_word(clause: str, cue: re.Match[str]) -> bool:
    """'six days earlier', 'earlier today': a distance in time from the story's own day, not
    another time of the story."""
    if cue.group(0).lower() not in ("earlier", "later", "before", "after"):
        return False
    return bool(OFFSET_BEFORE.search(clause[max(0, cue.start() - 12) : cue.start()])) or bool(
        OFFSET_AFTER.match(clause[cue.end() : cue.end() + 20])
    )


def nearest_predicate(view: SentenceView, start: int, end: int) -> Predicate | None:
    """The predicate a value belongs to: in its clause, the listed one nearest, a passive verb
    after it ('10 people were killed') or a verb right before it ('killing 10 people')."""
    lo, hi = view.clause_span(start, end)
    best: tuple[float, Predicate] | None = None
    for p in view.preds_in(lo, hi):
        if p.end > hi or (p.start < end and p.end > start):
            continue
        distance = float(p.start - end if p.start >= end else start - p.end)
        if p.cls is None:
            distance += 30  # an unlisted verb is a weaker guess than a listed one
        if best is None or distance < best[0]:
            best = (distance, p)
    return best[1] if best else None


OPENS_CLAUSE = re.compile(
    r"^\W*(?:(?:early|late|on|in|at|by|since|from|and|but|then|that|so)\s+){0,3}\W*$", re.IGNORECASE
)
AFTER_BEFORE_DATE = 60  # characters: a verb after a date is that much further than one before it


# What someone is accused or tried for: an event noun after "charged with", "accused of", "a charge
# of", "charges in" ("charged with first-degree murder", "facing charges in a shooting") or before
# "charge", "suspect" ("two murder charges", "the murder suspect"). It names the crime, not an act
# of the clause, so a date beside it dates the charge, the hearing or the arrest.
ACCUSATION_BEFORE = re.compile(
    r"\b(?<!\bin\s)(?<!\btook\s)(?<!\btake\s)(?<!\btakes\s)(?:charged|charges?|accused|convicted|acquitted|indicted|suspected|suspicion|guilty|counts?|arraigned"
    r"|tried|trial|wanted)\s(?:with|of|for|on|in|over)\s(?:[\w’'-]+\s){0,4}$",
    re.IGNORECASE,
)
ACCUSATION_AFTER = re.compile(r"^\s(?:charges?|counts?|suspects?|indictments?|convictions?)\b", re.IGNORECASE)
DETERMINER = re.compile(r"\b(?:a|an|the|this|that|his|her|their|its)\s", re.IGNORECASE)
MODIFIER_THEN_CHARGE = re.compile(r"^\s[\w-]+\s(?:charges?|counts?)\b", re.IGNORECASE)
CHARGE_NOUN = re.compile(r"\b(?:a|an|the|one|no|new|this|that|his|her|their|its)\s(?:[\w-]+\s){0,2}$", re.IGNORECASE)
# 'the man in charge', 'took charge of the unit': the charge is a duty, not an accusation.
IN_CHARGE = re.compile(r"\b(?:in|took|take|takes|taking)\s$", re.IGNORECASE)
# What makes the noun 'charge(s)' an accusation and not a rush ('police charges on protesters') or a
# fee: a legal verb or preposition before it ('facing two murder charges', 'arraigned on charges'),
# a crime, a legal word, a determiner or a number right before it ('murder charges', 'the
# charges', 'two charges'), or what follows it ('charges of assault', 'the charge was dropped').
CHARGE_CONTEXT_BEFORE = re.compile(
    r"(?:\b(?:fac(?:e|es|ed|ing)|fil(?:e|es|ed|ing)|press(?:es|ed|ing)?|br(?:ing|ings|inging|ought)|drop(?:s|ped|ping)?"
    r"|den(?:y|ies|ied|ying)|plead(?:s|ed|ing)?|pled|admit(?:s|ted|ting)?|dismiss(?:es|ed|ing)?|contest(?:s|ed|ing)?"
    r"|arraign(?:ed|ing)?|arrest(?:ed|ing)?|held|detained|jailed|convicted|acquitted|cleared|guilty|innocent"
    r"|to|on|with|under)\s(?:[\w’'-]+\s){0,3}"
    r"|\b(?:criminal|formal|federal|felony|misdemeanou?r|murder|manslaughter|homicide|assault|terrorism|terror"
    r"|corruption|fraud|drugs?|weapons?|gun|firearms?|rape|theft|robbery|kidnapping|treason|espionage|related"
    r"|the|these|those|such|similar|all|any|no|new|additional|several|multiple|two|three|four|five|six|seven"
    r"|eight|nine|ten|\d+|[\w-]+-degree)\s)$",
    re.IGNORECASE,
)
CHARGE_CONTEXT_AFTER = re.compile(
    r"^\s(?:of|against|over|for|related|stemming|in\s(?:connection|relation)|were|was|are|is|have|had|has"
    r"|filed|brought|laid|dropped)\b",
    re.IGNORECASE,
)


def _charge_is_accusation(text: str, start: int, end: int, plural: bool) -> bool:
    """Whether the noun 'charge(s)' at text[start:end] is an accusation (CHARGE_CONTEXT_BEFORE, _AFTER)."""
    before = text[max(0, start - 60) : start]
    if IN_CHARGE.search(before) or (not plural and not CHARGE_NOUN.search(before[-40:])):
        return False
    after = text[end : end + 24]
    return CHARGE_CONTEXT_BEFORE.search(before) is not None or CHARGE_CONTEXT_AFTER.match(after) is not None


def _accusation(view: SentenceView, p: Predicate) -> bool:
    """Whether an event noun names what someone is accused or tried for (ACCUSATION_BEFORE): a
    noun, or a form in -ing after a determiner ('in a shooting'); 'charged with killing his wife
    on Friday' keeps its verb. The noun 'charges' itself is what someone faces, not an act
    ('facing charges', 'arraigned on two charges later today': the arraignment's day)."""
    text = view.text
    word = p.word.lower()
    if word in ("charges", "charge") and _charge_is_accusation(text, p.start, p.end, word == "charges"):
        return True
    if ACCUSATION_AFTER.match(text[p.end : p.end + 14]):
        return p.noun or word.endswith("ing")
    if p.cls is None and word.endswith("ed") and MODIFIER_THEN_CHARGE.match(text[p.end : p.end + 30]):
        return True  # 'one attempted murder charge'
    m = ACCUSATION_BEFORE.search(text[max(0, p.start - 60) : p.start])
    return m is not None and (p.noun or DETERMINER.search(m.group(0)) is not None)


# Words after which a participle is an adjective of the noun that follows ('a sparsely inhabited coast').
# Not 'that': a verb after it opens a relative clause ('the storm that flooded the valley').
ADJECTIVE_BEFORE = DETERMINERS - {"of", "all"}
# A participle right after a noun and followed by one of these, with the clause's finite verb still to
# come, is a reduced relative clause ('a former guard jailed for fraud punched a reporter').
RELATIVE_AFTER = frozenset(["to", "in", "at", "by", "for", "from", "on", "after", "over", "into", "with", "of"])
# What opens a relative clause after a noun: a relative pronoun, or a participle in -ed before one of
# RELATIVE_AFTER ('the family founded in 1931'); SentenceView.relatives checks the noun.
RELATIVE_OPENING = re.compile(
    r"\b(?:that|which|who|whom|whose)\s|\b(?P<pp>[a-z]+ed)\s(?=(?:" + "|".join(sorted(RELATIVE_AFTER)) + r")\s)"
)
PRONOUNS = frozenset(
    ["i", "you", "he", "she", "it", "we", "they", "who", "which", "that", "there", "this", "these", "those"]
)
SKIPPED_BEFORE = frozenset({"not", "never", "also", "again", "still", "just", "already", "then", "n't"})
# A clause opening with one of these ends at its comma: what follows is the main clause's.
SUBORDINATE_OPENING = re.compile(
    r"^\W*(?:after|before|since|until|when|while|as|once|although|though|because|if)\s", re.IGNORECASE
)
WHEN_AFTER = re.compile(r"\s*when\s", re.IGNORECASE)
POSSESSIVE_DATE = re.compile(r"^[’']s\s(?:[\w-]+\s)?$")
COORDINATION = re.compile(r",|\b(?:and|or|but|then)\b", re.IGNORECASE)
NONFINITE = 40  # characters: a participle or gerund is that much weaker a guess than a finite verb
VERB_NEXT = 20  # ... the finite verb right after a date ('police on Friday arrested') only that much
AFTER_COORDINATION = 100  # ... and a verb past a comma or 'and' after the date more than any verb before it


def _token_at(view: SentenceView, start: int) -> int | None:
    """The index of the token starting at `start`, if any."""
    k = bisect.bisect_left(view.tok_starts, start)
    return k if k < len(view.toks) and view.toks[k].start == start else None


def _adverb_ly(tok: Token) -> bool:
    """Whether a token is an adverb in -ly: lower-case, with no noun reading ('family', 'ally' are nouns)."""
    return tok.low.endswith("ly") and tok.text.islower() and "NOUN" not in lemmas(tok.low)


def _word_before(view: SentenceView, k: int) -> tuple[str, int]:
    """The word before token k, adverbs in -ly and 'not', 'also' skipped, and its index (or '', -1)."""
    j = k - 1
    while j >= 0 and (view.toks[j].low in SKIPPED_BEFORE or _adverb_ly(view.toks[j])):
        j -= 1
    return (view.toks[j].low, j) if j >= 0 else ("", -1)


VerbForm = Literal["finite", "nonfinite", "adjective", "noun"]


def _pred_at(view: SentenceView, start: int) -> Predicate | None:
    """The predicate starting at `start`, if any."""
    i = bisect.bisect_left(view.pred_starts, start)
    return view.preds[i] if i < len(view.preds) and view.preds[i].start == start else None


def _verb_form(view: SentenceView, p: Predicate, hi: int) -> VerbForm:
    """How an event verb stands in its clause: 'finite' (the clause's verb, or in a verb group:
    'was revealed', 'were protesting'), 'nonfinite' (a gerund or participle on its own: 'patrolling
    the strait', 'a former guard jailed for fraud' with the clause's verb still to come), 'adjective'
    ('a sparsely inhabited coast') or 'noun' (an event noun, or a plural read as a verb: 'security
    measures threw', where two finite verbs cannot stand side by side)."""
    if p.noun:
        return "noun"
    k = _token_at(view, p.start)
    if k is None:
        return "finite"
    before, j = _word_before(view, k)
    if before in AUXILIARIES:
        return "finite"
    if before in ADJECTIVE_BEFORE:
        return "adjective"
    word = p.word.lower()
    nxt = view.toks[k + 1] if k + 1 < len(view.toks) else None
    if word.endswith("s") and "NOUN" in lemmas(word) and nxt is not None:
        follower = _pred_at(view, nxt.start)
        if follower is not None and not follower.noun and not follower.word.lower().endswith("ing"):
            return "noun"
    if word.endswith("ing"):
        # 'the fatal shooting of a boy', 'a shooting': after a determiner and adjectives, or before
        # 'of', a form in -ing is a noun; 'coast guards patrolling the strait' is a participle.
        if (nxt is not None and nxt.low == "of") or _after_determiner(view, k):
            return "noun"
        return "nonfinite"
    if (
        word != p.lemma
        and nxt is not None
        and nxt.low in RELATIVE_AFTER
        and j >= 0
        and view.toks[j].text.isalpha()
        and before not in PRONOUNS
        and "NOUN" in lemmas(before)
    ):
        later = next((q for q in view.preds_in(p.end, hi) if not q.noun), None)
        if later is not None and not COORDINATION.search(view.text[p.end : later.start]):
            return "nonfinite"
    return "finite"


def _after_determiner(view: SentenceView, k: int) -> bool:
    """Whether token k follows a determiner with only adjectives between ('the fatal ...')."""
    j = k - 1
    while j >= 0 and view.toks[j].text.isalpha() and view.toks[j].text.islower():
        low = view.toks[j].low
        if low in ADJECTIVE_BEFORE:
            return True
        found = lemmas(low)
        if "ADJ" not in found or "NOUN" in found or "VERB" in found:
            return False
        j -= 1
    return False


def _when_predicate(view: SentenceView, start: int, end: int, lo: int, hi: int) -> Predicate | None:
    """A date closing a clause without an event verb ('was off duty on Sunday when he stopped the
    robbers', 'was at home on Friday when the fire broke out'): the 'when' clause tells what
    happened on that day, so its first verb is the date's."""
    when = WHEN_AFTER.match(view.text, hi)
    if when is None or view.text[end:hi].strip(" ,"):
        return None
    if not any(t.low in AUXILIARIES for t in view.tokens_in(lo, start)):
        return None  # no verb at all before the date: not a clause
    _, next_hi = view.clause_span(when.end(), when.end())
    return next((p for p in view.preds_in(when.end(), next_hi) if not p.noun and p.end <= next_hi), None)


def date_predicate(view: SentenceView, start: int, end: int) -> Predicate | None:
    """The predicate a date belongs to. A date follows what it dates ('rescued a ship on the 11th
    and sank another on the 19th': the 11th is the rescue's), unless it opens its clause ('On the
    19th, it sank ...') or stands right before the clause's verb ('police on Friday arrested'): then
    the verb after it is its own. Of the words before it, the clause's finite verb is its own
    rather than a gerund or a participle that modifies a noun ('a former guard jailed for fraud
    punched a reporter on Monday': the day of punching), and a noun or a participle past the
    finite verb nearer the date is another's ('video of the deadly shooting was revealed on
    Friday'). A verb past a comma or 'and' after the date is the next act's ('flew out late
    Friday, dodging reporters'). The crime a
    charge names is no act of the clause ('charged with murder Saturday': the charge's day). A
    clause without an event verb lends the date to a 'when' clause after it (_when_predicate)."""
    lo, hi = view.clause_span(start, end)
    opens = OPENS_CLAUSE.match(view.text[lo:start]) is not None
    candidates = [
        (p, _verb_form(view, p, hi))
        for p in view.preds_in(lo, hi)
        if not (p.end > hi or (p.start < end and p.end > start) or _accusation(view, p))
    ]
    candidates = [(p, form) for p, form in candidates if form != "adjective"]
    # The finite verb nearest before the date: what stands before it is another verb's.
    finite_before = max((p.end for p, form in candidates if form == "finite" and p.end <= start), default=-1)
    k = bisect.bisect_left(view.tok_starts, end)
    right_after = None
    if k < len(view.toks):
        nxt = view.toks[k]
        while _adverb_ly(nxt) and k + 1 < len(view.toks):
            k += 1
            nxt = view.toks[k]
        right_after = nxt.start
    relative_before = any(
        form == "nonfinite" and not p.word.lower().endswith("ing") and p.end <= start and p.end > finite_before
        for p, form in candidates
    )
    subordinate = SUBORDINATE_OPENING.match(view.text[lo:start]) is not None
    best: tuple[float, Predicate] | None = None
    for p, form in candidates:
        after = p.start >= end
        if after and POSSESSIVE_DATE.match(view.text[end : p.start]):
            return p  # "Saturday's shooting": the day of the noun it is said of
        if after and subordinate and "," in view.text[end : p.start]:
            continue  # 'After she left the clinic on Thursday, she checked into ...': the leaving's day
        if not after and form != "finite" and p.end < finite_before:
            continue  # 'the deadly shooting was revealed on Friday': the noun is the revealing's subject
        distance = float(p.start - end if after else start - p.end)
        verb_next = after and p.start == right_after and form == "finite" and not relative_before
        if verb_next and not opens:
            distance += VERB_NEXT
        elif after and not opens:
            distance += AFTER_BEFORE_DATE
            if COORDINATION.search(view.text[end : p.start]):
                distance += AFTER_COORDINATION
        if form == "nonfinite":
            distance += NONFINITE
        if p.cls is None:
            distance += 30  # an unlisted verb is a weaker guess than a listed one
        if best is None or distance < best[0]:
            best = (distance, p)
    if best is None:
        return _when_predicate(view, start, end, lo, hi)
    return best[1]


def build_frame(
    view: SentenceView,
    start: int,
    end: int,
    *,
    attribute: str,
    noun: str | None = None,
    predicate: Predicate | None = None,
    story_year: int | None = None,
) -> Frame:
    """The frame of the value at text[start:end] (offsets into the sentence)."""
    text = view.text
    lo, hi = view.clause_span(start, end)
    pred = predicate or nearest_predicate(view, start, end)
    places, names, cues, time = view.clause_features(lo, hi, story_year)
    if cues:
        cues = view.cues_outside(lo, hi, start, story_year)
    agents: list[str] = []
    patients: list[str] = []
    if pred is not None:
        by = text.rfind(" by ", pred.end, hi)
        for where, name in names:
            before = where < pred.start
            if pred.passive:
                (agents if by >= 0 and where > by else patients if before else agents).append(name)
            else:
                (agents if before else patients).append(name)
    else:
        patients = [name for _, name in names]
    # Every field given, of its schema type and in its order (Frame has no validator): validating
    # again would only cost.
    return trusted(
        Frame,
        {
            "predicate": pred.lemma if pred else None,
            "predicate_class": pred.cls if pred else None,
            "negated": pred.negated if pred else False,
            "modality": pred.modality if pred else "asserted",
            "noun": noun,
            "attribute": attribute,
            "agents": tuple(sorted(set(agents))),
            "patients": tuple(sorted(set(patients))),
            "place": min(places) if places else None,
            "time": time,
            "cues": tuple(sorted(cues)),
        },
    )
