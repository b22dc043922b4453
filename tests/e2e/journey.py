"""Steps every browser journey takes the same way (signing up and in through the real forms, a phone signed in
by its session cookie)."""

from __future__ import annotations

import re
from typing import Any

from bench import stream_probe
from tests.e2e.texts import en, playwright_expect

PASSWORD = "correct horse battery"
SLOW = 30_000  # ms: the first render of a Streamlit page compiles and connects
PHONE: dict[str, Any] = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def choose_tab(page: Any, name: str, attempts: int = 5) -> Any:
    """Click the tab `name` until its panel shows, and return the panel.

    A page's first script run is followed by a second one right after load, which redraws the tabs with the
    first one selected: a click in that instant is undone (a person clicks again; so does this).
    """
    expect = playwright_expect()
    tab = page.get_by_role("tab", name=name)
    expect(tab).to_be_visible(timeout=SLOW)
    panel = page.get_by_role("tabpanel", name=name)
    for attempt in range(attempts):
        tab.click()
        try:
            expect(panel).to_be_visible(timeout=3_000 if attempt < attempts - 1 else SLOW)
            return panel
        except AssertionError:
            continue
    return panel


def sign_up(page: Any, base: str, email: str, name: str) -> None:
    """Create an account through the sign-up tab and wait for the Profile page it leads to."""
    expect = playwright_expect()
    page.goto(f"{base}/Sign_in")
    panel = choose_tab(page, en("signin.tab_sign_up"))
    panel.get_by_label(en("signin.name"), exact=True).fill(name)
    panel.get_by_label(en("signin.email"), exact=True).fill(email)
    panel.get_by_label(en("signin.password_new", min=8), exact=True).fill(PASSWORD)
    panel.get_by_label(en("signin.password_repeat"), exact=True).fill(PASSWORD)
    panel.get_by_role("button", name=en("signin.submit_sign_up")).click()
    expect(page).to_have_url(re.compile(r"/Profile$"), timeout=SLOW)


def sign_in(page: Any, email: str, password: str = PASSWORD) -> None:
    """Fill in and send the sign-in tab of the page on screen (the sign-in page, or a protected page asking)."""
    expect = playwright_expect()
    panel = page.get_by_role("tabpanel", name=en("signin.tab_sign_in"))
    expect(panel).to_be_visible(timeout=SLOW)
    panel.get_by_label(en("signin.email"), exact=True).fill(email)
    panel.get_by_label(en("signin.password"), exact=True).fill(password)
    panel.get_by_role("button", name=en("signin.submit_sign_in")).click()


_APP_BACKGROUND = (
    "(() => { const app = document.querySelector('.stApp'); return app && getComputedStyle(app).backgroundColor; })()"
)


def app_background(page: Any) -> str:
    """The app's background colour, or "" while a rerun has no app element on screen yet."""
    return str(page.evaluate(_APP_BACKGROUND) or "")


def assert_app_background(page: Any, colour: str) -> None:
    """Wait until the app is drawn in `colour`, or fail naming the colour it has.

    A page between two renders has no `.stApp` for an instant, so the colour is polled rather than read once.
    """
    try:
        page.wait_for_function(f"c => {_APP_BACKGROUND} === c", arg=colour, timeout=SLOW)
    except Exception as error:
        raise AssertionError(f"background {app_background(page)!r}, expected {colour!r}") from error


def phone_page(browser: Any, web: str, token: str, path: str, locale: str = "en-US") -> tuple[Any, Any]:
    """A phone in the dark theme signed in by the session cookie `token`, opened on `path`: (context, page)."""
    phone = browser.new_context(locale=locale, color_scheme="dark", **PHONE)
    stream_probe.add_cookie(phone, web, token)
    page = phone.new_page()
    page.goto(f"{web}{path}")
    return phone, page
