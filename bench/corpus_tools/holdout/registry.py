"""A corpus's cases as its case modules register them: run for real, or written from a tool's
documented output where the tool cannot run here (`doc_case`)."""

from __future__ import annotations

from holdout_cases import Case


class Registry:
    def __init__(self) -> None:
        self.cases: list[Case] = []
        self.doc_cases: set[str] = set()  # names of the cases written from documentation

    def case(self, **kw: object) -> None:
        self.cases.append(Case(**kw))  # type: ignore[arg-type]

    def doc_case(self, transcript: str, status: int, **kw: object) -> None:
        """The transcript (`.ci/transcript.txt`), printed by the run, with the tool's exit status."""
        files = dict(kw.pop("files", {}))  # type: ignore[call-overload]
        files[".ci/transcript.txt"] = transcript
        kw["files"] = files
        kw["run"] = f"cat .ci/transcript.txt; exit {status}"
        kw["tty"] = False
        kw["exit_status"] = status
        self.doc_cases.add(str(kw["name"]))
        self.case(**kw)
