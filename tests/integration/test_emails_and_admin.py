"""E-mails and admin rights (issue 19, findings 6 and 9): canonical e-mails, hidden characters refused, the
sign-up grant once per address across deletions, admin granted only by the operator command, adjustments
bounded, and audit rows that outlive the adjusted account."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from sqlalchemy import select, text

from core import admin
from core.accounts import credentials, deletion
from core.config import get_settings, reset_settings
from core.errors import Forbidden, InvalidInput, UserError
from db.models import AdminAudit, DeletedEmail
from db.session import unit_of_work
from tests.conftest import ROOT

PASSWORD = "correct horse battery"


@pytest.mark.parametrize("hidden", ["\u200b", "\u202e", "\x00", "\u2060", "\ufeff", "\x07"])
def test_emails_with_invisible_or_control_characters_are_refused(db: None, hidden: str) -> None:
    with pytest.raises(InvalidInput) as err:
        credentials.sign_up(f"ad{hidden}a@example.com", PASSWORD)
    assert err.value.key == "accounts.error.email_hidden_chars"


def test_look_alike_emails_collapse_onto_one_account(db: None) -> None:
    signed = credentials.sign_up("ＡＤＡ@ＥＸＡＭＰＬＥ.com", PASSWORD)  # full-width letters: NFKC folds them
    assert signed.account.email == "ada@example.com"
    with pytest.raises(UserError) as taken:
        credentials.sign_up("ada@example.com", PASSWORD)
    assert taken.value.key == "accounts.error.email_taken"
    assert credentials.sign_in("Ａda@example.com", PASSWORD, address="192.0.2.1").account.id == signed.account.id


def test_the_sign_up_grant_is_given_once_per_address_across_deletions(db: None) -> None:
    first = credentials.sign_up("again@example.com", PASSWORD)
    assert first.balance == get_settings().signup_grant
    deletion.delete_account(first.account.id, "again@example.com")
    second = credentials.sign_up("Again@Example.com", PASSWORD)
    assert second.balance == 0
    deletion.delete_account(second.account.id, "again@example.com")
    assert credentials.sign_up("again@example.com", PASSWORD).balance == 0
    with unit_of_work() as s:
        hashes = list(s.scalars(select(DeletedEmail.email_hash)))
        dump = s.execute(text("SELECT string_agg(email_hash, ',') FROM deleted_emails")).scalar_one()
    assert len(hashes) == 1 and "again" not in dump


def test_listing_an_address_no_longer_makes_its_registrant_admin(db: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADMIN_EMAILS", "boss@example.com")
    reset_settings()
    try:
        signed = credentials.sign_up("boss@example.com", PASSWORD)
    finally:
        monkeypatch.delenv("ADMIN_EMAILS")
        reset_settings()
    assert not signed.account.is_admin and not admin.is_admin(signed.account.id)
    with pytest.raises(Forbidden):
        admin.adjust(signed.account.id, signed.account.id, 1000, "self-service")


def test_the_operator_command_grants_and_revokes_with_audit(db: None, stack: dict[str, str]) -> None:
    boss = credentials.sign_up("boss@example.com", PASSWORD).account.id
    env = {**os.environ, **stack, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "core.admin", "grant", "Boss@Example.com"], env=env, cwd=ROOT, capture_output=True
    )
    assert done.returncode == 0, done.stderr
    assert admin.is_admin(boss)
    assert credentials.sign_in("boss@example.com", PASSWORD, address="192.0.2.1").account.is_admin
    missing = subprocess.run(
        [sys.executable, "-m", "core.admin", "grant", "nobody@example.com"], env=env, cwd=ROOT, capture_output=True
    )
    assert missing.returncode == 1
    assert admin.main(["revoke", "boss@example.com"]) == 0
    assert not admin.is_admin(boss)
    with unit_of_work() as s:
        actions = [a.action for a in s.scalars(select(AdminAudit).order_by(AdminAudit.id))]
    assert actions == ["grant", "revoke"]


def test_adjustments_out_of_range_get_a_clear_message(db: None, make_user) -> None:
    boss = make_user("boss@example.com")
    admin.set_admin("boss@example.com", True, "tests")
    target = make_user("someone@example.com")
    for amount in (2**31, -(2**31) - 5, 10**12, 1_000_001):
        with pytest.raises(InvalidInput) as err:
            admin.adjust(boss, target, amount, "too much")
        assert err.value.key == "error.amount_range"
    for _ in range(3):  # many in-range adjustments cannot overflow the balance column either
        admin.adjust(boss, target, 1_000_000, "top up")
    assert admin.find_wallet(boss, "someone@example.com").balance == 3_000_000 + get_settings().signup_grant


def test_audit_rows_survive_the_adjusted_accounts_deletion(db: None, make_user) -> None:
    boss = make_user("boss@example.com")
    admin.set_admin("boss@example.com", True, "tests")
    target = credentials.sign_up("gone@example.com", PASSWORD).account.id
    admin.adjust(boss, target, 5, "goodwill")
    deletion.delete_account(target, "gone@example.com")
    with unit_of_work() as s:
        audits = list(s.scalars(select(AdminAudit).where(AdminAudit.action == "adjust")))
    assert len(audits) == 1
    assert audits[0].target_user_id is None and audits[0].amount == 5 and audits[0].admin_email == "boss@example.com"
