"""Python's cycle collector paused for work that makes many objects and no reference cycles."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """The cycle collector paused for the block, then left as it was found (on again only if it was
    on): objects that hold no cycles, made by the hundred thousand, set off collections that walk
    them all again and again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
