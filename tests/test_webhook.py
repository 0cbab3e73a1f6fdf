"""POST /webhooks/buildkite and the operational endpoints, through the real app on a real SQLite store."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Mapping, MutableMapping
from pathlib import Path
from typing import Any

import pytest

from core.sqlite_store import SQLiteStore
from core.store import Enqueued, JobState
from tests.signing import (
    NOW,
    SECRET,
    RunningApp,
    build_finished,
    payload_bytes,
    running_app,
    settings_for,
    sign,
    signed_headers,
    token_headers,
)

URL = "/webhooks/buildkite"


@pytest.fixture
async def edge(tmp_path: Path) -> AsyncIterator[RunningApp]:
    async with running_app(settings_for(tmp_path / "jobs.db", DESTILL_MAX_BODY="65536")) as running:
        yield running


async def post(edge: RunningApp, body: bytes, headers: Mapping[str, str]) -> tuple[int, dict[str, Any]]:
    r = await edge.client.post(URL, content=body, headers=dict(headers))
    return r.status_code, r.json()


# -- accepted, duplicate, ignored ------------------------------------------------------------


async def test_build_finished_is_queued_and_committed(edge: RunningApp) -> None:
    r = await edge.deliver(build_finished("acme", "widgets", 42))
    assert r.status_code == 202
    assert r.json()["status"] == "accepted"
    assert r.json()["build"] == "https://buildkite.com/acme/widgets/builds/42"
    job = await edge.store.get(r.json()["job_id"])
    assert job is not None
    assert job.kind == "triage" and job.state == JobState.QUEUED
    assert (
        job.payload["org"] == "acme" and job.payload["pipeline"] == "widgets" and job.payload["number"] == 42
    )
    assert job.payload["finished_at"] == "2026-11-26T10:03:05.000Z"
    assert job.payload["forced"] is False


async def test_duplicate_delivery_is_200_and_adds_no_work(edge: RunningApp) -> None:
    first = await edge.deliver(build_finished(number=7))
    again = await edge.deliver(build_finished(number=7))
    assert (first.status_code, again.status_code) == (202, 200)
    assert again.json()["status"] == "duplicate"
    assert again.json()["job_id"] == first.json()["job_id"]
    assert await edge.jobs() == 1


async def test_the_same_build_finishing_again_is_new_work(edge: RunningApp) -> None:
    await edge.deliver(build_finished(number=7))
    r = await edge.deliver(build_finished(number=7, finished_at="2026-11-26T11:00:00.000Z"))
    assert r.status_code == 202
    assert await edge.jobs() == 2


async def test_token_mode_is_accepted(edge: RunningApp) -> None:
    assert (await post(edge, payload_bytes(build_finished()), token_headers(SECRET)))[0] == 202


async def test_ping_is_200(edge: RunningApp) -> None:
    body = b'{"event":"ping","organization":{"slug":"acme"}}'
    status, data = await post(edge, body, signed_headers(body, timestamp=NOW, event="ping"))
    assert (status, data["status"]) == (200, "pong")
    assert await edge.jobs() == 0


@pytest.mark.parametrize("event", ["build.running", "job.finished", "agent.lost"])
async def test_unhandled_events_are_200_and_ignored(edge: RunningApp, event: str) -> None:
    body = payload_bytes(build_finished(event=event))
    status, data = await post(edge, body, signed_headers(body, timestamp=NOW, event=event))
    assert (status, data) == (200, {"status": "ignored", "event": event})
    assert await edge.jobs() == 0


# -- refusals, in order: 413, 401, 415, 400 ----------------------------------------------------


async def test_413_from_content_length(edge: RunningApp) -> None:
    body = b"{" + b" " * 70000 + b"}"
    status, data = await post(edge, body, signed_headers(body, timestamp=NOW))
    assert status == 413 and "65536" in data["error"]


async def test_413_while_streaming_stops_reading(edge: RunningApp) -> None:
    sent = 0

    async def chunks() -> AsyncIterator[bytes]:
        nonlocal sent
        for _ in range(100):
            sent += 1
            yield b" " * 16384

    r = await edge.client.post(URL, content=chunks(), headers={"Content-Type": "application/json"})
    assert r.status_code == 413
    assert sent < 10  # 65536 bytes is 4 chunks: the rest was never read


async def test_413_comes_before_401(edge: RunningApp) -> None:
    assert (await post(edge, b"x" * 70000, {}))[0] == 413


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"X-Buildkite-Signature": sign(b"other body", SECRET, NOW)},
        {"X-Buildkite-Signature": "timestamp=1,signature=abc"},
        {"X-Buildkite-Token": "not-the-secret"},
    ],
    ids=["missing", "other-body", "malformed", "wrong-token"],
)
async def test_401_bad_or_missing_auth(edge: RunningApp, headers: dict[str, str]) -> None:
    body = payload_bytes(build_finished())
    status, data = await post(edge, body, {"Content-Type": "application/json", **headers})
    assert status == 401 and data["error"]
    assert await edge.jobs() == 0


async def test_401_wrong_secret_tampered_stale_future(edge: RunningApp) -> None:
    body = payload_bytes(build_finished())
    cases = {
        "wrong secret": signed_headers(body, "not-" + SECRET, timestamp=NOW),
        "tampered": signed_headers(body.replace(b'"failed"', b'"passed"'), timestamp=NOW),
        "stale": signed_headers(body, timestamp=NOW - 301),
        "future": signed_headers(body, timestamp=NOW + 301),
    }
    for name, headers in cases.items():
        assert (await post(edge, body, headers))[0] == 401, name
    assert (await post(edge, body, signed_headers(body, timestamp=NOW - 300)))[0] == 202
    assert await edge.jobs() == 1


async def test_rotation_through_the_app(tmp_path: Path) -> None:
    settings = settings_for(tmp_path / "jobs.db", BUILDKITE_WEBHOOK_SECRET="old-one, new-one")
    async with running_app(settings) as app:
        for i, secret in enumerate(["old-one", "new-one"], start=1):
            body = payload_bytes(build_finished(number=i))
            assert (await post(app, body, signed_headers(body, secret, timestamp=NOW)))[0] == 202
        body = payload_bytes(build_finished(number=3))
        assert (await post(app, body, signed_headers(body, SECRET, timestamp=NOW)))[0] == 401


async def test_415_not_json(edge: RunningApp) -> None:
    body = payload_bytes(build_finished())
    for ctype in ("text/plain", "application/x-www-form-urlencoded", ""):
        status, _ = await post(edge, body, signed_headers(body, timestamp=NOW, content_type=ctype))
        assert status == 415, ctype
    ok = signed_headers(body, timestamp=NOW, content_type="application/json; charset=utf-8")
    assert (await post(edge, body, ok))[0] == 202


async def test_401_comes_before_415(edge: RunningApp) -> None:
    assert (await post(edge, b"hello", {"Content-Type": "text/plain"}))[0] == 401


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"{not json", "not valid JSON"),
        (b"[1, 2]", "not a JSON object"),
        (b'{"event": "build.finished"}', "build"),
        (b'{"event": "build.finished", "build": {"id": "x", "number": 1}}', "no org slug"),
    ],
)
async def test_400_malformed_with_a_short_reason(edge: RunningApp, body: bytes, reason: str) -> None:
    status, data = await post(edge, body, signed_headers(body, timestamp=NOW))
    assert status == 400
    assert reason in data["error"] and len(data["error"]) <= 200
    assert await edge.jobs() == 0


async def test_store_failure_is_503_not_500(tmp_path: Path) -> None:
    class FullDisk(SQLiteStore):
        async def enqueue(self, *args: Any, **kwargs: Any) -> Enqueued:
            raise OSError("disk full")

    settings = settings_for(tmp_path / "jobs.db")
    async with running_app(settings, store=FullDisk(tmp_path / "jobs.db")) as app:
        r = await app.deliver(build_finished())
        assert r.status_code == 503 and r.headers["retry-after"]


async def test_other_methods_and_paths(edge: RunningApp) -> None:
    assert (await edge.client.get(URL)).status_code == 405
    assert (await edge.client.post("/webhooks/github")).status_code == 404
    # Past the fast path, the router still knows the endpoint: a trailing slash is redirected.
    r = await edge.client.post(URL + "/", content=b"{}")
    assert r.status_code == 307 and r.headers["location"].endswith(URL)


async def test_a_mounted_app_routes_deliveries_the_ordinary_way(tmp_path: Path) -> None:
    """Under a root path the fast path does not match; Starlette's router serves the delivery."""
    import httpx

    async with running_app(settings_for(tmp_path / "jobs.db")) as app:
        transport = httpx.ASGITransport(app=app.app, root_path="/destill")
        async with httpx.AsyncClient(transport=transport, base_url="http://destill.test") as client:
            body = payload_bytes(build_finished(number=4))
            r = await client.post("/destill" + URL, content=body, headers=signed_headers(body, timestamp=NOW))
        assert r.status_code == 202 and await app.jobs() == 1


