"""Accounts: sign-up, sign-in with lockout, browser sessions, OIDC linking, password, language, deletion.

Why these shapes:
- Credentials live in Postgres and are looked up per user by normalized e-mail; nothing ever loads all
  users (streamlit-authenticator's widgets want every credential in one dict, so the UI uses its own forms;
  the hash is the same bcrypt format the authenticator's `Hasher` produces and checks).
- A signed-in browser holds a cookie carrying an `auth_sessions` id signed with HMAC-SHA256 under
  `settings.cookie_key`. The row is the truth: signing out, changing the password or deleting the account
  deletes rows, so a stolen or stale cookie stops working at once.
- Sign-in failures are throttled per (e-mail, client address) and per address in Redis (core.throttle), never
  by locking the account: a stranger elsewhere cannot keep the real user out, and an unknown e-mail is
  throttled exactly like a known one, so no reply tells whether an account exists.
- Admin is a flag on the account set by an operator command (core.admin), never by the e-mail alone.
- Deleting an account cancels the user's live jobs, removes the user row (every table cascades from it),
  then removes every Redis key that names the user or one of their jobs.

This module never imports Streamlit; pages call these functions through ui.session and ui.account_widgets.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import bcrypt
import redis
from sqlalchemy import delete, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core import jobs, ledger, throttle
from core.config import get_settings
from core.errors import InvalidInput, NotFound, UserError
from core.kinds import LANGS, normalize_lang
from core.logging import log_event
from core.redis_conn import get_redis
from core.users import create_user, find_by_email, has_hidden_chars, normalize_email, remember_deleted
from db.models import AuthSession, Job, Payment, StripeEvent, User
from db.session import unit_of_work

log = logging.getLogger(__name__)

MIN_PASSWORD_CHARS = 8
MAX_PASSWORD_BYTES = 72  # bcrypt ignores (newer versions refuse) anything longer
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# A real hash to check against when the e-mail is unknown, so both paths cost one bcrypt round.
_DUMMY_HASH = bcrypt.hashpw(b"not-a-password", bcrypt.gensalt()).decode()


@dataclass(frozen=True)
class Account:
    """What the UI needs to know about the signed-in user."""

    id: uuid.UUID
    email: str
    name: str
    lang: str
    is_admin: bool


@dataclass(frozen=True)
class SignedIn:
    """A fresh browser session: the cookie value to store and the account it belongs to."""

    account: Account
    session_id: uuid.UUID
    token: str
    balance: int
    created: bool = False  # True when this sign-in created the user (first sign-up)


# --- passwords and tokens -------------------------------------------------------------------------------


def hash_password(password: str) -> str:
    _check_password_shape(password)
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt()).decode()


def _password_matches(password: str, hashed: str | None) -> bool:
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


def _cookie_key() -> bytes:
    key = get_settings().cookie_key
    if not key:
        raise RuntimeError("COOKIE_KEY is not set; start the product with `make run`")
    return key.encode()


def _sign(payload: str) -> str:
    digest = hmac.new(_cookie_key(), payload.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def make_token(session_id: uuid.UUID) -> str:
    """The cookie value: `<session id hex>.<HMAC>`; carries no personal data."""
    return f"{session_id.hex}.{_sign(session_id.hex)}"


def parse_token(token: str | None) -> uuid.UUID | None:
    """The session id inside a well-signed token, else None (tampered, truncated, foreign key)."""
    if not token or "." not in token:
        return None
    sid, sig = token.split(".", 1)
    if not hmac.compare_digest(sig, _sign(sid)):
        return None
    try:
        return uuid.UUID(hex=sid)
    except ValueError:
        return None


# --- helpers ---------------------------------------------------------------------------------------------


def _account(user: User) -> Account:
    return Account(
        id=user.id,
        email=user.email,
        name=user.name,
        lang=user.lang,
        is_admin=bool(user.is_admin),
    )


def _open_session(session: Session, user: User, *, created: bool = False) -> SignedIn:
    days = get_settings().cookie_expiry_days
    row = AuthSession(id=uuid.uuid4(), user_id=user.id, expires_at=datetime.now(UTC) + timedelta(days=days))
    session.add(row)
    session.flush()
    return SignedIn(
        account=_account(user),
        session_id=row.id,
        token=make_token(row.id),
        balance=ledger.balance(session, user.id),
        created=created,
    )


def _valid_email(email: str) -> str:
    if has_hidden_chars(email):
        raise InvalidInput("accounts.error.email_hidden_chars")
    normalized = normalize_email(email)
    if not _EMAIL.match(normalized) or len(normalized) > 320:
        raise InvalidInput("accounts.error.email_invalid")
    return normalized


# --- use cases -------------------------------------------------------------------------------------------


def sign_up(email: str, password: str, name: str = "", lang: str = "en") -> SignedIn:
    """Create the user with a bcrypt hash and the sign-up grant (once), and sign them in."""
    normalized = _valid_email(email)
    hashed = hash_password(password)
    try:
        with unit_of_work() as session:
            if find_by_email(session, normalized) is not None:
                raise UserError("accounts.error.email_taken")
            user = create_user(
                session, normalized, name=name.strip()[:200], password_hash=hashed, lang=normalize_lang(lang)
            )
            signed = _open_session(session, user, created=True)
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
        if _password_matches(password, user.password_hash if user is not None else None) and user is not None:
            signed = _open_session(session, user)
    if signed is None:
        throttle.record_failure(normalized, where)
        raise UserError("accounts.error.bad_credentials")
    throttle.record_success(normalized, where)
    log_event(log, "account.signed_in", userId=str(signed.account.id))
    return signed


def resolve_session(session_id: uuid.UUID | None) -> Account | None:
    """The account of a live session; None when the session expired, was signed out or the user is gone."""
    if session_id is None:
        return None
    with unit_of_work() as session:
        user = session.scalar(
            select(User)
            .join(AuthSession, AuthSession.user_id == User.id)
            .where(AuthSession.id == session_id, AuthSession.expires_at > datetime.now(UTC))
        )
        return _account(user) if user is not None else None


def resolve_token(token: str | None) -> tuple[uuid.UUID, Account] | None:
    """A cookie value back to (session id, account), or None."""
    sid = parse_token(token)
    account = resolve_session(sid)
    return (sid, account) if sid is not None and account is not None else None


def sign_out(session_id: uuid.UUID) -> None:
    with unit_of_work() as session:
        session.execute(delete(AuthSession).where(AuthSession.id == session_id))


def change_password(
    user_id: uuid.UUID, current_password: str, new_password: str, *, keep_session_id: uuid.UUID | None = None
) -> None:
    """Replace the hash after checking the current password; every other browser session is signed out."""
    hashed = hash_password(new_password)
    with unit_of_work() as session:
        user = session.get(User, user_id, with_for_update=True)
        if user is None:
            raise NotFound("user")
        if user.password_hash is not None and not _password_matches(current_password, user.password_hash):
            raise UserError("accounts.error.current_password")
        user.password_hash = hashed
        stmt = delete(AuthSession).where(AuthSession.user_id == user_id)
        if keep_session_id is not None:
            stmt = stmt.where(AuthSession.id != keep_session_id)
        session.execute(stmt)
    log_event(log, "account.password_changed", userId=str(user_id))


def set_language(user_id: uuid.UUID, lang: str) -> str:
    """Remember the UI language for this user (zh or en)."""
    if lang not in LANGS:
        raise InvalidInput("accounts.error.lang")
    with unit_of_work() as session:
        session.execute(text("UPDATE users SET lang = :l WHERE id = :u"), {"l": lang, "u": user_id})
    return lang


def link_oidc(email_verified: bool, email: str, subject: str, name: str = "", lang: str = "en") -> SignedIn:
    """Sign in through an identity provider: the same user as the verified e-mail, created if new."""
    if not email_verified or not email or not subject:
        raise UserError("accounts.error.oidc_unverified")
    normalized = _valid_email(email)
    try:
        with unit_of_work() as session:
            user = session.scalar(select(User).where(User.oidc_subject == subject))
            if user is None:
                user = session.scalar(select(User).where(User.email == normalized).with_for_update())
                if user is not None and user.oidc_subject not in (None, subject):
                    raise UserError("accounts.error.oidc_conflict")
                if user is not None:
                    user.oidc_subject = subject
            created = user is None
            if user is None:
                user = create_user(
                    session, normalized, name=name.strip()[:200], lang=normalize_lang(lang), oidc_subject=subject
                )
            signed = _open_session(session, user, created=created)
    except IntegrityError as exc:
        raise UserError("accounts.error.oidc_conflict") from exc
    log_event(log, "account.oidc_signed_in", userId=str(signed.account.id))
    return signed


def balance_of(user_id: uuid.UUID) -> int:
    """The coin balance, for the sidebar and the welcome message."""
    with unit_of_work() as session:
        return ledger.balance(session, user_id)


def delete_account(user_id: uuid.UUID, confirm_email: str) -> None:
    """Remove the user and all their data now; the typed e-mail must match the account's.

    Order: lock the user, cancel queued/running jobs (a worker holding one loses its lease and stops),
    remember every job id, delete the user row (all tables cascade; Stripe events of their payments are
    deleted explicitly since they carry no user id), commit, then delete the Redis keys.
    """
    with unit_of_work() as session:
        user = session.get(User, user_id, with_for_update=True)
        if user is None:
            raise NotFound("user")
        if normalize_email(confirm_email) != user.email:
            raise InvalidInput("accounts.error.confirm_mismatch")
        remember_deleted(session, user.email)  # a keyed hash only: the sign-up grant is not given twice
        job_ids = list(session.scalars(select(Job.id).where(Job.user_id == user_id)))
        live = session.scalars(select(Job.id).where(Job.user_id == user_id, Job.state.in_(jobs.ACTIVE_STATES)))
        for job_id in list(live):
            jobs.fail(
                session,
                job_id,
                error_key="error.cancelled",
                detail="account deleted",
                from_states=jobs.ACTIVE_STATES,
                final_state="cancelled",
            )
        checkout_ids = select(Payment.stripe_session_id).where(Payment.user_id == user_id)
        session.execute(delete(StripeEvent).where(StripeEvent.stripe_session_id.in_(checkout_ids)))
        session.execute(delete(User).where(User.id == user_id))
    removed = purge_redis({str(user_id), *(str(j) for j in job_ids)})
    log_event(log, "account.deleted", userId=str(user_id), count=removed)


def purge_redis(ids: set[str], client: redis.Redis[str] | None = None) -> int:
    """Delete every key with one of `ids` as a `:`-separated part; drop semaphore holders of those jobs.

    One SCAN over the keyspace catches the known keys (`stream:{job}`, `jobmsg:{job}`) and any per-user key a
    later feature adds, as long as it follows the `prefix:{id}` convention. Returns the number of keys deleted.
    """
    r = client or get_redis()
    doomed: list[str] = []
    semaphores: list[str] = []
    for key in r.scan_iter(count=1000):
        name = key.decode() if isinstance(key, bytes) else str(key)
        if any(part in ids for part in name.split(":")):
            doomed.append(name)
        elif name.startswith("sem:") and not name.endswith(":wake"):
            semaphores.append(name)
    for sem in semaphores:
        try:
            members = r.zrange(sem, 0, -1)
        except redis.ResponseError:  # not a sorted set
            continue
        mine = [m for m in members if str(m).split(":", 1)[0] in ids]
        if mine:
            r.zrem(sem, *mine)
    for start in range(0, len(doomed), 500):
        r.delete(*doomed[start : start + 500])
    return len(doomed)
