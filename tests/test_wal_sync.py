"""The WAL sync process (core.wal_sync.ProcessSync): a real child process, real signals."""

from __future__ import annotations

import asyncio
import errno
import os
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from core.sqlite_store import SQLiteStore
from core.store import JobState
from core.wal_sync import ProcessSync

ROOT = Path(__file__).resolve().parent.parent


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _environ(pid: int | None) -> bytes:
    return Path(f"/proc/{pid}/environ").read_bytes()


def _wait_until_dead(pid: int) -> None:
    """Block (the event loop does not run) until `pid` is a zombie."""
    while Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z":
        time.sleep(0.005)


@pytest.fixture
async def syncer(tmp_path: Path) -> AsyncIterator[ProcessSync]:
    path = tmp_path / "data"
    path.write_bytes(b"x" * 100)
    sync = ProcessSync(str(path), asyncio.get_running_loop())
    try:
        yield sync
    finally:
        if sync.pid is not None:
            os.kill(sync.pid, signal.SIGCONT)
        sync.close()


async def test_a_sync_is_done_by_a_child_that_ends_at_close(syncer: ProcessSync) -> None:
    assert syncer.pid is None  # started at the first sync, not before
    await asyncio.wait_for(syncer.sync(), 10)
    await asyncio.wait_for(syncer.sync(), 10)
    pid = syncer.pid
    assert pid is not None and _alive(pid)
    syncer.close()
    assert not _alive(pid)  # ended and reaped: no zombie left behind
    with pytest.raises(RuntimeError, match="closed"):
        syncer.sync()


async def test_syncs_asked_for_while_the_child_is_busy_are_all_answered(syncer: ProcessSync) -> None:
    await asyncio.wait_for(syncer.sync(), 10)
    assert syncer.pid is not None
    os.kill(syncer.pid, signal.SIGSTOP)  # busy: the requests pile up in its pipe
    waiting = [syncer.sync() for _ in range(3)]
    await asyncio.sleep(0.05)
    assert not any(w.done() for w in waiting)
    os.kill(syncer.pid, signal.SIGCONT)  # one read, one sync, three answers
    assert await asyncio.wait_for(asyncio.gather(*waiting), 10) == [None, None, None]


async def test_the_child_outlives_the_signals_a_shutdown_sends_the_whole_service(syncer: ProcessSync) -> None:
    """Ctrl-C reaches every process of the terminal's group, a platform's SIGTERM every process of
    the service: the child keeps syncing while the server drains."""
    await asyncio.wait_for(syncer.sync(), 10)
    pid = syncer.pid
    assert pid is not None
    for sig in (signal.SIGINT, signal.SIGTERM):
        os.kill(pid, sig)
        await asyncio.wait_for(syncer.sync(), 10)
    assert syncer.pid == pid


async def test_the_child_gets_none_of_our_environment(syncer: ProcessSync) -> None:
    os.environ["DESTILL_TEST_SECRET"] = "hunter2"
    try:
        await asyncio.wait_for(syncer.sync(), 10)
    finally:
        del os.environ["DESTILL_TEST_SECRET"]
    assert _environ(syncer.pid) == b""


async def test_a_failed_sync_raises_the_childs_errno() -> None:
    sync = ProcessSync("/dev/null", asyncio.get_running_loop())  # fdatasync of a device: EINVAL
    try:
        with pytest.raises(OSError) as raised:
            await asyncio.wait_for(sync.sync(), 10)
        assert raised.value.errno == errno.EINVAL
        with pytest.raises(OSError):  # the child lives on and answers the next one too
            await asyncio.wait_for(sync.sync(), 10)
    finally:
        sync.close()


async def test_without_an_interpreter_to_run_a_thread_syncs(tmp_path: Path) -> None:
    path = tmp_path / "data"
    path.write_bytes(b"x")
    sync = ProcessSync(str(path), asyncio.get_running_loop(), python=str(tmp_path / "no-python"))
    try:
        await asyncio.wait_for(sync.sync(), 10)
        await asyncio.wait_for(sync.sync(), 10)
        assert sync.pid is None
    finally:
        sync.close()


async def test_a_sync_owed_by_a_child_that_dies_fails_and_the_next_gets_a_new_child(
    syncer: ProcessSync,
) -> None:
    await asyncio.wait_for(syncer.sync(), 10)
    first = syncer.pid
    assert first is not None
    os.kill(first, signal.SIGSTOP)
    owed = syncer.sync()
    await asyncio.sleep(0.1)
    assert not owed.done()  # the child has not answered: the caller keeps waiting
    os.kill(first, signal.SIGKILL)
    with pytest.raises(OSError, match="exited"):
        await asyncio.wait_for(owed, 10)
    await asyncio.wait_for(syncer.sync(), 10)
    assert syncer.pid not in (None, first)


async def test_a_child_gone_between_syncs_is_replaced_without_failing_anyone(syncer: ProcessSync) -> None:
    await asyncio.wait_for(syncer.sync(), 10)
    first = syncer.pid
    assert first is not None
    os.kill(first, signal.SIGKILL)
    _wait_until_dead(first)  # its pipes closed, not yet reaped: the loop has not run meanwhile
    # Asked at once, before the loop has read the end of the pipe: the write finds no reader.
    await asyncio.wait_for(syncer.sync(), 10)
    assert syncer.pid not in (None, first)


async def test_the_store_answers_a_write_only_after_the_sync_process_has_synced(tmp_path: Path) -> None:
    db = tmp_path / "jobs.db"
    store = SQLiteStore(db)
    other = SQLiteStore(db, synchronous="NORMAL")  # what is committed, seen from another connection
    pid = None
    try:
        assert (await store.enqueue("a", "triage", {})).created
        pid = store._wal.pid if isinstance(store._wal, ProcessSync) else None
        assert pid is not None
        os.kill(pid, signal.SIGSTOP)
        write = asyncio.ensure_future(store.enqueue("b", "triage", {}))
        await asyncio.sleep(0.2)
        assert not write.done()
        assert (await other.stats()).by_state[JobState.QUEUED] == 2  # committed, not yet answered
        os.kill(pid, signal.SIGCONT)
        assert (await asyncio.wait_for(write, 10)).created
    finally:
        if pid is not None:
            os.kill(pid, signal.SIGCONT)
        await other.close()
        await store.close()
    assert pid is not None and not _alive(pid)


_PARENT = """
import asyncio, sys
from core.sqlite_store import SQLiteStore

async def main():
    store = SQLiteStore(sys.argv[1])
    await store.enqueue("a", "triage", {})
    print(store._wal.pid, flush=True)
    await asyncio.sleep(60)

asyncio.run(main())
"""


def test_the_child_ends_when_the_store_process_is_killed(tmp_path: Path) -> None:
    """A server killed with SIGKILL leaves no sync process behind: its pipe closes, it exits."""
    cmd = [sys.executable, "-c", _PARENT, str(tmp_path / "jobs.db")]
    parent = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert parent.stdout is not None
        child = int(parent.stdout.readline())
        assert _alive(child)
    finally:
        parent.kill()
        parent.wait()
        if parent.stdout is not None:
            parent.stdout.close()
    deadline = time.monotonic() + 10
    # Orphaned, the child is reaped by init once it exits; until then kill(0) still finds it.
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not _alive(child)
