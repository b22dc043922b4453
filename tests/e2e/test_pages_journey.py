"""Issue 20 in a real browser: the Light/Dark/system switch remembered across pages and reloads, sign-in's
way home, Billing's one name, and on a 390 px phone in Chinese: expanders that stay open after sign-up, the
uploader's own words in Chinese, its reset after a refused file, and a sidebar that closes after a choice.
Screenshots go to .pytest_cache/screens/ (git-ignored).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from core.config import get_settings
from testkit.asset_pdfs import text_pdf
from tests.e2e.journey import PASSWORD, PHONE, SLOW, assert_app_background, choose_tab, sign_in
from tests.e2e.texts import en, playwright_expect, zh

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(600)]

LIGHT_BG = "rgb(251, 251, 248)"  # [theme.light] backgroundColor #FBFBF8
DARK_BG = "rgb(17, 23, 22)"  # [theme.dark] backgroundColor #111716


def _open_sidebar(page: Any) -> None:
    opener = "[data-testid='stExpandSidebarButton'], [data-testid='stSidebarCollapsedControl'] button"
    page.locator(opener).first.click()


def _pick_theme(page: Any, name: str, lang: str = "en") -> None:
    tr = en if lang == "en" else zh
    sidebar = page.locator("section[data-testid='stSidebar']")
    sidebar.locator("button").filter(has_text=re.compile(re.escape(tr(f"theme.{name}")) + "$")).first.click()


def test_theme_switch_is_applied_on_every_page_and_remembered(db: None, web: str, browser: Any, screens: Path) -> None:
    expect = playwright_expect()
    from core.accounts import credentials

    credentials.sign_up("theme@example.com", PASSWORD, lang="en")
    context = browser.new_context(locale="en-US", color_scheme="light", viewport={"width": 1280, "height": 900})
    page = context.new_page()

    # Sign-in has a way back home (finding 12).
    page.goto(f"{web}/Sign_in")
    page.get_by_role("link", name=en("signin.back_home")).click()
    expect(page.get_by_role("heading", name=en("landing.hero_title"))).to_be_visible(timeout=SLOW)
    page.goto(f"{web}/Sign_in")
    sign_in(page, "theme@example.com")
    expect(page).to_have_url(re.compile(r"/Workbench$"), timeout=SLOW)
    sidebar = page.locator("section[data-testid='stSidebar']")
    expect(sidebar.get_by_text(en("theme.label"))).to_be_visible(timeout=SLOW)
    expect(page.get_by_text("Settings → Theme")).to_have_count(0)
    assert_app_background(page, LIGHT_BG)

    # Dark, chosen in the app: applied at once, on the next page, and after a reload of another page.
    _pick_theme(page, "dark")
    assert_app_background(page, DARK_BG)
    expect(page.get_by_role("heading", name=en("workbench.create.heading"))).to_be_visible(timeout=SLOW)
    page.screenshot(path=str(screens / "issue20-workbench-dark.png"), full_page=True)
    sidebar.get_by_text(en("nav.profile"), exact=True).click()
    expect(page.get_by_role("heading", name=en("account.title"))).to_be_visible(timeout=SLOW)
    assert_app_background(page, DARK_BG)
    page.goto(f"{web}/Billing")
    expect(page.get_by_role("heading", name=en("billing.title"), exact=True)).to_be_visible(timeout=SLOW)
    assert_app_background(page, DARK_BG)
    # Billing: one name in the menu and the title; no operator text (finding 11).
    assert en("billing.title") == en("nav.billing")
    expect(page.get_by_text(en("billing.not_configured"))).to_be_visible()
    expect(page.get_by_text(re.compile("STRIPE_|webhook", re.I))).to_have_count(0)
    page.screenshot(path=str(screens / "issue20-billing-dark.png"), full_page=True)

    # "Follow the system" goes back to the browser's light scheme; the choice is kept in this browser.
    _pick_theme(page, "system")
    assert_app_background(page, LIGHT_BG)
    page.reload()
    expect(page.get_by_role("heading", name=en("billing.title"), exact=True)).to_be_visible(timeout=SLOW)
    assert_app_background(page, LIGHT_BG)
    assert {c["name"]: c["value"] for c in context.cookies()}.get("jaa_theme") == "system"
    context.close()


def test_phone_in_chinese_expanders_uploader_and_sidebar(db: None, web: str, browser: Any, screens: Path) -> None:
    expect = playwright_expect()
    context = browser.new_context(locale="zh-CN", color_scheme="dark", **PHONE)
    page = context.new_page()
    page.goto(f"{web}/Sign_in")
    panel = choose_tab(page, zh("signin.tab_sign_up"))
    panel.get_by_label(zh("signin.name"), exact=True).fill("Li")
    panel.get_by_label(zh("signin.email"), exact=True).fill("phone@example.com")
    panel.get_by_label(zh("signin.password_new", min=8), exact=True).fill(PASSWORD)
    panel.get_by_label(zh("signin.password_repeat"), exact=True).fill(PASSWORD)
    panel.get_by_role("button", name=zh("signin.submit_sign_up")).click()
    expect(page).to_have_url(re.compile(r"/Profile$"), timeout=SLOW)
    expect(page.get_by_text(zh("onboarding.welcome", coins=get_settings().signup_grant))).to_be_visible(timeout=SLOW)

    # The first page after sign-up: an open expander stays open while the user types (finding 12).
    page.get_by_text(zh("account.delete_title")).click()
    confirm = page.get_by_label(zh("account.delete_confirm", email="phone@example.com"), exact=True)
    expect(confirm).to_be_visible(timeout=SLOW)
    confirm.fill("phone@")
    confirm.press("Enter")
    page.wait_for_timeout(2000)  # the rerun the Enter caused (and the cookie's) have landed
    expect(confirm).to_be_visible()
    confirm.fill("")

    # The uploader speaks Chinese (finding 13): its own label and help, and the drop zone's words.
    uploader = page.locator("[data-testid='stFileUploader']").first
    expect(uploader).to_be_visible(timeout=SLOW)
    words = uploader.evaluate(
        "el => [...el.querySelectorAll('*')].map(n => getComputedStyle(n, '::after').content).join(' ')"
    )
    assert zh("uploader.button") in words and zh("uploader.limit", max="", types="").split()[0] in words
    page.screenshot(path=str(screens / "issue20-profile-zh-390-dark.png"), full_page=True)

    # A good PDF, then one the browser refuses: the old file and its priced button are gone (finding 12).
    file_input = uploader.locator("input[type='file']")
    file_input.set_input_files(files=[{"name": "cv.pdf", "mimeType": "application/pdf", "buffer": text_pdf()}])
    upload_button = page.get_by_role("button", name=zh("assets.upload.button"))
    expect(upload_button).to_be_visible(timeout=SLOW)
    too_big = b"%PDF-1.4\n" + b"0" * int(float(get_settings().upload_max_bytes) + 2 * 1024 * 1024)
    file_input.set_input_files(files=[{"name": "huge.pdf", "mimeType": "application/pdf", "buffer": too_big}])
    expect(upload_button).to_have_count(0, timeout=SLOW)
    expect(uploader.locator("[data-testid='stFileChipIconError']")).to_be_visible()  # the refusal stays shown
    expect(uploader.get_by_text("cv.pdf")).to_have_count(0)
    page.screenshot(path=str(screens / "issue20-upload-refused-zh-390.png"), full_page=True)

    # The sidebar closes after a choice in it (finding 12).
    _open_sidebar(page)
    sidebar = page.locator("section[data-testid='stSidebar']")
    expect(sidebar).to_have_attribute("data-collapsed", "false", timeout=SLOW)
    sidebar.get_by_text(zh("nav.workbench"), exact=True).click()
    expect(page).to_have_url(re.compile(r"/Workbench$"), timeout=SLOW)
    expect(sidebar).to_have_attribute("data-collapsed", "true", timeout=SLOW)
    _open_sidebar(page)
    expect(sidebar).to_have_attribute("data-collapsed", "false", timeout=SLOW)
    sidebar.get_by_role("button", name=re.compile(zh("workbench.new_service"))).click()
    expect(sidebar).to_have_attribute("data-collapsed", "true", timeout=SLOW)
    page.screenshot(path=str(screens / "issue20-workbench-zh-390-dark.png"), full_page=True)
    context.close()
