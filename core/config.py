"""One typed settings object for the whole product.

Everything that differs between this machine and production is read here, from the environment or an
optional `.env` file. Unset infrastructure settings (DATABASE_URL, REDIS_URL, LLM keys) mean "start the
embedded default": the supervisor fills them in before any other process starts.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Configuration read from the environment (prefix-free names, as documented in .env.example)."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore", env_ignore_empty=True)

    # Infrastructure. Empty means: use the embedded default under data_dir.
    database_url: str = ""
    redis_url: str = ""
    db_pool_size: int = 20  # most connections one process opens (on demand, then kept); see db/session.py
    db_connect_timeout_s: int = Field(default=10, ge=1)  # a Postgres connection attempt gives up after this
    data_dir: Path = PROJECT_ROOT / ".data"
    public_url: str = "http://127.0.0.1:8501"

    # LLM providers. Empty keys mean: every task kind runs on the embedded local model.
    deepseek_api_key: str = ""
    deepseek_base_url: str = "https://api.deepseek.com/v1"
    deepseek_model: str = "deepseek-chat"
    deepseek_concurrency: int = 5
    glm_api_key: str = ""
    glm_base_url: str = "https://open.bigmodel.cn/api/paas/v4"
    glm_model: str = "glm-4.5-flash"
    glm_concurrency: int = 2
    llm_timeout_s: float = 120.0
    # Optional JSON file overriding the model registry (see core/llm/registry.py).
    model_registry_file: Path | None = None

    # Coins.
    signup_grant: int = 8
    price_resume: int = 1
    price_detailed_resume: int = 1
    price_service: int = 2
    price_customize: int = 2
    price_interview: int = 2
    idempotency_ttl_s: int = 15 * 60

    # Job engine.
    paid_workers: int = 8
    paid_consumers: int = 2  # processes: streaming parses on each one's GIL, so spread them over cores
    free_workers: int = 2
    job_lease_s: float = 30.0
    job_max_attempts: int = 4
    retry_base_delay_s: float = 1.0
    retry_max_delay_s: float = 30.0
    max_services_in_flight: int = 3
    stream_maxlen: int = 20_000
    stream_ttl_s: int = 24 * 3600
    reaper_interval_s: int = 15
    lost_message_grace_s: float = 20.0
    # A queued job still unclaimed this long is re-sent even if its marker says a message exists: a consumer
    # killed between taking the message and claiming the job leaves the marker behind.
    stale_queue_s: float = 300.0

    # Assets.
    # "10 MB" as the browser counts it (Streamlit's uploader: server.maxUploadSize x 10^6 bytes outside Windows),
    # so the limit the page states, the browser enforces and the use case checks is one number.
    upload_max_bytes: int = 10 * 1000 * 1000
    upload_max_pages: int = 30
    max_uploads_in_flight: int = 2  # asset uploads per user being read at once (one per kind)
    # Hostile files (core/sandbox.py): budgets of the child process that parses a PDF, and the pixel limit
    # of any image before it is decoded for OCR (a 4K screenshot is 8.3 MP; a long full-page one about 20).
    pdf_validate_budget_s: float = 10.0
    pdf_extract_budget_s: float = 60.0  # OCR of a 30-page scan takes a while; bombs are refused far sooner
    pdf_memory_budget_mb: int = 300  # validation, and the benchmark's target for every bomb
    pdf_extract_memory_mb: int = 1024  # extraction: rapidocr's models and arenas alone reach about 650 MB
    ocr_max_pixels: int = 25_000_000
    # A JD screenshot's OCR in the click keeps what it frees for speed (core.sandbox): peaks of 920-1100 MB seen.
    screenshot_ocr_memory_mb: int = 1536
    encryption_key: str = ""  # Fernet key; embedded default lives in data_dir/secret.key (0600)

    # Retrieval.
    rag_top_k: int = 4
    # How long a process reuses a search's passages (core.retrieval): the knowledge base changes only when it is
    # ingested again, and the workbench asks one of a fixed few queries before every step. 0: always search.
    rag_cache_s: float = 300.0
    # Passage vectors of the knowledge base on disk by content hash (knowledge/vector_cache.py), so an empty index
    # on a machine that embedded the same text before fills in a second. "off" turns it off.
    knowledge_vector_cache: str = str(Path(os.environ.get("XDG_CACHE_HOME") or "~/.cache") / "job-assistant-ai")

    # Stripe.
    stripe_secret_key: str = ""
    stripe_webhook_secret: str = ""
    stripe_api_base: str = ""  # tests point the SDK at a loopback stand-in
    # Same price per coin in both currencies (about 7.1 CNY to the dollar); a user is shown their currency only.
    coin_packs: str = "pack10:10:500:cny,pack10usd:10:70:usd"

    # Accounts.
    cookie_key: str = ""
    cookie_name: str = "jaa_session"
    cookie_expiry_days: float = 30.0
    # Sign-in throttling (core/throttle.py): failures allowed free, then a delay doubling from base up to max.
    login_free_failures: int = 5
    login_delay_base_s: float = 2.0
    login_delay_max_s: float = 300.0
    login_address_free_failures: int = 30  # per client address, across every account it tries
    email_hash_key: str = ""  # HMAC key for hashes of deleted e-mails; empty means COOKIE_KEY

    log_level: str = "INFO"

    def price_for(self, task_kind: str) -> int:
        """Price in coins of one job of this kind, from the price table (core.kinds.PRICE_SETTINGS)."""
        from core.kinds import JOB_KINDS, PRICE_SETTINGS

        kind = next((k for k in JOB_KINDS if k == task_kind), None)
        if kind is None:
            raise KeyError(task_kind)
        setting = PRICE_SETTINGS.get(kind)
        return int(getattr(self, setting)) if setting else 0


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings; tests call `get_settings.cache_clear()` after changing the environment."""
    return Settings()


def reset_settings() -> None:
    get_settings.cache_clear()


__all__ = ["PROJECT_ROOT", "Field", "Settings", "get_settings", "reset_settings"]
