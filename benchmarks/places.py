"""False alarms of the place comparison on unseen real text: every place finding on ECB+.

Runs factcheck's library on every ECB+ event folder (`../shared/corpus/ecbplus/N_ecb` and
`N_ecbplus`, each on its own: one event by ECB+'s annotation), or with `--topics` on each topic's
two folders together (two different events of one kind: the harder case, where the grouping must
keep them apart or the place comparison must not set one event's place against the other's), and
lists every finding about where an event happened with its sentences, to be read by a person.

    .venv/bin/python benchmarks/places.py            # 86 event folders
    .venv/bin/python benchmarks/places.py --topics   # 43 topics, both folders together

The last line counts place findings, place corroborations and the folders run.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "ecbplus"


def units(corpus: Path, topics: bool, work: Path) -> list[Path]:
    folders = sorted(p for p in corpus.iterdir() if p.is_dir())
    if not topics:
        return folders
    out = []
    for topic in sorted({f.name.split("_")[0] for f in folders}, key=int):
        merged = work / "topics" / topic
        merged.mkdir(parents=True)
        for folder in folders:
            if folder.name.split("_")[0] == topic:
                for source in folder.glob("*.txt"):
                    shutil.copy(source, merged / source.name)
        out.append(merged)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder of ECB+ event folders")
    parser.add_argument("--topics", action="store_true", help="each topic's two event folders together")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"error: no corpus at {args.corpus}", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT / "src"))
    from factcheck.pipeline import compare_folder

    findings = corroborations = 0
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        chosen = units(args.corpus, args.topics, work)
        for unit in chosen:
            report, _ = compare_folder(unit, work / "claims" / unit.name, jobs=1, write_claims=False)
            corroborations += sum(c.attribute.startswith("place") for c in report.corroborations)
            for f in report.discrepancies:
                if not f.attribute.startswith("place"):
                    continue
                findings += 1
                values = " | ".join(f"{c.source}: {c.value}" for c in f.claims)
                print(f"{unit.name}: {f.severity} / {f.subject} / {f.attribute}: {values}")
                for c in f.claims:
                    print(f"    {c.source}: {' '.join(c.quote.split())[:300]}")
    print(f"place findings {findings}, place corroborations {corroborations}, folders {len(chosen)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
