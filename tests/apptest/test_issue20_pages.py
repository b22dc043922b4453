"""Pages as issue 20 asks, through Streamlit's AppTest over the real use cases (Postgres, Redis; no browser):
the theme switch instead of the "⋮ → Settings → Theme" hint, failures that tell "refunded" from "nothing was
charged", Billing without operator text and in one currency, sign-in with a way home, and a re-uploaded resume
that is not ready yet not blocking the Workbench.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from core import jobs
from core.i18n import translate
from core.workbench import services, views
from db.models import Asset, Job, Service
from db.session import unit_of_work
from testkit.workbench import JD_TEXT, add_assets
from tests.apptest.support import open_page
from ui.theme import THEMES


def _texts(at: AppTest) -> str:
    parts: list[object] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success"):
        parts += [e.value for e in getattr(at, kind)]
    return "\n".join(str(p) for p in parts)


def _fail_extraction(service_id: str, kind: str = "extract") -> None:
    """The job-extraction job (or another step's) finally fails, as the reaper would (refunding its debit if any)."""
    with unit_of_work() as session:
        job = session.scalar(select(Job).where(Job.service_id == uuid.UUID(service_id), Job.kind == kind))
        assert job is not None
        jobs.fail(session, job.id, error_key="error.upstream", detail="test", from_states=("queued", "running"))


def test_the_sidebar_has_a_theme_switch_and_no_menu_instructions(db) -> None:
    at = open_page(None)  # the landing page: Home.py's shared header and sidebar are captured here
    assert not at.exception
    assert "Settings → Theme" not in _texts(at) and "⋮" not in _texts(at)
    switch: Any = next(w for w in at.get("button_group") if w.proto.label == translate("theme.label", "en"))
    assert [o.content for o in switch.proto.options] == [translate(f"theme.{n}", "en") for n in THEMES]
    # The browser side gets Streamlit's own theme key for every page, and the cookie the server reads back.
    scripts = "\n".join(str(h.proto.body) for h in at.get("html"))
    assert "stActiveTheme-" in scripts and "jaa_theme=system" in scripts
    switch.set_value("dark").run()
    scripts = "\n".join(str(h.proto.body) for h in at.get("html"))
    assert "jaa_theme=dark" in scripts and '\\"Dark\\"' in scripts


def test_the_theme_is_remembered_for_the_user_on_every_browser(make_user) -> None:
    from core import preferences

    user = make_user(coins=1)
    assert preferences.get_theme(user) is None
    preferences.set_theme(user, "dark")  # what the switch calls for a signed-in user (ui.theme.render_switch)

    other = open_page(None, user)  # another browser: no cookie, a new session
    assert not other.exception and other.session_state["theme"] == "dark"
    scripts = "\n".join(str(h.proto.body) for h in other.get("html"))
    assert "jaa_theme=dark" in scripts and '\\"Dark\\"' in scripts


def test_a_free_queue_failure_says_nothing_was_charged(fake, make_user) -> None:
    user = make_user(coins=0)
    add_assets(user)
    service_id = services.create_service(user, idempotency_key="free", jd_text=JD_TEXT).data["service_id"]
    _fail_extraction(service_id)
    at = open_page("pages/2_Workbench.py", user, state={"wb.current": uuid.UUID(service_id)})
    assert not at.exception
    errors = " ".join(str(e.value) for e in at.error)
    assert translate("failure.not_charged", "en") in errors
    assert "refunded" not in errors


def test_a_resume_that_failed_free_of_charge_on_the_paid_queue_is_not_said_to_have_run_free(fake, make_user) -> None:
    """The offline engine prices a resume's summary at 0 on the paid queue (a user with coins): its failure said
    "Nothing was charged (it ran on the free queue)", which it had not."""
    user = make_user(coins=5)
    add_assets(user, detailed=None)
    with unit_of_work() as session:
        asset = session.scalar(select(Asset).where(Asset.user_id == user, Asset.kind == "resume"))
        assert asset is not None
        asset.status, asset.error_key = "failed", "assets.error.no_text"
        session.add(Job(user_id=user, asset_id=asset.id, kind="resume", queue="paid", price=0, state="failed"))
    at = open_page("pages/1_Profile.py", user)
    assert not at.exception
    errors = " ".join(str(e.value) for e in at.error)
    assert translate("failure.step_not_charged", "en") in errors
    assert translate("failure.not_charged", "en") not in errors


def test_a_paid_failure_says_the_coins_were_refunded(fake, make_user) -> None:
    user = make_user(coins=5)
    add_assets(user)
    service_id = services.create_service(user, idempotency_key="paid", jd_text=JD_TEXT).data["service_id"]
    _fail_extraction(service_id)  # costs nothing, but ran on the paid queue: not "the free queue"
    _fail_extraction(service_id, "match")  # Match holds the service's debit (issue 21)
    at = open_page("pages/2_Workbench.py", user, lang="zh", state={"wb.current": uuid.UUID(service_id)})
    assert not at.exception
    errors = " ".join(str(e.value) for e in at.error)
    assert translate("failure.refunded", "zh", price=2) in errors
    assert translate("failure.not_charged", "zh") not in errors


def test_billing_shows_no_operator_text_one_currency_and_one_name(fake, make_user) -> None:
    user = make_user(coins=3)
    for lang, currency, other in (("en", "USD", "CNY"), ("zh", "CNY", "USD")):
        at = open_page("pages/3_Billing.py", user, lang=lang)
        assert not at.exception
        shown = _texts(at)
        assert translate("billing.not_configured", lang) in shown
        for operator_word in ("STRIPE_", "webhook", "Webhook", "checkout.session", "environment", "环境变量"):
            assert operator_word not in shown
        assert currency in shown and other not in shown
        assert at.title[0].value == translate("nav.billing", lang)


def test_sign_in_offers_a_way_back_home(db) -> None:
    at = open_page("pages/0_Sign_in.py")
    assert not at.exception
    links = [(el.proto.label, el.proto.page) for el in at.get("page_link")]
    assert (translate("signin.back_home", "en"), "") in links


def test_a_resume_still_processing_does_not_block_the_workbench(fake, make_user) -> None:
    user = make_user(coins=5)
    add_assets(user)
    with unit_of_work() as session:  # a newer upload, not read yet: it becomes the current resume
        old = session.scalar(select(Asset).where(Asset.user_id == user, Asset.kind == "resume"))
        assert old is not None
        old.is_current = False
        old_id = old.id
        session.add(
            Asset(
                user_id=user,
                kind="resume",
                filename="new.pdf",
                size_bytes=1000,
                page_count=1,
                status="processing",
                is_current=True,
            )
        )
    at = open_page("pages/2_Workbench.py", user)
    assert not at.exception
    assert translate("workbench.resume_fallback.pending", "en") in _texts(at)
    assert at.text_area  # the create form is offered
    service_id = services.create_service(user, idempotency_key="fb", jd_text=JD_TEXT).data["service_id"]
    with unit_of_work() as session:  # built on the last ready version
        service = session.get(Service, uuid.UUID(service_id))
        assert service is not None and service.resume_asset_id == old_id


def test_the_output_language_defaults_to_the_jds_language(fake, make_user) -> None:
    user = make_user(coins=10)
    add_assets(user)
    zh_jd = "岗位职责：负责支付系统后端开发，使用 Python 和 Kafka；任职要求：三年以上后端开发经验，熟悉 PostgreSQL。"
    english = services.create_service(user, idempotency_key="en", jd_text=JD_TEXT).data["service_id"]
    chinese = services.create_service(user, idempotency_key="zh", jd_text=zh_jd).data["service_id"]
    chosen = services.create_service(user, idempotency_key="ch", jd_text=JD_TEXT, output_lang="zh")
    assert views.get_service_view(user, uuid.UUID(english)).output_lang == "en"
    assert views.get_service_view(user, uuid.UUID(chinese)).output_lang == "zh"
    assert views.get_service_view(user, uuid.UUID(chosen.data["service_id"])).output_lang == "zh"


def test_the_open_service_is_in_the_url_and_others_ids_look_missing(fake, make_user) -> None:
    user = make_user(coins=5)
    add_assets(user)
    service_id = services.create_service(user, idempotency_key="u1", jd_text=JD_TEXT).data["service_id"]
    # Opening it from the history puts it in the URL.
    at = open_page("pages/2_Workbench.py", user)
    next(b for b in at.button if b.key == f"wb.open.{service_id}").click()
    at.run()
    assert not at.exception
    assert at.query_params["service"] == [service_id] or at.query_params["service"] == service_id
    # A new session (a reload, a second tab) with that URL opens it.
    at = open_page("pages/2_Workbench.py", user, query={"service": service_id})
    assert not at.exception
    assert translate("workbench.not_found", "en") not in _texts(at)
    assert not at.text_area  # the service, not the create form
    # Another user's id, a missing id and a malformed one all read the same "not found".
    other = make_user(coins=5)
    add_assets(other)
    for raw in (service_id, str(uuid.uuid4()), "not-a-uuid"):
        at = open_page("pages/2_Workbench.py", other, query={"service": raw})
        assert not at.exception
        assert translate("workbench.not_found", "en") in _texts(at)
        assert at.text_area  # and the create form is offered


def test_new_service_is_not_undone_by_a_rerun_the_browser_asked_for_with_the_old_url(fake, make_user) -> None:
    """A fragment rerun asked for just before the browser saw "New service" remove `?service=` carries the old id;
    Streamlit resets the query parameters from it. The create form stays (the click used to be lost), and the
    URL says so again; a moment later the URL wins as before (ui.service_url.STALE_S)."""
    from ui import service_url

    user = make_user(coins=5)
    add_assets(user)
    service_id = services.create_service(user, idempotency_key="n1", jd_text=JD_TEXT).data["service_id"]
    at = open_page("pages/2_Workbench.py", user, query={"service": service_id})
    assert not at.text_area  # the service is open
    next(b for b in at.button if b.key == "wb.new").click()
    at.run()
    assert at.text_area and "service" not in at.query_params  # the create form
    at.query_params["service"] = service_id  # the late request's URL
    at.run()
    assert not at.exception
    assert at.text_area, "the service came back: the click was lost"
    assert "service" not in at.query_params
    # Later, a URL naming the service (the Back button, a pasted link) opens it.
    value, replaced, when = at.session_state["wb.current.url_written"]
    at.session_state["wb.current.url_written"] = (value, replaced, when - service_url.STALE_S)
    at.query_params["service"] = service_id
    at.run()
    assert not at.exception
    assert not at.text_area


def test_a_queued_service_shows_its_stage_and_elapsed_time(fake, make_user) -> None:
    user = make_user(coins=5)
    add_assets(user)
    service_id = services.create_service(user, idempotency_key="q", jd_text=JD_TEXT).data["service_id"]
    at = open_page("pages/2_Workbench.py", user, state={"wb.current": uuid.UUID(service_id)})
    assert not at.exception
    captions = " ".join(str(c.value) for c in at.caption)
    assert translate("progress.queued", "en") + " · " in captions
    assert translate("workbench.waiting", "en") not in captions


def test_a_match_shows_its_progress_above_the_coverage_until_the_model_writes(fake, make_user) -> None:
    """The coverage, computed by code, comes before the model's first words; the line still says Match is at work."""
    from core import streams

    user = make_user(coins=5)
    add_assets(user)
    service_id = services.create_service(user, idempotency_key="c", jd_text=JD_TEXT).data["service_id"]
    with unit_of_work() as session:
        match = session.scalar(select(Job).where(Job.service_id == uuid.UUID(service_id), Job.kind == "match"))
        assert match is not None
        assert jobs.claim(session, match.id) is not None  # a worker has it
    coverage = {"must_have": [{"keyword": "Kafka", "status": "resume", "proof": "Kafka pipelines"}], "nice_to_have": []}
    writer = streams.StreamWriter(str(match.id))
    writer.part("coverage", json.dumps(coverage))
    writer.flush()
    at = open_page("pages/2_Workbench.py", user, state={"wb.current": uuid.UUID(service_id)})
    assert not at.exception
    captions = " ".join(str(c.value) for c in at.caption)
    assert translate("progress.matching", "en") + " · " in captions
    assert "Kafka" in _texts(at)  # the coverage is shown under the line

    writer.delta('{"overall_score": 81')  # the model's first words: the line gives way to them
    writer.flush()
    at.run()
    assert not at.exception
    assert translate("progress.matching", "en") + " · " not in " ".join(str(c.value) for c in at.caption)
    assert "Kafka" in _texts(at)
