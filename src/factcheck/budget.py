"""A time limit per source, the last resort under extraction's linear-time rules.

Every extraction path is meant to be linear in the text, but a source is the work of a stranger:
should one still take too long, it is skipped with a warning naming it rather than holding up the
run (or a CI job) without end. The limit is a timer signal in the process that extracts (the main
process with --jobs 1, each worker otherwise), so it needs no cooperation from the extractors;
where no timer signal can be had (another thread, another platform) there is no limit.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

# Seconds. A 5 MB source, the largest accepted, takes well under a minute on one slow core.
DEFAULT_SOURCE_TIMEOUT = 120.0


class OverBudget(BaseException):
    """Raised inside extraction when its time is up: a BaseException, so no `except Exception`
    on the way swallows it."""


def _can_time() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise OverBudget in the block once `seconds` have passed (no limit for None or 0)."""
    if not seconds or seconds <= 0 or not _can_time():
        yield
        return

    def on_alarm(_signum: int, _frame: FrameType | None) -> None:
        raise OverBudget

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
