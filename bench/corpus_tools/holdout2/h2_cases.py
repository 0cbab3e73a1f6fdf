"""Second held-out corpus: cases (small projects with a planted fault, the command, the labels).

Reuses the locators and the Case type of bench/corpus_tools/holdout/holdout_cases.py (imported by
path, unmodified). Labelling rules are bench/corpus/README.md's.
"""

from __future__ import annotations

import sys

sys.path.append("/work/main/bench/corpus_tools/holdout")
from holdout_cases import Case, after, first, has, last, span  # noqa: F401

CASES: list[Case] = []


def case(**kw: object) -> None:
    CASES.append(Case(**kw))  # type: ignore[arg-type]


from h2_misc import register as _misc  # noqa: E402
from h2_misc import register_more as _more  # noqa: E402
from h2_native import register as _native  # noqa: E402
from h2_py import register as _py  # noqa: E402

_py(case)
_native(case)
_misc(case)
_more(case)
