"""Check /tmp/holdout2: every cause line exists, is not blank/separator, lies between the CI framing."""

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, "/tmp/holdout2_tools")
import make_holdout2 as mh

SEP = re.compile(r"^[\s=\-_~*#.+|^]*$")
WRAP = ("🚨", "##[error]", "ERROR: Job failed", "exited with", "user command error", "^^^ +++")
bad = 0
cats = {}
for d in sorted(Path("/tmp/holdout2").iterdir()):
    if not d.is_dir():
        continue
    e = json.loads((d / "expect.json").read_text())
    raw = (d / "log.txt").read_bytes()
    lines = raw.split(b"\n")
    if lines[-1] == b"":
        lines.pop()
    plain = [mh.wrap.plain(l) for l in lines]
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
    assert e["category"] in {
        "test",
        "compile",
        "lint",
        "dependency",
        "runtime",
        "infrastructure",
        "timeout",
        "resource",
        "crash",
        "config",
        "unknown",
    }
    cats.setdefault(e["ci"], []).append(d.name)
print({k: len(v) for k, v in cats.items()}, "bad", bad)
