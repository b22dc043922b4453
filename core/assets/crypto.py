"""Encryption at rest for uploaded files and their extracted text (Fernet: AES-128-CBC + HMAC-SHA256).

The key comes from settings.encryption_key (ENCRYPTION_KEY; the embedded default is created under data_dir
with mode 0600). Several comma-separated keys are accepted so a key can be rotated: the first encrypts,
any of them decrypts. A missing or wrong key is a configuration error and never echoes any data.
"""

from __future__ import annotations

from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from core.config import get_settings


class EncryptionKeyError(RuntimeError):
    """ENCRYPTION_KEY is missing, malformed, or does not match what the data was encrypted with."""


@lru_cache(maxsize=4)
def _fernet(keys: str) -> MultiFernet:
    parts = [k.strip() for k in keys.split(",") if k.strip()]
    if not parts:
        raise EncryptionKeyError("ENCRYPTION_KEY is not set; start the product with `make run`")
    try:
        return MultiFernet([Fernet(k.encode()) for k in parts])
    except (ValueError, TypeError) as exc:
        raise EncryptionKeyError("ENCRYPTION_KEY is not a valid Fernet key") from exc


def _current() -> MultiFernet:
    return _fernet(get_settings().encryption_key)


def encrypt_bytes(data: bytes) -> bytes:
    return _current().encrypt(data)


def decrypt_bytes(token: bytes) -> bytes:
    try:
        return _current().decrypt(token)
    except InvalidToken as exc:
        raise EncryptionKeyError("stored data cannot be decrypted with the configured ENCRYPTION_KEY") from exc


def encrypt_text(text: str) -> bytes:
    return encrypt_bytes(text.encode("utf-8"))


def decrypt_text(token: bytes) -> str:
    return decrypt_bytes(token).decode("utf-8")
