"""Billing acceptance (issue 9) against real Postgres and a loopback stand-in for Stripe's API.

Every webhook body is signed with Stripe's scheme by testkit/fakes/stripe_api.sign and verified by the SDK's
own stripe.Webhook.construct_event inside core.billing. Each scenario ends with the ledger reconciled.
"""

from __future__ import annotations

import json
import os
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import func, select

from core import billing, ledger
from core.billing import BillingNotConfigured, handle_webhook
from core.config import reset_settings
from core.errors import NotFound
from db.models import Job, LedgerEntry, Payment, Service, StripeEvent
from db.session import unit_of_work
from testkit.fakes.stripe_api import FakeStripe, sign
from testkit.support import assert_reconciled, balance

SECRET = "whsec_test_endpoint_secret"
STRIPE_ENV = ("STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_API_BASE")


@pytest.fixture(scope="module")
def stripe_api(stack: dict[str, str]) -> Iterator[FakeStripe]:
    fake = FakeStripe().start()
    yield fake
    fake.stop()


def _set_stripe_env(values: dict[str, str]) -> None:
    for name in STRIPE_ENV:
        os.environ.pop(name, None)
    os.environ.update(values)
    reset_settings()


@pytest.fixture
def fake_stripe(stripe_api: FakeStripe, db: None) -> Iterator[FakeStripe]:
    """Stripe configured and pointed at the stand-in, for one test."""
    stripe_api.reset()
    _set_stripe_env(
        {
            "STRIPE_SECRET_KEY": stripe_api.api_key,
            "STRIPE_WEBHOOK_SECRET": SECRET,
            "STRIPE_API_BASE": stripe_api.api_base,
        }
    )
    yield stripe_api
    _set_stripe_env({})


# -- helpers -------------------------------------------------------------------------------------------


def deliver(body: bytes, *, secret: str = SECRET, timestamp: int | None = None) -> tuple[int, dict[str, Any]]:
    return handle_webhook(body, sign(body, secret, timestamp))


def purchase_entries(user_id: uuid.UUID) -> list[LedgerEntry]:
    with unit_of_work() as s:
        return ledger.entries(s, user_id, kinds=("purchase",), limit=1000)


def payment_status(session_id: str) -> str:
    with unit_of_work() as s:
        return str(s.scalar(select(Payment.status).where(Payment.stripe_session_id == session_id)))


def event_count() -> int:
    with unit_of_work() as s:
        return int(s.scalar(select(func.count()).select_from(StripeEvent)) or 0)


def checkout(user_id: uuid.UUID, pack_id: str = "pack10") -> str:
    return billing.create_checkout(user_id, pack_id, uuid.uuid4().hex).session_id


# -- checkout ------------------------------------------------------------------------------------------


def test_checkout_creates_a_stripe_session_and_one_pending_payment(fake_stripe: FakeStripe, make_user) -> None:
    user = make_user(coins=0)
    link = billing.create_checkout(user, "pack10", "click-1")
    again = billing.create_checkout(user, "pack10", "click-1")  # a rerun / double click

    assert again == link
    assert link.url == f"https://checkout.stripe.com/c/pay/{link.session_id}"
    sent = fake_stripe.create_requests[0]
    assert sent["mode"] == "payment"
    assert sent["client_reference_id"] == str(user)
    assert sent["metadata"]["pack_id"] == "pack10"
    assert sent["line_items"] == [
        {
            "quantity": "1",
            "price_data": {
                "currency": "cny",
                "unit_amount": "500",
                "product_data": {"name": "10 coins — Job Assistant AI"},
            },
        }
    ]
    assert sent["success_url"] == "http://127.0.0.1:8501/Billing?session_id={CHECKOUT_SESSION_ID}"
    assert sent["cancel_url"].startswith("http://127.0.0.1:8501/Billing")
    rows = billing.purchases(user)
    assert [(r.status, r.coins, r.amount_minor, r.currency, r.entry_id) for r in rows] == [
        ("pending", 10, 500, "cny", None)
    ]
    assert balance(user) == 0


