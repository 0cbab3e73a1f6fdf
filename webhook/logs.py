"""JSON logs to stdout, one object a line, carrying the build and job being worked on.

Context (build, job id, delivery outcome) is set with `log_context(...)` and rides a contextvar,
so every line logged inside — by us or by a library — says which build it is about. Only named
fields are written: never request bodies, headers, signatures or settings.
"""

from __future__ import annotations

import contextvars
import json
import logging
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from types import MappingProxyType
from typing import IO, Any

_EMPTY: Mapping[str, Any] = MappingProxyType({})
_context: contextvars.ContextVar[Mapping[str, Any]] = contextvars.ContextVar("destill_log", default=_EMPTY)

# `extra=` keys we pass through; anything else a caller attaches is dropped (it might be a body).
FIELDS = frozenset(
    {
        "build",
        "job_id",
        "job_key",
        "attempt",
        "outcome",
        "event",
        "status",
        "reason",
        "duration_ms",
        "delay",
        "worker",
        "workers",
        "host",
        "port",
        "path",
        "state",
    }
)


@contextmanager
def log_context(**fields: Any) -> Iterator[None]:
    token = _context.set({**_context.get(), **fields})
    try:
        yield
    finally:
        _context.reset(token)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
            + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        out.update(_context.get())
        for key in FIELDS.intersection(record.__dict__):
            out[key] = record.__dict__[key]
        if record.exc_info and record.exc_info[0] is not None:
            out["error"] = f"{record.exc_info[0].__name__}: {record.exc_info[1]}"[:1000]
        return json.dumps(out, default=str, ensure_ascii=False)


def configure(level: str = "INFO", stream: IO[str] | None = None) -> None:
    """Route all logging (ours, uvicorn's, httpx's) through one JSON handler on stdout."""
    handler = logging.StreamHandler(stream or sys.stdout)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        lg = logging.getLogger(name)
        lg.handlers[:] = []
        lg.propagate = True
    # httpx logs every request URL at INFO; URLs are safe but noisy.
    logging.getLogger("httpx").setLevel(logging.WARNING)
