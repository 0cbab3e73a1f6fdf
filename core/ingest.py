"""Ingestion: which jobs of a build to read, and reading their logs concurrently.

`select_jobs` and `not_finished` are pure functions over the REST build JSON
(https://buildkite.com/docs/apis/rest-api/builds, "Job data model"); `read_logs` is the one async
helper, and takes the client as an argument.

What gets read, and why:
- script jobs that failed or timed out (state `failed`/`timed_out`, or a finished job with a
  non-zero `exit_status`) become LogChunks; soft-failed ones too, marked `soft_failed`;
- of a retried step only the latest attempt counts (`retried: true` marks a superseded attempt,
  present only with `include_retried_jobs`); a latest attempt that passed after a failure is a
  FlakyJob ("passed on retry") and its log is not fetched;
- waiters, block/input steps (`manual`) and jobs that never ran (`broken`, `skipped`, `not_run`,
  `canceled`, `expired`, ...) are listed as skipped, with the reason;
- a failed trigger step is noted with its child build's web URL (the child has its own triage);
- passing jobs are never read.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from core.errors import RetryLater
from core.models import BuildRef, FlakyJob, LogChunk

# Logs past this size are read from their tail (one `Range: bytes=-N` request): a log can reach
# 1 GiB, and the lines that explain a failure sit near its end.
DEFAULT_TAIL_BYTES = 64 * 1024 * 1024

FAILED_STATES = frozenset({"failed", "timed_out"})
# States of a job that did not (or not yet) produce a log worth reading.
NEVER_RAN_STATES = frozenset(
    {
        "broken",
        "skipped",
        "not_run",
        "canceled",
        "expired",
        "limited",
        "pending",
        "waiting",
        "waiting_failed",
        "blocked",
        "blocked_failed",
        "unblocked",
        "unblocked_failed",
    }
)
# Job states that mean the build is still moving (the REST API can lag behind the webhook).
ACTIVE_JOB_STATES = frozenset({"scheduled", "assigned", "accepted", "running", "timing_out", "canceling"})
UNFINISHED_BUILD_STATES = frozenset({"scheduled", "running", "canceling", "failing", "creating"})


@dataclass(frozen=True)
class SkippedJob:
    job_id: str | None
    name: str | None
    job_type: str | None
    state: str | None
    reason: str


@dataclass(frozen=True)
class Selection:
    """What ingestion makes of a build: logs to read, flaky jobs, skipped jobs, failed triggers."""

    chunks: tuple[LogChunk, ...] = ()
    flaky: tuple[FlakyJob, ...] = ()
    skipped: tuple[SkippedJob, ...] = ()
    # Failed trigger steps, as LogChunks with `job_type="trigger"` and `triggered_build_url`; no log.
    triggers: tuple[LogChunk, ...] = ()
    passed: int = 0


def not_finished(build: Mapping[str, Any]) -> str | None:
    """Why the build cannot be triaged yet (webhooks can run ahead of the REST API), or None.

    The caller turns a reason into `RetryLater`.
    """
    state = build.get("state")
    if state in UNFINISHED_BUILD_STATES:
        return f"the build is still {state} according to the REST API"
    for job in build.get("jobs") or []:
        if isinstance(job, Mapping) and not job.get("retried") and job.get("state") in ACTIVE_JOB_STATES:
            return f"job {job.get('id')} is still {job.get('state')}"
    return None


def ensure_finished(build: Mapping[str, Any], *, delay: float = 30.0) -> None:
    """Raise `RetryLater(reason, delay)` if the build is not finished yet (see `not_finished`)."""
    reason = not_finished(build)
    if reason is not None:
        raise RetryLater(reason, delay)


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _name(job: Mapping[str, Any]) -> str | None:
    return _str(job.get("name")) or _str(job.get("label"))


def _is_failure(job: Mapping[str, Any]) -> bool:
    state = job.get("state")
    if state in FAILED_STATES:
        return True
    exit_status = _int(job.get("exit_status"))
    return state not in NEVER_RAN_STATES and exit_status is not None and exit_status != 0


def _is_retry(job: Mapping[str, Any]) -> bool:
    return bool(job.get("retry_source")) or bool(_int(job.get("retries_count")))


def _chunk(ref: BuildRef, job: Mapping[str, Any]) -> LogChunk:
    triggered = job.get("triggered_build")
    return LogChunk(
        build_url=ref.web_url,
        org=ref.org,
        pipeline=ref.pipeline,
        build_number=ref.number,
        job_id=_str(job.get("id")),
        job_name=_name(job),
        step_key=_str(job.get("step_key")),
        job_state=_str(job.get("state")),
        job_type=_str(job.get("type")),
        exit_status=_int(job.get("exit_status")),
        soft_failed=bool(job.get("soft_failed")),
        retried=_is_retry(job),
        web_url=_str(job.get("web_url")),
        parallel_group_index=_int(job.get("parallel_group_index")),
        parallel_group_total=_int(job.get("parallel_group_total")),
        log_url=_str(job.get("raw_log_url")) or _str(job.get("log_url")),
        triggered_build_url=_str(triggered.get("web_url")) if isinstance(triggered, Mapping) else None,
    )


def _ref_of(build: Mapping[str, Any]) -> BuildRef:
    web_url = build.get("web_url")
    if isinstance(web_url, str):
        try:
            return BuildRef.from_web_url(web_url)
        except ValueError:
            pass
    pipeline = build.get("pipeline")
    slug = pipeline.get("slug") if isinstance(pipeline, Mapping) else None
    url = build.get("url")
    org = (
        url.split("/organizations/")[1].split("/")[0]
        if isinstance(url, str) and "/organizations/" in url
        else None
    )
    if not (org and isinstance(slug, str) and _int(build.get("number"))):
        raise ValueError("the build JSON names no organisation, pipeline and number")
    return BuildRef(org=org, pipeline=slug, number=int(build["number"]))


def select_jobs(build: Mapping[str, Any], ref: BuildRef | None = None) -> Selection:
    """Sort a REST build's jobs into logs to read, flaky jobs, skipped jobs and failed triggers."""
    ref = ref or _ref_of(build)
    jobs = [j for j in build.get("jobs") or [] if isinstance(j, Mapping)]
    by_id = {j.get("id"): j for j in jobs}
    chunks: list[LogChunk] = []
    flaky: list[FlakyJob] = []
    skipped: list[SkippedJob] = []
    triggers: list[LogChunk] = []
    passed = 0
    seen: set[Any] = set()

    def skip(job: Mapping[str, Any], reason: str) -> None:
        skipped.append(
            SkippedJob(_str(job.get("id")), _name(job), _str(job.get("type")), _str(job.get("state")), reason)
        )

    for job in jobs:
        job_id = job.get("id")
        if job_id in seen:
            continue
        seen.add(job_id)
        kind = job.get("type")
        state = job.get("state")
        if kind == "waiter":
            skip(job, "waiter")
            continue
        if kind == "manual":
            skip(job, "block or input step")
            continue
        # A superseded attempt: its retry is the one that counts. Only if the chain is broken (the
        # retry is missing from the JSON) is this attempt read.
        if job.get("retried") and job.get("retried_in_job_id") in by_id:
            continue
        if kind == "trigger":
            if state in FAILED_STATES or state in ("broken", "canceled", "expired"):
                if state in FAILED_STATES:
                    triggers.append(_chunk(ref, job))
                else:
                    skip(job, f"trigger step {state}")
            else:
                passed += 1
            continue
        if kind != "script":
            skip(job, f"job type {kind!r}")
            continue
        if _is_failure(job):
            chunks.append(_chunk(ref, job))
        elif state in NEVER_RAN_STATES:
            reason = state if not job.get("broken_reason") else f"{state} ({job.get('broken_reason')})"
            # Only a cancellation can come after the job started (and left a partial log).
            ran = state == "canceled" and bool(job.get("started_at"))
            skip(job, str(reason) if ran else f"never ran: {reason}")
        elif state == "passed" and _is_retry(job):
            flaky.append(
                FlakyJob(
                    job_id=str(job_id),
                    name=_name(job),
                    step_key=_str(job.get("step_key")),
                    web_url=_str(job.get("web_url")),
                )
            )
        elif state == "passed":
            passed += 1
        else:
            skip(job, f"state {state}")
    return Selection(tuple(chunks), tuple(flaky), tuple(skipped), tuple(triggers), passed)


