"""The time of a scene lent to the event the next sentence tells.

News narrative sets a scene's time in one sentence and tells what happened there in the next:
"... he reached the farmhouse late that night. He shot the owner ...". The shooting has no time
of its own words, but the reader knows it: the scene's. Only a time that points back into the
story ("that night", "later that day"), resolved against a date the text gave before, is lent,
and only to the very next sentence, when that sentence goes on with the same actor (it opens
with a pronoun), states an event of a listed class, and dates nothing itself; and only when the
scene's time is the last date its sentence gives ("... that night and was questioned on 7 June"
sets another day). The claim's evidence is both sentences, or when they are long the clauses from
the time to the event's word, so a reader sees where the time and the event are told.
"""

from __future__ import annotations

import re

from factcheck.extract.context import Context
from factcheck.extract.dates import CONTEXT_RELATIVE
from factcheck.extract.dates import SCENE_TIME as SCENE_WORDS
from factcheck.extract.frames import build_frame
from factcheck.extract.window import narrow
from factcheck.models import DateClaim, Sentence, topic
from factcheck.text.dates import find_dates

CARRIED = "mention.carried"  # the rule of a lent time's claim
SCENE_TIME = re.compile(r"\b" + SCENE_WORDS + r"\b", re.IGNORECASE)  # the words dates.py counts from the last date
GOES_ON = re.compile(r"^\s*(?:He|She|They)\s")  # the next sentence goes on with the same actor


def extract_carried(ctx: Context, sentence: Sentence, dated_before: list[DateClaim]) -> list[DateClaim]:
    """A date claim for the first listed event of `sentence`, with the scene time the sentence
    before it set; `dated_before` are the date claims of that sentence (a scene time that dates
    an event of its own sentence is not lent)."""
    last = ctx.last_date
    if sentence.index == 0 or last is None or last[0] != sentence.index - 1 or last[1] is None:
        return []
    if not GOES_ON.match(sentence.text) or find_dates(sentence.text):
        return []
    before = ctx.sentences[sentence.index - 1]
    scenes = list(SCENE_TIME.finditer(before.text))
    if not scenes or before.furniture:
        return []
    scene = scenes[-1]
    if any(e.start >= scene.end() for e in find_dates(before.text)) or any(
        m.start() >= scene.end() for m in CONTEXT_RELATIVE.finditer(before.text)
    ):
        return []  # "... that night and was questioned on 7 June": the text's last date is not the scene's
    at = before.start + scene.start()
    if any(c.value_start <= at < c.value_end for c in dated_before):
        return []  # "was killed that night": the time is its own sentence's
    view = ctx.view(sentence)
    pred = next((p for p in view.preds if p.cls is not None and p.modality == "asserted" and not p.noun), None)
    if pred is None:
        return []
    frame = build_frame(
        view, pred.start, pred.end, attribute=f"date ({pred.lemma})", predicate=pred, story_year=ctx.story_year
    )
    # Both sentences, or, past an evidence's length, the clauses from the time to the event's word.
    start, end = narrow(ctx.document.text, before.start, sentence.end, at, sentence.start + pred.end, whole_words=True)
    return [
        DateClaim(
            source=ctx.source,
            start=start,
            end=end,
            quote=ctx.document.text[start:end],
            value_start=at,
            value_end=before.start + scene.end(),
            speaker=ctx.speakers.get(sentence.index),
            subject=topic("date", pred.lemma),
            subject_text=", ".join(sorted(frame.participants)) or pred.word,
            rule=CARRIED,
            event=pred.lemma,
            expression=scene.group(0),
            date=last[1],
            precision="day",
            resolved=True,
            resolution=f"{last[3]}, the scene the next sentence's '{pred.word}' is told in",
            anchor=last[4],
            frame=frame,
        )
    ]
