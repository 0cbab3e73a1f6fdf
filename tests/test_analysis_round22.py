"""Round 22: line precision. What a command printed well above the error a fallback tail joins,
a console script's launcher frame, the top of a trace printed most recent call last, native
frames in the system's headers and the sanitizer's runtime, a recursion's repeated frames and
threads whose stacks repeat another's."""

from __future__ import annotations

from core.analysis import analyse
from core.models import TriageCard
from core.rules import load_rules

RULES = load_rules()
BK = b"\x1b_bk;t=1764302766471\x07"


def _bk_log(body: list[str], *, status: int = 1) -> bytes:
    lines = [
        "~~~ Preparing working directory",
        "$ git checkout -f 3f9c2e1a7d",
        "--- :hammer: Build",
        *body,
        "^^^ +++",
        f"\x1b[31m🚨 Error: The command exited with status {status}\x1b[0m",
        f"user command error: exit status {status}",
    ]
    return b"".join(BK + ln.encode() + b"\r\n" for ln in lines)


def _cards(body: list[str], *, status: int = 1) -> list[TriageCard]:
    return analyse(_bk_log(body, status=status), RULES)


def _shown(cards: list[TriageCard]) -> list[str]:
    return [ln.text for c in cards for ln in c.lines]


def test_a_tail_joining_a_generic_error_brings_only_the_line_right_above_it() -> None:
    # The command's progress well above the error is not what failed.
    cards = _cards(
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
    shown = _shown(cards)
    assert "fatal: No names found, cannot describe anything." in shown
    assert "building artifacts for commit e59cd69" not in shown
    assert "  compiled dist/app-linux-amd64" not in shown
    # ...but the line right above the error still leads into it.
    assert "  compiled dist/app-darwin-arm64" in shown
    # Across a blank line and hints on where to read more: the download that failed.
    lfs = _shown(
        _cards(
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
    cards = _cards(
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
    shown = _shown(cards)
    assert '  File "/work/venv/bin/alembic", line 8, in <module>' not in shown
    assert "    sys.exit(main())" not in shown
    # The user's own module-level frame stays, its code too.
    assert '  File "/builds/acme/accounts/migrations/env.py", line 18, in <module>' in shown
    assert "    run_migrations_online()" in shown


def test_the_top_of_a_trace_printed_most_recent_call_last_is_not_kept_as_the_failing_call() -> None:
    cards = _cards(
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
    shown = _shown(cards)
    assert not any("<frozen runpy>" in t for t in shown)
    assert '  File "/builds/acme/billing/billing/main.py", line 9, in main' in shown
    # A JVM trace is printed innermost first: the library call right above the user's first frame
    # is the call that failed, and stays.
    thrower = "\tat java.base/java.lang.NumberFormatException.forInputString(NumberFormatException.java:67)"
    jvm = _shown(
        _cards(
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
    cards = _cards(
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
    shown = _shown(cards)
    assert not any("/usr/include/c++" in t for t in shown)
    assert "    #3 0x55e8720fbf6a in Scheduler::run() src/scheduler.cpp:19" in shown
    # The innermost frame is the call the sanitizer caught, wherever it is.
    assert any("#0 0x7f970b0ba3c8 in operator delete" in t for t in shown)
    # Go's runtime frames in its assembly (`asm_amd64.s`), with the call above them.
    go = _shown(
        _cards(
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
    cards = _cards(
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
    shown = _shown(cards)
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
    deadlock = _shown(
        _cards(
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
    cards = _cards(
        [
            "$ ./ci/validate.sh",
            "deploy/services/billing-api.json valid",
            "deploy/services/orders-api.json valid",
            "Updating logs/index.html ... done",
            "deploy/services/search-api.json invalid",
            "deploy/services/search-api.json#/replicas must be integer",
        ]
    )
    shown = _shown(cards)
    assert "deploy/services/billing-api.json valid" not in shown
    assert "Updating logs/index.html ... done" not in shown
    # ...not a failure, whatever its last word says.
    assert "deploy/services/search-api.json invalid" in shown
    assert "deploy/services/search-api.json#/replicas must be integer" in shown
    covered = _shown(
        _cards(
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
    cards = _cards(
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
    shown = _shown(cards)
    assert "make: *** Waiting for unfinished jobs...." not in shown
    assert "src/mod03.c:5:21: error: 'acc' undeclared (first use in this function)" in shown


def test_a_fallback_tail_stops_at_the_failing_commands_echo() -> None:
    findings = [
        "cfgload/loader.py:12:5: local variable 'exc' is assigned to but never used",
        "cfgload/loader.py:22:12: undefined name 'reslt'",
        "cfgload/settings.py:2:1: 'from .loader import *' used; unable to detect undefined names",
    ]
    cards = _cards(
        ["Using docker image sha256:96ad5b6841af for python:3.12-slim ...", "$ pyflakes cfgload/", *findings]
    )
    shown = _shown(cards)
    assert not any("Using docker image" in t for t in shown)
    assert all(f in shown for f in findings)
    # A command that printed nothing: what came above it is all there is to show.
    silent = _shown(
        _cards(["fetching deploy key from vault", "key cached at /tmp/deploy.key", "$ ./ci/deploy.sh"])
    )
    assert "key cached at /tmp/deploy.key" in silent
    # A tail's first line may report a success too; the failure under it stays.
    ajv = _shown(
        _cards(
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
