"""A search query's embedding computed once and shared by every process for an hour.

The workbench's knowledge queries are a fixed few (the candidate's situation, core.workbench.situation) that
every user's steps ask, in every consumer process. Embedding costs ~1.5-2.5 ms of CPU per token (~35-65 ms
for one of these queries), once the largest piece of CPU a step spent before its upstream request.

So the first caller computes the vector (a Redis lock makes it a single flight) and stores it; a caller
that finds the lock taken waits for the result, briefly, and computes it itself if it does not come (the
holder crashed, Redis is slow). Redis failing only costs the time of embedding locally. Keys are keyed
hashes of the query and values are encrypted, as is every other piece of user content kept in Redis.
"""

from __future__ import annotations

import hashlib
import hmac
import time

import numpy as np
import redis

from core import embeddings
from core.assets import crypto
from core.config import get_settings
from core.cpu_turns import TURNS
from core.redis_conn import get_redis

TTL_S = 3600
LOCK_MS = 5000  # longer than one embedding under load; a holder that dies frees it after this
WAIT_S = 3.0
POLL_S = 0.01
_PREFIX = "jaa:qvec:"


def query_vector(text: str) -> embeddings.Vector:
    """The embedding of `text` as a search query: this process's cache, then Redis, then the model (once)."""
    local = embeddings.cached_query(text)
    if local is not None:
        return local
    try:
        return _shared(text)
    except redis.RedisError:
        return embeddings.embed_query(text)


def _shared(text: str) -> embeddings.Vector:
    client, key = get_redis(), _key(text)
    found = _load(client.get(key))
    if found is None and not client.set(key + ":lock", "1", nx=True, px=LOCK_MS):
        deadline = time.monotonic() + WAIT_S
        with TURNS.given_up():
            while found is None and time.monotonic() < deadline:
                time.sleep(POLL_S)
                found = _load(client.get(key))
                if found is None and not client.exists(key + ":lock"):
                    break  # the holder gave up: compute it here
    if found is not None:
        embeddings.remember_query(text, found)
        return found
    vector = embeddings.embed_query(text)
    token = crypto.encrypt_bytes(vector.astype(np.float32).tobytes()).decode("ascii")
    client.pipeline().set(key, token, ex=TTL_S).delete(key + ":lock").execute()
    return vector


def _load(token: str | None) -> embeddings.Vector | None:
    if not token:
        return None
    try:
        raw = crypto.decrypt_bytes(token.encode("ascii"))
    except Exception:  # a key rotated away or a foreign value: recompute rather than fail the step
        return None
    vector = np.frombuffer(raw, dtype=np.float32)
    return vector if vector.shape == (embeddings.DIM,) else None


def _key(text: str) -> str:
    secret = get_settings().cookie_key.encode() or b"query-vectors"
    digest = hmac.new(secret, f"{embeddings.MODEL_ID}\x1f{text}".encode(), hashlib.sha256).hexdigest()[:40]
    return _PREFIX + digest
