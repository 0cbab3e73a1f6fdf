"""core.triage: the whole path from a queued request to one posted annotation, against the fake
Buildkite in-process and a real SQLite store."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from core.budget import RequestBudget
from core.buildkite import BuildkiteClient
from core.errors import PermanentFailure, RetryLater
from core.models import TriageRequest
from core.rules import RuleSet, load_rules
from core.sqlite_store import SQLiteStore
from core.triage import Outcome, TriageOptions, run, triage_build
from tests.fake_buildkite import (
    DEFAULT_TOKEN,
    FAKE_URL,
    FIXTURES,
    FakeBuildkite,
    Fault,
    create_app,
    make_build,
    retried_job,
    script_job,
    trigger_job,
    waiter_job,
)

ORG, PIPELINE = "acme", "widgets"
PYTEST_LOG = (FIXTURES / "pytest-three-failures.log").read_bytes()
GCC_LOG = (FIXTURES / "gcc-undefined-reference.log").read_bytes()


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules()


@dataclass
class World:
    fake: FakeBuildkite
    client: BuildkiteClient
    store: SQLiteStore
    rules: RuleSet

    def failing_build(self, number: int, *, state: str = "failed") -> dict[str, object]:
        tests = script_job(":pytest: tests", state="failed", step_key="tests", exit_status=1)
        native = script_job(":gcc: native", state="failed", step_key="native", exit_status=1)
        jobs = [
            script_job(":broom: lint", state="passed", step_key="lint"),
            waiter_job(),
            tests,
            native,
            *retried_job(":test_tube: integration", step_key="integration"),
            trigger_job(":rocket: deploy", triggered=(ORG, "deploy", 9)),
        ]
        build = self.fake.add_build(ORG, PIPELINE, make_build(ORG, PIPELINE, number, jobs=jobs, state=state))
        self.fake.set_log(str(tests["id"]), PYTEST_LOG)
        self.fake.set_log(str(native["id"]), GCC_LOG)
        return build

    async def run(self, number: int, **request: object) -> Outcome:
        req = TriageRequest.model_validate({"org": ORG, "pipeline": PIPELINE, "number": number, **request})
        return await run(req, client=self.client, store=self.store, rules=self.rules)

    def calls(self) -> list[tuple[str, str]]:
        return [(r.method, r.path) for r in self.fake.requests]


@pytest.fixture
async def world(tmp_path: Path, rules: RuleSet) -> AsyncIterator[World]:
    fake = FakeBuildkite()
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=create_app(fake)), base_url=FAKE_URL
    ) as http:
        slept: list[float] = []

        async def sleep(seconds: float) -> None:
            slept.append(seconds)

        client = BuildkiteClient(
            http, DEFAULT_TOKEN, base_url=FAKE_URL, budget=RequestBudget(10_000), sleep=sleep
        )
        store = SQLiteStore(tmp_path / "jobs.db")
        await store.setup()
        try:
            yield World(fake, client, store, rules)
        finally:
            await store.close()


async def test_a_failed_build_gets_one_annotation_from_the_minimum_of_requests(world: World) -> None:
    world.failing_build(1)
    assert await world.run(1) == Outcome.ANNOTATED

    calls = world.calls()
    assert calls[0] == ("GET", f"/v2/organizations/{ORG}/pipelines/{PIPELINE}/builds/1")
    assert sorted(m for m, p in calls if "/log" in p) == ["GET", "GET"]  # the two failed jobs only
    assert [m for m, p in calls if p.endswith("/annotations")] == ["POST"]
    assert len(calls) == 4

    annotation = world.fake.annotation(ORG, PIPELINE, 1)
    assert annotation is not None and annotation["style"] == "error"
    body = world.fake.annotation_body(ORG, PIPELINE, 1)
    assert body is not None
    for shown in ("test_parse_negative", "undefined reference to", "integration", "deploy/builds/9"):
        assert shown in body, shown

    saved = await world.store.latest_triage(f"{ORG}/{PIPELINE}/1")
    assert saved is not None
    assert saved["build"]["state"] == "failed"
    names = [job["name"] for job in saved["jobs"]]
    assert ":pytest: tests" in names and ":gcc: native" in names
    pytest_job = next(j for j in saved["jobs"] if j["name"] == ":pytest: tests")
    assert pytest_job["cards"] and pytest_job["cards"][0]["category"] == "test"


async def test_a_passed_build_never_triaged_costs_no_api_call(world: World) -> None:
    assert await world.run(5, state="passed") == Outcome.SKIPPED
    assert world.fake.requests == []


async def test_a_build_that_passes_after_a_retry_gets_our_annotation_replaced(world: World) -> None:
    world.failing_build(2)
    await world.run(2)
    # The failed jobs were retried and passed: Buildkite finishes the build again.
    passed = make_build(
        ORG, PIPELINE, 2, state="passed", jobs=retried_job(":pytest: tests", step_key="tests")
    )
    world.fake.add_build(ORG, PIPELINE, passed)
    assert await world.run(2, state="passed", finished_at="2026-11-26T11:00:00Z") == Outcome.PASSED_NOTE

    annotation = world.fake.annotation(ORG, PIPELINE, 2)
    assert annotation is not None and annotation["style"] == "success"
    body = world.fake.annotation_body(ORG, PIPELINE, 2) or ""
    assert "pytest: tests" in body and "test_parse_negative" not in body
    assert await world.store.triage_count(f"{ORG}/{PIPELINE}/2") == 2


async def test_a_replay_replaces_the_annotation(world: World) -> None:
    world.failing_build(3)
    await world.run(3)
    await world.run(3, forced=True, source="replay")
    posts = [r for r in world.fake.requests if r.method == "POST"]
    assert len(posts) == 2
    annotations = [key for key in world.fake.annotations if key[:3] == (ORG, PIPELINE, 3)]
    assert len(annotations) == 1


async def test_a_build_still_running_in_the_api_is_retried_later(world: World) -> None:
    job = script_job(":pytest: tests", state="running")
    world.fake.add_build(ORG, PIPELINE, make_build(ORG, PIPELINE, 4, jobs=[job], state="running"))
    with pytest.raises(RetryLater):
        await world.run(4)
    assert world.fake.count("POST") == 0
    # A ghost build that never settles ends as a failure, not an endless loop.
    req = TriageRequest(org=ORG, pipeline=PIPELINE, number=4)
    with pytest.raises(PermanentFailure, match="still unfinished"):
        await run(
            req,
            client=world.client,
            store=world.store,
            rules=world.rules,
            options=TriageOptions(settle_limit=60),
            age=3600,
        )


async def test_a_missing_build_is_a_permanent_failure(world: World) -> None:
    with pytest.raises(PermanentFailure, match=r"(?i)not found|no build"):
        await world.run(404)


async def test_a_revoked_token_is_a_permanent_failure_naming_the_fix(world: World) -> None:
    world.failing_build(6)
    world.fake.tokens.clear()
    with pytest.raises(PermanentFailure, match="BUILDKITE_API_TOKEN"):
        await world.run(6)


async def test_a_deleted_log_is_noted_and_the_rest_still_posted(world: World) -> None:
    build = world.failing_build(7)
    native = next(j for j in build["jobs"] if j.get("name") == ":gcc: native")  # type: ignore[union-attr]
    world.fake.inject(Fault.server_error(404, matches=f"jobs/{native['id']}/log"))
    assert await world.run(7) == Outcome.ANNOTATED
    saved = await world.store.latest_triage(f"{ORG}/{PIPELINE}/7")
    assert saved is not None
    job = next(j for j in saved["jobs"] if j["name"] == ":gcc: native")
    assert any("could not be read" in note for note in job["notes"])


async def test_server_errors_are_retried_inside_one_triage(world: World) -> None:
    world.failing_build(8)
    world.fake.inject(Fault.server_error(502), times=3)
    assert await world.run(8) == Outcome.ANNOTATED
    assert world.fake.annotation(ORG, PIPELINE, 8) is not None


async def test_a_log_cut_short_is_read_again(world: World) -> None:
    world.failing_build(9)
    world.fake.inject(Fault.truncate(200, matches="/log"), times=1)
    report = await triage_build(
        world.client, TriageRequest(org=ORG, pipeline=PIPELINE, number=9).ref, world.rules
    )
    tests = next(j for j in report.jobs if j.name == ":pytest: tests")
    assert tests.cards and "test_parse" in " ".join(c.title for c in tests.cards)


async def test_a_huge_log_is_read_from_its_tail_and_says_so(world: World) -> None:
    from core.annotation import render
    from tests.fake_buildkite import GeneratedLog

    job = script_job(":pytest: tests", state="failed", step_key="tests", exit_status=1)
    world.fake.add_build(ORG, PIPELINE, make_build(ORG, PIPELINE, 10, jobs=[job]))
    world.fake.set_log(job["id"], GeneratedLog(5 * 1024 * 1024, tail=PYTEST_LOG))
    ref = TriageRequest(org=ORG, pipeline=PIPELINE, number=10).ref
    report = await triage_build(world.client, ref, world.rules, TriageOptions(tail_bytes=256 * 1024))

    [triaged] = report.jobs
    assert triaged.lines_from_tail
    assert any("last" in note for note in triaged.notes)
    assert "test_parse_negative" in " ".join(c.title for c in triaged.cards)
    body = render(report)
    assert f"#{job['id']}/" not in body  # no line anchor that would point at the wrong lines
    assert f"#{job['id']}" in body
    log_gets = [r for r in world.fake.requests if "/log" in r.path]
    assert len(log_gets) == 1 and log_gets[0].headers.get("range") == "bytes=-262144"


async def test_the_same_failure_in_earlier_builds_is_seen_before_and_flaky_when_it_passed(
    world: World,
) -> None:
    world.failing_build(20)
    await world.run(20)
    # Build 20's failures went away on retry: its latest triage is a pass.
    passed = make_build(
        ORG, PIPELINE, 20, state="passed", jobs=retried_job(":pytest: tests", step_key="tests")
    )
    world.fake.add_build(ORG, PIPELINE, passed)
    await world.run(20, state="passed", finished_at="2026-11-26T11:00:00Z")
    world.failing_build(21)
    await world.run(21)
    world.failing_build(22)
    await world.run(22)

    saved = await world.store.latest_triage(f"{ORG}/{PIPELINE}/22")
    assert saved is not None
    pytest_card = next(j for j in saved["jobs"] if j["name"] == ":pytest: tests")["cards"][0]
    history = saved["history"][pytest_card["fingerprint"]]
    assert history["seen_in"] == [21, 20] and history["passed_on_retry_in"] == [20]
    body = world.fake.annotation_body(ORG, PIPELINE, 22) or ""
    assert "Seen before" in body and "looks flaky" in body
    assert f"https://buildkite.com/{ORG}/{PIPELINE}/builds/21" in body
    first = world.fake.annotation_body(ORG, PIPELINE, 21) or ""
    assert "Seen before" in first  # 21 saw 20
