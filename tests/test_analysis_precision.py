"""Lines a card leaves out because nobody would point at them, and their look-alikes it keeps."""

from __future__ import annotations

from core.analysis import analyse
from tests.joblog import RULES, bk_log, shown_lines, triage


def test_a_fallback_tail_leaves_out_its_filler_but_keeps_quoted_values_and_diff_changes() -> None:
    body = [
        "$ ./ci/check-grammar.sh",
        "grammar/calc.y:12: conflict between rules",
        "%     |                  ^",
        "- - - - - - - - - - - - - - - - - - - -",
        "|--------------|--------|",
        "| expr         | MISSED |",
        "==============",
        "counterexample:",
        '"--"',
        "+    }",
        "check failed",
    ]
    (card,) = analyse(bk_log("\n".join(body)), RULES)
    assert card.rule == "fallback.tail"
    text = shown_lines([card])
    assert "%     |                  ^" not in text and "==============" not in text
    assert "- - - - - - - - - - - - - - - - - - - -" not in text and "|--------------|--------|" not in text
    # A quoted value and a diff's changed line say something, however few letters they hold.
    assert '"--"' in text and "+    }" in text and "| expr         | MISSED |" in text


def test_a_fallback_tail_leaves_out_library_and_runtime_frames() -> None:
    body = [
        "$ node build.js",
        "build: the manifest names no entry point",
        "    at loadManifest (/var/lib/buildkite-agent/builds/agent-1/acme/app/build.js:12:9)",
        "    at <Jasmine>",
        "    at Module.run (/work/app/node_modules/bundler/dist/shared/core.js:326:41)",
        "    at async Module.exec (/work/app/node_modules/bundler/dist/shared/core.js:322:42)",
        "build aborted",
    ]
    (card,) = analyse(bk_log("\n".join(body)), RULES)
    assert card.rule == "fallback.tail"
    text = "\n".join(shown_lines([card]))
    assert "node_modules" not in text and "<Jasmine>" not in text
    assert "build.js:12:9" in text and "build: the manifest names no entry point" in text


def test_a_hint_on_where_to_find_more_output_is_left_out() -> None:
    npm = [
        "$ npm ci",
        "npm error code E404",
        "npm error 404 Not Found - GET https://registry.npmjs.org/left-padd - Not found",
        "npm error A complete log of this run can be found in: /root/.npm/_logs/2026-01-01-debug-0.log",
    ]
    text = shown_lines(analyse(bk_log("\n".join(npm)), RULES))
    assert not any("A complete log" in t for t in text)
    assert any("404 Not Found" in t for t in text)
    tail = [
        "$ rake db:seed",
        "rake aborted!",
        "Don't know how to build task 'db:seed'",
        "(See full trace by running task with --trace)",
        "Re-run the task using the -X switch to enable full debug logging.",
    ]
    text = shown_lines(analyse(bk_log("\n".join(tail)), RULES))
    assert "Don't know how to build task 'db:seed'" in text
    assert not any("--trace" in t or "-X switch" in t for t in text)
    # An error that mentions how to see more is still the error.
    swift = [
        "$ swift build",
        "error: emit-module command failed with exit code 1 (use -v to see invocation)",
    ]
    text = shown_lines(analyse(bk_log("\n".join(swift)), RULES))
    assert "error: emit-module command failed with exit code 1 (use -v to see invocation)" in text


def test_how_long_a_run_took_is_left_out_but_a_time_limit_stays() -> None:
    body = [
        "$ ./ci/spec.sh",
        "1) formatDuration formats seconds",
        "  Expected '5s' to be '4.5s'.",
        "8 specs, 1 failure",
        "Finished in 0.007 seconds",
        "Took 0min 0.001s",
        "limit exceeded: 31s > 30s",
    ]
    text = shown_lines(analyse(bk_log("\n".join(body)), RULES))
    assert "Finished in 0.007 seconds" not in text and "Took 0min 0.001s" not in text
    assert "limit exceeded: 31s > 30s" in text and "  Expected '5s' to be '4.5s'." in text


def test_a_jvm_traces_count_of_left_out_frames_is_left_out() -> None:
    body = [
        "$ java -jar importer.jar",
        'Exception in thread "main" java.lang.IllegalStateException: importer failed',
        "\tat com.acme.Importer.main(Importer.java:24)",
        "Caused by: java.lang.NullPointerException: row is null",
        "\tat com.acme.Importer.parse(Importer.java:40)",
        "\t... 1 more",
    ]
    text = shown_lines(analyse(bk_log("\n".join(body)), RULES))
    assert "\t... 1 more" not in text
    assert "Caused by: java.lang.NullPointerException: row is null" in text
    # Python's note on a recursion's repeated frames says how deep it went: it stays.
    py = [
        "$ python walk.py",
        "Traceback (most recent call last):",
        '  File "/app/walk.py", line 9, in <module>',
        "    walk(root)",
        '  File "/app/walk.py", line 5, in walk',
        "    walk(node.parent)",
        "  [Previous line repeated 996 more times]",
        "RecursionError: maximum recursion depth exceeded",
    ]
    text = shown_lines(analyse(bk_log("\n".join(py)), RULES))
    assert "  [Previous line repeated 996 more times]" in text


