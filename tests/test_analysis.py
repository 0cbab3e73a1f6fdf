"""The analyser over real failing logs and over the behaviours a reader relies on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.analysis import Analyser, analyse
from core.fingerprint import fingerprint, mask
from core.models import Category, TriageCard
from core.normalise import iter_lines
from tests.joblog import BK, NOISE, RULES, bk_log

SAMPLES = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "logs"


def _samples() -> list[Path]:
    return sorted(p for p in SAMPLES.iterdir() if (p / "expect.json").is_file()) if SAMPLES.is_dir() else []


def _text(card: TriageCard) -> str:
    return "\n".join([card.title, *card.tests, *(ln.text for ln in card.lines)])


def _bk_log(body: str, *, status: int = 1) -> bytes:
    return bk_log(body, status=status, preamble=NOISE)


@pytest.fixture(scope="module")
def sample_results() -> dict[str, tuple[dict[str, object], list[TriageCard], str]]:
    if not _samples():
        pytest.skip(f"shared samples not found at {SAMPLES}")
    out = {}
    for p in _samples():
        exp = json.loads((p / "expect.json").read_text())
        data = (p / "log.txt").read_bytes()
        log_text = "\n".join(t for _, t in iter_lines(data))
        out[p.name] = (exp, analyse(data, RULES, exit_status=exp.get("exit_status")), log_text)  # type: ignore[arg-type]
    return out


def _fold(s: str) -> str:
    return s.translate(str.maketrans({"‘": "'", "’": "'"}))


def test_samples_every_key_in_the_log_is_in_the_cards(sample_results: dict) -> None:  # type: ignore[type-arg]
    for name, (exp, cards, log_text) in sample_results.items():
        assert cards, f"{name}: a failed job got no cards"
        shown = _fold("\n".join(_text(c) for c in cards))
        for key in exp["keys"]:
            # A key the log itself does not contain cannot be shown (javac-two-errors names a
            # second error javac never printed); every other key must be.
            if _fold(key) in _fold(log_text) or key.startswith("exit status"):
                assert _fold(key) in shown, f"{name}: key {key!r} not in any card"


def test_samples_keys_in_top_card_for_nine_in_ten(sample_results: dict) -> None:  # type: ignore[type-arg]
    good = 0
    for exp, cards, log_text in sample_results.values():
        keys = [k for k in exp["keys"] if _fold(k) in _fold(log_text) or k.startswith("exit status")]
        good += all(_fold(k) in _fold(_text(cards[0])) for k in keys)
    assert good >= 9 * len(sample_results) // 10


def test_samples_category_of_top_card(sample_results: dict) -> None:  # type: ignore[type-arg]
    wrong = {
        n: cards[0].category.value
        for n, (exp, cards, _) in sample_results.items()
        if cards[0].category.value != exp["category"]
    }
    assert not wrong


def test_samples_tests_named(sample_results: dict) -> None:  # type: ignore[type-arg]
    _, cards, _ = sample_results["pytest-three-failures"]
    assert set(cards[0].tests) >= {"test_parse_negative", "test_parse_empty", "test_parse_float"}
    _, cards, _ = sample_results["cargo-test-panic"]
    assert "tests::it_rounds" in cards[0].tests


@pytest.mark.parametrize("name", ["pytest-fixture-error", "rustc-borrow", "make-recursive", "node-assert"])
@given(sizes=st.lists(st.integers(min_value=1, max_value=700), min_size=1, max_size=12))
@settings(max_examples=15, deadline=None)
def test_any_chunking_gives_the_same_cards(name: str, sizes: list[int]) -> None:
    path = SAMPLES / name / "log.txt"
    if not path.is_file():
        pytest.skip("shared samples missing")
    data = path.read_bytes()
    a = Analyser(RULES)
    pos, i = 0, 0
    while pos < len(data):
        n = sizes[i % len(sizes)]
        a.feed(data[pos : pos + n])
        pos += n
        i += 1
    assert a.finish() == analyse(data, RULES)


def test_silent_failure_gets_the_sections_last_lines() -> None:
    cards = analyse(_bk_log("$ bash check.sh\nchecking generated files are up to date\n\n"), RULES)
    assert len(cards) == 1
    c = cards[0]
    assert c.category is Category.UNKNOWN and c.rule == "fallback.tail"
    assert "exit status 1" in c.title
    texts = [ln.text for ln in c.lines]
    assert "checking generated files are up to date" in texts
    assert "INFO: 0 errors, 0 failures in cache warm-up" not in texts  # earlier section
    assert all(t.strip() for t in texts)  # blank lines skipped


def test_no_agent_lines_still_never_empty() -> None:
    cards = analyse(b"building\nstep 2 of 3\nnothing to see\n", RULES)
    assert [c.rule for c in cards] == ["fallback.tail"]
    assert [ln.number for ln in cards[0].lines] == [1, 2, 3]


def test_passing_job_with_decoys_has_no_cards() -> None:
    log = b"INFO: 0 errors, 0 failures\nDEPRECATION WARNING: error_reporting will be removed\nok\n"
    assert analyse(log, RULES, exit_status=0) == []


@pytest.mark.parametrize(
    ("status", "category"),
    [
        (137, Category.RESOURCE),
        (139, Category.CRASH),
        (143, Category.TIMEOUT),
        (124, Category.TIMEOUT),
        (142, Category.TIMEOUT),  # SIGALRM: a watchdog's alarm
        (152, Category.RESOURCE),  # SIGXCPU: `ulimit -t`
        (127, Category.INFRASTRUCTURE),
        (-1, Category.INFRASTRUCTURE),
    ],
)
def test_exit_status_explained_when_the_log_says_little(status: int, category: Category) -> None:
    cards = analyse(_bk_log("$ ./run-suite\nrunning 1200 cases", status=status), RULES)
    assert cards[0].category is category
    assert str(status) in cards[0].title
    # Exit status from the job metadata works without the agent's line too.
    cards = analyse(b"$ ./run-suite\nrunning 1200 cases\n", RULES, exit_status=status)
    assert cards[0].category is category


def test_wrapper_never_outranks_the_error_it_wraps() -> None:
    body = (
        "gcc -c bad.c\nbad.c:1:23: error: expected ';' before '}' token\nmake: *** [Makefile:2: all] Error 1"
    )
    cards = analyse(_bk_log(body, status=2), RULES)
    assert cards[0].rule == "cc.error"
    assert "make: *** [Makefile:2: all] Error 1" in [ln.text for ln in cards[0].lines]  # attached
    assert all(c.rule != "make.error" for c in cards)


def test_lone_wrapper_falls_back_to_the_sections_tail() -> None:
    cards = analyse(
        _bk_log("./configure\nchecking for cc... cc\nmake: *** [Makefile:9: all] Error 2", status=2), RULES
    )
    assert cards[0].rule == "fallback.tail"
    assert any("Error 2" in ln.text for ln in cards[0].lines)


def test_setup_section_errors_rank_below_the_failing_command() -> None:
    log = b"".join(
        BK + ln.encode() + b"\n"
        for ln in [
            "~~~ Setup",
            "curl: (6) Could not resolve host: cache.internal",
            "--- Tests",
            "E   AssertionError: assert 1 == 2",
            "FAILED test_x.py::test_one - AssertionError: assert 1 == 2",
            "^^^ +++",
            "🚨 Error: The command exited with status 1",
        ]
    )
    cards = analyse(log, RULES)
    assert cards[0].rule == "pytest.summary"
    assert cards[-1].rule == "infra.dns"


def test_repetition_is_folded_with_a_count() -> None:
    body = "\n".join(f"Error: connect ECONNREFUSED 127.0.0.1:{5000 + i}" for i in range(40))
    cards = analyse(_bk_log(body), RULES)
    assert len(cards) == 1
    assert "×40" in cards[0].title


def test_line_budget_and_line_width() -> None:
    body = "\n".join(f"src/m{i}.c:{i}:1: error: boom {'x' * 900}" for i in range(60))
    cards = analyse(_bk_log(body), RULES, max_lines=7, max_line_chars=120)
    assert sum(len(c.lines) for c in cards) <= 7
    assert all(len(ln.text) <= 120 for c in cards for ln in c.lines)
    assert cards[0].lines[0].text.startswith("src/m0.c:0:1: error: boom")


def test_fingerprint_is_stable_across_builds() -> None:
    def log(tmp: str, addr: str, ms: int) -> bytes:
        body = (
            f"/usr/bin/ld: /tmp/{tmp}.o: in function `main':\n"
            f"main.c:(.text+{addr}): undefined reference to `compute_checksum'\n"
            f"collect2: error: ld returned 1 exit status\nfinished in {ms}ms"
        )
        return _bk_log(body)

    a = analyse(log("ccGI3u1P", "0xf", 12), RULES)
    b = analyse(log("ccZZ81aa", "0x1f", 907), RULES)
    assert a[0].fingerprint == b[0].fingerprint
    c = analyse(log("ccGI3u1P", "0xf", 12).replace(b"compute_checksum", b"other_symbol"), RULES)
    assert c[0].fingerprint != a[0].fingerprint


def test_masking() -> None:
    assert mask("at 0x7fe5b2ec1800 in /tmp/pytest-of-ci/pytest-12/x.py after 1.5s, id 4f9d2c1a") == (
        "at <ADDR> in <TMP> after <DUR>, id <HEX>"
    )
    assert mask("2024-01-02T10:11:12Z job 550e8400-e29b-41d4-a716-446655440000 port 5432") == (
        "<TS> job <UUID> port <N>"
    )
    assert fingerprint("r", ["x 1"]) == fingerprint("r", ["x 2"]) != fingerprint("s", ["x 1"])
    assert len(fingerprint("r", [])) >= 16


def test_github_actions_log_is_read_like_any_other() -> None:
    lines = [
        "2024-05-01T10:00:00.0000000Z ##[group]Run pytest",
        "2024-05-01T10:00:00.1000000Z pytest -q",
        "2024-05-01T10:00:00.2000000Z ##[endgroup]",
        "2024-05-01T10:00:01.0000000Z ___________________________ test_divide ___________________________",
        "2024-05-01T10:00:01.1000000Z >       assert divide(6, 3) == 3",
        "2024-05-01T10:00:01.2000000Z E       assert 2.0 == 3",
        "2024-05-01T10:00:01.3000000Z test_calc.py:18: AssertionError",
        "2024-05-01T10:00:02.0000000Z ##[error]Process completed with exit code 1.",
    ]
    cards = analyse("\n".join(lines).encode(), RULES)
    assert cards[0].rule == "pytest.failed" and cards[0].tests == ["test_divide"]
    assert "E       assert 2.0 == 3" in [ln.text for ln in cards[0].lines]
    assert cards[0].lines[0].number == 4


def test_go_test_failure_is_not_taken_for_a_section() -> None:
    body = (
        "=== RUN   TestAdd\n--- FAIL: TestAdd (0.00s)\n    add_test.go:9: got 3, want 4\n"
        "FAIL\nFAIL\tgithub.com/acme/add\t0.002s"
    )
    cards = analyse(_bk_log(body), RULES)
    assert cards[0].rule == "go.test_failed" and cards[0].tests == ["TestAdd"]
    assert "add_test.go:9: got 3, want 4" in cards[0].title


def test_feed_after_finish_is_an_error() -> None:
    a = Analyser(RULES)
    a.finish()
    with pytest.raises(RuntimeError):
        a.feed(b"x")


def test_go_verbose_passing_lines_are_skipped_cheaply() -> None:
    from core.analysis import Analyser

    a = Analyser(RULES)
    a.feed(b"".join(b"=== RUN   TestX%d\n--- PASS: TestX%d (0.00s)\n" % (i, i) for i in range(500)))
    a.feed(b"\x1b_bk;t=1\x07--- PASS: TestY (0.00s)\n--- FAIL: TestZ (0.00s)\n    z_test.go:3: boom\n")
    cards = a.finish()
    assert a.candidates == 2  # the FAIL line and its "z_test.go:3" detail
    assert cards[0].tests == ["TestZ"]


def test_generic_error_then_the_sections_tail() -> None:
    body = "$ ./deploy\nerror: release channel 'edge' is closed\nrolling back\nstep 4 of 4 skipped"
    cards = analyse(_bk_log(body), RULES)
    # The error is one of the command's last lines: one card shows it first, then the rest of them.
    assert [c.rule for c in cards] == ["generic.error"]
    assert "release channel 'edge' is closed" in cards[0].title
    assert "step 4 of 4 skipped" in [ln.text for ln in cards[0].lines]


def test_max_cards_must_be_positive() -> None:
    with pytest.raises(ValueError):
        Analyser(RULES, max_cards=0)


@pytest.mark.slow
def test_results_do_not_depend_on_hash_seed(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    if not _samples():
        pytest.skip("shared samples missing")
    root = Path(__file__).resolve().parent.parent
    code = (
        "import json, sys; from pathlib import Path; from core.analysis import analyse; "
        "from core.rules import load_rules; r = load_rules(); "
        f"print(json.dumps([[c.model_dump(mode='json') for c in analyse(p.read_bytes(), r)] "
        f"for p in sorted(Path({str(SAMPLES)!r}).glob('*/log.txt'))]))"
    )
    outs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(root)}
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
        outs.add(out.stdout)
    assert len(outs) == 1


def test_gitlab_log_sections_and_exit_line() -> None:
    log = (
        b"\x1b[0KRunning with gitlab-runner 16.5.0\x1b[0;m\n"
        b"section_start:1700000000:prepare_script\r\x1b[0K\x1b[0K\x1b[36;1mPreparing environment\x1b[0;m\n"
        b"error: could not warm cache\n"
        b"section_end:1700000001:prepare_script\r\x1b[0K\n"
        b"section_start:1700000002:step_script\r\x1b[0K\x1b[0K\x1b[36;1mExecuting step_script\x1b[0;m\n"
        b"\x1b[32;1m$ cargo build\x1b[0;m\n"
        b"error[E0308]: mismatched types\n"
        b" --> src/main.rs:2:5\n"
        b"section_end:1700000003:step_script\r\x1b[0K\n"
        b"\x1b[31;1mERROR: Job failed: exit code 101\n\x1b[0;m\n"
    )
    cards = analyse(log, RULES)
    assert cards[0].rule == "rustc.error" and cards[0].lines[0].number == 7
    assert all(c.rule != "generic.error" for c in cards)  # setup noise stays out


def test_travis_log_folds_and_exit_line() -> None:
    log = (
        b"travis_fold:start:install\r\x1b[0K$ npm ci\n"
        b"added 12 packages\n"
        b"travis_fold:end:install\r\x1b[0K\n"
        b"$ ./build.sh\n"
        b"generating assets\n"
        b'The command "./build.sh" exited with 3.\n'
        b"\nDone. Your build exited with 1.\n"
    )
    cards = analyse(log, RULES)
    assert cards[0].rule == "fallback.tail"
    texts = [ln.text for ln in cards[0].lines]
    assert "generating assets" in texts and "Done. Your build exited with 1." not in texts
    assert "added 12 packages" not in texts  # the closed install fold is not the failing step


# -- blocks and the line budget (second analysis pass) --------------------------------------------


def _shown(cards: list[TriageCard]) -> list[str]:
    return [ln.text for c in cards for ln in c.lines]


def test_repeated_frames_are_shown_once_and_library_frames_only_above_the_users() -> None:
    frames = [
        "\tat java.base/java.util.HashMap.hash(HashMap.java:338)",
        "\tat java.base/java.util.HashMap.getNode(HashMap.java:568)",
        "\tat com.acme.graph.Resolver.depth(Resolver.java:20)",
        *["\tat com.acme.graph.Resolver.depth(Resolver.java:21)"] * 300,
    ]
    body = "\n".join(['Exception in thread "main" java.lang.StackOverflowError', *frames])
    cards = analyse(_bk_log(body), RULES)
    shown = _shown(cards)
    assert shown[0] == 'Exception in thread "main" java.lang.StackOverflowError'
    assert shown.count("\tat com.acme.graph.Resolver.depth(Resolver.java:21)") == 1
    assert "\tat java.base/java.util.HashMap.hash(HashMap.java:338)" in shown  # where it was raised
    assert len(shown) <= 6


def test_library_frames_are_left_out_of_a_block() -> None:
    body = "\n".join(
        [
            "Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'fastify' imported from /app/src/server.mjs",
            "    at packageResolve (node:internal/modules/esm/resolve:873:9)",
            "    at moduleResolve (node:internal/modules/esm/resolve:946:18)",
            "    at defaultResolve (node:internal/modules/esm/resolve:1188:11)",
            "    at ModuleLoader.resolve (node:internal/modules/esm/loader:640:38) {",
            "  code: 'ERR_MODULE_NOT_FOUND'",
            "}",
        ]
    )
    cards = analyse(_bk_log(body), RULES)
    assert cards[0].category is Category.DEPENDENCY
    shown = _shown(cards)
    assert "  code: 'ERR_MODULE_NOT_FOUND'" in shown
    assert not any("node:internal" in t for t in shown)
    assert "}" not in shown  # punctuation only


def test_a_one_line_error_takes_the_stack_trace_after_it() -> None:
    body = "\n".join(
        [
            'Exception in thread "main" java.lang.OutOfMemoryError: Java heap space',
            "\tat Aggregate.loadPartition(Aggregate.java:8)",
            "\tat Aggregate.main(Aggregate.java:15)",
            "done",
        ]
    )
    cards = analyse(_bk_log(body), RULES)
    assert cards[0].category is Category.RESOURCE
    assert _shown(cards)[:3] == body.splitlines()[:3]
    assert "done" not in _shown(cards)


def test_chained_python_exceptions_are_one_card() -> None:
    body = "\n".join(
        [
            "Traceback (most recent call last):",
            '  File "/app/settings.py", line 18, in database_url',
            '    return os.environ["DATABASE_URL"]',
            "KeyError: 'DATABASE_URL'",
            "",
            "The above exception was the direct cause of the following exception:",
            "",
            "Traceback (most recent call last):",
            '  File "/app/settings.py", line 28, in main',
            '    raise ConfigError(f"no database configured for {path}") from exc',
            "ConfigError: no database configured for config/staging.json",
        ]
    )
    cards = analyse(_bk_log(body), RULES)
    assert len(cards) == 1
    assert cards[0].category is Category.CONFIG
    assert {"KeyError: 'DATABASE_URL'", "ConfigError: no database configured for config/staging.json"} <= set(
        _shown(cards)
    )


def test_expected_failures_in_rspecs_pending_list_are_not_findings() -> None:
    body = "\n".join(
        [
            "Pending: (Failures listed here are expected and do not affect your suite's status)",
            "",
            "  1) Cart#total stacks two coupons",
            "     # multi-coupon support (#221)",
            "     Failure/Error: discount = coupon.percent * subtotal / 100",
            "",
            "Failures:",
            "",
            "  1) Cart#total rounds the discount",
            "     Failure/Error: expect(total).to eq(899)",
            "",
            "       expected: 899",
            "            got: 900",
            "",
            "8 examples, 1 failure, 1 pending",
        ]
    )
    cards = analyse(_bk_log(body), RULES)
    shown = _shown(cards)
    assert "     Failure/Error: expect(total).to eq(899)" in shown
    assert not any("coupon.percent" in t for t in shown)
    assert cards[0].tests == ["Cart#total rounds the discount"]


def test_sanitizer_report_is_one_block_up_to_its_summary() -> None:
    body = "\n".join(
        [
            "=================================================================",
            "==654==ERROR: AddressSanitizer: heap-buffer-overflow on address 0x602000000020 at pc 0x55a5",
            "READ of size 4 at 0x602000000020 thread T0",
            "    #0 0x55a56d1f61f9 in main /src/a.c:3",
            "",
            "0x602000000020 is located 0 bytes to the right of 16-byte region [0x602000000010,0x60200000002)",
            "SUMMARY: AddressSanitizer: heap-buffer-overflow /src/a.c:3 in main",
            "Shadow bytes around the buggy address:",
            "  0x0c047fff7fb0: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00",
        ]
    )
    cards = analyse(_bk_log(body), RULES)
    assert cards[0].rule == "sanitizer.report" and cards[0].category is Category.CRASH
    shown = _shown(cards)
    assert "    #0 0x55a56d1f61f9 in main /src/a.c:3" in shown
    assert "SUMMARY: AddressSanitizer: heap-buffer-overflow /src/a.c:3 in main" in shown
    assert not any("0x0c047fff7fb0" in t for t in shown)


def test_the_best_card_gets_the_budget_other_cards_leave() -> None:
    body = "\n".join(
        ["Traceback (most recent call last):"]
        + [f'  File "/app/m{i}.py", line {i}, in f{i}\n    g{i}()' for i in range(12)]
        + ["RuntimeError: boom"]
    )
    cards = analyse(_bk_log(body), RULES)
    assert len(cards) == 1
    assert len(cards[0].lines) == 25  # more than a first card's share, up to the whole budget
    assert cards[0].lines[-1].text == "RuntimeError: boom"


def test_a_linters_file_header_above_a_later_findings_list_is_shown() -> None:
    body = "\n".join(
        [
            "************* Module billing.tax",
            "billing/tax.py:7:0: W0102: Dangerous default value [] as argument (dangerous-default-value)",
            "billing/tax.py:22:51: E1101: Class 'Decimal' has no 'ROUND_UP_MODE' member (no-member)",
            "************* Module billing.invoice",
            "billing/invoice.py:25:41: E0602: Undefined variable 'formatted_total' (undefined-variable)",
            "",
            "Your code has been rated at 0.83/10",
        ]
    )
    shown = _shown(analyse(_bk_log(body, status=6), RULES))
    assert "************* Module billing.tax" in shown
    assert "************* Module billing.invoice" in shown


def test_a_counting_summary_far_below_the_errors_joins_them() -> None:
    warning = "  4:26  warning  'ctx' is defined but never used  no-unused-vars"
    warnings = [f"/src/w{i}.js\n{warning}\n" for i in range(12)]
    body = "\n".join(
        [
            "/src/widget1.js",
            "  7:19  error    'formatLabel' is not defined                        no-undef",
            "",
            *warnings,
            "✖ 26 problems (1 error, 25 warnings)",
        ]
    )
    cards = analyse(_bk_log(body), RULES)
    assert cards[0].rule == "eslint.error"
    assert "✖ 26 problems (1 error, 25 warnings)" in [ln.text for ln in cards[0].lines]


def test_a_doctests_closing_failures_list_joins_its_card_without_the_bare_heading() -> None:
    body = "\n".join(
        [
            "running 1 test",
            "test src/lib.rs - slug (line 5) ... FAILED",
            "",
            "failures:",
            "",
            "---- src/lib.rs - slug (line 5) stdout ----",
            "Test executable failed (exit status: 101).",
            "",
            "thread 'main' (1564) panicked at src/lib.rs:6:1:",
            "assertion `left == right` failed",
            '  left: "hello-world-"',
            ' right: "hello-world"',
            "",
            "",
            "failures:",
            "    src/lib.rs - slug (line 5)",
            "",
            "test result: FAILED. 0 passed; 1 failed; 0 ignored; finished in 0.14s",
            "",
            "error: doctest failed, to rerun pass `--doc`",
        ]
    )
    cards = analyse(_bk_log(body, status=101), RULES)
    assert len(cards) == 1
    shown = [ln.text for ln in cards[0].lines]
    assert "    src/lib.rs - slug (line 5)" in shown
    assert "error: doctest failed, to rerun pass `--doc`" in shown
    assert "failures:" not in shown


def test_go_verbose_test_lines_before_the_fail_line_are_shown() -> None:
    body = "\n".join(
        [
            "=== RUN   TestParseDuration",
            "=== RUN   TestParseDuration/seconds",
            "=== RUN   TestParseDuration/days",
            '    duration_test.go:29: ParseDuration("1d") = 12h0m0s, want 24h0m0s',
            "=== RUN   TestParseDuration/week",
            '    duration_test.go:26: ParseDuration("1w") returned error: unknown unit',
            "--- FAIL: TestParseDuration (0.00s)",
            "    --- PASS: TestParseDuration/seconds (0.00s)",
            "    --- FAIL: TestParseDuration/days (0.00s)",
            "    --- FAIL: TestParseDuration/week (0.00s)",
            "FAIL",
            "FAIL\texample.com/scheduler/config\t0.002s",
        ]
    )
    cards = analyse(_bk_log(body), RULES)
    assert cards[0].rule == "go.test_failed"
    shown = [ln.text for ln in cards[0].lines]
    assert '    duration_test.go:29: ParseDuration("1d") = 12h0m0s, want 24h0m0s' in shown
    assert '    duration_test.go:26: ParseDuration("1w") returned error: unknown unit' in shown


def test_a_cmake_error_goes_on_through_its_paragraphs_and_call_stack() -> None:
    body = "\n".join(
        [
            "-- Found Threads: TRUE",
            "CMake Error at CMakeLists.txt:7 (find_package):",
            '  By not providing "Findyaml-cpp.cmake" in CMAKE_MODULE_PATH this project has',
            "  asked CMake to find a package configuration file.",
            "",
            '  Could not find a package configuration file provided by "yaml-cpp"',
            "  with any of the following names:",
            "",
            "    yaml-cppConfig.cmake",
            "Call Stack (most recent call first):",
            "  CMakeLists.txt:4 (find_package)",
            "",
            "",
            "-- Configuring incomplete, errors occurred!",
            'See also "/build/CMakeFiles/CMakeOutput.log".',
        ]
    )
    cards = analyse(_bk_log(body), RULES)
    shown = [ln.text for ln in cards[0].lines]
    assert cards[0].rule == "cmake.error"
    assert "    yaml-cppConfig.cmake" in shown
    assert "  CMakeLists.txt:4 (find_package)" in shown
    assert "-- Configuring incomplete, errors occurred!" in shown
    assert not any(t.startswith("See also") for t in shown)


def test_a_compilers_located_note_belongs_to_the_error_above() -> None:
    body = "\n".join(
        [
            "parse.c: In function 'parse_rect':",
            "parse.c:4:12: error: implicit declaration of function 'sscanf'",
            '    4 |     return sscanf(s, "%lf", &w) == 1;',
            "      |            ^~~~~~",
            "parse.c:3:1: note: include '<stdio.h>' or provide a declaration of 'sscanf'",
            "make: *** [Makefile:8: parse.o] Error 1",
        ]
    )
    cards = analyse(_bk_log(body, status=2), RULES)
    assert "parse.c:3:1: note: include '<stdio.h>' or provide a declaration of 'sscanf'" in _shown(cards[:1])


@pytest.mark.parametrize(
    ("error", "closing"),
    [
        (
            "tar: static: Cannot stat: No such file or directory",
            "tar: Exiting with failure status due to previous errors",
        ),
        (
            "==18201== Invalid read of size 4\n==18201==    at 0x109189: main (best.c:9)\n==18201== ",
            "==18201== ERROR SUMMARY: 1 errors from 1 contexts (suppressed: 0 from 0)",
        ),
    ],
)
def test_a_tools_closing_count_of_its_errors_joins_them(error: str, closing: str) -> None:
    cards = analyse(_bk_log(f"{error}\n{closing}"), RULES)
    assert closing in _shown(cards[:1])


def test_a_wrapper_with_a_list_brings_the_list() -> None:
    body = "\n".join(
        [
            "3/3 Test #3: utf8 .............................***Failed    0.00 sec",
            'test_codec.c:7: decode("\\xc3\\xa9") returned 2 bytes, expected 1 code point',
            "",
            "67% tests passed, 1 tests failed out of 3",
            "",
            "Total Test time (real) =   0.01 sec",
            "",
            "The following tests FAILED:",
            "\t  3 - utf8 (Failed)",
            "Errors while running CTest",
        ]
    )
    cards = analyse(_bk_log(body, status=8), RULES)
    shown = _shown(cards[:1])
    assert "\t  3 - utf8 (Failed)" in shown
    assert "Errors while running CTest" in shown
    assert not any(t.startswith("Total Test time") for t in shown)


def test_a_wrapper_joining_a_card_brings_its_before_context() -> None:
    body = "\n".join(
        [
            "#7 [3/7] RUN apt-get install -y libjpeg62-turbo-devel",
            "#7 3.546 E: Unable to locate package libjpeg62-turbo-devel",
            '#7 ERROR: process "/bin/sh -c apt-get install -y libjpeg62-turbo-devel" did not complete '
            "successfully: exit code: 100",
            "------",
            "Dockerfile:5",
            "--------------------",
            "   4 |     ",
            "   5 | >>> RUN apt-get install -y libjpeg62-turbo-devel",
            "   6 |     ",
            "--------------------",
            'ERROR: failed to solve: process "/bin/sh -c apt-get install -y libjpeg62-turbo-devel" '
            "did not complete successfully: exit code: 100",
        ]
    )
    cards = analyse(_bk_log(body), RULES)
    assert cards[0].category is Category.DEPENDENCY
    shown = _shown(cards[:1])
    assert "Dockerfile:5" in shown
    assert "   5 | >>> RUN apt-get install -y libjpeg62-turbo-devel" in shown
    assert "   4 |     " not in shown


def test_a_charset_escape_after_colours_does_not_hide_the_error() -> None:
    # `tput sgr0` writes `ESC ( B` before `ESC [ m`; it prints nothing and must not reach the text.
    reset = "\x1b(B\x1b[m"
    body = "\n".join(
        [
            f"jobs/model.py:13: \x1b[1m\x1b[31merror:{reset} Function is missing a type annotation"
            f"  {reset}\x1b[33m[no-untyped-def]{reset}",
            f"\x1b[1m\x1b[31mFound 1 error in 1 file (checked 3 source files){reset}",
        ]
    )
    cards = analyse(_bk_log(body), RULES)
    shown = _shown(cards[:1])
    assert "jobs/model.py:13: error: Function is missing a type annotation  [no-untyped-def]" in shown
    assert not any("(B" in t for t in shown)


GOODBYE = "[ERROR] The forked VM terminated without properly saying goodbye. VM crash or System.exit called?"


def test_a_naming_wrapper_after_generic_lines_joins_the_specific_card_before_them() -> None:
    body = "\n".join(
        [
            "[INFO] Running com.acme.store.RocksStoreTest",
            "#",
            "# A fatal error has been detected by the Java Runtime Environment:",
            "#",
            "#  SIGSEGV (0xb) at pc=0x00007f3a2c1b4e5a, pid=4127, tid=4160",
            "#",
            "[INFO] BUILD FAILURE",
            "[ERROR] Failed to execute goal maven-surefire-plugin:3.2.5:test on project x:",
            "[ERROR] Command was /bin/sh -c cd /builds/x && java -jar surefirebooter.jar",
            GOODBYE,
            "[ERROR] Crashed tests:",
            "[ERROR] com.acme.store.RocksStoreTest",
            "[ERROR] -> [Help 1]",
        ]
    )
    cards = analyse(_bk_log(body), RULES)
    assert cards[0].rule == "jvm.fatal_error"
    shown = _shown(cards[:1])
    assert GOODBYE in shown
    assert "[ERROR] com.acme.store.RocksStoreTest" in shown


# What kind of failure a tool family's own report says it is, where the error line alone would
# read as another kind (a Terraform diagnostic as config, an OCaml exception as a PHP one).
_FAMILY_CATEGORIES = {
    "terraform test: the runner's count makes an assertion a test failure": (
        '  run "replicas_match"... fail\n'
        "╷\n"
        "│ Error: Test assertion failed\n"
        "│\n"
        '│   on tests/db.tftest.hcl line 9, in run "replicas_match":\n'
        "│ replica count must match the region list\n"
        "╵\n"
        "Failure! 3 passed, 1 failed.\n",
        ["Test assertion failed", "replica count must match", "3 passed, 1 failed"],
        Category.TEST,
    ),
    "go runtime: a deadlock is a crash, with the goroutines' stacks": (
        "fatal error: all goroutines are asleep - deadlock!\n"
        "\n"
        "goroutine 1 [chan receive]:\n"
        "main.main()\n"
        "\t/ci/app/cmd/pump/main.go:22 +0x1d\n"
        "exit status 2\n",
        ["all goroutines are asleep", "goroutine 1 [chan receive]:", "cmd/pump/main.go:22"],
        Category.CRASH,
    ),
    "gfortran: a runtime check with its location": (
        "At line 40 of file src/grid.f90\n"
        "Fortran runtime error: Index '0' of dimension 1 of array 'g' below lower bound of 1\n"
        "\n"
        "Error termination. Backtrace:\n"
        "#0  0x55d1 in relax\n"
        "\tat src/grid.f90:40\n",
        ["At line 40 of file src/grid.f90", "below lower bound of 1"],
        Category.RUNTIME,
    ),
    "mix format --check-formatted: lint, with the files": (
        "$ mix format --check-formatted\n"
        "** (Mix) mix format failed due to --check-formatted.\n"
        "The following files are not formatted:\n"
        "\n"
        "  * lib/shop/cart.ex\n"
        "  * test/shop/cart_test.exs\n",
        ["--check-formatted", "lib/shop/cart.ex", "test/shop/cart_test.exs"],
        Category.LINT,
    ),
    "nginx -t: an [emerg] is configuration": (
        "$ nginx -t -c /ci/etc/nginx.conf\n"
        '2026/01/03 10:00:01 [emerg] 9#9: unknown directive "listn" in /ci/etc/sites/app.conf:4\n'
        "nginx: configuration file /ci/etc/nginx.conf test failed\n",
        ['unknown directive "listn"', "sites/app.conf:4"],
        Category.CONFIG,
    ),
    "pytest --strict-markers: an unregistered mark is configuration": (
        "________________________ ERROR collecting tests/test_sync.py ________________________\n"
        "'flaky' not found in `markers` configuration option\n"
        "=========================== short test summary info ============================\n"
        "ERROR tests/test_sync.py - Failed: 'flaky' not found in `markers` configuration option\n",
        ["ERROR collecting tests/test_sync.py", "'flaky' not found in `markers` configuration option"],
        Category.CONFIG,
    ),
    "setuptools: package discovery refuses a flat layout": (
        "* Getting build dependencies for sdist...\n"
        "error: Multiple top-level packages discovered in a flat-layout: ['scripts', 'shop'].\n",
        ["Multiple top-level packages discovered in a flat-layout"],
        Category.CONFIG,
    ),
    "ansible: an undefined template variable, with its task": (
        "TASK [Write app config] ****************************************************\n"
        'fatal: [web1]: FAILED! => {"msg": "\'db_host\' is undefined"}\n'
        "\n"
        "PLAY RECAP *****************************************************************\n"
        "web1                       : ok=3    changed=1    unreachable=0    failed=1    skipped=0\n",
        ["TASK [Write app config]", "'db_host' is undefined", "failed=1"],
        Category.CONFIG,
    ),
    "EFBIG: a file over the size limit is a resource limit": (
        "Traceback (most recent call last):\n"
        '  File "/ci/tools/dump.py", line 9, in <module>\n'
        "    out.write(chunk)\n"
        "OSError: [Errno 27] File too large\n",
        ["OSError: [Errno 27] File too large"],
        Category.RESOURCE,
    ),
    "a resource limit (ulimit -v): the allocation failure, not the abort it ends in": (
        "memory allocation of 17179869184 bytes failed\n"
        "./ci/run.sh: line 4:  812 Aborted                 ./target/release/indexer\n",
        ["memory allocation of 17179869184 bytes failed", "Aborted"],
        Category.RESOURCE,
    ),
    "a circular import is the code's bug, not a missing package": (
        "Traceback (most recent call last):\n"
        '  File "/ci/app/orders.py", line 1, in <module>\n'
        "    from app.billing import Invoice\n"
        "ImportError: cannot import name 'Invoice' from partially initialized module 'app.billing' "
        "(most likely due to a circular import) (/ci/app/billing.py)\n",
        ["cannot import name 'Invoice'"],
        Category.RUNTIME,
    ),
}


@pytest.mark.parametrize("name", sorted(_FAMILY_CATEGORIES))
def test_a_tool_familys_report_decides_the_category(name: str) -> None:
    body, keys, category = _FAMILY_CATEGORIES[name]
    cards = analyse(_bk_log(body), RULES, exit_status=1)
    top = " ".join(_text(cards[0]).split())
    for key in keys:
        assert " ".join(key.split()) in top, f"{key!r} not in the top card: {top}"
    assert cards[0].category is category


def test_a_runner_count_does_not_relabel_a_compile_error() -> None:
    # The build broke before the tests ran: the count of failed tests does not make it a test failure.
    body = "src/a.c:3:1: error: unknown type name 'sizet'\n 3 | sizet n;\nTests: 0 passed, 1 failed\n"
    cards = analyse(_bk_log(body), RULES, exit_status=1)
    assert cards[0].category is Category.COMPILE


# -- general mechanisms: what the shape of the output says, whatever the tool -----------------------


def _gitlab_log(command: str, body: str, *, status: int = 1) -> bytes:
    """A GitLab-shaped job log: `$ command`, its output, the runner's exit line."""
    lines = [
        "\x1b[0Ksection_start:1700000000:step_script\r\x1b[0K\x1b[0Kstep_script",
        f"$ {command}",
        *body.splitlines(),
        "\x1b[0Ksection_end:1700000009:step_script\r\x1b[0K",
        f"ERROR: Job failed: exit code {status}",
    ]
    return "\n".join(lines).encode()


