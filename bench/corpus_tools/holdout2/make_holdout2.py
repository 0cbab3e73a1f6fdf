"""Build the second HELD-OUT corpus in /tmp/holdout2/: real tools on small projects with planted faults.

The runner is bench/corpus_tools/holdout/make_holdout.py (loaded by path), configured with this
corpus's cases (h2_cases.py), output folder, agent path, tool PATH, Go cache and seed prefix.

    python3 /tmp/holdout2_tools/make_holdout2.py            # every case
    python3 /tmp/holdout2_tools/make_holdout2.py NAME ...   # some cases
    python3 /tmp/holdout2_tools/make_holdout2.py --dump NAME  # print the tool output region, numbered
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

_spec = importlib.util.spec_from_file_location("make_holdout", HERE.parent / "holdout" / "make_holdout.py")
runner = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(runner)

from h2_cases import CASES  # noqa: E402

runner.configure(
    cases=CASES,
    root=Path("/tmp/holdout2"),
    agent="agent-1",
    path="/tmp/holdout2_venv/bin:/root/.cargo/bin:/usr/local/bin:/usr/bin:/bin",
    gocache="/tmp/holdout2_gocache",
    seed="holdout2:",
)

if __name__ == "__main__":
    sys.exit(runner.main(sys.argv[1:]))
