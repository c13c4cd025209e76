"""Files → documents: find the sources in a folder, read and decode them, read front matter, HTML
metadata and datelines.

What is read:

- `.txt` and `.text` as plain text; `.md` and `.markdown` as Markdown, with YAML front matter
  (`title`, `outlet`, `url`, `published` or `date`); `.html` and `.htm` through trafilatura, which
  finds the main text and the page's metadata. Any other file is skipped with a warning.
- Offsets everywhere in factcheck refer to the text this module returns. For plain text and
  Markdown that is the decoded file, character for character: front matter, line endings and a
  byte-order mark included (a BOM is the character U+FEFF at offset 0, as Python's `utf-8` codec
  and most editors count it). For HTML it is the extracted main text, which the claims file keeps.
- `Source.encoding` names the codec that turns the file's bytes into exactly that text:
  `data.decode(source.encoding) == text` (with `errors="replace"` when the source has a warning
  about replaced bytes). UTF-8 is tried first, then a BOM, an HTML page's declared charset and
  charset detection (charset-normalizer) for Windows-1251/1252, Latin-1 and the like.
- Files passed over (and why) come back as one-line warnings; a file that cannot be read never
  stops the run. Symbolic links are never followed.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import yaml
from pydantic import ValidationError

from factcheck.errors import SourceFileError, SourcesError, render_validation_error
from factcheck.models import Document, Evidence, Source, SourceInfo
from factcheck.text.dates import SHORT_MONTHS, SHORT_WEEKDAYS, find_dateline, find_dates
from factcheck.text.frontmatter import FRONT_MATTER

SOURCE_SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}
# A news article is tens of kilobytes; a file this large is a dump, a book or a mistake, and
# extracting it would take minutes.
MAX_SOURCE_BYTES = 5 * 1024 * 1024
# Front matter is a few lines; PyYAML is slow on a long one.
MAX_FRONT_MATTER = 16_000
# Longest first: a UTF-32-LE BOM starts with the UTF-16-LE one.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control bytes that never occur in text (NUL, and C0 controls other than tab, newlines, form
# feed and escape).
BINARY_BYTES = bytes([0, *range(1, 8), *range(14, 27), *range(28, 32)])
# Single-byte encodings of news sites, most common first (Latin-1 text reads the same in 1252).
COMMON_ENCODINGS = (
    "cp1252",
    "cp1251",
    "latin_1",
    "iso8859_15",
    "cp1250",
    "koi8_r",
    "cp1256",
    "cp1253",
    "cp1254",
)
DECLARED_CHARSET = re.compile(rb"(?i)<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{1,40})")


# --- finding the sources ---------------------------------------------------------------------


@dataclass
class Scan:
    """What a folder holds: the source files to read, and one line for each file passed over."""

    files: list[Path] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n} bytes"


def scan_folder(folder: Path, exclude: Iterable[Path] = ()) -> Scan:
    """The sources below `folder`, sorted by relative path so runs are deterministic.

    Hidden files and folders (a name starting with '.') and the folders in `exclude` (factcheck's
    own output, when it is kept inside the sources folder) are passed over silently; everything
    else that is not read gets a line in `Scan.skipped`: other file types, empty files, files
    over MAX_SOURCE_BYTES, symbolic links, special files and folders that cannot be listed.
    """
    if not folder.exists():
        raise SourcesError(f"{folder}: no such folder", "Give the folder that holds the articles.")
    if not folder.is_dir():
        raise SourcesError(f"{folder}: not a folder", "Give the folder that holds the articles, not a file.")
    root = folder.resolve()
    try:
        os.listdir(root)
    except OSError as exc:
        hint = "Check the folder's permissions."
        raise SourcesError(f"{folder}: cannot be read ({exc.strerror})", hint) from exc
    excluded = {p.resolve() for p in exclude}
    scan = Scan()

    def shown(path: Path) -> str:
        return (folder / path.relative_to(root)).as_posix()

    def unlisted(exc: OSError) -> None:
        where = shown(Path(str(exc.filename)))
        scan.skipped.append(f"{where}: folder cannot be read ({exc.strerror}); skipped")

    found: list[tuple[str, Path]] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=unlisted, followlinks=False):
        here = Path(dirpath)
        kept = []
        for name in sorted(dirnames):
            path = here / name
            if name.startswith(".") or (not path.is_symlink() and path in excluded):
                continue
            if path.is_symlink():
                target = path.resolve()
                where = (
                    "inside the folder, whose files are read where they are"
                    if _inside(target, root)
                    else f"outside {folder}"
                )
                scan.skipped.append(f"{shown(path)}: link to a folder {where}; not followed")
                continue
            kept.append(name)
        dirnames[:] = kept
        for name in sorted(filenames):
            path = here / name
            reason = _pass_over(path, root, folder) if not name.startswith(".") else ""
            if reason is None:
                rel = path.relative_to(root).as_posix()
                found.append((rel, folder / rel))
            elif reason:
                scan.skipped.append(f"{shown(path)}: {reason}")
    scan.files = [p for _, p in sorted(found)]
    return scan


def _pass_over(path: Path, root: Path, folder: Path) -> str | None:
    """Why `path` is not read as a source ('' to pass over silently), or None to read it."""
    try:
        info = path.lstat()
    except OSError as exc:
        return f"cannot be read ({exc.strerror}); skipped"
    if stat.S_ISLNK(info.st_mode):
        target = path.resolve()
        if not target.exists():
            return "broken link; skipped"
        if not _inside(target, root):
            return f"link to a file outside {folder}; not followed"
        return f"link to {target.relative_to(root).as_posix()}, which is read under its own name; skipped"
    suffix = path.suffix.lower()
    if path.name == SOURCES_FILE and path.parent == root:
        return ""  # what the sources are: read by load_source_info
    if suffix not in SOURCE_SUFFIXES:
        return "not a source file (.txt, .md or .html); skipped"
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file; skipped"
    if info.st_size == 0:
        return "empty file; skipped"
    if info.st_size > MAX_SOURCE_BYTES:
        return f"{_size(info.st_size)}, more than the {_size(MAX_SOURCE_BYTES)} a source may have; skipped"
    return None


def find_source_files(folder: Path, exclude: Iterable[Path] = ()) -> list[Path]:
    """Every source below `folder` (see `scan_folder`), sorted by relative path."""
    return scan_folder(folder, exclude).files


def source_id(folder: Path, path: Path) -> str:
    return path.relative_to(folder).as_posix()


# --- reading and decoding --------------------------------------------------------------------


class Decoded(NamedTuple):
    text: str
    encoding: str
    warning: str | None = None


def read_bytes(path: Path) -> bytes:
    """The bytes of a source file; SourceFileError when it cannot be read, is empty or too large."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_SOURCE_BYTES + 1)
    except OSError as exc:
        raise SourceFileError(f"cannot be read ({exc.strerror or exc})") from exc
    if not data:
        raise SourceFileError("empty file")
    if len(data) > MAX_SOURCE_BYTES:
        raise SourceFileError(f"more than the {_size(MAX_SOURCE_BYTES)} a source may have")
    return data


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or '-be' when NUL bytes sit in every other byte, as in mostly-ASCII UTF-16."""
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    if len(sample) < 4 or len(sample) % 2:
        return None
    if odd.count(0) > 0.3 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.3 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    controls = sum(sample.count(b) for b in BINARY_BYTES)
    return b"\x00" in sample or controls > 0.05 * len(sample)


def decode(data: bytes, declared: str | None = None) -> Decoded:
    """Bytes → text and the codec that gives it; SourceFileError for a binary file.

    Order: a byte-order mark (kept in the text as U+FEFF), strict UTF-8, UTF-16 without a BOM,
    the charset an HTML page declares, then charset detection.

    >>> decode("café".encode("cp1252") * 3).text
    'cafécafécafé'
    """
    for bom, codec in BOMS:
        if data.startswith(bom):
            text = data.decode(codec, errors="replace")
            return Decoded(text, codec, _replaced(text, codec))
    utf16 = _utf16_without_bom(data) if b"\x00" in data[:8192] else None
    if utf16:
        text = data.decode(utf16, errors="replace")
        return Decoded(text, utf16, _replaced(text, utf16))
    if _looks_binary(data):
        raise SourceFileError("binary file, not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            codec = codecs.lookup(declared).name
            return Decoded(data.decode(codec), codec)
        except (LookupError, UnicodeDecodeError):
            pass
    detected = _detect(data)
    if detected is not None:
        try:
            return Decoded(data.decode(detected), detected)
        except (LookupError, UnicodeDecodeError):
            pass
    text = data.decode("utf-8", errors="replace")
    return Decoded(text, "utf-8", _replaced(text, "utf-8") or "not valid in any encoding factcheck knows")


def _detect(data: bytes) -> str | None:
    """The encoding charset-normalizer finds; among equally good guesses, the common one.

    On a paragraph or two the guesses tie often ("año" reads as well in Windows-1250 as in
    Windows-1252, though only one is right), so a near tie (as little chaos, coherence within
    0.1, which is noise on short texts) goes to the encodings news sites use.
    """
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        return None
    best = matches[0]  # charset-normalizer's order: least chaos, then most coherence
    tied = [m for m in matches if m.chaos <= best.chaos + 0.02 and m.coherence >= best.coherence - 0.1]
    for codec in COMMON_ENCODINGS:
        if any(codec in m.could_be_from_charset for m in tied):
            return codec
    return str(best.encoding)


def _replaced(text: str, codec: str) -> str | None:
    n = text.count("\ufffd")
    return f"{n} byte sequences that are not valid {codec} read as U+FFFD" if n else None


# --- metadata --------------------------------------------------------------------------------


class Metadata(NamedTuple):
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    published_from: str | None = None
    warnings: tuple[str, ...] = ()


def _scalar(value: Any) -> str | None:
    """A front-matter value as one line of text; lists, tables and empty values are not one."""
    if isinstance(value, bool) or not isinstance(value, str | int | float | dt.date):
        return None
    text = " ".join(str(value).split())
    return text[:500] or None


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


def front_matter(text: str) -> tuple[Metadata, int]:
    """The YAML front matter at the start of `text` and where the body starts after it.

    A front matter that is not valid YAML, or not a table, is ignored with a warning.

    >>> front_matter("---\\ntitle: Storm\\npublished: 2024-05-01\\n---\\nBody")[0].published
    datetime.date(2024, 5, 1)
    """
    m = FRONT_MATTER.match(text)
    if not m:
        return Metadata(), 0
    body = m.group("body") or ""
    if m.end() > MAX_FRONT_MATTER:
        return Metadata(warnings=(f"front matter longer than {MAX_FRONT_MATTER} characters; ignored",)), m.end()
    if body.count("[") + body.count("{") > 200:
        # PyYAML takes time quadratic in the nesting of flow collections.
        return Metadata(warnings=("front matter with more than 200 brackets; ignored",)), m.end()
    try:
        data = yaml.safe_load(body)
    except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError) as exc:
        # ValueError: a date YAML recognises but the calendar does not (2024-13-45).
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        return Metadata(warnings=(f"front matter is not valid YAML{where}; ignored",)), m.end()
    if data is None:
        return Metadata(), m.end()
    if not isinstance(data, dict):
        return Metadata(warnings=("front matter is not a table of fields; ignored",)), m.end()
    warnings = []
    raw_date = data.get("published", data.get("date"))
    published = _as_date(raw_date)
    if raw_date is not None and published is None:
        warnings.append("front matter: published date is not a date (YYYY-MM-DD); ignored")
    meta = Metadata(
        title=_scalar(data.get("title")),
        outlet=_scalar(data.get("outlet") or data.get("source") or data.get("publisher")),
        url=_scalar(data.get("url") or data.get("link")),
        published=published,
        published_from="front-matter" if published else None,
        warnings=tuple(warnings),
    )
    return meta, m.end()


PUBLICATION_LINE = re.compile(
    r"^\W*(?:(?:first|last|originally)\s+)?(?:published|posted|updated|modified|date(?:d)?)\b(?:\s+(?:on|at))?\W",
    re.IGNORECASE,
)


def is_publication_line(text: str) -> bool:
    """A line that says when the article was published or updated ('Posted 11/27/2005 7:21 AM'),
    not what happened: it belongs in the source list, not among the claims.

    >>> is_publication_line("Updated: 5 May 2024, 10:02")
    True
    >>> is_publication_line("Police posted a statement on 5 May.")
    False
    """
    return len(text) <= 120 and bool(PUBLICATION_LINE.match(text.strip()))


# An outlet's name as mastheads, bylines and datelines write it: one to five capitalised words
# ('Associated Press', 'The Daily Planet', 'BBC News'), '&' and 'of' allowed inside.
_NAME = r"(?P<outlet>[A-Z][\w&.'’-]*(?:\s+(?:of\s+|&\s+|and\s+)?[A-Z0-9][\w&.'’-]*){0,4})"
# Where a line of an article's head names its outlet, as (pattern name, pattern).
OUTLET_LINES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "KYIV (Agency) — ..." / "LONDON, May 5 (Agency) -": a wire dateline.
    ("agency-dateline", re.compile(r"^[A-Z][A-Z .'’-]{1,40}(?:,[^()\n]{0,40})?\s*\(" + _NAME + r"\)\s*[-—–:]")),
    # "Become an X member", "Subscribe to X", "Support X today": a pitch naming the publisher.
    ("pitch", re.compile(r"^(?:Become an?|Join|Support|Subscribe to|Donate to)\s+" + _NAME
                         + r"(?:\s+(?:[Mm]ember(?:ship)?|[Ss]ubscriber|[Pp]lus|[Pp]remium))?\s*(?:today|now)?\W*$")),
    # "By Anna Berg, The Daily Planet" / "By Anna Berg | The Daily Planet".
    ("byline", re.compile(r"^By\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*[,|/—–]\s*" + _NAME
                          + r"\s*(?:[|,—–].*)?$")),
    # "© 2024 The Daily Planet. All rights reserved."
    ("copyright", re.compile(r"^(?:©|\([cC]\)|Copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s+)?" + _NAME
                             + r"[.,]?\s*(?:All [Rr]ights [Rr]eserved\.?)?\s*$")),
    # "Source: The Daily Planet"
    ("source-line", re.compile(r"^Source:\s*" + _NAME + r"\s*$")),
)  # fmt: skip
# Words a name in those places may be that are no outlet: a job, a pronoun, a label, a time.
NOT_OUTLET = frozenset(
    (
        "staff", "writer", "reporter", "correspondent", "editor", "contributor", "columnist", "photographer", "intern",
        "our", "us", "your", "you", "this", "independent", "free", "quality", "local", "journalism",
        "published", "posted", "updated", "date", "dated", "by", "on", "last", "first",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december",
    )
)  # fmt: skip
# A weekday's or month's short form, which a date line starts with ('Wed May 5, 2010 7:12pm'): no
# outlet on its own (a name that holds one, like 'The Sun', may be).
SHORT_DAYS_AND_MONTHS = SHORT_WEEKDAYS.keys() | SHORT_MONTHS.keys()
# "Agency Sep 18, 2013, 02.16PM": an outlet's name just before the dateline's date.
# What may follow a dateline's date: a time and a zone ("02.16PM IST", "at 1:24 PM", "| 08:06AM PT").
TIME_AFTER_DATE = re.compile(r"[\s,|]*(?:at\s+)?(?:\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:[A-Z]{2,4})?)?\s*")
NAME_BEFORE_DATE = re.compile(r"[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3}")


# A line asking the reader for something: page furniture, never the headline.
PITCH = re.compile(r"^\W*(?:Become an?|Join|Support|Subscribe|Donate|Sign up|Log in|Read more)\b", re.IGNORECASE)
PITCH_WORDS = frozenset(("member", "members", "membership", "subscriber", "subscribers"))


def _outlet_name(name: str) -> str | None:
    name = name.strip(" .,'’-")
    while name.split() and name.split()[-1].lower() in PITCH_WORDS:  # "Become an X Member"
        name = name.rsplit(None, 1)[0] if len(name.split()) > 1 else ""
    words = name.split()
    if not words or len(name) < 2 or words[0].lower() in NOT_OUTLET or words[-1].lower() in NOT_OUTLET:
        return None
    if len(words) == 1 and name.lower().rstrip(".") in SHORT_DAYS_AND_MONTHS:
        return None
    return name


def find_outlet(lines: list[tuple[int, str]]) -> tuple[int, int, str] | None:
    """The outlet an article's own lines name: a wire dateline ('KYIV (Agency) —'), a pitch ('Become
    an X member'), a byline ('By A. Writer, X'), a copyright or source line. `lines` are (offset,
    line) pairs; returns (start, end, name) of the name.

    >>> find_outlet([(0, "By Anna Berg, The Daily Planet")])
    (14, 30, 'The Daily Planet')
    >>> find_outlet([(0, "By Anna Berg, Staff Writer")]) is None
    True
    """
    for offset, line in lines:
        text = line.strip()
        lead = offset + len(line) - len(line.lstrip())
        for _name, pattern in OUTLET_LINES:
            m = pattern.match(text)
            if m is None:
                continue
            name = _outlet_name(m.group("outlet"))
            if name is not None:
                start = lead + m.start("outlet") + m.group("outlet").find(name)
                return start, start + len(name), name
    return None


def find_outlet_dateline(lines: list[tuple[int, str]]) -> tuple[int, int, str, int, int, dt.date] | None:
    """An outlet's name followed by the publication date on one line ('Agency Sep 18, 2013, 02.16PM
    IST'): (name start, name end, name, date start, date end, date)."""
    for offset, line in lines[:6]:
        words = list(re.finditer(r"\S+", line[:120]))
        for k in range(1, min(5, len(words))):
            name = _outlet_name(line[: words[k - 1].end()])
            if name is None or not NAME_BEFORE_DATE.fullmatch(line[: words[k - 1].end()]):
                break
            rest = line[words[k].start() :]
            dates = find_dates(rest[:80])
            if not dates or dates[0].start != 0:
                continue
            d = dates[0]
            if d.kind != "absolute" or d.year is None or d.month is None or d.day is None:
                break
            if TIME_AFTER_DATE.fullmatch(rest[d.end :]):
                start = offset + words[k].start()
                return offset, offset + len(name), name, start, start + d.end, dt.date(d.year, d.month, d.day)
            break
    return None


