"""Ingestion: which jobs of a build are read, and reading their logs concurrently."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from core.budget import RequestBudget
from core.buildkite import BuildkiteClient, LogInterrupted, LogStream, NotFound
from core.errors import RetryLater
from core.ingest import DEFAULT_TAIL_BYTES, ensure_finished, not_finished, read_logs, select_jobs, tail_note
from core.models import BuildRef, LogChunk
from tests.fake_buildkite import (
    DEFAULT_TOKEN,
    FAKE_URL,
    FIXTURES,
    FakeBuildkite,
    FakeClock,
    Fault,
    GeneratedLog,
    block_job,
    create_app,
    make_build,
    retried_job,
    script_job,
    seed_bench,
    trigger_job,
    waiter_job,
)

REF = BuildRef(org="acme", pipeline="widgets", number=3)


def everything_build(*, include_retried: bool = True) -> dict[str, Any]:
    jobs: list[dict[str, Any]] = [
        script_job("lint", state="passed", step_key="lint"),
        waiter_job(),
        script_job(
            "unit",
            state="failed",
            step_key="unit",
            exit_status=2,
            job_id="00000000-0000-4000-8000-000000000001",
        ),
        script_job("slow", state="timed_out", step_key="slow", job_id="00000000-0000-4000-8000-000000000002"),
        script_job(
            "optional", state="failed", soft_failed=True, job_id="00000000-0000-4000-8000-000000000003"
        ),
        *retried_job("flaky", step_key="flaky", final_state="passed"),
        *retried_job("still broken", step_key="broken", final_state="failed"),
        script_job("deploy", state="broken", broken_reason="branch_mismatch"),
        script_job("docs", state="skipped"),
        script_job("e2e", state="canceled"),
        block_job(":rocket: Release?"),
        block_job("Which version?", state="unblocked", input_step=True),
        trigger_job("deploy-child", state="failed", triggered=("acme", "deployer", 88)),
        trigger_job("notify", state="passed", triggered=("acme", "notifier", 5)),
        *[
            script_job(
                f"shard {i}", state="failed" if i in (1, 3) else "passed", step_key="shards", parallel=(i, 4)
            )
            for i in range(4)
        ],
    ]
    build = make_build("acme", "widgets", 3, jobs=jobs)
    if not include_retried:
        build["jobs"] = [j for j in build["jobs"] if not j.get("retried")]
    return build


@pytest.mark.parametrize("include_retried", [True, False])
def test_select_jobs_sorts_every_kind_of_job(include_retried: bool) -> None:
    sel = select_jobs(everything_build(include_retried=include_retried))
    names = [c.job_name for c in sel.chunks]
    assert names == ["unit", "slow", "optional", "still broken", "shard 1", "shard 3"]
    by_name = {c.job_name: c for c in sel.chunks}
    assert by_name["unit"].exit_status == 2 and by_name["unit"].job_state == "failed"
    assert by_name["slow"].job_state == "timed_out"
    assert by_name["optional"].soft_failed is True and by_name["unit"].soft_failed is False
    assert by_name["still broken"].retried is True  # the latest attempt, itself a retry
    assert (by_name["shard 3"].parallel_group_index, by_name["shard 3"].parallel_group_total) == (3, 4)
    # Passed on retry: listed, never read.
    assert [f.name for f in sel.flaky] == ["flaky"]
    assert sel.flaky[0].web_url and sel.flaky[0].step_key == "flaky"
    # Failed trigger: noted with its child build.
    assert [(t.job_name, t.triggered_build_url) for t in sel.triggers] == [
        ("deploy-child", "https://buildkite.com/acme/deployer/builds/88")
    ]
    reasons = {s.name: s.reason for s in sel.skipped}
    assert reasons == {
        None: "waiter",
        "deploy": "never ran: broken (branch_mismatch)",
        "docs": "never ran: skipped",
        "e2e": "never ran: canceled",
        ":rocket: Release?": "block or input step",
        "Which version?": "block or input step",
    }
    assert sel.passed == 4  # lint, notify trigger, shards 0 and 2


def test_chunks_carry_what_the_report_needs() -> None:
    chunk = select_jobs(everything_build()).chunks[0]
    assert chunk.build_url == "https://buildkite.com/acme/widgets/builds/3"
    assert (chunk.org, chunk.pipeline, chunk.build_number) == ("acme", "widgets", 3)
    assert chunk.job_id == "00000000-0000-4000-8000-000000000001"
    assert chunk.web_url == f"https://buildkite.com/acme/widgets/builds/3#{chunk.job_id}"
    assert chunk.step_key == "unit" and chunk.job_type == "script"
    assert chunk.log_url and chunk.log_url.endswith(f"/jobs/{chunk.job_id}/log.txt")


def test_passing_jobs_are_never_read() -> None:
    build = make_build(
        "acme", "widgets", 3, state="passed", jobs=[script_job(f"j{i}", state="passed") for i in range(5)]
    )
    sel = select_jobs(build)
    assert sel.chunks == () and sel.flaky == () and sel.passed == 5


def test_a_retry_chain_reads_only_the_latest_attempt() -> None:
    first, second = retried_job("x", final_state="failed")
    third = script_job(
        "x", state="passed", retries_count=2, retry_source={"job_id": second["id"], "retry_type": "manual"}
    )
    second.update(retried=True, retried_in_job_id=third["id"])
    sel = select_jobs(make_build("acme", "widgets", 3, jobs=[first, second, third]))
    assert sel.chunks == () and [f.job_id for f in sel.flaky] == [third["id"]]


def test_nonzero_exit_status_counts_as_a_failure_even_if_state_disagrees() -> None:
    odd = script_job("odd", state="passed", exit_status=3)
    assert [c.job_name for c in select_jobs(make_build("acme", "widgets", 3, jobs=[odd])).chunks] == ["odd"]


def test_shared_sample_build(shared_dir: Path) -> None:
    build = json.loads((shared_dir / "data/webhooks/build.json").read_text())
    sel = select_jobs(build)
    assert [(c.job_name, c.exit_status) for c in sel.chunks] == [(":hammer: CI", 101)]
    assert {s.reason for s in sel.skipped} == {"waiter", "never ran: broken"}
    assert sel.chunks[0].org == "acme" and sel.chunks[0].build_number == 1


def test_hostile_job_json_does_not_crash() -> None:
    build = make_build("acme", "widgets", 3)
    build["jobs"] = [None, "x", {"type": "script", "state": "failed", "exit_status": "1", "name": 5}, {}]
    sel = select_jobs(build)
    assert len(sel.chunks) == 1 and sel.chunks[0].exit_status is None and sel.chunks[0].job_name is None


@pytest.mark.parametrize("state", ["running", "scheduled", "canceling", "failing"])
def test_a_build_still_running_is_not_finished(state: str) -> None:
    reason = not_finished(make_build("acme", "widgets", 3, state=state))
    assert reason and state in reason


def test_ensure_finished_raises_retry_later() -> None:
    with pytest.raises(RetryLater) as info:
        ensure_finished(make_build("acme", "widgets", 3, state="running"), delay=12.0)
    assert info.value.delay == 12.0 and "running" in info.value.reason
    ensure_finished(make_build("acme", "widgets", 3, state="failed"))


def test_a_finished_build_with_a_running_job_is_not_finished() -> None:
    build = make_build("acme", "widgets", 3, jobs=[script_job("late", state="running")])
    assert "running" in (not_finished(build) or "")


@pytest.mark.parametrize("state", ["failed", "passed", "canceled", "blocked"])
def test_finished_builds_are_finished(state: str) -> None:
    assert not_finished(make_build("acme", "widgets", 3, state=state, jobs=[script_job("a")])) is None


def test_tail_note_says_how_much_was_read() -> None:
    assert tail_note(False, 10, 64) is None
    note = tail_note(True, 900 * 1024 * 1024, DEFAULT_TAIL_BYTES)
    assert note == "log too large: read the last 64 MiB of 900 MiB only"


# --------------------------------------------------------------------------- read_logs


@pytest.fixture
def fake(clock: FakeClock) -> FakeBuildkite:
    f = FakeBuildkite(clock=clock, sleep=clock.sleep)
    jobs = [
        script_job(f"shard {i}", parallel=(i, 10), job_id=f"00000000-0000-4000-8000-0000000000{i:02d}")
        for i in range(10)
    ]
    f.add_build("acme", "widgets", make_build("acme", "widgets", 3, jobs=jobs))
    for i in range(10):
        f.set_log(f"00000000-0000-4000-8000-0000000000{i:02d}", f"shard {i} failed\n".encode() * 100)
    return f


@pytest.fixture
async def client(fake: FakeBuildkite, clock: FakeClock) -> AsyncIterator[BuildkiteClient]:
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=create_app(fake)), base_url=FAKE_URL
    ) as http:
        budget = RequestBudget(1000, clock=clock, sleep=clock.sleep)
        yield BuildkiteClient(
            http, DEFAULT_TOKEN, base_url=FAKE_URL, budget=budget, sleep=clock.sleep, clock=clock
        )


async def test_read_logs_is_concurrent_bounded_and_ordered(
    client: BuildkiteClient, fake: FakeBuildkite
) -> None:
    sel = select_jobs(await client.get_build(REF))
    active = peak = 0

    async def consume(chunk: LogChunk, stream: LogStream) -> int:
        nonlocal active, peak
        active += 1
        peak = max(peak, active)
        total = 0
        async for data in stream:
            total += len(data)
            await asyncio.sleep(0)
        for _ in range(5):
            await asyncio.sleep(0)
        active -= 1
        return total

    results = await read_logs(client, REF, sel.chunks, consume, concurrency=3)
    assert [r.chunk.job_name for r in results] == [f"shard {i}" for i in range(10)]
    assert all(r.error is None and r.value == len(f"shard {i} failed\n") * 100 for i, r in enumerate(results))
    assert peak == 3
    assert fake.count("GET", "/log") == 10  # one request per failed job's log, nothing else
    assert all(
        r.headers["range"] == f"bytes=-{DEFAULT_TAIL_BYTES}" for r in fake.requests if "/log" in r.path
    )


async def test_read_logs_retries_an_interrupted_log_from_scratch(
    client: BuildkiteClient, fake: FakeBuildkite
) -> None:
    sel = select_jobs(await client.get_build(REF))
    fake.inject(Fault.truncate(10, matches="-000000000004/log"))
    calls: list[str] = []

    async def consume(chunk: LogChunk, stream: LogStream) -> bytes:
        calls.append(chunk.job_name or "")
        return b"".join([d async for d in stream])

    results = await read_logs(client, REF, sel.chunks[3:6], consume)
    assert calls.count("shard 4") == 2
    assert results[1].attempts == 2 and results[1].error is None
    assert results[1].value == b"shard 4 failed\n" * 100


async def test_read_logs_reports_per_log_errors_without_failing_the_rest(
    client: BuildkiteClient, fake: FakeBuildkite
) -> None:
    sel = select_jobs(await client.get_build(REF))
    fake.inject(Fault.truncate(10, matches="-000000000001/log"), times=5)
    missing = sel.chunks[2].model_copy(update={"job_id": "00000000-0000-4000-8000-00000000ffff"})

    async def consume(chunk: LogChunk, stream: LogStream) -> int:
        return sum([len(d) async for d in stream])

    results = await read_logs(client, REF, [sel.chunks[0], sel.chunks[1], missing], consume, attempts=3)
    assert results[0].error is None
    assert isinstance(results[1].error, LogInterrupted) and results[1].attempts == 3
    assert isinstance(results[2].error, NotFound) and results[2].attempts == 1


async def test_read_logs_notes_a_tail_read(client: BuildkiteClient, fake: FakeBuildkite) -> None:
    sel = select_jobs(await client.get_build(REF))
    fake.set_log(
        sel.chunks[0].job_id or "",
        GeneratedLog(3 * 1024 * 1024, tail=(FIXTURES / "gcc-undefined-reference.log").read_bytes()),
    )

    async def consume(chunk: LogChunk, stream: LogStream) -> bytes:
        data = b"".join([d async for d in stream])
        return data[-200:]

    [result] = await read_logs(client, REF, sel.chunks[:1], consume, tail_bytes=1024 * 1024)
    assert result.truncated and result.total_size == 3 * 1024 * 1024
    assert result.notes == ["log too large: read the last 1 MiB of 3 MiB only"]
    assert b"exited with status" in result.value


async def test_a_big_build_costs_one_request_plus_one_per_failed_log(clock: FakeClock) -> None:
    fake = FakeBuildkite(clock=clock, sleep=clock.sleep)
    seed_bench(fake, jobs=300, failed=40, min_mb=0.02, max_mb=0.1)
    ref = BuildRef(org="bench", pipeline="monorepo", number=1)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=create_app(fake)), base_url=FAKE_URL
    ) as http:
        budget = RequestBudget(1000, clock=clock, sleep=clock.sleep)
        client = BuildkiteClient(
            http, DEFAULT_TOKEN, base_url=FAKE_URL, budget=budget, sleep=clock.sleep, clock=clock
        )
        selection = select_jobs(await client.get_build(ref))

        async def consume(chunk: LogChunk, stream: LogStream) -> int:
            return sum([len(d) async for d in stream])

        results = await read_logs(client, ref, selection.chunks, consume, concurrency=8)
    assert len(selection.chunks) == 40 and selection.passed == 260
    assert all(r.error is None and r.value > 20_000 for r in results)
    assert fake.count() == 41 == client.requests_sent
