"""The Admin page through Streamlit's AppTest: only administrators may open it (issue 3)."""

from __future__ import annotations

from tests.apptest.support import open_page


def test_non_admin_cannot_open_admin_page(make_user) -> None:
    mallory = make_user("mallory@example.com")
    at = open_page("pages/9_Admin.py", mallory, email="mallory@example.com", alone=True, timeout=30)
    assert [e.value for e in at.error] == ["This page is for administrators only."]
    assert not at.text_input
