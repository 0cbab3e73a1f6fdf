"""Every rule against real lines it must match and must not; the rules file's own checks."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from core.rules import RuleError, RuleSet, Scanner, load_rules, parse_rules

CASES = tomllib.loads((Path(__file__).parent / "rule_cases" / "cases.toml").read_text(encoding="utf-8"))
RULES = load_rules()
BY_NAME = {r.name: r for r in RULES.rules}


def test_every_rule_has_cases() -> None:
    missing = sorted(set(BY_NAME) - set(CASES))
    assert not missing, f"rules without cases in tests/rule_cases/cases.toml: {missing}"
    for name, case in CASES.items():
        if name == "decoys":
            continue
        assert name in BY_NAME, f"cases for unknown rule {name}"
        assert case.get("match"), f"{name} has no lines it must match"
        assert case.get("no_match"), f"{name} has no lines it must not match"


_MATCH = [(n, line) for n, c in CASES.items() if n != "decoys" for line in c.get("match", [])]
_NO_MATCH = [(n, line) for n, c in CASES.items() if n != "decoys" for line in c.get("no_match", [])]


@pytest.mark.parametrize(("name", "line"), _MATCH)
def test_rule_matches(name: str, line: str) -> None:
    rule = BY_NAME[name]
    assert rule.match(line) is not None, f"{name} should match {line!r}"
    # The prefilter must let the line through to this rule.
    assert any(k in RULES.keywords_in(line) for k in rule.keywords) or any(
        ("\n" + line.lower()).find(k) >= 0 for k in rule.keywords
    ), f"no keyword of {name} found in {line!r}"


@pytest.mark.parametrize(("name", "line"), _NO_MATCH)
def test_rule_does_not_match(name: str, line: str) -> None:
    assert BY_NAME[name].match(line) is None, f"{name} should not match {line!r}"


@pytest.mark.parametrize("line", CASES["decoys"]["lines"])
def test_decoys_fire_no_rule(line: str) -> None:
    hit = RULES.best(line)
    assert hit is None, f"{hit[0].name if hit else ''} fired on decoy {line!r}"


def test_best_prefers_priority_and_keeps_wrappers_as_wrappers() -> None:
    hit = RULES.best('error: could not compile `borrow` (bin "borrow") due to 1 previous error')
    assert hit is not None and hit[0].name == "cargo.wrapper" and hit[0].wrapper
    hit = RULES.best("b.c:1:10: fatal error: nope.h: No such file or directory")
    assert hit is not None and hit[0].name == "cc.error"


def test_user_rules_add_and_replace(tmp_path: Path) -> None:
    extra = tmp_path / "rules.toml"
    extra.write_text(
        """
[[rule]]
name = "acme.flaky_db"
category = "infrastructure"
priority = 95
keywords = ["acme-db"]
pattern = '^acme-db: (?P<msg>.+)$'
title = "database: {msg}"

