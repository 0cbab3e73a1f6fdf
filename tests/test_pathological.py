"""Hostile input stays bounded: huge lines, floods of empty lines, binary, escape storms, and
no rule pattern that backtracks catastrophically."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.analysis import Analyser, analyse
from core.normalise import normalise
from core.rules import load_rules

RULES = load_rules()
ROOT = Path(__file__).resolve().parent.parent


def _feed_repeated(a: Analyser, chunk: bytes, times: int) -> None:
    for _ in range(times):
        a.feed(chunk)


def test_one_huge_line_is_capped() -> None:
    # 16 MiB in 64 KiB chunks without a newline (bench/analyse.py's --huge does 100 MB).
    a = Analyser(RULES, max_line_chars=500)
    a.feed(b"\x1b_bk;t=1\x07Error: " + b"x" * 1000)
    _feed_repeated(a, b"y" * 65536, 256)
    a.feed(b"\nSegmentation fault (core dumped)\n")
    assert len(a._split._partial) == 0  # the stored prefix was released at the newline
    cards = a.finish()
    # The error line right above the crash joins its card (a neighbour telling the same story).
    assert cards[0].rule == "crash.signal" and [ln.number for ln in cards[0].lines] == [1, 2]
    assert all(len(ln.text) <= 500 for c in cards for ln in c.lines)


def test_partial_line_never_grows_past_the_cap() -> None:
    a = Analyser(RULES)
    for _ in range(64):
        a.feed(b"z" * 65536)
        assert len(a._split._partial) <= a._split.max_line_bytes


def test_a_million_empty_lines() -> None:
    a = Analyser(RULES)
    _feed_repeated(a, b"\n" * 65536, 16)
    a.feed(b"\r\n" * 10000 + b"fatal error: runtime: out of memory\n")
    cards = a.finish()
    assert cards[0].rule == "resource.oom"
    assert cards[0].lines[0].number == 65536 * 16 + 10000 + 1
    assert len(a._win) <= 1000  # the window of recent lines stays bounded


def test_binary_garbage_is_survived() -> None:
    rnd = random.Random(4)
    data = bytes(rnd.randrange(256) for _ in range(300_000))
    cards = analyse(data, RULES)
    assert cards  # a failed job never gets an empty triage
    assert sum(len(c.lines) for c in cards) <= 25
    for c in cards:
        for ln in c.lines:
            assert "\x1b" not in ln.text and "\x00" not in ln.text


def test_escape_storm_in_one_line() -> None:
    line = b"".join(b"\x1b[%dm" % (i % 108) + b"\x1b]0;t\x07" for i in range(100_000)) + b"error: finally"
    assert normalise(line[:8192]).startswith("") and "\x1b" not in normalise(line[:8192])
    cards = analyse(line + b"\nerror: finally\n", RULES)
    assert cards[0].lines[-1].text == "error: finally"


def test_many_candidates_keep_card_count_bounded() -> None:
    a = Analyser(RULES, max_cards=50)
    block = b"".join(b"src/f%d.c:1:1: error: e%d\nExceptionX%d: boom\n" % (i, i, i) for i in range(5000))
    a.feed(block)
    assert len(a._cards) <= 51
    assert a.finish()


# --- rule patterns against adversarial text ------------------------------------------------

_ALPHABET = " \t:/._-[]()'\"`*=<>#~^+|0123456789aeEFrRoOtTsSxX\\"


def _adversarial(rnd: random.Random) -> list[str]:
    pieces = [
        "error",
        "Error:",
        "FAILED",
        "  ",
        "::",
        "___",
        "panic:",
        "--> ",
        "e: ",
        "\t",
        "[ERROR]",
        "x" * 50,
    ]
    out = []
    for _ in range(4):
        out.append("".join(rnd.choice(pieces) for _ in range(800))[:10_000])
        out.append("".join(rnd.choice(_ALPHABET) for _ in range(10_000)))
    for ch in " _:-=a1(":
        out.append(ch * 10_000)
        out.append("a" + ch * 9_999 + "!")
    return out


@pytest.mark.slow
def test_no_rule_backtracks_catastrophically() -> None:
    # Runs in a child process so a runaway pattern fails the test instead of hanging the suite;
    # the bound is a hang detector (minutes), not a speed goal.
    code = textwrap.dedent(
        """
        import random, sys
        sys.path.insert(0, {root!r})
        from core.rules import load_rules
        from tests.test_pathological import _adversarial
        texts = _adversarial(random.Random(1))
        for rule in load_rules().rules:
            for pat in [rule.pattern, *rule.exclude, rule.before_match, rule.stop, rule.detail, rule.tests]:
                if pat is not None:
                    for t in texts:
                        pat.search(t)
        print("ok")
        """
    ).format(root=str(ROOT))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert out.stdout.strip() == "ok", out.stderr


@given(
    st.lists(
        st.sampled_from([*_ALPHABET, "error", "Error", "FAILED", "___", "\u25cf", "panicked at"]),
        max_size=200,
    ).map("".join)
)
@settings(max_examples=200, deadline=None)
def test_generated_text_through_every_rule(text: str) -> None:
    for rule in RULES.rules:
        m = rule.match(text)
        if m is not None:
            assert isinstance(m.group(0), str)
    RULES.best(text)
