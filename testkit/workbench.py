"""The workbench's shared test data and helpers: a resume, career history and JD, the model's replies to each
step, ready assets, a step's latest job, a two-page export; for the workbench tests and benches."""

from __future__ import annotations

import json
import uuid
from typing import Any

from sqlalchemy import select

from db.models import Asset, Job
from db.session import unit_of_work
from testkit.support import wait_for

RESUME: dict[str, Any] = {
    "contact": {"name": "Jane Doe", "email": "jane@example.com"},
    "headline": "Backend engineer",
    "skills": [{"name": "Python"}, {"name": "PostgreSQL"}],
    "roles": [
        {
            "employer": "Acme Corp",
            "title": "Senior Backend Engineer",
            "start": "2019-03",
            "end": "present",
            "achievements": ["Cut p99 latency of the payments API by 30%"],
        }
    ],
}
DETAILED: dict[str, Any] = {"projects": [{"name": "Events", "description": "Streaming pipeline on Apache Kafka"}]}
JOB: dict[str, Any] = {
    "company": "Globex",
    "title": "Backend Engineer",
    "location": "Remote",
    "seniority": "senior",
    "must_have": ["Python", "Kafka", "Rust"],
    "nice_to_have": ["PostgreSQL"],
    "responsibilities": ["Build payment APIs"],
    "language": "en",
}
MATCH: dict[str, Any] = {
    "overall_score": 72,
    "breakdown": {"hard_skills": 70, "experience": 80, "education": 60, "role_fit": 75, "soft_skills": 70},
    "strengths": ["Payments latency work at Acme Corp", "Python and PostgreSQL in production"],
    "gaps": [{"gap": "No Rust", "action": "Build a small Rust service and mention it"}],
    "conclusion": "Apply, leading with the payments work.",
    "self_pitch": "Hi, I cut payments latency by 30% at Acme Corp and would love to talk.",
}
TAILORED = (
    "# Jane Doe\n\n## Experience\n\n### Senior Backend Engineer — Acme Corp (2019-03 – present)\n"
    "- Cut p99 latency of the payments API by 30% with Python.\n- Built a streaming pipeline on Apache Kafka.\n"
)
INTERVIEW: dict[str, Any] = {
    "self_intro_1min": (
        "I am Jane Doe, a backend engineer at Acme Corp, where I cut p99 latency of the payments API by 30%."
    ),
    "self_intro_3min": "At Acme Corp I work on the payments API in Python and PostgreSQL.",
    "likely_questions": [{"question": "How did you cut the latency?", "outline": ["Profiled", "Cached", "Measured"]}],
    "star_stories": [{"gap": "No Rust", "situation": "A slow service", "action": "Profiled it", "result": "Faster"}],
    "questions_to_ask": ["What does the team own?"],
}
# The documents those summaries were made from: a ready asset holds its text and document model too.
RESUME_TEXT = """Jane Doe
jane@example.com
Backend engineer
EXPERIENCE
Acme Corp — Senior Backend Engineer    2019.03 – Present
- Cut p99 latency of the payments API by 30% with Python and PostgreSQL
SKILLS
Python, PostgreSQL
"""
DETAILED_TEXT = """Jane Doe — detailed career history
PROJECTS
Events — streaming pipeline, Acme Corp    2021.01 – 2021.12
- Built a streaming pipeline on Apache Kafka for payment events
"""
JD_TEXT = "Globex is hiring a senior Backend Engineer: Python, Kafka and Rust required; PostgreSQL a plus."


def schema_title(request: dict[str, Any]) -> str:
    fmt = request.get("response_format") or {}
    schema = fmt.get("schema") or (fmt.get("json_schema") or {}).get("schema") or {}
    return str(schema.get("title", ""))


def responder(request: dict[str, Any]) -> str | None:
    """Realistic replies per step (recognised by the reply schema); None lets the fake synthesise one."""
    title = schema_title(request)
    if title == "JobSummary":
        return json.dumps(JOB)
    if title == "MatchReply":
        return json.dumps(MATCH)
    if title == "CustomizeReply":
        return json.dumps(
            {
                "markdown": TAILORED,
                "sources": [
                    {"bullet": "Cut p99 latency", "asset": "resume", "section": "Acme Corp", "fact": "30%"},
                    {"bullet": "Built a streaming pipeline", "asset": "detailed_resume", "section": "Events"},
                ],
            }
        )
    if title == "InterviewReply":
        return json.dumps(INTERVIEW)
    return None


def add_assets(
    user_id: uuid.UUID,
    resume: dict[str, Any] | None = RESUME,
    detailed: dict[str, Any] | None = DETAILED,
    resume_text: str = RESUME_TEXT,
    detailed_text: str = DETAILED_TEXT,
) -> None:
    """Ready assets as the assets feature leaves them: text, document model and summary, all encrypted."""
    from core.assets import crypto
    from core.facts.read import read_document

    with unit_of_work() as session:
        for kind, summary, text in (("resume", resume, resume_text), ("detailed_resume", detailed, detailed_text)):
            if summary is not None:
                model = read_document(text, kind)
                session.add(
                    Asset(
                        user_id=user_id,
                        kind=kind,
                        filename=f"{kind}.pdf",
                        size_bytes=1000,
                        page_count=1,
                        text_enc=crypto.encrypt_text(text),
                        model_enc=crypto.encrypt_text(json.dumps(model.to_json(), ensure_ascii=False)),
                        summary_json=summary,
                        summary_source="model",
                        status="ready",
                        is_current=True,
                    )
                )


def latest_job(service_id: str | uuid.UUID, kind: str) -> Job | None:
    with unit_of_work() as session:
        return session.scalar(
            select(Job)
            .where(Job.service_id == uuid.UUID(str(service_id)), Job.kind == kind)
            .order_by(Job.created_at.desc())
            .limit(1)
        )


def wait_step(service_id: str | uuid.UUID, kind: str, timeout: float = 60) -> Job:
    """The step's latest job once it has finished (succeeded or failed)."""

    def finished() -> Job | None:
        job = latest_job(service_id, kind)
        return job if job is not None and job.state in ("succeeded", "failed", "cancelled") else None

    job = wait_for(finished, timeout)
    assert isinstance(job, Job)
    return job


def two_page_resume() -> str:
    """A Chinese and English tailored resume that exports to exactly two PDF pages."""
    roles = "\n".join(
        f"### 高级后端工程师 Senior Backend Engineer — 示例科技有限公司 Example Tech ({2010 + i} – {2011 + i})\n\n"
        f"- 负责支付系统重构，将 p99 延迟降低 {20 + i}%；cut p99 latency of the payments API by {20 + i}%.\n"
        f"- 使用 Python、PostgreSQL 与 Kubernetes 构建数据平台，服务 {i + 3} 个业务团队 (built with Python).\n"
        for i in range(15)
    )
    return f"# 张伟 Zhang Wei\n\nzhang.wei@example.com · +86 138 0000 0000\n\n## 工作经历 Experience\n\n{roles}"
