"""Property-based fuzz of POST /webhooks/buildkite: generated headers and bodies, signed and not.

Properties: never a 5xx; nothing is queued without valid auth; every queued job is one that a
202 announced.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.models import SLUG
from tests.signing import NOW, SECRET, build_finished, running_app, settings_for, sign

MAX_BODY = 8192
EXAMPLES = 2000  # issue 6 asks for at least 2,000 hostile requests
VALID_MODES = ("signature", "token")
MODES = (
    *VALID_MODES,
    "wrong-secret",
    "stale",
    "future",
    "garbage",
    "none",
    "token-wrong",
    "both-bad-signature",
)

printable = st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=80)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
BUILD_FIELDS = ("id", "number", "url", "web_url", "state", "finished_at", "branch", "commit")


@st.composite
def payloads(draw: st.DrawFn) -> bytes:
    kind = draw(st.sampled_from(["build", "build", "mutated", "json", "bytes", "truncated"]))
    if kind == "bytes":
        return draw(st.binary(max_size=300))
    if kind == "json":
        return json.dumps(draw(json_values)).encode()
    org = draw(st.from_regex(rf"\A{SLUG}\Z").filter(lambda s: len(s) < 30))
    pipeline = draw(st.sampled_from(["widgets", "web", "a", "x-y_z"]))
    number = draw(st.integers(min_value=1, max_value=10**6) | st.integers())
    offsets = st.builds(
        timezone, st.timedeltas(min_value=timedelta(hours=-23), max_value=timedelta(hours=23))
    )
    finished = draw(
        st.sampled_from(["2026-11-26T10:03:05.000Z", "2018-07-01 20:14:38 UTC", "soon", ""])
        | st.datetimes(timezones=offsets).map(datetime.isoformat)
        | printable
    )
    p: dict[str, Any] = build_finished(org, pipeline, number if number != 0 else 1, finished_at=finished)
    if kind in ("mutated", "truncated"):
        field = draw(st.sampled_from(BUILD_FIELDS))
        if draw(st.booleans()):
            p["build"].pop(field, None)
        else:
            p["build"][field] = draw(json_values)
    body = json.dumps(p).encode()
    if kind == "truncated":
        body = body[: draw(st.integers(min_value=0, max_value=len(body)))]
    return body


@dataclass(frozen=True)
class Case:
    body: bytes
    mode: str
    content_type: str | None
    event: str | None
    pad: int


cases = st.builds(
    Case,
    body=payloads(),
    mode=st.sampled_from(MODES),
    content_type=st.sampled_from(["application/json", "application/json; charset=utf-8", "text/plain", None])
    | printable,
    event=st.sampled_from(["build.finished", "ping", "build.running", None]) | printable,
    pad=st.sampled_from([0, 0, 0, MAX_BODY]),
)


def headers_for(case: Case, body: bytes) -> dict[str, str]:
    h: dict[str, str] = {}
    if case.content_type is not None:
        h["Content-Type"] = case.content_type
    if case.event is not None:
        h["X-Buildkite-Event"] = case.event
    match case.mode:
        case "signature":
            h["X-Buildkite-Signature"] = sign(body, SECRET, NOW)
        case "token":
            h["X-Buildkite-Token"] = SECRET
        case "wrong-secret":
            h["X-Buildkite-Signature"] = sign(body, SECRET + "x", NOW)
        case "stale":
            h["X-Buildkite-Signature"] = sign(body, SECRET, NOW - 301)
        case "future":
            h["X-Buildkite-Signature"] = sign(body, SECRET, NOW + 301)
        case "garbage":
            h["X-Buildkite-Signature"] = "timestamp=x,signature=" + body[:20].hex()
        case "token-wrong":
            h["X-Buildkite-Token"] = SECRET[:-1]
        case "both-bad-signature":
            h["X-Buildkite-Token"] = SECRET
            h["X-Buildkite-Signature"] = sign(body + b"x", SECRET, NOW)
    return h


def test_fuzz_the_webhook_endpoint(tmp_path: Path) -> None:
    loop = asyncio.new_event_loop()
    accepted: set[int] = set()
    seen_modes: set[str] = set()
    statuses: set[int] = set()
    context = running_app(settings_for(tmp_path / "fuzz.db", DESTILL_MAX_BODY=str(MAX_BODY)))
    try:
        app = loop.run_until_complete(context.__aenter__())

        async def send(case: Case) -> httpx.Response:
            body = case.body + b" " * case.pad
            return await app.client.post("/webhooks/buildkite", content=body, headers=headers_for(case, body))

        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        )
        @given(case=cases)
        def check(case: Case) -> None:
            r = loop.run_until_complete(send(case))
            seen_modes.add(case.mode)
            statuses.add(r.status_code)
            assert r.status_code < 500, (r.status_code, r.text)
            assert r.headers["content-type"].startswith("application/json")
            if len(case.body) + case.pad > MAX_BODY:
                assert r.status_code == 413
            elif case.mode not in VALID_MODES:
                assert r.status_code == 401
            if r.status_code == 202:
                assert case.mode in VALID_MODES
                accepted.add(r.json()["job_id"])
            if r.status_code in (200, 202) and r.json().get("job_id") is not None:
                assert r.json()["job_id"] in accepted

        check()
        assert seen_modes == set(MODES)
        assert {202, 200, 400, 401, 413, 415} <= statuses
        assert loop.run_until_complete(app.jobs()) == len(accepted)
    finally:
        loop.run_until_complete(context.__aexit__(None, None, None))
        loop.close()
