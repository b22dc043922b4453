"""The embedded encryption key is created once, readable only by its owner, and reused."""

from __future__ import annotations

import stat
from pathlib import Path

from cryptography.fernet import Fernet

from infra.embedded import ensure_encryption_key, ensure_secret


def test_encryption_key_is_created_with_mode_0600_and_reused(tmp_path: Path) -> None:
    key = ensure_encryption_key(tmp_path)
    path = tmp_path / "secret.key"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    Fernet(key.encode())  # a valid Fernet key
    assert ensure_encryption_key(tmp_path) == key


def test_cookie_secret_is_stable_across_starts(tmp_path: Path) -> None:
    first = ensure_secret(tmp_path, "cookie.key")
    assert len(first) >= 32 and ensure_secret(tmp_path, "cookie.key") == first
    assert stat.S_IMODE((tmp_path / "cookie.key").stat().st_mode) == 0o600
