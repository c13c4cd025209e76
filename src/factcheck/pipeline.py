"""The whole run: sources → claims files → incidents → findings → report.

Claims are reused when the source's sha256 and the extractor's revision match what the claims
file records, so a second run over an unchanged folder only compares.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.budget import DEFAULT_SOURCE_TIMEOUT, OverBudget, time_limit
from factcheck.compare import LineIndex, claim_ref, compare_incident, finalize
from factcheck.compare.accounts import account_agreements, cited_together
from factcheck.copies import (
    account_of,
    align_sources,
    copy_findings,
    count_accounts,
    each_tells_both,
    merge_findings,
    one_account,
)
from factcheck.errors import SourceFileError, SourcesError
from factcheck.extract import extract_claims
from factcheck.facts import copies, group_facts, independent_corroborations, with_value_spans
from factcheck.incidents import group_incidents, other_times_marked
from factcheck.ingest import (
    SOURCE_SUFFIXES,
    SOURCES_FILE,
    decode,
    is_publication_line,
    load_source_info,
    read_bytes,
    read_source,
    scan_folder,
    source_id,
)
from factcheck.models import (
    SCHEMA_VERSION,
    ClaimBase,
    ClaimRef,
    ClaimsFile,
    DateClaim,
    Entity,
    GroupingDecision,
    Report,
    ReviewsFile,
    SourceInfo,
    SourceProfile,
    SourceSummary,
    StatusClaim,
)
from factcheck.report import to_markdown
from factcheck.review import apply_edits, attach_reviews, load_reviews, reviews_path
from factcheck.revisions import EXTRACTOR_REVISION
from factcheck.signature import dump_profiles, load_profiles, profiles_changed, signature_profile, signatures_path
from factcheck.store import (
    atomic_write,
    claims_path,
    dump_claims,
    evidence_problem,
    load_claims,
    remove_stale_temporaries,
    set_aside,
    was_hand_edited,
)
from factcheck.timeline import timelines

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable  # Python 3.11+; only the type is needed


Progress = Callable[[str], None]


@dataclass
class RunStats:
    """What a run did, for the terminal summary and the benchmark."""

    extracted: int = 0
    reused: int = 0
    warnings: list[str] = field(default_factory=list)
    stale: dict[str, str] = field(default_factory=dict)  # source id → why its claims file was not current
    hand_edited: list[str] = field(default_factory=list)  # sources whose claims file a person edited


def stale_reason(cf: ClaimsFile, sha: str, info: SourceInfo | None = None) -> str | None:
    """Why a claims file is not current for a source with this sha256 (and this entry in
    sources.yaml, whose publication date resolves relative dates), or None if it is."""
    if cf.source.sha256 != sha:
        return "the source changed since its claims were extracted"
    if cf.schema_version != SCHEMA_VERSION:
        return f"written in schema version {cf.schema_version}, not {SCHEMA_VERSION}"
    if cf.generator != EXTRACTOR_REVISION:
        return f"extracted by {cf.generator}, not {EXTRACTOR_REVISION}"
    if info is not None and any(
        given is not None and given != have
        for given, have in ((info.outlet, cf.source.outlet), (info.url, cf.source.url),
                            (info.published, cf.source.published))
    ):  # fmt: skip
        return f"{SOURCES_FILE} changed since its claims were extracted"
    if info is None and "sources-file" in (cf.source.outlet_from, cf.source.published_from):
        return f"its entry in {SOURCES_FILE} was removed"
    return None


def _extract_one(args: tuple[str, str, SourceInfo | None, float | None]) -> tuple[ClaimsFile, str] | SourceFileError:
    folder, sid, info, limit = args
    try:
        with time_limit(limit):
            document = read_source(Path(folder), Path(folder) / sid, info=info)
            return extract_claims(document), document.text
    except SourceFileError as exc:  # returned, not raised: one bad file must not stop the others
        return exc
    except OverBudget:
        return SourceFileError(f"extraction stopped after {limit:g} s, the limit per source (--source-timeout)")


def _verified_text(
    folder: Path, path: Path, data: bytes, cf: ClaimsFile, info: SourceInfo | None
) -> tuple[str, str | None]:
    """The source's text as a claims file's offsets see it, and why the file does not match it
    (None if it does). For HTML that is the extracted text the file stores, or, when a person
    edited the file, the page's text extracted again, since the stored text may be the edit."""
    if cf.text is not None and not was_hand_edited(cf):
        return cf.text, evidence_problem(cf, cf.text)
    if SOURCE_SUFFIXES.get(path.suffix.lower()) != "html" and cf.source.sha256 == hashlib.sha256(data).hexdigest():
        text = decode(data).text  # a text file's text is its decoded bytes (read_source adds only metadata)
    else:
        text = read_source(folder, path, data, info=info).text
    if cf.text is not None and cf.text != text:
        return text, "its stored text is not the page's text"
    return (cf.text if cf.text is not None else text), evidence_problem(cf, text)


