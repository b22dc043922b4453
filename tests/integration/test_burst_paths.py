"""The cheap paths a burst of clicks takes: jobs queued in one go, a pool opened before the first task, a step's
inputs read in one statement (also for rows stored before document models were kept)."""

from __future__ import annotations

import time
import uuid
from typing import Any

import pytest
import redis
from sqlalchemy import text

from core import dispatch
from core.assets import crypto
from core.workbench import services
from core.workbench.offline import load_step
from db.models import Asset, Service
from db.session import committed_reads, get_engine, open_connections, unit_of_work
from testkit.asset_pdfs import text_pdf
from testkit.workbench import JD_TEXT, add_assets


def test_jobs_queued_together_each_have_their_marker_and_their_message(db: None) -> None:
    from tasks import queues  # built from the settings of the running stack

    jobs = [(str(uuid.uuid4()), "paid"), (str(uuid.uuid4()), "free"), (str(uuid.uuid4()), "paid")]
    assert dispatch.enqueue_many(jobs) == [True, True, True]
    assert all(dispatch.message_pending(job_id) for job_id, _ in jobs)
    assert (queues.paid.pending_count(), queues.free.pending_count()) == (2, 1)


def test_a_message_redis_refuses_takes_its_marker_with_it_and_the_others_still_go(db: None) -> None:
    from tasks import queues  # built from the settings of the running stack

    refused = str(uuid.uuid4())

    def flaky(job_id: str, queue: str, delay_s: float) -> None:
        if job_id == refused:
            raise redis.ConnectionError("gone")
        queues.send(job_id, queue, delay_s)

    def refusing_message_of(job_id: str, queue: str) -> tuple[str, bytes]:
        if job_id == refused:
            raise redis.ConnectionError("gone")
        return queues.message_of(job_id, queue)

    jobs = [(str(uuid.uuid4()), "paid"), (refused, "paid"), (str(uuid.uuid4()), "paid")]
    dispatch.install(flaky, refusing_message_of)  # the pipeline fails, so each job goes on its own
    try:
        sent = dispatch.enqueue_many(jobs)
    finally:
        queues.wire()
    assert sent == [True, False, True]
    assert [dispatch.message_pending(job_id) for job_id, _ in jobs] == [True, False, True]
    assert queues.paid.pending_count() == 2  # the reaper resends the refused one from Postgres


