"""Ingress benchmark: signed 3-6 KB `build.finished` deliveries against `destill serve` on loopback,
and the same load against a bare Starlette endpoint under the same uvicorn settings.

    .venv/bin/python -m bench.ingress [--rate 200] [--seconds 10] [--concurrency 16]

Two phases per server, each with fresh payloads (every delivery is new work, so destill commits a
row for each, and its workers claim and complete it): a fixed rate (`--rate`/s, open loop: p50/p99
latency) and a saturation run (`--concurrency` requests in flight: throughput). Both servers run
at once and the phases alternate between them; after each destill phase the bench waits for
destill's workers to finish the backlog, so bare is never measured beside destill's leftover work.
Same uvicorn settings for both (UVICORN_OPTIONS; `destill serve` passes the same ones), same
event loop and HTTP implementation (uvicorn's "auto" choice, printed), access log off for both;
both read the whole body. Goal: throughput ratio destill/bare >= 0.5, and
p99 < 50 ms at 200 deliveries/s. The headline is `destill serve` as it runs by default, its
workers completing every job beside the receiver (a no-op handler: the queue's bookkeeping, a
claim-free hand-off, a `complete` write and a log line per job); a third server, `destill serve
--workers 0` (a PostgreSQL deployment's web process, here on SQLite), is measured in the same
rounds and printed as well: the receiver on its own.

Where destill's time goes (2-vCPU KVM machine, h11; server CPU per request at c=16, from
`python -m bench.ingress_parts`, `perf` and `strace -c`, 2026-11-26/27): bare ~110 us, almost all
h11 and Starlette; destill ~285 us at the start, ~215-230 us a day later (ratio 0.37 ->
0.46-0.49 on a quiet machine; web-only 0.48-0.50). What moved it: the WAL fdatasync in a child
process asked over a pipe (`core.wal_sync`), not a thread (~55 us of futex wake-ups and GIL
contention); idempotency keys that start with finished_at, so new keys append to the unique index
(-15 us); the webhook as a plain ASGI endpoint, then past Starlette's middleware and router
altogether (`webhook.app.App`); batches that commit while the previous sync runs; the delivery's
and the job's log lines written straight to the JSON handler's stream; a completion that claims the
worker's next job in the same write. In instructions (`python -m bench.ingress_cost`, callgrind,
deterministic): bare 801k a delivery, web-only 1,532k -> 1,426k, with workers 2,394k -> 2,066k on
2026-11-27 (ratios 0.56 and 0.39); later that day 1,293k and 1,652k (0.62 and 0.49), from: the
handler run in its worker's own task instead of a task per job (-93k), a claim as two index-only
reads and an update without RETURNING instead of one UNION ALL and RETURNING (-163k with the
insert's lastrowid), orjson for the log lines, the answer and the payload (-127k), and metrics
tallied as plain numbers read at scrape time (-23k); saturated ratio 0.45 -> 0.54-0.62 on a
quiet machine. With workers on, the throughput figure depends on how much of
the workers' backlog they work off inside the measured window: workers that keep up better make
it lower. What is left (web only): the durable enqueue ~40 us, verify ~10 us (HMAC-SHA256 of the
body), parsing and checking the payload ~18 us, the log line ~6 us. Tried without effect:
uvloop (0.33), gc.freeze and a larger gen-0 threshold, writes back on a thread (0.26), a shorter
GIL switch interval (worse), fdatasync on the loop itself (worse), answering the workers'
bookkeeping writes before the sync (more, smaller batches: the same CPU). Beware: throughput here
swings by a tenth between runs on a shared machine (bare alone 5,400-8,900 req/s within an hour on
2026-11-27); a busy neighbour on the second core flatters the ratio (bare loses more than destill),
and a neighbour writing to the disk drags destill down through its syncs.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import importlib.util
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from core.events import format_timestamp
from core.store import Job, JobStore
from tests.signing import SECRET, build_finished, payload_bytes, signed_headers
from webhook.runtime import JobHandler
from webhook.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
UVICORN_OPTIONS = {"log_config": None, "access_log": False, "lifespan": "on"}


# -- the two servers ---------------------------------------------------------------------------


def noop_handler(settings: Settings, store: JobStore) -> JobHandler:
    """Workers stay on (they claim and complete every job, as in production) but do no API calls."""

    async def handle(job: Job) -> None:
        return None

    return handle


async def _bare(request: Request) -> Response:
    body = await request.body()
    return JSONResponse({"status": "accepted", "bytes": len(body)}, status_code=202)


bare_app = Starlette(routes=[Route("/webhooks/buildkite", _bare, methods=["POST"])])


def _serve_bare(port: int) -> None:
    import uvicorn

    uvicorn.run(bare_app, host="127.0.0.1", port=port, **UVICORN_OPTIONS)  # type: ignore[arg-type]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@dataclass
class Running:
    port: int
    pid: int


@contextmanager
def _server(
    kind: str,
    tmp: Path,
    *,
    prelude: str = "",
    serve_args: tuple[str, ...] = (),
    wrap: tuple[str, ...] = (),
    startup: float = 20.0,
) -> Iterator[Running]:
    """`destill serve` (with `serve_args`; `prelude`: Python run in the server before it starts)
    or the bare endpoint, on a free port, until the block ends; `wrap` is put before the command
    (a profiler), `startup` is how long it may take to answer."""
    port = _free_port()
    env = {**os.environ}
    if kind == "destill":
        args = ["serve", "--port", str(port), "--handler-factory", "bench.ingress:noop_handler", *serve_args]
        cmd = [sys.executable, "-c", f"{prelude}\nfrom webhook.cli import main\nmain({args!r})"]
        env.update(
            BUILDKITE_API_TOKEN="bkua_bench",
            BUILDKITE_WEBHOOK_SECRET=SECRET,
            DATABASE_URL=f"sqlite:///{tmp / f'bench-{port}.db'}",
        )
    else:
        cmd = [sys.executable, "-m", "bench.ingress", "--bare-port", str(port)]
    argv = [*wrap, *cmd]
    proc = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + startup
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"{kind} server exited: {proc.stderr.read().decode()[-2000:]}")  # type: ignore[union-attr]
            try:
                httpx.post(url + "/webhooks/buildkite", content=b"{}", timeout=60 if wrap else 1)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        yield Running(port, proc.pid)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


# -- load ----------------------------------------------------------------------------------------


class Payloads:
    """Unique realistic bodies: every delivery is a new build, 3-6 KB like real payloads."""

    def __init__(self, seed: str) -> None:
        self.seed = seed
        self.n = 0

    def next(self) -> bytes:
        self.n += 1
        steps = 5 + self.n % 9  # 5-13 steps: ~3.1 KB .. ~6 KB
        finished_at = format_timestamp(datetime.now(UTC))  # as in a real delivery: just now
        build = build_finished("bench", f"p-{self.seed}", self.n, steps=steps, finished_at=finished_at)
        return payload_bytes(build)

    def requests(self, count: int, host: str) -> list[bytes]:
        """Whole signed HTTP/1.1 requests, made before the clock starts so the load generator
        spends its time sending, not signing."""
        out = []
        for _ in range(count):
            body = self.next()
            head = f"POST /webhooks/buildkite HTTP/1.1\r\nHost: {host}\r\n" + "".join(
                f"{k}: {v}\r\n" for k, v in signed_headers(body).items()
            )
            out.append(f"{head}Content-Length: {len(body)}\r\n\r\n".encode() + body)
        return out


class Connections:
    """Keep-alive HTTP/1.1 connections on raw asyncio streams: a load generator far cheaper than
    an HTTP client library, so the server, not the client, is what gets measured."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.idle: list[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = []
        self.all: list[asyncio.StreamWriter] = []

    async def send(self, request: bytes) -> int:
        if self.idle:
            reader, writer = self.idle.pop()
        else:
            reader, writer = await asyncio.open_connection("127.0.0.1", self.port)
            self.all.append(writer)
        writer.write(request)
        head = await reader.readuntil(b"\r\n\r\n")
        status = int(head[9:12])
        length = 0
        for line in head.split(b"\r\n"):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":", 1)[1])
        await reader.readexactly(length)
        self.idle.append((reader, writer))
        return status

    async def close(self) -> None:
        for writer in self.all:
            writer.close()
        for writer in self.all:
            with contextlib.suppress(OSError):
                await writer.wait_closed()


