"""People's work on a folder of sources: decisions on findings and corrections to claims.

Both live in one file per sources folder, `reviews/<folder>.json`, kept under version control
apart from the generated claims files and report, so deleting and regenerating those never loses
a decision. Decisions are keyed by the finding's stable id, corrections by the claim's; one whose
finding or claim no longer exists is reported, never dropped.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from factcheck.errors import FactcheckError, ReviewsFileError, render_validation_error
from factcheck.models import (
    SCHEMA_VERSION,
    Claim,
    ClaimBase,
    ClaimsFile,
    Dated,
    EditValue,
    Figure,
    Finding,
    Group,
    HumanEdit,
    MonthDay,
    Organisation,
    Person,
    Relative,
    Report,
    ReviewDecision,
    ReviewsFile,
    ReviewStatus,
    StatusState,
    SubjectType,
    stable_id,
)
from factcheck.store import atomic_write, newer_version, read_json
from factcheck.subjects import known_subjects
from factcheck.text.numbers import interval

CLAIM: TypeAdapter[Claim] = TypeAdapter(Claim)
# What a correction may not change: where the claim is and what made it. To move a claim,
# reject it and add the right one.
FIXED_FIELDS = {"id", "kind", "source", "origin", "rule", "start", "end", "quote", "value_start", "value_end"}
FIX_HINT = "Fix the file (it is under version control: `git diff` shows what changed), then run the command again."


def reviews_path(reviews_dir: Path, folder_name: str) -> Path:
    return reviews_dir / f"{folder_name}.json"


def load_reviews(path: Path, folder_name: str = "") -> ReviewsFile:
    """Read and validate a reviews file; a missing one is empty, a malformed one an error naming
    the file, the field and the problem."""
    if not path.exists():
        return ReviewsFile(folder=folder_name)
    data = read_json(path, ReviewsFileError, FIX_HINT)  # a BOM accepted, depth and numbers bounded
    newer = newer_version(str(path), data)
    if newer is not None:
        raise ReviewsFileError(newer, "Upgrade factcheck.")
    try:
        reviews = ReviewsFile.model_validate(data)
    except ValidationError as exc:
        raise ReviewsFileError(render_validation_error(str(path), exc), FIX_HINT) from exc
    except RecursionError as exc:
        raise ReviewsFileError(f"{path}: nested too deeply to be read", FIX_HINT) from exc
    return reviews


def save_reviews(path: Path, reviews: ReviewsFile) -> None:
    reviews.decisions.sort(key=lambda d: d.finding_id)
    # Written in today's shape, so its version says so (a file of version 1 is read into it).
    current = reviews.model_copy(update={"schema_version": SCHEMA_VERSION})
    atomic_write(path, current.model_dump_json(indent=2) + "\n")


# --- decisions on findings -------------------------------------------------------------------


def decide(
    reviews: ReviewsFile,
    finding: Finding,
    status: ReviewStatus,
    note: str,
    *,
    reviewer: str | None = None,
    today: dt.date | None = None,
) -> ReviewDecision:
    """Record (or replace) the decision on `finding` in `reviews`."""
    decision = ReviewDecision(
        finding_id=finding.id,
        status=status,
        note=note.strip(),
        reviewer=reviewer,
        date=today or dt.date.today(),
        subject=finding.subject,
        attribute=finding.attribute,
        values=sorted(v.key for v in finding.values),
    )
    reviews.decisions = [d for d in reviews.decisions if d.finding_id != finding.id] + [decision]
    reviews.decisions.sort(key=lambda d: d.finding_id)
    return decision


def attach_reviews(report: Report, decisions: list[ReviewDecision]) -> None:
    """Give each finding its decision; list the decisions whose finding no longer exists.

    A decision on the finding's own id applies; failing that, the latest decision recorded against
    one of the pairs it groups (the ids findings had when each pair of values was its own finding)
    is carried over, covering that pair's values. Values no decision covers reopen the review
    (`Finding.reopened`). Decisions are never dropped: one that applies to no finding is orphaned."""
    by_id = {d.finding_id: d for d in decisions}
    used: set[str] = set()
    for finding in report.discrepancies:
        own = by_id.get(finding.id)
        carried = [(by_id[p.id], p) for p in finding.pairs if p.id in by_id and p.id != finding.id]
        keys = {v.key for v in finding.values}
        if own is not None:
            finding.review = own
            # A decision made before values were recorded covered the values the finding had then.
            covered = set(own.values) if own.values else keys
            used.add(own.finding_id)
        elif carried:
            latest = max(carried, key=lambda dp: (dp[0].date, dp[0].finding_id))[0]
            finding.review = latest.model_copy()
            covered = {k for d, p in carried for k in (d.values or p.values)}
            used.update(d.finding_id for d, _ in carried)
        else:
            finding.review, covered = None, keys
        finding.reopened = [v.key for v in finding.values if v.key not in covered]
    report.orphaned_reviews = sorted((d for d in decisions if d.finding_id not in used), key=lambda d: d.finding_id)


# --- corrections to claims -------------------------------------------------------------------


def _values(raw: Mapping[str, str]) -> dict[str, Any]:
    """`--set` values as typed: 'null' is None; pydantic turns '28' into an int where one is wanted."""
    return {key: None if value == "null" else value for key, value in raw.items()}


def _validate_claim(data: dict[str, Any], what: str) -> ClaimBase:
    try:
        claim: ClaimBase = CLAIM.validate_python(data)
    except ValidationError as exc:
        raise FactcheckError(render_validation_error(what, exc), "Give valid values with --set FIELD=VALUE.") from exc
    return claim


def _human_id(claim: ClaimBase, *base: object) -> str:
    return stable_id("h-", *base, claim.kind, claim.subject.key(), claim.display_value(), claim.quote)  # type: ignore[attr-defined]


def corrected(claim: ClaimBase, changes: Mapping[str, EditValue]) -> ClaimBase:
    """The claim with `changes` applied: made by a person, with a new id (so a decision on a finding
    about the old value does not carry over to the new one)."""
    bad = sorted(set(changes) & FIXED_FIELDS)
    if bad:
        raise FactcheckError(
            f"claim {claim.id}: field '{bad[0]}' cannot be corrected",
            "To move a claim, reject it and add the right one.",
        )
    data = {**claim.model_dump(mode="json"), **changes, "origin": "human"}
    new = _validate_claim(data, f"claim {claim.id}")
    new.id = _human_id(new, claim.id)
    return new


def correction(
    claim: ClaimBase,
    raw: Mapping[str, str],
    note: str,
    *,
    reviewer: str | None = None,
    today: dt.date | None = None,
) -> HumanEdit:
    """An edit changing some fields of `claim`, checked now so a bad value fails before it is saved."""
    if not raw:
        raise FactcheckError(f"claim {claim.id}: nothing to correct", "Give the new values with --set FIELD=VALUE.")
    new = corrected(claim, _values(raw))
    dumped = new.model_dump(mode="json")
    # A subject or a speaker is recorded by its key, as a person types it.
    changes = {key: _as_typed(new, key, dumped[key]) for key in raw}
    return HumanEdit(
        action="correct",
        source=claim.source,
        claim_id=claim.id,
        changes=changes,
        note=note.strip(),
        reviewer=reviewer,
        date=today or dt.date.today(),
    )


def rejection(claim: ClaimBase, note: str, *, reviewer: str | None = None, today: dt.date | None = None) -> HumanEdit:
    return HumanEdit(
        action="reject",
        source=claim.source,
        claim_id=claim.id,
        note=note.strip(),
        reviewer=reviewer,
        date=today or dt.date.today(),
    )


def _as_typed(claim: ClaimBase, field: str, dumped: EditValue) -> EditValue:
    if field == "subject":
        return claim.subject.key()
    if field == "speaker":
        return claim.speaker.key() if claim.speaker is not None else None
    value = getattr(claim, field, None)
    return value.key() if isinstance(value, MonthDay | StatusState) else dumped  # as typed: '02-14', 'not_fired'


def _known_subject(subject: SubjectType, known: set[SubjectType]) -> bool:
    if subject in known:
        return True
    if isinstance(subject, Figure | Dated):
        return subject.of is None or _known_subject(subject.of, known)
    if isinstance(subject, Relative):
        return _known_subject(subject.of, known)  # a role of a known person
    return not isinstance(subject, Person)  # groups ('the couple') need no entity


def _subject_words(subject: SubjectType) -> str:
    """The words an added claim names its subject by when none are given: the name, the noun."""
    if isinstance(subject, Figure | Dated) and subject.of is not None:
        return _subject_words(subject.of)
    if isinstance(subject, Person | Organisation):
        return subject.name
    if isinstance(subject, Relative):
        return subject.of.name
    if isinstance(subject, Group):
        return subject.noun
    if isinstance(subject, Figure):
        return subject.unit
    return subject.event if isinstance(subject, Dated) else subject.word


def _defaults(kind: str, values: dict[str, Any], words: str) -> dict[str, Any]:
    """What an added claim may leave out: the words of its value, an exact count, an asserted status."""
    out: dict[str, Any] = {}
    if kind in ("quantity", "date", "status"):
        out["expression"] = words
    if kind == "quantity":
        out["qualifier"] = "exact"
        number, qualifier = values.get("number"), values.get("qualifier", "exact")
        if number is not None:
            with contextlib.suppress(ValueError):  # not a number: validation reports it
                out["low"], out["high"] = interval(float(number), str(qualifier))
    if kind == "date":
        out["precision"] = "day"
        out["resolved"] = values.get("date") is not None
        out["resolution"] = "given by a reviewer"
    if kind == "status":
        out["modality"] = "asserted"
    return out


def addition(
    cf: ClaimsFile,
    text: str,
    kind: str,
    subject: SubjectType,
    quote: str,
    raw: Mapping[str, str],
    note: str,
    *,
    value_text: str | None = None,
    reviewer: str | None = None,
    today: dt.date | None = None,
) -> HumanEdit:
    """An edit adding a claim the extractor missed: `quote` must occur in the source's text, and
    `subject` be an entity of the source, a group, or a figure or date of one."""
    sid = cf.source.id
    start = text.find(quote) if quote else -1
    if start < 0:
        raise FactcheckError(
            f"{sid}: the quote does not occur in the source", "Copy the evidence exactly from the file."
        )
    known = known_subjects(cf)
    if not _known_subject(subject, known):
        people = ", ".join(sorted(k.key() for k in known if isinstance(k, Person | Relative))) or "none"
        raise FactcheckError(f"{sid}: no entity {subject.key()!r} in this source", f"Known here: {people}.")
    v_start, v_end = start, start + len(quote)
    if value_text:
        offset = quote.find(value_text)
        if offset < 0:
            raise FactcheckError(f"{sid}: --value-text {value_text!r} is not in the quote")
        v_start, v_end = start + offset, start + offset + len(value_text)
    values = _values(raw)
    data: dict[str, Any] = {
        **_defaults(kind, values, text[v_start:v_end]),
        **values,
        "kind": kind,
        "source": sid,
        "start": start,
        "end": start + len(quote),
        "quote": quote,
        "value_start": v_start,
        "value_end": v_end,
        "subject": subject,
        "origin": "human",
        "rule": "human.add",
    }
    data.setdefault("subject_text", _subject_words(subject))
    claim = _validate_claim(data, f"new {kind} claim")
    claim.id = _human_id(claim, sid)
    return HumanEdit(
        action="add",
        source=sid,
        claim=claim,
        note=note.strip(),
        reviewer=reviewer,
        date=today or dt.date.today(),
    )


def _placed(claim: ClaimBase, text: str) -> ClaimBase | None:
    """An added claim where its quote now is: the source may have been edited since."""
    if text[claim.start : claim.end] == claim.quote:
        return claim
    start = text.find(claim.quote)
    if start < 0:
        return None
    shift = start - claim.start
    return claim.model_copy(
        update={
            "start": claim.start + shift,
            "end": claim.end + shift,
            "value_start": claim.value_start + shift,
            "value_end": claim.value_end + shift,
        }
    )


def apply_edits(
    files: list[ClaimsFile],
    texts: dict[str, str],
    edits: list[HumanEdit],
    label: str = "reviews file",
) -> tuple[list[ClaimsFile], list[str]]:
    """The claims files with people's edits applied in order (the files themselves are not changed),
    and a warning for each edit that no longer fits: it stays in the reviews file, unapplied."""
    claims: dict[str, list[ClaimBase]] = {cf.source.id: list(cf.claims) for cf in files}
    warnings = []
    for n, edit in enumerate(edits):
        where = f"{label}: edits[{n}] ({edit.action} {edit.claim_id or (edit.claim.id if edit.claim else '')})"
        current = claims.get(edit.source)
        if current is None:
            warnings.append(f"{where}: no source {edit.source!r} in the folder; kept, not applied")
            continue
        if edit.action == "add":
            assert edit.claim is not None
            placed = _placed(edit.claim, texts.get(edit.source, ""))
            if placed is None:
                warnings.append(f"{where}: the quote is no longer in {edit.source}; kept, not applied")
                continue
            keys = [(c.start, c.value_start) for c in current]
            current.insert(bisect.bisect_right(keys, (placed.start, placed.value_start)), placed)
            continue
        index = next((i for i, c in enumerate(current) if c.id == edit.claim_id), None)
        if index is None:
            warnings.append(
                f"{where}: {edit.source} has no such claim now (the source or the extractor changed); "
                "kept, not applied. See `factcheck claim list`."
            )
        elif edit.action == "reject":
            del current[index]
        else:
            try:
                current[index] = corrected(current[index], edit.changes)
            except FactcheckError as exc:
                warnings.append(f"{where}: cannot be applied now ({exc.message}); kept, not applied")
    edited = [cf.model_copy(update={"claims": claims[cf.source.id]}) for cf in files]
    return edited, warnings
