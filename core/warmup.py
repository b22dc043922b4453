"""Load what a job's first steps need once, when a consumer starts, not inside its first burst of jobs.

A py-spy dump of a consumer that met its first 30 jobs at once showed 17
worker threads each building the skill vocabulary (`lru_cache` lets concurrent misses all compute it), 15 waiting
for the first OpenAI client (its import), and others waiting for DB connections meanwhile: 5-6 s before any of them
sent its request. Loaded in the start-up hook, before any thread takes a task, a fresh process's first jobs start
as fast as its later ones (a new consumer scaled out under load is exactly when that matters).
"""

from __future__ import annotations

import gc
import logging
import time

from core.logging import log_event

_log = logging.getLogger("core.warmup")


def warm_up() -> None:
    """Vocabulary, one client per upstream model, the embedding model. A failure is logged, never raised: each
    piece is loaded again on first use anyway."""
    started = time.monotonic()
    try:
        from core.facts.vocabulary import get_vocabulary

        get_vocabulary()
        from core.llm import client
        from core.llm.registry import get_registry

        for spec in get_registry().models.values():
            if not spec.is_offline:
                client._client(spec)
        from core.embeddings import embed_query

        embed_query("warm up")
    except Exception as exc:  # a missing model file or registry: the jobs will say so themselves
        log_event(_log, "warm_up_failed", logging.WARNING, error=type(exc).__name__)
        return
    log_event(_log, "warm_up", latencyMs=int((time.monotonic() - started) * 1000))


def freeze_long_lived() -> None:
    """Keep what a process has loaded so far (the libraries, the vocabulary's ~75,000 objects) out of the cyclic
    collector's full passes: it lives as long as the process. A full pass over it stalls every thread of the
    process for 15 ms and more; in a consumer that was every worker thread, in the web process every click of a
    burst that one happened to meet."""
    gc.freeze()


def warm_up_web() -> None:
    """The web process's start: the vocabulary its pages read documents with, then the freeze."""
    try:
        from core.facts.vocabulary import get_vocabulary

        get_vocabulary()
    except Exception as exc:  # loaded again on first use anyway
        log_event(_log, "warm_up_failed", logging.WARNING, error=type(exc).__name__)
    freeze_long_lived()
