"""webhook.metrics: the per-delivery and per-job tallies expose what prometheus_client's own
Counter and Histogram would for the same updates."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest

from webhook.metrics import DURATION_BUCKETS, Metrics

# Edges on purpose: on a bound (buckets are "less than or equal"), just past one, past the last.
SECONDS = [0.0, 0.05, 0.0500001, 0.3, 1.0, 299.9, 300.0, 301.0, 4000.0]


def _samples(text: str, prefix: str) -> list[str]:
    return sorted(line for line in text.splitlines() if line.startswith(prefix))


def test_tallies_expose_what_prometheus_clients_own_metrics_would() -> None:
    metrics = Metrics()
    reference = CollectorRegistry()
    durations = Histogram(
        "destill_job_duration_seconds", "d", ["outcome"], buckets=DURATION_BUCKETS, registry=reference
    )
    attempts = Counter("destill_job_attempts", "a", ["outcome"], registry=reference)
    deliveries = Counter("destill_webhook_deliveries", "w", ["outcome"], registry=reference)
    for i, seconds in enumerate(SECONDS):
        outcome = "done" if i % 3 else "failed"
        metrics.job_finished(outcome, seconds)
        durations.labels(outcome=outcome).observe(seconds)
        attempts.labels(outcome=outcome).inc()
    for outcome in ("accepted", "accepted", "duplicate", "refused_unauthorized"):
        metrics.delivered(outcome)
        deliveries.labels(outcome=outcome).inc()

    ours = metrics.render(None).decode()
    theirs = generate_latest(reference).decode()
    for prefix in (
        "destill_job_duration_seconds_bucket",
        "destill_job_duration_seconds_count",
        "destill_job_duration_seconds_sum",
        "destill_job_attempts_total",
        "destill_webhook_deliveries_total",
    ):
        assert _samples(ours, prefix) == _samples(theirs, prefix), prefix
    assert 'destill_job_duration_seconds_bucket{le="0.05",outcome="done"} 1.0' in ours  # 0.05 itself
    assert 'destill_job_duration_seconds_bucket{le="+Inf",outcome="done"} 6.0' in ours


def test_an_unused_tally_still_declares_its_metrics() -> None:
    text = Metrics().render(None).decode()
    types = [line for line in text.splitlines() if line.startswith("# TYPE destill_")]
    for name in ("destill_webhook_deliveries", "destill_job_attempts", "destill_job_duration_seconds"):
        assert any(line.startswith(f"# TYPE {name}") for line in types), types
    assert "_total{" not in text and "_bucket{" not in text
