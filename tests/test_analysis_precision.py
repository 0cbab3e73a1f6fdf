"""Lines a card leaves out because nobody would point at them, and their look-alikes it keeps."""

from __future__ import annotations

from core.analysis import analyse
from core.models import TriageCard
from core.rules import load_rules

RULES = load_rules()
BK = b"\x1b_bk;t=1764302766471\x07"


def _bk_log(body: str, *, status: int = 1) -> bytes:
    lines = [
        "~~~ Preparing working directory",
        "$ git checkout -f 3f9c2e1a7d",
        "--- :hammer: Build",
        *body.splitlines(),
        "^^^ +++",
        f"\x1b[31m🚨 Error: The command exited with status {status}\x1b[0m",
        f"user command error: exit status {status}",
    ]
    return b"".join(BK + ln.encode() + b"\r\n" for ln in lines)


def _shown(cards: list[TriageCard]) -> list[str]:
    return [ln.text for c in cards for ln in c.lines]


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
    (card,) = analyse(_bk_log("\n".join(body)), RULES)
    assert card.rule == "fallback.tail"
    text = _shown([card])
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
    (card,) = analyse(_bk_log("\n".join(body)), RULES)
    assert card.rule == "fallback.tail"
    text = "\n".join(_shown([card]))
    assert "node_modules" not in text and "<Jasmine>" not in text
    assert "build.js:12:9" in text and "build: the manifest names no entry point" in text


def test_a_hint_on_where_to_find_more_output_is_left_out() -> None:
    npm = [
        "$ npm ci",
        "npm error code E404",
        "npm error 404 Not Found - GET https://registry.npmjs.org/left-padd - Not found",
        "npm error A complete log of this run can be found in: /root/.npm/_logs/2026-01-01-debug-0.log",
    ]
    text = _shown(analyse(_bk_log("\n".join(npm)), RULES))
    assert not any("A complete log" in t for t in text)
    assert any("404 Not Found" in t for t in text)
    tail = [
        "$ rake db:seed",
        "rake aborted!",
        "Don't know how to build task 'db:seed'",
        "(See full trace by running task with --trace)",
        "Re-run the task using the -X switch to enable full debug logging.",
    ]
    text = _shown(analyse(_bk_log("\n".join(tail)), RULES))
    assert "Don't know how to build task 'db:seed'" in text
    assert not any("--trace" in t or "-X switch" in t for t in text)
    # An error that mentions how to see more is still the error.
    swift = [
        "$ swift build",
        "error: emit-module command failed with exit code 1 (use -v to see invocation)",
    ]
    text = _shown(analyse(_bk_log("\n".join(swift)), RULES))
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
    text = _shown(analyse(_bk_log("\n".join(body)), RULES))
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
    text = _shown(analyse(_bk_log("\n".join(body)), RULES))
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
    text = _shown(analyse(_bk_log("\n".join(py)), RULES))
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
    text = _shown(analyse(gitlab(marked), RULES))
    assert "\tat app.Server.port(Server.java:7)" in text
    assert not any("Cleaning up" in t for t in text)
    # Without a section between them, the line after the trace is still the block's.
    plain = [b"", b"Cleaning up project directory and file based variables"]
    text = _shown(analyse(gitlab(plain), RULES))
    assert any("Cleaning up" in t for t in text)


def test_a_threads_header_over_its_frames_is_left_out_but_a_call_stack_heading_stays() -> None:
    body = [
        "$ python reconcile.py",
        "Fatal Python error: Segmentation fault",
        "",
        "Current thread 0x00007f0a911e1b80 (most recent call first):",
        '  File "/var/lib/buildkite-agent/builds/agent-3/acme/widgets/verify.py", line 17 in <module>',
    ]
    text = _shown(analyse(_bk_log("\n".join(body), status=139), RULES))
    assert not any(t.startswith("Current thread") for t in text)
    assert any("verify.py" in t for t in text)
    cmake = [
        "$ cmake -S . -B build",
        "CMake Error at /usr/share/cmake-3.25/Modules/FindPackageHandleStandardArgs.cmake:230 (message):",
        "  Could NOT find Protobuf (missing: Protobuf_LIBRARIES)",
        "Call Stack (most recent call first):",
        "  CMakeLists.txt:4 (find_package)",
    ]
    text = _shown(analyse(_bk_log("\n".join(cmake)), RULES))
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
    text = _shown(analyse(_bk_log("\n".join(body)), RULES))
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
    cards = analyse(_bk_log("\n".join(body)), RULES)
    assert all(ln.text.strip() for c in cards for ln in c.lines)
    assert any("team_owner" in t for t in _shown(cards))
    # An unknown tool's counterexample: an empty string, quoted, is a value.
    tail = ["$ ./ci/props.sh", "*** Failed! Falsified (after 9 tests):", '""', "", "property failed"]
    text = _shown(analyse(_bk_log("\n".join(tail)), RULES))
    assert '""' in text and "" not in text
