"""The offline engine in the product: the default with no key (free, streamed, deterministic), and the one-click
stand-in when a provider fails for good (refunded once, no second charge). Real Postgres, Redis and Huey
consumers; the only fake is the LLM upstream, scripted to fail every request.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from core import ledger, streams
from core.assets import service as assets
from core.workbench import fallback, quotes, services, views
from db.models import Job, LedgerEntry, ResumeVersion
from db.session import unit_of_work
from infra.consumers import Consumers
from testkit.facts.build import text_pdf
from testkit.support import balance, reset_caches, wait_for
from testkit.workbench import wait_step
from tests.conftest import ROOT

SOURCES = ROOT / "tests" / "data" / "facts" / "sources"
ATTEMPTS = 4  # settings.job_max_attempts


def _pdf(person: str, lang: str) -> bytes:
    return text_pdf((SOURCES / person / "resume.md").read_text(encoding="utf-8"), lang, "one")


def _jd(person: str) -> str:
    return (SOURCES / person / "jd1.txt").read_text(encoding="utf-8")


def _entries(user: uuid.UUID) -> list[tuple[str, int]]:
    with unit_of_work() as session:
        rows = session.scalars(select(LedgerEntry).where(LedgerEntry.user_id == user).order_by(LedgerEntry.id))
        return [(r.kind, r.amount) for r in rows]


def _upload_resume(user: uuid.UUID, person: str, lang: str) -> uuid.UUID:
    result = assets.upload_asset(user, "resume", "resume.pdf", _pdf(person, lang), f"up-{uuid.uuid4()}")
    asset_id = uuid.UUID(result.data["asset_id"])

    def ready() -> bool:
        view = next(v for v in assets.list_assets(user) if v.id == asset_id)
        assert view.status != "failed", view.error_key
        return view.status == "ready"

    wait_for(ready, 60)
    return asset_id


def _reconciled() -> None:
    with unit_of_work() as session:
        assert ledger.reconcile(session) == []


@pytest.fixture
def offline_consumers(stack: dict[str, str], db: None, tmp_path: Path) -> Iterator[Consumers]:
    """Consumers (and this process) with a registry that routes every task to the offline engine."""
    import os

    path = tmp_path / "offline-registry.json"
    path.write_text(
        json.dumps(
            {
                "models": {"offline": {"engine": "offline"}},
                "routes": {"paid": {"*": "offline"}, "free": {"*": "offline"}},
            }
        )
    )
    before = os.environ.get("MODEL_REGISTRY_FILE")
    os.environ["MODEL_REGISTRY_FILE"] = str(path)
    reset_caches()
    consumers = Consumers({**stack, "MODEL_REGISTRY_FILE": str(path)}, ROOT / ".pytest_cache" / "consumers")
    try:
        yield consumers
    finally:
        consumers.stop_all()
        if before is None:
            os.environ.pop("MODEL_REGISTRY_FILE", None)
        else:
            os.environ["MODEL_REGISTRY_FILE"] = before
        reset_caches()


def _run_service(user: uuid.UUID, jd: str) -> tuple[dict[str, Any], str, dict[str, Any]]:
    """Match, Customize and Interview of one service; returns (match, tailored markdown, interview)."""
    service_id = uuid.UUID(
        services.create_service(user, idempotency_key=f"s-{uuid.uuid4()}", jd_text=jd).data["service_id"]
    )
    match_job = wait_step(service_id, "match")
    assert match_job.state == "succeeded", match_job.error_detail
    services.start_customize(user, service_id, f"c-{uuid.uuid4()}")
    assert wait_step(service_id, "customize").state == "succeeded"
    services.start_interview(user, service_id, f"i-{uuid.uuid4()}")
    assert wait_step(service_id, "interview").state == "succeeded"
    view = views.get_service_view(user, service_id)
    with unit_of_work() as session:
        version = session.scalar(select(ResumeVersion).where(ResumeVersion.service_id == service_id))
        assert version is not None
        markdown = version.markdown
    assert view.match is not None and view.interview is not None
    assert {view.steps[k].engine for k in ("extract", "match", "customize", "interview")} == {"offline"}
    events = streams.read(str(match_job.id))
    assert sum(1 for e in events if e.kind == "delta") >= 2  # streamed in pieces, like the AI
    assert json.loads(streams.collect_text(events))["overall_score"] == view.match["overall_score"]
    return view.match, markdown, view.interview


def test_without_a_key_every_step_is_offline_free_and_deterministic(offline_consumers, make_user) -> None:
    user = make_user(coins=3)
    offline_consumers.start("paid", "paid", workers=2)
    offline_consumers.start("free", "free", workers=1)
    assert quotes.quote_service(user).price == 0
    asset_id = _upload_resume(user, "en01", "en")
    assert assets.summary_engine(user, asset_id) == "offline"
    reading = assets.get_reading(user, asset_id)
    assert reading is not None and reading.summary_source == "offline"  # written offline, not a rejected AI summary
    summary = assets.get_summary(user, asset_id)
    assert summary is not None and summary.contact.name == "Daniel Reyes"

    first = _run_service(user, _jd("en01"))
    second = _run_service(user, _jd("en01"))
    assert first[0]["engine"] == first[2]["engine"] == "offline"
    assert first[0]["overall_score"] == second[0]["overall_score"]
    assert first[1] == second[1]  # the same tailored resume, word for word
    assert "Stripe" in first[1] and "Twilio" in first[1]
    assert balance(user) == 3 and "debit" not in [k for k, _ in _entries(user)]
    with unit_of_work() as session:
        assert session.scalars(select(Job).where(Job.user_id == user, Job.debit_entry_id.is_not(None))).first() is None
    _reconciled()


def test_a_step_the_provider_fails_falls_back_offline_in_one_click_at_no_charge(fake, make_user, consumers) -> None:
    user = make_user(coins=10)
    consumers.start("paid", "paid", workers=2)
    _upload_resume(user, "en01", "en")  # the fake summarises it (a synthesised, valid summary)
    assert balance(user) == 9
    fake.fail_rate = 1.0  # from here on, every request to the provider fails

    service_id = uuid.UUID(services.create_service(user, idempotency_key="svc", jd_text=_jd("en01")).data["service_id"])
    for kind in ("extract", "match"):  # extraction (free) and Match (the service's debit) run side by side
        failed = wait_step(service_id, kind)
        assert (failed.state, failed.error_key) == ("failed", "error.upstream")
    assert balance(user) == 9  # the Match's debit refunded
    assert fallback.offline_offer(user, service_id, "match")
    assert not fallback.offline_offer(user, service_id, "extract")  # one button: the Match's runs both

    clicked = fallback.run_offline_step(user, service_id, "match", "offline-1")
    assert clicked.data["price"] == 0
    assert fallback.run_offline_step(user, service_id, "match", "offline-1").data == clicked.data  # a double click
    assert wait_step(service_id, "extract").state == "succeeded"
    match = wait_step(service_id, "match")
    assert match.state == "succeeded", match.error_detail
    view = views.get_service_view(user, service_id)
    assert view.match is not None and view.match["engine"] == "offline" and view.match["strengths"]
    assert not fallback.offline_offer(user, service_id, "extract")
    assert not fallback.offline_offer(user, service_id, "match")

    # A paid step the provider fails: charged, refunded once, then its offline result for free.
    requests_before = fake.total
    services.start_customize(user, service_id, "cust")
    assert balance(user) == 7
    assert wait_step(service_id, "customize").state == "failed"
    assert fake.total > requests_before
    assert balance(user) == 9
    fallback.run_offline_step(user, service_id, "customize", "offline-2")
    assert wait_step(service_id, "customize").state == "succeeded"
    assert views.get_service_view(user, service_id).steps["customize"].engine == "offline"
    assert balance(user) == 9

    kinds = [k for k, _ in _entries(user)]
    assert kinds.count("refund") == 2 and kinds.count("debit") == 3  # the upload, the service, Customize
    with unit_of_work() as session:
        refunds = list(
            session.scalars(select(LedgerEntry).where(LedgerEntry.user_id == user, LedgerEntry.kind == "refund"))
        )
        assert len({r.reverses_entry_id for r in refunds}) == 2  # each failed debit refunded exactly once
    _reconciled()


def test_health_probes_no_endpoint_for_the_offline_engine(offline_consumers) -> None:
    from core.health import health

    healthy, report = health()
    assert healthy, report
    assert report["llm"]["models"] == {"offline": {"ok": True, "model": "offline", "engine": "offline"}}
