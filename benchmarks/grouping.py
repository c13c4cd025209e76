"""Incident grouping against a peer's annotation: ECB+'s event folders.

ECB+ (`../shared/corpus/ecbplus/`) has 43 topics, each with two different but similar events in
the folders `N_ecb` and `N_ecbplus` (two earthquakes, two coaches fired). The event folder of an
article is the truth. This groups the whole corpus as one folder, and each topic alone, with the
grouping `factcheck compare` uses, and prints:

- B-cubed precision and recall of the incidents against the event folders, overall and for the
  odd and the even topics (tune on one half, confirm on the other);
- the number of incidents against the number of events, and the largest incident;
- findings whose claims come from two events (false alarms by construction);
- the time grouping takes, claims already in memory (best of three): with the signatures read from
  the store beside the claims files, as a re-run reads them, and with them worked out anew.

Run from the repository root with the project's venv:

    .venv/bin/python benchmarks/grouping.py            # print the table
    .venv/bin/python benchmarks/grouping.py --write    # and write it into benchmarks/RESULTS.md
    .venv/bin/python benchmarks/grouping.py --pairs 1  # one-change report pairs split in two

Claims are extracted once into benchmarks/work/grouping/ (ignored by git) and reused while the
articles and the rules are unchanged.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from factcheck import signature
from factcheck.incidents import group_incidents
from factcheck.models import ClaimsFile, Incident, Report
from factcheck.pipeline import build_report, load_or_extract, source_profiles

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "ecbplus"
WORK = ROOT / "benchmarks" / "work" / "grouping"
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
START_MARK = "<!-- grouping: written by benchmarks/grouping.py; edit outside these marks -->"
END_MARK = "<!-- end of grouping section -->"
EVENT_FOLDER = re.compile(r"^(?P<topic>\d+)_(?P<half>ecb|ecbplus)$")

Grouper = Callable[[list[ClaimsFile], list[str]], list[Incident]]


def event_of(source_id: str) -> str | None:
    """The ECB+ event of a source: its 'N_ecb' or 'N_ecbplus' folder (None outside them)."""
    for part in source_id.split("/"):
        if EVENT_FOLDER.match(part):
            return part
    return None


def topic_of(event: str) -> int:
    return int(event.split("_")[0])


def bcubed(
    incidents: Sequence[Sequence[str]], gold: dict[str, str], items: set[str] | None = None
) -> tuple[float, float]:
    """B-cubed precision and recall of `incidents` (lists of source ids) against the gold label of
    each source, averaged over `items` (every source by default)."""
    cluster_of = {s: i for i, inc in enumerate(incidents) for s in inc}
    size: Counter[int] = Counter(cluster_of.values())
    overlap: Counter[tuple[int, str]] = Counter((cluster_of[s], gold[s]) for s in cluster_of)
    gold_size: Counter[str] = Counter(gold[s] for s in cluster_of)
    chosen = sorted(items if items is not None else cluster_of)
    if not chosen:
        return 1.0, 1.0
    p = sum(overlap[(cluster_of[s], gold[s])] / size[cluster_of[s]] for s in chosen) / len(chosen)
    r = sum(overlap[(cluster_of[s], gold[s])] / gold_size[gold[s]] for s in chosen) / len(chosen)
    return p, r


def crossing(report: Report, gold: dict[str, str]) -> int:
    """Findings whose claims come from two events."""
    return sum(1 for f in report.discrepancies if len({gold[c.source] for c in _claims(f)}) > 1)


def _claims(finding: Any) -> list[Any]:
    """Every claim a finding cites: on each of its values where it has them."""
    values = getattr(finding, "values", None)
    if values:
        return [c for v in values for c in v.claims]
    return list(finding.claims)


def load_corpus(corpus: Path, jobs: int) -> tuple[list[ClaimsFile], dict[str, str]]:
    """Claims of every article in the event folders (the README is not an article)."""
    files, texts, _ = load_or_extract(corpus, WORK / "claims", jobs=jobs)
    files = [cf for cf in files if event_of(cf.source.id)]
    return files, texts


def timed_grouping(grouper: Grouper, files: list[ClaimsFile], texts: list[str], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        signature._PROFILES.clear()  # as in a new process: nothing in memory
        start = time.process_time()  # CPU seconds: steadier than wall time on a shared machine
        grouper(files, texts)
        best = min(best, time.process_time() - start)
    return best


def from_store(files: list[ClaimsFile], texts: list[str]) -> list[Incident]:
    """Grouping as a re-run does it: the signatures read from the store beside the claims files."""
    by_id = {cf.source.id: t for cf, t in zip(files, texts, strict=True)}
    return group_incidents(files, texts, (), source_profiles(WORK / "claims", files, by_id))


def evaluate(files: list[ClaimsFile], texts: dict[str, str], grouper: Grouper) -> dict[str, Any]:
    gold = {cf.source.id: e for cf in files if (e := event_of(cf.source.id))}
    odd = {s for s, e in gold.items() if topic_of(e) % 2 == 1}
    even = set(gold) - odd
    undated = Counter(gold[cf.source.id].split("_")[1] for cf in files if cf.source.published is None)
    halves = Counter(e.split("_")[1] for e in gold.values())

    report = build_report("ecbplus", files, texts)
    groups = [inc.sources for inc in report.incidents]
    whole: dict[str, Any] = {
        "sources": len(files),
        "events": len(set(gold.values())),
        "incidents": len(groups),
        "largest": max(len(g) for g in groups),
        "mixed": sum(1 for g in groups if len({gold[s] for s in g}) > 1),
        "findings": len(report.discrepancies),
        "crossing": crossing(report, gold),
        "bcubed": bcubed(groups, gold),
        "bcubed_odd": bcubed(groups, gold, odd),
        "bcubed_even": bcubed(groups, gold, even),
        "seconds": timed_grouping(from_store, files, [texts[cf.source.id] for cf in files]),
        "seconds_cold": timed_grouping(grouper, files, [texts[cf.source.id] for cf in files]),
        "undated": {h: f"{undated[h]} of {halves[h]}" for h in sorted(halves)},
    }
    by_topic: dict[int, list[ClaimsFile]] = defaultdict(list)
    for cf in files:
        by_topic[topic_of(gold[cf.source.id])].append(cf)
    topics: dict[int, dict[str, Any]] = {}
    all_groups: list[list[str]] = []
    for topic, members in sorted(by_topic.items()):
        rep = build_report(str(topic), members, {cf.source.id: texts[cf.source.id] for cf in members})
        tg = [inc.sources for inc in rep.incidents]
        all_groups += tg
        topics[topic] = {
            "sources": len(members),
            "incidents": len(tg),
            "mixed": sum(1 for g in tg if len({gold[s] for s in g}) > 1),
            "findings": len(rep.discrepancies),
            "crossing": crossing(rep, gold),
            "bcubed": bcubed(tg, gold),
        }
    per_topic = {
        "bcubed": bcubed(all_groups, gold),
        "bcubed_odd": bcubed(all_groups, gold, odd),
        "bcubed_even": bcubed(all_groups, gold, even),
        "incidents": len(all_groups),
        "mixed_topics": sum(1 for t in topics.values() if t["mixed"]),
        "findings": sum(t["findings"] for t in topics.values()),
        "crossing": sum(t["crossing"] for t in topics.values()),
        "largest": max(len(g) for g in all_groups),
    }
    return {"whole": whole, "per_topic": per_topic, "topics": topics}


def split_pairs(corpus: Path, seed: int, per_kind: int = 24) -> dict[str, tuple[int, int, int, int]]:
    """Report pairs of benchmarks/onechange.py's reports suite (two different reports of one ECB+
    event, one specific changed in one of them, and the same pair unchanged) that grouping puts in
    two incidents: each is one event by construction, so every split is a loss of grouping's recall.
    By kind: (changed pairs split, changed pairs, unchanged pairs split, unchanged pairs)."""
    import shutil
    import tempfile

    sys.path.insert(0, str(ROOT / "benchmarks"))
    import onechange  # the suite's own generator, so the pairs are the suite's

    out = Path(tempfile.mkdtemp(prefix="grouping-pairs-"))
    try:
        suites = onechange.write_reports(onechange.articles(corpus), out / "clusters", per_kind, seed)
        counts: dict[str, tuple[int, int, int, int]] = {}
        for kind, (changed, unchanged) in suites.items():
            row: list[int] = []
            for golds in (changed, unchanged):
                split = 0
                for gold in golds:
                    name = gold.name.removesuffix(".gold.json")
                    pair, texts, _ = load_or_extract(gold.parent / name, out / "claims" / name, jobs=1)
                    split += len(group_incidents(pair, [texts[cf.source.id] for cf in pair])) > 1
                row += [split, len(golds)]
            counts[kind] = (row[0], row[1], row[2], row[3])
        return counts
    finally:
        shutil.rmtree(out, ignore_errors=True)


def _pr(pair: tuple[float, float]) -> str:
    return f"{pair[0]:.3f} / {pair[1]:.3f}"


def render(result: dict[str, Any], commit: str) -> str:
    w, t = result["whole"], result["per_topic"]
    lines = [
        f"Measured at commit {commit} with `.venv/bin/python benchmarks/grouping.py`. B-cubed is over "
        "sources (an article's event folder is its truth); odd and even are the two halves of the topics "
        "(a cause is found on one half and the fix confirmed on the other).",
        "",
        "| run | sources | events | incidents | largest | incidents mixing events | B-cubed P / R | odd topics P / R "
        "| even topics P / R | findings | findings from two events |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
        f"| whole corpus as one folder | {w['sources']} | {w['events']} | {w['incidents']} | {w['largest']} | "
        f"{w['mixed']} | {_pr(w['bcubed'])} | {_pr(w['bcubed_odd'])} | {_pr(w['bcubed_even'])} | "
        f"{w['findings']} | {w['crossing']} |",
        f"| topic by topic (43 runs) | {w['sources']} | {w['events']} | {t['incidents']} | {t['largest']} | "
        f"{t['mixed_topics']} topics | {_pr(t['bcubed'])} | {_pr(t['bcubed_odd'])} | {_pr(t['bcubed_even'])} | "
        f"{t['findings']} | {t['crossing']} |",
        "",
        f"Grouping the whole corpus (claims in memory, CPU seconds, best of 3): {w['seconds']:.2f} s with the "
        "signatures "
        f"read from the store beside the claims files, {w['seconds_cold']:.2f} s working them out. "
        f"Sources without a publication date: {', '.join(f'{h} {v}' for h, v in w['undated'].items())}.",
        "",
        "| topic | sources | incidents | mixing | B-cubed P / R | findings | from two events |",
        "|---|---|---|---|---|---|---|",
    ]
    for topic, r in result["topics"].items():
        lines.append(
            f"| {topic} | {r['sources']} | {r['incidents']} | {r['mixed']} | {_pr(r['bcubed'])} | "
            f"{r['findings']} | {r['crossing']} |"
        )
    return "\n".join(lines) + "\n"


def write_results(table: str) -> None:
    text = RESULTS.read_text(encoding="utf-8")
    block = f"{START_MARK}\n\n{table}\n{END_MARK}"
    if START_MARK in text and END_MARK in text:
        head, _, rest = text.partition(START_MARK)
        _, _, tail = rest.partition(END_MARK)
        text = head + block + tail
    else:
        text = text.rstrip("\n") + "\n\n## Incident grouping against the ECB+ event folders\n\n" + block + "\n"
    RESULTS.write_text(text, encoding="utf-8")


def _commit() -> str:
    import subprocess

    try:
        out = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "src"], capture_output=True, text=True)
    except OSError:
        return "unknown"
    return out.stdout.strip() + (" (with uncommitted changes)" if dirty.stdout.strip() else "")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="the ECB+ folder")
    parser.add_argument("--jobs", type=int, default=2, help="processes for the first extraction")
    parser.add_argument("--write", action="store_true", help="write the table into benchmarks/RESULTS.md")
    parser.add_argument(
        "--pairs",
        type=int,
        metavar="SEED",
        help="instead: the one-change reports suite's pairs (onechange.py --seed SEED) grouping splits in two",
    )
    args = parser.parse_args(argv)
    if args.pairs is not None:
        rows = split_pairs(args.corpus, args.pairs)
        sys.stdout.write(
            f"One-change report pairs put in two incidents (onechange.py --suite reports --seed {args.pairs}):\n\n"
            "| kind | changed pairs split | unchanged pairs split |\n|---|---|---|\n"
        )
        for kind, (cs, cn, us, un) in rows.items():
            sys.stdout.write(f"| {kind} | {cs} of {cn} | {us} of {un} |\n")
        total = [sum(r[k] for r in rows.values()) for k in range(4)]
        sys.stdout.write(f"| all | {total[0]} of {total[1]} | {total[2]} of {total[3]} |\n")
        return
    files, texts = load_corpus(args.corpus, args.jobs)
    grouper: Grouper = group_incidents  # what compare uses
    result = evaluate(files, texts, grouper)
    table = render(result, _commit())
    sys.stdout.write(table)
    if args.write:
        write_results(table)


if __name__ == "__main__":
    main()
