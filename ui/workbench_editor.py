"""The tailored resume editor: Markdown on the left (streamlit-ace), the PDF's own pages on the right,
versions (save/restore), grounding flags, and the PDF download. UI only: core.workbench.editor decides.
"""

from __future__ import annotations

import hashlib
import uuid

import streamlit as st

from core.errors import UserError
from core.safe_text import safe_code, safe_inline
from core.workbench import editor
from ui.i18n import t
from ui.theme import editor_theme
from ui.workbench_views import render_grounding


def _preview(user_id: uuid.UUID, service_id: uuid.UUID, markdown: str) -> None:
    """PNG pages of the exact PDF of the text on screen, cached per content (the editor sends its text 200 ms
    after typing stops and only this fragment reruns, so the preview follows within the second)."""
    digest = hashlib.sha256(markdown.encode()).hexdigest()[:16]
    key = f"wb.preview.{service_id}"
    cached = st.session_state.get(key)
    if cached is not None and cached[0] == digest:
        pages = cached[1]
    else:
        try:
            pages = editor.preview_pages(user_id, service_id, markdown)
        except UserError as exc:
            st.warning(t(exc.key, **exc.params))
            return
        st.session_state[key] = (digest, pages)
    st.caption(":material/visibility: " + t("workbench.editor.preview_live"))
    for number, png in enumerate(pages, start=1):
        st.image(png, caption=f"{number} / {len(pages)}", width="stretch")


def render_editor(user_id: uuid.UUID, service_id: uuid.UUID, original_score: int | None) -> None:
    versions = editor.list_versions(user_id, service_id)
    if not versions:
        return
    selected_key = f"wb.version.{service_id}"
    numbers = [v.version for v in versions]
    # A save or restore picks the new version for the next run: the selectbox's own key cannot be set once
    # the widget exists, so the choice (and its toast) wait here until the rerun, before the widget is drawn.
    chosen = st.session_state.pop(f"{selected_key}.next", None)
    if chosen is not None:
        st.session_state[selected_key] = chosen
    notice = st.session_state.pop(f"{selected_key}.toast", None)
    if notice:
        st.toast(notice, icon=":material/check:")
    if st.session_state.get(selected_key) not in numbers:
        st.session_state[selected_key] = numbers[0]
    current = editor.get_version(user_id, service_id, int(st.session_state[selected_key]))

    cols = st.columns(3)
    if original_score is not None:
        cols[0].metric(t("workbench.customize.original"), original_score)
    if current.projected_score is not None:
        delta = current.projected_score - original_score if original_score is not None else None
        cols[1].metric(
            t("workbench.customize.projected"),
            current.projected_score,
            delta=delta,
            help=t("workbench.customize.projected_help"),
        )
    labels = {
        v.version: t("workbench.editor.version_label", version=v.version, when=v.created_at.strftime("%m-%d %H:%M"))
        + (f" ({t('workbench.editor.generated')})" if v.generated else "")
        for v in versions
    }
    cols[2].selectbox(t("workbench.editor.versions"), numbers, format_func=labels.__getitem__, key=selected_key)

    render_grounding(current.grounding)
    _workspace(user_id, service_id, current, numbers[0])

    if current.sources:
        with st.expander(t("workbench.sources")):
            for source in current.sources:
                if isinstance(source, dict):
                    where = t("workbench.source." + str(source.get("asset", "resume")))
                    bullet, section, fact = (source.get(k, "") for k in ("bullet", "section", "fact"))
                    st.markdown(
                        f"- {safe_inline(bullet)}  \n  ← *{where} · {safe_inline(section)}*: {safe_inline(fact)}"
                    )


@st.fragment
def _workspace(user_id: uuid.UUID, service_id: uuid.UUID, current: editor.VersionView, newest: int) -> None:
    """Editor, live preview and export in one fragment: typing reruns only this part of the page."""
    from streamlit_ace import st_ace

    selected_key = f"wb.version.{service_id}"
    left, right = st.columns(2)
    with left:
        st.markdown(f"**{t('workbench.editor.heading')}**")
        text = st_ace(
            value=current.markdown,
            language="markdown",
            theme=editor_theme(),  # follows the app's Light/Dark/system choice
            wrap=True,
            auto_update=True,
            min_lines=30,
            key=f"wb.ace.{service_id}.{current.version}",
        )
        text = text if isinstance(text, str) else current.markdown
        b1, b2 = st.columns(2)
        if b1.button(
            t("workbench.editor.save"), key=f"wb.save.{service_id}", type="primary", disabled=text == current.markdown
        ):
            try:
                saved = editor.save_version(user_id, service_id, text)
            except UserError as exc:
                st.error(t(exc.key, **exc.params))
            else:
                st.session_state[f"{selected_key}.next"] = saved.version
                st.session_state[f"{selected_key}.toast"] = t("workbench.editor.saved", version=saved.version)
                st.rerun()
        if current.version != newest and b2.button(t("workbench.editor.restore"), key=f"wb.restore.{service_id}"):
            restored = editor.restore_version(user_id, service_id, current.version)
            st.session_state[f"{selected_key}.next"] = restored.version
            st.session_state[f"{selected_key}.toast"] = t("workbench.editor.restored", version=restored.version)
            st.rerun()
    with right:
        st.markdown(f"**{t('workbench.editor.preview')}**")
        _preview(user_id, service_id, text)

    _export(user_id, service_id, current.version, text)


def _export(user_id: uuid.UUID, service_id: uuid.UUID, version: int, text: str) -> None:
    """Export exactly the text on screen: unsaved edits become a new version first, and the page says so."""
    key = f"wb.export.{service_id}"
    if st.button(
        t("workbench.export.button"),
        key=f"{key}.make",
        icon=":material/picture_as_pdf:",
        help=t("workbench.export.help"),
    ):
        try:
            exported = editor.export_on_screen(user_id, service_id, text, version)
        except UserError as exc:
            st.error(t(exc.key, **exc.params))
            return
        st.session_state[key] = (exported.saved or version, exported.result, exported.saved)
        if exported.saved is not None:  # the version list and the editor move to the new version
            st.session_state[f"wb.version.{service_id}.next"] = exported.saved
            st.rerun()
    made = st.session_state.get(key)
    if made is None or made[0] != version:
        return
    if made[2] is not None:
        st.info(t("workbench.export.saved_first", version=made[2]), icon=":material/save:")
    result = made[1]
    if result.round_trip.ok:
        st.caption(":material/check: " + t("workbench.export.check_ok", pages=result.round_trip.pages))
    else:
        st.warning(t("workbench.export.check_bad"))
        st.markdown("\n".join(f"- {safe_code(line)}" for line in result.round_trip.missing_lines[:20]))
    if not result.grounding.get("ok", True):
        render_grounding(result.grounding)
    st.download_button(
        t("workbench.export.download"),
        data=result.pdf,
        file_name=result.filename,
        mime="application/pdf",
        key=f"{key}.download",
        type="primary",
    )
