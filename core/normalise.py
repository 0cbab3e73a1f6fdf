"""Raw CI log bytes to the lines a person sees: one pass, bounded memory, raw line numbers kept.

Two halves, both pure:
- `LineSplitter` cuts a byte stream into raw lines (split on `\\n` only, so numbers match the raw
  log as Buildkite serves it) and caps every line at `max_line_bytes`, so a 100 MB line never sits
  in memory.
- `normalise(raw)` renders one raw line as a terminal would: escape sequences (Buildkite's
  `\\x1b_bk;t=..\\x07` timestamps, other APC/OSC/DCS, CSI/SGR) removed, bare `\\r` overwrites
  applied (`ESC[K` honoured), invalid UTF-8 replaced, other CI systems' line prefixes stripped.
  `marker(text)` says whether a normalised line opens a section or is the agent's exit line.

Most lines of a big log never reach `normalise`: the analyser only renders lines its prefilter
picked and their context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DEFAULT_MAX_LINE_BYTES = 8192

# One alternation for every escape sequence we drop. APC (`ESC _`), OSC (`ESC ]`), DCS (`ESC P`),
# PM and SOS (`ESC ^`, `ESC X`) end at BEL or ST (`ESC \\`); an unterminated one runs to the end of
# the line. CSI covers SGR colours and cursor moves; `ESC[K` (erase line) is kept as a sentinel
# because it changes what a `\\r` overwrite leaves behind.
_ERASE = "\x00K"
_ESC_RE = re.compile(
    rb"\x1b[_\]PX^][^\x07\x1b]*(?:\x07|\x1b\\|$)"
    rb"|\x1b\[[0-?]*[ -/]*[@-~]"
    rb"|\x1b[@-Z\\-~]"
    rb"|\x1b[ -/]+[0-~]"  # nF: `ESC ( B` (ASCII charset) ends every `tput sgr0` and prints nothing
    rb"|\x1b$"
)
_CSI_ERASE_RE = re.compile(rb"\x1b\[[0-2]?K")
# Travis writes fold and timing markers into the line, usually followed by `\r`.
_TRAVIS_RE = re.compile(rb"travis_(?:fold|time):[a-z]+:[^\r\n\x1b]*\r?")
# Other control characters a terminal does not print (BEL, backspace, NUL...). Tab stays.
_CTRL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# Line prefixes other CI systems add: GitHub Actions' and GitLab's RFC 3339 timestamps (GitLab adds
# a stream and flags field, `00O+`), and plain ISO timestamps (`[2024-01-01 10:00:00,123]`).
_PREFIX_RE = re.compile(
    r"^(?:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z (?:\d\d[OE]\+? )?"
    r"|\[?\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?\]? ?)"
)
# Typographic quotes (gcc and others in a UTF-8 locale) folded to ASCII so text and fingerprints do
# not depend on the build machine's locale.
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})


def _render_overwrites(text: str) -> str:
    """What a terminal shows for a line with bare `\\r`s: each one returns the cursor to column 0
    and later text overwrites earlier text; `ESC[K` erases from the cursor to the end."""
    buf = ""
    for seg in text.split("\r"):
        cursor = 0
        for i, part in enumerate(seg.split(_ERASE)):
            if i:
                buf = buf[:cursor]
            buf = buf[:cursor] + part + buf[cursor + len(part) :]
            cursor += len(part)
    return buf


def normalise(raw: bytes) -> str:
    """Render one raw line (without its `\\n`) as a terminal would show it."""
    line = raw.rstrip(b"\r")
    if b"\x1b" in line or b"\r" in line:
        if b"travis_" in line:
            line = _TRAVIS_RE.sub(b"", line)
        line = _CSI_ERASE_RE.sub(b"\x00K", line)
        line = _ESC_RE.sub(b"", line)
        text = line.decode("utf-8", "replace")
        if "\r" in text or _ERASE in text:
            text = _render_overwrites(text)
    else:
        text = line.decode("utf-8", "replace")
    if (text and text[0].isdigit()) or text.startswith("["):
        text = _PREFIX_RE.sub("", text, count=1)
    if text.isascii():
        return _CTRL_RE.sub("", text) if not text.isprintable() else text
    if not text.isprintable():
        text = _CTRL_RE.sub("", text)
    return text.translate(_QUOTES)


# Process managers and task runners name the process whose output a line is in front of it:
# foreman and honcho (`web.1    | `, after a `HH:MM:SS ` time unless told not to), docker compose
# (`api-1  | `; v1 `api_1  | `), concurrently (`[api] `, `[0] `: a name or an index; not a log
# level such as sbt's `[error] `), turbo (`web:build: `, package and task).
_MANAGED_RE = re.compile(r"(?:\d\d:\d\d:\d\d )?[\w.-]*?\w[._-]\d+ *\|(?: |$)")
_CONCURRENTLY_RE = re.compile(
    r"\[(?!(?:trace|debug|info|notice|warn|warning|error|err|alert|crit|critical|emerg|fatal|severe"
    r"|success|pass|passed|fail|failed|skip|skipped|ok)\])(?:[a-z][\w.@-]*|\d+)\](?: |$)"
)
_TASK_RE = re.compile(r"(?:@[\w.-]+/)?[\w-]+:[a-z][\w-]*: ")


def process_prefix(text: str) -> str:
    """The process manager's or task runner's prefix in front of a line (`web.1  | `), or ""."""
    if text[:1] == "[":
        m = _CONCURRENTLY_RE.match(text)
    elif "|" in text:
        m = _MANAGED_RE.match(text)
    elif 0 < text.find(":") < text.find(": "):
        m = _TASK_RE.match(text)
    else:
        return ""
    return m.group() if m else ""


# --- sections --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Marker:
    """What a structural line means.

    kind: `section` (a new group opens: Buildkite `---`/`+++`/`~~~`, GitHub `##[group]`, GitLab
    `section_start`, Travis folds), `reopen` (Buildkite `^^^ +++`: the previous section is expanded
    because its command failed), `end` (a group closes), `exit` (the agent's line saying the
    command failed), `agent` (other agent bookkeeping lines).
    """

    kind: str
    title: str = ""
    collapsed: bool = False
    exit_status: int | None = None


_BK_SECTION_RE = re.compile(r"^(---|\+\+\+|~~~) (.*)$|^(---|\+\+\+|~~~)$")
# Lines that look like section headers but are tool output: go test results, unified diffs. A
# diff's file header names one path and nothing else (`--- tests/golden/bulk.txt`, `+++ ci/x.sh`):
# a heading a person writes has words, an emoji code or a label, not a lone file name.
_NOT_SECTION_RE = re.compile(
    r"^(?:---|\+\+\+) (?:(?:FAIL|PASS|SKIP|BENCH): |[ab]/|/dev/null|(?:expected|actual|Expected|Actual|"
    r"original|modified|old|new)\b|\S+\t"
    r"|[\w.-]*/[\w./-]*$|[\w/-]+(?:\.[\w-]+)*\.[A-Za-z][\w-]{0,7}$)"
)
_BK_REOPEN_RE = re.compile(r"^\^\^\^ \+\+\+\s*$")
_BK_EXIT_RE = re.compile(
    r"^(?:🚨 )?Error: The command (?:exited with status (-?\d+)|was interrupted by a signal(?:: (\w+))?)"
)
_AGENT_RE = re.compile(r"^(?:user command error: |🚨 Error: |Error: The (?:command|plugin|hook))")
# Other CI systems' "the job's command failed" lines: GitHub Actions, GitLab, Travis.
_OTHER_EXIT_RE = re.compile(
    r"^(?:##\[error\]Process completed with exit code (\d+)\.?$"
    r"|ERROR: Job failed: exit (?:code|status) (\d+)$"
    r"|The command \".*\" exited with (\d+)\.$)"
)
_GHA_GROUP_RE = re.compile(r"^##\[(group|endgroup)\](.*)$")
_GITLAB_SECTION_RE = re.compile(r"section_(start|end):\d+:([\w.-]+)")


def raw_marker(raw: bytes) -> Marker | None:
    """Markers that normalisation would erase (GitLab's `section_start:..\\r\\x1b[0K` header)."""
    if b"section_" in raw:
        m = _GITLAB_SECTION_RE.search(raw.decode("utf-8", "replace"))
        if m:
            return Marker("section" if m.group(1) == "start" else "end", m.group(2))
    if b"travis_fold:start:" in raw:
        name = raw.split(b"travis_fold:start:", 1)[1].split(b"\r")[0]
        return Marker("section", name.decode("utf-8", "replace"))
    if b"travis_fold:end:" in raw:
        return Marker("end")
    return None


def marker(text: str) -> Marker | None:
    """Classify a normalised line; None for ordinary output."""
    if not text:
        return None
    c = text[0]
    if c in "-+~":
        m = _BK_SECTION_RE.match(text)
        if m and not _NOT_SECTION_RE.match(text):
            head = m.group(1) or m.group(3)
            return Marker("section", (m.group(2) or "").strip(), collapsed=head == "~~~")
    elif c == "^":
        if _BK_REOPEN_RE.match(text):
            return Marker("reopen")
    elif c == "#":
        m = _GHA_GROUP_RE.match(text)
        if m:
            return Marker("section" if m.group(1) == "group" else "end", m.group(2).strip())
    if c == "#" or c == "E" or c == "T":
        m = _OTHER_EXIT_RE.match(text)
        if m:
            return Marker("exit", exit_status=int(m.group(1) or m.group(2) or m.group(3)))
    if "Error: The " in text or text.startswith("user command error"):
        m = _BK_EXIT_RE.match(text)
        if m:
            status = int(m.group(1)) if m.group(1) is not None else None
            return Marker("exit", exit_status=status)
        if _AGENT_RE.match(text):
            return Marker("agent")
    return None


class LineSplitter:
    """Incremental `\\n` splitter with a per-line byte cap.

    `feed` returns `(first_line_number, block, lines)`: `lines` are the complete raw lines of this
    feed (each at most `max_line_bytes`), `block` the bytes they came from when no line was cut
    (None otherwise), for callers that search the whole block at once.
    """

    def __init__(self, max_line_bytes: int = DEFAULT_MAX_LINE_BYTES) -> None:
        self.max_line_bytes = max_line_bytes
        self._partial = b""
        self._discarding = False  # inside an over-long line: drop bytes until the next `\n`
        self._next = 1

    def feed(self, data: bytes) -> tuple[int, bytes | None, list[bytes]]:
        first = self._next
        if self._discarding:
            nl = data.find(b"\n")
            if nl < 0:
                return first, None, []
            self._discarding = False
            data = data[nl:]  # the `\n` now ends the stored prefix
        cap = self.max_line_bytes
        end = data.rfind(b"\n")
        if end < 0:
            self._partial += data
            if len(self._partial) > cap:
                self._partial = self._partial[:cap]
                self._discarding = True
            return first, None, []
        block = self._partial + data[:end] if self._partial else data[:end]
        rest = data[end + 1 :]
        if len(rest) > cap:
            rest = rest[:cap]
            self._discarding = True
        self._partial = rest
        lines = block.split(b"\n")
        self._next += len(lines)
        if len(block) > cap and max(map(len, lines)) > cap:
            return first, None, [ln[:cap] for ln in lines]
        return first, block, lines

    def finish(self) -> tuple[int, list[bytes]]:
        """The last line when the log does not end with `\\n` (a final `\\n` starts no line)."""
        first = self._next
        if self._partial or self._discarding:
            line, self._partial, self._discarding = self._partial, b"", False
            self._next += 1
            return first, [line]
        return first, []


def iter_lines(data: bytes, max_line_bytes: int = DEFAULT_MAX_LINE_BYTES) -> list[tuple[int, str]]:
    """Every line of a whole log, normalised, with its raw line number (for tests and tools)."""
    sp = LineSplitter(max_line_bytes)
    first, _, lines = sp.feed(data)
    out = [(first + i, normalise(ln)) for i, ln in enumerate(lines)]
    first, lines = sp.finish()
    out += [(first + i, normalise(ln)) for i, ln in enumerate(lines)]
    return out
