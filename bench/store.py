"""Benchmark the job stores: enqueue and claim(+complete) throughput, SQLite and PostgreSQL.

    .venv/bin/python -m bench.store [--jobs 2000] [--tasks 4] [--dsn postgresql://...]

In one run:
1. enqueue: `--jobs` jobs (realistic ~1 KB triage payloads), one producer at a time and 8
   concurrent producers, on each store. Every enqueue is its own committed transaction, as in the
   webhook (SQLite runs with synchronous=FULL, the default: one fsync per accepted delivery).
2. claim+complete: the same jobs drained by `--tasks` concurrent claimers in this process.
3. PostgreSQL only: the jobs drained by 1, 2 and 4 worker *processes* (multiprocessing, spawn), each
   with `--tasks` claimers and its own pool; start-up is excluded (the clock starts when every
   process is connected), and the run checks that every job was claimed exactly once.

The PostgreSQL legs use `--dsn`, else DESTILL_TEST_POSTGRES_DSN, else DATABASE_URL if it is a
postgresql:// URL; without one they are skipped with a note. Each leg uses a fresh schema, dropped
afterwards. The machine's core count is printed: processes beyond it cannot add throughput.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing as mp
import os
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Awaitable, Callable
from multiprocessing.synchronize import Event
from pathlib import Path
from typing import Any

from core.store import JobStore

LEASE = 300.0


def payload(n: int) -> dict[str, Any]:
    """About the size of a real triage request."""
    return {
        "org": "acme",
        "pipeline": "widgets",
        "number": n,
        "build_id": str(uuid.UUID(int=n)),
        "event": "build.finished",
        "finished_at": "2026-11-26T12:00:00.000Z",
        "forced": False,
        "note": "x" * 800,
    }


# -- the legs -----------------------------------------------------------------------------------


async def enqueue_rate(store: JobStore, jobs: int, producers: int, prefix: str) -> float:
    keys = iter(range(jobs))

    async def producer() -> None:
        for n in keys:  # shared iterator: the producers split the keys
            await store.enqueue(f"{prefix}-{n}", "triage", payload(n))

    start = time.perf_counter()
    await asyncio.gather(*(producer() for _ in range(producers)))
    return jobs / (time.perf_counter() - start)


async def drain(store: JobStore, tasks: int, owner: str) -> list[int]:
    """Claim and complete until nothing is due; the ids claimed."""
    claimed: list[int] = []

    async def claimer(name: str) -> None:
        while (job := await store.claim(name, LEASE)) is not None:
            claimed.append(job.id)
            await store.complete(job.id, name)

    await asyncio.gather(*(claimer(f"{owner}-{i}") for i in range(tasks)))
    return claimed


async def store_legs(name: str, open_store: Callable[[], Awaitable[JobStore]], jobs: int, tasks: int) -> None:
    store = await open_store()
    try:
        one = await enqueue_rate(store, jobs, 1, "serial")
        eight = await enqueue_rate(store, jobs, 8, "parallel")
        start = time.perf_counter()
        claimed = await drain(store, tasks, "bench")
        took = time.perf_counter() - start
        assert len(claimed) == len(set(claimed)) == 2 * jobs, "a job was lost or claimed twice"
        print(
            f"{name:<10} enqueue x1 {one:8.0f}/s   enqueue x8 {eight:8.0f}/s   "
            f"claim+complete ({tasks} tasks) {len(claimed) / took:8.0f}/s"
        )
    finally:
        await store.close()


# -- PostgreSQL worker processes ----------------------------------------------------------------


def _worker(dsn: str, tasks: int, owner: str, ready: Event, go: Event, out: Any) -> None:
    from core.postgres_store import PostgresStore

    async def main() -> list[int]:
        store = PostgresStore(dsn, min_size=tasks, max_size=tasks)
        await store.setup()
        ready.set()
        await asyncio.to_thread(go.wait)
        try:
            return await drain(store, tasks, owner)
        finally:
            await store.close()

    out.put(asyncio.run(main()))


def process_rate(dsn: str, jobs: int, processes: int, tasks: int) -> float:
    ctx = mp.get_context("spawn")
    go = ctx.Event()
    out = ctx.Queue()
    readies = [ctx.Event() for _ in range(processes)]
    procs = [
        ctx.Process(target=_worker, args=(dsn, tasks, f"p{i}", readies[i], go, out)) for i in range(processes)
    ]
    for p in procs:
        p.start()
    for r in readies:
        if not r.wait(60):
            raise RuntimeError("a worker process did not start")
    start = time.perf_counter()
    go.set()
    claimed: list[int] = []
    for _ in procs:
        claimed += out.get(timeout=300)
    took = time.perf_counter() - start
    for p in procs:
        p.join(30)
    twice = [job for job, n in Counter(claimed).items() if n > 1]
    assert not twice and len(claimed) == jobs, f"claimed {len(claimed)} of {jobs}; twice: {twice[:5]}"
    return jobs / took


class Schema:
    """A throwaway schema on the benchmark server."""

    def __init__(self, dsn: str) -> None:
        from psycopg.conninfo import make_conninfo

        self.admin_dsn = dsn
        self.name = f"destill_bench_{uuid.uuid4().hex[:12]}"
        self.dsn = make_conninfo(dsn, options=f"-c search_path={self.name}")

    async def __aenter__(self) -> str:
        await self._run("CREATE SCHEMA {}")
        return self.dsn

    async def __aexit__(self, *exc: object) -> None:
        await self._run("DROP SCHEMA {} CASCADE")

    async def _run(self, template: str) -> None:
        import psycopg
        from psycopg import sql

        async with await psycopg.AsyncConnection.connect(self.admin_dsn, autocommit=True) as conn:
            await conn.execute(sql.SQL(template).format(sql.Identifier(self.name)))


async def open_pg(dsn: str) -> JobStore:
    from core.postgres_store import PostgresStore

    store = PostgresStore(dsn, min_size=8, max_size=8)
    await store.setup()
    return store


async def postgres_legs(dsn: str, jobs: int, tasks: int) -> None:
    async with Schema(dsn) as scoped:
        await store_legs("postgres", lambda: open_pg(scoped), jobs, tasks)

    for processes in (1, 2, 4):
        async with Schema(dsn) as scoped:
            store = await open_pg(scoped)
            try:
                await enqueue_rate(store, jobs, 8, "mp")
            finally:
                await store.close()
            rate = await asyncio.to_thread(process_rate, scoped, jobs, processes, tasks)
            print(f"postgres   claim+complete, {processes} worker process(es) x {tasks} tasks: {rate:8.0f}/s")


def postgres_dsn(arg: str | None) -> str | None:
    if arg:
        return arg
    if dsn := os.environ.get("DESTILL_TEST_POSTGRES_DSN"):
        return dsn
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgresql://", "postgres://")) else None


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=2000, help="jobs per leg (default 2000)")
    parser.add_argument("--tasks", type=int, default=4, help="concurrent claimers per process (default 4)")
    parser.add_argument("--dsn", help="PostgreSQL to use (default: DESTILL_TEST_POSTGRES_DSN)")
    args = parser.parse_args()
    print(f"{args.jobs} jobs per leg, {os.cpu_count()} cores")

    from core.sqlite_store import SQLiteStore

    with tempfile.TemporaryDirectory() as tmp:

        async def open_sqlite() -> JobStore:
            store = SQLiteStore(Path(tmp) / "bench.db")
            await store.setup()
            return store

        await store_legs("sqlite", open_sqlite, args.jobs, args.tasks)

    dsn = postgres_dsn(args.dsn)
    if dsn is None:
        print("postgres   skipped: set DESTILL_TEST_POSTGRES_DSN or pass --dsn")
        return
    await postgres_legs(dsn, args.jobs, args.tasks)


if __name__ == "__main__":
    asyncio.run(main())
