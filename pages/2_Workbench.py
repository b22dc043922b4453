"""Placeholder created by accounts (issue 8) for its browser tests; the owning feature replaces this file."""

import streamlit as st

from ui.i18n import t
from ui.session import require_user

user = require_user()
st.title(t("nav.workbench"))
st.caption(t("placeholder.coming"))
