"""Issue 20, findings 4, 6, 7, 9, 10 and 11 in a real browser (Chromium), each asserting what a person sees.

4: the open service is in the URL: reload, back/forward and a second tab keep it; another user's id reads the
   same "not found" as a missing one. 6: progress only moves forward (queued → model slot → extracting →
   matching) with the elapsed time. 7: a newer resume upload still processing or failed does not block the
   Workbench: the last ready version is used, and the page says so. 9: the output language defaults to the
   JD's own language (whatever the interface's), and the user can still choose. 10: a failed free-queue job
   says nothing was charged, a failed paid one says refunded. 11: Billing shows no operator text, packs in the
   user's currency only, and one name for the page in the menu and the title.

The variants are spread over the tests (desktop and 390 px, English and Chinese, light and dark) and each keeps
its screenshots in .pytest_cache/screens/issue20-<finding>-*.png. Jobs are put in the state each test needs
straight through the database, Redis and core.worker.fail_from_reaper (no consumer runs them), so each test
looks at its screen without waiting for the pipeline.
"""

from __future__ import annotations

import re
import uuid
from pathlib import Path
from typing import Any

import pytest

from bench import stream_probe
from testkit.fakes import replies
from tests.e2e import progress_probe
from tests.e2e.journey import PHONE, SLOW, assert_app_background
from tests.e2e.texts import en, playwright_expect, zh
from tests.e2e.workbench_setup import COVERAGE, past_services, service_with_tailored_resume

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(300)]

TITLE = "Northwind Data · Data Platform Engineer"
SIDEBAR = "section[data-testid='stSidebar']"
LIGHT_BG = "rgb(251, 251, 248)"  # [theme.light] backgroundColor #FBFBF8
DARK_BG = "rgb(17, 23, 22)"  # [theme.dark] backgroundColor #111716
DESKTOP: dict[str, Any] = {"viewport": {"width": 1280, "height": 900}}
ZH_JD = "岗位职责：负责支付系统后端开发，使用 Python 和 Kafka；任职要求：三年以上后端开发经验，熟悉 PostgreSQL。"


def _context(browser: Any, web: str, token: str, lang: str, scheme: str, device: dict[str, Any]) -> Any:
    context = browser.new_context(locale="zh-CN" if lang == "zh" else "en-US", color_scheme=scheme, **device)
    stream_probe.add_cookie(context, web, token)
    return context


def _user(email: str, lang: str = "en") -> tuple[uuid.UUID, str]:
    """A signed-in user with a ready resume, speaking `lang`: (id, session cookie)."""
    from core import preferences

    user_id, token = stream_probe.signed_in_user(email)
    if lang != "en":
        preferences.set_language(user_id, lang)
    return user_id, token


def _set_balance(user_id: uuid.UUID, coins: int) -> None:
    from core import ledger
    from db.session import unit_of_work

    with unit_of_work() as session:
        current = ledger.balance(session, user_id)
        if current != coins:
            ledger.admin_adjust(
                session,
                admin_user_id=None,
                admin_email="tests@example.com",
                target_user_id=user_id,
                amount=coins - current,
                reason="e2e setup",
            )


def _fits(page: Any) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"))


def _service_in_url(page: Any) -> uuid.UUID:
    match = re.search(r"[?&]service=([0-9a-f-]{36})", page.url)
    assert match, page.url
    return uuid.UUID(match.group(1))


# --- finding 4 ----------------------------------------------------------------------------------------------


