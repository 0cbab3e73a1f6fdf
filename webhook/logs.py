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


# Built once: json.dumps with any non-default option builds a new encoder for every call.
_ENCODER = json.JSONEncoder(default=str, ensure_ascii=False)


@contextmanager
def log_context(**fields: Any) -> Iterator[None]:
    token = _context.set({**_context.get(), **fields})
    try:
        yield
    finally:
        _context.reset(token)


class JsonFormatter(logging.Formatter):
    def __init__(self) -> None:
        super().__init__()
        self._second = -1  # the whole second `_stamp` formats: one strftime per second, not per line
        self._stamp = ""

    def _ts(self, record: logging.LogRecord) -> str:
        second = int(record.created)
        if second != self._second:
            self._stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(second))
            self._second = second
        return f"{self._stamp}.{int(record.msecs):03d}Z"

    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "ts": self._ts(record),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        out.update(_context.get())
        attrs = record.__dict__
        for key in FIELDS.intersection(attrs):
            out[key] = attrs[key]
        if record.exc_info and record.exc_info[0] is not None:
            out["error"] = f"{record.exc_info[0].__name__}: {record.exc_info[1]}"[:1000]
        return _ENCODER.encode(out)


def configure(level: str = "INFO", stream: IO[str] | None = None) -> None:
    """Route all logging (ours, uvicorn's, httpx's) through one JSON handler on stdout."""
    handler = logging.StreamHandler(stream or sys.stdout)
    handler.setFormatter(JsonFormatter())
    # Our lines carry none of the caller's file, line, thread or process: skip collecting them
    # for every record (the Logging HOWTO's "Optimization" switches).
    logging._srcfile = None
    logging.logThreads = False
    logging.logProcesses = False
    logging.logMultiprocessing = False
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        lg = logging.getLogger(name)
        lg.handlers[:] = []
        lg.propagate = True
    # httpx logs every request URL at INFO; URLs are safe but noisy.
    logging.getLogger("httpx").setLevel(logging.WARNING)
