"""Sign-up and sign-in by e-mail and password.

Credentials live in Postgres and are looked up per user by normalized e-mail; nothing ever loads all users
(streamlit-authenticator's widgets want every credential in one dict, so the UI uses its own forms).
Sign-in failures are throttled per (e-mail, client address) and per address in Redis (core.throttle), never
by locking the account: a stranger elsewhere cannot keep the real user out, and an unknown e-mail is
throttled exactly like a known one, so no reply tells whether an account exists.
"""

from __future__ import annotations

import logging
import re

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from core import throttle
from core.accounts.passwords import hash_password, password_matches
from core.accounts.sessions import SignedIn, open_session
from core.errors import InvalidInput, UserError
from core.kinds import normalize_lang
from core.logging import log_event
from core.users import create_user, find_by_email, has_hidden_chars, normalize_email
from db.models import User
from db.session import unit_of_work

log = logging.getLogger("core.accounts")

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def valid_email(email: str) -> str:
    """The normalized e-mail, or InvalidInput for hidden characters, a wrong shape or more than 320 chars."""
    if has_hidden_chars(email):
        raise InvalidInput("accounts.error.email_hidden_chars")
    normalized = normalize_email(email)
    if not _EMAIL.match(normalized) or len(normalized) > 320:
        raise InvalidInput("accounts.error.email_invalid")
    return normalized


def sign_up(email: str, password: str, name: str = "", lang: str = "en") -> SignedIn:
    """Create the user with a bcrypt hash and the sign-up grant (once), and sign them in."""
    normalized = valid_email(email)
    hashed = hash_password(password)
    try:
        with unit_of_work() as session:
            if find_by_email(session, normalized) is not None:
                raise UserError("accounts.error.email_taken")
            user = create_user(
                session, normalized, name=name.strip()[:200], password_hash=hashed, lang=normalize_lang(lang)
            )
            signed = open_session(session, user, created=True)
    except IntegrityError as exc:  # a concurrent sign-up with the same e-mail won the race
        raise UserError("accounts.error.email_taken") from exc
    log_event(log, "account.signed_up", userId=str(signed.account.id))
    return signed


def sign_in(email: str, password: str, address: str | None = None) -> SignedIn:
    """Check the password, under the throttle of this (e-mail, client address) pair and of the address.

    Wrong credentials and unknown e-mails get the same message, and the same throttling; while throttled even
    the right password is refused with the seconds left, without being checked.
    """
    normalized = normalize_email(email)
    where = address or "unknown"
    wait = throttle.wait_seconds(normalized, where)
    if wait:
        raise UserError("accounts.error.slow_down", seconds=wait)
    signed: SignedIn | None = None
    with unit_of_work() as session:
        user = session.scalar(select(User).where(User.email == normalized))
        if password_matches(password, user.password_hash if user is not None else None) and user is not None:
            signed = open_session(session, user)
    if signed is None:
        throttle.record_failure(normalized, where)
        raise UserError("accounts.error.bad_credentials")
    throttle.record_success(normalized, where)
    log_event(log, "account.signed_in", userId=str(signed.account.id))
    return signed
