"""Nineteenth held-out corpus (bench/holdout18): cases (small projects with a planted fault, the
command, the labels).

Reuses the locators and the Case type of bench/corpus_tools/holdout/holdout_cases.py and the
Registry of bench/corpus_tools/holdout/registry.py (imported by path, unmodified). Labelling rules
are bench/corpus/README.md's. Every case runs a real tool; none is written from documentation.
"""

from __future__ import annotations

import sys

sys.path.append("/work/main/bench/corpus_tools/holdout")
sys.path.append("/work/main/bench/corpus_tools/holdout18")
from h18_go import register as _go
from h18_native import register as _native
from h18_scripts import register as _scripts
from registry import Registry

_registry = Registry()
_go(_registry.case)
_native(_registry.case)
_scripts(_registry.case)
CASES = _registry.cases
DOC_CASES = _registry.doc_cases
