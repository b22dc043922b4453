"""Migration 0005 renames the JD-extraction kind: rows written as 'job' read back as 'extract', and back again."""

from __future__ import annotations

import uuid

from alembic import command
from sqlalchemy import text

from db.migrate import alembic_config
from db.session import dispose_engine, unit_of_work


def _kind(job_id: uuid.UUID) -> str:
    with unit_of_work() as s:
        return str(s.execute(text("SELECT kind FROM jobs WHERE id = :i"), {"i": job_id}).scalar_one())


def test_upgrade_renames_extraction_jobs_and_downgrade_restores_them(db: None, make_user) -> None:
    user = make_user()
    cfg = alembic_config()
    job_id = uuid.uuid4()
    dispose_engine()
    command.downgrade(cfg, "0004")
    try:
        with unit_of_work() as s:
            s.execute(
                text(
                    "INSERT INTO jobs (id, user_id, kind, queue, model, state, attempts, max_attempts, price, params,"
                    " tokens_in, tokens_out, cost) VALUES (:i, :u, 'job', 'paid', '', 'succeeded', 1, 4, 0, '{}',"
                    " 0, 0, 0)"
                ),
                {"i": job_id, "u": user},
            )
    finally:
        dispose_engine()
        command.upgrade(cfg, "head")
        dispose_engine()
    assert _kind(job_id) == "extract"

    command.downgrade(cfg, "0004")
    try:
        dispose_engine()
        assert _kind(job_id) == "job"
    finally:
        dispose_engine()
        command.upgrade(cfg, "head")
        dispose_engine()
