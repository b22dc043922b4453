"""Profile: the general resume and the detailed career history, each as a card.

UI only: every decision (validation, price, queue, ownership) is made by core.assets.service. A card's
status refreshes itself in a fragment while its summary is pending, so the rest of the page stays usable.
Form idempotency keys live in session state until their action succeeds, so a double click or a rerun
never charges twice.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

import streamlit as st

from core.actions import new_key
from core.assets import service
from core.assets.schema import ResumeSummary
from core.config import get_settings
from core.errors import UserError
from core.safe_text import safe_inline, safe_markdown
from ui import account_widgets, billing_widgets
from ui.asset_reading import render_reading
from ui.failure import failure_message
from ui.i18n import t
from ui.offline_views import render_engine, render_offline_quote
from ui.session import CurrentUser, require_user
from ui.uploader import file_uploader

POLL_SECONDS = 2.0
STATUS_ICONS = {
    "queued": ":material/schedule:",
    "processing": ":material/progress_activity:",
    "ready": ":material/check_circle:",
    "failed": ":material/error:",
}


def _form_key(name: str) -> str:
    """The idempotency key of one form, stable across reruns until the action succeeds."""
    state_key = f"assets.key.{name}"
    if state_key not in st.session_state:
        st.session_state[state_key] = new_key()
    return str(st.session_state[state_key])


def _forget_key(name: str) -> None:
    st.session_state.pop(f"assets.key.{name}", None)


def _show_error(exc: UserError) -> None:
    st.error(t(exc.key, **exc.params), icon=":material/error:")


def _current(user: CurrentUser, kind: str) -> tuple[service.AssetView | None, list[service.AssetView]]:
    views = [v for v in service.list_assets(user.id) if v.kind == kind]
    current = next((v for v in views if v.is_current), None)
    return current, [v for v in views if not v.is_current]


def _meta(view: service.AssetView) -> str:
    return t(
        "assets.meta",
        filename=safe_inline(view.filename),
        pages=view.page_count,
        size_kb=max(1, round(view.size_bytes / 1024)),
        created=view.created_at.astimezone().strftime("%Y-%m-%d %H:%M"),
    )


def _status_line(view: service.AssetView) -> None:
    label = f"{t('assets.status.label')}: **{t('assets.status.' + view.status)}**"
    icon = STATUS_ICONS.get(view.status)
    if view.status == "failed":
        st.error(label + "  \n" + failure_message(view.error_key, view.charged_price, view.queue), icon=icon)
    elif view.status == "ready":
        st.success(label, icon=icon)
    else:
        st.info(label, icon=icon)


def _render_summary(summary: ResumeSummary) -> None:
    """The extracted summary, field by field, so the user can check nothing was missed or invented."""
    contact = summary.contact
    contact_bits = [contact.name, contact.email, contact.phone, contact.location, *contact.links]
    sections: list[tuple[str, list[str]]] = [
        ("assets.summary.contact", [" · ".join(b for b in contact_bits if b)] if any(contact_bits) else []),
        ("assets.summary.headline", [summary.headline] if summary.headline else []),
        ("assets.summary.skills", [f"{s.name} — {s.evidence}" if s.evidence else s.name for s in summary.skills]),
        (
            "assets.summary.roles",
            [
                f"**{r.title}**, {r.employer} ({r.start}–{r.end})" + "".join(f"\n    - {a}" for a in r.achievements)
                for r in summary.roles
            ],
        ),
        (
            "assets.summary.education",
            [", ".join(x for x in (e.school, e.degree, e.field, e.end) if x) for e in summary.education],
        ),
        (
            "assets.summary.projects",
            [
                f"**{p.name}** {p.role} — {p.description}".strip(" —") + "".join(f"\n    - {a}" for a in p.achievements)
                for p in summary.projects
            ],
        ),
        ("assets.summary.languages", summary.languages),
        ("assets.summary.certifications", summary.certifications),
    ]
    for key, items in sections:
        st.markdown(f"**{t(key)}**")
        listed = safe_markdown("\n".join(f"- {item}" for item in items))
        st.markdown(listed if items else f"_{t('assets.summary.empty')}_")


def _retry_button(user: CurrentUser, view: service.AssetView) -> None:
    name = f"retry.{view.id}"
    if st.button(t("assets.retry.button"), key=f"assets.retry.{view.id}", icon=":material/refresh:"):
        try:
            service.retry_asset(user.id, view.id, _form_key(name))
        except UserError as exc:
            _show_error(exc)
            return
        _forget_key(name)
        st.toast(t("assets.retry.started"))
        st.rerun()


def _delete_control(user: CurrentUser, asset_id: uuid.UUID) -> None:
    confirm_flag = f"assets.delete.confirm.{asset_id}"
    if not st.session_state.get(confirm_flag):
        if st.button(t("assets.delete.button"), key=f"assets.delete.{asset_id}", icon=":material/delete:"):
            st.session_state[confirm_flag] = True
            st.rerun()
        return
    st.warning(t("assets.delete.confirm"))
    if st.button(t("assets.delete.yes"), key=f"assets.delete.yes.{asset_id}", type="primary"):
        try:
            service.delete_asset(user.id, asset_id)
        except UserError as exc:
            _show_error(exc)
        st.session_state.pop(confirm_flag, None)
        st.toast(t("assets.delete.done"))
        st.rerun()


def _status_panel(user: CurrentUser, kind: str) -> None:
    """The current asset's status, summary and actions; re-rendered on a timer while it is pending."""
    current, _old = _current(user, kind)
    was_pending = bool(st.session_state.get(f"assets.pending.{kind}"))
    if current is None:
        st.caption(t("assets.none"))
        return
    st.caption(_meta(current))
    _status_line(current)
    st.session_state[f"assets.pending.{kind}"] = current.pending
    if was_pending and not current.pending:
        st.rerun(scope="app")  # settled: redraw the whole page once so the timer stops
    if current.status == "failed":
        _retry_button(user, current)
    if current.status == "ready":
        with st.expander(t("assets.summary.view"), icon=":material/description:"):
            summary = service.get_summary(user.id, current.id)
            if summary is not None:
                _render_summary(summary)
                render_engine(service.summary_engine(user.id, current.id))
    if current.status in ("ready", "failed"):
        render_reading(user.id, current.id)
    _delete_control(user, current.id)


