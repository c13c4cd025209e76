"""The CI gate over a repository of sources, and the commands that satisfy it.

`check_folder` writes nothing: it says whether every source has current claims, the report is
what `compare` would write now, and every finding has a person's decision. `update`,
`review_findings` and the claim edits (`reject_claim`, `correct_claim`, `add_claim`) record
people's work in the reviews file and bring the claims and the report up to date.
"""

from __future__ import annotations

import datetime as dt
import re
import shlex
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from tabulate import tabulate

from factcheck.compare import LineIndex
from factcheck.config import FailOn
from factcheck.errors import FactcheckError
from factcheck.incidents import grouping_decision
from factcheck.locate import FileLines
from factcheck.models import (
    CheckResult,
    ClaimBase,
    ClaimRef,
    ClaimsFile,
    Finding,
    GroupingDecision,
    HumanEdit,
    Report,
    ReviewsFile,
    ReviewStatus,
    StaleSource,
)
from factcheck.pipeline import Progress, compare_folder, load_or_extract
from factcheck.report import md_escape, to_markdown
from factcheck.review import (
    addition,
    apply_edits,
    corrected,
    correction,
    decide,
    load_reviews,
    rejection,
    reviews_path,
    save_reviews,
)
from factcheck.safe import terminal_safe
from factcheck.sarif import Stale, to_sarif
from factcheck.store import atomic_write, claims_path
from factcheck.subjects import (
    ask_for,
    guess_values,
    labels,
    missing_fields,
    people,
    resolve_subject,
    subject_label,
)

STATUSES = "confirmed|dismissed|explained"
FOLDER_OPTIONS = ("--claims-dir", "--reports-dir", "--reviews-dir")
DEFAULT_FOLDERS = (Path("claims"), Path("reports"), Path("reviews"))


@dataclass(frozen=True)
class Workspace:
    """A folder of sources and where its claims, report and reviews are kept. `configured` are the
    folders a command gets without options (the defaults, or the project configuration's), so the
    commands suggested to the user name only the folders that differ."""

    sources: Path
    claims_dir: Path = Path("claims")
    reports_dir: Path = Path("reports")
    reviews_dir: Path = Path("reviews")
    configured: tuple[Path, Path, Path] = DEFAULT_FOLDERS

    @property
    def name(self) -> str:
        return self.sources.resolve().name

    @property
    def report_path(self) -> Path:
        return self.reports_dir / f"{self.name}.md"

    @property
    def reviews_path(self) -> Path:
        return reviews_path(self.reviews_dir, self.name)

    def command(self, name: str, *args: str) -> str:
        """The command line that runs `factcheck NAME SOURCES ARGS` on this workspace from the working
        folder, naming only the folders that are not the configured ones."""
        words = ["factcheck", *name.split(), str(self.sources), *args]
        folders = (self.claims_dir, self.reports_dir, self.reviews_dir)
        for option, path, configured in zip(FOLDER_OPTIONS, folders, self.configured, strict=True):
            if path != configured:
                words += [option, str(path)]
        return shlex.join(words)

    def review_command(self, finding_id: str) -> str:
        return self.command("review", finding_id) + f" --status <{STATUSES}> --note '<why>'"

    def source_file(self, source_id: str) -> str:
        """The source's path as a CI log and GitHub annotations want it: relative to the working folder."""
        path = self.sources / source_id
        try:
            return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
        except ValueError:
            return path.as_posix()


# --- the exit policy ---


def failing(findings: list[Finding], fail_on: FailOn) -> list[Finding]:
    """The findings that make a run exit 1 under `fail_on`: only unreviewed ones ever do, so a folder
    whose findings all have a decision passes. `contradiction`: unreviewed contradictions;
    `divergence` and `unreviewed`: every unreviewed finding; `never`: none."""
    if fail_on == "never":
        return []
    open_ = [f for f in findings if f.review is None]
    if fail_on == "contradiction":
        return [f for f in open_ if f.severity == "contradiction"]
    return open_


# --- the gate --------------------------------------------------------------------------------


def check_folder(ws: Workspace, *, jobs: int = 1, progress: Progress | None = None) -> CheckResult:
    """Everything that keeps `ws` from being up to date, and the commands that fix it. Writes nothing:
    stale sources are extracted in memory to know the findings `compare` would report."""
    return check_report(ws, jobs=jobs, progress=progress)[0]


