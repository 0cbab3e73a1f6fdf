"""The fake Buildkite itself: documented shapes and behaviours, in-process and on a real port."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import AsyncIterator

import httpx
import pytest

from core.budget import RequestBudget
from core.buildkite import BuildkiteClient, LogInterrupted
from core.models import BuildRef
from tests.fake_buildkite import (
    DEFAULT_TOKEN,
    FAKE_URL,
    CallableLog,
    FakeBuildkite,
    Fault,
    GeneratedLog,
    create_app,
    make_build,
    script_job,
    seed_demo,
    serve_in_thread,
)

AUTH = {"Authorization": f"Bearer {DEFAULT_TOKEN}"}
JOB = "00000000-0000-4000-8000-0000000000aa"
BUILD = "/v2/organizations/acme/pipelines/widgets/builds/1"


@pytest.fixture
def fake() -> FakeBuildkite:
    f = FakeBuildkite(user_limit=5)
    f.add_build("acme", "widgets", make_build("acme", "widgets", 1, jobs=[script_job("t", job_id=JOB)]))
    f.set_log(JOB, b"0123456789" * 10)
    return f


@pytest.fixture
async def http(fake: FakeBuildkite) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app(fake)), base_url=FAKE_URL) as c:
        yield c


async def test_every_response_has_both_sets_of_rate_limit_headers(http: httpx.AsyncClient) -> None:
    r = await http.get(BUILD, headers=AUTH)
    assert r.status_code == 200
    assert r.headers["RateLimit-Scope"] == "rest" and r.headers["RateLimit-User-Scope"] == "rest_user"
    assert r.headers["RateLimit-Limit"] == "200" and r.headers["RateLimit-User-Limit"] == "5"
    assert r.headers["RateLimit-Remaining"] == "199" and r.headers["RateLimit-User-Remaining"] == "4"
    assert 0 < int(r.headers["RateLimit-Reset"]) <= 60


async def test_past_the_limit_answers_the_documented_429(http: httpx.AsyncClient) -> None:
    for _ in range(5):
        assert (await http.get(BUILD, headers=AUTH)).status_code == 200
    r = await http.get(BUILD, headers=AUTH)
    assert r.status_code == 429
    body = r.json()
    assert set(body) == {"message", "scope", "limit", "current", "reset"}
    assert body["scope"] == "rest_user" and body["limit"] == 5
    assert body["current"] == 6  # rejected requests count too, as in the docs' example (55 of 50)
    assert body["message"].startswith("You have exceeded your API rate limit. Please wait")
    assert r.headers["RateLimit-User-Remaining"] == "0" and "RateLimit-User-Warning" in r.headers


async def test_bad_token_gets_buildkites_401(http: httpx.AsyncClient, fake: FakeBuildkite) -> None:
    r = await http.get(BUILD, headers={"Authorization": "Bearer nope"})
    assert r.status_code == 401 and r.json()["message"].startswith("Authentication required")
    assert (await http.get(BUILD)).status_code == 401


async def test_raw_log_paths_and_formats(http: httpx.AsyncClient) -> None:
    txt = await http.get(f"{BUILD}/jobs/{JOB}/log.txt", headers=AUTH)
    assert txt.status_code == 200 and txt.content == b"0123456789" * 10
    as_json = await http.get(f"{BUILD}/jobs/{JOB}/log", headers=AUTH)
    assert set(as_json.json()) == {"url", "content", "size", "header_times"} and as_json.json()["size"] == 100
    org_scoped = await http.get(
        f"/v2/organizations/acme/jobs/{JOB}/log", headers={**AUTH, "Accept": "text/plain"}
    )
    assert org_scoped.content == txt.content
    head = await http.head(f"{BUILD}/jobs/{JOB}/log", headers=AUTH)
    assert head.headers["Content-Length"] == "100" and head.headers["Accept-Ranges"] == "bytes"


@pytest.mark.parametrize(
    ("accept", "range_", "status"),
    [
        ("text/plain", "bytes=-10", 206),
        ("application/json", "bytes=-10", 400),  # ranges need Accept: text/plain
        ("text/plain", "bytes=0-10", 400),  # only suffix ranges
        ("text/plain", "bytes=-0", 400),
    ],
)
async def test_range_rules(http: httpx.AsyncClient, accept: str, range_: str, status: int) -> None:
    r = await http.get(f"{BUILD}/jobs/{JOB}/log", headers={**AUTH, "Accept": accept, "Range": range_})
    assert r.status_code == status
    if status == 206:
        assert r.headers["Content-Range"] == "bytes 90-99/100" and r.content == b"0123456789"


async def test_list_builds_link_header(http: httpx.AsyncClient, fake: FakeBuildkite) -> None:
    for n in range(2, 6):
        fake.add_build("acme", "widgets", make_build("acme", "widgets", n))
    r = await http.get("/v2/organizations/acme/pipelines/widgets/builds?per_page=2&page=2", headers=AUTH)
    assert [b["number"] for b in r.json()] == [3, 2]
    links = r.links
    assert set(links) == {"next", "last", "first", "prev"}
    assert links["next"]["url"].endswith("per_page=2&page=3") and links["prev"]["url"].endswith("page=1")


async def test_faults_are_taken_in_order_and_by_path(http: httpx.AsyncClient, fake: FakeBuildkite) -> None:
    fake.inject(Fault.server_error(502, matches="/log"))
    fake.inject(Fault.server_error(500))
    assert (await http.get(BUILD, headers=AUTH)).status_code == 500
    assert (await http.get(f"{BUILD}/jobs/{JOB}/log.txt", headers=AUTH)).status_code == 502
    assert (await http.get(BUILD, headers=AUTH)).status_code == 200
    assert fake.count("GET") == 3 and fake.count("GET", "/log") == 1


def test_generated_logs_serve_any_range_without_holding_the_log() -> None:
    log = GeneratedLog(10_000_003, pattern=b"abc\n", tail=b"END")
    whole = b"".join(log.iter_range(0, log.size, 4096))
    assert len(whole) == log.size and whole.endswith(b"abc\nEND") and whole.startswith(b"abc\nabc\n")
    assert b"".join(log.iter_range(9_999_998, log.size, 3)) == b"\nabc\nEND"[-5:]
    pieces = CallableLog(10, lambda: iter([b"0123", b"4567", b"89"]))
    assert b"".join(pieces.iter_range(3, 9, 100)) == b"345678"


def test_demo_seed_has_real_logs() -> None:
    fake = FakeBuildkite()
    build = seed_demo(fake)
    failed = [j for j in build["jobs"] if j.get("state") == "failed" and not j.get("retried")]
    assert len(failed) == 3 and all(fake.logs[j["id"]].size > 1000 for j in failed)


# --------------------------------------------------------------------------- on a real port


@pytest.mark.slow
async def test_on_a_port_a_log_streams_and_a_cut_body_is_an_interruption() -> None:
    fake = FakeBuildkite()
    fake.add_build("acme", "widgets", make_build("acme", "widgets", 1, jobs=[script_job("t", job_id=JOB)]))
    fake.set_log(JOB, GeneratedLog(5_000_000, tail=b"THE END\n"))
    ref = BuildRef(org="acme", pipeline="widgets", number=1)
    with serve_in_thread(fake) as url:
        async with httpx.AsyncClient() as http:
            client = BuildkiteClient(http, DEFAULT_TOKEN, base_url=url + "/v2", budget=RequestBudget(100))
            async with client.stream_log(ref, JOB) as log:
                n = 0
                async for chunk in log:
                    n += len(chunk)
            assert n == 5_000_000 and chunk.endswith(b"THE END\n")

            for fault in (Fault.truncate(1_000_000), Fault.drop(1_000_000)):
                fake.inject(fault)
                got = 0
                with pytest.raises(LogInterrupted):
                    async with client.stream_log(ref, JOB) as log:
                        async for chunk in log:
                            got += len(chunk)
                assert 0 < got <= 1_000_000


@pytest.mark.slow
def test_runs_as_a_command_with_a_demo_build() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "tests.fake_buildkite", "--help"], capture_output=True, text=True, check=True
    )
    assert "--demo" in out.stdout and "--latency-ms" in out.stdout
