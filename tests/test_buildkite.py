"""The Buildkite client against the fake Buildkite, in-process, on virtual time."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from core.budget import BudgetRegistry, RequestBudget
from core.buildkite import (
    BuildkiteClient,
    BuildkiteError,
    LogInterrupted,
    NotFound,
    RateLimited,
    ServerError,
    Unauthorized,
    normalise_base_url,
)
from core.models import BuildRef
from tests.fake_buildkite import (
    DEFAULT_TOKEN,
    FAKE_URL,
    FakeBuildkite,
    FakeClock,
    Fault,
    GeneratedLog,
    create_app,
    make_build,
    retried_job,
    script_job,
    waiter_job,
)

REF = BuildRef(org="acme", pipeline="widgets", number=7)
LOG_PATH = "/jobs/"


class Recorder:
    """A sleep that records what it was asked for, then sleeps on the fake clock."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.calls: list[float] = []

    async def __call__(self, delay: float) -> None:
        self.calls.append(delay)
        await self.clock.sleep(delay)


@pytest.fixture
def fake(clock: FakeClock) -> FakeBuildkite:
    f = FakeBuildkite(clock=clock, sleep=clock.sleep)
    jobs = [
        script_job(":broom: lint", state="passed", step_key="lint"),
        waiter_job(),
        script_job(
            ":pytest: tests", state="failed", step_key="tests", job_id="0190a1b2-0000-4000-8000-000000000001"
        ),
        *retried_job(":test_tube: integration", step_key="integration"),
    ]
    f.add_build("acme", "widgets", make_build("acme", "widgets", 7, jobs=jobs))
    f.set_log("0190a1b2-0000-4000-8000-000000000001", b"line one\r\nline two\r\nFAILED test_x\r\n")
    return f


@pytest.fixture
async def http(fake: FakeBuildkite) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app(fake)), base_url=FAKE_URL) as c:
        yield c


def client_for(
    http: httpx.AsyncClient, clock: FakeClock, *, token: str = DEFAULT_TOKEN, per_minute: int = 40, **kw: Any
) -> tuple[BuildkiteClient, Recorder, Recorder]:
    retry_sleep, budget_sleep = Recorder(clock), Recorder(clock)
    budget = RequestBudget(per_minute, clock=clock, sleep=budget_sleep)
    client = BuildkiteClient(
        http, token, base_url=FAKE_URL, budget=budget, sleep=retry_sleep, clock=clock, **kw
    )
    return client, retry_sleep, budget_sleep


JOB = "0190a1b2-0000-4000-8000-000000000001"


# --------------------------------------------------------------------------- basics


@pytest.mark.parametrize(
    "given",
    [
        "https://api.buildkite.com",
        "https://api.buildkite.com/",
        "https://api.buildkite.com/v2",
        "https://api.buildkite.com/v2/",
    ],
)
def test_base_url_accepts_trailing_v2(given: str) -> None:
    assert normalise_base_url(given) == "https://api.buildkite.com"


async def test_get_build_returns_latest_attempts_with_bearer_auth(
    http: httpx.AsyncClient, clock: FakeClock, fake: FakeBuildkite
) -> None:
    client, _, _ = client_for(http, clock)
    build = await client.get_build(REF)
    assert build["number"] == 7
    # By default Buildkite lists only the latest attempt of each step.
    assert [j.get("retried") for j in build["jobs"] if j["type"] == "script"] == [False, False, False]
    everything = await client.get_build(REF, include_retried_jobs=True)
    assert len(everything["jobs"]) == len(build["jobs"]) + 1
    assert fake.requests[0].headers["authorization"] == f"Bearer {DEFAULT_TOKEN}"
    assert fake.count("GET", "/builds/7") == 2


