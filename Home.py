"""Entry: navigation over every page, the landing page for visitors, and the guard in front of the rest.

Visitors see the landing page at `/` and sign-in; Profile, Workbench, Billing and Admin send a signed-out
visitor to sign-in (and back afterwards). A signed-in visitor of `/` goes to the Workbench. Admin is listed
only for admins. The shared header and sidebar are rendered here once, before the selected page runs.
"""

from __future__ import annotations

import streamlit as st

from ui import landing, layout, phone, theme
from ui.i18n import t
from ui.session import SIGN_IN_PAGE, current_user, sync_cookie

PROTECTED = {
    "pages/1_Profile.py": ("nav.profile", ":material/badge:"),
    "pages/2_Workbench.py": ("nav.workbench", ":material/work:"),
    "pages/3_Billing.py": ("nav.billing", ":material/toll:"),
    "pages/9_Admin.py": ("nav.admin", ":material/admin_panel_settings:"),
}

st.set_page_config(page_title=t("app.title"), page_icon="🧭", layout="wide")
user = current_user()

home = st.Page(
    landing.render,
    title=t("nav.home"),
    icon=":material/home:",
    default=True,
    visibility="hidden" if user else "visible",
)
sign_in = st.Page(
    SIGN_IN_PAGE, title=t("nav.sign_in"), icon=":material/login:", visibility="hidden" if user else "visible"
)
protected: dict[str, st.Page] = {}
for path, (title_key, icon) in PROTECTED.items():
    if path.endswith("9_Admin.py") and user is not None and not user.is_admin:
        continue
    protected[path] = st.Page(path, title=t(title_key), icon=icon, visibility="visible" if user else "hidden")

pages = [home, sign_in, *protected.values()] if user is None else [*protected.values(), home, sign_in]
page = st.navigation(pages, position="sidebar" if user else "hidden")

if user is None and page.url_path in {p.url_path for p in protected.values()}:
    if layout.flash_pending():  # just signed out or deleted: back to the front door, not to sign-in
        st.switch_page(home)
    st.session_state["next_page"] = next(k for k, p in protected.items() if p.url_path == page.url_path)
    # Keep the query (e.g. Stripe's ?session_id= on a return to Billing) through sign-in.
    st.session_state["next_query"] = st.query_params.to_dict()
    st.switch_page(SIGN_IN_PAGE)

sync_cookie()
theme.apply([p.url_path for p in pages], page.url_path)
phone.install()
layout.render_header(user)
layout.render_sidebar(user)
layout.render_flash(page.url_path)
welcome = st.container()  # always drawn, so the page below keeps its places (open expanders stay open)
if user is not None and page.url_path == "Profile" and "onboarding_coins" in st.session_state:
    coins = st.session_state.pop("onboarding_coins")
    welcome.success(t("onboarding.welcome", coins=coins), icon=":material/celebration:")
page.run()
