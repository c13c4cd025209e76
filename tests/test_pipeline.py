"""The pipeline's speed features: parallel extraction gives exactly the serial output, claims are
reused by sha256 (only changed or new sources are extracted again), and the progress bar stays
off stderr unless a person is watching a terminal."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from extract_helpers import write_folder
from factcheck import pipeline
from factcheck.cli import main, progress_bar
from factcheck.models import ClaimsFile, Document
from factcheck.signature import SIGNATURES_FILE
from factcheck.store import claims_path

# Stories written for these tests: (person, age, count, weekday, town). Two towns, so the folder
# holds two incidents, and ages and counts that disagree, so there are findings to order.
PEOPLE = [
    ("Marta Keller", 41, 12, "Monday", "Eastford"),
    ("Marta Keller", 43, 14, "Monday", "Eastford"),
    ("Tomas Brandt", 29, 3, "Friday", "Lowmoor"),
    ("Tomas Brandt", 29, 4, "Friday", "Lowmoor"),
]
TEMPLATE = (
    "Flood in {town} leaves families without homes\n"
    "12 March 2024\n"
    "{person}, {age}, said the river rose overnight in {town} on {weekday}.\n"
    "Rescue teams said {count} people were injured and two bridges were closed.\n"
    "{surname} told reporters that the town council had been warned last year.\n"
)
ARTICLES = 24  # more than the progress bar's threshold, and enough for several chunks per worker


def story(k: int) -> str:
    person, age, count, weekday, town = PEOPLE[k % len(PEOPLE)]
    return TEMPLATE.format(
        person=person,
        age=age,
        count=count + k // len(PEOPLE),
        weekday=weekday,
        town=town,
        surname=person.split()[-1],
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """ARTICLES stories in two sub-folders (sources are found recursively)."""
    root = tmp_path / "stories"
    for k in range(ARTICLES):
        write_folder(root / f"desk{k % 2}", {f"story{k:02d}.txt": story(k)})
    return root


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def extractions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the sources extracted in this process (serial runs), in order."""
    seen: list[str] = []
    real: Callable[[Document], ClaimsFile] = pipeline.extract_claims

    def counting(document: Document) -> ClaimsFile:
        seen.append(document.source.id)
        return real(document)

    monkeypatch.setattr(pipeline, "extract_claims", counting)
    return seen


# --- --jobs: parallel output is byte for byte the serial output ---------------------------------


@pytest.mark.parametrize("jobs", ["2", "3"])
def test_parallel_run_is_byte_identical_to_serial(folder: Path, tmp_path: Path, jobs: str) -> None:
    out = {}
    for name, j in (("serial", "1"), ("parallel", jobs)):
        result = run(
            "compare",
            folder,
            "--format",
            "json",
            "--jobs",
            j,
            "--claims-dir",
            tmp_path / name / "claims",
            "--reports-dir",
            tmp_path / name / "reports",
            "--reviews-dir",
            tmp_path / "none",
        )
        assert result.exit_code == 1, result.stderr  # the stories disagree on ages and counts
        out[name] = result.stdout
    assert out["parallel"] == out["serial"]
    assert snapshot(tmp_path / "parallel") == snapshot(tmp_path / "serial")  # claims files and report
    stored = snapshot(tmp_path / "serial" / "claims")
    assert len(stored) == ARTICLES + 1  # a claims file per source, and the sources' signatures
    assert SIGNATURES_FILE in stored


def test_parallel_extraction_keeps_source_order(folder: Path, tmp_path: Path) -> None:
    files, texts, stats = pipeline.load_or_extract(folder, tmp_path / "claims", jobs=2)
    ids = [cf.source.id for cf in files]
    assert ids == sorted(ids)
    assert len(ids) == ARTICLES
    assert stats.extracted == ARTICLES
    assert all(texts[cf.source.id] == (folder / cf.source.id).read_text(encoding="utf-8") for cf in files)


def test_default_jobs_is_the_cores_available() -> None:
    expected = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert pipeline.default_jobs() == expected


# --- incremental runs: claims reused by sha256 ---------------------------------------------------


def test_second_run_extracts_nothing_and_rewrites_nothing(folder: Path, tmp_path: Path, extractions: list[str]) -> None:
    claims = tmp_path / "claims"
    first, _, stats = pipeline.load_or_extract(folder, claims, jobs=1)
    assert (stats.extracted, stats.reused) == (ARTICLES, 0)
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in claims.iterdir()}
    extractions.clear()
    again, _, stats = pipeline.load_or_extract(folder, claims, jobs=1)
    assert extractions == []
    assert (stats.extracted, stats.reused) == (0, ARTICLES)
    assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in claims.iterdir()} == before
    assert [cf.model_dump() for cf in again] == [cf.model_dump() for cf in first]


def _edit(folder: Path) -> None:
    with (folder / "desk1" / "story05.txt").open("a", encoding="utf-8") as handle:
        handle.write("Later the council said 40 homes had been damaged.\n")


def _add(folder: Path) -> None:
    write_folder(folder / "desk1", {"story99.txt": story(99)})


def _rename(folder: Path) -> None:
    (folder / "desk1" / "story05.txt").rename(folder / "desk1" / "story05b.txt")