def test_default_packs_offer_10_coins_for_cny_5_and_a_usd_price(fake_stripe: FakeStripe) -> None:
    packs = billing.coin_packs()
    assert [(p.coins, p.amount_display) for p in packs if p.currency == "cny"] == [(10, "5.00 CNY")]
    assert any(p.currency == "usd" for p in packs)


def test_unknown_pack_is_refused_before_stripe_is_called(fake_stripe: FakeStripe, make_user) -> None:
    from core.errors import InvalidInput

    user = make_user()
    with pytest.raises(InvalidInput):
        billing.create_checkout(user, "free-money")
    assert fake_stripe.create_requests == []


# -- rejected webhooks ---------------------------------------------------------------------------------


def _forged(body: bytes) -> str:
    return sign(body, "whsec_attacker")


def _missing(body: bytes) -> str:
    return ""


def _stale(body: bytes) -> str:
    return sign(body, SECRET, int(time.time()) - 600)


def _tampered(body: bytes) -> str:
    return sign(body.replace(b"cs_test_", b"cs_test_x"), SECRET)


@pytest.mark.parametrize("make_header", [_forged, _missing, _stale, _tampered], ids=lambda f: f.__name__[1:])
def test_bad_signature_is_rejected_and_credits_nothing(
    fake_stripe: FakeStripe, make_user, make_header: Callable[[bytes], str]
) -> None:
    user = make_user(coins=0)
    session_id = checkout(user)
    fake_stripe.pay(session_id)
    body = fake_stripe.event("checkout.session.completed", session_id)

    status, reply = handle_webhook(body, make_header(body))

    assert (status, reply) == (400, {"error": "invalid_signature"})
    assert balance(user) == 0 and payment_status(session_id) == "pending"
    assert event_count() == 0 and fake_stripe.retrieve_count == 0
    # The same body, properly signed, is creditable: the rejection above is the signature's doing.
    assert deliver(body) == (200, {"status": "credited"})
    assert balance(user) == 10
    assert_reconciled()


@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b"\xff\xfe\x00binary",
        b"[]",
        json.dumps({"id": "evt_1", "object": "event"}).encode(),  # no type
        json.dumps({"id": "evt_2", "type": "checkout.session.completed", "data": {}}).encode(),  # no session
        json.dumps(
            {"id": "evt_3", "type": "checkout.session.completed", "data": {"object": {"id": "../v1/charges"}}}
        ).encode(),
    ],
    ids=["not-json", "not-utf8", "not-an-object", "no-type", "no-session", "bad-session-id"],
)
def test_malformed_body_is_rejected_with_400_and_credits_nothing(
    fake_stripe: FakeStripe, make_user, body: bytes
) -> None:
    user = make_user(coins=0)
    session_id = checkout(user)
    fake_stripe.pay(session_id)

    status, reply = deliver(body)

    assert status == 400 and "error" in reply
    assert balance(user) == 0 and payment_status(session_id) == "pending"
    assert event_count() == 0 and fake_stripe.retrieve_count == 0
    assert_reconciled()


# -- exactly once --------------------------------------------------------------------------------------


def test_five_concurrent_deliveries_and_the_redirect_credit_once(fake_stripe: FakeStripe, make_user) -> None:
    user = make_user(coins=3)
    session_id = checkout(user)
    fake_stripe.pay(session_id)
    body = fake_stripe.event("checkout.session.completed", session_id)
    start = threading.Barrier(6)
    outcomes: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def webhook() -> None:
        try:
            start.wait()
            status, reply = deliver(body)
            assert status == 200
            with lock:
                outcomes.append(reply["status"])
        except BaseException as exc:  # surfaced below; a thread's assert would otherwise vanish
            errors.append(exc)

    def redirect() -> None:
        try:
            start.wait()
            result = billing.fulfil(session_id, user_id=user)
            with lock:
                outcomes.append(result.outcome)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=webhook) for _ in range(5)] + [threading.Thread(target=redirect)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)

    assert errors == []
    assert len(outcomes) == 6
    assert outcomes.count("credited") == 1
    assert set(outcomes) <= {"credited", "already_credited", "replay"}
    assert balance(user) == 13
    assert [e.amount for e in purchase_entries(user)] == [10]
    assert payment_status(session_id) == "paid"
    assert event_count() == 1
    assert_reconciled()


