"""The job store on one SQLite file: the default, for a single process.

WAL so readers do not block the writer, a busy timeout so two stores on one file (tests,
`destill migrate` beside a server) wait instead of failing, and `BEGIN IMMEDIATE` for every
read-then-write so a claim takes the write lock before it looks. Several *processes* on one file
are not supported: use PostgreSQL for that.

Two connections. Writes run on the event loop's own connection: a statement on a file in the page
cache costs microseconds, far less than handing it to a thread, and a second Python thread busy
beside the loop makes both fight over the GIL (measured: the receiver's CPU per delivery fell by a
third). The loop never waits on the disk: that connection commits with synchronous=NORMAL (write()
into the WAL, no fsync), its busy timeout is zero (a file another process holds locked sends the
batch to the store thread, which may wait), and it never checkpoints. The store thread has the
other connection: reads, checkpoints, and those locked-out batches.

Group commit: writes are queued, and the writes waiting at the end of a turn of the loop run in
ONE immediate transaction; with synchronous FULL (the default) the WAL is then fdatasync'ed by a
child process (`core.wal_sync`: cheaper than a thread), and only after that is each caller
answered with its own result or error. Batches do not wait for the sync before them: the next one
commits at once and its sync follows (the child folds syncs asked for meanwhile into one), so the
loop keeps working while the disk does. Durability is FULL's (nothing is reported done before a
sync begun after its commit has ended), but under load one fsync carries many writes. A write
that raises loses only its own changes (the batch is replayed with a savepoint per write). Writes
run in arrival order and see each other, so idempotency by key and "one job, one claimer" hold
within a batch as across batches.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from pathlib import Path
from typing import Any, TypeVar

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
from core.wal_sync import ProcessSync, ThreadSync, WalSync

T = TypeVar("T")

# Writes per transaction at most: bounds how long one batch holds the write lock and the loop.
MAX_BATCH = 256

# Writes between two checkpoints (a checkpoint copies the WAL into the database file): about the
# 1,000 pages of SQLite's own automatic checkpoint for this table's small rows.
CHECKPOINT_EVERY = 2000


class _LockedOut(Exception):
    """The loop's connection could not take the write lock at once: another connection holds it."""


def _is_locked(e: sqlite3.OperationalError) -> bool:
    text = str(e)
    return "locked" in text or "busy" in text


# A queued write: the work (run on the store thread inside the batch's transaction) and its caller.
_Write = tuple[Callable[[sqlite3.Connection], Any], "asyncio.Future[Any]"]
# What a write did: (True, result) or (False, the exception it raised).
_Outcome = tuple[bool, Any]

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
    # An index of every job's state cost each enqueue, claim and completion a write to it
    # (measured: ~12 us of a delivery's CPU under load). Queued and running jobs are counted on
    # their own partial indexes already, dead ones get one, and done is what is left.
    (
        "DROP INDEX jobs_state",
        "CREATE INDEX jobs_dead ON jobs (id) WHERE state = 'dead'",
    ),
)

# The oldest due job is the earlier of the oldest queued and due one and the oldest running one
# whose lease has run out (its worker is gone). Two statements, each walking its own partial index
# (named: the planner could otherwise pick another and sort every queued job) and reading only the
# index: one UNION ALL of the two cost a claim more than both together (callgrind: ~180k
# instructions a claim with it and RETURNING, ~100k without).
_OLDEST_QUEUED = (
    "SELECT id, run_after FROM jobs INDEXED BY jobs_queued"
    " WHERE state = 'queued' AND run_after <= ? ORDER BY run_after, id LIMIT 1"
)
_OLDEST_EXPIRED = (
    "SELECT id, lease_until FROM jobs INDEXED BY jobs_running"
    " WHERE state = 'running' AND lease_until <= ? ORDER BY lease_until, id LIMIT 1"
)


# Jobs by state: queued, running and dead counted on their partial indexes, done the rest of all
# (counted on the smallest whole index: SQLite counts its pages' cells, it reads no row).
_COUNT_BY_STATE = """
SELECT 'queued', COUNT(*) FROM jobs WHERE state = 'queued'
UNION ALL SELECT 'running', COUNT(*) FROM jobs WHERE state = 'running'
UNION ALL SELECT 'dead', COUNT(*) FROM jobs WHERE state = 'dead'
UNION ALL SELECT 'all', COUNT(*) FROM jobs
"""

