"""Choosing a store from DATABASE_URL, `migrate`, and what is particular to each store."""

from __future__ import annotations

import asyncio
import sqlite3
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from core.sqlite_store import MIGRATIONS as SQLITE_MIGRATIONS
from core.sqlite_store import SQLiteStore
from core.store import JobState
from core.stores import migrate, open_store
from tests.conftest import ROOT
from tests.store_backends import Backend, FakeClock, open_backend


@pytest.fixture
async def pg(tmp_path: Path) -> AsyncIterator[Backend]:
    async for b in open_backend("postgres", tmp_path):
        yield b


@pytest.mark.parametrize(
    ("url", "path"),
    [
        ("sqlite:///./destill.db", "./destill.db"),
        ("sqlite:///data/jobs.db", "data/jobs.db"),
        ("sqlite:////var/lib/destill/jobs.db", "/var/lib/destill/jobs.db"),
    ],
)
async def test_sqlite_urls(url: str, path: str) -> None:
    store = open_store(url)
    assert isinstance(store, SQLiteStore) and store.path == path
    await store.close()  # never used: closing opens nothing


def test_postgres_urls_pick_the_postgres_store() -> None:
    from core.postgres_store import PostgresStore

    for url in ("postgresql://u:pw@db.example:5432/destill", "postgres://u@db/destill"):
        assert isinstance(open_store(url), PostgresStore)  # lazy: nothing connects yet


@pytest.mark.parametrize("url", ["", "sqlite://", "sqlite:///", "mysql://root:hunter2@db/x", "destill.db"])
def test_other_urls_are_refused_naming_the_variable(url: str) -> None:
    with pytest.raises(ValueError, match="DATABASE_URL") as info:
        open_store(url)
    assert "hunter2" not in str(info.value)


def test_missing_driver_names_the_extra_to_install() -> None:
    code = (
        "import sys; sys.modules['psycopg'] = None; sys.modules['psycopg_pool'] = None\n"
        "from core.stores import open_store\n"
        "try:\n    open_store('postgresql://db/x')\n"
        "except RuntimeError as e:\n    print(e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert "pip install 'destill[postgres]'" in out.stdout


async def test_migrate_creates_the_sqlite_schema(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "dir" / "destill.db"
    await migrate(f"sqlite:///{path}")
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone() == (len(SQLITE_MIGRATIONS),)
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"jobs", "triages"} <= tables
    await migrate(f"sqlite:///{path}")  # idempotent


async def test_a_first_version_file_is_migrated_and_counted_by_state(tmp_path: Path) -> None:
    """A file made by the first schema (an index of every job's state) gets the second: that
    index gone, the finished jobs indexed, and the counts by state the same as before."""
    path = tmp_path / "v1.db"
    with sqlite3.connect(path) as conn:
        for statement in SQLITE_MIGRATIONS[0]:
            conn.execute(statement)
        conn.execute("PRAGMA user_version = 1")
        for n, state in enumerate(["queued", "queued", "running", "done", "done", "done", "dead"]):
            conn.execute(
                "INSERT INTO jobs (key, kind, payload, state, max_attempts, run_after, created_at,"
                " updated_at) VALUES (?, 'triage', '{}', ?, 8, 0, 0, 0)",
                (f"k{n}", state),
            )
    store = SQLiteStore(path)
    try:
        stats = await store.stats()
        assert stats.by_state == {JobState.QUEUED: 2, JobState.RUNNING: 1, JobState.DONE: 3, JobState.DEAD: 1}
        job = await store.claim("w", 30)
        assert job is not None and job.key == "k0"
        await store.complete(job.id, "w")
        stats = await store.stats()
        assert stats.by_state == {JobState.QUEUED: 1, JobState.RUNNING: 1, JobState.DONE: 4, JobState.DEAD: 1}
    finally:
        await store.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone() == (len(SQLITE_MIGRATIONS),)
        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "jobs_state" not in indexes and "jobs_dead" in indexes


async def test_sqlite_store_reopens_an_existing_file_with_its_jobs(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/j.db"
    clock = FakeClock()
    first = open_store(url, clock=clock)
    await first.enqueue("k", "triage", {"a": 1})  # setup() is implied by first use
    await first.close()
    second = open_store(url, clock=clock)
    job = await second.claim("w", 10)
    await second.close()
    assert job is not None and job.key == "k" and job.state == JobState.RUNNING


@pytest.mark.postgres
async def test_migrate_records_versions_once_on_postgres(pg: Backend) -> None:
    import psycopg

    from core.postgres_store import MIGRATIONS

    await migrate(pg.url)  # the URL form, as `destill migrate` gets it
    await migrate(pg.url)
    stores = [pg.open() for _ in range(4)]
    for s in stores:
        await s.setup()
    async with await psycopg.AsyncConnection.connect(pg.dsn_or_path) as conn:
        cur = await conn.execute("SELECT version FROM schema_migrations ORDER BY version")
        versions = [v for (v,) in await cur.fetchall()]
    assert versions == [v for v, _ in MIGRATIONS]


# One enqueue at a time, or 16 sharing a group commit: the writer prints each acknowledged key.
_ONE_BY_ONE = (
    "    for n in range(100000):\n"
    "        await store.enqueue(f'k{n}', 'triage', {'n': n})\n"
    "        print(n, flush=True)\n"
)
_SIXTEEN_AT_ONCE = (
    "    for r in range(10000):\n"
    "        await asyncio.gather(*(store.enqueue(f'k{r * 16 + i}', 'triage', {}) for i in range(16)))\n"
    "        print(r * 16 + 15, flush=True)\n"
)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("loop", "until"), [(_ONE_BY_ONE, 200), (_SIXTEEN_AT_ONCE, 800)], ids=["one", "group"]
)
async def test_sqlite_acknowledged_enqueues_survive_sigkill(tmp_path: Path, loop: str, until: int) -> None:
    """Every enqueue that returned in a process killed with SIGKILL (no cleanup, no close) is there
    after a restart, alone or committed together with others."""
    db = tmp_path / "kill.db"
    code = (
        "import asyncio, sys\n"
        "from core.sqlite_store import SQLiteStore\n"
        "async def main():\n"
        f"    store = SQLiteStore({str(db)!r})\n"
        f"{loop}"
        "asyncio.run(main())\n"
    )
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-c", code, cwd=ROOT, stdout=asyncio.subprocess.PIPE
    )
    assert proc.stdout is not None
    acknowledged = -1
    while acknowledged < until:
        line = await asyncio.wait_for(proc.stdout.readline(), 30)
        assert line, "the writer exited early"
        acknowledged = int(line)
    proc.kill()
    await proc.wait()

    store = SQLiteStore(db)
    try:
        for n in range(acknowledged + 1):
            again = await store.enqueue(f"k{n}", "triage", {})
            assert not again.created, f"k{n} was acknowledged, then lost"
    finally:
        await store.close()


