"""The Workbench page through Streamlit's AppTest, over the real use cases (Postgres, Redis; no browser)."""

from __future__ import annotations

import uuid

from streamlit.testing.v1 import AppTest

from core.workbench import services, views
from testkit.latency import FULL_JD_TEXT
from testkit.workbench import JD_TEXT, add_assets
from tests.apptest.support import open_page

# Through the real entry (navigation, header, sidebar), so page links resolve as in the running app.


def _texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [h.value for h in at.header]
    parts += [e.value for e in at.error] + [w.value for w in at.warning] + [i.value for i in at.info]
    return "\n".join(str(p) for p in parts)


def _links(at: AppTest) -> list[str]:
    return [str(el.proto.page) for el in at.get("page_link")]


def test_without_a_resume_the_page_refuses_and_links_to_profile(fake, make_user) -> None:
    at = open_page("pages/2_Workbench.py", make_user(coins=5), timeout=30)
    assert not at.exception
    assert "needs your general resume" in _texts(at)
    assert "Profile" in _links(at)
    assert not at.text_area  # no create form to fill in


def test_the_create_form_says_the_free_queue_when_the_balance_is_zero(fake, make_user) -> None:
    user = make_user(coins=0)
    add_assets(user)
    at = open_page("pages/2_Workbench.py", user, timeout=30)
    assert not at.exception
    assert "runs free on the slow queue" in _texts(at)
    paid = make_user(coins=5)
    add_assets(paid)
    at = open_page("pages/2_Workbench.py", paid, timeout=30)
    assert "This costs 2 coins (you have 5)" in _texts(at)
    # The sidebar balance (a link to Billing) is drawn by Home.py's shared layout for every page, which
    # AppTest does not capture here; the browser journey checks it (test_the_whole_workbench_journey).


def test_submitting_the_form_creates_a_service_and_opens_it(fake, make_user) -> None:
    user = make_user(coins=5)
    add_assets(user)
    at = open_page("pages/2_Workbench.py", user, timeout=30)
    at.text_area[0].input(JD_TEXT)
    next(b for b in at.button if b.key == "wb.create.text.start").click()
    at.run()
    assert not at.exception
    listed = views.list_services(user)
    assert len(listed) == 1
    assert at.session_state["wb.current"] == listed[0].id


def test_history_lists_services_newest_first_and_opens_one(fake, make_user) -> None:
    user = make_user(coins=10)
    add_assets(user)
    first = services.create_service(user, idempotency_key="h1", jd_text=JD_TEXT).data["service_id"]
    second = services.create_service(user, idempotency_key="h2", jd_text=JD_TEXT + " again").data["service_id"]
    at = open_page("pages/2_Workbench.py", user, timeout=30)
    assert not at.exception
    history = [b for b in at.sidebar.button if b.key and b.key.startswith("wb.open.")]
    assert [b.key for b in history] == [f"wb.open.{second}", f"wb.open.{first}"]
    assert all("Job being read" in str(b.label) for b in history)
    history[1].click()
    at.run()
    assert at.session_state["wb.current"] == uuid.UUID(first)
    assert not at.exception


def test_the_cap_refusal_is_shown_as_a_clear_message(fake, make_user) -> None:
    user = make_user(coins=20)
    add_assets(user)
    for i in range(3):
        services.create_service(user, idempotency_key=f"cap{i}", jd_text=JD_TEXT)
    at = open_page("pages/2_Workbench.py", user, timeout=30)
    at.text_area[0].input(JD_TEXT)
    next(b for b in at.button if b.key == "wb.create.text.start").click()
    at.run()
    assert "You already have 3 services running" in _texts(at)
    assert len(views.list_services(user)) == 3


def test_a_finished_match_is_shown_with_coverage_and_the_customize_offer(fake, make_user) -> None:
    from core.worker import execute
    from testkit.workbench import latest_job, responder

    fake.responder = responder
    user = make_user(coins=10)
    add_assets(user)
    created = services.create_service(user, idempotency_key="view", jd_text=JD_TEXT).data
    execute(created["job_id"])  # the worker, in process: extraction, then the Match it creates
    match = latest_job(created["service_id"], "match")
    assert match is not None
    execute(str(match.id))
    at = open_page("pages/2_Workbench.py", user, state={"wb.current": uuid.UUID(created["service_id"])}, timeout=30)
    assert not at.exception
    assert [h.value for h in at.header][-1] == "Globex · Backend Engineer"
    assert any(m.label == "Overall score" and m.value == "72 / 100" for m in at.metric)
    text = _texts(at)
    assert "Kafka" in text and "only in your detailed history" in text
    assert "Tailoring costs 2 coins (you have 8)" in text
    assert any(b.key == f"wb.start.customize.{created['service_id']}" for b in at.button)


