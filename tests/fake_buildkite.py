"""A fake Buildkite REST API: the one fake every test and benchmark uses.

It is a real Starlette app over a `FakeBuildkite` state object, shaped after Buildkite's docs
(buildkite/docs `pages/apis/rest_api/{builds,jobs,annotations,rate_limits}.md`):

- `GET  /v2/organizations/{org}/pipelines/{p}/builds` list, newest first, filters `branch`/`branch[]`,
  `state`/`state[]` (`finished` = passed+failed+blocked+canceled), `page`/`per_page` (default 30,
  max 100) with a real `Link` header (next, prev, first, last);
- `GET  .../builds/{n}` a build with its jobs (`include_retried_jobs`, `exclude_jobs`, `job_states[]`);
  `404 {"message": "No build found"}`;
- `GET|HEAD .../builds/{n}/jobs/{id}/log` JSON (`url, content, size, header_times`) by default, the raw
  bytes with `Accept: text/plain`; `.../log.txt` always raw. `Range: bytes=-N` (suffix only, and on
  `/log` only with `Accept: text/plain`) gives `206` with `Content-Range: bytes a-b/total`; other
  forms `400`; an empty log `416`. HEAD gives `Content-Length` and `Accept-Ranges: bytes`.
  The org-scoped `/v2/organizations/{org}/jobs/{id}/log` works too;
- `GET|POST .../builds/{n}/annotations`, `DELETE .../annotations/{uuid}` (`204`). A POST to a context
  that already exists replaces it, unless `append: true` (BUILDKITE.md §2.6).

Every authenticated response carries `RateLimit-*` (organisation, `rest`) and `RateLimit-User-*`
(token owner, `rest_user`) headers from a real sliding 60 s window; past either limit the answer is
the documented `429`. Bearer auth: `401` with Buildkite's message for a bad token, `403` naming the
missing scope. Faults are scripted with `FakeBuildkite.inject(...)`: N x 5xx, a 429 with a reset,
latency, a slow body, a body cut short (`Content-Length` promises more), a dropped connection.
Logs can be generated (`GeneratedLog`): multi-GB logs are served without ever being held.

In-process (nothing listens on a port)::

    fake = FakeBuildkite()
    fake.add_build("acme", "widgets", make_build("acme", "widgets", 1, jobs=[script_job("tests")]))
    http = httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app(fake)), base_url=FAKE_URL)

On a port (for end-to-end runs and benchmarks)::

    python -m tests.fake_buildkite --port 9100 [--latency-ms 30] [--demo]

`--demo` seeds a failing build `demo/widgets/1` from the logs in `tests/fixtures/buildkite/` and
prints the token and the environment for destill (`BUILDKITE_API_URL`, `BUILDKITE_API_TOKEN`).

Also here: builders for documented build JSON (`make_build`, `script_job`, `retried_job`,
`waiter_job`, `block_job`, `trigger_job`), `seed_demo` / `seed_bench` (300 jobs, 40 failed, 2-20 MiB
logs: `--bench`), `serve_in_thread(fake)` (uvicorn on a free port, for tests), and `FakeClock`
(virtual time: give it to the fake and to the client so rate-limit minutes pass in milliseconds).

Note: httpx's ASGITransport collects a whole response body before returning it; measure streaming
memory against the fake on a port (`python -m bench.ingest --memory-mb 200`).
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
import fnmatch
import hashlib
import heapq
import html
import itertools
import json
import math
import time
import uuid
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

FAKE_URL = "http://buildkite.fake"
DEFAULT_TOKEN = "bkua_fake_0123456789abcdef0123456789abcdef01234567"
ALL_SCOPES = frozenset({"read_builds", "read_build_logs", "write_builds"})
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "buildkite"
API_HOST = "https://api.buildkite.com"
WEB_HOST = "https://buildkite.com"

UNAUTHENTICATED = (
    "Authentication required. Please supply a valid API Access Token: "
    "https://buildkite.com/docs/apis/rest-api#authentication"
)
FINISHED_STATES = frozenset({"passed", "failed", "blocked", "canceled"})
ANNOTATION_STYLES = frozenset({"success", "info", "warning", "error"})
MAX_ANNOTATION_BYTES = 1024 * 1024


# --------------------------------------------------------------------------- clocks


class FakeClock:
    """Virtual time for tests: `sleep` parks the caller until `advance` (or the auto-advancer)
    moves time past its deadline, so a test can run minutes of rate limiting in milliseconds.

    `run_auto()` is a background task that, whenever every other task is parked, jumps time to the
    next deadline. "Every other task is parked" is approximated by yielding to the loop a number of
    times: in-process requests (ASGITransport) never wait on real I/O.
    """

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start
        self._sleepers: list[tuple[float, int, asyncio.Future[None]]] = []
        self._seq = itertools.count()
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, delay: float) -> None:
        self.slept.append(delay)
        if delay <= 0:
            await asyncio.sleep(0)
            return
        fut: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._sleepers, (self.now + delay, next(self._seq), fut))
        await fut

    def advance(self, seconds: float) -> None:
        self._wake(self.now + seconds)

    def _wake(self, until: float) -> None:
        self.now = max(self.now, until)
        while self._sleepers and self._sleepers[0][0] <= self.now:
            _, _, fut = heapq.heappop(self._sleepers)
            if not fut.done():
                fut.set_result(None)

    async def run_auto(self, idle_yields: int = 200) -> None:
        while True:
            for _ in range(idle_yields):
                await asyncio.sleep(0)
            if self._sleepers:
                self._wake(self._sleepers[0][0])


# --------------------------------------------------------------------------- logs


class LogSource:
    """A job log the fake can serve by byte range without holding it whole."""

    size: int

    def iter_range(self, start: int, stop: int, chunk_size: int) -> Iterator[bytes]:
        raise NotImplementedError


@dataclass
class BytesLog(LogSource):
    data: bytes

    @property
    def size(self) -> int:  # type: ignore[override]
        return len(self.data)

    def iter_range(self, start: int, stop: int, chunk_size: int) -> Iterator[bytes]:
        for pos in range(start, stop, chunk_size):
            yield self.data[pos : min(stop, pos + chunk_size)]


@dataclass
class GeneratedLog(LogSource):
    """`size` bytes: `pattern` repeated, ending with `tail` (where a failure usually is)."""

    size: int
    pattern: bytes = b"\x1b_bk;t=1729032357206\x07building... ok, nothing to see here\r\n"
    tail: bytes = b""

    def __post_init__(self) -> None:
        if self.size < len(self.tail) or not self.pattern:
            raise ValueError("size must hold the tail, and the pattern must not be empty")

    def _byte_source(self, pos: int) -> tuple[bytes, int]:
        body = self.size - len(self.tail)
        if pos >= body:
            return self.tail, pos - body
        return self.pattern, pos % len(self.pattern)

    def iter_range(self, start: int, stop: int, chunk_size: int) -> Iterator[bytes]:
        body = self.size - len(self.tail)
        # A block of whole patterns, sliced at the right phase, makes chunks cheaply.
        reps = max(1, chunk_size // len(self.pattern) + 2)
        block = self.pattern * reps
        pos = start
        while pos < stop:
            if pos < body:
                phase = pos % len(self.pattern)
                n = min(stop, body, pos + chunk_size) - pos
                yield block[phase : phase + n]
            else:
                off = pos - body
                n = min(stop - pos, chunk_size)
                yield self.tail[off : off + n]
            pos += n


@dataclass
class CallableLog(LogSource):
    """A log made by a callable producing chunks (ranges are served by skipping)."""

    size: int
    factory: Callable[[], Iterable[bytes]]

    def iter_range(self, start: int, stop: int, chunk_size: int) -> Iterator[bytes]:
        pos = 0
        for chunk in self.factory():
            end = pos + len(chunk)
            if end > start and pos < stop:
                yield chunk[max(0, start - pos) : min(len(chunk), stop - pos)]
            pos = end
            if pos >= stop:
                return


# --------------------------------------------------------------------------- faults and records


@dataclass(frozen=True)
class Fault:
    """One scripted misbehaviour, applied to the next request that `matches` (a path substring)."""

    kind: str  # status | rate_limit | latency | slow_body | truncate | drop
    status: int = 503
    seconds: float = 0.0  # latency / per-chunk delay / rate-limit reset
    after_bytes: int = 0  # truncate / drop: how much body is sent first
    matches: str = ""
    method: str | None = None

    @classmethod
    def server_error(cls, status: int = 503, *, matches: str = "") -> Fault:
        return cls("status", status=status, matches=matches)

    @classmethod
    def rate_limit(cls, reset: float = 42, *, matches: str = "") -> Fault:
        return cls("rate_limit", status=429, seconds=reset, matches=matches)

    @classmethod
    def latency(cls, seconds: float, *, matches: str = "") -> Fault:
        return cls("latency", seconds=seconds, matches=matches)

    @classmethod
    def slow_body(cls, per_chunk: float, *, matches: str = "") -> Fault:
        return cls("slow_body", seconds=per_chunk, matches=matches)

    @classmethod
    def truncate(cls, after_bytes: int, *, matches: str = "") -> Fault:
        return cls("truncate", after_bytes=after_bytes, matches=matches)

    @classmethod
    def drop(cls, after_bytes: int = 0, *, matches: str = "") -> Fault:
        return cls("drop", after_bytes=after_bytes, matches=matches)


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str
    query: str
    time: float
    status: int
    headers: Mapping[str, str] = field(default_factory=dict, compare=False)
    body: bytes = b""


class DroppedConnection(httpx.ReadError):
    """Raised inside the app to drop a response mid-body. In-process it reaches the client as
    the httpx.TransportError a dropped socket would; behind uvicorn the socket really closes."""


# --------------------------------------------------------------------------- state


@dataclass
class TokenInfo:
    user: str
    scopes: frozenset[str]


class FakeBuildkite:
    """All the fake's state: builds, logs, annotations, tokens, rate limits, faults, requests."""

    def __init__(
        self,
        *,
        token: str = DEFAULT_TOKEN,
        org_limit: int = 200,
        user_limit: int = 50,
        window: float = 60.0,
        latency: float = 0.0,
        chunk_size: int = 64 * 1024,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.builds: dict[tuple[str, str, int], dict[str, Any]] = {}
        self.logs: dict[str, LogSource] = {}
        self.annotations: dict[tuple[str, str, int, str], dict[str, Any]] = {}
        self.annotation_bodies: dict[str, str] = {}  # annotation id -> raw markdown body
        self.tokens: dict[str, TokenInfo] = {token: TokenInfo("destill-bot", ALL_SCOPES)}
        self.token = token
        self.org_limit = org_limit
        self.user_limit = user_limit
        self.window = window
        self.latency = latency
        self.chunk_size = chunk_size
        self.clock = clock
        self.sleep = sleep
        self.requests: list[RecordedRequest] = []
        self.faults: deque[Fault] = deque()
        self._org_hits: dict[str, deque[float]] = {}
        self._user_hits: dict[str, deque[float]] = {}
        self._ids = itertools.count(1)

    # -- set-up
    def add_build(self, org: str, pipeline: str, build: Mapping[str, Any]) -> dict[str, Any]:
        stored: dict[str, Any] = json.loads(json.dumps(build))
        self.builds[(org, pipeline, int(stored["number"]))] = stored
        return stored

    def set_log(self, job_id: str, log: bytes | LogSource) -> None:
        self.logs[job_id] = BytesLog(log) if isinstance(log, bytes) else log

    def add_token(self, token: str, *, scopes: Iterable[str] = ALL_SCOPES, user: str = "someone") -> None:
        self.tokens[token] = TokenInfo(user, frozenset(scopes))

    def inject(self, fault: Fault, times: int = 1) -> None:
        self.faults.extend([fault] * times)

    # -- inspection
    def count(self, method: str | None = None, path_contains: str = "") -> int:
        return sum(
            1 for r in self.requests if (method is None or r.method == method) and path_contains in r.path
        )

    def max_in_window(self, window: float | None = None, *, statuses: Iterable[int] | None = None) -> int:
        """The most requests seen in any sliding window (default: the rate-limit window)."""
        span = self.window if window is None else window
        wanted = None if statuses is None else set(statuses)
        times = sorted(r.time for r in self.requests if wanted is None or r.status in wanted)
        best, lo = 0, 0
        for hi, t in enumerate(times):
            while times[lo] <= t - span:
                lo += 1
            best = max(best, hi - lo + 1)
        return best

    def annotation(
        self, org: str, pipeline: str, number: int, context: str = "destill"
    ) -> dict[str, Any] | None:
        return self.annotations.get((org, pipeline, number, context))

    def annotation_body(self, org: str, pipeline: str, number: int, context: str = "destill") -> str | None:
        ann = self.annotation(org, pipeline, number, context)
        return None if ann is None else self.annotation_bodies[ann["id"]]

    # -- internals
    def _take_fault(self, method: str, path: str) -> Fault | None:
        for i, fault in enumerate(self.faults):
            if fault.matches in path and (fault.method is None or fault.method == method):
                del self.faults[i]
                return fault
        return None

    def _hits(self, table: dict[str, deque[float]], key: str, now: float) -> deque[float]:
        hits = table.setdefault(key, deque())
        while hits and hits[0] <= now - self.window:
            hits.popleft()
        return hits

    def _reset_in(self, hits: deque[float], now: float) -> int:
        return max(1, math.ceil(hits[0] + self.window - now)) if hits else int(self.window)

    def rate_headers(self, org: str, user: str, now: float) -> dict[str, str]:
        org_hits = self._hits(self._org_hits, org, now)
        user_hits = self._hits(self._user_hits, user, now)
        headers = {
            "RateLimit-Scope": "rest",
            "RateLimit-Remaining": str(max(0, self.org_limit - len(org_hits))),
            "RateLimit-Limit": str(self.org_limit),
            "RateLimit-Reset": str(self._reset_in(org_hits, now)),
            "RateLimit-User-Scope": "rest_user",
            "RateLimit-User-Remaining": str(max(0, self.user_limit - len(user_hits))),
            "RateLimit-User-Limit": str(self.user_limit),
            "RateLimit-User-Reset": str(self._reset_in(user_hits, now)),
        }
        if len(org_hits) >= self.org_limit:
            headers["RateLimit-Warning"] = "You have exceeded your API rate limit"
        if len(user_hits) >= self.user_limit:
            headers["RateLimit-User-Warning"] = "You have exceeded your API rate limit"
        return headers

    def new_id(self, kind: str) -> str:
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"fake-buildkite/{kind}/{next(self._ids)}"))