async def test_base_url_with_v2_reaches_the_same_paths(http: httpx.AsyncClient, clock: FakeClock) -> None:
    client = BuildkiteClient(http, DEFAULT_TOKEN, base_url=FAKE_URL + "/v2/", sleep=clock.sleep, clock=clock)
    assert (await client.get_build(REF))["number"] == 7


async def test_list_builds_follows_link_pagination_and_filters(
    http: httpx.AsyncClient, clock: FakeClock, fake: FakeBuildkite
) -> None:
    for n in range(8, 258):
        branch = "main" if n % 2 else "feature/x"
        fake.add_build("acme", "widgets", make_build("acme", "widgets", n, state="passed", branch=branch))
    client, _, _ = client_for(http, clock, per_minute=1000)
    fake.requests.clear()
    numbers = [b["number"] async for b in client.list_builds("acme", "widgets", per_page=100)]
    assert numbers == list(range(257, 6, -1))  # newest first, all 251, no repeats
    assert fake.count("GET", "/builds") == 3
    assert "page=2" in fake.requests[1].query and "per_page=100" in fake.requests[1].query

    main = [b["number"] async for b in client.list_builds("acme", "widgets", branch="main", per_page=50)]
    assert main and all(n % 2 for n in main) and len(main) == 126  # 7, 9, ..., 257
    failed = [b["number"] async for b in client.list_builds("acme", "widgets", state="failed")]
    assert failed == [7]
    finished = [b async for b in client.list_builds("acme", "widgets", state=["failed"], max_pages=1)]
    assert [b["number"] for b in finished] == [7]


# --------------------------------------------------------------------------- errors


async def test_missing_build_is_not_found_and_not_retried(
    http: httpx.AsyncClient, clock: FakeClock, fake: FakeBuildkite
) -> None:
    client, retry_sleep, _ = client_for(http, clock)
    with pytest.raises(NotFound, match="acme/widgets/99") as info:
        await client.get_build(BuildRef(org="acme", pipeline="widgets", number=99))
    assert info.value.status == 404 and "No build found" in str(info.value)
    assert fake.count() == 1 and retry_sleep.calls == []


async def test_bad_token_is_unauthorized_without_leaking_it(
    http: httpx.AsyncClient, clock: FakeClock, fake: FakeBuildkite
) -> None:
    secret = "bkua_wrong_token_that_must_not_leak_0000000"
    client, _, _ = client_for(http, clock, token=secret)
    with pytest.raises(Unauthorized) as info:
        await client.get_build(REF)
    assert info.value.status == 401
    assert "BUILDKITE_API_TOKEN" in str(info.value)
    assert secret not in str(info.value) and secret not in repr(info.value) and secret not in repr(client)
    assert fake.count() == 1


@pytest.mark.parametrize(
    ("scopes", "call", "missing"),
    [
        ({"read_builds", "write_builds"}, "log", "read_build_logs"),
        ({"read_build_logs", "write_builds"}, "build", "read_builds"),
        ({"read_builds", "read_build_logs"}, "annotate", "write_builds"),
    ],
)
async def test_forbidden_names_the_missing_scope(
    http: httpx.AsyncClient, clock: FakeClock, fake: FakeBuildkite, scopes: set[str], call: str, missing: str
) -> None:
    fake.add_token("bkua_limited", scopes=scopes, user="limited")
    client, _, _ = client_for(http, clock, token="bkua_limited")
    with pytest.raises(Unauthorized) as info:
        if call == "log":
            async with client.stream_log(REF, JOB) as log:
                _ = [c async for c in log]
        elif call == "build":
            await client.get_build(REF)
        else:
            await client.create_annotation(REF, "hello")
    assert info.value.status == 403 and info.value.scope == missing
    assert missing in str(info.value)


async def test_validation_error_is_a_plain_buildkite_error(http: httpx.AsyncClient, clock: FakeClock) -> None:
    client, retry_sleep, _ = client_for(http, clock)
    with pytest.raises(BuildkiteError) as info:
        await client.create_annotation(REF, "x", style="purple")
    assert info.value.status == 422 and "Style" in str(info.value)
    assert type(info.value) is BuildkiteError and retry_sleep.calls == []


