"""Bring up whatever infrastructure the settings leave unset, and say what was started.

Used by the supervisor (`make run`, data kept in .data/) and by the test harness (a throw-away directory).
The returned environment is handed to every child process, so each one sees the same URLs and keys.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from infra.embedded import EmbeddedPostgres, EmbeddedRedis, ensure_encryption_key, ensure_secret


@dataclass
class Stack:
    data_dir: Path
    persist_redis: bool = True
    postgres: EmbeddedPostgres | None = None
    redis: EmbeddedRedis | None = None
    env: dict[str, str] = field(default_factory=dict)

    def start(self) -> dict[str, str]:
        """Start what is missing; return the variables every process of the product must see."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        env = self.env
        if not os.environ.get("DATABASE_URL"):
            self.postgres = EmbeddedPostgres(self.data_dir)
            env["DATABASE_URL"] = self.postgres.start()
        if not os.environ.get("REDIS_URL"):
            self.redis = EmbeddedRedis(self.data_dir / "redis", persist=self.persist_redis)
            env["REDIS_URL"] = self.redis.start()
        if not os.environ.get("ENCRYPTION_KEY"):
            env["ENCRYPTION_KEY"] = ensure_encryption_key(self.data_dir)
        if not os.environ.get("COOKIE_KEY"):
            env["COOKIE_KEY"] = ensure_secret(self.data_dir, "cookie.key")
        env["DATA_DIR"] = str(self.data_dir)
        os.environ.update(env)
        from core.config import reset_settings

        reset_settings()
        return env

    def stop(self) -> None:
        """Stop in reverse order; Postgres last so workers can finish their transactions."""
        if self.redis is not None:
            self.redis.stop()
        if self.postgres is not None:
            self.postgres.stop()
