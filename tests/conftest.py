"""Shared test configuration. Fixtures specific to one area live in that area's helper module
(tests/fake_buildkite.py, tests/signing.py, ...) and are imported where used."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.fake_buildkite import FakeClock

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"shared data not found at {SHARED}")
    return SHARED


@pytest.fixture
async def clock() -> AsyncIterator[FakeClock]:
    """Virtual time that runs itself: sleepers wake as soon as everything else is idle."""
    c = FakeClock()
    task = asyncio.create_task(c.run_auto())
    yield c
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