async def test_sqlite_concurrent_writes_share_one_commit(tmp_path: Path) -> None:
    """Group commit: writes queued together are committed by one transaction, not one each."""
    store = SQLiteStore(tmp_path / "group.db")
    try:
        await store.setup()
        statements: list[str] = []
        assert store._writer is not None
        store._writer.set_trace_callback(statements.append)
        results = await asyncio.gather(*(store.enqueue(f"k{n}", "triage", {"n": n}) for n in range(50)))
        assert all(r.created for r in results)
        commits = [s for s in statements if s.strip().upper() == "COMMIT"]
        assert 1 <= len(commits) < 5, commits
        assert (await store.stats()).by_state[JobState.QUEUED] == 50
    finally:
        await store.close()


async def test_sqlite_no_write_is_answered_before_the_wal_is_synced(tmp_path: Path) -> None:
    """synchronous FULL: a committed write waits for an fdatasync of the WAL begun after its
    COMMIT. Writes arriving meanwhile do not wait for that sync to commit: they share one
    transaction at once, and are answered after one more sync (group commit, pipelined)."""
    started: list[str] = []
    release = [asyncio.Event(), asyncio.Event()]
    syncing = asyncio.Event()
    loop = asyncio.get_running_loop()

    def fsync(fd: int) -> None:  # on the store's fsync thread
        started.append(Path(f"/proc/self/fd/{fd}").resolve().name)
        n = len(started) - 1
        loop.call_soon_threadsafe(syncing.set)
        asyncio.run_coroutine_threadsafe(release[min(n, 1)].wait(), loop).result(10)

    async def queued(db: Path) -> int:
        other = SQLiteStore(db)  # what is committed, seen from another connection
        try:
            return (await other.stats()).by_state[JobState.QUEUED]
        finally:
            await other.close()

    db = tmp_path / "sync.db"
    store = SQLiteStore(db, fsync=fsync)
    try:
        await store.setup()
        assert store._writer is not None
        statements: list[str] = []
        store._writer.set_trace_callback(statements.append)
        first = asyncio.create_task(store.enqueue("a", "triage", {}))
        await asyncio.wait_for(syncing.wait(), 10)
        assert started == ["sync.db-wal"]
        second = asyncio.gather(*(store.enqueue(f"b{n}", "triage", {}) for n in range(5)))
        await asyncio.sleep(0.05)
        assert not first.done() and not second.done()
        assert await queued(db) == 6  # all committed, none answered until it is on the disk
        assert len(started) == 1  # the second sync begins after the first
        release[0].set()
        assert (await first).created
        await asyncio.sleep(0.05)
        assert len(started) == 2 and not second.done()  # one more sync, for all five
        release[1].set()
        assert all(r.created for r in await second)
        assert len(started) == 2
        assert [x for x in statements if x.strip().upper() == "COMMIT"] == ["COMMIT", "COMMIT"]
    finally:
        release[0].set()
        release[1].set()
        await store.close()