def _utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def load_or_extract(folder: Path, claims_dir: Path, *, jobs: int = 1, write: bool = True,
                    progress: Progress | None = None, exclude: Iterable[Path] = (),
                    source_timeout: float | None = DEFAULT_SOURCE_TIMEOUT,
                    ) -> tuple[list[ClaimsFile], dict[str, str], RunStats]:  # fmt: skip
    """Claims for every source in `folder`: reused from `claims_dir` when current, else extracted
    (in `jobs` processes) and written back, each as soon as it is done, so a run cut short resumes
    where it stopped. Returns the claims files and the source texts.

    Files that cannot be read as articles, and sources whose extraction runs past
    `source_timeout` seconds, are skipped with a warning in `RunStats.warnings`; SourcesError
    when no source is left. A claims file is used only if its evidence is the source's text
    (`store.evidence_problem`); one that is not is set aside (when writing) and the source
    extracted again. `claims_dir` and the folders in `exclude` are not searched for sources."""
    stats = RunStats()
    if write:  # what a killed run left half written
        for where in (claims_dir, *exclude):
            remove_stale_temporaries(where)
    scan = scan_folder(folder, [claims_dir, *exclude])
    stats.warnings.extend(scan.skipped)
    infos = load_source_info(folder)
    known = {source_id(folder, p) for p in scan.files}
    stats.warnings.extend(
        f"{(folder / SOURCES_FILE).as_posix()}: {name}: no such source in {folder}; ignored"
        for name in sorted(set(infos) - known)
    )
    files: dict[str, ClaimsFile] = {}
    texts: dict[str, str] = {}
    todo: list[str] = []
    for path in scan.files:
        sid = source_id(folder, path)
        if not _utf8(sid):  # bytes no text can hold: it could be neither stored nor reported
            shown = path.as_posix().encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            stats.warnings.append(f"{shown}: the file name is not UTF-8; rename the file; skipped")
            continue
        try:
            data = read_bytes(path)
        except SourceFileError as exc:
            stats.warnings.append(f"{path.as_posix()}: {exc.message}; skipped")
            continue
        sha = hashlib.sha256(data).hexdigest()
        cpath = claims_path(claims_dir, sid)
        if cpath.exists():
            cf = load_claims(cpath)
            reason = stale_reason(cf, sha, infos.get(sid))
            current = reason is None
            if was_hand_edited(cf):
                stats.hand_edited.append(sid)
            if reason is not None:
                stats.stale[sid] = reason
            if current or was_hand_edited(cf):
                try:
                    text, problem = _verified_text(folder, path, data, cf, infos.get(sid))
                    if problem is None and (cf.source.id != sid or any(c.source != sid for c in cf.claims)):
                        problem = "it names another source than the one it is stored for"
                except SourceFileError as exc:
                    stats.warnings.append(f"{path.as_posix()}: {exc.message}; skipped")
                    continue
                if problem is not None:
                    stats.stale[sid] = f"its claims file does not match the source ({problem})"
                    if sid in stats.hand_edited:
                        stats.hand_edited.remove(sid)
                    if write:
                        aside = set_aside(cpath)
                        stats.warnings.append(
                            f"{cpath}: {problem}, so it is not used: the source is extracted again and the "
                            f"edited file kept as {aside.name}; record corrections with "
                            "`factcheck claim correct|add|reject` so they are kept"
                        )
                    todo.append(sid)
                    continue
                if not current:
                    stats.warnings.append(
                        f"{cpath}: edited by hand, so not overwritten, but {reason}; "
                        "delete the file to extract the source again"
                    )
                texts[sid] = text
                files[sid] = cf
                stats.reused += 1
                if progress:
                    progress(sid)
                continue
        else:
            stats.stale[sid] = "no claims file"
        todo.append(sid)
    if todo:
        work = [(str(folder), sid, infos.get(sid), source_timeout) for sid in todo]

        def take(results: Iterable[tuple[ClaimsFile, str] | SourceFileError]) -> None:
            for sid, result in zip(todo, results, strict=True):
                if isinstance(result, SourceFileError):
                    stats.warnings.append(f"{(folder / sid).as_posix()}: {result.message}; skipped")
                    stats.stale.pop(sid, None)
                else:
                    files[sid], texts[sid] = result
                    files[sid].generator = EXTRACTOR_REVISION
                    if write:  # now, not after the last source: a run cut short keeps what it did
                        atomic_write(claims_path(claims_dir, sid), dump_claims(files[sid]))
                if progress:
                    progress(sid)

        if jobs > 1 and len(todo) > 1:
            with ProcessPoolExecutor(max_workers=jobs) as pool:
                take(pool.map(_extract_one, work, chunksize=max(1, len(work) // (jobs * 8))))
        else:
            take(_extract_one(item) for item in work)
        stats.extracted = sum(1 for sid in todo if sid in files)
    ordered = [files[sid] for sid in (source_id(folder, p) for p in scan.files) if sid in files]
    if not ordered:
        passed = "".join(f"\n  {w}" for w in stats.warnings[:8])
        if len(stats.warnings) > 8:
            passed += f"\n  ... and {len(stats.warnings) - 8} more"
        raise SourcesError(
            f"{folder}: no sources to compare" + (f"; files passed over:{passed}" if passed else ""),
            "Put the articles in the folder as .txt, .md or .html files.",
        )
    for cf in ordered:
        stats.warnings.extend(f"{cf.source.id}: {w}" for w in cf.source.warnings)
    return ordered, texts, stats


def _merged(first: Entity, later: Entity) -> Entity:
    """One person in two parts of an incident: the sources and ages of both (the earlier part's first)."""
    return first.model_copy(
        update={
            "sources": sorted({*first.sources, *later.sources}),
            "ages": first.ages + [a for a in later.ages if a not in first.ages],
            "roles": first.roles + [r for r in later.roles if r not in first.roles],
            "mentions": first.mentions + later.mentions,
        }
    )


def build_report(folder_name: str, files: list[ClaimsFile], texts: dict[str, str],
                 grouping: Sequence[GroupingDecision] = (), profiles: Sequence[SourceProfile] | None = None,
                 ) -> Report:  # fmt: skip
    """Group sources into incidents (people's merge and split decisions applied), compare within
    each, and assemble the report. `profiles`: the sources' grouping profiles, when known."""
    incidents = group_incidents(files, [texts[cf.source.id] for cf in files], grouping, profiles)
    by_id = {cf.source.id: cf for cf in files}
    lines = {sid: LineIndex(text) for sid, text in texts.items()}
    pending, agreed = [], []
    entities: list[Entity] = []
    incident_of: dict[str, str] = {}
    alignments, copied = [], []
    published = {cf.source.id: cf.source.published for cf in files}
    copy_of = copies(texts)
    part_of: dict[str, int] = {}  # source → the part of its incident it is compared in (Incident.parts)
    for incident in incidents:
        for s in incident.sources:
            incident_of[s] = incident.id
        named: dict[str, Entity] = {}  # one person of two parts (a crime, its trial): one entity, both parts'
        for k, part in enumerate(incident.parts or [incident.sources]):  # claims of one time, one part
            part_of.update(dict.fromkeys(part, k))
            members = other_times_marked([by_id[s] for s in part], texts)
            alignment = align_sources(members, texts)
            p, a, emap = compare_incident(incident, members)
            pending += p
            accounts = {cf.source.id: account_of(cf.source.id, alignment, copy_of) for cf in members}
            agreed += a + account_agreements(incident.id, members, texts, cited_together(p, a), accounts)
            for e in emap.entities.values():
                named[e.id] = _merged(named[e.id], e) if e.id in named else e
            alignments.append(alignment)
            copied += copy_findings(alignment, incident.id, published, lines)
        entities += [e for e in named.values() if len(e.sources) > 1 or e.ages]
    pairs, agreements = finalize(pending, agreed, lines)
    label = {cf.source.id: cf.source.outlet or cf.source.id for cf in files}
    claims = {c.id: c for cf in files for c in cf.claims}
    # Shared copy is one account, and a conflict each source prints whole is each one's own.
    pairs = merge_findings(each_tells_both(one_account(pairs, alignments), texts), copied, alignments)
    findings = group_facts(pairs, claims, label, part_of)
    corroborations = count_accounts(independent_corroborations(agreements, findings, copy_of), copy_of, alignments)
    summaries = [
        SourceSummary(
            id=cf.source.id,
            title=cf.source.title,
            outlet=cf.source.outlet,
            published=cf.source.published,
            incident=incident_of[cf.source.id],
            claims=len(cf.claims),
            url=cf.source.url,
            copy_of=copy_of.get(cf.source.id),
        )
        for cf in files
    ]
    entities.sort(key=lambda e: e.id)
    for e in entities:
        e.mentions = []  # the report names entities; their mentions live in the claims files
    cited = {ref.claim_id for f in findings for v in f.values for ref in v.claims} | {
        ref.claim_id for c in corroborations for ref in c.claims
    }
    single, background = single_source_claims(files, cited, lines)
    report = Report(
        folder=folder_name, sources=summaries, incidents=incidents, entities=entities,
        discrepancies=findings, corroborations=corroborations, single_source=single, background=background,
        timelines=timelines(incidents, files), shared_copy=[g for a in alignments for g in a.shared],
    )  # fmt: skip
    with_value_spans(report, claims)
    return report


SINGLE_SOURCE_FAMILIES = frozenset({"age", "status", "role"})
SINGLE_SOURCE_RULES = frozenset({"quantity.count", "quantity.money", "quantity.money-hedged", "quantity.number-of",
                                 "quantity.none", "quantity.duration", "date.absolute", "date.weekday"})  # fmt: skip


def single_source_claims(files: list[ClaimsFile], cited: set[str], lines: dict[str, LineIndex],
                         per_source: int = 8) -> tuple[list[ClaimRef], list[ClaimRef]]:  # fmt: skip
    """Claims only one source makes: specific facts (people's ages and positions, statuses, figures,
    dates of events) that no other source confirms or disputes, the first few of each source; and
    apart, those about other times (another year, 'last year'). A source's own publication line
    ('Posted 11/27/2005 7:21 AM') is no claim about the incident."""
    out: list[ClaimRef] = []
    background: list[ClaimRef] = []
    for cf in files:
        chosen = [
            c for c in cf.claims
            if c.id not in cited and (c.rule_family in SINGLE_SOURCE_FAMILIES or c.rule in SINGLE_SOURCE_RULES)
            and not (isinstance(c, StatusClaim) and c.modality not in ("asserted", "negated"))
            and not is_publication_line(c.quote)
            and not (cf.source.published_evidence is not None
                     and c.start < cf.source.published_evidence.end and cf.source.published_evidence.start < c.end)
        ]  # fmt: skip
        other = [c for c in chosen if _other_time(c, cf.year)]
        out += [claim_ref(c, lines) for c in chosen if c not in other][:per_source]
        background += [claim_ref(c, lines) for c in other][:per_source]
    return out, background


def _other_time(claim: ClaimBase, year: int | None) -> bool:
    """About another time than the story: marked so by extraction, or dated to another year."""
    if claim.incident_hint:
        return True
    return isinstance(claim, DateClaim) and claim.date is not None and year is not None and claim.date.year != year


def compare_folder(folder: Path, claims_dir: Path, *, reviews_dir: Path | None = None, jobs: int = 1,
                   write_claims: bool = True, progress: Progress | None = None, exclude: Iterable[Path] = (),
                   source_timeout: float | None = DEFAULT_SOURCE_TIMEOUT,
                   ) -> tuple[Report, RunStats]:  # fmt: skip
    """Everything `factcheck compare` does except writing the report: people's corrections from
    `reviews_dir` are applied to the claims and their decisions attached to the findings. The
    claims, reviews and `exclude` folders are never read as sources."""
    name = folder.resolve().name
    human = ReviewsFile(folder=name)
    rpath = reviews_path(reviews_dir, name) if reviews_dir is not None else None
    if rpath is not None:
        human = load_reviews(rpath, name)  # first: a malformed reviews file stops the run before any write
    exclude = [*exclude, *([reviews_dir] if reviews_dir is not None else [])]
    files, texts, stats = load_or_extract(folder, claims_dir, jobs=jobs, write=write_claims, progress=progress,
                                          exclude=exclude, source_timeout=source_timeout)  # fmt: skip
    key = _report_key(files, human)
    cache = _cache_path(claims_dir, name)
    files, edit_warnings = apply_edits(files, texts, human.edits, str(rpath))
    report = _cached_report(cache, key) if write_claims else None
    if report is None:
        report = build_report(
            name, files, texts, human.incidents, source_profiles(claims_dir, files, texts, write_claims)
        )
        attach_reviews(report, human.decisions)
        present = {cf.source.id for cf in files}
        report.orphaned_grouping = [d for d in human.incidents if not set(d.sources) <= present]
        if write_claims:
            with contextlib.suppress(OSError):  # a cache that cannot be written is only slower
                atomic_write(cache, json.dumps({"key": key, "report": report.model_dump(mode="json")}))
    report.warnings = stats.warnings + edit_warnings
    return report, stats


def source_profiles(claims_dir: Path, files: list[ClaimsFile], texts: dict[str, str], write: bool = True
                    ) -> list[SourceProfile]:  # fmt: skip
    """Each source's grouping profile: read from the store beside the claims files when it was made
    from the same text and claims by the same rules, else worked out (and the store rewritten)."""
    path = signatures_path(claims_dir)
    stored = load_profiles(path)
    profiles = [signature_profile(cf, texts[cf.source.id], stored.get(cf.source.id)) for cf in files]
    if write and profiles_changed(stored, profiles):
        with contextlib.suppress(OSError):  # a store that cannot be written is only slower
            atomic_write(path, dump_profiles(profiles))
    return profiles


def report_markdown(report: Report, claims_dir: Path) -> str:
    """`to_markdown(report)`, reused from the user's cache folder when the same report was rendered
    by the same code last time (a report of a thousand sources takes a second to render)."""
    key = hashlib.sha256(f"{_code_revision()}\x1f{report.model_dump_json()}".encode()).hexdigest()
    path = _cache_path(claims_dir, report.folder).with_suffix(".md.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and data.get("key") == key and isinstance(data.get("markdown"), str):
            return str(data["markdown"])
    except (OSError, ValueError):
        pass  # no cache, or one that cannot be read: render
    text = to_markdown(report)
    with contextlib.suppress(OSError):  # a cache that cannot be written is only slower
        atomic_write(path, json.dumps({"key": key, "markdown": text}))
    return text


def _cache_path(claims_dir: Path, name: str) -> Path:
    """Where compare keeps the last report it built for a claims folder, in the user's cache folder
    ($FACTCHECK_CACHE_DIR, else $XDG_CACHE_HOME/factcheck, else ~/.cache/factcheck): a run over an
    unchanged folder (same claims, reviews and code) reuses it instead of grouping and comparing
    again. Nothing in the project's folders changes; deleting the cache only makes a run slower."""
    root = os.environ.get("FACTCHECK_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "factcheck"
    )
    tag = hashlib.sha256(f"{claims_dir.resolve()}\x1f{name}".encode()).hexdigest()[:16]
    return Path(root) / "reports" / f"{name}-{tag}.json"


def _code_revision() -> str:
    """A hash of every module and word list: a report built by other code is never reused."""
    package = resources.files("factcheck")
    digest = hashlib.sha256()
    for part in sorted(_files(package, (".py", ".yaml"))):
        digest.update(part.encode())
        digest.update(package.joinpath(part).read_bytes())
    digest.update(EXTRACTOR_REVISION.encode())
    return digest.hexdigest()


def _files(folder: Traversable, suffixes: tuple[str, ...], prefix: str = "") -> list[str]:
    """Paths of the files under `folder` whose names end with one of `suffixes`, at any depth
    (the compare and cli subpackages change reports as much as the top-level modules do)."""
    out: list[str] = []
    for entry in folder.iterdir():
        if entry.is_dir():
            if entry.name != "__pycache__":
                out += _files(entry, suffixes, f"{prefix}{entry.name}/")
        elif entry.name.endswith(suffixes):
            out.append(prefix + entry.name)
    return out


def _report_key(files: list[ClaimsFile], human: ReviewsFile) -> str:
    """What a report depends on: each claims file as read (its hash) and its source as described now
    (sources.yaml may date it), people's reviews, the code."""
    digest = hashlib.sha256(_code_revision().encode())
    for cf in files:
        digest.update(f"{cf._read_hash or cf.content_hash}\x1f{cf.source.model_dump_json()}\n".encode())
    digest.update(human.model_dump_json().encode())
    return digest.hexdigest()


def _cached_report(path: Path, key: str) -> Report | None:
    """The cached report if it was built for `key`; anything unreadable is simply rebuilt."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("key") != key:
            return None
        return Report.model_validate(data["report"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
