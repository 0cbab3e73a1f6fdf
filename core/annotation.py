"""Render a TriageReport as the Buildkite annotation body: what failed, in five seconds.

The body is Markdown whose sections are raw HTML blocks (`<details>`, `<pre><code>`, `<a>`:
Buildkite's allow-list, BUILDKITE.md §4). Inside an HTML block CommonMark parses no Markdown,
so every piece of log-derived text only has to be HTML-escaped, and the blocks are built so that
no line inside them is blank (a blank line would end the block): excerpt lines always carry
their line number. Log text is redacted before it is escaped.

Buildkite refuses bodies over 1 MiB (in bytes), so `render` fits the body to `limit` by
degrading in steps: shorter excerpts, then titles only for the later findings, then
"and N more findings". The output is a pure function of the report: same report, same bytes.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import quote

from core.models import Category, FlakyJob, JobTriage, Line, TriageReport
from core.redact import redact, redact_lines
from core.report import Finding, failed_jobs, group, plural, summary, trigger_jobs, unexplained_jobs

LIMIT = 1_048_576  # Buildkite's annotation body limit, bytes
CONTEXT = "destill"

LABEL: dict[Category, str] = {
    Category.TEST: "Test failure",
    Category.COMPILE: "Compile error",
    Category.LINT: "Lint error",
    Category.DEPENDENCY: "Dependency error",
    Category.RUNTIME: "Runtime error",
    Category.INFRASTRUCTURE: "Infrastructure",
    Category.TIMEOUT: "Timeout",
    Category.RESOURCE: "Out of resources",
    Category.CRASH: "Crash",
    Category.CONFIG: "Configuration error",
    Category.UNKNOWN: "Failure",
}


@dataclass(frozen=True)
class Detail:
    """How much of a finding to show. `lines=None`: the whole excerpt; `0`: title only."""

    lines: int | None
    line_chars: int
    title_chars: int
    tests: int
    jobs: int


FULL = Detail(lines=None, line_chars=500, title_chars=300, tests=50, jobs=30)
SHORT = Detail(lines=8, line_chars=200, title_chars=200, tests=10, jobs=10)
TITLE = Detail(lines=0, line_chars=0, title_chars=160, tests=0, jobs=0)
OPEN_FINDINGS = 3  # the first findings are expanded; the rest are one click away
MAX_FINDINGS = 50  # past this a reader wants the logs, not a longer annotation
MAX_LISTED = 30  # flaky jobs, triggers, unexplained jobs listed by name


@dataclass(frozen=True)
class Annotation:
    """What to POST: body, style and context."""

    body: str
    style: str
    context: str = CONTEXT


# --- text safety ---------------------------------------------------------------------------

# Control characters become their visible "control pictures" (ESC shows as ␛); surrogates (not
# encodable) and bidi overrides (which can make text read differently from what it is) become �.
_UNSAFE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f\x85\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _visible(m: re.Match[str]) -> str:
    c = m.group(0)
    if c < "\x20":
        return chr(0x2400 + ord(c))
    if c == "\x7f":
        return "\u2421"
    return "\ufffd"


def clean(text: str) -> str:
    """One line of printable text: no control characters, newlines, surrogates or bidi tricks."""
    return _UNSAFE.sub(_visible, text)


# HTML's specials, and in text outside `<pre>` also the characters Markdown would act on if a
# renderer ever parsed inside our blocks: code spans, links and images, tables, mentions,
# headings, escapes. One table, one pass: nothing is escaped twice.
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "`": "&#96;"}
_PRE = str.maketrans(_HTML)
_MARKDOWN = {"[": "&#91;", "]": "&#93;", "|": "&#124;", "@": "&#64;", "#": "&#35;", "\\": "&#92;"}
_EMPHASIS = {"*": "&#42;", "_": "&#95;", "~": "&#126;"}
_TEXT = str.maketrans({**_HTML, **_MARKDOWN, **_EMPHASIS})


def esc(text: str) -> str:
    """Untrusted text for an HTML or Markdown context (titles, test and job names)."""
    return clean(text).translate(_TEXT)


def esc_pre(text: str) -> str:
    """Untrusted text inside `<pre><code>`: every HTML special escaped, backticks too."""
    return clean(text).translate(_PRE)


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: max(limit - 1, 0)] + "…"


_SAFE_URL = re.compile(r"^https?://[^\s\"'<>`\x00-\x1f\x7f]{1,2000}$")


def safe_url(url: str | None) -> str | None:
    return url if url and _SAFE_URL.match(url) else None


def link(url: str | None, text_html: str) -> str:
    url = safe_url(url)
    return f'<a href="{html.escape(url, quote=True)}">{text_html}</a>' if url else text_html


# --- jobs and links ------------------------------------------------------------------------


def job_label(job: JobTriage | FlakyJob) -> str:
    name = job.name or job.step_key or (f"job {job.job_id[:8]}" if job.job_id else "job")
    index = getattr(job, "parallel_group_index", None)
    return f"{name} #{index + 1}" if index is not None else name


def job_url(report: TriageReport, job: JobTriage | FlakyJob) -> str | None:
    if safe_url(job.web_url):
        return job.web_url
    if report.build and job.job_id and safe_url(report.build.url):
        return f"{report.build.url}#{quote(job.job_id, safe='-')}"
    return None


def lines_url(report: TriageReport, job: JobTriage, lines: Sequence[Line]) -> str | None:
    """The job page anchored on the excerpt's lines: `<build>#<job-uuid>/<start>-<end>`."""
    url = job_url(report, job)
    if url is None or "#" not in url or not lines or job.lines_from_tail:
        return None  # a tail's line numbers are not the log's: no anchor rather than a wrong one
    start, end = min(ln.number for ln in lines), max(ln.number for ln in lines)
    return f"{url}/{start}" if start == end else f"{url}/{start}-{end}"


