"""Accounts on real Postgres and Redis (issue 8): sign-up grant, sign-in, throttling, sessions, password, OIDC."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import func, select, text

from core import billing, preferences
from core.accounts import credentials, oidc, passwords, sessions
from core.config import get_settings
from core.errors import InvalidInput, UserError
from db.models import AuthSession, LedgerEntry, User
from db.session import unit_of_work

PASSWORD = "correct horse battery"


def _user(email: str) -> User:
    with unit_of_work() as s:
        user = s.scalar(select(User).where(User.email == email))
        assert user is not None
        return user


def test_sign_up_grants_the_configured_coins_once(db: None) -> None:
    signed = credentials.sign_up("  Ada@Example.COM ", PASSWORD, name="Ada", lang="zh")
    assert signed.created
    assert signed.account.email == "ada@example.com"
    assert signed.account.lang == "zh"
    assert signed.balance == get_settings().signup_grant
    with pytest.raises(UserError) as err:
        credentials.sign_up("ada@example.com", PASSWORD)
    assert err.value.key == "accounts.error.email_taken"
    with unit_of_work() as s:
        grants = s.scalar(
            select(func.count()).where(LedgerEntry.user_id == signed.account.id, LedgerEntry.kind == "grant")
        )
        users = s.scalar(select(func.count()).select_from(User))
    assert grants == 1
    assert users == 1
    assert billing.summary(signed.account.id).balance == get_settings().signup_grant


def test_password_is_stored_as_bcrypt_hash_never_plain(db: None) -> None:
    credentials.sign_up("hash@example.com", PASSWORD)
    stored = _user("hash@example.com").password_hash
    assert stored is not None and stored.startswith("$2") and PASSWORD not in stored


def test_sign_up_rejects_short_password_and_bad_email(db: None) -> None:
    with pytest.raises(InvalidInput) as short:
        credentials.sign_up("a@example.com", "short")
    assert short.value.key == "accounts.error.password_short"
    with pytest.raises(InvalidInput) as bad:
        credentials.sign_up("not-an-email", PASSWORD)
    assert bad.value.key == "accounts.error.email_invalid"


def test_sign_in_with_right_and_wrong_password(db: None) -> None:
    credentials.sign_up("bob@example.com", PASSWORD)
    signed = credentials.sign_in("BOB@example.com", PASSWORD)
    assert signed.account.email == "bob@example.com"
    assert not signed.created
    with pytest.raises(UserError) as wrong:
        credentials.sign_in("bob@example.com", "wrong password!")
    assert wrong.value.key == "accounts.error.bad_credentials"
    with pytest.raises(UserError) as unknown:
        credentials.sign_in("nobody@example.com", PASSWORD)
    assert unknown.value.key == "accounts.error.bad_credentials"


def test_a_success_resets_the_failure_count(db: None) -> None:
    s = get_settings()
    credentials.sign_up("carol@example.com", PASSWORD)
    for _ in range(s.login_free_failures):
        with pytest.raises(UserError):
            credentials.sign_in("carol@example.com", "wrong password!")
    credentials.sign_in("carol@example.com", PASSWORD)
    with pytest.raises(UserError) as err:
        credentials.sign_in("carol@example.com", "wrong password!")
    assert err.value.key == "accounts.error.bad_credentials"


def test_session_token_resolves_until_signed_out(db: None) -> None:
    signed = credentials.sign_up("dan@example.com", PASSWORD)
    resolved = sessions.resolve_token(signed.token)
    assert resolved is not None and resolved[1].email == "dan@example.com"
    sessions.sign_out(signed.session_id)
    assert sessions.resolve_token(signed.token) is None


def test_expired_or_tampered_session_resolves_to_none(db: None) -> None:
    signed = credentials.sign_up("fay@example.com", PASSWORD)
    forged = uuid.uuid4().hex + signed.token[32:]
    assert sessions.resolve_token(forged) is None
    assert sessions.resolve_token(signed.token[:-2] + "xx") is None
    assert sessions.resolve_token("") is None
    with unit_of_work() as s:
        s.execute(
            text("UPDATE auth_sessions SET expires_at = now() - interval '1 second' WHERE id = :i"),
            {"i": signed.session_id},
        )
    assert sessions.resolve_session(signed.session_id) is None


def test_change_password_requires_current_and_signs_out_other_sessions(db: None) -> None:
    first = credentials.sign_up("gus@example.com", PASSWORD)
    second = credentials.sign_in("gus@example.com", PASSWORD)
    with pytest.raises(UserError) as err:
        passwords.change_password(first.account.id, "not the password", "a new password 1")
    assert err.value.key == "accounts.error.current_password"
    passwords.change_password(first.account.id, PASSWORD, "a new password 1", keep_session_id=first.session_id)
    assert sessions.resolve_session(first.session_id) is not None
    assert sessions.resolve_session(second.session_id) is None
    with pytest.raises(UserError):
        credentials.sign_in("gus@example.com", PASSWORD)
    assert credentials.sign_in("gus@example.com", "a new password 1").account.id == first.account.id


def test_set_language_is_remembered(db: None) -> None:
    signed = credentials.sign_up("hal@example.com", PASSWORD, lang="en")
    preferences.set_language(signed.account.id, "zh")
    assert credentials.sign_in("hal@example.com", PASSWORD).account.lang == "zh"
    with pytest.raises(InvalidInput):
        preferences.set_language(signed.account.id, "fr")


def test_oidc_links_to_the_existing_user_by_verified_email(db: None) -> None:
    signed = credentials.sign_up("ivy@example.com", PASSWORD)
    with pytest.raises(UserError) as unverified:
        oidc.link_oidc(False, "ivy@example.com", "sub-1")
    assert unverified.value.key == "accounts.error.oidc_unverified"
    linked = oidc.link_oidc(True, "IVY@example.com", "sub-1")
    assert linked.account.id == signed.account.id and not linked.created
    again = oidc.link_oidc(True, "ivy@example.com", "sub-1")
    assert again.account.id == signed.account.id
    fresh = oidc.link_oidc(True, "new@example.com", "sub-2", name="New")
    assert fresh.created and fresh.balance == get_settings().signup_grant
    with unit_of_work() as s:
        assert s.scalar(select(func.count()).select_from(AuthSession)) == 4
