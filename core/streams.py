"""Token streams: one Redis Stream per job, written by the worker, read by any number of readers.

Events are small dicts {"t": kind, "d": data}: `delta` (text), `status` (a progress key), `reset` (a retry
starts over: readers drop the text they hold), `done`, `error` (a translation key). A reader keeps the last
id it saw and resumes from there, so a Streamlit rerun, a reload or a second tab continue where they were.
Streams are capped (MAXLEN) and expire (TTL); after that the UI reads the stored result from Postgres.
Keys carry only the job id, never content.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import redis

from core.config import get_settings
from core.redis_conn import get_redis

TERMINAL = frozenset({"done", "error"})


def stream_key(job_id: str) -> str:
    return f"stream:{job_id}"


@dataclass(frozen=True)
class StreamEvent:
    id: str
    kind: str
    data: str


class StreamWriter:
    """Appends events for one job; each append also refreshes the TTL."""

    def __init__(self, job_id: str, client: redis.Redis | None = None) -> None:
        self.key = stream_key(job_id)
        self.redis = client or get_redis()
        settings = get_settings()
        self.maxlen = settings.stream_maxlen
        self.ttl = settings.stream_ttl_s

    def _add(self, kind: str, data: str = "") -> None:
        pipe = self.redis.pipeline(transaction=False)
        pipe.xadd(self.key, {"t": kind, "d": data}, maxlen=self.maxlen, approximate=True)
        pipe.expire(self.key, self.ttl)
        pipe.execute()

    def delta(self, text: str) -> None:
        if text:
            self._add("delta", text)

    def status(self, key: str) -> None:
        self._add("status", key)

    def reset(self) -> None:
        self._add("reset")

    def done(self) -> None:
        self._add("done")

    def error(self, key: str) -> None:
        self._add("error", key)


def read(job_id: str, after: str = "0-0", *, block_ms: int | None = None, count: int = 500) -> list[StreamEvent]:
    """Events after `after` (exclusive), waiting up to block_ms for the first one if none are there."""
    reply = get_redis().xread({stream_key(job_id): after}, count=count, block=block_ms)
    events: list[StreamEvent] = []
    for _key, entries in reply or []:
        for entry_id, fields in entries:
            events.append(StreamEvent(id=entry_id, kind=fields.get("t", ""), data=fields.get("d", "")))
    return events


def exists(job_id: str) -> bool:
    return bool(get_redis().exists(stream_key(job_id)))


def follow(
    job_id: str, after: str = "0-0", *, block_ms: int = 1000, idle_timeout_s: float = 300
) -> Iterator[StreamEvent]:
    """Yield events until a terminal one; stops after idle_timeout_s without any event."""
    import time

    last_event = time.monotonic()
    while True:
        events = read(job_id, after, block_ms=block_ms)
        if not events:
            if time.monotonic() - last_event > idle_timeout_s:
                return
            continue
        last_event = time.monotonic()
        for event in events:
            after = event.id
            yield event
            if event.kind in TERMINAL:
                return


def collect_text(events: list[StreamEvent], text: str = "") -> str:
    """Fold events into the text a reader should show (a reset starts over)."""
    for event in events:
        if event.kind == "reset":
            text = ""
        elif event.kind == "delta":
            text += event.data
    return text


def delete(job_id: str) -> None:
    get_redis().delete(stream_key(job_id))