def build_link(report: TriageReport, number: int) -> str:
    """`#N` linked to build N of the same pipeline."""
    base = report.build.url if report.build else ""
    suffix = f"/builds/{report.build.number}" if report.build else ""
    url = f"{base[: -len(suffix)]}/builds/{number}" if suffix and base.endswith(suffix) else None
    return link(url, f"#{number}")


def history_line(report: TriageReport, fingerprint: str) -> str | None:
    """ "Seen before in #41, #40 (3 earlier builds) · passed on retry in #40: looks flaky"."""
    history = report.history.get(fingerprint)
    if history is None or not history.seen_in:
        return None
    builds = ", ".join(build_link(report, n) for n in history.seen_in)
    more = (
        f" ({plural(history.seen_count, 'earlier build')})"
        if history.seen_count > len(history.seen_in)
        else ""
    )
    line = f"<strong>Seen before</strong> in {builds}{more}"
    if history.passed_on_retry_in:
        retried = ", ".join(build_link(report, n) for n in history.passed_on_retry_in)
        line += f" · passed on retry in {retried}: <strong>looks flaky</strong>"
    return line


def job_link(report: TriageReport, job: JobTriage | FlakyJob) -> str:
    return link(job_url(report, job), esc(redact(job_label(job))))


def _join_links(report: TriageReport, jobs: Sequence[JobTriage | FlakyJob], cap: int) -> str:
    shown = ", ".join(job_link(report, j) for j in jobs[:cap])
    rest = len(jobs) - cap
    return f"{shown} and {rest} more" if rest > 0 else shown


def _other_jobs(report: TriageReport, finding: Finding, cap: int) -> str:
    """Other jobs, shards of the representative's step shown by number only (`#2 #3`)."""
    others = finding.others
    rep_name = finding.job.name
    parts: list[str] = []
    for job in others[:cap]:
        if job.name == rep_name and job.parallel_group_index is not None:
            parts.append(link(job_url(report, job), f"&#35;{job.parallel_group_index + 1}"))
        else:
            parts.append(job_link(report, job))
    rest = len(others) - cap
    text = ", ".join(parts)
    return f"{text} and {rest} more" if rest > 0 else text


# --- blocks --------------------------------------------------------------------------------


