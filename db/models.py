"""SQLAlchemy 2 typed models: every table the architecture lists.

Constraints that protect money and ownership live in the database, not only in code: the wallet balance
can never go negative, a debit can be refunded at most once, a Stripe event or checkout session is
processed at most once, and every row of a user's data cascades away with the user.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, ClassVar

from pgvector.sqlalchemy import Vector
from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from db.encrypted import EncryptedBytes, EncryptedJSON, EncryptedText

EMBEDDING_DIM = 384


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSONB, list[Any]: JSONB}


def _uuid_pk() -> Mapped[uuid.UUID]:
    return mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid.uuid4)


def _created() -> Mapped[datetime]:
    return mapped_column(DateTime(timezone=True), server_default=func.now(), nullable=False)


def _user_fk() -> Mapped[uuid.UUID]:
    return mapped_column(UUID(as_uuid=True), ForeignKey("users.id", ondelete="CASCADE"), index=True)


class User(Base):
    __tablename__ = "users"
    id: Mapped[uuid.UUID] = _uuid_pk()
    email: Mapped[str] = mapped_column(String(320), unique=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str | None] = mapped_column(String(200))
    oidc_subject: Mapped[str | None] = mapped_column(String(300), unique=True)
    lang: Mapped[str] = mapped_column(String(5), default="en")
    theme: Mapped[str | None] = mapped_column(String(8))  # system|light|dark; None: not chosen yet
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("false"))
    created_at: Mapped[datetime] = _created()
    __table_args__ = (
        CheckConstraint("email = lower(email)", name="ck_users_email_lower"),
        CheckConstraint("theme is null or theme in ('system','light','dark')", name="ck_users_theme"),
    )


class AuthSession(Base):
    """A signed-in browser session; the cookie carries its id so deletion signs the user out everywhere."""

    __tablename__ = "auth_sessions"
    id: Mapped[uuid.UUID] = _uuid_pk()
    user_id: Mapped[uuid.UUID] = _user_fk()
    created_at: Mapped[datetime] = _created()
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Wallet(Base):
    __tablename__ = "wallets"
    user_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    balance: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = _created()
    __table_args__ = (CheckConstraint("balance >= 0", name="ck_wallets_balance_nonnegative"),)


class AdminAudit(Base):
    __tablename__ = "admin_audit"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    admin_user_id: Mapped[uuid.UUID | None] = mapped_column(
        UUID(as_uuid=True), ForeignKey("users.id", ondelete="SET NULL")
    )
    admin_email: Mapped[str] = mapped_column(String(320))
    # SET NULL: the audit outlives the adjusted account, which then stays anonymous.
    target_user_id: Mapped[uuid.UUID | None] = mapped_column(
        UUID(as_uuid=True), ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    action: Mapped[str] = mapped_column(String(16), default="adjust", server_default="adjust")  # adjust|grant|revoke
    amount: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = _created()
    __table_args__ = (CheckConstraint("length(trim(reason)) > 0", name="ck_admin_audit_reason"),)


class DeletedEmail(Base):
    """A keyed hash (HMAC-SHA256) of each deleted account's e-mail: the sign-up grant is given once per address."""

    __tablename__ = "deleted_emails"
    email_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    created_at: Mapped[datetime] = _created()


class Payment(Base):
    __tablename__ = "payments"
    id: Mapped[uuid.UUID] = _uuid_pk()
    user_id: Mapped[uuid.UUID] = _user_fk()
    stripe_session_id: Mapped[str] = mapped_column(String(255), unique=True)
    pack_id: Mapped[str] = mapped_column(String(64))
    coins: Mapped[int] = mapped_column(Integer)
    amount_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(16), default="pending")  # pending|paid|failed|expired
    created_at: Mapped[datetime] = _created()
    paid_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    __table_args__ = (CheckConstraint("status in ('pending','paid','failed','expired')", name="ck_payments_status"),)


class StripeEvent(Base):
    __tablename__ = "stripe_events"
    id: Mapped[str] = mapped_column(String(255), primary_key=True)
    type: Mapped[str] = mapped_column(String(100))
    stripe_session_id: Mapped[str | None] = mapped_column(String(255), index=True)
    received_at: Mapped[datetime] = _created()


