"""Passage vectors kept on disk by content hash, for an index that starts empty on a machine that has embedded
the same text before (a second data directory, a new database, the benches' and tests' own stacks).

Why: embedding the bundled base (86 chunks) takes 30 s of CPU on two slow cores, and the vectors depend only
on the text and the model, which the content hash already names (knowledge.chunking). The database stays the
index; this file is only a cache: a missing, stale or unreadable file costs the embedding time, never a wrong
vector, since a vector is found by the hash of the exact text it was made from.

One `.npz` of hashes and vectors, read without pickles and replaced atomically (a write that races another
only loses the other's additions).
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import numpy as np

from core.config import get_settings
from core.embeddings import DIM

logger = logging.getLogger(__name__)

FILE_NAME = "passages.npz"


def cache_file() -> Path | None:
    """The cache's file, or None when the operator turned the cache off (KNOWLEDGE_VECTOR_CACHE=off)."""
    folder = get_settings().knowledge_vector_cache
    return None if folder == "off" else Path(folder).expanduser() / FILE_NAME


def load(hashes: Iterable[str]) -> dict[str, Any]:
    """The cached vectors of these content hashes (those it has)."""
    path = cache_file()
    wanted = set(hashes)
    if path is None or not wanted:
        return {}
    try:
        stored = _read(path)
    except Exception as exc:  # a damaged cache is only a slower ingest
        logger.warning("knowledge vector cache unreadable, ignored: %s", type(exc).__name__)
        return {}
    return {h: v for h, v in stored.items() if h in wanted}


def save(vectors: Mapping[str, Any]) -> None:
    """Add these vectors to the cache (kept with those already there); a failure only loses the cache."""
    path = cache_file()
    if path is None or not vectors:
        return
    try:
        kept = _read(path)
    except Exception:
        kept = {}  # damaged: written afresh
    merged = kept | {h: np.asarray(v, dtype=np.float32).reshape(DIM) for h, v in vectors.items()}
    keys = sorted(merged)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".passages-", suffix=".npz")
        try:
            with os.fdopen(fd, "wb") as out:
                np.savez(out, hashes=np.array(keys), vectors=np.stack([merged[k] for k in keys]))
            os.replace(tmp, path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
    except OSError as exc:
        logger.warning("knowledge vector cache not written: %s", type(exc).__name__)


def _read(path: Path) -> dict[str, Any]:
    """Every vector in the file by hash ({} when there is no file); raises when the file is damaged."""
    if not path.is_file():
        return {}
    with np.load(path, allow_pickle=False) as stored:
        keys, vectors = stored["hashes"], stored["vectors"]
    if vectors.ndim != 2 or vectors.shape[1] != DIM or len(keys) != len(vectors) or vectors.dtype != np.float32:
        raise ValueError("not a table of passage vectors")
    return {str(h): vectors[i] for i, h in enumerate(keys)}