def _excerpt(lines: Sequence[Line], detail: Detail) -> list[tuple[int | None, str]]:
    """The lines to show, as (number, text); None marks a gap ("⋮")."""
    texts = redact_lines(ln.text for ln in lines)
    rows = [(ln.number, shorten(t, detail.line_chars)) for ln, t in zip(lines, texts, strict=True)]
    keep = detail.lines
    if keep is not None and len(rows) > keep:
        head = (keep + 1) // 2
        rows = rows[:head] + rows[len(rows) - (keep - head) :] if keep > head else rows[:head]
    out: list[tuple[int | None, str]] = []
    prev: int | None = None
    for number, text in rows:
        if prev is not None and number != prev + 1:
            out.append((None, ""))
        out.append((number, text))
        prev = number
    return out


def pre(lines: Sequence[Line], detail: Detail) -> str:
    """`<pre><code>` with a line-number gutter: never a blank line, so the HTML block holds."""
    rows = _excerpt(lines, detail)
    width = max((len(str(n)) for n, _ in rows if n is not None), default=1)
    body = "\n".join(
        f"{'⋮':>{width}}" if n is None else f"{n:>{width}}  {esc_pre(t)}".rstrip() for n, t in rows
    )
    return f"<pre><code>{body}</code></pre>"


def _tests(tests: Sequence[str], cap: int) -> str:
    shown = ", ".join(f"<code>{esc(shorten(redact(t), 200))}</code>" for t in tests[:cap])
    rest = len(tests) - cap
    more = f" and {rest} more" if rest > 0 else ""
    return f"<p>{plural(len(tests), 'failing test')}: {shown}{more}</p>"


def _notes(report: TriageReport, jobs: Sequence[JobTriage], cap: int = 5) -> list[str]:
    """How the jobs were read ("log read from its last 64 MiB"), each note once with its jobs."""
    by_note: dict[str, list[JobTriage]] = {}
    for job in jobs:
        for note in dict.fromkeys(job.notes):
            by_note.setdefault(note, []).append(job)
    out = []
    for note, noted in list(by_note.items())[:cap]:
        text = esc(shorten(redact(note), 300))
        which = f" ({_join_links(report, noted, 5)})" if len(jobs) > 1 else ""
        out.append(f"<p><em>Note</em>: {text}{which}</p>")
    if len(by_note) > cap:
        out.append(f"<p><em>and {plural(len(by_note) - cap, 'more note')}</em></p>")
    return out


def _heading(finding: Finding, detail: Detail) -> str:
    title = esc(shorten(redact(finding.card.title), detail.title_chars))
    label = LABEL.get(finding.category, "Failure")
    return f"<strong>{label}</strong> · {title}"


def _where_short(finding: Finding) -> str:
    """Which jobs, in a few words for the one-line summary: `Unit tests`, `Unit tests ×20`."""
    jobs = finding.jobs
    if len(jobs) == 1:
        return esc(redact(job_label(finding.job)))
    if all(j.name == finding.job.name for j in jobs) and finding.job.name:
        return f"{esc(redact(finding.job.name))} ×{len(jobs)}"
    return f"{esc(redact(job_label(finding.job)))} +{plural(len(jobs) - 1, 'other job')}"


def finding_block(report: TriageReport, finding: Finding, detail: Detail, *, open_: bool = False) -> str:
    """One finding: a `<details>` with the jobs, the excerpt, the tests and the job notes; or,
    at `TITLE` detail, one line."""
    heading = _heading(finding, detail)
    if detail.lines == 0:
        others = len(finding.others)
        also = f" and {plural(others, 'other job')}" if others else ""
        return f"<p>{heading} · in {job_link(report, finding.job)}{also}</p>"

    card, job = finding.card, finding.job
    where = f"In {job_link(report, job)}"
    where_lines = lines_url(report, job, card.lines)
    if where_lines:
        first, last = min(ln.number for ln in card.lines), max(ln.number for ln in card.lines)
        span = f"line {first}" if first == last else f"lines {first}–{last}"
        where += f" · {link(where_lines, span)}"
    if finding.others:
        also_in = _other_jobs(report, finding, detail.jobs)
        where += f" · also in {plural(len(finding.others), 'other job')}: {also_in}"
    parts = [
        f"<details{' open' if open_ else ''}>",
        f"<summary>{heading} · <em>{_where_short(finding)}</em></summary>",
        f"<p>{where}</p>",
    ]
    seen = history_line(report, card.fingerprint)
    if seen:
        parts.append(f"<p>{seen}</p>")
    if card.lines:
        parts.append(pre(card.lines, detail))
    if finding.tests and detail.tests:
        parts.append(_tests(finding.tests, detail.tests))
    parts.extend(_notes(report, finding.jobs))
    parts.append("</details>")
    return "\n".join(parts)


