"""Engine and unit of work.

`unit_of_work()` is the way use cases touch the database: a session whose transaction commits when the
block ends and rolls back on any exception, so a debit, its job row and its idempotency record land together
or not at all (cosmicpython's unit-of-work pattern, without the ceremony). Two narrower doors for hot paths
that need no ORM or no transaction: `autocommit()` (one statement, a worker's claim, the knowledge search) and
`committed_reads()`, a session for reads of committed rows whose statements need no common snapshot (a step's
inputs): each statement is one round trip, no BEGIN or COMMIT.
"""

from __future__ import annotations

import logging
import select
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.orm import Session, sessionmaker

from core.config import get_settings
from core.errors import InvalidInput
from core.logging import log_event

_log = logging.getLogger("db.session")
_lock = threading.Lock()
_engine: Engine | None = None
_factory: sessionmaker[Session] | None = None
_read_factory: sessionmaker[Session] | None = None
# Set once on every new connection. pgvector's HNSW walk returns `ef_search` candidates before the knowledge
# search's category and language filter (core.retrieval); 100 covers the bundled base. Per connection, not per
# transaction, so the search is one statement on an autocommit connection. Behind a transaction-mode pooler a
# connection may lack it: the search then checks a short answer exactly, so results never depend on it.
SESSION_SETTINGS = "SET hnsw.ef_search = 100"


def sqlalchemy_url(url: str) -> str:
    """Accept the usual postgres:// and postgresql:// URLs and pin the psycopg 3 driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


# libpq parameters every connection gets unless the URL names them. Without them a Postgres that stops
# answering (a host gone, a dropped NAT entry, a firewall eating packets) held a page or a worker thread for
# the kernel's timeouts: about two minutes to connect, and forever on an idle socket whose peer vanished. Now
# a connection attempt gives up after DB_CONNECT_TIMEOUT_S, and a silent peer is found dead within about a
# minute (30 s idle, then three probes 10 s apart; a request never acknowledged, within 60 s): the job's
# attempt fails and is retried. Unix sockets (the embedded Postgres) ignore both.
TCP_DEFAULTS = {
    "keepalives": 1,
    "keepalives_idle": 30,
    "keepalives_interval": 10,
    "keepalives_count": 3,
    "tcp_user_timeout": 60_000,  # ms a sent request may stay unacknowledged (retransmissions: ~15 min)
}


# psycopg prepares a statement on its sixth run on a connection by default; the hot ones (a click, a claim, a
# job's load and store) run thousands of times on each, so a connection prepares them from the first run: the
# first burst after a start or a scale-out costs what later ones do (a click's Postgres CPU 3.2-4.4 -> 2.1-3.0
# ms). The driver keeps at most 100 per connection. `?prepare_threshold=none` in DATABASE_URL turns it off (a
# pooler in transaction mode without prepared-statement support); a number there is the threshold.
PREPARE_THRESHOLD = 0


def _prepare_threshold(value: Any) -> int | None:
    """The URL's value (a string) as psycopg takes it."""
    if value is None or isinstance(value, int):
        return value
    return None if str(value).strip().lower() in ("", "none", "off") else int(value)


def _apply_connection_defaults(engine: Engine, connect_timeout_s: int) -> None:
    """connect_timeout, TCP_DEFAULTS and PREPARE_THRESHOLD on every connect; a value the URL gives is kept."""
    defaults = {"connect_timeout": connect_timeout_s, **TCP_DEFAULTS}

    @event.listens_for(engine, "do_connect")
    def _defaults(dialect: Any, record: Any, cargs: Any, cparams: dict[str, Any]) -> None:
        for name, value in defaults.items():
            cparams.setdefault(name, value)
        cparams["prepare_threshold"] = _prepare_threshold(cparams.get("prepare_threshold", PREPARE_THRESHOLD))


def get_engine() -> Engine:
    global _engine, _factory, _read_factory
    with _lock:
        if _engine is None:
            settings = get_settings()
            url = settings.database_url
            if not url:
                raise RuntimeError("DATABASE_URL is not set; start the product with `make run`")
            # Connections open on demand up to the cap and stay open; beyond it a thread waits for one. With
            # a pool of 10 plus 20 "overflow" connections, every burst above 10 opened connections and closed
            # them on return: 20-37 new Postgres sessions (a backend process each; against a hosted Postgres
            # also a TLS handshake) each time 50 jobs started at once.
            # hide_parameters: an error's message never carries the statement's values (a JD, an email, a hash).
            _engine = create_engine(
                sqlalchemy_url(url), pool_size=settings.db_pool_size, max_overflow=0, future=True, hide_parameters=True
            )
            _apply_connection_defaults(_engine, settings.db_connect_timeout_s)
            _ping_when_idle(_engine)
            _refuse_control_characters(_engine)
            _apply_session_settings(_engine)
            _factory = sessionmaker(bind=_engine, expire_on_commit=False)
            _read_factory = sessionmaker(bind=_engine.execution_options(isolation_level="AUTOCOMMIT"))
        return _engine