def test_a_block_ends_where_a_ci_section_opens() -> None:
    """GitLab's runner opens its clean-up section right under the failing command's trace: its
    "Cleaning up project directory" line is no part of the exception."""

    def gitlab(after: list[bytes]) -> bytes:
        lines = [
            b"section_start:1765089990:step_script\r\x1b[0K\x1b[0KExecuting step script",
            b"$ java -cp build app.Server",
            b'Exception in thread "main" java.lang.NumberFormatException: For input string: "8080 "',
            b"\tat app.Server.port(Server.java:7)",
            *after,
            b"ERROR: Job failed: exit code 1",
        ]
        return b"\n".join(lines) + b"\n"

    marked = [
        b"section_end:1765089992:step_script\r\x1b[0K",
        b"section_start:1765089992:cleanup_file_variables\r\x1b[0K\x1b[0K"
        b"\x1b[36;1mCleaning up project directory and file based variables\x1b[0;m",
        b"section_end:1765089995:cleanup_file_variables\r\x1b[0K",
    ]
    text = shown_lines(analyse(gitlab(marked), RULES))
    assert "\tat app.Server.port(Server.java:7)" in text
    assert not any("Cleaning up" in t for t in text)
    # Without a section between them, the line after the trace is still the block's.
    plain = [b"", b"Cleaning up project directory and file based variables"]
    text = shown_lines(analyse(gitlab(plain), RULES))
    assert any("Cleaning up" in t for t in text)


def test_a_threads_header_over_its_frames_is_left_out_but_a_call_stack_heading_stays() -> None:
    body = [
        "$ python reconcile.py",
        "Fatal Python error: Segmentation fault",
        "",
        "Current thread 0x00007f0a911e1b80 (most recent call first):",
        '  File "/var/lib/buildkite-agent/builds/agent-3/acme/widgets/verify.py", line 17 in <module>',
    ]
    text = shown_lines(analyse(bk_log("\n".join(body), status=139), RULES))
    assert not any(t.startswith("Current thread") for t in text)
    assert any("verify.py" in t for t in text)
    cmake = [
        "$ cmake -S . -B build",
        "CMake Error at /usr/share/cmake-3.25/Modules/FindPackageHandleStandardArgs.cmake:230 (message):",
        "  Could NOT find Protobuf (missing: Protobuf_LIBRARIES)",
        "Call Stack (most recent call first):",
        "  CMakeLists.txt:4 (find_package)",
    ]
    text = shown_lines(analyse(bk_log("\n".join(cmake)), RULES))
    assert "Call Stack (most recent call first):" in text


def test_a_runtimes_own_frames_go_and_the_users_stay() -> None:
    body = [
        "$ mix run priv/seed.exs",
        "** (KeyError) key :unit_cents not found in: %{price: 102}",
        "    :erlang.map_get(:unit_cents, %{price: 102})",
        "    lib/shop/seed.ex:14: Shop.Seed.total/1",
        '    (elixir 1.14.0) lib/enum.ex:2468: Enum."-reduce/3-lists^foldl/2-0-"/3',
        "    lib/shop/seed.ex:9: Shop.Seed.run/0",
    ]
    text = shown_lines(analyse(bk_log("\n".join(body)), RULES))
    assert not any("(elixir 1.14.0)" in t for t in text)
    assert "    lib/shop/seed.ex:14: Shop.Seed.total/1" in text


def test_a_blank_line_is_never_shown_but_a_quoted_empty_value_is() -> None:
    body = [
        "$ terraform validate",
        "Error: Reference to undeclared input variable",
        "",
        '  on main.tf line 12, in resource "aws_s3_bucket" "logs":',
        "  12:   tags = { owner = var.team_owner }",
        "",
        'An input variable with the name "team_owner" has not been declared.',
    ]
    cards = analyse(bk_log("\n".join(body)), RULES)
    assert all(ln.text.strip() for c in cards for ln in c.lines)
    assert any("team_owner" in t for t in shown_lines(cards))
    # An unknown tool's counterexample: an empty string, quoted, is a value.
    tail = ["$ ./ci/props.sh", "*** Failed! Falsified (after 9 tests):", '""', "", "property failed"]
    text = shown_lines(analyse(bk_log("\n".join(tail)), RULES))
    assert '""' in text and "" not in text


def test_a_tail_joining_a_generic_error_brings_only_the_line_right_above_it() -> None:
    # The command's progress well above the error is not what failed.
    cards = triage(
        [
            "$ ./ci/release.sh",
            "building artifacts for commit e59cd69",
            "  compiled dist/app-linux-amd64",
            "  compiled dist/app-linux-arm64",
            "  compiled dist/app-darwin-arm64",
            "fatal: No names found, cannot describe anything.",
        ],
        status=128,
    )
    shown = shown_lines(cards)
    assert "fatal: No names found, cannot describe anything." in shown
    assert "building artifacts for commit e59cd69" not in shown
    assert "  compiled dist/app-linux-amd64" not in shown
    # ...but the line right above the error still leads into it.
    assert "  compiled dist/app-darwin-arm64" in shown
    # Across a blank line and hints on where to read more: the download that failed.
    lfs = shown_lines(
        triage(
            [
                "$ git lfs pull",
                "Updating files: 100% (2491/2491), done.",
                "Downloading assets/atlas.png (18 MB)",
                "Error downloading object: assets/atlas.png (9e2b7c4): Smudge error: over its data quota",
                "",
                "Errors logged to '/builds/acme/game/.git/lfs/logs/20261127T045812.log'.",
                "Use `git lfs logs last` to view the log.",
                "error: external filter 'git-lfs filter-process' failed",
                "fatal: assets/atlas.png: smudge filter lfs failed",
            ],
            status=128,
        )
    )
    assert "Error downloading object: assets/atlas.png (9e2b7c4): Smudge error: over its data quota" in lfs
    assert "Updating files: 100% (2491/2491), done." not in lfs