def test_4_the_open_service_survives_reload_back_and_a_second_tab_and_others_ids_look_missing(
    db: None, web: str, browser: Any, screens: Path
) -> None:
    expect = playwright_expect()
    alice, alice_token = _user("url-alice@example.com")
    service_id = service_with_tailored_resume(alice)
    past_services(alice, 1)  # "Initech 00 · Analyst"
    context = _context(browser, web, alice_token, "en", "light", DESKTOP)
    page = context.new_page()
    page.goto(f"{web}/Workbench")
    expect(page.get_by_role("heading", name=en("workbench.create.heading"))).to_be_visible(timeout=SLOW)
    sidebar = page.locator(SIDEBAR)
    heading = page.get_by_role("heading", name=TITLE)

    # Opened from the history: the URL names it, and a reload keeps it open.
    sidebar.locator("button").filter(has_text=TITLE).click()
    expect(heading).to_be_visible(timeout=SLOW)
    expect(page).to_have_url(re.compile(rf"\?service={service_id}$"), timeout=SLOW)
    page.reload()
    expect(heading).to_be_visible(timeout=SLOW)
    expect(page.get_by_text(replies.MATCH["conclusion"])).to_be_visible(timeout=SLOW)
    assert_app_background(page, LIGHT_BG)

    # Another service, then back and forward: each step of the history opens its own service.
    sidebar.locator("button").filter(has_text="Initech 00").click()
    other = page.get_by_role("heading", name="Initech 00 · Analyst")
    expect(other).to_be_visible(timeout=SLOW)
    other_id = _service_in_url(page)
    assert other_id != service_id
    page.go_back()
    expect(heading).to_be_visible(timeout=SLOW)
    expect(page).to_have_url(re.compile(rf"\?service={service_id}$"))
    page.go_forward()
    expect(other).to_be_visible(timeout=SLOW)
    expect(heading).to_have_count(0)

    # A second tab with the link opens the same service.
    second = context.new_page()
    second.goto(f"{web}/Workbench?service={service_id}")
    expect(second.get_by_role("heading", name=TITLE)).to_be_visible(timeout=SLOW)
    expect(second.get_by_text(en("workbench.not_found"))).to_have_count(0)
    page.screenshot(path=str(screens / "issue20-4-service-url-desktop.png"), full_page=True)
    context.close()

    # Bob opens Alice's link, then a made-up one: the same "not found" and the create form, nothing of Alice's.
    _, bob_token = _user("url-bob@example.com")
    context = _context(browser, web, bob_token, "en", "light", DESKTOP)
    page = context.new_page()
    shown: list[str] = []
    for raw in (str(service_id), str(uuid.uuid4())):
        page.goto(f"{web}/Workbench?service={raw}")
        notice = page.get_by_text(en("workbench.not_found"))
        expect(notice).to_be_visible(timeout=SLOW)
        expect(page.get_by_role("heading", name=en("workbench.create.heading"))).to_be_visible()
        expect(page.get_by_role("heading", name=TITLE)).to_have_count(0)
        expect(page.get_by_text("Northwind")).to_have_count(0)
        shown.append(page.locator("[data-testid='stAlert']").first.inner_text())
    assert shown[0] == shown[1]
    page.screenshot(path=str(screens / "issue20-4-not-found-desktop.png"), full_page=True)
    context.close()


# --- finding 6 ----------------------------------------------------------------------------------------------


def _image_service_queued(user_id: uuid.UUID) -> tuple[uuid.UUID, uuid.UUID]:
    """A screenshot's service as creation leaves it: OCR text kept, its job extraction queued (no Match yet)."""
    from core import jobs
    from db.models import Service
    from db.session import unit_of_work

    with unit_of_work() as session:
        service = Service(id=uuid.uuid4(), user_id=user_id, jd_source="image", jd_text="\n".join(replies.JD_LINES))
        session.add(service)
        session.flush()
        job = jobs.create_job(session, jobs.NewJob(user_id, "extract", 0, "service", service_id=service.id))
        return service.id, job.id


def _extraction_done(service_id: uuid.UUID, job_id: uuid.UUID, user_id: uuid.UUID) -> uuid.UUID:
    """Extraction succeeds and hands on to a queued Match, in one transaction, as the handler's store did before
    Match was queued beside it (a service from then): the Match job's id."""
    from core import jobs
    from db.models import Job, Service
    from db.session import unit_of_work

    with unit_of_work() as session:
        service = session.get(Service, service_id)
        job = session.get(Job, job_id)
        assert service is not None and job is not None
        service.job_summary_json = replies.JOB_SUMMARY
        service.title = TITLE
        job.state = "succeeded"
        return jobs.create_job(session, jobs.NewJob(user_id, "match", 0, "service", service_id=service_id)).id


