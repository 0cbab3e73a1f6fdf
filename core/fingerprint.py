"""A failure's fingerprint: the same failure gets the same fingerprint in the next build.

Volatile tokens are masked with an ordered list of (pattern, mask), in the manner of Drain3: the
most specific shapes first (UUIDs before hex before plain numbers), so a masked token is never
masked again in part.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

MASKS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?"), "<TS>"),
    (re.compile(r"\b\d\d:\d\d:\d\d(?:[.,]\d+)?\b"), "<TIME>"),
    (
        re.compile(r"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b"),
        "<UUID>",
    ),
    (re.compile(r"\b0x[0-9a-fA-F]+\b"), "<ADDR>"),
    # Temporary paths differ per run: /tmp/ccGI3u1P.o, /tmp/pytest-of-x/pytest-12/, /var/folders/..
    (
        re.compile(
            r"(?:/private)?(?:/tmp|/var/folders|/var/tmp|C:\\Users\\[^\\]+\\AppData\\Local\\Temp)[/\\]\S*"
        ),
        "<TMP>",
    ),
    (re.compile(r"\b[0-9a-f]{7,64}\b"), "<HEX>"),
    (re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b"), "<EMAIL>"),
    (re.compile(r"\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b"), "<IP>"),
    (re.compile(r"\b\d+(?:\.\d+)?\s?(?:ms|s|sec|seconds|m|min|minutes|h|µs|us|ns)\b"), "<DUR>"),
    (re.compile(r"\d+"), "<N>"),
]
_SPACE = re.compile(r"\s+")


def mask(text: str) -> str:
    """`text` with volatile tokens replaced by their mask, whitespace collapsed."""
    for pattern, repl in MASKS:
        text = pattern.sub(repl, text)
    return _SPACE.sub(" ", text).strip()


def fingerprint(rule: str, texts: Iterable[str]) -> str:
    """sha1 hex (first 20 chars) over the rule name and the masked texts that define a failure."""
    h = hashlib.sha1(rule.encode(), usedforsecurity=False)
    for t in texts:
        h.update(b"\x00")
        h.update(mask(t).encode())
    return h.hexdigest()[:20]
