"""Prometheus metrics on a registry of the app's own (so several apps in one process, as in the
tests, never collide on the global one)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

from prometheus_client import CollectorRegistry, Counter, Gauge, generate_latest
from prometheus_client.core import CounterMetricFamily, HistogramMetricFamily, Metric

from core.store import JobState, StoreStats

# Upper bounds of the job-duration histogram's buckets (seconds); +Inf is implied.
DURATION_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0)


class _Durations:
    __slots__ = ("counts", "total")

    def __init__(self) -> None:
        self.counts = [0] * (len(DURATION_BUCKETS) + 1)  # per bucket, not cumulative; last: +Inf
        self.total = 0.0


class _Tally:
    """The per-delivery and per-job metrics as plain numbers, read when /metrics is scraped.

    prometheus_client's own children take a lock and walk their buckets in Python on every
    update (measured: ~2% of a delivery's instructions); these are only ever updated on the event
    loop, so a dict of ints does, and the exposition is the same."""

    def __init__(self) -> None:
        self.deliveries: dict[str, int] = {}
        self.attempts: dict[str, int] = {}
        self.durations: dict[str, _Durations] = {}

    def collect(self) -> Iterator[Metric]:
        deliveries = CounterMetricFamily(
            "destill_webhook_deliveries",
            "Deliveries by outcome: accepted, duplicate, ignored, ping, refused_*, store_error, error.",
            labels=["outcome"],
        )
        for outcome, n in sorted(self.deliveries.items()):
            deliveries.add_metric([outcome], n)
        yield deliveries
        durations = HistogramMetricFamily(
            "destill_job_duration_seconds",
            "Time a worker spent on one job attempt, by how it ended.",
            labels=["outcome"],
        )
        for outcome, hist in sorted(self.durations.items()):
            running, buckets = 0, []
            for bound, n in zip((*DURATION_BUCKETS, float("inf")), hist.counts, strict=True):
                running += n
                buckets.append(("+Inf" if bound == float("inf") else repr(bound), running))
            durations.add_metric([outcome], buckets, hist.total)
        yield durations
        attempts = CounterMetricFamily(
            "destill_job_attempts", "Job attempts by how they ended.", labels=["outcome"]
        )
        for outcome, n in sorted(self.attempts.items()):
            attempts.add_metric([outcome], n)
        yield attempts


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.replays = Counter(
            "destill_replays", "Replay requests by outcome.", ["outcome"], registry=self.registry
        )
        self.jobs = Gauge("destill_jobs", "Jobs in the store by state.", ["state"], registry=self.registry)
        self.oldest_queued_age = Gauge(
            "destill_oldest_queued_job_age_seconds",
            "Seconds since the oldest claimable job became due (0 when none).",
            registry=self.registry,
        )
        self._tally = _Tally()
        self.registry.register(self._tally)

    def delivered(self, outcome: str) -> None:
        """Count one webhook delivery by outcome."""
        tally = self._tally.deliveries
        tally[outcome] = tally.get(outcome, 0) + 1

    def job_finished(self, outcome: str, seconds: float) -> None:
        """One job attempt ended with `outcome` after `seconds`."""
        self._tally.attempts[outcome] = self._tally.attempts.get(outcome, 0) + 1
        hist = self._tally.durations.get(outcome)
        if hist is None:
            hist = self._tally.durations[outcome] = _Durations()
        hist.counts[bisect_left(DURATION_BUCKETS, seconds)] += 1
        hist.total += seconds

    def render(self, stats: StoreStats | None) -> bytes:
        """The text exposition; store gauges are refreshed from `stats` (None: store unreadable)."""
        if stats is not None:
            for state in JobState:
                self.jobs.labels(state=state.value).set(stats.by_state.get(state, 0))
            self.oldest_queued_age.set(stats.oldest_queued_age or 0.0)
        return generate_latest(self.registry)
