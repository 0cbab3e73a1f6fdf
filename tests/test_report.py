"""Grouping cards into findings across jobs, ranking, and the one-line summary."""

from __future__ import annotations

from core.models import BuildInfo, Category, FlakyJob, JobTriage, Line, TriageCard, TriageReport
from core.report import group, summary

BUILD = BuildInfo(org="acme", pipeline="widgets", number=7, url="https://buildkite.com/acme/widgets/builds/7")


def card(
    fp: str, *, rank: int = 1, category: Category = Category.TEST, tests: tuple[str, ...] = ()
) -> TriageCard:
    return TriageCard(
        rank=rank,
        category=category,
        rule="r",
        title=f"title {fp}",
        fingerprint=fp,
        tests=list(tests),
        lines=[Line(number=1, text="x")],
    )


def job(i: int, *cards: TriageCard, soft: bool = False, name: str = "tests") -> JobTriage:
    return JobTriage(
        job_id=f"job-{i}", name=name, state="failed", exit_status=1, cards=list(cards), soft_failed=soft
    )


def test_twenty_shards_failing_the_same_way_are_one_finding() -> None:
    jobs = [job(i, card("same", tests=("t::a",))) for i in range(20)]
    findings = group(TriageReport(build=BUILD, jobs=jobs))
    assert len(findings) == 1
    (f,) = findings
    assert f.job_count == 20
    assert f.job is jobs[0]
    assert len(f.others) == 19
    assert f.tests == ("t::a",)


def test_representative_is_the_best_ranked_occurrence() -> None:
    jobs = [job(0, card("x", rank=3)), job(1, card("x", rank=1)), job(2, card("x", rank=1))]
    (f,) = group(TriageReport(jobs=jobs))
    assert f.job is jobs[1]
    assert f.best_rank == 1


def test_tests_are_the_union_in_first_seen_order() -> None:
    jobs = [job(0, card("x", tests=("b", "a"))), job(1, card("x", tests=("a", "c")))]
    (f,) = group(TriageReport(jobs=jobs))
    assert f.tests == ("b", "a", "c")


def test_ranking_rank_then_category_then_job_count_then_order() -> None:
    jobs = [
        job(0, card("lint", category=Category.LINT), card("late", rank=2, category=Category.COMPILE)),
        job(1, card("test1")),
        job(2, card("compile", category=Category.COMPILE)),
        job(3, card("test2")),
        job(4, card("test2")),
    ]
    order = [f.card.fingerprint for f in group(TriageReport(jobs=jobs))]
    assert order == ["compile", "test2", "test1", "lint", "late"]


def test_soft_failed_findings_are_apart_and_last() -> None:
    jobs = [job(0, card("same"), soft=True), job(1, card("same")), job(2, card("other", rank=2))]
    findings = group(TriageReport(jobs=jobs))
    assert [(f.card.fingerprint, f.soft_failed) for f in findings] == [
        ("same", False),
        ("other", False),
        ("same", True),
    ]
    assert findings[0].job_count == 1


def test_cards_without_fingerprint_are_never_merged() -> None:
    jobs = [job(0, card("")), job(1, card(""))]
    assert len(group(TriageReport(jobs=jobs))) == 2


def test_grouping_is_deterministic() -> None:
    jobs = [job(i, card(f"f{i % 3}", rank=1 + i % 2)) for i in range(12)]
    report = TriageReport(jobs=jobs)
    again = TriageReport.model_validate_json(report.model_dump_json())
    first = [(f.card.fingerprint, [j.job_id for j in f.jobs]) for f in group(report)]
    assert first == [(f.card.fingerprint, [j.job_id for j in f.jobs]) for f in group(again)]


def test_summary_counts_tests_jobs_and_other_failures() -> None:
    tests_a = tuple(f"a::t{i}" for i in range(10))
    report = TriageReport(
        build=BUILD,
        jobs=[
            job(0, card("ta", tests=tests_a)),
            job(1, card("tb", tests=("b::t1", "b::t2"))),
            job(2, card("cc", category=Category.COMPILE)),
        ],
    )
    assert summary(report) == "3 jobs failed: 12 tests in 2 jobs, 1 compile error"


def test_summary_mentions_flaky_soft_failed_and_unexplained() -> None:
    report = TriageReport(
        jobs=[
            job(0, card("x", category=Category.TIMEOUT)),
            job(1),
            job(2, card("s", category=Category.LINT), soft=True),
        ],
        flaky=[FlakyJob(job_id="f1", name="e2e")],
    )
    assert (
        summary(report)
        == "2 jobs failed: 1 timeout, 1 job with no explanation found · 1 flaky · 1 soft-failed"
    )


def test_summary_ignores_a_generic_card_next_to_a_specific_one() -> None:
    report = TriageReport(
        jobs=[
            job(0, card("t", tests=("t1",)), card("exit", rank=2, category=Category.UNKNOWN)),
            job(1, card("exit", category=Category.UNKNOWN)),
        ]
    )
    # Job 0's generic card is explained by its test failure; job 1 has only the generic one.
    assert summary(report) == "2 jobs failed: 1 test in 1 job, 1 unexplained failure"


def test_summary_for_a_build_that_passed_after_retries() -> None:
    report = TriageReport(build=BUILD, flaky=[FlakyJob(job_id="f1"), FlakyJob(job_id="f2")])
    assert summary(report) == "Passed after retries · 2 flaky"


def test_summary_stays_short_when_everything_failed() -> None:
    kinds = [Category.COMPILE, Category.CONFIG, Category.DEPENDENCY, Category.LINT, Category.CRASH]
    jobs = [job(i, card(f"k{i}", category=c)) for i, c in enumerate(kinds)]
    jobs += [job(10 + i, card(f"c{i}", category=Category.COMPILE)) for i in range(2)]
    report = TriageReport(jobs=jobs)
    assert summary(report) == (
        "7 jobs failed: 3 compile errors, 1 configuration error, 1 dependency error, 2 other failures"
    )
