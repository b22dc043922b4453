"""Admin adjustments: only admins, always with a reason, always audited (issue 3). The Admin page's own
check is an AppTest in tests/apptest/test_admin_page.py."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import select

from core import admin
from core.errors import Forbidden, InvalidInput
from db.models import AdminAudit
from db.session import unit_of_work


@pytest.fixture
def admin_env() -> Iterator[None]:
    """Admin rights come from the operator command only (ADMIN_EMAILS is gone)."""
    yield


def _boss(make_user: Callable[..., uuid.UUID]) -> uuid.UUID:
    boss = make_user("boss@example.com")
    admin.set_admin("boss@example.com", True, "tests")
    return boss


def test_admin_adjusts_with_reason_and_is_audited(make_user, admin_env) -> None:
    boss = _boss(make_user)
    target = make_user("someone@example.com")
    assert admin.find_wallet(boss, "Someone@Example.com").balance == 8
    assert admin.adjust(boss, target, 5, "goodwill after outage") == 13
    with unit_of_work() as s:
        audit = s.scalar(select(AdminAudit).where(AdminAudit.target_user_id == target))
    assert audit is not None and audit.admin_email == "boss@example.com" and audit.reason == "goodwill after outage"
    assert admin.find_wallet(boss, "someone@example.com").entries[0].audit_id == audit.id


def test_adjustment_without_reason_is_refused(make_user, admin_env) -> None:
    boss = _boss(make_user)
    target = make_user("someone@example.com")
    with pytest.raises(InvalidInput):
        admin.adjust(boss, target, 5, "   ")
    assert admin.find_wallet(boss, "someone@example.com").balance == 8


def test_non_admin_cannot_use_admin_use_cases(make_user, admin_env) -> None:
    mallory = make_user("mallory@example.com")
    target = make_user("someone@example.com")
    assert not admin.is_admin(mallory)
    with pytest.raises(Forbidden):
        admin.adjust(mallory, target, 100, "free coins")
    with pytest.raises(Forbidden):
        admin.find_wallet(mallory, "someone@example.com")