@dataclass
class Result:
    sent: int
    ok: int
    seconds: float
    latencies_ms: list[float]

    @property
    def throughput(self) -> float:
        return self.ok / self.seconds

    def pct(self, q: float) -> float:
        if not self.latencies_ms:
            return float("nan")
        return statistics.quantiles(self.latencies_ms, n=100, method="inclusive")[int(q) - 1]


async def _timed(conns: Connections, request: bytes, lat: list[float]) -> bool:
    start = time.perf_counter()
    status = await conns.send(request)
    lat.append((time.perf_counter() - start) * 1000)
    return status == 202


async def fixed_rate(port: int, payloads: Payloads, rate: float, seconds: float) -> Result:
    """Open loop: request i leaves at t0 + i/rate whatever happened to the others."""
    lat: list[float] = []
    requests = payloads.requests(int(rate * seconds), f"127.0.0.1:{port}")
    conns = Connections(port)
    try:
        t0 = time.perf_counter()
        tasks = []
        for i, request in enumerate(requests):
            delay = t0 + i / rate - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(_timed(conns, request, lat)))
        oks = await asyncio.gather(*tasks)
        elapsed = time.perf_counter() - t0
    finally:
        await conns.close()
    return Result(len(requests), sum(oks), elapsed, lat)


async def saturate(port: int, payloads: Payloads, concurrency: int, seconds: float, budget: int) -> Result:
    """Closed loop: `concurrency` requests in flight until `seconds` pass (or `budget` are sent)."""
    lat: list[float] = []
    requests = payloads.requests(budget, f"127.0.0.1:{port}")
    conns = Connections(port)
    ok = 0
    try:
        t0 = time.perf_counter()
        stop = t0 + seconds

        async def loop() -> None:
            nonlocal ok
            while requests and time.perf_counter() < stop:
                accepted = await _timed(conns, requests.pop(), lat)
                ok += accepted

        await asyncio.gather(*(loop() for _ in range(concurrency)))
        elapsed = time.perf_counter() - t0
    finally:
        await conns.close()
    return Result(len(lat), ok, elapsed, lat)


