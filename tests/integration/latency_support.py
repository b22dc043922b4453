"""Assets with text, as an upload leaves them, for the workbench's latency tests and bench (issue 21).

The document model of every step is read from an asset's text, so a summary alone is not enough. A marker
(e.g. "BX0007") in the resume and the JD names every upstream request of one service, so the fake can time
each reply of a service (FakeUpstream.marker).
"""

from __future__ import annotations

import json
import uuid
from typing import cast

from core.assets import crypto
from core.facts.model import DocKind
from db.models import Asset
from db.session import unit_of_work
from tests.integration.workbench_support import DETAILED, JD_TEXT, RESUME

RESUME_TEXT = """Jane Doe
jane@example.com
Backend engineer

Experience
Senior Backend Engineer, Acme Corp, 2019-03 - present
- Cut p99 latency of the payments API by 30% with Python and PostgreSQL in production.

Skills
Python, PostgreSQL
"""
DETAILED_TEXT = """Jane Doe - career history

Projects
Events, Acme Corp, 2020-01 - 2021-06
- Built a streaming pipeline on Apache Kafka.
"""


def _model(text: str, kind: str) -> bytes:
    """The document model an upload stores beside the text (core/assets/jobs.py), so steps need not read it."""
    from core.facts.read import read_document

    doc = read_document(text, cast(DocKind, kind))
    return crypto.encrypt_text(json.dumps(doc.to_json(), ensure_ascii=False))


def add_text_assets(user_id: uuid.UUID, marker: str = "") -> None:
    """A ready resume and career history holding text (and `marker` on a line of its own, when given)."""
    tail = f"\nReference {marker}\n" if marker else ""
    with unit_of_work() as session:
        for kind, summary, body in (("resume", RESUME, RESUME_TEXT), ("detailed_resume", DETAILED, DETAILED_TEXT)):
            session.add(
                Asset(
                    user_id=user_id,
                    kind=kind,
                    filename=f"{kind}.pdf",
                    size_bytes=1000,
                    page_count=1,
                    summary_json=summary,
                    text_enc=crypto.encrypt_text(body + tail),
                    model_enc=_model(body + tail, kind),
                    status="ready",
                    is_current=True,
                )
            )


def jd_with(marker: str) -> str:
    return f"{JD_TEXT}\nReference {marker}" if marker else JD_TEXT
