"""The registry's offline engine: the default with no key (and then free), always there as the fall-back."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.config import reset_settings
from core.llm.registry import OFFLINE, get_registry, price_for, runs_offline
from core.worker import offline_chunks


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    for var in ("DEEPSEEK_API_KEY", "GLM_API_KEY", "MODEL_REGISTRY_FILE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("PRICE_SERVICE", "2")
    monkeypatch.setenv("PRICE_RESUME", "1")
    reset_settings()
    get_registry.cache_clear()
    yield monkeypatch
    reset_settings()
    get_registry.cache_clear()


def _reload() -> None:
    reset_settings()
    get_registry.cache_clear()


def test_with_no_key_every_task_is_offline_and_free(env: pytest.MonkeyPatch) -> None:
    registry = get_registry()
    for queue in ("paid", "free"):
        for kind in ("resume", "extract", "match", "customize", "interview"):
            spec = registry.route(queue, kind)
            assert spec.is_offline and spec.engine_label == OFFLINE
    assert registry.uses_offline_engine
    assert price_for("match") == price_for("resume") == price_for("interview") == 0


def test_with_a_key_the_provider_serves_at_its_price_and_offline_stays_available(env: pytest.MonkeyPatch) -> None:
    env.setenv("DEEPSEEK_API_KEY", "sk-test")
    _reload()
    registry = get_registry()
    assert registry.route("paid", "match").name == "deepseek"
    assert registry.route("paid", "match").engine_label == registry.route("paid", "match").model
    assert not registry.uses_offline_engine and not runs_offline("match")
    assert (price_for("match"), price_for("resume")) == (2, 1)
    assert registry.offline().is_offline  # the fall-back needs no entry of its own


def _registry_file(env: pytest.MonkeyPatch, folder: Path, offline_kind: str) -> None:
    """A registry file routing every kind to a provider "p" but `offline_kind` to the offline engine "off"."""
    path = folder / "registry.json"
    doc = {
        "models": {"p": {"base_url": "http://127.0.0.1:1/v1", "model": "m"}, "off": {"engine": "offline"}},
        "routes": {queue: {"*": "p", offline_kind: "off"} for queue in ("paid", "free")},
    }
    path.write_text(json.dumps(doc))
    env.setenv("MODEL_REGISTRY_FILE", str(path))
    _reload()


def test_a_registry_file_may_route_some_tasks_offline(env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _registry_file(env, tmp_path, "interview")
    assert runs_offline("interview") and not runs_offline("match")
    assert price_for("interview") == 0 and price_for("match") == 2
    assert get_registry().offline().name == "off"


@pytest.mark.parametrize("size", [0, 5, 100, 4000])
def test_an_offline_reply_streams_in_a_few_pieces_that_join_to_it(size: int) -> None:
    text = "".join(chr(65 + i % 26) for i in range(size))
    chunks = offline_chunks(text)
    assert "".join(chunks) == text
    assert len(chunks) <= 30
    assert size < 100 or len(chunks) >= 5


def test_a_registry_file_routing_job_still_routes_extraction(env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _registry_file(env, tmp_path, "job")  # written before the kind was renamed
    assert get_registry().route("paid", "extract").name == "off"
    assert get_registry().route("paid", "match").name == "p"
