"""Evidence cut to a length a reader can check, around the words it must hold.

A 'sentence' can be a paragraph without full stops; its claim's quote is then cut to the clauses
around the value. A claim whose quote must hold two places of the text (a scene's time and the
event of the next sentence) is cut around both, never between them.
"""

from __future__ import annotations

MAX_EVIDENCE = 400  # characters: evidence is a sentence a reader can check, not a page


def narrow(text: str, start: int, end: int, lo: int, hi: int, whole_words: bool = False) -> tuple[int, int]:
    """The span of `text[start:end]` to quote: itself when short, else the clauses around
    `text[lo:hi]` (longer than MAX_EVIDENCE only when `lo..hi` is); with `whole_words`, a cut
    that no clause boundary ends moves out to the nearest space, so no word is cut."""
    if end - start <= MAX_EVIDENCE:
        return start, end
    half = max((MAX_EVIDENCE - (hi - lo)) // 2, 0)
    a, b = max(start, lo - half), min(end, hi + half)
    # Prefer to start and end at clause boundaries inside the window.
    head = max(text.rfind(mark, a, lo) for mark in (". ", "; ", ", ", ".", "—"))
    if head > a:
        a = head + 1
    tails = [i for i in (text.find(mark, hi, b) for mark in (". ", "; ", ".")) if i >= 0]
    if tails:
        b = min(tails) + 1
    if whole_words:
        if a > start and text[a - 1].isalnum() and text[a].isalnum():
            a = max(start, text.rfind(" ", start, a) + 1)
        if b < end and text[b - 1].isalnum() and text[b].isalnum():
            space = text.find(" ", b, end)
            b = end if space < 0 else space
        while b > hi and text[b - 1].isspace():
            b -= 1
    while a < lo and text[a].isspace():
        a += 1
    return a, b
