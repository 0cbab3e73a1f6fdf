"""The job store contract (core/store.py), run against every store: SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from core.store import Backoff, JobState, JobStore, Lease, LeaseLost
from tests.store_backends import BACKENDS, Backend, FakeClock, open_backend

# No jitter: delays are exactly base * 2**(attempt-1), so tests can say when a job is due.
BACKOFF = Backoff(base=5.0, cap=600.0, jitter=0.2, rand=lambda: 0.5)
LEASE = 30.0


@pytest.fixture(params=BACKENDS)
async def backend(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Backend]:
    async for b in open_backend(request.param, tmp_path):
        yield b


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def store(backend: Backend, clock: FakeClock) -> JobStore:
    s = backend.open(clock=clock, backoff=BACKOFF, max_attempts=3)
    await s.setup()
    return s


# -- enqueue ------------------------------------------------------------------------------------


async def test_enqueue_is_idempotent_by_key(store: JobStore) -> None:
    first = await store.enqueue("build-1:finished", "triage", {"org": "acme", "number": 1})
    again = await store.enqueue("build-1:finished", "triage", {"org": "other", "number": 2})
    other = await store.enqueue("build-2:finished", "triage", {"number": 2})

    assert first.created and not again.created and other.created
    assert again.job.id == first.job.id
    assert again.job.payload == {"org": "acme", "number": 1}  # the duplicate changed nothing
    assert first.job.state == JobState.QUEUED and first.job.attempts == 0
    assert first.job.max_attempts == 3 and first.job.kind == "triage"
    assert (await store.stats()).by_state[JobState.QUEUED] == 2


async def test_enqueue_is_committed_before_it_returns(store: JobStore, backend: Backend) -> None:
    job = (await store.enqueue("k", "triage", {"nested": {"list": [1, "two", None]}})).job
    elsewhere = backend.open()  # another connection sees it at once
    seen = await elsewhere.get(job.id)
    assert seen is not None and seen.key == "k" and seen.payload == {"nested": {"list": [1, "two", None]}}


async def test_enqueue_can_override_max_attempts(store: JobStore) -> None:
    job = (await store.enqueue("k", "triage", {}, max_attempts=1)).job
    assert job.max_attempts == 1


async def test_enqueue_with_a_lease_hands_the_new_job_straight_to_its_owner(
    store: JobStore, clock: FakeClock
) -> None:
    """An idle worker's lease on a new job: it is running, attempt 1, nothing left to claim; the
    owner finishes it like any claimed job."""
    done = await store.enqueue("k", "triage", {"n": 1}, lease=Lease("w1", LEASE))
    job = done.job
    assert done.created and job.state == JobState.RUNNING and job.attempts == 1
    assert job.lease_owner == "w1" and job.lease_until == clock() + LEASE
    assert await store.claim("w2", LEASE) is None
    await store.heartbeat(job.id, "w1", LEASE)
    with pytest.raises(LeaseLost):
        await store.complete(job.id, "w2")
    await store.complete(job.id, "w1")
    assert (await store.stats()).by_state[JobState.DONE] == 1


async def test_enqueue_with_a_lease_leaves_an_existing_job_alone(store: JobStore) -> None:
    first = (await store.enqueue("k", "triage", {})).job
    again = await store.enqueue("k", "triage", {}, lease=Lease("w1", LEASE))
    assert not again.created and again.job.id == first.id
    assert again.job.state == JobState.QUEUED and again.job.lease_owner is None
    claimed = await store.claim("w2", LEASE)
    assert claimed is not None and claimed.id == first.id


async def test_a_handed_off_job_whose_worker_died_is_claimed_again(store: JobStore, clock: FakeClock) -> None:
    job = (await store.enqueue("k", "triage", {}, lease=Lease("w1", LEASE))).job
    clock.advance(LEASE + 1)
    again = await store.claim("w2", LEASE)
    assert again is not None and again.id == job.id and again.attempts == 2
    assert again.last_error is not None and "w1" in again.last_error


async def test_get_unknown_job_is_none(store: JobStore) -> None:
    assert await store.get(987654) is None


# -- claim --------------------------------------------------------------------------------------


async def test_claim_takes_the_oldest_due_job_first(store: JobStore, clock: FakeClock) -> None:
    ids = []
    for key in ("a", "b", "c"):
        ids.append((await store.enqueue(key, "triage", {})).job.id)
        clock.advance(1)
    claimed = [await store.claim(f"w{i}", LEASE) for i in range(3)]
    assert [j.id for j in claimed if j] == ids
    assert await store.claim("w9", LEASE) is None


async def test_claim_leases_the_job_and_counts_the_attempt(store: JobStore, clock: FakeClock) -> None:
    await store.enqueue("k", "triage", {"n": 1})
    job = await store.claim("worker-1", LEASE)
    assert job is not None
    assert job.state == JobState.RUNNING and job.attempts == 1
    assert job.lease_owner == "worker-1" and job.lease_until == clock.now + LEASE
    assert job.payload == {"n": 1}
    assert await store.claim("worker-2", LEASE) is None  # held


async def test_complete_can_claim_the_next_due_job_in_the_same_write(
    store: JobStore, clock: FakeClock
) -> None:
    """A busy worker finishes one job and takes the next in one transaction: the oldest due one,
    leased to it; None once nothing is due; never a job still held by another worker."""
    first = (await store.enqueue("a", "triage", {"n": 1})).job
    clock.advance(1)
    second = (await store.enqueue("b", "triage", {"n": 2})).job
    clock.advance(1)
    third = (await store.enqueue("c", "triage", {"n": 3})).job
    held = await store.claim("w1", LEASE)
    assert held is not None and held.id == first.id
    other = await store.claim("w2", LEASE)
    assert other is not None and other.id == second.id

    following = await store.complete(first.id, "w1", next_lease=LEASE)
    assert following is not None and following.id == third.id and following.payload == {"n": 3}
    assert following.state == JobState.RUNNING and following.attempts == 1
    assert following.lease_owner == "w1" and following.lease_until == clock.now + LEASE
    done = await store.get(first.id)
    assert done is not None and done.state == JobState.DONE

    assert await store.complete(third.id, "w1", next_lease=LEASE) is None  # w2 still holds b
    assert await store.complete(second.id, "w2") is None  # without next_lease: nothing claimed
    assert (await store.stats()).by_state[JobState.DONE] == 3


async def test_a_completion_that_lost_its_lease_claims_nothing(store: JobStore, clock: FakeClock) -> None:
    job = (await store.enqueue("a", "triage", {})).job
    assert (await store.claim("w1", LEASE)) is not None
    clock.advance(LEASE + 1)
    again = await store.claim("w2", LEASE)  # w1's lease ran out: w2 has the job now
    assert again is not None and again.id == job.id
    await store.enqueue("b", "triage", {})
    with pytest.raises(LeaseLost):
        await store.complete(job.id, "w1", next_lease=LEASE)
    nxt = await store.claim("w3", LEASE)  # the other job is still queued, for anyone
    assert nxt is not None and nxt.id != job.id and nxt.lease_owner == "w3"


async def test_heartbeat_extends_the_lease(store: JobStore, backend: Backend, clock: FakeClock) -> None:
    await store.enqueue("k", "triage", {})
    job = await store.claim("w1", LEASE)
    assert job is not None
    clock.advance(LEASE - 5)
    await store.heartbeat(job.id, "w1", LEASE)
    clock.advance(LEASE - 5)  # past the first lease, inside the extended one
    assert await store.claim("w2", LEASE) is None
    got = await store.get(job.id)
    assert got is not None and got.lease_until == clock.now + 5


async def test_expired_lease_is_claimed_again(store: JobStore, clock: FakeClock) -> None:
    await store.enqueue("k", "triage", {})
    first = await store.claim("crashed", LEASE)
    assert first is not None
    clock.advance(LEASE + 1)
    again = await store.claim("rescuer", LEASE)
    assert again is not None and again.id == first.id
    assert again.attempts == 2 and again.lease_owner == "rescuer"
    assert again.last_error is not None and "lease expired" in again.last_error


async def test_a_lost_lease_is_reported_to_its_old_owner(store: JobStore, clock: FakeClock) -> None:
    await store.enqueue("k", "triage", {})
    job = await store.claim("slow", LEASE)
    assert job is not None
    clock.advance(LEASE + 1)
    assert (await store.claim("fast", LEASE)) is not None
    with pytest.raises(LeaseLost):
        await store.heartbeat(job.id, "slow", LEASE)
    with pytest.raises(LeaseLost):
        await store.complete(job.id, "slow")
    with pytest.raises(LeaseLost):
        await store.fail(job.id, "slow", "boom")
    with pytest.raises(LeaseLost):
        await store.defer(job.id, "slow", 10, "not ready")
    with pytest.raises(LeaseLost):
        await store.release(job.id, "slow")
    await store.complete(job.id, "fast")
    done = await store.get(job.id)
    assert done is not None and done.state == JobState.DONE and done.lease_owner is None


async def test_finished_jobs_cannot_be_touched_again(store: JobStore) -> None:
    await store.enqueue("k", "triage", {})
    job = await store.claim("w", LEASE)
    assert job is not None
    await store.complete(job.id, "w")
    with pytest.raises(LeaseLost):
        await store.complete(job.id, "w")
    with pytest.raises(LeaseLost):
        await store.heartbeat(job.id, "w", LEASE)
    assert await store.claim("w", LEASE) is None


async def test_an_expired_lease_not_yet_reclaimed_still_belongs_to_its_owner(
    store: JobStore, clock: FakeClock
) -> None:
    await store.enqueue("k", "triage", {})
    job = await store.claim("w", LEASE)
    assert job is not None
    clock.advance(LEASE + 1)
    await store.complete(job.id, "w")  # nobody took it: the late finish counts
    got = await store.get(job.id)
    assert got is not None and got.state == JobState.DONE


# -- failure, backoff, dead letters -------------------------------------------------------------


async def test_fail_requeues_with_growing_backoff(store: JobStore, clock: FakeClock) -> None:
    await store.enqueue("k", "triage", {})
    delays = []
    for attempt in (1, 2):
        job = await store.claim("w", LEASE)
        assert job is not None and job.attempts == attempt
        failed = await store.fail(job.id, "w", f"boom {attempt}")
        assert failed.state == JobState.QUEUED and failed.last_error == f"boom {attempt}"
        assert failed.lease_owner is None and failed.lease_until is None
        delays.append(failed.run_after - clock.now)
        clock.advance(delays[-1] - 0.5)
        assert await store.claim("w", LEASE) is None  # not due yet
        clock.advance(0.5)
    assert delays == [5.0, 10.0]


async def test_dead_after_max_attempts_keeps_the_reason(store: JobStore, clock: FakeClock) -> None:
    await store.enqueue("k", "triage", {})
    for attempt in (1, 2, 3):
        job = await store.claim("w", LEASE)
        assert job is not None, f"attempt {attempt} not claimable"
        failed = await store.fail(job.id, "w", f"error {attempt}")
        clock.advance(1000)
    assert failed.state == JobState.DEAD and failed.attempts == 3
    assert failed.last_error == "error 3"
    assert await store.claim("w", LEASE) is None
    assert (await store.stats()).by_state[JobState.DEAD] == 1


async def test_permanent_failure_is_dead_at_once(store: JobStore) -> None:
    await store.enqueue("k", "triage", {})
    job = await store.claim("w", LEASE)
    assert job is not None
    failed = await store.fail(job.id, "w", "build not found", permanent=True)
    assert failed.state == JobState.DEAD and failed.attempts == 1 and failed.last_error == "build not found"


async def test_a_job_whose_worker_dies_on_the_last_attempt_is_parked(
    store: JobStore, clock: FakeClock
) -> None:
    job = (await store.enqueue("poison", "triage", {}, max_attempts=2)).job
    for _ in range(2):
        assert await store.claim("doomed", LEASE) is not None
        clock.advance(LEASE + 1)  # the worker died: nobody completes or fails it
    assert await store.claim("next", LEASE) is None
    dead = await store.get(job.id)
    assert dead is not None and dead.state == JobState.DEAD and dead.attempts == 2
    assert dead.last_error is not None and "lease expired" in dead.last_error


async def test_long_error_text_is_clipped(store: JobStore) -> None:
    await store.enqueue("k", "triage", {})
    job = await store.claim("w", LEASE)
    assert job is not None
    failed = await store.fail(job.id, "w", "x" * 100_000)
    assert failed.last_error is not None and 100 < len(failed.last_error) <= 4000


# -- defer and release --------------------------------------------------------------------------


async def test_defer_refunds_the_attempt_and_waits(store: JobStore, clock: FakeClock) -> None:
    await store.enqueue("k", "triage", {})
    job = await store.claim("w", LEASE)
    assert job is not None
    await store.defer(job.id, "w", 60, "build still running")
    deferred = await store.get(job.id)
    assert deferred is not None
    assert deferred.state == JobState.QUEUED and deferred.attempts == 0
    assert deferred.run_after == clock.now + 60 and deferred.last_error == "build still running"
    assert deferred.lease_owner is None
    clock.advance(59)
    assert await store.claim("w", LEASE) is None
    clock.advance(1)
    again = await store.claim("w", LEASE)
    assert again is not None and again.attempts == 1


async def test_deferring_forever_never_kills_the_job(store: JobStore, clock: FakeClock) -> None:
    await store.enqueue("k", "triage", {})
    for _ in range(10):  # more than max_attempts (3)
        job = await store.claim("w", LEASE)
        assert job is not None and job.attempts == 1
        await store.defer(job.id, "w", 1, "not yet")
        clock.advance(1)


async def test_release_gives_the_job_back_due_now(store: JobStore) -> None:
    await store.enqueue("k", "triage", {})
    job = await store.claim("stopping", LEASE)
    assert job is not None
    await store.release(job.id, "stopping")
    back = await store.claim("other", LEASE)
    assert back is not None and back.id == job.id and back.attempts == 1 and back.last_error is None


# -- stats and readiness ------------------------------------------------------------------------


async def test_stats_count_states_and_age_the_oldest_due_job(store: JobStore, clock: FakeClock) -> None:
    empty = await store.stats()
    assert dict(empty.by_state) == dict.fromkeys(JobState, 0) and empty.oldest_queued_age is None

    for key in ("done", "dead", "running", "waiting", "later"):
        await store.enqueue(key, "triage", {})
    done, dead, running = [await store.claim("w", 100) for _ in range(3)]
    assert done and dead and running
    await store.complete(done.id, "w")
    await store.fail(dead.id, "w", "no", permanent=True)
    clock.advance(42)
    stats = await store.stats()
    assert stats.by_state == {JobState.QUEUED: 2, JobState.RUNNING: 1, JobState.DONE: 1, JobState.DEAD: 1}
    assert stats.oldest_queued_age == 42

    # Jobs deferred into the future are queued but not due: they do not age the queue.
    for _ in range(2):
        job = await store.claim("w", 100)
        assert job is not None
        await store.defer(job.id, "w", 1000, "wait")
    assert (await store.stats()).oldest_queued_age is None
    # A running job whose lease ran out is claimable again: it counts from its expiry.
    clock.advance(68)  # `running` was leased for 100 s, 110 s ago
    assert (await store.stats()).oldest_queued_age == 10


async def test_check_writable(store: JobStore) -> None:
    await store.check_writable()
    await store.check_writable()


# -- triage history -----------------------------------------------------------------------------


async def test_triage_history_keeps_every_triage_and_serves_the_latest(
    store: JobStore, clock: FakeClock
) -> None:
    assert await store.latest_triage("acme/widgets/42") is None
    assert await store.triage_count("acme/widgets/42") == 0
    await store.save_triage("acme/widgets/42", {"jobs": [{"cards": [{"rank": 1}]}], "run": 1})
    clock.advance(10)
    await store.save_triage("acme/widgets/42", {"jobs": [], "run": 2})
    await store.save_triage("acme/widgets/43", {"jobs": [], "run": 9})
    assert await store.latest_triage("acme/widgets/42") == {"jobs": [], "run": 2}
    assert await store.triage_count("acme/widgets/42") == 2
    assert await store.triage_count("acme/widgets/43") == 1


async def test_latest_triage_is_by_insertion_even_if_the_clock_steps_back(
    store: JobStore, clock: FakeClock
) -> None:
    await store.save_triage("b", {"run": 1})
    clock.advance(-100)
    await store.save_triage("b", {"run": 2})
    assert await store.latest_triage("b") == {"run": 2}


# -- concurrency, migrations, durability --------------------------------------------------------


async def test_concurrent_claimers_never_share_a_job(backend: Backend) -> None:
    """10 claimers, each on its own connection, drain 200 jobs: each job is held by one at a time,
    every job is done exactly once."""
    producer = backend.open()
    await producer.setup()
    for n in range(200):
        await producer.enqueue(f"job-{n}", "triage", {"n": n})

    holders: dict[int, str] = {}
    handled: list[tuple[int, str]] = []
    overlaps: list[int] = []

    async def claimer(name: str) -> None:
        store = backend.open(**({"min_size": 1, "max_size": 2} if backend.kind == "postgres" else {}))
        while (job := await store.claim(name, 300)) is not None:
            if job.id in holders:
                overlaps.append(job.id)
            holders[job.id] = name
            handled.append((job.id, name))
            await asyncio.sleep(0)  # let the others try to take it meanwhile
            del holders[job.id]
            await store.complete(job.id, name)

    async with asyncio.timeout(60), asyncio.TaskGroup() as claimers:  # a failure cancels the rest
        for i in range(10):
            claimers.create_task(claimer(f"w{i}"))

    assert overlaps == []
    ids = [job_id for job_id, _ in handled]
    assert len(ids) == 200 and len(set(ids)) == 200
    assert len({name for _, name in handled}) > 1  # the work really was shared
    stats = await producer.stats()
    assert stats.by_state[JobState.DONE] == 200 and stats.by_state[JobState.QUEUED] == 0


async def test_concurrent_duplicate_enqueues_create_one_job(store: JobStore, backend: Backend) -> None:
    """Deliveries arriving together (one group commit on SQLite): each key is created once, every
    duplicate learns the job that was created, and the distinct ones all get jobs of their own."""
    calls = []
    for n in range(30):
        calls.append(store.enqueue("dup", "triage", {"n": n}))
        calls.append(store.enqueue(f"distinct-{n}", "triage", {"n": n}))
    results = await asyncio.gather(*calls)

    dups = results[0::2]
    distinct = results[1::2]
    assert sum(r.created for r in dups) == 1
    created = next(r for r in dups if r.created)
    assert {r.job.id for r in dups} == {created.job.id}
    assert all(r.job.payload == created.job.payload for r in dups)  # a duplicate changed nothing
    assert all(r.created for r in distinct) and len({r.job.id for r in distinct}) == 30
    assert created.job.id not in {r.job.id for r in distinct}
    # All of it committed: another connection sees exactly 31 jobs.
    assert (await backend.open().stats()).by_state[JobState.QUEUED] == 31


async def test_a_failing_write_beside_concurrent_ones_loses_none(store: JobStore, backend: Backend) -> None:
    """Writes that fail (a lease not held) beside enqueues: each caller gets its own answer, and
    the enqueues are committed."""
    results = await asyncio.gather(
        store.enqueue("a", "triage", {}),
        store.complete(999_999, "nobody"),
        store.enqueue("b", "triage", {}),
        store.heartbeat(999_998, "nobody", LEASE),
        store.enqueue("a", "triage", {}),
        return_exceptions=True,
    )
    a, lost1, b, lost2, a_again = results
    assert isinstance(lost1, LeaseLost) and isinstance(lost2, LeaseLost)
    assert not isinstance(a, BaseException) and not isinstance(b, BaseException)
    assert not isinstance(a_again, BaseException)
    assert a.created and b.created and not a_again.created and a_again.job.id == a.job.id
    elsewhere = backend.open()
    for job in (a.job, b.job):
        seen = await elsewhere.get(job.id)
        assert seen is not None and seen.key == job.key


async def test_concurrent_enqueues_and_claims_hand_each_job_out_once(store: JobStore) -> None:
    """Enqueues and claims racing on one store (on SQLite, sharing transactions): no job is claimed
    twice and every claimed job is one that was enqueued."""
    enqueues = [store.enqueue(f"k{n}", "triage", {"n": n}) for n in range(20)]
    claims = [store.claim(f"w{n}", LEASE) for n in range(30)]
    mixed = [c for pair in zip(enqueues, claims[:20], strict=True) for c in pair] + claims[20:]
    results = await asyncio.gather(*mixed)
    enqueued = {r.job.id for r in results[0:40:2]}
    claimed = [j.id for j in results[1:40:2] + results[40:] if j is not None]
    assert len(claimed) == len(set(claimed))
    assert set(claimed) <= enqueued
    left = 0
    while await store.claim("late", LEASE) is not None:
        left += 1
    assert len(claimed) + left == 20


async def test_migrations_run_concurrently_are_safe(backend: Backend) -> None:
    stores = [backend.open() for _ in range(6)]
    await asyncio.gather(*(s.setup() for s in stores))
    await asyncio.gather(*(s.setup() for s in stores))  # and again: nothing left to do
    for i, s in enumerate(stores):
        assert (await s.enqueue(f"k{i}", "triage", {})).created
    assert (await stores[0].stats()).by_state[JobState.QUEUED] == 6


async def test_data_survives_reopening(backend: Backend, clock: FakeClock) -> None:
    first = backend.open(clock=clock)
    await first.setup()
    await first.enqueue("leased", "triage", {"n": 2})
    kept = (await first.enqueue("kept", "triage", {"n": 1})).job
    leased = await first.claim("w", LEASE)
    await first.save_triage("acme/w/1", {"run": 1})
    await first.close()
    assert leased is not None and leased.id != kept.id

    second = backend.open(clock=clock)
    await second.setup()
    again = await second.enqueue("kept", "triage", {"n": 1})
    assert not again.created and again.job.id == kept.id
    still = await second.get(leased.id)
    assert still is not None and still.state == JobState.RUNNING and still.lease_owner == "w"
    assert await second.latest_triage("acme/w/1") == {"run": 1}
    assert (await second.claim("w2", LEASE)) is not None  # "kept" is still queued
