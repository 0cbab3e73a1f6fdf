"""The job store on PostgreSQL: several web and worker processes sharing one queue.

Same state machine as `core.sqlite_store` (the contract suite runs on both). Claims lock their row
with `FOR UPDATE SKIP LOCKED`, so concurrent workers never wait on each other and never get the same
job. Every time comes from the injected clock as unix seconds (double precision), not from the
server's `now()`, so both stores behave the same under a test's fake clock; processes sharing a
database must therefore have synchronised clocks (NTP), as leases assume anyway.

Needs the `postgres` extra (psycopg 3 and psycopg-pool).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Mapping
from typing import Any

from psycopg import AsyncConnection
from psycopg.rows import TupleRow
from psycopg_pool import AsyncConnectionPool, PoolTimeout

from core.store import Backoff, Enqueued, Job, JobState, Lease, LeaseLost, StoreStats
from core.stores import (
    JOB_COLUMNS,
    after_failure,
    clip_error,
    encode_payload,
    expired_lease_error,
    job_from_row,
    new_job_state,
    prefix_end,
)

# Versioned migrations: (version, statements). Applied in order, each recorded in schema_migrations;
# never edit one that has shipped, add the next.
MIGRATIONS: tuple[tuple[int, tuple[str, ...]], ...] = (
    (
        1,
        (
            """CREATE TABLE jobs (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                key TEXT NOT NULL UNIQUE,
                kind TEXT NOT NULL,
                payload JSONB NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'dead')),
                attempts INTEGER NOT NULL DEFAULT 0,
                max_attempts INTEGER NOT NULL,
                last_error TEXT,
                run_after DOUBLE PRECISION NOT NULL,
                lease_owner TEXT,
                lease_until DOUBLE PRECISION,
                created_at DOUBLE PRECISION NOT NULL,
                updated_at DOUBLE PRECISION NOT NULL
            )""",
            "CREATE INDEX jobs_queued ON jobs (run_after, id) WHERE state = 'queued'",
            "CREATE INDEX jobs_running ON jobs (lease_until, id) WHERE state = 'running'",
            """CREATE TABLE triages (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                build_key TEXT NOT NULL,
                report JSONB NOT NULL,
                created_at DOUBLE PRECISION NOT NULL
            )""",
            "CREATE INDEX triages_build ON triages (build_key, id)",
            "CREATE TABLE probe (id INTEGER PRIMARY KEY CHECK (id = 1), at DOUBLE PRECISION NOT NULL)",
        ),
    ),
)

# One lock per schema, so tests (a schema each) and deployments (one) never migrate concurrently.
_MIGRATION_LOCK = (
    "SELECT pg_advisory_xact_lock(hashtext('destill.migrate:' || coalesce(current_schema(), '')))"
)

# The oldest due job, as in core.sqlite_store, but rows other claimers hold are skipped, not waited on.
_NEXT_DUE = """
WITH queued AS MATERIALIZED (
    SELECT id, run_after AS due, state, lease_owner, attempts, max_attempts FROM jobs
    WHERE state = 'queued' AND run_after <= %(now)s ORDER BY run_after, id LIMIT 1 FOR UPDATE SKIP LOCKED
), expired AS MATERIALIZED (
    SELECT id, lease_until AS due, state, lease_owner, attempts, max_attempts FROM jobs
    WHERE state = 'running' AND lease_until <= %(now)s ORDER BY lease_until, id LIMIT 1 FOR UPDATE SKIP LOCKED
)
SELECT * FROM (SELECT * FROM queued UNION ALL SELECT * FROM expired) AS due ORDER BY due, id LIMIT 1
"""

_HELD = (
    "SELECT attempts, max_attempts FROM jobs WHERE id = %s AND state = 'running' AND lease_owner = %s"
    " FOR UPDATE"
)

Conn = AsyncConnection[TupleRow]


class PostgresStore:
    """`core.store.JobStore` on PostgreSQL (see the module docstring)."""

    def __init__(
        self,
        dsn: str,
        *,
        clock: Callable[[], float] = time.time,
        backoff: Backoff = Backoff(),  # noqa: B008 - frozen dataclass, safe to share
        max_attempts: int = 8,
        min_size: int = 1,
        max_size: int = 10,
        connect_timeout: float = 30.0,
    ) -> None:
        self._dsn = dsn
        self._clock = clock
        self._backoff = backoff
        self._max_attempts = max_attempts
        self._min_size = min_size
        self._max_size = max_size
        self._connect_timeout = connect_timeout
        self._pool: AsyncConnectionPool[Conn] | None = None
        self._opening = asyncio.Lock()

    # -- plumbing -------------------------------------------------------------------------------

    async def _ready(self) -> AsyncConnectionPool[Conn]:
        """The pool, opened (and the schema migrated) on first use."""
        if self._pool is not None:
            return self._pool
        async with self._opening:
            if self._pool is None:
                pool: AsyncConnectionPool[Conn] = AsyncConnectionPool(
                    self._dsn,
                    min_size=self._min_size,
                    max_size=self._max_size,
                    kwargs={"autocommit": True},
                    check=AsyncConnectionPool.check_connection,  # survive a database restart
                    open=False,
                    name="destill-store",
                )
                try:
                    await pool.open(wait=True, timeout=self._connect_timeout)
                except PoolTimeout as exc:
                    await pool.close()
                    # psycopg's own reason is in the chained exception; the DSN may hold a password.
                    raise ConnectionError(
                        f"could not connect to the PostgreSQL named by DATABASE_URL within "
                        f"{self._connect_timeout:g} s"
                    ) from exc
                try:
                    async with pool.connection() as conn:
                        await _migrate(conn, self._clock())
                except BaseException:
                    await pool.close()
                    raise
                self._pool = pool
        return self._pool

    async def _held(self, conn: Conn, job_id: int, owner: str) -> tuple[int, int]:
        """(attempts, max_attempts) of a job `owner` holds, row locked; LeaseLost otherwise."""
        row = await (await conn.execute(_HELD, (job_id, owner))).fetchone()
        if row is None:
            raise LeaseLost(f"job {job_id} is not held by {owner}")
        return int(row[0]), int(row[1])

    async def _job(self, conn: Conn, job_id: int) -> Job:
        row = await (
            await conn.execute(f"SELECT {JOB_COLUMNS} FROM jobs WHERE id = %s", (job_id,))
        ).fetchone()
        assert row is not None
        return job_from_row(row)

    # -- lifecycle ------------------------------------------------------------------------------

    async def setup(self) -> None:
        await self._ready()

    async def close(self) -> None:
        if self._pool is not None:
            await self._pool.close()
            self._pool = None

    # -- the queue ------------------------------------------------------------------------------

    async def enqueue(
        self,
        key: str,
        kind: str,
        payload: Mapping[str, Any],
        *,
        max_attempts: int | None = None,
        lease: Lease | None = None,
    ) -> Enqueued:
        limit = self._max_attempts if max_attempts is None else max_attempts
        now = self._clock()
        state, attempts, owner, until = new_job_state(lease, now)
        pool = await self._ready()
        async with pool.connection() as conn:
            cur = await conn.execute(
                "INSERT INTO jobs (key, kind, payload, state, attempts, max_attempts, run_after,"
                " lease_owner, lease_until, created_at, updated_at)"
                " VALUES (%s, %s, %s::jsonb, %s, %s, %s, %s, %s, %s, %s, %s)"
                f" ON CONFLICT (key) DO NOTHING RETURNING {JOB_COLUMNS}",
                (key, kind, encode_payload(payload), state, attempts, limit, now, owner, until, now, now),
            )
            row = await cur.fetchone()
            if row is not None:
                return Enqueued(job=job_from_row(row), created=True)
            # Autocommit: the insert above saw the existing row, so this read does too.
            cur = await conn.execute(f"SELECT {JOB_COLUMNS} FROM jobs WHERE key = %s", (key,))
            row = await cur.fetchone()
            assert row is not None
            return Enqueued(job=job_from_row(row), created=False)

    async def claim(self, owner: str, lease_seconds: float) -> Job | None:
        pool = await self._ready()
        async with pool.connection() as conn, conn.transaction():
            return await self._claim_next(conn, owner, lease_seconds)

    async def _claim_next(self, conn: Conn, owner: str, lease_seconds: float) -> Job | None:
        """The oldest due job, leased to `owner`, inside the caller's transaction."""
        now = self._clock()
        while True:
            row = await (await conn.execute(_NEXT_DUE, {"now": now})).fetchone()
            if row is None:
                return None
            job_id, _, state, old_owner, attempts, limit = row
            if state == JobState.QUEUED:
                cur = await conn.execute(
                    f"UPDATE jobs SET state = 'running', attempts = attempts + 1, lease_owner = %s,"
                    f" lease_until = %s, updated_at = %s WHERE id = %s RETURNING {JOB_COLUMNS}",
                    (owner, now + lease_seconds, now, job_id),
                )
                return job_from_row(_one(await cur.fetchone()))
            lost = expired_lease_error(old_owner, attempts)
            if attempts < limit:
                cur = await conn.execute(
                    f"UPDATE jobs SET attempts = attempts + 1, last_error = %s, lease_owner = %s,"
                    f" lease_until = %s, updated_at = %s WHERE id = %s RETURNING {JOB_COLUMNS}",
                    (lost, owner, now + lease_seconds, now, job_id),
                )
                return job_from_row(_one(await cur.fetchone()))
            # Its worker died on the last attempt: park it (see core.sqlite_store).
            await conn.execute(
                "UPDATE jobs SET state = 'dead', last_error = %s, lease_owner = NULL,"
                " lease_until = NULL, updated_at = %s WHERE id = %s",
                (lost, now, job_id),
            )

    async def heartbeat(self, job_id: int, owner: str, lease_seconds: float) -> None:
        now = self._clock()
        await self._update_held(
            "UPDATE jobs SET lease_until = %s, updated_at = %s"
            " WHERE id = %s AND state = 'running' AND lease_owner = %s RETURNING id",
            (now + lease_seconds, now, job_id, owner),
            job_id,
            owner,
        )

    async def complete(self, job_id: int, owner: str, *, next_lease: float | None = None) -> Job | None:
        done = (
            "UPDATE jobs SET state = 'done', lease_owner = NULL, lease_until = NULL, updated_at = %s"
            " WHERE id = %s AND state = 'running' AND lease_owner = %s RETURNING id"
        )
        params = (self._clock(), job_id, owner)
        if next_lease is None:
            await self._update_held(done, params, job_id, owner)
            return None
        pool = await self._ready()
        async with pool.connection() as conn, conn.transaction():
            await _held_update(conn, done, params, job_id, owner)
            return await self._claim_next(conn, owner, next_lease)

    async def _update_held(self, sql: str, params: tuple[Any, ...], job_id: int, owner: str) -> None:
        """One conditional UPDATE on a held job, on a connection of its own."""
        pool = await self._ready()
        async with pool.connection() as conn:
            await _held_update(conn, sql, params, job_id, owner)

    async def fail(self, job_id: int, owner: str, error: str, *, permanent: bool = False) -> Job:
        pool = await self._ready()
        async with pool.connection() as conn, conn.transaction():
            attempts, limit = await self._held(conn, job_id, owner)
            now = self._clock()
            state, run_after = after_failure(
                attempts, limit, permanent=permanent, now=now, backoff=self._backoff
            )
            cur = await conn.execute(
                f"UPDATE jobs SET state = %s, run_after = %s, last_error = %s, lease_owner = NULL,"
                f" lease_until = NULL, updated_at = %s WHERE id = %s RETURNING {JOB_COLUMNS}",
                (state.value, run_after, clip_error(error), now, job_id),
            )
            return job_from_row(_one(await cur.fetchone()))

    async def defer(self, job_id: int, owner: str, delay: float, reason: str) -> None:
        await self._requeue(job_id, owner, delay, clip_error(reason))

    async def release(self, job_id: int, owner: str) -> None:
        await self._requeue(job_id, owner, 0.0, None)

    async def _requeue(self, job_id: int, owner: str, delay: float, reason: str | None) -> None:
        """Back to queued after `delay`, the attempt refunded; `reason` replaces last_error if given."""
        now = self._clock()
        await self._update_held(
            "UPDATE jobs SET state = 'queued', attempts = GREATEST(attempts - 1, 0), run_after = %s,"
            " last_error = COALESCE(%s, last_error), lease_owner = NULL, lease_until = NULL, updated_at = %s"
            " WHERE id = %s AND state = 'running' AND lease_owner = %s RETURNING id",
            (now + max(0.0, delay), reason, now, job_id, owner),
            job_id,
            owner,
        )

    async def get(self, job_id: int) -> Job | None:
        pool = await self._ready()
        async with pool.connection() as conn:
            row = await (
                await conn.execute(f"SELECT {JOB_COLUMNS} FROM jobs WHERE id = %s", (job_id,))
            ).fetchone()
            return None if row is None else job_from_row(row)

    async def stats(self) -> StoreStats:
        now = self._clock()
        counts = dict.fromkeys(JobState, 0)
        pool = await self._ready()
        # One snapshot, so the counts and the age describe the same moment.
        async with pool.connection() as conn, conn.transaction():
            await conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            for state, n in await (
                await conn.execute("SELECT state, COUNT(*) FROM jobs GROUP BY state")
            ).fetchall():
                counts[JobState(state)] = int(n)
            row = await (
                await conn.execute(
                    "SELECT LEAST("
                    " (SELECT MIN(run_after) FROM jobs WHERE state = 'queued' AND run_after <= %(now)s),"
                    " (SELECT MIN(lease_until) FROM jobs"
                    "  WHERE state = 'running' AND lease_until <= %(now)s))",
                    {"now": now},
                )
            ).fetchone()
        due = None if row is None else row[0]
        return StoreStats(by_state=counts, oldest_queued_age=None if due is None else now - float(due))

    async def check_writable(self) -> None:
        pool = await self._ready()
        async with pool.connection() as conn:
            await conn.execute(
                "INSERT INTO probe (id, at) VALUES (1, %s) ON CONFLICT (id) DO UPDATE SET at = EXCLUDED.at",
                (self._clock(),),
            )

    # -- triage history -------------------------------------------------------------------------

    async def save_triage(self, build_key: str, report: Mapping[str, Any]) -> None:
        pool = await self._ready()
        async with pool.connection() as conn:
            await conn.execute(
                "INSERT INTO triages (build_key, report, created_at) VALUES (%s, %s::jsonb, %s)",
                (build_key, encode_payload(report), self._clock()),
            )

    async def latest_triage(self, build_key: str) -> Mapping[str, Any] | None:
        pool = await self._ready()
        async with pool.connection() as conn:
            cur = await conn.execute(
                "SELECT report FROM triages WHERE build_key = %s ORDER BY id DESC LIMIT 1", (build_key,)
            )
            row = await cur.fetchone()
        if row is None:
            return None
        report: Mapping[str, Any] = row[0]
        return report

    async def triage_count(self, build_key: str) -> int:
        pool = await self._ready()
        async with pool.connection() as conn:
            cur = await conn.execute("SELECT COUNT(*) FROM triages WHERE build_key = %s", (build_key,))
            return int(_one(await cur.fetchone())[0])

    async def recent_triages(self, prefix: str, *, limit: int = 100) -> list[Mapping[str, Any]]:
        pool = await self._ready()
        async with pool.connection() as conn:
            cur = await conn.execute(
                "SELECT report FROM triages WHERE build_key >= %s AND build_key < %s"
                " ORDER BY id DESC LIMIT %s",
                (prefix, prefix_end(prefix), limit),
            )
            return [row[0] for row in await cur.fetchall()]


async def _held_update(conn: Conn, sql: str, params: tuple[Any, ...], job_id: int, owner: str) -> None:
    """A conditional UPDATE ... RETURNING on a held job; LeaseLost if it matched nothing."""
    if await (await conn.execute(sql, params)).fetchone() is None:
        raise LeaseLost(f"job {job_id} is not held by {owner}")


def _one(row: TupleRow | None) -> TupleRow:
    assert row is not None
    return row


async def _migrate(conn: Conn, now: float) -> None:
    """Apply the migrations not yet recorded, in one transaction under an advisory lock: processes
    starting together queue on the lock, and the later ones find nothing left to do."""
    async with conn.transaction():
        await conn.execute(_MIGRATION_LOCK)
        await conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations"
            " (version INTEGER PRIMARY KEY, applied_at DOUBLE PRECISION NOT NULL)"
        )
        done = {v for (v,) in await (await conn.execute("SELECT version FROM schema_migrations")).fetchall()}
        for version, statements in MIGRATIONS:
            if version in done:
                continue
            for statement in statements:
                await conn.execute(statement)
            await conn.execute(
                "INSERT INTO schema_migrations (version, applied_at) VALUES (%s, %s)", (version, now)
            )