def test_a_step_the_provider_failed_offers_the_offline_result_in_one_click_at_no_charge(fake, make_user) -> None:
    from sqlalchemy import select

    from core import ledger
    from core.worker import execute, fail_from_reaper
    from db.models import Job
    from db.session import unit_of_work
    from testkit.workbench import latest_job

    user = make_user(coins=5)
    add_assets(user)
    service_id = uuid.UUID(services.create_service(user, idempotency_key="fb", jd_text=JD_TEXT).data["service_id"])
    with unit_of_work() as session:  # the provider failed for good on every attempt: failed and refunded
        for job_id in session.scalars(select(Job.id).where(Job.service_id == service_id)).all():
            fail_from_reaper(session, job_id, "error.upstream", "provider down", ("queued", "running"))
    with unit_of_work() as session:
        assert ledger.balance(session, user) == 5

    at = open_page("pages/2_Workbench.py", user, state={"wb.current": service_id}, timeout=30)
    assert not at.exception
    assert "The AI provider failed on this step" in _texts(at)
    assert [h.value for h in at.header][:1] == ["Job not read"]  # not "Job being read…" once it failed
    [offer] = [b for b in at.button if b.label == "Use the offline result (free)"]  # one, for both parts
    offer.click().run()
    assert not at.exception

    for kind in ("extract", "match"):  # the engine, in this process: the clicked step, then the Match it hands on
        job = latest_job(service_id, kind)
        if job is not None and job.state == "queued":
            assert (job.price, job.params.get("engine")) == (0, "offline")
            execute(str(job.id))
    view = views.get_service_view(user, service_id)
    assert view.match is not None and view.match["engine"] == "offline" and view.match["strengths"]
    with unit_of_work() as session:
        assert ledger.balance(session, user) == 5  # nothing charged for the offline result
    at = open_page("pages/2_Workbench.py", user, state={"wb.current": service_id}, timeout=30)
    assert "Written by the offline engine" in _texts(at)


def test_match_and_tailor_says_both_prices_and_starts_both_steps_at_the_click(fake, make_user) -> None:
    from testkit.support import balance
    from testkit.workbench import latest_job

    user = make_user(coins=9)
    add_assets(user)
    at = open_page("pages/2_Workbench.py", user, timeout=30)
    assert "Match and tailor costs 4 coins together (you have 9)" in _texts(at)
    at.text_area[0].input(JD_TEXT)
    next(b for b in at.button if b.key == "wb.create.text.tailor").click()
    at.run()
    assert not at.exception
    [service] = views.list_services(user)
    assert at.session_state["wb.current"] == service.id
    match, customize = latest_job(str(service.id), "match"), latest_job(str(service.id), "customize")
    assert match is not None and customize is not None  # both queued by the one click
    assert (match.price, customize.price) == (2, 2) and balance(user) == 5


def test_a_pasted_posting_shows_what_it_asks_and_what_the_documents_show_before_any_click(fake, make_user) -> None:
    user = make_user(coins=5)
    add_assets(user)
    at = open_page("pages/2_Workbench.py", user, timeout=30)
    assert "What this posting asks" not in _texts(at)  # nothing pasted yet
    at.text_area[0].input(FULL_JD_TEXT)
    at.run()
    assert not at.exception
    texts = _texts(at)
    assert "What this posting asks, and what your documents show" in texts
    assert ":green[●] Python" in texts and ":red[○] Rust" in texts  # the resume shows Python; nothing shows Rust
    assert views.list_services(user) == []  # nothing started, nothing charged


def test_a_pasted_text_that_is_no_posting_is_said_so_before_it_is_paid_for(fake, make_user) -> None:
    user = make_user(coins=5)
    add_assets(user)
    at = open_page("pages/2_Workbench.py", user, timeout=30)
    at.text_area[0].input("Dear all, the team picnic is on Saturday at noon in Dolores Park. Bring a salad to share!")
    at.run()
    assert not at.exception
    assert "does not look like a job posting" in _texts(at)
