"""Huey consumer processes: one argv for the supervisor, and a small pool class for tests and benchmarks.

Each consumer runs in its own session (its own process group), so a signal reaches the consumer and its
worker threads, and never the process that started it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from core.config import PROJECT_ROOT


def consumer_argv(queue: str, workers: int, *, periodic: bool = False) -> list[str]:
    """`huey_consumer tasks.queues.<queue>` with thread workers; periodic tasks only where asked."""
    argv = [sys.executable, "-m", "huey.bin.huey_consumer", f"tasks.queues.{queue}", "-k", "thread"]
    argv += ["-w", str(workers), "-q"]
    if not periodic:
        argv.append("-n")
    return argv


@dataclass
class Consumers:
    """Real `huey_consumer` processes, stdout and stderr kept in log_dir/<name>.log."""

    env: dict[str, str]
    log_dir: Path = field(default_factory=lambda: Path(tempfile.gettempdir()) / "jaa-consumers")
    procs: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    def start(self, name: str, queue: str, workers: int = 4, periodic: bool = False) -> subprocess.Popen[bytes]:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        with (self.log_dir / f"{name}.log").open("ab") as log:
            proc = subprocess.Popen(
                consumer_argv(queue, workers, periodic=periodic),
                cwd=PROJECT_ROOT,
                env={**os.environ, **self.env, "PYTHONPATH": str(PROJECT_ROOT)},
                stdout=log,
                stderr=log,
                start_new_session=True,
            )
        self.procs[name] = proc
        return proc

    def kill(self, name: str, sig: int = signal.SIGKILL) -> None:
        """Signal one consumer's process group (the consumer and its threads) and reap it."""
        proc = self.procs.pop(name)
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            pass
        proc.wait(30)

    def stop_all(self) -> None:
        """SIGINT (graceful: running tasks finish) then SIGKILL after 15 s."""
        for proc in self.procs.values():
            try:
                os.killpg(proc.pid, signal.SIGINT)
            except ProcessLookupError:
                pass
        deadline = time.monotonic() + 15
        for name in list(self.procs):
            proc = self.procs.pop(name)
            try:
                proc.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(5)

    def log_files(self) -> list[Path]:
        return sorted(self.log_dir.glob("*.log"))
