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
