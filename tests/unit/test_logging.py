"""The redaction rule lives in one place: only whitelisted fields reach a log line, errors lose their payload."""

from __future__ import annotations

import json
import logging

from core.logging import JsonFormatter, log_event, redact


def _capture(**fields: object) -> dict[str, object]:
    record = logging.LogRecord("t", logging.INFO, __file__, 1, "job_end", None, None)
    record.fields = fields
    return dict(json.loads(JsonFormatter().format(record)))


def test_unknown_fields_never_reach_the_line() -> None:
    line = _capture(userId="u1", resume_text="Jane Doe, 10 years at Initech", jd="Senior Rust engineer")
    assert line["userId"] == "u1"
    assert "resume_text" not in line and "jd" not in line
    assert "Initech" not in json.dumps(line) and "Rust" not in json.dumps(line)


def test_error_text_is_cut_before_quoted_content() -> None:
    assert redact("400 Bad Request: 'my secret resume text'") == "400 Bad Request: …"
    assert redact('invalid json near "Jane Doe"\nsecond line with JD') == "invalid json near …"
    line = _capture(error="reply failed: `CANARY-123`")
    assert "CANARY-123" not in json.dumps(line)


def test_log_event_routes_fields_through_the_formatter(caplog) -> None:
    logger = logging.getLogger("tests.logging")
    with caplog.at_level(logging.INFO, logger="tests.logging"):
        log_event(logger, "job_end", taskName="match", content="Jane Doe")
    record = caplog.records[-1]
    assert record.fields == {"taskName": "match", "content": "Jane Doe"}
    formatted = json.loads(JsonFormatter().format(record))
    assert formatted["taskName"] == "match" and "content" not in formatted
