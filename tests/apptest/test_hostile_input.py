"""Control characters and a canary through every form: no crash, a clear message, no canary in any log.

Issue 19, finding 4: a NUL in the JD form or the sign-up name crashed the page, and the uncaught exception's
log line carried the SQL parameters (the JD, the email, the name and the bcrypt hash). Every record any
logger in this process creates is captured at birth (whatever handler it would go to, Streamlit's own
included), formatted with its exception, and searched for the canary.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from core.logging import install_privacy_rule
from testkit.workbench import JD_TEXT, add_assets
from ui.session import CurrentUser

HOME = Path(__file__).resolve().parents[2] / "Home.py"
CANARY = "CANARY-19-4f2e"
HOSTILE = f"\x00{CANARY}\x07\x1b[31m\x7f"
CONTROL_MESSAGE = "control characters"


@pytest.fixture
def captured_logs() -> Iterator[list[str]]:
    """Every record created while the test runs, formatted the way a plain handler would write it."""
    saved = logging.getLogRecordFactory()
    install_privacy_rule()  # what every process does at start-up (core.logging.configure_logging)
    private = logging.getLogRecordFactory()
    formatter = logging.Formatter("%(levelname)s %(name)s: %(message)s")
    lines: list[str] = []

    def capturing(*args: object, **kwargs: object) -> logging.LogRecord:
        record = private(*args, **kwargs)
        lines.append(formatter.format(record))
        return record

    logging.setLogRecordFactory(capturing)
    yield lines
    logging.setLogRecordFactory(saved)


def _texts(at: AppTest) -> str:
    kinds = ("error", "warning", "info", "success", "markdown", "caption")
    parts = [e.value for kind in kinds for e in getattr(at, kind)]
    return "\n".join(str(p) for p in parts)


def _button(at: AppTest, label: str) -> object:
    return next(b for b in at.button if label.lower() in str(b.label).lower())


def _signed_in(user: uuid.UUID, page: str, email: str = "u@example.com", admin: bool = False) -> AppTest:
    at = AppTest.from_file(str(HOME), default_timeout=60)
    at.session_state["user"] = CurrentUser(id=user, email=email, name="", lang="en", is_admin=admin)
    at.session_state["auth_checked_at"] = time.monotonic()
    at.session_state["lang"] = "en"
    return at.switch_page(f"pages/{page}").run()


def _no_canary(lines: list[str]) -> None:
    leaked = [line for line in lines if CANARY in line]
    assert not leaked, leaked[:3]


def _sign_in_page() -> AppTest:
    at = AppTest.from_file(str(HOME), default_timeout=60)
    at.session_state["lang"] = "en"
    return at.switch_page("pages/0_Sign_in.py").run()


def test_sign_up_with_control_characters(db: None, captured_logs: list[str]) -> None:
    at = _sign_in_page()
    fields: dict[str, str] = {
        "su_name": f"Jane {HOSTILE}",
        "su_email": f"jane{HOSTILE}@example.com",
        "su_pw": f"pw-{HOSTILE}-long-enough",
        "su_pw2": f"pw-{HOSTILE}-long-enough",
    }
    for key, value in fields.items():
        at.text_input(key=key).input(value)
    at = _button(at, "create my free account").click().run()  # type: ignore[attr-defined]
    assert not at.exception
    assert at.error, _texts(at)  # refused with a message, not signed up
    _no_canary(captured_logs)

    at = _sign_in_page()
    at.text_input(key="su_name").input(f"Jane {HOSTILE}")
    at.text_input(key="su_email").input("jane.nul@example.com")
    at.text_input(key="su_pw").input("a-long-enough-password")
    at.text_input(key="su_pw2").input("a-long-enough-password")
    at = _button(at, "create my free account").click().run()  # type: ignore[attr-defined]
    assert not at.exception
    assert CONTROL_MESSAGE in _texts(at)
    _no_canary(captured_logs)


def test_sign_in_with_control_characters(db: None, captured_logs: list[str]) -> None:
    at = _sign_in_page()
    at.text_input(key="si_email").input(f"x{HOSTILE}@example.com")
    at.text_input(key="si_password").input(HOSTILE)
    at = _button(at, "sign in").click().run()  # type: ignore[attr-defined]
    assert not at.exception
    assert at.error
    _no_canary(captured_logs)


def test_job_description_with_control_characters(
    fake: object, make_user: Callable[..., uuid.UUID], captured_logs: list[str]
) -> None:
    user = make_user(coins=5)
    add_assets(user)
    at = _signed_in(user, "2_Workbench.py")
    at.text_area[0].input(f"{HOSTILE}\n{JD_TEXT}\x00")
    at = _button(at, "start").click().run()  # type: ignore[attr-defined]
    assert not at.exception
    _no_canary(captured_logs)


def test_admin_forms_with_control_characters(make_user: Callable[..., uuid.UUID], captured_logs: list[str]) -> None:
    from core.admin import set_admin

    boss = make_user("boss@example.com", coins=3)
    set_admin("boss@example.com", True, "tests")
    at = _signed_in(boss, "9_Admin.py", email="boss@example.com", admin=True)
    at.text_input(key="admin_email").input(f"boss{HOSTILE}@example.com").run()
    assert not at.exception
    _no_canary(captured_logs)


def test_account_forms_with_control_characters(make_user: Callable[..., uuid.UUID], captured_logs: list[str]) -> None:
    user = make_user(coins=1)
    at = _signed_in(user, "1_Profile.py")
    password_inputs = [w for w in at.text_input if "password" in str(w.label).lower()]
    for widget in password_inputs:
        widget.input(f"pw{HOSTILE}")
    if password_inputs:
        at = _button(at, "change password").click().run()  # type: ignore[attr-defined]
    assert not at.exception
    at.text_input(key="delete_confirm").input(f"u{HOSTILE}@example.com").run()
    assert not at.exception
    _no_canary(captured_logs)
