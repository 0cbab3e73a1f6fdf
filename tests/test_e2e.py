"""The reliability suite: a real `destill serve` and the fake Buildkite, both on ports.

Signed webhooks in, annotations out; duplicates, replays, SIGKILL mid-stream, and a Buildkite that
misbehaves. Every test here starts real processes (`slow`), and each takes seconds.
"""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.fake_buildkite import (
    DEFAULT_TOKEN,
    FIXTURES,
    FakeBuildkite,
    Fault,
    make_build,
    script_job,
    serve_in_thread,
)
from tests.procs import Destill
from tests.signing import REPLAY_TOKEN, SECRET, build_finished, payload_bytes, signed_headers

pytestmark = pytest.mark.slow

ORG, PIPELINE = "acme", "widgets"
LOGS = [
    (FIXTURES / f"{name}.log").read_bytes()
    for name in ("pytest-three-failures", "gcc-undefined-reference", "cargo-test-panic")
]
FAILED_PER_BUILD = 2


def seed(fake: FakeBuildkite, numbers: range) -> None:
    """Failing builds: one passing job and FAILED_PER_BUILD failed jobs with real logs each."""
    for n in numbers:
        failed = [
            script_job(f":hammer: step {i}", state="failed", step_key=f"step-{i}", exit_status=1)
            for i in range(FAILED_PER_BUILD)
        ]
        jobs = [script_job(":broom: lint", state="passed", step_key="lint"), *failed]
        fake.add_build(ORG, PIPELINE, make_build(ORG, PIPELINE, n, jobs=jobs))
        for i, job in enumerate(failed):
            fake.set_log(job["id"], LOGS[(n + i) % len(LOGS)])


def build_requests(fake: FakeBuildkite, number: int) -> list[tuple[str, str]]:
    prefix = f"/v2/organizations/{ORG}/pipelines/{PIPELINE}/builds/{number}"
    return [
        (r.method, r.path) for r in list(fake.requests) if r.path == prefix or r.path.startswith(prefix + "/")
    ]


def annotated(fake: FakeBuildkite, numbers: range) -> set[int]:
    return {n for n in numbers if fake.annotation(ORG, PIPELINE, n) is not None}


def wait_for(predicate: Callable[[], bool], timeout: float, what: str, server: Destill) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        server.check_alive()
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}\n{server.tail()}")


@dataclass
class Stack:
    fake: FakeBuildkite
    server: Destill

    def deliver(self, number: int, *, state: str = "failed", finished_at: str | None = None) -> int:
        payload = build_finished(ORG, PIPELINE, number, state=state)
        if finished_at:
            payload["build"]["finished_at"] = finished_at
        body = payload_bytes(payload)
        r = httpx.post(
            f"{self.server.url}/webhooks/buildkite", content=body, headers=signed_headers(body), timeout=10
        )
        return r.status_code

    def metrics(self) -> str:
        return httpx.get(f"{self.server.url}/metrics", timeout=10).text


@pytest.fixture
def stack(tmp_path: Path) -> Iterator[Stack]:
    fake = FakeBuildkite(org_limit=1_000_000, user_limit=1_000_000)
    with serve_in_thread(fake) as url:
        server = Destill(
            "serve",
            {
                "BUILDKITE_API_URL": url,
                "BUILDKITE_API_TOKEN": DEFAULT_TOKEN,
                "BUILDKITE_WEBHOOK_SECRET": SECRET,
                "DESTILL_REPLAY_TOKEN": REPLAY_TOKEN,
                "DATABASE_URL": f"sqlite:///{tmp_path / 'destill.db'}",
                "DESTILL_WORKERS": "4",
                "DESTILL_API_BUDGET": "100000",
                "DESTILL_LEASE_SECONDS": "2",
                "DESTILL_SHUTDOWN_GRACE": "5",
            },
            tmp_path / "serve.log",
        )
        server.start()
        try:
            yield Stack(fake, server)
        finally:
            server.stop()


