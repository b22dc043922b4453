"""Issue 20, finding 5 in a real browser: the history refreshes while one of its services runs, each entry reads
"company · title · date" with its step states, a failed service says so, and every service is reachable (search
and "Show more"). The old list was drawn once per page run, titled only by the job, said "Job" for a failed one
and stopped at the newest 50. Screenshots go to .pytest_cache/screens/.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bench import stream_probe
from tests.e2e.journey import SLOW, phone_page
from tests.e2e.texts import en, playwright_expect, zh
from tests.e2e.workbench_setup import failed_service, past_services, set_job_state

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(300)]

TITLE = "Northwind Data · Data Platform Engineer"
SIDEBAR = "section[data-testid='stSidebar']"


def test_history_refreshes_names_fails_and_reaches_every_service(
    db: None, web: str, browser: Any, screens: Path
) -> None:
    expect = playwright_expect()
    user_id, token = stream_probe.signed_in_user("history@example.com")
    past_services(user_id, 32)
    failed_service(user_id)
    running, match_id = stream_probe.service_waiting_for_match(user_id)
    today = datetime.now(UTC).strftime("%Y-%m-%d")

    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    stream_probe.add_cookie(context, web, token)
    page = context.new_page()
    page.goto(f"{web}/Workbench")
    sidebar = page.locator(SIDEBAR)
    entry = sidebar.locator("button").filter(has_text=TITLE)
    expect(entry).to_contain_text(f"{TITLE} · {today}", timeout=SLOW)
    expect(entry).to_contain_text("schedule")  # the Match is queued: its icon, by name
    failed = sidebar.locator("button").filter(has_text=en("workbench.history.failed"))
    expect(failed).to_contain_text(f"{en('workbench.history.unread')} · {today}")

    # The Match finishes elsewhere: the entry changes by itself, without a reload or a click.
    set_job_state(match_id, "succeeded")
    expect(entry).to_contain_text("check_circle", timeout=8000)
    page.screenshot(path=str(screens / "issue20-history-desktop.png"), full_page=True)

    # Every service is reachable: the oldest appears after "Show more", and the search finds it directly.
    oldest = sidebar.locator("button").filter(has_text="Initech 00")
    expect(oldest).to_have_count(0)
    sidebar.get_by_role("button", name=en("workbench.history.more")).click()
    expect(oldest).to_be_visible(timeout=SLOW)
    page.goto(f"{web}/Workbench")
    search = sidebar.get_by_placeholder(en("workbench.history.search_placeholder"))
    search.fill("initech 00")
    search.press("Enter")
    expect(oldest).to_be_visible(timeout=SLOW)
    expect(sidebar.locator("button").filter(has_text="Initech 01")).to_have_count(0)
    oldest.click()
    expect(page.get_by_role("heading", name="Initech 00 · Analyst")).to_be_visible(timeout=SLOW)
    context.close()

    # On a phone in Chinese and dark: the same entries, translated states, nothing overflows.
    from core import preferences

    preferences.set_language(user_id, "zh")
    phone, page = phone_page(browser, web, token, f"/Workbench?service={running}", locale="zh-CN")
    expect(page.get_by_role("heading", name=TITLE)).to_be_visible(timeout=SLOW)
    opener = "[data-testid='stExpandSidebarButton'], [data-testid='stSidebarCollapsedControl'] button"
    page.locator(opener).first.click()
    sidebar = page.locator(SIDEBAR)
    expect(sidebar.locator("button").filter(has_text=zh("workbench.history.failed"))).to_be_visible(timeout=SLOW)
    expect(sidebar.get_by_placeholder(zh("workbench.history.search_placeholder"))).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    page.screenshot(path=str(screens / "issue20-history-zh-390-dark.png"), full_page=True)
    phone.close()
