"""What the AppTests share: a page rendered as the app renders it, for a user signed in just now."""

from __future__ import annotations

import time
import uuid
from collections.abc import Mapping

from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT
from ui.session import CurrentUser

HOME = ROOT / "Home.py"


def open_page(
    page: str | None,
    user: uuid.UUID | None = None,
    *,
    lang: str = "en",
    email: str = "u@example.com",
    name: str = "",
    admin: bool = False,
    state: Mapping[str, object] | None = None,
    query: Mapping[str, str] | None = None,
    alone: bool = False,
    timeout: float = 60,
) -> AppTest:
    """`page` (e.g. "pages/2_Workbench.py"; None for the landing page) after one run, reached through Home.py's
    navigation as in the app, or with `alone` the page's own file by itself.

    With a `user`, the browser session is signed in and freshly validated (see ui.session); without, nobody is
    signed in. `state` goes into the session state and `query` into the URL before the run.
    """
    at = AppTest.from_file(str(ROOT / page if alone and page else HOME), default_timeout=timeout)
    if user is not None:
        at.session_state["user"] = CurrentUser(id=user, email=email, name=name, lang=lang, is_admin=admin)
        at.session_state["auth_checked_at"] = time.monotonic()
    at.session_state["lang"] = lang
    for key, value in (state or {}).items():
        at.session_state[key] = value
    for key, value in (query or {}).items():
        at.query_params[key] = value
    if page is not None and not alone:
        at.switch_page(page)
    return at.run()
