"""Two web processes and three worker processes on one PostgreSQL, the fake Buildkite on a port:
500 deliveries with duplicates and replays, a worker killed mid-job. Every build triaged, exactly
one annotation per build, no job ever held by two workers at once."""

from __future__ import annotations

import asyncio
import json
import random
import time
from collections import defaultdict
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from itertools import pairwise
from pathlib import Path

import httpx
import pytest

from core.store import JobState
from tests.fake_buildkite import (
    DEFAULT_TOKEN,
    FIXTURES,
    FakeBuildkite,
    make_build,
    script_job,
    serve_in_thread,
)
from tests.procs import Destill
from tests.signing import REPLAY_TOKEN, SECRET, build_finished, payload_bytes, signed_headers
from tests.store_backends import Backend, open_backend

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

ORG, PIPELINE = "acme", "fleet"
BUILDS = 300
DUPLICATES = 100
REPLAYS = 100
LEASE = 3.0
LOG = (FIXTURES / "gcc-undefined-reference.log").read_bytes()


@pytest.fixture
async def pg(tmp_path: Path) -> AsyncIterator[Backend]:
    async for backend in open_backend("postgres", tmp_path):
        yield backend


def deliver(url: str, number: int) -> int:
    body = payload_bytes(build_finished(ORG, PIPELINE, number))
    return httpx.post(
        f"{url}/webhooks/buildkite", content=body, headers=signed_headers(body), timeout=30
    ).status_code


def replay(url: str, number: int) -> int:
    return httpx.post(
        f"{url}/replay",
        json={"org": ORG, "pipeline": PIPELINE, "number": number},
        headers={"Authorization": f"Bearer {REPLAY_TOKEN}"},
        timeout=30,
    ).status_code


def open_attempts(record: Path, pid: int) -> set[tuple[int, int]]:
    """The (job, attempt) pairs `pid` has started and not finished."""
    started: set[tuple[int, int]] = set()
    if record.exists():
        for line in record.read_text().splitlines():
            entry = json.loads(line)
            if entry["pid"] == pid:
                key = (entry["job"], entry["attempt"])
                (started.add if entry["event"] == "start" else started.discard)(key)
    return started


def check_no_double_holding(record: Path, killed_pid: int, killed_at: float) -> int:
    """Every job's attempts, in start order, never overlap; returns how many jobs were re-run."""
    attempts: dict[int, dict[tuple[int, int], dict[str, float]]] = defaultdict(dict)
    for line in record.read_text().splitlines():
        entry = json.loads(line)
        attempts[entry["job"]].setdefault((entry["pid"], entry["attempt"]), {})[entry["event"]] = entry["t"]
    rerun = 0
    for job, spans in attempts.items():
        intervals = []
        for (pid, _), times in spans.items():
            end = times.get("end")
            if end is None:
                assert pid == killed_pid, f"job {job}: an attempt by live process {pid} never ended"
                end = killed_at
            intervals.append((times["start"], end))
        intervals.sort()
        for (_, end), (start, _) in pairwise(intervals):
            assert start >= end, f"job {job} was held by two workers at once: {intervals}"
        rerun += len(intervals) > 1
    return rerun


async def test_two_web_three_workers_one_postgres(pg: Backend, tmp_path: Path) -> None:
    fake = FakeBuildkite(org_limit=10**9, user_limit=10**9, latency=0.02)
    for n in range(1, BUILDS + 1):
        job = script_job(":gcc: native", state="failed", step_key="native", exit_status=1)
        fake.add_build(ORG, PIPELINE, make_build(ORG, PIPELINE, n, jobs=[job]))
        fake.set_log(job["id"], LOG)
    record = tmp_path / "attempts.jsonl"
    with serve_in_thread(fake) as api:
        env = {
            "BUILDKITE_API_URL": api,
            "BUILDKITE_API_TOKEN": DEFAULT_TOKEN,
            "BUILDKITE_WEBHOOK_SECRET": SECRET,
            "DESTILL_REPLAY_TOKEN": REPLAY_TOKEN,
            "DATABASE_URL": pg.url,
            "DESTILL_WORKERS": "4",
            "DESTILL_API_BUDGET": "1000000",
            "DESTILL_LEASE_SECONDS": str(LEASE),
            "DESTILL_TEST_RECORD": str(record),
        }
        factory = ["--handler-factory", "tests.recording:handler"]
        webs = [Destill("serve", env, tmp_path / f"web{i}.log", args=["--workers", "0"]) for i in range(2)]
        workers = [Destill("worker", env, tmp_path / f"worker{i}.log", args=factory) for i in range(3)]
        try:
            for p in [*webs, *workers]:
                p.start()
            urls = [w.url for w in webs]
            sends: list[tuple[str, int]] = [("deliver", n) for n in range(1, BUILDS + 1)]
            rng = random.Random(7)
            sends += [("deliver", rng.randint(1, BUILDS)) for _ in range(DUPLICATES)]
            sends += [("replay", rng.randint(1, BUILDS)) for _ in range(REPLAYS)]
            rng.shuffle(sends)
            results: list[tuple[str, int, int]] = []
            half = len(sends) // 2

            def send(batch: list[tuple[str, int]], offset: int) -> None:
                with ThreadPoolExecutor(8) as pool:
                    calls = [
                        (
                            kind,
                            n,
                            pool.submit(deliver if kind == "deliver" else replay, urls[(offset + i) % 2], n),
                        )
                        for i, (kind, n) in enumerate(batch)
                    ]
                    results.extend((kind, n, f.result()) for kind, n, f in calls)

            send(sends[:half], 0)
            assert workers[0].proc is not None
            victim = workers[0].proc.pid
            for _ in range(6000):  # up to 30 s
                if open_attempts(record, victim):
                    break
                await asyncio.sleep(0.005)
            assert open_attempts(record, victim), "the victim never held a job"
            workers[0].kill()  # mid-job
            killed_at = time.time()
            send(sends[half:], half)

            accepted: dict[int, list[int]] = defaultdict(list)
            for kind, n, code in results:
                if kind == "deliver":
                    accepted[n].append(code)
                else:
                    assert code == 202
            # Across both web processes, each build's deliveries: one 202, the duplicates 200.
            assert all(sorted(c) == [200] * (len(c) - 1) + [202] for c in accepted.values())
            assert len(accepted) == BUILDS

            store = pg.open()
            deadline = time.monotonic() + 180
            while time.monotonic() < deadline:
                stats = await store.stats()
                if stats.by_state.get(JobState.QUEUED, 0) + stats.by_state.get(JobState.RUNNING, 0) == 0:
                    break
                for p in [*webs, *workers[1:]]:
                    p.check_alive()
                await asyncio.sleep(0.5)
            stats = await store.stats()
            assert stats.by_state.get(JobState.DEAD, 0) == 0
            assert stats.by_state.get(JobState.DONE, 0) == BUILDS + REPLAYS, stats
        finally:
            for p in [*webs, *workers]:
                p.stop()

    # Every build triaged, exactly one annotation each (replays replaced, never added).
    keys = [k for k in fake.annotations if k[:2] == (ORG, PIPELINE)]
    assert len(keys) == len(set(keys)) == BUILDS
    assert all("undefined reference" in (fake.annotation_body(ORG, PIPELINE, n) or "") for n in range(1, 4))
    rerun = check_no_double_holding(record, victim, killed_at)
    assert rerun >= 1  # the victim's jobs ran again, after their lease