# --------------------------------------------------------------------------- the app


def _message(status: int, message: str, headers: Mapping[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"message": message}, status_code=status, headers=dict(headers or {}))


def _now_iso() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime())


def create_app(fake: FakeBuildkite) -> Starlette:
    """The Starlette app serving `fake`."""

    # Which scope each route needs (as Buildkite documents them).
    async def handle(request: Request) -> Response:
        method = request.method
        path = request.url.path
        now = fake.clock()
        route = request.scope["route_name"]
        org = request.path_params.get("org", "")
        headers: dict[str, str] = {}
        status = 500
        try:
            response = await _dispatch(request, route, org, now, headers)
            status = response.status_code
            return response
        finally:
            body = b""
            if method in ("POST", "PUT"):
                body = await request.body()
            fake.requests.append(
                RecordedRequest(method, path, request.url.query, now, status, dict(request.headers), body)
            )

    async def _dispatch(
        request: Request, route: str, org: str, now: float, headers: dict[str, str]
    ) -> Response:
        fault = fake._take_fault(request.method, request.url.path)
        delay = fake.latency + (fault.seconds if fault and fault.kind == "latency" else 0.0)
        if delay > 0:
            await fake.sleep(delay)

        auth = request.headers.get("authorization", "")
        token = auth[7:] if auth.lower().startswith("bearer ") else None
        info = fake.tokens.get(token) if token else None
        if info is None:
            return _message(401, UNAUTHENTICATED)

        org_hits = fake._hits(fake._org_hits, org, now)
        user_hits = fake._hits(fake._user_hits, info.user, now)
        over_org = len(org_hits) >= fake.org_limit
        over_user = len(user_hits) >= fake.user_limit
        org_hits.append(now)
        user_hits.append(now)
        headers.update(fake.rate_headers(org, info.user, now))

        if fault and fault.kind == "rate_limit":
            reset = int(fault.seconds)
            headers.update({"RateLimit-User-Remaining": "0", "RateLimit-User-Reset": str(reset)})
            return _rate_limited("rest_user", fake.user_limit, fake.user_limit + 1, reset, headers)
        if over_user or over_org:
            scope, limit, hits = (
                ("rest_user", fake.user_limit, user_hits) if over_user else ("rest", fake.org_limit, org_hits)
            )
            reset = int(headers["RateLimit-User-Reset" if over_user else "RateLimit-Reset"])
            return _rate_limited(scope, limit, len(hits), reset, headers)
        if fault and fault.kind == "status":
            return _message(fault.status, _status_message(fault.status), headers)

        needed = ROUTE_SCOPES[route](request.method)
        if needed not in info.scopes:
            return _message(403, f"Your access token doesn't have the {needed} scope", headers)

        handler = ROUTES[route]
        return await handler(fake, request, headers, fault)

    routes = [
        Route(
            "/v2/organizations/{org}/pipelines/{pipeline}/builds", handle, methods=["GET"], name="list_builds"
        ),
        Route("/v2/organizations/{org}/builds", handle, methods=["GET"], name="list_builds"),
        Route(
            "/v2/organizations/{org}/pipelines/{pipeline}/builds/{number:int}",
            handle,
            methods=["GET"],
            name="get_build",
        ),
        Route(
            "/v2/organizations/{org}/pipelines/{pipeline}/builds/{number:int}/jobs/{job_id}/log{ext:path}",
            handle,
            methods=["GET", "HEAD"],
            name="log",
        ),
        Route(
            "/v2/organizations/{org}/jobs/{job_id}/log{ext:path}", handle, methods=["GET", "HEAD"], name="log"
        ),
        Route(
            "/v2/organizations/{org}/pipelines/{pipeline}/builds/{number:int}/annotations",
            handle,
            methods=["GET", "POST"],
            name="annotations",
        ),
        Route(
            "/v2/organizations/{org}/pipelines/{pipeline}/builds/{number:int}/annotations/{annotation_id}",
            handle,
            methods=["DELETE"],
            name="annotation",
        ),
    ]

    async def not_found(request: Request, exc: Exception) -> Response:
        return _message(404, "Not Found")

    app = Starlette(routes=routes, exception_handlers={404: not_found})

    # Starlette routes do not tell the endpoint their name; a tiny middleware-free trick: wrap each
    # route's endpoint so the scope carries it.
    for r in app.routes:
        assert isinstance(r, Route)
        r.app = _named(r.app, r.name)
    app.state.fake = fake
    return app


