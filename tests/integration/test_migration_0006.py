"""Migration 0006: a summary the offline engine wrote is marked 'offline'; a rejected model summary stays 'document'."""

from __future__ import annotations

import uuid

from alembic import command
from sqlalchemy import text

from db.migrate import alembic_config
from db.session import dispose_engine, unit_of_work

_ASSET = (
    "INSERT INTO assets (id, user_id, kind, is_current, filename, size_bytes, page_count, status, summary_source)"
    " VALUES (:i, :u, 'resume', false, 'x', 1, 1, 'ready', 'document')"
)
_JOB = (
    "INSERT INTO jobs (id, user_id, asset_id, kind, queue, model, state, attempts, max_attempts, price, params,"
    " tokens_in, tokens_out, cost) VALUES (:i, :u, :a, 'resume', 'free', 'offline', :s, 1, 4, 0, '{}', 0, 0, 0)"
)


def _source(asset_id: uuid.UUID) -> str:
    with unit_of_work() as s:
        return str(s.execute(text("SELECT summary_source FROM assets WHERE id = :i"), {"i": asset_id}).scalar_one())


def test_offline_summaries_are_told_apart_from_rejected_ones(db: None, make_user) -> None:
    user = make_user()
    offline, rejected = uuid.uuid4(), uuid.uuid4()
    cfg = alembic_config()
    dispose_engine()
    command.downgrade(cfg, "0005")
    try:
        with unit_of_work() as s:
            for asset_id, state in ((offline, "succeeded"), (rejected, "failed")):
                s.execute(text(_ASSET), {"i": asset_id, "u": user})
                s.execute(text(_JOB), {"i": uuid.uuid4(), "u": user, "a": asset_id, "s": state})
    finally:
        dispose_engine()
        command.upgrade(cfg, "head")
        dispose_engine()
    assert (_source(offline), _source(rejected)) == ("offline", "document")
