"""What a job handler may raise to tell the worker runtime how its job ended.

Any other exception counts as a transient failure: retried with backoff, then parked as dead.
"""

from __future__ import annotations


class RetryLater(Exception):
    """Not ready yet (e.g. the REST API still shows the build running): try again after `delay`
    seconds without using up an attempt."""

    def __init__(self, reason: str, delay: float) -> None:
        super().__init__(reason)
        self.reason = reason
        self.delay = delay


class PermanentFailure(Exception):
    """Retrying cannot help (build not found, token revoked): park the job as dead now."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
