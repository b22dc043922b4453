"""A stateful property test: random ledger operations agree with a plain in-memory model (issue 3)."""

from __future__ import annotations

import uuid

import hypothesis.strategies as st
from hypothesis import HealthCheck, settings
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from core import ledger
from core.users import create_user
from db.models import Payment
from db.session import unit_of_work
from tests.conftest import truncate_all


class LedgerMachine(RuleBasedStateMachine):
    """Model: balance per user and the set of unrefunded debits; the real ledger must agree after every step."""

    def __init__(self) -> None:
        super().__init__()
        self.balances: dict[uuid.UUID, int] = {}
        self.open_debits: dict[int, tuple[uuid.UUID, int]] = {}
        self.refunded: set[int] = set()

    @initialize()
    def users(self) -> None:
        truncate_all()
        with unit_of_work() as s:
            for i in range(3):
                user = create_user(s, f"model-{i}-{uuid.uuid4().hex[:6]}@example.com")
                self.balances[user.id] = ledger.balance(s, user.id)

    def _user(self, index: int) -> uuid.UUID:
        return sorted(self.balances)[index % len(self.balances)]

    @rule(index=st.integers(0, 2), price=st.integers(1, 5))
    def debit(self, index: int, price: int) -> None:
        user = self._user(index)
        with unit_of_work() as s:
            charge = ledger.charge(s, user, price, job_id=uuid.uuid4(), memo="model")
        if self.balances[user] >= price:
            assert charge.queue == "paid" and charge.debit_entry_id is not None
            self.balances[user] -= price
            self.open_debits[charge.debit_entry_id] = (user, price)
        else:
            assert charge.queue == "free" and charge.debit_entry_id is None

    @precondition(lambda self: bool(self.open_debits) or bool(self.refunded))
    @rule(data=st.data())
    def refund(self, data: st.DataObject) -> None:
        candidates = sorted(set(self.open_debits) | self.refunded)
        debit_id = data.draw(st.sampled_from(candidates))
        with unit_of_work() as s:
            did = ledger.refund(s, debit_id)
        if debit_id in self.open_debits:
            assert did
            user, price = self.open_debits.pop(debit_id)
            self.balances[user] += price
            self.refunded.add(debit_id)
        else:
            assert not did

    @rule(index=st.integers(0, 2), coins=st.integers(1, 20))
    def purchase(self, index: int, coins: int) -> None:
        user = self._user(index)
        with unit_of_work() as s:
            pay = Payment(
                user_id=user,
                stripe_session_id=f"cs_{uuid.uuid4().hex}",
                pack_id="p",
                coins=coins,
                amount_minor=100,
                currency="usd",
                status="paid",
            )
            s.add(pay)
            s.flush()
            assert ledger.purchase(s, user, pay.id, coins)
            assert not ledger.purchase(s, user, pay.id, coins)
        self.balances[user] += coins

    @rule(index=st.integers(0, 2), amount=st.integers(-10, 10).filter(bool))
    def adjust(self, index: int, amount: int) -> None:
        user = self._user(index)
        from core.errors import UserError

        try:
            with unit_of_work() as s:
                ledger.admin_adjust(
                    s, admin_user_id=None, admin_email="model@x", target_user_id=user, amount=amount, reason="model"
                )
        except UserError:
            assert self.balances[user] + amount < 0
            return
        self.balances[user] += amount

    @invariant()
    def agrees_with_model(self) -> None:
        if not self.balances:
            return
        with unit_of_work() as s:
            for user, expected in self.balances.items():
                assert ledger.balance(s, user) == expected
            assert ledger.reconcile(s) == []


LedgerMachine.TestCase.settings = settings(
    max_examples=25,
    stateful_step_count=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def test_ledger_agrees_with_model(stack: dict[str, str]) -> None:
    LedgerMachine.TestCase().runTest()
