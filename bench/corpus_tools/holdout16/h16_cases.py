"""Seventeenth held-out corpus (bench/holdout16): cases (small projects with a planted fault, the
command, the labels).

Reuses the locators and the Case type of bench/corpus_tools/holdout/holdout_cases.py and the
Registry of bench/corpus_tools/holdout/registry.py (imported by path, unmodified). Labelling rules
are bench/corpus/README.md's. Every case runs a real tool; none is written from documentation.
"""

from __future__ import annotations

import sys

sys.path.append("/work/main/bench/corpus_tools/holdout")
sys.path.append("/work/main/bench/corpus_tools/holdout16")
from h16_native import register as _native
from h16_node import register as _node
from h16_py import register as _py
from registry import Registry

_registry = Registry()
_py(_registry.case)
_node(_registry.case)
_native(_registry.case)
CASES = _registry.cases
DOC_CASES = _registry.doc_cases
