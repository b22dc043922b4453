"""Engine and unit of work.

`unit_of_work()` is the one way use cases touch the database: a session whose transaction commits when the
block ends and rolls back on any exception, so a debit, its job row and its idempotency record land together
or not at all (cosmicpython's unit-of-work pattern, without the ceremony).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import Session, sessionmaker

from core.config import get_settings

_lock = threading.Lock()
_engine: Engine | None = None
_factory: sessionmaker[Session] | None = None


def sqlalchemy_url(url: str) -> str:
    """Accept the usual postgres:// and postgresql:// URLs and pin the psycopg 3 driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def get_engine() -> Engine:
    global _engine, _factory
    with _lock:
        if _engine is None:
            url = get_settings().database_url
            if not url:
                raise RuntimeError("DATABASE_URL is not set; start the product with `make run`")
            _engine = create_engine(sqlalchemy_url(url), pool_size=10, max_overflow=20, pool_pre_ping=True, future=True)
            _factory = sessionmaker(bind=_engine, expire_on_commit=False)
        return _engine


def dispose_engine() -> None:
    """Forget the engine (tests switch databases; forked processes must not share connections)."""
    global _engine, _factory
    with _lock:
        if _engine is not None:
            _engine.dispose()
        _engine = None
        _factory = None


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