def test_a_console_scripts_launcher_frame_is_not_shown() -> None:
    cards = triage(
        [
            "$ alembic upgrade head",
            "Traceback (most recent call last):",
            '  File "/work/venv/bin/alembic", line 8, in <module>',
            "    sys.exit(main())",
            "             ^^^^^^",
            '  File "/builds/acme/accounts/migrations/env.py", line 18, in <module>',
            "    run_migrations_online()",
            'sqlalchemy.exc.ProgrammingError: column "email" of relation "users" already exists',
        ]
    )
    shown = shown_lines(cards)
    assert '  File "/work/venv/bin/alembic", line 8, in <module>' not in shown
    assert "    sys.exit(main())" not in shown
    # The user's own module-level frame stays, its code too.
    assert '  File "/builds/acme/accounts/migrations/env.py", line 18, in <module>' in shown
    assert "    run_migrations_online()" in shown


def test_the_top_of_a_trace_printed_most_recent_call_last_is_not_kept_as_the_failing_call() -> None:
    cards = triage(
        [
            "$ python -m billing.main",
            "Traceback (most recent call last):",
            '  File "<frozen runpy>", line 198, in _run_module_as_main',
            '  File "<frozen runpy>", line 88, in _run_code',
            '  File "/builds/acme/billing/billing/main.py", line 16, in <module>',
            "    main()",
            '  File "/builds/acme/billing/billing/main.py", line 9, in main',
            "    settings = Settings()",
            "pydantic_core._pydantic_core.ValidationError: 1 validation error for Settings",
        ]
    )
    shown = shown_lines(cards)
    assert not any("<frozen runpy>" in t for t in shown)
    assert '  File "/builds/acme/billing/billing/main.py", line 9, in main' in shown
    # A JVM trace is printed innermost first: the library call right above the user's first frame
    # is the call that failed, and stays.
    thrower = "\tat java.base/java.lang.NumberFormatException.forInputString(NumberFormatException.java:67)"
    jvm = shown_lines(
        triage(
            [
                "$ java -jar build/app.jar",
                'Exception in thread "main" java.lang.NumberFormatException: For input string: "8080 "',
                thrower,
                "\tat java.base/java.lang.Integer.parseInt(Integer.java:668)",
                "\tat com.acme.Server.port(Server.java:12)",
                "\tat com.acme.Server.main(Server.java:5)",
            ]
        )
    )
    assert thrower in jvm
    assert "\tat com.acme.Server.port(Server.java:12)" in jvm


def test_native_frames_in_the_systems_headers_and_the_sanitizers_runtime_are_library_frames() -> None:
    cards = triage(
        [
            "$ ./build/scheduler",
            "==15543==ERROR: AddressSanitizer: heap-use-after-free on address 0x604000000010",
            "READ of size 8 at 0x604000000010 thread T0",
            "    #0 0x55e8720fc164 in Scheduler::run() src/scheduler.cpp:20",
            "    #1 0x55e8720fa70f in main src/scheduler.cpp:31",
            "",
            "freed by thread T0 here:",
            "    #0 0x7f970b0ba3c8 in operator delete(void*, unsigned long) "
            "../../../../src/libsanitizer/asan/asan_new_delete.cpp:164",
            "    #1 0x55e8720fb1b0 in std::__new_allocator<Job>::deallocate(Job*, unsigned long) "
            "/usr/include/c++/12/bits/new_allocator.h:158",
            "    #2 0x55e8720fb1b0 in std::vector<Job>::push_back(Job&&) "
            "/usr/include/c++/12/bits/stl_vector.h:1294",
            "    #3 0x55e8720fbf6a in Scheduler::run() src/scheduler.cpp:19",
            "",
            "SUMMARY: AddressSanitizer: heap-use-after-free src/scheduler.cpp:20 in Scheduler::run()",
        ]
    )
    shown = shown_lines(cards)
    assert not any("/usr/include/c++" in t for t in shown)
    assert "    #3 0x55e8720fbf6a in Scheduler::run() src/scheduler.cpp:19" in shown
    # The innermost frame is the call the sanitizer caught, wherever it is.
    assert any("#0 0x7f970b0ba3c8 in operator delete" in t for t in shown)
    # Go's runtime frames in its assembly (`asm_amd64.s`), with the call above them.
    go = shown_lines(
        triage(
            [
                "$ go run ./cmd/warm",
                "fatal error: concurrent map writes",
                "",
                "goroutine 25 [running]:",
                "main.(*cache).record(...)",
                "\t/builds/acme/edge-cache/cmd/warm/main.go:10",
                "main.main.func1(0x0?)",
                "\t/builds/acme/edge-cache/cmd/warm/main.go:23 +0xd5",
                "runtime.goexit()",
                "\t/usr/lib/go-1.19/src/runtime/asm_amd64.s:1594 +0x1",
                "exit status 2",
            ]
        )
    )
    assert "\t/usr/lib/go-1.19/src/runtime/asm_amd64.s:1594 +0x1" not in go
    assert "runtime.goexit()" not in go
    assert "\t/builds/acme/edge-cache/cmd/warm/main.go:10" in go


