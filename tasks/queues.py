"""The Huey instances: `paid` and `free` run jobs, `maint` runs the periodic reaper.

Each instance is its own Redis-backed queue with its own consumer process:

    huey_consumer tasks.queues.paid  -k thread -w $PAID_WORKERS -n
    huey_consumer tasks.queues.free  -k thread -w $FREE_WORKERS -n
    huey_consumer tasks.queues.maint -k thread -w 1

Huey's own retries are off: a Huey message is delivered at most once, and the job table (core/jobs.py)
decides retries, backoff and refunds, so a job survives a consumer dying or Redis losing its queue.
"""

from __future__ import annotations

import gc
import time

from huey import RedisHuey, crontab
from redis import ConnectionPool
from redis.client import Pipeline

from core import dispatch, worker
from core.config import get_settings
from core.logging import configure_logging

_settings = get_settings()
configure_logging(_settings.log_level)


def _huey(name: str) -> RedisHuey:
    url = _settings.redis_url or "unix:///nonexistent/redis.sock"
    pool = ConnectionPool.from_url(url, socket_timeout=30, socket_connect_timeout=3, health_check_interval=15)
    return RedisHuey(
        f"jaa-{name}", connection_pool=pool, results=False, store_none=False, utc=True, blocking=True, read_timeout=1
    )


paid = _huey("paid")
free = _huey("free")
maint = _huey("maint")

import tasks.handlers  # noqa: E402,F401  (registers the job handlers with core.worker)

# Everything imported so far lives as long as the process: keep it out of the cyclic collector's scans,
# whose full passes over the libraries' objects stalled every worker thread of a consumer for ~100 ms.
gc.freeze()


@paid.task(retries=0, name="run_job")
def run_paid_job(job_id: str) -> None:
    worker.execute(job_id)


@free.task(retries=0, name="run_job")
def run_free_job(job_id: str) -> None:
    worker.execute(job_id)


_RUNNERS = {"paid": run_paid_job, "free": run_free_job}


def _dispatch(job_id: str, queue: str, delay_s: float, pipe: Pipeline) -> None:
    """Queue the job's message on `pipe`: what RedisStorage.enqueue does, in the caller's round trip."""
    runner = _RUNNERS[queue]
    task = runner.s(job_id, delay=delay_s) if delay_s > 0 else runner.s(job_id)
    pipe.lpush(runner.huey.storage.queue_key, runner.huey.serialize_task(task))


dispatch.install(_dispatch)


@maint.periodic_task(crontab(minute="*"), retries=0, name="maintenance")
def maintenance() -> None:
    """Reap every REAPER_INTERVAL_S seconds for just under a minute, then let the next tick take over."""
    from core.reaper import reap

    interval = max(1, _settings.reaper_interval_s)
    deadline = time.monotonic() + 55
    while True:
        reap()
        if time.monotonic() + interval > deadline:
            return
        time.sleep(interval)
