"""Seen before? Looks flaky? A finding's fingerprint against the pipeline's earlier triages.

Pure: `recall(report, earlier)` takes the pipeline's stored triages (TriageReport JSON, newest
first, as `JobStore.recent_triages` returns them) and says, per fingerprint of this report, in
which earlier builds the same failure was seen, and in which of those it went away when the job
was retried (the build's latest triage is a pass): the signature of a flaky failure.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from core.models import FindingHistory, TriageReport

MAX_BUILDS = 5  # build numbers listed per fingerprint (most recent first)


def _fingerprints(report: Mapping[str, Any]) -> set[str]:
    out: set[str] = set()
    for job in report.get("jobs") or []:
        if isinstance(job, Mapping) and not job.get("soft_failed"):
            for card in job.get("cards") or []:
                if isinstance(card, Mapping) and isinstance(card.get("fingerprint"), str):
                    out.add(card["fingerprint"])
    return out


def recall(report: TriageReport, earlier: Iterable[Mapping[str, Any]]) -> dict[str, FindingHistory]:
    """Per fingerprint of `report` that earlier builds had too: where, and where it passed on retry."""
    if report.build is None:
        return {}
    current = {c.fingerprint for job in report.jobs if not job.soft_failed for c in job.cards}
    this_build = report.build.number
    latest_state: dict[int, str | None] = {}  # build number → its newest triage's state
    seen: dict[str, list[int]] = {}
    for old in earlier:  # newest first
        build = old.get("build")
        if not isinstance(build, Mapping) or not isinstance(build.get("number"), int):
            continue
        number = build["number"]
        if number == this_build:
            continue
        latest_state.setdefault(number, build.get("state"))
        for fp in _fingerprints(old) & current:
            builds = seen.setdefault(fp, [])
            if number not in builds:
                builds.append(number)
    return {
        fp: FindingHistory(
            seen_in=builds[:MAX_BUILDS],
            seen_count=len(builds),
            passed_on_retry_in=[n for n in builds if latest_state.get(n) == "passed"][:MAX_BUILDS],
        )
        for fp, builds in seen.items()
    }