def test_a_recursions_repeated_frames_and_repeated_thread_stacks_show_once() -> None:
    frames = []
    for i in range(8):
        frames += [
            "main.(*Node).Depth(0x0?)",
            f"\t/builds/acme/orgtree/cmd/orgtree/main.go:16 +0x25 fp=0xc0200e03{i}8 sp=0xc0200e03{i}0",
        ]
    cards = triage(
        [
            "$ go run ./cmd/orgtree",
            "runtime: goroutine stack exceeds 1000000000-byte limit",
            "fatal error: stack overflow",
            "",
            "goroutine 1 [running]:",
            "main.(*Node).Depth(0xc00008e180?)",
            "\t/builds/acme/orgtree/cmd/orgtree/main.go:12 +0x48 fp=0xc0200e03a0 sp=0xc0200e0398 pc=0x481008",
            *frames,
        ],
        status=2,
    )
    shown = shown_lines(cards)
    repeats = [t for t in shown if "main.go:16" in t]
    assert len(repeats) == 1  # the first says it
    assert any("main.go:12" in t for t in shown)
    # Idle workers' stacks repeat the first worker's: it is shown, they are not. A thread whose
    # stack differs is still shown.
    workers = []
    for n in (6, 7, 8):
        workers += [
            "",
            f"goroutine {n} [chan send]:",
            "main.worker(0x0?, 0x0?)",
            "\t/builds/acme/syncer/cmd/syncer/main.go:16 +0x185",
        ]
    deadlock = shown_lines(
        triage(
            [
                "$ go run ./cmd/syncer",
                "fatal error: all goroutines are asleep - deadlock!",
                "",
                "goroutine 1 [semacquire]:",
                "main.main()",
                "\t/builds/acme/syncer/cmd/syncer/main.go:38 +0x2af",
                *workers,
                "exit status 2",
            ]
        )
    )
    assert "goroutine 6 [chan send]:" in deadlock or "main.worker(0x0?, 0x0?)" in deadlock
    assert deadlock.count("\t/builds/acme/syncer/cmd/syncer/main.go:16 +0x185") == 1
    assert "goroutine 7 [chan send]:" not in deadlock
    assert "goroutine 8 [chan send]:" not in deadlock
    assert "\t/builds/acme/syncer/cmd/syncer/main.go:38 +0x2af" in deadlock


def test_a_line_whose_last_word_reports_a_success_is_not_shown() -> None:
    cards = triage(
        [
            "$ ./ci/validate.sh",
            "deploy/services/billing-api.json valid",
            "deploy/services/orders-api.json valid",
            "Updating logs/index.html ... done",
            "deploy/services/search-api.json invalid",
            "deploy/services/search-api.json#/replicas must be integer",
        ]
    )
    shown = shown_lines(cards)
    assert "deploy/services/billing-api.json valid" not in shown
    assert "Updating logs/index.html ... done" not in shown
    # ...not a failure, whatever its last word says.
    assert "deploy/services/search-api.json invalid" in shown
    assert "deploy/services/search-api.json#/replicas must be integer" in shown
    covered = shown_lines(
        triage(
            [
                "$ cargo build",
                "error[E0004]: non-exhaustive patterns: `State::Disputed` not covered",
                "  --> src/lib.rs:9:11",
                "   |",
                "9  |     match s {",
                "   |           ^ pattern `State::Disputed` not covered",
            ],
            status=101,
        )
    )
    assert "   |           ^ pattern `State::Disputed` not covered" in covered


def test_a_build_tool_waiting_for_its_other_jobs_is_not_shown() -> None:
    cards = triage(
        [
            "$ make -j4",
            "cc -c -o build/mod03.o src/mod03.c",
            "src/mod03.c: In function 'mod03_value':",
            "src/mod03.c:5:21: error: 'acc' undeclared (first use in this function)",
            "    5 |     for (int i = 0; i < x; i++) acc += i;",
            "      |                                 ^~~",
            "make: *** [Makefile:12: build/mod03.o] Error 1",
            "make: *** Waiting for unfinished jobs....",
        ],
        status=2,
    )
    shown = shown_lines(cards)
    assert "make: *** Waiting for unfinished jobs...." not in shown
    assert "src/mod03.c:5:21: error: 'acc' undeclared (first use in this function)" in shown


def test_a_fallback_tail_stops_at_the_failing_commands_echo() -> None:
    findings = [
        "cfgload/loader.py:12:5: local variable 'exc' is assigned to but never used",
        "cfgload/loader.py:22:12: undefined name 'reslt'",
        "cfgload/settings.py:2:1: 'from .loader import *' used; unable to detect undefined names",
    ]
    cards = triage(
        ["Using docker image sha256:96ad5b6841af for python:3.12-slim ...", "$ pyflakes cfgload/", *findings]
    )
    shown = shown_lines(cards)
    assert not any("Using docker image" in t for t in shown)
    assert all(f in shown for f in findings)
    # A command that printed nothing: what came above it is all there is to show.
    silent = shown_lines(
        triage(["fetching deploy key from vault", "key cached at /tmp/deploy.key", "$ ./ci/deploy.sh"])
    )
    assert "key cached at /tmp/deploy.key" in silent
    # A tail's first line may report a success too; the failure under it stays.
    ajv = shown_lines(
        triage(
            [
                "$ ./ci/validate-configs.sh",
                "deploy/services/billing-api.json valid",
                "deploy/services/checkout-web.json invalid",
                "data/replicas must be >= 1, data/ports/0/port must be <= 65535",
            ]
        )
    )
    assert "deploy/services/billing-api.json valid" not in ajv
    assert "deploy/services/checkout-web.json invalid" in ajv


