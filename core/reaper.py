"""The periodic safety net: no job stays queued or running forever, and no refund is lost.

- A running job whose lease expired lost its worker (SIGKILL, OOM, a machine gone): re-enqueue it while it
  has attempts left, otherwise fail it and refund.
- A queued job whose Redis message vanished (Redis restarted without persistence, or was down when the use
  case enqueued) is re-sent; its marker key tells a lost message from one still waiting in line.
- Expired idempotency keys are deleted.
Rows are taken with SKIP LOCKED, so several reapers (one per maintenance consumer) never collide.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import redis
from sqlalchemy import text

from core import dispatch, idempotency
from core.config import get_settings
from core.logging import log_event
from core.worker import fail_from_reaper
from db.session import unit_of_work

_log = logging.getLogger("core.reaper")


@dataclass
class ReapReport:
    requeued_expired: int = 0
    failed_expired: int = 0
    resent_lost: int = 0
    failed_lost: int = 0
    keys_cleaned: int = 0


def reap(batch: int = 200) -> ReapReport:
    report = ReapReport()
    resend: list[tuple[str, str]] = []
    with unit_of_work() as session:
        rows = session.execute(
            text(
                "SELECT id, queue, attempts, max_attempts FROM jobs WHERE state = 'running'"
                " AND lease_until < now() ORDER BY lease_until LIMIT :n FOR UPDATE SKIP LOCKED"
            ),
            {"n": batch},
        ).all()
        for job_id, queue, attempts, max_attempts in rows:
            if attempts < max_attempts:
                session.execute(
                    text(
                        "UPDATE jobs SET state = 'queued', lease_until = NULL, lease_token = NULL,"
                        " enqueued_at = now(), not_before = NULL, error_detail = 'lease expired' WHERE id = :id"
                    ),
                    {"id": job_id},
                )
                resend.append((str(job_id), queue))
                report.requeued_expired += 1
            elif fail_from_reaper(session, job_id, "error.worker_lost", "lease expired", ("running",)):
                report.failed_expired += 1
    for job_id, queue in resend:
        dispatch.enqueue(job_id, queue)
    report.resent_lost, report.failed_lost = _resend_lost_messages(batch)
    with unit_of_work() as session:
        report.keys_cleaned = idempotency.cleanup_expired(session)
    if report.requeued_expired or report.failed_expired or report.resent_lost or report.failed_lost:
        log_event(
            _log,
            "reaped",
            count=report.requeued_expired + report.failed_expired + report.resent_lost + report.failed_lost,
            status=str(report),
        )
    return report


def _resend_lost_messages(batch: int) -> tuple[int, int]:
    """Re-send queued jobs whose message is gone, or which nobody has claimed for too long.

    A duplicate message is harmless (only one claim succeeds), so erring towards re-sending is safe.
    """
    settings = get_settings()
    resent = failed = 0
    with unit_of_work() as session:
        rows = session.execute(
            text(
                "SELECT id, queue, attempts, max_attempts, enqueued_at < now() - make_interval(secs => :stale)"
                " FROM jobs WHERE state = 'queued'"
                " AND enqueued_at < now() - make_interval(secs => :g)"
                " AND (not_before IS NULL OR not_before < now() - make_interval(secs => :g))"
                " ORDER BY enqueued_at LIMIT :n FOR UPDATE SKIP LOCKED"
            ),
            {"g": settings.lost_message_grace_s, "stale": settings.stale_queue_s, "n": batch},
        ).all()
        to_send: list[tuple[str, str]] = []
        for job_id, queue, attempts, max_attempts, stale in rows:
            try:
                pending = dispatch.message_pending(str(job_id))
            except redis.RedisError:
                return 0, 0  # Redis is down: nothing can be re-sent now
            if pending and not stale:
                continue
            if attempts >= max_attempts:
                if fail_from_reaper(session, job_id, "error.worker_lost", "message lost", ("queued",)):
                    failed += 1
                continue
            session.execute(text("UPDATE jobs SET enqueued_at = now() WHERE id = :id"), {"id": job_id})
            to_send.append((str(job_id), queue))
    for job_id, queue in to_send:
        if dispatch.enqueue(job_id, queue):
            resent += 1
    return resent, failed
