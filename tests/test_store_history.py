"""JobStore.recent_triages on both stores: a pipeline's latest triages, newest first, no other
pipeline's (keys that merely share a prefix included)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.store_backends import BACKENDS, Backend, open_backend


@pytest.fixture(params=BACKENDS)
async def backend(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Backend]:
    async for b in open_backend(request.param, tmp_path):
        yield b


async def test_recent_triages_of_one_pipeline_newest_first(backend: Backend) -> None:
    store = backend.open()
    await store.setup()
    for key in ("acme/web/1", "acme/web-2/1", "acme/web/2", "acme/webx/3", "acme/web/1", "other/web/9"):
        await store.save_triage(key, {"key": key})
    recent = await store.recent_triages("acme/web/")
    assert [r["key"] for r in recent] == ["acme/web/1", "acme/web/2", "acme/web/1"]
    assert [r["key"] for r in await store.recent_triages("acme/web/", limit=1)] == ["acme/web/1"]
    assert await store.recent_triages("nobody/") == []