def check_report(ws: Workspace, *, jobs: int = 1, progress: Progress | None = None) -> tuple[CheckResult, Report]:
    """`check_folder`'s result and the report `compare` would write now, every finding in it."""
    report, stats = compare_folder(
        ws.sources,
        ws.claims_dir,
        reviews_dir=ws.reviews_dir,
        jobs=jobs,
        write_claims=False,
        progress=progress,
        exclude=[ws.reports_dir],
    )
    hand_edited = set(stats.hand_edited)
    stale = [
        StaleSource(
            source=sid,
            path=ws.source_file(sid),
            claims_file=str(claims_path(ws.claims_dir, sid)),
            reason=reason,
            hand_edited=sid in hand_edited,
        )
        for sid, reason in sorted(stats.stale.items())
    ]
    expected = to_markdown(report).encode("utf-8")
    if not ws.report_path.exists():
        report_state = "missing"
    else:
        report_state = "current" if ws.report_path.read_bytes() == expected else "outdated"
    unreviewed = [f for f in report.discrepancies if f.review is None or f.reopened]
    warnings = list(report.warnings)
    for sid in sorted(hand_edited - set(stats.stale)):
        warnings.append(
            f"{claims_path(ws.claims_dir, sid)}: edited by hand (compare keeps it, but regenerating would "
            "lose the edit); record corrections with `factcheck claim reject|correct|add` instead"
        )
    fixes = [
        f"rm {shlex.quote(s.claims_file)}  # first record its hand edits with `factcheck claim`"
        for s in stale
        if s.hand_edited
    ]
    if stale or report_state != "current":
        fixes.append(ws.command("compare"))
    for f in unreviewed:
        fixes.append(ws.review_command(f.id))
    result = CheckResult(
        folder=str(ws.sources),
        sources=len(report.sources),
        stale=stale,
        report_file=str(ws.report_path),
        report=report_state,
        findings=len(report.discrepancies),
        unreviewed=unreviewed,
        orphaned_reviews=report.orphaned_reviews,
        orphaned_grouping=report.orphaned_grouping,
        warnings=warnings,
        fixes=fixes,
    )
    return result, report


def _finding_line(ws: Workspace, f: Finding) -> str:
    sides = " / ".join(f"{r.value} ({ws.source_file(r.source)}:{r.line})" for r in f.claims)
    line = f"{f.id} {f.severity}: {f.subject}, {f.attribute}: {sides}"
    if f.reopened and f.review is not None:
        line += f" (reviewed {f.review.date.isoformat()}; reopened by new values: {', '.join(f.reopened)})"
    return line


def render_text(ws: Workspace, result: CheckResult) -> str:
    """The result for a CI log: one line per problem, then the commands that fix them."""
    if result.ok:
        head = (
            f"factcheck check {result.folder}: up to date: {result.sources} sources with current claims, "
            f"{result.report_file} current, {result.findings} findings, all reviewed."
        )
    else:
        head = (
            f"factcheck check {result.folder}: NOT up to date ({result.sources} sources, {result.findings} findings)."
        )
    out = [head]
    for s in result.stale:
        what = "new source" if s.reason == "no claims file" else "stale claims"
        edited = " (edited by hand, so compare keeps it)" if s.hand_edited else ""
        out.append(f"  {what}: {s.path}: {s.reason}{edited} [{s.claims_file}]")
    if result.report == "missing":
        out.append(f"  report missing: {result.report_file}")
    elif result.report == "outdated":
        out.append(f"  report out of date: {result.report_file} is not what `factcheck compare` writes now")
    for f in result.unreviewed:
        out.append(f"  unreviewed: {_finding_line(ws, f)}")
        # New rules give a finding new claim ids, hence a new id: point at the decision it may replace.
        for r in result.orphaned_reviews:
            if (r.subject, r.attribute) == (f.subject, f.attribute):
                out.append(f"    same fact as orphaned {r.finding_id} ({r.status}: {r.note})")
    for r in result.orphaned_reviews:
        out.append(
            f"  orphaned review (kept, not failing): {r.finding_id} ({r.status}, {r.date.isoformat()}) on "
            f"{r.subject}, {r.attribute}: its finding no longer exists"
        )
    for g in result.orphaned_grouping:
        out.append(
            f"  orphaned grouping decision (kept, not failing): {g.id} ({g.action} {', '.join(g.sources)}, "
            f"{g.date.isoformat()}): names a source no longer in the folder"
        )
    out += [f"  warning: {w}" for w in result.warnings]
    if result.fixes:
        out += ["To fix, run:"] + [f"  {fix}" for fix in result.fixes]
    return "\n".join(terminal_safe(line) for line in out)  # a file name cannot start a line of its own


