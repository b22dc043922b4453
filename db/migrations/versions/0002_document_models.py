"""document models: the code-computed reading of each resume, history and job description

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01 19:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("assets", sa.Column("model_enc", sa.LargeBinary(), nullable=True))
    op.add_column("assets", sa.Column("summary_source", sa.String(length=16), nullable=True))
    op.add_column("services", sa.Column("jd_model_enc", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    op.drop_column("services", "jd_model_enc")
    op.drop_column("assets", "summary_source")
    op.drop_column("assets", "model_enc")
