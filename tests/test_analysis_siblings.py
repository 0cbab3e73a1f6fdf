"""A tool that reports several failures: every one of them reaches the cards, not only the first.

Lines of the same shape as a card's first line (a location, a symbol, a status tag) join it; a
closing count takes the same-shaped lines above it; with no specific error, the command's own
count or list of failures joins the section's last lines.
"""

from __future__ import annotations

from core.analysis import _shape, analyse
from core.models import Category, TriageCard
from tests.joblog import NOISE, RULES, bk_log


def _shown(cards: list[TriageCard]) -> str:
    return "\n".join(ln.text for c in cards for ln in c.lines)


def test_shapes_mask_names_and_numbers_but_keep_the_severity() -> None:
    assert _shape("src/a.c:3:1: error: x") == _shape("lib/b.cc:40:12: error: y")
    assert _shape("src/a.c:3:1: error: x") != _shape("src/a.c:3:1: warning: x")
    assert _shape("  7:19  error    Expected '==='") != _shape("  4:26  warning  'ctx' is unused")
    assert _shape("✘ [ERROR] Could not resolve") == _shape('✘ [ERROR] Expected ")" but found ";"')
    assert _shape("[  FAILED  ] A.b (0 ms)") == _shape("[  FAILED  ] 2 tests, listed below:")
    assert _shape("plain words here") is None
    assert _shape("+added line") is None  # a diff's lines are not a list of failures


def test_a_list_of_errors_keeps_every_error_not_only_the_rules() -> None:
    # esbuild: the third error is a parse error no rule knows; it has the others' shape.
    body = "\n".join(
        [
            "$ esbuild src/index.ts --bundle",
            '✘ [ERROR] Could not resolve "./utils/format"',
            "",
            "    src/index.ts:2:28:",
            '      2 │ import { formatPrice } from "./utils/format";',
            "",
            '✘ [ERROR] Could not resolve "../config/app.json"',
            "",
            "    src/index.ts:3:19:",
            "",
            '✘ [ERROR] Expected ")" but found ";"',
            "",
            "    src/cart.ts:4:13:",
            '      4 │     .join("");',
            "",
            "3 errors",
        ]
    )
    cards = analyse(bk_log(body, preamble=NOISE), RULES)
    top = _shown(cards[:1])
    assert 'Expected ")" but found ";"' in top
    assert "src/cart.ts:4:13:" in top
    assert "3 errors" in top


def test_a_repeated_summary_does_not_double_a_failure() -> None:
    # node --test repeats each failure under "✖ failing tests:": the card shows it once.
    body = "\n".join(
        [
            "$ node --test",
            "✖ parses quoted commas (4.8ms)",
            "  AssertionError [ERR_ASSERTION]: Expected values to be strictly deep-equal:",
            "ℹ tests 3200",
            "✖ failing tests:",
            "",
            "✖ parses quoted commas (4.8ms)",
            "  AssertionError [ERR_ASSERTION]: Expected values to be strictly deep-equal:",
        ]
    )
    cards = analyse(bk_log(body, preamble=NOISE), RULES)
    texts = [ln.text for ln in cards[0].lines]
    assert texts.count("✖ parses quoted commas (4.8ms)") <= 2
    assert cards[0].rule == "node.test_failed"


def test_googletest_names_every_failed_test_with_its_explanation() -> None:
    body = "\n".join(
        [
            "$ ./build/unit_tests",
            "[ RUN      ] RateLimiter.RefillsAfterWindow",
            "tests/limiter_test.cpp:19: Failure",
            "Value of: r.allow(1000)",
            "  Actual: false",
            "Expected: true",
            "[  FAILED  ] RateLimiter.RefillsAfterWindow (0 ms)",
            "[ RUN      ] RateLimiter.StartsFull",
            "[       OK ] RateLimiter.StartsFull (0 ms)",
            "[ RUN      ] RateLimiter.ZeroCapacity",
            "tests/limiter_test.cpp:32: Failure",
            "[  FAILED  ] RateLimiter.ZeroCapacity (0 ms)",
            "[==========] 3 tests from 1 test suite ran. (0 ms total)",
            "[  PASSED  ] 1 test.",
            "[  FAILED  ] 2 tests, listed below:",
            "[  FAILED  ] RateLimiter.RefillsAfterWindow",
            "[  FAILED  ] RateLimiter.ZeroCapacity",
            "",
            " 2 FAILED TESTS",
        ]
    )
    cards = analyse(bk_log(body, preamble=NOISE), RULES)
    assert cards[0].category is Category.TEST
    assert set(cards[0].tests) >= {"RateLimiter.RefillsAfterWindow", "RateLimiter.ZeroCapacity"}
    top = _shown(cards[:1])
    assert "tests/limiter_test.cpp:19: Failure" in top
    assert "tests/limiter_test.cpp:32: Failure" in top
    assert "2 FAILED TESTS" in top