def test_linter_command_makes_located_findings_lint() -> None:
    # A linter's findings read like a compiler's (`a.go:3:1: msg`); the command says which it is.
    body = "\n".join(f"pkg/render.go:{i}:2: value of x is never used (XX{i})" for i in (10, 12, 15))
    cards = analyse(_gitlab_log("make lint", body), RULES)
    assert cards[0].category is Category.LINT
    cards = analyse(_gitlab_log("make all", body), RULES)
    assert cards[0].category is Category.COMPILE


def test_unknown_error_takes_the_work_a_versioned_or_camel_case_command_names() -> None:
    # No rule knows these lines; the failing command still says what broke, whatever its version
    # suffix (`gfortran-13`), its wrapper or its camel case task (`:app:testDebugUnitTest`).
    body = "something unexpected happened\nstopping"
    cards = analyse(_gitlab_log("gfortran-13 -o build/report src/report.f90", body), RULES)
    assert cards[0].rule == "fallback.tail" and cards[0].category is Category.COMPILE
    cards = analyse(_gitlab_log("./gradlew :app:testDebugUnitTest", body), RULES)
    assert cards[0].category is Category.TEST
    cards = analyse(_gitlab_log("commitlint --from main --to HEAD", body), RULES)
    assert cards[0].category is Category.LINT
    # A flag's camel case (`-DskipTests`) and a `build/` directory argument name no work.
    cards = analyse(_gitlab_log("mvn -q install -DskipTests", body), RULES)
    assert cards[0].category is Category.COMPILE
    cards = analyse(_gitlab_log('buildkite-agent artifact upload "build/reports/**/*"', body), RULES)
    assert cards[0].category is Category.INFRASTRUCTURE
    cards = analyse(_gitlab_log("cp -r build/ out/", body), RULES)
    assert cards[0].category is Category.UNKNOWN