class LedgerEntry(Base):
    """Append-only: a row is never updated or deleted except with its user's account."""

    __tablename__ = "ledger_entries"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    user_id: Mapped[uuid.UUID] = _user_fk()
    kind: Mapped[str] = mapped_column(String(16))
    amount: Mapped[int] = mapped_column(Integer)
    balance_after: Mapped[int] = mapped_column(Integer)
    job_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True), index=True)
    reverses_entry_id: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("ledger_entries.id", ondelete="CASCADE"), unique=True
    )
    payment_id: Mapped[uuid.UUID | None] = mapped_column(
        UUID(as_uuid=True), ForeignKey("payments.id", ondelete="CASCADE"), unique=True
    )
    audit_id: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("admin_audit.id", ondelete="CASCADE"), unique=True
    )
    idempotency_key: Mapped[str | None] = mapped_column(String(255), unique=True)
    memo: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = _created()
    __table_args__ = (
        CheckConstraint("kind in ('grant','debit','refund','purchase','admin_adjust')", name="ck_ledger_kind"),
        CheckConstraint(
            "(kind = 'debit' and amount < 0) or (kind in ('grant','refund','purchase') and amount > 0)"
            " or (kind = 'admin_adjust' and amount <> 0)",
            name="ck_ledger_amount_sign",
        ),
        CheckConstraint("kind <> 'refund' or reverses_entry_id is not null", name="ck_ledger_refund_ref"),
        CheckConstraint("kind <> 'purchase' or payment_id is not null", name="ck_ledger_purchase_ref"),
        CheckConstraint("kind <> 'admin_adjust' or audit_id is not null", name="ck_ledger_adjust_ref"),
        Index("ix_ledger_user_created", "user_id", "created_at"),
    )


class IdempotencyKey(Base):
    __tablename__ = "idempotency_keys"
    user_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    result: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    created_at: Mapped[datetime] = _created()
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class Asset(Base):
    __tablename__ = "assets"
    id: Mapped[uuid.UUID] = _uuid_pk()
    user_id: Mapped[uuid.UUID] = _user_fk()
    kind: Mapped[str] = mapped_column(String(20))
    is_current: Mapped[bool] = mapped_column(Boolean, default=True)
    filename: Mapped[str] = mapped_column(EncryptedText)
    size_bytes: Mapped[int] = mapped_column(Integer)
    page_count: Mapped[int] = mapped_column(Integer)
    file_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    text_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    summary_json: Mapped[dict[str, Any] | None] = mapped_column(EncryptedJSON)
    model_enc: Mapped[bytes | None] = mapped_column(LargeBinary)  # encrypted core.facts DocumentModel JSON
    # "model"; "offline" (the offline engine wrote it); "document" (the model's was rejected: code's own view instead)
    summary_source: Mapped[str | None] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), default="queued")
    error_key: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[datetime] = _created()
    __table_args__ = (
        CheckConstraint("kind in ('resume','detailed_resume')", name="ck_assets_kind"),
        CheckConstraint("status in ('queued','processing','ready','failed')", name="ck_assets_status"),
        Index(
            "uq_assets_current_per_kind",
            "user_id",
            "kind",
            unique=True,
            postgresql_where=text("is_current"),
        ),
    )


class Service(Base):
    __tablename__ = "services"
    id: Mapped[uuid.UUID] = _uuid_pk()
    user_id: Mapped[uuid.UUID] = _user_fk()
    resume_asset_id: Mapped[uuid.UUID | None] = mapped_column(
        UUID(as_uuid=True), ForeignKey("assets.id", ondelete="SET NULL")
    )
    detailed_asset_id: Mapped[uuid.UUID | None] = mapped_column(
        UUID(as_uuid=True), ForeignKey("assets.id", ondelete="SET NULL")
    )
    jd_source: Mapped[str] = mapped_column(String(8))  # text|image
    jd_text: Mapped[str | None] = mapped_column(EncryptedText)
    jd_image: Mapped[bytes | None] = mapped_column(EncryptedBytes)
    job_summary_json: Mapped[dict[str, Any] | None] = mapped_column(EncryptedJSON)
    jd_model_enc: Mapped[bytes | None] = mapped_column(LargeBinary)  # encrypted JD DocumentModel + JobFacts
    title: Mapped[str] = mapped_column(EncryptedText, default="")
    output_lang: Mapped[str | None] = mapped_column(String(5))
    created_at: Mapped[datetime] = _created()
    __table_args__ = (
        CheckConstraint("jd_source in ('text','image')", name="ck_services_jd_source"),
        Index("ix_services_user_created", "user_id", "created_at"),
    )


