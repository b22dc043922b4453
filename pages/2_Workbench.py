"""Workbench: one service per job description — Match (streamed), tailored resume (editor, PDF), interview.

UI only: every rule (price or free queue, the per-user cap, ownership, grounding) is decided in
core.workbench. Running steps are followed from their Redis streams inside self-refreshing fragments that
keep their read position in session state, so several services run in parallel and switching back to one
resumes its stream. Form idempotency keys live in session state until their action succeeds.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from contextlib import nullcontext

import streamlit as st

from core.actions import new_key
from core.assets import service as assets
from core.errors import UserError
from core.safe_text import safe_inline
from core.workbench import preview, quotes, services, views
from core.workbench.jd_image import ImageRefused
from ui import jd_rescue, progress, service_url
from ui.failure import failure_message
from ui.i18n import t
from ui.offline_views import render_engine, render_fallback, render_offline_quote
from ui.session import CurrentUser, require_user
from ui.uploader import file_uploader
from ui.workbench_editor import render_editor
from ui.workbench_history import render_history
from ui.workbench_stream import live
from ui.workbench_views import (
    CUSTOMIZE_STREAM,
    INTERVIEW_STREAM,
    JOB_STREAM,
    MATCH_STREAM,
    render_interview,
    render_job,
    render_match,
    render_posting_preview,
    render_retrieved,
)

CURRENT = "wb.current"
JD_BOX = "wb.jd_text"  # the pasted posting (outside the create form, so its preview shows before the click)
PROFILE_PAGE = "pages/1_Profile.py"


def _form_key(name: str) -> str:
    state_key = f"wb.key.{name}"
    if state_key not in st.session_state:
        st.session_state[state_key] = new_key()
    return str(st.session_state[state_key])


def _open(service_id: uuid.UUID | None) -> None:
    service_url.open_service(CURRENT, service_id)


def _not_found(user: CurrentUser) -> None:
    """A missing service and another user's look the same; the create form follows."""
    service_url.open_service(CURRENT, None)
    st.warning(t("workbench.not_found"), icon=":material/search_off:")
    _create(user)


def _show_error(exc: UserError) -> None:
    if exc.key == services.RESUME_REQUIRED:
        _resume_required()
    else:
        st.error(t(exc.key, **exc.params), icon=":material/error:")


def _resume_required() -> None:
    st.warning(t("workbench.no_resume"), icon=":material/description:")
    st.page_link(PROFILE_PAGE, label=t("workbench.go_profile"), icon=":material/badge:")


def _sidebar(user: CurrentUser) -> None:
    with st.sidebar:
        st.button(
            t("workbench.new_service"),
            key="wb.new",
            icon=":material/add:",
            on_click=_open,
            args=(None,),
            width="stretch",
        )
        st.markdown(f"**{t('workbench.history')}**")
        render_history(user.id, st.session_state.get(CURRENT), _open)


def _quote_notice(kind: str, user: CurrentUser, prefix: str) -> None:
    if render_offline_quote(kind):
        return
    quote = quotes.quote_step(user.id, kind)
    if quote.is_free:
        st.info(t(f"{prefix}_free", balance=quote.balance), icon=":material/hourglass_bottom:")
    else:
        st.caption(":material/toll: " + t(f"{prefix}_paid", price=quote.price, balance=quote.balance))


def _tailor_notice(user: CurrentUser) -> str:
    """What "Match and tailor" costs: both steps' prices together, or the free queue when coins are short."""
    both = quotes.quote_service(user.id, tailor=True)
    if both.is_free:
        return t("workbench.create.tailor_free_notice", balance=both.balance)
    return t("workbench.create.tailor_paid_notice", price=both.price, balance=both.balance)