def test_error_located_in_a_data_file_is_config() -> None:
    body = "settings.toml:4:9 - error TS1234: Unknown option 'colour'\n4   colour = true"
    cards = analyse(_gitlab_log("make all", body), RULES)
    assert cards[0].category is Category.CONFIG
    body = "src/app.ts:4:9 - error TS1234: Unknown name 'colour'\n4   colour = true"
    assert analyse(_gitlab_log("make all", body), RULES)[0].category is Category.COMPILE


def test_unknown_report_of_file_findings_is_lint() -> None:
    # No rule knows the tool, yet its output lists one finding per file line: a checker's report.
    body = "\n".join(
        [
            "lib/Deploy.pm: Bareword file handle at line 7, column 5. (Severity: 5)",
            "lib/Deploy.pm: Two-argument open at line 7, column 5. (Severity: 5)",
            "bin/plan.pl: Code before strictures at line 5, column 1. (Severity: 5)",
        ]
    )
    cards = analyse(_gitlab_log("./ci/critic.sh", body, status=2), RULES)
    assert cards[0].rule == "fallback.tail"
    assert cards[0].category is Category.LINT
    # Two lines are no list.
    two = "\n".join(body.splitlines()[:2])
    assert analyse(_gitlab_log("./ci/critic.sh", two, status=2), RULES)[0].category is Category.UNKNOWN


def test_fallback_shows_findings_above_its_tail() -> None:
    # An unknown tool's long report: the failures are marked far above the last lines.
    body = "\n".join(
        [
            "  ✔ adds",
            "  ✘ [fail]: rules › parses decimal percentages",
            "  ✔ subtracts",
            "  ✘ [fail]: bundle › quantities count towards the bundle",
            *[f"  detail line {i}" for i in range(20)],
            "  2 tests failed",
        ]
    )
    cards = analyse(_gitlab_log("./run-checks.sh", body), RULES)
    text = _text(cards[0])
    assert "rules › parses decimal percentages" in text
    assert "bundle › quantities count towards the bundle" in text
    assert "2 tests failed" in text
    assert "✔ adds" not in text


def test_fallback_title_names_the_first_finding() -> None:
    body = "\n".join(
        [
            "  ✔ adds",
            "  ✘ [fail]: rules › parses decimal percentages",
            "  ✘ [fail]: bundle › quantities count towards the bundle",
            *[f"  detail line {i}" for i in range(20)],
            "  2 tests failed",
        ]
    )
    card = analyse(_gitlab_log("./run-checks.sh", body), RULES)[0]
    assert card.title.endswith("✘ [fail]: rules › parses decimal percentages (+1 more)")
    # Nothing that reads as a finding: the title says only that no pattern was known.
    plain = analyse(_gitlab_log("./run-checks.sh", "\n".join(f"  step {i} done" for i in range(30))), RULES)
    assert "no known error pattern" in plain[0].title
    # ... and which command failed, since the card leaves the command's echo out.
    assert plain[0].title.startswith('"./run-checks.sh" failed with exit status')


def test_fallback_findings_stop_at_a_section_boundary() -> None:
    log = _bk_log(
        "src/a.hs:6:1-41: Warning: Eta reduce\n--- :hammer: Check\n"
        + "\n".join(f"line {i}" for i in range(30))
    )
    text = "\n".join(_text(c) for c in analyse(log, RULES))
    assert "Eta reduce" not in text


def test_error_ending_with_colon_takes_what_it_introduces() -> None:
    body = "\n".join(
        [
            "ConfigCheckError: the check identified some issues:",
            "",
            "ERRORS:",
            "shop.Order.billing: (fields.E304) accessor clashes with shop.Order.shipping",
            "\tHINT: add a related_name",
            "",
            "Checked 4 things.",
        ]
    )
    card = analyse(_gitlab_log("python manage.py check", body), RULES)[0]
    text = _text(card)
    assert "(fields.E304) accessor clashes" in text
    assert "HINT: add a related_name" in text
    # Without the colon the line stands alone.
    plain = body.replace("some issues:", "some issues", 1)
    assert "(fields.E304)" not in _text(analyse(_gitlab_log("python manage.py check", plain), RULES)[0])


def test_stack_trace_after_a_blank_line_and_header_joins_the_error() -> None:
    body = "\n".join(
        [
            "fatal error: out of memory allocating heap arena metadata",
            "",
            "runtime stack:",
            "runtime.throw({0x4a0389?, 0x0?})",
            "\t/usr/lib/go-1.19/src/runtime/panic.go:1047 +0x5d",
            "",
            "goroutine 1 [running]:",
            "main.loadAll(0x28)",
            "\t/home/ci/work/indexer/main.go:11 +0x111",
            "main.main()",
            "\t/home/ci/work/indexer/main.go:22 +0x1e",
            "exit status 2",
        ]
    )
    card = analyse(_gitlab_log("./indexer", body, status=2), RULES)[0]
    assert card.category is Category.RESOURCE
    text = _text(card)
    assert "main.loadAll(0x28)" in text and "main.go:11" in text
    assert "panic.go:1047" not in text  # the runtime's own frames stay out


def test_trace_header_a_rule_reads_is_not_taken_as_frames() -> None:
    body = "\n".join(
        [
            "[ERROR] Worker (pid:12) exited with code 3",
            "Traceback (most recent call last):",
            '  File "/srv/app.py", line 3, in <module>',
            "    run()",
            "RuntimeError: boom",
        ]
    )
    cards = analyse(_gitlab_log("./serve", body), RULES)
    assert cards[0].title.startswith("RuntimeError: boom")


