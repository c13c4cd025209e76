"""Speed and scale benchmark for factcheck, on the ECB+ articles (about a thousand real news texts).

Times extraction alone, comparison alone and `factcheck compare` end to end on the corpus and on
copies of it 2x, 4x and 8x as large (new file names, same texts), with peak memory, against a
floor (reading the files and tokenizing them with one regular expression). Then checks incident
grouping: each ECB+ topic holds two different events, so no finding should pair their claims.
Prints a table and writes the measured section of benchmarks/RESULTS.md.

Run from the repository root (several minutes on two cores, most of it extraction):

    .venv/bin/python benchmarks/run.py                  # everything
    .venv/bin/python benchmarks/run.py --scales 1,2     # a quicker look
    .venv/bin/python benchmarks/run.py --no-write       # print only, leave RESULTS.md alone

Its files go to benchmarks/work/ (ignored by git), including a copy of src/ taken at the start
that every run uses, so edits made to the tree meanwhile do not mix into the figures.

Every measurement runs in a child process, so its peak memory is its own: "peak RSS" is the
largest resident set of any one process of the run (the kernel's figure, as `/usr/bin/time`
gives it); "all processes" adds up the run's processes (main process and extraction workers),
sampled every 20 ms, so it counts pages that forked workers share more than once. A run that
takes longer than --time-limit is stopped, and that stage is not run at larger sizes.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "ecbplus"
WORK = ROOT / "benchmarks" / "work"
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
# Every run uses a copy of src/ taken at the start, so edits made meanwhile cannot mix two versions
# of the code (or make claims extracted a minute ago look stale) in one benchmark.
SRC = WORK / "src"
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
    start, cpu = time.perf_counter(), time.process_time()
    size = tokens = 0
    for path in paths:
        data = path.read_bytes()
        size += len(data)
        tokens += len(TOKEN.findall(data.decode("utf-8", errors="replace")))
    return {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu, "bytes": size}


def stage_extract(folder: Path) -> dict[str, Any]:
    """Extraction alone, in this one process: reading, segmenting and every extractor."""
    from factcheck.extract import extract_claims
    from factcheck.ingest import read_source

    paths = _article_files(folder)
    start, cpu = time.perf_counter(), time.process_time()
    size = claims = 0
    for path in paths:
        document = read_source(folder, path)
        size += path.stat().st_size
        claims += len(extract_claims(document).claims)
    return {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu, "claims": claims}


def stage_compare(folder: Path, claims_dir: Path) -> dict[str, Any]:
    """Comparison alone: claims files already current, so loading them and building the report."""
    from factcheck.pipeline import build_report, load_or_extract

    start = time.perf_counter()
    files, texts, stats = load_or_extract(folder, claims_dir, jobs=1, write=False)
    loaded, cpu = time.perf_counter(), time.process_time()
    report = build_report(folder.name, files, texts)
    done = time.perf_counter()
    return {
        "load_seconds": loaded - start,
        "seconds": done - loaded,
        "cpu": time.process_time() - cpu,
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
    cpu: float  # user + system seconds of the process and its workers
    peak_mb: float  # largest resident set of any one process (the kernel's ru_maxrss)
    tree_mb: float  # sampled sum over the process and its descendants
    returncode: int
    timed_out: bool
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


def measure(cmd: list[str], limit: float, out_path: Path | None = None) -> Measured:
    """Run `cmd` with the checkout's src/ first on the path, timing it from start to exit and
    watching its memory; stop it (and its workers) after `limit` seconds. Output goes to files
    (stdout to `out_path` if given), so a chatty child never blocks on a full pipe."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), env.get("PYTHONPATH")]))
    out_path = out_path or WORK / "child.stdout"
    err_path = WORK / "child.stderr"
    peak_tree, timed_out = 0, False
    with out_path.open("wb") as out, err_path.open("wb") as err:
        start = time.perf_counter()
        # A session of its own, so the run and its extraction workers can be stopped together.
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env, cwd=ROOT, start_new_session=True)
        while True:
            # os.wait4 rather than proc.wait: it also gives the child's resource usage.
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            peak_tree = max(peak_tree, _tree_rss(proc.pid))
            if not timed_out and time.perf_counter() - start > limit:
                timed_out = True
                os.killpg(proc.pid, signal.SIGKILL)
            time.sleep(0.02)
        seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    peak = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    return Measured(
        seconds,
        usage.ru_utime + usage.ru_stime,
        peak / 2**20,
        max(peak_tree, peak) / 2**20,
        proc.returncode,
        timed_out,
        out_path.read_bytes(),
        err_path.read_bytes(),
    )


