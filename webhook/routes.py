"""The HTTP endpoints of DESIGN.md. Every refusal is a 4xx with a short reason; only our own
trouble (the store failing) is a 5xx, and never a 500 for something a client sent."""

from __future__ import annotations

import asyncio
import hmac
import logging
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import orjson
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse as _StarletteJSON
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from core.events import BuildFinished, Ignored, MalformedEvent, Ping, parse_event, parse_replay
from core.models import BuildRef, TriageReport, TriageRequest
from core.store import Job, JobStore
from webhook import logs
from webhook.metrics import Metrics
from webhook.runtime import Runtime
from webhook.settings import Settings
from webhook.verify import Unauthorized, verify

log = logging.getLogger("destill.http")

JOB_KIND = "triage"
REPLAY_MAX_BODY = 64 * 1024
READY_TIMEOUT = 2.0


@dataclass
class Edge:
    """What the endpoints share, kept on `app.state.edge`."""

    settings: Settings
    store: JobStore
    metrics: Metrics
    runtime: Runtime | None
    clock: Callable[[], float] = time.time
    draining: bool = False
    secrets: list[bytes] = field(default_factory=list)


class JSONResponse(_StarletteJSON):
    """Starlette's, rendered by orjson (its json.dumps with options builds an encoder per call)."""

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)


class _TooLarge(Exception):
    pass


def _edge(request: Request) -> Edge:
    edge: Edge = request.app.state.edge
    return edge


async def _read_body(receive: Receive, limit: int, declared: str | None) -> bytes:
    """The body, or _TooLarge as soon as it passes `limit` (the rest is never read). Reads the
    ASGI messages itself: Starlette's `stream()` generator costs more than the body's one chunk."""
    declared = (declared or "").strip()
    # isdigit() alone lets "²" through; int() of thousands of digits raises: both would be a 500.
    if declared.isascii() and declared.isdigit() and (len(declared) > 18 or int(declared) > limit):
        raise _TooLarge
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            raise ClientDisconnect
        chunk: bytes = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise _TooLarge
        chunks.append(chunk)
        if not message.get("more_body", False):
            return chunks[0] if len(chunks) == 1 else b"".join(chunks)


# The request headers the webhook reads, picked out of the raw list in one pass (Starlette's
# `Headers.get` scans and decodes the whole list on every call).
_WEBHOOK_HEADERS = frozenset(
    {b"content-length", b"content-type", b"x-buildkite-signature", b"x-buildkite-token", b"x-buildkite-event"}
)


def _headers(scope: Scope, wanted: frozenset[bytes]) -> dict[bytes, str]:
    """The first value of each wanted header (as `Headers.get` gives it: ASGI servers send the
    names lower-cased), decoded as latin-1."""
    found: dict[bytes, str] = {}
    for name, value in scope["headers"]:
        if name in wanted and name not in found:
            found[name] = value.decode("latin-1")
    return found


@dataclass(frozen=True)
class _Answer:
    """A JSON answer to a delivery."""

    status: int
    content: dict[str, Any]
    headers: tuple[tuple[bytes, bytes], ...] = ()


_RETRY_LATER = ((b"retry-after", b"5"),)
_STORE_DOWN = {"error": "the job store is unavailable; try again"}


def _refuse(edge: Edge, status: int, outcome: str, reason: str) -> _Answer:
    edge.metrics.delivered(outcome)
    logs.info(log, "delivery refused", outcome=outcome, status=status, reason=reason)
    return _Answer(status, {"error": reason})