# --------------------------------------------------------------------------- retries


async def test_5xx_is_retried_with_jittered_exponential_backoff(
    http: httpx.AsyncClient, clock: FakeClock, fake: FakeBuildkite
) -> None:
    client, retry_sleep, _ = client_for(http, clock, backoff_initial=1.0, backoff_max=30.0)
    fake.inject(Fault.server_error(503), times=2)
    fake.inject(Fault.server_error(502))
    build = await client.get_build(REF)
    assert build["number"] == 7
    assert fake.count() == 4
    assert [r.status for r in fake.requests] == [503, 503, 502, 200]
    # Random exponential: the n-th wait is drawn from [0, initial * 2**n], capped.
    assert len(retry_sleep.calls) == 3
    for n, wait in enumerate(retry_sleep.calls):
        assert 0 <= wait <= min(30.0, 1.0 * 2 ** (n + 1))


async def test_5xx_gives_up_after_max_attempts(
    http: httpx.AsyncClient, clock: FakeClock, fake: FakeBuildkite
) -> None:
    client, retry_sleep, _ = client_for(http, clock, max_attempts=4)
    fake.inject(Fault.server_error(500), times=10)
    with pytest.raises(ServerError) as info:
        await client.get_build(REF)
    assert info.value.status == 500 and info.value.retryable
    assert fake.count() == 4 and len(retry_sleep.calls) == 3


class Flaky(httpx.AsyncBaseTransport):
    """Raises the given transport errors first, then passes requests through."""

    def __init__(self, inner: httpx.AsyncBaseTransport, errors: list[Exception]) -> None:
        self.inner = inner
        self.errors = errors
        self.calls = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.calls += 1
        if self.errors:
            raise self.errors.pop(0)
        return await self.inner.handle_async_request(request)


async def test_timeouts_and_dropped_connections_are_retried(clock: FakeClock, fake: FakeBuildkite) -> None:
    transport = Flaky(
        httpx.ASGITransport(app=create_app(fake)),
        [httpx.ReadTimeout("slow"), httpx.ConnectError("refused"), httpx.RemoteProtocolError("dropped")],
    )
    async with httpx.AsyncClient(transport=transport, base_url=FAKE_URL) as http:
        client, retry_sleep, _ = client_for(http, clock)
        assert (await client.get_build(REF))["number"] == 7
    assert transport.calls == 4 and len(retry_sleep.calls) == 3


async def test_dropped_connection_before_the_body_is_retried(
    http: httpx.AsyncClient, clock: FakeClock, fake: FakeBuildkite
) -> None:
    client, _, _ = client_for(http, clock)
    fake.inject(Fault.drop(0, matches="/log"))
    async with client.stream_log(REF, JOB) as log:
        data = b"".join([c async for c in log])
    assert data.endswith(b"FAILED test_x\r\n")
    assert fake.count("GET", "/log") == 2


# --------------------------------------------------------------------------- 429 and the budget


async def test_429_waits_for_the_reset_then_retries(
    http: httpx.AsyncClient, clock: FakeClock, fake: FakeBuildkite
) -> None:
    client, retry_sleep, budget_sleep = client_for(http, clock)
    fake.inject(Fault.rate_limit(reset=42))
    started = clock()
    build = await client.get_build(REF)
    assert build["number"] == 7
    assert [r.status for r in fake.requests] == [429, 200]
    # The budget held the retry for RateLimit-User-Reset (42 s) plus its margin; tenacity added nothing.
    assert budget_sleep.calls == [pytest.approx(42.5)]
    assert retry_sleep.calls == [0.0]
    assert fake.requests[1].time - started == pytest.approx(42.5)


