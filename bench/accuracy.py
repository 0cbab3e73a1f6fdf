"""How well the analyser finds what a person would point at, over labelled logs.

Usage: python -m bench.accuracy [DIR ...] [--verbose]
(several DIRs: totals per DIR, then a combined total)
Default dirs: ../shared/data/logs and bench/corpus. Each sample is DIR/<name>/{log.txt,expect.json}:
`keys` (strings a good triage shows), `category`, `exit_status`, optional `cause_lines` (1-based
raw line numbers a human labelled as the cause).

Per log: are all keys in the cards (title, tests or lines), all in the top card, is the top card's
category right; with cause_lines: do the shown lines include any / all of them, line precision and
recall. Prints a table and totals; exit status 0 always (it measures, it does not judge).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.analysis import analyse  # noqa: E402
from core.models import TriageCard  # noqa: E402
from core.rules import load_rules  # noqa: E402

DEFAULT_DIRS = [ROOT.parent / "shared" / "data" / "logs", ROOT / "bench" / "corpus"]


def _card_text(c: TriageCard) -> str:
    return "\n".join([c.title, *c.tests, *(ln.text for ln in c.lines)])


@dataclass
class Result:
    name: str
    keys_all: bool
    keys_top: bool
    category_ok: bool
    category: str
    expected_category: str
    any_cause: bool | None = None
    all_cause: bool | None = None
    shown: int = 0
    hit: int = 0
    cause: int = 0


def _fold(s: str) -> str:
    # Samples may spell quotes in ASCII where a tool printed typographic ones.
    return s.translate(str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'}))


def evaluate(sample: Path, rules: object) -> Result:
    exp = json.loads((sample / "expect.json").read_text())
    cards = analyse((sample / "log.txt").read_bytes(), rules, exit_status=exp.get("exit_status"))  # type: ignore[arg-type]
    texts = [_fold(_card_text(c)) for c in cards]
    keys = [_fold(k) for k in exp.get("keys", [])]
    everything = "\n".join(texts)
    top = texts[0] if texts else ""
    cat = cards[0].category.value if cards else "-"
    r = Result(
        name=sample.name,
        keys_all=all(k in everything for k in keys),
        keys_top=all(k in top for k in keys),
        category_ok=cat == exp.get("category"),
        category=cat,
        expected_category=exp.get("category", "?"),
    )
    if "cause_lines" in exp:
        cause = set(exp["cause_lines"])
        shown = {ln.number for c in cards for ln in c.lines}
        r.any_cause = bool(cause & shown)
        r.all_cause = cause <= shown
        r.shown, r.hit, r.cause = len(shown), len(cause & shown), len(cause)
    return r


def _totals(label: str, results: list[Result]) -> None:
    n = len(results)
    labelled = [r for r in results if r.any_cause is not None]
    shown = sum(r.shown for r in labelled)
    hit = sum(r.hit for r in labelled)
    cause = sum(r.cause for r in labelled)
    print()
    print(f"== {label}")
    print(f"logs: {n}")
    print(f"all keys in cards:    {sum(r.keys_all for r in results)}/{n}")
    print(f"all keys in top card: {sum(r.keys_top for r in results)}/{n}")
    print(f"top category right:   {sum(r.category_ok for r in results)}/{n}")
    if labelled:
        m = len(labelled)
        print(f"labelled logs: {m}")
        print(f"shown lines include any cause line: {sum(bool(r.any_cause) for r in labelled)}/{m}")
        print(f"shown lines include all cause lines: {sum(bool(r.all_cause) for r in labelled)}/{m}")
        print(
            f"line precision (micro): {hit / shown if shown else 0:.3f}   "
            f"recall (micro): {hit / cause if cause else 0:.3f}"
        )
        mp = sum(r.hit / r.shown for r in labelled if r.shown) / m
        mr = sum(r.hit / r.cause for r in labelled if r.cause) / m
        print(f"line precision (macro): {mp:.3f}   recall (macro): {mr:.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="*", type=Path)
    ap.add_argument("--verbose", "-v", action="store_true", help="print the cards of every miss")
    args = ap.parse_args(argv)
    rules = load_rules()
    samples = sorted(
        p
        for d in (args.dirs or DEFAULT_DIRS)
        if d.is_dir()
        for p in d.iterdir()
        if (p / "expect.json").is_file()
    )
    results = [evaluate(s, rules) for s in samples]
    yes = {True: "yes", False: "NO", None: "-"}
    print(
        f"{'sample':40} {'keys':>5} {'top':>5} {'cat':>5} {'any':>5} {'all':>5} {'P':>5} {'R':>5}  category"
    )
    for r in results:
        p = f"{r.hit / r.shown:.2f}" if r.shown else "-"
        rc = f"{r.hit / r.cause:.2f}" if r.cause else "-"
        cat = r.category if r.category_ok else f"{r.category} (want {r.expected_category})"
        print(
            f"{r.name[:40]:40} {yes[r.keys_all]:>5} {yes[r.keys_top]:>5} {yes[r.category_ok]:>5} "
            f"{yes[r.any_cause]:>5} {yes[r.all_cause]:>5} {p:>5} {rc:>5}  {cat}"
        )
        if args.verbose and not (r.keys_all and r.keys_top and r.category_ok and r.all_cause is not False):
            exp = json.loads((samples[results.index(r)] / "expect.json").read_text())
            print(f"    expected {exp}")
            for c in analyse(
                (samples[results.index(r)] / "log.txt").read_bytes(),
                rules,
                exit_status=exp.get("exit_status"),
            ):
                print(f"    #{c.rank} {c.rule}: {c.title}")
                for ln in c.lines:
                    print(f"        {ln.number:5} {ln.text[:120]}")
    if not results:
        print("no samples found")
        return 0
    groups: dict[Path, list[Result]] = {}
    for s, r in zip(samples, results, strict=True):
        groups.setdefault(s.parent, []).append(r)
    for d, rs in groups.items():
        _totals(f"{d}", rs)
    if len(groups) > 1:
        _totals("combined", results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