def _same_bytes_new_mtime(folder: Path) -> None:
    path = folder / "desk1" / "story05.txt"
    path.write_bytes(path.read_bytes())
    os.utime(path, (1, 1))


@pytest.mark.parametrize(
    ("change", "extracted"),
    [
        (_edit, ["desk1/story05.txt"]),
        (_add, ["desk1/story99.txt"]),
        (_rename, ["desk1/story05b.txt"]),
        (_same_bytes_new_mtime, []),  # reuse goes by content, not by the file's time
    ],
)
def test_only_changed_or_new_sources_are_extracted_again(
    folder: Path,
    tmp_path: Path,
    extractions: list[str],
    change: Callable[[Path], None],
    extracted: list[str],
) -> None:
    claims = tmp_path / "claims"
    pipeline.load_or_extract(folder, claims, jobs=1)
    untouched = snapshot(claims)
    change(folder)
    extractions.clear()
    files, texts, stats = pipeline.load_or_extract(folder, claims, jobs=1)
    assert extractions == extracted
    assert stats.extracted == len(extracted)
    assert stats.reused == len(files) - len(extracted)
    for cf in files:
        assert texts[cf.source.id] == (folder / cf.source.id).read_text(encoding="utf-8")
        if cf.source.id not in extracted:
            path = claims_path(claims, cf.source.id)
            assert path.read_bytes() == untouched[path.name]


def test_a_new_extractor_revision_extracts_everything_again(
    folder: Path, tmp_path: Path, extractions: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pipeline.load_or_extract(folder, tmp_path / "claims", jobs=1)
    monkeypatch.setattr(pipeline, "EXTRACTOR_REVISION", pipeline.EXTRACTOR_REVISION + "+test")
    extractions.clear()
    _, _, stats = pipeline.load_or_extract(folder, tmp_path / "claims", jobs=1)
    assert stats.extracted == ARTICLES
    assert len(extractions) == ARTICLES


def test_the_report_cache_key_covers_every_module_and_word_list() -> None:
    # A report cached under other comparison rules must not be reused: the rules live in subpackages.
    files = pipeline._files(pipeline.resources.files("factcheck"), (".py", ".yaml"))
    assert {"compare/status.py", "compare/align.py", "cli/compare.py", "lexicons/copies.yaml", "report.py"} <= set(
        files
    )
    assert not [f for f in files if "__pycache__" in f]


def test_incremental_run_gives_the_report_of_a_fresh_run(folder: Path, tmp_path: Path) -> None:
    common = ("--format", "json", "--jobs", "1", "--reviews-dir", tmp_path / "none")
    run("compare", folder, "--claims-dir", tmp_path / "kept", "--reports-dir", tmp_path / "r1", *common)
    _edit(folder)
    _add(folder)
    incremental = run("compare", folder, "--claims-dir", tmp_path / "kept", "--reports-dir", tmp_path / "r1", *common)
    fresh = run("compare", folder, "--claims-dir", tmp_path / "fresh", "--reports-dir", tmp_path / "r2", *common)
    assert incremental.stdout == fresh.stdout


# --- progress ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("jobs", [1, 2])
def test_progress_is_reported_once_per_source(folder: Path, tmp_path: Path, jobs: int) -> None:
    for run_number in (1, 2):  # extracted, then reused
        seen: list[str] = []
        pipeline.load_or_extract(folder, tmp_path / "claims", jobs=jobs, progress=seen.append)
        assert sorted(seen) == sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.txt")), run_number


@pytest.mark.parametrize("quiet", [[], ["--quiet"]])
def test_no_progress_bar_when_stderr_is_not_a_terminal(folder: Path, tmp_path: Path, quiet: list[str]) -> None:
    result = run(
        "compare",
        folder,
        "--claims-dir",
        tmp_path / "c",
        "--reports-dir",
        tmp_path / "r",
        "--jobs",
        "1",
        "--reviews-dir",
        tmp_path / "none",
        *quiet,
    )
    assert result.exit_code == 1
    assert "Extracting" not in result.stderr
    assert "\r" not in result.stderr
    if quiet:
        assert result.stderr == ""


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("total", "quiet", "shown"),
    [
        (ARTICLES, False, True),
        (ARTICLES, True, False),  # --quiet silences it even on a terminal
        (3, False, False),  # a handful of sources is done before a bar would help
    ],
)
def test_progress_bar_on_a_terminal(monkeypatch: pytest.MonkeyPatch, total: int, quiet: bool, shown: bool) -> None:
    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    sizes = {f"s{k}": 1000 + k for k in range(total)}  # the bar counts bytes
    with progress_bar(lambda: sizes, quiet, "Extracting", after="Comparing") as progress:
        assert (progress is not None) is shown
        for k in range(total):
            if progress:
                progress(f"s{k}")
        during = terminal.getvalue()
    output = terminal.getvalue()
    if shown:
        assert "Extracting" in output
        assert "100%" in output
        # Every source done, the run goes on: the bar says what it is doing now.
        assert during.rsplit("\r", 1)[-1].removeprefix("\x1b[?25l").startswith("Comparing")
    else:
        assert output == ""