def _named(inner: Any, name: str) -> Any:
    async def app(scope: Any, receive: Any, send: Any) -> None:
        scope["route_name"] = name
        await inner(scope, receive, send)

    return app


def _status_message(status: int) -> str:
    return {
        500: "Internal Server Error",
        502: "Bad Gateway",
        503: "Service Unavailable",
        504: "Gateway Timeout",
    }.get(status, "Error")


def _rate_limited(scope: str, limit: int, current: int, reset: int, headers: dict[str, str]) -> JSONResponse:
    body = {
        "message": (
            f"You have exceeded your API rate limit. Please wait {reset} seconds before making more requests."
        ),
        "scope": scope,
        "limit": limit,
        "current": current,
        "reset": reset,
    }
    return JSONResponse(body, status_code=429, headers=headers)


def _scope_read_builds(method: str) -> str:
    return "read_builds"


def _scope_annotations(method: str) -> str:
    return "read_builds" if method == "GET" else "write_builds"


def _scope_log(method: str) -> str:
    return "read_build_logs"


ROUTE_SCOPES: dict[str, Callable[[str], str]] = {
    "list_builds": _scope_read_builds,
    "get_build": _scope_read_builds,
    "log": _scope_log,
    "annotations": _scope_annotations,
    "annotation": _scope_annotations,
}

