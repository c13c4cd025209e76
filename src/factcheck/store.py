"""Reading and writing factcheck's own files: claims files and reports, written atomically.

A claims file records a hash of what factcheck generated; if the file on disk no longer matches
it, a person edited it, and factcheck will not overwrite it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from pathlib import Path

from pydantic import ValidationError

from factcheck.errors import ClaimsFileError, render_validation_error
from factcheck.models import ClaimsFile


def atomic_write(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file and a rename, so no reader ever sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, file_mode())  # mkstemp makes 0600; a generated file is as readable as any other
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def file_mode() -> int:
    """The mode a written file gets: what the umask leaves of 0666 (0644 under the usual umask 022),
    as `open()` would give it."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


# Source ids used as file names unchanged: lower case (so no two differ only in case, which a
# case-insensitive file system would merge), no '/', '~' or leading dot, not too long.
PLAIN_NAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,149}")
WINDOWS_DEVICES = frozenset(["con", "prn", "aux", "nul", *(f"{d}{i}" for d in ("com", "lpt") for i in range(10))])


def safe_name(source_id: str) -> str:
    """A file name for a source id that cannot escape its folder and that no other id shares.

    A plain lower-case name is kept as it is. Any other id (folders, capitals, spaces, other
    scripts, control characters) becomes a readable lower-case stem, '~' and a hash of the whole
    id; a plain name never contains '~', so the two kinds never meet.

    >>> safe_name("000_report.txt")
    '000_report.txt'
    >>> safe_name("world/Report 1.txt")[:20]
    'world__report_1.txt~'
    """
    stem = source_id.split(".")[0]
    if PLAIN_NAME.fullmatch(source_id) and stem not in WINDOWS_DEVICES:
        return source_id
    readable = re.sub(r"[^a-z0-9._-]+", "_", source_id.replace("\\", "/").replace("/", "__").lower())
    readable = readable.lstrip("._-")[:100] or "source"
    digest = hashlib.sha256(source_id.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return f"{readable}~{digest}"


def claims_path(claims_dir: Path, source_id: str) -> Path:
    return claims_dir / f"{safe_name(source_id)}.json"


def _hash(data: object) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def content_hash(cf: ClaimsFile) -> str:
    """Hash of everything generated in a claims file except the hash itself."""
    return _hash(cf.model_dump(mode="json", exclude={"content_hash"}))


def dump_claims(cf: ClaimsFile) -> str:
    cf.content_hash = content_hash(cf)
    return cf.model_dump_json(indent=2) + "\n"


def load_claims(path: Path) -> ClaimsFile:
    """Read and validate a claims file; a malformed one is an error naming the file and field."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ClaimsFileError(f"{path}: cannot be read: {exc}") from exc
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ClaimsFileError(
            f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})",
            "Fix the file, or delete it and run `factcheck compare` to extract it again.",
        ) from exc
    try:
        cf = ClaimsFile.model_validate(data)
    except ValidationError as exc:
        raise ClaimsFileError(
            render_validation_error(str(path), exc),
            "Fix the file, or delete it and run `factcheck compare` to extract it again.",
        ) from exc
    cf._read_hash = _hash({key: value for key, value in data.items() if key != "content_hash"})
    return cf


def was_hand_edited(cf: ClaimsFile) -> bool:
    """Whether a person changed the file since factcheck wrote it: its content, as read, no longer
    has the hash recorded in it. (Not as re-dumped: fields added to the schema since are no edit.)"""
    actual = cf._read_hash if cf._read_hash is not None else content_hash(cf)
    return bool(cf.content_hash) and cf.content_hash != actual
