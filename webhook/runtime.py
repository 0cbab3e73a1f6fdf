"""Background workers: claim a job with a lease, run the injected handler, record how it ended.

How a handler's outcome maps onto the store (core/errors.py):
returned → complete; RetryLater → defer (attempt refunded); PermanentFailure → dead now;
any other exception → fail (backoff, then dead after max attempts).

A heartbeat extends the lease while the handler runs; if the lease is lost (this process
stalled and another took the job) the handler is cancelled. Shutdown stops claiming, gives
in-flight work `grace` seconds, then cancels it and releases the jobs untouched. After a crash
nothing is released: the leases run out and the jobs are claimed again.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import time
import uuid
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from core.errors import PermanentFailure, RetryLater
from core.store import Job, JobStore, Lease, LeaseLost
from webhook import logs
from webhook.logs import log_context
from webhook.metrics import Metrics

JobHandler = Callable[[Job], Awaitable[None]]


async def close_handler(handler: JobHandler | None) -> None:
    """Handlers holding resources (an HTTP client) may define `async aclose()`: called once the
    workers have stopped, by the app's lifespan and by `destill worker`."""
    close = getattr(handler, "aclose", None)
    if close is not None:
        await close()


log = logging.getLogger("destill.runtime")


def build_of(job: Job) -> str | None:
    p = job.payload
    if {"org", "pipeline", "number"} <= p.keys():
        return f"{p['org']}/{p['pipeline']}/{p['number']}"
    return None


def describe(exc: BaseException) -> str:
    text = str(exc)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


_LOST = "lease_lost"  # the heartbeat found another worker holds the job now
_STOPPED = "stopped"  # shutdown's grace period ran out


def _current_task() -> asyncio.Task[Any]:
    task = asyncio.current_task()
    assert task is not None, "workers run in tasks"
    return task


@dataclass
class _Attempt:
    """A handler running in its worker's task, and why we cancelled it, if we did."""

    task: asyncio.Task[Any]
    reason: str | None = None

    def cancel(self, reason: str) -> None:
        if self.reason is None:  # one cancellation per attempt: `_run` takes back exactly one
            self.reason = reason
            self.task.cancel()


@dataclass(frozen=True)
class _Idle:
    owner: str
    waiter: asyncio.Future[Job | None]


