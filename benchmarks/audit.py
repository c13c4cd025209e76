"""Precision audit on unseen real text: how many of factcheck's findings would a fact-checker want?

The shared clusters' gold files were seen while the rules were written, so their precision says
little about news the rules never met. This audit runs factcheck's library on every ECB+ event
folder (`../shared/corpus/ecbplus/N_ecb` and `N_ecbplus` each on its own: one folder is one
event by ECB+'s annotation, so no finding there mixes two events), collects every discrepancy
finding, samples K of them (seeded, in hash order, round-robin over the topics so that no story dominates) and
writes a judging sheet to benchmarks/work/audit/sheet.md (ignored by git): each finding's
severity, subject, attribute and every cited claim's source, value and full sentence.

People's verdicts live in benchmarks/audit_judgements.json (committed), keyed by a hash of the
finding's claims' folder, sources and quotes, so a verdict survives re-runs and code changes that
keep the finding. A verdict is `real` (a fact-checker would want to see it: the sources state
different specifics of the same fact) or `noise` (different facts, different events, a misread
value, the same value), with a one-line why and an optional short cause tag that is counted (for
noise, what misled the comparison; for real, 'mixed' when the finding also cites other facts).

    .venv/bin/python benchmarks/audit.py                    # K=40, seed 1
    .venv/bin/python benchmarks/audit.py -k 60 --seed 7
    .venv/bin/python benchmarks/audit.py --judge-missing    # list the sampled findings not judged

It prints sampled, judged, real, noise, unjudged and the precision estimate real/judged with a 95%
Wilson interval. Exit 2 on a malformed judgements file.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from factcheck.models import ClaimRef

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "ecbplus"
WORK = ROOT / "benchmarks" / "work" / "audit"
JUDGEMENTS = ROOT / "benchmarks" / "audit_judgements.json"
VERDICTS = ("real", "noise")

Verdict = Literal["real", "noise"]


@dataclass(frozen=True)
class Cited:
    """One claim a finding cites: where it is and what it says."""

    source: str
    value: str  # as the report renders it ('Saturday 24 July 2004 (Saturday)')
    quote: str
    line: int
    words: str  # the source's own words stating the value ('Saturday'), or the value where unknown


@dataclass(frozen=True)
class Sampled:
    """A discrepancy finding of one event folder, as the sheet shows it."""

    folder: str
    topic: str
    severity: str
    subject: str
    attribute: str
    explanation: str
    claims: tuple[Cited, ...]

    @property
    def key(self) -> str:
        return judgement_key(self.folder, [(c.source, c.quote, c.words) for c in self.claims])


@dataclass(frozen=True)
class Judgement:
    verdict: Verdict
    why: str
    cause: str | None = None


def judgement_key(folder: str, claims: Iterable[tuple[str, str, str]]) -> str:
    """A finding's identity for judging: its folder and the set of (source, quote, the source's words
    for the value) it cites; the words tell apart two findings on one pair of sentences ('5 catches'
    and '55 yards'). Order, ids and the report's rendering of values do not enter, so a verdict
    outlives code changes that keep the finding's evidence."""
    payload = json.dumps([folder, sorted(set(claims))], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def sample(findings: Sequence[Sampled], k: int, seed: int) -> list[Sampled]:
    """K findings, round-robin over the topics: the topics, and each topic's findings, in the order
    of a seeded hash of their names and keys; a topic with none left is skipped. Depends only on
    the set of findings, and each finding's place only on its own key: a finding that another
    change removes or adds moves no other finding of its topic, and no other topic."""
    by_topic: dict[str, list[Sampled]] = defaultdict(list)
    for f in sorted(findings, key=lambda f: _draw(seed, f.key)):
        by_topic[f.topic].append(f)
    topics = sorted(by_topic, key=lambda t: _draw(seed, t))
    out: list[Sampled] = []
    rank = 0
    while len(out) < k and any(len(by_topic[t]) > rank for t in topics):
        out += [by_topic[t][rank] for t in topics if len(by_topic[t]) > rank][: k - len(out)]
        rank += 1
    return out


def _draw(seed: int, name: str) -> str:
    """A seeded order that is the name's own: where a name stands never depends on the others."""
    return hashlib.sha256(f"{seed}:{name}".encode()).hexdigest()


def _topic_order(topic: str) -> tuple[int, str]:
    return (int(topic), topic) if topic.isdigit() else (10**9, topic)


def wilson(successes: int, n: int, z: float = 1.959964) -> tuple[float, float]:
    """The Wilson score interval for a proportion (95% by default); (0, 1) when n is 0."""
    if n == 0:
        return (0.0, 1.0)
    p = successes / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return (max(0.0, centre - half), min(1.0, centre + half))


class JudgementsError(Exception):
    """The judgements file cannot be read: one line saying why."""


def load_judgements(path: Path) -> dict[str, Judgement]:
    if not path.exists():
        return {}
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise JudgementsError(f"{path}: not readable JSON ({e})") from e
    if not isinstance(raw, dict) or not isinstance(raw.get("judgements"), dict):
        raise JudgementsError(f"{path}: expected an object with a 'judgements' object")
    out: dict[str, Judgement] = {}
    for key, entry in raw["judgements"].items():
        if not isinstance(entry, dict) or entry.get("verdict") not in VERDICTS:
            raise JudgementsError(f"{path}: judgement {key}: 'verdict' must be one of {', '.join(VERDICTS)}")
        why, cause = entry.get("why"), entry.get("cause")
        if not isinstance(why, str) or not why.strip():
            raise JudgementsError(f"{path}: judgement {key}: 'why' must be a non-empty line")
        if cause is not None and not isinstance(cause, str):
            raise JudgementsError(f"{path}: judgement {key}: 'cause' must be a string")
        out[key] = Judgement(entry["verdict"], why, cause)
    return out


# --- running factcheck -----------------------------------------------------------------------


def event_folders(corpus: Path) -> list[Path]:
    folders = [p for p in corpus.iterdir() if p.is_dir() and p.name.split("_")[0].isdigit()]
    return sorted(folders, key=lambda p: (_topic_order(p.name.split("_")[0]), p.name))


def _words(c: ClaimRef) -> str:
    """The source's words stating a cited value: the value's span inside the quote."""
    if c.value_start is not None and c.value_end is not None and c.start <= c.value_start <= c.value_end <= c.end:
        return c.quote[c.value_start - c.start : c.value_end - c.start]
    return c.value


def findings_of(folder: Path, work: Path) -> list[Sampled]:
    """factcheck's library on one event folder; nothing is written beside the sources."""
    from factcheck.pipeline import compare_folder

    report, _ = compare_folder(folder, work / "claims" / folder.name, jobs=1, write_claims=False)
    out = []
    for d in report.discrepancies:
        cited = tuple(Cited(c.source, c.value, c.quote, c.line, _words(c)) for c in d.claims)
        out.append(Sampled(folder.name, folder.name.split("_")[0], d.severity, d.subject, d.attribute,
                           d.explanation, cited))  # fmt: skip
    return out


# --- the sheet -------------------------------------------------------------------------------


def _one_line(text: str) -> str:
    return " ".join(text.split())


def sheet(chosen: Sequence[Sampled], judged: dict[str, Judgement], corpus: Path, seed: int, total: int) -> str:
    lines = [
        f"# Precision audit sheet: {len(chosen)} of {total} findings, seed {seed}",
        "",
        "Judge each as a careful fact-checker: `real` if the sources state different specifics of the",
        "same fact, else `noise`. Record verdicts in benchmarks/audit_judgements.json under the key.",
        "",
    ]
    for n, f in enumerate(chosen, 1):
        j = judged.get(f.key)
        verdict = f"**{j.verdict}**: {j.why}" if j else "_unjudged_"
        lines += [
            f"## {n}. `{f.key}` {f.folder}: {f.attribute} of {f.subject}",
            "",
            f"- severity: {f.severity}",
            f"- subject: {f.subject}",
            f"- attribute: {f.attribute}",
            f"- explanation: {_one_line(f.explanation)}",
            f"- verdict: {verdict}",
            "",
        ]
        for c in f.claims:
            path = corpus / f.folder / c.source
            lines.append(f"- `{path}` line {c.line}, value **{_one_line(c.value)}**:")
            lines.append(f"  > {_one_line(c.quote)}")
        lines.append("")
    return "\n".join(lines)


def summary(chosen: Sequence[Sampled], judged: dict[str, Judgement]) -> list[str]:
    verdicts = [judged[f.key] for f in chosen if f.key in judged]
    real = sum(j.verdict == "real" for j in verdicts)
    noise = len(verdicts) - real
    lo, hi = wilson(real, len(verdicts))
    precision = f"{real / len(verdicts):.2f}" if verdicts else "-"
    rows = [
        f"sampled {len(chosen)}, judged {len(verdicts)}, real {real}, noise {noise}, "
        f"unjudged {len(chosen) - len(verdicts)}",
        f"precision {precision} (real/judged), 95% Wilson interval {lo:.2f}-{hi:.2f}",
    ]
    for verdict in VERDICTS:
        causes = Counter(j.cause or "(no cause given)" for j in verdicts if j.verdict == verdict)
        if verdict == "real":
            causes.pop("(no cause given)", None)
        if causes:
            rows.append(f"{verdict} by cause: " + ", ".join(f"{c} {n}" for c, n in _by_count(causes)))
    by_severity: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for f in chosen:
        if f.key in judged:
            by_severity[f.severity][0] += judged[f.key].verdict == "real"
            by_severity[f.severity][1] += 1
    for sev, (r, n) in sorted(by_severity.items()):
        rows.append(f"  {sev}: real {r}/{n}")
    return rows


def _by_count(counts: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda x: (-x[1], x[0]))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("-k", type=int, default=40, help="findings to sample (default 40)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the sample (default 1)")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder of ECB+ event folders")
    parser.add_argument("--out", type=Path, default=WORK, help="where sheet.md goes")
    parser.add_argument("--judgements", type=Path, default=JUDGEMENTS, help="the verdicts file")
    parser.add_argument("--judge-missing", action="store_true", help="list the sampled findings not judged")
    args = parser.parse_args(argv)
    if args.k < 1:
        parser.error("-k must be at least 1")
    if not args.corpus.is_dir():
        print(f"error: no corpus folder at {args.corpus}", file=sys.stderr)
        return 2
    try:
        judged = load_judgements(args.judgements)
    except JudgementsError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    folders = event_folders(args.corpus)
    findings: list[Sampled] = []
    for i, folder in enumerate(folders, 1):
        print(f"\r[{i}/{len(folders)}] {folder.name:<12}", end="", file=sys.stderr, flush=True)
        findings += findings_of(folder, args.out)
    print(file=sys.stderr)
    chosen = sample(findings, args.k, args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "sheet.md").write_text(sheet(chosen, judged, args.corpus, args.seed, len(findings)), encoding="utf-8")
    per_folder = Counter(f.folder for f in findings)
    print(f"findings {len(findings)} in {len(per_folder)} of {len(folders)} event folders; "
          f"sheet: {args.out / 'sheet.md'}")  # fmt: skip
    for row in summary(chosen, judged):
        print(row)
    present = [judged[f.key] for f in findings if f.key in judged]
    real = sum(j.verdict == "real" for j in present)
    lo, hi = wilson(real, len(present))
    print(f"every judged finding of this run (any seed's sample): {len(present)}, real {real}, "
          f"precision {real / max(1, len(present)):.2f}, 95% Wilson interval {lo:.2f}-{hi:.2f}")  # fmt: skip
    if args.judge_missing:
        for n, f in enumerate(chosen, 1):
            if f.key not in judged:
                values = " | ".join(sorted({_one_line(c.value) for c in f.claims}))
                print(f"  {n}. {f.key} {f.folder} {f.attribute} of {f.subject}: {values}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
