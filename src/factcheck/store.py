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
import time
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from factcheck.errors import ClaimsFileError, FactcheckError, render_validation_error
from factcheck.models import SCHEMA_VERSION, ClaimsFile


def atomic_write(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file and a rename, so no reader ever sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # The writer's process id in the name: a later run knows a temporary file whose writer is gone.
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)
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


def read_json(path: Path, error: type[FactcheckError], hint: str) -> Any:
    """The data of a JSON file factcheck or a person wrote, with bounds: a byte-order mark is
    accepted (some editors write one); nesting too deep for the parser, a number too long for
    Python to read and bad encoding are `error`s naming the file and the problem, never a
    traceback. The file is only read."""
    try:
        raw = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise error(f"{path}: cannot be read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise error(f"{path}: not UTF-8 (byte {exc.start}: {exc.reason})", hint) from exc
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise error(f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})", hint) from exc
    except RecursionError as exc:
        raise error(f"{path}: nested too deeply to be read (arrays or objects inside each other)", hint) from exc
    except ValueError as exc:  # "Exceeds the limit (4300 digits) for integer string conversion"
        raise error(f"{path}: a number too long to read ({str(exc).split(';')[0]})", hint) from exc


CLAIMS_HINT = "Fix the file, or delete it and run `factcheck compare` to extract it again."


def newer_version(name: str, data: object) -> str | None:
    """The error for a file written in a newer shape than this factcheck reads, or None. Older
    versions are read: the models' validators take their forms."""
    version = data.get("schema_version") if isinstance(data, dict) else None
    if isinstance(version, int) and version > SCHEMA_VERSION:
        return f"{name}: field 'schema_version': {version} is newer than this factcheck reads ({SCHEMA_VERSION})"
    return None


def load_claims(path: Path) -> ClaimsFile:
    """Read and validate a claims file; a malformed one is an error naming the file and field."""
    data = read_json(path, ClaimsFileError, CLAIMS_HINT)
    newer = newer_version(str(path), data)
    if newer is not None:  # before validation: a newer shape would fail it with a less useful message
        raise ClaimsFileError(newer, "Upgrade factcheck, or delete the file to extract the source again.")
    try:
        cf = ClaimsFile.model_validate(data)
    except ValidationError as exc:
        raise ClaimsFileError(render_validation_error(str(path), exc), CLAIMS_HINT) from exc
    except RecursionError as exc:
        raise ClaimsFileError(f"{path}: nested too deeply to be read", CLAIMS_HINT) from exc
    if not isinstance(data, dict):  # the model would have refused it
        raise ClaimsFileError(f"{path}: not a claims file", CLAIMS_HINT)
    cf._read_hash = _hash({key: value for key, value in data.items() if key != "content_hash"})
    return cf


def evidence_problem(cf: ClaimsFile, text: str) -> str | None:
    """Why the claims file does not match the source's text, or None if every claim's evidence is
    the text: offsets inside it, `text[start:end] == quote`. A file that fails would cite words the
    source does not say."""
    spans: list[tuple[str, int, int, str]] = [(f"claim {c.id}", c.start, c.end, c.quote) for c in cf.claims]
    if cf.source.published_evidence is not None:
        ev = cf.source.published_evidence
        spans.append(("the publication date's evidence", ev.start, ev.end, ev.quote))
    spans += [(f"a mention of {e.id}", m.start, m.end, m.text) for e in cf.entities for m in e.mentions]
    for what, start, end, quote in spans:
        if not 0 <= start <= end <= len(text):
            return f"{what}: offsets {start}-{end} lie outside the source's text ({len(text)} characters)"
        if text[start:end] != quote:
            return f"{what}: its quote is not the source's text at {start}-{end}"
    for c in cf.claims:
        if not c.start <= c.value_start <= c.value_end <= c.end:
            return f"claim {c.id}: its value lies outside its evidence"
    return None


def set_aside(path: Path) -> Path:
    """Move a claims file a person edited out of the way, never deleting or overwriting anything:
    `x.json` becomes `x.json.hand-edited` (or `.hand-edited-2`, ...). Returns the new path."""
    n = 1
    while True:
        target = path.with_name(path.name + (".hand-edited" if n == 1 else f".hand-edited-{n}"))
        try:
            os.link(path, target)  # fails if the target exists: nothing is ever overwritten
        except FileExistsError:
            n += 1
            continue
        except OSError:  # no hard links here: copy, then only if the name is still free
            with path.open("rb") as src, target.open("xb") as dst:
                dst.write(src.read())
        path.unlink()
        return target


# Temporary files of atomic_write: '.<name>.<writer's pid>.<8 random characters>.tmp' (before
# the pid was in the name: '.<name>.<8 random characters>.tmp').
TEMPORARY = re.compile(r"\..+?(?:\.(?P<pid>\d+))?\.[a-z0-9_]{8}\.tmp")
STALE_AFTER = 600.0  # seconds: a write takes milliseconds; for names without a pid


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process, or no such check here: assume it is at work
        return True
    return True


def remove_stale_temporaries(folder: Path, now: float | None = None) -> list[Path]:
    """Delete the temporary files an earlier, killed run left in one of factcheck's folders: those
    whose writing process is gone (a run at work alongside keeps its own), and unnamed ones older
    than STALE_AFTER. Returns what was removed."""
    removed: list[Path] = []
    now = time.time() if now is None else now
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        m = TEMPORARY.fullmatch(entry.name)
        if m is None or not entry.is_file(follow_symlinks=False):
            continue
        try:
            pid = m.group("pid")
            stale = not _alive(int(pid)) if pid else now - entry.stat(follow_symlinks=False).st_mtime > STALE_AFTER
            if stale:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except (OSError, OverflowError, ValueError):
            continue
    return removed


def was_hand_edited(cf: ClaimsFile) -> bool:
    """Whether a person changed the file since factcheck wrote it: its content, as read, no longer
    has the hash recorded in it. (Not as re-dumped: fields added to the schema since are no edit.)"""
    actual = cf._read_hash if cf._read_hash is not None else content_hash(cf)
    return bool(cf.content_hash) and cf.content_hash != actual