RUSTC = [
    "$ cargo build",
    "   Compiling ratelimit v0.4.0 (/builds/acme/ratelimit)",
    "error[E0061]: this method takes 1 argument but 0 arguments were supplied",
    "  --> tests/limits.rs:7:16",
    "   |",
    " 7 |     assert!(!l.try_acquire());",
    "   |                ^^^^^^^^^^^-- argument #1 of type `u32` is missing",
    "   |",
    "note: method defined here",
    "  --> src/lib.rs:11:12",
    "   |",
    "11 |     pub fn try_acquire(&mut self, n: u32) -> bool {",
    "   |            ^^^^^^^^^^^",
    "",
    "error[E0004]: non-exhaustive patterns: `State::Disputed` not covered",
    "  --> src/lib.rs:21:11",
    "   |",
    "21 |     match s {",
    "   |           ^ pattern `State::Disputed` not covered",
    "   |",
    "note: `State` defined here",
    "  --> src/lib.rs:2:10",
    "   |",
    " 2 | pub enum State {",
    "   |          ^^^^^",
    "...",
    " 7 |     Disputed,",
    "   |     -------- not covered",
    "",
    "error: could not compile `ratelimit` (lib) due to 2 previous errors",
]


def test_a_rustc_note_leaves_out_the_definition_it_quotes_at_its_own_location() -> None:
    shown = shown_lines(analyse(bk_log(RUSTC, status=101), RULES))
    assert "note: method defined here" in shown
    assert "  --> src/lib.rs:11:12" in shown
    assert not any("pub fn try_acquire" in t for t in shown)
    assert not any("pub enum State" in t for t in shown)


def test_a_rustc_error_keeps_its_own_source_and_a_notes_later_labelled_line() -> None:
    shown = shown_lines(analyse(bk_log(RUSTC, status=101), RULES))
    # The error's own frame: the failing code stays.
    assert " 7 |     assert!(!l.try_acquire());" in shown
    assert "21 |     match s {" in shown
    # Below `...` in the note's frame: the line the note labels (`not covered`) stays.
    assert " 7 |     Disputed," in shown
    assert "   |     -------- not covered" in shown


def test_a_rustc_suggestion_without_a_location_keeps_its_code() -> None:
    body = [
        "$ cargo build",
        "error[E0308]: mismatched types",
        " --> src/main.rs:2:5",
        "  |",
        "1 | fn window_ms(rps: u32) -> u64 {",
        "  |                           --- expected `u64` because of return type",
        "2 |     1000 / rps",
        "  |     ^^^^^^^^^^ expected `u64`, found `u32`",
        "  |",
        "help: you can convert a `u32` to a `u64`",
        "  |",
        "2 |     (1000 / rps).into()",
        "  |     +          ++++++++",
        "",
        'error: could not compile `ratelimit` (bin "ratelimit") due to 1 previous error',
    ]
    shown = shown_lines(analyse(bk_log(body, status=101), RULES))
    assert "2 |     (1000 / rps).into()" in shown
    assert "help: you can convert a `u32` to a `u64`" in shown


PYTEST_DIFF = [
    "$ pytest -q",
    "F.......                                                                 [100%]",
    "=================================== FAILURES ===================================",
    "_________________________ test_parse_rate_with_spaces __________________________",
    "",
    "    def test_parse_rate_with_spaces():",
    '>       assert parse_rate("EUR: USD: 1.0842") == ("EUR", "USD", 1.0842)',
    "E       AssertionError: assert ('EUR', ' USD', 1.0842) == ('EUR', 'USD', 1.0842)",
    "E         ",
    "E         At index 1 diff: ' USD' != 'USD'",
    "E         ",
    "E         Full diff: (-: missing in left side, +: extra in left side)",
    "E           (",
    "E               'EUR',",
    "E         -     'USD',",
    "E         +     ' USD',",
    "E         ?      +",
    "E               1.0842,",
    "E           )",
    "",
    "tests/test_rates.py:16: AssertionError",
    "=========================== short test summary info ============================",
    "FAILED tests/test_rates.py::test_parse_rate_with_spaces - AssertionError: assert ('EUR', ' USD', 1.0...",
    "1 failed, 7 passed in 0.07s",
]


def test_a_pytest_full_diff_leaves_out_its_legend_and_unchanged_lines() -> None:
    shown = shown_lines(analyse(bk_log(PYTEST_DIFF), RULES))
    assert not any("Full diff:" in t for t in shown)
    assert "E               'EUR'," not in shown
    assert "E               1.0842," not in shown


def test_a_pytest_full_diff_keeps_its_changed_lines_and_the_assertion() -> None:
    shown = shown_lines(analyse(bk_log(PYTEST_DIFF), RULES))
    assert "E         -     'USD'," in shown
    assert "E         +     ' USD'," in shown
    assert "E         At index 1 diff: ' USD' != 'USD'" in shown
    assert any(t.startswith("E       AssertionError: assert") for t in shown)


NODE_NAMED_CODE = [
    "node:internal/modules/cjs/loader:1210",
    "  throw err;",
    "  ^",
    "",
    "Error: Cannot find module 'dayjs'",
    "Require stack:",
    "- /builds/acme/reports/lib/summary.js",
    "    at Module._resolveFilename (node:internal/modules/cjs/loader:1207:15)",
    "    at Object.<anonymous> (/builds/acme/reports/lib/summary.js:1:15)",
    "    at Module.require (node:internal/modules/cjs/loader:1289:19) {",
    "  code: 'MODULE_NOT_FOUND',",
    "  requireStack: [ '/builds/acme/reports/lib/summary.js' ]",
    "}",
    "",
    "Node.js v20.20.2",
]

NODE_ERRNO_CODE = [
    "node:events:497",
    "      throw er; // Unhandled 'error' event",
    "      ^",
    "",
    "Error: listen EADDRINUSE: address already in use :::3000",
    "    at Server.setupListenHandle [as _listen2] (node:net:1872:16)",
    "    at listenInCluster (node:net:1920:12)",
    "    at Object.<anonymous> (/app/server.js:4:8) {",
    "  code: 'EADDRINUSE',",
    "  errno: -98,",
    "  syscall: 'listen',",
    "  address: '::',",
    "  port: 3000",
    "}",
    "",
    "Node.js v20.20.2",
]


