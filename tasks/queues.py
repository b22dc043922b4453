"""The Huey instances (`paid` and `free` run jobs, `maint` runs the periodic reaper) and the wiring of core.

Each instance is its own Redis-backed queue with its own consumer process:

    huey_consumer tasks.queues.paid  -k thread -w $PAID_WORKERS -n
    huey_consumer tasks.queues.free  -k thread -w $FREE_WORKERS -n
    huey_consumer tasks.queues.maint -k thread -w 1

Huey's own retries are off: a Huey message is delivered at most once, and the job table (core/jobs.py)
decides retries, backoff and refunds, so a job survives a consumer dying or Redis losing its queue.

Importing this module only builds the three instances (no connection is made). `wire()` is the
composition root every process calls at start-up: it gives core the dispatcher and the job handlers. A
consumer also sets up its process (logging, `gc.freeze`) in Huey's start-up hook, before its first task.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from typing import Any

from huey import RedisHuey, crontab
from huey.api import TaskWrapper
from redis import ConnectionPool

from core import dispatch, worker
from core.config import get_settings
from core.cpu_turns import TURNS
from core.logging import configure_logging, log_event
from core.reaper import reap
from core.redis_conn import DRIVER_INFO
from core.redis_conn import open_connections as open_redis_connections
from core.warmup import freeze_long_lived, warm_up
from db.session import open_connections
from tasks.handlers import all_handlers

_log = logging.getLogger("tasks.queues")


def _pool() -> ConnectionPool:
    url = get_settings().redis_url or "unix:///nonexistent/redis.sock"
    return ConnectionPool.from_url(
        url, socket_timeout=30, socket_connect_timeout=3, health_check_interval=15, driver_info=DRIVER_INFO
    )


class JobQueue(RedisHuey):  # type: ignore[misc,unused-ignore]  # Huey is untyped (strict: no subclassing Any)
    """A Huey whose tasks are never revoked, and whose consumer takes no more jobs than it can start.

    Revoking: the job table decides whether a job runs (core.jobs.claim). Huey asks Redis whether each task was
    revoked before it runs it (HMGET) and clears the flag after (HDEL): two round trips a job, the first on the
    way to its upstream request, under a burst a wait for the consumer's interpreter each, for a feature this
    project does not use. Revoking raises, so nobody comes to rely on it.

    Taking jobs: one worker thread at a time asks Redis for a job, and only while fewer than INTAKE_LIMIT jobs
    this process took are still in their first stretch of CPU (core.cpu_turns says why); the others are idle
    threads in any case. The wait is bounded, so a stopping consumer's threads see its stop flag within a second.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._receiver = threading.Lock()

    def dequeue(self) -> Any:
        if not self._receiver.acquire(timeout=INTAKE_WAIT_S):
            return None  # another thread is asking; Huey's loop comes back (and checks its stop flag)
        try:
            TURNS.wait_for_room(INTAKE_LIMIT, INTAKE_WAIT_S)
            task = super().dequeue()
            if task is not None:
                TURNS.admit()  # before the next receiver looks for room
            return task
        finally:
            self._receiver.release()

    def execute(self, task: Any, timestamp: Any = None) -> Any:
        try:
            return super().execute(task, timestamp)
        finally:
            TURNS.settled()  # a task that never took a turn (a job already claimed elsewhere, the reaper's tick)

    def is_revoked(self, task: Any, timestamp: Any = None, peek: bool = True) -> bool:
        return False

    def delete(self, key: str) -> bool:
        if key.startswith(_REVOKE_PREFIX):  # a task's revocation flag, never set
            return False
        return bool(super().delete(key))

    def revoke(self, *args: Any, **kwargs: Any) -> None:
        raise NotImplementedError(_NO_REVOKING)

    revoke_all = revoke_by_id = revoke


# Jobs a consumer takes before those it took have sent their requests (or ended). Two: one job's preparation runs
# while the next is claimed, so the CPU does not wait on a claim's round trips; a third sits in this process's line
# while another consumer may be idle. bench.workbench_paths, 20 services, seven interleaved pairs against no limit:
# first Match token p95 over the provider's median 221 -> 171 ms, overhead per step p50 221 -> 217 ms (README).
INTAKE_LIMIT = 2
INTAKE_WAIT_S = 1.0
_REVOKE_PREFIX = "r:"  # huey.api.Task.revoke_id
_NO_REVOKING = "jobs are cancelled through the job table (core.jobs), not by revoking Huey tasks"


