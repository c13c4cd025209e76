"""Adversarial timing: extraction on pathological sources at 100 KB, 1 MB and 4 MB.

Each input is a pattern a hostile or broken file can hold (one long line of repeated status
phrases, a news sentence joined by '; ' into one sentence, 'on Friday ' again and again, a single
giant word, unclosed quotes, thousands of names ...). Each is written to a file of the given
size and read and extracted with the library (`read_source` + `extract_claims`, the work one
source costs in `factcheck compare`), in a child process per size so one input cannot slow the
next. The table gives the time per size, the 4 MB / 1 MB ratio (linear is 4.0; the target is at
most 4.5) and each input's slowest throughput (the target is at least 0.3 MB/s). Times are the
child's CPU seconds, which a busy machine disturbs far less than the clock (on the two shared
cores this was written on, wall times of one run varied twofold); the wall time is shown beside.

Run from the repository root (several minutes: most of it the 4 MB runs):

    .venv/bin/python benchmarks/adversarial.py                 # every input, writes RESULTS.md
    .venv/bin/python benchmarks/adversarial.py --sizes 100000  # a quick look, prints only
    .venv/bin/python benchmarks/adversarial.py --only fired-not,friday --no-write

A run past --time-limit seconds is stopped and shown as such (the larger sizes are then not run).
The per-source budget guard of `factcheck compare` (`--source-timeout`) is switched off here, so
the figures are the extractor's own.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
START_MARK = "<!-- adversarial: written by benchmarks/adversarial.py; edit outside these marks -->"
END_MARK = "<!-- end of adversarial section -->"
MB = 1_000_000
SIZES = (100_000, 1_000_000, 4_000_000)
TARGET_RATIO = 4.5
TARGET_MB_PER_S = 0.3


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda n: (unit * (n // len(unit) + 1))[:n]


def _distinct_names(n: int) -> str:
    """Lines naming a new person each: many people and many mentions, as in a long list."""
    out, i = [], 0
    size = 0
    while size < n:
        first, last = f"Al{_letters(i)}", f"Ber{_letters(i * 7 + 3)}"
        line = f"{first} {last}, {20 + i % 50}, was detained on Friday, and {last} said he was not fired.\n"
        out.append(line)
        size += len(line)
        i += 1
    return "".join(out)[:n]


def _letters(i: int) -> str:
    s = ""
    while True:
        s += "abcdefghijklmnopqrstuvwxyz"[i % 26]
        i //= 26
        if i == 0:
            return s


def _paragraphs(n: int) -> str:
    """An ordinary article repeated: the linear baseline every other input is measured against."""
    para = (
        "Police detained 40 people in the capital on Friday, the interior ministry said. "
        "Anton Brel, 27, a journalist, was arrested on 14 February and sentenced to five years. "
        "His partner was fired from her job, but the company later changed its mind. "
        "“We were told to stay away from work,” Maria Costa said, adding that $3 million was paid.\n\n"
    )
    return _repeat(para)(n)


# name -> (what it is, generator of a text of n characters)
INPUTS: dict[str, tuple[str, Callable[[int], str]]] = {
    # From issue 13.
    "fired-not": ("'was not fired, ' repeated, one line", _repeat("was not fired, ")),
    "news-joined": (
        "a news sentence joined by '; ' into one sentence",
        _repeat("Anton Brel, 27, was fired from his job on Friday after police detained 40 people in the city; "),
    ),
    "friday": ("'on Friday ' repeated", _repeat("on Friday ")),
    # Our own.
    "article": ("an ordinary article repeated (baseline)", _paragraphs),
    "one-word": ("a single word with no space", _repeat("a")),
    "digits": ("one run of digits", _repeat("7")),
    "numbers": (
        "'40 people were detained and 3 injured, ' repeated",
        _repeat("40 people were detained and 3 injured, "),
    ),
    "dates": ("'14 February 2021, ' repeated", _repeat("14 February 2021, ")),
    "money": ("'$3 million, ' repeated", _repeat("$3 million, ")),
    "ages": ("'Brel, 27, ' repeated (appositive ages)", _repeat("Brel, 27, ")),
    "distinct-names": ("a new person on every line", _distinct_names),
    "roles": ("'his partner, his mother, ' repeated", _repeat("his partner, his mother, his lawyer, ")),
    "open-quote": ("one opening quote, never closed", lambda n: "“" + _repeat("he was detained ")(n - 1)),
    "newlines": ("'He was detained.\\n' repeated (a sentence per line)", _repeat("He was detained.\n")),
    "reversal": (
        "'was fired but then changed his mind ' repeated",
        _repeat("Brel was fired but then they changed their mind "),
    ),
}


def measure(name: str, size: int) -> dict[str, object]:
    """Child-process body: write the input, read and extract it, report the seconds."""
    sys.path.insert(0, str(ROOT / "src"))
    from factcheck.extract import extract_claims
    from factcheck.ingest import read_source

    text = INPUTS[name][1](size)
    with tempfile.TemporaryDirectory() as tmp:
        warm = Path(tmp) / "warm-up.txt"  # word lists and lemma tables load on first use: not timed
        warm.write_text(_paragraphs(2000), encoding="utf-8")
        extract_claims(read_source(Path(tmp), warm))
        path = Path(tmp) / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        start, cpu = time.perf_counter(), time.process_time()
        cf = extract_claims(read_source(Path(tmp), path))
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {"seconds": cpu, "wall": seconds, "claims": len(cf.claims), "bytes": len(text.encode("utf-8"))}


def run_one(name: str, size: int, limit: float) -> dict[str, object] | None:
    cmd = [sys.executable, __file__, "--child", name, str(size)]
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=limit, check=True)
    except subprocess.TimeoutExpired:
        return None
    except subprocess.CalledProcessError as exc:
        raise SystemExit(f"{name} at {size}: {exc.stderr.strip().splitlines()[-1:]}") from exc
    result: dict[str, object] = json.loads(out.stdout)
    return result


def _size_label(size: int) -> str:
    return f"{size / MB:g} MB" if size >= MB else f"{size // 1000} KB"


def table(rows: list[dict[str, object]], sizes: list[int]) -> str:
    head = [
        "input",
        *(f"{_size_label(s)} CPU (wall)" for s in sizes),
        "4 MB / 1 MB",
        "slowest MB/s",
        "claims at largest",
    ]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in rows:
        times: dict[int, float | None] = row["times"]  # type: ignore[assignment]
        walls: dict[int, float] = row["walls"]  # type: ignore[assignment]
        cells = [f"`{row['name']}`"]
        cells += [
            f"{t:.2f} s ({walls[s]:.1f})" if t is not None else "stopped" for s, t in ((s, times.get(s)) for s in sizes)
        ]
        ratio = row.get("ratio")
        cells.append(f"{ratio:.2f}" if isinstance(ratio, float) else "–")
        slowest = row.get("slowest")
        cells.append(f"{slowest:.2f}" if isinstance(slowest, float) else "–")
        cells.append(str(row.get("claims", "–")))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(str(s) for s in SIZES), help="comma-separated sizes in bytes")
    parser.add_argument("--only", default="", help="comma-separated input names (default: all)")
    parser.add_argument("--time-limit", type=float, default=120.0, help="seconds before one run is stopped")
    parser.add_argument("--no-write", action="store_true", help="print the table, leave RESULTS.md alone")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child[0], int(args.child[1]))))
        return
    sizes = sorted(int(s) for s in args.sizes.split(","))
    names = [n for n in args.only.split(",") if n] or list(INPUTS)
    rows: list[dict[str, object]] = []
    began = time.perf_counter()
    for name in names:
        times: dict[int, float | None] = {}
        claims: object = "–"
        walls: dict[int, float] = {}
        for size in sizes:
            result = run_one(name, size, args.time_limit)
            if result is None:
                times[size] = None
                break
            times[size] = float(result["seconds"])  # type: ignore[arg-type]
            walls[size] = float(result["wall"])  # type: ignore[arg-type]
            claims = result["claims"]
        row: dict[str, object] = {"name": name, "times": times, "walls": walls, "claims": claims}
        if times.get(MB) and times.get(4 * MB):
            row["ratio"] = times[4 * MB] / times[MB]  # type: ignore[operator]
        done = [(s, t) for s, t in times.items() if t]
        if done and all(t is not None for t in times.values()):
            row["slowest"] = min(s / MB / t for s, t in done)
        rows.append(row)
        print(f"{name:16} " + "  ".join(f"{_size_label(s)}: {t:.2f}s" if t else f"{_size_label(s)}: stopped"
                                         for s, t in times.items()), file=sys.stderr, flush=True)  # fmt: skip
    total = time.perf_counter() - began
    body = table(rows, sizes)
    ratios = [r["ratio"] for r in rows if isinstance(r.get("ratio"), float)]
    slowest = [r["slowest"] for r in rows if isinstance(r.get("slowest"), float)]
    stopped = [r["name"] for r in rows if any(t is None for t in r["times"].values())]  # type: ignore[attr-defined]
    verdict = []
    if ratios:
        worst = max(ratios)
        verdict.append(
            f"largest 4 MB / 1 MB ratio {worst:.2f} (target ≤ {TARGET_RATIO}): "
            + ("met" if worst <= TARGET_RATIO else "MISSED")
        )
    if slowest:
        low = min(slowest)
        verdict.append(
            f"slowest throughput {low:.2f} MB/s (target ≥ {TARGET_MB_PER_S}): "
            + ("met" if low >= TARGET_MB_PER_S else "MISSED")
        )
    if stopped:
        verdict.append("stopped at the time limit: " + ", ".join(f"`{s}`" for s in stopped))
    described = "\n".join(f"- `{n}`: {INPUTS[n][0]}" for n in names)
    section = (
        f"{START_MARK}\n## Adversarial inputs (benchmarks/adversarial.py)\n\n"
        f"Command: `.venv/bin/python benchmarks/adversarial.py`; Python {platform.python_version()} on "
        f"{os.cpu_count()} cores, shared; the benchmark took {total:.0f} s. Time to read and extract one "
        "source of each size, in CPU seconds with the wall time in brackets (linear: 4 MB takes 4x "
        f"the time of 1 MB).\n\n{body}\n\n"
        + "\n".join(f"- {v}" for v in verdict)
        + f"\n\nInputs:\n{described}\n{END_MARK}\n"
    )
    print(body)
    for v in verdict:
        print(v)
    if not args.no_write and sizes == list(SIZES) and names == list(INPUTS):
        old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
        if START_MARK in old and END_MARK in old:
            head, rest = old.split(START_MARK, 1)
            new = head + section.rstrip("\n") + rest.split(END_MARK, 1)[1]
        else:
            new = old.rstrip("\n") + "\n\n" + section
        RESULTS.write_text(new, encoding="utf-8")
        print(f"wrote {RESULTS.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
