"""Buildkite-shaped job logs for the analyser's tests: a failing command's output inside the
agent's own lines (each line's timestamp, the checkout, the step's section, the error it ends
with), and the cards the analyser makes of them."""

from __future__ import annotations

from collections.abc import Sequence

from core.analysis import analyse
from core.models import TriageCard
from core.rules import load_rules

RULES = load_rules()
BK = b"\x1b_bk;t=1764302766471\x07"  # the agent's timestamp before every line
# A preamble line that speaks of errors and failures without being one.
NOISE = ("INFO: 0 errors, 0 failures in cache warm-up",)


def bk_log(
    body: str | Sequence[str],
    *,
    status: int = 1,
    section: str = "--- :hammer: Build",
    command: str | None = None,
    preamble: Sequence[str] = (),
) -> bytes:
    """The job log of a step whose command printed `body` (a text or its lines) and exited with
    `status`; `command` is echoed as the agent does, `preamble` comes before the step's section."""
    lines = [
        "~~~ Preparing working directory",
        "$ git checkout -f 3f9c2e1a7d",
        *preamble,
        section,
        *([f"\x1b[90m$\x1b[0m {command}"] if command is not None else []),
        *(body.splitlines() if isinstance(body, str) else body),
        "^^^ +++",
        f"\x1b[31m🚨 Error: The command exited with status {status}\x1b[0m",
        f"user command error: exit status {status}",
    ]
    return b"".join(BK + ln.encode() + b"\r\n" for ln in lines)


def triage(body: str | Sequence[str], *, status: int = 1) -> list[TriageCard]:
    return analyse(bk_log(body, status=status), RULES)


def top_card(body: str | Sequence[str], *, status: int = 1) -> TriageCard:
    return triage(body, status=status)[0]


def shown_lines(found: list[TriageCard]) -> list[str]:
    """Every line the cards show, in card order."""
    return [ln.text for c in found for ln in c.lines]


def card_lines(card: TriageCard) -> list[str]:
    return [ln.text for ln in card.lines]
