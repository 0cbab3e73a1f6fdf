"""Eleventh held-out corpus (bench/holdout10): cases (small projects with a planted fault, the
command, the labels).

Reuses the locators and the Case type of bench/corpus_tools/holdout/holdout_cases.py and the
Registry of bench/corpus_tools/holdout/registry.py (imported by path, unmodified). Labelling rules
are bench/corpus/README.md's.

Cases whose tool cannot run on this machine would be "written from documentation" (h10_docs.py);
this corpus has none. Their names would be in DOC_CASES.
"""

from __future__ import annotations

import sys

sys.path.append("/work/main/bench/corpus_tools/holdout")
sys.path.append("/work/main/bench/corpus_tools/holdout10")
from h10_docs import register as _docs
from h10_fp import register as _fp
from h10_go import register as _go
from h10_native import register as _native
from h10_node import register as _node
from h10_py import register as _py
from registry import Registry

_registry = Registry()
_py(_registry.case)
_node(_registry.case)
_go(_registry.case)
_fp(_registry.case)
_native(_registry.case)
_docs(_registry.doc_case)
CASES = _registry.cases
DOC_CASES = _registry.doc_cases
