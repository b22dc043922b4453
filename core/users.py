"""Creating users: every new user gets a wallet and the sign-up grant, once, in the same transaction."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from core import ledger
from core.config import get_settings
from db.models import User


def normalize_email(email: str) -> str:
    return email.strip().lower()


def create_user(
    session: Session,
    email: str,
    *,
    name: str = "",
    password_hash: str | None = None,
    lang: str = "en",
    oidc_subject: str | None = None,
) -> User:
    user = User(
        id=uuid.uuid4(),
        email=normalize_email(email),
        name=name,
        password_hash=password_hash,
        lang=lang,
        oidc_subject=oidc_subject,
    )
    session.add(user)
    session.flush()
    ledger.open_wallet(session, user.id, get_settings().signup_grant)
    return user


def find_by_email(session: Session, email: str) -> User | None:
    return session.scalar(select(User).where(User.email == normalize_email(email)))
