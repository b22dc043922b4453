"""A process keeps the Postgres connections it opened: a burst of users does not open and close sessions."""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.pool import NullPool, QueuePool

from core.config import get_settings
from db.session import dispose_engine, get_engine, unit_of_work


def _burst(threads: int) -> int:
    """`threads` transactions at once, each holding its connection 50 ms; returns how many completed."""
    barrier = threading.Barrier(threads)
    done: list[int] = []

    def one() -> None:
        barrier.wait()
        with unit_of_work() as session:
            session.execute(text("SELECT pg_sleep(0.05)"))
        done.append(1)

    workers = [threading.Thread(target=one) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    return len(done)


def test_a_second_burst_reuses_every_connection_and_none_is_refused(db: None) -> None:
    engine = get_engine()
    cap = get_settings().db_pool_size
    opened: list[int] = []

    def on_connect(*_: Any) -> None:
        opened.append(1)

    event.listen(engine, "connect", on_connect)
    try:
        assert _burst(cap + 5) == cap + 5  # beyond the cap, five wait for a connection; none fails
        after_first = len(opened)
        assert _burst(cap + 5) == cap + 5
        assert len(opened) == after_first  # the second burst opened nothing: the first one's are kept
        assert isinstance(engine.pool, QueuePool) and engine.pool.checkedin() <= cap
    finally:
        event.remove(engine, "connect", on_connect)


def test_a_server_that_refuses_the_session_settings_still_serves(db: None, monkeypatch: Any, caplog: Any) -> None:
    """The settings only tune the knowledge search's index walk: refusing them must not take the product down."""
    import db.session as session_module
    from core.retrieval import retrieve

    monkeypatch.setattr(session_module, "SESSION_SETTINGS", "SET no_such_setting = 1")
    session_module.dispose_engine()
    try:
        with unit_of_work() as session:
            assert session.execute(text("SELECT 1")).scalar_one() == 1
        assert retrieve("cold email to a hiring manager", ("matching",), "en", k=4) == []  # no base: empty, no error
    finally:
        session_module.dispose_engine()
    assert any("session_settings_refused" in record.getMessage() for record in caplog.records)


def test_a_pooled_connection_the_server_closed_is_replaced_before_use(db: None) -> None:
    """A restarted or terminated backend leaves a dead connection in the pool: the next transaction must not fail.

    The ingest after a Postgres restart (within ten seconds, so no idle ping) failed with AdminShutdown.
    """
    dispose_engine()
    with unit_of_work() as session:  # one connection, now resting in the pool
        pid = session.execute(text("SELECT pg_backend_pid()")).scalar_one()
    outsider = create_engine(get_engine().url, poolclass=NullPool)  # an administrator's own session
    try:
        with outsider.connect() as admin:
            assert admin.execute(text("SELECT pg_terminate_backend(:pid, 5000)"), {"pid": pid}).scalar_one()
    finally:
        outsider.dispose()
    pool = get_engine().pool
    assert isinstance(pool, QueuePool)
    with unit_of_work() as session:
        # the same pooled connection was offered first (one in the pool), found dead, and replaced
        assert session.execute(text("SELECT pg_backend_pid()")).scalar_one() != pid
        assert session.execute(text("SELECT 1")).scalar_one() == 1
