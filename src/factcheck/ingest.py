"""Files → documents: find the sources in a folder, decode them, read front matter and datelines.

Offsets everywhere in factcheck refer to the text this module returns: the decoded file (for
plain text and Markdown, front matter included) or the extracted main text (for HTML).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path
from typing import Any

import yaml

from factcheck.errors import SourcesError
from factcheck.extract.dates import find_dateline
from factcheck.models import Document, Evidence, Source

TEXT_SUFFIXES = {".txt": "text", ".md": "markdown", ".markdown": "markdown"}
FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(?P<body>.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)


def find_source_files(folder: Path) -> list[Path]:
    """Every readable source below `folder`, sorted by relative path so runs are deterministic."""
    if not folder.exists():
        raise SourcesError(f"{folder}: no such folder", "Give the folder that holds the articles.")
    if not folder.is_dir():
        raise SourcesError(f"{folder}: not a folder", "Give the folder that holds the articles, not a file.")
    files = [p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES]
    return sorted(files, key=lambda p: p.relative_to(folder).as_posix())


def source_id(folder: Path, path: Path) -> str:
    return path.relative_to(folder).as_posix()


def decode(data: bytes) -> tuple[str, str]:
    """Bytes → (text, encoding). UTF-8 first (the common case, and exact); a BOM is kept out of
    the text; anything else goes to charset detection."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return data.decode("utf-8", errors="replace"), "utf-8 (with replacements)"
    return str(best), best.encoding


def _front_matter(text: str) -> dict[str, Any]:
    m = FRONT_MATTER.match(text)
    if not m:
        return {}
    try:
        data = yaml.safe_load(m.group("body"))
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def _lines(text: str, limit: int) -> list[tuple[int, str]]:
    out = []
    offset = 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            out.append((offset, line.rstrip("\r\n")))
        offset += len(line)
        if len(out) >= limit:
            break
    return out


def document_from_text(sid: str, text: str, *, sha256: str, encoding: str, fmt: str) -> Document:
    """Build the Document of a decoded text: front matter, title, dateline."""
    meta = _front_matter(text) if fmt in ("markdown", "text") else {}
    body_start = FRONT_MATTER.match(text).end() if meta else 0  # type: ignore[union-attr]
    head = _lines(text[body_start:], 12)
    head = [(o + body_start, line) for o, line in head]
    title = meta.get("title") if isinstance(meta.get("title"), str) else None
    published = _as_date(meta.get("published") or meta.get("date"))
    published_from = "front-matter" if published else None
    evidence = None
    if published is None:
        found = find_dateline(head)
        if found:
            start, end, published = found
            published_from = "dateline"
            evidence = Evidence(source=sid, start=start, end=end, quote=text[start:end])
    if title is None:
        # The headline: the first line of at most 25 words that does not end like a sentence.
        for _, line in head[:6]:
            words = line.split()
            if 3 <= len(words) <= 25 and not line.rstrip().endswith((".", "…")):
                title = line.strip().lstrip("# ").strip()
                break
    outlet = meta.get("outlet") or meta.get("source") or meta.get("publisher")
    url = meta.get("url") or meta.get("link")
    source = Source(
        id=sid,
        sha256=sha256,
        encoding=encoding,
        format=fmt,  # type: ignore[arg-type]
        length=len(text),
        title=title,
        outlet=str(outlet) if outlet else None,
        url=str(url) if url else None,
        published=published,
        published_from=published_from,  # type: ignore[arg-type]
        published_evidence=evidence,
    )
    return Document(source=source, text=text)


def read_source(folder: Path, path: Path) -> Document:
    """Read one file into a Document."""
    data = path.read_bytes()
    text, encoding = decode(data)
    fmt = TEXT_SUFFIXES[path.suffix.lower()]
    return document_from_text(
        source_id(folder, path), text, sha256=hashlib.sha256(data).hexdigest(), encoding=encoding, fmt=fmt
    )


def read_text(folder: Path, sid: str) -> str:
    """The text of a source as offsets see it (used to check evidence)."""
    return read_source(folder, folder / sid).text