def _exit(job: JobTriage) -> str:
    return f" (exit status {job.exit_status})" if job.exit_status is not None else ""


def unexplained_block(report: TriageReport, jobs: Sequence[JobTriage], compact: bool) -> str | None:
    if not jobs:
        return None
    cap = 10 if compact else MAX_LISTED
    items = [f"{job_link(report, j)}{_exit(j)}" for j in jobs[:cap]]
    more = f" and {len(jobs) - cap} more" if len(jobs) > cap else ""
    parts = [f"<p><strong>No known failure pattern</strong> in {', '.join(items)}{more}: see the log.</p>"]
    if not compact:
        parts.extend(_notes(report, jobs))
    return "\n".join(parts)


def trigger_block(report: TriageReport, jobs: Sequence[JobTriage], compact: bool) -> str | None:
    if not jobs:
        return None
    cap = 5 if compact else MAX_LISTED
    items = [f"{job_link(report, j)} → {link(j.triggered_build_url, 'child build')}" for j in jobs[:cap]]
    more = f" and {len(jobs) - cap} more" if len(jobs) > cap else ""
    return f"<p><strong>{plural(len(jobs), 'trigger step')} failed</strong>: {', '.join(items)}{more}</p>"


def flaky_block(report: TriageReport, compact: bool) -> str | None:
    if not report.flaky:
        return None
    cap = 10 if compact else MAX_LISTED
    return f"<p><strong>Flaky</strong>, passed on retry: {_join_links(report, report.flaky, cap)}</p>"


def soft_block(report: TriageReport, soft: Sequence[Finding], compact: bool) -> str | None:
    """Soft-failed jobs did not fail the build: listed apart, collapsed."""
    jobs = [j for j in report.jobs if j.soft_failed]
    if not jobs:
        return None
    parts = [
        "<details>",
        f"<summary><strong>{plural(len(jobs), 'soft-failed job')}</strong> (allowed to fail)</summary>",
    ]
    cap = 5 if compact else 20
    for finding in soft[:cap]:
        others = len(finding.others)
        also = f" and {plural(others, 'other job')}" if others else ""
        parts.append(f"<p>{_heading(finding, TITLE)} · in {job_link(report, finding.job)}{also}</p>")
        if not compact and finding.card.lines:
            parts.append(pre(finding.card.lines, SHORT))
    if len(soft) > cap:
        parts.append(f"<p>and {plural(len(soft) - cap, 'more finding')}</p>")
    quiet = unexplained_jobs(report, soft=True)
    if quiet:
        parts.append(f"<p>No known failure pattern in {_join_links(report, quiet, cap)}</p>")
    parts.append("</details>")
    return "\n".join(parts)


# --- fitting -------------------------------------------------------------------------------


def _size(block: str) -> int:
    return len(block.encode("utf-8")) + 2  # plus the blank line that separates blocks


def _assemble(blocks: Iterable[str | None]) -> str:
    return "\n\n".join(b for b in blocks if b) + "\n"


def _fallback(text: str, limit: int) -> str:
    """The last resort: the summary alone, cut to fit (an empty body if not even that fits)."""
    for end in range(len(text), -1, -1):
        body = f"<p><strong>{esc(shorten(text, end) if end < len(text) else text)}</strong></p>\n"
        if len(body.encode("utf-8")) <= limit:
            return body
    return ""


def _more(n: int) -> str:
    return f"<p>… and {plural(n, 'more finding')}: see the job logs.</p>"


def _top_line(report: TriageReport, findings: list[Finding]) -> str:
    head, sep, rest = summary(report, findings).partition(": ")
    return f"<p><strong>{esc(head)}</strong>{sep}{esc(rest)}</p>"