def test_a_node_errors_named_code_under_its_stack_is_shown() -> None:
    shown = shown_lines(analyse(bk_log(NODE_NAMED_CODE, command="node report.js"), RULES))
    assert "  code: 'MODULE_NOT_FOUND'," in shown
    assert "  requireStack: [ '/builds/acme/reports/lib/summary.js' ]" not in shown


def test_a_system_errors_errno_code_its_message_already_names_is_not_shown() -> None:
    shown = shown_lines(analyse(bk_log(NODE_ERRNO_CODE, command="node server.js"), RULES))
    assert any("EADDRINUSE: address already in use" in t for t in shown)
    assert "  code: 'EADDRINUSE'," not in shown
    assert "  syscall: 'listen'," not in shown


def _retries(last: str) -> list[str]:
    return [
        "warmup: attempt 1/3 timed out, retrying",
        "warmup: attempt 2/3 timed out, retrying",
        last,
        'Exception in thread "main" java.net.http.HttpTimeoutException: request timed out',
        "\tat java.net.http/jdk.internal.net.http.HttpClientImpl.send(HttpClientImpl.java:572)",
        "\tat Warmup.main(Warmup.java:18)",
    ]


def test_a_retry_loops_last_failed_attempt_above_the_error_is_shown() -> None:
    shown = shown_lines(analyse(bk_log(_retries("warmup: attempt 3/3 timed out, retrying")), RULES))
    assert "warmup: attempt 3/3 timed out, retrying" in shown
    assert "warmup: attempt 1/3 timed out, retrying" not in shown
    assert "warmup: attempt 2/3 timed out, retrying" not in shown


def test_an_attempt_that_is_not_the_last_or_says_no_failure_is_not_shown() -> None:
    shown = shown_lines(analyse(bk_log(_retries("warmup: still waiting")), RULES))
    assert not any("attempt" in t for t in shown)
    progress = _retries("probing 127.0.0.1:8443 (attempt 3/3)")
    shown = shown_lines(analyse(bk_log(progress), RULES))
    assert "probing 127.0.0.1:8443 (attempt 3/3)" not in shown


def _verbose_run(results: list[str], reports: list[tuple[str, str]]) -> list[str]:
    body = [*results, ""]
    for kind, test in reports:
        body += [
            "=" * 70,
            f"{kind}: {test} (tests.test_geo.GeoTest.{test})",
            "-" * 70,
            "Traceback (most recent call last):",
            '  File "/builds/acme/geo/tests/test_geo.py", line 15, in ' + test,
            "    self.assertEqual(distance(), 343.5)",
            "AssertionError: 343.6 != 343.5",
            "",
        ]
    failures = sum(1 for kind, _ in reports if kind == "FAIL")
    errors = len(reports) - failures
    counts = ", ".join(f"{k}={v}" for k, v in (("failures", failures), ("errors", errors)) if v)
    return [*body, "-" * 70, f"Ran {len(results)} tests in 0.002s", "", f"FAILED ({counts})"]


def test_a_verbose_unittest_runs_line_for_its_one_failed_test_is_shown() -> None:
    results = [
        "test_bearing (tests.test_geo.GeoTest.test_bearing) ... ok",
        "test_london (tests.test_geo.GeoTest.test_london) ... FAIL",
        "test_same (tests.test_geo.GeoTest.test_same) ... ok",
    ]
    shown = shown_lines(analyse(bk_log(_verbose_run(results, [("FAIL", "test_london")])), RULES))
    assert "test_london (tests.test_geo.GeoTest.test_london) ... FAIL" in shown
    assert "FAIL: test_london (tests.test_geo.GeoTest.test_london)" in shown
    assert "test_bearing (tests.test_geo.GeoTest.test_bearing) ... ok" not in shown


def test_a_verbose_unittest_runs_lines_are_not_shown_when_several_tests_failed() -> None:
    results = [
        "test_bearing (tests.test_geo.GeoTest.test_bearing) ... ERROR",
        "test_london (tests.test_geo.GeoTest.test_london) ... FAIL",
        "test_same (tests.test_geo.GeoTest.test_same) ... ok",
    ]
    reports = [("ERROR", "test_bearing"), ("FAIL", "test_london")]
    shown = shown_lines(analyse(bk_log(_verbose_run(results, reports)), RULES))
    assert "FAIL: test_london (tests.test_geo.GeoTest.test_london)" in shown
    assert not any(t.endswith(" ... FAIL") or t.endswith(" ... ERROR") for t in shown)


def _included_note(note_file: str) -> list[str]:
    return [
        "cc -O2 -Wall -c src/main.c -o src/main.o",
        "src/main.c: In function 'main':",
        "src/main.c:8:25: error: too few arguments to function 'stats_mean'",
        '    8 |   printf("%f", stats_mean(&r));',
        "      |                ^~~~~~~~~~",
        "In file included from src/main.c:2:",
        f"{note_file}:7:8: note: declared here",
        "    7 | double stats_mean(const ring_t *r, size_t window);",
        "      |        ^~~~~~~~~~",
        "make: *** [Makefile:9: src/main.o] Error 1",
    ]


def test_a_compilers_note_in_the_projects_included_header_is_shown() -> None:
    shown = shown_lines(analyse(bk_log(_included_note("src/probe.h"), command="make"), RULES))
    assert "src/probe.h:7:8: note: declared here" in shown
    assert "    7 | double stats_mean(const ring_t *r, size_t window);" in shown


