"""Prometheus metrics on a registry of the app's own (so several apps in one process, as in the
tests, never collide on the global one)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

from core.store import JobState, StoreStats


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.deliveries = Counter(
            "destill_webhook_deliveries",
            "Deliveries by outcome: accepted, duplicate, ignored, ping, refused_*, store_error, error.",
            ["outcome"],
            registry=self.registry,
        )
        self.replays = Counter(
            "destill_replays", "Replay requests by outcome.", ["outcome"], registry=self.registry
        )
        self.jobs = Gauge("destill_jobs", "Jobs in the store by state.", ["state"], registry=self.registry)
        self.oldest_queued_age = Gauge(
            "destill_oldest_queued_job_age_seconds",
            "Seconds since the oldest claimable job became due (0 when none).",
            registry=self.registry,
        )
        self.job_duration = Histogram(
            "destill_job_duration_seconds",
            "Time a worker spent on one job attempt, by how it ended.",
            ["outcome"],
            buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300),
            registry=self.registry,
        )
        self.job_outcomes = Counter(
            "destill_job_attempts", "Job attempts by how they ended.", ["outcome"], registry=self.registry
        )
        # outcome -> child metric: labels() once per outcome, not once per delivery or job
        self._delivered: dict[str, Counter] = {}
        self._finished: dict[str, tuple[Histogram, Counter]] = {}

    def delivered(self, outcome: str) -> None:
        """Count one webhook delivery by outcome (the hot path: no label lookup after the first)."""
        child = self._delivered.get(outcome)
        if child is None:
            child = self._delivered[outcome] = self.deliveries.labels(outcome=outcome)
        child.inc()

    def job_finished(self, outcome: str, seconds: float) -> None:
        """One job attempt ended with `outcome` after `seconds` (once per job: no label lookup)."""
        children = self._finished.get(outcome)
        if children is None:
            children = self._finished[outcome] = (
                self.job_duration.labels(outcome=outcome),
                self.job_outcomes.labels(outcome=outcome),
            )
        children[0].observe(seconds)
        children[1].inc()

    def render(self, stats: StoreStats | None) -> bytes:
        """The text exposition; store gauges are refreshed from `stats` (None: store unreadable)."""
        if stats is not None:
            for state in JobState:
                self.jobs.labels(state=state.value).set(stats.by_state.get(state, 0))
            self.oldest_queued_age.set(stats.oldest_queued_age or 0.0)
        return generate_latest(self.registry)
