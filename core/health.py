"""Readiness of every dependency, for GET /healthz: Postgres, Redis, each queue's depth, the LLM endpoint(s)
(the offline engine has none: it is code in the consumers)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
from sqlalchemy import text

from core.llm.registry import get_registry
from core.redis_conn import get_redis
from db.session import get_engine


def _check_postgres() -> dict[str, Any]:
    with get_engine().connect() as conn:
        conn.execute(text("SET statement_timeout = 2000"))
        conn.execute(text("SELECT 1"))
    return {"ok": True}


def _check_redis() -> dict[str, Any]:
    get_redis().ping()
    return {"ok": True}


def _check_llm() -> dict[str, Any]:
    registry = get_registry()
    endpoints: dict[str, Any] = {}
    for spec in {registry.route(q, "*").name: registry.route(q, "*") for q in ("paid", "free")}.values():
        if spec.is_offline:  # code in the consumers: no endpoint to probe, nothing that can time out
            endpoints[spec.name] = {"ok": True, "model": spec.engine_label, "engine": spec.engine}
            continue
        headers = {"Authorization": f"Bearer {spec.api_key()}"}
        resp = httpx.get(f"{spec.base_url.rstrip('/')}/models", headers=headers, timeout=3.0)
        if resp.status_code >= 500:
            raise RuntimeError(f"{spec.name} answered {resp.status_code}")
        endpoints[spec.name] = {"ok": True, "model": spec.model, "engine": spec.engine}
    return {"ok": True, "models": endpoints}


def health(queue_depths: Callable[[], dict[str, int]] | None = None) -> tuple[bool, dict[str, Any]]:
    """(healthy, report); the report names each dependency and, when one is down, why."""
    report: dict[str, Any] = {}
    healthy = True
    checks: dict[str, Callable[[], dict[str, Any]]] = {
        "postgres": _check_postgres,
        "redis": _check_redis,
        "llm": _check_llm,
    }
    for name, check in checks.items():
        try:
            report[name] = check()
        except Exception as exc:
            healthy = False
            report[name] = {"ok": False, "error": type(exc).__name__}
    if queue_depths is not None and report["redis"].get("ok"):
        try:
            report["queues"] = queue_depths()
        except Exception as exc:
            report["queues"] = {"error": type(exc).__name__}
    report["status"] = "ok" if healthy else "down"
    report["down"] = [name for name in checks if not report[name].get("ok")]
    return healthy, report
