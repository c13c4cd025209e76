"""Project configuration: the folders and the exit policy a repository of sources sets once, so no
command repeats them.

Read from `factcheck.toml`, or from `[tool.factcheck]` in `pyproject.toml`, in the working folder
or the nearest folder above it that has one (`factcheck.toml` wins in one folder). Folders named
in it are relative to the file's folder. Options on the command line override it.

    [tool.factcheck]
    sources = "sources"
    claims = "claims"
    reports = "reports"
    reviews = "reviews"
    fail-on = "unreviewed"
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from factcheck.errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

FailOn = Literal["contradiction", "divergence", "unreviewed", "never"]
FAIL_ON: tuple[FailOn, ...] = ("contradiction", "divergence", "unreviewed", "never")
FILE_NAMES = ("factcheck.toml", "pyproject.toml")


class Settings(BaseModel):
    """What a configuration file may set; every key is optional."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)

    sources: Path | None = Field(default=None, description="The sources folder, when a command is given none.")
    claims: Path = Field(default=Path("claims"), description="Where claims files are kept, one per source.")
    reports: Path = Field(default=Path("reports"), description="Where the Markdown report is written.")
    reviews: Path = Field(default=Path("reviews"), description="Where people's decisions and corrections are kept.")
    fail_on: FailOn | None = Field(
        default=None, alias="fail-on", description="What makes compare and check exit 1 (each has its default)."
    )
    file: Path | None = Field(default=None, exclude=True, description="The file these settings came from.")


def _relative(base: Path, value: Path) -> Path:
    """`value`, a path in a file kept in `base`, as a path from the working folder (short when it can be)."""
    path = value if value.is_absolute() else base / value
    try:
        return Path(os.path.relpath(path))
    except ValueError:  # another drive, on Windows
        return path


def _table(path: Path) -> dict[str, Any] | None:
    """The factcheck table of a configuration file, or None when a pyproject.toml has none."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from exc
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("factcheck")
        if table is None:
            return None
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.factcheck] must be a table")
        return table
    return data


def find_config(start: Path | None = None) -> Path | None:
    """The configuration file that applies in `start` (default: the working folder), if any."""
    folder = (start or Path.cwd()).resolve()
    for here in (folder, *folder.parents):
        for name in FILE_NAMES:
            candidate = here / name
            if candidate.is_file() and (name == "factcheck.toml" or _table(candidate) is not None):
                return candidate
    return None


def load_settings(path: Path | None = None) -> Settings:
    """The settings of `path`, or of the configuration found from the working folder; defaults when none."""
    path = path or find_config()
    if path is None:
        return Settings()
    table = _table(path) or {}
    try:
        raw = Settings.model_validate(table)
    except ValidationError as exc:
        first = exc.errors()[0]
        key = ".".join(str(p) for p in first.get("loc", ())) or "(top level)"
        problem = "unknown key" if first.get("type") == "extra_forbidden" else first.get("msg", "invalid")
        where = "[tool.factcheck] " if path.name == "pyproject.toml" else ""
        raise ConfigError(f"{path}: {where}key '{key}': {problem}", f"Keys: {', '.join(KEYS)}.") from exc
    base = path.parent
    return raw.model_copy(
        update={
            "sources": _relative(base, raw.sources) if raw.sources is not None else None,
            "claims": _relative(base, raw.claims),
            "reports": _relative(base, raw.reports),
            "reviews": _relative(base, raw.reviews),
            "file": path,
        }
    )


KEYS = ("sources", "claims", "reports", "reviews", "fail-on")
