"""Coins: a wallet per user and an append-only ledger.

Every function takes the caller's SQLAlchemy session and never commits: a charging use case debits, inserts
its job row and records its idempotency key in one transaction (see db.session.unit_of_work). Balance
changes are single conditional UPDATEs on the wallet row, so concurrent debits serialize on that row and the
balance can never go below zero (the database CHECK is the last line of defence, not the first).

    python -m core.ledger check     verify balance == sum(entries) for every wallet; exit 1 on mismatch
"""

from __future__ import annotations

import sys
import uuid
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from core.errors import InvalidInput, UserError
from db.models import AdminAudit, LedgerEntry, Wallet

Queue = Literal["paid", "free"]


@dataclass(frozen=True)
class Quote:
    """What starting a job would do, shown to the user before they confirm."""

    price: int
    balance: int
    queue: Queue

    @property
    def is_free(self) -> bool:
        return self.queue == "free"


@dataclass(frozen=True)
class Charge:
    queue: Queue
    price: int
    debit_entry_id: int | None


def open_wallet(session: Session, user_id: uuid.UUID, grant: int) -> None:
    """Create the user's wallet with the sign-up grant; a second call grants nothing more."""
    session.execute(
        text("INSERT INTO wallets (user_id, balance, updated_at) VALUES (:u, 0, now()) ON CONFLICT DO NOTHING"),
        {"u": user_id},
    )
    if grant > 0:
        _credit(session, user_id, grant, kind="grant", idempotency_key=f"signup-grant:{user_id}", memo="signup")


def balance(session: Session, user_id: uuid.UUID) -> int:
    value = session.scalar(select(Wallet.balance).where(Wallet.user_id == user_id))
    return int(value or 0)


def quote(session: Session, user_id: uuid.UUID, price: int) -> Quote:
    return quote_for(balance(session, user_id), price)


def quote_for(current: int, price: int) -> Quote:
    """The queue a price goes to with this balance: paid if the wallet holds it (any coin, for a price of 0)."""
    queue: Queue = "paid" if price > 0 and current >= price else "free"
    if price == 0:
        queue = "paid" if current > 0 else "free"
    return Quote(price=price, balance=current, queue=queue)


def charge(session: Session, user_id: uuid.UUID, price: int, *, job_id: uuid.UUID, memo: str) -> Charge:
    """Debit `price` if the wallet holds it (paid queue); otherwise charge nothing (free queue).

    A price of 0 (an internal step already paid for) routes by whether the wallet holds any coins.
    """
    if price <= 0:
        q = quote(session, user_id, 0)
        return Charge(queue=q.queue, price=0, debit_entry_id=None)
    entry_id = charge_together(session, user_id, [(job_id, price, memo)]).get(job_id)
    if entry_id is None:
        return Charge(queue="free", price=0, debit_entry_id=None)
    return Charge(queue="paid", price=price, debit_entry_id=entry_id)


# The one debit, for one price or several of one user, as two CTEs (`debited`, then `debits` with the entries'
# id and job_id) that a statement creating the jobs can carry too (core.workbench.creation): the wallet pays
# their total or nothing (the conditional UPDATE and the entries land together or not at all), and each price
# gets its own entry (each job refunds its own debit), with the balance after it as if charged in turn.
# Parameters: `debit_params`.
DEBIT_CTES = (
    "debited AS (UPDATE wallets SET balance = balance - :total, updated_at = now()"
    " WHERE user_id = :u AND balance >= :total RETURNING balance + :total AS before),"
    " debits AS (INSERT INTO ledger_entries (user_id, kind, amount, balance_after, job_id, memo, created_at)"
    " SELECT :u, 'debit', -e.price, d.before - e.paid, e.job_id, e.memo, now()"
    " FROM debited d, unnest(CAST(:prices AS integer[]), CAST(:paid AS integer[]), CAST(:jobs AS uuid[]),"
    " CAST(:memos AS text[])) WITH ORDINALITY AS e(price, paid, job_id, memo, n)"
    " ORDER BY e.n RETURNING id, job_id)"
)
_DEBIT_TOGETHER = text(f"WITH {DEBIT_CTES} SELECT id, job_id FROM debits")


