"""Steps every browser journey takes the same way (signing up through the real form)."""

from __future__ import annotations

import re
from typing import Any

from tests.e2e.texts import en, playwright_expect

PASSWORD = "correct horse battery"
SLOW = 30_000  # ms: the first render of a Streamlit page compiles and connects


def sign_up(page: Any, base: str, email: str, name: str) -> None:
    """Create an account through the sign-up tab and wait for the Profile page it leads to."""
    expect = playwright_expect()
    page.goto(f"{base}/Sign_in")
    page.get_by_role("tab", name=en("signin.tab_sign_up")).click()
    panel = page.get_by_role("tabpanel", name=en("signin.tab_sign_up"))
    expect(panel).to_be_visible(timeout=SLOW)
    panel.get_by_label(en("signin.name"), exact=True).fill(name)
    panel.get_by_label(en("signin.email"), exact=True).fill(email)
    panel.get_by_label(en("signin.password_new", min=8), exact=True).fill(PASSWORD)
    panel.get_by_label(en("signin.password_repeat"), exact=True).fill(PASSWORD)
    panel.get_by_role("button", name=en("signin.submit_sign_up")).click()
    expect(page).to_have_url(re.compile(r"/Profile$"), timeout=SLOW)