def test_a_replayed_event_is_a_no_op(fake_stripe: FakeStripe, make_user) -> None:
    user = make_user(coins=0)
    session_id = checkout(user)
    fake_stripe.pay(session_id)
    body = fake_stripe.event("checkout.session.completed", session_id)

    assert deliver(body) == (200, {"status": "credited"})
    fetched = fake_stripe.retrieve_count
    assert deliver(body) == (200, {"status": "replay"})
    assert fake_stripe.retrieve_count == fetched
    assert balance(user) == 10 and event_count() == 1
    assert_reconciled()


def test_async_succeeded_before_completed_credits_once_when_paid(fake_stripe: FakeStripe, make_user) -> None:
    user = make_user(coins=0)
    session_id = checkout(user)
    fake_stripe.complete_unpaid(session_id)
    completed_unpaid = fake_stripe.event("checkout.session.completed", session_id)
    fake_stripe.pay(session_id)
    succeeded = fake_stripe.event("checkout.session.async_payment_succeeded", session_id)

    assert deliver(succeeded) == (200, {"status": "credited"})
    assert deliver(completed_unpaid) == (200, {"status": "already_credited"})
    assert balance(user) == 10 and len(purchase_entries(user)) == 1
    assert event_count() == 2
    assert_reconciled()


def test_completed_but_unpaid_credits_nothing_until_stripe_says_paid(fake_stripe: FakeStripe, make_user) -> None:
    user = make_user(coins=0)
    session_id = checkout(user)
    fake_stripe.complete_unpaid(session_id)

    assert deliver(fake_stripe.event("checkout.session.completed", session_id)) == (200, {"status": "pending"})
    assert billing.fulfil(session_id, user_id=user).outcome == "pending"  # the success redirect
    assert balance(user) == 0 and payment_status(session_id) == "pending"

    fake_stripe.pay(session_id)
    assert deliver(fake_stripe.event("checkout.session.async_payment_succeeded", session_id)) == (
        200,
        {"status": "credited"},
    )
    assert balance(user) == 10
    assert_reconciled()


def test_a_forged_paid_snapshot_in_a_signed_event_does_not_credit_an_unpaid_session(
    fake_stripe: FakeStripe, make_user
) -> None:
    """Even a correctly signed body is not believed: Stripe is asked again, and says unpaid."""
    user = make_user(coins=0)
    session_id = checkout(user)
    body = json.loads(fake_stripe.event("checkout.session.completed", session_id))
    body["data"]["object"]["payment_status"] = "paid"

    assert deliver(json.dumps(body).encode()) == (200, {"status": "pending"})
    assert balance(user) == 0
    assert_reconciled()


def test_async_payment_failed_credits_nothing_and_the_user_sees_failed(fake_stripe: FakeStripe, make_user) -> None:
    user = make_user(coins=1)
    session_id = checkout(user)
    fake_stripe.complete_unpaid(session_id)

    assert deliver(fake_stripe.event("checkout.session.completed", session_id)) == (200, {"status": "pending"})
    assert deliver(fake_stripe.event("checkout.session.async_payment_failed", session_id)) == (
        200,
        {"status": "failed"},
    )
    assert balance(user) == 1 and purchase_entries(user) == []
    assert [(r.status, r.entry_id) for r in billing.purchases(user)] == [("failed", None)]
    assert billing.fulfil(session_id, user_id=user).outcome == "failed"  # a late redirect changes nothing
    assert_reconciled()


def test_expired_session_is_marked_expired(fake_stripe: FakeStripe, make_user) -> None:
    user = make_user(coins=0)
    session_id = checkout(user)
    fake_stripe.expire(session_id)

    assert deliver(fake_stripe.event("checkout.session.expired", session_id)) == (200, {"status": "expired"})
    assert payment_status(session_id) == "expired" and balance(user) == 0
    assert_reconciled()


