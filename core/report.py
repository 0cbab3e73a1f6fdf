"""Group a build's cards into findings across jobs, rank them, and summarise the build in a line.

Twenty shards failing the same way are one finding listing twenty jobs: cards are grouped by
fingerprint (which the analyser makes stable across jobs and builds). Soft-failed jobs are kept
apart, since they did not fail the build.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from core.models import Category, JobTriage, TriageCard, TriageReport

# Which kind of failure to read first when ranks tie: a compile error usually explains the test
# failures after it; infrastructure and unknown findings are the least specific.
CATEGORY_WEIGHT: dict[Category, int] = {
    Category.COMPILE: 10,
    Category.CONFIG: 9,
    Category.DEPENDENCY: 8,
    Category.TEST: 7,
    Category.LINT: 6,
    Category.CRASH: 6,
    Category.RESOURCE: 5,
    Category.TIMEOUT: 5,
    Category.RUNTIME: 4,
    Category.INFRASTRUCTURE: 3,
    Category.UNKNOWN: 0,
}

# Singular / plural nouns for the summary line ("1 compile error", "2 timeouts").
CATEGORY_NOUN: dict[Category, tuple[str, str]] = {
    Category.TEST: ("test", "tests"),
    Category.COMPILE: ("compile error", "compile errors"),
    Category.LINT: ("lint error", "lint errors"),
    Category.DEPENDENCY: ("dependency error", "dependency errors"),
    Category.RUNTIME: ("runtime error", "runtime errors"),
    Category.INFRASTRUCTURE: ("infrastructure failure", "infrastructure failures"),
    Category.TIMEOUT: ("timeout", "timeouts"),
    Category.RESOURCE: ("resource limit hit", "resource limits hit"),
    Category.CRASH: ("crash", "crashes"),
    Category.CONFIG: ("configuration error", "configuration errors"),
    Category.UNKNOWN: ("unexplained failure", "unexplained failures"),
}


@dataclass(frozen=True)
class Occurrence:
    """A card as it appeared in one job."""

    job: JobTriage
    card: TriageCard


@dataclass(frozen=True)
class Finding:
    """One failure, possibly seen in many jobs. `card` and `job` are the representative: the
    best-ranked occurrence, first in job order."""

    card: TriageCard
    job: JobTriage
    occurrences: tuple[Occurrence, ...]
    tests: tuple[str, ...]  # union over all occurrences, in first-seen order
    soft_failed: bool  # every job it was seen in soft-failed

    @property
    def category(self) -> Category:
        return self.card.category

    @property
    def jobs(self) -> tuple[JobTriage, ...]:
        seen: dict[int, JobTriage] = {}
        for occ in self.occurrences:
            seen.setdefault(id(occ.job), occ.job)
        return tuple(seen.values())

    @property
    def job_count(self) -> int:
        return len(self.jobs)

    @property
    def best_rank(self) -> int:
        return min(occ.card.rank for occ in self.occurrences)

    @property
    def others(self) -> tuple[JobTriage, ...]:
        """Jobs other than the representative's."""
        return tuple(j for j in self.jobs if j is not self.job)


def _key(job_index: int, job: JobTriage, card: TriageCard) -> tuple[bool, str]:
    # No fingerprint: never merge with anything else.
    fp = card.fingerprint or f"\0{job_index}:{card.rank}:{card.rule}"
    return (job.soft_failed, fp)


