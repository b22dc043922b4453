"""Migration 0003 encrypts rows written before it (issue 19, finding 3): plain rows at revision 0002 read back
unchanged through the encrypted column types, and no plaintext remains in the tables."""

from __future__ import annotations

import json
import uuid

from alembic import command
from sqlalchemy import text

from db.migrate import alembic_config
from db.models import MatchResult, ResumeVersion, Service
from db.session import dispose_engine, unit_of_work

SECRET = "Pq" + uuid.uuid4().hex


def test_upgrade_encrypts_existing_rows_and_downgrade_restores_them(db: None, make_user) -> None:
    user = make_user()
    cfg = alembic_config()
    dispose_engine()
    command.downgrade(cfg, "0002")
    try:
        service_id, match_id, version_id = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
        with unit_of_work() as s:
            s.execute(
                text(
                    "INSERT INTO services (id, user_id, jd_source, jd_text, jd_image, job_summary_json, title)"
                    " VALUES (:i, :u, 'text', :t, :img, CAST(:js AS jsonb), :title)"
                ),
                {
                    "i": service_id,
                    "u": user,
                    "t": f"JD {SECRET}",
                    "img": SECRET.encode(),
                    "js": json.dumps({"company": SECRET}),
                    "title": f"Title {SECRET}",
                },
            )
            s.execute(
                text("INSERT INTO match_results (id, service_id, result_json) VALUES (:i, :s, CAST(:r AS jsonb))"),
                {"i": match_id, "s": service_id, "r": json.dumps({"conclusion": SECRET, "score": 7})},
            )
            s.execute(
                text("INSERT INTO resume_versions (id, service_id, version, markdown) VALUES (:i, :s, 1, :m)"),
                {"i": version_id, "s": service_id, "m": f"# {SECRET}"},
            )
    finally:
        dispose_engine()
        command.upgrade(cfg, "head")
        dispose_engine()
    with unit_of_work() as s:
        for table in ("services", "match_results", "resume_versions"):
            dump = s.execute(text(f"SELECT string_agg(t::text, '') FROM {table} t")).scalar_one()
            assert SECRET not in dump, table
        service = s.get(Service, service_id)
        assert service is not None
        assert (service.jd_text, service.jd_image, service.title) == (
            f"JD {SECRET}",
            SECRET.encode(),
            f"Title {SECRET}",
        )
        assert service.job_summary_json == {"company": SECRET}
        assert s.get(MatchResult, match_id).result_json == {"conclusion": SECRET, "score": 7}  # type: ignore[union-attr]
        assert s.get(ResumeVersion, version_id).markdown == f"# {SECRET}"  # type: ignore[union-attr]
    # And back: a downgrade decrypts into the old plain columns.
    dispose_engine()
    command.downgrade(cfg, "0002")
    try:
        with unit_of_work() as s:
            assert s.execute(text("SELECT jd_text FROM services WHERE id = :i"), {"i": service_id}).scalar_one() == (
                f"JD {SECRET}"
            )
    finally:
        dispose_engine()
        command.upgrade(cfg, "head")
        dispose_engine()