def test_location_alone_above_the_message_joins_it() -> None:
    # Some compilers print the location, then the code, then the message, each on its own line.
    body = "\n".join(
        [
            "src/report.f90:13:6:",
            "",
            "   13 |     mu = mean(x)",
            "      |      1",
            "Error: Symbol 'mu' at (1) has no IMPLICIT type",
        ]
    )
    text = _text(analyse(_gitlab_log("make all", body), RULES)[0])
    assert "src/report.f90:13:6:" in text and "mu = mean(x)" in text
    # Far above, with other output between, it is not this message's.
    far = body.replace("\n\n", "\n" + "\n".join(f"step {i}" for i in range(8)) + "\n", 1)
    assert "src/report.f90:13:6:" not in _text(analyse(_gitlab_log("make all", far), RULES)[0])


def test_separator_behind_a_log_level_is_filler() -> None:
    body = "\n".join(
        [
            "[ERROR] BUILD CHECK REPORT :",
            "[INFO] -------------------------------------------------------------",
            "[INFO] the check could not read its input",
        ]
    )
    lines = [ln.text for ln in analyse(_gitlab_log("./check.sh", body), RULES)[0].lines]
    assert "[INFO] the check could not read its input" in lines
    assert not any("-----" in t for t in lines)


@pytest.mark.parametrize(
    "count",
    [
        "24 tests, 1 failure",
        "Failed!  - Failed:     2, Passed:    27",
        "Tests: 4, Assertions: 3, Errors: 1, Failures: 1.",
        "ℹ fail 1",
    ],
)
def test_run_failure_count_after_the_error_joins_its_card(count: str) -> None:
    # Whatever the tool, the run's closing count of what failed is what a reader checks the error
    # against: it joins the error card it follows, and names no card of its own.
    body = "\n".join(["$ ./run-checks", "ValueError: bad row 7", "  at load (loader.js:3:1)", "", count])
    cards = analyse(_bk_log(body), RULES)
    assert count in [ln.text for ln in cards[0].lines]
    assert [c.rule for c in cards if c.rule == "run.failure_count"] == []


def test_a_count_of_something_else_or_of_none_is_no_failure_count() -> None:
    for line in ["Snapshots:   1 failed, 1 passed, 2 total", "0 failures", "timeout: 3.0s", "npm error 404"]:
        hit = RULES.best(line)
        assert hit is None or hit[0].name != "run.failure_count", line


def test_fallback_tail_that_says_it_timed_out_is_a_timeout() -> None:
    # No rule knows the tool; its last words say it ran out of time, whatever the command was.
    body = "$ npm test\n  ✔ push and next\n  ✘ Timed out while running tests\n  2 tests passed"
    cards = analyse(_bk_log(body), RULES)
    assert cards[0].rule == "fallback.tail" and cards[0].category is Category.TIMEOUT
    # An option naming a timeout is not one.
    quiet = analyse(_bk_log("$ npm test\n  passing --timeout=5 to workers\n  2 tests passed"), RULES)
    assert quiet[0].category is not Category.TIMEOUT


def test_a_card_a_few_lines_from_the_best_one_joins_it() -> None:
    # The command's own error, then the traceback of the script that ran it: one story, so the
    # first card shows both. A card far from it stays a card of its own.
    far = ["warning: x"] * 20
    body = "\n".join(
        [
            "$ python package.py",
            "docs/mirror.rst:12: WARNING: undefined label: intro",
            *far,
            "tar: static: Cannot stat: No such file or directory",
            "tar: Exiting with failure status due to previous errors",
            "Traceback (most recent call last):",
            '  File "package.py", line 3, in <module>',
            '    subprocess.run(["tar", "-czf", "out.tgz", "static"], check=True)',
            "subprocess.CalledProcessError: Command 'tar' returned non-zero exit status 2.",
        ]
    )
    cards = analyse(_bk_log(body), RULES)
    top = _text(cards[0])
    assert "CalledProcessError" in top and "Cannot stat" in top
    assert "mirror" not in top and any("mirror" in _text(c) for c in cards[1:])


def test_unclassified_error_naming_a_missing_package_is_a_dependency_problem() -> None:
    # No rule knows the tool; its words say a library is missing, whatever the command (a build).
    for line in [
        'setup.build:6:0: ERROR: Dependency "libfoo" not found, tried pkgconfig',
        "Error in load(bar) : there is no package called 'bar'",
        "  = note: ld: error: unable to find library -lfoo",
    ]:
        cards = analyse(_bk_log(f"$ make all\nconfiguring\n{line}\nstopped"), RULES)
        assert cards[0].category is Category.DEPENDENCY, line
    # A file that is not found is no missing package: the command still decides.
    for line in ["'docs/cli.md' is not found", "copy: package-lock.json not found", "Module not found."]:
        other = analyse(_bk_log(f"$ make all\nconfiguring\n{line}\nstopped"), RULES)
        assert other[0].category is Category.COMPILE, line


def test_unclassified_error_naming_a_config_file_is_a_config_problem() -> None:
    for line in ["deploy/services/web.json invalid", "[FATAL] Non-parseable POM /src/app/pom.xml: end tag"]:
        cards = analyse(_bk_log(f"$ make all\nchecking\n{line}\nstopped"), RULES)
        assert cards[0].category is Category.CONFIG, line
    # Naming a config file without saying it is wrong is only context.
    quiet = analyse(_bk_log("$ make all\nreading deploy/web.json\nsomething broke\nstopped"), RULES)
    assert quiet[0].category is Category.COMPILE
    # A checker's findings about config files are lint.
    findings = "\n".join(f"deploy/api.yaml:{n}: invalid key order" for n in (3, 7, 9))
    linted = analyse(_bk_log(f"$ ./ci/check.sh\n{findings}\nstopped"), RULES)
    assert linted[0].category is Category.LINT


def test_missing_package_words_outweigh_a_build_or_check_rule() -> None:
    # A checker's or a build's error that says a package is missing: the dependency is the fix.
    for command, body in [
        ("mypy app", 'app/m.py:1: error: Library stubs not installed for "yaml"  [import-untyped]'),
        (
            "cmake -S . -B build",
            "CMake Error at CMakeLists.txt:7 (find_package):\n"
            '  Could not find a package configuration file provided by "foo" with any of:',
        ),
        ("./ci/check-env.sh", "web 2.3 has requirement lib<3,>=1.21, but you have lib 1.20."),
    ]:
        cards = analyse(_bk_log(f"$ {command}\nchecking\n{body}\nstopped"), RULES)
        assert cards[0].category is Category.DEPENDENCY, body
    # The same tools' other errors keep their category.
    lint = analyse(_bk_log('$ mypy app\napp/m.py:3: error: Name "x" is not defined  [name-defined]\n'), RULES)
    assert lint[0].category is Category.LINT


def test_service_failure_is_infrastructure_whatever_raised_it() -> None:
    # A script's exception, an uncaught node error, an unknown tool's last words: the network or a
    # service failed, not the code.
    for command, body in [
        (
            "python scripts/publish.py",
            "Traceback (most recent call last):\n"
            '  File "scripts/publish.py", line 3, in <module>\n'
            "    post(url)\n"
            "ConnectionRefusedError: [Errno 111] Connection refused",
        ),
        (
            "node server.js",
            "Error: listen EADDRINUSE: address already in use :::3000\n    at Server.listen (node:net:1:1)",
        ),
        ("./ci/fetch.sh", "fetching index\nerror 503 Service Unavailable - GET http://mirror.local/x"),
    ]:
        cards = analyse(_bk_log(f"$ {command}\nstarting\n{body}\n"), RULES)
        assert cards[0].category is Category.INFRASTRUCTURE, body
    # Other runtime errors stay runtime.
    plain = analyse(
        _bk_log(
            '$ python scripts/publish.py\nTraceback (most recent call last):\n  File "scripts/publish.py", '
            "line 3, in <module>\n    post(url)\nKeyError: 'url'\n"
        ),
        RULES,
    )
    assert plain[0].category is Category.RUNTIME


def test_error_calling_a_config_file_defective_is_config_whatever_rule_read_it() -> None:
    # A script dies on its config file, an installer on the project's manifest, a compiler on its
    # own settings file (`(line,column)` locations too): the configuration is what to fix.
    for command, body in [
        ("perl bin/rotate.pl", "malformed line 'x: y' in config/rotate.conf at bin/rotate.pl line 12."),
        (
            "python tools/gen.py",
            'Traceback (most recent call last):\n  File "tools/gen.py", line 3, in <module>\n'
            "    load()\nValueError: invalid settings.toml config: `project.name`.",
        ),
        (
            "npx tsc -b",
            "packages/api/tsconfig.json(10,18): error TS6306: Referenced project must be composite.",
        ),
    ]:
        cards = analyse(_bk_log(f"$ {command}\nstarting\n{body}\n"), RULES)
        assert cards[0].category is Category.CONFIG, body
    # Naming a data file without calling it defective is no configuration problem.
    plain = analyse(
        _bk_log(
            "$ perl bin/rotate.pl\nstarting\n"
            "cannot rotate log in config/rotate.conf at bin/rotate.pl line 3.\n"
        ),
        RULES,
    )
    assert plain[0].category is not Category.CONFIG


def test_unknown_error_of_a_program_run_from_source_is_runtime() -> None:
    # No rule knows the language; the step ran a program from its source file, so its error is
    # the program's, at run time.
    for command in ["lua5.4 scripts/gen.lua", "Rscript R/report.R", "./tools/sync.py --dry-run"]:
        cards = analyse(_bk_log(f"$ {command}\nrows: 6\ngen: index out of range in render\n"), RULES)
        assert cards[0].category is Category.RUNTIME, command
    # A shell script is the step itself, and a command we cannot place says nothing.
    for command in ["bash check.sh", "./ci/gen.sh", "alembic upgrade head"]:
        cards = analyse(_bk_log(f"$ {command}\nrows: 6\ngen: index out of range in render\n"), RULES)
        assert cards[0].category is Category.UNKNOWN, command


def test_source_that_does_not_parse_is_a_compile_error_whatever_reported_it() -> None:
    for command, body in [
        ("./ci/publish.sh", "building\n./ci/publish.sh: line 19: syntax error: unexpected end of file"),
        (
            "perl bin/report.pl",
            'syntax error at lib/A.pm line 11, near "1 {"\n'
            "Compilation failed in require at bin/report.pl line 5.",
        ),
    ]:
        cards = analyse(_bk_log(f"$ {command}\nstarting\n{body}\n", status=2), RULES)
        assert cards[0].category is Category.COMPILE, body
    # A syntax error in data the program handles (an SQL statement) is the program's, at run time.
    sql = analyse(
        _bk_log(
            '$ python manage.py migrate\nTraceback (most recent call last):\n  File "manage.py", line 3, in '
            '<module>\n    run()\nsqlite3.OperationalError: near "WHER": syntax error\n'
        ),
        RULES,
    )
    assert sql[0].category is Category.RUNTIME


def test_leak_and_race_reports_are_failed_checks_not_crashes() -> None:
    leak = "\n".join(
        [
            "==21==ERROR: LeakSanitizer: detected memory leaks",
            "",
            "Direct leak of 28 byte(s) in 4 object(s) allocated from:",
            "    #0 0x7f in strdup asan_interceptors.cpp:439",
            "    #1 0x55 in parse_line /src/kv.c:11",
            "",
            "SUMMARY: AddressSanitizer: 28 byte(s) leaked in 4 allocation(s).",
        ]
    )
    race = "\n".join(
        [
            "==================",
            "WARNING: ThreadSanitizer: data race (pid=12)",
            "  Read of size 8 at 0x55 by thread T2:",
            "    #0 serve /src/stats.c:9 (stats+0x11f2)",
            "==================",
        ]
    )
    for body in (leak, race):
        cards = analyse(_bk_log(f"$ make check\nbuilt\n{body}\n"), RULES)
        assert cards[0].category is Category.TEST, body
    overflow = analyse(
        _bk_log(
            "$ make check\nbuilt\n"
            "==6==ERROR: AddressSanitizer: heap-buffer-overflow on address 0x60 at pc 0x55\n"
            "READ of size 4 at 0x60 thread T0\n    #0 0x55 in main /src/a.c:3\n"
        ),
        RULES,
    )
    assert overflow[0].category is Category.CRASH


# A build tool's own error (not a compiler's diagnostic on source code) says what to fix: a
# library or package that is not installed, the build's configuration, the agent's image.
_BUILD_TOOL_ERRORS = {
    "linker cannot find a library": (
        "make",
        "cc -o build/blobstore build/main.o -lsnappy\n"
        "/usr/bin/ld: cannot find -lsnappy: No such file or directory\n"
        "collect2: error: ld returned 1 exit status\n"
        "make: *** [Makefile:5: build/blobstore] Error 1",
        Category.DEPENDENCY,
        ["cannot find -lsnappy"],
    ),
    "pkg-config finds no package, then the header is missing": (
        "make",
        "Package libzstd was not found in the pkg-config search path.\n"
        "Perhaps you should add the directory containing `libzstd.pc'\n"
        "to the PKG_CONFIG_PATH environment variable\n"
        "No package 'libzstd' found\n"
        "cc -O2 -o build/packer src/packer.c\n"
        "src/packer.c:2:10: fatal error: zstd.h: No such file or directory\n"
        "compilation terminated.\n"
        "make: *** [Makefile:9: build/packer] Error 1",
        Category.DEPENDENCY,
        ["Package libzstd was not found", "zstd.h: No such file or directory"],
    ),
    "make stops on an $(error) directive": (
        "make",
        "cc -O2 -c src/main.c -o build/main.o\n"
        "Makefile:15: *** RELEASE_CHANNEL is not set (expected stable or beta).  Stop.",
        Category.CONFIG,
        ["RELEASE_CHANNEL is not set"],
    ),
    "ninja refuses a dependency cycle": (
        "ninja",
        "ninja: error: dependency cycle: gen/a.h -> gen/a.c -> gen/a.h",
        Category.CONFIG,
        ["dependency cycle"],
    ),
    "cmake cannot find a required program": (
        "cmake -S . -B build",
        "-- The C compiler identification is GNU 12.2.0\n"
        "CMake Error at CMakeLists.txt:4 (find_program):\n"
        "  Could not find CLANG_FORMAT using the following names: clang-format-17,\n"
        "  clang-format\n"
        "\n"
        "\n"
        "-- Configuring incomplete, errors occurred!",
        Category.INFRASTRUCTURE,
        ["Could not find CLANG_FORMAT"],
    ),
    "meson finds no program": (
        "meson setup build",
        "Program clang-format found: NO\n"
        "meson.build:12:2: ERROR: Program 'clang-format' not found or not executable",
        Category.INFRASTRUCTURE,
        ["Program 'clang-format' not found"],
    ),
    "meson finds no dependency": (
        "meson setup build",
        "Run-time dependency libsodium found: NO (tried pkgconfig and cmake)\n"
        'meson.build:6:0: ERROR: Dependency "libsodium" not found, tried pkgconfig and cmake',
        Category.DEPENDENCY,
        ["found: NO", 'Dependency "libsodium" not found'],
    ),
    "configure finds no compiler": (
        "./configure",
        "checking for gcc... no\nchecking for cc... no\n"
        "configure: error: no acceptable C compiler found in $PATH",
        Category.INFRASTRUCTURE,
        ["no acceptable C compiler"],
    ),
    "configure finds no library": (
        "./configure",
        "checking for sodium_init in -lsodium... no\n"
        "configure: error: libsodium is required (install libsodium-dev)",
        Category.DEPENDENCY,
        ["checking for sodium_init in -lsodium... no", "libsodium is required"],
    ),
    "cargo cannot load a workspace member": (
        "cargo build",
        "error: failed to load manifest for workspace member `/ci/app/crates/metrics`\n"
        "referenced by workspace at `/ci/app/Cargo.toml`\n"
        "\n"
        "Caused by:\n"
        "  failed to read `/ci/app/crates/metrics/Cargo.toml`\n"
        "\n"
        "Caused by:\n"
        "  No such file or directory (os error 2)",
        Category.CONFIG,
        ["failed to load manifest for workspace member", "No such file or directory (os error 2)"],
    ),
    "cargo may not update the lock file": (
        "cargo build --locked",
        "error: cannot update the lock file /ci/app/Cargo.lock because --locked was passed to prevent this",
        Category.DEPENDENCY,
        ["--locked was passed"],
    ),
    "a build script panics on an unset variable": (
        "cargo build",
        "   Compiling agent v0.4.2 (/ci/agent)\n"
        "error: failed to run custom build command for `agent v0.4.2 (/ci/agent)`\n"
        "\n"
        "Caused by:\n"
        "  process didn't exit successfully: `/ci/agent/target/debug/build/agent-1/build-script-build`"
        " (exit status: 101)\n"
        "  --- stdout\n"
        "  cargo:rerun-if-env-changed=AGENT_BUILD_ID\n"
        "\n"
        "  --- stderr\n"
        "\n"
        "  thread 'main' panicked at build.rs:7:47:\n"
        "  AGENT_BUILD_ID must be set by the CI pipeline: NotPresent",
        Category.CONFIG,
        ["failed to run custom build command for `agent v0.4.2", "AGENT_BUILD_ID must be set"],
    ),
    "a program's shared library is not installed": (
        "./build/bin/geoquery --self-test",
        "./build/bin/geoquery: error while loading shared libraries: libgeo.so.1: cannot open shared "
        "object file: No such file or directory",
        Category.DEPENDENCY,
        ["libgeo.so.1"],
    ),
}