# Run in a child process: before the fix, close() spun without ever yielding, which no
# asyncio timeout can interrupt; a child can be killed.
_CLOSE_RIGHT_AFTER_A_SYNC = """
import asyncio, sys, threading, time
from core.sqlite_store import SQLiteStore

async def main(path):
    gate = threading.Event()
    store = SQLiteStore(path, fsync=lambda fd: gate.wait(10))
    await store.setup()
    write = asyncio.ensure_future(store.enqueue("a", "triage", {}))
    while store._syncing is None:
        await asyncio.sleep(0.001)
    gate.set()
    time.sleep(0.2)  # hold the loop: the sync ends, and its result waits in the ready queue
    await asyncio.sleep(0)  # resume right behind it: the sync is done, its callbacks not run
    await store.close()
    assert (await write).created
    print("closed")

asyncio.run(main(sys.argv[1]))
"""


def test_sqlite_close_right_after_a_sync_finishes_returns(tmp_path: Path) -> None:
    """close() waits for a sync that has just ended (its future done, its callbacks still
    queued) and returns, instead of spinning on the done future."""
    done = subprocess.run(
        [sys.executable, "-c", _CLOSE_RIGHT_AFTER_A_SYNC, str(tmp_path / "close.db")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "closed"


async def test_sqlite_synchronous_normal_answers_without_a_sync(tmp_path: Path) -> None:
    calls: list[int] = []
    store = SQLiteStore(tmp_path / "normal.db", synchronous="NORMAL", fsync=calls.append)
    try:
        assert (await store.enqueue("a", "triage", {})).created
        assert calls == []
    finally:
        await store.close()


async def test_sqlite_a_file_locked_elsewhere_waits_on_the_thread_not_the_loop(tmp_path: Path) -> None:
    """While another connection holds the write lock, writes wait (busy timeout) on the store
    thread: the event loop keeps running, and the writes land once the lock is let go."""
    db = tmp_path / "locked.db"
    store = SQLiteStore(db)
    try:
        await store.setup()
        holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
        holder.execute("BEGIN IMMEDIATE")
        writes = asyncio.gather(*(store.enqueue(f"k{n}", "triage", {}) for n in range(3)))
        ticks = 0
        for _ in range(20):  # the loop is free while the writes wait
            await asyncio.sleep(0.01)
            ticks += 1
        assert ticks == 20 and not writes.done()
        holder.execute("COMMIT")
        holder.close()
        results = await asyncio.wait_for(writes, 10)
        assert [r.created for r in results] == [True, True, True]
        # and the loop's own connection takes the writes again afterwards
        assert (await store.enqueue("after", "triage", {})).created
        assert store._batch is None
    finally:
        await store.close()


async def test_sqlite_wal_is_checkpointed_off_the_loop(tmp_path: Path) -> None:
    """The loop's connection never checkpoints; the store thread does, every CHECKPOINT_EVERY
    writes, so the WAL is copied into the database file and starts over instead of growing."""
    from core import sqlite_store

    db = tmp_path / "ckpt.db"
    store = SQLiteStore(db, synchronous="NORMAL")
    try:
        assert sqlite_store.CHECKPOINT_EVERY <= 2000
        for r in range(22):
            await asyncio.gather(*(store.enqueue(f"k{r}-{n}", "triage", {"n": n}) for n in range(100)))
        await store._quiesce()
        # Nothing but a checkpoint writes pages into the database file itself in WAL mode.
        assert db.stat().st_size > 100 * 1024, db.stat().st_size
    finally:
        await store.close()


async def test_sqlite_a_batch_rolled_back_whole_is_rerun_write_by_write(tmp_path: Path) -> None:
    """A write whose error ends the whole transaction (SQLite rolls the batch back) costs the
    others nothing: they are run again, each on its own, and committed."""
    store = SQLiteStore(tmp_path / "rerun.db")
    try:
        await store.setup()

        def poison(conn: sqlite3.Connection) -> None:
            conn.execute("ROLLBACK")  # as a disk I/O error would: the transaction is gone
            raise sqlite3.OperationalError("disk I/O error")

        results = await asyncio.gather(
            store.enqueue("a", "triage", {}),
            store._write_op(poison),
            store.enqueue("b", "triage", {}),
            return_exceptions=True,
        )
        a, bad, b = results
        assert isinstance(bad, sqlite3.OperationalError)
        assert not isinstance(a, BaseException) and a.created
        assert not isinstance(b, BaseException) and b.created
        other = SQLiteStore(tmp_path / "rerun.db")
        try:
            assert (await other.stats()).by_state[JobState.QUEUED] == 2
        finally:
            await other.close()
    finally:
        await store.close()


async def test_an_unreachable_postgres_fails_setup_with_a_clear_error() -> None:
    from core.postgres_store import PostgresStore

    store = PostgresStore("postgresql://destill:s3cret@127.0.0.1:1/none", connect_timeout=0.5)
    with pytest.raises(ConnectionError, match="DATABASE_URL") as info:
        await store.setup()
    assert "s3cret" not in str(info.value)
    await store.close()
