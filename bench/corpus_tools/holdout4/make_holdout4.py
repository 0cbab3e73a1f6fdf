"""Build the fourth HELD-OUT corpus in /work/main/bench/holdout4/: real tools on small projects with planted faults.

The runner is bench/corpus_tools/holdout/make_holdout.py (loaded by path), configured with this
corpus's cases (h4_cases.py), output folder, agent path, tool PATH, Go cache and seed prefix.

    python3 bench/corpus_tools/holdout4/make_holdout4.py            # every case
    python3 bench/corpus_tools/holdout4/make_holdout4.py NAME ...   # some cases
    python3 bench/corpus_tools/holdout4/make_holdout4.py --dump NAME  # print the tool output region, numbered
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

from h4_cases import CASES  # noqa: E402

runner.configure(
    cases=CASES,
    root=Path("/work/main/bench/holdout4"),
    agent="agent-6",
    path="/work/scratch/h4venv/bin:/work/scratch/h4npm/node_modules/.bin:/root/.cargo/bin:/usr/local/bin:/usr/bin:/bin",
    gocache="/work/scratch/h4gocache",
    seed="holdout4:",
)

if __name__ == "__main__":
    sys.exit(runner.main(sys.argv[1:]))
