"""Issue 20, finding 8 in a real browser: a screenshot with no job description in it is refused before any
charge, with the text that was read; that text can be edited and started as a text JD. The old page accepted
"a photo of a cat", charged it and matched it 0/100, and threw the read text away when an image failed.
Screenshots go to .pytest_cache/screens/.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from bench import stream_probe
from testkit.asset_pdfs import DEJAVU
from testkit.images import text_png
from tests.e2e.journey import SLOW, phone_page
from tests.e2e.texts import en, playwright_expect, zh

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(300)]

OCR = 90_000  # ms: OCR in a child process loads its models on first use
CAT = ["My cat Tom asleep on the sofa", "Sunday afternoon at home"]
JD = (
    "Northwind Data is hiring a Data Platform Engineer. Requirements: 5 years of experience with Python, "
    "Kafka and Airflow. Responsibilities: build streaming pipelines."
)


def _submit_image(page: Any, tr: Any) -> None:
    expect = playwright_expect()
    page.get_by_role("tab", name=tr("workbench.create.tab_image")).click()
    panel = page.get_by_role("tabpanel", name=tr("workbench.create.tab_image"))
    picture = text_png(
        CAT,
        font_path=DEJAVU,
        size=30,
        width=900,
        pitch=52,
        left=40,
        top=40,
        background=(250, 245, 235),
        ink=(30, 30, 30),
    )
    panel.locator("input[type='file']").set_input_files(
        files=[{"name": "cat.png", "mimeType": "image/png", "buffer": picture}]
    )
    expect(panel.get_by_text("cat.png")).to_be_visible(timeout=SLOW)
    panel.get_by_role("button", name=tr("workbench.create.confirm")).click()


def test_an_image_with_no_job_description_is_refused_free_and_its_text_can_go_as_text(
    db: None, web: str, browser: Any, screens: Path
) -> None:
    expect = playwright_expect()
    user_id, token = stream_probe.signed_in_user("cat@example.com")
    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    stream_probe.add_cookie(context, web, token)
    page = context.new_page()
    page.goto(f"{web}/Workbench")
    expect(page.get_by_role("heading", name=en("workbench.create.heading"))).to_be_visible(timeout=SLOW)
    sidebar = page.locator("section[data-testid='stSidebar']")
    from core import billing, preferences

    balance = en("billing.sidebar_balance", balance=billing.summary(user_id).balance)
    expect(sidebar.get_by_role("link", name=balance)).to_be_visible(timeout=SLOW)
    _submit_image(page, en)
    # Seconds of OCR in the click: the page says what it is doing meanwhile.
    expect(page.get_by_text(en("status.reading_screenshot"))).to_be_visible(timeout=SLOW)

    # Refused, free, with what the image said in an editable box.
    expect(page.get_by_text(en("workbench.error.image_not_jd"), exact=False)).to_be_visible(timeout=OCR)
    expect(page.get_by_text(en("workbench.image.nothing_charged"), exact=False)).to_be_visible()
    box = page.get_by_role("textbox", name=en("workbench.image.read_text"))
    expect(box).to_have_value(re.compile("cat Tom"))
    expect(sidebar.get_by_role("link", name=balance)).to_be_visible(timeout=SLOW)
    expect(sidebar.get_by_text(en("workbench.history_empty"))).to_be_visible()
    page.screenshot(path=str(screens / "issue20-image-refused-desktop.png"), full_page=True)

    # Edited into a real job description, it starts a service as text.
    box.fill(JD)
    page.get_by_role("button", name=en("workbench.image.use_text")).click()
    expect(page).to_have_url(re.compile(r"\?service="), timeout=SLOW)
    expect(page.get_by_text(en("workbench.error.image_not_jd"), exact=False)).to_have_count(0)
    context.close()

    # On a phone, in Chinese and dark: the same refusal and the read text, inside the screen.
    preferences.set_language(user_id, "zh")
    phone, page = phone_page(browser, web, token, "/Workbench", locale="zh-CN")
    expect(page.get_by_role("heading", name=zh("workbench.create.heading"))).to_be_visible(timeout=SLOW)
    _submit_image(page, zh)
    expect(page.get_by_text(zh("workbench.error.image_not_jd"), exact=False)).to_be_visible(timeout=OCR)
    expect(page.get_by_role("textbox", name=zh("workbench.image.read_text"))).to_have_value(re.compile("cat Tom"))
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    page.screenshot(path=str(screens / "issue20-image-refused-zh-390-dark.png"), full_page=True)
    phone.close()