def test_webhooks_in_annotations_out_duplicates_and_replays(stack: Stack) -> None:
    fake, numbers = stack.fake, range(1, 6)
    seed(fake, numbers)
    assert [stack.deliver(n) for n in numbers] == [202] * 5
    wait_for(lambda: annotated(fake, numbers) == set(numbers), 30, "5 annotations", stack.server)

    for n in numbers:  # exactly: the build, each failed job's log, one annotation
        calls = build_requests(fake, n)
        assert sorted(m for m, _ in calls) == ["GET"] * (1 + FAILED_PER_BUILD) + ["POST"], calls
        body = fake.annotation_body(ORG, PIPELINE, n) or ""
        assert "2 jobs failed" in body

    # Redelivery: acknowledged, no new work, no API call.
    before = len(fake.requests)
    assert [stack.deliver(n) for n in numbers] == [200] * 5
    time.sleep(1.5)
    assert len(fake.requests) == before

    # A passed build we never triaged costs nothing.
    assert stack.deliver(77, state="passed") == 202
    time.sleep(1.5)
    assert build_requests(fake, 77) == []

    # A replay re-triages and replaces: two POSTs, one annotation.
    r = httpx.post(
        f"{stack.server.url}/replay",
        json={"build_url": f"https://buildkite.com/{ORG}/{PIPELINE}/builds/1"},
        headers={"Authorization": f"Bearer {REPLAY_TOKEN}"},
    )
    assert r.status_code == 202
    wait_for(
        lambda: [m for m, p in build_requests(fake, 1) if p.endswith("/annotations")] == ["POST", "POST"],
        30,
        "the replay's annotation",
        stack.server,
    )
    assert len([k for k in fake.annotations if k[:3] == (ORG, PIPELINE, 1)]) == 1

    triage = httpx.get(f"{stack.server.url}/builds/{ORG}/{PIPELINE}/1").json()
    assert triage["build"]["number"] == 1 and len(triage["jobs"]) == FAILED_PER_BUILD
    # The schema of DESIGN.md, in its order, whatever the store did to the keys.
    assert list(triage)[:2] == ["build", "jobs"]
    assert list(triage["build"]) == ["org", "pipeline", "number", "url", "state"]
    assert list(triage["jobs"][0])[:6] == ["job_id", "name", "step_key", "state", "exit_status", "cards"]
    assert httpx.get(f"{stack.server.url}/builds/{ORG}/{PIPELINE}/404").status_code == 404


def test_sigkill_while_200_deliveries_stream_in_loses_nothing(stack: Stack) -> None:
    fake, numbers = stack.fake, range(1, 201)
    seed(fake, numbers)
    outcomes: dict[int, int | None] = {}
    killed = threading.Event()

    def send(n: int) -> None:
        try:
            outcomes[n] = stack.deliver(n)
        except httpx.TransportError:
            outcomes[n] = None  # not accepted: the sender must try again
        if len(outcomes) == 80 and not killed.is_set():
            killed.set()
            stack.server.kill()

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(send, numbers))
    assert killed.is_set()
    accepted_before = {n for n, code in outcomes.items() if code == 202}
    assert accepted_before, "some deliveries were accepted before the kill"

    stack.server.start()
    # Buildkite does not redeliver; a sender that got no answer does (our reconciler's job).
    for n in sorted(n for n, code in outcomes.items() if code != 202):
        assert stack.deliver(n) in (200, 202)
    wait_for(lambda: annotated(fake, numbers) == set(numbers), 120, "200 annotations", stack.server)

    # Exactly one annotation per build, and the accepted ones were not triaged twice over.
    per_build = Counter(k[:3] for k in fake.annotations)
    assert set(per_build.values()) == {1} and len(per_build) == 200
    posts = Counter(int(r.path.split("/")[-2]) for r in list(fake.requests) if r.method == "POST")
    # A job killed mid-flight may post again after its lease expires; never more than that.
    assert max(posts.values()) <= 2
    assert sum(1 for n in numbers if posts[n] == 2) <= 4 * 2  # at most the in-flight ones


def test_buildkite_misbehaving_every_build_annotated_or_parked_with_reason(stack: Stack) -> None:
    fake, numbers = stack.fake, range(1, 21)
    seed(fake, numbers)
    fake.inject(Fault.server_error(502), times=6)
    fake.inject(Fault.server_error(503, matches="/log"), times=6)
    fake.inject(Fault.rate_limit(reset=1), times=6)
    fake.inject(Fault.drop(after_bytes=100, matches="/log"), times=4)
    fake.inject(Fault.truncate(after_bytes=300, matches="/log"), times=4)
    fake.inject(Fault.latency(0.5), times=10)
    assert [stack.deliver(n) for n in numbers] == [202] * 20
    wait_for(lambda: annotated(fake, numbers) == set(numbers), 120, "20 annotations", stack.server)
    assert not fake.faults, "every scripted fault was hit"
    for n in numbers:
        body = fake.annotation_body(ORG, PIPELINE, n) or ""
        assert "2 jobs failed" in body, body[:300]

    # Work that cannot succeed ends parked as dead, with its reason, visible in /metrics and logs.
    assert stack.deliver(404) == 202  # no such build
    wait_for(lambda: 'destill_jobs{state="dead"} 1.0' in stack.metrics(), 30, "one dead job", stack.server)
    fake.tokens.clear()  # the token is revoked
    assert stack.deliver(1, finished_at="2026-11-26T12:00:00.000Z") == 202
    wait_for(lambda: 'destill_jobs{state="dead"} 2.0' in stack.metrics(), 30, "two dead jobs", stack.server)
    lines = [json.loads(line) for line in stack.server.tail(1_000_000).splitlines() if line.startswith('{"')]
    reasons = [line["msg"] for line in lines if line.get("msg", "").startswith("dead: ")]
    assert any("No build found" in r or "not found" in r for r in reasons), reasons
    assert any("BUILDKITE_API_TOKEN" in r for r in reasons), reasons
    assert DEFAULT_TOKEN not in stack.server.tail(1_000_000)