def merge(results: list[Result]) -> Result:
    return Result(
        sent=sum(r.sent for r in results),
        ok=sum(r.ok for r in results),
        seconds=sum(r.seconds for r in results),
        latencies_ms=[ms for r in results for ms in r.latencies_ms],
    )


def drain(port: int, timeout: float = 120.0) -> float:
    """Wait until destill's workers have finished every accepted delivery (its /metrics shows no
    queued or running job); returns the seconds waited. Without this the backlog of one destill
    phase would be worked off during the next bare phase, taxing bare with destill's work."""
    start = time.monotonic()
    while True:
        text = httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=10).text
        busy = sum(
            float(line.rsplit(" ", 1)[1])
            for line in text.splitlines()
            if line.startswith(('destill_jobs{state="queued"}', 'destill_jobs{state="running"}'))
        )
        waited = time.monotonic() - start
        if busy == 0:
            return waited
        if waited > timeout:
            raise RuntimeError(f"destill still has {busy:.0f} jobs queued or running after {timeout:.0f} s")
        time.sleep(0.1)


def measure(args: argparse.Namespace, tmp: Path) -> dict[str, tuple[Result, Result]]:
    """Both servers up at once; phases alternate between them in `--rounds` short rounds, so a
    busy neighbour on a shared machine slows both alike instead of whichever ran second."""
    kinds = ("destill", "web-only", "bare")
    payloads = {kind: Payloads(kind) for kind in kinds}
    rated: dict[str, list[Result]] = {kind: [] for kind in kinds}
    saturated: dict[str, list[Result]] = {kind: [] for kind in kinds}
    seconds = args.seconds / args.rounds
    web_only = ("--workers", "0")  # its jobs stay queued: no backlog to drain
    with (
        _server("destill", tmp) as destill,
        _server("destill", tmp, serve_args=web_only) as web,
        _server("bare", tmp) as bare,
    ):
        ports = {"destill": destill.port, "web-only": web.port, "bare": bare.port}
        for kind in kinds:  # warm up imports, the SQLite file and the workers
            asyncio.run(fixed_rate(ports[kind], payloads[kind], 50, 1))
        drain(destill.port)
        for _ in range(args.rounds):
            for kind in kinds:
                rated[kind].append(asyncio.run(fixed_rate(ports[kind], payloads[kind], args.rate, seconds)))
                if kind == "destill":
                    drain(destill.port)
            for kind in kinds:
                budget = int(seconds * 20000)
                run = saturate(ports[kind], payloads[kind], args.concurrency, seconds, budget)
                saturated[kind].append(asyncio.run(run))
                if kind == "destill":
                    drain(destill.port)
    return {kind: (merge(rated[kind]), merge(saturated[kind])) for kind in kinds}


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--rate", type=float, default=200.0)
    p.add_argument("--seconds", type=float, default=12.0, help="per phase and server, over all rounds")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--concurrency", type=int, default=16)
    p.add_argument("--bare-port", type=int, help=argparse.SUPPRESS)  # internal: run the bare server
    args = p.parse_args()
    if args.bare_port:
        _serve_bare(args.bare_port)
        return 0

    sample = Payloads("sample")
    sizes = [len(sample.next()) for _ in range(12)]
    # uvicorn's "auto" loop and http pick uvloop and httptools when installed: the same for both.
    loop = "uvloop" if importlib.util.find_spec("uvloop") else "asyncio"
    http = "httptools" if importlib.util.find_spec("httptools") else "h11"
    print(
        f"payloads: {min(sizes)}-{max(sizes)} bytes, signed; uvicorn {UVICORN_OPTIONS}, loop {loop},"
        f" http {http} (both servers); {os.cpu_count()} CPUs"
    )
    with tempfile.TemporaryDirectory() as tmp:
        results = measure(args, Path(tmp))
    for kind, (rated, sat) in results.items():
        print(
            f"{kind:8} at {args.rate:.0f}/s: {rated.ok}/{rated.sent} 2xx, {rated.throughput:.0f} req/s, "
            f"p50 {rated.pct(50):.1f} ms, p99 {rated.pct(99):.1f} ms | "
            f"saturated (c={args.concurrency}): {sat.throughput:.0f} req/s, "
            f"p50 {sat.pct(50):.1f} ms, p99 {sat.pct(99):.1f} ms ({sat.ok}/{sat.sent} 2xx)"
        )
    (d_rated, d_sat), (b_rated, b_sat) = results["destill"], results["bare"]
    w_sat = results["web-only"][1]
    offered = d_rated.throughput / b_rated.throughput
    print(f"throughput ratio destill/bare at {args.rate:.0f}/s offered: {offered:.2f}")
    print(f"throughput ratio destill/bare saturated: {d_sat.throughput / b_sat.throughput:.2f} (goal >= 0.5)")
    print(f"  web-only (--workers 0)/bare saturated: {w_sat.throughput / b_sat.throughput:.2f}")
    print(f"destill p99 at {args.rate:.0f}/s: {d_rated.pct(99):.1f} ms (goal < 50 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
