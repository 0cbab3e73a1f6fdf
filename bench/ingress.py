"""Ingress benchmark: signed 3-6 KB `build.finished` deliveries against `destill serve` on loopback,
and the same load against a bare Starlette endpoint under the same uvicorn settings.

    .venv/bin/python -m bench.ingress [--rate 200] [--seconds 10] [--concurrency 16]

Two phases per server, each with fresh payloads (every delivery is new work, so destill commits a
row for each): a fixed rate (`--rate`/s for `--seconds`, open loop: p50/p99 latency) and a
saturation run (`--concurrency` requests in flight for `--seconds`: throughput). Goal: throughput
ratio destill/bare >= 0.5, and p99 < 50 ms at 200 deliveries/s.
"""

from __future__ import annotations

import argparse
import asyncio
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
from pathlib import Path

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

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


@contextmanager
def _server(kind: str, tmp: Path) -> Iterator[str]:
    port = _free_port()
    env = {**os.environ}
    if kind == "destill":
        cmd = [sys.executable, "-m", "webhook.cli", "serve", "--port", str(port)]
        cmd += ["--handler-factory", "bench.ingress:noop_handler"]
        env.update(
            BUILDKITE_API_TOKEN="bkua_bench",
            BUILDKITE_WEBHOOK_SECRET=SECRET,
            DATABASE_URL=f"sqlite:///{tmp / 'bench.db'}",
        )
    else:
        cmd = [sys.executable, "-m", "bench.ingress", "--bare-port", str(port)]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"{kind} server exited: {proc.stderr.read().decode()[-2000:]}")  # type: ignore[union-attr]
            try:
                httpx.post(url + "/webhooks/buildkite", content=b"{}", timeout=1)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        yield url
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
        steps = 8 + self.n % 12  # ~3.3 KB .. ~6 KB
        return payload_bytes(build_finished("bench", f"p-{self.seed}", self.n, steps=steps))


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


async def _one(client: httpx.AsyncClient, body: bytes, lat: list[float]) -> bool:
    start = time.perf_counter()
    r = await client.post("/webhooks/buildkite", content=body, headers=signed_headers(body))
    lat.append((time.perf_counter() - start) * 1000)
    return r.status_code == 202


async def fixed_rate(url: str, payloads: Payloads, rate: float, seconds: float) -> Result:
    """Open loop: request i leaves at t0 + i/rate whatever happened to the others."""
    lat: list[float] = []
    total = int(rate * seconds)
    limits = httpx.Limits(max_connections=64, max_keepalive_connections=64)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=30) as client:
        t0 = time.perf_counter()
        tasks = []
        for i in range(total):
            delay = t0 + i / rate - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(_one(client, payloads.next(), lat)))
        oks = await asyncio.gather(*tasks)
        elapsed = time.perf_counter() - t0
    return Result(total, sum(oks), elapsed, lat)


async def saturate(url: str, payloads: Payloads, concurrency: int, seconds: float) -> Result:
    lat: list[float] = []
    ok = sent = 0
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=30) as client:
        t0 = time.perf_counter()
        stop = t0 + seconds

        async def loop() -> None:
            nonlocal ok, sent
            while time.perf_counter() < stop:
                sent += 1
                ok += await _one(client, payloads.next(), lat)

        await asyncio.gather(*(loop() for _ in range(concurrency)))
        elapsed = time.perf_counter() - t0
    return Result(sent, ok, elapsed, lat)


def run(kind: str, args: argparse.Namespace, tmp: Path) -> tuple[Result, Result]:
    payloads = Payloads(kind)
    with _server(kind, tmp) as url:
        # Warm up connections, imports and the SQLite file before measuring.
        asyncio.run(fixed_rate(url, payloads, 50, 1))
        rated = asyncio.run(fixed_rate(url, payloads, args.rate, args.seconds))
        saturated = asyncio.run(saturate(url, payloads, args.concurrency, args.seconds))
    return rated, saturated


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--rate", type=float, default=200.0)
    p.add_argument("--seconds", type=float, default=10.0)
    p.add_argument("--concurrency", type=int, default=16)
    p.add_argument("--bare-port", type=int, help=argparse.SUPPRESS)  # internal: run the bare server
    args = p.parse_args()
    if args.bare_port:
        _serve_bare(args.bare_port)
        return 0

    sizes = [len(Payloads("x").next()) for _ in range(12)]
    print(f"payloads: {min(sizes)}-{max(sizes)} bytes, signed; uvicorn {UVICORN_OPTIONS}")
    with tempfile.TemporaryDirectory() as tmp:
        results = {kind: run(kind, args, Path(tmp)) for kind in ("destill", "bare")}
    for kind, (rated, sat) in results.items():
        print(
            f"{kind:8} at {args.rate:.0f}/s: {rated.ok}/{rated.sent} 2xx, "
            f"p50 {rated.pct(50):.1f} ms, p99 {rated.pct(99):.1f} ms | "
            f"saturated (c={args.concurrency}): {sat.throughput:.0f} req/s, "
            f"p50 {sat.pct(50):.1f} ms, p99 {sat.pct(99):.1f} ms ({sat.ok}/{sat.sent} 2xx)"
        )
    ratio = results["destill"][1].throughput / results["bare"][1].throughput
    p99 = results["destill"][0].pct(99)
    print(f"throughput ratio destill/bare: {ratio:.2f} (goal >= 0.5)")
    print(f"destill p99 at {args.rate:.0f}/s: {p99:.1f} ms (goal < 50 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
