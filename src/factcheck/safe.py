"""Text safe to print: the one place that decides what may reach a terminal or a CI log.

A file name, a subject, a quote or a warning can hold anything a source's author or its file name
put there. On a terminal an escape sequence would act; in a CI log a line break followed by
`::error ...` would be read as a workflow command. So every such value is passed through
`terminal_safe` where output is produced: C0 and C1 controls (tab, CR and LF included), line and
paragraph separators, bidirectional controls and zero-width characters are shown as escapes.
"""

from __future__ import annotations

import re

# C0 controls (with tab, LF and CR), DEL, C1 controls; U+2028/U+2029 break lines in some viewers.
CONTROLS = "\x00-\x1f\x7f-\x9f\u2028\u2029"
# Bidirectional embeddings, overrides and isolates can make the rest of a line read in another
# order than it is written ("Trojan Source").
BIDI = "\u202a-\u202e\u2066-\u2069"
# Characters that take no space: a name or a number with one inside looks like one without.
ZERO_WIDTH = "\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff"
# Lone surrogates (a file name that is not UTF-8) cannot be written out at all.
SURROGATES = "\ud800-\udfff"
UNPRINTABLE = re.compile(f"[{CONTROLS}{BIDI}{ZERO_WIDTH}{SURROGATES}]")
INVISIBLE = re.compile(f"[{ZERO_WIDTH}]")


def _escape(m: re.Match[str]) -> str:
    return m.group(0).encode("unicode_escape", "backslashreplace").decode("ascii")


def terminal_safe(text: str) -> str:
    """Text safe to print on a terminal or in a CI log: one line, nothing acted on, nothing hidden.

    >>> terminal_safe("a\\x1b[2Jb")
    'a\\\\x1b[2Jb'
    >>> terminal_safe("x.txt\\n::error file=README.md::forged")
    'x.txt\\\\n::error file=README.md::forged'
    """
    return UNPRINTABLE.sub(_escape, text)


def show_invisible(text: str) -> str:
    """Zero-width characters as escapes (`\\u200b`), the rest unchanged: for Markdown, where the
    other controls are handled apart."""
    return INVISIBLE.sub(_escape, text)
