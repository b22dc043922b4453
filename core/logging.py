"""Structured JSON logs, one line per event, with the redaction rule enforced in one place.

Only whitelisted fields reach a log line. Free text is never logged except the `error` field, which is
passed through `redact()` so a provider's error body echoing a prompt cannot leak resume or JD content.

Libraries log too: Streamlit (its own handlers, propagation off), uvicorn (its access log carries query
strings), SQLAlchemy errors (a statement's parameters), and uncaught exceptions (the message of a DataError
carried a JD, an email and a bcrypt hash). So the rule is enforced where every record is born: the record
factory `configure_logging` installs scrubs each record before any handler or formatter sees it. String
arguments become "…" (a URL path keeps its path, not its query), a third party's message is cut like an
error, and an exception keeps its type and traceback but not its message. Uncaught exceptions in the main
thread and in threads are routed through logging, so they meet the same rule.
"""

from __future__ import annotations

import json
import logging
import sys
import threading
import time
from types import TracebackType
from typing import Any

ALLOWED_FIELDS = frozenset(
    {
        "event",
        "userId",
        "serviceId",
        "taskId",
        "jobId",
        "taskName",
        "queue",
        "model",
        "latencyMs",
        "ttftMs",
        "isStream",
        "tokenInput",
        "tokenOutput",
        "cost",
        "attempts",
        "error",
        "state",
        "status",
        "count",
        "path",
        "method",
        "eventId",
        "component",
        "pid",
        "durationMs",
        "retryIn",
    }
)
_MAX_ERROR_CHARS = 300


def redact(text: str) -> str:
    """Keep an error message short and free of quoted content: drop anything after a quote or newline.

    Provider and library errors put request bodies after a colon in quotes or on later lines; the
    first line up to the first quote keeps the class of error without the payload.
    """
    first = text.splitlines()[0] if text else ""
    for quote in ("'", '"', "`", "«", "“"):
        idx = first.find(quote)
        if idx != -1:
            first = first[:idx] + "…"
    return first[:_MAX_ERROR_CHARS]


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        payload: dict[str, Any] = {
            "ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "event": record.getMessage() if not record.args else record.msg,
        }
        fields = getattr(record, "fields", None) or {}
        for key, value in fields.items():
            if key not in ALLOWED_FIELDS:
                continue
            if key == "error" and value is not None:
                value = redact(str(value))
            payload[key] = value
        if record.exc_info and record.exc_info[0] is not None:
            payload["exception"] = record.exc_info[0].__name__
        return json.dumps(payload, ensure_ascii=False, default=str)


# Our modules log event names as messages (see log_event); anything else is a library's free text.
OWN_LOGGERS = ("core", "tasks", "db", "ui", "pages", "asgi", "bench", "knowledge", "__main__")
_WITHHELD = "…"


class _Withheld(Exception):
    """Stands in for a logged exception: same type name, message withheld."""


def _withheld(exc_type: type[BaseException]) -> BaseException:
    stand_in: type[_Withheld] = type(exc_type.__name__, (_Withheld,), {"__module__": exc_type.__module__})
    return stand_in("message withheld")


def _safe_arg(value: object) -> object:
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str) and value.startswith("/") and " " not in value:
        return value.split("?", 1)[0]  # uvicorn's access log: the path, never the query string
    return _WITHHELD


def scrub(record: logging.LogRecord) -> logging.LogRecord:
    """Make a record safe to write anywhere: no argument text, no exception message, no third-party free text."""
    if record.args:
        args = record.args if isinstance(record.args, tuple) else (record.args,)
        if isinstance(record.args, dict):
            record.args = {key: _safe_arg(value) for key, value in record.args.items()}
        else:
            record.args = tuple(_safe_arg(value) for value in args)
    elif isinstance(record.msg, str):
        if not record.name.startswith(OWN_LOGGERS):
            record.msg = redact(record.msg)
    else:
        record.msg = type(record.msg).__name__
    if record.exc_info and record.exc_info[0] is not None:
        exc_type, _value, tb = record.exc_info
        record.exc_info = (exc_type, _withheld(exc_type), tb)
        record.exc_text = None
    return record


_base_factory = logging.getLogRecordFactory()


def _private_record(*args: Any, **kwargs: Any) -> logging.LogRecord:
    return scrub(_base_factory(*args, **kwargs))


def _log_uncaught(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    logging.getLogger("core.uncaught").error("uncaught_exception", exc_info=(exc_type, exc, tb))


def _log_uncaught_in_thread(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is SystemExit:
        return
    _log_uncaught(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback)


def install_privacy_rule() -> None:
    """Scrub every log record at birth, whatever logger or handler it goes to; route uncaught exceptions."""
    if logging.getLogRecordFactory() is not _private_record:
        logging.setLogRecordFactory(_private_record)
    sys.excepthook = _log_uncaught
    threading.excepthook = _log_uncaught_in_thread
    logging.captureWarnings(True)


def configure_logging(level: str = "INFO") -> None:
    """Route the root logger to stderr as JSON lines, with the privacy rule installed (idempotent)."""
    install_privacy_rule()
    root = logging.getLogger()
    if any(isinstance(h.formatter, JsonFormatter) for h in root.handlers):
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root.handlers = [handler]
    root.setLevel(level)
    for noisy in ("httpx", "httpx2", "httpcore", "openai", "huey", "urllib3", "stripe", "pgserver", "weasyprint"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def log_event(logger: logging.Logger, event: str, level: int = logging.INFO, **fields: Any) -> None:
    """Log one event with whitelisted fields; unknown fields are dropped, not logged."""
    logger.log(level, event, extra={"fields": fields})
