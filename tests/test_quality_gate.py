"""Quality as a gate: detection on the shared gold clusters must not slide below pinned floors.

Runs the shared scorer's judging code in-process on the library's output (no subprocess per
cluster, so it stays fast). The floors are the figures in docs/quality.md; raise them when
detection improves.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

from extract_helpers import load_script
from factcheck.pipeline import compare_folder

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
SCORER = SHARED / "eval" / "score.py"

REQUIRED_FOUND_FLOOR = 27  # of 48 required gold discrepancies
CORROBORATED_FLOOR = 26  # of 94 gold agreements
PRECISION_FLOOR = 0.85
FALSE_ALARMS_CEILING = 0


def _scorer() -> ModuleType:
    return load_script("factcheck_gold_scorer", SCORER)


@pytest.mark.skipif(not SCORER.exists(), reason="the shared corpus and scorer are not beside this checkout")
def test_detection_quality_holds_on_the_gold_clusters(tmp_path: Path) -> None:
    score = _scorer()
    results = []
    for gold in sorted((SHARED / "corpus").glob("*.gold.json")):
        sources = score.default_sources(gold)
        cluster = score.Cluster(gold, sources)
        report, _ = compare_folder(sources, tmp_path / gold.stem / "claims", jobs=1)
        output = json.loads(report.model_dump_json())
        results.append(score.judge(cluster, output, verbose=False))
    required = sum(r["required"][0] for r in results)
    corroborated = sum(r["corroborated"][0] for r in results)
    false_alarms = sum(r["false"] for r in results)
    flagged = sum(r["found"] + r["duplicate"] + r["false"] + r["unmatched"] for r in results)
    precision = sum(r["found"] for r in results) / flagged if flagged else 0.0
    summary = f"required {required}, corroborated {corroborated}, false {false_alarms}, precision {precision:.2f}"
    assert false_alarms <= FALSE_ALARMS_CEILING, summary
    assert required >= REQUIRED_FOUND_FLOOR, summary
    assert corroborated >= CORROBORATED_FLOOR, summary
    assert precision >= PRECISION_FLOOR, summary
