"""Shared test configuration. Fixtures specific to one area live in that area's helper module
(tests/fake_buildkite.py, tests/signing.py, ...) and are imported where used."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"shared data not found at {SHARED}")
    return SHARED
