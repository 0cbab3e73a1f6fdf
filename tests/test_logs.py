"""JSON log lines: `logs.info`, the hot path's writer, says the same as the logging module would,
and steps aside whenever the logging set-up is not `configure`'s own."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest

from webhook import logs


@pytest.fixture
def stream() -> Iterator[io.StringIO]:
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    out = io.StringIO()
    logs.configure(stream=out)
    try:
        yield out
    finally:
        root.handlers[:], root.level = saved[0], saved[1]


def ours_only() -> None:
    """`configure`'s set-up alone: pytest adds capture handlers to the root logger while a test
    runs (after fixtures), which rightly send `logs.info` the logging module's way."""
    root = logging.getLogger()
    root.handlers[:] = [h for h in root.handlers if isinstance(h, logs.JsonHandler)]


def lines(stream: io.StringIO) -> list[dict[str, object]]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_the_fast_line_is_the_logging_modules_line(stream: io.StringIO) -> None:
    ours_only()
    log = logging.getLogger("destill.test")
    assert logs._only_handler(log) is not None  # the fast way is the one taken
    with logs.log_context(build="acme/widgets/7"):
        log.info("delivery accepted", extra={"outcome": "accepted", "status": 202, "job_id": 3})
        logs.info(log, "delivery accepted", outcome="accepted", status=202, job_id=3)
    slow, fast = lines(stream)
    assert slow.pop("ts") and str(fast.pop("ts")).endswith("Z")
    assert fast == slow == {
        "level": "info",
        "logger": "destill.test",
        "msg": "delivery accepted",
        "build": "acme/widgets/7",
        "outcome": "accepted",
        "status": 202,
        "job_id": 3,
    }


def test_fields_outside_the_allow_list_are_dropped(stream: io.StringIO) -> None:
    ours_only()
    logs.info(logging.getLogger("destill.test"), "delivery refused", reason="bad", body="SECRET-BODY")
    (line,) = lines(stream)
    assert line["reason"] == "bad" and "body" not in line
    assert "SECRET-BODY" not in stream.getvalue()


def test_below_the_level_nothing_is_written(stream: io.StringIO) -> None:
    ours_only()
    logging.getLogger().setLevel(logging.WARNING)
    logs.info(logging.getLogger("destill.test"), "job done", outcome="done")
    assert stream.getvalue() == ""


def test_a_filter_on_the_way_is_obeyed(stream: io.StringIO) -> None:
    ours_only()
    log = logging.getLogger("destill.filtered")
    refuse = logging.Filter("somewhere.else")  # passes only records of that logger
    log.addFilter(refuse)
    try:
        logs.info(log, "job done", outcome="done")
    finally:
        log.removeFilter(refuse)
    assert stream.getvalue() == ""
    logs.info(log, "job done", outcome="done")
    assert lines(stream)[0]["msg"] == "job done"


def test_another_handler_gets_the_line_too(stream: io.StringIO) -> None:
    """A second handler (a test's capture, an operator's file) means the logging module's way:
    every handler sees the record, with its fields as attributes."""
    seen: list[logging.LogRecord] = []

    class Capture(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            seen.append(record)

    capture = Capture()
    logging.getLogger().addHandler(capture)
    try:
        logs.info(logging.getLogger("destill.test"), "job done", outcome="done", duration_ms=5)
    finally:
        logging.getLogger().removeHandler(capture)
    assert [r.getMessage() for r in seen] == ["job done"] and seen[0].__dict__["outcome"] == "done"
    assert lines(stream)[0]["duration_ms"] == 5


def test_a_handler_that_is_not_configures_own_is_left_to_logging() -> None:
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    out = io.StringIO()
    plain = logging.StreamHandler(out)
    plain.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    root.handlers[:] = [plain]
    root.setLevel(logging.INFO)
    try:
        logs.info(logging.getLogger("destill.test"), "job done", outcome="done")
    finally:
        root.handlers[:], root.level = saved[0], saved[1]
    assert out.getvalue() == "INFO job done\n"
