"""The job store's interface: a durable, idempotent queue with leases, plus the triage history.

Two implementations share this contract and one test suite: `core.sqlite_store` (one process,
the default) and `core.postgres_store` (several processes). The state machine:

    queued --claim--> running --complete--> done
       ^                 |  \\--fail (attempts < max)--> queued (run_after = now + backoff)
       |                 |   \\-fail (attempts >= max, or permanent)--> dead (last_error kept)
       |                 \\--defer (not the job's fault: build still running)--> queued, attempt refunded
       \\---- lease expired (worker crashed) ---- claim takes it again

Attempts are counted when a job is claimed, so a worker that crashes mid-job still uses one up
and a poison job ends dead instead of crashing workers forever.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol


class JobState(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    DEAD = "dead"


@dataclass(frozen=True)
class Job:
    id: int
    key: str  # idempotency key: one job per key, ever
    kind: str  # what the handler should do, e.g. "triage"
    payload: Mapping[str, Any]
    state: JobState
    attempts: int
    max_attempts: int
    last_error: str | None
    run_after: float  # unix seconds: not claimable before
    lease_owner: str | None
    lease_until: float | None
    created_at: float
    updated_at: float


@dataclass(frozen=True)
class Lease:
    """Who holds a job, and for how long from now."""

    owner: str
    seconds: float


@dataclass(frozen=True)
class Enqueued:
    job: Job
    created: bool  # False: the key was already there (a duplicate delivery), nothing added


@dataclass(frozen=True)
class StoreStats:
    by_state: Mapping[JobState, int]
    oldest_queued_age: float | None  # seconds since the oldest claimable job was due; None if none


@dataclass(frozen=True)
class Backoff:
    """Jittered exponential backoff between attempts: base * 2**(attempt-1), capped, +-jitter."""

    base: float = 5.0
    cap: float = 600.0
    jitter: float = 0.2
    rand: Callable[[], float] = field(default=random.random, compare=False)

    def delay(self, attempt: int) -> float:
        raw = min(self.cap, self.base * 2.0 ** max(0, attempt - 1))
        return raw * (1 - self.jitter + 2 * self.jitter * self.rand())


class LeaseLost(Exception):
    """The job is no longer held by this owner (its lease expired and someone else claimed it)."""


class JobStore(Protocol):
    """The one small interface the runtime, the routes and the CLI use."""

    async def setup(self) -> None:
        """Create or migrate the schema; safe to call from several processes at once."""

    async def close(self) -> None: ...

    async def enqueue(
        self,
        key: str,
        kind: str,
        payload: Mapping[str, Any],
        *,
        max_attempts: int | None = None,
        lease: Lease | None = None,
    ) -> Enqueued:
        """Insert a queued job unless one with `key` exists; committed before this returns.
        With `lease`, a new job is inserted already claimed by that owner (attempt 1): an idle
        worker takes it without a claim of its own. A job that exists is returned untouched."""

    async def claim(self, owner: str, lease_seconds: float) -> Job | None:
        """Take the oldest due job (queued, or running with an expired lease) and lease it."""

    async def heartbeat(self, job_id: int, owner: str, lease_seconds: float) -> None:
        """Extend the lease; raises LeaseLost if `owner` no longer holds the job."""

    async def complete(self, job_id: int, owner: str, *, next_lease: float | None = None) -> Job | None:
        """Mark done; raises LeaseLost if `owner` no longer holds the job. With `next_lease`, also
        claim the next due job for `owner` in the same transaction and return it (None if none is
        due): a busy worker goes on with one write a job instead of two."""

    async def fail(self, job_id: int, owner: str, error: str, *, permanent: bool = False) -> Job:
        """Record the error; requeue with backoff, or park as dead when attempts are used up."""

    async def defer(self, job_id: int, owner: str, delay: float, reason: str) -> None:
        """Requeue after `delay` without using up an attempt (the job was not at fault)."""

    async def release(self, job_id: int, owner: str) -> None:
        """Give the job back untouched (shutdown): queued, due now, the attempt refunded."""

    async def get(self, job_id: int) -> Job | None: ...

    async def stats(self) -> StoreStats: ...

    async def check_writable(self) -> None:
        """Raise if the store cannot take a write right now (for /readyz)."""

    async def save_triage(self, build_key: str, report: Mapping[str, Any]) -> None:
        """Keep a build's triage (TriageReport JSON) as its latest; older ones stay as history."""

    async def latest_triage(self, build_key: str) -> Mapping[str, Any] | None: ...

    async def triage_count(self, build_key: str) -> int:
        """How many triages of this build are stored (history)."""

    async def recent_triages(self, prefix: str, *, limit: int = 100) -> list[Mapping[str, Any]]:
        """The newest `limit` triages of builds whose key starts with `prefix` (e.g. a pipeline's
        `org/pipeline/`), newest first; a build triaged twice appears twice."""
