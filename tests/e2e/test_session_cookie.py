"""The session cookie is set by the server (issue 19, finding 10): HttpOnly, SameSite=Lax, Secure under https,
through a one-time code the page hands to POST /auth/cookie; page scripts never see it; sign-out clears it."""

from __future__ import annotations

import json
import re
import uuid
from typing import Any

import httpx
import pytest

from core import auth_codes
from core.accounts import tokens
from core.config import get_settings
from testkit.support import wait_for
from tests.e2e.journey import SLOW
from tests.e2e.test_accounts_journey import _sign_up
from tests.e2e.texts import en, playwright_expect

pytestmark = pytest.mark.e2e


def _post(web: str, code: str, content_type: str = "application/json") -> httpx.Response:
    body = json.dumps({"code": code})
    return httpx.post(f"{web}/auth/cookie", content=body, headers={"Content-Type": content_type}, timeout=10)


def test_the_route_sets_an_httponly_cookie_once_per_code_and_clears_it(db: None, web: str) -> None:
    name = get_settings().cookie_name
    token = tokens.make_token(uuid.uuid4())
    code = auth_codes.issue(token)
    assert _post(web, code, "text/plain").status_code == 415  # a cross-site form cannot post it
    first = _post(web, code)
    assert first.status_code == 204
    cookie = first.headers["set-cookie"]
    assert cookie.startswith(f"{name}={token};")
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Path=/" in cookie
    assert "Secure" not in cookie  # plain http here; https adds it
    assert _post(web, code).status_code == 400  # used once
    assert _post(web, "made-up-code").status_code == 400
    cleared = _post(web, auth_codes.issue(None))
    assert cleared.status_code == 204
    assert re.search(rf'{name}="?"?;', cleared.headers["set-cookie"]) and "Max-Age=0" in cleared.headers["set-cookie"]


def test_the_browser_holds_an_httponly_cookie_scripts_cannot_read(db: None, web: str, browser: Any) -> None:
    expect = playwright_expect()
    name = get_settings().cookie_name
    context = browser.new_context(locale="en-US")
    page = context.new_page()
    _sign_up(page, web, "cookie@example.com")
    expect(page).to_have_url(re.compile(r"/Profile$"), timeout=SLOW)
    found = wait_for(lambda: [c for c in context.cookies() if c["name"] == name and c["value"]], timeout=SLOW / 1000)
    cookie = found[0]  # type: ignore[index]
    assert cookie["httpOnly"] is True and cookie["sameSite"] == "Lax"
    assert name not in page.evaluate("document.cookie")
    # The cookie alone signs the browser in after a reload.
    page.goto(web)
    expect(page).to_have_url(re.compile(r"/Workbench$"), timeout=SLOW)
    page.get_by_role("button", name=en("layout.sign_out")).click()
    expect(page.get_by_text(en("layout.signed_out"))).to_be_visible(timeout=SLOW)
    wait_for(lambda: not [c for c in context.cookies() if c["name"] == name and c["value"]], timeout=SLOW / 1000)
    context.close()
