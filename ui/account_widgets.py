"""Account section of the Profile page (language, password, deletion). Owned by accounts (issue 8)."""

from __future__ import annotations

from ui.session import CurrentUser


def render_account_section(user: CurrentUser) -> None:
    """Rendered at the bottom of the Profile page."""
    return None