def _apply_session_settings(engine: Engine) -> None:
    """SESSION_SETTINGS on each connection the pool opens (one round trip in its life, none per statement)."""

    @event.listens_for(engine, "connect")
    def _connected(dbapi_connection: Any, record: Any) -> None:
        autocommit = dbapi_connection.autocommit
        dbapi_connection.autocommit = True
        try:
            dbapi_connection.execute(SESSION_SETTINGS)
        except Exception as exc:  # a server that refuses it still serves: the search checks short answers exactly
            log_event(_log, "session_settings_refused", logging.WARNING, error=type(exc).__name__)
        finally:
            dbapi_connection.autocommit = autocommit


PING_AFTER_IDLE_S = 10.0


def _server_has_spoken(dbapi_connection: Any) -> bool:
    """True when an idle connection has bytes (or end of file) waiting: the server said something unasked.

    A connection resting in the pool is silent unless the server closed it (a restart, an administrator's
    pg_terminate_backend, a hosted Postgres's idle cut-off): then its farewell or the end of the stream is
    waiting on the socket. A poll with no timeout sees that without a round trip (microseconds).
    """
    try:
        poller = select.poll()  # not select(): a busy web process holds sockets past FD_SETSIZE (1024)
        poller.register(dbapi_connection.fileno(), select.POLLIN)
        return bool(poller.poll(0))
    except (OSError, ValueError):  # no socket any more: certainly not usable
        return True


def _ping_when_idle(engine: Engine) -> None:
    """Check a pooled connection before use only if it sat idle a while or the server has spoken since.

    A hosted Postgres (Neon) closes idle connections, so a long-idle one is pinged and replaced if dead; so
    is one on which the server left a message, which a restarted server always does (its first use failed a
    transaction before: a job attempt, a page). SQLAlchemy's pool_pre_ping would add a round trip to every
    transaction, and the hot paths (a click that starts a job, a worker's claim) are two to five statements:
    it cost them a fifth of their time.
    """

    @event.listens_for(engine, "checkin")
    def _checked_in(dbapi_connection: Any, record: Any) -> None:
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _checked_out(dbapi_connection: Any, record: Any, proxy: Any) -> None:
        idle_since = record.info.get("idle_since")
        long_idle = idle_since is not None and time.monotonic() - idle_since >= PING_AFTER_IDLE_S
        if not long_idle and not _server_has_spoken(dbapi_connection):
            return
        try:
            dbapi_connection.execute("SELECT 1")
            dbapi_connection.rollback()
        except Exception as exc:  # the pool discards this connection and checks out another
            raise DisconnectionError() from exc


def _refuse_control_characters(engine: Engine) -> None:
    """The last boundary for every form: a text value holding NUL is refused with a message.

    Postgres cannot store NUL in text: psycopg raised a DataError that crashed the page (and its log line
    carried the statement's values). Now the user sees "input.error.control_chars". Only NUL is refused here,
    where it can only ever fail: the other control characters are the forms' business (pasted documents are
    stripped by core.safe_text.strip_controls), so a model's stray form feed cannot fail a job's commit.
    """

    @event.listens_for(engine, "before_cursor_execute")
    def _check(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool) -> None:
        rows = parameters if executemany and isinstance(parameters, list | tuple) else [parameters]
        for row in rows:
            values = row.values() if isinstance(row, dict) else row if isinstance(row, list | tuple) else ()
            if any(isinstance(value, str) and "\x00" in value for value in values):
                raise InvalidInput("input.error.control_chars")


def open_connections(count: int) -> int:
    """Open up to `count` pooled connections now, up to the pool's cap; returns how many the pool holds.

    The pool opens connections on demand, so a consumer met its first burst of jobs opening one per worker
    thread at once (35 new Postgres sessions in a 20-service burst, each a backend forked and a handshake on
    the two cores the jobs needed). Held together, then returned, they stay in the pool for the jobs.
    """
    engine = get_engine()
    held: list[Connection] = []
    try:
        for _ in range(min(count, get_settings().db_pool_size)):
            held.append(engine.connect())
    finally:
        for connection in held:
            connection.close()
    return int(engine.pool.checkedin())  # type: ignore[attr-defined]


def dispose_engine() -> None:
    """Forget the engine (tests switch databases; forked processes must not share connections)."""
    global _engine, _factory, _read_factory
    with _lock:
        if _engine is not None:
            _engine.dispose()
        _engine = None
        _factory = None
        _read_factory = None


@contextmanager
def autocommit() -> Iterator[Connection]:
    """A connection on which every statement is its own transaction: one round trip, no BEGIN or COMMIT.

    Only for transitions that are a single conditional statement (a worker claiming a job); anything that
    writes two rows that must agree goes through unit_of_work.
    """
    with get_engine().connect() as conn:
        yield conn.execution_options(isolation_level="AUTOCOMMIT")


@contextmanager
def committed_reads() -> Iterator[Session]:
    """A session whose every statement is its own transaction: one round trip each, no BEGIN or COMMIT.

    For a worker's reads of rows committed before its job was claimed (a step's inputs, the match it builds
    on), where no two statements need one snapshot. Under a burst each round trip is a wait for the CPU.
    Never for writes: they belong in unit_of_work.
    """
    get_engine()
    assert _read_factory is not None
    session = _read_factory()
    try:
        yield session
    finally:
        session.close()


@contextmanager
def unit_of_work() -> Iterator[Session]:
    """One transaction: commit at the end of the block, roll back on error."""
    get_engine()
    assert _factory is not None
    session = _factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
