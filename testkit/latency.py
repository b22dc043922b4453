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


# Documents of the lengths users upload (the ones above are a few lines, enough for a test of the path): a
# one-page resume, a career history and a JD with a dozen requirements. Every step reads them by code (the
# document models, coverage, the candidate's situation), so a bench of
# waits on toy documents would leave out CPU a real service spends. The model's replies in testkit.workbench
# stay grounded in them: every fact those replies state is here.
FULL_RESUME_TEXT = """Jane Doe
jane@example.com | +1 415 555 0134 | San Francisco, CA | github.com/janedoe
Backend engineer: payments, data-intensive services, reliability

SUMMARY
Backend engineer with ten years of building and running payment and data services in Python and
PostgreSQL. Led the latency and reliability work of a payments API serving 40 million requests a day.

EXPERIENCE
Acme Corp — Senior Backend Engineer    2019.03 – Present
- Cut p99 latency of the payments API by 30% with Python and PostgreSQL
- Led a team of 5 engineers through the migration of 12 services to a shared job queue
- Designed the idempotency layer that ended duplicate charges (0 in 18 months, from 40 a month)
- Ran the on-call rotation and incident reviews for the payments platform; MTTR from 90 to 35 minutes
- Mentored 4 engineers, two of them promoted to senior

Initech — Backend Engineer    2015.06 – 2019.02
- Built the billing service in Python and Django, invoicing 120,000 customers a month
- Moved reporting queries from the primary database to a replica, cutting its load by 45%
- Wrote the service's integration test suite (1,800 tests, run on every merge)
- Introduced structured logging and dashboards used by the whole engineering team

Globodyne — Software Engineer    2013.07 – 2015.05
- Maintained internal APIs for the order pipeline in Python and MySQL
- Automated the release process, from a half-day manual release to 20 minutes

EDUCATION
University of California, Davis — B.S. in Computer Science    2009 – 2013

SKILLS
Python, PostgreSQL, Django, MySQL, Redis, Docker, Linux, REST APIs, SQL, Git
Languages: English (native), Spanish (professional)
"""
FULL_DETAILED_TEXT = """Jane Doe — detailed career history

PROJECTS
Events — streaming pipeline, Acme Corp    2021.01 – 2021.12
- Built a streaming pipeline on Apache Kafka for payment events
- 2 million events a day into the ledger and the fraud checks, at-least-once with idempotent consumers
- Replaced a nightly batch export; fraud signals now arrive within 5 seconds instead of the next day

Ledger reconciliation, Acme Corp    2020.02 – 2020.09
- Wrote the daily reconciliation of the internal ledger against the bank files in Python
- Found and fixed 3 classes of rounding errors; mismatches fell from 200 a week to fewer than 5

Billing rewrite, Initech    2017.01 – 2018.06
- Split the monolith's billing module into a service with its own PostgreSQL database
- Zero-downtime cut-over over two weekends, with dual writes and a comparison job

TALKS AND WRITING
- "Idempotency keys in practice", PyBay 2022
- Internal guide to PostgreSQL query plans, read by 150 engineers
"""
FULL_JD_TEXT = """Senior Backend Engineer, Payments — Globex (Remote, US time zones)

About the role
Globex moves money for 30,000 small businesses. You will join the payments team that owns the APIs,
the ledger and the event pipeline behind every transfer.

Responsibilities
- Design, build and operate high-throughput payment APIs.
- Own the reliability of the ledger and payment services: SLOs, on-call, incident reviews.
- Build event-driven services on our streaming platform.
- Improve the performance and cost of our data stores.
- Mentor engineers and lead technical projects across teams.

Requirements
- 6+ years of backend software engineering experience.
- Python, Kafka and Rust required.
- Strong experience with PostgreSQL and data modelling.
- Experience with distributed systems and microservices.
- Experience deploying services with Docker on Kubernetes and AWS.
- Bachelor's degree in Computer Science or equivalent experience.

Nice to have
- Experience with payments, ledgers or financial systems.
- gRPC, Terraform, GraphQL.
- Knowledge of PCI DSS compliance.

Benefits
- Fully remote, home-office budget, 401(k) matching, 20 days of paid time off.
"""


def add_text_assets(user_id: uuid.UUID, marker: str = "", *, full: bool = False) -> None:
    """A ready resume and career history holding text (and `marker` on a line of its own, when given); with
    `full`, documents of the lengths users upload."""
    tail = f"\nReference {marker}\n" if marker else ""
    resume, detailed = (FULL_RESUME_TEXT, FULL_DETAILED_TEXT) if full else (RESUME_TEXT, DETAILED_TEXT)
    add_assets(user_id, RESUME, DETAILED, resume_text=resume + tail, detailed_text=detailed + tail)


def jd_with(marker: str, *, full: bool = False) -> str:
    jd = FULL_JD_TEXT if full else JD_TEXT
    return f"{jd}\nReference {marker}" if marker else jd