def _failed(what: str, m: Measured) -> SystemExit:
    sys.stderr.write(m.stderr.decode(errors="replace"))
    return SystemExit(f"benchmark: {what} failed (exit {m.returncode})")


def child(limit: float, stage: str, *args: str | Path) -> Measured:
    """One of this script's child stages; its JSON result in `.result` (unless it timed out)."""
    m = measure([sys.executable, str(Path(__file__).resolve()), "--child", stage, *map(str, args)], limit)
    if m.timed_out:
        return m
    if m.returncode != 0:
        raise _failed(f"stage {stage}", m)
    m.result = json.loads(m.stdout.decode().strip().splitlines()[-1])
    return m


def factcheck_compare(limit: float, folder: Path, claims: Path, out: Path, jobs: int) -> Measured:
    """`factcheck compare` as a user runs it: a fresh interpreter, the report as JSON on stdout."""
    cmd = [
        sys.executable,
        "-c",
        "from factcheck.cli import main; main()",
        "compare",
        str(folder),
        "--claims-dir",
        str(claims),
        "--reports-dir",
        str(claims.with_name(claims.name + "-reports")),
        "--reviews-dir",
        str(WORK / "no-reviews"),
        "--format",
        "json",
        "--quiet",
        "--jobs",
        str(jobs),
    ]
    m = measure(cmd, limit, out)
    if not m.timed_out and m.returncode not in (0, 1):
        raise _failed(f"factcheck compare {folder}", m)
    return m


# --- the corpus and its copies ---------------------------------------------------------------------


def article_paths(corpus: Path) -> list[Path]:
    """The articles of the corpus: every .txt below it (its README is not an article)."""
    return sorted(p for p in corpus.rglob("*.txt") if p.is_file())


def build_scaled(corpus: Path, scale: int, dest: Path, distinct: bool = False) -> int:
    """`scale` copies of the corpus in `dest`: copy 0 under the original names, copy c under
    copy<c>/ with '-copy<c>' added to each file name. With `distinct`, copy c ends with a line of
    its own, so no two texts are the same. Returns the number of bytes."""
    size = 0
    for path in article_paths(corpus):
        rel = path.relative_to(corpus)
        data = path.read_bytes()
        for c in range(scale):
            target = dest / rel if c == 0 else dest / f"copy{c}" / rel.with_stem(f"{rel.stem}-copy{c}")
            target.parent.mkdir(parents=True, exist_ok=True)
            text = data + f"Benchmark copy {'abcdefghijklmnop'[c % 16]}.\n".encode() if distinct and c else data
            target.write_bytes(text)
            size += len(text)
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
    memory = "?"
    try:
        cpu = next(
            (
                line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")
            ),
            cpu,
        )
        kib = next(
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
        memory = f"{kib / 2**20:.1f} GiB"
    except (OSError, StopIteration, ValueError):
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1

    def git(*args: str) -> str:
        try:
            run = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True)
        except (OSError, subprocess.CalledProcessError):
            return "?"
        return run.stdout.strip()

    dirty = git("status", "--porcelain", "--", "src")
    return {
        "cpu": cpu,
        "cores": str(cores),
        "memory": memory,
        "os": f"{platform.system()} {platform.release()}",
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "commit": git("rev-parse", "--short", "HEAD") + (" with uncommitted changes in src/" if dirty else ""),
        "date": time.strftime("%Y-%m-%d %H:%M %Z"),
        "load": _load(),
    }


def _load() -> str:
    try:
        return "{:.1f} {:.1f} {:.1f}".format(*os.getloadavg())
    except OSError:
        return "?"


# --- the run ----------------------------------------------------------------------------------------

