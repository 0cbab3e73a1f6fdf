"""Reconciling after lost webhooks: failed builds since T are queued once, under the webhook's key."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from core.budget import RequestBudget
from core.buildkite import BuildkiteClient
from core.events import BuildFinished, parse_event
from core.reconcile import reconcile
from core.sqlite_store import SQLiteStore
from core.store import JobState
from tests.fake_buildkite import (
    DEFAULT_TOKEN,
    FAKE_URL,
    FakeBuildkite,
    create_app,
    make_build,
    script_job,
    serve_in_thread,
)
from webhook.cli import main

SINCE = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)


def seed(fake: FakeBuildkite) -> dict[int, dict[str, Any]]:
    builds = {}
    for n, state in ((1, "failed"), (2, "failed"), (3, "passed")):
        job = script_job("tests", state=state)
        builds[n] = fake.add_build("acme", "web", make_build("acme", "web", n, jobs=[job], state=state))
    old = make_build("acme", "web", 4, jobs=[script_job("tests")], state="failed")
    old["finished_at"] = "2026-11-20T08:00:00.000Z"  # before SINCE
    builds[4] = fake.add_build("acme", "web", old)
    builds[5] = fake.add_build("acme", "api", make_build("acme", "api", 5, jobs=[script_job("x")]))
    return builds


def webhook_for(build: dict[str, Any]) -> BuildFinished:
    """What Buildkite's `build.finished` for this build parses to."""
    body = {k: v for k, v in build.items() if k not in ("jobs", "pipeline")}
    event = parse_event(json.dumps({"event": "build.finished", "build": body}).encode())
    assert isinstance(event, BuildFinished)
    return event


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[SQLiteStore]:
    s = SQLiteStore(tmp_path / "jobs.db")
    await s.setup()
    yield s
    await s.close()


async def test_failed_builds_since_t_are_queued_once_under_the_webhooks_key(store: SQLiteStore) -> None:
    fake = FakeBuildkite()
    builds = seed(fake)
    # Build 1's webhook arrived; build 2's (and the other pipeline's) was lost.
    arrived = webhook_for(builds[1])
    await store.enqueue(arrived.key, "triage", arrived.request.model_dump(mode="json"))

    transport = httpx.ASGITransport(app=create_app(fake))
    async with httpx.AsyncClient(transport=transport, base_url=FAKE_URL) as http:
        client = BuildkiteClient(http, DEFAULT_TOKEN, base_url=FAKE_URL, budget=RequestBudget(1000))
        done = await reconcile(client, store, "acme", since=SINCE)
        again = await reconcile(client, store, "acme", since=SINCE)

    assert (done.listed, done.queued) == (3, 2)  # builds 1, 2 and api/5; not the passed or the old one
    assert (again.listed, again.queued) == (3, 0)
    stats = await store.stats()
    assert stats.by_state[JobState.QUEUED] == 3
    assert "finished_from=2026-11-26T10%3A00%3A00.000Z" in fake.requests[0].query
    lost = webhook_for(builds[2])
    by_key = {}
    while (job := await store.claim("w", 60)) is not None:
        by_key[job.key] = job
    assert lost.key in by_key
    assert by_key[lost.key].payload["source"] == "reconcile"
    assert by_key[lost.key].payload["number"] == 2


def test_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeBuildkite()
    seed(fake)
    with serve_in_thread(fake) as url:
        monkeypatch.setenv("BUILDKITE_API_URL", url)
        monkeypatch.setenv("BUILDKITE_API_TOKEN", DEFAULT_TOKEN)
        monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'jobs.db'}")
        assert main(["reconcile", "--org", "acme", "--pipeline", "web", "--since", "30d"]) == 0
        assert "3 failed build(s) of acme/web" in capsys.readouterr().out  # 30 days back: the old one too
        assert main(["reconcile", "--org", "acme", "--since", "soon"]) == 2
        assert "--since takes a duration" in capsys.readouterr().err
