"""Realistic replies of the fake upstream for browser journeys: one candidate, one job, every step.

`responder` recognises the task from the reply schema's title (in `response_format`, else in the system
prompt, where the schema is written out) and answers with structured JSON that a real model could have
written for these documents, so the pages show believable content. The candidate's facts are the ones
printed in `RESUME_LINES` (the resume PDF a journey uploads), and the tailored resume uses only those facts,
so the grounding check passes it.
"""

from __future__ import annotations

import json
import re
from typing import Any

from testkit.asset_pdfs import ENGLISH_LINES

RESUME_LINES = ENGLISH_LINES  # the same candidate as the asset tests' English resume

JD_LINES = [
    "Northwind Data is hiring",
    "Data Platform Engineer (Senior)",
    "Location: Berlin, hybrid",
    "You will own our batch and streaming pipelines.",
    "Must have: Python, Kafka, Airflow, PostgreSQL",
    "Nice to have: dbt, Kubernetes",
    "Mentor engineers and keep cloud costs down.",
]

RESUME_SUMMARY: dict[str, Any] = {
    "contact": {"name": "Alice Example", "email": "alice@example.com", "phone": "+1 555 0100", "location": "Berlin"},
    "headline": "Senior Data Engineer",
    "skills": [
        {"name": "Python", "evidence": "Skills line"},
        {"name": "PostgreSQL", "evidence": "Skills line"},
        {"name": "Kafka", "evidence": "Skills line"},
        {"name": "Airflow", "evidence": "Skills line"},
    ],
    "roles": [
        {
            "employer": "Acme Analytics",
            "title": "Senior Data Engineer",
            "start": "2019",
            "end": "2024",
            "location": "",
            "achievements": [
                "Built a streaming pipeline processing 2 million events per day",
                "Reduced cloud costs by 35 percent by moving batch jobs to spot instances",
            ],
        }
    ],
    "education": [{"school": "TU Munich", "degree": "MSc", "field": "Computer Science", "end": "2017"}],
    "projects": [],
    "languages": [],
    "certifications": [],
}

JOB_SUMMARY: dict[str, Any] = {
    "company": "Northwind Data",
    "title": "Data Platform Engineer",
    "location": "Berlin, hybrid",
    "seniority": "senior",
    "must_have": ["Python", "Kafka", "Airflow", "PostgreSQL"],
    "nice_to_have": ["dbt", "Kubernetes"],
    "responsibilities": [
        "Own the batch and streaming pipelines",
        "Mentor engineers",
        "Keep cloud costs down",
    ],
    "language": "en",
}

MATCH: dict[str, Any] = {
    "overall_score": 81,
    "breakdown": {"hard_skills": 86, "experience": 84, "education": 80, "role_fit": 78, "soft_skills": 70},
    "strengths": [
        "Five years running streaming pipelines at Acme Analytics (2 million events per day)",
        "Every must-have keyword (Python, Kafka, Airflow, PostgreSQL) is in the resume",
        "Cost work (35 percent lower cloud costs) answers 'keep cloud costs down'",
    ],
    "gaps": [
        {"gap": "No dbt shown", "action": "Model one Airflow pipeline's transformations in dbt and mention it."},
        {"gap": "No Kubernetes shown", "action": "Say where your batch jobs ran and what you would move to it."},
    ],
    "conclusion": "A strong fit: apply now and lead with the streaming pipeline and the cost savings.",
    "self_pitch": (
        "Hello! I run streaming pipelines in Python, Kafka and Airflow at Acme Analytics (2 million events a day)"
        " and cut our cloud costs by 35 percent. I would love to talk about the Data Platform Engineer role."
    ),
}

TAILORED_MARKDOWN = """# Alice Example

alice@example.com · +1 555 0100 · Berlin

## Senior Data Engineer

Data engineer who builds streaming and batch pipelines with Python, Kafka and Airflow.

## Experience

### Senior Data Engineer — Acme Analytics (2019 – 2024)

- Built a streaming pipeline on Kafka processing 2 million events per day.
- Reduced cloud costs by 35 percent by moving batch jobs to spot instances.

## Skills

Python · Kafka · Airflow · PostgreSQL

## Education

MSc Computer Science, TU Munich, 2017
"""

