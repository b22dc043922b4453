"""The event-stream parser behind core.llm.client.stream_chat (the SDK hands it raw lines)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from core.errors import TransientUpstreamError
from core.llm.client import sse_chunks


def test_chunks_until_done_and_nothing_after() -> None:
    lines = [
        'data: {"a": 1}',
        "",
        ": keep-alive comment",
        "",
        'data: {"b": 2}',
        "",
        "data: [DONE]",
        "",
        'data: {"c": 3}',
    ]
    assert list(sse_chunks(lines, "p")) == [{"a": 1}, {"b": 2}]


def test_multi_line_data_and_an_unterminated_last_event() -> None:
    lines = ['data: {"text":', 'data: "x"}', "", 'data:{"tail": true}']
    assert list(sse_chunks(lines, "p")) == [{"text": "x"}, {"tail": True}]


def test_each_chunk_is_yielded_before_the_next_line_is_read() -> None:
    """Streaming means the first delta reaches the reader while the upstream is still writing."""
    read: list[str] = []

    def lines() -> Iterator[str]:
        for line in ['data: {"n": 1}', "", 'data: {"n": 2}', ""]:
            read.append(line)
            yield line

    chunks = sse_chunks(lines(), "p")
    assert next(chunks) == {"n": 1}
    assert read == ['data: {"n": 1}', ""]


@pytest.mark.parametrize(
    "lines",
    [
        ["data: <html>Bad gateway</html>", ""],
        ['data: {"error": {"message": "overloaded"}}', ""],
        ["event: error", 'data: {"message": "x"}', ""],
    ],
)
def test_bad_or_error_events_are_transient(lines: list[str]) -> None:
    with pytest.raises(TransientUpstreamError):
        list(sse_chunks(lines, "p"))
