"""Syncing the SQLite WAL to the disk without making the event loop wait.

The store commits on the loop with synchronous=NORMAL and answers a batch's callers only once
the WAL is fdatasync'ed: that sync must run elsewhere. A thread is the obvious place, and costs
more than it looks: on a 2-vCPU VM at saturation, each sync's hand-off to a thread and back
(waking it, the GIL contended while it returns, the loop woken) cost ~55 us of CPU per delivery,
a fifth of the receiver's CPU, measured with perf as futex wake-ups and context switches
(`bench/ingress.py`'s docstring has the figures). A child process asked over a pipe costs one
wake-up each way and never touches our GIL: `ProcessSync`, the default. `ThreadSync` runs an
injected function on a thread instead (tests hold or fail a sync with it).

Syncs may be asked for while others run; both answer them in the order they were asked for.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from typing import Protocol

# The child: open the file; then read the requests waiting (a byte each), sync once, and answer
# each with a line, "0" or the errno. One sync serves them all: each was asked for after its
# writes, and the sync begins after the read. Only its stdin closing (our close, our death) ends
# it: the SIGINT of a terminal's Ctrl-C and the SIGTERM a platform sends every process of a
# service at shutdown are ours to act on, and it keeps syncing while we drain.
_CHILD = """
import os, signal, sys
signal.signal(signal.SIGINT, signal.SIG_IGN)
signal.signal(signal.SIGTERM, signal.SIG_IGN)
fd = os.open(sys.argv[1], os.O_RDONLY)
sync = getattr(os, "fdatasync", os.fsync)
while asked := os.read(0, 4096):
    try:
        sync(fd)
        answer = b"0\\n"
    except OSError as e:
        answer = b"%d\\n" % (e.errno or 5)
    os.write(1, answer * len(asked))
"""

CLOSE_TIMEOUT = 5.0

_fdatasync = getattr(os, "fdatasync", os.fsync)  # macOS has no fdatasync


class WalSync(Protocol):
    def sync(self) -> asyncio.Future[None]:
        """Sync the file; the future ends once it is on the disk (or with the OSError)."""

    def close(self) -> None: ...


class ThreadSync:
    """`fsync(fd)` of the file on a thread of its own."""

    def __init__(self, path: str, loop: asyncio.AbstractEventLoop, fsync: Callable[[int], None]) -> None:
        self._path = path
        self._loop = loop
        self._fsync = fsync
        self._fd: int | None = None
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sqlite-fsync")

    def _sync(self) -> None:
        if self._fd is None:
            self._fd = os.open(self._path, os.O_RDONLY)
        self._fsync(self._fd)

    def sync(self) -> asyncio.Future[None]:
        return self._loop.run_in_executor(self._executor, self._sync)

    def close(self) -> None:
        self._executor.shutdown(wait=True)
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


class ProcessSync:
    """A child process that syncs the file each time it is asked, over a pipe; started at the
    first sync, and again after it died (a sync it was doing then fails: the caller hears of it).
    Where no child can be started at all (no interpreter to run), a thread does the syncs."""

    def __init__(self, path: str, loop: asyncio.AbstractEventLoop, *, python: str = sys.executable) -> None:
        self._path = path
        self._loop = loop
        self._python = python
        self._child: subprocess.Popen[bytes] | None = None
        self._waiting: deque[asyncio.Future[None]] = deque()
        self._answers = b""
        self._closed = False
        self._thread: ThreadSync | None = None  # the fallback

    @property
    def pid(self) -> int | None:
        return None if self._child is None else self._child.pid

    def sync(self) -> asyncio.Future[None]:
        if self._closed:
            raise RuntimeError("the WAL sync is closed")
        if self._thread is not None:
            return self._thread.sync()
        future: asyncio.Future[None] = self._loop.create_future()
        for attempt in (1, 2):
            try:
                if self._child is None:
                    try:
                        self._start()
                    except OSError:  # the interpreter cannot be run here
                        self._thread = ThreadSync(self._path, self._loop, _fdatasync)
                        return self._thread.sync()
                child = self._child
                assert child is not None and child.stdin is not None
                os.write(child.stdin.fileno(), b"s")
            except OSError as e:  # gone since the last sync (nothing of ours was lost): once more
                self._stop(e)
                if attempt == 2:
                    future.set_exception(e)
            else:
                self._waiting.append(future)
                break
        return future

    def _start(self) -> None:
        # -I -S and an empty environment: a quick start, and none of our secrets in the child.
        child = subprocess.Popen(
            [self._python, "-I", "-S", "-c", _CHILD, self._path],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env={},
            bufsize=0,
        )
        assert child.stdout is not None
        os.set_blocking(child.stdout.fileno(), False)
        self._loop.add_reader(child.stdout.fileno(), self._read)
        self._child = child

    def _read(self) -> None:
        child = self._child
        assert child is not None and child.stdout is not None
        try:
            data = os.read(child.stdout.fileno(), 4096)
        except BlockingIOError:
            return
        except OSError as e:
            self._stop(e)
            return
        if not data:
            self._stop(OSError("the WAL sync process exited"))
            return
        *lines, self._answers = (self._answers + data).split(b"\n")
        for line in lines:
            future = self._waiting.popleft()
            errno = int(line)
            if future.done():
                continue
            if errno:
                future.set_exception(OSError(errno, f"fdatasync of {self._path}: {os.strerror(errno)}"))
            else:
                future.set_result(None)

    def _stop(self, error: BaseException) -> None:
        """End the child (if any) and fail the syncs it still owed."""
        child, self._child = self._child, None
        if child is not None:
            assert child.stdin is not None and child.stdout is not None
            if not self._loop.is_closed():
                self._loop.remove_reader(child.stdout.fileno())
            with suppress(OSError):
                child.stdin.close()  # the child's read sees the end and it exits
            try:
                child.wait(CLOSE_TIMEOUT)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
            child.stdout.close()
        self._answers = b""
        while self._waiting:
            future = self._waiting.popleft()
            if not future.done():
                future.set_exception(error)

    def close(self) -> None:
        self._closed = True
        self._stop(RuntimeError("the WAL sync is closed"))
        if self._thread is not None:
            self._thread.close()
