"""Browser-test harness: the real web process (uvicorn asgi:app) on a free port against the test stack, the
real Huey consumers (paid and free) running its jobs against the fake LLM upstream, and Debian's Chromium
driven by Playwright. Screenshots go to tests/artifacts/ (git-ignored).
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def web_process(env: dict[str, str], name: str = "e2e-web") -> Iterator[str]:
    """The product's web process, as `make run` starts it, with `env`; yields its base URL."""
    port = _free_port()
    (ROOT / ".pytest_cache").mkdir(exist_ok=True)
    log = open(ROOT / ".pytest_cache" / f"{name}.log", "ab")  # noqa: SIM115
    proc = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "asgi:app", "--host", "127.0.0.1", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=log,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"the web process exited; see .pytest_cache/{name}.log")
            try:
                if httpx.get(f"{base}/_stcore/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("the web process did not become ready within 60 s")
            time.sleep(0.2)
        yield base
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(15)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(proc.pid, signal.SIGKILL)
        log.close()


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