def test_an_include_line_that_opens_the_next_error_or_a_library_note_is_not_shown() -> None:
    body = _included_note("/usr/include/stdio.h")
    shown = shown_lines(analyse(bk_log(body, command="make"), RULES))
    assert "/usr/include/stdio.h:7:8: note: declared here" not in shown
    body = _included_note("src/probe.h")
    body[6] = "src/probe.h:7:8: warning: unused variable 'x' [-Wunused-variable]"
    shown = shown_lines(analyse(bk_log(body, command="make"), RULES))
    assert "In file included from src/main.c:2:" not in shown
    assert not any("unused variable" in t for t in shown)


def _handrolled_check(marker: str) -> list[str]:
    return [
        "cc -O1 -Wall -std=c11 -Isrc -o build/test_ring tests/test_ring.c src/ring.c",
        "./build/test_ring",
        f"{marker} test_empty",
        f"{marker} test_push_pop",
        "    tests/test_ring.c:14: CHECK_EQ(rb_free(&r), 8) failed: 7 != 8",
        "[FAIL] test_free_empty",
        f"{marker} test_pop_empty",
        "1 of 4 tests failed",
        "make: *** [Makefile:4: check] Error 1",
    ]


def test_a_bracketed_pass_marker_in_a_tail_is_not_shown() -> None:
    shown = shown_lines(analyse(bk_log(_handrolled_check("[ OK ]"), command="make check"), RULES))
    assert "    tests/test_ring.c:14: CHECK_EQ(rb_free(&r), 8) failed: 7 != 8" in shown
    assert "[FAIL] test_free_empty" in shown
    assert not any(t.startswith("[ OK ]") for t in shown)


def test_a_tail_line_that_only_looks_like_a_pass_is_shown() -> None:
    # Not a pass marker: a bracketed word that is not a verdict stays.
    shown = shown_lines(analyse(bk_log(_handrolled_check("[ RUN ]"), command="make check"), RULES))
    assert "[FAIL] test_free_empty" in shown
    assert any(t.startswith("[ RUN ]") for t in shown)


def _go_run_tail(last: str) -> list[str]:
    return [
        "sign: 3 artifacts to sign",
        "sign: cannot reach signing agent: dial unix /run/agent.sock: connect: no such file or directory",
        last,
    ]


def test_a_line_that_only_says_how_the_process_ended_is_not_shown() -> None:
    found = analyse(bk_log(_go_run_tail("exit status 1"), command="go run ./cmd/sign"), RULES)
    shown = shown_lines(found)
    assert any("cannot reach signing agent" in t for t in shown)
    assert "exit status 1" not in shown
    # Nor a card of its own: the tail shown first already ends with it.
    assert len(found) == 1
    body = ["web-1  | listening on :8080", "redis-1  | FATAL CONFIG FILE ERROR", "redis-1 exited with code 1"]
    shown = shown_lines(analyse(bk_log(body, command="docker compose up --abort-on-container-exit"), RULES))
    assert "redis-1 exited with code 1" not in shown


def test_a_test_verdict_that_names_its_exit_status_is_shown() -> None:
    verdict = "3/4 wraparound FAIL            0.02s   exit status 1"
    shown = shown_lines(analyse(bk_log(_go_run_tail(verdict), command="meson test -C build"), RULES))
    assert verdict in shown


def test_python_standard_library_frames_go_but_the_frame_that_raised_stays() -> None:
    # Python's standard library, wherever the interpreter lives (pyenv here, `/usr/lib/python3.11/`
    # on Debian), is library code: its frames between the user's and the exception go; the frame
    # right above the exception line is where it was raised (`raw_decode`), and stays.
    lib = "/root/.pyenv/versions/3.11.7/lib/python3.11/json"
    body = [
        "$ python deploy/render.py config.json",
        "Traceback (most recent call last):",
        '  File "/builds/acme/deploy/deploy/render.py", line 7, in load',
        "    return json.load(f)",
        f'  File "{lib}/__init__.py", line 293, in load',
        "    return loads(fp.read(),",
        f'  File "{lib}/decoder.py", line 337, in decode',
        "    obj, end = self.raw_decode(s, idx=_w(s, 0).end())",
        f'  File "{lib}/decoder.py", line 353, in raw_decode',
        "    obj, end = self.scan_once(s, idx)",
        "json.decoder.JSONDecodeError: Expecting property name enclosed in double quotes: line 3 column 5",
    ]
    shown = shown_lines(triage(body))
    assert '  File "/builds/acme/deploy/deploy/render.py", line 7, in load' in shown
    assert f'  File "{lib}/__init__.py", line 293, in load' not in shown
    assert "    return loads(fp.read()," not in shown
    assert f'  File "{lib}/decoder.py", line 337, in decode' not in shown
    assert f'  File "{lib}/decoder.py", line 353, in raw_decode' in shown
    assert "    obj, end = self.scan_once(s, idx)" in shown
    # Debian's system Python too; the innermost frame here is the user's, so no library frame stays.
    deb = [
        "$ python3 tools/fetch.py",
        "Traceback (most recent call last):",
        '  File "/usr/lib/python3.11/urllib/request.py", line 216, in urlopen',
        "    return opener.open(url, data, timeout)",
        '  File "/builds/acme/tools/fetch.py", line 12, in parse',
        "    raise ValueError(f'bad payload: {body!r}')",
        "ValueError: bad payload: b''",
    ]
    shown = shown_lines(triage(deb))
    assert '  File "/usr/lib/python3.11/urllib/request.py", line 216, in urlopen' not in shown
    assert '  File "/builds/acme/tools/fetch.py", line 12, in parse' in shown


