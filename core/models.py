"""The domain's shared vocabulary: LogChunk, TriageCard, TriageReport and the triage request.

Every module of `core/` and `webhook/` speaks these types; the JSON they serialise to is the
contract in DESIGN.md ("JSON (CLI `--format json` and `GET /builds/...`)").
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Category(StrEnum):
    TEST = "test"
    COMPILE = "compile"
    LINT = "lint"
    DEPENDENCY = "dependency"
    RUNTIME = "runtime"
    INFRASTRUCTURE = "infrastructure"
    TIMEOUT = "timeout"
    RESOURCE = "resource"
    CRASH = "crash"
    CONFIG = "config"
    UNKNOWN = "unknown"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# Slugs as Buildkite allows them: lower-case letters, digits and dashes (orgs and pipelines).
SLUG = r"[a-z0-9][a-z0-9_-]{0,99}"
_WEB_BUILD_URL = re.compile(rf"^https://buildkite\.com/({SLUG})/({SLUG})/builds/(\d{{1,12}})/?$")


class BuildRef(_Frozen):
    """Which build: the three things every Buildkite REST path and web URL is made of."""

    org: str = Field(pattern=rf"^{SLUG}$")
    pipeline: str = Field(pattern=rf"^{SLUG}$")
    number: int = Field(ge=1)

    @property
    def web_url(self) -> str:
        return f"https://buildkite.com/{self.org}/{self.pipeline}/builds/{self.number}"

    @property
    def key(self) -> str:
        return f"{self.org}/{self.pipeline}/{self.number}"

    @classmethod
    def from_web_url(cls, url: str) -> BuildRef:
        """Parse `https://buildkite.com/ORG/PIPELINE/builds/N`; ValueError for anything else."""
        m = _WEB_BUILD_URL.match(url.strip())
        if m is None:
            raise ValueError(
                "expected a Buildkite build URL like https://buildkite.com/ORG/PIPELINE/builds/NUMBER"
            )
        return cls(org=m.group(1), pipeline=m.group(2), number=int(m.group(3)))


class BuildInfo(_Frozen):
    """The `build` object of the JSON output."""

    org: str
    pipeline: str
    number: int
    url: str
    state: str | None = None


class LogChunk(_Frozen):
    """One job to read: its metadata, and what ingestion knows about its log.

    The log bytes themselves are streamed by the client and fed to an Analyser; they never sit
    in this object.
    """

    build_url: str | None = None
    org: str | None = None
    pipeline: str | None = None
    build_number: int | None = None
    job_id: str | None = None
    job_name: str | None = None
    step_key: str | None = None
    job_state: str | None = None
    job_type: str | None = None
    exit_status: int | None = None
    soft_failed: bool = False
    retried: bool = False
    web_url: str | None = None
    parallel_group_index: int | None = None
    parallel_group_total: int | None = None
    log_url: str | None = None
    log_size: int | None = None
    # For failed trigger steps: the web URL of the child build.
    triggered_build_url: str | None = None


class Line(_Frozen):
    number: int  # 1-based line number in the raw log as Buildkite serves it
    text: str  # normalised: timestamps and colours removed, overwrites applied


class TriageCard(_Frozen):
    """One finding in one job."""

    rank: int = Field(ge=1)
    category: Category
    rule: str
    title: str
    fingerprint: str
    tests: list[str] = Field(default_factory=list)
    lines: list[Line] = Field(default_factory=list)


class JobTriage(_Frozen):
    """One job of the JSON output with its ranked cards.

    The first six fields are the contract; the rest are extras, left out of the JSON when they
    hold their defaults (see `TriageReport.to_json`).
    """

    job_id: str | None = None
    name: str | None = None
    step_key: str | None = None
    state: str | None = None
    exit_status: int | None = None
    cards: list[TriageCard] = Field(default_factory=list)
    web_url: str | None = None
    soft_failed: bool = False
    parallel_group_index: int | None = None
    # Things the reader should know about how this job was read ("read the last 64 MiB only").
    notes: list[str] = Field(default_factory=list)
    # Only the log's tail was read: line numbers count from the tail's first line, not the log's.
    lines_from_tail: bool = False
    triggered_build_url: str | None = None


class FlakyJob(_Frozen):
    """A job that failed and then passed on retry: listed, never analysed."""

    job_id: str
    name: str | None = None
    step_key: str | None = None
    web_url: str | None = None


class FindingHistory(_Frozen):
    """The same fingerprint in the pipeline's earlier triaged builds (see core/history.py)."""

    seen_in: list[int] = Field(default_factory=list)  # build numbers, most recent first (a few)
    seen_count: int = 0  # in how many earlier triaged builds, in all
    passed_on_retry_in: list[int] = Field(default_factory=list)  # of those, builds that then passed


class TriageReport(_Frozen):
    """A build's triage: every analysed job with its cards, plus the jobs that passed on retry."""

    build: BuildInfo | None = None
    jobs: list[JobTriage] = Field(default_factory=list)
    flaky: list[FlakyJob] = Field(default_factory=list)
    # fingerprint → where this pipeline failed the same way before
    history: dict[str, FindingHistory] = Field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The DESIGN.md JSON: contract keys always, extras only where they say something."""
        out: dict[str, Any] = self.model_dump(mode="json", exclude_defaults=True)
        out["build"] = self.build.model_dump(mode="json") if self.build else None
        jobs = []
        for job in self.jobs:
            j = job.model_dump(mode="json", exclude_defaults=True)
            for key in ("job_id", "name", "step_key", "state", "exit_status"):
                j.setdefault(key, None)
            j["cards"] = [c.model_dump(mode="json") for c in job.cards]
            jobs.append(
                {
                    **{k: j.pop(k) for k in ("job_id", "name", "step_key", "state", "exit_status", "cards")},
                    **j,
                }
            )
        out["jobs"] = jobs
        return {"build": out.pop("build"), "jobs": out.pop("jobs"), **out}


class TriageRequest(_Frozen):
    """What a queued job asks the worker to do: triage one build.

    `forced` (replays and the CLI) re-triages even a build we have already annotated, and even
    one that passed.
    """

    org: str = Field(pattern=rf"^{SLUG}$")
    pipeline: str = Field(pattern=rf"^{SLUG}$")
    number: int = Field(ge=1)
    build_id: str | None = None
    event: str = "build.finished"
    state: str | None = None
    finished_at: str | None = None
    forced: bool = False
    source: str = "webhook"  # webhook | replay | cli
    # From the webhook payload, for logs and notes; the REST API stays authoritative.
    branch: str | None = None
    commit: str | None = None

    @property
    def ref(self) -> BuildRef:
        return BuildRef(org=self.org, pipeline=self.pipeline, number=self.number)
