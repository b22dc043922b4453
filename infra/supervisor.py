"""`make run`: start the embedded services that are needed, migrate, seed the knowledge base, then run and
supervise the web app, the paid and free consumers and the maintenance consumer until Ctrl-C.

Children run in their own process groups. A child that dies is restarted (with a growing pause). On
SIGINT or SIGTERM the job consumers get SIGINT (they finish the job at hand), the web server and the
maintenance consumer SIGTERM; whatever still runs after the grace period is killed (and says so), then the
embedded services are stopped. Nothing the supervisor started outlives it.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from core.config import PROJECT_ROOT, get_settings
from infra.consumers import consumer_argv
from infra.stack import Stack

GRACE_S = 25.0


@dataclass
class Child:
    name: str
    argv: list[str]
    graceful: int = signal.SIGTERM
    process: subprocess.Popen[bytes] | None = None
    restarts: int = 0
    started_at: float = 0.0
    history: list[float] = field(default_factory=list)

    def start(self, env: dict[str, str]) -> None:
        self.process = subprocess.Popen(self.argv, cwd=PROJECT_ROOT, env=env, start_new_session=True)
        self.started_at = time.monotonic()

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def signal(self, sig: int) -> None:
        if self.alive():
            assert self.process is not None
            try:
                os.killpg(self.process.pid, sig)
            except ProcessLookupError:
                pass


def children(port: int) -> list[Child]:
    s = get_settings()
    web = [sys.executable, "-m", "uvicorn", "asgi:app", "--host", "127.0.0.1", "--port", str(port)]
    paid = [
        Child(f"paid-{n}", consumer_argv("paid", s.paid_workers), graceful=signal.SIGINT)
        for n in range(1, max(1, s.paid_consumers) + 1)
    ]
    return [
        Child("web", [*web, "--log-level", "warning", "--no-access-log"]),
        *paid,
        Child("free", consumer_argv("free", s.free_workers), graceful=signal.SIGINT),
        # SIGTERM is Huey's stop-now. Its one task reaps in a loop for most of a minute, so SIGINT (finish the
        # task first) made every Ctrl-C wait out the grace period. Stopping mid-loop is safe: each reap is
        # a transaction, and whatever it did not get to, the next start's reaper does.
        Child("maint", consumer_argv("maint", 1, periodic=True)),
    ]


def prepare(stack: Stack) -> dict[str, str]:
    """Start embedded services and migrate; the knowledge base is seeded in the background (see main)."""
    env = stack.start()
    full_env = {**os.environ, **env, "PYTHONPATH": str(PROJECT_ROOT)}
    subprocess.run([sys.executable, "-m", "db.migrate"], cwd=PROJECT_ROOT, env=full_env, check=True)
    return full_env


def seed_knowledge(env: dict[str, str]) -> Child:
    """Ingest the bundled knowledge base on first start, beside the app rather than before it: retrieval
    simply returns nothing until it is done, and nobody waits minutes for a first page."""
    child = Child("ingest", [sys.executable, "-m", "knowledge.ingest", "--if-empty", "--no-progress"])
    child.start(env)
    return child


WEB_START_S = 90.0


def _answers(port: int, timeout_s: float, stopping: Callable[[], bool]) -> bool:
    """Wait until the web process accepts connections on `port` (True), or `timeout_s` passes (False)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline and not stopping():
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return True
        except OSError:
            time.sleep(0.2)
    return False


def main() -> int:
    port = int(os.environ.get("PORT", "8501"))
    data_dir = Path(os.environ.get("DATA_DIR") or PROJECT_ROOT / ".data")
    stack = Stack(data_dir=data_dir)
    stopping = False

    def _stop(signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    procs: list[Child] = []
    one_shots: list[Child] = []
    try:
        print("Starting Job Assistant AI…", flush=True)
        env = prepare(stack)
        one_shots.append(seed_knowledge(env))
        procs = children(port)
        for child in procs:
            child.start(env)
        from core.llm.registry import get_registry

        offline = " (no provider key: every task runs on the offline engine)"
        up = f"Job Assistant AI is up{offline if get_registry().uses_offline_engine else ''}"
        if not _answers(port, WEB_START_S, lambda: stopping):  # the address is printed once it answers
            print(f"[supervisor] the web process is not answering on port {port} yet; still trying", flush=True)
        print(f"\n  {up}: open http://127.0.0.1:{port}\n  Ctrl-C stops everything.\n", flush=True)
        while not stopping:
            time.sleep(0.5)
            for child in one_shots:
                child.alive()  # polling collects a finished one-shot's exit status (no zombie left)
            for child in procs:
                if not stopping and not child.alive():
                    pause = min(30.0, 2.0 ** min(child.restarts, 5))
                    print(f"[supervisor] {child.name} exited; restarting in {pause:.0f}s", flush=True)
                    time.sleep(pause)
                    child.restarts += 1
                    if not stopping:
                        child.start(env)
    finally:
        shutdown([*procs, *one_shots])
        stack.stop()
        print("Stopped.", flush=True)
    return 0


def shutdown(procs: list[Child]) -> None:
    for child in procs:
        child.signal(child.graceful)
    deadline = time.monotonic() + GRACE_S
    for child in procs:
        if child.process is None:
            continue
        try:
            child.process.wait(max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            print(f"[supervisor] {child.name} did not stop within {GRACE_S:.0f}s; killed", flush=True)
            child.signal(signal.SIGKILL)
            child.process.wait(5)
        child.signal(signal.SIGKILL)  # anything the child left in its group


if __name__ == "__main__":
    raise SystemExit(main())
