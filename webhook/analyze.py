"""The body of `destill analyze`: triage one raw log offline (`--log FILE|-`), print it.

The BUILD_URL path (fetch the build through the API, optionally `--post`) is the lead's: see
`_analyze_build`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import IO

from core.analysis import Analyser
from core.models import JobTriage, TriageCard, TriageReport
from core.rules import RuleError, load_rules

CHUNK = 1 << 16


def run(args: argparse.Namespace) -> int:
    """0 when the analysis ran (whatever it found), 2 for usage errors."""
    if getattr(args, "build_url", None):
        return _analyze_build(args)
    log = getattr(args, "log", None)
    if not log:
        print("destill analyze: give --log FILE (or - for stdin)", file=sys.stderr)
        return 2
    extra = getattr(args, "rules", None)
    try:
        rules = load_rules(Path(extra) if extra else None)
    except (OSError, RuleError) as e:
        print(f"destill analyze: cannot load rules: {e}", file=sys.stderr)
        return 2
    analyser = Analyser(rules, exit_status=getattr(args, "exit_status", None))
    try:
        if log == "-":
            _pump(sys.stdin.buffer, analyser)
        else:
            with open(log, "rb") as f:
                _pump(f, analyser)
    except OSError as e:
        print(f"destill analyze: cannot read {log}: {e.strerror or e}", file=sys.stderr)
        return 2
    report = TriageReport(build=None, jobs=[JobTriage(cards=analyser.finish())])
    fmt = getattr(args, "format", "text") or "text"
    out = sys.stdout
    if fmt == "json":
        out.write(json.dumps(report.to_json(), indent=2, ensure_ascii=False) + "\n")
    elif fmt == "markdown":
        out.write(render_markdown(report))
    else:
        out.write(render_text(report, colour=out.isatty()))
    return 0


def _analyze_build(args: argparse.Namespace) -> int:
    """Triage a build through the REST API (BUILD_URL [--post]): see webhook/analyze_build.py."""
    from webhook.analyze_build import run_build

    return run_build(args)


def _pump(src: IO[bytes], analyser: Analyser) -> None:
    while chunk := src.read(CHUNK):
        analyser.feed(chunk)


def render_markdown(report: TriageReport) -> str:
    try:
        from core.annotation import render  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return _markdown_fallback(report)
    text: str = render(report)
    return text if text.endswith("\n") else text + "\n"


def _markdown_fallback(report: TriageReport) -> str:
    out = []
    for job in report.jobs:
        for c in job.cards:
            out.append(f"### {c.rank}. {c.title}\n\n`{c.rule}` · {c.category.value}\n")
            if c.tests:
                out.append("Tests: " + ", ".join(f"`{t}`" for t in c.tests) + "\n")
            width = len(str(max((ln.number for ln in c.lines), default=0)))
            body = "\n".join(f"{ln.number:>{width}}  {ln.text}" for ln in c.lines).replace("```", "` ` `")
            out.append(f"```\n{body}\n```\n")
    return "\n".join(out) if out else "No failures found.\n"


def _card_text(c: TriageCard, colour: bool) -> list[str]:
    bold, dim, red, reset = ("\x1b[1m", "\x1b[2m", "\x1b[31m", "\x1b[0m") if colour else ("",) * 4
    lines = [
        f"{bold}{c.rank}. [{c.category.value}] {c.title}{reset}",
        f"   {dim}rule {c.rule}  fingerprint {c.fingerprint}{reset}",
    ]
    if c.tests:
        lines.append("   tests: " + ", ".join(c.tests))
    width = len(str(max((ln.number for ln in c.lines), default=0)))
    for ln in c.lines:
        # Log text is hostile: never let it drive the terminal.
        safe = "".join(ch if ch.isprintable() or ch == "\t" else "?" for ch in ln.text)
        lines.append(f"   {dim}{ln.number:>{width}}{reset} {red if colour else ''}{safe}{reset}")
    return lines


def render_text(report: TriageReport, *, colour: bool = False) -> str:
    out: list[str] = []
    for job in report.jobs:
        if job.name:
            out.append(job.name)
        if not job.cards:
            out.append("No failures found.")
        for c in job.cards:
            out.extend(_card_text(c, colour))
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
