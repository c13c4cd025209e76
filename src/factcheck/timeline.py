"""Claims → the dated events of each incident, as each source tells them.

What the report draws as a Mermaid timeline: every event a source dates to a calendar day, and
each source's publication, so a reader sees at once where the accounts put the same event on
different days.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Iterable

from factcheck.lexicons import load_lexicon
from factcheck.models import ClaimsFile, DateClaim, Incident, Timeline, TimelineEvent

EVENT_LABELS: dict[str, str] = load_lexicon("date_events")["labels"]
LISTED_EVENTS: frozenset[str] = frozenset(load_lexicon("date_events")["events"])
MAX_EVENTS = 24  # a picture, not a table: the first days of an incident when it has more


def event_label(event: str) -> str:
    """'publish' → 'posted or shared', as the date findings name it."""
    return EVENT_LABELS.get(event, event.replace("_", " "))


def _story_event(claim: DateClaim) -> bool:
    """Whether a dated claim is an event of the story worth a place on its timeline: a listed event,
    or an open one whose predicate has a class ('custody', 'employment'). A day given to any verb
    ('bear', 'carry', 'send') is still a claim, compared like any other, but drawn it is noise."""
    return (
        claim.event in LISTED_EVENTS
        or claim.event == "publish"
        or (claim.frame is not None and claim.frame.predicate_class is not None)
    )


def _incident_year(files: Iterable[ClaimsFile]) -> int | None:
    """The year most of an incident's fully dated events fall in (the latest on a tie), if any."""
    years = Counter(
        c.date.year
        for cf in files
        for c in cf.claims
        if isinstance(c, DateClaim) and c.date is not None and not c.incident_hint and c.precision == "day"
    )
    return max(years, key=lambda y: (years[y], y)) if years else None


def timelines(incidents: Iterable[Incident], files: Iterable[ClaimsFile]) -> list[Timeline]:
    """Per incident, its dated events (a day each, other times left out) and its publications."""
    by_id = {cf.source.id: cf for cf in files}
    out = []
    for incident in incidents:
        events: dict[tuple[str, str, str], TimelineEvent] = {}
        year = _incident_year(by_id[sid] for sid in incident.sources)
        for sid in incident.sources:
            cf = by_id[sid]
            if cf.source.published is not None:
                events[(cf.source.published.isoformat(), "~published", sid)] = TimelineEvent(
                    date=cf.source.published, event="published", subject="", source=sid, claim_id=""
                )
            for c in cf.claims:
                if not isinstance(c, DateClaim) or c.incident_hint or c.precision not in ("day", "weekday"):
                    continue
                if not _story_event(c):
                    continue
                day, year_given = c.date, True
                if day is None and c.month_day is not None and year is not None:
                    # "on February 14" where the other accounts are of 2020: that day, marked as no year given.
                    with contextlib.suppress(ValueError):  # 29 February of a year without one
                        day, year_given = c.month_day.in_year(year), False
                if day is None:
                    continue
                key = (day.isoformat(), c.event, sid)
                events.setdefault(
                    key,
                    TimelineEvent(date=day, event=event_label(c.event), subject=c.subject_text, source=sid,
                                  claim_id=c.id, year_given=year_given),
                )  # fmt: skip
        if not any(e.claim_id for e in events.values()):
            continue  # publication dates alone tell no story
        ordered = [events[k] for k in sorted(events)][:MAX_EVENTS]
        out.append(Timeline(incident=incident.id, events=ordered))
    return out
