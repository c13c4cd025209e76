"""Guards against a hang or a runaway that a loaded machine cannot trip: limits on the CPU time a
process uses (which waiting for a core adds little to: cache misses and switches, far inside the
limits' margins) and on a subprocess that stops working, never on the wall clock. Speed itself is
measured in benchmarks/, never in tests."""

from __future__ import annotations

import signal
import subprocess
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import FrameType


class OverCpuLimit(BaseException):
    """Raised in a block past its CPU limit: a BaseException, so no `except OSError` or
    `except Exception` on the way swallows it and lets the runaway go on unlimited (the timer
    fires once)."""


# Seconds of CPU time. Linear extraction of the tests' inputs takes well under one; a runaway
# match or a quadratic loop on 32 000 characters (the tests' LONG) takes minutes.
CPU_LIMIT = 60.0
# Seconds a subprocess may go without using any CPU at all before it counts as stuck (a deadlock
# or a wait that never ends). A process waiting for a core on a busy machine still gets some CPU
# every second, so only a process that does nothing reaches it.
STALL_LIMIT = 120.0


@contextmanager
def cpu_limit(seconds: float = CPU_LIMIT) -> Iterator[None]:
    """Fail the block with OverCpuLimit once this process has used `seconds` of CPU time. The
    regular-expression engine checks for signals as it runs, so a runaway match is stopped too."""

    def expire(_signum: int, _frame: FrameType | None) -> None:
        raise OverCpuLimit(f"the block used more than {seconds:g} s of CPU time")

    previous = signal.signal(signal.SIGPROF, expire)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def cpu_seconds(work: Callable[[], object]) -> float:
    """The CPU time `work()` takes in this process."""
    began = time.process_time()
    work()
    return time.process_time() - began


def _cpu_ticks(pid: int) -> int | None:
    """CPU ticks used by a process, the children it has waited for and those still running, with
    theirs in turn (Linux), else None: a pool whose workers are busy while the parent waits still
    counts as working."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    ticks = sum(int(f) for f in fields[11:15])  # utime, stime, cutime, cstime
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
        children = {int(c) for t in tasks for c in (t / "children").read_text().split()}
    except (OSError, ValueError):
        return ticks  # no list of running children here: the ones waited for still count
    for child in sorted(children):
        ticks += _cpu_ticks(child) or 0  # a child that ended meanwhile is in cutime once waited for
    return ticks


def start_guarded(
    command: Sequence[str], *, cwd: Path, env: dict[str, str] | None = None, cpu_limit: int = 300
) -> subprocess.Popen[str]:
    """Start `command` under a limit of `cpu_limit` CPU seconds (the shell's `ulimit -t`, so each
    child process has it too), its output piped; `finish` waits for it."""
    limited = ["sh", "-c", f'ulimit -t {cpu_limit} && exec "$@"', "sh", *command]
    return subprocess.Popen(limited, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(proc: subprocess.Popen[str]) -> subprocess.CompletedProcess[str]:
    """Wait for a started command to end, however long a busy machine makes it take; fail if it
    uses no CPU at all for STALL_LIMIT seconds (stuck) or its CPU limit stopped it."""
    last, still_since = _cpu_ticks(proc.pid), time.monotonic()
    while True:
        try:
            out, err = proc.communicate(timeout=5)  # no output is lost across the retries
            break
        except subprocess.TimeoutExpired:
            ticks = _cpu_ticks(proc.pid)
            if ticks is None or ticks != last:
                last, still_since = ticks, time.monotonic()
            elif time.monotonic() - still_since > STALL_LIMIT:
                proc.kill()
                proc.communicate()
                raise AssertionError(f"{proc.args}: used no CPU for {STALL_LIMIT:g} s: stuck") from None
    if proc.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
        raise AssertionError(f"{proc.args}: killed (exit {proc.returncode}), past its CPU limit?\n{err}")
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def run_guarded(
    command: Sequence[str], *, cwd: Path, env: dict[str, str] | None = None, cpu_limit: int = 300
) -> subprocess.CompletedProcess[str]:
    """Run `command` to its end under the guards of `start_guarded` and `finish`."""
    return finish(start_guarded(command, cwd=cwd, env=env, cpu_limit=cpu_limit))