def _elapsed(page: Any, stage: str) -> int:
    """The seconds the progress line shows next to `stage` (Chinese: '排队中 · 3 秒')."""
    pattern = re.compile(re.escape(stage) + r" · (\d+) 秒")
    line = page.get_by_text(pattern).first
    playwright_expect()(line).to_be_visible(timeout=SLOW)
    found = pattern.search(line.inner_text())
    assert found, line.inner_text()
    return int(found.group(1))


def test_6_progress_only_moves_forward_with_the_elapsed_time(db: None, web: str, browser: Any, screens: Path) -> None:
    from core.streams import StreamWriter
    from tests.e2e.workbench_setup import set_job_state

    expect = playwright_expect()
    user_id, token = _user("progress@example.com", "zh")
    service_id, job_id = _image_service_queued(user_id)
    context = _context(browser, web, token, "zh", "dark", PHONE)
    page = context.new_page()
    page.goto(f"{web}/Workbench?service={service_id}")
    stages = progress_probe.stage_names("zh")
    expect(page.get_by_role("heading", name=zh("workbench.untitled"))).to_be_visible(timeout=SLOW)
    progress_probe.install(page, "zh")

    # Queued, with a clock that runs.
    first = _elapsed(page, stages[0])
    page.wait_for_timeout(2200)
    assert _elapsed(page, stages[0]) > first
    assert_app_background(page, DARK_BG)
    page.screenshot(path=str(screens / "issue20-6-queued-zh-390-dark.png"), full_page=True)

    # A worker took it (waiting for a model slot), then the model reads the job.
    set_job_state(job_id, "running")
    _elapsed(page, stages[1])
    writer = StreamWriter(str(job_id), flush_interval_s=0)
    writer.status("status.extracting_job")
    _elapsed(page, stages[2])

    # A retry's vaguer signal, and the job back in the queue: the line stays where it was.
    writer.status("status.retrying")
    set_job_state(job_id, "queued")
    page.wait_for_timeout(2500)
    assert _elapsed(page, stages[2]) >= 2
    for earlier in stages[:2]:
        expect(page.get_by_text(re.compile(re.escape(earlier) + " · "))).to_have_count(0)
    page.screenshot(path=str(screens / "issue20-6-extracting-zh-390-dark.png"), full_page=True)

    # The job is read and the Match is queued (the line stays where it was), then a worker takes the Match: the
    # service's clock keeps counting from its creation.
    set_job_state(job_id, "running")
    match_id = _extraction_done(service_id, job_id, user_id)
    expect(page.get_by_role("heading", name=TITLE)).to_be_visible(timeout=SLOW)
    _elapsed(page, stages[2])
    set_job_state(match_id, "running")
    assert _elapsed(page, stages[3]) >= 5
    assert _fits(page)
    page.screenshot(path=str(screens / "issue20-6-matching-zh-390-dark.png"), full_page=True)

    seen = progress_probe.seen(page)
    progress_probe.assert_forward(seen)  # one stage at a time, never a step back
    assert sorted({entry[0] for entry in seen}) == [0, 1, 2, 3], seen
    context.close()


# --- finding 7 ----------------------------------------------------------------------------------------------


def _newer_resume(user_id: uuid.UUID, status: str) -> tuple[uuid.UUID, uuid.UUID]:
    """A re-upload that becomes the current resume in `status`: (the last ready version's id, the new one's)."""
    from sqlalchemy import select

    from db.models import Asset
    from db.session import unit_of_work

    with unit_of_work() as session:
        old = session.scalar(select(Asset).where(Asset.user_id == user_id, Asset.kind == "resume"))
        assert old is not None
        old.is_current = False
        new = Asset(
            user_id=user_id,
            kind="resume",
            filename="resume-v2.pdf",
            size_bytes=1000,
            page_count=1,
            status=status,
            is_current=True,
        )
        session.add(new)
        session.flush()
        return old.id, new.id