def _huey(name: str) -> JobQueue:
    return JobQueue(
        f"jaa-{name}", connection_pool=_pool(), results=False, store_none=False, utc=True, blocking=True, read_timeout=1
    )


def _follow_settings(instance: RedisHuey) -> None:
    """Point an instance's storage at the Redis the settings name now, if it points elsewhere.

    The instances are built at import; a process that starts a stack of its own afterwards (a benchmark
    running several, one after another) would otherwise enqueue into the first stack's Redis, long gone.
    """
    wanted = _pool()
    if instance.storage.pool.connection_kwargs == wanted.connection_kwargs:
        wanted.disconnect()
        return
    instance.storage_kwargs["connection_pool"] = wanted
    instance.storage = instance.create_storage()


paid = _huey("paid")
free = _huey("free")
maint = _huey("maint")


def _run_job(job_id: str) -> None:
    worker.execute(job_id)


# Huey's decorators are untyped; applied as calls, the task objects keep a type.
run_paid_job: TaskWrapper = paid.task(retries=0, name="run_job")(_run_job)
run_free_job: TaskWrapper = free.task(retries=0, name="run_job")(_run_job)
_RUNNERS: dict[str, TaskWrapper] = {"paid": run_paid_job, "free": run_free_job}


def send(job_id: str, queue: str, delay_s: float = 0.0) -> None:
    """The dispatcher: Huey's public enqueue (signals and hooks included); a delay becomes Huey's eta."""
    runner = _RUNNERS[queue]
    if delay_s > 0:
        runner.schedule((job_id,), delay=delay_s)
    else:
        runner(job_id)


def message_of(job_id: str, queue: str) -> tuple[str, bytes]:
    """The Redis list and the message `send` would push for a job due now, for core.dispatch to send a click's
    messages in one round trip beside their markers. What Huey's enqueue does minus its signal (none is
    connected here): serialize the task, LPUSH it on the instance's queue key."""
    runner = _RUNNERS[queue]
    huey = runner.huey
    storage = huey.storage
    return storage.queue_key, huey.serialize_task(runner.s(job_id))


def wire() -> None:
    """Give core this process's dispatcher and every job handler, on the Redis of the current settings
    (idempotent)."""
    for instance in (paid, free, maint):
        _follow_settings(instance)
    dispatch.install(send, message_of)
    worker.install_handlers(all_handlers())


_started = False
_start_lock = threading.Lock()


def start_consumer() -> None:
    """Huey's start-up hook, run by each worker thread before its first task: the first one sets up the process."""
    global _started
    with _start_lock:
        if _started:
            return
        configure_logging(get_settings().log_level)
        wire()
        warm_up()  # the first jobs must not each build the vocabulary and the client; others wait here
        _open_connections()
        # Everything imported so far lives as long as the process: keep it out of the cyclic collector's scans,
        # whose full passes over the libraries' objects stalled every worker thread of a consumer for ~100 ms.
        freeze_long_lived()
        _started = True


def worker_threads(argv: list[str]) -> int:
    """A huey_consumer's worker count (-w/--workers), read by Huey's own option parser; 1 for anything else."""
    from huey.consumer_options import OptionParserHandler

    if not argv or "huey_consumer" not in argv[0]:
        return 1
    try:
        options, _ = OptionParserHandler().get_option_parser().parse_args(argv[1:])
    except SystemExit:  # optparse's way of refusing arguments; the consumer itself would have exited already
        return 1
    return max(1, int(options.workers or 1))


def _open_connections() -> None:
    """One database and one Redis connection per worker thread (and the stream flusher), opened before the first
    task (see db.session.open_connections and core.redis_conn.open_connections)."""
    workers = worker_threads(sys.argv)
    try:
        open_connections(workers)
        open_redis_connections(workers + 1)
    except Exception as exc:  # the store is down at start: each job opens its own connection later, as before
        log_event(_log, "open_connections_failed", logging.WARNING, error=type(exc).__name__)


for _instance in (paid, free, maint):
    _instance.on_startup("start_consumer")(start_consumer)


def _maintain() -> None:
    """Reap every REAPER_INTERVAL_S seconds for just under a minute, then let the next tick take over."""
    interval = max(1, get_settings().reaper_interval_s)
    deadline = time.monotonic() + 55
    while True:
        reap()
        if time.monotonic() + interval > deadline:
            return
        time.sleep(interval)


maintenance: TaskWrapper = maint.periodic_task(crontab(minute="*"), retries=0, name="maintenance")(_maintain)