def test_one_line_per_test_runners_name_each_failed_test() -> None:
    # eunit: `mod: name...*failed*`, then the report up to a blank line.
    body = "\n".join(
        [
            "$ rebar3 eunit",
            "    slug_tests: slugify_punct_test...*failed*",
            "in function slug_tests:slugify_punct_test/0 (test/slug_tests.erl, line 11)",
            "**error:{assertEqual,[{module,slug_tests}]}",
            "",
            "    slug_tests: truncate_short_test...ok",
            "    jobq_tests: fifo_test...*failed*",
            "**error:{badmatch,{b,{[],[a]}}}",
            "",
            "  Failed: 2.  Skipped: 0.  Passed: 1.",
        ]
    )
    cards = analyse(bk_log(body, preamble=NOISE), RULES)
    assert cards[0].rule == "test.status_failed"
    top = _text_all(cards[0])
    for key in ("slug_tests: slugify_punct_test", "jobq_tests: fifo_test", "{badmatch,", "Failed: 2."):
        assert key in top


def _text_all(card: TriageCard) -> str:
    return "\n".join([card.title, *card.tests, *(ln.text for ln in card.lines)])


def test_a_type_checkers_findings_all_join_one_card_with_its_count() -> None:
    body = "\n".join(
        [
            "$ pyright",
            "/repo/inventory/models.py",
            '  /repo/inventory/models.py:14:30 - error: Argument of type "str" cannot be assigned',
            '    "str" is not assignable to "int" (reportArgumentType)',
            "/repo/inventory/stock.py",
            '  /repo/inventory/stock.py:9:26 - error: "upper" is not a known attribute of "None"',
            '  /repo/inventory/stock.py:23:17 - error: Cannot access attribute "replace" for class "Item"',
            "4 errors, 0 warnings, 0 informations",
        ]
    )
    cards = analyse(bk_log(body, preamble=NOISE), RULES)
    assert cards[0].rule == "typecheck.error"
    top = _shown(cards[:1])
    for key in ("models.py:14:30", "reportArgumentType", "stock.py:23:17", "4 errors, 0 warnings"):
        assert key in top


def test_a_closing_count_takes_the_same_shaped_lines_above_it() -> None:
    # commitlint: no line names a known error, but the count closes a list of ✖ findings.
    body = "\n".join(
        [
            "$ commitlint --from main",
            "⧗   input: Fixed the retry backoff.",
            "✖   subject may not be empty [subject-empty]",
            "✖   type may not be empty [type-empty]",
            "",
            "✖   found 2 problems, 0 warnings",
            "ⓘ   Get help: https://github.com/conventional-changelog/commitlint/#what-is-commitlint",
        ]
    )
    cards = analyse(bk_log(body, preamble=NOISE), RULES)
    top = _shown(cards[:1])
    for key in ("[subject-empty]", "[type-empty]", "found 2 problems"):
        assert key in top


def test_with_no_known_error_the_commands_list_of_failures_joins_the_tail() -> None:
    # behave: "Failing scenarios:" lists what failed, above the lines the tail shows.
    body = "\n".join(
        [
            "$ behave",
            "Failing scenarios:",
            "  features/cart.feature:7  Two items",
            "",
            "Errored scenarios:",
            "  features/cart.feature:20  Remove an item",
            "",
            "0 features passed, 1 failed, 0 skipped",
            "2 scenarios passed, 1 failed, 1 error, 0 skipped",
            "12 steps passed, 1 failed, 1 skipped, 1 undefined",
            "Took 0min 0.001s",
            "Cleaning up",
            "Done",
        ]
    )
    cards = analyse(bk_log(body, preamble=NOISE), RULES)
    assert cards[0].rule == "fallback.tail"
    assert cards[0].category is Category.TEST
    top = _shown(cards[:1])
    assert "features/cart.feature:7  Two items" in top
    assert "features/cart.feature:20  Remove an item" in top