def _create(user: CurrentUser) -> None:
    st.header(t("workbench.create.heading"))
    if not assets.current_resume_ready(user.id):
        _resume_required()
        return
    fallback = assets.resume_fallback(user.id)
    if fallback is not None:  # a newer upload is not ready: the last ready version is used meanwhile
        notice = "failed" if fallback == "failed" else "pending"
        st.info(t("workbench.resume_fallback." + notice), icon=":material/history:")
    quote = quotes.quote_service(user.id)
    notice = (
        t("workbench.create.free_notice", balance=quote.balance)
        if quote.is_free
        else t("workbench.create.paid_notice", price=quote.price, balance=quote.balance)
    )
    tailor_notice: list[str] = []  # both prices, read once for the two tabs (and not at all offline)
    langs = {"": t("workbench.create.lang_auto"), "zh": "中文", "en": "English"}
    text_tab, image_tab = st.tabs([t("workbench.create.tab_text"), t("workbench.create.tab_image")])
    for tab, source in ((text_tab, "text"), (image_tab, "image")):
        jd_text: str | None = None
        jd_image: bytes | None = None
        # The pasted text is not in a form: what the posting asks is read and shown as soon as it is pasted. Its
        # buttons are not in one either: a form's submit button clicked while the box still has the focus lost
        # that click to the box's own rerun (Streamlit issue 8725); a plain button gets the box's value with it.
        with tab, nullcontext() if source == "text" else st.form(f"wb.create.{source}"):
            if source == "text":
                jd_text = st.text_area(
                    t("workbench.create.jd_label"),
                    height=260,
                    placeholder=t("workbench.create.jd_placeholder"),
                    key=JD_BOX,
                )
            else:
                upload = file_uploader(
                    t("workbench.create.image_label"),
                    types=["png", "jpg", "jpeg"],
                    key="wb.jd_image",
                    help=t("uploader.image_help", max_mb=f"{st.get_option('server.maxUploadSize'):g}"),
                )
                jd_image = upload.getvalue() if upload is not None else None
            lang = st.selectbox(
                t("workbench.create.lang_label"), list(langs), format_func=langs.__getitem__, key=f"wb.lang.{source}"
            )
            if not render_offline_quote("match"):
                (st.info if quote.is_free else st.caption)(notice)
                tailor_notice = tailor_notice or [_tailor_notice(user)]
                st.caption(tailor_notice[0])  # both prices said before confirming either
            # "Match and tailor": the tailored resume starts at the click, beside the match (a screenshot is read
            # in the click, so it may be tailored at once too).
            started, tailor = _create_buttons(source)
            if started or tailor:
                _start_service(user, source, jd_text, jd_image, lang, tailor)
        if jd_text and jd_text.strip():
            # Below the buttons: a paste's rerun that draws it must not move a button the user is clicking.
            with tab:
                render_posting_preview(preview.preview_posting(user.id, jd_text))

    jd_rescue.render_refusal(user.id, _open)


def _create_buttons(source: str) -> tuple[bool, bool]:
    """Start and "Match and tailor": plain buttons beside the pasted text, a form's submit buttons for a screenshot."""
    if source == "text":
        started = st.button(t("workbench.create.confirm"), type="primary", key="wb.create.text.start")
        return started, st.button(t("workbench.create.confirm_tailor"), key="wb.create.text.tailor")
    started = st.form_submit_button(t("workbench.create.confirm"), type="primary")
    return started, st.form_submit_button(t("workbench.create.confirm_tailor"))


def _start_service(
    user: CurrentUser, source: str, jd_text: str | None, jd_image: bytes | None, lang: str, tailor: bool
) -> None:
    """Create the service and open it; a refusal is shown where the user clicked, nothing charged."""
    # A screenshot is read in the click (seconds of OCR, before any charge): say so while it runs (no clock:
    # Streamlit writes its seconds in English whatever the page's language).
    reading = st.spinner(t("status.reading_screenshot")) if jd_image else nullcontext()
    action = f"create.{source}.{'tailor' if tailor else 'match'}"
    try:
        with reading:
            result = services.create_service(
                user.id,
                idempotency_key=_form_key(action),
                jd_text=jd_text,
                jd_image=jd_image,
                output_lang=lang or None,
                tailor=tailor,
            )
    except ImageRefused as exc:  # nothing charged: what the image said is kept below the form
        jd_rescue.remember_refusal(exc.key, exc.read_text)
    except UserError as exc:
        _show_error(exc)
    else:
        st.session_state.pop(jd_rescue.REFUSED, None)
        st.session_state.pop(f"wb.key.{action}", None)
        st.session_state[CURRENT] = uuid.UUID(result.data["service_id"])
        st.rerun()


def _start(user: CurrentUser, service_id: uuid.UUID, kind: str) -> None:
    """The confirm button of an on-demand step, with its price or free-queue notice."""
    _quote_notice(kind, user, f"workbench.{kind}.notice")
    if st.button(t(f"workbench.{kind}.start"), key=f"wb.start.{kind}.{service_id}", type="primary"):
        starter = services.start_customize if kind == "customize" else services.start_interview
        try:
            starter(user.id, service_id, _form_key(f"{kind}.{service_id}"))
        except UserError as exc:
            _show_error(exc)
        else:
            st.session_state.pop(f"wb.key.{kind}.{service_id}", None)
            st.rerun()


def _retry(user: CurrentUser, service_id: uuid.UUID, step: str) -> None:
    """Run a failed job extraction or Match again: charged like a new service, refunded again on failure."""
    _quote_notice("match", user, "workbench.retry.notice")
    if st.button(t(f"workbench.retry.{step}"), key=f"wb.retry.{step}.{service_id}", icon=":material/refresh:"):
        try:
            services.retry_step(user.id, service_id, step, _form_key(f"retry.{step}.{service_id}"))
        except UserError as exc:
            _show_error(exc)
        else:
            st.session_state.pop(f"wb.key.retry.{step}.{service_id}", None)
            st.rerun()


