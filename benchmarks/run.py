"""Speed and scale benchmark for factcheck, on the ECB+ articles (about a thousand real news texts).

Times extraction alone, comparison alone and `factcheck compare` end to end on the corpus and on
copies of it 2x, 4x and 8x as large (new file names, same texts), with peak memory, against a
floor (reading the files and tokenizing them with one regular expression). Then checks incident
grouping: each ECB+ topic holds two different events, so no finding should pair their claims.
Prints a table and writes the measured section of benchmarks/RESULTS.md.

Run from the repository root (takes a few minutes on two cores):

    .venv/bin/python benchmarks/run.py                  # everything
    .venv/bin/python benchmarks/run.py --scales 1,2     # a quicker look
    .venv/bin/python benchmarks/run.py --no-write       # print only, leave RESULTS.md alone

Every measurement runs in a child process, so its peak memory is its own: "peak RSS" is the
largest resident set of any one process of the run (the kernel's figure, as `/usr/bin/time`
gives it); "tree" adds up all processes of the run (main process and extraction workers),
sampled every 50 ms, so it counts pages that forked workers share more than once.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "ecbplus"
WORK = ROOT / "benchmarks" / "work"
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
START_MARK = "<!-- measured: written by benchmarks/run.py; edit outside these marks -->"
END_MARK = "<!-- end of measured section -->"
# The floor: one pass of one regular expression over the text, as cheap as tokenizing gets.
TOKEN = re.compile(r"\w+|[^\w\s]")
EVENT_FOLDER = re.compile(r"^(?P<topic>\d+)_(?P<half>ecb|ecbplus)$")
MB = 1_000_000

# Targets from issue 5.
TARGET_MB_PER_S_PER_CORE = 1.0
TARGET_ECB_SECONDS = 20.0
TARGET_GROWTH_8X = 10.0
TARGET_PEAK_MB_8X = 1000.0


# --- child stages: each runs in its own process and prints one JSON object ----------------------


def _article_files(folder: Path) -> list[Path]:
    from factcheck.ingest import find_source_files

    return find_source_files(folder)


def stage_tokenize(folder: Path) -> dict[str, Any]:
    paths = sorted(p for p in folder.rglob("*") if p.suffix in (".txt", ".md") and p.is_file())
    start = time.perf_counter()
    size = tokens = 0
    for path in paths:
        data = path.read_bytes()
        size += len(data)
        tokens += len(TOKEN.findall(data.decode("utf-8", errors="replace")))
    return {"seconds": time.perf_counter() - start, "files": len(paths), "bytes": size, "tokens": tokens}


def stage_extract(folder: Path) -> dict[str, Any]:
    """Extraction alone, in this one process: reading, segmenting and every extractor."""
    from factcheck.extract import extract_claims
    from factcheck.ingest import read_source

    paths = _article_files(folder)
    start = time.perf_counter()
    size = claims = 0
    for path in paths:
        document = read_source(folder, path)
        size += path.stat().st_size
        claims += len(extract_claims(document).claims)
    return {"seconds": time.perf_counter() - start, "files": len(paths), "bytes": size, "claims": claims}


def stage_compare(folder: Path, claims_dir: Path) -> dict[str, Any]:
    """Comparison alone: claims files already current, so loading them and building the report."""
    from factcheck.pipeline import build_report, load_or_extract

    start = time.perf_counter()
    files, texts, stats = load_or_extract(folder, claims_dir, jobs=1, write=False)
    loaded = time.perf_counter()
    report = build_report(folder.name, files, texts)
    done = time.perf_counter()
    return {
        "load_seconds": loaded - start,
        "seconds": done - loaded,
        "reused": stats.reused,
        "extracted": stats.extracted,
        "incidents": len(report.incidents),
        "findings": len(report.discrepancies),
    }


def stage_topics(topics_dir: Path, claims_root: Path, jobs: int) -> dict[str, Any]:
    """Compare each topic's two event folders together and find what crosses the two events."""
    from factcheck import compare_folder

    out: dict[str, Any] = {}
    for folder in sorted(topics_dir.iterdir(), key=lambda p: int(p.name)):
        report, _ = compare_folder(folder, claims_root / folder.name, jobs=jobs)
        half = {s.id: _event_of(s.id) for s in report.sources}
        mixed = [inc for inc in report.incidents if len({half[s] for s in inc.sources}) > 1]
        crossing = [
            {
                "severity": f.severity,
                "attribute": f.attribute,
                "subject": f.subject,
                "explanation": f.explanation,
                "sources": sorted({c.source for c in f.claims}),
            }
            for f in report.discrepancies
            if len({half[c.source] for c in f.claims}) > 1
        ]
        out[folder.name] = {
            "sources": len(report.sources),
            "incidents": len(report.incidents),
            "mixed_incidents": len(mixed),
            "mixed_sources": sum(len(inc.sources) for inc in mixed),
            "findings": len(report.discrepancies),
            "crossing": crossing,
            "crossing_corroborations": sum(
                1 for c in report.corroborations if len({half[r.source] for r in c.claims}) > 1
            ),
        }
    return out


