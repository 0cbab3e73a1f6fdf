"""The request budget: a sliding-window limiter that also listens to Buildkite's headers."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.budget import BudgetRegistry, RequestBudget
from tests.fake_buildkite import FakeClock


@pytest.fixture
async def clock() -> AsyncIterator[FakeClock]:
    c = FakeClock(start=0.0)
    task = asyncio.create_task(c.run_auto())
    yield c
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task


async def grant_times(budget: RequestBudget, clock: FakeClock, n: int) -> list[float]:
    times = []
    for _ in range(n):
        await budget.acquire()
        times.append(clock())
    return times


async def test_bursts_up_to_the_budget_then_waits_for_the_window(clock: FakeClock) -> None:
    budget = RequestBudget(5, clock=clock, sleep=clock.sleep)
    times = await grant_times(budget, clock, 7)
    assert times[:5] == [0.0] * 5  # a burst up to the budget goes straight out
    assert times[5:] == [60.0, 60.0]  # then the oldest grants must leave the 60 s window


async def test_concurrent_callers_share_one_window(clock: FakeClock) -> None:
    budget = RequestBudget(10, clock=clock, sleep=clock.sleep)
    stamps: list[float] = []

    async def caller() -> None:
        for _ in range(5):
            await budget.acquire()
            stamps.append(clock())

    await asyncio.gather(*(caller() for _ in range(6)))
    assert len(stamps) == 30
    assert sorted(stamps) == [0.0] * 10 + [60.0] * 10 + [120.0] * 10


@settings(max_examples=40, deadline=None)
@given(
    per_minute=st.integers(min_value=1, max_value=30),
    gaps=st.lists(st.floats(min_value=0, max_value=20), min_size=1, max_size=80),
)
def test_never_more_than_the_budget_in_any_window(per_minute: int, gaps: list[float]) -> None:
    async def run() -> list[float]:
        clock = FakeClock(start=0.0)
        auto = asyncio.create_task(clock.run_auto(idle_yields=5))
        budget = RequestBudget(per_minute, clock=clock, sleep=clock.sleep)
        times = []
        for gap in gaps:
            await clock.sleep(gap)
            await budget.acquire()
            times.append(clock())
        auto.cancel()
        return times

    times = asyncio.run(run())
    for i, t in enumerate(times):
        # (1e-9: a grant at exactly t0 + 60 is out of t0's window; float sums are not exact.)
        assert sum(1 for u in times[: i + 1] if u > t - 60 + 1e-9) <= per_minute


async def test_low_remaining_spreads_the_rest_over_the_reset(clock: FakeClock) -> None:
    budget = RequestBudget(40, clock=clock, sleep=clock.sleep)
    await budget.acquire()
    budget.observe({"RateLimit-User-Remaining": "2", "RateLimit-User-Reset": "30"})
    times = await grant_times(budget, clock, 2)
    assert times == [15.0, 30.0]  # 30 s / 2 remaining


async def test_plenty_remaining_does_not_slow_down(clock: FakeClock) -> None:
    budget = RequestBudget(40, clock=clock, sleep=clock.sleep)
    await budget.acquire()
    budget.observe({"RateLimit-Remaining": "150", "RateLimit-Reset": "30"})
    assert await grant_times(budget, clock, 3) == [0.0, 0.0, 0.0]


async def test_zero_remaining_waits_for_the_reset(clock: FakeClock) -> None:
    budget = RequestBudget(40, clock=clock, sleep=clock.sleep, margin=0.5)
    budget.observe({"RateLimit-Remaining": "0", "RateLimit-Reset": "12"})
    assert await grant_times(budget, clock, 1) == [12.5]


@pytest.mark.parametrize(
    ("headers", "body", "expected"),
    [
        ({"RateLimit-User-Remaining": "0", "RateLimit-User-Reset": "42"}, None, 42.0),
        ({"RateLimit-Remaining": "0", "RateLimit-Reset": "17"}, None, 17.0),
        ({"Retry-After": "9"}, None, 9.0),
        ({}, {"message": "...", "scope": "rest_user", "limit": 50, "current": 55, "reset": 33}, 33.0),
        (
            {
                "RateLimit-User-Remaining": "0",
                "RateLimit-User-Reset": "5",
                "RateLimit-Remaining": "120",  # the organisation's window is not the one exhausted
                "RateLimit-Reset": "50",
            },
            None,
            5.0,
        ),
        ({}, None, 60.0),  # nothing to go on: a whole window
    ],
)
async def test_after_a_429_nothing_goes_out_until_the_reset(
    clock: FakeClock, headers: dict[str, str], body: object, expected: float
) -> None:
    budget = RequestBudget(40, clock=clock, sleep=clock.sleep, margin=0.5)
    assert budget.rate_limited(headers, body) == pytest.approx(expected + 0.5)
    assert await grant_times(budget, clock, 1) == [pytest.approx(expected + 0.5)]


def test_registry_shares_one_budget_per_org_and_token() -> None:
    registry = BudgetRegistry(per_minute=30)
    a = registry.get("acme", "token-one")
    assert registry.get("acme", "token-one") is a
    assert registry.get("acme", "token-two") is not a
    assert registry.get("other", "token-one") is not a
    assert a.per_minute == 30 and len(registry) == 3
    assert "token-one" not in repr(registry._budgets) and "token-one" not in repr(a)


def test_budget_must_allow_something() -> None:
    with pytest.raises(ValueError):
        RequestBudget(0)