[[rule]]
name = "go.panic"
category = "runtime"
priority = 10
keywords = ["panic:"]
pattern = '^panic: (?P<msg>.+)$'
"""
    )
    rules = load_rules(extra)
    names = [r.name for r in rules.rules]
    assert names.count("go.panic") == 1 and "acme.flaky_db" in names
    hit = rules.best("acme-db: replica lag 30s")
    assert hit is not None and hit[0].name == "acme.flaky_db"
    replaced = next(r for r in rules.rules if r.name == "go.panic")
    assert replaced.category.value == "runtime" and replaced.priority == 10


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[rule]]\nname = 'x'\n", "must look like"),
        ("[[rule]]\nname = 'a.b'\ncategory = 'nope'\nkeywords=['a']\npattern='a'\n", "category"),
        ("[[rule]]\nname = 'a.b'\nkeywords=['A']\npattern='a'\n", "lower-case"),
        ("[[rule]]\nname = 'a.b'\nkeywords=['a']\npattern='('\n", "invalid regular expression"),
        ("[[rule]]\nname = 'a.b'\nkeywords=['a']\npattern='a'\nblock='nope'\n", "block"),
        ("[[rule]]\nname = 'a.b'\nkeywords=['a']\npattern='a'\ncolour='red'\n", "unknown field"),
        (
            "[[rule]]\nname = 'a.b'\nkeywords=['a']\npattern='a'\n" * 2,
            "twice",
        ),
        ("not toml = = =", "not valid TOML"),
        ("[[rule]]\nname = 'a.b'\nkeywords=['a']\npattern='a'\nverdict=true\n", "verdict needs wrapper"),
        (
            "[[rule]]\nname = 'a.b'\nkeywords=['a']\npattern='a'\ncloses=true\n",
            "closes needs a priority below",
        ),
    ],
)
def test_malformed_rules_are_refused(text: str, message: str) -> None:
    with pytest.raises(RuleError, match=message):
        parse_rules(text, "user.toml")


def test_ruleset_prefilter_sees_every_keyword() -> None:
    rs = RuleSet(parse_rules("[[rule]]\nname='a.b'\nkeywords=['zebra crossing']\npattern='zebra'\n"))
    assert rs.keywords_in("a Zebra Crossing here") == {"zebra crossing"}
    assert rs.best("a zebra crossing") is not None
    assert rs.best("a zebra") is None  # no keyword: the rule is never tried


def test_prefilter_engines_agree() -> None:
    words = ["error:", "error", "panic:", "\n--- ", "✖ "]
    data = "x\n--- a\nerror: y error\npanic: ✖ z\nerrors".lower().encode()
    fast, slow = Scanner(words), Scanner(words, use_re2=False)
    assert slow.engine == "re"
    assert list(fast.spans(data)) == list(slow.spans(data)) != []
    assert list(fast.spans(data, 5)) == list(slow.spans(data, 5))


# The bulk of a big log is passing output. If such lines hit the byte prefilter, every one of
# them is decoded and tried against the rules, and throughput falls tenfold (bench/analyse.py).
PASSING_OUTPUT = [
    "tests/test_api.py::test_handles_error_responses[1] PASSED                [ 10%]",
    "tests/test_api.py::TestClient::test_retry PASSED",
    "test tests::error_path ... ok",
    "=== RUN   TestLookup1",
    "ok  \tgithub.com/acme/shop/cart\t0.003s",
    "PASS src/components/ErrorBoundary.test.tsx (1.2 s)",
    "  ✓ renders error_handler.py fallback page (12ms)",
    "ok 7 - error handler returns 500",
    "    at Object.<anonymous> (/app/src/error_handler.js:12:7)",
    "   Compiling widget v0.1.0 (/var/lib/buildkite-agent/builds/agent-7/acme/widgets/crates/w)",
    "gcc -O2 -Wall -Werror -c src/error_handler.c -o build/error_handler.o",
    "[INFO] Tests run: 12, Failures: 0, Errors: 0, Skipped: 0",
    "Downloading error-prone-annotations-2.18.0.jar (17 kB)",
    "DEPRECATION WARNING: error_reporting will be removed in 3.0",
]


@pytest.mark.parametrize("line", PASSING_OUTPUT)
def test_passing_output_is_not_a_prefilter_candidate(line: str) -> None:
    hay = ("\n" + line.lower()).encode()
    assert list(RULES.prefilter.spans(hay)) == [], line


def test_keep_and_mute_fields(tmp_path: Path) -> None:
    from core.analysis import analyse

    extra = tmp_path / "rules.toml"
    extra.write_text(
        """
[[rule]]
name = "acme.report"
category = "runtime"
priority = 95
keywords = ["acme report:"]
pattern = '^ACME REPORT: (?P<msg>.+)$'
after = 10
stop = '^end$'
keep = '^  cause: '
title = "{msg}"

[[rule]]
name = "acme.expected"
category = "test"
priority = 99
keywords = ["known failures:"]
pattern = '^Known failures:$'
after = 10
stop = '^$'
mute = true
"""
    )
    rules = load_rules(extra)
    log = "\n".join(
        [
            "Known failures:",
            "ACME REPORT: flaky, ignored",
            "",
            "ACME REPORT: disk gone",
            "  noise: 1",
            "  cause: /dev/sdb vanished",
            "end",
        ]
    )
    cards = analyse(log.encode(), rules, exit_status=1)
    assert cards[0].rule == "acme.report" and cards[0].title == "disk gone"
    assert [ln.text for ln in cards[0].lines] == ["ACME REPORT: disk gone", "  cause: /dev/sdb vanished"]
    with pytest.raises(RuleError, match="mute must be true or false"):
        parse_rules("[[rule]]\nname = 'a.b'\nkeywords=['a']\npattern='a'\nmute='yes'\n", "user.toml")
