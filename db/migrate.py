"""Apply Alembic migrations programmatically (used by `make run`, the test harness and production deploys)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

from core.config import get_settings
from db.session import sqlalchemy_url

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(database_url: str | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    url = database_url or get_settings().database_url
    cfg.set_main_option("sqlalchemy.url", sqlalchemy_url(url).replace("%", "%%"))
    return cfg


def upgrade(database_url: str | None = None) -> None:
    command.upgrade(alembic_config(database_url), "head")


if __name__ == "__main__":
    upgrade()