@pytest.mark.parametrize("name", sorted(_BUILD_TOOL_ERRORS))
def test_a_build_tools_own_error_names_what_to_fix(name: str) -> None:
    command, body, category, keys = _BUILD_TOOL_ERRORS[name]
    cards = analyse(_bk_log(f"$ {command}\n{body}\n", status=2), RULES)
    assert cards[0].category is category, name
    top = _text(cards[0])
    for key in keys:
        assert key in top, (name, key)


def test_a_build_tools_error_about_code_stays_compile() -> None:
    # The compiler's diagnostic on the code, the linker's undefined symbol: the code is what to fix.
    for body in [
        "src/a.c:3:5: error: 'x' undeclared (first use in this function)\n"
        "make: *** [Makefile:4: a.o] Error 1",
        "/usr/bin/ld: a.o: in function `main':\na.c:(.text+0x5): undefined reference to `frob'\n"
        "collect2: error: ld returned 1 exit status",
    ]:
        cards = analyse(_bk_log(f"$ make\n{body}\n", status=2), RULES)
        assert cards[0].category is Category.COMPILE, body
    # A CMake error that names no missing program stays the configuration's.
    cards = analyse(
        _bk_log(
            "$ cmake -S . -B build\nCMake Error at CMakeLists.txt:9 (message):\n  Unsupported platform\n"
        ),
        RULES,
    )
    assert cards[0].category is Category.CONFIG


def test_a_fallback_tail_is_the_command_it_shows() -> None:
    # Set-up decoys above the failing command start the tail: the command echoed inside the tail
    # is the one that failed (here a program run from its source file: its error is at run time).
    body = "INFO: 0 errors, 0 failures in cache warm-up\n$ awk -f scripts/report.awk data.tsv\nrows: 6\n"
    body += "awk: scripts/report.awk:13: fatal: division by zero attempted"
    cards = analyse(_bk_log(body, status=2), RULES)
    assert cards[0].category is Category.RUNTIME
    # The same error from a shell script says nothing of its kind.
    cards = analyse(
        _bk_log(body.replace("awk -f scripts/report.awk data.tsv", "./ci/report.sh"), status=2), RULES
    )
    assert cards[0].category is Category.UNKNOWN


def test_a_node_error_shows_its_users_frames_and_its_cause() -> None:
    body = "\n".join(
        [
            "$ node scripts/smoke.js",
            "TypeError: fetch failed",
            "    at node:internal/deps/undici/undici:14976:13",
            "    at async check (/ci/app/scripts/smoke.js:4:15) {",
            "  [cause]: Error: connect ECONNREFUSED 127.0.0.1:18999",
            "      at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1611:16) {",
            "    errno: -111,",
            "    code: 'ECONNREFUSED',",
            "  }",
            "}",
        ]
    )
    cards = analyse(_bk_log(body), RULES)
    shown = _shown(cards[:1])
    assert "    at async check (/ci/app/scripts/smoke.js:4:15) {" in shown
    assert "  [cause]: Error: connect ECONNREFUSED 127.0.0.1:18999" in shown
    # node's own frames and the error's properties are not what a reader needs.
    assert not any("node:internal" in t or "node:net" in t or "errno:" in t for t in shown)
    # The cause is a service that was not there: the infrastructure's, not the script's.
    assert cards[0].category is Category.INFRASTRUCTURE
    # Without a network cause the error stays the script's.
    plain = analyse(
        _bk_log("$ node scripts/a.js\nTypeError: x is not a function\n    at main (/ci/a.js:3:1)"), RULES
    )
    assert plain[0].category is Category.RUNTIME


def test_a_naming_wrapper_after_bare_wrappers_joins_the_error_above_them() -> None:
    # npm's `code 1` (bare) lines come first; its `workspace` line names where the error above failed.
    body = "\n".join(
        [
            "$ npm test --workspaces",
            "AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:",
            "",
            "1 !== 2",
            "",
            "    at Object.<anonymous> (/ci/app/packages/pricing/test.js:9:8)",
            "npm error Lifecycle script `test` failed with error:",
            "npm error code 1",
            "npm error path /ci/app/packages/pricing",
            "npm error workspace @acme/pricing@1.2.0",
            "npm error command failed",
            "npm error command sh -c node test.js",
        ]
    )
    cards = analyse(_bk_log(body), RULES)
    shown = _shown(cards[:1])
    assert cards[0].rule == "node.assertion"
    assert "npm error workspace @acme/pricing@1.2.0" in shown
    assert "npm error command sh -c node test.js" in shown
    # The bare lines stay out.
    assert "npm error code 1" not in shown


def test_a_node_assertion_shows_the_two_values_it_compared() -> None:
    # `assert.strictEqual(a, b)` on two plain values prints `a !== b`, not a diff: what a reader
    # needs first. The error's properties below the frames stay out.
    body = "\n".join(
        [
            "$ node test.js",
            "AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:",
            "",
            "'draft' !== 'published'",
            "",
            "    at Object.<anonymous> (/ci/app/test.js:9:8)",
            "    at Module._compile (node:internal/modules/cjs/loader:1521:14) {",
            "  generatedMessage: true,",
            "  code: 'ERR_ASSERTION',",
            "  operator: 'strictEqual'",
            "}",
        ]
    )
    shown = _shown(analyse(_bk_log(body), RULES)[:1])
    assert "'draft' !== 'published'" in shown
    assert "    at Object.<anonymous> (/ci/app/test.js:9:8)" in shown
    assert "  code: 'ERR_ASSERTION'," not in shown
    assert not any("node:internal" in t for t in shown)


@pytest.mark.parametrize("status", [132, 135, 136])
def test_a_fatal_signals_exit_status_is_a_crash_when_the_log_says_nothing(status: int) -> None:
    cards = analyse(_bk_log("$ ./build/latency\nlatency summary:\ncache hits=120", status=status), RULES)
    assert cards[0].category is Category.CRASH
    # An ordinary failing status with the same output is no crash.
    cards = analyse(_bk_log("$ ./build/latency\nlatency summary:\ncache hits=120", status=3), RULES)
    assert cards[0].category is not Category.CRASH


def _numbers(cards: list[TriageCard]) -> set[int]:
    return {ln.number for c in cards for ln in c.lines}


def test_fallback_card_leaves_out_the_ci_exit_line() -> None:
    # The title gives the exit status; the CI system's own "command exited" line is no cause.
    cards = analyse(_bk_log("$ ./deploy.sh\nnothing to package in build/app.jar", status=1), RULES)
    assert cards[0].rule == "fallback.tail"
    shown = _shown(cards)
    assert "nothing to package in build/app.jar" in shown
    assert not any("The command exited" in t for t in shown)
    # A GitLab job: neither the runner's exit line nor its cleanup section's header.
    log = (
        b"section_start:1700000000:step_script\r\x1b[0K\x1b[0Kstep_script\n"
        b"$ ./check.sh\n"
        b"checksum mismatch for vendor/lib.tar\n"
        b"section_end:1700000009:step_script\r\x1b[0K\n"
        b"section_start:1700000009:cleanup_file_variables\r\x1b[0K\x1b[0K\x1b[36;1m"
        b"Cleaning up project directory and file based variables\x1b[0;m\n"
        b"section_end:1700000010:cleanup_file_variables\r\x1b[0K\n"
        b"\x1b[31;1mERROR: Job failed: exit code 1\n"
    )
    shown = _shown(analyse(log, RULES))
    assert "checksum mismatch for vendor/lib.tar" in shown
    assert not any("Cleaning up" in t or "Job failed" in t for t in shown)


def test_generated_code_frames_are_library_frames() -> None:
    body = "\n".join(
        [
            "Traceback (most recent call last):",
            '  File "/ci/app/migrate.py", line 10, in upgrade',
            '    op.add_column("accounts", "plan")',
            '  File "<string>", line 8, in add_column',
            '  File "<frozen runpy>", line 88, in _run_code',
            *[f'  File "/ci/app/step{i}.py", line {i}, in step{i}\n    step{i + 1}()' for i in range(12)],
            "sqlite3.OperationalError: duplicate column name: plan",
        ]
    )
    shown = _shown(analyse(_bk_log(body), RULES))
    assert "sqlite3.OperationalError: duplicate column name: plan" in shown
    assert '  File "/ci/app/migrate.py", line 10, in upgrade' in shown
    assert not any('File "<string>"' in t for t in shown)
    # A user's file whose path has `<` elsewhere is still the user's.
    assert '  File "/ci/app/step0.py", line 0, in step0' in shown


def test_exception_message_that_goes_on_below_its_line_is_shown() -> None:
    body = "\n".join(
        [
            "Traceback (most recent call last):",
            '  File "/ci/app/main.py", line 11, in main',
            "    settings = Settings()",
            "pydantic_core.ValidationError: 2 validation errors for Settings",
            "database_url",
            "  Field required [type=missing]",
            "worker_count",
            "  Input should be greater than 0 [type=greater_than]",
            "",
            "cleanup done",
        ]
    )
    shown = _shown(analyse(_bk_log(body), RULES))
    assert "database_url" in shown and "  Input should be greater than 0 [type=greater_than]" in shown
    assert "cleanup done" not in shown  # a blank line ends the message
    # A logger's record right after the exception is the program again, not the message.
    body = "\n".join(
        [
            "Traceback (most recent call last):",
            '  File "/ci/app/app.py", line 1, in <module>',
            "    load(models)",
            "ValueError: cannot load 'Invoice'",
            "[INFO] Worker exiting (pid: 16168)",
            "[INFO] Shutting down",
        ]
    )
    shown = _shown(analyse(_bk_log(body), RULES))
    assert "ValueError: cannot load 'Invoice'" in shown
    assert not any("Worker exiting" in t for t in shown)


def test_last_exception_of_a_chain_is_kept_with_a_long_chain() -> None:
    frames = [f'  File "/ci/app/lib/mod{i}.py", line {i}, in f{i}\n    f{i + 1}()' for i in range(15)]
    body = "\n".join(
        [
            "Traceback (most recent call last):",
            *frames,
            "app.errors.HaltServer: <HaltServer 'Worker failed to boot.' 3>",
            "",
            "During handling of the above exception, another exception occurred:",
            "",
            "Traceback (most recent call last):",
            *frames,
            "app.errors.StopServer: <StopServer 'Arbiter halted.' 3>",
        ]
    )
    shown = _shown(analyse(_bk_log(body), RULES))
    assert "app.errors.HaltServer: <HaltServer 'Worker failed to boot.' 3>" in shown
    assert "app.errors.StopServer: <StopServer 'Arbiter halted.' 3>" in shown


def test_fallback_shows_a_short_report_without_its_passing_items() -> None:
    body = "\n".join(
        [
            "validating 24 JSON fixtures",
            *[f"ok    fixtures/{i:03}.json" for i in range(1, 12)],
            "FAIL  fixtures/012.json: parse error: Expected separator at line 3, column 6",
            *[f"ok    fixtures/{i:03}.json" for i in range(13, 25)],
        ]
    )
    cards = analyse(_bk_log(f"$ ./validate.sh\n{body}", status=123), RULES)
    shown = _shown(cards)
    assert cards[0].rule == "fallback.tail"
    assert "FAIL  fixtures/012.json: parse error: Expected separator at line 3, column 6" in shown
    assert not any(t.startswith("ok ") for t in shown)
    assert "validating 24 JSON fixtures" not in shown  # the preamble above the first item
    # What explains a failed item above its own failure mark stays (a diff, then `FAIL name`).
    body = "\n".join(
        ["ok   basic", "@@ -1,2 +1,2 @@", "-total 51.75", "+total 51.74", "FAIL bulk", "ok   empty"]
        + [f"note {i}" for i in range(10)]
    )
    shown = _shown(analyse(_bk_log(f"$ ./golden.sh\n{body}"), RULES))
    assert "-total 51.75" in shown and "+total 51.74" in shown and "FAIL bulk" in shown
    assert "ok   basic" not in shown
    # Output without any passing item is shown as before: its first line too.
    body = "\n".join(["Problem 1", *[f"  - pkg/{i} requires php >=8.2" for i in range(24)]])
    shown = _shown(analyse(_bk_log(f"$ composer install\n{body}", status=2), RULES))
    assert "Problem 1" in shown


def test_passing_subtests_beside_the_failure_are_not_shown() -> None:
    body = "\n".join(
        [
            "=== RUN   TestMake",
            "--- FAIL: TestMake (0.00s)",
            "    --- PASS: TestMake/Item_1 (0.00s)",
            "    --- FAIL: TestMake/Item_2 (0.00s)",
            "        make_test.go:21: got 3, want 4",
            "    --- PASS: TestMake/Item_3 (0.00s)",
            "FAIL",
            "FAIL\texample.com/shop\t0.004s",
        ]
    )
    shown = _shown(analyse(_bk_log(body), RULES))
    assert "        make_test.go:21: got 3, want 4" in shown
    assert not any("--- PASS:" in t for t in shown)
    # A failing subtest line is no passing one.
    assert "    --- FAIL: TestMake/Item_2 (0.00s)" in shown


