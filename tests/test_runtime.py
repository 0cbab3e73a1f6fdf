"""webhook.runtime: workers over a real SQLite store with injected handlers."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import httpx
import pytest

from core.errors import PermanentFailure, RetryLater
from core.sqlite_store import SQLiteStore
from core.store import Backoff, Job, JobState, JobStore, Lease, LeaseLost
from core.stores import open_store
from tests.signing import NOW, build_finished, payload_bytes, running_app, settings_for, signed_headers
from webhook.app import create_app
from webhook.metrics import Metrics
from webhook.runtime import JobHandler, Runtime

FAST = Backoff(base=0.01, cap=0.02, jitter=0.0)


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[SQLiteStore]:
    s = SQLiteStore(tmp_path / "jobs.db", backoff=FAST, max_attempts=3)
    await s.setup()
    yield s
    await s.close()


async def eventually(check: Callable[[], Awaitable[bool]]) -> None:
    """Poll the store (it has no change notifications) until `check` holds, for up to 10 s."""
    async with asyncio.timeout(10.0):
        while not await check():  # noqa: ASYNC110 - polling a database, not an in-process flag
            await asyncio.sleep(0.01)


async def state_of(store: JobStore, job_id: int) -> JobState:
    job = await store.get(job_id)
    assert job is not None
    return job.state


async def settled(store: JobStore, job_id: int, want: JobState) -> Job:
    async def check() -> bool:
        return await state_of(store, job_id) == want

    await eventually(check)
    job = await store.get(job_id)
    assert job is not None
    return job


def runtime(store: SQLiteStore, handler: JobHandler, **kwargs: object) -> Runtime:
    options: dict[str, object] = {"workers": 2, "lease_seconds": 5.0, "grace": 5.0, "poll_interval": 0.01}
    options.update(kwargs)
    return Runtime(store, handler, **options)  # type: ignore[arg-type]


async def enqueue(store: SQLiteStore, key: str = "k1") -> int:
    return (await store.enqueue(key, "triage", {"org": "acme", "pipeline": "w", "number": 1})).job.id


async def test_success_completes_the_job(store: SQLiteStore) -> None:
    seen: list[int] = []

    async def handler(job: Job) -> None:
        seen.append(job.id)

    rt = runtime(store, handler)
    await rt.start()
    job_id = await enqueue(store)
    job = await settled(store, job_id, JobState.DONE)
    await rt.stop()
    assert seen == [job_id]
    assert job.attempts == 1


async def test_retry_later_defers_without_using_an_attempt(store: SQLiteStore) -> None:
    calls = 0

    async def handler(job: Job) -> None:
        nonlocal calls
        calls += 1
        if calls < 3:
            raise RetryLater("build still running", delay=0.01)

    rt = runtime(store, handler)
    await rt.start()
    job = await settled(store, await enqueue(store), JobState.DONE)
    await rt.stop()
    assert calls == 3  # more runs than max_attempts would allow failures, yet not dead
    assert job.attempts == 1
    assert job.last_error == "build still running"


async def test_permanent_failure_is_dead_at_once(store: SQLiteStore) -> None:
    calls = 0

    async def handler(job: Job) -> None:
        nonlocal calls
        calls += 1
        raise PermanentFailure("build not found")

    rt = runtime(store, handler)
    await rt.start()
    job = await settled(store, await enqueue(store), JobState.DEAD)
    await rt.stop()
    assert calls == 1
    assert job.last_error is not None and "build not found" in job.last_error


async def test_exceptions_back_off_then_park_dead(store: SQLiteStore) -> None:
    attempts: list[int] = []

    async def handler(job: Job) -> None:
        attempts.append(job.attempts)
        raise ConnectionError("api.buildkite.com unreachable")

    rt = runtime(store, handler)
    await rt.start()
    job = await settled(store, await enqueue(store), JobState.DEAD)
    await rt.stop()
    assert attempts == [1, 2, 3]  # max_attempts=3
    assert job.last_error is not None and "ConnectionError: api.buildkite.com unreachable" in job.last_error


async def test_heartbeat_keeps_a_long_job_leased(store: SQLiteStore) -> None:
    calls = 0

    async def handler(job: Job) -> None:
        nonlocal calls
        calls += 1
        await asyncio.sleep(0.6)  # twice the lease: only heartbeats keep it ours

    rt = runtime(store, handler, workers=3, lease_seconds=0.3)
    await rt.start()
    job = await settled(store, await enqueue(store), JobState.DONE)
    await rt.stop()
    assert calls == 1 and job.attempts == 1


async def test_lost_lease_cancels_the_handler(tmp_path: Path) -> None:
    class Stolen(SQLiteStore):
        async def heartbeat(self, job_id: int, owner: str, lease_seconds: float) -> None:
            raise LeaseLost(job_id)

    store = Stolen(tmp_path / "jobs.db", max_attempts=3)
    await store.setup()
    cancelled = asyncio.Event()

    async def handler(job: Job) -> None:
        try:
            await asyncio.sleep(30)
        except asyncio.CancelledError:
            cancelled.set()
            raise

    rt = runtime(store, handler, workers=1, lease_seconds=0.05)
    await rt.start()
    await enqueue(store)
    await asyncio.wait_for(cancelled.wait(), 5)
    await rt.stop()
    await store.close()


async def test_a_worker_goes_on_after_its_lease_was_lost(tmp_path: Path) -> None:
    """The handler runs in the worker's own task: the cancellation that stops it is taken back,
    and the same worker runs the next job."""

    stolen: set[int] = set()

    class StolenOnce(SQLiteStore):
        async def heartbeat(self, job_id: int, owner: str, lease_seconds: float) -> None:
            if job_id not in stolen:
                stolen.add(job_id)
                raise LeaseLost(job_id)
            await super().heartbeat(job_id, owner, lease_seconds)

    store = StolenOnce(tmp_path / "jobs.db", max_attempts=3)
    await store.setup()
    ran: list[int] = []
    started = asyncio.Event()

    async def handler(job: Job) -> None:
        ran.append(job.id)
        started.set()
        if len(ran) == 1:
            await asyncio.sleep(30)  # cancelled when its lease is found lost

    rt = runtime(store, handler, workers=1, lease_seconds=0.05)
    await rt.start()
    first = await enqueue(store)
    await asyncio.wait_for(started.wait(), 5)
    second = await enqueue(store, key="k2")
    job = await settled(store, second, JobState.DONE)
    await rt.stop()
    await store.close()
    assert ran[0] == first and second in ran and job.attempts == 1  # one worker ran both


async def test_a_handler_raising_cancelled_error_itself_fails_the_attempt(store: SQLiteStore) -> None:
    """A CancelledError nobody asked for (a library's bug) is a failed attempt with backoff, not
    a dead worker and not a release that would run the job again at once, forever."""
    calls = 0

    async def handler(job: Job) -> None:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise asyncio.CancelledError

    rt = runtime(store, handler, workers=1)
    await rt.start()
    job = await settled(store, await enqueue(store), JobState.DONE)  # failed once, then ran again
    await rt.stop()
    assert calls == 2 and job.attempts == 2
    assert job.last_error is not None and "CancelledError" in job.last_error


async def test_shutdown_waits_for_in_flight_work(store: SQLiteStore) -> None:
    started = asyncio.Event()

    async def handler(job: Job) -> None:
        started.set()
        await asyncio.sleep(0.2)

    rt = runtime(store, handler, grace=5.0)
    await rt.start()
    job_id = await enqueue(store)
    await asyncio.wait_for(started.wait(), 5)
    await rt.stop()
    assert await state_of(store, job_id) == JobState.DONE


async def test_shutdown_releases_unfinished_work_after_the_grace(store: SQLiteStore) -> None:
    started = asyncio.Event()
    cancelled = asyncio.Event()

    async def handler(job: Job) -> None:
        started.set()
        try:
            await asyncio.sleep(30)
        except asyncio.CancelledError:
            cancelled.set()
            raise

    rt = runtime(store, handler, grace=0.05)
    await rt.start()
    job_id = await enqueue(store)
    await asyncio.wait_for(started.wait(), 5)
    await rt.stop()
    assert cancelled.is_set()
    job = await store.get(job_id)
    assert job is not None
    assert job.state == JobState.QUEUED and job.attempts == 0 and job.lease_owner is None


async def test_nothing_is_claimed_after_stop(store: SQLiteStore) -> None:
    seen: list[int] = []

    async def handler(job: Job) -> None:
        seen.append(job.id)

    rt = runtime(store, handler)
    await rt.start()
    await rt.stop()
    assert rt.draining
    job_id = await enqueue(store)
    await asyncio.sleep(0.1)
    assert seen == [] and await state_of(store, job_id) == JobState.QUEUED


async def test_metrics_observe_job_outcomes(store: SQLiteStore) -> None:
    async def handler(job: Job) -> None:
        if job.key == "bad":
            raise PermanentFailure("nope")

    metrics = Metrics()
    rt = runtime(store, handler, metrics=metrics)
    await rt.start()
    await settled(store, await enqueue(store, "good"), JobState.DONE)
    await settled(store, await enqueue(store, "bad"), JobState.DEAD)
    await rt.stop()
    text = metrics.render(None).decode()
    assert 'destill_job_duration_seconds_count{outcome="done"} 1.0' in text
    assert 'destill_job_attempts_total{outcome="dead"} 1.0' in text


# -- the runtime inside the app ------------------------------------------------------------------


async def test_app_workers_pick_up_deliveries(tmp_path: Path) -> None:
    done: list[str] = []

    async def handler(job: Job) -> None:
        done.append(f"{job.payload['org']}/{job.payload['pipeline']}/{job.payload['number']}")

    async with running_app(settings_for(tmp_path / "jobs.db"), handler=handler, poll_interval=5.0) as app:
        r = await app.deliver(build_finished("acme", "widgets", 5))
        assert r.status_code == 202
        # Woken by the enqueue, not by the 5 s poll.
        await settled(app.store, r.json()["job_id"], JobState.DONE)
    assert done == ["acme/widgets/5"]


async def test_readyz_is_503_while_draining(tmp_path: Path) -> None:
    started, release = asyncio.Event(), asyncio.Event()

    async def handler(job: Job) -> None:
        started.set()
        await release.wait()

    settings = settings_for(tmp_path / "jobs.db")
    store = open_store(settings.database_url)
    app = create_app(settings, store=store, handler=handler, clock=lambda: NOW, poll_interval=0.01)
    lifespan = app.router.lifespan_context(app)
    await lifespan.__aenter__()
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
        assert (await client.get("/readyz")).status_code == 200
        body = payload_bytes(build_finished())
        headers = signed_headers(body, timestamp=NOW)
        job_id = (await client.post("/webhooks/buildkite", content=body, headers=headers)).json()["job_id"]
        await asyncio.wait_for(started.wait(), 5)
        shutdown = asyncio.create_task(lifespan.__aexit__(None, None, None))
        await asyncio.sleep(0.05)
        r = await client.get("/readyz")
        assert (r.status_code, r.json()["reason"]) == (503, "draining")
        release.set()
        await shutdown
    check = SQLiteStore(tmp_path / "jobs.db")
    assert await state_of(check, job_id) == JobState.DONE
    await check.close()


async def test_app_closes_a_handler_that_holds_resources(tmp_path: Path) -> None:
    class Handler:
        def __init__(self) -> None:
            self.closed = False

        async def __call__(self, job: Job) -> None:
            return None

        async def aclose(self) -> None:
            self.closed = True

    handler = Handler()
    async with running_app(settings_for(tmp_path / "jobs.db"), handler=handler) as app:
        assert (await app.client.get("/healthz")).status_code == 200
        assert not handler.closed
    assert handler.closed


class CountingStore(SQLiteStore):
    """The real store, counting claims: a handed-off job must need none."""

    claims = 0

    async def claim(self, owner: str, lease_seconds: float) -> Job | None:
        self.claims += 1
        return await super().claim(owner, lease_seconds)


async def idle_lease(rt: Runtime) -> Lease:
    async with asyncio.timeout(10.0):
        while (lease := rt.reserve()) is None:  # noqa: ASYNC110 - the worker goes idle after its first claim
            await asyncio.sleep(0.01)
    return lease


async def test_a_job_handed_to_an_idle_worker_runs_without_a_claim(tmp_path: Path) -> None:
    store = CountingStore(tmp_path / "jobs.db")
    seen: list[Job] = []
    claims_when_run: list[int] = []

    async def handler(job: Job) -> None:
        seen.append(job)
        claims_when_run.append(store.claims)

    rt = runtime(store, handler, workers=1, poll_interval=30.0)  # no poll claims during the test
    await rt.start()
    try:
        lease = await idle_lease(rt)
        claims = store.claims
        done = await store.enqueue("k", "triage", {"org": "acme", "pipeline": "w", "number": 1}, lease=lease)
        rt.hand_off(lease, done.job)
        job = await settled(store, done.job.id, JobState.DONE)
        assert [j.id for j in seen] == [job.id] and job.attempts == 1
        assert claims_when_run == [claims]  # (after it, the worker looks for more work: a claim)
    finally:
        await rt.stop()
        await store.close()


async def test_a_reservation_without_a_new_job_sends_the_worker_back_to_claiming(tmp_path: Path) -> None:
    store = CountingStore(tmp_path / "jobs.db")

    async def handler(job: Job) -> None:
        return None

    rt = runtime(store, handler, workers=1, poll_interval=30.0)
    await rt.start()
    try:
        lease = await idle_lease(rt)
        job_id = await enqueue(store)  # queued the ordinary way, no notify
        rt.hand_off(lease, None)  # e.g. the delivery was a duplicate
        await settled(store, job_id, JobState.DONE)
    finally:
        await rt.stop()
        await store.close()


async def test_a_job_handed_to_a_worker_that_stopped_waiting_is_given_back(store: SQLiteStore) -> None:
    seen: list[int] = []

    async def handler(job: Job) -> None:
        seen.append(job.id)

    rt = runtime(store, handler, workers=1, poll_interval=0.05)
    await rt.start()
    try:
        lease = await idle_lease(rt)
        await asyncio.sleep(0.2)  # the reserved worker's wait runs out: it goes claiming again
        done = await store.enqueue("k", "triage", {"org": "acme", "pipeline": "w", "number": 1}, lease=lease)
        rt.hand_off(lease, done.job)
        job = await settled(store, done.job.id, JobState.DONE)
        assert seen == [job.id]
        assert job.attempts == 1  # given back untouched (attempt refunded), then claimed once
    finally:
        await rt.stop()


async def test_no_reservation_once_stopping(store: SQLiteStore) -> None:
    async def handler(job: Job) -> None:
        return None

    rt = runtime(store, handler, workers=1, poll_interval=30.0)
    await rt.start()
    rt.hand_off(await idle_lease(rt), None)  # the worker is idle: reservable until stop
    await rt.stop()
    assert rt.reserve() is None


async def test_a_busy_worker_takes_its_next_job_with_the_completion(tmp_path: Path) -> None:
    """A worker with a backlog claims once, then each completion claims the next job in the same
    write; the completion that finds nothing due sends it to wait, not to another claim."""

    class Counting(SQLiteStore):
        claims = 0

        async def claim(self, owner: str, lease_seconds: float) -> Job | None:
            self.claims += 1
            return await super().claim(owner, lease_seconds)

    store = Counting(tmp_path / "jobs.db")
    await store.setup()
    try:
        ids = [await enqueue(store, f"k{i}") for i in range(5)]
        ran: list[int] = []

        async def handler(job: Job) -> None:
            ran.append(job.id)

        rt = runtime(store, handler, workers=1, poll_interval=60.0)
        await rt.start()
        await settled(store, ids[-1], JobState.DONE)
        await rt.stop()
        assert ran == ids and store.claims == 1
        assert (await store.stats()).by_state[JobState.DONE] == 5
    finally:
        await store.close()


async def test_a_job_queued_while_a_completion_looked_for_one_is_not_left_waiting(tmp_path: Path) -> None:
    """A delivery queued (no idle worker to hand it to) while the completion's look for a next job
    was under way: the worker looks again before it waits, instead of sleeping out its poll."""

    class Racing(SQLiteStore):
        runtime: Runtime | None = None
        late: int | None = None

        async def complete(self, job_id: int, owner: str, *, next_lease: float | None = None) -> Job | None:
            following = await super().complete(job_id, owner, next_lease=next_lease)
            if self.late is None and self.runtime is not None:
                self.late = (await self.enqueue("late", "triage", {"n": 2})).job.id
                self.runtime.notify()  # the route's call: no worker is idle to take it
            return following

    store = Racing(tmp_path / "jobs.db")
    await store.setup()
    try:
        first = await enqueue(store, "first")

        async def handler(job: Job) -> None:
            return None

        rt = runtime(store, handler, workers=1, poll_interval=60.0)
        store.runtime = rt
        await rt.start()
        await settled(store, first, JobState.DONE)
        await eventually(lambda: asyncio.sleep(0, store.late is not None))
        assert store.late is not None
        await settled(store, store.late, JobState.DONE)  # well inside the 60 s poll
        await rt.stop()
    finally:
        await store.close()
