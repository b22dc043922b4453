"""Retrieval benchmark: `python -m bench.rag` prints `name: value unit` lines.

What it measures, always in a throw-away embedded Postgres (a temp directory, whatever DATABASE_URL says):
- recall@5 per language on tests/data/rag_eval.json, retrieving within the query's category and language;
- ingestion throughput of the bundled base (clean + chunk + embed + write), in chunks per second;
- query latency p50/p95 (embedding + search, i.e. one `retrieve()` call) with 10,000 chunks in the index,
  and the search part alone, plus recall@5 again at that size and whether the plan walks the HNSW index.

The 10,000 chunks are the real base plus synthetic filler rows (source "bench/filler-N"). Embedding ~10k
texts on this CPU would take hours, so the filler is generated in vector space: each vector is the mean
direction of the real passages plus Gaussian noise, scaled so its cosine to real passages matches that of
an unrelated real passage. Filler is therefore as "distracting" as off-topic documents, spread evenly over
the four categories and two languages.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "tests" / "data" / "rag_eval.json"
TARGET_CHUNKS = 10_000
K = 5
PASSES = 3  # latency samples: 3 x 96 queries


def _emit(name: str, value: float, unit: str) -> None:
    print(f"{name}: {value:.6g} {unit}", flush=True)


def _p(values: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(values), q))


def _recall(items: list[dict[str, Any]]) -> tuple[dict[str, float], list[float]]:
    """recall@K per language, and the latency of each retrieve() call in ms."""
    from core.retrieval import retrieve

    hits: dict[str, list[bool]] = {}
    latencies = []
    for item in items:
        started = time.perf_counter()
        found = retrieve(item["query"], (item["category"],), item["lang"], k=K)
        latencies.append((time.perf_counter() - started) * 1000)
        keys = {f"{p.source}#{p.heading}" for p in found}
        hits.setdefault(item["lang"], []).append(bool(keys & set(item["expected"])))
    return {lang: sum(h) / len(h) for lang, h in sorted(hits.items())}, latencies


def _filler_vectors(real: np.ndarray, n: int, rng: np.random.Generator) -> np.ndarray:
    """Vectors as similar to the real passages as unrelated real passages are to each other."""
    sims = real @ real.T
    target = float(np.median(sims[np.triu_indices(len(real), 1)]))
    mean = real.mean(axis=0)
    mean /= np.linalg.norm(mean)
    noise = rng.standard_normal((n, real.shape[1])).astype(np.float32)
    noise /= np.linalg.norm(noise, axis=1, keepdims=True)
    best_scale, best_gap = 1.0, 9.0
    for scale in np.linspace(0.05, 3.0, 60):
        vecs = mean + scale * noise[:200]
        vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
        gap = abs(float(np.median(vecs @ real.T)) - target)
        if gap < best_gap:
            best_scale, best_gap = float(scale), gap
    vecs = mean + best_scale * noise
    return (vecs / np.linalg.norm(vecs, axis=1, keepdims=True)).astype(np.float32)


def _add_filler(n: int) -> float:
    """Insert n synthetic rows; returns rows per second (HNSW maintenance included)."""
    from sqlalchemy import insert, select

    from core.retrieval import CATEGORIES, LANGS
    from db.models import KnowledgeChunk
    from db.session import unit_of_work

    with unit_of_work() as session:
        real = np.stack(
            [np.asarray(v, dtype=np.float32) for v in session.execute(select(KnowledgeChunk.embedding)).scalars()]
        )
    rng = np.random.default_rng(6)
    vecs = _filler_vectors(real, n, rng)
    combos = [(c, lang) for c in CATEGORIES for lang in LANGS]
    started = time.perf_counter()
    for start in range(0, n, 1000):
        rows = []
        for i in range(start, min(n, start + 1000)):
            category, lang = combos[i % len(combos)]
            rows.append(
                {
                    "source": f"bench/filler-{i}",
                    "source_hash": "bench",
                    "chunk_index": 0,
                    "category": category,
                    "lang": lang,
                    "heading": f"Filler {i}",
                    "content": "synthetic filler",
                    "content_hash": f"bench-{i}",
                    "embedding": vecs[i],
                }
            )
        with unit_of_work() as session:
            session.execute(insert(KnowledgeChunk), rows)
    return n / (time.perf_counter() - started)


def _search_only_latency(items: list[dict[str, Any]]) -> tuple[list[float], bool]:
    """Latency of the SQL search alone (query vectors embedded first, timed apart), and whether it walks HNSW."""
    from sqlalchemy import text

    from core.embeddings import embed_query
    from core.retrieval import SEARCH, vector_literal
    from db.session import unit_of_work

    queries = []
    embed_ms = []
    for item in items:
        started = time.perf_counter()
        queries.append((vector_literal(embed_query(item["query"])), item))
        embed_ms.append((time.perf_counter() - started) * 1000)
    _emit("embed_latency_p95", _p(embed_ms, 95), "ms")
    latencies = []
    uses_hnsw = False
    with unit_of_work() as session:  # hnsw.ef_search is set on every connection (db.session.SESSION_SETTINGS)
        for q, item in queries:
            params = {"q": q, "categories": [item["category"]], "lang": item["lang"], "same_lang": True, "k": K}
            started = time.perf_counter()
            session.execute(SEARCH, params).all()
            latencies.append((time.perf_counter() - started) * 1000)
        q, item = queries[0]
        explain = text("EXPLAIN " + SEARCH.text)
        params = {"q": q, "categories": [item["category"]], "lang": item["lang"], "same_lang": True, "k": K}
        plan = session.execute(explain, params).scalars()
        uses_hnsw = any("ix_knowledge_embedding_hnsw" in line for line in plan)
    return latencies, uses_hnsw


def main() -> int:
    sys.path.insert(0, str(ROOT))
    for var in ("DATABASE_URL", "REDIS_URL", "LOCAL_LLM_URL"):
        os.environ.pop(var, None)  # never touch a real database: the filler would pollute it
    from core.config import reset_settings
    from db.session import dispose_engine
    from infra.stack import Stack

    items = json.loads(EVAL.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="bench-rag-") as tmp:
        stack = Stack(data_dir=Path(tmp), persist_redis=False)
        os.environ["KNOWLEDGE_VECTOR_CACHE"] = "off"  # the throughput measured is the model's, not a cache read
        try:
            stack.start()
            reset_settings()
            dispose_engine()
            from core.embeddings import use_all_cores
            from db.migrate import upgrade
            from knowledge.ingest import DEFAULT_FOLDER, ingest

            upgrade()
            use_all_cores()  # ingestion is measured as knowledge.ingest runs it, on every core
            report = ingest(DEFAULT_FOLDER, progress=False)
            _emit("ingest_chunks", report.inserted, "chunks")
            _emit("ingest_throughput", report.inserted / report.seconds, "chunks/s")

            recall, _ = _recall(items)
            for lang, value in recall.items():
                _emit(f"recall_at5_{lang}", value, "ratio")

            _emit("filler_insert_throughput", _add_filler(TARGET_CHUNKS - report.inserted), "chunks/s")
            _emit("index_size", TARGET_CHUNKS, "chunks")
            _recall(items[:10])  # warm-up: connection pool, index pages
            recall_10k, latencies = _recall(items)
            for _ in range(PASSES - 1):
                latencies += _recall(items)[1]
            for lang, value in recall_10k.items():
                _emit(f"recall_at5_{lang}_10k", value, "ratio")
            _emit("query_latency_p50_10k", statistics.median(latencies), "ms")
            _emit("query_latency_p95_10k", _p(latencies, 95), "ms")
            search, uses_hnsw = _search_only_latency(items)
            _emit("search_latency_p95_10k", _p(search, 95), "ms")
            _emit("search_uses_hnsw_index", float(uses_hnsw), "bool")
            _emit("load_average_1m", os.getloadavg()[0], "runnable")  # latency figures are only as quiet as the CPU
        finally:
            dispose_engine()
            stack.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
