"""Round 24a, line precision: lines inside a rule's block that nobody points at, and the
look-alikes a card still shows."""

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


def _shown(cards: list[TriageCard]) -> list[str]:
    return [ln.text for c in cards for ln in c.lines]


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
    shown = _shown(analyse(_bk_log(RUSTC, status=101), RULES))
    assert "note: method defined here" in shown
    assert "  --> src/lib.rs:11:12" in shown
    assert not any("pub fn try_acquire" in t for t in shown)
    assert not any("pub enum State" in t for t in shown)


def test_a_rustc_error_keeps_its_own_source_and_a_notes_later_labelled_line() -> None:
    shown = _shown(analyse(_bk_log(RUSTC, status=101), RULES))
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
    shown = _shown(analyse(_bk_log(body, status=101), RULES))
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
    shown = _shown(analyse(_bk_log(PYTEST_DIFF), RULES))
    assert not any("Full diff:" in t for t in shown)
    assert "E               'EUR'," not in shown
    assert "E               1.0842," not in shown


def test_a_pytest_full_diff_keeps_its_changed_lines_and_the_assertion() -> None:
    shown = _shown(analyse(_bk_log(PYTEST_DIFF), RULES))
    assert "E         -     'USD'," in shown
    assert "E         +     ' USD'," in shown
    assert "E         At index 1 diff: ' USD' != 'USD'" in shown
    assert any(t.startswith("E       AssertionError: assert") for t in shown)
