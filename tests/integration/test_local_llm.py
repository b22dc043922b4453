"""The embedded llama.cpp server with the bundled model answers through the product's own client (issue 2)."""

from __future__ import annotations

from pathlib import Path

from core.infra.embedded import EmbeddedLLM
from core.llm import client
from core.llm.registry import ModelSpec


def test_one_streamed_completion_from_the_bundled_model(tmp_path: Path) -> None:
    llm = EmbeddedLLM(tmp_path)
    url = llm.start()
    try:
        spec = ModelSpec(
            name="local",
            base_url=url,
            model="smollm2-135m",
            structured="json_object_schema",
            is_demo=True,
            max_tokens=12,
        )
        deltas: list[str] = []
        reply = client.stream_chat(
            spec, [{"role": "user", "content": "Say hello."}], on_delta=deltas.append, max_tokens=12
        )
        assert len(deltas) >= 2  # it really streamed, delta by delta
        assert "".join(deltas) == reply.text and reply.text.strip()
        assert reply.tokens_out >= 1 and reply.ttft_ms is not None
    finally:
        llm.stop()
    assert llm.process is not None and llm.process.poll() is not None
