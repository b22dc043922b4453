"""The posting's preview under the JD box (core.workbench.preview): what it shows before anything is bought, and
the read the click hands to Match. Real Postgres and Redis; Match runs in process against the fake upstream.

What must hold: the preview is computed from the documents a service would read now; Match starts from the
preview's read only while it was computed from the very documents the service reads (a resume re-uploaded
between the paste and the click is matched as uploaded); nothing is charged or written by a preview.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from sqlalchemy import func, select, update

from core.workbench import jobs as workbench_jobs
from core.workbench import preview, services, views
from core.worker import execute
from db.models import Asset, Job, LedgerEntry, Service
from db.session import unit_of_work
from testkit.latency import add_text_assets, jd_with
from testkit.workbench import RESUME, add_assets, responder

POSTING = jd_with("", full=True)  # a whole posting, as users paste it
RESUME_WITH_RUST = """Jane Doe
jane@example.com
Backend engineer

Experience
Senior Backend Engineer, Acme Corp, 2019-03 - present
- Cut p99 latency of the payments API by 30% with Python, Rust and PostgreSQL in production.

Skills
Python, Rust, PostgreSQL
"""


def _statuses(coverage: Any) -> dict[str, str]:
    return {item.keyword: item.status for item in coverage.must_have}


@pytest.fixture
def coverage_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts Match's own coverage computations (the preview's are not counted: another module's name)."""
    calls: list[int] = []
    original = workbench_jobs.compute_coverage

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(workbench_jobs, "compute_coverage", counted)
    return calls


def _entries(user: uuid.UUID) -> int:
    with unit_of_work() as session:
        count = session.scalar(select(func.count()).select_from(LedgerEntry).where(LedgerEntry.user_id == user))
    return int(count or 0)


def _match_coverage(user: uuid.UUID, service_id: str) -> dict[str, str]:
    view = views.get_service_view(user, uuid.UUID(service_id))
    assert view.match is not None
    return {item["keyword"]: item["status"] for item in view.match["coverage"]["must_have"]}


def test_the_preview_reads_the_posting_and_where_the_documents_show_each_keyword(make_user) -> None:
    user = make_user(coins=5)
    add_text_assets(user)
    entries = _entries(user)
    shown = preview.preview_posting(user, POSTING)
    assert shown is not None and shown.looks_like_jd
    assert shown.coverage is not None
    assert {"Python": "resume", "Apache Kafka": "detailed", "Rust": "missing"}.items() <= _statuses(
        shown.coverage
    ).items()
    with unit_of_work() as session:  # a preview writes nothing and charges nothing
        assert session.scalar(select(func.count()).select_from(Service).where(Service.user_id == user)) == 0
    assert _entries(user) == entries


def test_no_preview_for_a_text_the_click_would_refuse(make_user) -> None:
    user = make_user(coins=5)
    add_text_assets(user)
    assert preview.preview_posting(user, "Python dev") is None  # too short to be a posting
    assert preview.preview_posting(user, "x" * (services.MAX_JD_CHARS + 1)) is None
    longer = (POSTING + "\n") * (preview.PREVIEW_MAX_CHARS // len(POSTING) + 1)
    assert len(longer) <= services.MAX_JD_CHARS
    long = preview.preview_posting(user, longer)  # the click takes it; Match reads it, not the page
    assert long is not None and long.too_long and long.coverage is None
    assert preview.prepared_for(user, longer.strip()) is None


def test_without_a_ready_resume_the_posting_is_read_and_coverage_waits(make_user) -> None:
    user = make_user(coins=5)
    shown = preview.preview_posting(user, POSTING)
    assert shown is not None and shown.coverage is None
    assert shown.looks_like_jd and shown.company == "Globex"


def test_a_click_after_the_preview_matches_from_its_read_with_the_same_result(
    fake, make_user, coverage_calls: list[int]
) -> None:
    fake.responder = responder
    user = make_user(coins=10)
    add_text_assets(user)
    pasted = f"\x00{POSTING}\n"  # the click cleans what was pasted as the preview does
    shown = preview.preview_posting(user, pasted)
    assert shown is not None and shown.coverage is not None
    created = services.create_service(user, idempotency_key="p1", jd_text=pasted).data
    with unit_of_work() as session:
        service = session.get(Service, uuid.UUID(created["service_id"]))
        assert service is not None and service.jd_model_enc is not None  # stored by the click, before any job
    execute(created["match_job_id"])
    assert coverage_calls == []  # Match started from the preview's coverage
    assert _match_coverage(user, created["service_id"]) == _statuses(shown.coverage)


def test_a_click_without_a_preview_reads_the_posting_in_match(fake, make_user, coverage_calls: list[int]) -> None:
    fake.responder = responder
    user = make_user(coins=10)
    add_text_assets(user)
    created = services.create_service(user, idempotency_key="p2", jd_text=POSTING).data
    with unit_of_work() as session:
        service = session.get(Service, uuid.UUID(created["service_id"]))
        assert service is not None and service.jd_model_enc is None
    execute(created["match_job_id"])
    assert coverage_calls == [1]
    assert _match_coverage(user, created["service_id"])["Rust"] == "missing"


def test_a_resume_uploaded_between_the_paste_and_the_click_is_matched_as_uploaded(
    fake, make_user, coverage_calls: list[int]
) -> None:
    fake.responder = responder
    user = make_user(coins=10)
    add_text_assets(user)
    before = preview.preview_posting(user, POSTING)
    assert before is not None and before.coverage is not None and _statuses(before.coverage)["Rust"] == "missing"
    with unit_of_work() as session:  # a newer resume uploaded and read: the one a service reads from now on
        session.execute(update(Asset).where(Asset.user_id == user, Asset.kind == "resume").values(is_current=False))
    add_assets(user, resume=RESUME, detailed=None, resume_text=RESUME_WITH_RUST)
    created = services.create_service(user, idempotency_key="p3", jd_text=POSTING).data
    execute(created["match_job_id"])
    assert coverage_calls == [1]  # the preview's coverage was of the older resume: Match computed its own
    assert _match_coverage(user, created["service_id"])["Rust"] == "resume"
    again = preview.preview_posting(user, POSTING)  # and the page's preview follows the new resume too
    assert again is not None and again.coverage is not None and _statuses(again.coverage)["Rust"] == "resume"


def test_a_refused_click_after_a_preview_keeps_nothing_and_charges_nothing(make_user) -> None:
    user = make_user(coins=20)
    add_text_assets(user)
    for i in range(3):
        services.create_service(user, idempotency_key=f"cap{i}", jd_text=jd_with(f"C{i}"))
    assert preview.preview_posting(user, POSTING) is not None
    with unit_of_work() as session:
        jobs_before = session.scalar(select(func.count()).select_from(Job).where(Job.user_id == user))
    with pytest.raises(Exception, match="too_many_services"):
        services.create_service(user, idempotency_key="over", jd_text=POSTING)
    with unit_of_work() as session:
        assert session.scalar(select(func.count()).select_from(Job).where(Job.user_id == user)) == jobs_before
        assert session.scalar(select(func.count()).select_from(Service).where(Service.user_id == user)) == 3