class Job(Base):
    """The truth of one unit of LLM work: state, lease, attempts, the debit it carries, and its figures."""

    __tablename__ = "jobs"
    id: Mapped[uuid.UUID] = _uuid_pk()
    user_id: Mapped[uuid.UUID] = _user_fk()
    service_id: Mapped[uuid.UUID | None] = mapped_column(
        UUID(as_uuid=True), ForeignKey("services.id", ondelete="CASCADE"), index=True
    )
    asset_id: Mapped[uuid.UUID | None] = mapped_column(
        UUID(as_uuid=True), ForeignKey("assets.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))
    queue: Mapped[str] = mapped_column(String(8))
    model: Mapped[str] = mapped_column(String(100), default="")
    state: Mapped[str] = mapped_column(String(12), default="queued")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    max_attempts: Mapped[int] = mapped_column(Integer, default=4)
    lease_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    lease_token: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    not_before: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    enqueued_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    price: Mapped[int] = mapped_column(Integer, default=0)
    debit_entry_id: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("ledger_entries.id", ondelete="SET NULL"), unique=True
    )
    params: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict)  # lang only: no user content
    retrieved: Mapped[list[Any] | None] = mapped_column(JSONB)  # knowledge-base chunk references
    error_key: Mapped[str | None] = mapped_column(String(100))
    error_detail: Mapped[str | None] = mapped_column(Text)
    tokens_in: Mapped[int] = mapped_column(Integer, default=0)
    tokens_out: Mapped[int] = mapped_column(Integer, default=0)
    cost: Mapped[float] = mapped_column(Numeric(12, 6), default=0)
    latency_ms: Mapped[int | None] = mapped_column(Integer)
    ttft_ms: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = _created()
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    __table_args__ = (
        CheckConstraint(
            "kind in ('resume','detailed_resume','extract','match','customize','interview','probe')",
            name="ck_jobs_kind",
        ),
        CheckConstraint("queue in ('paid','free')", name="ck_jobs_queue"),
        CheckConstraint("state in ('queued','running','succeeded','failed','cancelled')", name="ck_jobs_state"),
        Index("ix_jobs_state_lease", "state", "lease_until"),
    )


class MatchResult(Base):
    __tablename__ = "match_results"
    id: Mapped[uuid.UUID] = _uuid_pk()
    service_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("services.id", ondelete="CASCADE"), index=True
    )
    job_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True), ForeignKey("jobs.id", ondelete="SET NULL"))
    result_json: Mapped[dict[str, Any]] = mapped_column(EncryptedJSON)
    created_at: Mapped[datetime] = _created()


class ResumeVersion(Base):
    """A tailored resume: version 1 is generated, later versions are the user's saved edits."""

    __tablename__ = "resume_versions"
    id: Mapped[uuid.UUID] = _uuid_pk()
    service_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("services.id", ondelete="CASCADE"), index=True
    )
    job_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True), ForeignKey("jobs.id", ondelete="SET NULL"))
    version: Mapped[int] = mapped_column(Integer)
    markdown: Mapped[str] = mapped_column(EncryptedText)
    sources_json: Mapped[list[Any] | None] = mapped_column(EncryptedJSON)
    grounding_json: Mapped[dict[str, Any] | None] = mapped_column(EncryptedJSON)
    projected_score: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = _created()
    __table_args__ = (UniqueConstraint("service_id", "version", name="uq_resume_versions_service_version"),)


class InterviewResult(Base):
    __tablename__ = "interview_results"
    id: Mapped[uuid.UUID] = _uuid_pk()
    service_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("services.id", ondelete="CASCADE"), index=True
    )
    job_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True), ForeignKey("jobs.id", ondelete="SET NULL"))
    resume_version_id: Mapped[uuid.UUID | None] = mapped_column(
        UUID(as_uuid=True), ForeignKey("resume_versions.id", ondelete="SET NULL")
    )
    result_json: Mapped[dict[str, Any]] = mapped_column(EncryptedJSON)
    created_at: Mapped[datetime] = _created()


class KnowledgeChunk(Base):
    __tablename__ = "knowledge_chunks"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    source: Mapped[str] = mapped_column(String(500), index=True)
    source_hash: Mapped[str] = mapped_column(String(64))
    chunk_index: Mapped[int] = mapped_column(Integer)
    category: Mapped[str] = mapped_column(String(32))
    lang: Mapped[str] = mapped_column(String(5))
    heading: Mapped[str] = mapped_column(Text, default="")
    content: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    embedding: Mapped[Any] = mapped_column(Vector(EMBEDDING_DIM))
    created_at: Mapped[datetime] = _created()
    __table_args__ = (
        UniqueConstraint("source", "chunk_index", name="uq_knowledge_source_chunk"),
        Index("ix_knowledge_category_lang", "category", "lang"),
        Index(
            "ix_knowledge_embedding_hnsw",
            "embedding",
            postgresql_using="hnsw",
            postgresql_with={"m": 16, "ef_construction": 64},
            postgresql_ops={"embedding": "vector_cosine_ops"},
        ),
    )