Handler = Callable[[FakeBuildkite, Request, dict[str, str], "Fault | None"], Awaitable[Response]]


def _build_key(request: Request) -> tuple[str, str, int]:
    p = request.path_params
    return (p["org"], p["pipeline"], int(p["number"]))


def _multi(request: Request, name: str) -> list[str]:
    values = request.query_params.getlist(name) + request.query_params.getlist(f"{name}[]")
    return [v for value in values for v in value.split(",") if v]


def _visible_jobs(build: Mapping[str, Any], include_retried: bool) -> list[dict[str, Any]]:
    jobs = list(build.get("jobs") or [])
    if not include_retried:
        jobs = [j for j in jobs if not j.get("retried")]
    return jobs


def _truthy(value: str | None) -> bool:
    return (value or "").lower() in ("1", "true", "yes")


async def _get_build(
    fake: FakeBuildkite, request: Request, headers: dict[str, str], fault: Fault | None
) -> Response:
    build = fake.builds.get(_build_key(request))
    if build is None:
        return _message(404, "No build found", headers)
    out = dict(build)
    q = request.query_params
    if _truthy(q.get("exclude_jobs")):
        out.pop("jobs", None)
    else:
        jobs = _visible_jobs(build, _truthy(q.get("include_retried_jobs")))
        states = _multi(request, "job_states")
        if states:
            jobs = [j for j in jobs if j.get("state") in states]
        out["jobs"] = jobs
    if _truthy(q.get("exclude_pipeline")):
        out.pop("pipeline", None)
    return JSONResponse(out, headers=headers)


