"""Normalisation: raw CI bytes to the lines a terminal shows, with raw line numbers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.normalise import LineSplitter, iter_lines, marker, normalise, process_prefix, raw_marker


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (b"\x1b_bk;t=1764302766471\x07hello", "hello"),
        (b"\x1b_bk;t=1764302766471\x1b\\hello", "hello"),  # ST-terminated APC
        (b"\x1b]0;window title\x07shown", "shown"),  # OSC
        (b"\x1b]8;;https://x.test\x1b\\link\x1b]8;;\x1b\\", "link"),  # OSC 8 hyperlink
        (b"\x1bPq#0;2;0;0;0\x1b\\after", "after"),  # DCS
        (b"\x1b[1m\x1b[91merror\x1b[0m\x1b[1m: cannot borrow\x1b[0m", "error: cannot borrow"),
        (b"\x1b[38;5;196mred\x1b[0m \x1b[2Jx", "red x"),
        (b"\x1b[01;31m\x1b[Kerror:\x1b[m\x1b[K x", "error: x"),
        (b"x.py:13: \x1b[31merror:\x1b(B\x1b[m bad", "x.py:13: error: bad"),  # tput sgr0's ESC ( B
        (b"plain\r", "plain"),  # CRLF after splitting on \n
        (b"plain\r\r", "plain"),  # \r\r\n
        (b"10%\r50%\r100%", "100%"),  # progress overwrite
        (b"Downloading 123456 bytes\rDone", "Doneloading 123456 bytes"),  # terminal keeps the tail
        (b"Downloading 123456 bytes\r\x1b[KDone", "Done"),  # ESC[K erases it
        (b"abc\r\x1b[2Kxy", "xy"),
        (b"bad \xff\xfe utf8", "bad \ufffd\ufffd utf8"),
        (b"tab\tkept\x07bell gone", "tab\tkeptbell gone"),
        (b"2024-01-01T10:00:00.1234567Z ##[error]boom", "##[error]boom"),  # GitHub Actions
        (b"2024-01-01T10:00:00.123456Z 00O+ make: *** [x] Error 1", "make: *** [x] Error 1"),  # GitLab
        (b"[2024-01-01 10:00:00,123] ERROR: disk full", "ERROR: disk full"),
        (b"travis_fold:start:install\r\x1b[0K$ pip install", "$ pip install"),
        (b"travis_time:end:0a1b:start=1,finish=2,duration=1\r\x1b[0K", ""),
        (b"bad.c: In function \xe2\x80\x98f\xe2\x80\x99:", "bad.c: In function 'f':"),  # locale quotes
        (b"unterminated \x1b_bk;t=1", "unterminated "),
    ],
)
def test_normalise(raw: bytes, text: str) -> None:
    assert normalise(raw) == text


def test_line_numbers_follow_raw_newlines() -> None:
    data = b"one\r\ntwo\rTWO\n\nfour\r\r\nfive"
    assert iter_lines(data) == [(1, "one"), (2, "TWO"), (3, ""), (4, "four"), (5, "five")]
    # A final newline starts no extra line.
    assert iter_lines(b"a\nb\n") == [(1, "a"), (2, "b")]
    assert iter_lines(b"") == []


def test_long_line_is_capped_but_counted() -> None:
    sp = LineSplitter(max_line_bytes=10)
    got: list[tuple[int, bytes]] = []
    for chunk in (b"short\n" + b"x" * 25, b"y" * 40, b"z\nafter\n"):
        first, _, lines = sp.feed(chunk)
        got += [(first + i, ln) for i, ln in enumerate(lines)]
    first, lines = sp.finish()
    got += [(first + i, ln) for i, ln in enumerate(lines)]
    assert got == [(1, b"short"), (2, b"x" * 10), (3, b"after")]


def test_long_line_inside_one_chunk_is_capped() -> None:
    sp = LineSplitter(max_line_bytes=8)
    first, block, lines = sp.feed(b"a\n" + b"b" * 100 + b"\nc\n")
    assert (first, block, lines) == (1, None, [b"a", b"b" * 8, b"c"])


@pytest.mark.parametrize(
    ("text", "kind", "title", "collapsed"),
    [
        ("--- :pytest: Run tests", "section", ":pytest: Run tests", False),
        ("+++ Build", "section", "Build", False),
        ("--- :docker: Integration stack", "section", ":docker: Integration stack", False),
        ("--- Done.", "section", "Done.", False),
        ("--- v1.2.3", "section", "v1.2.3", False),
        ("~~~ Preparing working directory", "section", "Preparing working directory", True),
        ("^^^ +++", "reopen", "", False),
        ("##[group]Run npm test", "section", "Run npm test", False),
        ("##[endgroup]", "end", "", False),
    ],
)
def test_section_markers(text: str, kind: str, title: str, collapsed: bool) -> None:
    m = marker(text)
    assert m is not None
    assert (m.kind, m.title, m.collapsed) == (kind, title, collapsed)


def test_agent_exit_line() -> None:
    m = marker("🚨 Error: The command exited with status 137")
    assert m is not None and m.kind == "exit" and m.exit_status == 137
    m = marker("🚨 Error: The command exited with status -1")
    assert m is not None and m.exit_status == -1
    m = marker("🚨 Error: The command was interrupted by a signal: terminated")
    assert m is not None and m.kind == "exit" and m.exit_status is None
    m = marker("user command error: exit status 1")
    assert m is not None and m.kind == "agent"


@pytest.mark.parametrize(
    "text",
    [
        "---- tests::it_rounds stdout ----",
        "--- FAIL: TestX (0.00s)",
        "----------",
        "~~~~",
        "+++b/file",
        "error",
        # A unified diff's file headers: a lone path, not a heading.
        "--- tests/golden/bulk.txt",
        "+++ actual/bulk.txt",
        "--- ci/deploy.sh.orig",
        "--- main.go",
    ],
)
def test_not_markers(text: str) -> None:
    assert marker(text) is None


def test_gitlab_and_travis_sections_are_read_from_raw_bytes() -> None:
    m = raw_marker(b"section_start:1700000000:build_script\r\x1b[0KStep build")
    assert m is not None and (m.kind, m.title) == ("section", "build_script")
    m = raw_marker(b"section_end:1700000001:build_script\r\x1b[0K")
    assert m is not None and m.kind == "end"
    m = raw_marker(b"travis_fold:start:install\r\x1b[0K")
    assert m is not None and (m.kind, m.title) == ("section", "install")


_chunks_input = st.binary(max_size=300) | st.lists(
    st.sampled_from(
        [b"\n", b"\r", b"\r\n", b"\x1b[31m", b"\x1b_bk;t=1\x07", b"abc", b"\xff", b"\xe2\x80", b"\x1b"]
    ),
    max_size=60,
).map(b"".join)


@given(data=_chunks_input, cuts=st.lists(st.integers(min_value=0, max_value=300), max_size=8))
@settings(max_examples=300, deadline=None)
def test_chunk_boundaries_anywhere_give_the_same_lines(data: bytes, cuts: list[int]) -> None:
    def run(chunks: list[bytes]) -> list[tuple[int, str]]:
        sp = LineSplitter(max_line_bytes=16)
        out: list[tuple[int, str]] = []
        for c in chunks:
            first, _, lines = sp.feed(c)
            out += [(first + i, normalise(ln)) for i, ln in enumerate(lines)]
        first, lines = sp.finish()
        return out + [(first + i, normalise(ln)) for i, ln in enumerate(lines)]

    points = sorted({min(c, len(data)) for c in cuts})
    chunks = [data[a:b] for a, b in zip([0, *points], [*points, len(data)], strict=True)]
    assert run(chunks) == run([data])
    # Numbers are raw line numbers: one per `\n`, plus a last line without one.
    assert len(run([data])) == data.count(b"\n") + (0 if data.endswith(b"\n") or not data else 1)


@pytest.mark.parametrize(
    ("text", "prefix"),
    [
        ("web.1    | GET /healthz 200 1ms", "web.1    | "),  # foreman, honcho
        ("10:20:05 worker.1 | KeyError: 'x'", "10:20:05 worker.1 | "),  # ...with their time
        ("api-1  | listening", "api-1  | "),  # docker compose
        ("api_1  | listening", "api_1  | "),  # docker-compose v1
        ("[icons] Error: ENOENT", "[icons] "),  # concurrently, by name
        ("[0] ok 1 - adds", "[0] "),  # ...by index
        ("[icons]", "[icons]"),  # an empty line of its output
        ("web:build: > next build", "web:build: "),  # turbo
        ("@acme/ui:build: tsc", "@acme/ui:build: "),
        # Not a process: log levels, a build's progress, a located message, a time, a table.
        ("[error] Test failed", ""),
        ("[INFO] BUILD FAILURE", ""),
        ("[1/10] Compiling C object", ""),
        ("src/x.c:12: error: boom", ""),
        ("Warning: deprecated: x", ""),
        ("[10:20:30] Starting 'build'", ""),
        ("| name | value |", ""),
    ],
)
def test_process_prefix(text: str, prefix: str) -> None:
    assert process_prefix(text) == prefix
