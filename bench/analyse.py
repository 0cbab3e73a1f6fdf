"""Analyser throughput and peak memory on big realistic logs, side by side with `grep -E`.

Usage: python -m bench.analyse [--quick] [--sizes 50,500]

For each size (MB) it writes a log to a temp file (streamed, never held in memory): Buildkite
timestamps and colours, mostly passing pytest/cargo/jest-style output with decoy lines ("0 errors",
deprecation warnings, `error_handler.py` paths, "Retrying ... ok"), and a real failure near the
end. Then, each in a fresh child process so peak RSS is its own: the analyser reading the file in
64 KiB chunks, and `grep -E -c` with a comparable pattern set. Prints MB/s and peak RSS (MB).
Goals: >= 100 MB/s on one core; peak memory < 150 MB and the same for both sizes.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PASSING = [
    "tests/test_api.py::test_handles_error_responses[{i}] PASSED{pad}[ {p:>2}%]",
    "test tests::case_{i} ... ok",
    "  \u2713 renders error_handler.py fallback page ({i}ms)",
    "ok {i} - parses payload {i}",
    "INFO: 0 errors, 0 failures in shard {i}",
    "DEPRECATION WARNING: error_reporting will be removed in 3.0 (seen {i} times)",
    "Retrying request after failure: connection reset (attempt 1/5) ... ok",
    "   Compiling widget-{i} v0.{i}.0 (/var/lib/buildkite-agent/builds/agent-7/acme/widgets/crates/w{i})",
    "gcc -O2 -Wall -Werror -c src/module_{i}.c -o build/module_{i}.o",
    "[cache] restored key=deps-v3-linux-error-handler-{i} size=231MB",
    "    at Object.<anonymous> (/app/src/error_handler.js:{i}:7)",
    "errors: 0, warnings: {i}, failures=0",
    "PASS src/components/ErrorBoundary{i}.test.tsx ({i}.2 s)",
]

FAILURE = """\
--- :pytest: Run tests
tests/test_calc.py::test_divide FAILED                                    [ 99%]

=================================== FAILURES ===================================
_________________________________ test_divide __________________________________

    def test_divide():
>       assert calc.divide(6, 3) == 3
E       assert 2.0 == 3
E        +  where 2.0 = <function divide at 0x7f3a2c1b0e50>(6, 3)

tests/test_calc.py:18: AssertionError
=========================== short test summary info ============================
FAILED tests/test_calc.py::test_divide - assert 2.0 == 3
======================== 1 failed, 123456 passed in 812.31s ========================
^^^ +++
\U0001f6a8 Error: The command exited with status 1
"""

GREP_PATTERNS = [
    r"error(\[E[0-9]+\])?:",
    "Error:",
    "FAILED",
    "FAIL:",
    "panicked at",
    "panic:",
    "Traceback",
    "undefined reference",
    "No such file",
    "command not found",
    "Killed",
    "Segmentation fault",
    "timed out",
    "ERR!",
    r"\*\*\*",
    "Exception",
    "No space left",
    "Could not resolve",
    "^(---|\\+\\+\\+|~~~) ",
    "exited with status",
]


def generate(path: Path, size_mb: int, seed: int = 7) -> int:
    rnd = random.Random(seed)
    target = size_mb * 1_000_000
    written = 0
    ts = 1764302766471
    with open(path, "wb", buffering=1 << 20) as f:
        f.write(b"\x1b_bk;t=1764302766000\x07~~~ Preparing working directory\r\n")
        f.write(b"\x1b_bk;t=1764302766001\x07--- :pytest: Run the long suite\r\n")
        batch: list[bytes] = []
        i = 0
        while written < target - 4000:
            i += 1
            ts += rnd.randrange(0, 40)
            tmpl = PASSING[rnd.randrange(len(PASSING))] if rnd.random() < 0.3 else PASSING[0]
            text = tmpl.format(i=i, p=i % 100, pad=" " * (40 - len(str(i)) % 10))
            if rnd.random() < 0.2:
                text = f"\x1b[32m{text}\x1b[0m"
            line = f"\x1b_bk;t={ts}\x07{text}\r\n".encode()
            batch.append(line)
            written += len(line)
            if len(batch) >= 4096:
                f.write(b"".join(batch))
                batch.clear()
        f.write(b"".join(batch))
        for ln in FAILURE.splitlines():
            ts += 3
            f.write(f"\x1b_bk;t={ts}\x07{ln}\r\n".encode())
    return path.stat().st_size


_CHILD = r"""
import resource, sys, time
sys.path.insert(0, {root!r})
from core.analysis import Analyser
from core.rules import load_rules
rules = load_rules()
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.perf_counter()
a = Analyser(rules)
with open({path!r}, "rb") as f:
    while chunk := f.read(1 << 16):
        a.feed(chunk)
