"""Check that a change leaves extraction's output byte for byte the same.

Extracts every source of the given folders (default: every cluster of `../shared/corpus`, its
`ecbplus` articles and `seeds/`) and every adversarial input of `benchmarks/adversarial.py` at a
small size, and writes one JSON file per source, the claims file exactly as `factcheck compare`
would store it, under a snapshot folder. Take a snapshot before a change and one after, then
compare them:

    .venv/bin/python benchmarks/same_claims.py snapshot benchmarks/work/before
    # ... change the code ...
    .venv/bin/python benchmarks/same_claims.py snapshot benchmarks/work/after
    .venv/bin/python benchmarks/same_claims.py diff benchmarks/work/before benchmarks/work/after

`diff` names every source whose claims differ or that only one snapshot has, and exits 1 if any.
`snapshot --only-ecb N` keeps the first N ECB+ event folders, for a quicker check.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
ADVERSARIAL_SIZE = 20_000


def _folders(only_ecb: int | None) -> list[tuple[str, Path]]:
    """(label, folder) for every folder whose sources are extracted."""
    out = [("seeds", ROOT / "seeds")]
    out += [(f"corpus/{p.name}", p) for p in sorted(SHARED.iterdir()) if p.is_dir() and p.name != "ecbplus"]
    ecb = sorted((p for p in (SHARED / "ecbplus").iterdir() if p.is_dir()), key=lambda p: p.name)
    if only_ecb is not None:
        ecb = ecb[:only_ecb]
    out += [(f"ecbplus/{p.name}", p) for p in ecb]
    return out


def snapshot(dest: Path, only_ecb: int | None) -> int:
    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from adversarial import INPUTS

    from factcheck.extract import extract_claims
    from factcheck.ingest import find_source_files, read_source

    dest.mkdir(parents=True, exist_ok=True)
    count = 0

    def write(label: str, folder: Path, path: Path) -> None:
        nonlocal count
        data = extract_claims(read_source(folder, path)).model_dump_json(indent=1)
        out = dest / label / (path.relative_to(folder).as_posix().replace("/", "__") + ".json")
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(data, encoding="utf-8")
        count += 1

    for label, folder in _folders(only_ecb):
        for path in find_source_files(folder):
            write(label, folder, path)
    with tempfile.TemporaryDirectory() as tmp:
        for name, (_, make) in INPUTS.items():
            path = Path(tmp) / f"{name}.txt"
            path.write_text(make(ADVERSARIAL_SIZE), encoding="utf-8")
            write("adversarial", Path(tmp), path)
    return count


def _digests(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*.json"))
    }


def diff(a: Path, b: Path) -> int:
    da, db = _digests(a), _digests(b)
    bad = 0
    for key in sorted(da.keys() | db.keys()):
        if key not in da or key not in db:
            print(f"only in {'after' if key not in da else 'before'}: {key}")
            bad += 1
        elif da[key] != db[key]:
            print(f"differs: {key}")
            bad += 1
    print(f"{len(da)} and {len(db)} sources; {bad} differ")
    return 1 if bad else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    snap = sub.add_parser("snapshot", help="extract every source and write its claims file")
    snap.add_argument("dest", type=Path)
    snap.add_argument("--only-ecb", type=int, default=None, help="keep the first N ECB+ event folders")
    cmp = sub.add_parser("diff", help="compare two snapshots")
    cmp.add_argument("before", type=Path)
    cmp.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "snapshot":
        print(f"{snapshot(args.dest, args.only_ecb)} sources written to {args.dest}")
    else:
        raise SystemExit(diff(args.before, args.after))


if __name__ == "__main__":
    main()
