"""Several worker *processes* on one PostgreSQL store: no job held by two at once, none lost, and
the job of a worker killed mid-job is taken again once its lease runs out."""

from __future__ import annotations

import asyncio
import itertools
import multiprocessing as mp
import os
import signal
import time
from collections import defaultdict
from collections.abc import AsyncIterator
from multiprocessing.synchronize import Event
from pathlib import Path
from typing import Any

import pytest

from core.store import JobState
from tests.store_backends import Backend, open_backend

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

JOBS = 150
LEASE = 1.5


@pytest.fixture
async def pg(tmp_path: Path) -> AsyncIterator[Backend]:
    async for b in open_backend("postgres", tmp_path):
        yield b


def worker(dsn: str, owner: str, out: Any, stop: Event, hang: bool) -> None:
    """Claim and complete until told to stop, reporting (job, owner, claimed, finished) per job.
    With `hang`, report the first claim and then hang there, waiting to be killed."""
    from core.postgres_store import PostgresStore

    async def main() -> None:
        store = PostgresStore(dsn, min_size=1, max_size=2)
        await store.setup()
        try:
            while not stop.is_set():
                job = await store.claim(owner, LEASE)
                if job is None:
                    await asyncio.sleep(0.02)
                    continue
                claimed = time.time()
                if hang:
                    out.put((job.id, owner, claimed, None))
                    await asyncio.sleep(3600)
                await asyncio.sleep(0.002)  # the "work": widens the window for a double claim
                await store.complete(job.id, owner)  # LeaseLost here would fail the run
                out.put((job.id, owner, claimed, time.time()))
        finally:
            await store.close()

    asyncio.run(main())


async def test_worker_processes_share_the_queue_and_recover_a_killed_workers_job(pg: Backend) -> None:
    producer = pg.open()
    await producer.setup()
    for n in range(JOBS):
        await producer.enqueue(f"job-{n}", "triage", {"n": n})

    ctx = mp.get_context("spawn")
    out = ctx.Queue()
    # The victim gets a queue of its own: killed a moment after it writes, it may still hold that
    # queue's write lock, which would block every later writer.
    victim_out = ctx.Queue()
    stop = ctx.Event()
    victim = ctx.Process(target=worker, args=(pg.dsn_or_path, "victim", victim_out, stop, True))
    workers: list[Any] = []
    victim.start()
    try:
        # The victim takes the oldest job and hangs; then it is killed without a word.
        victim_job, _, victim_claimed, _ = await asyncio.to_thread(victim_out.get, True, 60)
        assert victim.pid is not None
        os.kill(victim.pid, signal.SIGKILL)
        victim.join(10)
        killed_at = time.time()

        for i in range(3):
            workers.append(ctx.Process(target=worker, args=(pg.dsn_or_path, f"w{i}", out, stop, False)))
            workers[-1].start()
        deadline = time.monotonic() + 60
        while (await producer.stats()).by_state[JobState.DONE] < JOBS:
            assert time.monotonic() < deadline, f"not drained: {await producer.stats()}"
            await asyncio.sleep(0.1)
    finally:
        stop.set()
        for p in [victim, *workers]:
            p.join(10)
            if p.is_alive():
                p.kill()

    held: dict[int, list[tuple[str, float, float]]] = defaultdict(list)
    held[victim_job].append(("victim", victim_claimed, killed_at))
    for _ in range(JOBS):  # one report per completed job
        job_id, owner, claimed, finished = out.get(timeout=10)
        held[job_id].append((owner, claimed, finished))
    assert out.empty() and len(held) == JOBS
    for job_id, spans in held.items():
        spans.sort(key=lambda s: s[1])
        for (_, _, end), (owner, start, _) in itertools.pairwise(spans):
            assert start >= end, f"job {job_id} held by two workers at once ({owner})"
    assert len(held[victim_job]) == 2 and held[victim_job][1][0] != "victim"
    rescued = await producer.get(victim_job)
    assert rescued is not None and rescued.state == JobState.DONE and rescued.attempts == 2
    assert rescued.last_error is not None and "victim" in rescued.last_error
    assert len({owner for spans in held.values() for owner, _, _ in spans}) == 4  # victim + 3 sharing
