"""The Billing page through Streamlit's AppTest: real Postgres, the Stripe stand-in, no browser."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from core import billing
from testkit.fakes.stripe_api import FakeStripe
from testkit.support import assert_reconciled, balance
from tests.apptest.support import open_page
from tests.integration.test_billing import (  # noqa: F401  (fixtures)
    _set_stripe_env,
    checkout,
    fake_stripe,
    stripe_api,
)


def _texts(at: AppTest) -> str:
    parts = [e.value for kind in (at.warning, at.info, at.success, at.error, at.markdown) for e in kind]
    return "\n".join(str(p) for p in parts)


def test_unconfigured_page_says_so_and_offers_no_buy_button(stripe_api: FakeStripe, make_user) -> None:  # noqa: F811
    _set_stripe_env({})
    user = make_user(coins=4)
    at = open_page("pages/3_Billing.py", user, name="U", alone=True, timeout=30)

    assert not at.exception
    text = _texts(at)
    assert "Purchases are not available right now" in text
    assert "STRIPE" not in text and "webhook" not in text.casefold()  # operator set-up lives in README
    assert [b for b in at.button if b.label == "Buy"] == []
    assert at.metric[0].value == "4"


def test_buy_shows_the_stripe_link_and_the_return_credits_once(fake_stripe: FakeStripe, make_user) -> None:  # noqa: F811
    user = make_user(coins=0)
    at = open_page("pages/3_Billing.py", user, name="U", alone=True, timeout=30)
    buy = [b for b in at.button if b.label == "Buy"]
    assert len(buy) == len(billing.packs_for("en"))  # the user's currency only
    buy[0].click().run()

    assert not at.exception
    [session_id] = list(fake_stripe.sessions)
    assert [r.status for r in billing.purchases(user)] == ["pending"]
    links = at.get("link_button")
    assert [lb.proto.url for lb in links] == [f"https://checkout.stripe.com/c/pay/{session_id}"]

    fake_stripe.pay(session_id)
    back = open_page("pages/3_Billing.py", user, name="U", query={"session_id": session_id}, alone=True, timeout=30)
    assert not back.exception
    assert "10 coins were added" in back.success[0].value
    assert balance(user) == 10
    fetched = fake_stripe.retrieve_count
    back.run()  # a rerun neither asks Stripe again nor credits again
    assert fake_stripe.retrieve_count == fetched and balance(user) == 10
    assert back.metric[0].value == "10"
    assert len(back.dataframe) == 1  # the purchase history (no consumption yet)
    assert_reconciled()


def test_return_with_someone_elses_session_credits_nothing(fake_stripe: FakeStripe, make_user) -> None:  # noqa: F811
    owner, intruder = make_user(coins=0), make_user(coins=0)
    session_id = checkout(owner)
    fake_stripe.pay(session_id)

    at = open_page("pages/3_Billing.py", intruder, name="U", query={"session_id": session_id}, alone=True, timeout=30)

    assert not at.exception
    assert "does not belong to your account" in at.error[0].value
    assert balance(owner) == 0 and balance(intruder) == 0
    assert_reconciled()


def _summary_script(user_id: str) -> None:
    import uuid

    from ui.billing_widgets import render_coin_summary, render_sidebar_balance
    from ui.session import CurrentUser

    user = CurrentUser(id=uuid.UUID(user_id), email="u@example.com", name="U", lang="en", is_admin=False)
    render_coin_summary(user)
    render_sidebar_balance(user)


def test_coin_summary_shows_the_ledger_totals_and_links_to_billing(fake_stripe: FakeStripe, make_user) -> None:  # noqa: F811
    user = make_user(coins=2)
    session_id = checkout(user)
    fake_stripe.pay(session_id)
    assert billing.fulfil(session_id, user_id=user).outcome == "credited"

    at = AppTest.from_function(_summary_script, args=(str(user),), default_timeout=30).run()

    assert not at.exception
    assert at.metric[0].value == "12"
    assert "Bought 10 coins in total · spent 0" in at.caption[0].value
    links = [m.value for m in at.markdown] + [m.value for m in at.sidebar.markdown]
    assert "[Buy coins and see history](/Billing)" in links
    assert "[Coins: 12](/Billing)" in links