def _lines(text: str, start: int, limit: int) -> list[tuple[int, str]]:
    """The first `limit` non-blank lines of text[start:], with their offsets (a BOM left out)."""
    out = []
    offset = start
    for line in text[start:].splitlines(keepends=True):
        content = line.rstrip("\r\n")
        lead = len(content) - len(content.lstrip("\ufeff"))
        if content.strip("\ufeff \t"):
            out.append((offset + lead, content[lead:]))
        offset += len(line)
        if len(out) >= limit:
            break
    return out


def _last_lines(text: str, limit: int) -> list[tuple[int, str]]:
    """The last `limit` non-blank lines of text, with their offsets: where copyright lines are."""
    out: list[tuple[int, str]] = []
    end = len(text)
    while end > 0 and len(out) < limit:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].rstrip("\r")
        if line.strip():
            out.append((start, line))
        end = start - 1
    return out[::-1]


def document_from_text(
    sid: str,
    text: str,
    *,
    sha256: str,
    encoding: str,
    fmt: str,
    metadata: Metadata | None = None,
    warnings: Iterable[str] = (),
    info: SourceInfo | None = None,
) -> Document:
    """Build the Document of a decoded text: front matter (or `metadata`, for HTML), title, dateline,
    outlet; what `info` (the file's entry in sources.yaml) gives comes first."""
    meta, body_start = (metadata, 0) if metadata is not None else front_matter(text)
    head = _lines(text, body_start, 12)
    published, published_from, evidence = meta.published, meta.published_from, None
    outlet, outlet_from = (
        meta.outlet,
        ("front-matter" if metadata is None else "html-metadata") if meta.outlet else None,
    )
    outlet_evidence = None
    named = find_outlet_dateline(head)  # "Agency Sep 18, 2013": the outlet, then the date
    if published is None:
        found = find_dateline(head) or (named[3:] if named is not None else None)
        if found:
            start, end, published = found
            published_from = "dateline"
            evidence = Evidence(source=sid, start=start, end=end, quote=text[start:end])
    if outlet is None:
        found_outlet = named[:3] if named is not None else find_outlet(head) or find_outlet(_last_lines(text, 4))
        if found_outlet is not None:
            o_start, o_end, outlet = found_outlet
            outlet_from = "text"
            outlet_evidence = Evidence(source=sid, start=o_start, end=o_end, quote=text[o_start:o_end])
    url = meta.url
    if info is not None:
        if info.outlet:
            outlet, outlet_from, outlet_evidence = info.outlet, "sources-file", None
        if info.published:
            published, published_from, evidence = info.published, "sources-file", None
        url = info.url or url
    title = meta.title
    if title is None:
        # The headline: the first line of at most 25 words that does not end like a sentence.
        for offset, line in head[:6]:
            words = line.split()
            if evidence is not None and offset <= evidence.start < offset + len(line):
                continue  # the dateline
            if PITCH.match(line) or (
                outlet_evidence is not None and offset <= outlet_evidence.start < offset + len(line)
            ):
                continue  # a masthead or a pitch for the outlet
            if 3 <= len(words) <= 25 and not line.rstrip().endswith((".", "…")):
                title = line.strip().lstrip("# ").strip()
                break
    source = Source(
        id=sid,
        sha256=sha256,
        encoding=encoding,
        format=fmt,
        length=len(text),
        title=title,
        outlet=outlet,
        url=url,
        published=published,
        published_from=published_from,
        published_evidence=evidence,
        outlet_from=outlet_from,
        outlet_evidence=outlet_evidence,
        warnings=[*warnings, *meta.warnings],
    )
    return Document(source=source, text=text)


