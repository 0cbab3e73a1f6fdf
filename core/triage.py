"""The end-to-end triage of one build: fetch, read failed logs, analyse, render, post, remember.

`triage_build` turns a build into a TriageReport (one build GET, one GET per failed job's log);
`run` is what a queued job does with it: decide whether the build needs us at all, post the one
annotation (context `destill`, replaced on every run) and keep the report as the build's latest
triage. Everything arrives as an argument (client, store, rules), so the CLI, the worker and the
tests share this one path.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from core.analysis import Analyser
from core.annotation import compose
from core.buildkite import BuildkiteClient, BuildkiteError, NotFound, Unauthorized
from core.errors import PermanentFailure, RetryLater
from core.history import recall
from core.ingest import DEFAULT_TAIL_BYTES, LogResult, not_finished, read_logs, select_jobs
from core.models import BuildInfo, BuildRef, JobTriage, LogChunk, TriageCard, TriageReport, TriageRequest
from core.rules import RuleSet
from core.store import JobStore

# Build states in which nothing failed: no triage unless we annotated the build before.
PASSED_STATES = frozenset({"passed"})
# Build states nobody needs a triage for (unless asked by hand).
QUIET_STATES = frozenset({"skipped", "not_run", "canceled", "blocked"})


@dataclass(frozen=True)
class TriageOptions:
    max_lines: int = 25
    max_line_chars: int = 500
    tail_bytes: int | None = DEFAULT_TAIL_BYTES
    concurrency: int = 4
    # A build the REST API still shows running is retried this often, for at most `settle_limit`.
    settle_delay: float = 15.0
    settle_limit: float = 3600.0
    # How many of the pipeline's latest triages are searched for the same failure ("seen before").
    history_limit: int = 200


class Outcome(StrEnum):
    ANNOTATED = "annotated"  # failure triage posted
    PASSED_NOTE = "passed_note"  # our earlier triage replaced by a success note
    SKIPPED = "skipped"  # nothing to do; no API call made


Progress = Callable[[str], None]


def _build_info(ref: BuildRef, build: Mapping[str, Any]) -> BuildInfo:
    web_url = build.get("web_url")
    return BuildInfo(
        org=ref.org,
        pipeline=ref.pipeline,
        number=ref.number,
        url=web_url if isinstance(web_url, str) and web_url else ref.web_url,
        state=build.get("state") if isinstance(build.get("state"), str) else None,
    )


def _job(
    chunk: LogChunk, cards: list[TriageCard], notes: list[str], *, from_tail: bool = False
) -> JobTriage:
    return JobTriage(
        job_id=chunk.job_id,
        name=chunk.job_name,
        step_key=chunk.step_key,
        state=chunk.job_state,
        exit_status=chunk.exit_status,
        cards=cards,
        web_url=chunk.web_url,
        soft_failed=chunk.soft_failed,
        parallel_group_index=chunk.parallel_group_index,
        notes=notes,
        triggered_build_url=chunk.triggered_build_url,
        lines_from_tail=from_tail,
    )


def _log_failure(result: LogResult) -> JobTriage:
    """A log we could not read for good (deleted, expired): say so rather than fail the build's
    whole triage."""
    error = result.error
    reason = "not found (deleted or expired)" if isinstance(error, NotFound) else str(error)
    return _job(result.chunk, [], [*result.notes, f"log could not be read: {reason}"])


async def triage_build(
    client: BuildkiteClient,
    ref: BuildRef,
    rules: RuleSet,
    options: TriageOptions = TriageOptions(),
    *,
    progress: Progress | None = None,
) -> TriageReport:
    """The build's TriageReport. Raises RetryLater while the REST API shows it unfinished."""
    build = await client.get_build(ref)
    unfinished = not_finished(build)
    if unfinished:
        raise RetryLater(unfinished, options.settle_delay)
    selection = select_jobs(build, ref)
    if progress:
        progress(f"{ref.key}: {len(selection.chunks)} failed job(s) to read")

    async def consume(chunk: LogChunk, stream: Any) -> list[TriageCard]:
        analyser = Analyser(
            rules,
            exit_status=chunk.exit_status,
            max_lines=options.max_lines,
            max_line_chars=options.max_line_chars,
        )
        async for data in stream:
            analyser.feed(data)
        cards = analyser.finish()
        if progress:
            progress(f"  {chunk.job_name or chunk.job_id}: {len(cards)} finding(s)")
        return cards

    results = await read_logs(
        client,
        ref,
        list(selection.chunks),
        consume,
        concurrency=options.concurrency,
        tail_bytes=options.tail_bytes,
    )
    jobs: list[JobTriage] = []
    for result in results:
        if result.error is None:
            jobs.append(_job(result.chunk, result.value, result.notes, from_tail=result.truncated))
        elif isinstance(result.error, NotFound):
            jobs.append(_log_failure(result))
        else:
            # Transient (server errors, dropped bodies after retries) or fatal (auth): the
            # whole triage is retried later rather than posted with a hole in it.
            raise result.error
    jobs += [_job(chunk, [], []) for chunk in selection.triggers]
    return TriageReport(build=_build_info(ref, build), jobs=jobs, flaky=list(selection.flaky))


async def run(
    request: TriageRequest,
    *,
    client: BuildkiteClient,
    store: JobStore,
    rules: RuleSet,
    options: TriageOptions = TriageOptions(),
    age: float = 0.0,
    progress: Progress | None = None,
) -> Outcome:
    """Do what a queued triage asks; see the module docstring.

    `age` is how long the request has waited, so a build that never settles ("ghost builds" that
    stay running in the REST API) ends as a failure instead of being deferred forever.
    """
    ref = request.ref
    triaged_before = await store.latest_triage(ref.key) is not None
    if not request.forced and request.state in PASSED_STATES | QUIET_STATES and not triaged_before:
        return Outcome.SKIPPED
    try:
        report = await triage_build(client, ref, rules, options, progress=progress)
    except RetryLater:
        if age > options.settle_limit:
            raise PermanentFailure(
                f"build {ref.key} still unfinished in the REST API after {age / 60:.0f} minutes"
            ) from None
        raise
    except (NotFound, Unauthorized) as exc:
        raise PermanentFailure(str(exc)) from exc
    state = report.build.state if report.build else None
    if state in PASSED_STATES | QUIET_STATES and not (triaged_before or request.forced):
        return Outcome.SKIPPED
    if state not in PASSED_STATES:
        earlier = await store.recent_triages(f"{ref.org}/{ref.pipeline}/", limit=options.history_limit)
        report = report.model_copy(update={"history": recall(report, earlier)})
    annotation = compose(report)
    outcome = Outcome.PASSED_NOTE if state in PASSED_STATES else Outcome.ANNOTATED
    try:
        await client.create_annotation(
            ref, annotation.body, context=annotation.context, style=annotation.style
        )
    except (NotFound, Unauthorized) as exc:
        raise PermanentFailure(str(exc)) from exc
    await store.save_triage(ref.key, report.to_json())
    return outcome


__all__ = ["BuildkiteError", "Outcome", "TriageOptions", "run", "triage_build"]