CUSTOMIZE: dict[str, Any] = {
    "markdown": TAILORED_MARKDOWN,
    "sources": [
        {
            "bullet": "Built a streaming pipeline on Kafka processing 2 million events per day.",
            "asset": "resume",
            "section": "Acme Analytics · Senior Data Engineer",
            "fact": "built a streaming pipeline processing 2 million events per day",
        },
        {
            "bullet": "Reduced cloud costs by 35 percent by moving batch jobs to spot instances.",
            "asset": "resume",
            "section": "Acme Analytics · Senior Data Engineer",
            "fact": "Reduced cloud costs by 35 percent by moving batch jobs to spot instances",
        },
    ],
}

INTERVIEW: dict[str, Any] = {
    "self_intro_1min": (
        "I am Alice, a senior data engineer. At Acme Analytics I built a Kafka streaming pipeline that handles"
        " 2 million events a day and cut cloud costs by 35 percent."
    ),
    "self_intro_3min": (
        "I studied computer science at TU Munich and have spent five years at Acme Analytics building data"
        " pipelines in Python, Kafka and Airflow, from the first event to the warehouse in PostgreSQL."
    ),
    "likely_questions": [
        {
            "question": "How do you keep a Kafka pipeline reliable under load?",
            "outline": ["Partitioning and consumer groups", "Idempotent writes", "Alerting on lag"],
        },
        {
            "question": "Tell us about a time you reduced costs.",
            "outline": ["Batch jobs moved to spot instances", "Retries for pre-emption", "35 percent saved"],
        },
    ],
    "star_stories": [
        {
            "gap": "No dbt shown",
            "situation": "Airflow tasks held SQL transformations that were hard to test.",
            "task": "Make the transformations reviewable.",
            "action": "Moved them into versioned SQL models with tests.",
            "result": "Fewer broken dashboards after releases.",
        }
    ],
    "questions_to_ask": ["What does the pipeline's on-call look like?", "Where is dbt used today?"],
}

REPLIES: dict[str, dict[str, Any]] = {
    "ResumeSummary": RESUME_SUMMARY,
    "JobSummary": JOB_SUMMARY,
    "MatchReply": MATCH,
    "CustomizeReply": CUSTOMIZE,
    "InterviewReply": INTERVIEW,
}
_TITLE_IN_PROMPT = re.compile(r'"title":\s*"(' + "|".join(REPLIES) + r')"')


def task_of(request: dict[str, Any]) -> str:
    """The reply schema's title: from response_format, else from the schema written into the system prompt."""
    fmt = request.get("response_format") or {}
    schema = fmt.get("schema") or (fmt.get("json_schema") or {}).get("schema") or {}
    if schema.get("title"):
        return str(schema["title"])
    for message in request.get("messages", []):
        if message.get("role") == "system":
            found = _TITLE_IN_PROMPT.search(str(message.get("content", "")))
            if found:
                return found.group(1)
    return ""


def responder(request: dict[str, Any]) -> str | None:
    """The fake upstream's responder: realistic JSON per task, None (synthesised) for anything else."""
    reply = REPLIES.get(task_of(request))
    return json.dumps(reply, ensure_ascii=False) if reply is not None else None


_DOCUMENT = re.compile(r"<document>\n?(.*?)\n?</document>", re.DOTALL)
_CAPITALISED = re.compile(r"\b[A-Z][A-Za-z+#.]{1,30}\b|[\u4e00-\u9fff]{2,6}")


def grounded_summary(request: dict[str, Any]) -> str | None:
    """A ResumeSummary that quotes only the document in the prompt (headline: its first line; skills: a few of
    its capitalised words), as a careful model would write for a document it knows nothing else about."""
    if task_of(request) != "ResumeSummary":
        return None
    user = next((str(m.get("content", "")) for m in request.get("messages", []) if m.get("role") == "user"), "")
    found = _DOCUMENT.search(user)
    text = found.group(1) if found else ""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return None
    words = list(dict.fromkeys(_CAPITALISED.findall("\n".join(lines[1:]))))[:3]
    return json.dumps({"headline": lines[0], "skills": [{"name": w} for w in words]}, ensure_ascii=False)
