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
