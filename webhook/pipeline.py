"""PLACEHOLDER, to be replaced by the lead's end-to-end triage pipeline (core/triage.py).

`make_handler(settings, store)` is the factory `destill serve` and `destill worker` call for the
job handler. Until the real pipeline lands, the handler only logs the request and completes.
"""

from __future__ import annotations

import logging

from core.models import TriageRequest
from core.store import Job, JobStore
from webhook.runtime import JobHandler
from webhook.settings import Settings

log = logging.getLogger("destill.pipeline")


def make_handler(settings: Settings, store: JobStore) -> JobHandler:
    async def handle(job: Job) -> None:
        request = TriageRequest.model_validate(job.payload)
        log.info("placeholder handler: would triage %s", request.ref.key, extra={"build": request.ref.key})

    return handle