def debit_params(user_id: uuid.UUID, debits: list[tuple[uuid.UUID, int, str]]) -> dict[str, Any]:
    """DEBIT_CTES' parameters for these debits (job id, price > 0, memo); ValueError for none or a price <= 0."""
    if not debits or any(price <= 0 for _, price, _ in debits):
        raise ValueError("a debit takes one or more positive prices")
    paid, running = [], 0
    for _, price, _ in debits:
        running += price
        paid.append(running)
    return {
        "u": user_id,
        "total": running,
        "prices": [price for _, price, _ in debits],
        "paid": paid,
        "jobs": [job_id for job_id, _, _ in debits],
        "memos": [memo[:200] for _, _, memo in debits],
    }


def charge_together(
    session: Session, user_id: uuid.UUID, debits: list[tuple[uuid.UUID, int, str]]
) -> dict[uuid.UUID, int]:
    """Debit several jobs (job id, price > 0, memo) in one round trip, all or none: {job id: debit entry id}.

    Empty when the wallet does not hold the total (nothing charged).
    """
    params = debit_params(user_id, debits)
    return {job_id: int(entry_id) for entry_id, job_id in session.execute(_DEBIT_TOGETHER, params).all()}


def refund(session: Session, debit_entry_id: int, *, memo: str = "refund") -> bool:
    """Give back one debit, exactly once: True if this call refunded it, False if it already was.

    The wallet row is locked first so concurrent refunds of the same debit queue up; the UNIQUE
    reverses_entry_id makes every one after the first a no-op.
    """
    debit = session.get(LedgerEntry, debit_entry_id)
    if debit is None or debit.kind != "debit":
        return False
    current = session.execute(
        text("SELECT balance FROM wallets WHERE user_id = :u FOR UPDATE"), {"u": debit.user_id}
    ).scalar_one()
    amount = -debit.amount
    inserted = session.execute(
        text(
            "INSERT INTO ledger_entries (user_id, kind, amount, balance_after, job_id, reverses_entry_id, memo,"
            " created_at) VALUES (:u, 'refund', :a, :after, :job, :rev, :memo, now())"
            " ON CONFLICT (reverses_entry_id) DO NOTHING RETURNING id"
        ),
        {
            "u": debit.user_id,
            "a": amount,
            "after": current + amount,
            "job": debit.job_id,
            "rev": debit.id,
            "memo": memo[:200],
        },
    ).first()
    if inserted is None:
        return False
    session.execute(
        text("UPDATE wallets SET balance = balance + :a, updated_at = now() WHERE user_id = :u"),
        {"u": debit.user_id, "a": amount},
    )
    return True


def purchase(session: Session, user_id: uuid.UUID, payment_id: uuid.UUID, coins: int) -> bool:
    """Credit a paid Stripe payment once: True if credited now (UNIQUE payment_id guards the rest)."""
    exists = session.scalar(select(LedgerEntry.id).where(LedgerEntry.payment_id == payment_id))
    if exists is not None:
        return False
    return _credit(session, user_id, coins, kind="purchase", payment_id=payment_id, memo="purchase")


MAX_ADJUST = 1_000_000  # coins in one hand adjustment; far below the INTEGER columns' 2^31 - 1


def admin_adjust(
    session: Session,
    *,
    admin_user_id: uuid.UUID | None,
    admin_email: str,
    target_user_id: uuid.UUID,
    amount: int,
    reason: str,
) -> int:
    """Add or remove coins by hand, audited with who and why. Returns the new balance."""
    if not reason or not reason.strip():
        raise InvalidInput("error.reason_required")
    if amount == 0:
        raise InvalidInput("error.amount_zero")
    if abs(amount) > MAX_ADJUST:
        raise InvalidInput("error.amount_range", max=MAX_ADJUST)
    audit = AdminAudit(
        admin_user_id=admin_user_id,
        admin_email=admin_email,
        target_user_id=target_user_id,
        amount=amount,
        reason=reason.strip()[:1000],
    )
    session.add(audit)
    session.flush()
    row = session.execute(
        text(
            "UPDATE wallets SET balance = balance + :a, updated_at = now() "
            "WHERE user_id = :u AND balance::bigint + :a BETWEEN 0 AND 2147483647 RETURNING balance"
        ),
        {"u": target_user_id, "a": amount},
    ).first()
    if row is None:
        raise UserError("error.adjust_below_zero")
    session.add(
        LedgerEntry(
            user_id=target_user_id,
            kind="admin_adjust",
            amount=amount,
            balance_after=int(row[0]),
            audit_id=audit.id,
            memo="admin",
        )
    )
    session.flush()
    return int(row[0])


