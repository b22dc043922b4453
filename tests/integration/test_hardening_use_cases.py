"""Hostile input at the use cases (issue 19, findings 4 and 5), against the real Postgres.

- NUL in any statement's text value is refused with a message (Postgres raised a DataError that crashed the
  page), and an error's message never carries the statement's values (hide_parameters).
- Pasted JD text loses its control characters; a pixel-bomb screenshot is refused before any charge.
- A user cannot have more than the cap of asset uploads being read at once: refused before any charge.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from core.assets import service as assets
from core.config import get_settings
from core.errors import InvalidInput, LimitReached
from core.workbench import services, views
from db.models import Asset, LedgerEntry, Service, User
from db.session import unit_of_work
from testkit import asset_pdfs as pdfs
from testkit import hostile_files
from testkit.workbench import JD_TEXT, add_assets

CANARY = "canary-19-hide@example.com"


def _entries(user: uuid.UUID) -> int:
    with unit_of_work() as session:
        return int(session.scalar(select(func.count()).where(LedgerEntry.user_id == user)) or 0)


def test_an_error_message_carries_no_parameter(make_user: Callable[..., uuid.UUID]) -> None:
    """The statement's values are hidden; Postgres's own detail may still name the key, so logs withhold
    exception messages altogether (core.logging, tests/unit/test_log_privacy.py)."""
    make_user(CANARY, coins=0)
    with pytest.raises(IntegrityError) as caught, unit_of_work() as session:
        session.add(User(id=uuid.uuid4(), email=CANARY, password_hash="$2b$12$canaryhash", name="Canary Name"))
        session.flush()
    message = str(caught.value)
    assert "parameters hidden" in message
    assert "canaryhash" not in message and "Canary Name" not in message


def test_nul_in_any_text_value_is_refused_with_a_message(db: None) -> None:
    with pytest.raises(InvalidInput) as caught, unit_of_work() as session:
        session.scalar(select(User.id).where(User.email == "a\x00b@example.com"))
    assert caught.value.key == "input.error.control_chars"


def test_a_pixel_bomb_screenshot_is_refused_before_any_charge(
    fake: object, make_user: Callable[..., uuid.UUID]
) -> None:
    user = make_user(coins=5)
    add_assets(user)
    before = _entries(user)
    with pytest.raises(InvalidInput) as caught:
        services.create_service(user, idempotency_key="bomb", jd_image=hostile_files.png_bomb(13_000))
    assert caught.value.key == "assets.error.image_too_large"
    assert _entries(user) == before


def test_pasted_jd_text_loses_its_control_characters(fake: object, make_user: Callable[..., uuid.UUID]) -> None:
    user = make_user(coins=5)
    add_assets(user)
    result = services.create_service(user, idempotency_key="nul", jd_text=f"\x00{JD_TEXT}\x1b\x07")
    with unit_of_work() as session:
        service = session.get(Service, uuid.UUID(result.data["service_id"]))
        assert service is not None
        stored = views.get_service_view(user, service.id).jd_text or ""
    assert JD_TEXT.strip() in stored and not any(ch in stored for ch in "\x00\x1b\x07")


def test_uploads_in_flight_are_capped_before_any_charge(fake: object, make_user: Callable[..., uuid.UUID]) -> None:
    user = make_user(coins=0)  # the free queue: nothing else limited these
    cap = get_settings().max_uploads_in_flight
    for i in range(cap):
        assets.upload_asset(user, "resume", f"r{i}.pdf", pdfs.text_pdf(pages=1), idempotency_key=f"up-{i}")
    before = _entries(user)
    with pytest.raises(LimitReached) as caught:
        assets.upload_asset(user, "resume", "more.pdf", pdfs.text_pdf(pages=1), idempotency_key="up-more")
    assert (caught.value.key, caught.value.params) == ("assets.error.busy", {"max": cap})
    assert _entries(user) == before
    with unit_of_work() as session:
        assert session.scalar(select(func.count()).where(Asset.user_id == user)) == cap
