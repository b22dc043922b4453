"""user content encrypted at rest; admin as a flag on the account; audits outlive accounts; deleted e-mails

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 20:00:00

Every column db.encrypted now types becomes bytea holding a Fernet token (the documents' key and rotation).
Existing rows are encrypted here, in Python, with the same serialisation the column types use, so rows written
before and after the upgrade read the same. Old plaintext may linger in dead tuples and WAL until VACUUM and
checkpoints recycle them: run `VACUUM FULL` on the listed tables after upgrading a database that held data.
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# table, column, kind (text|json|bytes), NOT NULL
_COLUMNS: tuple[tuple[str, str, str, bool], ...] = (
    ("assets", "filename", "text", True),
    ("assets", "summary_json", "json", False),
    ("services", "jd_text", "text", False),
    ("services", "jd_image", "bytes", False),
    ("services", "job_summary_json", "json", False),
    ("services", "title", "text", True),
    ("match_results", "result_json", "json", True),
    ("resume_versions", "markdown", "text", True),
    ("resume_versions", "sources_json", "json", False),
    ("resume_versions", "grounding_json", "json", False),
    ("interview_results", "result_json", "json", True),
)


def _serialise(kind: str, value: Any) -> bytes:
    if kind == "json":
        return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if kind == "text":
        return str(value).encode("utf-8")
    return bytes(value)


def _encrypt_column(table: str, column: str, kind: str, not_null: bool) -> None:
    from core.assets.crypto import encrypt_bytes

    bind = op.get_bind()
    if kind == "bytes":
        rows = bind.execute(sa.text(f"SELECT id, {column} FROM {table} WHERE {column} IS NOT NULL")).all()
        for row_id, value in rows:
            bind.execute(
                sa.text(f"UPDATE {table} SET {column} = :v WHERE id = :id"),
                {"v": encrypt_bytes(_serialise(kind, value)), "id": row_id},
            )
        return
    tmp = f"{column}__enc"
    op.add_column(table, sa.Column(tmp, sa.LargeBinary(), nullable=True))
    rows = bind.execute(sa.text(f"SELECT id, {column} FROM {table} WHERE {column} IS NOT NULL")).all()
    for row_id, value in rows:
        bind.execute(
            sa.text(f"UPDATE {table} SET {tmp} = :v WHERE id = :id"),
            {"v": encrypt_bytes(_serialise(kind, value)), "id": row_id},
        )
    op.drop_column(table, column)
    op.alter_column(table, tmp, new_column_name=column, nullable=not not_null)


def _decrypt_column(table: str, column: str, kind: str, not_null: bool) -> None:
    from core.assets.crypto import decrypt_bytes

    bind = op.get_bind()
    rows = bind.execute(sa.text(f"SELECT id, {column} FROM {table} WHERE {column} IS NOT NULL")).all()
    if kind == "bytes":
        for row_id, value in rows:
            bind.execute(
                sa.text(f"UPDATE {table} SET {column} = :v WHERE id = :id"),
                {"v": decrypt_bytes(bytes(value)), "id": row_id},
            )
        return
    tmp = f"{column}__plain"
    sql_type = "jsonb" if kind == "json" else "text"
    op.add_column(table, sa.Column(tmp, sa.Text() if kind == "text" else postgresql.JSONB(), nullable=True))
    for row_id, value in rows:
        bind.execute(
            sa.text(f"UPDATE {table} SET {tmp} = CAST(:v AS {sql_type}) WHERE id = :id"),
            {"v": decrypt_bytes(bytes(value)).decode("utf-8"), "id": row_id},
        )
    op.drop_column(table, column)
    op.alter_column(table, tmp, new_column_name=column, nullable=not not_null)


def upgrade() -> None:
    for table, column, kind, not_null in _COLUMNS:
        _encrypt_column(table, column, kind, not_null)
    op.add_column("users", sa.Column("is_admin", sa.Boolean(), server_default=sa.text("false"), nullable=False))
    op.drop_column("users", "failed_logins")  # sign-in throttling lives in Redis now (core.throttle)
    op.drop_column("users", "locked_until")
    op.add_column("admin_audit", sa.Column("action", sa.String(length=16), server_default="adjust", nullable=False))
    op.alter_column("admin_audit", "target_user_id", nullable=True)
    op.drop_constraint("admin_audit_target_user_id_fkey", "admin_audit", type_="foreignkey")
    op.create_foreign_key(
        "admin_audit_target_user_id_fkey", "admin_audit", "users", ["target_user_id"], ["id"], ondelete="SET NULL"
    )
    op.create_table(
        "deleted_emails",
        sa.Column("email_hash", sa.String(length=64), primary_key=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("deleted_emails")
    op.execute("DELETE FROM admin_audit WHERE target_user_id IS NULL OR action <> 'adjust'")
    op.drop_constraint("admin_audit_target_user_id_fkey", "admin_audit", type_="foreignkey")
    op.create_foreign_key(
        "admin_audit_target_user_id_fkey", "admin_audit", "users", ["target_user_id"], ["id"], ondelete="CASCADE"
    )
    op.alter_column("admin_audit", "target_user_id", nullable=False)
    op.drop_column("admin_audit", "action")
    op.drop_column("users", "is_admin")
    op.add_column("users", sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True))
    op.add_column("users", sa.Column("failed_logins", sa.Integer(), server_default="0", nullable=False))
    for table, column, kind, not_null in reversed(_COLUMNS):
        _decrypt_column(table, column, kind, not_null)