class Runtime:
    def __init__(
        self,
        store: JobStore,
        handler: JobHandler,
        *,
        workers: int = 4,
        lease_seconds: float = 60.0,
        grace: float = 20.0,
        poll_interval: float = 1.0,
        owner: str | None = None,
        metrics: Metrics | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if workers < 1:
            raise ValueError("workers must be >= 1")
        self._store = store
        self._handler = handler
        self._workers = workers
        self._lease = lease_seconds
        self._grace = grace
        self._poll = poll_interval
        self._owner = owner or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self._metrics = metrics
        self._clock = clock
        # Idle workers, each waiting on its own future: a new job wakes one of them, not all
        # (a wasted claim is a wasted write transaction), or is handed to one directly.
        self._idle_workers: deque[_Idle] = deque()
        self._stopping = False
        self._tasks: list[asyncio.Task[None]] = []
        self._inflight: dict[int, _Attempt] = {}  # job id -> its handler's run, while it runs
        self._reserved: dict[str, asyncio.Future[Job | None]] = {}  # owner -> its waiter
        self._background: set[asyncio.Task[None]] = set()
        # Jobs queued with no idle worker to take them (`notify`): a worker whose look at the
        # store found nothing checks it did not miss one queued meanwhile before it waits.
        self._posted = 0

    @property
    def _beat_interval(self) -> float:
        return max(self._lease / 3, 0.01)

    @property
    def draining(self) -> bool:
        return self._stopping

    def notify(self) -> None:
        """New work is queued: wake one idle worker now instead of at its next poll."""
        self._posted += 1
        while self._idle_workers:
            idle = self._idle_workers.popleft()
            if not idle.waiter.done():
                idle.waiter.set_result(None)
                return

    def reserve(self) -> Lease | None:
        """Take an idle worker for a job about to be enqueued with this lease (the store inserts
        it already claimed), so the worker needs no claim of its own; None if none is idle. Every
        reservation must end in `hand_off`, with the new job or with None."""
        while self._idle_workers and not self._stopping:
            idle = self._idle_workers.popleft()
            if not idle.waiter.done():
                self._reserved[idle.owner] = idle.waiter
                return Lease(idle.owner, self._lease)
        return None

    def hand_off(self, lease: Lease, job: Job | None) -> None:
        """The reserved worker runs `job` (None: nothing new was created, it goes back to
        claiming). A worker that stopped waiting meanwhile (its poll ran out, or shutdown) gets
        the job released back to the queue."""
        waiter = self._reserved.pop(lease.owner, None)
        if waiter is not None and not waiter.done():
            waiter.set_result(job)
        elif job is not None:
            task = asyncio.create_task(self._give_back(job, lease.owner))
            self._background.add(task)
            task.add_done_callback(self._background.discard)

    async def _give_back(self, job: Job, owner: str) -> None:
        try:
            await self._store.release(job.id, owner)
        except Exception:
            log.exception("could not give back a job handed to a stopped worker")  # its lease runs out
        self.notify()

    async def start(self) -> None:
        self._stopping = False
        self._tasks = [
            asyncio.create_task(self._work(f"{self._owner}/{i}"), name=f"destill-worker-{i}")
            for i in range(self._workers)
        ]
        log.info("workers started", extra={"workers": self._workers})

    async def stop(self) -> None:
        """Stop claiming; let in-flight jobs finish within the grace period; release the rest."""
        if not self._tasks:
            return
        self._stopping = True
        for idle in self._idle_workers:
            if not idle.waiter.done():
                idle.waiter.set_result(None)
        _, pending = await asyncio.wait(self._tasks, timeout=self._grace)
        if pending:
            log.warning("grace period over: releasing unfinished jobs", extra={"workers": len(pending)})
            for attempt in list(self._inflight.values()):
                attempt.cancel(_STOPPED)
            # The workers now release their jobs; give those writes a moment of their own.
            _, pending = await asyncio.wait(self._tasks, timeout=10.0)
            for task in pending:
                task.cancel()
            if pending:
                await asyncio.wait(pending)
        if self._background:  # jobs handed to a worker that had stopped waiting, being given back
            await asyncio.wait(self._background, timeout=10.0)
        self._tasks = []
        log.info("workers stopped")

    async def _idle(self, owner: str) -> Job | None:
        """Wait for new work (up to the poll interval): a job handed over, or None to go claim."""
        if self._stopping:
            return None
        loop = asyncio.get_running_loop()
        idle = _Idle(owner, loop.create_future())
        self._idle_workers.append(idle)
        # A timer of our own, not asyncio.wait_for: this runs once per job, and wait_for costs
        # several futures and callbacks more.
        timer = loop.call_later(self._poll, self._poll_over, idle)
        try:
            return await idle.waiter
        finally:
            timer.cancel()

    def _poll_over(self, idle: _Idle) -> None:
        """An idle worker waited a whole poll interval: it goes to claim. Reserved just now? The
        job, when it comes, is given back (`hand_off` finds the waiter done)."""
        if not idle.waiter.done():
            with contextlib.suppress(ValueError):
                self._idle_workers.remove(idle)
            idle.waiter.set_result(None)

    async def _work(self, owner: str) -> None:
        job: Job | None = None
        asked = False  # the store was just asked for a due job and had none: wait, don't ask again
        mark = self._posted
        while not self._stopping:
            if job is None and not asked:
                mark = self._posted
                try:
                    job = await self._store.claim(owner, self._lease)
                except Exception:
                    log.exception("claim failed", extra={"worker": owner})
                    await self._idle(owner)
                    continue
                asked = True
            if job is None:
                if self._posted != mark:  # work was queued while the store was being asked
                    asked = False
                    continue
                job, asked = await self._idle(owner), False
                continue
            mark = self._posted
            with log_context(build=build_of(job), job_id=job.id, attempt=job.attempts):
                job, asked = await self._run(job, owner)
        if job is not None:  # handed over as shutdown began: back to the queue, untouched
            await self._give_back(job, owner)

    async def _run(self, job: Job, owner: str) -> tuple[Job | None, bool]:
        """Run `job` and record how it ended. Returns the next job, if its completion claimed
        one, and whether that completion looked for one (then None means none was due).

        The handler runs in the worker's own task, not a task of its own: a task, its wait and
        its wake-ups per job cost more than the no-op handler of `bench.ingress` itself (measured:
        ~22 us a job in a bare loop). A lost lease or the end of the grace period cancels the
        worker's task while the handler runs (`_Attempt`); the worker takes the cancellation
        back and records the outcome. Any other cancellation is the worker being torn down."""
        started = self._clock()
        attempt = _Attempt(_current_task())
        self._inflight[job.id] = attempt
        # The heartbeat starts only when the first beat is due: most jobs that end sooner (a
        # passed build, a duplicate) never pay for a task of their own.
        beat: list[asyncio.Task[None]] = []
        timer = asyncio.get_running_loop().call_later(
            self._beat_interval,
            lambda: beat.append(asyncio.create_task(self._heartbeat(job.id, owner, attempt))),
        )
        error: Exception | None = None
        cancelled = False
        try:
            await self._handler(job)
        except asyncio.CancelledError:
            if attempt.task.cancelling() == 0:  # raised by the handler itself: nobody cancelled us
                error = RuntimeError("the handler raised CancelledError without being cancelled")
            elif attempt.reason is None or attempt.task.uncancel() > 0:
                raise  # not ours to take back: the worker itself is being torn down
            else:
                cancelled = True
        except Exception as e:
            error = e
        finally:
            timer.cancel()
            for b in beat:
                b.cancel()
            self._inflight.pop(job.id, None)
        if attempt.reason is not None and not cancelled:
            attempt.task.uncancel()  # the handler swallowed our cancellation: its outcome stands
        next_lease = None if self._stopping else self._lease  # a worker that stops takes no more
        cancelled_by = attempt.reason if cancelled else None
        outcome, following = await self._record(job, owner, error, cancelled_by, next_lease)
        duration = self._clock() - started
        if self._metrics is not None:
            self._metrics.job_finished(outcome, duration)
        logs.info(log, f"job {outcome}", outcome=outcome, duration_ms=round(duration * 1000))
        return following, outcome == "done" and next_lease is not None

    async def _record(
        self,
        job: Job,
        owner: str,
        error: Exception | None,
        cancelled_by: str | None,
        next_lease: float | None,
    ) -> tuple[str, Job | None]:
        """Tell the store how the attempt ended: the outcome's name, and the worker's next job
        when a completion claimed one (with `next_lease`) in the same write: one transaction a
        job, not two."""
        try:
            if cancelled_by is not None:  # we stopped the handler: why says what becomes of the job
                if cancelled_by == _LOST:
                    return "lease_lost", None
                await self._store.release(job.id, owner)
                return "released", None
            if error is None:
                return "done", await self._store.complete(job.id, owner, next_lease=next_lease)
            if isinstance(error, RetryLater):
                await self._store.defer(job.id, owner, error.delay, error.reason)
                log.info("deferred: %s", error.reason, extra={"delay": error.delay})
                return "deferred", None
            if isinstance(error, PermanentFailure):
                await self._store.fail(job.id, owner, error.reason, permanent=True)
                log.warning("dead: %s", error.reason)
                return "dead", None
            after = await self._store.fail(job.id, owner, describe(error))
            log.warning("attempt failed: %s", describe(error), extra={"state": after.state.value})
            return ("dead" if after.state.value == "dead" else "failed"), None
        except LeaseLost:
            log.warning("lease lost before the outcome was recorded")
            return "lease_lost", None
        except Exception:
            # The lease will run out and the job will be claimed again.
            log.exception("could not record the job's outcome")
            return "unrecorded", None

    async def _heartbeat(self, job_id: int, owner: str, attempt: _Attempt) -> None:
        """Extend the lease every beat until `_run` cancels this task (its handler has ended)."""
        while True:
            try:
                await self._store.heartbeat(job_id, owner, self._lease)
            except LeaseLost:
                log.warning("lease lost: cancelling the job here, its new owner carries on")
                attempt.cancel(_LOST)
                return
            except Exception:
                log.exception("heartbeat failed")
            await asyncio.sleep(self._beat_interval)