async def test_429_from_the_real_window_is_waited_out(http: httpx.AsyncClient, clock: FakeClock) -> None:
    # A budget set too high for the server: the fake's own sliding window answers 429.
    fake = FakeBuildkite(clock=clock, sleep=clock.sleep, user_limit=5)
    fake.add_build("acme", "widgets", make_build("acme", "widgets", 7))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app(fake)), base_url=FAKE_URL) as h:
        client, _, budget_sleep = client_for(h, clock, per_minute=100, max_attempts=8)
        for _ in range(8):
            await client.get_build(REF)
    ok = [r for r in fake.requests if r.status == 200]
    assert len(ok) == 8
    assert fake.max_in_window(statuses=[200]) <= 5
    assert budget_sleep.calls  # it waited rather than hammering
    assert fake.count() - len(ok) <= 3  # one 429 per exhausted window at most (+ the low-water slowdown)


async def test_429_exhausting_attempts_raises_rate_limited(
    http: httpx.AsyncClient, clock: FakeClock, fake: FakeBuildkite
) -> None:
    client, _, _ = client_for(http, clock, max_attempts=2)
    fake.inject(Fault.rate_limit(reset=5), times=2)
    with pytest.raises(RateLimited) as info:
        await client.get_build(REF)
    assert info.value.status == 429 and info.value.retryable


async def test_fifty_concurrent_triages_never_exceed_the_budget(clock: FakeClock) -> None:
    fake = FakeBuildkite(clock=clock, sleep=clock.sleep)
    refs = []
    for n in range(1, 51):
        jobs = [script_job("a", job_id=f"0190{n:04d}-0000-4000-8000-00000000000a"), waiter_job()]
        fake.add_build("acme", "widgets", make_build("acme", "widgets", n, jobs=jobs))
        fake.set_log(f"0190{n:04d}-0000-4000-8000-00000000000a", b"boom\n")
        refs.append(BuildRef(org="acme", pipeline="widgets", number=n))
    budget = RequestBudget(40, clock=clock, sleep=clock.sleep)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=create_app(fake)), base_url=FAKE_URL
    ) as http:
        client = BuildkiteClient(
            http, DEFAULT_TOKEN, base_url=FAKE_URL, budget=budget, sleep=clock.sleep, clock=clock
        )

        async def triage(ref: BuildRef) -> None:
            build = await client.get_build(ref)
            job_id = build["jobs"][0]["id"]
            async with client.stream_log(ref, job_id) as log:
                assert b"".join([c async for c in log]) == b"boom\n"
            await client.create_annotation(ref, f"triage of {ref.key}")

        started = clock()
        await asyncio.gather(*(triage(r) for r in refs))
    assert fake.count() == 150
    assert all(r.status in (200, 201) for r in fake.requests)
    assert fake.max_in_window() <= 40  # in any 60 s of fake time
    assert fake.max_in_window() == 40  # and the budget is actually used
    # 150 requests at 40 per minute: the last ones go out in the fourth minute.
    assert 3 * 60 <= clock() - started < 4 * 60
    assert len(fake.annotations) == 50


# --------------------------------------------------------------------------- logs


async def test_stream_log_streams_in_chunks(
    http: httpx.AsyncClient, clock: FakeClock, fake: FakeBuildkite
) -> None:
    fake.set_log(JOB, GeneratedLog(1_000_000, tail=b"THE END\n"))
    client, _, _ = client_for(http, clock)
    sizes = []
    async with client.stream_log(REF, JOB, chunk_size=64 * 1024) as log:
        assert log.truncated is False and log.total_size == 1_000_000
        last = b""
        async for chunk in log:
            sizes.append(len(chunk))
            last = chunk
    assert sum(sizes) == 1_000_000 and len(sizes) > 10 and max(sizes) <= 64 * 1024
    assert last.endswith(b"THE END\n")
    assert fake.requests[-1].headers["accept"] == "text/plain"
    assert "range" not in fake.requests[-1].headers


