"""Token in Redis -> token on screen, measured in a real browser (issue 20, finding 3).

A service is put in the state "Match queued" with no consumer, so the test or the bench writes the Match job's
Redis stream itself: a timestamp is taken just before each XADD, and a MutationObserver in the page records
(Date.now(), the same machine's clock) when the token's unique marker first appears in the document. Shared by
tests/e2e/test_workbench_live.py and `python -m bench.workbench`.
"""

from __future__ import annotations

import json
import random
import time
import uuid
from typing import Any

from core.accounts import credentials
from core.config import get_settings

OPENING = {"overall_score": 81, "breakdown": {"hard_skills": 86, "experience": 84, "education": 80}}
_OBSERVER = """() => {
  window.__want = new Set(); window.__seen = {};
  new MutationObserver(() => {
    if (!window.__want.size) return;
    const text = document.body.textContent;
    for (const m of [...window.__want])
      if (text.includes(m)) { window.__seen[m] = Date.now(); window.__want.delete(m); }
  }).observe(document.body, {subtree: true, childList: true, characterData: true});
}"""


def signed_in_user(email: str, password: str = "correct horse battery") -> tuple[uuid.UUID, str]:
    """A new user with a ready resume: (user id, session cookie value)."""
    from testkit.workbench import add_assets

    signed = credentials.sign_up(email, password, name="Stream", lang="en")
    add_assets(signed.account.id)
    return signed.account.id, signed.token


def add_cookie(context: Any, base: str, token: str) -> None:
    context.add_cookies([{"name": get_settings().cookie_name, "value": token, "url": base}])


def service_waiting_for_match(user_id: uuid.UUID, key: str = "probe") -> tuple[uuid.UUID, uuid.UUID]:
    """(service id, Match job id) of a new service whose job is read and whose Match is queued, unrun."""
    from sqlalchemy import select

    from core import jobs
    from core.workbench import services
    from db.models import Job, Service
    from db.session import unit_of_work
    from testkit.fakes import replies
    from testkit.workbench import JD_TEXT

    service_id = uuid.UUID(services.create_service(user_id, idempotency_key=key, jd_text=JD_TEXT).data["service_id"])
    with unit_of_work() as session:
        service = session.get(Service, service_id)
        assert service is not None
        service.job_summary_json = replies.JOB_SUMMARY
        service.title = "Northwind Data · Data Platform Engineer"
        for job in session.scalars(select(Job).where(Job.service_id == service_id, Job.kind == "extract")):
            job.state = "succeeded"
        match = session.scalar(select(Job.id).where(Job.service_id == service_id, Job.kind == "match"))
        if match is None:
            new = jobs.NewJob(user_id=user_id, kind="match", price=0, memo="match", service_id=service_id)
            match = jobs.create_job(session, new).id
    return service_id, match


def install_observer(page: Any) -> None:
    page.evaluate(_OBSERVER)


def open_stream(job_id: uuid.UUID, coverage: dict[str, Any] | None = None) -> Any:
    """The Match job's writer (every delta sent at once), after the coverage part and the reply's opening."""
    from core.streams import StreamWriter

    writer = StreamWriter(str(job_id), flush_interval_s=0)
    if coverage is not None:
        writer.part("coverage", json.dumps(coverage))
    writer.delta(json.dumps(OPENING)[:-1] + ', "strengths": ["Streamed:')
    return writer


def token_latencies(page: Any, writer: Any, count: int, timeout_s: float = 5.0) -> list[float]:
    """Send `count` tokens one at a time (random pauses between them); ms from XADD to the page showing each."""
    latencies: list[float] = []
    for i in range(count):
        marker = f"qz{uuid.uuid4().hex[:6]}x{i}"
        page.evaluate("m => window.__want.add(m)", marker)
        sent_ms = time.time() * 1000
        writer.delta(f" {marker}")
        try:
            seen = page.wait_for_function("m => window.__seen[m]", arg=marker, timeout=timeout_s * 1000).json_value()
        except Exception:  # Playwright's TimeoutError: counted as the timeout itself
            seen = None
        latencies.append(float(seen) - sent_ms if seen is not None else timeout_s * 1000)
        time.sleep(random.uniform(0.05, 0.3))
    return latencies


def browser_figures(count: int = 40) -> dict[str, float]:
    """Own stack, web process and Chromium; p50/p95 of token in Redis -> token on screen over `count` tokens."""
    import os
    import statistics

    from playwright.sync_api import sync_playwright

    from bench.harness import BenchStack, percentile
    from testkit.browser import CHROMIUM, CHROMIUM_ARGS, web_process

    with BenchStack(prefix="bench-stream-") as bench:
        env = {**os.environ, **bench.stack.env, "PYTHONPATH": str(os.getcwd())}
        with web_process(env, name="bench-stream-web") as base, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            user_id, token = signed_in_user(f"stream-{uuid.uuid4().hex[:8]}@example.com")
            service_id, match_id = service_waiting_for_match(user_id)
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            add_cookie(context, base, token)
            page = context.new_page()
            page.goto(f"{base}/Workbench?service={service_id}")
            page.get_by_text("Northwind Data").first.wait_for(timeout=60_000)
            page.wait_for_timeout(1500)
            install_observer(page)
            writer = open_stream(match_id)
            page.get_by_text("81 / 100").wait_for(timeout=10_000)
            latencies = token_latencies(page, writer, count)
            browser.close()
    return {
        "tokens": float(count),
        "p50": statistics.median(latencies),
        "p95": percentile(latencies, 95),
        "max": max(latencies),
    }