def _state_matches(build: Mapping[str, Any], wanted: list[str]) -> bool:
    states = set(wanted)
    if "finished" in states:
        states |= FINISHED_STATES
    return build.get("state") in states


def _branch_matches(build: Mapping[str, Any], wanted: list[str]) -> bool:
    return any(fnmatch.fnmatchcase(str(build.get("branch", "")), w) for w in wanted)


async def _list_builds(
    fake: FakeBuildkite, request: Request, headers: dict[str, str], fault: Fault | None
) -> Response:
    org, pipeline = request.path_params["org"], request.path_params.get("pipeline")
    q = request.query_params
    builds = [b for (o, p, _), b in fake.builds.items() if o == org and pipeline in (None, p)]
    builds.sort(key=lambda b: (b.get("created_at") or "", int(b["number"])), reverse=True)  # newest first
    if finished_from := q.get("finished_from"):
        builds = [b for b in builds if b.get("finished_at") and b["finished_at"] >= finished_from]
    if branches := _multi(request, "branch"):
        builds = [b for b in builds if _branch_matches(b, branches)]
    if states := _multi(request, "state"):
        builds = [b for b in builds if _state_matches(b, states)]
    try:
        page = int(q.get("page", "1"))
        per_page = int(q.get("per_page", "30"))
    except ValueError:
        return _message(400, "Invalid page or per_page", headers)
    if page < 1 or not 1 <= per_page <= 100:
        return _message(400, "Invalid page or per_page", headers)
    last = max(1, math.ceil(len(builds) / per_page))
    items = builds[(page - 1) * per_page : page * per_page]
    include_retried = _truthy(q.get("include_retried_jobs"))
    out = []
    for b in items:
        b = dict(b)
        if _truthy(q.get("exclude_jobs")):
            b.pop("jobs", None)
        else:
            b["jobs"] = _visible_jobs(b, include_retried)
        out.append(b)

    def link(n: int, rel: str) -> str:
        params = [(k, v) for k, v in q.multi_items() if k != "page"] + [("page", str(n))]
        url = request.url.replace(query=urlencode(params))
        return f'<{url}>; rel="{rel}"'

    links = []
    if page < last:
        links += [link(page + 1, "next"), link(last, "last")]
    if page > 1:
        links += [link(1, "first"), link(page - 1, "prev")]
    if links:
        headers["Link"] = ", ".join(links)
    return JSONResponse(out, headers=headers)


def _job_in_build(fake: FakeBuildkite, request: Request, job_id: str) -> bool:
    p = request.path_params
    if "pipeline" in p:
        build = fake.builds.get(_build_key(request))
        return build is not None and any(j.get("id") == job_id for j in build.get("jobs") or [])
    return any(
        j.get("id") == job_id
        for (o, _, _), b in fake.builds.items()
        if o == p["org"]
        for j in b.get("jobs") or []
    )


async def _log(
    fake: FakeBuildkite, request: Request, headers: dict[str, str], fault: Fault | None
) -> Response:
    job_id = request.path_params["job_id"]
    ext = request.path_params.get("ext", "")
    if ext not in ("", ".txt", ".html") or not _job_in_build(fake, request, job_id):
        return _message(404, "No job found", headers)
    log = fake.logs.get(job_id, BytesLog(b""))
    accept = request.headers.get("accept", "")
    raw = ext == ".txt" or "text/plain" in accept
    if request.method == "HEAD":
        return Response(
            status_code=200, headers={**headers, "Content-Length": str(log.size), "Accept-Ranges": "bytes"}
        )
    start, stop, status = 0, log.size, 200
    range_header = request.headers.get("range")
    if range_header is not None:
        if not raw:
            return _message(400, "Range requests require Accept: text/plain", headers)
        spec = range_header.strip()
        if not (spec.startswith("bytes=-") and spec[7:].isdigit() and int(spec[7:]) > 0):
            return _message(400, "Only suffix byte ranges (bytes=-N) are supported", headers)
        if log.size == 0:
            return Response(status_code=416, headers={**headers, "Content-Range": "bytes */0"})
        start = max(0, log.size - int(spec[7:]))
        status = 206
        headers["Content-Range"] = f"bytes {start}-{log.size - 1}/{log.size}"
        headers["Accept-Ranges"] = "bytes"
    if not raw:
        # The JSON form holds the whole log; keep it to small logs.
        content = b"".join(log.iter_range(0, log.size, fake.chunk_size)).decode("utf-8", "replace")
        url = str(request.url.replace(query=""))
        return JSONResponse(
            {"url": url, "content": content, "size": log.size, "header_times": []}, headers=headers
        )

    length = stop - start
    headers["Content-Length"] = str(length)
    headers["Content-Type"] = "text/plain; charset=utf-8"

    async def body() -> AsyncIterator[bytes]:
        sent = 0
        for chunk in log.iter_range(start, stop, fake.chunk_size):
            if fault and fault.kind in ("truncate", "drop") and sent + len(chunk) >= fault.after_bytes:
                piece = chunk[: fault.after_bytes - sent]
                if piece:
                    yield piece
                if fault.kind == "drop":
                    raise DroppedConnection("fake Buildkite dropped the connection")
                return
            if fault and fault.kind == "slow_body":
                await fake.sleep(fault.seconds)
            sent += len(chunk)
            yield chunk

    return StreamingResponse(body(), status_code=status, headers=headers, media_type=None)