def _html_document(sid: str, data: bytes, sha256: str, info: SourceInfo | None = None) -> Document:
    """The main text of an HTML page and its metadata, through trafilatura."""
    import trafilatura

    declared = DECLARED_CHARSET.search(data[:4096])
    page, encoding, warning = decode(data, declared.group(1).decode("ascii") if declared else None)
    result = trafilatura.bare_extraction(
        page,
        with_metadata=True,
        include_comments=False,  # readers' comments are not the article
        date_extraction_params={
            "original_date": True,  # the publication date, not the last update
            "extensive_search": False,  # from the page's metadata only, never guessed from its text
            "max_date": dt.date.today().isoformat(),
        },
    )
    fields: dict[str, Any] = {}
    if result is not None:
        fields = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = fields.get("text") or ""
    if not text.strip():
        raise SourceFileError("no article text found in the HTML page")
    published = _as_date(fields.get("date"))
    meta = Metadata(
        title=_scalar(fields.get("title")),
        outlet=_scalar(fields.get("sitename")),
        url=_scalar(fields.get("url")),
        published=published,
        published_from="html-metadata" if published else None,
    )
    return document_from_text(
        sid, text, sha256=sha256, encoding=encoding, fmt="html", metadata=meta,
        warnings=[warning] if warning else [], info=info,
    )  # fmt: skip


