"""User content encrypted at rest (issue 19, finding 3): after a journey that carries a canary through the JD,
the assets, the match reply and an edited tailored resume, no table, no WAL segment and no Redis value holds
the canary in plain text, while every use case still reads it back."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import text

from core import streams
from core.redis_conn import get_redis
from core.workbench import editor, services, views
from db.models import Asset, Service
from db.session import unit_of_work
from testkit import workbench as ws

CANARY = "Zq" + uuid.uuid4().hex  # unique per run: no other test or earlier run wrote it
TABLES = (
    "users",
    "assets",
    "services",
    "jobs",
    "match_results",
    "resume_versions",
    "interview_results",
    "idempotency_keys",
    "ledger_entries",
    "admin_audit",
)


def _responder(request: dict[str, Any]) -> str | None:
    if ws.schema_title(request) == "MatchReply":
        return json.dumps({**ws.MATCH, "conclusion": f"Apply, mentioning {CANARY}."})
    return ws.responder(request)


def _files_holding(root: Path, needle: bytes) -> list[str]:
    hits = []
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            try:
                if needle in path.read_bytes():
                    hits.append(str(path.relative_to(root)))
            except OSError:
                continue
    return hits


def _redis_values() -> bytes:
    """Every value Redis holds, as the bytes a persistence dump would carry (before compression)."""
    r = get_redis()
    out: list[str] = []
    for key in r.scan_iter(count=1000):
        kind = r.type(key)
        if kind == "string":
            out.append(str(r.get(key)))
        elif kind == "hash":
            out.append(str(r.hgetall(key)))
        elif kind == "list":
            out.append(str(r.lrange(key, 0, -1)))
        elif kind == "zset":
            out.append(str(r.zrange(key, 0, -1)))
        elif kind == "set":
            out.append(str(r.smembers(key)))
        elif kind == "stream":
            out.append(str(r.xrange(key)))
    return "\n".join(out).encode()


def test_a_canary_journey_leaves_no_plaintext_in_postgres_or_redis(fake, make_user, consumers, stack_services) -> None:
    fake.responder = _responder
    user = make_user(coins=10)
    ws.add_assets(user, resume={**ws.RESUME, "headline": f"Backend engineer {CANARY}"})
    with unit_of_work() as session:
        for asset in session.query(Asset).filter(Asset.user_id == user):
            asset.filename = f"{CANARY}-{asset.kind}.pdf"
    consumers.start("paid", "paid", workers=2)
    jd = f"{ws.JD_TEXT} Team code name {CANARY}."
    service_id = uuid.UUID(services.create_service(user, idempotency_key="c", jd_text=jd).data["service_id"])
    match = ws.wait_step(service_id, "match")
    assert match.state == "succeeded", match.error_detail
    services.start_customize(user, service_id, "c1")
    assert ws.wait_step(service_id, "customize").state == "succeeded"
    v1 = editor.get_version(user, service_id)
    editor.save_version(user, service_id, v1.markdown + f"- Led project {CANARY}.\n")

    # The use cases read the content back unchanged.
    view = views.get_service_view(user, service_id)
    assert view.match is not None and CANARY in view.match["conclusion"]
    assert CANARY in editor.get_version(user, service_id).markdown
    assert CANARY in streams.collect_text(views.job_events(user, match.id))
    with unit_of_work() as session:
        service = session.get(Service, service_id)
        assert service is not None and service.jd_text == jd

    # Postgres: no row of any table, then (after a checkpoint) no file of the data directory, holds it.
    with unit_of_work() as session:
        for table in TABLES:
            dump = session.execute(text(f"SELECT coalesce(string_agg(t::text, ''), '') FROM {table} t")).scalar_one()
            assert CANARY not in dump, table
        session.execute(text("CHECKPOINT"))
    assert _files_holding(Path(stack_services.data_dir), CANARY.encode()) == []
    # Redis: neither the token stream nor any other value.
    assert CANARY.encode() not in _redis_values()
