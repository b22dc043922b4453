"""What the browser journeys look for: the app's own strings in each language, and Playwright's expect."""

from __future__ import annotations

from typing import Any

from core.i18n import translate


def en(key: str, **params: Any) -> str:
    return translate(key, "en", **params)


def zh(key: str, **params: Any) -> str:
    return translate(key, "zh", **params)


def playwright_expect() -> Any:
    """playwright's `expect`, imported when a journey runs (collection must not need the browser package)."""
    from playwright.sync_api import expect

    return expect
