"""core.events: webhook bodies → Ping / Ignored / BuildFinished, and replay bodies → BuildRef."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from core.events import (
    BuildFinished,
    Ignored,
    MalformedEvent,
    Ping,
    parse_event,
    parse_replay,
    parse_timestamp,
)
from tests.signing import build_finished, build_id, payload_bytes
from tests.test_verify import GO_BUILDKITE_BODY


def finished(payload: dict[str, Any], header: str | None = "build.finished") -> BuildFinished:
    event = parse_event(payload_bytes(payload), header)
    assert isinstance(event, BuildFinished)
    return event


def test_shared_sample_payload(shared_dir: Path) -> None:
    body = (shared_dir / "data" / "webhooks" / "build_finished.json").read_bytes()
    event = parse_event(body, "build.finished")
    assert isinstance(event, BuildFinished)
    r = event.request
    assert (r.org, r.pipeline, r.number) == ("acme", "widgets", 1)
    assert r.build_id == "841f10f2-5666-5337-aa07-806b02e4e221"
    assert r.state == "failed"
    assert (r.branch, r.commit) == ("main", "3f9c2e1a7d000000000000000000000000000000")
    assert r.finished_at == "2026-11-26T10:03:05.000Z"
    assert r.forced is False and r.source == "webhook"
    assert event.key == "2026-11-26T10:03:05.000Z:build.finished:841f10f2-5666-5337-aa07-806b02e4e221"


def test_slugs_come_from_the_urls() -> None:
    r = finished(build_finished("my-org", "web_app", 27)).request
    assert (r.org, r.pipeline, r.number, r.build_id) == (
        "my-org",
        "web_app",
        27,
        build_id("my-org", "web_app", 27),
    )


@pytest.mark.parametrize("keep", ["build.url", "build.web_url", "pipeline.url"])
def test_any_one_url_is_enough(keep: str) -> None:
    p = build_finished("acme", "web", 5)
    for where in ("build.url", "build.web_url", "pipeline.url"):
        if where != keep:
            obj, field = where.split(".")
            del p[obj][field]
    assert finished(p).request.ref.key == "acme/web/5"


def test_no_url_at_all_is_malformed() -> None:
    p = build_finished()
    del p["build"]["url"], p["build"]["web_url"], p["pipeline"]["url"]
    with pytest.raises(MalformedEvent, match="no org slug"):
        parse_event(payload_bytes(p), "build.finished")


@pytest.mark.parametrize(
    ("path", "value", "reason"),
    [
        ("build.web_url", "https://buildkite.com/other/widgets/builds/1", "different pipelines"),
        (
            "build.url",
            "https://api.buildkite.com/v2/organizations/acme/pipelines/widgets/builds/2",
            "not build.number",
        ),
        ("pipeline.slug", "gadgets", "pipeline.slug"),
        ("build.url", "https://example.com/", "not a Buildkite URL"),
        (
            "build.url",
            "https://api.buildkite.com/v2/organizations/ACME/pipelines/w/builds/1",
            "not a Buildkite URL",
        ),
        ("build.number", "1", "build.number"),
        ("build.number", 0, "build.number"),
        ("build.number", True, "build.number"),
        ("build.id", "../../etc", "build.id"),
        ("build.finished_at", "yesterday", "timestamp"),
        ("build.finished_at", "0001-01-01T00:00:00+14:00", "timestamp"),
        ("build.finished_at", "9999-12-31T23:59:59-14:00", "timestamp"),
        ("build.finished_at", "2026-13-01T00:00:00.000Z", "timestamp"),  # canonical shape, no such month
        ("build.finished_at", "2026-02-30T10:00:00.000Z", "timestamp"),
        ("build", None, "build"),
        ("build", [], "build"),
    ],
)
def test_wrong_shapes_are_malformed(path: str, value: Any, reason: str) -> None:
    p = build_finished()
    obj, _, field = path.partition(".")
    if field:
        p[obj][field] = value
    else:
        p[obj] = value
    with pytest.raises(MalformedEvent, match=reason):
        parse_event(payload_bytes(p), "build.finished")


def test_self_hosted_api_hosts_are_accepted() -> None:
    p = build_finished("acme", "widgets", 3)
    p["build"]["url"] = "http://127.0.0.1:9100/v2/organizations/acme/pipelines/widgets/builds/3"
    p["pipeline"]["url"] = "http://127.0.0.1:9100/v2/organizations/acme/pipelines/widgets"
    del p["build"]["web_url"]
    assert finished(p).request.ref.key == "acme/widgets/3"


def test_both_timestamp_formats_give_the_same_key() -> None:
    a = finished(build_finished(finished_at="2018-07-01 20:14:38 UTC"))
    b = finished(build_finished(finished_at="2018-07-01T20:14:38.000Z"))
    assert a.request.finished_at == b.request.finished_at == "2018-07-01T20:14:38.000Z"
    assert a.key == b.key
    c = finished(build_finished(finished_at="2018-07-01T20:14:39.000Z"))
    assert c.key != a.key
    # Other ISO forms of the same instant land on the same canonical text too.
    for other in ("2018-07-01T20:14:38Z", "2018-07-01T22:14:38.000+02:00", "2018-07-01T20:14:38.000400Z"):
        assert finished(build_finished(finished_at=other)).key == a.key, other


def test_parse_timestamp_keeps_milliseconds_and_zones() -> None:
    assert parse_timestamp("2015-05-09T21:05:59.874Z").microsecond == 874000
    assert parse_timestamp("2015-05-09T23:05:59+02:00") == parse_timestamp("2015-05-09T21:05:59Z")


def test_missing_finished_at_still_parses() -> None:
    p = build_finished()
    p["build"]["finished_at"] = None
    event = finished(p)
    assert event.request.finished_at is None
    assert event.key.startswith("-:build.finished:")


def test_event_comes_from_the_header_or_the_body() -> None:
    assert isinstance(parse_event(payload_bytes(build_finished()), None), BuildFinished)
    with pytest.raises(MalformedEvent, match="differ"):
        parse_event(payload_bytes(build_finished()), "build.running")
    p = build_finished()
    del p["event"]
    assert isinstance(parse_event(payload_bytes(p), "build.finished"), BuildFinished)
    with pytest.raises(MalformedEvent, match="no event"):
        parse_event(payload_bytes(p), None)


def test_ping() -> None:
    event = parse_event(GO_BUILDKITE_BODY, "ping")
    assert event == Ping(org="acme-inc")


@pytest.mark.parametrize("name", ["build.running", "job.finished", "agent.connected", "build.failing"])
def test_other_events_are_ignored_without_validating_them(name: str) -> None:
    assert parse_event(json.dumps({"event": name, "anything": [1]}).encode(), name) == Ignored(name)


@pytest.mark.parametrize(
    "body",
    [b"", b"not json", b"[]", b"null", b'"build.finished"', b"\xff\xfe", b"[" * 100000, b'{"event": 3}'],
)
def test_unreadable_bodies_are_malformed(body: bytes) -> None:
    with pytest.raises(MalformedEvent):
        parse_event(body, "build.finished")


# -- replay bodies ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        b"https://buildkite.com/acme/widgets/builds/42",
        b"  https://buildkite.com/acme/widgets/builds/42/\n",
        b'"https://buildkite.com/acme/widgets/builds/42"',
        b'{"build_url": "https://buildkite.com/acme/widgets/builds/42"}',
        b'{"org": "acme", "pipeline": "widgets", "number": 42}',
    ],
)
def test_replay_bodies(body: bytes) -> None:
    assert parse_replay(body).key == "acme/widgets/42"


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"https://evil.example/acme/widgets/builds/42",
        b"http://buildkite.com/acme/widgets/builds/42",
        b"https://buildkite.com.evil.example/acme/widgets/builds/42",
        b"https://buildkite.com/acme/widgets/builds/0",
        b"https://buildkite.com/acme/widgets/builds/-1",
        b"https://buildkite.com/Acme/widgets/builds/1",
        b"https://buildkite.com/acme/../builds/1",
        b"https://buildkite.com/acme/widgets/builds/1?x=y",
        b"https://buildkite.com/acme/widgets/builds/1#job",
        b"https://user@buildkite.com/acme/widgets/builds/1",
        b'{"build_url": 42}',
        b'{"build_url": "https://buildkite.com/acme/widgets/builds/1", "extra": 1}',
        b'{"org": "acme", "pipeline": "widgets", "number": "42"}',
        b'{"org": "acme", "pipeline": "widgets", "number": true}',
        b'{"org": "acme", "pipeline": "wid gets", "number": 1}',
        b'{"org": "acme", "pipeline": "widgets"}',
        b"[1]",
        b"{not json",
        b"\xff",
    ],
)
def test_replay_refuses_other_hosts_and_malformed_bodies(body: bytes) -> None:
    with pytest.raises(MalformedEvent):
        parse_replay(body)


def _outcome(parse: Any, body: bytes, header: str | None) -> object:
    try:
        return parse(body, header)
    except MalformedEvent as e:
        return ("malformed", e.reason)


def _variant(**build: Any) -> bytes:
    payload = build_finished("acme", "widgets", 7)
    payload["build"].update(build)
    return payload_bytes(payload)


_GOOD = _variant()


@pytest.mark.parametrize(
    ("body", "header"),
    [
        (_GOOD, "build.finished"),
        (_GOOD, None),
        (_GOOD, "ping"),  # header and body disagree
        (_GOOD[:-1] + b',"event":5}', "build.finished"),  # the last "event" wins in both parsers
        (b"\xef\xbb\xbf" + _GOOD, "build.finished"),  # a BOM: json.loads takes it, pydantic does not
        (_GOOD.decode().encode("utf-16"), "build.finished"),  # json.loads detects UTF-16
        (_GOOD[:-1] + b', "x": "\\udc00"}', "build.finished"),  # a lone surrogate in an ignored field
        (_GOOD[:-1] + b', "x": NaN}', "build.finished"),
        (_GOOD[:-1] + b', "x": "\xff"}', "build.finished"),  # not UTF-8
        (_GOOD[:-1] + b', "x": [1,]}', "build.finished"),  # broken JSON in an ignored field
        (_GOOD[:-1] + b', "build": {"id": "b", "number": 8, "url": "https://x/y"}}', "build.finished"),
        (_variant(number=7.0), "build.finished"),
        (_variant(number=8), "build.finished"),  # its URLs name build 7
        (_variant(finished_at="yesterday"), "build.finished"),
        (_variant(id="a b"), "build.finished"),
        (b'{"event": "build.finished", "build": {"id": "a", "number": 1}}', None),  # no URL
        (b"[]", "build.finished"),
        (b"", "build.finished"),
    ],
)
def test_the_fast_path_answers_as_the_full_parse_does(body: bytes, header: str | None) -> None:
    """parse_event reads a well-formed build.finished without building the whole payload; for every
    body it must answer exactly as the full json.loads-then-validate path does."""
    from core import events

    assert _outcome(parse_event, body, header) == _outcome(events._parse_event, body, header)


def test_the_fast_path_reads_build_finished_without_the_full_parse() -> None:
    """The fast path alone yields the same request as the full parse (so it is really used)."""
    from core import events

    fast = events._fast_build_finished(_GOOD, "build.finished")
    full = events._parse_event(_GOOD, "build.finished")
    assert fast is not None and fast == full
