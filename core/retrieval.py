"""Retrieval over the knowledge base: top-k passages by cosine distance through pgvector's HNSW index.

    retrieve(query, categories=("matching",), lang="en", k=4) -> list[Passage]

Why it works this way:
- The query is embedded with e5's "query: " prefix (passages were embedded with "passage: "), once for every
  process (core.query_vectors). The workbench asks with the candidate's situation (core.workbench.situation),
  one of a fixed few queries every user shares.
- `ORDER BY embedding <=> :q LIMIT k` with a category/language filter lets Postgres walk the HNSW index.
  pgvector (0.6 here) filters *after* the index returns its `hnsw.ef_search` nearest candidates, so a
  selective filter can leave fewer than k rows. ef_search is raised on every connection (db.session's
  SESSION_SETTINGS: recall of the index is near-exact at this size), and if the filtered walk still comes
  back short, the query is repeated as an exact scan of the filtered rows (ordered by an expression no index
  serves). Correctness never depends on the index. A search is one statement on an autocommit connection:
  one round trip, as it runs before every step's request.
- A full answer is kept for RAG_CACHE_S in the process that asked (`_Recent`): the base changes only when it
  is ingested again, and the workbench's steps ask one of a fixed few queries before every request, in a
  burst twenty at once. Reusing it takes a round trip to Postgres and the query's planning and HNSW walk
  off every step's path to its upstream request. A short answer (a base still being ingested) is never
  kept, and an ingest clears this process's answers; other processes see it within RAG_CACHE_S.
- The user's language comes first: the top-k is filled from passages in `lang`, and only if there are
  fewer than k of them, topped up from the other languages (the model is multilingual, so an English
  passage still helps a Chinese user rather than returning nothing).
"""

from __future__ import annotations

import functools
import threading
import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text

CATEGORIES = ("matching", "resume", "interview", "self_intro")
LANGS = ("en", "zh")
# Which knowledge a task kind draws on: match uses matching and self-pitch advice (one category),
# customize uses resume writing, interview uses interview preparation and self-introduction.
TASK_CATEGORIES: dict[str, tuple[str, ...]] = {
    "match": ("matching",),
    "customize": ("resume",),
    "interview": ("interview", "self_intro"),
}
_SELECT = (
    "SELECT id, source, heading, content, category, lang, embedding <=> CAST(:q AS vector) AS distance"
    " FROM knowledge_chunks"
    " WHERE category = ANY(:categories) AND (lang = :lang) = :same_lang"
)
SEARCH = text(_SELECT + " ORDER BY embedding <=> CAST(:q AS vector) LIMIT :k")  # walks the HNSW index
EXACT_SEARCH = text(_SELECT + " ORDER BY (embedding <=> CAST(:q AS vector)) + 0 LIMIT :k")  # scans every row


@dataclass(frozen=True)
class Passage:
    id: int
    source: str
    heading: str
    content: str
    category: str
    lang: str
    score: float  # cosine similarity, 1 = same direction


def normalize_lang(lang: str) -> str:
    """ "zh-CN" -> "zh", "EN" -> "en"."""
    return (lang or "en").split("-")[0].split("_")[0].lower()


def _search(session: Any, q: Any, categories: tuple[str, ...], lang: str, same_lang: bool, k: int) -> list[Passage]:
    params = {"q": q, "categories": list(categories), "lang": lang, "same_lang": same_lang, "k": k}
    rows = session.execute(SEARCH, params).all()
    if len(rows) < k:
        # The HNSW walk may have dropped filtered-out candidates; check exactly (no index) before giving up.
        rows = session.execute(EXACT_SEARCH, params).all()
    return [
        Passage(
            id=row.id,
            source=row.source,
            heading=row.heading,
            content=row.content,
            category=row.category,
            lang=row.lang,
            score=round(1.0 - float(row.distance), 4),
        )
        for row in rows
    ]


def retrieve(query: str, categories: tuple[str, ...], lang: str, k: int = 4) -> list[Passage]:
    """Top-k passages for the query within the categories, in the user's language first."""
    from core.config import get_settings
    from db.session import autocommit

    if not query.strip() or k <= 0 or not categories:
        return []
    lang = normalize_lang(lang)
    key = (query, tuple(categories), lang, k)
    kept = _RECENT.get(key)
    if kept is not None:
        return kept
    q = _query_literal(query)
    with autocommit() as connection:
        passages = _search(connection, q, categories, lang, True, k)
        if len(passages) < k:
            passages += _search(connection, q, categories, lang, False, k - len(passages))
    if len(passages) == k:
        _RECENT.put(key, passages, get_settings().rag_cache_s)
    return passages


class _Recent:
    """Recent full answers, each for `ttl_s` from when it was searched; the oldest go first beyond SIZE."""

    SIZE = 256

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._answers: dict[tuple[Any, ...], tuple[float, tuple[Passage, ...]]] = {}

    def get(self, key: tuple[Any, ...]) -> list[Passage] | None:
        with self._lock:
            kept = self._answers.get(key)
        if kept is None or kept[0] <= time.monotonic():
            return None
        return list(kept[1])

    def put(self, key: tuple[Any, ...], passages: list[Passage], ttl_s: float) -> None:
        if ttl_s <= 0:
            return
        with self._lock:
            self._answers.pop(key, None)
            self._answers[key] = (time.monotonic() + ttl_s, tuple(passages))
            while len(self._answers) > self.SIZE:
                del self._answers[next(iter(self._answers))]

    def clear(self) -> None:
        with self._lock:
            self._answers.clear()


_RECENT = _Recent()


def forget_recent() -> None:
    """Drop this process's kept answers (an ingest changed the base; tests that change it call this too)."""
    _RECENT.clear()


@functools.lru_cache(maxsize=256)
def _query_literal(query: str) -> str:
    """The query's vector as pgvector's text literal, made once per query in this process.

    pgvector's own bind type formats the 384 floats on every statement (~0.4 ms of CPU each, up to four
    statements a step); the workbench's queries are a fixed few, so the text is kept.
    """
    from core.query_vectors import query_vector

    return vector_literal(query_vector(query))


def vector_literal(vector: Any) -> str:
    """A vector as pgvector's text literal, the form SEARCH binds (`CAST(:q AS vector)`)."""
    return "[" + ",".join(map(repr, vector.astype(float).tolist())) + "]"


def retrieve_for_task(task_kind: str, query: str, lang: str, k: int | None = None) -> list[Passage]:
    """The passages a task of this kind should see (see TASK_CATEGORIES); k defaults to RAG_TOP_K."""
    from core.config import get_settings

    categories = TASK_CATEGORIES.get(task_kind)
    if categories is None:
        raise ValueError(f"no knowledge categories for task kind {task_kind!r}")
    return retrieve(query, categories, lang, get_settings().rag_top_k if k is None else k)


def passages_as_prompt(passages: list[Passage]) -> str:
    """Numbered reference passages for a prompt; empty when there are none (the prompt then omits the block)."""
    return "\n\n".join(f"[{i}] {p.heading}\n{p.content}" for i, p in enumerate(passages, 1))


def as_record(passages: list[Passage]) -> list[dict[str, Any]]:
    """What a job stores in `jobs.retrieved` to show "why this advice" (ids and scores, not the text)."""
    return [{"id": p.id, "source": p.source, "heading": p.heading, "score": p.score} for p in passages]
