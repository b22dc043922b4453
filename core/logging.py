"""Structured JSON logs, one line per event, with the redaction rule enforced in one place.

Only whitelisted fields reach a log line. Free text is never logged except the `error` field, which is
passed through `redact()` so a provider's error body echoing a prompt cannot leak resume or JD content.
"""

from __future__ import annotations

import json
import logging
import sys
import time
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


def configure_logging(level: str = "INFO") -> None:
    """Route the root logger to stderr as JSON lines (idempotent)."""
    root = logging.getLogger()
    if any(isinstance(h.formatter, JsonFormatter) for h in root.handlers):
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root.handlers = [handler]
    root.setLevel(level)
    for noisy in ("httpx", "httpx2", "httpcore", "openai", "huey", "urllib3", "stripe", "pgserver"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def log_event(logger: logging.Logger, event: str, level: int = logging.INFO, **fields: Any) -> None:
    """Log one event with whitelisted fields; unknown fields are dropped, not logged."""
    logger.log(level, event, extra={"fields": fields})