async def test_stream_log_works_as_a_plain_async_iterator(
    http: httpx.AsyncClient, clock: FakeClock, fake: FakeBuildkite
) -> None:
    client, _, _ = client_for(http, clock)
    log = client.stream_log(REF, JOB)
    data = b"".join([c async for c in log])
    assert data == b"line one\r\nline two\r\nFAILED test_x\r\n"
    assert log.total_size == len(data) and log.bytes_read == len(data) and not log.truncated


async def test_slow_body_and_latency_cost_fake_time_not_bytes(
    http: httpx.AsyncClient, clock: FakeClock, fake: FakeBuildkite
) -> None:
    fake.set_log(JOB, GeneratedLog(5 * 64 * 1024))  # five of the fake's 64 KiB chunks
    fake.inject(Fault.latency(3.0, matches="/log"))
    fake.inject(Fault.slow_body(2.0, matches="/log"))
    client, _, _ = client_for(http, clock)
    started = clock()
    async with client.stream_log(REF, JOB) as log:
        assert sum([len(c) async for c in log]) == 5 * 64 * 1024
    assert clock() - started == pytest.approx(3.0)
    started = clock()
    async with client.stream_log(REF, JOB) as log:
        assert sum([len(c) async for c in log]) == 5 * 64 * 1024
    assert clock() - started == pytest.approx(10.0)


async def test_tail_read_sends_a_suffix_range_and_reports_truncation(
    http: httpx.AsyncClient, clock: FakeClock, fake: FakeBuildkite
) -> None:
    fake.set_log(JOB, GeneratedLog(10_000, pattern=b"0123456789abcdef\n", tail=b"THE END\n"))
    client, _, _ = client_for(http, clock)
    async with client.stream_log(REF, JOB, tail_bytes=1000) as log:
        data = b"".join([c async for c in log])
    # The last 1000 bytes, less the partial line they start in (9000 = 529 * 17 + 7).
    assert data.endswith(b"THE END\n") and data.startswith(b"0123456789abcdef\n")
    assert len(data) == 1000 - (17 - 7) and log.bytes_read == 1000
    assert log.truncated is True and log.total_size == 10_000 and log.start == 9010
    assert fake.requests[-1].headers["range"] == "bytes=-1000"
    assert fake.requests[-1].status == 206 and fake.count() == 1


async def test_tail_larger_than_the_log_reads_it_all(
    http: httpx.AsyncClient, clock: FakeClock, fake: FakeBuildkite
) -> None:
    client, _, _ = client_for(http, clock)
    async with client.stream_log(REF, JOB, tail_bytes=1 << 20) as log:
        data = b"".join([c async for c in log])
    assert data == b"line one\r\nline two\r\nFAILED test_x\r\n"
    assert log.truncated is False and log.total_size == len(data)


async def test_empty_log_with_a_tail_is_empty_not_an_error(
    http: httpx.AsyncClient, clock: FakeClock, fake: FakeBuildkite
) -> None:
    fake.set_log(JOB, b"")
    client, _, _ = client_for(http, clock)
    async with client.stream_log(REF, JOB, tail_bytes=100) as log:
        assert [c async for c in log] == []
    assert log.total_size == 0 and fake.requests[-1].status == 416


async def test_short_body_is_a_retryable_interruption(
    http: httpx.AsyncClient, clock: FakeClock, fake: FakeBuildkite
) -> None:
    fake.set_log(JOB, GeneratedLog(100_000))
    fake.inject(Fault.truncate(5000, matches="/log"))
    client, _, _ = client_for(http, clock)
    got = 0
    with pytest.raises(LogInterrupted) as info:
        async with client.stream_log(REF, JOB) as log:
            async for chunk in log:
                got += len(chunk)
    assert got == 5000 and info.value.retryable
    assert "5000 of 100000" in str(info.value)


