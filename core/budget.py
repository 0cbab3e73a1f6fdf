"""The request budget: how fast this process may call Buildkite's REST API.

Buildkite allows 200 requests per minute per organisation (shared with every other client the
organisation runs) and, by default, 50 per minute per token owner, each over a 60 s window
(https://buildkite.com/docs/apis/rest-api/rate-limits). One `RequestBudget` per (organisation,
token) is shared by every concurrent triage in the process (`BudgetRegistry`).

It is a sliding-window limiter, not a token bucket: a bucket of capacity C refilling at C/min lets
2C through in some 60 s window, while this one never grants more than `per_minute` in any window
(bursts up to it are fine). On top of that it reads the server's view: when `RateLimit-Remaining`
or `RateLimit-User-Remaining` runs low it spreads the remaining requests over the time to reset,
and after a 429 it waits out `RateLimit-Reset` / `RateLimit-User-Reset` (or `Retry-After`, or the
body's `reset`) before granting anything.
"""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections import deque
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]

WINDOW = 60.0
DEFAULT_PER_MINUTE = 40  # well under the 50/min per token owner, leaving the organisation room


def _header_float(headers: Mapping[str, str], name: str) -> float | None:
    value = headers.get(name)
    if value is None:
        return None
    try:
        return float(value.strip())
    except ValueError:
        return None


def _body_reset(body: Any) -> float | None:
    if isinstance(body, Mapping) and isinstance(body.get("reset"), int | float):
        return float(body["reset"])
    return None


class RequestBudget:
    """Grants at most `per_minute` requests in any `window` seconds, and slows down further when
    the server says the quota is running out.

    `acquire()` before every request; `observe(headers)` after every response; `rate_limited(...)`
    after a 429. Clock and sleep are injected so tests run on virtual time.
    """

    def __init__(
        self,
        per_minute: int = DEFAULT_PER_MINUTE,
        *,
        window: float = WINDOW,
        low_water: int = 5,
        margin: float = 0.5,
        default_wait: float = WINDOW,
        clock: Clock = time.monotonic,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        if per_minute < 1:
            raise ValueError("per_minute must be at least 1")
        self.per_minute = per_minute
        self.window = window
        self.low_water = low_water
        self.margin = margin
        self.default_wait = default_wait
        self._clock = clock
        self._sleep = sleep
        self._grants: deque[float] = deque()
        self._not_before = 0.0  # nothing is granted before this (after a 429, or remaining == 0)
        self._spacing = 0.0  # minimum gap between grants while the server's quota is low
        self._spacing_until = 0.0
        self.granted = 0
        self.waited = 0.0

    def __repr__(self) -> str:
        return f"RequestBudget(per_minute={self.per_minute}, granted={self.granted})"

    def _delay(self, now: float) -> float:
        while self._grants and self._grants[0] <= now - self.window:
            self._grants.popleft()
        at = max(now, self._not_before)
        if len(self._grants) >= self.per_minute:
            at = max(at, self._grants[-self.per_minute] + self.window)
        if self._grants and now < self._spacing_until:
            at = max(at, self._grants[-1] + self._spacing)
        return at - now

    async def acquire(self) -> None:
        """Wait until one more request fits, then count it."""
        while True:
            now = self._clock()
            delay = self._delay(now)
            if delay <= 0:
                # No await between the check and the append: the grant is atomic in asyncio.
                self._grants.append(now)
                self.granted += 1
                return
            self.waited += delay
            await self._sleep(delay)

    def observe(self, headers: Mapping[str, str]) -> None:
        """Read `RateLimit-*` and `RateLimit-User-*` from a response and slow down if they run low."""
        now = self._clock()
        for prefix in ("RateLimit-", "RateLimit-User-"):
            remaining = _header_float(headers, prefix + "Remaining")
            reset = _header_float(headers, prefix + "Reset")
            if remaining is None or reset is None:
                continue
            if remaining <= 0:
                self._not_before = max(self._not_before, now + reset + self.margin)
            elif remaining < self.low_water:
                # Spread what is left evenly over the time until the window resets.
                self._spacing = max(self._spacing if now < self._spacing_until else 0.0, reset / remaining)
                self._spacing_until = max(self._spacing_until, now + reset)

    def rate_limited(self, headers: Mapping[str, str], body: Any = None) -> float:
        """After a 429: hold every request until the limit resets; returns the wait in seconds."""
        waits = [
            w
            for w in (
                _header_float(headers, "RateLimit-User-Reset")
                if _header_float(headers, "RateLimit-User-Remaining") in (None, 0.0)
                else None,
                _header_float(headers, "RateLimit-Reset")
                if _header_float(headers, "RateLimit-Remaining") in (None, 0.0)
                else None,
                _header_float(headers, "Retry-After"),
                _body_reset(body),
            )
            if w is not None and w >= 0
        ]
        wait = max(waits) if waits else self.default_wait
        now = self._clock()
        self._not_before = max(self._not_before, now + wait + self.margin)
        return wait + self.margin

    def in_window(self) -> int:
        """Requests granted in the current window."""
        now = self._clock()
        return sum(1 for t in self._grants if t > now - self.window)


class BudgetRegistry:
    """One `RequestBudget` per (organisation, token), shared across concurrent triages.

    Tokens are keyed by a hash, so the registry never holds one in clear.
    """

    def __init__(
        self,
        per_minute: int = DEFAULT_PER_MINUTE,
        *,
        clock: Clock = time.monotonic,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self.per_minute = per_minute
        self._clock = clock
        self._sleep = sleep
        self._budgets: dict[tuple[str, str], RequestBudget] = {}

    def get(self, org: str, token: str) -> RequestBudget:
        key = (org, hashlib.sha256(token.encode()).hexdigest()[:16])
        budget = self._budgets.get(key)
        if budget is None:
            budget = RequestBudget(self.per_minute, clock=self._clock, sleep=self._sleep)
            self._budgets[key] = budget
        return budget

    def __len__(self) -> int:
        return len(self._budgets)


# The process-wide registry used when a client is given no budget of its own.
DEFAULT_REGISTRY = BudgetRegistry()