SOURCES_FILE = "sources.yaml"
SOURCES_HINT = (
    "Give each file a mapping with outlet, url and published (YYYY-MM-DD), e.g. "
    "'article.txt: {outlet: Daily Planet, published: 2024-05-01}'."
)


def load_source_info(folder: Path) -> dict[str, SourceInfo]:
    """`sources.yaml` beside the sources (file → outlet, url, published), validated; {} when there is
    none. SourcesError, one line naming the file and the problem, when it is malformed."""
    path = folder / SOURCES_FILE
    if not path.is_file():
        return {}
    where = path.as_posix()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise SourcesError(f"{where}: cannot be read: {exc}") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
        raise SourcesError(f"{where}: not valid YAML{at}", SOURCES_HINT) from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise SourcesError(f"{where}: must map file names to their outlet, url and published date", SOURCES_HINT)
    out = {}
    for name, entry in data.items():
        if not isinstance(entry, dict):
            raise SourcesError(f"{where}: {name!s}: must be a mapping (outlet, url, published)", SOURCES_HINT)
        try:
            out[str(name)] = SourceInfo.model_validate(entry)
        except ValidationError as exc:
            raise SourcesError(render_validation_error(f"{where}: {name!s}", exc), SOURCES_HINT) from exc
    return out


def read_source(folder: Path, path: Path, data: bytes | None = None, info: SourceInfo | None = None) -> Document:
    """Read one file into a Document; SourceFileError when it cannot be read as an article. `info` is
    the file's entry in sources.yaml, which overrides what the file says of itself."""
    if data is None:
        data = read_bytes(path)
    sid = source_id(folder, path)
    sha256 = hashlib.sha256(data).hexdigest()
    fmt = SOURCE_SUFFIXES[path.suffix.lower()]
    if fmt == "html":
        return _html_document(sid, data, sha256, info)
    text, encoding, warning = decode(data)
    if not text.strip("\ufeff \t\r\n\f\v"):
        raise SourceFileError("no text, only white space")
    return document_from_text(
        sid, text, sha256=sha256, encoding=encoding, fmt=fmt, warnings=[warning] if warning else [], info=info
    )


def read_text(folder: Path, sid: str) -> str:
    """The text of a source as offsets see it (used to check evidence)."""
    return read_source(folder, folder / sid).text
