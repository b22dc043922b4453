"""jobs.kind 'job' becomes 'extract': "job" now means only a row of the jobs table

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 23:40:00
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_OLD = "kind in ('resume','detailed_resume','job','match','customize','interview','probe')"
_NEW = "kind in ('resume','detailed_resume','extract','match','customize','interview','probe')"


def upgrade() -> None:
    op.drop_constraint("ck_jobs_kind", "jobs", type_="check")
    op.execute("UPDATE jobs SET kind = 'extract' WHERE kind = 'job'")
    op.create_check_constraint("ck_jobs_kind", "jobs", _NEW)


def downgrade() -> None:
    op.drop_constraint("ck_jobs_kind", "jobs", type_="check")
    op.execute("UPDATE jobs SET kind = 'job' WHERE kind = 'extract'")
    op.create_check_constraint("ck_jobs_kind", "jobs", _OLD)