def _event_of(source_id: str) -> str:
    """The ECB+ event a source belongs to: its 'N_ecb' or 'N_ecbplus' folder."""
    for part in source_id.split("/"):
        if EVENT_FOLDER.match(part):
            return part
    return "?"


def run_child(argv: list[str]) -> None:
    stage, *rest = argv
    if stage == "tokenize":
        result = stage_tokenize(Path(rest[0]))
    elif stage == "extract":
        result = stage_extract(Path(rest[0]))
    elif stage == "compare":
        result = stage_compare(Path(rest[0]), Path(rest[1]))
    elif stage == "topics":
        result = stage_topics(Path(rest[0]), Path(rest[1]), int(rest[2]))
    else:
        raise SystemExit(f"unknown stage {stage}")
    print(json.dumps(result))


# --- measuring a child process --------------------------------------------------------------------


@dataclass
class Measured:
    seconds: float
    peak_mb: float  # largest resident set of any one process (kernel's ru_maxrss)
    tree_mb: float  # sampled sum over the process and its descendants
    returncode: int
    stdout: bytes
    stderr: bytes
    result: dict[str, Any] = field(default_factory=dict)


def _tree_rss(root: int) -> int:
    """Resident bytes of `root` and all its descendants (Linux /proc; 0 elsewhere)."""
    children: dict[int, list[int]] = defaultdict(list)
    try:
        entries = os.listdir("/proc")
    except OSError:
        return 0
    for name in entries:
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", encoding="ascii", errors="replace") as handle:
                ppid = int(handle.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children[ppid].append(int(name))
    total, todo = 0, [root]
    page = os.sysconf("SC_PAGE_SIZE")
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        try:
            with open(f"/proc/{pid}/statm", encoding="ascii") as handle:
                total += int(handle.read().split()[1]) * page
        except (OSError, ValueError, IndexError):
            continue
    return total


def measure(cmd: list[str], out_path: Path | None = None) -> Measured:
    """Run `cmd`, timing it from start to exit and watching its memory. Its output goes to files
    (stdout to `out_path` if given), so a chatty child can never block on a full pipe."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    WORK.mkdir(parents=True, exist_ok=True)
    out_path = out_path or WORK / "child.stdout"
    err_path = WORK / "child.stderr"
    peak_tree = 0
    stop = threading.Event()
    with out_path.open("wb") as out, err_path.open("wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env, cwd=ROOT)

        def sample() -> None:
            nonlocal peak_tree
            while not stop.wait(0.05):
                peak_tree = max(peak_tree, _tree_rss(proc.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        # os.wait4 rather than proc.wait: it also gives the child's resource usage.
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        stop.set()
        sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    peak = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    return Measured(
        seconds,
        peak / 2**20,
        max(peak_tree, peak) / 2**20,
        proc.returncode,
        out_path.read_bytes(),
        err_path.read_bytes(),
    )


def child(stage: str, *args: str) -> Measured:
    m = measure([sys.executable, str(Path(__file__).resolve()), "--child", stage, *args])
    if m.returncode != 0:
        sys.stderr.write(m.stderr.decode(errors="replace"))
        raise SystemExit(f"benchmark stage {stage} failed (exit {m.returncode})")
    m.result = json.loads(m.stdout.decode().strip().splitlines()[-1])
    return m


def run_factcheck(folder: Path, claims: Path, reports: Path, out: Path, jobs: int) -> Measured:
    """`factcheck compare` as a user runs it (a fresh interpreter, JSON on stdout)."""
    cmd = [
        sys.executable,
        "-c",
        "from factcheck.cli import main; main()",
        "compare",
        str(folder),
        "--claims-dir",
        str(claims),
        "--reports-dir",
        str(reports),
        "--format",
        "json",
        "--quiet",
        "--jobs",
        str(jobs),
    ]
    m = measure(cmd, out)
    if m.returncode not in (0, 1):
        sys.stderr.write(m.stderr.decode(errors="replace"))
        raise SystemExit(f"factcheck compare {folder} failed (exit {m.returncode})")
    return m


# --- the corpus and its copies ---------------------------------------------------------------------


def article_paths(corpus: Path) -> list[Path]:
    """The articles of the corpus: every .txt below it (its README is not an article)."""
    return sorted(p for p in corpus.rglob("*.txt") if p.is_file())


def build_scaled(corpus: Path, scale: int, dest: Path) -> int:
    """`scale` copies of the corpus in `dest`: copy 0 under the original names, copy c under
    copy<c>/ with '-copy<c>' added to each file name. Returns the number of bytes."""
    size = 0
    for path in article_paths(corpus):
        rel = path.relative_to(corpus)
        for c in range(scale):
            target = (
                dest / rel if c == 0 else dest / f"copy{c}" / rel.with_name(f"{rel.stem}-copy{c}{rel.suffix}")
            )
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
            size += path.stat().st_size
    return size


def build_topics(corpus: Path, dest: Path) -> list[str]:
    """dest/<N>/ holding both halves of topic N (N_ecb and N_ecbplus), copied."""
    topics: dict[str, list[Path]] = defaultdict(list)
    for sub in corpus.iterdir():
        m = EVENT_FOLDER.match(sub.name)
        if m and sub.is_dir():
            topics[m.group("topic")].append(sub)
    for topic, halves in topics.items():
        for half in halves:
            shutil.copytree(half, dest / topic / half.name)
    return sorted(topics, key=int)


# --- the machine --------------------------------------------------------------------------------


def describe_machine() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "?"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 2**20:.1f} GiB"
    except OSError:
        pass
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 1

    def git(*args: str) -> str:
        try:
            return subprocess.run(
                ["git", *args], cwd=ROOT, capture_output=True, text=True, check=True
            ).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            return "?"

    dirty = git("status", "--porcelain", "--", "src")
    return {
        "cpu": cpu,
        "cores": str(cores),
        "memory": memory,
        "os": f"{platform.system()} {platform.release()}",
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "commit": git("rev-parse", "--short", "HEAD") + (" (src/ has uncommitted changes)" if dirty else ""),
        "date": time.strftime("%Y-%m-%d %H:%M %Z"),
    }


# --- the run ----------------------------------------------------------------------------------------


@dataclass
class Row:
    stage: str
    scale: int
    articles: int
    size: int
    seconds: float
    peak_mb: float
    tree_mb: float
    floor: float | None = None  # seconds of the floor on the same text

    @property
    def mb_per_s(self) -> float:
        return self.size / MB / self.seconds if self.seconds else float("inf")


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def same_output(a: Path, b: Path) -> bool:
    return a.read_bytes() == b.read_bytes()


def crossing_in_report(path: Path) -> dict[str, int]:
    """Findings of a whole-corpus report whose claims come from different ECB+ events."""
    report = json.loads(path.read_text(encoding="utf-8"))
    counts: Counter[str] = Counter()
    for finding in report["discrepancies"]:
        events = {_event_of(c["source"]) for c in finding["claims"]}
        if len(events) == 1:
            counts["same event"] += 1
        elif len({e.split("_")[0] for e in events}) == 1:
            counts["two events of one topic"] += 1
        else:
            counts["different topics"] += 1
    return dict(counts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of articles (ECB+ layout)"
    )
    parser.add_argument("--scales", default="1,2,4,8", help="copies of the corpus to time (default 1,2,4,8)")
    parser.add_argument(
        "--jobs", type=int, default=None, help="factcheck --jobs (default: the cores available)"
    )
    parser.add_argument("--no-topics", action="store_true", help="skip the cross-event check")
    parser.add_argument("--no-write", action="store_true", help="print only; do not update RESULTS.md")
    parser.add_argument("--child", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_child(args.child)
        return
    if not args.corpus.is_dir():
        raise SystemExit(f"{args.corpus}: no such folder; pass --corpus with the ECB+ articles folder")
    try:
        sys.path.insert(0, str(ROOT / "src"))
        import factcheck  # noqa: F401  # fail early, and clearly, if it cannot be imported
    except ImportError as exc:
        raise SystemExit(
            f"cannot import factcheck ({exc}); run with the project's venv: .venv/bin/python"
        ) from exc
    machine = describe_machine()
    jobs = args.jobs or int(machine["cores"])
    scales = sorted({int(s) for s in args.scales.split(",")})
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    began = time.perf_counter()
    rows: list[Row] = []
    checks: dict[str, Any] = {}
    for scale in scales:
        corpus = WORK / f"corpus-x{scale}"
        size = build_scaled(args.corpus, scale, corpus)
        n = len(article_paths(corpus))
        log(f"x{scale}: {n} articles, {size / MB:.1f} MB")
        floor = child("tokenize", str(corpus))
        rows.append(
            Row(
                "floor: read + one regex pass",
                scale,
                n,
                size,
                floor.result["seconds"],
                floor.peak_mb,
                floor.tree_mb,
            )
        )
        f_s = floor.result["seconds"]
        ext = child("extract", str(corpus))
        rows.append(
            Row(
                "extraction alone, 1 process",
                scale,
                n,
                size,
                ext.result["seconds"],
                ext.peak_mb,
                ext.tree_mb,
                f_s,
            )
        )
        log(f"  extraction alone: {ext.result['seconds']:.1f} s")
        claims, reports = WORK / f"claims-x{scale}", WORK / f"reports-x{scale}"
        cold_out, warm_out = WORK / f"x{scale}-cold.json", WORK / f"x{scale}-warm.json"
        cold = run_factcheck(corpus, claims, reports, cold_out, jobs)
        rows.append(
            Row(
                f"compare end to end, cold, --jobs {jobs}",
                scale,
                n,
                size,
                cold.seconds,
                cold.peak_mb,
                cold.tree_mb,
                f_s,
            )
        )
        log(f"  end to end, cold: {cold.seconds:.1f} s")
        cmp_ = child("compare", str(corpus), str(claims))
        rows.append(
            Row(
                "comparison alone (claims in memory)",
                scale,
                n,
                size,
                cmp_.result["seconds"],
                cmp_.peak_mb,
                cmp_.tree_mb,
                f_s,
            )
        )
        log(
            f"  comparison alone: {cmp_.result['seconds']:.1f} s "
            f"(loading claims {cmp_.result['load_seconds']:.1f} s)"
        )
        warm = run_factcheck(corpus, claims, reports, warm_out, jobs)
        rows.append(
            Row(
                "compare end to end, warm (claims reused)",
                scale,
                n,
                size,
                warm.seconds,
                warm.peak_mb,
                warm.tree_mb,
                f_s,
            )
        )
        log(f"  end to end, warm: {warm.seconds:.1f} s")
        checks[f"x{scale}"] = {
            "warm_identical": same_output(cold_out, warm_out),
            "incidents": cmp_.result["incidents"],
            "findings": cmp_.result["findings"],
            "load_seconds": cmp_.result["load_seconds"],
            "crossing": crossing_in_report(cold_out),
        }
        if scale == 1:
            serial_out = WORK / "x1-serial.json"
            serial = run_factcheck(
                corpus, WORK / "claims-x1-serial", WORK / "reports-x1-serial", serial_out, 1
            )
            rows.append(
                Row(
                    "compare end to end, cold, --jobs 1",
                    scale,
                    n,
                    size,
                    serial.seconds,
                    serial.peak_mb,
                    serial.tree_mb,
                    f_s,
                )
            )
            checks["jobs_identical"] = same_output(cold_out, serial_out)
            log(
                f"  end to end, --jobs 1: {serial.seconds:.1f} s; identical to --jobs {jobs}: "
                f"{checks['jobs_identical']}"
            )
            # One source changed: only it is extracted again.
            changed = article_paths(corpus)[0]
            before = {p.name: p.stat().st_mtime_ns for p in claims.iterdir()}
            with changed.open("a", encoding="utf-8") as handle:
                handle.write("An extra sentence added by the benchmark, 42 people were there.\n")
            one = run_factcheck(corpus, claims, reports, WORK / "x1-one-changed.json", jobs)
            after = {p.name: p.stat().st_mtime_ns for p in claims.iterdir()}
            rewritten = sorted(name for name in after if before.get(name) != after[name])
            rows.append(
                Row(
                    "compare end to end, 1 source changed",
                    scale,
                    n,
                    size,
                    one.seconds,
                    one.peak_mb,
                    one.tree_mb,
                    f_s,
                )
            )
            checks["one_changed_rewritten"] = rewritten
            log(
                f"  end to end, one source changed: {one.seconds:.1f} s; "
                f"claims files rewritten: {len(rewritten)}"
            )
    topics: dict[str, Any] = {}
    if not args.no_topics:
        topics_dir = WORK / "topics"
        build_topics(args.corpus, topics_dir)
        log("cross-event check: each topic's two events compared together")
        t = child("topics", str(topics_dir), str(WORK / "topics-claims"), str(jobs))
        topics = t.result
        checks["topics_seconds"] = t.seconds
    elapsed = time.perf_counter() - began
    text = render(machine, jobs, rows, checks, topics, elapsed)
    print(text)
    if not args.no_write:
        write_results(text)
        log(f"wrote {RESULTS.relative_to(ROOT)}")


# --- rendering --------------------------------------------------------------------------------------


def _table(header: list[str], body: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in body]
    return lines


def _verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def render(
    machine: dict[str, str],
    jobs: int,
    rows: list[Row],
    checks: dict[str, Any],
    topics: dict[str, Any],
    elapsed: float,
) -> str:
    out = [
        "## Machine",
        "",
        f"- CPU: {machine['cpu']}, {machine['cores']} cores available; memory {machine['memory']}",
        f"- {machine['os']}, {machine['python']}",
        f"- factcheck at commit {machine['commit']}, measured {machine['date']}; `--jobs {jobs}`",
        f"- whole benchmark: {elapsed:.0f} s",
        "",
        "## Timings",
        "",
        "Seconds are wall-clock. Extraction alone runs in one process, so its MB/s is per core. "
        "End to end is `factcheck compare DIR --format json --quiet` in a fresh interpreter (start-up "
        "included). Comparison alone is grouping and comparing claims already in memory. "
        '"x floor" is the time over the floor\'s on the same text.',
        "",
    ]
    body = [
        [
            r.stage,
            f"{r.scale}x",
            str(r.articles),
            f"{r.size / MB:.1f}",
            f"{r.seconds:.2f}",
            f"{r.mb_per_s:.2f}",
            f"{r.peak_mb:.0f}",
            f"{r.tree_mb:.0f}",
            f"{r.seconds / r.floor:.0f}" if r.floor else "1",
        ]
        for r in sorted(rows, key=lambda r: (r.stage, r.scale))
    ]
    out += _table(
        ["stage", "copies", "articles", "MB", "seconds", "MB/s", "peak RSS MB", "tree RSS MB", "x floor"],
        body,
    )

    def find(stage: str, scale: int) -> Row | None:
        return next((r for r in rows if r.stage.startswith(stage) and r.scale == scale), None)

    out += [
        "",
        "## Growth",
        "",
        "Time at each size over time at 1x (8x the articles should take under 10x).",
        "",
    ]
    growth = []
    for stage in (
        "extraction alone",
        "comparison alone",
        "compare end to end, cold",
        "compare end to end, warm",
    ):
        base = find(stage, 1)
        cells = [stage]
        for scale in sorted({r.scale for r in rows}):
            r = find(stage, scale)
            cells.append(f"{r.seconds / base.seconds:.2f}x" if r and base else "")
        growth.append(cells)
    out += _table(["stage", *[f"{s}x" for s in sorted({r.scale for r in rows})]], growth)

    out += ["", "## Targets", ""]
    ext1, e2e1, e2e8 = (
        find("extraction alone", 1),
        find("compare end to end, cold, --jobs " + str(jobs), 1),
        None,
    )
    e2e8 = find("compare end to end, cold, --jobs " + str(jobs), 8)
    warm1 = find("compare end to end, warm", 1)
    serial1 = find("compare end to end, cold, --jobs 1", 1)
    one1 = find("compare end to end, 1 source changed", 1)
    targets = []
    if ext1:
        targets.append(
            [
                "extraction ≥ 1 MB/s per core",
                f"{ext1.mb_per_s:.2f} MB/s in one process",
                _verdict(ext1.mb_per_s >= TARGET_MB_PER_S_PER_CORE),
            ]
        )
    if e2e1:
        targets.append(
            [
                "ecbplus end to end < 20 s",
                f"{e2e1.seconds:.1f} s",
                _verdict(e2e1.seconds < TARGET_ECB_SECONDS),
            ]
        )
    if e2e1 and e2e8:
        growth8 = e2e8.seconds / e2e1.seconds
        targets.append(
            [
                "8x the articles in < 10x the time (end to end, cold)",
                f"{growth8:.1f}x",
                _verdict(growth8 < TARGET_GROWTH_8X),
            ]
        )
        peak8 = max(r.peak_mb for r in rows if r.scale == 8)
        tree8 = max(r.tree_mb for r in rows if r.scale == 8)
        targets.append(
            [
                "peak memory < 1 GB at 8x",
                f"{peak8:.0f} MB largest process, {tree8:.0f} MB all processes",
                _verdict(tree8 < TARGET_PEAK_MB_8X),
            ]
        )
    if "jobs_identical" in checks:
        targets.append(
            [
                f"`--jobs {jobs}` output identical to `--jobs 1`",
                "byte-identical JSON" if checks["jobs_identical"] else "outputs differ",
                _verdict(checks["jobs_identical"]),
            ]
        )
    if serial1 and e2e1:
        targets.append(
            [
                f"parallel extraction speed-up (`--jobs 1` → `--jobs {jobs}`, end to end)",
                f"{serial1.seconds:.1f} s → {e2e1.seconds:.1f} s ({serial1.seconds / e2e1.seconds:.1f}x)",
                "",
            ]
        )
    if warm1 and e2e1:
        same = all(c["warm_identical"] for k, c in checks.items() if k.startswith("x"))
        targets.append(
            [
                "incremental: second run on an unchanged folder",
                f"{e2e1.seconds:.1f} s → {warm1.seconds:.1f} s ({e2e1.seconds / warm1.seconds:.1f}x faster); "
                f"output {'identical' if same else 'DIFFERENT'}",
                _verdict(same),
            ]
        )
    if one1 and "one_changed_rewritten" in checks:
        rewritten = checks["one_changed_rewritten"]
        targets.append(
            [
                "incremental: one source changed",
                f"{one1.seconds:.1f} s; {len(rewritten)} claims file rewritten",
                _verdict(len(rewritten) == 1),
            ]
        )
    out += _table(["target", "measured", ""], targets)

    out += ["", "## Incident grouping across events", ""]
    if "x1" in checks:
        c = checks["x1"]
        crossing = c["crossing"]
        out += [
            f"Whole corpus in one run (1x): {c['incidents']} incidents for 86 event folders; "
            f"{c['findings']} findings, of which {crossing.get('two events of one topic', 0)} pair "
            f"the two events of one topic and {crossing.get('different topics', 0)} pair different topics "
            f"({crossing.get('same event', 0)} within one event).",
            "",
        ]
    if topics:
        total_cross = sum(len(t["crossing"]) for t in topics.values())
        total_find = sum(t["findings"] for t in topics.values())
        mixed = sum(1 for t in topics.values() if t["mixed_incidents"])
        out += [
            "Each topic's two folders (N_ecb, N_ecbplus: two different events) compared together, "
            f"one run per topic ({checks.get('topics_seconds', 0):.0f} s for {len(topics)} topics). "
            "A finding whose claims come from both events is a false alarm; it should never happen.",
            "",
            f"- findings crossing the two events: **{total_cross}** of {total_find} findings "
            f"({sum(1 for t in topics.values() if t['crossing'])} of {len(topics)} topics)",
            f"- topics where an incident mixes sources of both events: {mixed} of {len(topics)}",
            "- corroborations crossing the two events: "
            f"{sum(t['crossing_corroborations'] for t in topics.values())}",
            "",
        ]
        body = [
            [
                topic,
                str(t["sources"]),
                str(t["incidents"]),
                f"{t['mixed_incidents']} ({t['mixed_sources']} sources)",
                str(t["findings"]),
                str(len(t["crossing"])),
                str(t["crossing_corroborations"]),
            ]
            for topic, t in topics.items()
        ]
        out += _table(
            [
                "topic",
                "sources",
                "incidents",
                "incidents mixing events",
                "findings",
                "crossing findings",
                "crossing corroborations",
            ],
            body,
        )
        worst = sorted(topics.items(), key=lambda kv: (-len(kv[1]["crossing"]), int(kv[0])))
        worst = [(k, t) for k, t in worst if t["crossing"]][:8]
        if worst:
            out += ["", "Worst offenders (crossing findings by attribute):", ""]
            for topic, t in worst:
                kinds = Counter(
                    f"{f['severity']} on {_attribute_kind(f['attribute'])}" for f in t["crossing"]
                )
                example = t["crossing"][0]
                out.append(
                    f"- topic {topic}: {len(t['crossing'])} crossing — "
                    + ", ".join(f"{n} {k}" for k, n in kinds.most_common())
                    + f". E.g. {example['subject']}, {example['attribute']}: {example['explanation']} "
                    f"({' vs '.join(example['sources'])})"
                )
        kinds_all = Counter(_attribute_kind(f["attribute"]) for t in topics.values() for f in t["crossing"])
        if kinds_all:
            out += [
                "",
                "Crossing findings by kind of fact: "
                + ", ".join(f"{k} {n}" for k, n in kinds_all.most_common()),
            ]
    return "\n".join(out) + "\n"


def _attribute_kind(attribute: str) -> str:
    """'killed (earthquake)' → 'quantity', 'date of arrest' → 'date', for tallies."""
    if attribute == "age":
        return "age"
    if attribute.startswith("date of"):
        return "date"
    if attribute.endswith("status"):
        return "status"
    return "quantity"


def write_results(measured: str) -> None:
    """Replace the measured section of RESULTS.md, keeping the hand-written notes around it."""
    block = f"{START_MARK}\n\n{measured}\n{END_MARK}"
    if RESULTS.exists():
        text = RESULTS.read_text(encoding="utf-8")
        if START_MARK in text and END_MARK in text:
            head, rest = text.split(START_MARK, 1)
            tail = rest.split(END_MARK, 1)[1]
            RESULTS.write_text(head + block + tail, encoding="utf-8")
            return
    RESULTS.write_text(
        "# Benchmark results\n\nWritten by `python benchmarks/run.py`.\n\n" + block + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
