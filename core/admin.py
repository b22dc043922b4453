"""Admin use cases: look up a user's wallet and ledger, adjust a balance by hand with a reason.

Only the emails named in ADMIN_EMAILS are admins; every call checks the acting user again, so a page that
forgot to hide a button still cannot be used by anyone else.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass

from sqlalchemy import select

from core import ledger
from core.config import get_settings
from core.errors import Forbidden, NotFound
from core.logging import log_event
from core.users import find_by_email
from db.models import AdminAudit, LedgerEntry, User
from db.session import unit_of_work

_log = logging.getLogger("core.admin")


def is_admin(user_id: uuid.UUID) -> bool:
    with unit_of_work() as session:
        email = session.scalar(select(User.email).where(User.id == user_id))
    return email is not None and email in get_settings().admin_email_set


def _require_admin(user_id: uuid.UUID) -> str:
    with unit_of_work() as session:
        email = session.scalar(select(User.email).where(User.id == user_id))
    if email is None or email not in get_settings().admin_email_set:
        raise Forbidden()
    return email


@dataclass(frozen=True)
class WalletView:
    user_id: uuid.UUID
    email: str
    balance: int
    entries: list[LedgerEntry]
    audits: list[AdminAudit]


def find_wallet(actor_id: uuid.UUID, email: str, limit: int = 50) -> WalletView:
    _require_admin(actor_id)
    with unit_of_work() as session:
        user = find_by_email(session, email)
        if user is None:
            raise NotFound("user")
        audits = list(
            session.scalars(
                select(AdminAudit)
                .where(AdminAudit.target_user_id == user.id)
                .order_by(AdminAudit.created_at.desc())
                .limit(limit)
            )
        )
        return WalletView(
            user_id=user.id,
            email=user.email,
            balance=ledger.balance(session, user.id),
            entries=ledger.entries(session, user.id, limit=limit),
            audits=audits,
        )


def adjust(actor_id: uuid.UUID, target_user_id: uuid.UUID, amount: int, reason: str) -> int:
    """Add (or remove) coins with a required reason; audited with the admin's identity. Returns the balance."""
    admin_email = _require_admin(actor_id)
    with unit_of_work() as session:
        if session.get(User, target_user_id) is None:
            raise NotFound("user")
        new_balance = ledger.admin_adjust(
            session,
            admin_user_id=actor_id,
            admin_email=admin_email,
            target_user_id=target_user_id,
            amount=amount,
            reason=reason,
        )
    log_event(_log, "admin_adjust", userId=str(target_user_id), count=amount, status="ok")
    return new_balance