async def test_a_bug_of_ours_is_a_json_500_that_echoes_nothing(tmp_path: Path) -> None:
    """The endpoint answers past Starlette's error middleware, so it catches its own bugs (here a
    broken clock, read while verifying): a 500 with a fixed message, counted, the request kept out."""
    import io
    import logging

    from webhook import logs

    def broken_clock() -> float:
        raise RuntimeError("clock gone")

    root = logging.getLogger()
    saved = root.handlers[:], root.level
    stream = io.StringIO()
    logs.configure(stream=stream)
    try:
        async with running_app(settings_for(tmp_path / "jobs.db"), clock=broken_clock) as app:
            r = await app.deliver(build_finished(number=5))
            metrics = (await app.client.get("/metrics")).text
            jobs = await app.jobs()
    finally:
        root.handlers[:], root.level = saved[0], saved[1]
    assert r.status_code == 500 and r.json() == {"error": "internal error"}
    assert 'destill_webhook_deliveries_total{outcome="error"} 1.0' in metrics and jobs == 0
    out = stream.getvalue()
    assert "delivery failed" in out and "RuntimeError: clock gone" in out
    assert SECRET not in out and "widgets" not in out


# -- operations --------------------------------------------------------------------------------


async def test_healthz_and_readyz(edge: RunningApp) -> None:
    assert (await edge.client.get("/healthz")).status_code == 200
    r = await edge.client.get("/readyz")
    assert (r.status_code, r.json()) == (200, {"ready": True})