def test_7_a_newer_resume_processing_or_failed_leaves_the_workbench_on_the_last_ready_one(
    db: None, web: str, browser: Any, screens: Path
) -> None:
    from core.assets import service as assets
    from db.models import Asset, Service
    from db.session import unit_of_work
    from testkit.workbench import JD_TEXT

    expect = playwright_expect()
    user_id, token = _user("fallback@example.com")
    ready_id, new_id = _newer_resume(user_id, "processing")
    context = _context(browser, web, token, "en", "dark", DESKTOP)
    page = context.new_page()
    page.goto(f"{web}/Workbench")

    # Still processing: the page says the last ready version is used, and the create form is there.
    expect(page.get_by_text(en("workbench.resume_fallback.pending"))).to_be_visible(timeout=SLOW)
    expect(page.get_by_text(en("workbench.no_resume"))).to_have_count(0)
    assert_app_background(page, DARK_BG)
    page.screenshot(path=str(screens / "issue20-7-processing-desktop-dark.png"), full_page=True)
    page.get_by_role("textbox", name=en("workbench.create.jd_label")).fill(JD_TEXT)
    page.get_by_role("button", name=en("workbench.create.confirm")).first.click()
    expect(page.get_by_role("heading", name=en("workbench.match.heading"))).to_be_visible(timeout=SLOW)
    service_id = _service_in_url(page)
    with unit_of_work() as session:
        service = session.get(Service, service_id)
        assert service is not None and service.resume_asset_id == ready_id

    # The re-upload failed: still not blocked, and the page says why the earlier version is used.
    with unit_of_work() as session:
        asset = session.get(Asset, new_id)
        assert asset is not None
        asset.status = "failed"
    assert assets.resume_fallback(user_id) == "failed"
    page.locator(SIDEBAR).get_by_role("button", name=en("workbench.new_service")).click()
    expect(page.get_by_text(en("workbench.resume_fallback.failed"))).to_be_visible(timeout=SLOW)
    expect(page.get_by_text(en("workbench.resume_fallback.pending"))).to_have_count(0)
    expect(page.get_by_role("textbox", name=en("workbench.create.jd_label"))).to_be_visible()
    page.screenshot(path=str(screens / "issue20-7-failed-desktop-dark.png"), full_page=True)
    context.close()


# --- finding 9 ----------------------------------------------------------------------------------------------


def _match_done(service_id: uuid.UUID) -> None:
    """The service's steps succeed, its Match with the fake's reply (no consumer runs here)."""
    from sqlalchemy import select

    from db.models import Job, MatchResult, Service
    from db.session import unit_of_work

    with unit_of_work() as session:
        service = session.get(Service, service_id)
        assert service is not None
        service.job_summary_json = replies.JOB_SUMMARY
        for job in session.scalars(select(Job).where(Job.service_id == service_id)):
            job.state = "succeeded"
            if job.kind == "match":
                result = {**replies.MATCH, "coverage": COVERAGE, "engine": "fake-paid"}
                session.add(MatchResult(service_id=service_id, job_id=job.id, result_json=result))


def _create_from_text(page: Any, jd: str) -> uuid.UUID:
    """Paste a JD in Chinese interface, the output language left at its default; the new service's id."""
    expect = playwright_expect()
    expect(page.get_by_role("heading", name=zh("workbench.create.heading"))).to_be_visible(timeout=SLOW)
    chooser = page.get_by_role("combobox", name=zh("workbench.create.lang_label"))
    expect(chooser).to_have_value(zh("workbench.create.lang_auto"))  # left at its default
    page.get_by_role("textbox", name=zh("workbench.create.jd_label")).fill(jd)
    before = re.search(r"[?&]service=([0-9a-f-]{36})", page.url)
    page.get_by_role("button", name=zh("workbench.create.confirm")).first.click()
    # The new service's link, not the previous service's page still on screen while the new one loads.
    page.wait_for_url(lambda url: _opened(url, before.group(1) if before else None), timeout=SLOW)
    expect(page.get_by_role("heading", name=zh("workbench.match.heading"))).to_be_visible(timeout=SLOW)
    return _service_in_url(page)


