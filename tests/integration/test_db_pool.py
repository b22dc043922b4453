"""A process keeps the Postgres connections it opened: a burst of users does not open and close sessions."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import NullPool, QueuePool

from core.config import get_settings
from db.session import dispose_engine, get_engine, unit_of_work
from testkit.support import reset_caches


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


@contextmanager
def _silent_postgres() -> Iterator[str]:
    """A TCP port that accepts connections and never answers: a Postgres host that stopped responding."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    try:
        yield f"postgresql://app:pw@127.0.0.1:{listener.getsockname()[1]}/app"
    finally:
        listener.close()


def _connect_to_silent_postgres(
    monkeypatch: Any, url_query: str, timeout_setting: str
) -> tuple[BaseException | None, list[dict[str, Any]]]:
    """Connect through the product's engine on a thread to a server that never answers.

    Returns the error the attempt ended with (None if it still hung after 20 s) and the parameters psycopg got.
    """
    outcome: list[BaseException] = []
    seen: list[dict[str, Any]] = []

    def attempt() -> None:
        try:
            with get_engine().connect():
                pass
        except BaseException as exc:  # reported to the test
            outcome.append(exc)

    with _silent_postgres() as url:
        monkeypatch.setenv("DATABASE_URL", url + url_query)
        monkeypatch.setenv("DB_CONNECT_TIMEOUT_S", timeout_setting)
        reset_caches()
        event.listen(get_engine(), "do_connect", lambda _d, _r, _a, params: seen.append(dict(params)))
        try:
            worker = threading.Thread(target=attempt, daemon=True)
            worker.start()
            worker.join(20)
        finally:
            monkeypatch.undo()
            reset_caches()
    return (outcome[0] if outcome else None), seen


def test_a_postgres_that_never_answers_fails_the_connection_instead_of_hanging(monkeypatch: Any) -> None:
    """libpq waits forever by default: a page or a worker thread was held until the process died."""
    error, seen = _connect_to_silent_postgres(monkeypatch, "", "1")
    assert isinstance(error, OperationalError), error
    assert seen and seen[0]["connect_timeout"] == 1
    assert (seen[0]["keepalives"], seen[0]["keepalives_idle"], seen[0]["keepalives_count"]) == (1, 30, 3)


def test_the_urls_own_connection_parameters_win(monkeypatch: Any) -> None:
    error, seen = _connect_to_silent_postgres(monkeypatch, "?connect_timeout=1&keepalives_idle=7", "600")
    assert isinstance(error, OperationalError), error  # the URL's 1 s, not the setting's 600 s
    assert str(seen[0]["keepalives_idle"]) == "7" and seen[0]["keepalives"] == 1


def _prepared_after_runs(runs: int) -> tuple[Any, list[str]]:
    """Run one statement `runs` times on a fresh pooled connection; its prepare_threshold and what it prepared."""
    dispose_engine()
    with unit_of_work() as session:
        for n in range(runs):
            assert session.execute(text("SELECT count(*) FROM jobs WHERE attempts > :n"), {"n": n}).scalar_one() >= 0
        threshold = session.connection().connection.dbapi_connection.prepare_threshold  # type: ignore[union-attr]
        statements = session.execute(text("SELECT statement FROM pg_prepared_statements")).scalars().all()
    dispose_engine()
    return threshold, [s for s in statements if "FROM jobs" in s]


def test_a_statement_is_prepared_on_its_first_run(db: None) -> None:
    """psycopg's default prepares on the sixth run: a process's first burst paid for planning every statement."""
    threshold, prepared = _prepared_after_runs(1)
    assert threshold == 0 and len(prepared) == 1


def test_the_url_can_turn_prepared_statements_off(db: None, monkeypatch: Any) -> None:
    """A pooler in transaction mode without prepared-statement support needs them off: `?prepare_threshold=none`."""
    url = get_settings().database_url
    monkeypatch.setenv("DATABASE_URL", url + ("&" if "?" in url else "?") + "prepare_threshold=none")
    reset_caches()
    try:
        threshold, prepared = _prepared_after_runs(7)
    finally:
        monkeypatch.undo()
        reset_caches()
        dispose_engine()
    assert threshold is None and prepared == []
