"""Wrap a real tool's captured output the way a CI system writes a job log.

Provenance tooling for bench/corpus/: never run in CI. The tool output itself is
never edited; only the CI system's own framing (timestamps, line ends, setup
sections, closing lines) is added around it, as each system writes it.

Each wrapper returns the raw log and the 1-based line range that holds the
tool's output, so the labeller can find cause lines only there (never in decoys).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import UTC, datetime

ESC = b"\x1b"
GREY = ESC + b"[90m"
RED = ESC + b"[31m"
RESET = ESC + b"[0m"

# Harmless lines that look alarming to a naive grep; like the shared samples'.
DECOYS = [
    b"INFO: 0 errors, 0 failures in cache warm-up",
    b"DEPRECATION WARNING: error_reporting will be removed in 3.0",
    b"Retrying request after failure: connection reset (attempt 1/5) ... ok",
    b"Downloading error-prone-annotations-2.18.0.jar (17 kB)",
    b"npm WARN deprecated inflight@1.0.6: This module is not supported, and leaks memory.",
    b"[cache] restored key=deps-v3-linux-error-handler size=231MB",
    b"  \xe2\x9c\x93 handles error responses (12ms)",
    b"test_error_message_is_formatted PASSED",
    b"WARNING: The script failures-report is installed in '/home/buildkite/.local/bin' which is not on PATH.",
    b"Fetching error_handler.py from artifact cache ... done",
    b"warning: unable to access '/root/.config/git/attributes': Permission denied",
    b"Summary: 0 failed, 0 errored, 0 warnings (lint cache)",
]

APC_RE = re.compile(rb"\x1b_[^\x07\x1b]*(?:\x07|\x1b\\)")
ANSI_RE = re.compile(rb"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\x1b[()][0-9A-B]")
ISO_TS_RE = re.compile(rb"^(?:\xef\xbb\xbf)?\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z ?")


def plain(raw_line: bytes) -> str:
    """A raw line as a person reads it: no timestamps or colours, overwrites applied."""
    line = APC_RE.sub(b"", raw_line)
    line = ISO_TS_RE.sub(b"", line)
    line = ANSI_RE.sub(b"", line)
    line = line.rstrip(b"\r")
    if b"\r" in line:  # a bare CR returns the cursor: the last non-empty segment wins
        parts = [p for p in line.split(b"\r") if p]
        line = parts[-1] if parts else b""
    return line.decode("utf-8", "replace")


@dataclass
class Wrapped:
    raw: bytes
    first: int  # 1-based first line of the tool's output
    last: int  # 1-based last line of the tool's output


class _Lines:
    """Accumulates raw lines (without their final newline) and counts them."""

    def __init__(self) -> None:
        self.lines: list[bytes] = []

    def add(self, line: bytes) -> None:
        self.lines.append(line)

    def __len__(self) -> int:
        return len(self.lines)

    def join(self) -> bytes:
        return b"\n".join(self.lines) + b"\n"


def split_output(output: bytes) -> list[bytes]:
    """Tool output as lines, without the final newline and without any trailing CR."""
    if output.endswith(b"\n"):
        output = output[:-1]
    if not output:
        return []
    return [line[:-1] if line.endswith(b"\r") else line for line in output.split(b"\n")]


# ---------------------------------------------------------------- Buildkite


def _apc(ms: int) -> bytes:
    return b"\x1b_bk;t=%d\x07" % ms


class _Clock:
    def __init__(self, rng: random.Random, start_ms: int) -> None:
        self.rng = rng
        self.ms = start_ms

    def tick(self, lo: int = 0, hi: int = 40) -> int:
        self.ms += self.rng.randint(lo, hi)
        return self.ms


def _bk_line(clock: _Clock, text: bytes, lo: int = 0, hi: int = 40) -> bytes:
    ts = clock.tick(lo, hi)
    # The agent stamps again after an erase-line code (progress bars).
    text = re.sub(rb"(\x1b\[[012]?K)", lambda m: m.group(1) + _apc(ts), text)
    return _apc(ts) + text + b"\r"


def buildkite(
    output: bytes,
    *,
    command: str,
    label: str,
    exit_status: int,
    rng: random.Random,
    checkout: str,
    decoys: int = 12,
    post_hook: bool = False,
) -> Wrapped:
    clock = _Clock(rng, 1764300000000 + rng.randint(0, 9_000_000))
    out = _Lines()
    repo = checkout.rstrip("/").split("/")[-1]
    sha = f"{rng.getrandbits(160):040x}"
    setup = [
        b"~~~ Running global environment hook",
        GREY + b"$" + RESET + b" /buildkite/hooks/environment",
        b"~~~ Preparing working directory",
        GREY + b"$" + RESET + b" cd " + checkout.encode(),
        GREY + b"$" + RESET + f" git remote set-url origin git@github.com:acme/{repo}.git".encode(),
        GREY + b"$" + RESET + b" git clean -ffxdq",
        GREY + b"$" + RESET + f" git fetch -v --prune -- origin {sha[:8]}".encode(),
        f"From github.com:acme/{repo}".encode(),
        f" * branch            {sha[:10]}   -> FETCH_HEAD".encode(),
        GREY + b"$" + RESET + f" git checkout -f {sha[:10]}".encode(),
        (
            f"HEAD is now at {sha[:7]} Merge pull request #{rng.randint(1000, 9999)}"
            " from acme/fix-error-handler"
        ).encode(),
        b'# Host "github.com" already in list of known hosts at "/var/lib/buildkite-agent/.ssh/known_hosts"',
    ]
    for line in setup:
        out.add(_bk_line(clock, line))
    if decoys:
        out.add(_bk_line(clock, b"~~~ Running plugin docker-compose pre-command hook"))
        for _ in range(decoys):
            out.add(_bk_line(clock, rng.choice(DECOYS)))
    out.add(_bk_line(clock, b"--- " + label.encode()))
    out.add(_bk_line(clock, GREY + b"$" + RESET + b" " + command.encode()))
    first = len(out) + 1
    for line in split_output(output):
        out.add(_bk_line(clock, line, 0, 25))
    last = len(out)
    out.add(_bk_line(clock, b"^^^ +++"))
    err = f"🚨 Error: The command exited with status {exit_status}"
    out.add(_bk_line(clock, RED + err.encode() + RESET))
    if post_hook:
        out.add(_bk_line(clock, b"~~~ Running global pre-exit hook"))
        out.add(_bk_line(clock, GREY + b"$" + RESET + b" /buildkite/hooks/pre-exit"))
        out.add(_bk_line(clock, b"Cleaning up docker containers ... done (0 errors)"))
    out.add(_bk_line(clock, b"user command error: exit status %d" % exit_status))
    return Wrapped(out.join(), first, last)


# ---------------------------------------------------------------- GitHub Actions


def _iso(ns: int) -> bytes:
    dt = datetime.fromtimestamp(ns // 1_000_000_000, tz=UTC)
    return dt.strftime("%Y-%m-%dT%H:%M:%S").encode() + b".%07dZ" % ((ns % 1_000_000_000) // 100)


def github(
    output: bytes, *, command: str, exit_status: int, rng: random.Random, checkout: str, env: dict[str, str]
) -> Wrapped:
    ns = (1764300000 + rng.randint(0, 9_000_000)) * 1_000_000_000
    out = _Lines()

    def add(text: bytes, hi_ms: int = 30) -> None:
        nonlocal ns
        ns += rng.randint(0, hi_ms * 1_000_000)
        out.add(_iso(ns) + b" " + text)

    repo = checkout.rstrip("/").split("/")[-1]
    for line in [
        b"Current runner version: '2.329.0'",
        b"##[group]Runner Image Provisioner",
        b"Hosted Compute Agent",
        b"Version: 20251016.436",
        b"##[endgroup]",
        b"##[group]Operating System",
        b"Ubuntu",
        b"24.04.3",
        b"LTS",
        b"##[endgroup]",
        b"##[group]GITHUB_TOKEN Permissions",
        b"Contents: read",
        b"Metadata: read",
        b"##[endgroup]",
        b"Secret source: Actions",
        b"Prepare workflow directory",
        b"Prepare all required actions",
        b"Getting action download info",
        b"Download action repository 'actions/checkout@v4' (SHA:11bd71901bbe5b1630ceea73d27597364c9af683)",
        b"Complete job name: test",
        b"##[group]Run actions/checkout@v4",
        b"with:",
        f"  repository: acme/{repo}".encode(),
        b"  token: ***",
        b"##[endgroup]",
        b"Syncing repository: acme/" + repo.encode(),
        b"##[group]Fetching the repository",
        b"[command]/usr/bin/git -c protocol.version=2 fetch --no-tags --prune --no-recurse-submodules"
        b" --depth=1 origin",
        b"From https://github.com/acme/" + repo.encode(),
        b" * [new ref]         " + f"{rng.getrandbits(160):040x}".encode() + b"  -> origin/main",
        b"##[endgroup]",
        b"##[warning]Node.js 16 actions are deprecated."
        b" Please update the following actions to use Node.js 20: actions/cache@v3.",
    ]:
        add(line)
    for _ in range(4):
        add(rng.choice(DECOYS))
    cmd_lines = command.encode().split(b"\n")
    add(b"##[group]Run " + cmd_lines[0])
    for c in cmd_lines:
        add(ESC + b"[36;1m" + c + RESET)
    add(b"shell: /usr/bin/bash -e {0}")
    if env:
        add(b"env:")
        for k, v in env.items():
            add(f"  {k}: {v}".encode())
    add(b"##[endgroup]")
    first = len(out) + 1
    for line in split_output(output):
        add(line, 20)
    last = len(out)
    add(b"##[error]Process completed with exit code %d." % exit_status)
    add(b"Post job cleanup.")
    add(b"[command]/usr/bin/git version")
    add(b"git version 2.51.0")
    add(b"Cleaning up orphan processes")
    raw = b"\xef\xbb\xbf" + out.join()
    return Wrapped(raw, first, last)


# ---------------------------------------------------------------- GitLab CI


def gitlab(output: bytes, *, command: str, exit_status: int, rng: random.Random, checkout: str) -> Wrapped:
    t = 1764300000 + rng.randint(0, 9_000_000)
    out = _Lines()
    cyan = ESC + b"[0K" + ESC + b"[36;1m"
    end = ESC + b"[0;m"

    def section(name: str, header: bytes, body: list[bytes]) -> None:
        nonlocal t
        out.add(b"section_start:%d:%s\r" % (t, name.encode()) + ESC + b"[0K" + cyan + header + end)
        for line in body:
            out.add(line)
        t += rng.randint(0, 4)
        out.add(b"section_end:%d:%s\r" % (t, name.encode()) + ESC + b"[0K")

    out.add(ESC + b"[0KRunning with gitlab-runner 18.5.0 (bda84871)" + end)
    out.add(
        ESC
        + b"[0K  on green-2.saas-linux-small-amd64.runners-manager.gitlab.com/default xS6Vzpvo, system ID: "
        b"s_f46bd3bed0a6" + end
    )
    section(
        "prepare_executor",
        b'Preparing the "docker+machine" executor',
        [
            ESC + b"[0KUsing Docker executor with image python:3.12-slim ..." + end,
            ESC + b"[0KPulling docker image python:3.12-slim ..." + end,
            ESC
            + b"[0KUsing docker image sha256:"
            + (f"{rng.getrandbits(256):064x}").encode()
            + b" for python:3.12-slim ..."
            + end,
        ],
    )
    section(
        "prepare_script",
        b"Preparing environment",
        [
            b"Running on runner-xs6vzpvo-project-4211-concurrent-0 via"
            b" runner-xs6vzpvo-s-l-s-amd64-1764300000-5e2a1c3f...",
        ],
    )
    section(
        "get_sources",
        b"Getting source from Git repository",
        [
            ESC + b"[32;1mFetching changes with git depth set to 20..." + end,
            b"Initialized empty Git repository in " + checkout.encode() + b"/.git/",
            ESC + b"[32;1mCreated fresh repository." + end,
            ESC
            + b"[32;1mChecking out "
            + (f"{rng.getrandbits(32):08x}").encode()
            + b" as detached HEAD (ref is main)..."
            + end,
            b"",
            ESC + b"[32;1mSkipping Git submodules setup" + end,
        ],
    )
    section(
        "restore_cache",
        b"Restoring cache",
        [
            ESC + b"[32;1mChecking cache for default-protected..." + end,
            ESC + b"[0;33mWARNING: file does not exist                      " + end,
            ESC + b"[0;33mFailed to extract cache" + end,
            *[rng.choice(DECOYS) for _ in range(3)],
        ],
    )
    t += 2
    out.add(
        b"section_start:%d:step_script\r" % t
        + ESC
        + b"[0K"
        + cyan
        + b'Executing "step_script" stage of the job script'
        + end
    )
    out.add(
        ESC
        + b"[0KUsing docker image sha256:"
        + (f"{rng.getrandbits(256):064x}").encode()
        + b" for python:3.12-slim ..."
        + end
    )
    out.add(ESC + b"[32;1m$ " + command.encode() + end)
    first = len(out) + 1
    for line in split_output(output):
        out.add(line)
    last = len(out)
    t += rng.randint(1, 30)
    out.add(b"section_end:%d:step_script\r" % t + ESC + b"[0K")
    section("cleanup_file_variables", b"Cleaning up project directory and file based variables", [])
    out.add(ESC + b"[31;1mERROR: Job failed: exit code %d" % exit_status)
    out.add(end)
    return Wrapped(out.join(), first, last)


# ---------------------------------------------------------------- Travis CI


def travis(output: bytes, *, command: str, exit_status: int, rng: random.Random, checkout: str) -> Wrapped:
    out = _Lines()
    k = b"\r" + ESC + b"[0K"
    yellow = ESC + b"[33;1m"

    def timer() -> bytes:
        return f"{rng.getrandbits(32):08x}".encode()

    repo = "/".join(checkout.rstrip("/").split("/")[-2:])
    start_ns = (1764300000 + rng.randint(0, 9_000_000)) * 1_000_000_000
    for line in [
        b"travis_fold:start:worker_info" + k + yellow + b"Worker information" + RESET,
        b"hostname: 9b3c0e2e-8a8f-4c2d-9c6e-4b6a1c7c9b11@1.worker-com-5d8f6c-wrkr.travisci.net",
        b"version: v6.2.24 https://github.com/travis-ci/worker/tree/7a9a8e5b",
        b"instance: travis-job-ab12cd34 travis-ci-ubuntu-jammy-1700000000 (via amqp)",
        b"startup: 6.120914453s",
        b"travis_fold:end:worker_info" + k,
        b"travis_time:start:"
        + timer()
        + k
        + b"travis_time:end:"
        + timer()
        + b":start=%d,finish=%d,duration=1734" % (start_ns, start_ns + 1734)
        + k,
        b"travis_fold:start:git.checkout"
        + k
        + b"travis_time:start:"
        + timer()
        + k
        + b"$ git clone --depth=50 --branch=main https://github.com/"
        + repo.encode()
        + b".git "
        + repo.encode(),
        b"Cloning into '" + repo.encode() + b"'...",
        b"remote: Enumerating objects: 412, done.",
        b"Receiving objects: 100% (412/412), 188.31 KiB | 5.38 MiB/s, done.",
        b"travis_fold:end:git.checkout" + k,
        b"$ cd " + repo.encode(),
        rng.choice(DECOYS),
        rng.choice(DECOYS),
    ]:
        out.add(line + b"\r")
    tid = timer()
    out.add(b"travis_time:start:" + tid + k + b"$ " + command.encode() + b"\r")
    first = len(out) + 1
    for line in split_output(output):
        out.add(line + b"\r")
    last = len(out)
    end_ns = start_ns + rng.randint(10**9, 9 * 10**10)
    out.add(
        b"travis_time:end:"
        + tid
        + b":start=%d,finish=%d,duration=%d,event=script" % (start_ns, end_ns, end_ns - start_ns)
        + k
        + ESC
        + b'[31;1mThe command "'
        + command.encode()
        + b'" exited with %d.' % exit_status
        + RESET
        + b"\r"
    )
    out.add(b"\r")
    out.add(b"\r")
    out.add(b"Done. Your build exited with 1.\r")
    return Wrapped(out.join(), first, last)