def test_an_installed_packages_innermost_frame_is_no_exception_to_library_frames() -> None:
    # A package's innermost frame is its own internals, not a documented call: it goes with the rest.
    pkg = "/builds/acme/app/.venv/lib/python3.11/site-packages/sqlalchemy/engine"
    body = [
        "$ python -m app.seed",
        "Traceback (most recent call last):",
        '  File "/builds/acme/app/app/seed.py", line 21, in main',
        "    session.commit()",
        f'  File "{pkg}/base.py", line 2113, in _exec_insertmany_context',
        "    dialect.do_execute(",
        f'  File "{pkg}/default.py", line 922, in do_execute',
        "    cursor.execute(statement, parameters)",
        "sqlite3.IntegrityError: UNIQUE constraint failed: users.email",
    ]
    shown = shown_lines(triage(body))
    assert '  File "/builds/acme/app/app/seed.py", line 21, in main' in shown
    assert not any("site-packages" in t for t in shown)


def test_faulthandlers_innermost_standard_library_frame_stays_but_not_its_outermost() -> None:
    # faulthandler prints most recent call first: the frame under the thread's header is where
    # it crashed; the last frame is where the program started, however close to the next line.
    body = [
        "$ python verify.py",
        "Fatal Python error: Segmentation fault",
        "",
        "Current thread 0x00007f56994a8b80 (most recent call first):",
        '  File "/usr/lib/python3.11/ctypes/__init__.py", line 519 in string_at',
        '  File "/builds/acme/zipread/native.py", line 8 in read_header',
        '  File "/usr/lib/python3.11/runpy.py", line 88 in _run_code',
        "Segmentation fault (core dumped)",
    ]
    shown = shown_lines(triage(body, status=139))
    assert '  File "/usr/lib/python3.11/ctypes/__init__.py", line 519 in string_at' in shown
    assert '  File "/builds/acme/zipread/native.py", line 8 in read_header' in shown
    assert '  File "/usr/lib/python3.11/runpy.py", line 88 in _run_code' not in shown


def test_a_jvm_trace_keeps_only_the_innermost_library_frame_over_the_users() -> None:
    # The JDK call that threw stays; the JDK frames between it and the user's code go.
    thrower = "\tat java.base/java.util.ArrayList$Itr.checkForComodification(ArrayList.java:1013)"
    between = "\tat java.base/java.util.ArrayList$Itr.next(ArrayList.java:967)"
    shown = shown_lines(
        triage(
            [
                "$ java -jar build/app.jar",
                'Exception in thread "main" java.util.ConcurrentModificationException',
                thrower,
                between,
                "\tat com.acme.Pruner.prune(Pruner.java:14)",
                "\tat com.acme.Pruner.main(Pruner.java:6)",
            ]
        )
    )
    assert thrower in shown and between not in shown
    assert "\tat com.acme.Pruner.prune(Pruner.java:14)" in shown
    # Ruby names where it raised on the exception line itself: the library's `from` lines under it
    # are callers, not the call that failed.
    ruby = shown_lines(
        triage(
            [
                "$ bundle exec sidekiq",
                "/usr/lib/ruby/3.1.0/psych.rb:455:in `parse': (config/sidekiq.yml): did not find expected key"
                " while parsing a block mapping at line 2 column 1 (Psych::SyntaxError)",
                "\tfrom /usr/lib/ruby/3.1.0/psych.rb:455:in `parse_stream'",
                "\tfrom /usr/lib/ruby/3.1.0/psych.rb:399:in `parse'",
                "\tfrom config/boot.rb:9:in `load_queues'",
                "\tfrom config/boot.rb:3:in `<main>'",
            ]
        )
    )
    assert "\tfrom /usr/lib/ruby/3.1.0/psych.rb:455:in `parse_stream'" not in ruby
    assert "\tfrom config/boot.rb:9:in `load_queues'" in ruby


def test_a_library_frame_that_is_the_traces_only_frame_stays() -> None:
    # A lone runtime frame is all the trace says of where it failed.
    lone = "    at GetAddrInfoReqWrap.onlookupall [as oncomplete] (node:dns:122:26) {"
    shown = shown_lines(
        triage(
            [
                "$ node scripts/sync.js",
                "Error: getaddrinfo ENOTFOUND registry.acme.invalid",
                lone,
                "  errno: -3008",
            ]
        )
    )
    assert lone in shown
    # Not when the trace has more frames: then the runtime's frames go.
    shown = shown_lines(
        triage(
            [
                "$ node scripts/sync.js",
                "Error: getaddrinfo ENOTFOUND registry.acme.invalid",
                lone,
                "    at async main (/builds/acme/sync/scripts/sync.js:7:15)",
                "    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)",
            ]
        )
    )
    assert "    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)" not in shown
    assert "    at async main (/builds/acme/sync/scripts/sync.js:7:15)" in shown


def test_where_in_nodes_own_modules_an_error_was_thrown_is_left_out_but_the_users_file_stays() -> None:
    shown = shown_lines(analyse(bk_log(NODE_ERRNO_CODE, command="node server.js"), RULES))
    # `node:events:497` names a place in node's own code; the line it quotes there still speaks.
    assert "node:events:497" not in shown
    assert "      throw er; // Unhandled 'error' event" in shown
    # The same code frame in the user's own file names where to look.
    users = ["/app/server.js:4", *NODE_ERRNO_CODE[1:]]
    assert "/app/server.js:4" in shown_lines(analyse(bk_log(users, command="node server.js"), RULES))
