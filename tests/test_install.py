"""The installed command, run as a user runs it (a subprocess of the `factcheck` script): generated
files follow the umask, HTML sources work with the dependencies the package declares, and
errors are one line with exit 2."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

from conftest import SEEDS
from guards import run_guarded

SCRIPT = Path(sys.executable).parent / ("factcheck.exe" if os.name == "nt" else "factcheck")
pytestmark = pytest.mark.skipif(not SCRIPT.exists(), reason="the factcheck script is not installed beside python")

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Bridge closed after flood in Arden</title></head>
<body><article><h1>Bridge closed after flood in Arden</h1>
<p>The river burst its banks in Arden on Monday, and at least 12 people were rescued from their
homes, the fire service said.</p>
<p>The mayor, Lena Oddvik, 47, said the old bridge would stay closed until engineers had checked it.</p>
</article></body></html>
"""


def factcheck(cwd: Path, *args: str, umask: int | None = None) -> subprocess.CompletedProcess[str]:
    command = [str(SCRIPT), *args]
    if umask is not None:
        command = ["sh", "-c", f'umask {umask:03o} && exec "$@"', "sh", *command]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FACTCHECK_", "GITHUB_"))}
    return run_guarded(command, cwd=cwd, env=env)  # no wall-clock bound: only a stuck run fails


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes and umask")
@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_generated_files_follow_the_umask(tmp_path: Path, umask: int, mode: int) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    ran = factcheck(tmp_path, "compare", "seeds", "-j", "1", "-q", umask=umask)
    assert ran.returncode in (0, 1), ran.stderr
    findings = factcheck(tmp_path, "compare", "seeds", "-j", "1", "-q", "--format", "json", umask=umask)
    first = findings.stdout.split('"id": "F-', 1)[1].split('"', 1)[0]
    reviewed = factcheck(tmp_path, "review", "seeds", f"F-{first}", "--status", "confirmed", "--note", "n", umask=umask)
    assert reviewed.returncode == 0, reviewed.stderr
    written = [
        *tmp_path.joinpath("claims").iterdir(),
        tmp_path / "reports" / "seeds.md",
        tmp_path / "reviews" / "seeds.json",
    ]
    assert len(written) == 6  # three claims files, the signatures beside them, the report, the reviews
    for path in written:
        assert stat.S_IMODE(path.stat().st_mode) == mode, path
    assert not [p for p in tmp_path.rglob("*.tmp")]  # no temporary file left behind


def test_html_sources_work_on_the_installed_package(tmp_path: Path) -> None:
    for name in ("trafilatura", "lxml_html_clean"):
        assert metadata.version(name)  # declared, so a fresh install has it
    requires = " ".join(metadata.requires("factcheck") or [])
    assert "lxml_html_clean" in requires or "lxml-html-clean" in requires
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "flood.html").write_text(PAGE, encoding="utf-8")
    ran = factcheck(tmp_path, "compare", "pages", "-j", "1", "--format", "json")
    assert ran.returncode == 0, ran.stderr
    assert "Traceback" not in ran.stderr
    claims = (tmp_path / "claims" / "flood.html.json").read_text(encoding="utf-8")
    assert '"format": "html"' in claims
    assert "Lena Oddvik, 47" in claims


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["compare", "seeds", "--claims-dir", "README.md"], "README.md: is a file, not a folder"),
        (["check", "seeds", "--reports-dir", "README.md"], "README.md: is a file, not a folder"),
        (["review", "seeds", "F-0000000000", "--status", "confirmed", "--note", "n"], "no finding F-0000000000"),
        (["claim", "list", "seeds", "missing.txt"], "no source 'missing.txt'"),
        (["claim", "reject", "seeds", "c-0000000000", "--note", "n"], "no claim c-0000000000"),
        (["claim", "correct", "seeds", "c-0000000000", "--set", "value=3", "--note", "n"], "no claim c-0000000000"),
        (
            ["claim", "add", "seeds", "x.txt", "--kind", "age", "--subject", "A", "--quote", "q", "--note", "n"],
            "no source 'x.txt'",
        ),
        (["compare", "no-such-folder"], "no-such-folder: no such folder"),
    ],
)
def test_every_command_fails_in_one_line_with_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    (tmp_path / "README.md").write_text("notes\n", encoding="utf-8")
    before = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*"))
    ran = factcheck(tmp_path, *args)
    assert ran.returncode == 2
    assert ran.stdout == ""
    assert message in ran.stderr
    assert len(ran.stderr.strip().splitlines()) == 1, ran.stderr
    assert "Traceback" not in ran.stderr
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == before
