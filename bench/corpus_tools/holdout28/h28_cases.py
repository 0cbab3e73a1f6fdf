"""Twenty-ninth held-out corpus (bench/holdout28): cases (small projects with a planted fault, the
command, the labels).

Reuses the locators and the Case type of bench/corpus_tools/holdout/holdout_cases.py and the
Registry of bench/corpus_tools/holdout/registry.py (imported by path, unmodified). Labelling rules
are bench/corpus/README.md's. Every case runs a real tool; none is written from documentation.
"""

from __future__ import annotations

import sys

sys.path.append("/work/main/bench/corpus_tools/holdout")
sys.path.append("/work/main/bench/corpus_tools/holdout28")
from h28_a import register as _a
from h28_b import register as _b
from h28_c import register as _c
from h28_d import register as _d
from registry import Registry

_registry = Registry()
_a(_registry.case)
_b(_registry.case)
_c(_registry.case)
_d(_registry.case)
CASES = _registry.cases
DOC_CASES = _registry.doc_cases
