"""Eighteenth held-out corpus (bench/holdout17): cases (small projects with a planted fault, the
command, the labels).

Reuses the locators and the Case type of bench/corpus_tools/holdout/holdout_cases.py and the
Registry of bench/corpus_tools/holdout/registry.py (imported by path, unmodified). Labelling rules
are bench/corpus/README.md's. Every case runs a real tool; none is written from documentation.
"""

from __future__ import annotations

import sys

sys.path.append("/work/main/bench/corpus_tools/holdout")
sys.path.append("/work/main/bench/corpus_tools/holdout17")
from h17_go import register as _go
from h17_misc import register as _misc
from h17_rbphp import register as _rbphp
from registry import Registry

_registry = Registry()
_go(_registry.case)
_rbphp(_registry.case)
_misc(_registry.case)
CASES = _registry.cases
DOC_CASES = _registry.doc_cases
