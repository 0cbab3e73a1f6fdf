"""Fourth held-out corpus: cases (small projects with a planted fault, the command, the labels).

Reuses the locators and the Case type of bench/corpus_tools/holdout/holdout_cases.py (imported by
path, unmodified). Labelling rules are bench/corpus/README.md's.

Cases whose tool cannot run on this machine are "written from documentation": their `files` hold a
transcript (`.ci/transcript.txt`) written from the tool's documented output format, and `run`
prints it and exits with the tool's documented status. Their names are in DOC_CASES.
"""

from __future__ import annotations

import sys

sys.path.append("/work/main/bench/corpus_tools/holdout")
sys.path.append("/work/main/bench/corpus_tools/holdout4")
from holdout_cases import Case, after, first, has, last, span  # noqa: F401

CASES: list[Case] = []
DOC_CASES: set[str] = set()


def case(**kw: object) -> None:
    CASES.append(Case(**kw))  # type: ignore[arg-type]


def doc_case(transcript: str, status: int, **kw: object) -> None:
    """A case written from the tool's documented output (the tool cannot run here)."""
    files = dict(kw.pop("files", {}))  # type: ignore[arg-type]
    files[".ci/transcript.txt"] = transcript
    kw["files"] = files
    kw["run"] = f"cat .ci/transcript.txt; exit {status}"
    kw["tty"] = False
    kw["exit_status"] = status
    DOC_CASES.add(str(kw["name"]))
    case(**kw)


from h4_docs import register as _docs  # noqa: E402
from h4_native import register as _native  # noqa: E402
from h4_node import register as _node  # noqa: E402
from h4_py import register as _py  # noqa: E402

_py(case)
_node(case)
_native(case)
_docs(doc_case)