def _render_body(body: str) -> str:
    return "".join(f"<p>{html.escape(p)}</p>\n" for p in body.split("\n\n") if p.strip())


async def _annotations(
    fake: FakeBuildkite, request: Request, headers: dict[str, str], fault: Fault | None
) -> Response:
    key = _build_key(request)
    if key not in fake.builds:
        return _message(404, "No build found", headers)
    if request.method == "GET":
        items = [a for (o, p, n, _), a in fake.annotations.items() if (o, p, n) == key]
        return JSONResponse(items, headers=headers)
    try:
        payload = json.loads(await request.body())
    except ValueError:
        return _message(400, "Problems parsing JSON", headers)
    if not isinstance(payload, dict):
        return _message(400, "Problems parsing JSON", headers)
    body = payload.get("body")
    style = payload.get("style") or "default"
    context = payload.get("context") or "default"
    priority = payload.get("priority", 3)
    append = bool(payload.get("append", False))
    if not isinstance(body, str) or not body:
        return _message(422, "Validation failed: Body can't be blank", headers)
    if style != "default" and style not in ANNOTATION_STYLES:
        return _message(422, "Validation failed: Style is not included in the list", headers)
    if not isinstance(priority, int) or not 1 <= priority <= 10:
        return _message(422, "Validation failed: Priority must be between 1 and 10", headers)
    if not isinstance(context, str) or len(context) > 100:
        return _message(422, "Validation failed: Context is too long (maximum is 100 characters)", headers)
    akey = (*key, context)
    existing = fake.annotations.get(akey)
    if append and existing is not None:
        body = fake.annotation_bodies[existing["id"]] + body
    if len(body.encode()) > MAX_ANNOTATION_BYTES:
        return _message(422, "Validation failed: The annotation body must be less than 1 MB", headers)
    stamp = _now_iso()
    ann = {
        "id": existing["id"] if existing else fake.new_id("annotation"),
        "context": context,
        "style": style if style != "default" else (existing["style"] if existing else "default"),
        "scope": "build",
        "priority": priority,
        "body_html": _render_body(body),
        "created_at": existing["created_at"] if existing else stamp,
        "updated_at": stamp,
    }
    fake.annotations[akey] = ann
    fake.annotation_bodies[str(ann["id"])] = body
    return JSONResponse(ann, status_code=201, headers=headers)


async def _annotation(
    fake: FakeBuildkite, request: Request, headers: dict[str, str], fault: Fault | None
) -> Response:
    key = _build_key(request)
    wanted = request.path_params["annotation_id"]
    for akey, ann in list(fake.annotations.items()):
        if akey[:3] == key and ann["id"] == wanted:
            del fake.annotations[akey]
            fake.annotation_bodies.pop(wanted, None)
            return Response(status_code=204, headers=headers)
    return _message(404, "No annotation found", headers)


ROUTES: dict[str, Handler] = {
    "list_builds": _list_builds,
    "get_build": _get_build,
    "log": _log,
    "annotations": _annotations,
    "annotation": _annotation,
}


# --------------------------------------------------------------------------- build JSON builders


def _uuid(*parts: object) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "/".join(map(str, parts))))


_STAMP = "2026-11-26T10:00:00.000Z"
_FINISHED = "2026-11-26T10:03:02.000Z"
NEVER_RAN = frozenset(
    {"broken", "skipped", "not_run", "canceled", "expired", "waiting_failed", "blocked_failed"}
)


def script_job(
    name: str,
    *,
    state: str = "failed",
    exit_status: int | None = None,
    step_key: str | None = None,
    soft_failed: bool = False,
    parallel: tuple[int, int] | None = None,
    job_id: str | None = None,
    retried: bool = False,
    retried_in_job_id: str | None = None,
    retry_source: Mapping[str, Any] | None = None,
    retries_count: int | None = None,
    command: str = "make ci",
    **extra: Any,
) -> dict[str, Any]:
    """A `type: script` job as GET build returns it (URLs filled in by `make_build`)."""
    if exit_status is None:
        exit_status = {"passed": 0, "failed": 1, "timed_out": -1}.get(state)
    ran = state not in NEVER_RAN and state not in ("scheduled", "waiting", "pending")
    job: dict[str, Any] = {
        "id": job_id or _uuid("job", name, state, parallel, next(_job_seq)),
        "graphql_id": "Sm9iLS0t" + base64.b64encode(name.encode()).decode()[:16],
        "type": "script",
        "name": name,
        "step_key": step_key,
        "step": {"id": _uuid("step", step_key or name), "signature": None},
        "priority": {"number": 0},
        "agent_query_rules": ["queue=default"],
        "state": state,
        "command": command,
        "soft_failed": soft_failed,
        "exit_status": exit_status if ran else None,
        "signal": None,
        "signal_reason": None,
        "artifact_paths": "",
        "agent": {"id": _uuid("agent", name), "name": "agent-7", "hostname": "ci-7"} if ran else None,
        "created_at": _STAMP,
        "scheduled_at": _STAMP,
        "runnable_at": _STAMP if ran else None,
        "started_at": "2026-11-26T10:00:02.000Z" if ran else None,
        "finished_at": _FINISHED if state not in ("running", "scheduled", "assigned", "accepted") else None,
        "expired_at": None,
        "retried": retried,
        "retried_in_job_id": retried_in_job_id,
        "retries_count": retries_count,
        "retry_source": dict(retry_source) if retry_source else None,
        "retry_type": (retry_source or {}).get("retry_type"),
        "retried_by": None,
        "parallel_group_index": parallel[0] if parallel else None,
        "parallel_group_total": parallel[1] if parallel else None,
        "matrix": None,
        "cluster_id": None,
        "cluster_url": None,
        "cluster_queue_id": None,
        "cluster_queue_url": None,
    }
    if state == "broken":
        job["broken_reason"] = extra.pop("broken_reason", "conditional_failed")
    job.update(extra)
    return job