def test_goroutine_creation_sites_are_not_shown() -> None:
    body = "\n".join(
        [
            "fatal error: all goroutines are asleep - deadlock!",
            "",
            "goroutine 1 [semacquire]:",
            "main.main()",
            "\t/ci/app/cmd/syncer/main.go:38 +0x2af",
            "",
            "goroutine 6 [chan send]:",
            "main.worker(0x0?)",
            "\t/ci/app/cmd/syncer/main.go:16 +0x185",
            "created by main.main",
            "\t/ci/app/cmd/syncer/main.go:32 +0x18b",
        ]
    )
    shown = _shown(analyse(_bk_log(body, status=2), RULES))
    assert "main.worker(0x0?)" in shown and "\t/ci/app/cmd/syncer/main.go:16 +0x185" in shown
    assert "created by main.main" not in shown
    assert "\t/ci/app/cmd/syncer/main.go:32 +0x18b" not in shown
    # The frame of the goroutine that was running stays, whatever follows it.
    assert "\t/ci/app/cmd/syncer/main.go:38 +0x2af" in shown


def test_the_commands_closing_verdict_joins_the_best_card() -> None:
    # A script's own last words say it failed: they join the card, whichever rule read the error.
    body = "\n".join(
        [
            "uploading bundle (2.1 MB)",
            "curl: (22) The requested URL returned error: 401",
            "upload attempt 1 failed",
            "deploy failed: could not upload bundle",
        ]
    )
    cards = analyse(_bk_log(body), RULES)
    assert "curl: (22) The requested URL returned error: 401" in _text(cards[0])
    assert "deploy failed: could not upload bundle" in _text(cards[0])
    # Not a tally that counts passes, a warning, a list's heading or a progress line.
    for last in (
        "Snapshots:   1 failed, 1 passed, 2 total",
        "warning: could not remove the temporary directory",
        "Failed examples:",
        "removed directory 'build/'",
    ):
        body = "\n".join(["curl: (22) The requested URL returned error: 401", last])
        assert last not in _shown(analyse(_bk_log(body), RULES))
    # A line above the card is not its verdict.
    body = "\n".join(
        [
            "fetch failed: retrying once",
            *[f"  part {i} of 8 downloaded" for i in range(8)],
            "curl: (22) The requested URL returned error: 401",
        ]
    )
    assert "fetch failed: retrying once" not in _shown(analyse(_bk_log(body), RULES))


def test_a_generic_line_or_wrapper_right_above_a_card_opens_it() -> None:
    # pip's "ERROR: Ignored ... versions" above "No matching distribution": one story.
    body = "\n".join(
        [
            "$ pip install -r requirements.txt",
            "ERROR: Ignored the following versions that require a different python version: "
            "6.0 Requires-Python >=3.12",
            "ERROR: Could not find a version that satisfies the requirement django==6.0 (from versions: 5.2)",
            "ERROR: No matching distribution found for django==6.0",
        ]
    )
    cards = analyse(_bk_log(body), RULES)
    assert "6.0 Requires-Python >=3.12" in _text(cards[0])
    # cargo's wrapper above the crash it reports, across its "Caused by:".
    body = "\n".join(
        [
            "test tests::checksum_empty ... ok",
            "error: test failed, to rerun pass `--lib`",
            "",
            "Caused by:",
            "  process didn't exit successfully: `target/debug/deps/elfpeek` (signal: 11, SIGSEGV:"
            " invalid memory reference)",
        ]
    )
    cards = analyse(_bk_log(body, status=101), RULES)
    assert "error: test failed, to rerun pass `--lib`" in _text(cards[0])
    # Far above the card, or a list's heading, it stays out.
    body = "\n".join(
        [
            "ERROR: Ignored the following versions that require a different python version: 6.0",
            *[f"Collecting pkg{i}" for i in range(6)],
            "ERROR: No matching distribution found for django==6.0",
        ]
    )
    assert not any("Ignored the following" in t for t in _shown(analyse(_bk_log(body), RULES)))
    body = "\n".join(["[ERROR] Failures:", "ERROR: No matching distribution found for django==6.0"])
    assert "[ERROR] Failures:" not in _shown(analyse(_bk_log(body), RULES))


def test_a_timeout_shows_what_was_being_waited_for() -> None:
    body = "\n".join(
        [
            "$ kubectl rollout status deployment/api --timeout=60s",
            'Waiting for deployment "api" rollout to finish: 1 out of 3 new replicas have been updated...',
            "error: timed out waiting for the condition",
        ]
    )
    assert 'Waiting for deployment "api" rollout' in _text(analyse(_bk_log(body), RULES)[0])
    # A traceback that ends in a timeout: the line above the traceback.
    body = "\n".join(
        [
            "loaded 3 assets",
            "waiting for cache lock /tmp/cache.lock ...",
            "Traceback (most recent call last):",
            '  File "/ci/release.py", line 14, in <module>',
            "    subprocess.run(cmd, check=True, timeout=8)",
            "subprocess.TimeoutExpired: Command 'warm_cache.py' timed out after 8 seconds",
        ]
    )
    shown = _shown(analyse(_bk_log(body), RULES))
    assert "waiting for cache lock /tmp/cache.lock ..." in shown
    assert "loaded 3 assets" not in shown
    # Across a blank line it is not the same story.
    body = "\n".join(["waiting for the api", "", "error: timed out waiting for the condition"])
    assert "waiting for the api" not in _shown(analyse(_bk_log(body), RULES))


def test_documentation_links_on_their_own_line_are_not_shown() -> None:
    body = "\n".join(
        [
            "Traceback (most recent call last):",
            '  File "/ci/app/main.py", line 16, in <module>',
            "    main()",
            "pydantic_core._pydantic_core.ValidationError: 2 validation errors for Settings",
            "database_url",
            "  Field required [type=missing, input_value={}, input_type=dict]",
            "    For further information visit https://errors.example.dev/2.14/v/missing",
            "(Background on this error at: https://docs.example.dev/e/21/gkpj)",
        ]
    )
    shown = _shown(analyse(_bk_log(body), RULES))
    assert "  Field required [type=missing, input_value={}, input_type=dict]" in shown
    assert not any("https://" in t for t in shown)


def test_an_error_that_carries_a_link_is_shown() -> None:
    body = "\n".join(
        [
            "Traceback (most recent call last):",
            '  File "/ci/app/fetch.py", line 9, in <module>',
            "    fetch()",
            "RuntimeError: see https://status.example.dev/incidents/42 failed with 503",
        ]
    )
    shown = _shown(analyse(_bk_log(body), RULES))
    assert "RuntimeError: see https://status.example.dev/incidents/42 failed with 503" in shown


def test_a_bare_status_word_and_a_diff_legend_are_not_shown() -> None:
    body = "\n".join(
        [
            "=== RUN   TestMake",
            "--- FAIL: TestMake (0.00s)",
            "    make_test.go:21: got 3, want 4",
            "FAIL",
            "FAIL\texample.com/shop\t0.004s",
        ]
    )
    shown = _shown(analyse(_bk_log(body), RULES))
    assert "    make_test.go:21: got 3, want 4" in shown
    assert "FAIL" not in shown
    assert "FAIL\texample.com/shop\t0.004s" in shown


def test_a_diffs_unchanged_lines_are_not_shown_its_changes_are() -> None:
    body = "\n".join(
        [
            "FAIL ./cart.test.js",
            "  ● summary › lists skus and total",
            "",
            "    expect(received).toEqual(expected) // deep equality",
            "",
            "    - Expected  - 1",
            "    + Received  + 0",
            "",
            "    @@ -1,8 +1,7 @@",
            "      Object {",
            '        "count": 3,',
            '    -   "currency": "EUR",',
            '        "skus": Array [',
            '          "A-1",',
            "        ],",
            "",
            "      at Object.toEqual (cart.test.js:59:28)",
            "",
            "Tests:       1 failed, 13 passed, 14 total",
        ]
    )
    shown = _shown(analyse(_bk_log(body), RULES))
    assert '    -   "currency": "EUR",' in shown
    assert "    expect(received).toEqual(expected) // deep equality" in shown
    legend = ("    - Expected  - 1", "    + Received  + 0", "    @@ -1,8 +1,7 @@")
    for context in (*legend, '        "count": 3,'):
        assert context not in shown
    # The frame after the diff is no part of it.
    assert "      at Object.toEqual (cart.test.js:59:28)" in shown


def test_pytest_argument_values_are_not_shown() -> None:
    body = "\n".join(
        [
            "=================================== FAILURES ===================================",
            "___________________________ test_band[500-wholesale] ___________________________",
            "",
            "qty = 500, expected = 'wholesale'",
            "",
            "    def test_band(qty, expected):",
            ">       assert band(qty) == expected",
            "E       AssertionError: assert 'retail' == 'wholesale'",
            "",
            "tests/test_band.py:7: AssertionError",
            "=========================== short test summary info ============================",
            "FAILED tests/test_band.py::test_band[500-wholesale] - AssertionError: assert 'retail'",
            "1 failed, 3 passed in 0.05s",
        ]
    )
    shown = _shown(analyse(_bk_log(body), RULES))
    assert "E       AssertionError: assert 'retail' == 'wholesale'" in shown
    assert "qty = 500, expected = 'wholesale'" not in shown


def test_frames_of_node_builtin_modules_are_library_frames() -> None:
    body = "\n".join(
        [
            "not ok 1 - parses a row",
            "  ---",
            "  error: |-",
            "    Expected values to be strictly deep-equal:",
            "  stack: |-",
            "    AssertionError [ERR_ASSERTION]: Expected values to be strictly deep-equal:",
            "        at TestContext.<anonymous> (file:///ci/app/test/row.test.mjs:12:10)",
            "        at Test.runInAsyncScope (node:async_hooks:206:9)",
            "        at Test.run (node:internal/test_runner/test:796:25)",
            "  ...",
            "# fail 1",
        ]
    )
    shown = _shown(analyse(_bk_log(body), RULES))
    assert "        at TestContext.<anonymous> (file:///ci/app/test/row.test.mjs:12:10)" in shown
    assert "        at Test.runInAsyncScope (node:async_hooks:206:9)" not in shown


def test_a_tail_no_rule_read_shows_the_first_of_a_counted_run_and_not_the_command() -> None:
    body = "\n".join(
        [
            "$ ./ci/release.sh",
            "  building chunk 1/4",
            "  building chunk 2/4",
            "  building chunk 3/4",
            "  building chunk 4/4",
            "./ci/release.sh: line 41: unexpected end of file",
        ]
    )
    shown = _shown(analyse(_bk_log(body, status=2), RULES))
    assert "./ci/release.sh: line 41: unexpected end of file" in shown
    assert "  building chunk 1/4" in shown
    assert not any(t in shown for t in ("  building chunk 2/4", "  building chunk 4/4"))
    assert "$ ./ci/release.sh" not in shown


def test_a_tail_no_rule_read_keeps_lines_that_differ_in_words() -> None:
    body = "\n".join(
        [
            "$ ./ci/check.sh",
            "checkout-web.yaml: key 1 is missing",
            "checkout-api.yaml: key 2 is missing",
            "2 files checked",
        ]
    )
    shown = _shown(analyse(_bk_log(body), RULES))
    assert "checkout-web.yaml: key 1 is missing" in shown
    assert "checkout-api.yaml: key 2 is missing" in shown


def test_a_tail_no_rule_read_keeps_findings_that_differ_only_in_where_they_are() -> None:
    body = "\n".join(["$ ./ci/lint.sh", "C:  3:  1: Style/Rule: offence.", "C:  9:  1: Style/Rule: offence."])
    shown = _shown(analyse(_bk_log(body), RULES))
    assert "C:  3:  1: Style/Rule: offence." in shown and "C:  9:  1: Style/Rule: offence." in shown


def test_a_line_announcing_the_failure_right_above_a_card_joins_it() -> None:
    # A server's log record says a worker failed, then the traceback a rule reads: one story.
    trace = [
        "Traceback (most recent call last):",
        '  File "/srv/app/boot.py", line 3, in <module>',
        "    import models",
        "ValueError: invalid literal for int() with base 10: 'x'",
    ]
    announce = "[2026-11-27 08:28:07 +0000] [16168] [ERROR] Exception in worker process"
    cards = analyse(_bk_log("\n".join(["starting workers", announce, *trace])), RULES)
    assert "[ERROR] Exception in worker process" in _text(cards[0])
    # Across a blank line and a box's corner (Terraform's "Planning failed." above `╷ │ Error:`).
    planned = "Planning failed. Terraform encountered an error while generating this plan."
    cards = analyse(_bk_log("\n".join([planned, "", "╷", *trace])), RULES)
    assert planned in _text(cards[0])
    # Not a count, a list's heading, an error word inside a path or a quoted status, a line
    # above a separator, nor one two lines up.
    for above in (
        ["lint finished: 1 error"],
        ["FAILED tests:"],
        ["loading fixtures from /srv/error/fixtures.json"],
        ["Building wheel for x (setup.py): finished with status 'error'"],
        ["FAIL  worker 3", "=" * 30],
        ["FAIL  worker 3", "collected 4 items"],
    ):
        cards = analyse(_bk_log("\n".join([*above, *trace])), RULES)
        assert above[0] not in _shown(cards), above


def test_each_attempt_of_a_failure_that_recurs_in_its_section_is_shown() -> None:
    # A retry loop: the same error once per attempt; each attempt's line shows it was no one-off.
    attempts = []
    for i in range(1, 4):
        attempts += [f"waiting for search API (attempt {i}/3)", _CURL_TIMEOUT]
    cards = analyse(_bk_log("\n".join([*attempts, "search API did not become ready"])), RULES)
    assert "(×3)" in cards[0].title
    shown = [ln.number for ln in cards[0].lines if ln.text == _CURL_TIMEOUT]
    assert len(shown) == 3
    # Past a few attempts, only the first few: the card stays short.
    many = "\n".join(_CURL_TIMEOUT for _ in range(9))
    cards = analyse(_bk_log(many), RULES)
    assert sum(ln.text == _CURL_TIMEOUT for ln in cards[0].lines) == 4
    # The same error in another step is that step's: only its first line there shows.
    log = _bk_log(_CURL_TIMEOUT) + b"".join(
        BK + ln.encode() + b"\r\n" for ln in ["--- :rocket: Deploy", _CURL_TIMEOUT, "deploy aborted"]
    )
    cards = analyse(log, RULES)
    assert sum(ln.text == _CURL_TIMEOUT for c in cards for ln in c.lines) == 1


_CURL_TIMEOUT = "curl: (28) Operation timed out after 2001 milliseconds with 0 bytes received"


_MAVEN_GOAL = (
    "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.11.0:compile"
    " (default-compile) on project ledger: Compilation failure"
)