def _dedupe(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def group(report: TriageReport) -> list[Finding]:
    """Cards grouped by fingerprint across jobs, best first; soft-failed findings come last.

    Order: hard failures before soft ones; then best card rank; then category weight; then the
    number of jobs (more first); then first appearance. The same report gives the same order.
    """
    buckets: dict[tuple[bool, str], list[tuple[int, Occurrence]]] = {}
    for index, job in enumerate(report.jobs):
        for card in job.cards:
            buckets.setdefault(_key(index, job, card), []).append((index, Occurrence(job, card)))

    ranked: list[tuple[tuple[int, int, int, int, int], Finding]] = []
    for (soft, _fp), entries in buckets.items():
        _first, rep = min(entries, key=lambda e: (e[1].card.rank, e[0]))
        occurrences = tuple(occ for _, occ in entries)
        finding = Finding(
            card=rep.card,
            job=rep.job,
            occurrences=occurrences,
            tests=_dedupe(t for occ in occurrences for t in occ.card.tests),
            soft_failed=soft,
        )
        order = (
            int(soft),
            finding.best_rank,
            -CATEGORY_WEIGHT.get(finding.category, 0),
            -finding.job_count,
            min(i for i, _ in entries),
        )
        ranked.append((order, finding))
    ranked.sort(key=lambda pair: pair[0])
    return [finding for _, finding in ranked]


def failed_jobs(report: TriageReport) -> list[JobTriage]:
    """Jobs that failed the build (soft failures excluded)."""
    return [job for job in report.jobs if not job.soft_failed]


def soft_failed_jobs(report: TriageReport) -> list[JobTriage]:
    return [job for job in report.jobs if job.soft_failed]


def trigger_jobs(report: TriageReport) -> list[JobTriage]:
    """Failed trigger steps: their story is in the child build."""
    return [job for job in report.jobs if job.triggered_build_url and not job.cards]


def unexplained_jobs(report: TriageReport, *, soft: bool = False) -> list[JobTriage]:
    """Failed jobs we found nothing in (trigger steps aside)."""
    return [
        job
        for job in report.jobs
        if not job.cards and not job.triggered_build_url and job.soft_failed == soft
    ]


def plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def summary(report: TriageReport, findings: list[Finding] | None = None, *, max_parts: int = 4) -> str:
    """One plain-text line: "3 jobs failed: 12 tests in 2 jobs, 1 compile error".

    Counts what failed the build; flaky and soft-failed jobs are added at the end. An
    `unknown` finding counts only in jobs where nothing more specific was found, so a job's
    generic "exited with status 1" card does not read as a second failure.
    """
    findings = group(report) if findings is None else findings
    hard = [f for f in findings if not f.soft_failed]
    failed = failed_jobs(report)

    specific_jobs = {id(occ.job) for f in hard if f.category is not Category.UNKNOWN for occ in f.occurrences}
    parts: list[tuple[str, int]] = []  # (phrase, how many failures it counts)
    tests = _dedupe(t for f in hard if f.category is Category.TEST for t in f.tests)
    test_jobs = {id(occ.job) for f in hard if f.category is Category.TEST for occ in f.occurrences}
    if test_jobs:
        where = plural(len(test_jobs), "job")
        phrase = f"{plural(len(tests), 'test')} in {where}" if tests else f"test failures in {where}"
        parts.append((phrase, len(test_jobs)))
    for category in sorted(Category, key=lambda c: -CATEGORY_WEIGHT[c]):
        if category is Category.TEST:
            continue
        count = sum(
            1
            for f in hard
            if f.category is category
            and (category is not Category.UNKNOWN or any(id(j) not in specific_jobs for j in f.jobs))
        )
        if count:
            one, many = CATEGORY_NOUN[category]
            parts.append((plural(count, one, many), count))
    unexplained = unexplained_jobs(report)
    if unexplained:
        parts.append((f"{plural(len(unexplained), 'job')} with no explanation found", len(unexplained)))
    triggers = [j for j in trigger_jobs(report) if not j.soft_failed]
    if triggers:
        parts.append((plural(len(triggers), "failed trigger"), len(triggers)))
    # Short enough to read at a glance: the most telling kinds, then a count of the rest.
    if len(parts) > max_parts:
        rest = sum(n for _, n in parts[max_parts - 1 :])
        parts = [*parts[: max_parts - 1], (plural(rest, "other failure"), rest)]

    if failed:
        line = f"{plural(len(failed), 'job')} failed"
        if parts:
            line += ": " + ", ".join(phrase for phrase, _ in parts)
    elif report.flaky:
        line = "Passed after retries"
    else:
        line = "No failed jobs"
    extras: list[str] = []
    if report.flaky:
        extras.append(f"{len(report.flaky)} flaky")
    soft = soft_failed_jobs(report)
    if soft:
        extras.append(f"{len(soft)} soft-failed")
    return " · ".join([line, *extras])
