"""The annotation body: golden files, the byte limit, escaping of hostile log text, determinism.

Golden files: `tests/golden/NAME.json` (a TriageReport) renders to `tests/golden/NAME.md`.
Regenerate them with `DESTILL_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_annotation.py` and
review the diff by eye.
"""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from core.annotation import (
    LIMIT,
    clean,
    compose,
    render,
    render_passed,
    style_for,
)
from core.models import BuildInfo, Category, FlakyJob, JobTriage, Line, TriageCard, TriageReport

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("DESTILL_UPDATE_GOLDEN") == "1"
BUILD_URL = "https://buildkite.com/acme/widgets/builds/7"
BUILD = BuildInfo(org="acme", pipeline="widgets", number=7, url=BUILD_URL, state="failed")

MD = MarkdownIt("commonmark", {"html": True}).enable("table")

# What our bodies may contain, as Buildkite's sanitiser would keep it (BUILDKITE.md §4).
ALLOWED = {"p", "strong", "em", "code", "pre", "a", "details", "summary"}
OUR_TAG = re.compile(r"<(/?)(details|summary|strong|em|code|pre|p|a)(?: (?:open|href=\"[^\"<>]*\"))?>")


class _Checker(HTMLParser):
    """Walks the rendered HTML: only allowed tags, properly nested, safe links; collects the text
    of each `<pre>`."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.pres: list[str] = []
        self.summaries: list[str] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED:
            self.errors.append(f"tag <{tag}>")
        for name, value in attrs:
            if tag == "a" and name == "href":
                if not (value or "").startswith(("https://", "http://")):
                    self.errors.append(f"href {value!r}")
            elif not (tag == "details" and name == "open"):
                self.errors.append(f"attribute {name} on <{tag}>")
        if tag == "pre":
            self.pres.append("")
        if tag == "summary":
            self.summaries.append("")
        self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.errors.append(f"self-closing <{tag}>")

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unbalanced </{tag}> (open: {self.stack[-3:]})")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text += data
        if "pre" in self.stack:
            self.pres[-1] += data
        if "summary" in self.stack:
            self.summaries[-1] += data

    def handle_comment(self, data: str) -> None:
        self.errors.append("comment")

    def handle_decl(self, decl: str) -> None:
        self.errors.append("declaration")

    def handle_pi(self, data: str) -> None:
        self.errors.append("processing instruction")


def check(body: str, limit: int = LIMIT) -> _Checker:
    """Everything a body must be, whatever the report: within the limit, only our own tags
    (every `<` in it opens or closes one), balanced, and still balanced once rendered."""
    assert len(body.encode("utf-8")) <= limit
    assert "<script" not in body.lower()
    for m in re.finditer("<", body):
        assert OUR_TAG.match(body, m.start()), f"raw '<' at {m.start()}: {body[m.start() : m.start() + 40]!r}"
    for tag in ("details", "summary", "pre", "code", "p", "strong", "em", "a"):
        opened = len(re.findall(rf"<{tag}[ >]", body))
        assert opened == body.count(f"</{tag}>"), tag
    checker = _Checker()
    checker.feed(MD.render(body))
    checker.close()
    assert checker.errors == []
    assert checker.stack == []
    return checker


# --- golden files ----------------------------------------------------------------------------

CASES = sorted(p.stem for p in GOLDEN.glob("*.json"))


def test_golden_cases_exist() -> None:
    expected = {
        "one_job_pytest",
        "twenty_shards",
        "compile_and_tests",
        "soft_failed",
        "flaky_passed",
        "trigger",
        "truncated_log",
        "hostile",
        "unexplained",
    }
    assert expected <= set(CASES)


@pytest.mark.parametrize("name", CASES)
def test_golden(name: str) -> None:
    report = TriageReport.model_validate_json((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))
    body = compose(report).body
    expected_path = GOLDEN / f"{name}.md"
    if UPDATE:
        expected_path.write_text(body, encoding="utf-8")
    assert expected_path.exists(), f"no {expected_path.name}: run with DESTILL_UPDATE_GOLDEN=1"
    assert body == expected_path.read_text(encoding="utf-8")
    check(body)


def _golden(name: str) -> TriageReport:
    return TriageReport.model_validate_json((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))


# --- content ---------------------------------------------------------------------------------


def test_summary_line_comes_first_and_is_short() -> None:
    body = render(_golden("compile_and_tests"))
    first = body.splitlines()[0]
    assert first == (
        "<p><strong>4 jobs failed</strong>: 4 tests in 2 jobs, 1 compile error, 1 lint error · 1 flaky</p>"
    )


def test_jobs_and_line_ranges_are_linked() -> None:
    body = render(_golden("one_job_pytest"))
    job = "https://buildkite.com/acme/widgets/builds/1042#01900000-7d9f-495e-a17b-000000000001"
    assert f'<a href="{job}">:pytest: tests</a>' in body
    assert f'<a href="{job}/117-122">lines 117–122</a>' in body


def test_shards_of_one_finding_are_listed_once() -> None:
    body = render(_golden("twenty_shards"))
    assert body.count("<details") == 1
    assert "<em>:pytest: integration ×20</em></summary>" in body
    assert "also in 19 other jobs" in body
    assert ">&#35;20</a>" in body


def test_soft_failed_jobs_are_collapsed_apart() -> None:
    body = render(_golden("soft_failed"))
    soft_section = body[body.index("soft-failed job") :]
    assert body.index("Compile error") < body.index("soft-failed job")
    assert "<details>\n<summary><strong>2 soft-failed jobs</strong>" in body
    assert "3 high severity vulnerabilities" in soft_section


def test_trigger_links_the_child_build() -> None:
    body = render(_golden("trigger"))
    assert '<a href="https://buildkite.com/acme/deploy/builds/311">child build</a>' in body


def test_job_notes_are_shown() -> None:
    assert "log read from its last 64 MiB" in render(_golden("truncated_log"))


def test_flaky_jobs_listed_in_a_failed_build() -> None:
    assert "<strong>Flaky</strong>, passed on retry:" in render(_golden("compile_and_tests"))


def test_passed_build_gets_a_success_note_naming_the_flaky_jobs() -> None:
    report = _golden("flaky_passed")
    annotation = compose(report)
    assert annotation.style == "success"
    assert annotation.context == "destill"
    assert annotation.body == render_passed(report)
    assert annotation.body.startswith("<p><strong>Passed after retries</strong> · 2 flaky jobs:")
    assert ":cypress: e2e</a>" in annotation.body
    check(annotation.body)


def test_style() -> None:
    assert style_for(_golden("one_job_pytest")) == "error"
    assert style_for(_golden("flaky_passed")) == "success"
    assert compose(_golden("one_job_pytest")).style == "error"
    no_state = TriageReport(flaky=[FlakyJob(job_id="x")])
    assert style_for(no_state) == "success"
    assert style_for(TriageReport(jobs=[JobTriage(job_id="j")])) == "error"


def test_hostile_log_text_is_shown_as_text_never_as_markup() -> None:
    report = _golden("hostile")
    body = render(report)
    checker = check(body)
    text = "\n".join(checker.pres)
    # Every hostile line survives as visible text, character for character (after redaction).
    for line in (
        "```",
        "</code></pre></details><script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[click me](javascript:alert(1)) ![](https://evil.example/x.png)",
        "@channel @here please look",
        "| a | b |",
        "# not a heading",
        "&lt;already escaped&gt; &amp; &#x3C;",
    ):
        assert line in text
    assert 'href="javascript' not in MD.render(body)  # check() also allows http(s) links only
    summary = checker.summaries[0]
    assert "</details><script>alert('x')</script>" in summary


def test_secrets_never_reach_the_body() -> None:
    body = render(_golden("hostile"))
    for secret in (
        "wJalrXUtnFEMI",
        "c2lnbmF0dXJlX2hlcmU",
        "b3BlbnNzaC1rZXktdjEAAAAABG5vbmU",
        "ghp_abcdefghijklmnopqrstuvwxyz0123456789",
        "hunter2",
        "abcdef123456",
    ):
        assert secret not in body
    assert "[REDACTED]" in body


def test_control_and_bidi_characters_are_made_visible() -> None:
    assert clean("\x1b[31mred\u202e\r\n") == "␛[31mred\ufffd␍␊"
    assert clean("\ud800") == "\ufffd"


def test_unsafe_urls_are_not_linked() -> None:
    job = JobTriage(
        job_id="j1",
        name="evil",
        cards=[card("x")],
        web_url="javascript:alert(1)",
        triggered_build_url='https://x" onmouseover="alert(1)',
    )
    report = TriageReport(
        build=BuildInfo(org="a", pipeline="b", number=1, url="data:text/html,hi"), jobs=[job]
    )
    body = render(report)
    check(body)
    assert "javascript" not in body
    assert "data:" not in body


def test_same_report_same_bytes() -> None:
    for name in CASES:
        report = _golden(name)
        again = TriageReport.model_validate_json(report.model_dump_json())
        assert render(report) == render(again)


# --- fitting ---------------------------------------------------------------------------------


def card(fp: str, *, n_lines: int = 3, width: int = 40, rank: int = 1, tests: int = 0) -> TriageCard:
    return TriageCard(
        rank=rank,
        category=Category.TEST,
        rule="pytest.failed",
        title=f"{fp} failed: AssertionError",
        fingerprint=fp,
        tests=[f"tests/test_{fp}.py::test_{i}" for i in range(tests)],
        lines=[
            Line(number=100 + i, text=("`</details>" * (width // 11 + 1))[:width]) for i in range(n_lines)
        ],
    )


def big_report(findings: int, *, n_lines: int = 25, width: int = 500, jobs_per: int = 1) -> TriageReport:
    jobs = [
        JobTriage(
            job_id=f"0190-{i:04d}-{k:02d}",
            name=f":pytest: shard {i}",
            state="failed",
            exit_status=1,
            cards=[card(f"f{i}", n_lines=n_lines, width=width, tests=30)],
            parallel_group_index=k,
            notes=["log read from its last 64 MiB"],
        )
        for i in range(findings)
        for k in range(jobs_per)
    ]
    return TriageReport(
        build=BUILD, jobs=jobs, flaky=[FlakyJob(job_id=f"fl{i}", name="e2e") for i in range(40)]
    )


def test_small_report_renders_in_full() -> None:
    report = big_report(2, n_lines=25, width=80)
    body = render(report)
    check(body)
    assert body.count("<pre>") == 2
    assert body.count("\n") > 50  # all 25 lines of both excerpts


def test_degrades_to_shorter_excerpts_first() -> None:
    report = big_report(8, n_lines=25, width=400)
    full = render(report)
    limit = len(full.encode()) - 1
    body = render(report, limit=limit)
    check(body, limit)
    assert body.count("<pre>") == 8  # every finding keeps an excerpt
    assert "⋮" in body  # middle of each excerpt cut
    assert "more finding" not in body


def test_then_titles_only_for_the_later_findings() -> None:
    report = big_report(30, n_lines=25, width=400)
    body = render(report, limit=64 * 1024)
    check(body, 64 * 1024)
    assert 0 < body.count("<pre>") < 30
    assert body.count("failed: AssertionError") == 30  # every finding still named


def test_then_and_n_more_findings() -> None:
    report = big_report(40, n_lines=25, width=400)
    body = render(report, limit=2048)
    check(body, 2048)
    assert body.startswith("<p><strong>40 jobs failed</strong>")
    assert re.search(r"and \d+ more findings", body)


@pytest.mark.slow
def test_huge_report_fits_one_mebibyte() -> None:
    report = big_report(120, n_lines=25, width=500, jobs_per=3)
    body = render(report)
    check(body)
    assert len(body.encode()) > 512 * 1024  # uses the room it has
    assert "<pre>" in body


@pytest.mark.parametrize("limit", [300, 600, 1000])
def test_tiny_limits_still_give_a_valid_body(limit: int) -> None:
    body = render(big_report(60, n_lines=25, width=500), limit=limit)
    check(body, limit)
    assert body.startswith("<p><strong>60 jobs failed</strong>")


# --- properties ------------------------------------------------------------------------------

HOSTILE = st.sampled_from(
    [
        "```",
        "</details>",
        "<details>",
        "</pre>",
        "<script>alert(1)</script>",
        "&amp;",
        "&#96;",
        "[x](javascript:alert(1))",
        "![](http://e/x.png)",
        "@here",
        "|",
        "# ",
        "\n\n",
        "\r",
        "\x1b[31m",
        "\u202e",
        "<!--",
        "-->",
        "<![CDATA[",
        "<?php",
        "\\",
        "    ",
        "AKIAIOSFODNN7EXAMPLE",
        "-----BEGIN RSA PRIVATE KEY-----",
        "password=hunter2",
        "💥",
        "\u0000",
    ]
)
TEXT = st.lists(st.one_of(HOSTILE, st.text(max_size=20)), max_size=12).map("".join)
URL = st.one_of(
    st.none(),
    st.just(BUILD_URL + "#0190"),
    st.just("javascript:alert(1)"),
    st.text(max_size=30).map(lambda t: "https://buildkite.com/" + t),
)
LINES = st.lists(st.builds(Line, number=st.integers(1, 10**9), text=TEXT), max_size=30)
CARDS = st.builds(
    TriageCard,
    rank=st.integers(1, 6),
    category=st.sampled_from(list(Category)),
    rule=TEXT,
    title=TEXT,
    fingerprint=st.sampled_from(["a", "b", "c", "", "d"]) | TEXT,
    tests=st.lists(TEXT, max_size=8),
    lines=LINES,
)
JOBS = st.builds(
    JobTriage,
    job_id=st.one_of(st.none(), TEXT),
    name=st.one_of(st.none(), TEXT),
    step_key=st.one_of(st.none(), TEXT),
    state=st.sampled_from(["failed", "timed_out", None]),
    exit_status=st.one_of(st.none(), st.integers(-1, 255)),
    cards=st.lists(CARDS, max_size=5),
    web_url=URL,
    soft_failed=st.booleans(),
    parallel_group_index=st.one_of(st.none(), st.integers(0, 99)),
    notes=st.lists(TEXT, max_size=2),
    triggered_build_url=URL,
)
FLAKY = st.builds(FlakyJob, job_id=TEXT, name=st.one_of(st.none(), TEXT), web_url=URL)
REPORTS = st.builds(
    TriageReport,
    build=st.one_of(
        st.none(),
        st.builds(
            BuildInfo,
            org=st.just("acme"),
            pipeline=st.just("widgets"),
            number=st.integers(1, 10**6),
            url=st.sampled_from([BUILD_URL, "javascript:x", ""]),
            state=st.sampled_from(["failed", "passed", None]),
        ),
    ),
    jobs=st.lists(JOBS, max_size=12),
    flaky=st.lists(FLAKY, max_size=4),
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(report=REPORTS, limit=st.sampled_from([2048, 4096, 65536, LIMIT]))
def test_any_report_renders_within_the_limit_and_balanced(report: TriageReport, limit: int) -> None:
    body = render(report, limit=limit)
    check(body, limit)
    assert render(report, limit=limit) == body
    passed = render_passed(report, limit=limit)
    check(passed, limit)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(report=REPORTS, limit=st.integers(200, 3000))
def test_any_report_fits_any_reasonable_limit(report: TriageReport, limit: int) -> None:
    check(render(report, limit=limit), limit)


@settings(max_examples=60, deadline=None)
@given(lines=st.lists(TEXT, min_size=1, max_size=10))
def test_log_text_round_trips_through_the_excerpt(lines: list[str]) -> None:
    """What a reader sees in the excerpt is the log line (cleaned, redacted): nothing eaten."""
    from core.redact import redact_lines

    c = TriageCard(
        rank=1,
        category=Category.RUNTIME,
        rule="r",
        title="t",
        fingerprint="f",
        lines=[Line(number=i + 1, text=t) for i, t in enumerate(lines)],
    )
    body = render(TriageReport(jobs=[JobTriage(job_id="j", cards=[c])]))
    (shown,) = check(body).pres
    width = len(str(len(lines)))
    expected = [
        f"{i + 1:>{width}}  {clean(t[:499] + '…' if len(t) > 500 else t)}".rstrip()
        for i, t in enumerate(redact_lines(lines))
    ]
    assert shown.split("\n") == expected


def test_job_link_falls_back_to_the_build_url() -> None:
    job = JobTriage(job_id="0190-abc", name="unit", cards=[card("x")])
    body = render(TriageReport(build=BUILD, jobs=[job]))
    assert f'<a href="{BUILD_URL}#0190-abc">unit</a>' in body
    assert f'<a href="{BUILD_URL}#0190-abc/100-102">lines 100–102</a>' in body


def test_a_note_shared_by_many_jobs_is_shown_once() -> None:
    body = render(big_report(1, n_lines=3, width=40, jobs_per=12))
    assert body.count("<em>Note</em>: log read from its last 64 MiB") == 1
    assert "and 7 more)" in body


def test_real_logs_through_the_real_analyser(shared_dir: Path) -> None:
    """The sample CI logs (ANSI codes, agent timestamps, CRLF), analysed and rendered: every
    body is valid, and every card's title and excerpt lines are visible in it as text."""
    import json

    from core.redact import redact, redact_lines

    analysis = pytest.importorskip("core.analysis")
    rules = pytest.importorskip("core.rules").load_rules()
    samples = sorted(p for p in (shared_dir / "data" / "logs").iterdir() if (p / "log.txt").exists())
    assert samples
    jobs = []
    for i, sample in enumerate(samples):
        expect = json.loads((sample / "expect.json").read_text())
        cards = analysis.analyse((sample / "log.txt").read_bytes(), rules, exit_status=expect["exit_status"])
        job = JobTriage(job_id=f"job-{i}", name=sample.name, state="failed", cards=cards)
        jobs.append(job)
        body = render(TriageReport(build=BUILD, jobs=[job]))
        text = check(body).text
        for c in cards:
            assert clean(redact(c.title))[:100] in text, sample.name
            for line in redact_lines(ln.text for ln in c.lines):
                assert clean(line)[:100].rstrip() in text, (sample.name, line)
    check(render(TriageReport(build=BUILD, jobs=jobs)))
    check(render(TriageReport(build=BUILD, jobs=jobs), limit=4096), 4096)
