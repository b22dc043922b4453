"""Switching to Chinese changes every visible string on every signed-in page (issue 8).

Each page is rendered twice through Streamlit's AppTest, in English and in Chinese; no element's text may
stay the same, except values that are not language (numbers, emails, product and variable names).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator

import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest.support import open_page

# Not language: numbers, emails, names of the product, services and configuration variables.
NEUTRAL = re.compile(
    r"^[\d\s.,:/%+\-–—·()#]*$|@|Job Assistant AI|STRIPE_|Stripe|PDF|DeepSeek|GLM|^\W*$|^[\d.,\s]+(CNY|USD)$"
)


def _visible(at: AppTest) -> set[str]:
    texts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success"):
        texts += [str(e.value) for e in getattr(at, kind)]
    texts += [str(b.label) for b in at.button]
    texts += [str(m.label) for m in at.metric]
    for kind in ("text_input", "text_area", "number_input", "selectbox", "radio", "checkbox", "toggle"):
        texts += [str(w.label) for w in getattr(at, kind)]
    return {t.strip() for t in texts if t.strip() and not NEUTRAL.search(t.strip())}


@pytest.fixture
def admin_user(make_user, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[uuid.UUID, str]]:
    from core.admin import set_admin

    boss = make_user("boss@example.com", coins=3)
    set_admin("boss@example.com", True, "tests")
    yield boss, "boss@example.com"


@pytest.mark.parametrize("page", ["1_Profile.py", "2_Workbench.py", "3_Billing.py", "9_Admin.py"])
def test_every_visible_string_changes_with_the_language(page: str, admin_user, fake) -> None:
    user, email = admin_user
    english = open_page(f"pages/{page}", user, email=email, lang="en", admin=True)
    chinese = open_page(f"pages/{page}", user, email=email, lang="zh", admin=True)
    assert not english.exception and not chinese.exception
    en_texts, zh_texts = _visible(english), _visible(chinese)
    assert len(en_texts) >= 2  # the page really rendered something to compare
    assert en_texts & zh_texts == set()
