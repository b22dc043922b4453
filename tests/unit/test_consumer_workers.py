"""A consumer knows how many worker threads it runs (its pool is opened for that many before its first task)."""

from __future__ import annotations

from tasks.queues import worker_threads

CONSUMER = "/venv/lib/python3.11/site-packages/huey/bin/huey_consumer.py"


def test_the_worker_count_is_read_as_huey_consumer_reads_it() -> None:
    assert worker_threads([CONSUMER, "tasks.queues.paid", "-k", "thread", "-w", "7", "-q", "-n"]) == 7
    assert worker_threads([CONSUMER, "tasks.queues.free", "--workers=3", "-k", "thread"]) == 3
    assert worker_threads([CONSUMER, "tasks.queues.maint", "-k", "thread"]) == 1  # Huey's default


def test_any_other_process_or_unreadable_arguments_count_one() -> None:
    assert worker_threads(["/usr/bin/streamlit", "run", "Home.py", "-w", "9"]) == 1
    assert worker_threads([]) == 1
    assert worker_threads([CONSUMER, "tasks.queues.paid", "--no-such-option"]) == 1


def test_wiring_points_the_queues_at_the_redis_the_settings_name_now(monkeypatch) -> None:
    """A process that starts a second stack (a benchmark running several) enqueues into the new Redis."""
    from core.config import reset_settings
    from tasks import queues

    def wired_to(url: str) -> list[str]:
        monkeypatch.setenv("REDIS_URL", url)
        reset_settings()
        queues.wire()
        return [str(h.storage.pool.connection_kwargs.get("path")) for h in (queues.paid, queues.free, queues.maint)]

    try:
        assert wired_to("unix:///tmp/first/redis.sock") == ["/tmp/first/redis.sock"] * 3
        assert wired_to("unix:///tmp/second/redis.sock") == ["/tmp/second/redis.sock"] * 3
    finally:
        monkeypatch.undo()
        reset_settings()
        queues.wire()
