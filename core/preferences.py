"""A user's display preferences that follow them across browsers: the UI language and the colour theme."""

from __future__ import annotations

import uuid
from typing import Literal, get_args

from sqlalchemy import select, text, update

from core.errors import InvalidInput
from core.kinds import LANGS
from db.models import User
from db.session import unit_of_work

Theme = Literal["system", "light", "dark"]
THEMES: tuple[str, ...] = get_args(Theme)


def get_theme(user_id: uuid.UUID) -> str | None:
    """The theme this user chose last, on any device; None until they choose one."""
    with unit_of_work() as session:
        return session.scalar(select(User.theme).where(User.id == user_id))


def set_theme(user_id: uuid.UUID, theme: str) -> None:
    """Remember the user's theme (the browser applies it; every other browser of theirs will on its next load)."""
    if theme not in THEMES:
        raise InvalidInput("error.bad_theme")
    with unit_of_work() as session:
        session.execute(update(User).where(User.id == user_id).values(theme=theme))


def set_language(user_id: uuid.UUID, lang: str) -> str:
    """Remember the UI language for this user (zh or en)."""
    if lang not in LANGS:
        raise InvalidInput("accounts.error.lang")
    with unit_of_work() as session:
        session.execute(text("UPDATE users SET lang = :l WHERE id = :u"), {"l": lang, "u": user_id})
    return lang
