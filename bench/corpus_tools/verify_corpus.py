"""Check labelled corpora: every cause line exists and is neither blank, a separator nor a CI
wrapper line; every key occurs in the log; the category is one of destill's.

    python3 bench/corpus_tools/verify_corpus.py bench/holdout bench/holdout2 ...
"""

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import wrap

SEP = re.compile(r"^[\s=\-_~*#.+|^]*$")
WRAP = ("🚨", "##[error]", "ERROR: Job failed", "exited with", "user command error", "^^^ +++")
CATEGORIES = {
    "test", "compile", "lint", "dependency", "runtime", "infrastructure",
    "timeout", "resource", "crash", "config", "unknown",
}  # fmt: skip


def check(corpus: Path) -> int:
    bad = 0
    cats: dict[str, int] = {}
    for d in sorted(p for p in corpus.iterdir() if p.is_dir()):
        e = json.loads((d / "expect.json").read_text())
        lines = (d / "log.txt").read_bytes().split(b"\n")
        if lines[-1] == b"":
            lines.pop()
        plain = [wrap.plain(line) for line in lines]
        for n in e["cause_lines"]:
            t = plain[n - 1]
            if SEP.match(t) or any(w in t for w in WRAP):
                print(d.name, n, repr(t))
                bad += 1
        text = "\n".join(plain)
        for k in e["keys"]:
            if k not in text:
                print(d.name, "missing key", k)
                bad += 1
        if e["category"] not in CATEGORIES:
            print(d.name, "unknown category", e["category"])
            bad += 1
        cats[e["ci"]] = cats.get(e["ci"], 0) + 1
    print(corpus, cats, "bad", bad)
    return bad


if __name__ == "__main__":
    sys.exit(1 if sum(check(Path(a)) for a in sys.argv[1:]) else 0)