async def test_readyz_503_when_draining(edge: RunningApp) -> None:
    edge.app.state.edge.draining = True
    r = await edge.client.get("/readyz")
    assert (r.status_code, r.json()["reason"]) == (503, "draining")


async def test_readyz_503_when_the_store_cannot_write(tmp_path: Path) -> None:
    class ReadOnly(SQLiteStore):
        async def check_writable(self) -> None:
            raise OSError("read-only file system")

    settings = settings_for(tmp_path / "jobs.db")
    async with running_app(settings, store=ReadOnly(tmp_path / "jobs.db")) as app:
        r = await app.client.get("/readyz")
        assert (r.status_code, r.json()["reason"]) == (503, "store not writable")


async def test_metrics(edge: RunningApp) -> None:
    await edge.deliver(build_finished(number=1))
    await edge.deliver(build_finished(number=1))
    await edge.deliver(build_finished(number=2))
    await post(edge, b"{}", {"Content-Type": "application/json"})
    r = await edge.client.get("/metrics")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/plain")
    text = r.text
    assert 'destill_webhook_deliveries_total{outcome="accepted"} 2.0' in text
    assert 'destill_webhook_deliveries_total{outcome="duplicate"} 1.0' in text
    assert 'destill_webhook_deliveries_total{outcome="refused_unauthorized"} 1.0' in text
    assert 'destill_jobs{state="queued"} 2.0' in text
    assert 'destill_jobs{state="done"} 0.0' in text
    assert "destill_oldest_queued_job_age_seconds" in text
    assert (
        "destill_job_duration_seconds_bucket" in text
        or "# TYPE destill_job_duration_seconds histogram" in text
    )