# Stages in table order: key → label.
STAGES = {
    "floor": "floor: read + one regex pass",
    "extract": "extraction alone, 1 process",
    "compare": "comparison alone (claims in memory)",
    "cold": "compare end to end, cold",
    "warm": "compare end to end, warm (claims reused)",
    "changed": "compare end to end, 1 source changed",
    "serial": "compare end to end, cold, --jobs 1",
    "distinct": "compare end to end, cold, copies made distinct",
    "distinct-compare": "comparison alone, copies made distinct",
}


@dataclass
class Row:
    stage: str
    scale: int
    articles: int
    size: int
    seconds: float | None  # None: stopped at the time limit
    cpu: float | None
    peak_mb: float
    tree_mb: float
    floor: float | None = None  # seconds of the floor on the same text

    @property
    def mb_per_s(self) -> float | None:
        return self.size / MB / self.seconds if self.seconds else None


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class Bench:
    """The measurements of one benchmark run."""

    def __init__(self, corpus: Path, jobs: int, limit: float, extract_scales: set[int]) -> None:
        self.corpus, self.jobs, self.limit, self.extract_scales = corpus, jobs, limit, extract_scales
        self.rows: list[Row] = []
        self.checks: dict[str, Any] = {}
        self.topics: dict[str, Any] = {}
        self.stopped: set[str] = set()  # stages that hit the time limit: not run at larger sizes

    def row(self, stage: str) -> dict[int, Row]:
        return {r.scale: r for r in self.rows if r.stage == stage}

    def record(self, stage: str, scale: int, n: int, size: int, m: Measured, floor: float | None = None) -> bool:
        """Add a row: the child's own timing of its work if it reports one, else the whole run's.
        False if the run was stopped at the time limit."""
        seconds = None if m.timed_out else m.result.get("seconds", m.seconds)
        cpu = None if m.timed_out else m.result.get("cpu", m.cpu)
        if seconds is None:
            self.stopped.add(stage)
            log(f"  {STAGES[stage]}: stopped after {self.limit:.0f} s")
        else:
            log(f"  {STAGES[stage]}: {seconds:.1f} s ({cpu:.1f} s CPU), peak {m.peak_mb:.0f} MB")
        self.rows.append(Row(stage, scale, n, size, seconds, cpu, m.peak_mb, m.tree_mb, floor))
        return seconds is not None

    def scale(self, scale: int) -> None:
        corpus = WORK / f"corpus-x{scale}"
        size = build_scaled(self.corpus, scale, corpus)
        n = len(article_paths(corpus))
        log(f"{scale}x: {n} articles, {size / MB:.1f} MB")
        floor = child(self.limit, "tokenize", corpus)
        self.record("floor", scale, n, size, floor)
        f_s = floor.result.get("seconds")
        if "extract" not in self.stopped and scale in self.extract_scales:
            m = child(self.limit, "extract", corpus)
            self.record("extract", scale, n, size, m, f_s)
        claims = WORK / f"claims-x{scale}"
        out = {k: WORK / f"x{scale}-{k}.json" for k in ("cold", "warm", "serial", "changed")}
        if "cold" in self.stopped:
            return
        m = self.best_cold(corpus, claims, out["cold"], self.jobs, repeat=2 if scale == 1 else 1)
        if not self.record("cold", scale, n, size, m, floor=f_s) and len(list(claims.glob("*.json"))) < n:
            return  # stopped before the claims were written: nothing to reuse
        if "compare" not in self.stopped:
            m = child(self.limit, "compare", corpus, claims)
            self.record("compare", scale, n, size, m, f_s)
            if m.result:
                self.checks[f"x{scale}"] = {k: m.result[k] for k in ("incidents", "findings", "load_seconds")}
                if m.result["extracted"]:
                    log(f"  warning: {m.result['extracted']} sources were extracted again in 'comparison alone'")
        if "warm" not in self.stopped:
            m = factcheck_compare(self.limit, corpus, claims, out["warm"], self.jobs)
            if self.record("warm", scale, n, size, m, floor=f_s) and self.row("cold")[scale].seconds is not None:
                self.checks.setdefault("warm_identical", {})[scale] = same_output(out["cold"], out["warm"])
        if self.row("cold")[scale].seconds is not None:
            self.checks.setdefault("crossing", {})[scale] = crossing_in_report(out["cold"])
        if scale == 1:
            self.first_scale_extras(corpus, n, size, f_s, out)

    def best_cold(self, corpus: Path, claims: Path, out: Path, jobs: int, repeat: int) -> Measured:
        """The fastest of `repeat` cold runs (claims removed before each): on a shared machine one
        run can lose a core to other work, which says nothing about factcheck."""
        best = None
        for _ in range(repeat):
            shutil.rmtree(claims, ignore_errors=True)
            m = factcheck_compare(self.limit, corpus, claims, out, jobs)
            if best is None or m.timed_out or m.seconds < best.seconds:
                best = m
            if m.timed_out:
                break
        assert best is not None
        return best

    def first_scale_extras(self, corpus: Path, n: int, size: int, floor: float | None, out: dict[str, Path]) -> None:
        """At 1x: a serial run (same output?) and a run after one source changed (one re-extracted?)."""
        m = self.best_cold(corpus, WORK / "claims-x1-serial", out["serial"], 1, repeat=2)
        if self.record("serial", 1, n, size, m, floor=floor) and self.row("cold")[1].seconds is not None:
            self.checks["jobs_identical"] = same_output(out["cold"], out["serial"])
        claims = WORK / "claims-x1"
        changed = article_paths(corpus)[0]
        before = {p.name: p.stat().st_mtime_ns for p in claims.glob("*.json")}
        with changed.open("a", encoding="utf-8") as handle:
            handle.write("A sentence added by the benchmark said 42 people were there.\n")
        m = factcheck_compare(self.limit, corpus, claims, out["changed"], self.jobs)
        after = {p.name: p.stat().st_mtime_ns for p in claims.glob("*.json")}
        if self.record("changed", 1, n, size, m, floor=floor):
            self.checks["rewritten"] = sorted(name for name in after if before.get(name) != after[name])

    def distinct(self, scale: int) -> None:
        """Copies that differ by one line: nothing for incident grouping to fold together, so this
        shows how comparison grows with distinct articles rather than with exact copies."""
        corpus = WORK / f"corpus-x{scale}-distinct"
        size = build_scaled(self.corpus, scale, corpus, distinct=True)
        n = len(article_paths(corpus))
        log(f"{scale}x, copies made distinct: {n} articles, {size / MB:.1f} MB")
        claims = WORK / f"claims-x{scale}-distinct"
        m = factcheck_compare(self.limit, corpus, claims, WORK / f"x{scale}-distinct.json", self.jobs)
        if self.record("distinct", scale, n, size, m) or len(list(claims.glob("*.json"))) >= n:
            self.record("distinct-compare", scale, n, size, child(self.limit, "compare", corpus, claims))

    def cross_event(self) -> None:
        topics_dir = WORK / "topics"
        build_topics(self.corpus, topics_dir)
        log("cross-event check: each topic's two event folders compared together")
        m = child(self.limit * 2, "topics", topics_dir, WORK / "topics-claims", str(self.jobs))
        if m.timed_out:
            log(f"  stopped after {self.limit * 2:.0f} s")
            return
        self.topics = m.result
        self.checks["topics_seconds"] = m.seconds