def test_ninja_names_the_failed_target_of_a_compiler_error() -> None:
    body = "\n".join(
        [
            "[3/13] Building CXX object CMakeFiles/mk.dir/src/codec.cpp.o",
            "FAILED: CMakeFiles/mk.dir/src/codec.cpp.o ",
            "/usr/bin/c++ -std=gnu++17 -c src/codec.cpp",
            "src/codec.cpp: In member function 'mk::Frame mk::Codec::decode() const':",
            "src/codec.cpp:11:12: error: could not convert 'nullptr' from 'std::nullptr_t' to 'mk::Frame'",
            "   11 |     return nullptr;",
            "[4/13] Building CXX object CMakeFiles/mk.dir/src/frame.cpp.o",
            "ninja: build stopped: cannot make progress due to previous errors.",
        ]
    )
    cards = analyse(bk_log(body, preamble=NOISE), RULES)
    assert cards[0].rule == "cc.error"
    top = _shown(cards[:1])
    assert "FAILED: CMakeFiles/mk.dir/src/codec.cpp.o" in top
    assert "ninja: build stopped" in top


def test_an_unknown_tools_short_report_is_shown_whole() -> None:
    # No rule knows this linter; its whole output (11 lines) fits, so none of it is cut.
    offences = [f"C: {n:2d}:  1: Style/Rule{n}: offence number {n}." for n in range(1, 10)]
    body = "\n".join(
        ["$ rubocop --format simple lib", "== lib/invoice.rb ==", *offences, "", "9 offenses detected"]
    )
    cards = analyse(bk_log(body, preamble=NOISE), RULES)
    assert cards[0].rule == "fallback.tail"
    top = _shown(cards[:1])
    assert "== lib/invoice.rb ==" in top and all(o in top for o in offences)


def test_a_long_unknown_output_still_shows_only_its_last_lines() -> None:
    chatter = [f"step {n}: working on something quite ordinary" for n in range(1, 40)]
    body = "\n".join(["$ ./deploy.sh", *chatter, "gave up"])
    cards = analyse(bk_log(body, preamble=NOISE), RULES)
    top = _shown(cards[:1])
    assert "gave up" in top and "step 1:" not in top and "step 20:" not in top


