"""The job store on one SQLite file: the default, for a single process.

stdlib sqlite3 on one dedicated thread per store (the connection never changes threads, and the
event loop never waits on the disk). WAL so readers do not block the writer, a busy timeout so two
stores on one file (tests, `destill migrate` beside a server) wait instead of failing, and
`BEGIN IMMEDIATE` for every read-then-write so a claim takes the write lock before it looks.
Several *processes* on one file are not supported: use PostgreSQL for that.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
import time
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from core.store import Backoff, Enqueued, Job, JobState, LeaseLost, StoreStats
from core.stores import (
    JOB_COLUMNS,
    after_failure,
    clip_error,
    encode_payload,
    expired_lease_error,
    job_from_row,
    prefix_end,
)

T = TypeVar("T")

# Schema versions, applied in order; PRAGMA user_version records how many have run.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE jobs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            key TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            payload TEXT NOT NULL,
            state TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            max_attempts INTEGER NOT NULL,
            last_error TEXT,
            run_after REAL NOT NULL,
            lease_owner TEXT,
            lease_until REAL,
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL
        )""",
        "CREATE INDEX jobs_queued ON jobs (run_after, id) WHERE state = 'queued'",
        "CREATE INDEX jobs_running ON jobs (lease_until, id) WHERE state = 'running'",
        "CREATE INDEX jobs_state ON jobs (state)",
        """CREATE TABLE triages (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            build_key TEXT NOT NULL,
            report TEXT NOT NULL,
            created_at REAL NOT NULL
        )""",
        "CREATE INDEX triages_build ON triages (build_key, id)",
        "CREATE TABLE probe (id INTEGER PRIMARY KEY CHECK (id = 1), at REAL NOT NULL)",
    ),
)

# The oldest due job: queued and due, or running with its lease run out (its worker is gone).
# Each branch walks its own partial index (named: the planner would otherwise pick jobs_state and
# sort every queued job); the outer query picks the earlier of the two.
_NEXT_DUE = """
SELECT id, due, state, lease_owner, attempts, max_attempts FROM (
    SELECT * FROM (SELECT id, run_after AS due, state, lease_owner, attempts, max_attempts
                   FROM jobs INDEXED BY jobs_queued WHERE state = 'queued' AND run_after <= ?
                   ORDER BY run_after, id LIMIT 1)
    UNION ALL
    SELECT * FROM (SELECT id, lease_until AS due, state, lease_owner, attempts, max_attempts
                   FROM jobs INDEXED BY jobs_running WHERE state = 'running' AND lease_until <= ?
                   ORDER BY lease_until, id LIMIT 1)
) ORDER BY due, id LIMIT 1
"""