def test_a_click_sends_its_markers_and_messages_to_redis_in_one_round_trip(
    make_user, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every round trip of a click is a wait for the web process's one interpreter when many users click."""
    from redis.connection import AbstractConnection

    from tasks import queues  # built from the settings of the running stack

    user = make_user(coins=10)
    add_assets(user)
    sends: list[int] = []
    original = AbstractConnection.send_packed_command

    def counted(self: AbstractConnection, command: object, check_health: bool = True) -> None:
        sends.append(1)
        original(self, command, check_health)  # type: ignore[arg-type]

    monkeypatch.setattr(AbstractConnection, "send_packed_command", counted)
    data = services.create_service(user, idempotency_key="k", jd_text=JD_TEXT, tailor=True).data
    monkeypatch.undo()
    assert len(sends) == 1
    assert all(dispatch.message_pending(data[key]) for key in ("job_id", "match_job_id", "customize_job_id"))
    assert queues.paid.pending_count() == 3


def test_a_click_that_starts_match_and_tailor_queues_all_three_steps(make_user) -> None:
    from tasks import queues  # built from the settings of the running stack

    user = make_user(coins=10)
    add_assets(user)
    data = services.create_service(user, idempotency_key="k", jd_text=JD_TEXT, tailor=True).data
    for key in ("job_id", "match_job_id", "customize_job_id"):
        assert dispatch.message_pending(data[key])
    assert queues.paid.pending_count() == 3


def _backends() -> int:
    with unit_of_work() as session:
        return int(
            session.execute(
                text("SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'")
            ).scalar_one()
        )


def test_open_connections_leaves_that_many_in_the_pool_up_to_its_cap(stack: dict[str, str]) -> None:
    from core.config import get_settings

    assert open_connections(4) >= 4
    cap = get_settings().db_pool_size
    assert open_connections(cap + 50) == cap
    engine = get_engine()
    assert engine.pool.checkedout() == 0  # type: ignore[attr-defined]


def test_a_step_reads_a_service_stored_before_document_models_were_kept(make_user) -> None:
    """Assets with only their file (no text, no model) and a service without its JD's model still load."""
    user = make_user(coins=10)
    pdf = text_pdf(["Ada Lovelace", "Senior Engineer at Initech, 2019-2024", "Skills: Python, Kafka"])
    with unit_of_work() as session:
        asset = Asset(
            user_id=user,
            kind="resume",
            filename="old.pdf",
            size_bytes=len(pdf),
            page_count=1,
            file_enc=crypto.encrypt_bytes(pdf),
            summary_json={"headline": "Engineer"},
            status="ready",
            is_current=True,
        )
        session.add(asset)
        session.flush()
        service = Service(user_id=user, resume_asset_id=asset.id, jd_source="text", jd_text=JD_TEXT)
        session.add(service)
        session.flush()
        service_id = service.id
    with committed_reads() as session:  # as the steps read it: the file too, fetched on the same session
        step = load_step(session, service_id, "zh")
    assert any("Initech" in line for line in step.docs.resume.lines)
    assert step.docs.detailed is None
    assert step.docs.job.must_have, "the JD read by code from its text"
    assert (step.docs.lang, step.job_summary) == ("zh", {})


def test_a_step_of_a_missing_service_is_not_found(db: None) -> None:
    from core.errors import NotFound

    with committed_reads() as session, pytest.raises(NotFound):
        load_step(session, uuid.uuid4())


def test_a_step_reads_its_inputs_one_statement_each_outside_any_transaction(make_user) -> None:
    """Each of a step's reads before its request is one round trip: no BEGIN, no COMMIT."""
    from sqlalchemy import event

    user = make_user(coins=10)
    add_assets(user)
    service_id = uuid.UUID(services.create_service(user, idempotency_key="k", jd_text=JD_TEXT).data["service_id"])
    engine = get_engine()
    autocommit: list[bool] = []

    def record(conn: Any, *args: Any) -> None:
        autocommit.append(bool(conn.connection.dbapi_connection.autocommit))

    event.listen(engine, "before_cursor_execute", record)
    try:
        with committed_reads() as session:
            step = load_step(session, service_id)
    finally:
        event.remove(engine, "before_cursor_execute", record)
    assert step.docs.resume.lines and step.docs.job.must_have
    assert autocommit == [True]


def _redis_clients() -> int:
    from core.redis_conn import get_redis

    return int(get_redis().info("clients")["connected_clients"])


def test_open_redis_connections_leaves_them_in_the_pool_and_new_ones_skip_the_metadata_lookup(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from core import redis_conn

    def looked_up() -> str:
        raise AssertionError("a new connection looked its library version up again")

    monkeypatch.setattr("redis.utils.get_lib_version", looked_up)
    assert redis_conn.open_connections(5) == 5
    pool: Any = redis_conn.get_redis().connection_pool
    pooled = list(pool._available_connections)
    assert len(pooled) >= 5 and not pool._in_use_connections
    # Each is connected already, and the server knows it as a client of its own. (The server's client count is
    # not compared: a consumer of an earlier test may still be closing its connections.)
    assert all(connection.is_connected for connection in pooled)
    ids = set()
    for connection in pooled:
        connection.send_command("CLIENT", "ID")
        ids.add(int(connection.read_response()))
    listed = {int(client["id"]) for client in redis_conn.get_redis().client_list()}
    assert len(ids) == len(pooled) and ids <= listed


def test_a_consumer_opens_a_connection_of_each_store_per_worker_before_its_first_task(db: None, consumers) -> None:
    from tasks import queues  # built from the settings of the running stack

    backends, clients = _backends(), _redis_clients()
    consumers.start("warm", "paid", workers=6)

    # Redis: one for Huey's blocking read (one worker thread at a time asks for a job: tasks.queues.JobQueue), and
    # seven of the product's own (one per worker and the stream flusher).
    def opened() -> bool:
        return _backends() >= backends + 6 and _redis_clients() >= clients + 8

    deadline = time.monotonic() + 60
    while not opened() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert opened()
    assert queues.paid.pending_count() == 0  # no task was needed to open them