def _credit(
    session: Session,
    user_id: uuid.UUID,
    amount: int,
    *,
    kind: str,
    memo: str,
    idempotency_key: str | None = None,
    payment_id: uuid.UUID | None = None,
) -> bool:
    current = session.execute(
        text("SELECT balance FROM wallets WHERE user_id = :u FOR UPDATE"), {"u": user_id}
    ).scalar_one()
    conflict = "idempotency_key" if idempotency_key else "payment_id"
    inserted = session.execute(
        text(
            "INSERT INTO ledger_entries (user_id, kind, amount, balance_after, idempotency_key, payment_id,"
            f" memo, created_at) VALUES (:u, :k, :a, :after, :key, :pay, :memo, now())"
            f" ON CONFLICT ({conflict}) DO NOTHING RETURNING id"
        ),
        {
            "u": user_id,
            "k": kind,
            "a": amount,
            "after": current + amount,
            "key": idempotency_key,
            "pay": payment_id,
            "memo": memo,
        },
    ).first()
    if inserted is None:
        return False
    session.execute(
        text("UPDATE wallets SET balance = balance + :a, updated_at = now() WHERE user_id = :u"),
        {"u": user_id, "a": amount},
    )
    return True


def entries(
    session: Session,
    user_id: uuid.UUID,
    *,
    kinds: tuple[str, ...] | None = None,
    limit: int = 20,
    offset: int = 0,
) -> list[LedgerEntry]:
    stmt = select(LedgerEntry).where(LedgerEntry.user_id == user_id)
    if kinds:
        stmt = stmt.where(LedgerEntry.kind.in_(kinds))
    stmt = stmt.order_by(LedgerEntry.created_at.desc(), LedgerEntry.id.desc()).limit(limit).offset(offset)
    return list(session.scalars(stmt))


def count_entries(session: Session, user_id: uuid.UUID, *, kinds: tuple[str, ...] | None = None) -> int:
    stmt = select(func.count()).select_from(LedgerEntry).where(LedgerEntry.user_id == user_id)
    if kinds:
        stmt = stmt.where(LedgerEntry.kind.in_(kinds))
    return int(session.scalar(stmt) or 0)


@dataclass(frozen=True)
class Mismatch:
    user_id: uuid.UUID
    balance: int
    ledger_sum: int


def reconcile(session: Session) -> list[Mismatch]:
    """Every wallet whose stored balance differs from the sum of its entries (empty means healthy)."""
    rows = session.execute(
        text(
            "SELECT w.user_id, w.balance, COALESCE(SUM(e.amount), 0) AS total FROM wallets w "
            "LEFT JOIN ledger_entries e ON e.user_id = w.user_id GROUP BY w.user_id, w.balance "
            "HAVING w.balance <> COALESCE(SUM(e.amount), 0)"
        )
    ).all()
    return [Mismatch(user_id=r[0], balance=int(r[1]), ledger_sum=int(r[2])) for r in rows]


def _main(argv: list[str]) -> int:
    from db.session import unit_of_work

    if argv[:1] != ["check"]:
        print("usage: python -m core.ledger check", file=sys.stderr)
        return 2
    with unit_of_work() as session:
        wallets = session.scalar(select(func.count()).select_from(Wallet)) or 0
        bad = reconcile(session)
    for m in bad:
        print(f"MISMATCH user={m.user_id} balance={m.balance} ledger_sum={m.ledger_sum}")
    print(f"ledger check: {wallets} wallets, {len(bad)} mismatches")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