# --------------------------------------------------------------------------- reading logs

T = TypeVar("T")


class _LogClient(Protocol):
    def stream_log(self, ref: BuildRef, job_id: str, *, tail_bytes: int | None = None) -> Any: ...


@dataclass
class LogResult:
    """One job's outcome from `read_logs`: the consumer's value, or the error that stopped it."""

    chunk: LogChunk
    value: Any = None
    error: BaseException | None = None
    truncated: bool = False
    total_size: int | None = None
    attempts: int = 0
    notes: list[str] = field(default_factory=list)


def tail_note(truncated: bool, total_size: int | None, tail_bytes: int | None) -> str | None:
    """The note a card carries when only the end of the log was read."""
    if not truncated or tail_bytes is None:
        return None
    mib = tail_bytes / (1024 * 1024)
    of = f" of {total_size / (1024 * 1024):.0f} MiB" if total_size else ""
    return f"log too large: read the last {mib:.0f} MiB{of} only"


async def read_logs(
    client: _LogClient,
    ref: BuildRef,
    chunks: Sequence[LogChunk],
    consume: Callable[[LogChunk, Any], Awaitable[T]],
    *,
    concurrency: int = 4,
    tail_bytes: int | None = DEFAULT_TAIL_BYTES,
    attempts: int = 2,
    retryable: Callable[[BaseException], bool] | None = None,
) -> list[LogResult]:
    """Fetch the chunks' logs, at most `concurrency` at a time, handing each stream to `consume`.

    `consume(chunk, stream)` iterates the stream (e.g. feeding an Analyser) and returns a value.
    If the stream breaks mid-body, `consume` is called again with a fresh stream: it must start
    from scratch each call. Per-log failures are returned in `LogResult.error` rather than
    raised, so one missing log does not sink the build's triage; the caller decides what is fatal.
    Results come back in the order of `chunks`.
    """
    if concurrency < 1:
        raise ValueError("concurrency must be at least 1")
    gate = asyncio.Semaphore(concurrency)
    is_retryable = retryable or (lambda exc: bool(getattr(exc, "retryable", False)))

    async def one(chunk: LogChunk) -> LogResult:
        result = LogResult(chunk)
        if not chunk.job_id:
            result.error = ValueError("job has no id")
            return result
        async with gate:
            for n in range(1, attempts + 1):
                result.attempts = n
                try:
                    stream = client.stream_log(ref, chunk.job_id, tail_bytes=tail_bytes)
                    async with stream:
                        result.truncated = bool(stream.truncated)
                        result.total_size = stream.total_size
                        result.value = await consume(chunk, stream)
                    result.error = None
                    break
                except Exception as exc:
                    result.error = exc
                    if n == attempts or not is_retryable(exc):
                        break
        note = tail_note(result.truncated, result.total_size, tail_bytes)
        if note and result.error is None:
            result.notes.append(note)
        return result

    return list(await asyncio.gather(*(one(c) for c in chunks)))
