"""Set-up shared by the test fixtures and the benchmarks (both run the product on throw-away services)."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable


def reset_caches() -> None:
    """Forget settings, registry, Redis client and SQL engine after the environment changed."""
    from core.config import reset_settings
    from core.llm.registry import get_registry
    from core.redis_conn import reset_redis
    from core.retrieval import forget_recent
    from db.session import dispose_engine

    reset_settings()
    get_registry.cache_clear()
    reset_redis()
    dispose_engine()
    forget_recent()  # answers of another database


def user_with_coins(coins: int | None = None, email: str | None = None, *, actor: str = "tests") -> uuid.UUID:
    """A new user; with `coins`, holding exactly that many, reached through a real audited adjustment."""
    from core import ledger
    from core.users import create_user
    from db.session import unit_of_work

    with unit_of_work() as session:
        user = create_user(session, email or f"{actor}-{uuid.uuid4().hex[:10]}@example.com")
        current = ledger.balance(session, user.id)
        if coins is not None and coins != current:
            ledger.admin_adjust(
                session,
                admin_user_id=None,
                admin_email=f"{actor}@example.com",
                target_user_id=user.id,
                amount=coins - current,
                reason=f"{actor} setup",
            )
        return user.id


def balance(user_id: uuid.UUID) -> int:
    """The user's wallet balance, read in a transaction of its own."""
    from core import ledger
    from db.session import unit_of_work

    with unit_of_work() as session:
        return ledger.balance(session, user_id)


def wait_for(predicate: Callable[[], object], timeout: float = 30.0, interval: float = 0.05) -> object:
    """Poll until predicate() is truthy; fail the test with a clear message on timeout."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"condition not met within {timeout}s")


def assert_reconciled() -> None:
    """The ledger reconciles: every wallet's balance is the sum of its entries (core.ledger.reconcile)."""
    from core import ledger
    from db.session import unit_of_work

    with unit_of_work() as session:
        assert ledger.reconcile(session) == []
