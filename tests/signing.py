"""Signed Buildkite webhooks for tests and benchmarks: payloads like Buildkite's, signed like Buildkite.

body = payload_bytes(build_finished(org="acme", pipeline="widgets", number=7))
headers = signed_headers(body, SECRET)              # X-Buildkite-Signature, now
headers = token_headers(SECRET)                     # token mode
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from starlette.applications import Starlette

from core.store import JobStore
from webhook.runtime import JobHandler
from webhook.settings import Settings, load_settings

SECRET = "test-webhook-secret-0123456789abcdef"

_NS = uuid.UUID("6f1c8a52-4b7e-4c38-9a51-0d3b1f2e7c90")


def sign(body: bytes, secret: str, timestamp: int) -> str:
    """The `X-Buildkite-Signature` value for `body`."""
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"timestamp={timestamp},signature={mac}"


def signed_headers(
    body: bytes,
    secret: str = SECRET,
    *,
    timestamp: int | None = None,
    event: str | None = "build.finished",
    content_type: str = "application/json",
) -> dict[str, str]:
    ts = int(time.time()) if timestamp is None else timestamp
    headers = {"Content-Type": content_type, "X-Buildkite-Signature": sign(body, secret, ts)}
    if event is not None:
        headers["X-Buildkite-Event"] = event
    return headers


def token_headers(secret: str = SECRET, *, event: str | None = "build.finished") -> dict[str, str]:
    headers = {"Content-Type": "application/json", "X-Buildkite-Token": secret}
    if event is not None:
        headers["X-Buildkite-Event"] = event
    return headers


def build_id(org: str, pipeline: str, number: int) -> str:
    """A stable build UUID per build, so repeated payloads for one build agree."""
    return str(uuid.uuid5(_NS, f"{org}/{pipeline}/{number}"))


def build_finished(
    org: str = "acme",
    pipeline: str = "widgets",
    number: int = 1,
    *,
    state: str = "failed",
    finished_at: str = "2026-11-26T10:03:05.000Z",
    branch: str = "main",
    steps: int = 0,
    event: str = "build.finished",
) -> dict[str, Any]:
    """A `build.finished` payload shaped like /work/shared/data/webhooks/build_finished.json.

    `steps` adds pipeline steps and configuration the way real payloads carry them, ~250 bytes
    each: use it to make realistic 3-6 KB bodies.
    """
    api = f"https://api.buildkite.com/v2/organizations/{org}/pipelines/{pipeline}"
    web = f"https://buildkite.com/{org}/{pipeline}"
    payload: dict[str, Any] = {
        "event": event,
        "build": {
            "id": build_id(org, pipeline, number),
            "graphql_id": "QnVpbGQtLS0" + build_id(org, pipeline, number)[:12],
            "url": f"{api}/builds/{number}",
            "web_url": f"{web}/builds/{number}",
            "number": number,
            "state": state,
            "cancel_reason": None,
            "blocked": False,
            "message": f"Build {number} of {pipeline}",
            "commit": hashlib.sha1(f"{org}/{pipeline}/{number}".encode()).hexdigest(),
            "branch": branch,
            "tag": None,
            "env": {},
            "source": "webhook",
            "author": {"name": "Dev", "email": "dev@example.com"},
            "creator": {
                "id": "9675d921-d860-4cbb-a4eb-37d4ee31fbe0",
                "name": "Dev",
                "email": "dev@example.com",
                "avatar_url": "https://www.gravatar.com/avatar/0",
                "created_at": "2020-01-01T00:00:00.000Z",
            },
            "created_at": "2026-11-26T10:00:00.000Z",
            "scheduled_at": "2026-11-26T10:00:00.000Z",
            "started_at": "2026-11-26T10:00:01.000Z",
            "finished_at": finished_at,
            "meta_data": {"buildkite:git:commit": "commit " + "0" * 40},
            "pull_request": None,
            "rebuilt_from": None,
        },
        "pipeline": {
            "id": str(uuid.uuid5(_NS, f"{org}/{pipeline}")),
            "url": api,
            "web_url": web,
            "name": pipeline.title(),
            "slug": pipeline,
            "repository": f"git@github.com:{org}/{pipeline}.git",
            "default_branch": "main",
        },
        "sender": {"id": "2277eb3b-0f18-4c2f-aab4-02f1b032a03b", "name": "Dev"},
    }
    if steps:
        payload["pipeline"]["steps"] = [
            {
                "type": "script",
                "name": f":pytest: tests shard {i}",
                "command": f"bin/ci --shard {i} --junit-xml=reports/shard-{i}.xml -- tests/",
                "agent_query_rules": ["queue=default", "os=linux"],
                "artifact_paths": f"reports/shard-{i}.xml",
                "branch_configuration": None,
                "env": {"PYTHONHASHSEED": "0"},
                "timeout_in_minutes": 30,
            }
            for i in range(steps)
        ]
        payload["pipeline"]["configuration"] = "steps:\n" + "".join(
            f"  - label: ':pytest: tests shard {i}'\n    command: bin/ci --shard {i}\n" for i in range(steps)
        )
    return payload


def payload_bytes(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, separators=(",", ":")).encode()


# -- an app to send them to -------------------------------------------------------------------

NOW = 1_800_000_000  # the fixed clock of `running_app`; sign with timestamp=NOW
REPLAY_TOKEN = "test-replay-token-0123456789"


def settings_for(database: Path, **overrides: str) -> Settings:
    """Settings for tests: a real SQLite file, test secrets, nothing from os.environ."""
    env = {
        "BUILDKITE_API_TOKEN": "bkua_test_token",
        "BUILDKITE_WEBHOOK_SECRET": SECRET,
        "DATABASE_URL": f"sqlite:///{database}",
        "DESTILL_REPLAY_TOKEN": REPLAY_TOKEN,
        **overrides,
    }
    return load_settings("serve", {k: v for k, v in env.items() if v is not None})


@dataclass
class RunningApp:
    app: Starlette
    store: JobStore
    client: httpx.AsyncClient

    async def deliver(self, payload: dict[str, Any], *, event: str = "build.finished") -> httpx.Response:
        body = payload_bytes(payload)
        return await self.client.post(
            "/webhooks/buildkite", content=body, headers=signed_headers(body, timestamp=NOW, event=event)
        )

    async def jobs(self) -> int:
        stats = await self.store.stats()
        return sum(stats.by_state.values())


@asynccontextmanager
async def running_app(
    settings: Settings,
    *,
    handler: JobHandler | None = None,
    store: JobStore | None = None,
    clock: Callable[[], float] = lambda: NOW,
    **kwargs: Any,
) -> AsyncIterator[RunningApp]:
    """`create_app` on a real SQLite store, lifespan running, an httpx client through ASGITransport."""
    from core.stores import open_store
    from webhook.app import create_app

    store = store or open_store(settings.database_url)
    app = create_app(settings, store=store, handler=handler, clock=clock, **kwargs)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://destill.test") as client,
    ):
        yield RunningApp(app, store, client)


# -- from a shell: send what Buildkite would send -----------------------------------------------


def main(argv: list[str] | None = None) -> int:
    """`python -m tests.signing ORG PIPELINE NUMBER [--url U] [--secret S] [--state failed]`:
    POST a signed `build.finished` to destill, the way Buildkite does, and print the answer."""
    import argparse
    import os

    p = argparse.ArgumentParser(prog="python -m tests.signing", description=main.__doc__)
    p.add_argument("org")
    p.add_argument("pipeline")
    p.add_argument("number", type=int)
    p.add_argument("--url", default="http://127.0.0.1:8000/webhooks/buildkite")
    p.add_argument("--secret", default=os.environ.get("BUILDKITE_WEBHOOK_SECRET", SECRET))
    p.add_argument("--state", default="failed")
    args = p.parse_args(argv)
    body = payload_bytes(build_finished(args.org, args.pipeline, args.number, state=args.state))
    r = httpx.post(args.url, content=body, headers=signed_headers(body, args.secret), timeout=10)
    print(r.status_code, r.text)
    return 0 if r.is_success else 1


if __name__ == "__main__":
    raise SystemExit(main())