cards = a.finish()
dt = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
top = cards[0] if cards else None
print(dt, peak, base, top.rule if top else "-", top.lines[0].number if top and top.lines else 0)
"""


def run_analyser(path: Path) -> tuple[float, float, str]:
    code = _CHILD.format(root=str(ROOT), path=str(path))
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    dt, peak_kb = float(out[0]), int(out[1])
    return dt, peak_kb / 1024, f"{out[3]} @ line {out[4]}"


def run_grep(path: Path) -> tuple[float, float] | None:
    grep = shutil.which("grep")
    if grep is None:
        return None
    args = [grep, "-E", "-c", "|".join(f"({p})" for p in GREP_PATTERNS), str(path)]
    code = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        f"subprocess.run({args!r}, stdout=subprocess.DEVNULL)\n"
        "dt = time.perf_counter() - t\n"
        "print(dt, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]), int(out[1]) / 1024


def generate_pathological(path: Path, kind: str) -> int:
    """100 MB in one line, a million empty lines then an error, or 100 MB of random bytes."""
    rnd = random.Random(3)
    with open(path, "wb") as f:
        if kind == "one-line-100MB":
            f.write(b"\x1b_bk;t=1\x07Error: ")
            chunk = b"\x1b[31mx\x1b[0m" * 6000
            for _ in range(100_000_000 // len(chunk)):
                f.write(chunk)
            f.write(b"\nSegmentation fault (core dumped)\n")
        elif kind == "million-empty-lines":
            f.write(b"\n" * 1_000_000 + b"fatal error: runtime: out of memory\n")
        else:
            for _ in range(100):
                f.write(rnd.randbytes(1_000_000))
    return path.stat().st_size


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="5 MB and 20 MB instead of 50 and 500")
    ap.add_argument("--sizes", help="comma-separated sizes in MB (default 50,500)")
    ap.add_argument("--pathological", action="store_true", help="also time hostile inputs")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else ([5, 20] if args.quick else [50, 500])
    try:
        import re2  # type: ignore[import-not-found,unused-ignore]  # noqa: F401

        engine = "google-re2 prefilter"
    except ImportError:
        engine = "re prefilter (install google-re2 for speed)"
    print(f"analyser: {engine}; python {sys.version.split()[0]}; cpus {os.cpu_count()}")
    print(
        f"{'size':>8} {'analyser MB/s':>14} {'peak MB':>8} {'grep -E MB/s':>13} {'grep peak MB':>13}"
        "  top card"
    )
    with tempfile.TemporaryDirectory(prefix="destill-bench-") as tmp:
        for mb in sizes:
            path = Path(tmp) / f"log-{mb}.txt"
            size = generate(path, mb)
            dt, peak, top = run_analyser(path)
            g = run_grep(path)
            gtxt = f"{size / 1e6 / g[0]:>13.0f} {g[1]:>13.1f}" if g else f"{'-':>13} {'-':>13}"
            print(f"{size / 1e6:>6.0f}MB {size / 1e6 / dt:>14.1f} {peak:>8.1f} {gtxt}  {top}")
            path.unlink()
        if args.pathological:
            print(f"{'hostile input':>22} {'MB':>6} {'seconds':>8} {'peak MB':>8}  top card")
            for kind in ("one-line-100MB", "million-empty-lines", "random-bytes-100MB"):
                path = Path(tmp) / f"{kind}.bin"
                size = generate_pathological(path, kind)
                dt, peak, top = run_analyser(path)
                print(f"{kind:>22} {size / 1e6:>6.0f} {dt:>8.2f} {peak:>8.1f}  {top}")
                path.unlink()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
