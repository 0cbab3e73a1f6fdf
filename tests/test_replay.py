"""POST /replay: bearer auth, strict build URLs, a forced re-triage with a fresh key every time."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from core.models import TriageRequest
from tests.signing import REPLAY_TOKEN, RunningApp, build_finished, running_app, settings_for

AUTH = {"Authorization": f"Bearer {REPLAY_TOKEN}"}
URL = "https://buildkite.com/acme/widgets/builds/42"


@pytest.fixture
async def edge(tmp_path: Path) -> AsyncIterator[RunningApp]:
    async with running_app(settings_for(tmp_path / "jobs.db")) as running:
        yield running


async def test_replay_queues_a_forced_triage(edge: RunningApp) -> None:
    r = await edge.client.post("/replay", json={"build_url": URL}, headers=AUTH)
    assert r.status_code == 202
    assert r.json()["build"] == URL
    job = await edge.store.get(r.json()["job_id"])
    assert job is not None and job.kind == "triage"
    request = TriageRequest.model_validate(job.payload)
    assert request.ref.key == "acme/widgets/42"
    assert request.forced is True and request.source == "replay"


async def test_every_replay_is_new_work_even_after_a_delivery(edge: RunningApp) -> None:
    assert (await edge.deliver(build_finished("acme", "widgets", 42))).status_code == 202
    ids = set()
    for body in ({"build_url": URL}, {"org": "acme", "pipeline": "widgets", "number": 42}):
        r = await edge.client.post("/replay", json=body, headers=AUTH)
        assert r.status_code == 202
        ids.add(r.json()["job_id"])
    r = await edge.client.post(
        "/replay", content=URL.encode(), headers={**AUTH, "Content-Type": "text/plain"}
    )
    assert r.status_code == 202
    ids.add(r.json()["job_id"])
    assert len(ids) == 3 and await edge.jobs() == 4


async def test_403_when_no_replay_token_is_configured(tmp_path: Path) -> None:
    async with running_app(settings_for(tmp_path / "jobs.db", DESTILL_REPLAY_TOKEN="")) as app:
        r = await app.client.post("/replay", json={"build_url": URL}, headers=AUTH)
        assert r.status_code == 403
        assert "DESTILL_REPLAY_TOKEN" in r.json()["error"]
        assert await app.jobs() == 0


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer wrong"},
        {"Authorization": f"Basic {REPLAY_TOKEN}"},
        {"Authorization": f"Bearer {REPLAY_TOKEN}x"},
        {"Authorization": REPLAY_TOKEN},
        {"Authorization": "Bearer"},
    ],
)
async def test_401_missing_or_wrong_bearer(edge: RunningApp, headers: dict[str, str]) -> None:
    r = await edge.client.post("/replay", json={"build_url": URL}, headers=headers)
    assert r.status_code == 401
    assert r.headers["www-authenticate"] == "Bearer"
    assert REPLAY_TOKEN not in r.text
    assert await edge.jobs() == 0


async def test_bearer_scheme_is_case_insensitive(edge: RunningApp) -> None:
    headers = {"Authorization": f"bearer {REPLAY_TOKEN}"}
    assert (await edge.client.post("/replay", json={"build_url": URL}, headers=headers)).status_code == 202


@pytest.mark.parametrize(
    "body",
    [
        {"build_url": "https://evil.example/acme/widgets/builds/42"},
        {"build_url": "https://buildkite.com.evil.example/acme/widgets/builds/42"},
        {"build_url": "http://buildkite.com/acme/widgets/builds/42"},
        {"build_url": "https://buildkite.com/acme/wid%2Fgets/builds/42"},
        {"build_url": "https://buildkite.com/acme/widgets/builds/42/jobs/1"},
        {"org": "acme", "pipeline": "widgets", "number": "42"},
        {"org": "acme", "pipeline": "widgets", "number": 0},
        {"org": "../etc", "pipeline": "widgets", "number": 1},
        {"org": "acme"},
        [URL],
    ],
)
async def test_400_other_hosts_and_malformed_bodies(edge: RunningApp, body: object) -> None:
    r = await edge.client.post("/replay", json=body, headers=AUTH)
    assert r.status_code == 400 and r.json()["error"]
    assert await edge.jobs() == 0


async def test_401_comes_before_400(edge: RunningApp) -> None:
    assert (await edge.client.post("/replay", content=b"junk")).status_code == 401


async def test_large_replay_bodies_are_refused(edge: RunningApp) -> None:
    r = await edge.client.post("/replay", content=b" " * 100_000, headers=AUTH)
    assert r.status_code == 413


async def test_metrics_count_replays(edge: RunningApp) -> None:
    await edge.client.post("/replay", json={"build_url": URL}, headers=AUTH)
    await edge.client.post("/replay", json={"build_url": URL})
    text = (await edge.client.get("/metrics")).text
    assert 'destill_replays_total{outcome="accepted"} 1.0' in text
    assert 'destill_replays_total{outcome="unauthorized"} 1.0' in text
