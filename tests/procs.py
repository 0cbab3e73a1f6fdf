"""Real `destill` processes for tests and benchmarks: start, wait until healthy, kill, restart."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class Destill:
    """One `destill serve` or `destill worker` process, its output appended to `log`."""

    def __init__(
        self,
        command: str,
        env: Mapping[str, str],
        log: Path,
        *,
        args: Sequence[str] = (),
        port: int | None = None,
    ) -> None:
        self.command = command
        self.port = port if port is not None else (free_port() if command == "serve" else None)
        self.url = f"http://127.0.0.1:{self.port}" if self.port else ""
        self.env = {**os.environ, **env}
        self.log = log
        self.args = list(args)
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, *, wait: float = 30.0) -> Destill:
        argv = [sys.executable, "-m", "webhook.cli", self.command, *self.args]
        if self.command == "serve":
            argv += ["--port", str(self.port)]
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(argv, cwd=ROOT, env=self.env, stdout=out, stderr=subprocess.STDOUT)
        if self.command == "serve":
            self.wait_ready(wait)
        return self

    def wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.check_alive()
            try:
                if httpx.get(f"{self.url}/readyz", timeout=1.0).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.05)
        raise TimeoutError(f"destill {self.command} not ready after {timeout}s:\n{self.tail()}")

    def check_alive(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            raise RuntimeError(f"destill {self.command} exited:\n{self.tail()}")

    def tail(self, n: int = 3000) -> str:
        return self.log.read_text(errors="replace")[-n:] if self.log.exists() else ""

    def kill(self) -> None:
        """SIGKILL: no shutdown hooks, leases left behind."""
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)

    def stop(self, timeout: float = 20.0) -> int | None:
        """SIGTERM, the way a platform stops a process, and wait for it."""
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        return self.proc.returncode
