"""What a delivery costs the server, in instructions: the bare Starlette endpoint, `destill serve
--workers 0` and `destill serve` (workers on, a no-op handler), each run under valgrind's callgrind
and sent the same signed 3-6 KB deliveries as `bench.ingress`.

    .venv/bin/python -m bench.ingress_cost [--deliveries 1000] [--concurrency 16]

Needs valgrind (`apt-get install valgrind`); takes a minute or two. Instructions, unlike seconds,
do not depend on what else the machine is doing: this is the A/B for a change to the receiver on
a shared machine, where `bench.ingress`'s throughput swings by a tenth between runs. It counts
user-space instructions only (no kernel time, no cache misses, and SHA-256 without the CPU's
SHA extensions), so its ratio is a guide to `bench.ingress`'s, not the same figure. With workers
on, each delivery's job is worked off (claim, complete, log line) before the count stops.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.ingress import Payloads, _server, drain, saturate

KINDS = {"bare": ("bare", ()), "web-only": ("destill", ("--workers", "0")), "destill": ("destill", ())}


def _instructions(dump: Path) -> int:
    for line in dump.read_text().splitlines():
        if line.startswith(("summary:", "totals:")):
            return int(line.split()[1])
    raise RuntimeError(f"no instruction total in {dump}")


def measure(kind: str, deliveries: int, concurrency: int, tmp: Path) -> float:
    """Instructions per delivery of one server, counted from after a warm-up to after its work."""
    server, serve_args = KINDS[kind]
    out = tmp / f"callgrind-{kind}.out"
    wrap = ("valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", "--dump-instr=no")
    with _server(server, tmp, serve_args=serve_args, wrap=wrap, startup=300) as running:
        payloads = Payloads(f"cost-{kind}")
        asyncio.run(saturate(running.port, payloads, concurrency, 600, 300))  # imports, caches, the file
        workers = kind == "destill"
        if workers:
            drain(running.port, 600)
        subprocess.run(["callgrind_control", "-z", str(running.pid)], check=True, capture_output=True)
        result = asyncio.run(saturate(running.port, payloads, concurrency, 600, deliveries))
        if workers:
            drain(running.port, 600)
        subprocess.run(["callgrind_control", "-d", str(running.pid)], check=True, capture_output=True)
        if result.ok != deliveries:
            raise RuntimeError(f"{kind}: {result.ok}/{deliveries} deliveries accepted")
        dumps = sorted(tmp.glob(f"callgrind-{kind}.out.*"))
        deadline = time.monotonic() + 30
        while not dumps and time.monotonic() < deadline:
            time.sleep(0.2)
            dumps = sorted(tmp.glob(f"callgrind-{kind}.out.*"))
        return _instructions(dumps[-1]) / deliveries


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--deliveries", type=int, default=1000)
    p.add_argument("--concurrency", type=int, default=16)
    args = p.parse_args()
    if not (shutil.which("valgrind") and shutil.which("callgrind_control")):
        print("needs valgrind: apt-get install valgrind", file=sys.stderr)
        return 2
    cost: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for kind in KINDS:
            cost[kind] = measure(kind, args.deliveries, args.concurrency, Path(tmp))
            print(f"{kind:8} {cost[kind] / 1000:7.0f}k instructions a delivery", flush=True)
    for kind in ("web-only", "destill"):
        print(f"instruction ratio bare/{kind}: {cost['bare'] / cost[kind]:.2f} (throughput goal >= 0.5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