# One statement for a new job: no row changed when the key exists (a duplicate). The new id is
# the cursor's lastrowid: RETURNING would cost an insert a third more.
_INSERT_JOB = (
    "INSERT INTO jobs (key, kind, payload, state, attempts, max_attempts, run_after, lease_owner,"
    " lease_until, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (key) DO NOTHING"
)


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
        fsync: Callable[[int], None] | None = None,
    ) -> None:
        self.path = str(path)
        self._clock = clock
        self._backoff = backoff
        self._max_attempts = max_attempts
        self._busy_ms = int(busy_timeout * 1000)
        if synchronous.upper() not in {"OFF", "NORMAL", "FULL", "EXTRA"}:
            raise ValueError(f"synchronous must be OFF, NORMAL, FULL or EXTRA, not {synchronous!r}")
        self._synchronous = synchronous.upper()
        # FULL's durability, kept by syncing the WAL ourselves after the loop's NORMAL commits.
        self._sync_wal = self._synchronous in ("FULL", "EXTRA")
        self._fsync = fsync  # None: a child process syncs the WAL (core.wal_sync); else a thread
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sqlite-store")
        self._wal: WalSync | None = None  # syncs the WAL after the loop's commits, if `_sync_wal`
        self._conn: sqlite3.Connection | None = None  # the store thread's
        self._writer: sqlite3.Connection | None = None  # the event loop's: writes only
        self._loop: asyncio.AbstractEventLoop | None = None  # the loop that owns `_writer`
        self._closed = False
        self._pending: list[_Write] = []  # writes waiting for the next batch
        self._flush_soon = False  # a `_flush` is scheduled on `_loop`
        self._batch: asyncio.Future[Any] | None = None  # a batch on the store thread now, if any
        # The sync of the last batch, while it runs (syncs end in the order they were asked for).
        self._syncing: asyncio.Future[Any] | None = None
        self._checkpoint: asyncio.Future[Any] | None = None
        self._since_checkpoint = 0  # writes committed by `_writer` since the last checkpoint

    # -- plumbing -------------------------------------------------------------------------------

    async def _run(self, fn: Callable[..., T], *args: Any) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, fn, *args)

    def _db(self) -> sqlite3.Connection:
        """The store thread's connection, opened (and the schema migrated) on first use."""
        if self._conn is None:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            try:
                conn.execute(f"PRAGMA busy_timeout = {self._busy_ms}")
                _enable_wal(conn, self._busy_ms / 1000)
                conn.execute(f"PRAGMA synchronous = {self._synchronous}")
                _migrate(conn)
            except BaseException:
                conn.close()
                raise
            self._conn = conn
        return self._conn

    def _open_writer(self) -> sqlite3.Connection | None:
        """The event loop's connection (after `_db` has migrated the file); None where it cannot
        work: an in-memory database is private to one connection, and without WAL there is no
        file to sync."""
        if self.path == ":memory:":
            return None
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        try:
            conn.execute("PRAGMA busy_timeout = 0")  # never wait on the loop: see `_flush`
            conn.execute("PRAGMA wal_autocheckpoint = 0")  # checkpoints run on the store thread
            conn.execute(f"PRAGMA synchronous = {'NORMAL' if self._sync_wal else self._synchronous}")
            (mode,) = conn.execute("PRAGMA journal_mode").fetchone()
        except sqlite3.Error:
            conn.close()
            return None
        if str(mode).lower() != "wal":
            conn.close()
            return None
        return conn

    async def _write_op(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        """Run `fn(conn)` in a write transaction (shared with the writes queued beside it) and return
        its result once that transaction is committed (and synced); its exception if it raised (its
        own changes rolled back, the others' kept)."""
        if self._closed:
            raise RuntimeError("the store is closed")
        loop = asyncio.get_running_loop()
        if self._loop is None:
            await self.setup()
        if loop is not self._loop:  # another event loop: a transaction of its own on the thread
            result: T = self._unwrap(await self._run(self._one, fn))
            return result
        fut: asyncio.Future[T] = loop.create_future()
        self._pending.append((fn, fut))
        self._schedule(loop)
        return await fut

    def _schedule(self, loop: asyncio.AbstractEventLoop) -> None:
        """Flush at the end of this turn of the loop (every write queued meanwhile joins the
        batch), unless a batch is on the store thread: then the writes wait for it and go together
        after it (`_batch_done`), so batches commit in order. A sync in flight does not hold them."""
        if self._pending and not self._flush_soon and self._batch is None:
            self._flush_soon = True
            loop.call_soon(self._flush, loop)

    def _flush(self, loop: asyncio.AbstractEventLoop) -> None:
        """Commit the pending writes (up to MAX_BATCH) as one transaction: on the loop's connection,
        or on the store thread when the file is locked by another connection (which may take
        the busy timeout to let go: the loop must not wait for that)."""
        self._flush_soon = False
        batch = [w for w in self._pending[:MAX_BATCH] if not w[1].cancelled()]  # callers gone: skip
        del self._pending[:MAX_BATCH]
        if not batch:
            self._schedule(loop)
            return
        fns = [fn for fn, _ in batch]
        if self._writer is not None:
            try:
                outcomes = self._commit(self._writer, fns, locked_out=True)
            except _LockedOut:
                pass
            else:
                self._committed(loop, batch, outcomes)
                return
        try:
            running = loop.run_in_executor(self._executor, self._commit_on_thread, fns)
        except RuntimeError as e:  # the store thread is shut down
            self._settle(batch, e)
            return
        self._batch = running
        running.add_done_callback(lambda done: self._batch_done(loop, batch, done))

    def _commit_on_thread(self, fns: list[Callable[[sqlite3.Connection], Any]]) -> list[_Outcome]:
        return self._commit(self._db(), fns)

    def _committed(
        self, loop: asyncio.AbstractEventLoop, batch: list[_Write], outcomes: list[_Outcome]
    ) -> None:
        """A batch the loop's connection committed: answered now, or once the WAL is synced."""
        self._since_checkpoint += len(batch)
        if self._since_checkpoint >= CHECKPOINT_EVERY and self._checkpoint is None:
            self._start_checkpoint(loop)
        if not self._sync_wal:
            self._answer(batch, outcomes)
            self._schedule(loop)
            return
        assert self._wal is not None
        try:
            syncing = self._wal.sync()
        except RuntimeError as e:  # shut down
            self._settle(batch, e)
            return
        self._syncing = syncing
        syncing.add_done_callback(lambda done: self._synced(loop, batch, outcomes, done))

    def _synced(
        self,
        loop: asyncio.AbstractEventLoop,
        batch: list[_Write],
        outcomes: list[_Outcome],
        done: asyncio.Future[Any],
    ) -> None:
        if self._syncing is done:
            self._syncing = None
        # A failed sync: committed but perhaps not on the disk, so the callers hear of the failure
        # (a delivery gets a 503, is sent again, and finds its row: a duplicate, 200).
        self._finish(loop, batch, done, outcomes)

    def _start_checkpoint(self, loop: asyncio.AbstractEventLoop) -> None:
        """Copy the WAL into the database on the store thread (the loop's connection never does:
        a checkpoint syncs the file twice), so the WAL starts over instead of growing."""
        self._since_checkpoint = 0

        def _checkpoint() -> None:
            self._db().execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()

        try:
            self._checkpoint = loop.run_in_executor(self._executor, _checkpoint)
        except RuntimeError:
            return

        def _done(done: asyncio.Future[Any]) -> None:
            self._checkpoint = None
            if not done.cancelled():
                done.exception()  # a busy checkpoint is retried after the next CHECKPOINT_EVERY writes

        self._checkpoint.add_done_callback(_done)

    def _batch_done(
        self, loop: asyncio.AbstractEventLoop, batch: list[_Write], done: asyncio.Future[Any]
    ) -> None:
        """A batch the store thread committed (with the thread connection's own sync setting)."""
        self._batch = None
        self._finish(loop, batch, done)

    def _finish(
        self,
        loop: asyncio.AbstractEventLoop,
        batch: list[_Write],
        done: asyncio.Future[Any],
        outcomes: list[_Outcome] | None = None,
    ) -> None:
        """Answer a batch's callers once `done` (its commit, or its sync) has ended: its error for
        all of them, else each its own outcome (`outcomes`, or what `done` returned); then the
        writes that waited go."""
        if done.cancelled():
            self._settle(batch, RuntimeError("the store's write was cancelled"))
        elif (error := done.exception()) is not None:
            self._settle(batch, error)
        else:
            self._answer(batch, done.result() if outcomes is None else outcomes)
        self._schedule(loop)

    @staticmethod
    def _answer(batch: list[_Write], outcomes: list[_Outcome]) -> None:
        for (_, fut), (ok, value) in zip(batch, outcomes, strict=True):
            if not fut.done():
                if ok:
                    fut.set_result(value)
                else:
                    fut.set_exception(value)

    @staticmethod
    def _settle(batch: list[_Write], error: BaseException) -> None:
        for _, fut in batch:
            if not fut.done():
                fut.set_exception(error)

    def _one(
        self, fn: Callable[[sqlite3.Connection], Any], conn: sqlite3.Connection | None = None
    ) -> _Outcome:
        """`fn` in a transaction of its own (on the store thread's connection by default)."""
        conn = self._db() if conn is None else conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                value = fn(conn)
                conn.execute("COMMIT")
            except BaseException:
                self._rollback(conn)  # also when COMMIT itself failed (disk full, I/O error)
                raise
        except Exception as e:
            return False, e
        return True, value

    @staticmethod
    def _unwrap(outcome: _Outcome) -> Any:
        ok, value = outcome
        if ok:
            return value
        raise value

    def _commit(
        self,
        conn: sqlite3.Connection,
        fns: list[Callable[[sqlite3.Connection], Any]],
        *,
        locked_out: bool = False,
    ) -> list[_Outcome]:
        """Every `fn` in one transaction on `conn`, and one that raises loses only its own changes
        (savepoints). If the transaction as a whole fails after it began (COMMIT fails, or an error
        makes SQLite roll everything back), nothing of it is on disk: run each write again on its
        own so every caller still gets its own answer. A write may therefore run more than once
        before it is committed; each is a function of the database (and the clock) only.
        `locked_out`: raise _LockedOut, having done nothing, if the write lock is held elsewhere."""
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as e:
            if locked_out and _is_locked(e):
                raise _LockedOut from e
            return [(False, e)] * len(fns)
        except Exception as e:  # the write lock is not to be had: the same answer for everyone
            return [(False, e)] * len(fns)
        try:
            # The common case, every write succeeds, pays for no savepoints. The first failure
            # rolls the batch back and replays it with a savepoint around each write (below).
            out: list[_Outcome] = [(True, fn(conn)) for fn in fns]
            conn.execute("COMMIT")
            return out
        except Exception as e:
            self._rollback(conn)
            if len(fns) == 1:  # its own error: nothing to replay
                return [(False, e)]
        try:
            conn.execute("BEGIN IMMEDIATE")
        except Exception as e:
            return [(False, e)] * len(fns)
        try:
            out = []
            for fn in fns:
                conn.execute("SAVEPOINT write")
                try:
                    value = fn(conn)
                except Exception as e:
                    if not conn.in_transaction:  # SQLite rolled the whole batch back
                        raise
                    conn.execute("ROLLBACK TO write")
                    conn.execute("RELEASE write")
                    out.append((False, e))
                else:
                    conn.execute("RELEASE write")
                    out.append((True, value))
            conn.execute("COMMIT")
            return out
        except Exception:
            self._rollback(conn)
            return [self._one(fn, conn) for fn in fns]

    @staticmethod
    def _rollback(conn: sqlite3.Connection) -> None:
        if conn.in_transaction:
            with suppress(sqlite3.Error):
                conn.execute("ROLLBACK")

    @staticmethod
    def _update_held(
        conn: sqlite3.Connection, job_id: int, owner: str, assignments: str, params: tuple[Any, ...]
    ) -> None:
        """`UPDATE jobs SET <assignments>` on a job `owner` holds, in one statement; LeaseLost otherwise."""
        cur = conn.execute(
            f"UPDATE jobs SET {assignments} WHERE id = ? AND state = 'running' AND lease_owner = ?",
            (*params, job_id, owner),
        )
        if cur.rowcount != 1:
            raise LeaseLost(f"job {job_id} is not held by {owner}")

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
        if self._loop is None:  # the first loop to set up owns the writer connection
            self._loop = asyncio.get_running_loop()
            self._writer = self._open_writer()
            if self._writer is not None and self._sync_wal:
                # fdatasync of any descriptor of the WAL flushes what every connection wrote to it.
                wal = self.path + "-wal"
                fsync, loop = self._fsync, self._loop
                self._wal = ProcessSync(wal, loop) if fsync is None else ThreadSync(wal, loop, fsync)

    async def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self._loop is asyncio.get_running_loop():
            await self._quiesce()

        def _close() -> None:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

        if self._writer is not None:
            self._writer.close()
            self._writer = None
        await self._run(_close)
        self._executor.shutdown(wait=True)
        if self._wal is not None:
            self._wal.close()
            self._wal = None

    async def _quiesce(self) -> None:
        """Let the queued writes reach the disk (their errors went to their callers)."""
        while True:
            inflight = self._batch or self._syncing or self._checkpoint
            if inflight is not None:
                # asyncio.wait, not `await inflight`: a future that is done but whose callbacks
                # (which clear the attribute) have not run yet would be awaited without yielding,
                # so they never ran and this loop spun forever. wait() always yields, its own
                # callback runs after theirs, and the future's outcome is not raised here.
                await asyncio.wait({inflight})
            elif self._pending or self._flush_soon:
                self._schedule(asyncio.get_running_loop())  # a no-op when a flush is already due
                await asyncio.sleep(0)
            else:
                return

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
        body = encode_payload(payload)
        limit = self._max_attempts if max_attempts is None else max_attempts

        def _enqueue(conn: sqlite3.Connection) -> Enqueued:
            now = self._clock()
            state, attempts, owner, until = new_job_state(lease, now)
            params = (key, kind, body, state, attempts, limit, now, owner, until, now, now)
            cur = conn.execute(_INSERT_JOB, params)
            if cur.rowcount == 1:  # the new row is what we wrote: nothing is read back
                job = Job(
                    id=int(cur.lastrowid or 0),
                    key=key,
                    kind=kind,
                    payload=dict(payload),
                    state=JobState(state),
                    attempts=attempts,
                    max_attempts=limit,
                    last_error=None,
                    run_after=now,
                    lease_owner=owner,
                    lease_until=until,
                    created_at=now,
                    updated_at=now,
                )
                return Enqueued(job=job, created=True)
            # The key is there already (perhaps added by an earlier write of this very batch).
            row = conn.execute(f"SELECT {JOB_COLUMNS} FROM jobs WHERE key = ?", (key,)).fetchone()
            return Enqueued(job=job_from_row(row), created=False)

        return await self._write_op(_enqueue)

    async def claim(self, owner: str, lease_seconds: float) -> Job | None:
        def _claim(conn: sqlite3.Connection) -> Job | None:
            return self._claim_next(conn, owner, lease_seconds)

        return await self._write_op(_claim)

    def _claim_next(self, conn: sqlite3.Connection, owner: str, lease_seconds: float) -> Job | None:
        """The oldest due job, leased to `owner`, inside the caller's transaction."""
        now = self._clock()
        until = now + lease_seconds
        while True:
            queued = conn.execute(_OLDEST_QUEUED, (now,)).fetchone()
            expired = conn.execute(_OLDEST_EXPIRED, (now,)).fetchone()
            if expired is None or (queued is not None and (queued[1], queued[0]) <= (expired[1], expired[0])):
                if queued is None:
                    return None
                job_id = queued[0]
                conn.execute(
                    "UPDATE jobs SET state = 'running', attempts = attempts + 1, lease_owner = ?,"
                    " lease_until = ?, updated_at = ? WHERE id = ?",
                    (owner, until, now, job_id),
                )
                return self._job(conn, job_id)
            job_id = expired[0]
            old_owner, attempts, limit = conn.execute(
                "SELECT lease_owner, attempts, max_attempts FROM jobs WHERE id = ?", (job_id,)
            ).fetchone()
            lost = expired_lease_error(old_owner, attempts)
            if attempts < limit:
                conn.execute(
                    "UPDATE jobs SET attempts = attempts + 1, last_error = ?, lease_owner = ?,"
                    " lease_until = ?, updated_at = ? WHERE id = ?",
                    (lost, owner, until, now, job_id),
                )
                return self._job(conn, job_id)
            # Its worker died on the last attempt: park it rather than run it again, so
            # a poison job that kills workers ends dead instead of killing them forever.
            conn.execute(
                "UPDATE jobs SET state = 'dead', last_error = ?, lease_owner = NULL,"
                " lease_until = NULL, updated_at = ? WHERE id = ?",
                (lost, now, job_id),
            )

    async def heartbeat(self, job_id: int, owner: str, lease_seconds: float) -> None:
        def _heartbeat(conn: sqlite3.Connection) -> None:
            now = self._clock()
            self._update_held(
                conn, job_id, owner, "lease_until = ?, updated_at = ?", (now + lease_seconds, now)
            )

        await self._write_op(_heartbeat)

    async def complete(self, job_id: int, owner: str, *, next_lease: float | None = None) -> Job | None:
        def _complete(conn: sqlite3.Connection) -> Job | None:
            self._update_held(
                conn,
                job_id,
                owner,
                "state = 'done', lease_owner = NULL, lease_until = NULL, updated_at = ?",
                (self._clock(),),
            )
            return None if next_lease is None else self._claim_next(conn, owner, next_lease)

        return await self._write_op(_complete)

    async def fail(self, job_id: int, owner: str, error: str, *, permanent: bool = False) -> Job:
        def _fail(conn: sqlite3.Connection) -> Job:
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

        return await self._write_op(_fail)

    async def defer(self, job_id: int, owner: str, delay: float, reason: str) -> None:
        await self._requeue(job_id, owner, delay, clip_error(reason))

    async def release(self, job_id: int, owner: str) -> None:
        await self._requeue(job_id, owner, 0.0, None)

    async def _requeue(self, job_id: int, owner: str, delay: float, reason: str | None) -> None:
        """Back to queued after `delay`, the attempt refunded; `reason` replaces last_error if given."""

        def _requeue(conn: sqlite3.Connection) -> None:
            now = self._clock()
            self._update_held(
                conn,
                job_id,
                owner,
                "state = 'queued', attempts = MAX(attempts - 1, 0), run_after = ?, last_error ="
                " COALESCE(?, last_error), lease_owner = NULL, lease_until = NULL, updated_at = ?",
                (now + max(0.0, delay), reason, now),
            )

        await self._write_op(_requeue)

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
                found = {state: int(n) for state, n in conn.execute(_COUNT_BY_STATE)}
                everything = found.pop("all")
                for state, n in found.items():
                    counts[JobState(state)] = n
                counts[JobState.DONE] = everything - sum(found.values())
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
        def _check(conn: sqlite3.Connection) -> None:
            conn.execute("INSERT OR REPLACE INTO probe (id, at) VALUES (1, ?)", (self._clock(),))

        await self._write_op(_check)

    # -- triage history -------------------------------------------------------------------------

    async def save_triage(self, build_key: str, report: Mapping[str, Any]) -> None:
        body = encode_payload(report)

        def _save(conn: sqlite3.Connection) -> None:
            conn.execute(
                "INSERT INTO triages (build_key, report, created_at) VALUES (?, ?, ?)",
                (build_key, body, self._clock()),
            )

        await self._write_op(_save)

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


def _enable_wal(conn: sqlite3.Connection, timeout: float) -> None:
    """`PRAGMA journal_mode = WAL`, retried: while another connection is switching a new file to
    WAL, SQLite answers "database is locked" at once instead of calling the busy handler (stores
    starting together on one file: `destill migrate` beside `destill serve`, tests)."""
    deadline = time.monotonic() + timeout
    delay = 0.005
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() + delay > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.1)


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
