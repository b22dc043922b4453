"""Sign-in (issue 19, finding 7): no reply tells whether an account exists, and a stranger who fails on
someone's e-mail slows only himself; the real user, elsewhere, signs in at once."""

from __future__ import annotations

import pytest

from core.accounts import credentials
from core.config import get_settings
from core.errors import UserError

PASSWORD = "correct horse battery"
STRANGER = "203.0.113.9"
OWNER = "198.51.100.7"


def _replies(email: str, attempts: int, address: str) -> list[tuple[str, dict[str, object]]]:
    out = []
    for _ in range(attempts):
        with pytest.raises(UserError) as err:
            credentials.sign_in(email, "wrong password!", address=address)
        out.append((err.value.key, dict(err.value.params)))
    return out


def test_known_and_unknown_emails_get_the_same_replies_however_many_tries(db: None) -> None:
    credentials.sign_up("known@example.com", PASSWORD)
    tries = get_settings().login_free_failures + 8
    known = _replies("known@example.com", tries, "192.0.2.1")
    unknown = _replies("ghost@example.com", tries, "192.0.2.2")
    assert [k for k, _ in known] == [k for k, _ in unknown]
    assert {k for k, _ in known} <= {"accounts.error.bad_credentials", "accounts.error.slow_down"}


def test_a_stranger_cannot_lock_the_owner_out(db: None) -> None:
    signed = credentials.sign_up("victim@example.com", PASSWORD)
    replies = _replies("victim@example.com", 40, STRANGER)
    assert replies[-1][0] == "accounts.error.slow_down"
    # The stranger is slowed: even the right password is refused from there, without being checked.
    with pytest.raises(UserError) as slowed:
        credentials.sign_in("victim@example.com", PASSWORD, address=STRANGER)
    assert slowed.value.key == "accounts.error.slow_down"
    assert int(slowed.value.params["seconds"]) > 0
    # The owner, from their own address, is not.
    assert credentials.sign_in("victim@example.com", PASSWORD, address=OWNER).account.id == signed.account.id


def test_the_delay_doubles_after_the_free_failures_and_is_capped(db: None) -> None:
    from core import throttle

    s = get_settings()
    for _ in range(s.login_free_failures):
        throttle.record_failure("x@example.com", STRANGER)
    assert throttle.wait_seconds("x@example.com", STRANGER) == 0
    waits = []
    for _ in range(12):
        throttle.record_failure("x@example.com", STRANGER)
        waits.append(throttle.wait_seconds("x@example.com", STRANGER))
    assert waits[0] == pytest.approx(s.login_delay_base_s, abs=1)
    assert waits[1] == pytest.approx(2 * s.login_delay_base_s, abs=1)
    assert max(waits) <= s.login_delay_max_s
    assert waits[-1] == pytest.approx(s.login_delay_max_s, abs=1)


def test_one_address_trying_many_emails_is_slowed(db: None) -> None:
    s = get_settings()
    for i in range(s.login_address_free_failures + 1):
        with pytest.raises(UserError):
            credentials.sign_in(f"user{i}@example.com", "wrong password!", address=STRANGER)
    with pytest.raises(UserError) as err:
        credentials.sign_in("fresh@example.com", "wrong password!", address=STRANGER)
    assert err.value.key == "accounts.error.slow_down"
    with pytest.raises(UserError) as elsewhere:
        credentials.sign_in("fresh@example.com", "wrong password!", address=OWNER)
    assert elsewhere.value.key == "accounts.error.bad_credentials"