# Reports of several failures in the shapes of more tool families: every failure reaches the top
# card, with the line that explains it, and the card says what kind of failure it is.
_MULTI = {
    "ghc: located headers, message on indented lines": (
        "src/Shop/Cart.hs:8:5: error:\n"
        "    • Couldn't match type ‘Int’ with ‘Text’\n"
        "    • In the expression: total\n"
        "   |\n"
        " 8 |     total\n"
        "   |     ^^^^^\n"
        "\n"
        "src/Shop/Tax.hs:21:9: error: [GHC-39999]\n"
        "    • No instance for ‘Show Basket’ arising from a use of ‘show’\n",
        ["src/Shop/Cart.hs:8:5: error:", "Couldn't match type", "src/Shop/Tax.hs:21:9", "No instance for"],
        Category.COMPILE,
    ),
    "ocaml: File/line header, source, then Error:": (
        'File "src/vat.ml", line 4, characters 10-14:\n'
        "4 | let v = rate +. 1\n"
        "              ^^^^\n"
        "Error: This expression has type int but an expression was expected of type\n"
        "         float\n"
        'File "src/fees.ml", line 30, characters 2-9:\n'
        "30 |   charge ()\n"
        "Error: Unbound value charge\n",
        ['File "src/vat.ml", line 4', "has type int", 'File "src/fees.ml", line 30', "Unbound value charge"],
        Category.COMPILE,
    ),
    "hspec: numbered failures under their locations": (
        "Failures:\n"
        "\n"
        "  test/QueueSpec.hs:12:5: \n"
        "  1) Queue pops in insertion order\n"
        "       expected: [1,2]\n"
        "        but got: [2,1]\n"
        "\n"
        "  test/QueueSpec.hs:30:7: \n"
        "  2) Queue rejects a negative capacity\n"
        '       expected: Left "negative"\n'
        "        but got: Right (Queue [])\n"
        "\n"
        "9 examples, 2 failures\n",
        [
            "pops in insertion order",
            "rejects a negative capacity",
            "but got: [2,1]",
            "9 examples, 2 failures",
        ],
        Category.TEST,
    ),
    "cmocka: ERROR/LINE/FAILED per test and the count": (
        "[ RUN      ] test_trim\n"
        "[  ERROR   ] --- 0x3 != 0x4\n"
        "[   LINE   ] --- tests/test_str.c:19: error: Failure!\n"
        "[  FAILED  ] test_trim\n"
        "[ RUN      ] test_split\n"
        '[  ERROR   ] --- "a" != "b"\n'
        "[   LINE   ] --- tests/test_str.c:33: error: Failure!\n"
        "[  FAILED  ] test_split\n"
        "[==========] 4 test(s) run.\n"
        " 2 FAILED TEST(S)\n",
        ["test_trim", "test_split", "0x3 != 0x4", '"a" != "b"', "2 FAILED TEST(S)"],
        Category.TEST,
    ),
    "testthat: Failure blocks and the FAIL count": (
        "── Failure (test-dates.R:7:3): parse_date handles leap years ──\n"
        'parse_date("2024-02-29") not equal to as.Date("2024-02-29").\n'
        "\n"
        "── Failure (test-dates.R:15:3): format_date pads months ──\n"
        'format_date(d) not equal to "2024-03-01".\n'
        "\n"
        "[ FAIL 2 | WARN 0 | SKIP 0 | PASS 12 ]\n"
        "Error: Test failures\n",
        ["parse_date handles leap years", "format_date pads months", "FAIL 2"],
        Category.TEST,
    ),
    "robot: | FAIL | per test with its message": (
        "Login With Expired Token                                  | FAIL |\n"
        "Expected status 401 but was 200\n"
        "------------------------------------------------------------------------------\n"
        "Logout Clears Session                                     | FAIL |\n"
        "Cookie 'sid' still present\n"
        "------------------------------------------------------------------------------\n",
        ["Login With Expired Token", "Expected status 401", "Logout Clears Session", "Cookie 'sid'"],
        Category.TEST,
    ),
    "julia: Test Failed and Error During Test, then the count": (
        "roundtrip: Test Failed at /ci/Codec.jl/test/runtests.jl:12\n"
        "  Expression: decode(encode(x)) == x\n"
        "   Evaluated: [1, 2] == [1, 2, 3]\n"
        "\n"
        "Stacktrace:\n"
        " [1] macro expansion\n"
        "   @ /ci/julia/share/julia/stdlib/v1.10/Test/src/Test.jl:672 [inlined]\n"
        "errors: Error During Test at /ci/Codec.jl/test/runtests.jl:20\n"
        "  Test threw exception\n"
        "  ArgumentError: empty input\n"
        "  Stacktrace:\n"
        "   [1] decode(b::Vector{UInt8})\n"
        "ERROR: LoadError: Some tests did not pass: 8 passed, 1 failed, 1 errored, 0 broken.\n",
        [
            "roundtrip: Test Failed",
            "Evaluated: [1, 2] == [1, 2, 3]",
            "errors: Error During Test",
            "ArgumentError",
        ],
        Category.TEST,
    ),
    "meson test: FAIL and TIMEOUT verdicts with their output": (
        "1/3 basics   OK              0.01s\n"
        "2/3 parse    FAIL            0.02s   exit status 1\n"
        ">>> /ci/build/test_parse\n"
        "stderr:\n"
        "parse: token 3: expected ')', got ','\n"
        "\n"
        "3/3 soak     TIMEOUT        30.01s   killed by signal 15 SIGTERM\n"
        ">>> /ci/build/test_soak\n",
        ["2/3 parse FAIL", "expected ')', got ','", "3/3 soak TIMEOUT"],
        Category.TEST,
    ),
    "codespell: one line per typo": (
        "$ codespell lib docs\n"
        "docs/guide.md:7: wich ==> which\n"
        "lib/cache.py:40: retreive ==> retrieve\n"
        "lib/cache.py:52: occurence ==> occurrence\n",
        ["wich ==> which", "retreive ==> retrieve", "occurence ==> occurrence"],
        Category.LINT,
    ),
    "sphinx -W: warnings fail the build": (
        "reading sources... [100%] usage\n"
        "/ci/docs/usage.rst:12: WARNING: undefined label: 'setup' [ref.ref]\n"
        "writing output... [100%] usage\n"
        "/ci/docs/api.rst:3: WARNING: unknown document: 'cli' [ref.doc]\n"
        "build finished with problems, 2 warnings (with warnings treated as errors).\n",
        ["undefined label: 'setup'", "unknown document: 'cli'", "warnings treated as errors"],
        Category.LINT,
    ),
}


def test_more_tool_families_report_every_failure_with_their_category() -> None:
    for name, (body, keys, category) in _MULTI.items():
        cards = analyse(bk_log(body, preamble=NOISE), RULES, exit_status=1)
        top = "\n".join([cards[0].title, *cards[0].tests, *(ln.text for ln in cards[0].lines)])
        for key in keys:
            assert key in " ".join(top.split()), f"{name}: {key!r} not in the top card:\n{top}"
        assert cards[0].category is category, f"{name}: {cards[0].category}"
