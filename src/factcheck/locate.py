"""Where evidence sits in the file a person opens: the line of the source file, for annotations
and code scanning.

For text and Markdown the offsets count the file's own characters, so the line is the one the
finding gives. For HTML they count the extracted article text, whose lines are not the page's:
the quote is looked for in the page's visible text (tags dropped, entities decoded, white space
folded) and mapped back to the line of the page where it starts. When it cannot be found there,
there is no line: an annotation on the file is better than one on a wrong line.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.errors import SourceFileError
from factcheck.ingest import DECLARED_CHARSET, SOURCE_SUFFIXES, decode, read_bytes
from factcheck.models import ClaimRef

TOKEN = re.compile(
    r"<!--.*?-->|<(script|style|template|noscript)\b[^>]*>.*?</\1\s*>|<[^>]*>|&#?\w{1,32};|\s+|[^<&\s]+|[<&]",
    re.DOTALL | re.IGNORECASE,
)
BLOCK = re.compile(r"</?(p|div|br|li|h[1-6]|tr|td|th|section|article|header|footer|blockquote)\b", re.IGNORECASE)
PREFIX_WORDS = 8  # a quote that does not match whole (trafilatura joined or cut it) is looked for by its start


def visible_text(page: str) -> tuple[str, list[int]]:
    """The text a reader sees in an HTML page, white space folded to single spaces, and for each of
    its characters the offset in `page` it comes from."""
    out: list[str] = []
    origin: list[int] = []

    def space(at: int) -> None:
        if out and out[-1] != " ":
            out.append(" ")
            origin.append(at)

    for m in TOKEN.finditer(page):
        token = m.group(0)
        if token.startswith("<") and len(token) > 1:
            if BLOCK.match(token):
                space(m.start())
            continue
        if token.startswith("&") and token.endswith(";"):
            decoded = html.unescape(token)
            for ch in decoded:
                if ch.isspace():
                    space(m.start())
                else:
                    out.append(ch)
                    origin.append(m.start())
            continue
        if token.isspace():
            space(m.start())
            continue
        out.extend(token)
        origin.extend(range(m.start(), m.end()))
    return "".join(out), origin


def _folded(text: str) -> str:
    return " ".join(text.split())


def page_line(page: str, quote: str, visible: tuple[str, list[int]] | None = None) -> int | None:
    """The line of `page` where the visible text `quote` starts, or None when it is not there."""
    text, origin = visible or visible_text(page)
    wanted = _folded(quote)
    at = text.find(wanted) if wanted else -1
    if at < 0:
        words = wanted.split(" ")
        if len(words) > PREFIX_WORDS:
            at = text.find(" ".join(words[:PREFIX_WORDS]))
    if at < 0:
        return None
    return page.count("\n", 0, origin[at]) + 1


@dataclass
class FileLines:
    """Evidence lines of the files in one sources folder, each HTML page read once."""

    folder: Path
    pages: dict[str, tuple[str, tuple[str, list[int]]] | None] = field(default_factory=dict)

    def _page(self, source: str) -> tuple[str, tuple[str, list[int]]] | None:
        if source not in self.pages:
            try:
                data = read_bytes(self.folder / source)
            except (SourceFileError, OSError):
                self.pages[source] = None
                return None
            declared = DECLARED_CHARSET.search(data[:4096])
            page = decode(data, declared.group(1).decode("ascii") if declared else None).text
            self.pages[source] = (page, visible_text(page))
        return self.pages[source]

    def line(self, ref: ClaimRef) -> int | None:
        """The line of the source file where `ref`'s evidence starts, None when it cannot be told."""
        if SOURCE_SUFFIXES.get(Path(ref.source).suffix.lower()) != "html":
            return ref.line
        found = self._page(ref.source)
        if found is None:
            return None
        page, visible = found
        return page_line(page, ref.quote, visible)