def test_a_build_tools_word_on_the_goal_or_task_that_failed_joins_the_best_card() -> None:
    # Maven names the goal that failed below the errors, past its banner and timing lines.
    errors = [
        "[ERROR] COMPILATION ERROR : ",
        "[ERROR] /src/main/java/com/acme/Ledger.java:[20,39] cannot find symbol",
        "  symbol:   variable size",
        "[INFO] 1 error",
        "[INFO] ------------------------------------------------------------------------",
        "[INFO] BUILD FAILURE",
        "[INFO] ------------------------------------------------------------------------",
        "[INFO] Total time:  2.412 s",
        "[INFO] Finished at: 2026-01-07T20:15:43Z",
        "[INFO] ------------------------------------------------------------------------",
    ]
    cards = analyse(_bk_log("\n".join([*errors, _MAVEN_GOAL, "[ERROR] -> [Help 1]"])), RULES)
    assert "cannot find symbol" in cards[0].title
    assert _MAVEN_GOAL in _text(cards[0])
    assert "[INFO] BUILD FAILURE" not in _shown(cards)  # the banner says less
    # Gradle's failed task above its report, and its closing line far below it.
    report = [
        "> Task :app:compileJava FAILED",
        "",
        "[Incubating] Problems report is available at: file:///build/reports/problems.html",
        "",
        "FAILURE: Build failed with an exception.",
        "",
        "* What went wrong:",
        "Execution failed for task ':app:compileJava'.",
        "> Could not resolve all files for configuration ':app:compileClasspath'.",
        "   > Could not find com.acme.payments:ledger-client:2.4.0.",
        "",
        "* Try:",
        "> Run with --stacktrace option to get the stack trace.",
        *[f"> Get more help at https://help.gradle.org ({i})" for i in range(8)],
        "",
        "BUILD FAILED in 21s",
    ]
    text = _text(analyse(_bk_log("\n".join(report)), RULES)[0])
    assert "> Task :app:compileJava FAILED" in text and "BUILD FAILED in 21s" in text
    # Another step's closing word is that step's: it does not join this step's card.
    log = _bk_log(_MAVEN_GOAL) + b"".join(
        BK + ln.encode() + b"\r\n" for ln in ["--- :rocket: Deploy", *errors[:3]]
    )
    cards = analyse(log, RULES)
    assert "cannot find symbol" in cards[0].title
    assert _MAVEN_GOAL not in _text(cards[0])


def test_a_compilers_error_read_through_its_location_shows_its_source_line() -> None:
    # rustc's error without a code, located in a manifest: the source line is what failed.
    body = "\n".join(
        [
            "$ cargo build --release",
            'error: invalid basic string, expected `"`',
            "  --> Cargo.toml:18:17",
            "   |",
            '18 | strip = "symbols',
            "   |                 ^",
        ]
    )
    cards = analyse(_bk_log(body, status=101), RULES)
    assert cards[0].category is Category.CONFIG
    assert '18 | strip = "symbols' in _shown(cards)
    # A linter's finding in the same shape: its code frame only repeats the source.
    body = "\n".join(
        [
            "$ cargo clippy -- -D warnings",
            "error: length comparison to zero",
            " --> src/lib.rs:2:5",
            "  |",
            "2 |     p.len() == 0",
            "  |     ^^^^^^^^^^^^ help: using `is_empty` is clearer and more explicit: `p.is_empty()`",
            "  |",
            "  = note: `-D clippy::len-zero` implied by `-D warnings`",
        ]
    )
    cards = analyse(_bk_log(body, status=101), RULES)
    assert cards[0].category is Category.LINT
    assert "error: length comparison to zero" in _shown(cards)
    assert "2 |     p.len() == 0" not in _shown(cards)


def test_a_bare_error_with_no_stack_is_the_kind_of_tool_that_printed_it() -> None:
    # sass prints `Error: msg` like a node exception, but no stack follows: a compiler's error.
    body = "\n".join(
        [
            "$ sass --no-source-map styles/main.scss dist/main.css",
            "Error: Undefined variable.",
            "  ╷",
            "8 │     background: tokens.$brand-darker;",
            "  ╵",
        ]
    )
    assert analyse(_bk_log(body, status=65), RULES)[0].category is Category.COMPILE
    # A program run from its source file (even one named build-...) fails at run time.
    body = "$ node scripts/build-index.js docs\nError: ENOENT: no such file or directory, open 'docs/a.md'"
    assert analyse(_bk_log(body), RULES)[0].category is Category.RUNTIME
    # An exception with its stack is the program's, whatever tool ran it.
    body = "\n".join(
        [
            "$ npx webpack --mode production",
            "TypeError: Cannot read properties of undefined (reading 'map')",
            "    at render (/app/src/render.js:4:12)",
            "    at main (/app/src/main.js:9:3)",
        ]
    )
    assert analyse(_bk_log(body), RULES)[0].category is Category.RUNTIME


def test_a_tool_called_with_an_option_it_does_not_know_is_configured_wrong() -> None:
    body = "\n".join(
        [
            "$ python render.py --strict-links",
            "usage: render.py [-h] --out OUT [--strict]",
            "render.py: error: unrecognized arguments: --strict-links",
        ]
    )
    assert analyse(_bk_log(body, status=2), RULES)[0].category is Category.CONFIG
    body = "$ bundle exec rake db:seed\nrake aborted!\nDon't know how to build task 'db:seed'"
    assert analyse(_bk_log(body), RULES)[0].category is Category.CONFIG
    # A warning about an unknown option that the tool ignores is not why it failed.
    body = "\n".join(
        [
            "$ ./ci/docs.sh",
            "warning: unknown option 'color' in .docsrc, ignored",
            "rendering 12 pages",
            "page 7 failed to render",
        ]
    )
    assert analyse(_bk_log(body), RULES)[0].category is Category.UNKNOWN


def test_a_generic_error_inside_the_commands_last_lines_shows_them_in_one_card() -> None:
    body = "\n".join(
        [
            "$ git clone --depth 1 https://example.com/acme/game.git .",
            "Cloning into '/build/game'...",
            "Error downloading object: assets/atlas.png (9e2b7c4): This repository is over its data quota.",
            "error: external filter 'git-lfs filter-process' failed",
            "fatal: assets/atlas.png: smudge filter lfs failed",
            "warning: Clone succeeded, but checkout failed.",
        ]
    )
    cards = analyse(_bk_log(body, status=128), RULES)
    assert len(cards) == 1 and cards[0].rule == "generic.error"
    assert "This repository is over its data quota" in _text(cards[0])
    # A generic error far above the command's last lines is its own card, the tail another.
    body = "\n".join(
        [
            "$ ./ci/sync.sh",
            "error: mirror 'eu-2' is read-only",
            *[f"copied shard {i} of 40 to eu-1" for i in range(40)],
            "mirrors out of date: 1",
        ]
    )
    cards = analyse(_bk_log(body), RULES)
    assert [c.rule for c in cards] == ["generic.error", "fallback.tail"]
    assert "mirrors out of date: 1" not in _text(cards[0])


def test_the_line_announcing_a_generic_error_joins_it_beside_a_fallback_tail() -> None:
    def push(above: str) -> list[TriageCard]:
        lines = [
            "$ ./ci/publish-docs.sh",
            "To /tmp/site.git",
            above,
            "error: failed to push some refs to '/tmp/site.git'",
            *[f"uploading docs/page-{i}.html (15 bytes) ... done" for i in range(40)],
            "cleanup finished",
        ]
        return analyse(_bk_log("\n".join(lines)), RULES)

    cards = push(" ! [rejected]        HEAD -> main (fetch first)")
    assert cards[0].rule == "generic.error" and cards[1].rule == "fallback.tail"
    assert "! [rejected]        HEAD -> main (fetch first)" in _text(cards[0])
    # A line that announces nothing stays out.
    assert "pushing 3 refs" not in _text(push("pushing 3 refs")[0])


def test_an_r_error_shows_its_calls_and_halt_and_takes_its_kind_from_its_words() -> None:
    lines = [
        "$ Rscript R/monthly.R",
        "2026-10: 3 rows",
        'Error in file(file, "rt") : cannot open the connection',
        "Calls: main ... FUN -> load_month -> read.csv -> read.table -> file",
        "In addition: Warning message:",
        'In file(file, "rt") :',
        "  cannot open file 'data/2026-11.csv': No such file or directory",
        "Execution halted",
    ]
    cards = analyse(_bk_log("\n".join(lines)), RULES)
    assert cards[0].rule == "r.error" and cards[0].category is Category.RUNTIME
    assert "Execution halted" in _text(cards[0]) and "2026-10: 3 rows" not in _text(cards[0])
    lines[2:8] = ["Error in library(arrow) : there is no package called 'arrow'", "Execution halted"]
    assert analyse(_bk_log("\n".join(lines)), RULES)[0].category is Category.DEPENDENCY


def test_a_crash_shows_the_backtrace_under_its_header_and_the_trace_right_above_it() -> None:
    below = [
        "$ ./build/tally",
        "Program received signal SIGSEGV: Segmentation fault - invalid memory reference.",
        "",
        "Backtrace for this error:",
        "#0  0x7f883a6218c2 in ???",
        "#1  0x7f883a620a55 in ???",
        "#2  0x7f883a45a04f in ???",
        "\tat ./signal/../sysdeps/unix/sysv/linux/x86_64/libc_sigaction.c:0",
        "#3  0x559cb0d942f8 in tally",
        "\tat src/tally.f90:12",
        "#4  0x559cb0d943f2 in main",
        "\tat src/tally.f90:14",
    ]
    card = analyse(_bk_log("\n".join(below), status=139), RULES)[0]
    text = [ln.text for ln in card.lines]
    assert card.rule == "crash.signal" and "\tat src/tally.f90:12" in text
    # A frame without a symbol is nobody's code; the header only introduces the frames.
    assert "#1  0x7f883a620a55 in ???" not in text and "Backtrace for this error:" not in text
    above = [
        "$ nim c -r src/tree.nim",
        "src depth 0",
        "Traceback (most recent call last)",
        "/build/src/tree.nim(19) tree",
        "/build/src/tree.nim(10) depth",
        "SIGSEGV: Illegal storage access. (Attempt to read from nil?)",
    ]
    text = [ln.text for ln in analyse(_bk_log("\n".join(above)), RULES)[0].lines]
    assert "/build/src/tree.nim(10) depth" in text and "Traceback (most recent call last)" in text
    # Output above the signal that is no trace stays out.
    above[2:5] = ["loading tree from disk", "walking 3 nodes"]
    text = [ln.text for ln in analyse(_bk_log("\n".join(above)), RULES)[0].lines]
    assert "walking 3 nodes" not in text


def test_a_unified_diff_in_an_unknown_tools_output_names_its_files_and_leaves_out_its_context() -> None:
    diff = [
        "--- ci/checksum.sh.orig",
        "+++ ci/checksum.sh",
        "@@ -1,4 +1,4 @@",
        " #!/usr/bin/env bash",
        " set -euo pipefail",
        '-if [ -z "${TAG:-}" ];then',
        '+if [ -z "${TAG:-}" ]; then',
    ]
    body = ["$ ./ci/format-check.sh", *diff, "FAIL checksum.sh"]
    card = analyse(_bk_log("\n".join(body)), RULES)[0]
    text = [ln.text for ln in card.lines]
    # The file headers are the diff's, not Buildkite's sections: the card reaches back to them.
    assert card.rule == "fallback.tail" and "--- ci/checksum.sh.orig" in text
    assert '+if [ -z "${TAG:-}" ]; then' in text
    assert " set -euo pipefail" not in text and "@@ -1,4 +1,4 @@" not in text
    # A long output: the diff's file header above the tail still names the file.
    checked = [f"checked {i}.sh" for i in range(40)]
    body = ["$ ./ci/format-check.sh", *checked, *diff, *[f"-x{i}" for i in range(6)]]
    card = analyse(_bk_log("\n".join(body)), RULES)[0]
    assert "--- ci/checksum.sh.orig" in [ln.text for ln in card.lines]
    # ...and unchanged lines outside a diff stay: they are what the command printed.
    body = ["$ ./ci/check.sh", " set -euo pipefail", " checking 3 files", "check failed"]
    text = [ln.text for ln in analyse(_bk_log("\n".join(body)), RULES)[0].lines]
    assert " set -euo pipefail" in text


def test_a_group_card_of_distinct_failures_beside_the_best_card_joins_it() -> None:
    def lines(files: list[str]) -> str:
        out = ["$ ruff format --check ."]
        for f in files:
            out += ["unformatted: File would be reformatted", f" --> {f}:1:11", "  |", "1 + x = 1", "  |", ""]
        return "\n".join([*out, f"{len(files)} files would be reformatted, 2 files already formatted"])

    cards = analyse(_bk_log(lines(["a/config.py", "a/loader.py", "a/worker.py"])), RULES)
    top = "\n".join([cards[0].title, *(ln.text for ln in cards[0].lines)])
    assert all(f in top for f in ("a/config.py", "a/loader.py", "a/worker.py"))
    # One failure retried (the same lines each time) is its own story: it stays its own card.
    retry = ["$ git submodule update --init"]
    for _ in range(2):
        retry += ["Cloning into 'vendor/proto'...", "Host key verification failed."]
        retry += ["fatal: Could not read from remote repository."]
    cards = analyse(_bk_log("\n".join(retry)), RULES)
    assert [c.rule for c in cards] == ["ssh.failed", "git.remote"]


def test_a_fallback_over_its_budget_keeps_how_the_command_ended() -> None:
    """An unknown checker's long report: the card keeps its last lines (the verdict under the
    table) before filling up with the top; a report within the budget is shown whole."""
    words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet"]
    pairs = enumerate(zip(words * 3, words[3:] * 3 + words[:3] * 3, strict=False))
    rows = [f"| {a}.{b} (L{i}) | {'MISSED' if i % 3 else 'COVERED'} |" for i, (a, b) in pairs]
    body = "\n".join(["$ covcheck --fail-under 80 src", "= Coverage for src/ =", *rows])
    body += "\n| TOTAL | 40 | 33.3% |\n---- RESULT: FAILED (minimum: 80.0%, actual: 33.3%) ----"
    (card,) = analyse(_bk_log(body), RULES)
    assert card.rule == "fallback.tail"
    texts = [ln.text for ln in card.lines]
    assert texts[-1].startswith("---- RESULT: FAILED") and "| TOTAL | 40 | 33.3% |" in texts
    assert len(texts) < len(rows)  # cut to the budget, not shown whole
    short = "\n".join(["$ covcheck --fail-under 80 src", *rows[:6], "RESULT: FAILED (actual: 33.3%)"])
    (card,) = analyse(_bk_log(short), RULES)
    texts = [ln.text for ln in card.lines]
    assert texts[0] == rows[0] and texts[-1] == "RESULT: FAILED (actual: 33.3%)"  # from its top


def test_a_status_no_signal_explains_gets_no_exit_card() -> None:
    # 141 (SIGPIPE) says nothing about what broke: the section's last lines, not an exit card.
    cards = analyse(b"$ ./run-suite\nrunning 1200 cases\n", RULES, exit_status=141)
    assert cards[0].rule == "fallback.tail"


