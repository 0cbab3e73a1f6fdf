"""Catch up on builds whose webhook never came.

Buildkite does not redeliver: webhooks lost in an outage stay lost (BUILDKITE.md §1.5), and
"ghost builds" never send `build.finished`. `reconcile` lists the organisation's (or one
pipeline's) failed builds that finished since a given time and queues a triage for each under
the very key its webhook would have used, so a build whose webhook did arrive is not queued
twice. It costs one API request per 100 builds listed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from core.buildkite import BuildkiteClient
from core.events import format_timestamp, idempotency_key, parse_timestamp
from core.models import TriageRequest
from core.store import JobStore

EVENT = "build.finished"
_API_BUILD_PATH = "/v2/organizations/"


@dataclass(frozen=True)
class Reconciled:
    listed: int  # failed builds found
    queued: int  # of those, queued now (their webhook never arrived)


def _slugs(build: Mapping[str, Any]) -> tuple[str, str] | None:
    """(org, pipeline) from the build's API URL: `.../organizations/ORG/pipelines/P/builds/N`."""
    url = build.get("url")
    if not isinstance(url, str) or _API_BUILD_PATH not in url:
        return None
    parts = url.split(_API_BUILD_PATH, 1)[1].split("/")
    return (parts[0], parts[2]) if len(parts) >= 3 and parts[1] == "pipelines" else None


def request_for(build: Mapping[str, Any]) -> tuple[str, TriageRequest] | None:
    """The queue key and request a `build.finished` webhook for `build` would have produced."""
    slugs = _slugs(build)
    build_id, number, finished = build.get("id"), build.get("number"), build.get("finished_at")
    if slugs is None or not isinstance(build_id, str) or not isinstance(number, int):
        return None
    finished_at = format_timestamp(parse_timestamp(finished)) if isinstance(finished, str) else None
    request = TriageRequest(
        org=slugs[0],
        pipeline=slugs[1],
        number=number,
        build_id=build_id,
        event=EVENT,
        state=build.get("state") if isinstance(build.get("state"), str) else None,
        finished_at=finished_at,
        source="reconcile",
    )
    return idempotency_key(build_id, EVENT, finished_at), request


async def reconcile(
    client: BuildkiteClient,
    store: JobStore,
    org: str,
    *,
    since: datetime,
    pipeline: str | None = None,
    max_pages: int = 20,
) -> Reconciled:
    listed = queued = 0
    builds = client.list_builds(
        org, pipeline, state="failed", finished_from=format_timestamp(since), max_pages=max_pages
    )
    async for build in builds:
        found = request_for(build)
        if found is None:
            continue
        listed += 1
        key, request = found
        enqueued = await store.enqueue(key, "triage", request.model_dump(mode="json"))
        queued += enqueued.created
    return Reconciled(listed=listed, queued=queued)
