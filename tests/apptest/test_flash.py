"""The one-time message after sign-out or account deletion: a visitor sent to the front door sees it, an extra run
right after (a component reporting its value) does not wipe it, and it goes once its moment has passed."""

from __future__ import annotations

import time

from streamlit.testing.v1 import AppTest

from core.i18n import translate
from tests.apptest.support import open_page
from ui.layout import FLASH_SECONDS


def _successes(at: AppTest) -> list[str]:
    return [str(s.value) for s in at.success]


def test_the_message_outlives_a_rerun_and_then_goes(db) -> None:
    deleted = translate("account.deleted", "en")
    at = open_page(None, state={"flash": "account.deleted"})  # where deletion sends the visitor
    assert not at.exception
    assert deleted in _successes(at)

    at.run()  # a rerun right after, as a component's value or the cookie sync would ask for
    assert deleted in _successes(at)

    at.session_state["flash_shown"] = ("", time.monotonic() - FLASH_SECONDS - 1)  # its moment has passed
    at.run()
    assert deleted not in _successes(at)
    assert "flash" not in at.session_state
    at.run()
    assert deleted not in _successes(at)


def test_the_message_stays_behind_on_the_page_it_was_shown_on(db) -> None:
    signed_out = translate("layout.signed_out", "en")
    at = open_page(None, state={"flash": "layout.signed_out"})
    assert signed_out in _successes(at)
    at.session_state["flash_shown"] = ("Profile", time.monotonic())  # as if shown there, and now on another page
    at.run()
    assert not at.exception
    assert signed_out not in _successes(at)
    assert "flash" not in at.session_state
