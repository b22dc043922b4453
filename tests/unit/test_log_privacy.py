"""No log line carries user content or secrets, whoever writes it (issue 19, finding 4).

The rule sits in the record factory core.logging installs: these tests write through handlers the way
Streamlit (its own handler, no propagation), uvicorn (access log with a query string) and an uncaught
exception (a DataError whose message held the SQL parameters) do, and look at the bytes written.
"""

from __future__ import annotations

import io
import logging
import sys
import threading
from collections.abc import Iterator

import pytest

from core.logging import JsonFormatter, install_privacy_rule

CANARY = "CANARY-7f3a"


@pytest.fixture
def stream() -> Iterator[io.StringIO]:
    saved = logging.getLogRecordFactory(), sys.excepthook, threading.excepthook
    install_privacy_rule()
    yield io.StringIO()
    logging.setLogRecordFactory(saved[0])
    sys.excepthook, threading.excepthook = saved[1], saved[2]


def _logger(name: str, out: io.StringIO, formatter: logging.Formatter | None = None) -> logging.Logger:
    logger = logging.getLogger(name)
    logger.handlers = []
    handler = logging.StreamHandler(out)
    handler.setFormatter(formatter or logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.propagate = False
    logger.setLevel(logging.INFO)
    return logger


class DataError(Exception):
    pass


def _failing_insert() -> None:
    try:
        raise ValueError(f"inner: {CANARY}")
    except ValueError as inner:
        raise DataError(f"(psycopg.DataError) NUL\n[SQL: INSERT ...]\n[parameters: ('{CANARY}', 'hash')]") from inner


def test_a_library_logger_with_its_own_handler_writes_no_exception_message(stream: io.StringIO) -> None:
    logger = _logger("streamlit.runtime.scriptrunner.exec_code", stream)
    try:
        _failing_insert()
    except DataError:
        logger.exception("Uncaught app execution")
    written = stream.getvalue()
    assert CANARY not in written
    assert "DataError" in written and "Uncaught app execution" in written  # still useful to an operator


def test_arguments_and_query_strings_are_withheld(stream: io.StringIO) -> None:
    access = _logger("uvicorn.access", stream)
    access.info('%s - "%s %s HTTP/%s" %d', "127.0.0.1:5000", "GET", f"/Billing?session_id={CANARY}", "1.1", 200)
    _logger("some.library", stream).warning("could not parse %r", CANARY)
    _logger("other.library", stream).warning(f"failed on '{CANARY}'")
    written = stream.getvalue()
    assert CANARY not in written
    assert "/Billing" in written and "200" in written


def test_our_json_lines_keep_their_fields(stream: io.StringIO) -> None:
    logger = _logger("core.test_privacy", stream, JsonFormatter())
    logger.info("job_end", extra={"fields": {"userId": "u1", "jd": CANARY, "error": f"bad '{CANARY}'"}})
    written = stream.getvalue()
    assert '"userId": "u1"' in written and CANARY not in written


def test_uncaught_exceptions_in_threads_and_main_go_through_the_rule(stream: io.StringIO) -> None:
    root = logging.getLogger()
    handler = logging.StreamHandler(stream)
    root.addHandler(handler)
    try:
        thread = threading.Thread(target=_failing_insert)
        thread.start()
        thread.join()
        try:
            _failing_insert()
        except DataError:
            sys.excepthook(*sys.exc_info())
    finally:
        root.removeHandler(handler)
    written = stream.getvalue()
    assert written.count("uncaught_exception\n") == 2 and CANARY not in written