async def test_each_app_has_its_own_registry(tmp_path: Path) -> None:
    async with (
        running_app(settings_for(tmp_path / "a.db")) as a,
        running_app(settings_for(tmp_path / "b.db")) as b,
    ):
        await a.deliver(build_finished())
        text = (await b.client.get("/metrics")).text
        assert 'destill_webhook_deliveries_total{outcome="accepted"}' not in text


async def test_build_triage_endpoint(edge: RunningApp) -> None:
    assert (await edge.client.get("/builds/acme/widgets/1")).status_code == 404
    report = {"build": {"org": "acme", "pipeline": "widgets", "number": 1}, "jobs": []}
    await edge.store.save_triage("acme/widgets/1", report)
    r = await edge.client.get("/builds/acme/widgets/1")
    assert (r.status_code, r.json()) == (200, report)
    for path in ("/builds/ACME/widgets/1", "/builds/acme/widgets/0", "/builds/acme/widgets/x", "/builds/a/b"):
        assert (await edge.client.get(path)).status_code == 404, path


async def test_logs_never_carry_secrets_or_bodies(tmp_path: Path) -> None:
    import io
    import logging

    from webhook import logs

    root = logging.getLogger()
    saved = root.handlers[:], root.level
    stream = io.StringIO()
    logs.configure(stream=stream)
    try:
        async with running_app(settings_for(tmp_path / "jobs.db")) as app:
            body = payload_bytes(build_finished(number=9))
            headers = signed_headers(body, timestamp=NOW)
            await post(app, body, headers)
            await post(app, body, token_headers(SECRET))
            await post(app, body, {"X-Buildkite-Token": SECRET + "x", "Content-Type": "application/json"})
    finally:
        root.handlers[:], root.level = saved[0], saved[1]
    out = stream.getvalue()
    lines = [json.loads(line) for line in out.splitlines()]
    assert {"build": "acme/widgets/9", "outcome": "accepted"}.items() <= next(
        line for line in lines if line["msg"] == "delivery accepted"
    ).items()
    for secret in (SECRET, headers["X-Buildkite-Signature"].split("signature=")[1], "git@github.com", "Dev"):
        assert secret not in out


@pytest.mark.parametrize(
    ("declared", "want"),
    [("²", 202), ("9" * 5000, 413), ("-1", 202), ("abc", 202), (" 12 ", 202), ("70000", 413)],
)
async def test_odd_content_length_headers_never_500(edge: RunningApp, declared: str, want: int) -> None:
    body = payload_bytes(build_finished(number=11))
    headers = signed_headers(body, timestamp=NOW)
    scope_headers = [(k.lower().encode(), v.encode()) for k, v in headers.items()]
    scope_headers.append((b"content-length", declared.encode("latin-1")))
    # httpx would correct Content-Length itself: speak ASGI directly.
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": URL,
        "raw_path": URL.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": scope_headers,
        "client": ("127.0.0.1", 1),
        "server": ("destill.test", 80),
    }
    messages: list[dict[str, Any]] = []
    chunks = [{"type": "http.request", "body": body, "more_body": False}]

    async def receive() -> dict[str, Any]:
        return chunks.pop() if chunks else {"type": "http.disconnect"}

    async def send(message: MutableMapping[str, Any]) -> None:
        messages.append(dict(message))

    await edge.app(scope, receive, send)
    assert messages[0]["status"] == want
