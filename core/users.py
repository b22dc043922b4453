"""Creating users: every new user gets a wallet and, once per e-mail address ever, the sign-up grant.

E-mails are compared in one canonical form (NFKC, trimmed, lower case), so full-width or composed look-alikes
collapse onto the same account; addresses holding invisible or control characters (zero-width, bidi, NUL) are
refused by `has_hidden_chars` at the boundary. A deleted account leaves only a keyed hash of its address
(HMAC-SHA256, EMAIL_HASH_KEY or else COOKIE_KEY), enough to withhold a second sign-up grant and nothing more.
"""

from __future__ import annotations

import hashlib
import hmac
import unicodedata
import uuid

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from core import ledger
from core.config import get_settings
from db.models import DeletedEmail, User

# Control, format (zero-width, bidi), private-use, surrogate, unassigned, line and paragraph separators.
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp"})


def normalize_email(email: str) -> str:
    return unicodedata.normalize("NFKC", email).strip().lower()


def has_hidden_chars(text: str) -> bool:
    """True when `text` holds a character a reader cannot see: control, format, separator or unassigned."""
    return any(unicodedata.category(ch) in _HIDDEN_CATEGORIES for ch in text)


def email_hash(email: str) -> str:
    """The keyed hash kept for a deleted address (hex HMAC-SHA256 of the normalised e-mail)."""
    s = get_settings()
    key = (s.email_hash_key or s.cookie_key).encode()
    if not key:
        raise RuntimeError("EMAIL_HASH_KEY or COOKIE_KEY must be set; start the product with `make run`")
    return hmac.new(key, normalize_email(email).encode(), hashlib.sha256).hexdigest()


def remember_deleted(session: Session, email: str) -> None:
    """Record that this address had an account, so signing up again grants nothing."""
    session.execute(insert(DeletedEmail).values(email_hash=email_hash(email)).on_conflict_do_nothing())


def _had_account(session: Session, email: str) -> bool:
    return session.get(DeletedEmail, email_hash(email)) is not None


def create_user(
    session: Session,
    email: str,
    *,
    name: str = "",
    password_hash: str | None = None,
    lang: str = "en",
    oidc_subject: str | None = None,
) -> User:
    normalized = normalize_email(email)
    user = User(
        id=uuid.uuid4(),
        email=normalized,
        name=name,
        password_hash=password_hash,
        lang=lang,
        oidc_subject=oidc_subject,
    )
    session.add(user)
    session.flush()
    grant = 0 if _had_account(session, normalized) else get_settings().signup_grant
    ledger.open_wallet(session, user.id, grant)
    return user


def find_by_email(session: Session, email: str) -> User | None:
    return session.scalar(select(User).where(User.email == normalize_email(email)))
