"""Assets with text, as an upload leaves them, for the workbench's latency tests and bench (issue 21).

The document model of every step is read from an asset's text, so a summary alone is not enough. A marker
(e.g. "BX0007") in the resume and the JD names every upstream request of one service, so the fake can time
each reply of a service (FakeUpstream.marker).
"""

from __future__ import annotations

import uuid

from testkit.workbench import DETAILED, JD_TEXT, RESUME, add_assets

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


def add_text_assets(user_id: uuid.UUID, marker: str = "") -> None:
    """A ready resume and career history holding text (and `marker` on a line of its own, when given)."""
    tail = f"\nReference {marker}\n" if marker else ""
    add_assets(user_id, RESUME, DETAILED, resume_text=RESUME_TEXT + tail, detailed_text=DETAILED_TEXT + tail)


def jd_with(marker: str) -> str:
    return f"{JD_TEXT}\nReference {marker}" if marker else JD_TEXT
