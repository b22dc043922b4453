"""Uploading assets end to end: real Postgres, Redis and Huey consumers; the fake upstream plays the LLM."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
from sqlalchemy import func, select, text, update

from core import ledger
from core.assets import service
from core.errors import InvalidInput, NotFound, UserError
from db.models import Asset, Job, LedgerEntry, User
from db.session import unit_of_work
from testkit import asset_pdfs as pdfs
from testkit.support import assert_reconciled, balance, wait_for


def _entries(user: uuid.UUID, kind: str) -> int:
    with unit_of_work() as s:
        return ledger.count_entries(s, user, kinds=(kind,))


def _asset(asset_id: str) -> Asset:
    with unit_of_work() as s:
        asset = s.get(Asset, uuid.UUID(asset_id))
        assert asset is not None
        return asset


def _settled(asset_id: str) -> Asset:
    def done() -> Asset | None:
        asset = _asset(asset_id)
        return asset if asset.status in ("ready", "failed") else None

    result = wait_for(done, 60)
    assert isinstance(result, Asset)
    return result


def _document_of(request: dict[str, Any]) -> str:
    return str(request["messages"][-1]["content"])


def _summary_reply(headline: str, skill: str = "Python") -> str:
    """A summary that quotes its document (an invented one would be rejected by the document check)."""
    return json.dumps({"headline": headline, "skills": [{"name": skill, "evidence": "Skills line"}]})


TEXT_HEADLINE, COLUMNS_HEADLINE = "Senior Data Engineer", "Lead Engineer"  # as the two fixture PDFs write them


def test_upload_returns_queued_then_the_consumer_makes_it_ready(fake, make_user, consumers) -> None:
    fake.responder = lambda req: (
        _summary_reply("Senior Data Engineer") if "Alice Example" in _document_of(req) else None
    )
    user = make_user(coins=5)
    assert service.quote_upload(user, "resume") == ledger.Quote(price=1, balance=5, queue="paid")
    assert not service.current_resume_ready(user)

    result = service.upload_asset(user, "resume", "C:\\Users\\me\\my resume.pdf", pdfs.text_pdf(), "k-up-1")

    [view] = service.list_assets(user)
    assert (str(view.id), view.status, view.is_current, view.page_count) == (result.data["asset_id"], "queued", True, 1)
    assert view.filename == "my resume.pdf"
    assert result.data["queue"] == "paid"
    assert balance(user) == 4

    consumers.start("paid", "paid", workers=2)
    asset = _settled(result.data["asset_id"])
    assert asset.status == "ready", asset.error_key
    summary = service.get_summary(user, asset.id)
    assert summary is not None and summary.headline == "Senior Data Engineer"
    assert service.current_resume_ready(user)
    current = service.current_summaries(user)
    assert current.resume.headline == "Senior Data Engineer"
    assert (current.resume_asset_id, current.detailed, current.detailed_asset_id) == (asset.id, None, None)

    [request] = fake.requests
    system = request["messages"][0]["content"]
    assert "Never invent" in system and "leave it empty" in system
    assert "Acme Analytics 2019-2024" in _document_of(request)
    assert balance(user) == 4 and _entries(user, "refund") == 0


def test_raw_columns_do_not_reveal_the_file_or_its_text(fake, make_user, consumers) -> None:
    user = make_user(coins=5)
    result = service.upload_asset(user, "resume", "resume.pdf", pdfs.text_pdf(), "k-raw")
    consumers.start("paid", "paid", workers=2)
    assert _settled(result.data["asset_id"]).status == "ready"

    with unit_of_work() as s:
        raw = s.execute(
            text("SELECT file_enc, text_enc FROM assets WHERE id = :id"), {"id": result.data["asset_id"]}
        ).one()
    file_enc, text_enc = bytes(raw[0]), bytes(raw[1])
    for needle in (b"%PDF", b"Alice Example", b"Acme Analytics", b"alice@example.com"):
        assert needle not in file_enc and needle not in text_enc
    text_now = service.get_text(user, uuid.UUID(result.data["asset_id"]))
    assert text_now is not None and "Alice Example" in text_now


def test_same_key_twice_charges_once_and_creates_one_asset(fake, make_user) -> None:
    user = make_user(coins=5)
    first = service.upload_asset(user, "resume", "a.pdf", pdfs.text_pdf(), "k-same")
    second = service.upload_asset(user, "resume", "a.pdf", pdfs.text_pdf(), "k-same")
    assert second.replayed and second.data == first.data
    assert balance(user) == 4 and _entries(user, "debit") == 1
    assert len(service.list_assets(user)) == 1
    with unit_of_work() as s:
        assert s.scalar(select(func.count()).select_from(Job).where(Job.user_id == user)) == 1


def test_reupload_replaces_the_current_asset_charges_again_and_keeps_the_old_one(fake, make_user, consumers) -> None:
    fake.responder = lambda req: (
        _summary_reply(TEXT_HEADLINE)
        if "Alice Example" in _document_of(req)
        else _summary_reply(COLUMNS_HEADLINE, "Rust")
    )
    user = make_user(coins=5)
    consumers.start("paid", "paid", workers=2)
    first = service.upload_asset(user, "resume", "v1.pdf", pdfs.text_pdf(), "k-v1")
    assert _settled(first.data["asset_id"]).status == "ready"
    assert service.current_summaries(user).resume.headline == TEXT_HEADLINE

    second = service.upload_asset(user, "resume", "v2.pdf", pdfs.two_column_pdf(), "k-v2")
    assert _settled(second.data["asset_id"]).status == "ready"

    assert balance(user) == 3 and _entries(user, "debit") == 2
    current = service.current_summaries(user)
    assert current.resume.headline == COLUMNS_HEADLINE
    assert str(current.resume_asset_id) == second.data["asset_id"]
    views = {str(v.id): v for v in service.list_assets(user)}
    assert views[first.data["asset_id"]].is_current is False
    assert views[second.data["asset_id"]].is_current is True
    old = service.get_summary(user, uuid.UUID(first.data["asset_id"]))
    assert old is not None and old.headline == TEXT_HEADLINE  # results built on the old version stay explainable


def test_scanned_pdf_is_read_with_ocr(fake, make_user, consumers) -> None:
    user = make_user(coins=5)
    result = service.upload_asset(user, "resume", "scan.pdf", pdfs.scanned_pdf(), "k-scan")
    consumers.start("paid", "paid", workers=2)
    asset = _settled(result.data["asset_id"])
    assert asset.status == "ready", asset.error_key
    assert "Carol Scanner" in _document_of(fake.requests[0])
    with unit_of_work() as s:
        job = s.get(Job, uuid.UUID(result.data["job_id"]))
        assert job is not None and job.params["ocr_pages"] == 1


def test_unreadable_scan_fails_and_refunds_exactly_once_and_retry_charges_again(fake, make_user, consumers) -> None:
    user = make_user(coins=5)
    result = service.upload_asset(user, "resume", "blank.pdf", pdfs.noise_pdf(), "k-noise")
    consumers.start("paid", "paid", workers=2)
    asset = _settled(result.data["asset_id"])
    assert (asset.status, asset.error_key) == ("failed", "assets.error.no_text")
    assert fake.requests == []  # nothing to summarise: the model is never asked to invent
    assert balance(user) == 5
    assert (_entries(user, "debit"), _entries(user, "refund")) == (1, 1)
    with unit_of_work() as s:
        job = s.get(Job, uuid.UUID(result.data["job_id"]))
        assert job is not None and (job.state, job.error_key) == ("failed", "assets.error.no_text")

    retried = service.retry_asset(user, asset.id, "k-noise-retry")
    assert retried.data["asset_id"] == str(asset.id) and retried.data["job_id"] != result.data["job_id"]
    assert _settled(str(asset.id)).error_key == "assets.error.no_text"
    wait_for(lambda: _entries(user, "refund") == 2, 30)
    assert balance(user) == 5 and _entries(user, "debit") == 2
    assert_reconciled()


def test_retry_is_only_for_failed_assets(fake, make_user) -> None:
    user = make_user(coins=5)
    result = service.upload_asset(user, "resume", "a.pdf", pdfs.text_pdf(), "k-r")
    with pytest.raises(UserError) as caught:
        service.retry_asset(user, uuid.UUID(result.data["asset_id"]), "k-r2")
    assert caught.value.key == "assets.error.not_failed"
    assert balance(user) == 4


def test_empty_wallet_runs_free_on_the_slow_queue(fake, make_user, consumers) -> None:
    user = make_user(coins=0)
    quote = service.quote_upload(user, "detailed_resume")
    assert quote.is_free and quote.price == 1
    result = service.upload_asset(user, "detailed_resume", "history.pdf", pdfs.text_pdf(), "k-free")
    assert result.data["queue"] == "free"
    consumers.start("free", "free", workers=1)
    assert _settled(result.data["asset_id"]).status == "ready"
    assert balance(user) == 0 and _entries(user, "debit") == 0
    with pytest.raises(UserError) as caught:  # a career history alone does not make services possible
        service.current_summaries(user)
    assert caught.value.key == "assets.error.resume_required"
    assert "detailed career history" in fake.requests[0]["messages"][0]["content"]


def test_prompt_is_in_the_users_language(fake, make_user, consumers) -> None:
    user = make_user(coins=5)
    with unit_of_work() as s:
        s.execute(update(User).where(User.id == user).values(lang="zh"))
    result = service.upload_asset(user, "resume", "zh.pdf", pdfs.chinese_pdf(), "k-zh")
    consumers.start("paid", "paid", workers=2)
    assert _settled(result.data["asset_id"]).status == "ready"
    system, document = fake.requests[0]["messages"][0]["content"], _document_of(fake.requests[0])
    assert "绝不编造" in system
    assert "字节跳动 2020年3月至今" in document


def test_detailed_history_is_returned_with_the_resume(fake, make_user, consumers) -> None:
    fake.responder = lambda req: (
        _summary_reply(COLUMNS_HEADLINE, "Rust")
        if "Bob Columns" in _document_of(req)
        else _summary_reply(TEXT_HEADLINE)
    )
    user = make_user(coins=5)
    consumers.start("paid", "paid", workers=2)
    resume = service.upload_asset(user, "resume", "r.pdf", pdfs.text_pdf(), "k-a")
    detailed = service.upload_asset(user, "detailed_resume", "d.pdf", pdfs.two_column_pdf(), "k-b")
    assert _settled(resume.data["asset_id"]).status == "ready"
    assert _settled(detailed.data["asset_id"]).status == "ready"
    current = service.current_summaries(user)
    assert current.resume.headline == TEXT_HEADLINE
    assert current.detailed is not None and current.detailed.headline == COLUMNS_HEADLINE
    assert str(current.detailed_asset_id) == detailed.data["asset_id"]


def test_other_users_assets_are_invisible(fake, make_user) -> None:
    owner, other = make_user(coins=5), make_user(coins=5)
    result = service.upload_asset(owner, "resume", "a.pdf", pdfs.text_pdf(), "k-own")
    asset_id = uuid.UUID(result.data["asset_id"])
    assert service.list_assets(other) == []
    for call in (service.get_summary, service.get_text, service.delete_asset):
        with pytest.raises(NotFound):
            call(other, asset_id)
    with pytest.raises(NotFound):
        service.retry_asset(other, asset_id, "k-other")
    assert _asset(str(asset_id)).status == "queued"


def test_delete_of_a_pending_asset_cancels_and_refunds_its_job(fake, make_user) -> None:
    user = make_user(coins=5)
    result = service.upload_asset(user, "resume", "a.pdf", pdfs.text_pdf(), "k-del")
    assert balance(user) == 4
    service.delete_asset(user, uuid.UUID(result.data["asset_id"]))
    assert service.list_assets(user) == []
    assert balance(user) == 5 and _entries(user, "refund") == 1
    with unit_of_work() as s:
        assert s.scalar(select(func.count()).select_from(Asset).where(Asset.user_id == user)) == 0
        assert ledger.reconcile(s) == []


@pytest.mark.parametrize(
    ("make", "key"),
    [
        (pdfs.not_a_pdf, "assets.error.not_pdf"),
        (pdfs.encrypted_pdf, "assets.error.encrypted"),
        (lambda: b"", "assets.error.empty"),
        (lambda: b"%PDF-1.7\n" + b"0" * (10 * 1024 * 1024), "assets.error.too_large"),
        (lambda: pdfs.text_pdf(pages=31), "assets.error.too_many_pages"),
        (pdfs.broken_pdf, "assets.error.broken"),
    ],
    ids=["renamed", "encrypted", "empty", "too-large", "too-many-pages", "broken"],
)
def test_invalid_upload_gets_a_clear_message_and_no_charge(fake, make_user, make, key) -> None:
    user = make_user(coins=5)
    with pytest.raises(InvalidInput) as caught:
        service.upload_asset(user, "resume", "resume.pdf", make(), "k-bad")
    assert caught.value.key == key
    assert balance(user) == 5
    with unit_of_work() as s:
        assert s.scalar(select(func.count()).select_from(LedgerEntry).where(LedgerEntry.kind == "debit")) == 0
        assert s.scalar(select(func.count()).select_from(Asset)) == 0
        assert s.scalar(select(func.count()).select_from(Job)) == 0
    # the key was not burnt: the corrected file goes through under the same form key
    assert service.upload_asset(user, "resume", "resume.pdf", pdfs.text_pdf(), "k-bad").replayed is False
