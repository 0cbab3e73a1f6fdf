"""Where a delivery's CPU goes: `destill serve` (web only, no workers) saturated with signed
deliveries, measured again with one piece after another switched off.

    .venv/bin/python -m bench.ingress_parts [--runs 6] [--seconds 2]

Prints, per variant, the server's main-thread CPU per request (min and median over the runs:
the minimum is the least disturbed by neighbours) and its throughput. Variants are cumulative:
each also has the pieces before it switched off, so the steps between rows are each piece's
cost, and the last row (no log, store, parse or verify) is close to bare Starlette's cost.

The pieces are switched off by patching the server process at start-up (a diagnostic, not a
seam): nothing here runs in the test suite.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
from pathlib import Path

from bench.ingress import Payloads, _server, saturate

_NO_LOG = "import logging; logging.disable(logging.INFO)\n"
_NO_STORE = """
import itertools
import core.sqlite_store as ss
from core.store import Enqueued, Job, JobState
_ids = itertools.count(1)
async def _enqueue(self, key, kind, payload, *, max_attempts=None, lease=None):
    return Enqueued(job=Job(id=next(_ids), key=key, kind=kind, payload=dict(payload),
        state=JobState.QUEUED, attempts=0, max_attempts=8, last_error=None, run_after=0.0,
        lease_owner=None, lease_until=None, created_at=0.0, updated_at=0.0), created=True)
ss.SQLiteStore.enqueue = _enqueue
"""
_NO_PARSE = """
import webhook.routes as routes
_first = {}
def _parse(body, header=None, _real=routes.parse_event):
    return _first.setdefault("event", _real(body, header))
routes.parse_event = _parse
"""
_NO_VERIFY = "import webhook.routes as routes; routes.verify = lambda **kw: None\n"

VARIANTS = (
    ("destill (web only)", ""),
    ("- log line", _NO_LOG),
    ("- store", _NO_LOG + _NO_STORE),
    ("- parse", _NO_LOG + _NO_STORE + _NO_PARSE),
    ("- verify", _NO_LOG + _NO_STORE + _NO_PARSE + _NO_VERIFY),
)


class _Prebuilt(Payloads):
    def __init__(self, built: list[bytes]) -> None:
        super().__init__("prebuilt")
        self.built = built

    def requests(self, count: int, host: str) -> list[bytes]:
        return self.built


def _main_thread_cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/task/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _measure(prelude: str, runs: int, seconds: float, tmp: Path) -> tuple[list[float], list[float]]:
    with _server("destill", tmp, prelude=prelude, serve_args=("--workers", "0")) as server:
        payloads = Payloads(f"parts{server.port}")
        asyncio.run(saturate(server.port, payloads, 16, 1.0, 20_000))  # warm up
        cpu_us: list[float] = []
        rates: list[float] = []
        for _ in range(runs):
            # Signed before the CPU clock starts: the load generator's work is not the server's.
            batch = _Prebuilt(payloads.requests(int(seconds * 8000), f"127.0.0.1:{server.port}"))
            before = _main_thread_cpu(server.pid)
            result = asyncio.run(saturate(server.port, batch, 16, seconds, len(batch.built)))
            cpu_us.append((_main_thread_cpu(server.pid) - before) / max(result.ok, 1) * 1e6)
            rates.append(result.throughput)
        return cpu_us, rates


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--runs", type=int, default=6)
    p.add_argument("--seconds", type=float, default=2.0)
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for name, prelude in VARIANTS:
            cpu, rates = _measure(prelude, args.runs, args.seconds, Path(tmp))
            print(
                f"{name:20} main thread {min(cpu):4.0f} us/req (median {statistics.median(cpu):4.0f}), "
                f"{max(rates):5.0f} req/s (median {statistics.median(rates):5.0f})",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