async def _enqueue(edge: Edge, key: str, request: TriageRequest) -> tuple[int, bool] | None:
    """(job id, created) once the row is committed; None if the store failed (logged). An idle
    worker, if there is one, gets the new job inserted already claimed: no claim of its own."""
    runtime = edge.runtime
    lease = runtime.reserve() if runtime is not None else None
    job: Job | None = None
    try:
        done = await edge.store.enqueue(
            key,
            JOB_KIND,
            request.model_dump(mode="json"),
            max_attempts=edge.settings.destill_max_attempts,
            lease=lease,
        )
        job = done.job if done.created else None
    except Exception:
        log.exception("enqueue failed", extra={"build": request.ref.key})
        return None
    finally:
        if runtime is not None and lease is not None:
            runtime.hand_off(lease, job)
    if done.created and lease is None and runtime is not None:
        runtime.notify()
    return done.job.id, done.created


def _unavailable() -> JSONResponse:
    return JSONResponse(_STORE_DOWN, status_code=503, headers={"Retry-After": "5"})


class Webhook:
    """`POST /webhooks/buildkite`, a plain ASGI endpoint: the path every delivery takes, so it
    skips Starlette's Request and Response objects (measured: a quarter of what the framework
    costs per request) and answers with two `send` calls of its own."""

    def __init__(self, edge: Edge) -> None:
        self.edge = edge

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            answer = await self.answer(scope, receive)
        except Exception:  # a bug of ours: a 500 with nothing of the request in it, and the trace logged
            self.edge.metrics.delivered("error")
            log.exception("delivery failed")
            answer = _Answer(500, {"error": "internal error"})
        body = orjson.dumps(answer.content)
        headers = [
            (b"content-length", str(len(body)).encode()),
            (b"content-type", b"application/json"),
            *answer.headers,
        ]
        await send({"type": "http.response.start", "status": answer.status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    async def answer(self, scope: Scope, receive: Receive) -> _Answer:
        edge = self.edge
        h = _headers(scope, _WEBHOOK_HEADERS)
        try:
            body = await _read_body(receive, edge.settings.destill_max_body, h.get(b"content-length"))
        except _TooLarge:
            limit = edge.settings.destill_max_body
            return _refuse(edge, 413, "refused_too_large", f"body larger than {limit} bytes")
        except ClientDisconnect:
            return _refuse(edge, 400, "refused_disconnected", "client went away mid-body")
        try:
            verify(
                body=body,
                secrets=edge.secrets,
                now=edge.clock(),
                signature_header=h.get(b"x-buildkite-signature"),
                token_header=h.get(b"x-buildkite-token"),
            )
        except Unauthorized as e:
            return _refuse(edge, 401, "refused_unauthorized", e.reason)
        mime = h.get(b"content-type", "").split(";", 1)[0].strip().lower()
        if mime != "application/json":
            return _refuse(edge, 415, "refused_media_type", "Content-Type must be application/json")
        try:
            event = parse_event(body, h.get(b"x-buildkite-event"))
        except MalformedEvent as e:
            return _refuse(edge, 400, "refused_malformed", e.reason)

        if isinstance(event, Ping):
            edge.metrics.delivered("ping")
            log.info("ping", extra={"outcome": "ping", "status": 200})
            return _Answer(200, {"status": "pong"})
        if isinstance(event, Ignored):
            edge.metrics.delivered("ignored")
            log.info("event ignored", extra={"outcome": "ignored", "event": event.event, "status": 200})
            return _Answer(200, {"status": "ignored", "event": event.event})
        assert isinstance(event, BuildFinished)
        queued = await _enqueue(edge, event.key, event.request)
        if queued is None:
            edge.metrics.delivered("store_error")
            return _Answer(503, _STORE_DOWN, _RETRY_LATER)
        job_id, created = queued
        outcome, status = ("accepted", 202) if created else ("duplicate", 200)
        edge.metrics.delivered(outcome)
        ref = event.request.ref
        logs.info(log, f"delivery {outcome}", outcome=outcome, status=status, build=ref.key, job_id=job_id)
        return _Answer(status, {"status": outcome, "job_id": job_id, "build": ref.web_url})


def _bearer_ok(header: str | None, token: str) -> bool:
    scheme, _, value = (header or "").strip().partition(" ")
    sent = value.strip().encode("latin-1", errors="replace")
    # Compare even when the scheme is wrong, so timing says nothing about the token.
    same = hmac.compare_digest(sent, token.encode())
    return scheme.lower() == "bearer" and same


async def replay(request: Request) -> Response:
    edge = _edge(request)

    def refuse(status: int, outcome: str, reason: str, **headers: str) -> JSONResponse:
        edge.metrics.replays.labels(outcome=outcome).inc()
        log.info("replay refused", extra={"outcome": outcome, "status": status, "reason": reason})
        return JSONResponse({"error": reason}, status_code=status, headers=headers or None)

    token = edge.settings.replay_token
    if token is None:
        return refuse(403, "disabled", "replay is disabled: set DESTILL_REPLAY_TOKEN on the server to enable")
    if not _bearer_ok(request.headers.get("authorization"), token):
        reason = "send Authorization: Bearer <DESTILL_REPLAY_TOKEN>"
        return refuse(401, "unauthorized", reason, **{"WWW-Authenticate": "Bearer"})
    try:
        body = await _read_body(request.receive, REPLAY_MAX_BODY, request.headers.get("content-length"))
    except _TooLarge:
        return refuse(413, "too_large", f"body larger than {REPLAY_MAX_BODY} bytes")
    except ClientDisconnect:
        return refuse(400, "disconnected", "client went away mid-body")
    try:
        ref = parse_replay(body)
    except MalformedEvent as e:
        return refuse(400, "malformed", e.reason)
    triage = TriageRequest(
        org=ref.org, pipeline=ref.pipeline, number=ref.number, forced=True, source="replay"
    )
    # A fresh key every time: a replay is asked for on purpose and always runs.
    queued = await _enqueue(edge, f"replay:{ref.key}:{uuid.uuid4().hex}", triage)
    if queued is None:
        edge.metrics.replays.labels(outcome="store_error").inc()
        return _unavailable()
    edge.metrics.replays.labels(outcome="accepted").inc()
    log.info("replay queued", extra={"outcome": "accepted", "build": ref.key, "job_id": queued[0]})
    return JSONResponse({"status": "accepted", "job_id": queued[0], "build": ref.web_url}, status_code=202)


async def build_triage(request: Request) -> Response:
    edge = _edge(request)
    p = request.path_params
    try:
        ref = BuildRef(org=p["org"], pipeline=p["pipeline"], number=p["number"])
    except ValueError:
        return JSONResponse({"error": "no such build"}, status_code=404)
    try:
        report = await edge.store.latest_triage(ref.key)
    except Exception:
        log.exception("reading a triage failed", extra={"build": ref.key})
        return _unavailable()
    if report is None:
        return JSONResponse({"error": f"no triage of {ref.key} yet"}, status_code=404)
    return JSONResponse(_canonical(report))


def _canonical(report: Mapping[str, Any]) -> dict[str, Any]:
    """The DESIGN.md key order (stores may not keep it: PostgreSQL's jsonb sorts keys)."""
    try:
        return TriageReport.model_validate(report).to_json()
    except ValueError:  # stored by an older version: serve it as it is
        return dict(report)


async def healthz(request: Request) -> Response:
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> Response:
    edge = _edge(request)
    if edge.draining or (edge.runtime is not None and edge.runtime.draining):
        return JSONResponse({"ready": False, "reason": "draining"}, status_code=503)
    try:
        await asyncio.wait_for(edge.store.check_writable(), READY_TIMEOUT)
    except Exception as e:
        log.warning("not ready: store not writable", extra={"reason": type(e).__name__})
        return JSONResponse({"ready": False, "reason": "store not writable"}, status_code=503)
    return JSONResponse({"ready": True})


async def metrics(request: Request) -> Response:
    edge = _edge(request)
    try:
        stats = await edge.store.stats()
    except Exception:
        log.exception("store stats failed")
        stats = None
    return Response(edge.metrics.render(stats), media_type="text/plain; version=0.0.4; charset=utf-8")
