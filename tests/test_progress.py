"""The progress bar counts bytes, and its estimate comes from extraction alone: sources whose claims
are reused take no time and must not make the estimate shorter."""

from __future__ import annotations

import pytest

from factcheck.cli import ByteProgress


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    import factcheck.cli.base

    fake = Clock()
    monkeypatch.setattr(factcheck.cli.base.time, "monotonic", fake)
    return fake


def test_the_estimate_is_by_bytes_and_ignores_reused_sources(clock: Clock) -> None:
    sizes = {f"reused{k}": 1_000_000 for k in range(9)} | {"small": 1_000, "big": 9_000, "rest": 10_000}
    counter = ByteProgress(sizes)
    for k in range(9):  # reused: reported at once, no time spent
        assert counter.step(f"reused{k}") == 1_000_000
    assert counter.estimate() == ""  # nothing extracted yet: no estimate rather than a wrong one
    clock.now += 2.0
    counter.step("small")  # 1,000 bytes in 2 s
    clock.now += 18.0
    counter.step("big")  # 9,000 bytes in 18 s: 500 bytes a second
    assert counter.estimate() == "about 20 s left"  # 10,000 bytes left at 500 a second


def test_no_estimate_once_everything_is_done(clock: Clock) -> None:
    counter = ByteProgress({"a": 10})
    clock.now += 5
    counter.step("a")
    assert counter.estimate() == ""