def test_session_whose_amount_differs_from_the_payment_is_not_credited(fake_stripe: FakeStripe, make_user) -> None:
    user = make_user(coins=0)
    session_id = checkout(user)
    fake_stripe.pay(session_id)
    fake_stripe.tamper(session_id, amount_total=1)

    assert deliver(fake_stripe.event("checkout.session.completed", session_id)) == (200, {"status": "mismatch"})
    assert balance(user) == 0 and payment_status(session_id) == "pending"
    assert_reconciled()


def test_stripe_outage_answers_503_and_the_retry_credits(fake_stripe: FakeStripe, make_user) -> None:
    user = make_user(coins=0)
    session_id = checkout(user)
    fake_stripe.pay(session_id)
    body = fake_stripe.event("checkout.session.completed", session_id)
    fake_stripe.fail_retrieves = 100

    assert deliver(body) == (503, {"error": "stripe_unavailable"})
    assert event_count() == 0 and balance(user) == 0  # not recorded: Stripe's retry must be processed

    fake_stripe.fail_retrieves = 0
    assert deliver(body) == (200, {"status": "credited"})
    assert balance(user) == 10
    assert_reconciled()


def test_unknown_event_types_and_foreign_sessions_are_acknowledged_and_ignored(
    fake_stripe: FakeStripe, make_user
) -> None:
    body = json.dumps({"id": "evt_other", "object": "event", "type": "customer.created", "data": {"object": {}}})
    assert deliver(body.encode()) == (200, {"status": "ignored"})
    foreign = json.dumps(
        {
            "id": "evt_foreign",
            "object": "event",
            "type": "checkout.session.completed",
            "data": {"object": {"id": "cs_test_not_ours"}},
        }
    )
    assert deliver(foreign.encode()) == (200, {"status": "unknown"})
    assert event_count() == 2 and fake_stripe.retrieve_count == 0


def test_redirect_with_someone_elses_session_is_not_found(fake_stripe: FakeStripe, make_user) -> None:
    owner, other = make_user(coins=0), make_user(coins=0)
    session_id = checkout(owner)
    fake_stripe.pay(session_id)

    with pytest.raises(NotFound):
        billing.fulfil(session_id, user_id=other)
    with pytest.raises(NotFound):
        billing.fulfil("cs_test_made_up", user_id=other)
    assert balance(owner) == 0 and balance(other) == 0
    assert billing.fulfil(session_id, user_id=owner).outcome == "credited"
    assert_reconciled()


# -- not configured ------------------------------------------------------------------------------------


def test_without_stripe_keys_nothing_pretends_to_charge(stripe_api: FakeStripe, make_user) -> None:
    _set_stripe_env({"STRIPE_API_BASE": stripe_api.api_base})
    stripe_api.reset()
    user = make_user(coins=0)

    assert not billing.is_configured()
    assert billing.missing_config() == ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET"]
    with pytest.raises(BillingNotConfigured):
        billing.create_checkout(user, "pack10")
    body = b'{"id": "evt_x", "object": "event", "type": "checkout.session.completed"}'
    assert handle_webhook(body, sign(body, SECRET)) == (503, {"error": "billing_not_configured"})
    assert stripe_api.create_requests == [] and billing.purchases(user) == []

    _set_stripe_env({"STRIPE_WEBHOOK_SECRET": SECRET})  # half-configured: verified, but cannot re-fetch
    event = json.dumps(
        {
            "id": "evt_y",
            "object": "event",
            "type": "checkout.session.completed",
            "data": {"object": {"id": "cs_test_a"}},
        }
    ).encode()
    assert deliver(event) == (503, {"error": "billing_not_configured"})
    assert event_count() == 0
    _set_stripe_env({})


# -- histories -----------------------------------------------------------------------------------------


def _spend(user_id: uuid.UUID, kind: str, price: int, title: str | None, *, refund: bool = False) -> uuid.UUID:
    """A debit (and optionally its refund) for one job, as the job engine records them."""
    with unit_of_work() as s:
        service_id = None
        if title is not None:
            service = Service(user_id=user_id, jd_source="text", jd_text="jd", title=title)
            s.add(service)
            s.flush()
            service_id = service.id
        job = Job(user_id=user_id, service_id=service_id, kind=kind, queue="paid", price=price)
        s.add(job)
        s.flush()
        charge = ledger.charge(s, user_id, price, job_id=job.id, memo=kind)
        assert charge.debit_entry_id is not None
        if refund:
            assert ledger.refund(s, charge.debit_entry_id)
        return job.id


