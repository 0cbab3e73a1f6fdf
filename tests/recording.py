"""A handler factory for process tests: the real pipeline, with every attempt's start and end
appended to the file named by DESTILL_TEST_RECORD (one JSON object a line, O_APPEND, so several
processes can share it). Use with `destill serve|worker --handler-factory tests.recording:handler`."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from core.store import Job, JobStore
from webhook.pipeline import Pipeline, make_handler
from webhook.settings import Settings


class Recording:
    def __init__(self, inner: Pipeline, path: Path) -> None:
        self._inner = inner
        self._path = path

    def _write(self, job: Job, event: str) -> None:
        line = {"job": job.id, "key": job.key, "attempt": job.attempts, "pid": os.getpid()}
        line |= {"event": event, "t": time.time()}
        fd = os.open(self._path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, (json.dumps(line) + "\n").encode())
        finally:
            os.close(fd)

    async def __call__(self, job: Job) -> None:
        self._write(job, "start")
        try:
            await self._inner(job)
        finally:
            self._write(job, "end")

    async def aclose(self) -> None:
        await self._inner.aclose()


def handler(settings: Settings, store: JobStore) -> Recording:
    return Recording(make_handler(settings, store), Path(os.environ["DESTILL_TEST_RECORD"]))
