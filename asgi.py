"""The web process: Streamlit's multipage UI plus small HTTP routes beside it.

    uvicorn asgi:app --port 8501

Routes: GET /healthz (dependency readiness), POST /stripe/webhook (Stripe events, signature-checked),
POST /auth/cookie (sets or clears the HttpOnly session cookie for a one-time code the page hands out).
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

import anyio
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from streamlit.runtime.pages_manager import PagesManager
from streamlit.starlette import App

from core.config import PROJECT_ROOT
from core.health import health
from core.logging import configure_logging
from core.warmup import warm_up_web
from tasks import queues

# Home.py navigates with st.navigation. Streamlit only learns that when Home.py first runs; until then a
# project with a pages/ folder is treated as a v1 multipage app, and if the process's first visitor opens a
# deep link (/Sign_in, /Billing?session_id=... back from Stripe) the page runs without Home.py and the flag
# never clears: every session of the process would lose the guard, header and sidebar. Decide it up front.
PagesManager.uses_pages_directory = False


@contextlib.asynccontextmanager
async def start_web(_app: App) -> AsyncIterator[None]:
    """The web process's start-up: JSON logs with the privacy rule, and core wired to the queues."""
    configure_logging()
    queues.wire()
    warm_up_web()
    yield


def _queue_depths() -> dict[str, int]:
    instances = {"paid": queues.paid, "free": queues.free, "maint": queues.maint}
    return {name: instance.pending_count() for name, instance in instances.items()}


async def healthz(_request: Request) -> JSONResponse:
    healthy, report = await anyio.to_thread.run_sync(lambda: health(_queue_depths))
    return JSONResponse(report, status_code=200 if healthy else 503)


async def stripe_webhook(request: Request) -> Response:
    from core.billing import handle_webhook
    from core.billing.webhook import BodyRefused, read_body

    try:
        payload = await read_body(
            request.stream(), request.headers.get("content-length"), request.headers.get("content-type")
        )
    except BodyRefused as refused:
        return JSONResponse(refused.body, status_code=refused.status)
    signature = request.headers.get("stripe-signature", "")
    status, body = await anyio.to_thread.run_sync(lambda: handle_webhook(payload, signature))
    return JSONResponse(body, status_code=status)


async def session_cookie(request: Request) -> Response:
    """POST /auth/cookie {"code": ...}: set or clear the HttpOnly session cookie (codes come from core.auth_codes)."""
    from core.auth_codes import redeem
    from core.config import get_settings

    # application/json only: a cross-site form cannot send it without a CORS preflight, which this route refuses.
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
        return Response(status_code=415)
    length = request.headers.get("content-length", "")
    if not length.isdigit() or int(length) > 1024:
        return Response(status_code=413)
    try:
        code = str((await request.json()).get("code") or "")
    except (ValueError, AttributeError):
        return Response(status_code=400)
    valid, token = await anyio.to_thread.run_sync(lambda: redeem(code))
    if not valid:
        return Response(status_code=400)
    s = get_settings()
    secure = request.url.scheme == "https" or s.public_url.startswith("https://")
    response = Response(status_code=204, headers={"Cache-Control": "no-store"})
    if token:
        max_age = int(s.cookie_expiry_days * 86400)
        response.set_cookie(
            s.cookie_name, token, max_age=max_age, path="/", secure=secure, httponly=True, samesite="lax"
        )
    else:
        response.delete_cookie(s.cookie_name, path="/", secure=secure, httponly=True, samesite="lax")
    return response


app = App(
    str(PROJECT_ROOT / "Home.py"),
    lifespan=start_web,
    routes=[
        Route("/healthz", healthz, methods=["GET"]),
        Route("/stripe/webhook", stripe_webhook, methods=["POST"]),
        Route("/auth/cookie", session_cookie, methods=["POST"]),
    ],
)
