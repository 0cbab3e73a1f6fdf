"""The Buildkite REST API client: builds, raw job logs (streamed), build lists, annotations.

Over an injected `httpx.AsyncClient`. Every request first takes a slot from the shared
`RequestBudget` (core/budget.py) and reports the `RateLimit-*` headers back to it. Transient
failures (5xx, timeouts, dropped connections) are retried with jittered exponential backoff by
tenacity, sleeping through the injected `sleep`; a 429 is retried after the budget has waited out
the reset. Reference: https://buildkite.com/docs/apis/rest-api (builds, jobs, annotations,
rate-limits pages).

The token is sent only to `base_url` (pagination links are re-rooted there) and never appears in
an error, a log line or a repr.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

import httpx
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception,
    stop_after_attempt,
    wait_random_exponential,
)

from core.budget import DEFAULT_REGISTRY, BudgetRegistry, RequestBudget
from core.models import BuildRef

DEFAULT_API_URL = "https://api.buildkite.com"
DEFAULT_CHUNK = 64 * 1024
_MAX_MESSAGE = 200

# The token scope each kind of call needs, named in 403 errors.
SCOPE_BUILDS = "read_builds"
SCOPE_LOGS = "read_build_logs"
SCOPE_WRITE = "write_builds"


class BuildkiteError(Exception):
    """Any failure talking to Buildkite. `retryable`: trying the same call later may work."""

    retryable = False

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


class NotFound(BuildkiteError):
    """404: no such build, job, log or annotation (or the token cannot see the pipeline)."""


class Unauthorized(BuildkiteError):
    """401/403: the token is wrong, expired, or lacks `scope`."""

    def __init__(self, message: str, *, status: int, scope: str | None) -> None:
        super().__init__(message, status=status)
        self.scope = scope


class RateLimited(BuildkiteError):
    """429 after every retry: the limit did not reset in time."""

    retryable = True

    def __init__(self, message: str, *, reset: float | None) -> None:
        super().__init__(message, status=429)
        self.reset = reset


class ServerError(BuildkiteError):
    """5xx, a timeout or a dropped connection, still failing after every retry."""

    retryable = True


class LogInterrupted(BuildkiteError):
    """The log body stopped before its end (dropped connection, short body). Bytes already
    handed to the consumer are incomplete: read the log again from the start."""

    retryable = True


def normalise_base_url(url: str) -> str:
    """`https://api.buildkite.com`, with or without a trailing `/v2` or `/`, gives the host root."""
    url = url.strip().rstrip("/")
    if url.endswith("/v2"):
        url = url[: -len("/v2")]
    return url


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _MAX_MESSAGE else text[: _MAX_MESSAGE - 1] + "…"


def _server_message(response: httpx.Response) -> str:
    try:
        data = response.json()
    except ValueError:
        return ""
    if isinstance(data, Mapping) and isinstance(data.get("message"), str):
        return _short(data["message"])
    return ""


_SCOPE_IN_MESSAGE = re.compile(r"\b(read_\w+|write_\w+)\b")


def _error_for(response: httpx.Response, what: str, scope: str) -> BuildkiteError:
    status = response.status_code
    said = _server_message(response)
    suffix = f" (Buildkite said: {said})" if said else ""
    if status == 401:
        return Unauthorized(
            f"Buildkite rejected the API token for {what} (401): check BUILDKITE_API_TOKEN is a valid, "
            f"unexpired token with the {SCOPE_BUILDS}, {SCOPE_LOGS} and {SCOPE_WRITE} scopes{suffix}",
            status=401,
            scope=None,
        )
    if status == 403:
        m = _SCOPE_IN_MESSAGE.search(said)
        missing = m.group(1) if m else scope
        return Unauthorized(
            f"Buildkite refused {what} (403): the API token probably lacks the {missing} scope, or its "
            f"owner cannot see this pipeline{suffix}",
            status=403,
            scope=missing,
        )
    if status == 404:
        return NotFound(f"Buildkite has no {what} (404){suffix}", status=404)
    if status == 429:
        return RateLimited(f"Buildkite rate limit hit on {what} (429){suffix}", reset=None)
    if status >= 500:
        return ServerError(f"Buildkite failed on {what} ({status}){suffix}", status=status)
    return BuildkiteError(f"Buildkite refused {what} ({status}){suffix}", status=status)


_ID = re.compile(r"[A-Za-z0-9-]{1,64}")


def _check_id(value: str) -> None:
    # Ids come from API JSON and go into URL paths: refuse anything that could change the path.
    if not _ID.fullmatch(value):
        raise ValueError(f"not a Buildkite id: {value[:80]!r}")


def _transient(exc: BaseException) -> bool:
    return isinstance(exc, ServerError | RateLimited | httpx.TransportError)


class _Backoff:
    """tenacity wait: jittered exponential for 5xx and transport errors; nothing extra for a
    429, since the budget itself holds the next request until the limit resets."""

    def __init__(self, initial: float, maximum: float) -> None:
        self._exp = wait_random_exponential(multiplier=initial, max=maximum)

    def __call__(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        if isinstance(exc, RateLimited):
            return 0.0
        return float(self._exp(state))


class LogStream:
    """A job's raw log as an async iterator of byte chunks, never held whole.

    After the response headers arrive (the first `__anext__`, or `open()`), `truncated` says
    whether only the tail was fetched, `total_size` is the log's full size in bytes (None if the
    server did not say) and `start` the offset in the full log of the first byte yielded. A tail
    read drops the partial line it starts in, so the consumer only ever sees whole lines. Use as
    `async with client.stream_log(...) as log: async for chunk in log: ...` so the connection is
    released even when the consumer stops early.
    """

    def __init__(
        self,
        client: BuildkiteClient,
        ref: BuildRef,
        job_id: str,
        tail_bytes: int | None,
        chunk_size: int,
    ) -> None:
        self._client = client
        self.ref = ref
        self.job_id = job_id
        self.tail_bytes = tail_bytes
        self.chunk_size = chunk_size
        self.truncated = False
        self.total_size: int | None = None
        self.start = 0
        self.bytes_read = 0
        self._response: httpx.Response | None = None
        self._expected: int | None = None
        self._iterator: AsyncIterator[bytes] | None = None

    def __repr__(self) -> str:
        return (
            f"LogStream(job_id={self.job_id!r}, truncated={self.truncated}, "
            f"total_size={self.total_size}, bytes_read={self.bytes_read})"
        )

    async def open(self) -> None:
        """Send the request (with retries) and read the headers. Idempotent."""
        if self._response is not None:
            return
        headers = {"Accept": "text/plain"}
        if self.tail_bytes is not None:
            headers["Range"] = f"bytes=-{max(1, self.tail_bytes)}"
        path = (
            f"/v2/organizations/{self.ref.org}/pipelines/{self.ref.pipeline}/builds/"
            f"{self.ref.number}/jobs/{self.job_id}/log"
        )
        what = f"the log of job {self.job_id} in build {self.ref.key}"
        response = await self._client._send(
            "GET",
            path,
            org=self.ref.org,
            what=what,
            scope=SCOPE_LOGS,
            headers=headers,
            stream=True,
            ok=(200, 206, 416),
        )
        self._response = response
        if response.status_code == 416:  # an empty log has no suffix to serve
            self.total_size = 0
            self._expected = 0
            return
        length = response.headers.get("Content-Length")
        self._expected = int(length) if length and length.isdigit() else None
        content_range = response.headers.get("Content-Range", "")
        m = re.fullmatch(r"bytes (\d+)-(\d+)/(\d+|\*)", content_range.strip())
        if response.status_code == 206 and m:
            self.start = int(m.group(1))
            self.total_size = int(m.group(3)) if m.group(3) != "*" else None
            self.truncated = self.start > 0
        else:
            self.total_size = self._expected

    def __aiter__(self) -> AsyncIterator[bytes]:
        if self._iterator is None:
            self._iterator = self._chunks()
        return self._iterator

    async def _chunks(self) -> AsyncIterator[bytes]:
        await self.open()
        response = self._response
        assert response is not None
        what = f"the log of job {self.job_id} in build {self.ref.key}"
        try:
            if response.status_code == 416:
                return
            try:
                # A tail starts mid-line: drop that fragment so every line the consumer sees is whole.
                partial = self.truncated
                async for chunk in response.aiter_bytes(self.chunk_size):
                    self.bytes_read += len(chunk)
                    if partial:
                        cut = chunk.find(b"\n")
                        self.start += len(chunk) if cut < 0 else cut + 1
                        if cut < 0:
                            continue
                        chunk = chunk[cut + 1 :]
                        partial = False
                        if not chunk:
                            continue
                    yield chunk
            except httpx.TransportError as exc:
                raise LogInterrupted(
                    f"{what} stopped after {self.bytes_read} bytes ({type(exc).__name__})"
                ) from None
            # Content-Length counts the bytes on the wire (compressed, if the server compressed).
            if self._expected is not None and response.num_bytes_downloaded < self._expected:
                raise LogInterrupted(
                    f"{what} stopped after {response.num_bytes_downloaded} of {self._expected} bytes"
                )
        finally:
            await response.aclose()

    async def aclose(self) -> None:
        if self._response is not None:
            await self._response.aclose()

    async def __aenter__(self) -> LogStream:
        await self.open()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()


class BuildkiteClient:
    """Buildkite REST calls destill makes. Errors: `BuildkiteError` and its subclasses."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        token: str,
        *,
        base_url: str = DEFAULT_API_URL,
        budget: RequestBudget | None = None,
        budgets: BudgetRegistry | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
        max_attempts: int = 5,
        backoff_initial: float = 0.5,
        backoff_max: float = 30.0,
        timeout: httpx.Timeout | float | None = None,
    ) -> None:
        self._http = http
        self.__token = token
        self.base_url = normalise_base_url(base_url)
        self._budget = budget
        if budgets is None:
            default_time = sleep is asyncio.sleep and clock is time.monotonic
            budgets = DEFAULT_REGISTRY if default_time else BudgetRegistry(clock=clock, sleep=sleep)
        self._budgets = budgets
        self._sleep = sleep
        self._clock = clock
        self.max_attempts = max_attempts
        self._wait = _Backoff(backoff_initial, backoff_max)
        self._timeout = timeout if timeout is not None else httpx.Timeout(30.0, connect=10.0)
        self.requests_sent = 0

    def __repr__(self) -> str:
        return f"BuildkiteClient(base_url={self.base_url!r})"

    def budget_for(self, org: str) -> RequestBudget:
        return self._budget if self._budget is not None else self._budgets.get(org, self.__token)

    # -- the one request method everything goes through
    def _url(self, path_or_url: str) -> str:
        # Pagination links are absolute; keep only path and query so the token goes nowhere else.
        parts = urlsplit(path_or_url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        return self.base_url + path

    async def _send(
        self,
        method: str,
        path: str,
        *,
        org: str,
        what: str,
        scope: str,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        headers: Mapping[str, str] | None = None,
        stream: bool = False,
        ok: tuple[int, ...] = (200, 201, 204),
    ) -> httpx.Response:
        budget = self.budget_for(org)
        request_headers = {"Authorization": f"Bearer {self.__token}", "Accept": "application/json"}
        request_headers.update(headers or {})
        url = self._url(path)

        async def attempt() -> httpx.Response:
            await budget.acquire()
            self.requests_sent += 1
            request = self._http.build_request(
                method, url, params=params, json=json, headers=request_headers, timeout=self._timeout
            )
            try:
                response = await self._http.send(request, stream=stream)
            except httpx.TransportError as exc:
                raise ServerError(f"could not reach Buildkite for {what} ({type(exc).__name__})") from None
            budget.observe(response.headers)
            if response.status_code in ok:
                return response
            if stream:
                await response.aread()
                await response.aclose()
            if response.status_code == 429:
                body: Any = None
                with contextlib.suppress(ValueError):
                    body = response.json()
                wait = budget.rate_limited(response.headers, body)
                error = _error_for(response, what, scope)
                assert isinstance(error, RateLimited)
                error.reset = wait
                raise error
            raise _error_for(response, what, scope)

        retrying = AsyncRetrying(
            stop=stop_after_attempt(self.max_attempts),
            wait=self._wait,
            retry=retry_if_exception(_transient),
            sleep=self._sleep,
            reraise=True,
        )
        async for state in retrying:
            with state:
                return await attempt()
        raise AssertionError("unreachable: tenacity reraises")  # pragma: no cover

    async def _json(self, method: str, path: str, **kw: Any) -> Any:
        response = await self._send(method, path, **kw)
        try:
            return response.json()
        except ValueError:
            raise ServerError(f"Buildkite sent malformed JSON for {kw['what']}") from None

    # -- builds
    async def get_build(self, ref: BuildRef, *, include_retried_jobs: bool = False) -> dict[str, Any]:
        """The build with its jobs (by default only the latest attempt of each step)."""
        params = {"include_retried_jobs": "true"} if include_retried_jobs else None
        data = await self._json(
            "GET",
            f"/v2/organizations/{ref.org}/pipelines/{ref.pipeline}/builds/{ref.number}",
            org=ref.org,
            what=f"build {ref.key}",
            scope=SCOPE_BUILDS,
            params=params,
        )
        if not isinstance(data, dict):
            raise ServerError(f"Buildkite sent a non-object for build {ref.key}")
        return data

    async def list_builds(
        self,
        org: str,
        pipeline: str | None,
        *,
        branch: str | None = None,
        state: str | list[str] | None = None,
        finished_from: str | None = None,
        per_page: int = 100,
        max_pages: int | None = None,
    ) -> AsyncIterator[dict[str, Any]]:
        """A pipeline's builds (every pipeline's with `pipeline=None`), newest first, following
        `Link: rel="next"`. `finished_from` is an ISO 8601 time."""
        params: dict[str, Any] = {"per_page": str(per_page)}
        if branch:
            params["branch"] = branch
        if finished_from:
            params["finished_from"] = finished_from
        if isinstance(state, str):
            params["state"] = state
        elif state:
            params["state[]"] = list(state)
        path: str | None = (
            f"/v2/organizations/{org}/pipelines/{pipeline}/builds"
            if pipeline
            else f"/v2/organizations/{org}/builds"
        )
        pages = 0
        while path is not None and (max_pages is None or pages < max_pages):
            response = await self._send(
                "GET",
                path,
                org=org,
                what=f"builds of {org}/{pipeline or '*'}",
                scope=SCOPE_BUILDS,
                params=params if pages == 0 else None,
            )
            pages += 1
            try:
                items = response.json()
            except ValueError:
                raise ServerError(f"Buildkite sent malformed JSON for builds of {org}/{pipeline}") from None
            for item in items if isinstance(items, list) else []:
                if isinstance(item, dict):
                    yield item
            nxt = response.links.get("next", {}).get("url")
            path = nxt if nxt else None

    # -- logs
    def stream_log(
        self, ref: BuildRef, job_id: str, *, tail_bytes: int | None = None, chunk_size: int = DEFAULT_CHUNK
    ) -> LogStream:
        """The job's raw log (`Accept: text/plain`), streamed in chunks. With `tail_bytes`, only its
        last `tail_bytes` (`Range: bytes=-N`, one request either way); `.truncated` says if
        anything before was left out."""
        _check_id(job_id)
        return LogStream(self, ref, job_id, tail_bytes, chunk_size)

    # -- annotations
    async def create_annotation(
        self,
        ref: BuildRef,
        body: str,
        *,
        context: str = "destill",
        style: str = "error",
        priority: int | None = None,
        append: bool = False,
    ) -> dict[str, Any]:
        """Create (or, same context, replace) the build's annotation. Safe to retry: one context
        holds one annotation."""
        payload: dict[str, Any] = {"body": body, "context": context, "style": style}
        if priority is not None:
            payload["priority"] = priority
        if append:
            payload["append"] = True
        data = await self._json(
            "POST",
            f"/v2/organizations/{ref.org}/pipelines/{ref.pipeline}/builds/{ref.number}/annotations",
            org=ref.org,
            what=f"annotations of build {ref.key}",
            scope=SCOPE_WRITE,
            json=payload,
        )
        return data if isinstance(data, dict) else {}

    async def list_annotations(self, ref: BuildRef) -> list[dict[str, Any]]:
        path: str | None = (
            f"/v2/organizations/{ref.org}/pipelines/{ref.pipeline}/builds/{ref.number}/annotations"
        )
        out: list[dict[str, Any]] = []
        while path is not None:
            response = await self._send(
                "GET", path, org=ref.org, what=f"annotations of build {ref.key}", scope=SCOPE_BUILDS
            )
            items = response.json()
            out += [a for a in items if isinstance(a, dict)] if isinstance(items, list) else []
            path = response.links.get("next", {}).get("url")
        return out

    async def delete_annotation(self, ref: BuildRef, annotation_id: str) -> None:
        _check_id(annotation_id)
        await self._send(
            "DELETE",
            f"/v2/organizations/{ref.org}/pipelines/{ref.pipeline}/builds/{ref.number}/annotations/{annotation_id}",
            org=ref.org,
            what=f"annotation {annotation_id} of build {ref.key}",
            scope=SCOPE_WRITE,
        )
