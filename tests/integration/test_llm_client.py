"""The one LLM client against the fake provider over loopback HTTP."""

from __future__ import annotations

from core.llm import client as llm
from core.llm.registry import get_registry


def test_sequential_calls_keep_one_connection_alive(fake) -> None:
    """Each call reads its stream to the end of the body, so the next call reuses the connection: against a
    real provider a new connection is a TCP and TLS handshake before the first token."""
    spec = get_registry().route("paid", "probe")
    texts = [llm.stream_chat(spec, [{"role": "user", "content": f"call {i}"}]).text for i in range(5)]
    assert texts == [fake.reply] * 5
    assert fake.total == 5
    assert fake.connections <= 1, fake.connections


def test_a_server_still_talking_after_done_costs_the_connection_not_the_reply(fake) -> None:
    """Reading to the end of the body is bounded: a chatty server's connection is dropped, the reply stands."""
    fake.lines_after_done = 50
    spec = get_registry().route("paid", "probe")
    texts = [llm.stream_chat(spec, [{"role": "user", "content": f"call {i}"}]).text for i in range(3)]
    assert texts == [fake.reply] * 3
    assert fake.connections >= 2  # every call after the first needed a new one (the first may reuse a pooled one)
