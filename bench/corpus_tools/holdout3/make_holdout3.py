"""Build the third HELD-OUT corpus in /work/main/bench/holdout3/: real tools on small projects with planted faults.

The runner is bench/corpus_tools/holdout/make_holdout.py (loaded by path), configured with this
corpus's cases (h3_cases.py), output folder, agent path, tool PATH, Go cache and seed prefix.

    python3 bench/corpus_tools/holdout3/make_holdout3.py            # every case
    python3 bench/corpus_tools/holdout3/make_holdout3.py NAME ...   # some cases
    python3 bench/corpus_tools/holdout3/make_holdout3.py --dump NAME  # print the tool output region, numbered
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

from h3_cases import CASES  # noqa: E402

runner.configure(
    cases=CASES,
    root=Path("/work/main/bench/holdout3"),
    agent="agent-5",
    path="/work/scratch/h3venv/bin:/work/scratch/h3npm/node_modules/.bin:/root/.cargo/bin:/usr/local/bin:/usr/bin:/bin",
    gocache="/work/scratch/h3gocache",
    seed="holdout3:",
)

if __name__ == "__main__":
    sys.exit(runner.main(sys.argv[1:]))