def test_timeout_killing_its_command_is_a_timeout_not_out_of_memory() -> None:
    lines = [
        "$ timeout --verbose -k 3 6 python worker.py",
        "worker: batch 6 processed",
        "timeout: sending signal TERM to command 'python'",
        "worker: received SIGTERM, draining current batch before exit",
        "timeout: sending signal KILL to command 'python'",
        "bash: line 1: 18987 Killed                  timeout --verbose -k 3 6 python worker.py",
    ]
    cards = analyse("".join(f"{t}\n" for t in lines).encode(), RULES, exit_status=137)
    assert cards[0].category is Category.TIMEOUT
    shown = [ln.text for ln in cards[0].lines]
    assert "worker: received SIGTERM, draining current batch before exit" in shown
    assert lines[-1] in shown
    # The kernel's OOM killer behind the shell's same report stays a resource problem.
    oom = b"$ python train.py\nloading embeddings\n./train.sh: line 5: 24695 Killed      python3 train.py\n"
    assert analyse(oom, RULES, exit_status=137)[0].category is Category.RESOURCE


def test_a_runtime_heap_exhausted_is_a_resource_with_its_limit() -> None:
    log = (
        b"$ ./ci/aggregate.sh\naggregating 3000000 events\naggregate: Heap exhausted;\n"
        b"aggregate: Current maximum heap size is 67108864 bytes (64 MB).\n"
        b"aggregate: Use `+RTS -M<size>' to increase it.\n"
    )
    cards = analyse(log, RULES, exit_status=251)
    assert cards[0].category is Category.RESOURCE
    limit = "aggregate: Current maximum heap size is 67108864 bytes (64 MB)."
    assert limit in [ln.text for ln in cards[0].lines]
    # A retry budget running out is no memory.
    log = b"$ ./ci/aggregate.sh\nfetch failed\nretry budget exhausted, giving up\n"
    assert analyse(log, RULES, exit_status=1)[0].category is not Category.RESOURCE


def test_a_shell_alarm_clock_is_a_timeout() -> None:
    log = b"$ ./ci/smoke.sh\npoll 5: api status=starting\n./ci/smoke.sh: line 4: 18132 Alarm clock   perl w\n"
    cards = analyse(log, RULES, exit_status=142)
    assert cards[0].rule == "timeout.alarm"
    assert cards[0].category is Category.TIMEOUT
    assert "poll 5: api status=starting" in [ln.text for ln in cards[0].lines]


# A program that refuses its settings: the card's own lines say so, whatever rule read the error.
@pytest.mark.parametrize(
    "body",
    [
        # pydantic's settings validation under a Python traceback (a runtime rule).
        "$ python -m billing.main\n"
        "Traceback (most recent call last):\n"
        '  File "/app/billing/main.py", line 11, in main\n'
        "    settings = Settings()\n"
        "pydantic_core._pydantic_core.ValidationError: 1 validation error for Settings\n"
        "database_url\n"
        "  Field required [type=missing, input_value={}, input_type=dict]\n",
        # A credential the configuration gives, in lines no rule reads (the fallback tail).
        "$ ./ci/check-keystore.sh\n"
        "inspecting release keystore\n"
        "keytool error: java.io.IOException: keystore password was incorrect\n",
        # A tool's error naming a configuration key it does not know.
        "$ ./ci/render.sh\nerror: unknown configuration key 'retries' in deploy/app.cfg\n",
        # The project's declared toolchain, which the agent's does not satisfy.
        "$ cargo build\nerror: rustc 1.95.0 is not supported by the following packages:\n"
        "  tally@0.1.0 requires rustc 1.99\n",
    ],
)
def test_settings_refused_is_configuration(body: str) -> None:
    cards = analyse(_bk_log(body), RULES)
    assert cards[0].category is Category.CONFIG


def test_settings_words_do_not_make_a_failed_test_configuration() -> None:
    """A test whose assertion mentions a setting failed a test; a check's expectation about a
    setting is no settings error; a warning about the toolchain is no verdict."""
    body = (
        "$ pytest -q\n"
        "FAILED tests/test_settings.py::test_port - AssertionError: invalid setting value: "
        "expected 8080, got 80\n"
        "1 failed, 3 passed in 0.12s\n"
    )
    assert analyse(_bk_log(body), RULES)[0].category is Category.TEST
    body = (
        "$ python app.py\n"
        "Traceback (most recent call last):\n"
        '  File "/app/app.py", line 3, in <module>\n'
        "    check(cfg)\n"
        "AssertionError: invalid configuration value for port\n"
    )
    assert analyse(_bk_log(body), RULES)[0].category is Category.TEST
    body = (
        "$ ./ci/smoke.sh\n"
        "checking deployed settings\n"
        "smoke check: expected port 8080 but got 80 (invalid configuration value)\n"
    )
    assert analyse(_bk_log(body), RULES)[0].category is not Category.CONFIG
    body = "$ ./ci/build.sh\nnpm warn EBADENGINE Unsupported engine {\nbuild failed: bundle.js is missing\n"
    assert analyse(_bk_log(body), RULES)[0].category is not Category.CONFIG


def test_a_version_cmake_does_not_accept_is_a_dependency_problem() -> None:
    """find_package finding only versions the build does not accept names a package to install;
    another CMake error stays configuration."""
    body = (
        "$ cmake -S . -B build\n"
        "CMake Error at CMakeLists.txt:9 (find_package):\n"
        '  Could not find a configuration file for package "Catch2" that is compatible\n'
        '  with requested version "3".\n'
    )
    assert analyse(_bk_log(body), RULES)[0].category is Category.DEPENDENCY
    body = (
        "$ cmake -S . -B build\n"
        "CMake Error at CMakeLists.txt:9 (add_executable):\n"
        "  Cannot find source file:\n"
        "    src/main.cpp\n"
    )
    assert analyse(_bk_log(body), RULES)[0].category is not Category.DEPENDENCY


def test_an_expiring_certificate_is_the_infrastructures() -> None:
    """`openssl x509 -checkend` saying a certificate will expire: the infrastructure's; one that
    will not is no cause."""
    body = (
        "$ ./ci/check-certs.sh\n"
        "checking certs/api.pem\n"
        "Certificate will not expire\n"
        "checking certs/edge.pem\n"
        "notAfter=Dec  6 11:31:30 2026 GMT\n"
        "Certificate will expire\n"
    )
    assert analyse(_bk_log(body), RULES)[0].category is Category.INFRASTRUCTURE
    body = "$ ./ci/check-certs.sh\nchecking certs/api.pem\nCertificate will not expire\nbad key size\n"
    assert analyse(_bk_log(body), RULES)[0].category is not Category.INFRASTRUCTURE


def test_a_python_read_timeout_is_a_timeout() -> None:
    """A traceback ending in requests' ReadTimeout: the request ran out of time, not a bug."""
    body = (
        "$ python smoke.py\n"
        "Traceback (most recent call last):\n"
        '  File "/app/smoke.py", line 24, in get\n'
        "    return requests.get(BASE + path, timeout=(2, 1.5))\n"
        "requests.exceptions.ReadTimeout: HTTPConnectionPool(host='127.0.0.1', port=18733): "
        "Read timed out. (read timeout=1.5)\n"
    )
    assert analyse(_bk_log(body), RULES)[0].category is Category.TIMEOUT
    body = (
        "$ python smoke.py\n"
        "Traceback (most recent call last):\n"
        '  File "/app/smoke.py", line 24, in get\n'
        "    return parse(r.text)\n"
        "ValueError: read timeout must be positive\n"
    )
    assert analyse(_bk_log(body), RULES)[0].category is Category.RUNTIME


def test_node_shows_the_source_excerpt_above_an_uncaught_error() -> None:
    """Node prints the location, the code (at the margin for a top-level line) and a caret above
    the error, with up to two blank lines between: all of it is the error's context."""
    body = (
        "$ node scripts/build-index.js\n"
        "indexing docs\n"
        "file:///app/scripts/build-index.js:1\n"
        "const fs = require('node:fs');\n"
        "           ^\n"
        "\n"
        "\n"
        "ReferenceError: require is not defined in ES module scope, you can use import instead\n"
        "    at file:///app/scripts/build-index.js:1:12\n"
    )
    texts = [ln.text for ln in analyse(_bk_log(body), RULES)[0].lines]
    assert "file:///app/scripts/build-index.js:1" in texts
    assert "const fs = require('node:fs');" in texts
    assert "indexing docs" not in texts
    # No caret: the unindented line above is no code the error points at.
    body = (
        "$ node scripts/build-index.js\nindexing docs\n\n"
        "TypeError: x is not a function\n    at main (/app/a.js:3:1)\n"
    )
    texts = [ln.text for ln in analyse(_bk_log(body), RULES)[0].lines]
    assert "indexing docs" not in texts


def test_a_documentation_checker_is_lint() -> None:
    # javadoc's doclint and mkdocs' strict mode check the docs' markup and links: their errors
    # read like a compiler's (`Poster.java:12: error: ...`) or like nothing a rule knows, and are
    # lint.
    body = (
        "src/com/acme/ledger/Poster.java:12: error: bad HTML entity\n"
        "     * Posts every entry & returns the balance.\n"
        "                         ^\n"
        "1 error\n"
    )
    assert (
        analyse(_bk_log(f"$ javadoc -Xdoclint:all -d build/docs -sourcepath src\n{body}"), RULES)[0].category
        is Category.LINT
    )
    tail = "WARNING -  Doc file 'index.md' contains a link 'guide/x.md', but the target is not found\n"
    tail += "Aborted with 1 warnings in strict mode!\n"
    assert analyse(_gitlab_log("mkdocs build --strict", tail), RULES)[0].category is Category.LINT
    # The same compiler error from the compiler is not lint.
    assert (
        analyse(_bk_log(f"$ javac -d build src/com/acme/ledger/Poster.java\n{body}"), RULES)[0].category
        is Category.COMPILE
    )


def test_a_data_file_the_command_reads_that_does_not_parse_or_validate_is_config() -> None:
    # A checker (or program) run on a data file it names, whose error says the input does not
    # parse or validate: the file is defective, which is configuration, not lint or runtime.
    parse = (
        "Error: Parse error on line 6:\n"
        '...   "DB_POOL": 10,  },  "healthcheck": \n'
        "----------------------^\n"
        "Expecting 'STRING', got '}'\n"
        "    at Object.parseError (/app/node_modules/jsonlint/lib/jsonlint.js:55:11)\n"
    )
    assert analyse(_gitlab_log("jsonlint -q deploy/orders.json", parse), RULES)[0].category is Category.CONFIG
    schema = (
        "config/feeds.xml:20: element interval: Schemas validity error : Element 'interval': "
        "'fifteen' is not a valid value of the atomic type 'xs:positiveInteger'.\n"
        "config/feeds.xml fails to validate\n"
    )
    cmd = "xmllint --noout --schema schema/feeds.xsd config/feeds.xml"
    assert analyse(_bk_log(f"$ {cmd}\n{schema}", status=3), RULES)[0].category is Category.CONFIG
    # A linter's style findings about a data file stay lint: they do not say it fails to parse.
    style = "".join(f"deploy/api.yaml:{i}:1: [error] trailing spaces (trailing-spaces)\n" for i in (3, 7, 9))
    cards = analyse(_gitlab_log("yamllint -f parsable deploy/api.yaml", style), RULES)
    assert cards[0].category is Category.LINT
    # A database's `syntax error at or near` is the query's, whatever file the command names.
    sql = (
        "Traceback (most recent call last):\n"
        '  File "tools/seed.py", line 9, in <module>\n'
        "    cur.execute(QUERY)\n"
        'psycopg2.errors.SyntaxError: syntax error at or near "FORM"\n'
    )
    cards = analyse(_gitlab_log("python tools/seed.py --config db.yaml", sql), RULES)
    assert cards[0].category is not Category.CONFIG
    # The same parse error from a command that names no data file is not the configuration's.
    assert analyse(_gitlab_log("node scripts/render.js", parse), RULES)[0].category is not Category.CONFIG


# A process manager's output (foreman, honcho, docker compose, concurrently): each line carries the
# name of the process that printed it, and the processes' lines interleave.
_WORKER, _WEB = "worker.1 | ", "web.1    | "
_MANAGED = [
    "$ foreman start",
    _WEB + "GET /healthz 200 1ms",
    _WORKER + "worker: loading config/queue.ini",
    _WORKER + "Traceback (most recent call last):",
    _WORKER + '  File "/app/worker.py", line 7, in <module>',
    _WORKER + '    load("config/queue.ini")',
    _WORKER + '  File "/app/config.py", line 12, in load',
    _WORKER + "    return sections[name]",
    _WORKER + "KeyError: 'queue_main'",
    _WEB + "GET /healthz 200 2ms",
    _WEB + "GET /healthz 200 3ms",
    "10:20:05 system   | worker.1 exited with code 1",
    "10:20:05 system   | sending SIGTERM to all processes",
    _WEB + "shutting down",
]


def test_a_process_managers_prefixed_lines_are_read_as_the_process_printed_them() -> None:
    cards = analyse(bk_log(_MANAGED), RULES)
    (card,) = cards  # the manager stopping the others once the worker failed is no card of its own
    assert card.rule == "python.traceback" and card.title == "KeyError: 'queue_main'"
    lines = [ln.text for ln in card.lines]
    # Shown as printed, prefix and all; the other process's lines after it are not its message.
    assert _WORKER + "KeyError: 'queue_main'" in lines
    assert _WORKER + '  File "/app/worker.py", line 7, in <module>' in lines
    assert not any(t.startswith(_WEB) or "SIGTERM" in t for t in lines)
    # docker compose's `api-1  | ` and concurrently's `[api] ` prefixes too.
    for prefix in ("api-1  | ", "[api] "):
        error = ("Error: connect ECONNREFUSED 127.0.0.1:5432", "    at main (/app/index.js:3:9)")
        node = [prefix + t for t in error]
        top = analyse(bk_log(["$ npm run ci", prefix + "starting", *node]), RULES)[0]
        assert top.rule == "node.uncaught" and [ln.text for ln in top.lines][-2:] == node


def test_a_lone_line_that_looks_prefixed_or_a_log_level_is_left_as_it_is() -> None:
    # One `[deploy] ` line among others is not a process's output: no rule reads what follows it.
    lone = ["$ ./deploy.sh", "connecting", "[deploy] Error: cannot reach host", "done"]
    cards = analyse(bk_log(lone), RULES)
    assert cards[0].rule == "fallback.tail"
    # sbt's and Maven's levels are no process names.
    for level in ("[error] ", "[ERROR] "):
        body = ["$ sbt test", *(level + t for t in ("Error: cannot reach host", "Error: cannot reach host"))]
        assert all(c.rule != "node.uncaught" for c in analyse(bk_log(body), RULES))
    # Without a process manager, a cancellation after a traceback stays a card of its own.
    plain = [t.split("| ", 1)[-1] if t.startswith((_WORKER, _WEB)) else t for t in _MANAGED]
    assert any("SIGTERM" in t for c in analyse(bk_log(plain), RULES) for t in (ln.text for ln in c.lines))