async def test_log_of_an_unknown_job_is_not_found(http: httpx.AsyncClient, clock: FakeClock) -> None:
    client, _, _ = client_for(http, clock)
    with pytest.raises(NotFound, match="No job found"):
        async with client.stream_log(REF, "0190ffff-0000-4000-8000-000000000000") as log:
            _ = [c async for c in log]


def test_ids_that_would_change_the_path_are_refused(http: httpx.AsyncClient, clock: FakeClock) -> None:
    client, _, _ = client_for(http, clock)
    with pytest.raises(ValueError):
        client.stream_log(REF, "../../../access-token")


# --------------------------------------------------------------------------- annotations


async def test_annotation_create_replace_append_delete(
    http: httpx.AsyncClient, clock: FakeClock, fake: FakeBuildkite
) -> None:
    client, _, _ = client_for(http, clock)
    first = await client.create_annotation(REF, "first", priority=5)
    assert first["context"] == "destill" and first["style"] == "error" and first["priority"] == 5
    assert set(first) >= {
        "id",
        "context",
        "style",
        "scope",
        "priority",
        "body_html",
        "created_at",
        "updated_at",
    }
    again = await client.create_annotation(REF, "second")
    assert again["id"] == first["id"]
    assert fake.annotation_body("acme", "widgets", 7) == "second"  # replaced, not appended
    await client.create_annotation(REF, "\nmore", append=True)
    assert fake.annotation_body("acme", "widgets", 7) == "second\nmore"
    await client.create_annotation(REF, "other", context="coverage", style="info")
    listed = await client.list_annotations(REF)
    assert sorted(a["context"] for a in listed) == ["coverage", "destill"]
    await client.delete_annotation(REF, first["id"])
    assert fake.annotation("acme", "widgets", 7) is None
    with pytest.raises(NotFound):
        await client.delete_annotation(REF, first["id"])


async def test_posting_an_annotation_is_retried_on_5xx(
    http: httpx.AsyncClient, clock: FakeClock, fake: FakeBuildkite
) -> None:
    client, _, _ = client_for(http, clock)
    fake.inject(Fault.server_error(502, matches="/annotations"))
    await client.create_annotation(REF, "hello")
    assert fake.count("POST") == 2 and len(fake.annotations) == 1
    assert b'"context":"destill"' in fake.requests[-1].body.replace(b" ", b"")


async def test_pagination_links_to_another_host_never_get_the_token(clock: FakeClock) -> None:
    seen: list[tuple[str, str | None]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append((request.url.host, request.headers.get("authorization")))
        if request.url.params.get("page") == "2":
            return httpx.Response(200, json=[{"number": 1}])
        link = '<https://evil.example/v2/organizations/acme/pipelines/widgets/builds?page=2>; rel="next"'
        return httpx.Response(200, json=[{"number": 2}], headers={"Link": link})

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as http:
        client, _, _ = client_for(http, clock)
        numbers = [b["number"] async for b in client.list_builds("acme", "widgets")]
    assert numbers == [2, 1]
    assert [host for host, _ in seen] == ["buildkite.fake", "buildkite.fake"]


async def test_clients_sharing_a_registry_share_one_budget_per_org_and_token(
    http: httpx.AsyncClient, clock: FakeClock, fake: FakeBuildkite
) -> None:
    registry = BudgetRegistry(per_minute=6, clock=clock, sleep=clock.sleep)
    one = BuildkiteClient(
        http, DEFAULT_TOKEN, base_url=FAKE_URL, budgets=registry, sleep=clock.sleep, clock=clock
    )
    two = BuildkiteClient(
        http, DEFAULT_TOKEN, base_url=FAKE_URL, budgets=registry, sleep=clock.sleep, clock=clock
    )
    assert one.budget_for("acme") is two.budget_for("acme")
    started = clock()
    await asyncio.gather(*(c.get_build(REF) for c in (one, two) for _ in range(6)))
    assert fake.max_in_window() == 6 and clock() - started == pytest.approx(60.0)