def _step_error(step: views.StepView | None, user: CurrentUser | None = None, kind: str = "") -> None:
    if step is not None and step.state == "failed":
        st.error(failure_message(step.error_key, step.price, step.queue), icon=":material/error:")
        if user is not None and kind:
            render_fallback(user.id, st.session_state[CURRENT], kind, _form_key)


def _progress(user: CurrentUser, view: views.ServiceView, kind: str, job_id: uuid.UUID) -> Callable[[str | None], str]:
    """The service's progress line while a step has no text yet: never backwards, with the elapsed time."""

    def show(status: str | None) -> str:
        job_state = views.job_state(user.id, job_id)[0] if status is None else None
        stage = progress.advance(st.session_state, view.id, progress.stage_of(kind, job_state, status))
        return progress.line(stage, view.created_at)

    return show


def _image_rescue(user: CurrentUser, view: views.ServiceView) -> None:
    """A service from a screenshot whose job or Match failed: the text read from it, to go again as text."""
    failed = any(view.step_state(k) in views.FINAL_FAILURES for k in ("extract", "match")) and view.match is None
    if view.jd_source == "image" and view.jd_text and failed:
        jd_rescue.render_read_text(user.id, view.jd_text, str(view.id), _open)


def _service(user: CurrentUser, service_id: uuid.UUID) -> None:
    try:
        view = views.get_service_view(user.id, service_id)
    except UserError:
        _not_found(user)
        return
    unread = (step := view.steps.get("extract")) is not None and step.state in ("failed", "cancelled")
    st.header(safe_inline(view.title or t("workbench.history.unread" if unread else "workbench.untitled")))
    if view.jd_text:
        with st.expander(t("workbench.jd.expander")):
            st.text(view.jd_text)
    job_step, match_step = view.steps.get("extract"), view.steps.get("match")
    if job_step is not None and job_step.active:
        # Beside a Match (a new service queues both at once), the Match's line is the service's progress: one
        # line, never two stages on screen at once. The extraction alone (an older service) shows its own.
        follow = _progress(user, view, "extract", job_step.job_id) if match_step is None else None
        live(user.id, job_step.job_id, JOB_STREAM, follow, quiet=match_step is not None)
    _step_error(job_step, user, "extract")
    _image_rescue(user, view)
    render_job(view.job)

    if match_step is None:
        if job_step is not None and job_step.state in views.FINAL_FAILURES:
            _retry(user, service_id, "extract")
        return
    st.subheader(t("workbench.match.heading"))
    if view.match is not None:
        render_match(view.match)
        render_engine(view.match.get("engine"))
        render_retrieved(match_step.retrieved)
    elif match_step.active:
        follow = _progress(user, view, "match", match_step.job_id)
        live(user.id, match_step.job_id, MATCH_STREAM, follow)
    _step_error(match_step, user, "match")
    if view.match is None:
        if match_step.state in views.FINAL_FAILURES:
            _retry(user, service_id, "match")
        return

    langs = {"zh": "中文", "en": "English"}
    current_lang = view.output_lang if view.output_lang in langs else "en"
    chosen = st.segmented_control(
        t("workbench.output_lang"),
        list(langs),
        default=current_lang,
        format_func=langs.__getitem__,
        key=f"wb.lang.{service_id}",
    )
    if chosen and chosen != current_lang:
        services.set_output_lang(user.id, service_id, chosen)

    st.subheader(t("workbench.customize.heading"))
    customize = view.steps.get("customize")
    if customize is not None and customize.active:
        st.caption(t("workbench.customize.running"))
        live(user.id, customize.job_id, CUSTOMIZE_STREAM)
    elif view.latest_version is not None:
        render_editor(user.id, service_id, view.match.get("overall_score"))
        render_engine(customize.engine if customize else None)
        render_retrieved(customize.retrieved if customize else None)
    else:
        _step_error(customize, user, "customize")
        _start(user, service_id, "customize")
        return

    st.subheader(t("workbench.interview.heading"))
    interview = view.steps.get("interview")
    if interview is not None and interview.active:
        live(user.id, interview.job_id, INTERVIEW_STREAM)
    elif view.interview is not None:
        render_interview(view.interview)
        render_engine(view.interview.get("engine"))
        render_retrieved(interview.retrieved if interview else None)
    elif view.latest_version is not None and (customize is None or not customize.active):
        _step_error(interview, user, "interview")
        _start(user, service_id, "interview")


user = require_user()
st.title(t("workbench.title"))
selected = service_url.selected(CURRENT)
_sidebar(user)
if selected == service_url.INVALID:
    _not_found(user)
elif isinstance(selected, uuid.UUID):
    _service(user, selected)
else:
    _create(user)
