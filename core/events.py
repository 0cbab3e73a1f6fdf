"""Buildkite webhook payloads → what destill does about them (pure: bytes in, models out).

Payload shapes: https://buildkite.com/docs/apis/webhooks/pipelines/build-events. The build
object carries no org slug, so it is taken from `build.url`, `build.web_url` or `pipeline.url`
(BUILDKITE.md §1.6), and all the URLs present must agree.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr, ValidationError

from core.models import SLUG, BuildRef, TriageRequest


class MalformedEvent(ValueError):
    """The body is not a payload we can read; `reason` is short and safe to send back."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Ping:
    org: str | None


@dataclass(frozen=True)
class Ignored:
    event: str


@dataclass(frozen=True)
class BuildFinished:
    request: TriageRequest
    key: str  # idempotency key: Buildkite sends no delivery id


Event = Ping | Ignored | BuildFinished

HANDLED = frozenset({"build.finished", "ping"})

# Hosts are not checked: the payload is authenticated, self-hosted test APIs use other hosts, and
# the worker talks to the configured API URL whatever the payload says.
_API_BUILD = re.compile(
    rf"^https?://[^/\s]+(?:/v2)?/organizations/({SLUG})/pipelines/({SLUG})/builds/([0-9]{{1,13}})/?\Z"
)
_API_PIPELINE = re.compile(rf"^https?://[^/\s]+(?:/v2)?/organizations/({SLUG})/pipelines/({SLUG})/?\Z")
_WEB_BUILD = re.compile(rf"^https?://[^/\s]+/({SLUG})/({SLUG})/builds/([0-9]{{1,13}})/?\Z")
_EVENT_NAME = re.compile(r"^[a-z_]+(\.[a-z_]+)*\Z")
_M = TypeVar("_M", bound=BaseModel)


class _Payload(BaseModel):
    model_config = ConfigDict(extra="ignore")


class _Build(_Payload):
    id: str = Field(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9_-]+$")
    number: StrictInt = Field(ge=1, le=10**12)
    url: str | None = Field(default=None, max_length=2000)
    web_url: str | None = Field(default=None, max_length=2000)
    state: str | None = Field(default=None, max_length=100)
    branch: str | None = Field(default=None, max_length=1000)
    commit: str | None = Field(default=None, max_length=100)
    finished_at: str | None = Field(default=None, max_length=100)
    blocked: bool = False


class _Pipeline(_Payload):
    slug: str | None = None
    url: str | None = Field(default=None, max_length=2000)


class _BuildEvent(_Payload):
    build: _Build
    pipeline: _Pipeline | None = None


class _Envelope(_Payload):
    """The few fields a `build.finished` needs, read straight from the JSON bytes: the rest of the
    payload (steps, jobs, creator, env...) is skipped by the parser, never built as Python objects."""

    event: StrictStr | None = None
    build: _Build | None = None
    pipeline: _Pipeline | None = None


class _Organization(_Payload):
    slug: str | None = None


class _PingEvent(_Payload):
    organization: _Organization | None = None


