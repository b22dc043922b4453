"""GET /healthz from the real web process: 200 when all is up, 503 naming what is down (issue 2)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from infra.embedded import free_port
from testkit.support import wait_for
from tests.conftest import ROOT


@contextmanager
def web_process(env: dict[str, str]) -> Iterator[str]:
    port = free_port()
    log = open(ROOT / ".pytest_cache" / "web-health.log", "ab")  # noqa: SIM115
    proc = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "asgi:app", "--host", "127.0.0.1", "--port", str(port)],
        cwd=ROOT,
        env={**os.environ, **env, "PYTHONPATH": str(ROOT)},
        stdout=log,
        stderr=log,
    )
    url = f"http://127.0.0.1:{port}/healthz"

    def answers() -> bool:
        try:
            httpx.get(url, timeout=5)
            return True
        except httpx.HTTPError:
            return False

    try:
        wait_for(answers, timeout=60, interval=0.3)
        yield url
    finally:
        proc.terminate()
        proc.wait(20)


def test_healthz_reports_each_dependency(stack_services, upstream) -> None:
    (ROOT / ".pytest_cache").mkdir(exist_ok=True)
    with web_process(stack_services.env) as url:
        ok = httpx.get(url, timeout=10)
        assert ok.status_code == 200, ok.text
        body = ok.json()
        assert body["postgres"]["ok"] and body["redis"]["ok"] and body["llm"]["ok"]
        assert set(body["queues"]) == {"paid", "free", "maint"}

        stack_services.redis.stop()
        try:
            down = httpx.get(url, timeout=10)
            assert down.status_code == 503 and down.json()["down"] == ["redis"]
        finally:
            stack_services.redis.start()

        stack_services.postgres.stop()
        try:
            down = httpx.get(url, timeout=15)
            assert down.status_code == 503 and down.json()["down"] == ["postgres"]
        finally:
            stack_services.postgres.start()
        last: list[str] = []

        def recovered() -> bool:
            reply = httpx.get(url, timeout=10)
            last[:] = [reply.text]
            return reply.status_code == 200

        try:
            wait_for(recovered, timeout=30)
        except AssertionError as exc:
            raise AssertionError(last) from exc


def test_healthz_names_a_dead_llm_endpoint(stack_services, tmp_path: Path) -> None:
    registry = {
        "models": {"dead": {"base_url": f"http://127.0.0.1:{free_port()}/v1", "model": "gone"}},
        "routes": {"paid": {"*": "dead"}, "free": {"*": "dead"}},
    }
    path = tmp_path / "registry.json"
    path.write_text(json.dumps(registry))
    with web_process({**stack_services.env, "MODEL_REGISTRY_FILE": str(path)}) as url:
        down = httpx.get(url, timeout=10)
        assert down.status_code == 503 and down.json()["down"] == ["llm"]
