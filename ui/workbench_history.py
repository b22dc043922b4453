"""The Workbench's history in the sidebar.

Why: it went stale while jobs ran (it was drawn once per page run), four services read "JobSummary" alike, a
failed service kept "Job being read…", and only the newest 50 were reachable. Here the list is a fragment that
refreshes itself every REFRESH_S while any listed service has a step queued or running; each entry reads
"company · title · date" with its step states (a failed step says so); a search field and "Show more" reach
every service.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

import streamlit as st

from core.jobs import ACTIVE_STATES
from core.safe_text import safe_inline
from core.workbench import views
from ui.i18n import t

REFRESH_S = 2.0
PAGE = 30
STATE_ICONS = {
    "queued": ":material/schedule:",
    "running": ":material/progress_activity:",
    "succeeded": ":material/check_circle:",
    "failed": ":material/error:",
    "cancelled": ":material/block:",
}
STEP_ORDER = ("match", "customize", "interview")
SHOWN = "wb.history.shown"
SEARCH = "wb.history.search"


def entry_title(item: views.ServiceListItem) -> str:
    """'company · title · date' (the title is 'company · role' once the job is read)."""
    unread = (
        "workbench.history.unread" if item.steps.get("extract") in ("failed", "cancelled") else "workbench.untitled"
    )
    return f"{item.title or t(unread)} · {item.created_at:%Y-%m-%d}"


def entry_steps(item: views.ServiceListItem) -> str:
    """Each started step with its state; a service whose job could not be read says it failed."""
    job = item.steps.get("extract")
    if "match" not in item.steps and job is not None:
        if job in ("failed", "cancelled"):
            return f"{STATE_ICONS[job]} {t('workbench.history.failed')}"
        return f"{STATE_ICONS.get(job, '')} {t('workbench.step.extract')}"
    parts = []
    for kind in STEP_ORDER:
        state = item.steps.get(kind)
        if state is not None:
            failed = f" ({t('workbench.history.step_failed')})" if state in ("failed", "cancelled") else ""
            parts.append(f"{STATE_ICONS.get(state, '')} {t('workbench.step.' + kind)}{failed}")
    return " ".join(parts)


def _running(items: list[views.ServiceListItem]) -> bool:
    return any(state in ACTIVE_STATES for item in items for state in item.steps.values())


def _listed(user_id: uuid.UUID) -> tuple[list[views.ServiceListItem], int, str]:
    """(one more than is shown, so "Show more" knows, how many are shown, the search)."""
    shown = int(st.session_state.get(SHOWN, PAGE))
    search = str(st.session_state.get(SEARCH, ""))
    return views.list_services(user_id, shown + 1, search=search), shown, search


def render_history(user_id: uuid.UUID, current: uuid.UUID | None, open_service: Callable[[uuid.UUID], None]) -> None:
    """The history, inside the sidebar; `open_service` opens a chosen entry (then the whole page reruns)."""
    first = _listed(user_id)
    page_run = [True]

    @st.fragment(run_every=REFRESH_S if _running(first[0]) else None)
    def _history() -> None:
        items, shown, search = first if page_run[0] else _listed(user_id)  # its own reruns read states again
        page_run[0] = False
        st.text_input(
            t("workbench.history.search"),
            key=SEARCH,
            placeholder=t("workbench.history.search_placeholder"),
            label_visibility="collapsed",
            on_change=_reset_paging,
        )
        if not items:
            st.caption(t("workbench.history.no_match") if search else t("workbench.history_empty"))
        for item in items[:shown]:
            if st.button(
                f"{safe_inline(entry_title(item))}  \n{entry_steps(item)}",
                key=f"wb.open.{item.id}",
                type="primary" if item.id == current else "secondary",
                width="stretch",
            ):
                open_service(item.id)
                st.rerun()
        if len(items) > shown and st.button(
            t("workbench.history.more"), key="wb.history.more", icon=":material/expand_more:", width="stretch"
        ):
            st.session_state[SHOWN] = shown + PAGE
            st.rerun()

    _history()


def _reset_paging() -> None:
    st.session_state[SHOWN] = PAGE
