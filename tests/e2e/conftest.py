"""Browser-test harness: the real web process (uvicorn asgi:app) on a free port against the test stack, the
real Huey consumers (paid and free) running its jobs against the fake LLM upstream, and Debian's Chromium
driven by Playwright. Screenshots go to tests/artifacts/ (git-ignored).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from testkit.browser import CHROMIUM, CHROMIUM_ARGS, web_process

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"


@pytest.fixture(scope="session")
def web(stack: dict[str, str], upstream: object) -> Iterator[str]:
    """The web process with the same model registry as the consumers (the fake upstream is the provider), so
    prices and notices on the pages agree with the engine that runs the jobs."""
    with web_process({**os.environ, **stack, "PYTHONPATH": str(ROOT)}) as base:
        yield base


@pytest.fixture
def workers(stack: dict[str, str], fake: Any) -> Iterator[Any]:
    """Real paid and free huey_consumer processes for the jobs the web process enqueues; the model registry
    routes them to the fake upstream (`fake`, reset for this test). A generous LLM timeout lets a test hold a
    reply with the fake's `gate` while it looks at the page."""
    from tests.conftest import Consumers

    (ROOT / ".pytest_cache").mkdir(exist_ok=True)
    consumers = Consumers({**stack, "LLM_TIMEOUT_S": "60"})
    consumers.start("paid", "paid", workers=4)
    consumers.start("free", "free", workers=1)
    yield consumers
    consumers.stop_all()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def screens() -> Path:
    """Screenshots of the issue-20 journeys, kept in .pytest_cache/screens/ (git-ignored)."""
    path = ROOT / ".pytest_cache" / "screens"
    path.mkdir(parents=True, exist_ok=True)
    return path
