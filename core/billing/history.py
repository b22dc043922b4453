"""What the Billing page lists: purchases (payments with their status) and consumption (debits, refunds).

Consumption is read through core.ledger.entries, so the page shows exactly the ledger's rows in the
ledger's order; this module only adds, per row, the service and step its job belongs to.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from core import ledger
from db.models import Job, LedgerEntry, Payment, Service
from db.session import unit_of_work

CONSUMPTION_KINDS = ("debit", "refund")
# The service price is debited on its job-extraction job (and handed on to Match): the user bought a new
# service, so the history names that step, not the internal job kind.
# A pasted JD's Match holds that debit from the start: it is still the service the user bought.
STEP_OF_KIND = {"extract": "service", "match": "service"}


@dataclass(frozen=True)
class PurchaseRow:
    payment_id: uuid.UUID
    created_at: datetime
    pack_id: str
    coins: int
    amount_minor: int
    currency: str
    status: str  # pending | paid | failed | expired
    paid_at: datetime | None
    entry_id: int | None  # the ledger purchase entry, once credited


@dataclass(frozen=True)
class ConsumptionRow:
    entry_id: int
    created_at: datetime
    kind: str  # debit | refund
    amount: int
    balance_after: int
    job_id: uuid.UUID | None
    step: str | None  # service (job extraction + Match) | match | customize | interview | resume | detailed_resume
    service_id: uuid.UUID | None
    service_title: str | None


@dataclass(frozen=True)
class CoinSummary:
    balance: int
    purchased: int
    spent: int  # debits minus refunds


def purchases(user_id: uuid.UUID, *, limit: int = 20, offset: int = 0) -> list[PurchaseRow]:
    with unit_of_work() as session:
        rows = session.execute(
            select(Payment, LedgerEntry.id)
            .outerjoin(LedgerEntry, LedgerEntry.payment_id == Payment.id)
            .where(Payment.user_id == user_id)
            .order_by(Payment.created_at.desc(), Payment.id.desc())
            .limit(limit)
            .offset(offset)
        ).all()
        return [
            PurchaseRow(
                payment_id=p.id,
                created_at=p.created_at,
                pack_id=p.pack_id,
                coins=p.coins,
                amount_minor=p.amount_minor,
                currency=p.currency,
                status=p.status,
                paid_at=p.paid_at,
                entry_id=entry_id,
            )
            for p, entry_id in rows
        ]


def count_purchases(user_id: uuid.UUID) -> int:
    with unit_of_work() as session:
        return int(session.scalar(select(func.count()).select_from(Payment).where(Payment.user_id == user_id)) or 0)


def consumption(user_id: uuid.UUID, *, limit: int = 20, offset: int = 0) -> list[ConsumptionRow]:
    with unit_of_work() as session:
        entries = ledger.entries(session, user_id, kinds=CONSUMPTION_KINDS, limit=limit, offset=offset)
        job_ids = {e.job_id for e in entries if e.job_id is not None}
        context: dict[uuid.UUID, tuple[str | None, uuid.UUID | None, str | None]] = {}
        if job_ids:
            for job_id, job_kind, job_service, job_title in session.execute(
                select(Job.id, Job.kind, Job.service_id, Service.title)
                .outerjoin(Service, Service.id == Job.service_id)
                .where(Job.id.in_(job_ids), Job.user_id == user_id)
            ):
                context[job_id] = (STEP_OF_KIND.get(job_kind, job_kind), job_service, job_title)
        rows = []
        for e in entries:
            step, service_id, title = context.get(e.job_id, (None, None, None)) if e.job_id else (None, None, None)
            rows.append(
                ConsumptionRow(
                    entry_id=e.id,
                    created_at=e.created_at,
                    kind=e.kind,
                    amount=e.amount,
                    balance_after=e.balance_after,
                    job_id=e.job_id,
                    step=step,
                    service_id=service_id,
                    service_title=title,
                )
            )
        return rows


def count_consumption(user_id: uuid.UUID) -> int:
    with unit_of_work() as session:
        return ledger.count_entries(session, user_id, kinds=CONSUMPTION_KINDS)


def summary(user_id: uuid.UUID) -> CoinSummary:
    """Balance plus lifetime purchased and spent coins, for the Profile summary and the sidebar."""
    with unit_of_work() as session:
        rows = session.execute(
            select(LedgerEntry.kind, func.coalesce(func.sum(LedgerEntry.amount), 0))
            .where(LedgerEntry.user_id == user_id, LedgerEntry.kind.in_(("purchase", "debit", "refund")))
            .group_by(LedgerEntry.kind)
        ).all()
        totals = {str(kind): int(total) for kind, total in rows}
        return CoinSummary(
            balance=ledger.balance(session, user_id),
            purchased=int(totals.get("purchase", 0)),
            spent=-int(totals.get("debit", 0)) - int(totals.get("refund", 0)),
        )
