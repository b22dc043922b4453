"""What the workbench steps feed the model: retrieved knowledge in the Match prompt, OCR'd screenshots."""

from __future__ import annotations

import io
import json
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from core.workbench import services, views
from db.models import KnowledgeChunk, Service
from db.session import unit_of_work
from testkit.workbench import JD_TEXT, add_assets, responder, schema_title, wait_step


@pytest.fixture(scope="module")
def knowledge(stack: dict[str, str]) -> Iterator[None]:
    from knowledge.ingest import DEFAULT_FOLDER, ingest

    ingest(DEFAULT_FOLDER, progress=False)
    yield


def test_the_match_prompt_contains_the_passages_recorded_on_its_job(knowledge, fake, make_user, consumers) -> None:
    fake.responder = responder
    user = make_user(coins=10)
    add_assets(user)
    consumers.start("paid", "paid", workers=2)
    service_id = services.create_service(user, idempotency_key="rag", jd_text=JD_TEXT).data["service_id"]
    match = wait_step(service_id, "match", timeout=120)
    assert match.state == "succeeded", match.error_detail
    assert match.retrieved, "the match job records the passages it was given"
    ids = [int(r["id"]) for r in match.retrieved]
    with unit_of_work() as session:
        chunks = list(session.scalars(select(KnowledgeChunk).where(KnowledgeChunk.id.in_(ids))))
    assert {c.category for c in chunks} == {"matching"}
    prompts = [r for r in fake.requests if schema_title(r) == "MatchReply"]
    assert len(prompts) == 1
    user_prompt = prompts[0]["messages"][-1]["content"]
    for chunk in chunks:
        assert chunk.content.strip()[:200] in user_prompt
    view = views.get_service_view(user, uuid.UUID(service_id))
    assert view.steps["match"].retrieved == match.retrieved  # "why this advice" on the page


def _screenshot(lines: list[str]) -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 30)
    image = Image.new("RGB", (1100, 60 + 52 * len(lines)), "white")
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        draw.text((30, 30 + 52 * i), line, fill="black", font=font)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def test_a_screenshot_is_read_then_extracted_with_visible_progress(fake, make_user, consumers) -> None:
    fake.responder = responder
    user = make_user(coins=10)
    add_assets(user)
    consumers.start("paid", "paid", workers=2)
    png = _screenshot(
        ["Globex is hiring a Backend Engineer", "Requirements: Python, Kafka, Rust", "高级后端工程师 远程办公"]
    )
    created = services.create_service(user, idempotency_key="shot", jd_image=png)
    with unit_of_work() as session:  # read when the service is created (issue 20, finding 8), kept with it
        service = session.get(Service, uuid.UUID(created.data["service_id"]))
        assert service is not None and service.jd_text is not None
        assert "Backend Engineer" in service.jd_text and "后端工程师" in service.jd_text
    job = wait_step(created.data["service_id"], "extract", timeout=120)
    assert job.state == "succeeded", job.error_detail
    statuses = [e.data for e in views.job_events(user, job.id) if e.kind == "status"]
    assert statuses == ["status.extracting_job"]  # the job does not read the image again
    extraction = next(r for r in fake.requests if schema_title(r) == "JobSummary")
    assert "Requirements: Python, Kafka, Rust" in json.dumps(extraction["messages"], ensure_ascii=False)
    assert wait_step(created.data["service_id"], "match").state == "succeeded"


def test_a_screenshot_is_matched_and_tailored_from_one_click(fake, make_user, consumers) -> None:
    """A screenshot is read in the click, so nothing waits for the extraction: Match, Customize and the extraction
    are queued together, as for a pasted JD, each priced step carries its own debit, and both finish. (Match waited
    for the whole extraction, and "Match and tailor" was refused for a screenshot.)"""
    from core import ledger
    from db.models import Job, LedgerEntry

    fake.responder = responder
    user = make_user(coins=10)
    add_assets(user)
    png = _screenshot(["Globex is hiring a Backend Engineer", "Requirements: Python, Kafka, Rust"])
    created = services.create_service(user, idempotency_key="shot", jd_image=png, tailor=True).data
    with unit_of_work() as session:
        queued = {job.kind: job for job in session.scalars(select(Job).where(Job.user_id == user))}
        assert set(queued) == {"extract", "match", "customize"}
        assert all(job.state == "queued" and job.enqueued_at is not None for job in queued.values())
        debits = session.scalars(select(LedgerEntry).where(LedgerEntry.user_id == user, LedgerEntry.kind == "debit"))
        assert {str(entry.job_id) for entry in debits} == {created["match_job_id"], created["customize_job_id"]}
        assert ledger.balance(session, user) == 10 - created["price"]
    consumers.start("paid", "paid", workers=3)
    for kind in ("match", "customize", "extract"):
        job = wait_step(created["service_id"], kind, timeout=120)
        assert job.state == "succeeded", (kind, job.error_detail)


def test_an_unreadable_screenshot_is_refused_before_any_charge(fake, make_user) -> None:
    from core import ledger
    from core.workbench.jd_image import UNREADABLE, ImageRefused

    user = make_user(coins=10)
    add_assets(user)
    with pytest.raises(ImageRefused) as refused:
        services.create_service(user, idempotency_key="blank", jd_image=_screenshot([]))
    assert (refused.value.key, refused.value.read_text) == (UNREADABLE, "")
    assert fake.requests == [] and views.list_services(user) == []
    with unit_of_work() as session:
        assert ledger.balance(session, user) == 10


def test_an_image_that_is_no_job_description_is_refused_with_the_text_it_holds(fake, make_user) -> None:
    from core import ledger
    from core.workbench.jd_image import NOT_A_JD, ImageRefused

    user = make_user(coins=10)
    add_assets(user)
    cat = _screenshot(["My cat Tom asleep on the sofa", "Sunday afternoon, 2024"])
    with pytest.raises(ImageRefused) as refused:
        services.create_service(user, idempotency_key="cat", jd_image=cat)
    assert refused.value.key == NOT_A_JD
    assert "cat Tom" in refused.value.read_text and "cat" not in str(refused.value) + str(refused.value.params)
    assert fake.requests == [] and views.list_services(user) == []
    with unit_of_work() as session:
        assert ledger.balance(session, user) == 10
