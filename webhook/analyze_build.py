"""`destill analyze BUILD_URL [--post]`: triage one build through the REST API from a terminal.

The same `core.triage.triage_build` the worker runs; progress per job goes to stderr, the triage
to stdout in the chosen format, and `--post` posts the annotation exactly as the service would.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path

import httpx

from core.annotation import compose
from core.buildkite import BuildkiteClient, BuildkiteError, NotFound, Unauthorized
from core.errors import RetryLater
from core.models import BuildRef, TriageReport
from core.rules import RuleError, RuleSet, load_rules
from core.triage import Progress, TriageOptions, triage_build
from webhook.settings import Settings, SettingsError, load_settings


def _fail(message: str, code: int = 1) -> int:
    print(f"destill analyze: {message}", file=sys.stderr)
    return code


def run_build(args: argparse.Namespace) -> int:
    try:
        ref = BuildRef.from_web_url(args.build_url)
    except ValueError as e:
        return _fail(f"{args.build_url!r} is not a build URL: {e}", 2)
    try:
        settings = load_settings("analyze-build")
    except SettingsError as e:
        return _fail(str(e), 2)
    extra = getattr(args, "rules", None)
    try:
        rules = load_rules(Path(extra) if extra else settings.destill_rules_file)
    except (OSError, RuleError) as e:
        return _fail(f"cannot load rules: {e}", 2)

    def progress(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    try:
        report = asyncio.run(_triage(settings, ref, rules, post=bool(args.post), progress=progress))
    except Unauthorized as e:
        return _fail(str(e))
    except NotFound:
        return _fail(
            f"build {ref.web_url} not found: check the URL, and that the token's owner can see "
            "that pipeline (organisation access, read_builds scope)"
        )
    except RetryLater as e:
        return _fail(f"{e.reason}; run this again when the build has finished")
    except (BuildkiteError, httpx.TransportError) as e:
        return _fail(f"Buildkite API error: {e}")

    from webhook.analyze import render_markdown, render_text

    fmt = getattr(args, "format", "text") or "text"
    if fmt == "json":
        sys.stdout.write(json.dumps(report.to_json(), indent=2, ensure_ascii=False) + "\n")
    elif fmt == "markdown":
        sys.stdout.write(render_markdown(report))
    else:
        sys.stdout.write(_header(report) + render_text(report, colour=sys.stdout.isatty()))
    return 0


def _header(report: TriageReport) -> str:
    lines = []
    if report.build:
        lines.append(f"{report.build.url} ({report.build.state})")
    lines += [f"flaky, passed on retry: {job.name or job.job_id}" for job in report.flaky]
    return "\n".join(lines) + "\n\n" if lines else ""


async def _triage(
    settings: Settings, ref: BuildRef, rules: RuleSet, *, post: bool, progress: Progress
) -> TriageReport:
    from webhook.pipeline import make_client

    options = TriageOptions(max_lines=settings.destill_max_lines, tail_bytes=settings.destill_max_log_bytes)
    async with httpx.AsyncClient(timeout=httpx.Timeout(30.0, connect=10.0)) as http:
        client: BuildkiteClient = make_client(settings, http)
        report = await triage_build(client, ref, rules, options, progress=progress)
        if post:
            annotation = compose(report)
            await client.create_annotation(
                ref, annotation.body, context=annotation.context, style=annotation.style
            )
            print(f"posted the annotation to {ref.web_url}", file=sys.stderr)
    return report
