"""Shared start-up for benchmarks: a throw-away embedded stack, the fake upstream, real consumers.

Every bench that needs the engine starts the same pieces the integration tests use (tests/conftest.py),
but in a temporary directory of its own and with consumer output captured in files the bench can read
afterwards (the load test scans them for leaked content). Nothing here reads DATABASE_URL or REDIS_URL
from the environment: a benchmark must never write filler rows into a real database.

    with BenchStack(model_cap=5, env={"JOB_LEASE_S": "5"}) as bs:
        bs.consumers.start("paid-a", "paid", workers=8)
        ...

Figures are printed as `name: value unit` lines (see `emit`), which bench.run collects.
"""

from __future__ import annotations

import json
import os
import tempfile
import uuid
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

from infra.consumers import Consumers
from testkit.support import reset_caches
from testkit.support import user_with_coins as _user_with_coins

ROOT = Path(__file__).resolve().parent.parent
_INFRA_VARS = ("DATABASE_URL", "REDIS_URL", "LOCAL_LLM_URL", "MODEL_REGISTRY_FILE")
_PROVIDER_VARS = ("DEEPSEEK_API_KEY", "GLM_API_KEY", "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET")


def emit(name: str, value: float | int | str, unit: str) -> None:
    """One figure as bench.run parses it; floats keep 4 significant digits after rounding to 0.1."""
    text = str(value)
    if isinstance(value, float):
        text = f"{value:.1f}" if abs(value) >= 10 else f"{value:.3g}"
    print(f"{name}: {text} {unit}", flush=True)


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100): a value that was actually observed, no interpolation."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.4999)))
    return float(ordered[rank - 1])


def reference_cpu_ms(rounds: int = 3) -> float:
    """Best of `rounds` timings of a fixed pure-Python loop: how fast this machine's cores are right now.

    A shared virtual machine's speed drifts with its neighbours (a fixed loop ran 40-80% slower on this box an
    hour after a quiet morning); printed beside the figures, it tells a slow run from a regression.
    """
    import time

    best = float("inf")
    for _ in range(rounds):
        started, total = time.perf_counter(), 0
        for i in range(2_000_000):
            total += i
        best = min(best, time.perf_counter() - started)
    return best * 1000


def first_delta(job_id: str, timeout_s: float = 120) -> Any:
    """Block on a job's stream as the page does and return its first delta event (raise on an error event)."""
    import time

    from core import streams

    after, deadline = "0-0", time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        for event in streams.read(job_id, after, block_ms=1000):
            after = event.id
            if event.kind == "delta":
                return event
            if event.kind == "error":
                raise RuntimeError(f"job failed: {event.data}")
    raise RuntimeError("no delta in time")


class BenchStack:
    """Embedded Postgres + Redis (no persistence), migrated; the fake upstream routed for every task kind.

    `env` holds engine settings for this run (lease, retry delays...): they are set before any settings
    object is built and handed to every consumer, so driver and consumers agree.
    """

    def __init__(
        self,
        *,
        model_cap: int = 5,
        free_cap: int | None = None,
        env: dict[str, str] | None = None,
        prefix: str = "bench-",
        fake_process: bool = False,
    ) -> None:
        self.model_cap = model_cap
        self.free_cap = free_cap
        self.extra_env = dict(env or {})
        self.prefix = prefix
        self.fake_process = fake_process  # the fake upstream in its own process (see FakeUpstreamProcess)
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        self.workdir = Path()
        self.stack: Any = None
        self.fake: Any = None
        self.consumers: Consumers | None = None
        self.registry: dict[str, Any] = {}

    def __enter__(self) -> BenchStack:
        self._tmp = tempfile.TemporaryDirectory(prefix=self.prefix)
        self.workdir = Path(self._tmp.name)
        try:
            self._start()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def _start(self) -> None:
        for var in (*_INFRA_VARS, *_PROVIDER_VARS):
            os.environ.pop(var, None)
        os.environ.setdefault("XDG_RUNTIME_DIR", f"/tmp/runtime-{os.getuid()}")
        os.environ.update(self.extra_env)
        from infra.stack import Stack
        from testkit.fakes.upstream import FakeUpstream, FakeUpstreamProcess

        self.stack = Stack(data_dir=self.workdir / "stack", persist_redis=False)
        self.stack.start()
        self.stack.env.update(self.extra_env)
        reset_caches()
        from db.migrate import upgrade
        from tasks.queues import wire

        upgrade()
        wire()
        self.fake = FakeUpstreamProcess().start() if self.fake_process else FakeUpstream().start()
        self.set_caps(self.model_cap, self.free_cap)
        self.consumers = Consumers(self.stack.env, self.workdir / "logs")

    def set_caps(self, model_cap: int, free_cap: int | None = None) -> None:
        """Write the model registry with these caps; consumers started afterwards read it."""
        self.model_cap, self.free_cap = model_cap, free_cap
        self.registry = self.fake.registry(concurrency=model_cap)
        if free_cap is not None:
            self.registry["models"]["fake-free"]["concurrency"] = free_cap
        path = self.workdir / "registry.json"
        path.write_text(json.dumps(self.registry))
        os.environ["MODEL_REGISTRY_FILE"] = str(path)
        self.stack.env["MODEL_REGISTRY_FILE"] = str(path)
        reset_caches()

    def caps(self) -> dict[str, int]:
        """The configured concurrency cap of each upstream model name."""
        return {spec["model"]: int(spec["concurrency"]) for spec in self.registry["models"].values()}

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self.consumers is not None:
            self.consumers.stop_all()
        if self.fake is not None:
            self.fake.stop()
        reset_caches()
        if self.stack is not None:
            self.stack.stop()
        if self._tmp is not None:
            self._tmp.cleanup()


def user_with_coins(coins: int, email: str | None = None) -> uuid.UUID:
    """A user holding exactly `coins` (sign-up grant adjusted by an audited admin adjustment)."""
    return _user_with_coins(coins, email, actor="bench")
