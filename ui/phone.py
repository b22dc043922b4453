"""On a phone the sidebar covers the page: close it once the user has made a choice in it.

Streamlit (1.67) leaves the sidebar open over the page after a click in it: a page in the navigation, a
service in the history, the balance link, "New service". A small listener in the app's document does what
the user would do next: press the sidebar's own collapse button. It is installed once per browser tab
(a flag on window) and acts only below Streamlit's mobile breakpoint, so the desktop layout is untouched.
"""

from __future__ import annotations

import streamlit as st

MOBILE_MAX_PX = 768  # Streamlit draws the sidebar as an overlay below this width

_SCRIPT = (
    "(() => {"
    "if (window.__jaaSidebarAutoClose) return; window.__jaaSidebarAutoClose = true;"
    "document.addEventListener('click', (ev) => {"
    f"  if (window.innerWidth >= {MOBILE_MAX_PX}) return;"
    "  const target = ev.target instanceof Element ? ev.target : null;"
    "  if (!target) return;"
    "  const content = target.closest('[data-testid=\"stSidebar\"]');"
    "  const choice = target.closest('button, a');"
    "  if (!content || !choice) return;"
    "  if (choice.closest('[data-testid=\"stSidebarCollapseButton\"]')) return;"
    "  setTimeout(() => {"
    "    const close = document.querySelector('[data-testid=\"stSidebarCollapseButton\"] button');"
    "    const bar = document.querySelector('[data-testid=\"stSidebar\"]');"
    "    if (close && bar && bar.getAttribute('data-collapsed') !== 'true') close.click();"
    "  }, 150);"
    "}, true);"
    "})();"
)


def install() -> None:
    """Render the (invisible) listener; harmless to call on every run."""
    st.html("<style>.st-key-jaa_phone_sidebar { display: none; }</style>")
    with st.container(key="jaa_phone_sidebar"):
        st.html(f"<script>{_SCRIPT}</script>", unsafe_allow_javascript=True)