def test_purchase_and_consumption_history_show_exactly_the_ledger(fake_stripe: FakeStripe, make_user) -> None:
    user, other = make_user(coins=20), make_user(coins=20)
    match_job = _spend(user, "match", 2, "Backend engineer")
    customize_job = _spend(user, "customize", 2, "Data analyst", refund=True)
    resume_job = _spend(user, "resume", 1, None)
    _spend(other, "match", 2, "Someone else's")
    paid = checkout(user)
    fake_stripe.pay(paid)
    assert deliver(fake_stripe.event("checkout.session.completed", paid))[0] == 200
    checkout(user, "pack10usd")  # still pending

    with unit_of_work() as s:
        expected = ledger.entries(s, user, kinds=("debit", "refund"), limit=1000)
        expected_purchases = ledger.entries(s, user, kinds=("purchase",), limit=1000)
    pages = [billing.consumption(user, limit=2, offset=o) for o in (0, 2, 4)]
    shown = [row for page in pages for row in page]

    assert billing.count_consumption(user) == len(expected) == 4
    assert [len(p) for p in pages] == [2, 2, 0]
    assert [(r.entry_id, r.kind, r.amount, r.balance_after) for r in shown] == [
        (e.id, e.kind, e.amount, e.balance_after) for e in expected
    ]
    context = {r.entry_id: (r.step, r.service_title) for r in shown}
    by_job = {e.id: e.job_id for e in expected}
    titles: dict[uuid.UUID | None, tuple[str, str | None]] = {
        match_job: ("service", "Backend engineer"),  # a Match holds the service's debit: the user bought a service
        customize_job: ("customize", "Data analyst"),
        resume_job: ("resume", None),
    }
    assert context == {entry_id: titles[job_id] for entry_id, job_id in by_job.items()}

    purchases = [r for o in (0, 1) for r in billing.purchases(user, limit=1, offset=o)]
    assert billing.count_purchases(user) == 2
    assert sorted(r.status for r in purchases) == ["paid", "pending"]
    credited = [(r.entry_id, r.coins) for r in purchases if r.entry_id is not None]
    assert credited == [(e.id, e.amount) for e in expected_purchases]
    assert all(r.status == "paid" for r in purchases if r.entry_id is not None)

    summary = billing.summary(user)
    assert (summary.balance, summary.purchased, summary.spent) == (20 - 2 - 1 + 10, 10, 3)
    assert_reconciled()


# -- the HTTP route ------------------------------------------------------------------------------------


def test_webhook_route_through_asgi(fake_stripe: FakeStripe, make_user) -> None:
    """The real web entry (Streamlit's ASGI app with its routes), raw body and Stripe-Signature header."""
    from starlette.testclient import TestClient

    import asgi

    user = make_user(coins=0)
    session_id = checkout(user)
    fake_stripe.pay(session_id)
    body = fake_stripe.event("checkout.session.completed", session_id)

    with TestClient(asgi.app) as client:
        json_type = {"Content-Type": "application/json; charset=utf-8"}
        bad = client.post(
            "/stripe/webhook", content=body, headers={**json_type, "Stripe-Signature": sign(body, "whsec_nope")}
        )
        unsigned = client.post("/stripe/webhook", content=body, headers=json_type)
        signed = {**json_type, "Stripe-Signature": sign(body, SECRET)}
        good = client.post("/stripe/webhook", content=body, headers=signed)
        again = client.post("/stripe/webhook", content=body, headers=signed)

    assert (bad.status_code, bad.json()) == (400, {"error": "invalid_signature"})
    assert (unsigned.status_code, unsigned.json()) == (400, {"error": "invalid_signature"})
    assert (good.status_code, good.json()) == (200, {"status": "credited"})
    assert (again.status_code, again.json()) == (200, {"status": "replay"})
    assert balance(user) == 10
    assert_reconciled()