class SQLiteStore:
    """`core.store.JobStore` on a SQLite file (see the module docstring)."""

    def __init__(
        self,
        path: str | Path,
        *,
        clock: Callable[[], float] = time.time,
        backoff: Backoff = Backoff(),  # noqa: B008 - frozen dataclass, safe to share
        max_attempts: int = 8,
        busy_timeout: float = 10.0,
        synchronous: str = "FULL",  # an accepted delivery must survive a power cut, not just a crash
    ) -> None:
        self.path = str(path)
        self._clock = clock
        self._backoff = backoff
        self._max_attempts = max_attempts
        self._busy_ms = int(busy_timeout * 1000)
        if synchronous.upper() not in {"OFF", "NORMAL", "FULL", "EXTRA"}:
            raise ValueError(f"synchronous must be OFF, NORMAL, FULL or EXTRA, not {synchronous!r}")
        self._synchronous = synchronous.upper()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sqlite-store")
        self._conn: sqlite3.Connection | None = None
        self._closed = False

    # -- plumbing -------------------------------------------------------------------------------

    async def _run(self, fn: Callable[..., T], *args: Any) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, fn, *args)

    def _db(self) -> sqlite3.Connection:
        """The connection, opened (and the schema migrated) on first use, on the store's thread."""
        if self._conn is None:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            try:
                conn.execute(f"PRAGMA busy_timeout = {self._busy_ms}")
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute(f"PRAGMA synchronous = {self._synchronous}")
                _migrate(conn)
            except BaseException:
                conn.close()
                raise
            self._conn = conn
        return self._conn

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        conn = self._db()
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:  # also when COMMIT itself failed (disk full, I/O error)
                conn.execute("ROLLBACK")
            raise

    def _held(self, conn: sqlite3.Connection, job_id: int, owner: str) -> tuple[int, int]:
        """(attempts, max_attempts) of a job `owner` holds; LeaseLost otherwise."""
        row = conn.execute(
            "SELECT attempts, max_attempts FROM jobs WHERE id = ? AND state = 'running' AND lease_owner = ?",
            (job_id, owner),
        ).fetchone()
        if row is None:
            raise LeaseLost(f"job {job_id} is not held by {owner}")
        return int(row[0]), int(row[1])

    def _job(self, conn: sqlite3.Connection, job_id: int) -> Job:
        row = conn.execute(f"SELECT {JOB_COLUMNS} FROM jobs WHERE id = ?", (job_id,)).fetchone()
        assert row is not None
        return job_from_row(row)

    # -- lifecycle ------------------------------------------------------------------------------

    async def setup(self) -> None:
        await self._run(self._db)

    async def close(self) -> None:
        if self._closed:
            return
        self._closed = True

        def _close() -> None:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

        await self._run(_close)
        self._executor.shutdown(wait=True)

    # -- the queue ------------------------------------------------------------------------------

    async def enqueue(
        self, key: str, kind: str, payload: Mapping[str, Any], *, max_attempts: int | None = None
    ) -> Enqueued:
        body = encode_payload(payload)
        limit = self._max_attempts if max_attempts is None else max_attempts

        def _enqueue() -> Enqueued:
            with self._write() as conn:
                now = self._clock()
                cur = conn.execute(
                    "INSERT INTO jobs (key, kind, payload, state, attempts, max_attempts, run_after,"
                    " created_at, updated_at) VALUES (?, ?, ?, 'queued', 0, ?, ?, ?, ?)"
                    " ON CONFLICT (key) DO NOTHING",
                    (key, kind, body, limit, now, now, now),
                )
                created = cur.rowcount == 1
                row = conn.execute(f"SELECT {JOB_COLUMNS} FROM jobs WHERE key = ?", (key,)).fetchone()
            return Enqueued(job=job_from_row(row), created=created)

        return await self._run(_enqueue)

    async def claim(self, owner: str, lease_seconds: float) -> Job | None:
        def _claim() -> Job | None:
            with self._write() as conn:
                now = self._clock()
                while True:
                    row = conn.execute(_NEXT_DUE, (now, now)).fetchone()
                    if row is None:
                        return None
                    job_id, _, state, old_owner, attempts, limit = row
                    if state == JobState.QUEUED:
                        conn.execute(
                            "UPDATE jobs SET state = 'running', attempts = attempts + 1, lease_owner = ?,"
                            " lease_until = ?, updated_at = ? WHERE id = ?",
                            (owner, now + lease_seconds, now, job_id),
                        )
                        return self._job(conn, job_id)
                    lost = expired_lease_error(old_owner, attempts)
                    if attempts < limit:
                        conn.execute(
                            "UPDATE jobs SET attempts = attempts + 1, last_error = ?, lease_owner = ?,"
                            " lease_until = ?, updated_at = ? WHERE id = ?",
                            (lost, owner, now + lease_seconds, now, job_id),
                        )
                        return self._job(conn, job_id)
                    # Its worker died on the last attempt: park it rather than run it again, so
                    # a poison job that kills workers ends dead instead of killing them forever.
                    conn.execute(
                        "UPDATE jobs SET state = 'dead', last_error = ?, lease_owner = NULL,"
                        " lease_until = NULL, updated_at = ? WHERE id = ?",
                        (lost, now, job_id),
                    )

        return await self._run(_claim)

    async def heartbeat(self, job_id: int, owner: str, lease_seconds: float) -> None:
        def _heartbeat() -> None:
            with self._write() as conn:
                self._held(conn, job_id, owner)
                now = self._clock()
                conn.execute(
                    "UPDATE jobs SET lease_until = ?, updated_at = ? WHERE id = ?",
                    (now + lease_seconds, now, job_id),
                )

        await self._run(_heartbeat)

    async def complete(self, job_id: int, owner: str) -> None:
        def _complete() -> None:
            with self._write() as conn:
                self._held(conn, job_id, owner)
                conn.execute(
                    "UPDATE jobs SET state = 'done', lease_owner = NULL, lease_until = NULL, updated_at = ?"
                    " WHERE id = ?",
                    (self._clock(), job_id),
                )

        await self._run(_complete)

    async def fail(self, job_id: int, owner: str, error: str, *, permanent: bool = False) -> Job:
        def _fail() -> Job:
            with self._write() as conn:
                attempts, limit = self._held(conn, job_id, owner)
                now = self._clock()
                state, run_after = after_failure(
                    attempts, limit, permanent=permanent, now=now, backoff=self._backoff
                )
                conn.execute(
                    "UPDATE jobs SET state = ?, run_after = ?, last_error = ?, lease_owner = NULL,"
                    " lease_until = NULL, updated_at = ? WHERE id = ?",
                    (state.value, run_after, clip_error(error), now, job_id),
                )
                return self._job(conn, job_id)

        return await self._run(_fail)

    async def defer(self, job_id: int, owner: str, delay: float, reason: str) -> None:
        await self._requeue(job_id, owner, delay, clip_error(reason))

    async def release(self, job_id: int, owner: str) -> None:
        await self._requeue(job_id, owner, 0.0, None)

    async def _requeue(self, job_id: int, owner: str, delay: float, reason: str | None) -> None:
        """Back to queued after `delay`, the attempt refunded; `reason` replaces last_error if given."""

        def _requeue() -> None:
            with self._write() as conn:
                self._held(conn, job_id, owner)
                now = self._clock()
                conn.execute(
                    "UPDATE jobs SET state = 'queued', attempts = MAX(attempts - 1, 0), run_after = ?,"
                    " last_error = COALESCE(?, last_error), lease_owner = NULL, lease_until = NULL,"
                    " updated_at = ? WHERE id = ?",
                    (now + max(0.0, delay), reason, now, job_id),
                )

        await self._run(_requeue)

    async def get(self, job_id: int) -> Job | None:
        def _get() -> Job | None:
            row = self._db().execute(f"SELECT {JOB_COLUMNS} FROM jobs WHERE id = ?", (job_id,)).fetchone()
            return None if row is None else job_from_row(row)

        return await self._run(_get)

    async def stats(self) -> StoreStats:
        def _stats() -> StoreStats:
            conn = self._db()
            now = self._clock()
            counts = dict.fromkeys(JobState, 0)
            # One read transaction so the counts and the age describe the same moment.
            conn.execute("BEGIN")
            try:
                for state, n in conn.execute("SELECT state, COUNT(*) FROM jobs GROUP BY state"):
                    counts[JobState(state)] = int(n)
                (due,) = conn.execute(
                    "SELECT MIN(due) FROM ("
                    " SELECT MIN(run_after) AS due FROM jobs WHERE state = 'queued' AND run_after <= ?"
                    " UNION ALL"
                    " SELECT MIN(lease_until) FROM jobs WHERE state = 'running' AND lease_until <= ?)",
                    (now, now),
                ).fetchone()
            finally:
                conn.execute("ROLLBACK")  # read only: nothing to keep
            return StoreStats(by_state=counts, oldest_queued_age=None if due is None else now - float(due))

        return await self._run(_stats)

    async def check_writable(self) -> None:
        def _check() -> None:
            with self._write() as conn:
                conn.execute("INSERT OR REPLACE INTO probe (id, at) VALUES (1, ?)", (self._clock(),))

        await self._run(_check)

    # -- triage history -------------------------------------------------------------------------

    async def save_triage(self, build_key: str, report: Mapping[str, Any]) -> None:
        body = encode_payload(report)

        def _save() -> None:
            with self._write() as conn:
                conn.execute(
                    "INSERT INTO triages (build_key, report, created_at) VALUES (?, ?, ?)",
                    (build_key, body, self._clock()),
                )

        await self._run(_save)

    async def latest_triage(self, build_key: str) -> Mapping[str, Any] | None:
        def _latest() -> Mapping[str, Any] | None:
            row = (
                self._db()
                .execute(
                    "SELECT report FROM triages WHERE build_key = ? ORDER BY id DESC LIMIT 1", (build_key,)
                )
                .fetchone()
            )
            if row is None:
                return None
            report: Mapping[str, Any] = json.loads(row[0])
            return report

        return await self._run(_latest)

    async def triage_count(self, build_key: str) -> int:
        def _count() -> int:
            sql = "SELECT COUNT(*) FROM triages WHERE build_key = ?"
            (n,) = self._db().execute(sql, (build_key,)).fetchone()
            return int(n)

        return await self._run(_count)

    async def recent_triages(self, prefix: str, *, limit: int = 100) -> list[Mapping[str, Any]]:
        def _recent() -> list[Mapping[str, Any]]:
            sql = "SELECT report FROM triages WHERE build_key >= ? AND build_key < ? ORDER BY id DESC LIMIT ?"
            rows = self._db().execute(sql, (prefix, prefix_end(prefix), limit)).fetchall()
            return [json.loads(row[0]) for row in rows]

        return await self._run(_recent)


def _migrate(conn: sqlite3.Connection) -> None:
    """Apply the migrations this file has not seen, under the write lock (several stores may start
    at once on one file)."""
    (version,) = conn.execute("PRAGMA user_version").fetchone()
    if version >= len(MIGRATIONS):
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        (version,) = conn.execute("PRAGMA user_version").fetchone()
        for n, statements in enumerate(MIGRATIONS[version:], start=version + 1):
            for statement in statements:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {n}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