def _upload_form(user: CurrentUser, kind: str, replacing: bool) -> None:
    settings = get_settings()
    counter_key = f"assets.uploader.{kind}"
    uploader_id = st.session_state.get(counter_key, 0)
    upload = file_uploader(
        t("assets.upload.replace_label" if replacing else "assets.upload.label"),
        types=["pdf"],
        key=f"assets.file.{kind}.{uploader_id}",
        help=t(
            "assets.upload.limits",
            max_mb=f"{settings.upload_max_bytes / 1_000_000:g}",  # MB as the browser counts them
            max_pages=settings.upload_max_pages,
        ),
    )
    if upload is None:
        return
    quote = service.quote_upload(user.id, kind)
    if render_offline_quote(kind):
        pass
    elif quote.is_free:
        st.warning(t("assets.upload.confirm_free", balance=quote.balance), icon=":material/hourglass:")
    else:
        st.info(t("assets.upload.confirm_paid", price=quote.price, balance=quote.balance), icon=":material/toll:")
    if replacing:
        st.caption(t("assets.upload.replace_note"))
    if st.button(t("assets.upload.button"), key=f"assets.upload.{kind}", type="primary"):
        try:
            service.upload_asset(user.id, kind, upload.name, upload.getvalue(), _form_key(f"upload.{kind}"))
        except UserError as exc:
            _show_error(exc)
            return
        _forget_key(f"upload.{kind}")
        st.session_state[counter_key] = uploader_id + 1  # a fresh, empty uploader
        st.session_state[f"assets.pending.{kind}"] = True
        st.toast(t("assets.upload.started"))
        st.rerun()


def _history(user: CurrentUser, old: list[service.AssetView]) -> None:
    if not old:
        return
    with st.expander(t("assets.history.title", count=len(old))):
        for view in old:
            st.caption(f"{_meta(view)} · {t('assets.status.' + view.status)}")
            _delete_control(user, view.id)


def _card(user: CurrentUser, kind: str, intro: Callable[[], None]) -> None:
    with st.container(border=True):
        intro()
        current, old = _current(user, kind)
        pending = current is not None and current.pending
        st.fragment(run_every=POLL_SECONDS if pending else None)(_status_panel)(user, kind)
        _upload_form(user, kind, replacing=current is not None)
        _history(user, old)


def _resume_intro() -> None:
    st.subheader(f"{t('assets.kind.resume')} · {t('assets.resume.required')}")
    st.write(t("assets.resume.help"))


def _detailed_intro() -> None:
    st.subheader(f"{t('assets.kind.detailed_resume')} · {t('assets.detailed.optional')}")
    st.write(t("assets.detailed.help"))
    with st.expander(t("assets.detailed.example_title"), icon=":material/lightbulb:"):
        st.markdown(t("assets.detailed.example"))


def main() -> None:
    user = require_user()
    st.title(t("assets.page.title"))
    st.caption(t("assets.page.intro"))
    _card(user, "resume", _resume_intro)
    _card(user, "detailed_resume", _detailed_intro)
    billing_widgets.render_coin_summary(user)
    account_widgets.render_account_section(user)


main()
