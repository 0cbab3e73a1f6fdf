"""The job handler `destill serve` and `destill worker` run: core.triage over real clients.

`make_handler(settings, store)` builds the Buildkite client (one httpx connection pool per
process, opened on first use inside the running event loop) and the rules once; each job is then
one `core.triage.run`.
"""

from __future__ import annotations

import logging
import time

import httpx

from core.budget import BudgetRegistry
from core.buildkite import BuildkiteClient
from core.models import TriageRequest
from core.rules import RuleSet, load_rules
from core.store import Job, JobStore
from core.triage import TriageOptions, run
from webhook.settings import Settings

log = logging.getLogger("destill.pipeline")


def triage_options(settings: Settings) -> TriageOptions:
    return TriageOptions(
        max_lines=settings.destill_max_lines,
        tail_bytes=settings.destill_max_log_bytes,
    )


def make_client(settings: Settings, http: httpx.AsyncClient) -> BuildkiteClient:
    token = settings.buildkite_api_token
    if token is None:
        raise RuntimeError("BUILDKITE_API_TOKEN is not set")
    return BuildkiteClient(
        http,
        token.get_secret_value(),
        base_url=settings.buildkite_api_url,
        budgets=BudgetRegistry(per_minute=settings.destill_api_budget),
    )


class Pipeline:
    """The JobHandler: a callable the runtime awaits once per claimed job."""

    def __init__(
        self,
        settings: Settings,
        store: JobStore,
        rules: RuleSet,
        *,
        http: httpx.AsyncClient | None = None,
    ) -> None:
        self._settings = settings
        self._store = store
        self._rules = rules
        self._options = triage_options(settings)
        self._http = http
        self._owns_http = http is None
        self._client: BuildkiteClient | None = None

    def _buildkite(self) -> BuildkiteClient:
        if self._client is None:
            if self._http is None:
                self._http = httpx.AsyncClient(timeout=httpx.Timeout(30.0, connect=10.0))
            self._client = make_client(self._settings, self._http)
        return self._client

    async def __call__(self, job: Job) -> None:
        request = TriageRequest.model_validate(job.payload)
        outcome = await run(
            request,
            client=self._buildkite(),
            store=self._store,
            rules=self._rules,
            options=self._options,
            age=max(0.0, time.time() - job.created_at),
        )
        log.info(
            "triage %s: %s",
            request.ref.key,
            outcome.value,
            extra={"build": request.ref.key, "job": job.id, "outcome": outcome.value},
        )

    async def aclose(self) -> None:
        if self._http is not None and self._owns_http:
            await self._http.aclose()


def make_handler(settings: Settings, store: JobStore) -> Pipeline:
    return Pipeline(settings, store, load_rules(settings.destill_rules_file))