_job_seq = itertools.count()


def retried_job(
    name: str,
    *,
    first_state: str = "failed",
    final_state: str = "passed",
    step_key: str | None = None,
    retry_type: str = "automatic",
    **kw: Any,
) -> list[dict[str, Any]]:
    """A step that failed and was retried: [first attempt (retried), latest attempt]."""
    final = script_job(
        name,
        state=final_state,
        step_key=step_key,
        retries_count=1,
        **kw,
    )
    first = script_job(
        name,
        state=first_state,
        step_key=step_key,
        retried=True,
        retried_in_job_id=final["id"],
        **kw,
    )
    final["retry_source"] = {"job_id": first["id"], "retry_type": retry_type}
    final["retry_type"] = retry_type
    return [first, final]


def waiter_job() -> dict[str, Any]:
    return {
        "id": _uuid("waiter", next(_job_seq)),
        "graphql_id": "Sm9iLS0td2FpdGVy",
        "type": "waiter",
        "state": "passed",
    }


def block_job(
    label: str = ":rocket: Deploy?", *, state: str = "blocked", input_step: bool = False
) -> dict[str, Any]:
    """A block or input step (`type: manual`)."""
    return {
        "id": _uuid("manual", label, next(_job_seq)),
        "graphql_id": "Sm9iLS0tbWFudWFs",
        "type": "manual",
        "label": label,
        "state": state,
        "web_url": None,
        "unblocked_by": None,
        "unblocked_at": None,
        "unblockable": state == "blocked",
        "unblock_url": None,
        "step_key": "input" if input_step else None,
    }


def trigger_job(
    name: str,
    *,
    state: str = "failed",
    triggered: tuple[str, str, int] | None = None,
    is_async: bool = False,
) -> dict[str, Any]:
    """A `type: trigger` job; `triggered` = (org, pipeline, number) of the child build."""
    child = None
    if triggered:
        o, p, n = triggered
        child = {
            "id": _uuid("build", o, p, n),
            "number": n,
            "url": f"{API_HOST}/v2/organizations/{o}/pipelines/{p}/builds/{n}",
            "web_url": f"{WEB_HOST}/{o}/{p}/builds/{n}",
        }
    return {
        "id": _uuid("trigger", name, next(_job_seq)),
        "graphql_id": "Sm9iLS0tdHJpZ2dlcg",
        "type": "trigger",
        "name": name,
        "step_key": None,
        "state": state,
        "async": is_async,
        "created_at": _STAMP,
        "scheduled_at": _STAMP,
        "runnable_at": _STAMP,
        "started_at": _STAMP,
        "finished_at": _FINISHED,
        "triggered_build": child,
    }


def make_build(
    org: str,
    pipeline: str,
    number: int,
    *,
    jobs: Sequence[Mapping[str, Any]] = (),
    state: str = "failed",
    branch: str = "main",
    message: str = "Fix the widgets",
    commit: str = "3f9c2e1a7d5b4c3e2f1a0b9c8d7e6f5a4b3c2d1e",
) -> dict[str, Any]:
    """A build as `GET .../builds/{n}` returns it, with every job's URLs pointing at the build."""
    api_build = f"{API_HOST}/v2/organizations/{org}/pipelines/{pipeline}/builds/{number}"
    web_build = f"{WEB_HOST}/{org}/{pipeline}/builds/{number}"
    filled = []
    for job in jobs:
        j = dict(job)
        if j.get("type") in ("script", "trigger"):
            j.setdefault("build_url", api_build)
            j["web_url"] = f"{web_build}#{j['id']}"
        if j.get("type") == "script":
            j["log_url"] = f"{api_build}/jobs/{j['id']}/log"
            j["raw_log_url"] = f"{api_build}/jobs/{j['id']}/log.txt"
            j["artifacts_url"] = f"{api_build}/jobs/{j['id']}/artifacts"
        filled.append(j)
    finished = state in FINISHED_STATES or state in ("skipped", "not_run")
    return {
        "id": _uuid("build", org, pipeline, number),
        "graphql_id": "QnVpbGQtLS0" + hashlib.sha1(f"{org}{pipeline}{number}".encode()).hexdigest()[:12],
        "url": api_build,
        "web_url": web_build,
        "number": number,
        "state": state,
        "cancel_reason": None,
        "blocked": state == "blocked",
        "blocked_state": "",
        "message": message,
        "commit": commit,
        "branch": branch,
        "tag": None,
        "env": {},
        "source": "webhook",
        "author": {"name": "Dev", "email": "dev@example.com"},
        "creator": {
            "id": _uuid("user", "dev"),
            "name": "Dev",
            "email": "dev@example.com",
            "avatar_url": "https://www.gravatar.com/avatar/0",
            "created_at": "2020-01-01T00:00:00.000Z",
        },
        "jobs": filled,
        "created_at": _STAMP,
        "scheduled_at": _STAMP,
        "started_at": "2026-11-26T10:00:01.000Z",
        "failing_at": "2026-11-26T10:02:00.000Z" if state == "failed" else None,
        "finished_at": "2026-11-26T10:03:05.000Z" if finished else None,
        "meta_data": {},
        "pull_request": None,
        "rebuilt_from": None,
        "pipeline": {
            "id": _uuid("pipeline", org, pipeline),
            "url": f"{API_HOST}/v2/organizations/{org}/pipelines/{pipeline}",
            "web_url": f"{WEB_HOST}/{org}/{pipeline}",
            "name": pipeline.replace("-", " ").title(),
            "slug": pipeline,
            "repository": f"git@github.com:{org}/{pipeline}.git",
            "default_branch": "main",
        },
    }