def parse_timestamp(value: str) -> datetime:
    """Both formats Buildkite has used: `2015-05-09T21:05:59.874Z` and `2018-07-01 20:14:38 UTC`."""
    v = value.strip()
    try:
        if v.endswith(" UTC"):
            dt = datetime.strptime(v[:-4], "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
        else:
            dt = datetime.fromisoformat(v)
        if dt.tzinfo is None:
            dt = dt.replace(tzinfo=UTC)
        return dt.astimezone(UTC)
    except (ValueError, OverflowError):  # OverflowError: year 1 or 9999 shifted out of range
        raise MalformedEvent(f"unreadable timestamp: {v[:40]!r}") from None


def format_timestamp(dt: datetime) -> str:
    """The REST format, milliseconds and Z, so both payload formats give the same key."""
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond // 1000:03d}Z"


_CANONICAL_TIMESTAMP = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z")


def canonical_timestamp(value: str) -> str:
    """`format_timestamp(parse_timestamp(value))`; a value already in that form (what Buildkite
    sends today) is only checked to be a real date, not rebuilt."""
    if _CANONICAL_TIMESTAMP.fullmatch(value):
        parse_timestamp(value)
        return value
    return format_timestamp(parse_timestamp(value))


def idempotency_key(build_id: str, event: str, finished_at: str | None) -> str:
    """The time first: keys then come in about the order they are written, so a new one lands at
    the end of the store's unique index, not on a random page of it (build ids are random UUIDs):
    measured, a sixth fewer WAL pages written and synced per delivery under load."""
    return f"{finished_at or '-'}:{event}:{build_id}"


def parse_event(body: bytes, event_header: str | None = None) -> Event:
    """Read a webhook body; `event_header` is `X-Buildkite-Event` (the body's `event` if absent)."""
    header = event_header.strip() if event_header else None
    fast = _fast_build_finished(body, header)
    if fast is not None:
        return fast
    return _parse_event(body, header)


def _fast_build_finished(body: bytes, header: str | None) -> BuildFinished | None:
    """The common case, a well-formed `build.finished`, without building the whole payload; None
    for anything else, which `_parse_event` then reads in full (and explains, if it is refused).
    It accepts only what `_parse_event` accepts: pydantic's JSON parser is the stricter of the two
    (lone surrogates, a BOM, UTF-16 bodies: refused here, so they take the full path)."""
    try:
        env = _Envelope.model_validate_json(body)
    except ValidationError:
        return None
    event = header or env.event
    if event != "build.finished" or env.build is None or (header and env.event and header != env.event):
        return None
    try:
        return _build_finished(env.build, env.pipeline, event)
    except MalformedEvent:
        return None  # the full path gives the same refusal, after the checks that come first


def _parse_event(body: bytes, header: str | None) -> Event:
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        raise MalformedEvent("body is not valid JSON") from None
    if not isinstance(data, dict):
        raise MalformedEvent("body is not a JSON object")
    body_event = data.get("event")
    if body_event is not None and not isinstance(body_event, str):
        raise MalformedEvent("'event' is not a string")
    if header and body_event and header != body_event:
        raise MalformedEvent("X-Buildkite-Event and the body's 'event' differ")
    event = header or body_event
    if not event:
        raise MalformedEvent("no event named (X-Buildkite-Event header or 'event' field)")
    if len(event) > 100 or not _EVENT_NAME.match(event):
        raise MalformedEvent("event name is malformed")
    if event == "ping":
        ping = _validate(_PingEvent, data)
        return Ping(org=ping.organization.slug if ping.organization else None)
    if event != "build.finished":
        return Ignored(event=event)
    payload = _validate(_BuildEvent, data)
    return _build_finished(payload.build, payload.pipeline, event)


def _validate(model: type[_M], data: dict[str, Any]) -> _M:
    try:
        return model.model_validate(data)
    except ValidationError as e:
        err = e.errors()[0]
        where = ".".join(str(p) for p in err["loc"]) or "body"
        raise MalformedEvent(f"{where}: {err['msg']}"[:200]) from None


def _build_finished(build: _Build, pipeline: _Pipeline | None, event: str) -> BuildFinished:
    found: list[tuple[str, str, str]] = []  # (field, org, pipeline)
    for name, url, pattern in (
        ("build.url", build.url, _API_BUILD),
        ("build.web_url", build.web_url, _WEB_BUILD),
        ("pipeline.url", pipeline.url if pipeline else None, _API_PIPELINE),
    ):
        if url is None:
            continue
        m = pattern.match(url)
        if m is None:
            raise MalformedEvent(f"{name} is not a Buildkite URL")
        if len(m.groups()) == 3 and int(m.group(3)) != build.number:
            raise MalformedEvent(f"{name} names build {m.group(3)}, not build.number {build.number}")
        found.append((name, m.group(1), m.group(2)))
    if not found:
        raise MalformedEvent("no org slug: build.url, build.web_url and pipeline.url are all missing")
    _, org, slug = found[0]
    for name, o, p in found[1:]:
        if (o, p) != (org, slug):
            raise MalformedEvent(f"{found[0][0]} and {name} name different pipelines")
    if pipeline and pipeline.slug is not None and pipeline.slug != slug:
        raise MalformedEvent("pipeline.slug does not match the build's URL")
    finished_at = canonical_timestamp(build.finished_at) if build.finished_at else None
    request = _validate(
        TriageRequest,
        {
            "org": org,
            "pipeline": slug,
            "number": build.number,
            "build_id": build.id,
            "event": event,
            "state": build.state,
            "finished_at": finished_at,
            "branch": build.branch,
            "commit": build.commit,
        },
    )
    return BuildFinished(request=request, key=idempotency_key(build.id, event, finished_at))


def parse_replay(body: bytes) -> BuildRef:
    """A replay request: a build URL (plain text or a JSON string), `{"build_url": URL}` or
    `{"org", "pipeline", "number"}`. Only https://buildkite.com URLs and valid slugs pass."""
    try:
        text = body.decode("utf-8").strip()
    except UnicodeDecodeError:
        raise MalformedEvent("body is not UTF-8") from None
    if not text:
        raise MalformedEvent('empty body: send a build URL or {"org", "pipeline", "number"}')
    data: object = text
    if text[0] in '{"':
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            raise MalformedEvent("body is not valid JSON") from None
    try:
        if isinstance(data, str):
            return BuildRef.from_web_url(data)
        if isinstance(data, dict):
            if set(data) == {"build_url"} and isinstance(data["build_url"], str):
                return BuildRef.from_web_url(data["build_url"])
            if set(data) == {"org", "pipeline", "number"}:
                return _ReplayRef.model_validate(data).to_ref()
    except (ValueError, ValidationError):
        pass
    raise MalformedEvent(
        'expected https://buildkite.com/ORG/PIPELINE/builds/NUMBER, {"build_url": ...} '
        'or {"org", "pipeline", "number"}'
    )


class _ReplayRef(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    org: str = Field(pattern=rf"^{SLUG}$")
    pipeline: str = Field(pattern=rf"^{SLUG}$")
    number: int = Field(ge=1, le=10**12)

    def to_ref(self) -> BuildRef:
        return BuildRef(org=self.org, pipeline=self.pipeline, number=self.number)
