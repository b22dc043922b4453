"""The visitor's journey in a real browser (issue 8): landing, sign-up, coins, Profile, sign-out, sign-in,
`/` -> Workbench, language switch, dark theme and a 390 px viewport (screenshots in tests/artifacts/).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from core.config import get_settings
from testkit.support import wait_for
from tests.e2e.journey import PASSWORD, PHONE, SLOW, assert_app_background, sign_in
from tests.e2e.texts import en, playwright_expect, zh

pytestmark = pytest.mark.e2e


def _main(page: Any) -> Any:
    return page.locator("section.stMain")


def _sign_up(page: Any, base: str, email: str, lang: str = "en", shot: Path | None = None) -> None:
    expect = playwright_expect()
    tr = en if lang == "en" else zh
    page.goto(base)
    page.get_by_role("button", name=tr("landing.cta", coins=get_settings().signup_grant)).first.click()
    panel = page.get_by_role("tabpanel", name=tr("signin.tab_sign_up"))
    expect(panel).to_be_visible(timeout=SLOW)
    panel.get_by_label(tr("signin.name"), exact=True).fill("Ada")
    panel.get_by_label(tr("signin.email"), exact=True).fill(email)
    panel.get_by_label(tr("signin.password_new", min=8), exact=True).fill(PASSWORD)
    panel.get_by_label(tr("signin.password_repeat"), exact=True).fill(PASSWORD)
    if shot is not None:
        page.screenshot(path=str(shot), full_page=True)
    panel.get_by_role("button", name=tr("signin.submit_sign_up")).click()


def _wait_for_session_cookie(context: Any) -> None:
    """A page sets the session cookie from a script once it renders after sign-in; a reload before that
    runs finds no cookie (a person does not reload within that second; a test can)."""
    name = get_settings().cookie_name
    wait_for(lambda: any(c["name"] == name and c["value"] for c in context.cookies()), timeout=SLOW / 1000)


def _no_horizontal_scroll(page: Any) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"))


def test_visitor_signs_up_signs_out_and_back_in(db: None, web: str, browser: Any, artifacts: Path) -> None:
    expect = playwright_expect()
    coins = get_settings().signup_grant
    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    page = context.new_page()

    # A visitor sees the landing page: three steps, prices, privacy, a call to start free.
    page.goto(web)
    expect(page.get_by_role("heading", name=en("landing.hero_title"))).to_be_visible(timeout=SLOW)
    for key in ("landing.step1_title", "landing.step2_title", "landing.step3_title", "landing.privacy_title"):
        expect(page.get_by_role("heading", name=en(key))).to_be_visible()
    expect(page.get_by_text(en("landing.privacy_encrypted"))).to_be_visible()
    expect(page.get_by_text(en("layout.offline_notice"))).to_have_count(0)  # a provider is configured
    page.screenshot(path=str(artifacts / "landing-light-desktop.png"), full_page=True)

    # Signs up, lands on Profile with guidance and sees the coins granted.
    _sign_up(page, web, "ada@example.com")
    expect(page).to_have_url(re.compile(r"/Profile$"), timeout=SLOW)
    expect(page.get_by_text(en("onboarding.welcome", coins=coins))).to_be_visible(timeout=SLOW)
    expect(page.get_by_text(en("layout.coins", coins=coins))).to_be_visible()
    expect(page.get_by_role("heading", name=en("account.title"))).to_be_visible(timeout=SLOW)
    page.screenshot(path=str(artifacts / "profile-after-signup.png"), full_page=True)

    # The session survives a reload (cookie), and `/` leads to the Workbench.
    _wait_for_session_cookie(context)
    page.goto(web)
    expect(page).to_have_url(re.compile(r"/Workbench$"), timeout=SLOW)
    expect(page.get_by_text(en("layout.signed_in_as", email="ada@example.com"))).to_be_visible(timeout=SLOW)

    # Signs out: back on the landing page; a protected page now asks to sign in.
    page.get_by_role("button", name=en("layout.sign_out")).click()
    expect(page.get_by_text(en("layout.signed_out"))).to_be_visible(timeout=SLOW)
    expect(page.get_by_role("heading", name=en("landing.hero_title"))).to_be_visible()
    page.goto(f"{web}/Workbench")
    expect(page.get_by_text(en("signin.need_sign_in"))).to_be_visible(timeout=SLOW)

    # Signs in again and is taken where they were going.
    sign_in(page, "ada@example.com")
    expect(page).to_have_url(re.compile(r"/Workbench$"), timeout=SLOW)
    _wait_for_session_cookie(context)
    page.goto(web)
    expect(page).to_have_url(re.compile(r"/Workbench$"), timeout=SLOW)
    context.close()


def test_wrong_password_message_and_language_switch(db: None, web: str, browser: Any, artifacts: Path) -> None:
    expect = playwright_expect()
    from core.accounts import credentials

    credentials.sign_up("li@example.com", PASSWORD, lang="en")
    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{web}/Sign_in")
    sign_in(page, "li@example.com", "wrong password!")
    expect(page.get_by_text(en("accounts.error.bad_credentials"))).to_be_visible(timeout=SLOW)
    sign_in(page, "li@example.com")
    expect(page).to_have_url(re.compile(r"/Workbench$"), timeout=SLOW)

    # Switch to Chinese: navigation, header and page strings change, on every page; it is remembered.
    page.get_by_role("button", name=en("layout.other_lang")).click()
    expect(page.get_by_role("button", name=zh("layout.other_lang"))).to_be_visible(timeout=SLOW)
    sidebar = page.locator("section[data-testid='stSidebar']")
    for key in ("nav.workbench", "nav.profile", "nav.billing"):
        expect(sidebar.get_by_text(zh(key), exact=True)).to_be_visible()
    expect(page.get_by_role("button", name=zh("layout.sign_out"))).to_be_visible()
    expect(page.get_by_text(en("layout.offline_notice"))).to_have_count(0)
    sidebar.get_by_text(zh("nav.profile"), exact=True).click()
    expect(page.get_by_role("heading", name=zh("account.title"))).to_be_visible(timeout=SLOW)
    expect(page.get_by_text(zh("account.delete_title"))).to_be_visible()
    page.screenshot(path=str(artifacts / "profile-zh.png"), full_page=True)
    assert credentials.sign_in("li@example.com", PASSWORD).account.lang == "zh"

    # A new browser session of the same user starts in Chinese.
    page.reload()
    expect(page.get_by_role("heading", name=zh("account.title"))).to_be_visible(timeout=SLOW)
    page.get_by_role("button", name=zh("layout.other_lang")).click()
    expect(page.get_by_role("heading", name=en("account.title"))).to_be_visible(timeout=SLOW)
    context.close()


def test_dark_theme_and_390px_viewport(db: None, web: str, browser: Any, artifacts: Path) -> None:
    expect = playwright_expect()
    context = browser.new_context(locale="zh-CN", color_scheme="dark", **PHONE)
    page = context.new_page()
    page.goto(web)
    expect(page.get_by_role("heading", name=zh("landing.hero_title"))).to_be_visible(timeout=SLOW)
    assert_app_background(page, "rgb(17, 23, 22)")  # [theme.dark] backgroundColor #111716
    assert _no_horizontal_scroll(page)
    page.screenshot(path=str(artifacts / "landing-dark-390.png"), full_page=True)

    _sign_up(page, web, "mobile@example.com", lang="zh", shot=artifacts / "sign-up-dark-390.png")
    expect(page).to_have_url(re.compile(r"/Profile$"), timeout=SLOW)
    expect(page.get_by_text(zh("onboarding.welcome", coins=get_settings().signup_grant))).to_be_visible(timeout=SLOW)
    expect(page.get_by_role("heading", name=zh("account.title"))).to_be_visible(timeout=SLOW)
    assert _no_horizontal_scroll(page)
    page.screenshot(path=str(artifacts / "profile-dark-390.png"), full_page=True)
    context.close()


def test_account_deletion_from_profile(db: None, web: str, browser: Any) -> None:
    expect = playwright_expect()
    from core.accounts import credentials

    credentials.sign_up("bye@example.com", PASSWORD)
    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{web}/Profile")
    sign_in(page, "bye@example.com")
    expect(page).to_have_url(re.compile(r"/Profile$"), timeout=SLOW)
    page.get_by_text(en("account.delete_title")).click()
    button = page.get_by_role("button", name=en("account.delete_submit"))
    expect(button).to_be_disabled(timeout=SLOW)
    page.get_by_label(en("account.delete_confirm", email="bye@example.com"), exact=True).fill("bye@example.com")
    page.keyboard.press("Enter")
    expect(button).to_be_enabled(timeout=SLOW)
    button.click()
    expect(page.get_by_text(en("account.deleted"))).to_be_visible(timeout=SLOW)
    with pytest.raises(Exception, match="bad_credentials"):
        credentials.sign_in("bye@example.com", PASSWORD)
    context.close()