# --------------------------------------------------------------------------- demo and CLI


DEMO_LOGS = ("pytest-three-failures", "gcc-undefined-reference", "cargo-test-panic")


def seed_demo(fake: FakeBuildkite, org: str = "demo", pipeline: str = "widgets") -> dict[str, Any]:
    """A failing build `demo/widgets/1`: a passing lint, a waiter, three failed jobs with real
    logs from tests/fixtures/buildkite/, a flaky job that passed on retry and a skipped deploy."""
    jobs: list[dict[str, Any]] = [script_job(":broom: Lint", state="passed", step_key="lint"), waiter_job()]
    failed = []
    for name in DEMO_LOGS:
        job = script_job(f":hammer: {name}", state="failed", step_key=name, exit_status=1)
        jobs.append(job)
        failed.append((job["id"], FIXTURES / f"{name}.log"))
    jobs += retried_job(":test_tube: Integration", step_key="integration")
    jobs.append(script_job(":rocket: Deploy", state="broken", step_key="deploy"))
    build = fake.add_build(org, pipeline, make_build(org, pipeline, 1, jobs=jobs))
    for job_id, path in failed:
        fake.set_log(job_id, path.read_bytes())
    return build


def seed_bench(
    fake: FakeBuildkite,
    *,
    jobs: int = 300,
    failed: int = 40,
    min_mb: float = 2,
    max_mb: float = 20,
    org: str = "bench",
    pipeline: str = "monorepo",
    number: int = 1,
) -> dict[str, Any]:
    """A big failing build: `jobs` script jobs, `failed` of them failed with generated logs whose
    sizes are spread evenly from `min_mb` to `max_mb` MiB (held as generators, not bytes)."""
    tail = (FIXTURES / "pytest-three-failures.log").read_bytes()
    all_jobs: list[dict[str, Any]] = []
    logs: list[tuple[str, int]] = []
    for i in range(jobs):
        if i < failed:
            job = script_job(f":pytest: shard {i}", state="failed", step_key="tests", parallel=(i, failed))
            step = (max_mb - min_mb) / max(1, failed - 1)
            logs.append((job["id"], int((min_mb + step * i) * 1024 * 1024)))
        else:
            job = script_job(f":white_check_mark: check {i}", state="passed", step_key=f"check-{i}")
        all_jobs.append(job)
    build = fake.add_build(org, pipeline, make_build(org, pipeline, number, jobs=all_jobs))
    for job_id, size in logs:
        fake.set_log(job_id, GeneratedLog(size, tail=tail))
    return build


@contextlib.contextmanager
def serve_in_thread(fake: FakeBuildkite, host: str = "127.0.0.1") -> Iterator[str]:
    """Serve `fake` with uvicorn on a free port in a background thread; yields the base URL."""
    import threading

    import uvicorn

    config = uvicorn.Config(create_app(fake), host=host, port=0, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("fake Buildkite did not start")
        time.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def main(argv: Sequence[str] | None = None) -> None:
    import uvicorn

    parser = argparse.ArgumentParser(
        prog="python -m tests.fake_buildkite", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=9100)
    parser.add_argument("--latency-ms", type=float, default=0.0, help="added to every request")
    parser.add_argument("--demo", action="store_true", help="seed the failing build demo/widgets/1")
    parser.add_argument("--token", default=DEFAULT_TOKEN)
    parser.add_argument("--user-limit", type=int, default=50)
    parser.add_argument("--org-limit", type=int, default=200)
    parser.add_argument(
        "--bench", action="store_true", help="seed bench/monorepo/1: 300 jobs, 40 failed, 2-20 MiB logs"
    )
    parser.add_argument(
        "--big-log-mb", type=int, default=0, help="seed bench/big/1 with one failed job and a log this big"
    )
    args = parser.parse_args(argv)
    fake = FakeBuildkite(
        token=args.token, latency=args.latency_ms / 1000, user_limit=args.user_limit, org_limit=args.org_limit
    )
    if args.demo:
        seed_demo(fake)
    if args.bench:
        seed_bench(fake)
    if args.big_log_mb:
        seed_bench(fake, jobs=1, failed=1, min_mb=args.big_log_mb, max_mb=args.big_log_mb, pipeline="big")
    url = f"http://{args.host}:{args.port}"
    print(f"fake Buildkite on {url}", flush=True)
    print(f"  export BUILDKITE_API_URL={url}", flush=True)
    print(f"  export BUILDKITE_API_TOKEN={args.token}", flush=True)
    if args.demo:
        print(f"  destill analyze {WEB_HOST}/demo/widgets/builds/1", flush=True)
    uvicorn.run(create_app(fake), host=args.host, port=args.port, log_level="warning")


if __name__ == "__main__":
    main()
