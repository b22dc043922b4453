"""Browser sessions: an `auth_sessions` row per signed-in browser, and the account it belongs to.

The row is the truth, the cookie only names it (core.accounts.tokens): signing out, changing the password or
deleting the account deletes rows, so a stolen or stale cookie stops working at once. A session lives
`settings.cookie_expiry_days` from sign-in.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from core import ledger
from core.accounts.tokens import make_token, parse_token
from core.config import get_settings
from db.models import AuthSession, User
from db.session import unit_of_work


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


def _account(user: User) -> Account:
    return Account(
        id=user.id,
        email=user.email,
        name=user.name,
        lang=user.lang,
        is_admin=bool(user.is_admin),
    )


def open_session(session: Session, user: User, *, created: bool = False) -> SignedIn:
    """A new browser session for `user`, in the caller's transaction, with its token and the user's balance."""
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