def _escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def _annotation(level: str, message: str, *, file: str, title: str, line: int | None = None) -> str:
    props = f"file={_escape(file, True)}" + (f",line={line}" if line else "") + f",title={_escape(title, True)}"
    return f"::{level} {props}::{_escape(message)}"


def _place(ws: Workspace, lines: FileLines) -> Callable[[ClaimRef], tuple[str, int | None]]:
    """A claim's evidence as a path from the working folder and a line of that file (None for a line
    of an HTML page that cannot be told)."""

    def place(ref: ClaimRef) -> tuple[str, int | None]:
        return ws.source_file(ref.source), lines.line(ref)

    return place


def _where(ref: ClaimRef, place: Callable[[ClaimRef], tuple[str, int | None]]) -> str:
    path, line = place(ref)
    return f"{path}:{line}" if line else path


def _sides(f: Finding, place: Callable[[ClaimRef], tuple[str, int | None]]) -> str:
    return "; ".join(f"{ref.value} ({_where(ref, place)})" for ref in f.claims)


def render_github(ws: Workspace, result: CheckResult) -> str:
    """GitHub workflow annotations: one per unreviewed finding, on the line of its first evidence
    (its other sides named in the message), one per stale source on its file; then the plain text,
    for the log."""
    out = []
    for s in result.stale:
        out.append(
            _annotation(
                "error",
                f"{s.reason}. Run: {ws.command('compare')}",
                file=s.path,
                title="factcheck: claims not current",
            )
        )
    if result.report != "current":
        out.append(
            _annotation(
                "error",
                f"report {result.report}. Run: {ws.command('compare')}",
                file=result.report_file,
                title="factcheck: report not current",
            )
        )
    place = _place(ws, FileLines(ws.sources))
    for f in result.unreviewed:
        path, line = place(f.claims[0])
        message = f"{f.explanation}: {_sides(f, place)}. Review with: {ws.review_command(f.id)}"
        out.append(
            _annotation(
                "error" if f.severity == "contradiction" else "warning",
                message,
                file=path,
                line=line,
                title=f"factcheck {f.id}: {f.severity}, {f.subject}, {f.attribute}",
            )
        )
    for r in result.orphaned_reviews:
        out.append(
            _annotation(
                "notice",
                f"decision {r.status} on {r.subject}, {r.attribute}: its finding no longer exists; kept",
                file=str(ws.reviews_path),
                title=f"factcheck: orphaned review {r.finding_id}",
            )
        )
    return "\n".join([*(terminal_safe(line) for line in out), render_text(ws, result)])


def _cell(text: str) -> str:
    return md_escape(" ".join(text.split()))


def _short(quote: str, limit: int = 160) -> str:
    return quote if len(quote) <= limit else quote[: limit - 1].rstrip() + "…"


def job_summary(ws: Workspace, result: CheckResult) -> str:
    """A Markdown summary for the workflow run's page (`$GITHUB_STEP_SUMMARY`): the state of the folder,
    every unreviewed finding with each side's value and evidence line, and the commands that fix it."""
    place = _place(ws, FileLines(ws.sources))
    state = "up to date" if result.ok else "**not up to date**"
    out = [
        f"## factcheck check {_cell(result.folder)}: {state}",
        "",
        f"{result.sources} sources, {result.findings} findings, {len(result.unreviewed)} unreviewed; "
        f"report {_cell(result.report_file)} {result.report}; {len(result.stale)} sources without current claims.",
        "",
    ]
    if result.unreviewed:
        out += ["| Finding | Severity | Subject | Attribute | Sources |", "|---|---|---|---|---|"]
        for f in result.unreviewed:
            sides = "<br>".join(
                f"**{_cell(ref.value)}**: “{_cell(_short(ref.quote))}” ({_cell(_where(ref, place))})"
                for ref in f.claims
            )
            out.append(f"| `{f.id}` | {f.severity} | {_cell(f.subject)} | {_cell(f.attribute)} | {sides} |")
        out.append("")
    if result.stale:
        out += ["Sources without current claims:", ""]
        out += [f"- {_cell(s.path)}: {_cell(s.reason)}" for s in result.stale]
        out.append("")
    if result.fixes:
        out += ["To fix, run:", "", "```", *result.fixes, "```", ""]
    return "\n".join(out)


