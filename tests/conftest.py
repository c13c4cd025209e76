"""Shared fixtures: paths to the worked example and the shared corpus, the golden-file switch, and
Hypothesis without deadlines."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

# No wall-clock deadline for property tests: a busy CI machine must not fail them (speed is measured
# in benchmarks/, never in tests).
settings.register_profile("factcheck", deadline=None)
settings.load_profile("factcheck")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="Rewrite golden files instead of comparing.")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS
