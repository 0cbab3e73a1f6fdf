"""Cases written from the tools' documented output formats: none in this corpus (every case's tool
ran on this machine). Kept so that h8_cases.py has the same layout as holdout7's."""

from holdout_cases import after, first, has, last, span  # noqa: F401


def register(doc_case):
    pass
