"""Render the README's example annotation: docs/annotation-example.md and docs/annotation.png.

Analyses the sample logs in ../shared/data/logs as the jobs of one made-up build, renders the
annotation, turns the Markdown into HTML the way Buildkite would (CommonMark + tables, HTML
allowed), wraps it in a page styled roughly like Buildkite's annotation box, and screenshots it
with headless Chromium. Not run in CI:

    .venv/bin/python docs/render_example.py [--chromium /usr/bin/chromium] [--logs DIR]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from markdown_it import MarkdownIt

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.analysis import analyse  # noqa: E402
from core.annotation import compose  # noqa: E402
from core.models import BuildInfo, FlakyJob, JobTriage, TriageReport  # noqa: E402
from core.rules import load_rules  # noqa: E402

BUILD_URL = "https://buildkite.com/acme/widgets/builds/4211"

# (sample log, step name, step key, parallel index, soft-failed, exit status). Plain step names:
# Buildkite would draw `:emoji:` shortcodes as images, which this page cannot.
JOBS = [
    ("pytest-three-failures", "Unit tests", "unit", 0, False, 1),
    ("pytest-three-failures", "Unit tests", "unit", 2, False, 1),
    ("gcc-undefined-reference", "Native extension", "native", None, False, 1),
    ("rustc-borrow", "Cargo build", "cargo", None, False, 101),
    ("node-assert", "Web tests", "web", None, False, 1),
    ("shell-silent-exit", "Release checks", "release-checks", None, True, 1),
]


def job_id(i: int) -> str:
    return f"0192f3a4-5b6c-4d7e-8f90-a1b2c3d4e5{i:02x}"


def example_report(logs: Path) -> TriageReport:
    rules = load_rules()
    jobs = []
    for i, (sample, name, key, index, soft, status) in enumerate(JOBS):
        cards = analyse((logs / sample / "log.txt").read_bytes(), rules, exit_status=status)
        jobs.append(
            JobTriage(
                job_id=job_id(i),
                name=name,
                step_key=key,
                state="failed",
                exit_status=status,
                cards=cards,
                web_url=f"{BUILD_URL}#{job_id(i)}",
                soft_failed=soft,
                parallel_group_index=index,
            )
        )
    flaky = [
        FlakyJob(job_id=job_id(99), name="E2E (Cypress)", step_key="e2e", web_url=f"{BUILD_URL}#{job_id(99)}")
    ]
    build = BuildInfo(org="acme", pipeline="widgets", number=4211, url=BUILD_URL, state="failed")
    return TriageReport(build=build, jobs=jobs, flaky=flaky)


# Roughly Buildkite's build page: a light page, an annotation card with a coloured left edge.
PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>destill annotation</title>
<style>
  body {{ margin: 0; padding: 24px; background: #f4f5f7; color: #111;
         font: 14px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }}
  .annotation {{ display: flex; background: #fff; border: 1px solid #e2e2e2; border-left: 4px solid #e14b4b;
                 border-radius: 4px; padding: 14px 18px 10px 14px; max-width: 1040px; }}
  .icon {{ flex: none; width: 20px; height: 20px; border-radius: 50%; background: #e14b4b; color: #fff;
           font-weight: 700; font-size: 13px; line-height: 20px; text-align: center; margin: 1px 12px 0 0; }}
  .body {{ flex: 1; min-width: 0; }}
  .body > :first-child {{ margin-top: 0; }}
  .body p {{ margin: 6px 0; }}
  .body a {{ color: #1d6ad8; text-decoration: none; }}
  details {{ border-top: 1px solid #eee; padding: 6px 0 2px; }}
  summary {{ cursor: pointer; font-size: 14px; }}
  pre {{ background: #f6f7f8; border: 1px solid #e6e6e6; border-radius: 3px; padding: 8px 10px;
         overflow-x: auto; margin: 6px 0; line-height: 1.35; font-size: 12px; }}
  code {{ font: 12px/1.35 "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; }}
  p code {{ background: #f3f3f3; padding: 1px 4px; border-radius: 3px; }}
</style></head>
<body><div class="annotation"><div class="icon">✕</div><div class="body">
{body}
</div></div></body></html>
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    parser.add_argument("--logs", type=Path, default=ROOT.parent / "shared" / "data" / "logs")
    parser.add_argument("--width", type=int, default=1100)
    parser.add_argument("--height", type=int, default=1115)
    args = parser.parse_args(argv)

    docs = ROOT / "docs"
    annotation = compose(example_report(args.logs))
    (docs / "annotation-example.md").write_text(annotation.body, encoding="utf-8")
    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(annotation.body)
    page = docs / "annotation-example.html"
    page.write_text(PAGE.format(body=html), encoding="utf-8")

    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                args.chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                f"--user-data-dir={profile}",
                f"--screenshot={docs / 'annotation.png'}",
                f"--window-size={args.width},{args.height}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    page.unlink()
    size = len(annotation.body.encode())
    print(f"wrote {docs / 'annotation-example.md'} ({size} bytes) and {docs / 'annotation.png'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