def _opened(url: str, previous: str | None) -> bool:
    match = re.search(r"[?&]service=([0-9a-f-]{36})", url)
    return match is not None and match.group(1) != previous


def _output_lang(page: Any) -> Any:
    """The output language control's selected option (the sidebar's theme switch is another control)."""
    return page.get_by_role("radiogroup", name=zh("workbench.output_lang")).get_by_role("radio", checked=True)


def test_9_the_output_language_follows_the_jd_and_can_still_be_chosen(
    db: None, web: str, browser: Any, screens: Path
) -> None:
    from testkit.workbench import JD_TEXT

    expect = playwright_expect()
    _, token = _user("language@example.com", "zh")  # a Chinese interface: the JD's language still decides
    context = _context(browser, web, token, "zh", "light", DESKTOP)
    page = context.new_page()
    page.goto(f"{web}/Workbench")
    english = _create_from_text(page, JD_TEXT)
    _match_done(english)
    expect(page.get_by_text(zh("workbench.output_lang"))).to_be_visible(timeout=SLOW)
    expect(_output_lang(page)).to_have_text("English")
    page.screenshot(path=str(screens / "issue20-9-english-jd-zh-desktop.png"), full_page=True)

    page.locator(SIDEBAR).get_by_role("button", name=zh("workbench.new_service")).click()
    chinese = _create_from_text(page, ZH_JD)
    assert chinese != english
    _match_done(chinese)
    expect(page.get_by_text(zh("workbench.output_lang"))).to_be_visible(timeout=SLOW)
    expect(_output_lang(page)).to_have_text("中文")

    # The user chooses otherwise: kept across a reload; the English JD's service kept its own.
    page.get_by_role("radiogroup", name=zh("workbench.output_lang")).get_by_role("radio", name="English").click()
    expect(_output_lang(page)).to_have_text("English", timeout=SLOW)
    page.wait_for_timeout(1000)  # the choice's rerun has stored it
    page.reload()
    expect(page.get_by_text(zh("workbench.output_lang"))).to_be_visible(timeout=SLOW)
    expect(_output_lang(page)).to_have_text("English")
    page.goto(f"{web}/Workbench?service={english}")
    expect(page.get_by_text(zh("workbench.output_lang"))).to_be_visible(timeout=SLOW)
    expect(_output_lang(page)).to_have_text("English")
    assert_app_background(page, LIGHT_BG)
    page.screenshot(path=str(screens / "issue20-9-chosen-zh-desktop.png"), full_page=True)
    context.close()


# --- finding 10 ---------------------------------------------------------------------------------------------


def _service_failed_for_good(user_id: uuid.UUID, key: str) -> tuple[uuid.UUID, int]:
    """A pasted JD's service whose every job the provider failed for good: (service id, price charged)."""
    from sqlalchemy import select

    from core.workbench import services
    from core.worker import fail_from_reaper
    from db.models import Job
    from db.session import unit_of_work
    from testkit.workbench import JD_TEXT

    created = services.create_service(user_id, idempotency_key=key, jd_text=JD_TEXT)
    service_id = uuid.UUID(created.data["service_id"])
    with unit_of_work() as session:
        for job_id in session.scalars(select(Job.id).where(Job.service_id == service_id)).all():
            fail_from_reaper(session, job_id, "error.upstream", "provider down", ("queued", "running"))
    return service_id, int(created.data["price"])


