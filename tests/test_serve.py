"""`destill serve` as a real process: 100 signed deliveries, SIGKILL mid-work, restart, none lost."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from core.store import Job, JobStore
from tests.signing import SECRET, build_finished, payload_bytes, signed_headers
from webhook.runtime import JobHandler
from webhook.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
DELIVERIES = 100
JOB_SECONDS = 0.1


def slow_handler(settings: Settings, store: JobStore) -> JobHandler:
    """Handler factory for `--handler-factory tests.test_serve:slow_handler`: each job takes a
    while, then appends its key to `<database>.processed` (at-least-once evidence)."""
    record = Path(settings.database_url.removeprefix("sqlite:///")).with_suffix(".processed")

    async def handle(job: Job) -> None:
        await asyncio.sleep(JOB_SECONDS)
        with record.open("a") as f:
            f.write(job.key + "\n")

    return handle


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class Server:
    def __init__(self, tmp: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = tmp / "server.log"
        self.env = {
            **os.environ,
            "BUILDKITE_API_TOKEN": "bkua_test",
            "BUILDKITE_WEBHOOK_SECRET": SECRET,
            "DATABASE_URL": f"sqlite:///{tmp / 'destill.db'}",
            "DESTILL_WORKERS": "4",
            "DESTILL_LEASE_SECONDS": "1",
            "DESTILL_SHUTDOWN_GRACE": "5",
        }
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(
                [
                    *(sys.executable, "-m", "webhook.cli", "serve", "--port", str(self.port)),
                    *("--handler-factory", "tests.test_serve:slow_handler"),
                ],
                cwd=ROOT,
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, self.log.read_text()[-2000:]
            try:
                if httpx.get(self.url + "/readyz", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.05)
        raise AssertionError("server did not become ready:\n" + self.log.read_text()[-2000:])

    def stop(self, sig: int) -> int:
        assert self.proc is not None
        self.proc.send_signal(sig)
        return self.proc.wait(timeout=20)

    def done_jobs(self) -> int:
        text = httpx.get(self.url + "/metrics", timeout=5).text
        m = re.search(r'^destill_jobs\{state="done"\} (\S+)$', text, re.M)
        return int(float(m.group(1))) if m else 0


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    s = Server(tmp_path)
    yield s
    if s.proc is not None and s.proc.poll() is None:
        s.proc.kill()
        s.proc.wait()


def deliver_all(server: Server) -> list[int]:
    statuses = []
    with httpx.Client(base_url=server.url, timeout=10) as client:
        for n in range(1, DELIVERIES + 1):
            body = payload_bytes(build_finished("acme", "widgets", n, steps=8))
            r = client.post("/webhooks/buildkite", content=body, headers=signed_headers(body))
            statuses.append(r.status_code)
    return statuses


@pytest.mark.slow
def test_sigkill_mid_work_loses_nothing(server: Server, tmp_path: Path) -> None:
    processed = tmp_path / "destill.processed"
    server.start()
    assert deliver_all(server) == [202] * DELIVERIES

    # Kill it while work is under way: some jobs done, some running, most still queued.
    deadline = time.monotonic() + 20
    while not (processed.exists() and len(processed.read_text().splitlines()) >= 10):
        assert time.monotonic() < deadline, "no job was processed"
        time.sleep(0.02)
    server.stop(signal.SIGKILL)
    done_before = len(set(processed.read_text().splitlines()))
    assert done_before < DELIVERIES

    server.start()
    deadline = time.monotonic() + 60
    while server.done_jobs() < DELIVERIES:
        assert time.monotonic() < deadline, f"only {server.done_jobs()} of {DELIVERIES} done"
        time.sleep(0.1)

    # Redelivery after the restart is recognised as duplicate: still exactly 100 jobs.
    assert deliver_all(server) == [200] * DELIVERIES
    assert server.done_jobs() == DELIVERIES
    # uvicorn re-raises the signal once its graceful shutdown is over.
    assert server.stop(signal.SIGTERM) in (0, -signal.SIGTERM)

    keys = processed.read_text().splitlines()
    assert len(set(keys)) == DELIVERIES  # every accepted delivery was processed
    log = (tmp_path / "server.log").read_text()
    assert '"msg":"workers stopped"' in log and "Application shutdown complete" in log
    assert SECRET not in log and "signature=" not in log


@pytest.mark.slow
def test_worker_process_drains_the_queue_and_stops_on_sigterm(tmp_path: Path) -> None:
    from core.sqlite_store import SQLiteStore

    db = tmp_path / "destill.db"

    async def seed() -> None:
        store = SQLiteStore(db)
        await store.setup()
        for n in range(1, 6):
            await store.enqueue(f"k{n}", "triage", {"org": "acme", "pipeline": "widgets", "number": n})
        await store.close()

    asyncio.run(seed())
    env = {**os.environ, "BUILDKITE_API_TOKEN": "bkua_test", "DATABASE_URL": f"sqlite:///{db}"}
    env.pop("BUILDKITE_WEBHOOK_SECRET", None)  # a worker does not need it
    log = tmp_path / "worker.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "webhook.cli",
                "worker",
                "--handler-factory",
                "tests.test_serve:slow_handler",
            ],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    processed = tmp_path / "destill.processed"
    try:
        deadline = time.monotonic() + 20
        while not (processed.exists() and len(processed.read_text().splitlines()) == 5):
            assert proc.poll() is None and time.monotonic() < deadline, log.read_text()[-2000:]
            time.sleep(0.05)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=20) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert sorted(processed.read_text().splitlines()) == [f"k{n}" for n in range(1, 6)]
    assert '"msg":"workers stopped"' in log.read_text()
