"""Token streams: one Redis Stream per job, written by the worker, read by any number of readers.

Events are small dicts {"t": kind, "d": data}: `delta` (text), `part` (a named structured piece computed by code
before the reply, e.g. keyword coverage, as "name\njson"), `status` (a progress key), `reset` (a retry starts over:
readers drop the text they hold), `done`, `error` (a translation key). A reader keeps the last
id it saw and resumes from there, so a Streamlit rerun, a reload or a second tab continue where they were.
Streams are capped (MAXLEN) and expire (TTL); after that the UI reads the stored result from Postgres.
Keys carry only the job id, never content; delta text is encrypted with the documents' key (it is model
output about the user's resume and JD, and Redis persistence would otherwise hold it in plain text).
"""

from __future__ import annotations

import heapq
import itertools
import math
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import redis

from core.assets.crypto import decrypt_bytes, encrypt_bytes
from core.config import get_settings
from core.redis_conn import get_redis

TERMINAL = frozenset({"done", "error"})
SEALED = frozenset({"delta", "part"})  # kinds whose data is user content, encrypted in Redis
# Commands another module queues on a writer's pipeline, to share its round trip (see StreamWriter.part).
PipelineCommands = Callable[["redis.client.Pipeline[str]"], None]


def stream_key(job_id: str) -> str:
    return f"stream:{job_id}"


@dataclass(frozen=True)
class StreamEvent:
    id: str
    kind: str
    data: str


class StreamWriter:
    """Appends events for one job.

    The first delta goes out at once (time to first token is what a reader feels most); later deltas are
    coalesced for `flush_interval_s`, so a thousand-token reply costs tens of appends, not a thousand (ten
    updates a second is still finer than the page's 0.6 s poll; every append wakes a worker and its readers). If
    the upstream pauses, the process's flusher thread sends what is pending when the interval ends, so a
    reader never waits on text the worker already has. Any other event sends pending deltas first, so
    order holds. The TTL is set with the first append and refreshed by terminal events.
    """

    def __init__(self, job_id: str, client: redis.Redis[str] | None = None, flush_interval_s: float = 0.1) -> None:
        self.key = stream_key(job_id)
        self.redis = client or get_redis()
        settings = get_settings()
        self.maxlen = settings.stream_maxlen
        self.ttl = settings.stream_ttl_s
        self.flush_interval_s = flush_interval_s
        self._lock = threading.Lock()  # the worker and the flusher thread both send; one at a time, in order
        self._pending: list[str] = []
        self._last_flush = float("-inf")
        self._expiry_set = False
        self.flush_scheduled = False  # owned by the flusher: this writer waits in its heap

    def _send(self, kind: str, data: str, also: PipelineCommands | None = None) -> None:
        if kind in SEALED:
            data = _seal(data)
        expire = not self._expiry_set or kind in TERMINAL
        if not expire and also is None:
            self.redis.xadd(self.key, {"t": kind, "d": data}, maxlen=self.maxlen, approximate=True)
            return
        pipe = self.redis.pipeline(transaction=False)
        pipe.xadd(self.key, {"t": kind, "d": data}, maxlen=self.maxlen, approximate=True)
        if expire:
            pipe.expire(self.key, self.ttl)
        if also is not None:
            also(pipe)
        pipe.execute()
        self._expiry_set = True

    def _send_pending(self) -> None:
        """Caller holds the lock. Pending text is dropped only once Redis has it."""
        self._last_flush = time.monotonic()
        if self._pending:
            self._send("delta", "".join(self._pending))
            self._pending = []

    def _add(self, kind: str, data: str = "", also: PipelineCommands | None = None) -> None:
        with self._lock:
            self._send_pending()
            self._send(kind, data, also)

    def delta(self, text: str) -> None:
        if not text:
            return
        with self._lock:
            self._pending.append(text)
            due = self._last_flush + self.flush_interval_s
            if time.monotonic() >= due:
                self._send_pending()
                return
        _flusher.schedule(self, due)

    def flush(self) -> None:
        """Send the coalesced deltas now, if any (the worker and the flusher both call it; one may find none)."""
        with self._lock:
            if self._pending:
                self._send_pending()

    def status(self, key: str) -> None:
        self._add("status", key)

    def part(self, name: str, json_text: str, also: PipelineCommands | None = None) -> None:
        """A structured piece the page can show before the reply's text (the reader splits at the first newline).

        `also` queues other commands in the same round trip (Match marks itself sent with its coverage).
        """
        self._add("part", f"{name}\n{json_text}", also)

    def reset(self) -> None:
        with self._lock:
            self._pending = []
            self._send("reset", "")

    def done(self) -> None:
        self._add("done")

    def error(self, key: str) -> None:
        self._add("error", key)


class _Flusher:
    """One daemon thread per process that sends deltas left pending when an upstream pauses mid-reply.

    Writers wait in a heap by due time. A writer already waiting is not scheduled again, and the thread is
    woken only when a new due time is earlier than the one it sleeps until: with fifty replies streaming,
    waking it on every schedule cost a consumer a sixth of its interpreter time.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._heap: list[tuple[float, int, StreamWriter]] = []
        self._order = itertools.count()  # ties in due time never compare writers
        self._wake_at = math.inf  # when the sleeping thread wakes by itself; -inf while it is awake
        self._thread: threading.Thread | None = None

    def schedule(self, writer: StreamWriter, due: float) -> None:
        if writer.flush_scheduled:  # set and cleared under the lock below; a stale True is harmless (see _run)
            return
        with self._cond:
            if writer.flush_scheduled:
                return
            writer.flush_scheduled = True
            heapq.heappush(self._heap, (due, next(self._order), writer))
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="stream-flusher", daemon=True)
                self._thread.start()
            if due < self._wake_at:
                self._cond.notify()

    def _run(self) -> None:
        while True:
            with self._cond:
                now = time.monotonic()
                ready: list[StreamWriter] = []
                while self._heap and self._heap[0][0] <= now:
                    writer = heapq.heappop(self._heap)[2]
                    writer.flush_scheduled = False  # before its flush: text added from here on is re-scheduled
                    ready.append(writer)
                if not ready:
                    self._wake_at = self._heap[0][0] if self._heap else math.inf
                    self._cond.wait(None if not self._heap else self._wake_at - now)
                    self._wake_at = -math.inf
                    continue
            for writer in ready:
                try:
                    writer.flush()
                except redis.RedisError:
                    pass  # the text stays pending; the worker's next append retries it or fails the attempt


_flusher = _Flusher()


def read(job_id: str, after: str = "0-0", *, block_ms: int | None = None, count: int = 500) -> list[StreamEvent]:
    """Events after `after` (exclusive), waiting up to block_ms for the first one if none are there."""
    reply = get_redis().xread({stream_key(job_id): after}, count=count, block=block_ms)
    events: list[StreamEvent] = []
    for _key, entries in reply or []:
        for entry_id, fields in entries:
            kind = fields.get("t", "")
            data = fields.get("d", "")
            events.append(StreamEvent(id=entry_id, kind=kind, data=_open(data) if kind in SEALED else data))
    return events


def _seal(text: str) -> str:
    return encrypt_bytes(text.encode("utf-8")).decode("ascii")


def _open(token: str) -> str:
    return decrypt_bytes(token.encode("ascii")).decode("utf-8")


def exists(job_id: str) -> bool:
    return bool(get_redis().exists(stream_key(job_id)))


def follow(
    job_id: str, after: str = "0-0", *, block_ms: int = 1000, idle_timeout_s: float = 300
) -> Iterator[StreamEvent]:
    """Yield events until a terminal one; stops after idle_timeout_s without any event."""
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