def sarif(ws: Workspace, report: Report, result: CheckResult | None = None) -> str:
    """The findings of `report` as SARIF, each with every side's evidence; with `result` (from `check`),
    sources without current claims and an outdated report too."""
    stale = [Stale(s.path, s.reason) for s in result.stale] if result else []
    if result is not None and result.report != "current":
        stale.append(Stale(result.report_file, f"report {result.report}; run {ws.command('compare')}"))
    return to_sarif(report, _place(ws, FileLines(ws.sources)), lambda f: ws.review_command(f.id), stale)


# --- the commands that satisfy it ------------------------------------------------------------


def update(ws: Workspace, *, jobs: int = 1, progress: Progress | None = None) -> Report:
    """What `factcheck compare` does: current claims, corrections applied, decisions attached, report
    written."""
    report, _ = compare_folder(
        ws.sources, ws.claims_dir, reviews_dir=ws.reviews_dir, jobs=jobs, progress=progress, exclude=[ws.reports_dir]
    )
    atomic_write(ws.report_path, to_markdown(report))
    return report


def review_findings(
    ws: Workspace,
    finding_ids: list[str],
    status: ReviewStatus,
    note: str,
    *,
    reviewer: str | None = None,
    today: dt.date | None = None,
    jobs: int = 1,
) -> Report:
    """Record a decision on each finding, then update claims and report so `check` sees it.
    Nothing is written unless every id names a current finding."""
    if not note.strip():
        raise FactcheckError("the note is empty", "Say why, with --note: it is what the next reader relies on.")
    report, _ = compare_folder(
        ws.sources,
        ws.claims_dir,
        reviews_dir=ws.reviews_dir,
        jobs=jobs,
        write_claims=False,
        exclude=[ws.reports_dir],
    )
    # An id a finding had before findings were grouped by fact names the fact it is part of now.
    findings = {p.id: f for f in report.discrepancies for p in f.pairs} | {f.id: f for f in report.discrepancies}
    unknown = [i for i in finding_ids if i not in findings]
    if unknown:
        raise FactcheckError(
            f"{ws.sources}: no finding {', '.join(unknown)}",
            f"`{ws.command('check')}` lists the current findings and their ids.",
        )
    reviews = load_reviews(ws.reviews_path, ws.name)
    for fid in dict.fromkeys(findings[i].id for i in finding_ids):
        decide(reviews, findings[fid], status, note, reviewer=reviewer, today=today)
    save_reviews(ws.reviews_path, reviews)
    return update(ws, jobs=jobs)


@dataclass(frozen=True)
class Claims:
    """The claims `compare` would use (people's edits applied), the source texts, the reviews file,
    and the claims as extracted, before the edits."""

    files: list[ClaimsFile]
    texts: dict[str, str]
    reviews: ReviewsFile
    extracted: list[ClaimsFile]


def current_claims(ws: Workspace, *, jobs: int = 1) -> Claims:
    """The claims `compare` would use, people's edits applied, without writing anything."""
    reviews = load_reviews(ws.reviews_path, ws.name)
    raw, texts, _ = load_or_extract(
        ws.sources, ws.claims_dir, jobs=jobs, write=False, exclude=[ws.reports_dir, ws.reviews_dir]
    )
    files, _ = apply_edits(raw, texts, reviews.edits)
    return Claims(files, texts, reviews, raw)


def _find(files: list[ClaimsFile], claim_id: str) -> ClaimBase | None:
    return next((c for cf in files for c in cf.claims if c.id == claim_id), None)


