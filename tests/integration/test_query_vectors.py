"""A query's embedding is computed once and shared through Redis: encrypted, keyed by a keyed hash, single flight."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest

from core import embeddings, query_vectors
from core.redis_conn import get_redis


class CountingModel:
    """The real model, counting how often this process runs it (and able to refuse, as a missing model would)."""

    def __init__(self, real: Any) -> None:
        self.real, self.calls, self.refuse = real, 0, False

    def query(self, text: str) -> Any:
        if self.refuse:
            raise AssertionError("the model ran although the vector was shared")
        self.calls += 1
        return self.real.query(text)


@pytest.fixture
def model(stack: dict[str, str]) -> Iterator[CountingModel]:
    with embeddings._lock:
        real = embeddings._get_model()
    counting = CountingModel(real)
    embeddings._model = counting
    embeddings._queries.clear()
    try:
        yield counting
    finally:
        embeddings._model = real
        embeddings._queries.clear()


def _text() -> str:
    return f"Senior Data Engineer python airflow spark {uuid.uuid4().hex[:6]}"


def test_a_vector_computed_in_one_process_serves_another_without_the_model(model: CountingModel) -> None:
    text = _text()
    first = query_vectors.query_vector(text)
    assert model.calls == 1 and first.shape == (embeddings.DIM,)
    keys = [k for k in get_redis().scan_iter("jaa:qvec:*") if not k.endswith(":lock")]
    stored = [get_redis().get(k) or "" for k in keys]
    assert keys and all("airflow" not in k for k in keys) and all("airflow" not in v for v in stored)
    assert not any(k.endswith(":lock") for k in get_redis().scan_iter("jaa:qvec:*"))  # released after storing

    embeddings._queries.clear()  # another process: nothing cached locally
    model.refuse = True
    again = query_vectors.query_vector(text)
    assert np.array_equal(again, first)


def test_a_caller_finding_the_computation_under_way_waits_for_it(model: CountingModel) -> None:
    text, results = _text(), []
    key = query_vectors._key(text)
    get_redis().set(key + ":lock", "1", px=5000)  # another process is embedding this query
    waiter = threading.Thread(target=lambda: results.append(query_vectors.query_vector(text)))
    waiter.start()
    time.sleep(0.2)
    assert model.calls == 0 and waiter.is_alive()  # waiting, not computing

    vector = np.asarray(model.real.query(text), dtype=np.float32)  # the other process finishes and stores it
    token = query_vectors.crypto.encrypt_bytes(vector.tobytes()).decode("ascii")
    get_redis().set(key, token)
    waiter.join(5)
    assert model.calls == 0
    assert np.array_equal(results[0], vector)


def test_a_holder_that_died_only_costs_the_wait_of_its_lock(model: CountingModel) -> None:
    text = _text()
    get_redis().set(query_vectors._key(text) + ":lock", "1", px=300)  # taken, then its holder crashed
    started = time.monotonic()
    vector = query_vectors.query_vector(text)
    assert model.calls == 1 and vector.shape == (embeddings.DIM,)
    assert time.monotonic() - started < query_vectors.WAIT_S  # it did not wait for the whole budget


def test_two_callers_at_once_run_the_model_once(model: CountingModel) -> None:
    text, results = _text(), []
    barrier = threading.Barrier(4)

    def ask() -> None:
        barrier.wait()
        results.append(query_vectors.query_vector(text))

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert model.calls == 1 and len(results) == 4
    assert all(np.array_equal(r, results[0]) for r in results)
