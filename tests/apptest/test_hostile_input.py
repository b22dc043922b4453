"""Control characters and a canary through every form: no crash, a clear message, no canary in any log.

Issue 19, finding 4: a NUL in the JD form or the sign-up name crashed the page, and the uncaught exception's
log line carried the SQL parameters (the JD, the email, the name and the bcrypt hash). Every record any
logger in this process creates is captured at birth (whatever handler it would go to, Streamlit's own
included), formatted with its exception, and searched for the canary.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Callable, Iterator

import pytest
from streamlit.testing.v1 import AppTest

from core.logging import install_privacy_rule
from testkit.workbench import JD_TEXT, add_assets
from tests.apptest.support import open_page

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


def _no_canary(lines: list[str]) -> None:
    leaked = [line for line in lines if CANARY in line]
    assert not leaked, leaked[:3]


def test_sign_up_with_control_characters(db: None, captured_logs: list[str]) -> None:
    at = open_page("pages/0_Sign_in.py")
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

    at = open_page("pages/0_Sign_in.py")
    at.text_input(key="su_name").input(f"Jane {HOSTILE}")
    at.text_input(key="su_email").input("jane.nul@example.com")
    at.text_input(key="su_pw").input("a-long-enough-password")
    at.text_input(key="su_pw2").input("a-long-enough-password")
    at = _button(at, "create my free account").click().run()  # type: ignore[attr-defined]
    assert not at.exception
    assert CONTROL_MESSAGE in _texts(at)
    _no_canary(captured_logs)


def test_sign_in_with_control_characters(db: None, captured_logs: list[str]) -> None:
    at = open_page("pages/0_Sign_in.py")
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
    at = open_page("pages/2_Workbench.py", user)
    at.text_area[0].input(f"{HOSTILE}\n{JD_TEXT}\x00")
    at = _button(at, "start").click().run()  # type: ignore[attr-defined]
    assert not at.exception
    _no_canary(captured_logs)


@pytest.mark.parametrize(
    "company",
    ["[Globex](http://evil.example/x)", "Globex <img src=x onerror=alert(1)>", f"Globex{HOSTILE}"],
)
def test_a_hostile_posting_pasted_is_previewed_as_text_and_logs_nothing(
    company: str, fake: object, make_user: Callable[..., uuid.UUID], captured_logs: list[str]
) -> None:
    """The preview under the JD box renders what a posting names (its title, company, place) as text: no link,
    no image, no HTML, and no log line with its content. The reader takes these headers' pieces as the company
    and the place, so they reach the page."""
    from testkit.latency import FULL_JD_TEXT

    user = make_user(coins=5)
    add_assets(user)
    at = open_page("pages/2_Workbench.py", user)
    body = FULL_JD_TEXT.split("\n", 1)[1]
    at.text_area[0].input(f"Senior Backend Engineer, Payments — {company} (Remote, US time zones)\n{body}").run()
    assert not at.exception
    shown = "\n".join(str(m.value) for m in at.markdown)
    assert "What this posting asks" in shown and "Senior Backend Engineer · " in shown
    assert not re.search(r"\]\(http", shown)  # no link, no image
    assert not re.search(r"(?<!\\)<img", shown)  # HTML written as text ("\\<img"), never rendered
    assert "http://evil.example/x" not in shown or "`http://evil.example/x`" in shown
    _no_canary(captured_logs)


def test_admin_forms_with_control_characters(make_user: Callable[..., uuid.UUID], captured_logs: list[str]) -> None:
    from core.admin import set_admin

    boss = make_user("boss@example.com", coins=3)
    set_admin("boss@example.com", True, "tests")
    at = open_page("pages/9_Admin.py", boss, email="boss@example.com", admin=True)
    at.text_input(key="admin_email").input(f"boss{HOSTILE}@example.com").run()
    assert not at.exception
    _no_canary(captured_logs)


def test_account_forms_with_control_characters(make_user: Callable[..., uuid.UUID], captured_logs: list[str]) -> None:
    user = make_user(coins=1)
    at = open_page("pages/1_Profile.py", user)
    password_inputs = [w for w in at.text_input if "password" in str(w.label).lower()]
    for widget in password_inputs:
        widget.input(f"pw{HOSTILE}")
    if password_inputs:
        at = _button(at, "change password").click().run()  # type: ignore[attr-defined]
    assert not at.exception
    at.text_input(key="delete_confirm").input(f"u{HOSTILE}@example.com").run()
    assert not at.exception
    _no_canary(captured_logs)