def _claim(ws: Workspace, claims: Claims, claim_id: str) -> ClaimBase:
    """The current claim `claim_id`; for an id an earlier edit rejected or replaced, an error that says so."""
    claim = _find(claims.files, claim_id)
    if claim is not None:
        return claim
    listing = f"`{ws.command('claim list')}` lists the current claims and their ids."
    edits = claims.reviews.edits
    for n in range(len(edits) - 1, -1, -1):
        edit = edits[n]
        if edit.claim_id != claim_id:
            continue
        when = f"on {edit.date.isoformat()}" + (f" by {edit.reviewer}" if edit.reviewer else "")
        if edit.action == "reject":
            raise FactcheckError(
                f"{ws.sources}: claim {claim_id} was already rejected {when} ({edit.note})",
                f"Nothing to do. To undo it, delete that edit from {ws.reviews_path}.",
            )
        before, _ = apply_edits(claims.extracted, claims.texts, edits[:n])
        old = _find(before, claim_id)
        try:
            now = corrected(old, edit.changes).id if old is not None else None
        except FactcheckError:  # the correction no longer applies; apply_edits warns about it
            now = None
        if now is not None and _find(claims.files, now) is not None:
            raise FactcheckError(
                f"{ws.sources}: claim {claim_id} was corrected {when}; the corrected claim is {now}",
                f"Give {now} instead.",
            )
        raise FactcheckError(f"{ws.sources}: claim {claim_id} was corrected {when} and has changed since", listing)
    raise FactcheckError(f"{ws.sources}: no claim {claim_id}", listing)


def _record(ws: Workspace, reviews: ReviewsFile, edit: HumanEdit, jobs: int) -> HumanEdit:
    reviews.edits.append(edit)
    save_reviews(ws.reviews_path, reviews)
    update(ws, jobs=jobs)
    return edit


def _need_note(note: str) -> None:
    if not note.strip():
        raise FactcheckError("the note is empty", "Say why, with --note.")


def reject_claim(
    ws: Workspace,
    claim_id: str,
    note: str,
    *,
    reviewer: str | None = None,
    today: dt.date | None = None,
    jobs: int = 1,
) -> HumanEdit:
    """Mark an extracted claim wrong: compare leaves it out from now on."""
    _need_note(note)
    claims = current_claims(ws, jobs=jobs)
    edit = rejection(_claim(ws, claims, claim_id), note, reviewer=reviewer, today=today)
    return _record(ws, claims.reviews, edit, jobs)


def correct_claim(
    ws: Workspace,
    claim_id: str,
    values: Mapping[str, str],
    note: str,
    *,
    reviewer: str | None = None,
    today: dt.date | None = None,
    jobs: int = 1,
) -> HumanEdit:
    """Change some fields of a claim (`{"value": "28"}`); compare uses the corrected claim from now on. A
    new `subject` is a name as `claim list` shows it."""
    _need_note(note)
    claims = current_claims(ws, jobs=jobs)
    claim = _claim(ws, claims, claim_id)
    if "subject" in values:
        cf = next(f for f in claims.files if f.source.id == claim.source)
        key = resolve_subject(values["subject"], cf, claim.kind)  # type: ignore[attr-defined]
        if key is None:
            known = "; ".join(people(cf)) or "none"
            raise FactcheckError(
                f"{claim.source}: no one called {values['subject']!r} in this source", f"Known here: {known}."
            )
        values = {**values, "subject": key.key()}  # the reviews file records a subject by its key
    edit = correction(claim, values, note, reviewer=reviewer, today=today)
    return _record(ws, claims.reviews, edit, jobs)


def add_claim(
    ws: Workspace,
    source_id: str,
    kind: str,
    subject: str,
    quote: str,
    values: Mapping[str, str],
    note: str,
    *,
    value_text: str | None = None,
    reviewer: str | None = None,
    today: dt.date | None = None,
    jobs: int = 1,
) -> HumanEdit:
    """Add a claim the extractor missed, with `quote` as its evidence in the source. `subject` is a name
    as `claim list` shows it; fields the quote states (the value, a count's unit, a status's state)
    are taken from it unless `values` gives them."""
    _need_note(note)
    claims = current_claims(ws, jobs=jobs)
    cf = next((f for f in claims.files if f.source.id == source_id), None)
    extracted = next((f for f in claims.extracted if f.source.id == source_id), None)
    if cf is None or extracted is None:
        raise FactcheckError(
            f"{ws.sources}: no source {source_id!r}", "Give the file's path relative to the sources folder."
        )
    key = resolve_subject(subject, cf, kind)
    if key is None:
        known = "; ".join(people(cf)) or "none"
        raise FactcheckError(f"{source_id}: no one called {subject!r} in this source", f"Known here: {known}.")
    text = claims.texts[source_id]
    quote = exact_words(text, quote)
    start = text.find(quote) if quote else -1
    if start >= 0:
        value_text = exact_words(quote, value_text) if value_text else None
        offset = quote.find(value_text) if value_text else 0
        end = start + (offset + len(value_text) if value_text and offset >= 0 else len(quote))
        guessed, words = guess_values(extracted, kind, text, start + max(offset, 0), end)
        values = {**guessed, **values}
        value_text = value_text or words
        if kind == "role":
            values.setdefault("expression", text[start + max(offset, 0) : end])
        missing = missing_fields(kind, values)
        if missing:
            raise FactcheckError(
                f"{source_id}: the quote does not say the {kind} claim's {' and '.join(missing)}",
                f"Give {'it' if len(missing) == 1 else 'them'} with {ask_for(kind, missing)}.",
            )
    edit = addition(cf, text, kind, key, quote, values, note, value_text=value_text, reviewer=reviewer, today=today)
    return _record(ws, claims.reviews, edit, jobs)