def same_output(a: Path, b: Path) -> bool:
    return a.read_bytes() == b.read_bytes()


def crossing_in_report(path: Path) -> dict[str, int]:
    """Findings of a whole-corpus report, by whether their claims come from different ECB+ events."""
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
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of articles in ECB+ layout")
    parser.add_argument("--scales", default="1,2,4,8", help="copies of the corpus to time (default 1,2,4,8)")
    parser.add_argument(
        "--extract-scales",
        default="1,2",
        help="sizes at which to time extraction alone (default 1,2: it is per source, so linear by construction)",
    )
    parser.add_argument("--jobs", type=int, default=None, help="factcheck --jobs (default: the cores available)")
    parser.add_argument("--time-limit", type=float, default=120.0, help="seconds before a run is stopped")
    parser.add_argument(
        "--distinct", type=int, default=2, help="also time this many copies made distinct by a line (0: skip)"
    )
    parser.add_argument("--no-topics", action="store_true", help="skip the cross-event check")
    parser.add_argument("--no-write", action="store_true", help="print only; leave RESULTS.md alone")
    parser.add_argument("--child", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_child(args.child)
        return
    if not args.corpus.is_dir():
        raise SystemExit(f"{args.corpus}: no such folder; pass --corpus with the ECB+ articles folder")
    sys.path.insert(0, str(ROOT / "src"))
    try:
        import factcheck  # noqa: F401  # fail early, and clearly, if it cannot be imported
    except ImportError as exc:
        raise SystemExit(f"cannot import factcheck ({exc}); run it with the project's .venv/bin/python") from exc
    machine = describe_machine()
    extract_scales = {int(s) for s in args.extract_scales.split(",")}
    bench = Bench(args.corpus, args.jobs or int(machine["cores"]), args.time_limit, extract_scales)
    shutil.rmtree(WORK, ignore_errors=True)
    shutil.copytree(ROOT / "src", SRC, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    began = time.perf_counter()
    for scale in sorted({int(s) for s in args.scales.split(",")}):
        bench.scale(scale)
    if args.distinct:
        bench.distinct(args.distinct)
    if not args.no_topics:
        bench.cross_event()
    machine["load_after"] = _load()
    text = render(machine, bench, time.perf_counter() - began)
    print(text)
    if not args.no_write:
        write_results(text)
        log(f"wrote {RESULTS.relative_to(ROOT)}")


# --- rendering --------------------------------------------------------------------------------------


def _table(header: list[str], body: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    return lines + ["| " + " | ".join(row) + " |" for row in body]


def _verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def _s(seconds: float | None, limit: float) -> str:
    return f"{seconds:.2f}" if seconds is not None else f"> {limit:.0f} (stopped)"


def render(machine: dict[str, str], bench: Bench, elapsed: float) -> str:
    jobs, limit = bench.jobs, bench.limit
    out = [
        "## Machine",
        "",
        f"- CPU: {machine['cpu']}, {machine['cores']} cores available; memory {machine['memory']}",
        f"- {machine['os']}, {machine['python']}",
        f"- factcheck at commit {machine['commit']}; measured {machine['date']} with `--jobs {jobs}`",
        f"- load average (1, 5, 15 min) before the run {machine['load']}, after {machine['load_after']} "
        "(other work on the machine slows every figure down)",
        f"- whole benchmark: {elapsed:.0f} s",
        "",
        "## Timings",
        "",
        "Seconds are wall-clock. Extraction alone reads, segments and extracts every source in one "
        "process, so its MB/s is per core. Comparison alone groups the sources into incidents and compares "
        "claims already in memory. End to end is `factcheck compare DIR --format json --quiet` in a fresh "
        "interpreter, start-up included; cold starts with no claims files (best of two runs at 1x), warm "
        "reuses them. CPU s is user "
        "plus system time (of the workers too), which other work on the machine disturbs less. Peak RSS is "
        'the largest process; "all processes" adds up the main process and its extraction workers. '
        '"x floor" is the time over the floor\'s on the same text.',
        "",
    ]
    body = []
    for stage, label in STAGES.items():
        for scale, r in sorted(bench.row(stage).items()):
            rate = f"{r.mb_per_s:.2f}" if r.mb_per_s else ""
            ratio = f"{r.seconds / r.floor:.0f}" if r.seconds and r.floor else ("1" if stage == "floor" else "")
            body.append(
                [
                    label.replace("cold", f"cold, --jobs {jobs}") if stage == "cold" else label,
                    f"{scale}x",
                    str(r.articles),
                    f"{r.size / MB:.1f}",
                    _s(r.seconds, limit),
                    f"{r.cpu:.2f}" if r.cpu is not None else "",
                    rate,
                    f"{r.peak_mb:.0f}",
                    f"{r.tree_mb:.0f}",
                    ratio,
                ]
            )
    out += _table(
        [
            "stage",
            "copies",
            "articles",
            "MB",
            "seconds",
            "CPU s",
            "MB/s",
            "peak RSS MB",
            "all processes MB",
            "x floor",
        ],
        body,
    )

    scales = sorted({r.scale for r in bench.rows})
    out += [
        "",
        "## Growth",
        "",
        "Time at each size over the time at 1x (8x the articles should take under 10x).",
        "",
    ]
    growth = []
    pairs = [("extract", "extract"), ("compare", "compare"), ("cold", "cold"), ("warm", "warm"),
             ("distinct-compare", "compare"), ("distinct", "cold")]  # fmt: skip
    for stage, base_stage in pairs:
        rows = bench.row(stage)
        if not rows:
            continue
        base = bench.row(base_stage).get(1)
        cells = [STAGES[stage]]
        for scale in scales:
            if scale == 1 and stage != base_stage:
                cells.append("(as above)")
            elif (row := rows.get(scale)) is None:
                cells.append("not run")
            elif row.seconds is None or base is None or base.seconds is None:
                cells.append("stopped")
            else:
                cells.append(f"{row.seconds / base.seconds:.1f}x")
        growth.append(cells)
    out += _table(["stage", *[f"{s}x" for s in scales]], growth)
    out += ["", "## Targets", "", *_table(["target", "measured", ""], targets(bench))]
    out += ["", *render_topics(bench)]
    return "\n".join(out) + "\n"


def targets(bench: Bench) -> list[list[str]]:
    jobs, checks = bench.jobs, bench.checks
    ext, cold, warm = bench.row("extract").get(1), bench.row("cold"), bench.row("warm").get(1)
    serial, changed = bench.row("serial").get(1), bench.row("changed").get(1)
    rows = []
    if ext and ext.mb_per_s:
        rows.append(
            [
                "extraction ≥ 1 MB/s per core",
                f"{ext.mb_per_s:.2f} MB/s in one process",
                _verdict(ext.mb_per_s >= TARGET_MB_PER_S_PER_CORE),
            ]
        )
    c1, c8 = cold.get(1), cold.get(8)
    if c1:
        rows.append(
            [
                "ecbplus compared end to end < 20 s",
                f"{_s(c1.seconds, bench.limit)} s",
                _verdict(c1.seconds is not None and c1.seconds < TARGET_ECB_SECONDS),
            ]
        )
    if c1 and c1.seconds and c8:
        growth = f"{c8.seconds / c1.seconds:.1f}x" if c8.seconds else f"over {bench.limit / c1.seconds:.0f}x (stopped)"
        rows.append(
            [
                "8x the articles in < 10x the time (end to end, cold)",
                growth,
                _verdict(c8.seconds is not None and c8.seconds / c1.seconds < TARGET_GROWTH_8X),
            ]
        )
    base, distinct = bench.row("compare").get(1), bench.row("distinct-compare")
    for scale, r in sorted(distinct.items()):
        if base and base.seconds and r.seconds and scale > 1:
            # 8x in under 10x is 10 ** (1/3) = 2.15x per doubling of the articles.
            allowed = TARGET_GROWTH_8X ** (math.log2(scale) / 3)
            rows.append(
                [
                    f"same growth with distinct articles: comparison alone at {scale}x in < {allowed:.2f}x the time",
                    f"{r.seconds / base.seconds:.1f}x",
                    _verdict(r.seconds / base.seconds < allowed),
                ]
            )
    at8 = [r for r in bench.rows if r.scale == 8]
    if at8:
        peak, tree = max(r.peak_mb for r in at8), max(r.tree_mb for r in at8)
        stopped = any(r.seconds is None for r in at8)
        rows.append(
            [
                "peak memory < 1 GB at 8x",
                f"{peak:.0f} MB largest process, {tree:.0f} MB all processes"
                + (" (some runs stopped early)" if stopped else ""),
                _verdict(tree < TARGET_PEAK_MB_8X and not stopped),
            ]
        )
    if "jobs_identical" in checks:
        same = checks["jobs_identical"]
        rows.append(
            [
                f"`--jobs {jobs}` output identical to `--jobs 1`",
                "byte-identical JSON" if same else "outputs differ",
                _verdict(same),
            ]
        )
    if serial and serial.seconds and c1 and c1.seconds:
        rows.append(
            [
                f"parallel extraction (`--jobs 1` → `--jobs {jobs}`, end to end, cold)",
                f"{serial.seconds:.1f} s → {c1.seconds:.1f} s ({serial.seconds / c1.seconds:.1f}x)",
                "",
            ]
        )
    if warm and warm.seconds and c1 and c1.seconds:
        same = all(checks.get("warm_identical", {}).values())
        rows.append(
            [
                "incremental: second run on an unchanged folder",
                f"{c1.seconds:.1f} s → {warm.seconds:.1f} s ({c1.seconds / warm.seconds:.1f}x faster); "
                f"report {'identical' if same else 'DIFFERENT'}",
                _verdict(same),
            ]
        )
    if changed and changed.seconds and "rewritten" in checks:
        n = len(checks["rewritten"])
        rows.append(
            [
                "incremental: one source changed",
                f"{changed.seconds:.1f} s; {n} claims file(s) rewritten",
                _verdict(n == 1),
            ]
        )
    return rows


def render_topics(bench: Bench) -> list[str]:
    out = ["## Incident grouping across events", ""]
    crossing = bench.checks.get("crossing", {}).get(1)
    x1 = bench.checks.get("x1")
    if crossing is not None and x1:
        out += [
            f"Whole corpus in one run (1x): {x1['incidents']} incidents for 86 event folders; "
            f"{sum(crossing.values())} findings, of which {crossing.get('two events of one topic', 0)} "
            f"pair the two events of one topic and {crossing.get('different topics', 0)} pair different "
            f"topics ({crossing.get('same event', 0)} within one event).",
            "",
        ]
    topics = bench.topics
    if not topics:
        return out
    n_cross = sum(len(t["crossing"]) for t in topics.values())
    out += [
        "Each topic's two folders (N_ecb and N_ecbplus, two different events) compared together, one run per "
        f"topic ({bench.checks.get('topics_seconds', 0):.0f} s for {len(topics)} topics). A finding whose "
        "claims come from both events is a false alarm: there should be none.",
        "",
        f"- findings crossing the two events: **{n_cross}** of {sum(t['findings'] for t in topics.values())} "
        f"findings, in {sum(1 for t in topics.values() if t['crossing'])} of {len(topics)} topics",
        f"- topics where an incident mixes sources of both events: "
        f"{sum(1 for t in topics.values() if t['mixed_incidents'])} of {len(topics)}",
        f"- corroborations crossing the two events: {sum(t['crossing_corroborations'] for t in topics.values())}",
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
            "incidents mixing the events",
            "findings",
            "crossing findings",
            "crossing corroborations",
        ],
        body,
    )
    worst = [
        (k, t) for k, t in sorted(topics.items(), key=lambda kv: (-len(kv[1]["crossing"]), int(kv[0]))) if t["crossing"]
    ][:8]
    if worst:
        out += ["", "Worst offenders:", ""]
        for topic, t in worst:
            kinds = Counter(f"{f['severity']} on {_attribute_kind(f['attribute'])}" for f in t["crossing"])
            example = t["crossing"][0]
            out.append(
                f"- topic {topic}: {len(t['crossing'])} crossing findings ("
                + ", ".join(f"{n} {k}" for k, n in kinds.most_common())
                + f"); e.g. {example['subject']}, {example['attribute']}: {example['explanation']} "
                f"({' vs '.join(example['sources'])})"
            )
        kinds_all = Counter(_attribute_kind(f["attribute"]) for t in topics.values() for f in t["crossing"])
        out += [
            "",
            "Crossing findings by kind of fact: " + ", ".join(f"{k} {n}" for k, n in kinds_all.most_common()),
        ]
    return out


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
            RESULTS.write_text(head + block + rest.split(END_MARK, 1)[1], encoding="utf-8")
            return
    RESULTS.write_text(f"# Benchmark results\n\nWritten by `python benchmarks/run.py`.\n\n{block}\n", encoding="utf-8")


if __name__ == "__main__":
    main()