def test_10_a_failed_free_job_says_nothing_was_charged_a_paid_one_refunded(
    db: None, web: str, browser: Any, screens: Path
) -> None:
    from core import billing

    expect = playwright_expect()
    # Free queue (no coins), English on a phone in the light theme.
    free_user, free_token = _user("free-fail@example.com")
    _set_balance(free_user, 0)
    free_service, price = _service_failed_for_good(free_user, "free")
    assert price == 0
    context = _context(browser, web, free_token, "en", "light", PHONE)
    page = context.new_page()
    page.goto(f"{web}/Workbench?service={free_service}")
    errors = page.locator("[data-testid='stAlertContentError']")
    expect(errors.filter(has_text=en("failure.not_charged")).first).to_be_visible(timeout=SLOW)
    expect(page.get_by_text(re.compile("refunded", re.I))).to_have_count(0)
    assert _fits(page)
    page.screenshot(path=str(screens / "issue20-10-free-en-390.png"), full_page=True)
    context.close()
    assert billing.summary(free_user).balance == 0

    # Paid, Chinese on a desktop in the dark theme: the coins came back, and the page says so.
    paid_user, paid_token = _user("paid-fail@example.com", "zh")
    before = billing.summary(paid_user).balance
    paid_service, price = _service_failed_for_good(paid_user, "paid")
    assert price > 0 and billing.summary(paid_user).balance == before
    context = _context(browser, web, paid_token, "zh", "dark", DESKTOP)
    page = context.new_page()
    page.goto(f"{web}/Workbench?service={paid_service}")
    errors = page.locator("[data-testid='stAlertContentError']")
    expect(errors.filter(has_text=zh("failure.refunded", price=price)).first).to_be_visible(timeout=SLOW)
    expect(page.get_by_text(zh("failure.not_charged"))).to_have_count(0)  # it never ran on the free queue
    balance = zh("billing.sidebar_balance", balance=before)
    expect(page.locator(SIDEBAR).get_by_role("link", name=balance)).to_be_visible(timeout=SLOW)
    assert_app_background(page, DARK_BG)
    page.screenshot(path=str(screens / "issue20-10-paid-zh-desktop-dark.png"), full_page=True)
    context.close()


# --- finding 11 ---------------------------------------------------------------------------------------------

OPERATOR_TEXT = re.compile(r"STRIPE_|webhook|checkout\.session|environment variable|环境变量|\.env\b", re.I)


def _billing(page: Any, web: str, tr: Any, shown: str, hidden: str) -> None:
    expect = playwright_expect()
    page.goto(f"{web}/Billing")
    title = page.get_by_role("heading", name=tr("billing.title"), exact=True)
    expect(title).to_be_visible(timeout=SLOW)
    expect(page.get_by_text(tr("billing.not_configured"))).to_be_visible()
    expect(page.get_by_text(OPERATOR_TEXT)).to_have_count(0)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text(re.compile(rf"\d+\.\d\d {shown}"))).not_to_have_count(0)
    expect(main.get_by_text(re.compile(hidden))).to_have_count(0)
    # One name: the menu entry that leads here reads as the page's title.
    entry = page.locator(f"{SIDEBAR} [data-testid='stSidebarNav'] a[href$='/Billing']")
    label = entry.locator("[data-testid='stSidebarNavLinkLabel'], span").last
    expect(label).to_have_text(title.inner_text())


def test_11_billing_has_no_operator_text_one_currency_and_one_name(
    db: None, web: str, browser: Any, screens: Path
) -> None:
    _, token = _user("billing-zh@example.com", "zh")
    context = _context(browser, web, token, "zh", "dark", PHONE)
    page = context.new_page()
    _billing(page, web, zh, "CNY", "USD")
    assert_app_background(page, DARK_BG)
    assert _fits(page)
    page.screenshot(path=str(screens / "issue20-11-billing-zh-390-dark.png"), full_page=True)
    context.close()

    _, token = _user("billing-en@example.com")
    context = _context(browser, web, token, "en", "light", DESKTOP)
    page = context.new_page()
    _billing(page, web, en, "USD", "CNY")
    assert_app_background(page, LIGHT_BG)
    page.screenshot(path=str(screens / "issue20-11-billing-en-desktop.png"), full_page=True)
    context.close()
