"""Admin use cases: look up a user's wallet and ledger, adjust a balance by hand with a reason; grant or revoke
admin rights from the operator's shell.

Admin is a flag on an existing account, set only by `python -m core.admin grant EMAIL` (and `revoke`), run by
someone with shell access to the deployment; registering an address never grants it. Every grant, revoke and
adjustment is an audit row, and audit rows outlive the account they name (the reference becomes NULL). Every
use case checks the acting user again, so a page that forgot to hide a button still cannot be used by anyone else.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import sys
import uuid
from dataclasses import dataclass

from sqlalchemy import select

from core import ledger
from core.errors import Forbidden, NotFound, UserError
from core.logging import log_event
from core.users import find_by_email
from db.models import AdminAudit, LedgerEntry, User
from db.session import unit_of_work

_log = logging.getLogger("core.admin")


def is_admin(user_id: uuid.UUID) -> bool:
    with unit_of_work() as session:
        return bool(session.scalar(select(User.is_admin).where(User.id == user_id)))


def _require_admin(user_id: uuid.UUID) -> str:
    with unit_of_work() as session:
        row = session.execute(select(User.email, User.is_admin).where(User.id == user_id)).first()
    if row is None or not row.is_admin:
        raise Forbidden()
    return str(row.email)


def set_admin(email: str, granted: bool, operator: str) -> uuid.UUID:
    """Grant (or revoke) admin rights on the existing account of `email`; audited as the operator's act."""
    action = "grant" if granted else "revoke"
    with unit_of_work() as session:
        user = find_by_email(session, email)
        if user is None:
            raise NotFound("user")
        user.is_admin = granted
        session.add(
            AdminAudit(
                admin_user_id=None,
                admin_email=f"operator:{operator}"[:320],
                target_user_id=user.id,
                action=action,
                amount=0,
                reason=f"admin rights {action}ed by operator command",
            )
        )
        user_id = user.id
    log_event(_log, f"admin_{action}", userId=str(user_id), status="ok")
    return user_id


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


def main(argv: list[str] | None = None) -> int:
    """`python -m core.admin grant|revoke EMAIL`: the only way an account becomes (or stops being) admin."""
    parser = argparse.ArgumentParser(prog="python -m core.admin", description=main.__doc__)
    parser.add_argument("action", choices=("grant", "revoke"))
    parser.add_argument("email")
    args = parser.parse_args(argv)
    try:
        set_admin(args.email, args.action == "grant", getpass.getuser())
    except UserError:
        print("no account with that e-mail; the user must sign up first", file=sys.stderr)
        return 1
    print(f"admin rights {args.action}ed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
