"""End to end: signed webhooks into a real `destill serve`, annotations out of the fake Buildkite.

    python -m bench.e2e [--builds 50] [--jobs 20] [--failed 5] [--min-mb 1] [--max-mb 10]
                        [--latency-ms 30] [--rate 2] [--workers 4]

The fake runs in its own process on a port with `--latency-ms` added to every request, serving
`--builds` failed builds of `--jobs` jobs, `--failed` of them failed with generated logs of
`--min-mb`..`--max-mb` MiB (a real pytest failure at the end). Deliveries arrive at `--rate` per
second (builds finish over time; all at once measures the queue, not the triage). Prints time
from delivery to annotation (p50, p95, max) and the API requests each triage made; the goal is
p95 < 5 s and exactly one build GET, one GET per failed job's log and one annotation POST.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import statistics
import tempfile
import threading
import time
from collections import Counter, defaultdict
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import httpx

from tests.fake_buildkite import (
    DEFAULT_TOKEN,
    FIXTURES,
    FakeBuildkite,
    GeneratedLog,
    make_build,
    script_job,
    serve_in_thread,
)
from tests.procs import Destill
from tests.signing import SECRET, build_finished, payload_bytes, signed_headers

ORG, PIPELINE = "bench", "e2e"


def _fake_process(conn: Connection, spec: dict[str, Any]) -> None:
    """Child: seed the builds, serve on a port, answer the parent's questions over `conn`."""
    fake = FakeBuildkite(org_limit=10**9, user_limit=10**9, latency=spec["latency_ms"] / 1000)
    tail = (FIXTURES / "pytest-three-failures.log").read_bytes()
    mib = 1024 * 1024
    for n in range(1, spec["builds"] + 1):
        jobs = []
        for i in range(spec["jobs"]):
            failed = i < spec["failed"]
            jobs.append(
                script_job(
                    f":pytest: shard {i}" if failed else f":white_check_mark: check {i}",
                    state="failed" if failed else "passed",
                    step_key=f"s{i}",
                )
            )
        fake.add_build(ORG, PIPELINE, make_build(ORG, PIPELINE, n, jobs=jobs))
        for i, job in enumerate(jobs[: spec["failed"]]):
            frac = ((n * 7 + i * 3) % 10) / 9
            size = int((spec["min_mb"] + (spec["max_mb"] - spec["min_mb"]) * frac) * mib)
            fake.set_log(job["id"], GeneratedLog(size, tail=tail))
    with serve_in_thread(fake) as url:
        conn.send(url)
        while True:
            if conn.recv() == "stop":
                break
            conn.send([(r.method, r.path, r.time) for r in list(fake.requests)])


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--builds", type=int, default=50)
    ap.add_argument("--jobs", type=int, default=20)
    ap.add_argument("--failed", type=int, default=5)
    ap.add_argument("--min-mb", type=float, default=1)
    ap.add_argument("--max-mb", type=float, default=10)
    ap.add_argument("--latency-ms", type=float, default=30)
    ap.add_argument("--rate", type=float, default=2.0, help="deliveries per second")
    ap.add_argument("--workers", type=int, default=4)
    args = ap.parse_args()

    parent, child = mp.get_context("spawn").Pipe()
    spec = vars(args)
    proc = mp.get_context("spawn").Process(target=_fake_process, args=(child, spec), daemon=True)
    proc.start()
    url = parent.recv()
    tmp = Path(tempfile.mkdtemp(prefix="destill-e2e-"))
    server = Destill(
        "serve",
        {
            "BUILDKITE_API_URL": url,
            "BUILDKITE_API_TOKEN": DEFAULT_TOKEN,
            "BUILDKITE_WEBHOOK_SECRET": SECRET,
            "DATABASE_URL": f"sqlite:///{tmp / 'destill.db'}",
            "DESTILL_WORKERS": str(args.workers),
            # The fake has no shared rate limit to respect; real Buildkite keeps the default.
            "DESTILL_API_BUDGET": "1000000",
        },
        tmp / "serve.log",
    ).start()
    delivered: dict[int, float] = {}
    try:
        with httpx.Client(timeout=10) as http:
            start = time.monotonic()
            for n in range(1, args.builds + 1):
                time.sleep(max(0.0, start + (n - 1) / args.rate - time.monotonic()))
                body = payload_bytes(build_finished(ORG, PIPELINE, n))
                delivered[n] = time.monotonic()
                r = http.post(f"{server.url}/webhooks/buildkite", content=body, headers=signed_headers(body))
                assert r.status_code == 202, r.text
        deadline = time.monotonic() + 600
        while True:
            parent.send("requests")
            requests: list[tuple[str, str, float]] = parent.recv()
            posted = {int(p.split("/")[-2]): t for m, p, t in requests if m == "POST"}
            if len(posted) >= args.builds or time.monotonic() > deadline:
                break
            server.check_alive()
            threading.Event().wait(0.25)
    finally:
        server.stop()
        parent.send("stop")
        proc.join(10)

    latencies = [posted[n] - delivered[n] for n in delivered if n in posted]
    per_build: dict[int, Counter[str]] = defaultdict(Counter)
    for method, path, _ in requests:
        parts = path.split("/")
        n = int(parts[7])
        kind = "annotation" if path.endswith("/annotations") else "log" if "/jobs/" in path else "build"
        per_build[n][f"{method} {kind}"] += 1
    shapes = Counter(tuple(sorted(c.items())) for c in per_build.values())
    total_mb = args.builds * args.failed * (args.min_mb + args.max_mb) / 2
    print(
        f"builds {args.builds} x {args.jobs} jobs ({args.failed} failed, logs {args.min_mb:g}-"
        f"{args.max_mb:g} MiB, ~{total_mb:.0f} MiB in all), fake latency {args.latency_ms:g} ms, "
        f"{args.rate:g} deliveries/s, {args.workers} workers"
    )
    print(f"annotated: {len(latencies)}/{args.builds}")
    if latencies:
        print(
            f"delivery -> annotation: p50 {statistics.median(latencies):.2f} s, "
            f"p95 {_pct(latencies, 95):.2f} s, max {max(latencies):.2f} s"
        )
    for shape, count in shapes.most_common():
        print(f"requests per triage: {dict(shape)} x {count} builds")
    exact = {("GET build", 1), ("GET log", args.failed), ("POST annotation", 1)}
    print("exactly 1 build GET + 1 GET per failed log + 1 POST:", all(set(s) == exact for s in shapes))


if __name__ == "__main__":
    main()
