"""Column types that keep user content encrypted at rest, with the documents' key and rotation.

Why TypeDecorators: the attribute API stays what it was (a str, bytes or JSON value), so every use case and
task keeps reading and writing `service.jd_text` or `result.result_json` unchanged; only ciphertext (Fernet,
core.assets.crypto: the first ENCRYPTION_KEY encrypts, any of them decrypts) reaches Postgres and its WAL.
No query may filter, order or join on these columns: equal plaintexts give different ciphertexts.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import LargeBinary
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


def _encrypt(data: bytes) -> bytes:
    from core.assets.crypto import encrypt_bytes  # late: db must import without core's settings wired

    return encrypt_bytes(data)


def _decrypt(token: bytes) -> bytes:
    from core.assets.crypto import decrypt_bytes

    return decrypt_bytes(bytes(token))


class EncryptedBytes(TypeDecorator[bytes]):
    """bytes in Python, Fernet token in a bytea column."""

    impl = LargeBinary
    cache_ok = True

    def process_bind_param(self, value: bytes | None, dialect: Dialect) -> bytes | None:
        return None if value is None else _encrypt(bytes(value))

    def process_result_value(self, value: bytes | None, dialect: Dialect) -> bytes | None:
        return None if value is None else _decrypt(value)


class EncryptedText(TypeDecorator[str]):
    """str in Python (UTF-8), Fernet token in a bytea column."""

    impl = LargeBinary
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> bytes | None:
        return None if value is None else _encrypt(value.encode("utf-8"))

    def process_result_value(self, value: bytes | None, dialect: Dialect) -> str | None:
        return None if value is None else _decrypt(value).decode("utf-8")


class EncryptedJSON(TypeDecorator[Any]):
    """Any JSON value in Python, its encrypted UTF-8 serialisation in a bytea column (SQL NULL for None)."""

    impl = LargeBinary
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> bytes | None:
        if value is None:
            return None
        return _encrypt(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))

    def process_result_value(self, value: bytes | None, dialect: Dialect) -> Any:
        return None if value is None else json.loads(_decrypt(value))
