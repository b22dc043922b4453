"""Passwords: the bcrypt hash, its shape rules, checking a password against it, and changing it.

The hash is the same bcrypt format streamlit-authenticator's `Hasher` produces and checks. An unknown user is
checked against a real dummy hash, so a wrong e-mail costs the same bcrypt round as a wrong password and the
time taken tells nothing. Changing the password signs out every other browser session of the user.
"""

from __future__ import annotations

import logging
import uuid

import bcrypt
from sqlalchemy import delete

from core.errors import InvalidInput, NotFound, UserError
from core.logging import log_event
from db.models import AuthSession, User
from db.session import unit_of_work

log = logging.getLogger("core.accounts")

MIN_PASSWORD_CHARS = 8
MAX_PASSWORD_BYTES = 72  # bcrypt ignores (newer versions refuse) anything longer
# A real hash to check against when the e-mail is unknown, so both paths cost one bcrypt round.
_DUMMY_HASH = bcrypt.hashpw(b"not-a-password", bcrypt.gensalt()).decode()


def hash_password(password: str) -> str:
    _check_password_shape(password)
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt()).decode()


def password_matches(password: str, hashed: str | None) -> bool:
    """Whether `password` is the one behind `hashed`; always False for no hash, after the same bcrypt work."""
    candidate = password.encode()[:MAX_PASSWORD_BYTES]
    try:
        return bcrypt.checkpw(candidate, (hashed or _DUMMY_HASH).encode()) and hashed is not None
    except ValueError:
        return False


def _check_password_shape(password: str) -> None:
    if len(password) < MIN_PASSWORD_CHARS:
        raise InvalidInput("accounts.error.password_short", min=MIN_PASSWORD_CHARS)
    if len(password.encode()) > MAX_PASSWORD_BYTES:
        raise InvalidInput("accounts.error.password_long", max=MAX_PASSWORD_BYTES)


def change_password(
    user_id: uuid.UUID, current_password: str, new_password: str, *, keep_session_id: uuid.UUID | None = None
) -> None:
    """Replace the hash after checking the current password; every other browser session is signed out."""
    hashed = hash_password(new_password)
    with unit_of_work() as session:
        user = session.get(User, user_id, with_for_update=True)
        if user is None:
            raise NotFound("user")
        if user.password_hash is not None and not password_matches(current_password, user.password_hash):
            raise UserError("accounts.error.current_password")
        user.password_hash = hashed
        stmt = delete(AuthSession).where(AuthSession.user_id == user_id)
        if keep_session_id is not None:
            stmt = stmt.where(AuthSession.id != keep_session_id)
        session.execute(stmt)
    log_event(log, "account.password_changed", userId=str(user_id))
