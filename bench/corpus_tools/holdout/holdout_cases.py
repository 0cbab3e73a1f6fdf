"""Held-out cases: small projects with a planted fault, the failing command, and the labels.

Labelling rules are bench/corpus/README.md's: `cause` locators pick the lines a person would
mark as the cause (error lines and the lines that explain them), searched only inside the tool's
own output; blank and separator-only lines are never cause lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

Region = list[tuple[int, str]]
SEPARATOR = re.compile(r"^[\s=\-_~*#.+|^]*$")


def _keep(text: str) -> bool:
    return not SEPARATOR.match(text)


@dataclass(frozen=True)
class has:
    """Every line containing `text` (or matching regex `rx`)."""

    text: str
    rx: bool = False

    def match(self, line: str) -> bool:
        return bool(re.search(self.text, line)) if self.rx else self.text in line

    def __call__(self, region: Region) -> set[int]:
        return {n for n, t in region if self.match(t) and _keep(t)}


@dataclass(frozen=True)
class first(has):
    """Only the first line containing `text`."""

    def __call__(self, region: Region) -> set[int]:
        return {min(has.__call__(self, region), default=0)} - {0}


@dataclass(frozen=True)
class last(has):
    """Only the last line containing `text`."""

    def __call__(self, region: Region) -> set[int]:
        return {max(has.__call__(self, region), default=0)} - {0}


@dataclass(frozen=True)
class span:
    """From the first line containing `start` through the next line containing `end`;
    `nth` picks a later occurrence of `start`."""

    start: str
    end: str
    nth: int = 0

    def __call__(self, region: Region) -> set[int]:
        starts = [i for i, (_, t) in enumerate(region) if self.start in t]
        if len(starts) <= self.nth:
            return set()
        i = starts[self.nth]
        for j in range(i, len(region)):
            if self.end in region[j][1] and (j > i or self.end in region[i][1]):
                return {n for n, t in region[i : j + 1] if _keep(t)}
        return set()


@dataclass(frozen=True)
class after:
    """The `count` non-blank lines right after the first line containing `text` (not that line)."""

    text: str
    count: int

    def __call__(self, region: Region) -> set[int]:
        for i, (_, t) in enumerate(region):
            if self.text in t:
                got = [n for n, u in region[i + 1 :] if _keep(u)]
                return set(got[: self.count])
        return set()


Locator = Callable[[Region], set[int]]


@dataclass
class Case:
    name: str
    tool: str
    category: str
    command: str
    keys: list[str]
    cause: list[Locator]
    files: dict[str, str] = field(default_factory=dict)
    run: str = ""
    setup: str = ""
    tty: bool = True
    ci: str = "buildkite"
    label: str = ":hammer: Build"
    repo: str = "widgets"
    env: dict[str, str] = field(default_factory=dict)
    gh_env: dict[str, str] = field(default_factory=dict)
    exit_status: int | None = None
    decoys: int = 12
    post_hook: bool = False
    no_exec: tuple[str, ...] = ()


CASES: list[Case] = []


def case(**kw: object) -> None:
    CASES.append(Case(**kw))  # type: ignore[arg-type]


from holdout_misc import register as _misc  # noqa: E402
from holdout_native import register as _native  # noqa: E402
from holdout_py import register as _py  # noqa: E402

_py(case)
_native(case)
_misc(case)