def exact_words(text: str, words: str) -> str:
    """`words` as `text` has them: typed quotes differ from the source in their spaces (a no-break
    space, a line break), so any run of white space matches any other."""
    if not words.strip() or words in text:
        return words
    m = re.search(r"\s+".join(re.escape(w) for w in words.split()), text)
    return m.group(0) if m else words


def claims_table(ws: Workspace, source_ids: list[str], *, jobs: int = 1) -> str:
    """The claims of some sources (all, if none given), corrections applied, with their ids."""
    claims = current_claims(ws, jobs=jobs)
    files, texts = claims.files, claims.texts
    known = {cf.source.id for cf in files}
    missing = [s for s in source_ids if s not in known]
    if missing:
        raise FactcheckError(
            f"{ws.sources}: no source {', '.join(map(repr, missing))}",
            "Give paths relative to the sources folder.",
        )
    rows = []
    for cf in files:
        if source_ids and cf.source.id not in source_ids:
            continue
        lines = LineIndex(texts[cf.source.id])
        names = labels(cf)
        for c in cf.claims:
            rows.append(
                [
                    c.id,
                    f"{cf.source.id}:{lines.line(c.start)}",
                    c.kind,
                    subject_label(c.subject, names),
                    c.display_value()[:40],
                    c.rule,
                    c.origin,
                ]
            )
    safe = [[terminal_safe(str(cell)) for cell in row] for row in rows]
    return tabulate(safe, headers=["Claim", "Where", "Kind", "Subject", "Value", "Rule", "By"])


def decide_grouping(
    ws: Workspace,
    action: Literal["merge", "split"],
    files: list[str],
    note: str,
    *,
    reviewer: str | None = None,
    today: dt.date | None = None,
    jobs: int = 1,
) -> GroupingDecision:
    """Record a person's grouping decision (merge: one incident; split: never one incident), then
    update the report. The sources must be in the folder; a decision that contradicts an earlier one
    on the same sources is refused (the earlier one is people's work too)."""
    _need_note(note)
    claims = current_claims(ws, jobs=jobs)
    present = {cf.source.id for cf in claims.files}
    missing = [f for f in files if f not in present]
    if missing:
        raise FactcheckError(
            f"{ws.sources}: no source {', '.join(missing)}", "Name sources by their path inside the sources folder."
        )
    decision = grouping_decision(action, files, note, reviewer=reviewer, today=today)
    reviews = claims.reviews
    for earlier in reviews.incidents:
        if earlier.action != action and _opposite(earlier, decision):
            raise FactcheckError(
                f"{ws.reviews_path}: {earlier.id} ({earlier.action} {', '.join(earlier.sources)}, "
                f"{earlier.date.isoformat()}) says the opposite",
                f"Remove that decision from {ws.reviews_path} first if it no longer holds.",
            )
    reviews.incidents = [d for d in reviews.incidents if d.id != decision.id] + [decision]
    save_reviews(ws.reviews_path, reviews)
    update(ws, jobs=jobs)
    return decision


def _opposite(a: GroupingDecision, b: GroupingDecision) -> bool:
    """Whether a merge and a split decision are about the same sources: two of them in common, or
    a split of one source alone that the merge names."""
    shared = set(a.sources) & set(b.sources)
    return len(shared) >= 2 or bool(shared and (len(a.sources) == 1 or len(b.sources) == 1))
