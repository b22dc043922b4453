"""assets.summary_source 'offline' for summaries the offline engine wrote; 'document' only for rejected ones

A summary the offline engine wrote was stored as 'document', the value that also marks a model's summary that
was rejected (and refunded), so the Profile page told offline users their AI summary had been refused and
their coin given back. A rejected summary's job failed; an offline one's succeeded.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 00:20:00
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "UPDATE assets a SET summary_source = 'offline' WHERE summary_source = 'document'"
        " AND EXISTS (SELECT 1 FROM jobs j WHERE j.asset_id = a.id AND j.state = 'succeeded')"
    )


def downgrade() -> None:
    op.execute("UPDATE assets SET summary_source = 'document' WHERE summary_source = 'offline'")