def render(report: TriageReport, *, limit: int = LIMIT) -> str:
    """The annotation body for a failed build, never more than `limit` UTF-8 bytes."""
    findings = group(report)
    hard = [f for f in findings if not f.soft_failed]
    soft = [f for f in findings if f.soft_failed]
    overflow = max(len(hard) - MAX_FINDINGS, 0)
    hard = hard[:MAX_FINDINGS]
    top = _top_line(report, findings)

    unexplained = unexplained_jobs(report)
    triggers = [j for j in trigger_jobs(report) if not j.soft_failed]

    def tails(compact: bool) -> list[str]:
        return [
            b
            for b in (
                unexplained_block(report, unexplained, compact),
                trigger_block(report, triggers, compact),
                flaky_block(report, compact),
                soft_block(report, soft, compact),
            )
            if b
        ]

    def fits(blocks: Sequence[str]) -> str | None:
        body = _assemble(blocks)
        return body if len(body.encode("utf-8")) <= limit else None

    more = [_more(overflow)] if overflow else []
    blocks = {
        detail: [finding_block(report, f, detail, open_=i < OPEN_FINDINGS) for i, f in enumerate(hard)]
        for detail in (FULL, SHORT, TITLE)
    }
    sizes = {detail: [_size(b) for b in bs] for detail, bs in blocks.items()}
    compact_tails = tails(compact=True)

    # Degrade from the bottom up: the first k findings at the richer detail, the rest at the
    # poorer one, for the largest k that fits: whole excerpts, then short, then titles only.
    for rich, poor, tail in ((FULL, SHORT, tails(compact=False)), (SHORT, TITLE, compact_tails)):
        budget = limit - _size(top) - sum(map(_size, [*more, *tail]))
        used = sum(sizes[poor])
        if used > budget:
            continue
        k = 0
        while k < len(hard) and used - sizes[poor][k] + sizes[rich][k] <= budget:
            used += sizes[rich][k] - sizes[poor][k]
            k += 1
        if body := fits([top, *blocks[rich][:k], *blocks[poor][k:], *more, *tail]):
            return body

    titles, title_sizes = blocks[TITLE], sizes[TITLE]
    # Titles for as many findings as fit, then "and N more"; with the tails, then without.
    for tail in (compact_tails, []):
        room = limit - _size(top) - sum(map(_size, tail)) - _size(_more(len(findings)))
        m, used = 0, 0
        while m < len(hard) and used + title_sizes[m] <= room:
            used += title_sizes[m]
            m += 1
        rest = len(hard) - m + overflow
        if body := fits([top, *titles[:m], *([_more(rest)] if rest else []), *tail]):
            return body
    return _fallback(summary(report, findings), limit)


def is_passed(report: TriageReport) -> bool:
    """The build passed (maybe after retries): nothing failed it."""
    state = report.build.state if report.build else None
    if state is not None:
        return state == "passed"
    return not failed_jobs(report)


def style_for(report: TriageReport) -> str:
    """Buildkite annotation style: `success` for a passed build, `error` otherwise."""
    return "success" if is_passed(report) else "error"


def render_passed(report: TriageReport, *, limit: int = LIMIT) -> str:
    """The short note that replaces ours when the build passed after retries."""
    flaky = report.flaky
    if flaky:
        jobs = _join_links(report, flaky, MAX_LISTED)
        body = f"<p><strong>Passed after retries</strong> · {plural(len(flaky), 'flaky job')}: {jobs}</p>\n"
    else:
        body = "<p><strong>Passed</strong> · nothing failed the build</p>\n"
    soft = [j for j in report.jobs if j.soft_failed]
    if soft:
        body += f"\n<p>{plural(len(soft), 'soft-failed job')}: {_join_links(report, soft, 10)}</p>\n"
    if len(body.encode("utf-8")) > limit:
        body = _fallback(f"Passed after retries · {plural(len(flaky), 'flaky job')}", limit)
    return body


def compose(report: TriageReport, *, limit: int = LIMIT) -> Annotation:
    """The annotation to post for this report: the triage, or the success note."""
    if is_passed(report):
        return Annotation(render_passed(report, limit=limit), "success")
    return Annotation(render(report, limit=limit), "error")
