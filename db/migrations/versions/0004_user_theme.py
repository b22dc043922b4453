"""users.theme: the Light / Dark / System choice, remembered per user across browsers

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 21:05:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("users", sa.Column("theme", sa.String(length=8), nullable=True))
    op.create_check_constraint("ck_users_theme", "users", "theme is null or theme in ('system','light','dark')")


def downgrade() -> None:
    op.drop_constraint("ck_users_theme", "users", type_="check")
    op.drop_column("users", "theme")
